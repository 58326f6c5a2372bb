/*
 * Tests of the exception path: a fault taken on purpose prints its oops
 * and, thanks to an exception-table fixup, lets the test carry on and
 * look at what the CPU reported.
 */
#include <linux/ktest.h>
#include <asm/extable.h>
#include <asm/traps.h>

#define UNMAPPED_ADDR	0x200000000ul	/* above the 4 GiB identity map */

static void page_fault_read(struct ktest *test)
{
	unsigned long val = 0x1234;

	expect_oops();
	asm volatile("1: movq (%1), %0\n2:\n" _ASM_EXTABLE(1b, 2b)
		     : "+r"(val) : "r"(UNMAPPED_ADDR) : "memory");
	KTEST_EXPECT_EQ(test, val, 0x1234);
	KTEST_EXPECT_EQ(test, last_exception.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(test, last_exception.cr2, UNMAPPED_ADDR);
	KTEST_EXPECT_EQ(test, last_exception.error_code, 0);	/* read, not present */
}

/* The oops says what Linux's says, with RIP as symbol+offset/length. */
static void oops_text(struct ktest *test)
{
	u64 since = ktest_log_seq();
	unsigned long val = 0;

	expect_oops();
	asm volatile("1: movq (%1), %0\n2:\n" _ASM_EXTABLE(1b, 2b)
		     : "+r"(val) : "r"(UNMAPPED_ADDR) : "memory");
	KTEST_EXPECT_TRUE(test, ktest_log_find(since,
		"BUG: unable to handle page fault for address: 0000000200000000") >= 0);
	KTEST_EXPECT_TRUE(test, ktest_log_find(since,
		"#PF: supervisor read access in kernel mode") >= 0);
	KTEST_EXPECT_TRUE(test, ktest_log_find(since,
		"#PF: error_code(0x0000) - not-present page") >= 0);
	KTEST_EXPECT_TRUE(test, ktest_log_find(since, "Oops: 0000 [#1]") >= 0);
	KTEST_EXPECT_TRUE(test, ktest_log_find(since, "CPU: 0 PID: 1 Comm: init ") >= 0);
	KTEST_EXPECT_TRUE(test, ktest_log_find(since, "RIP: 0010:oops_text+0x") >= 0);
	KTEST_EXPECT_TRUE(test, ktest_log_find(since, "CR2: 0000000200000000") >= 0);
	KTEST_EXPECT_TRUE(test, ktest_log_find(since, "Call Trace:") >= 0);
	KTEST_EXPECT_TRUE(test, ktest_log_find(since, "---[ end trace") >= 0);
}

static void page_fault_write(struct ktest *test)
{
	expect_oops();
	asm volatile("1: movq $1, (%0)\n2:\n" _ASM_EXTABLE(1b, 2b)
		     : : "r"(UNMAPPED_ADDR + 8) : "memory");
	KTEST_EXPECT_EQ(test, last_exception.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(test, last_exception.cr2, UNMAPPED_ADDR + 8);
	KTEST_EXPECT_EQ(test, last_exception.error_code, 2);	/* write, not present */
}

static void invalid_opcode(struct ktest *test)
{
	expect_oops();
	asm volatile("1: ud2\n2:\n" _ASM_EXTABLE(1b, 2b));
	KTEST_EXPECT_EQ(test, last_exception.vector, 6);
}

static void divide_error(struct ktest *test)
{
	unsigned int zero = 0, a = 1, d = 0;

	expect_oops();
	asm volatile("1: divl %2\n2:\n" _ASM_EXTABLE(1b, 2b)
		     : "+a"(a), "+d"(d) : "r"(zero));
	KTEST_EXPECT_EQ(test, last_exception.vector, X86_TRAP_DE);
}

/* A fixup without expect_oops() is silent: the future user-copy case. */
static void silent_fixup(struct ktest *test)
{
	unsigned long val = 7;

	last_exception.vector = 0xff;
	asm volatile("1: movq (%1), %0\n2:\n" _ASM_EXTABLE(1b, 2b)
		     : "+r"(val) : "r"(UNMAPPED_ADDR) : "memory");
	KTEST_EXPECT_EQ(test, val, 7);
	KTEST_EXPECT_EQ(test, last_exception.vector, X86_TRAP_PF);
}

static const struct ktest_case traps_cases[] = {
	KTEST_CASE(page_fault_read),
	KTEST_CASE(oops_text),
	KTEST_CASE(page_fault_write),
	KTEST_CASE(invalid_opcode),
	KTEST_CASE(divide_error),
	KTEST_CASE(silent_fixup),
	{}
};

static const struct ktest_suite traps_suite = { "traps", traps_cases };
ktest_register_suite(traps_suite);
