/*
 * printk through its reader API, in the running kernel: records come back
 * in order with their levels, and when far more is printed than the ring
 * holds, the oldest records are dropped and counted while the newest stay
 * intact and in sequence. The test prints at KERN_DEBUG, below the
 * consoles' level, and it does push the boot log out of the ring.
 */
#include <linux/ktest.h>
#include <linux/printk.h>
#include <linux/printk_ringbuffer.h>
#include <linux/string.h>
#include <linux/sprintf.h>

extern struct printk_ringbuffer printk_log;

static void records_in_order(struct ktest *test)
{
	u64 since = ktest_log_seq();
	long long a, b;

	printk(KERN_DEBUG "printk_test: first\n");
	printk(KERN_DEBUG "printk_test: second\n");
	a = ktest_log_find(since, "printk_test: first");
	b = ktest_log_find(since, "printk_test: second");
	KTEST_EXPECT_EQ(test, a, (long long)since);
	KTEST_EXPECT_EQ(test, b, a + 1);
}

static void ring_wraps_around(struct ktest *test)
{
	static char buf[64], want[64];
	u64 dropped = printk_log.dropped, lines = 2 * printk_log.size / 40, i;
	struct printk_info info;
	struct prb_iter it;
	u64 prev = 0;
	bool first = true, in_order = true;
	int n;

	for (i = 0; i < lines; i++)
		printk(KERN_DEBUG "printk_test: wrap %llu\n", (unsigned long long)i);
	KTEST_EXPECT_TRUE(test, printk_log.dropped > dropped);

	/* What is left is the newest, contiguous, ending with the last line. */
	printk_iter_init(&it);
	while ((n = printk_read(&it, &info, buf, sizeof(buf) - 1)) >= 0) {
		buf[n] = '\0';
		if (!first && info.seq != prev + 1)
			in_order = false;
		prev = info.seq;
		first = false;
	}
	snprintf(want, sizeof(want), "printk_test: wrap %llu",
		 (unsigned long long)(lines - 1));
	KTEST_EXPECT_TRUE(test, in_order);
	KTEST_EXPECT_TRUE(test, !strcmp(buf, want));
	KTEST_EXPECT_EQ(test, printk_log.head_seq, prev + 1);
}

static const struct ktest_case printk_cases[] = {
	KTEST_CASE(records_in_order),
	KTEST_CASE(ring_wraps_around),
	{}
};

static const struct ktest_suite printk_suite = { "printk", printk_cases };
ktest_register_suite(printk_suite);
