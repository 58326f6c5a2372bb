/*
 * In-kernel tests, in the manner of Linux's KUnit: suites of test cases
 * registered next to the code they test, run by the kernel when the
 * command line says "ktest" (all suites) or "ktest=a,b" (those suites),
 * with results printed as KTAP version 1 (Documentation/dev-tools/ktap.rst)
 * so tests/boot/ktest.sh can count them.
 */
#ifndef _LINUX_KTEST_H
#define _LINUX_KTEST_H

#include <linux/types.h>

struct ktest {
	const char *name;
	bool failed;
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *test);
};

struct ktest_suite {
	const char *name;
	const struct ktest_case *cases;	/* ends with an empty entry */
};

#define KTEST_CASE(fn)	{ #fn, fn }

#define ktest_register_suite(suite)					\
	static const struct ktest_suite *const __ktest_suite_##suite	\
		__attribute__((used, section(".ktest_suites"))) = &(suite)

void ktest_fail(struct ktest *test, const char *file, int line,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Record a failure and carry on with the case (KUnit's EXPECT). */
#define KTEST_EXPECT_TRUE(test, cond)					\
	do {								\
		if (!(cond))						\
			ktest_fail(test, __FILE__, __LINE__,		\
				   "Expected %s to be true", #cond);	\
	} while (0)

#define KTEST_EXPECT_EQ(test, a, b)					\
	do {								\
		long long __a = (a), __b = (b);				\
		if (__a != __b)						\
			ktest_fail(test, __FILE__, __LINE__,		\
				   "Expected %s == %s, but %s == %lld, %s == %lld", \
				   #a, #b, #a, __a, #b, __b);		\
	} while (0)

/*
 * The log as a test sees it: ktest_log_seq() is the sequence number the
 * next printk record will get; ktest_log_find() returns the seq of the
 * first record at or after since whose text starts with prefix, or -1.
 */
u64 ktest_log_seq(void);
long long ktest_log_find(u64 since, const char *prefix);

/* Runs the suites the command line asked for; false if none was asked. */
bool ktest_run_requested(void);

#endif
