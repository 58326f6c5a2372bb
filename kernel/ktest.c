/*
 * Runs the registered test suites and prints KTAP: a version line and a
 * plan for the suites, then each suite as a subtest indented by four
 * spaces, with its own plan and one result line per case, diagnostics as
 * "# " lines, and totals at the end (as KUnit prints them).
 */
#include <stdarg.h>
#include <linux/init.h>
#include <linux/ktest.h>
#include <linux/printk.h>
#include <linux/printk_ringbuffer.h>
#include <linux/sprintf.h>
#include <linux/string.h>

extern struct printk_ringbuffer printk_log;

extern const struct ktest_suite *const __ktest_suites_start[];
extern const struct ktest_suite *const __ktest_suites_end[];

static const char *requested;	/* NULL: not asked; "": all suites */
static int total_pass, total_fail;

static int __init ktest_setup(char *value)
{
	requested = value;
	return 1;
}
early_param("ktest", ktest_setup);

void ktest_fail(struct ktest *test, const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	test->failed = true;
	pr_info("    # %s: EXPECTATION FAILED at %s:%d\n", test->name, file, line);
	pr_info("    # %s\n", msg);
}

u64 ktest_log_seq(void)
{
	return printk_log.head_seq;
}

long long ktest_log_find(u64 since, const char *prefix)
{
	static char text[256];
	size_t len = strlen(prefix);
	struct printk_info info;
	struct prb_iter it;
	int n;

	printk_iter_init(&it);
	while ((n = printk_read(&it, &info, text, sizeof(text))) >= 0)
		if (info.seq >= since && (size_t)n >= len && !memcmp(text, prefix, len))
			return info.seq;
	return -1;
}

/* Is this suite in the comma-separated list (or is the list empty)? */
static bool wanted(const struct ktest_suite *suite)
{
	size_t len = strlen(suite->name);
	const char *p = requested;

	if (!*p)
		return true;
	while (p) {
		if (!strncmp(p, suite->name, len) && (p[len] == ',' || !p[len]))
			return true;
		p = strchr(p, ',');
		if (p)
			p++;
	}
	return false;
}

static bool run_suite(const struct ktest_suite *suite, int number)
{
	const struct ktest_case *c;
	int n = 0, i = 0;
	bool failed = false;

	for (c = suite->cases; c->name; c++)
		n++;
	pr_info("    KTAP version 1\n");
	pr_info("    # Subtest: %s\n", suite->name);
	pr_info("    1..%d\n", n);
	for (c = suite->cases; c->name; c++) {
		struct ktest test = { c->name, false };

		c->run(&test);
		pr_info("    %sok %d %s\n", test.failed ? "not " : "", ++i, c->name);
		if (test.failed) {
			total_fail++;
			failed = true;
		} else {
			total_pass++;
		}
	}
	pr_info("%sok %d %s\n", failed ? "not " : "", number, suite->name);
	return !failed;
}

bool ktest_run_requested(void)
{
	const struct ktest_suite *const *s;
	int n = 0, i = 0;

	if (!requested)
		return false;
	for (s = __ktest_suites_start; s < __ktest_suites_end; s++)
		n += wanted(*s);
	pr_info("KTAP version 1\n");
	pr_info("1..%d\n", n);
	for (s = __ktest_suites_start; s < __ktest_suites_end; s++)
		if (wanted(*s))
			run_suite(*s, ++i);
	pr_info("# Totals: pass:%d fail:%d skip:0 total:%d\n", total_pass,
		total_fail, total_pass + total_fail);
	return true;
}
