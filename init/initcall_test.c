/*
 * do_initcalls() runs the levels in order, whatever the link order: these
 * initcalls, defined here out of order, record when they ran, and the
 * test (which runs later, from kernel_init) checks the record.
 */
#include <linux/init.h>
#include <linux/ktest.h>

static int ran[8], nr_ran;

static int __init record_late(void)
{
	ran[nr_ran++] = 7;
	return 0;
}
late_initcall(record_late);

static int __init record_core(void)
{
	ran[nr_ran++] = 1;
	return 0;
}
core_initcall(record_core);

static int __init record_device(void)
{
	ran[nr_ran++] = 6;
	return 0;
}
device_initcall(record_device);

static int __init record_arch(void)
{
	ran[nr_ran++] = 3;
	return 0;
}
arch_initcall(record_arch);

static void levels_in_order(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, nr_ran, 4);
	KTEST_EXPECT_EQ(test, ran[0], 1);
	KTEST_EXPECT_EQ(test, ran[1], 3);
	KTEST_EXPECT_EQ(test, ran[2], 6);
	KTEST_EXPECT_EQ(test, ran[3], 7);
}

static const struct ktest_case initcall_cases[] = {
	KTEST_CASE(levels_in_order),
	{}
};

static const struct ktest_suite initcall_suite = { "initcall", initcall_cases };
ktest_register_suite(initcall_suite);
