/*
 * Scaffolding shared by the host unit tests in tests/host/: pass/fail
 * counters, case groups and a seeded pseudo-random generator. Each test is
 * one translation unit, so everything here is static inline and only what
 * a test uses is compiled into it.
 *
 * Output contract (the build relies on it): one line per case group,
 * "<name> N passed, N failed", then a final line that is exactly
 * "N passed, N failed" for the whole run, and exit status 0 only if
 * nothing failed. What a test prints about a single failure is its own
 * business; the counters below let it limit that per group or per run.
 *
 * Generator: xorshift64* (Marsaglia's xorshift with shifts 12, 25, 27 and
 * Vigna's output multiplier), seeded by each test with harness_seed() so
 * that every run of a test checks the same cases. The seed must not be 0.
 */
#ifndef TESTS_HOST_HARNESS_H
#define TESTS_HOST_HARNESS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

static struct {
	unsigned long passed, failed;			/* whole run */
	unsigned long group_passed, group_failed;	/* current group */
	uint64_t rng_state;
} harness;

static inline void harness_seed(uint64_t seed)
{
	harness.rng_state = seed;
}

static inline uint64_t rnd(void)
{
	harness.rng_state ^= harness.rng_state >> 12;
	harness.rng_state ^= harness.rng_state << 25;
	harness.rng_state ^= harness.rng_state >> 27;
	return harness.rng_state * 0x2545f4914f6cdd1dull;
}

static inline unsigned int rnd_below(unsigned int n)
{
	return rnd() % n;
}

static inline void harness_pass(void)
{
	harness.group_passed++;
	harness.passed++;
}

static inline void harness_fail(void)
{
	harness.group_failed++;
	harness.failed++;
}

/* Counts one check; returns ok so that callers can report only failures. */
static inline bool harness_check(bool ok)
{
	if (ok)
		harness_pass();
	else
		harness_fail();
	return ok;
}

/*
 * harness_check() with a description: the first 20 failures of a group are
 * printed as "  FAIL: <description>", the rest only counted.
 */
static inline bool __attribute__((format(printf, 2, 3)))
harness_expect(bool ok, const char *fmt, ...)
{
	va_list ap;

	if (harness_check(ok))
		return true;
	if (harness.group_failed <= 20) {
		printf("  FAIL: ");
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
		printf("\n");
	}
	return false;
}

static inline void group_start(void)
{
	harness.group_passed = 0;
	harness.group_failed = 0;
}

static inline void group_end(const char *name)
{
	printf("%-30s %lu passed, %lu failed\n", name, harness.group_passed,
	       harness.group_failed);
}

/* Prints the summary line; the result is main()'s exit status. */
static inline int harness_summary(void)
{
	printf("%lu passed, %lu failed\n", harness.passed, harness.failed);
	return harness.failed != 0;
}

#endif
