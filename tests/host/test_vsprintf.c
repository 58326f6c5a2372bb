/*
 * Host test for lib/vsprintf.c: random conversion specifications (flags,
 * literal and '*' widths and precisions, length modifiers, edge values)
 * are formatted by our vsnprintf and by glibc's, and the returned length
 * and the stored bytes must agree for every buffer size from 0 upwards.
 *
 * Renaming scheme: our lib/vsprintf.c is #included below with its public
 * functions renamed to k* (kvsnprintf...) by macros, after glibc's headers,
 * so the same program can call both implementations. The test must not
 * include <ctype.h>: <linux/ctype.h> defines isdigit() and friends itself.
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#undef snprintf
#undef vsnprintf
#define vsnprintf kvsnprintf
#define snprintf ksnprintf
#define vscnprintf kvscnprintf
#define scnprintf kscnprintf
#include "../../lib/vsprintf.c"
#undef vsnprintf
#undef snprintf
#undef vscnprintf
#undef scnprintf

#include "harness.h"

#define NCASES		200000
#define REF_SIZE	4096
#define MAX_REPORTS	20

/*
 * ASan's own printf interceptor misparses "%.s" (a bare '.' is precision
 * 0) and reports glibc reading our deliberately unterminated string. Our
 * code is instrumented anyway, so only the interceptor's check is dropped.
 */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "check_printf=0";
}

static void fail(const char *what, const char *fmt, const char *detail)
{
	harness_fail();
	if (harness.failed <= MAX_REPORTS)
		fprintf(stderr, "FAIL %s: fmt \"%s\": %s\n", what, fmt, detail);
}

/*
 * One buffer size: the result must be glibc's complete output (ref, ref_len
 * bytes, possibly with embedded NULs from %c) cut to size - 1 bytes plus a
 * NUL, and nothing written past size. The buffer is malloc'ed with exactly
 * size bytes so that AddressSanitizer catches any overrun.
 */
static void check_size(const char *fmt, const char *ref, int ref_len,
		       size_t size, va_list args)
{
	size_t stored = (size_t)ref_len < size ? (size_t)ref_len : size - 1;
	char *buf = size ? malloc(size) : NULL;
	char detail[REF_SIZE + 200];
	va_list ap;
	int ret, sret;

	va_copy(ap, args);
	ret = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (ret != ref_len) {
		snprintf(detail, sizeof(detail),
			 "size %zu: returned %d, glibc %d (\"%s\")", size, ret,
			 ref_len, ref);
		fail("vsnprintf", fmt, detail);
	} else if (size && (memcmp(buf, ref, stored) || buf[stored])) {
		snprintf(detail, sizeof(detail),
			 "size %zu: got \"%.*s\", glibc \"%.*s\"", size,
			 (int)stored, buf, (int)stored, ref);
		fail("vsnprintf", fmt, detail);
	} else {
		harness_pass();
	}

	va_copy(ap, args);
	sret = kvscnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (sret != (size ? (int)stored : 0)) {
		snprintf(detail, sizeof(detail),
			 "size %zu: vscnprintf returned %d, expected %zu",
			 size, sret, size ? stored : 0);
		fail("vscnprintf", fmt, detail);
	} else {
		harness_pass();
	}
	free(buf);
}

static void check(const char *fmt, ...)
{
	char ref[REF_SIZE];
	size_t sizes[7];
	va_list args, ap;
	int ref_len, i;

	va_start(args, fmt);
	va_copy(ap, args);
	ref_len = vsnprintf(ref, sizeof(ref), fmt, ap);
	va_end(ap);
	if (ref_len < 0 || ref_len >= REF_SIZE) {
		va_end(args);
		fail("setup", fmt, "glibc output too long or an error");
		return;
	}
	sizes[0] = 0;
	sizes[1] = 1;
	sizes[2] = 1 + rnd_below(8);
	sizes[3] = ref_len ? ref_len : 1;	/* one byte truncated */
	sizes[4] = ref_len + 1;			/* exact fit */
	sizes[5] = ref_len + 2 + rnd_below(16);
	sizes[6] = REF_SIZE;
	for (i = 0; i < 7; i++)
		check_size(fmt, ref, ref_len, sizes[i], args);
	va_end(args);
}

/* Values that hit every boundary of every length modifier. */
static const long long edge_values[] = {
	0, 1, -1, 2, -2, 7, 8, 9, 10, 15, 16, 99, 100, 127, 128, -128, -129,
	255, 256, 32767, 32768, -32768, -32769, 65535, 65536, INT_MAX,
	INT_MIN, (long long)INT_MAX + 1, (long long)INT_MIN - 1, UINT_MAX,
	(long long)UINT_MAX + 1, LLONG_MAX, LLONG_MIN, LLONG_MIN + 1,
	-1000000007, 0x123456789abcdefLL, 01234567012345670123LL,
	999999999999999999LL, 1000000000000000000LL,
};

static long long random_value(void)
{
	unsigned int pick = rnd_below(10);

	if (pick < 4)
		return edge_values[rnd_below(sizeof(edge_values) /
					     sizeof(edge_values[0]))];
	if (pick < 6) {
		unsigned long long v = 1ULL << rnd_below(64);

		return (long long)(v + rnd_below(3) - 1);
	}
	return (long long)(rnd() >> rnd_below(64));
}

/*
 * Appends a conversion specification for conv to fmt and reports how many
 * '*' arguments it takes and their values in stars[].
 */
static char *gen_spec(char *fmt, char conv, const char *len_mod,
		      int stars[2], int *nstars)
{
	static const char flag_chars[] = "-+ #0";
	int i, nflags = rnd_below(4);

	*nstars = 0;
	*fmt++ = '%';
	for (i = 0; i < nflags; i++)
		*fmt++ = flag_chars[rnd_below(5)];

	switch (rnd_below(10)) {
	case 0: case 1: case 2: case 3:
		break;
	case 4: case 5: case 6:
		fmt += sprintf(fmt, "%u", rnd_below(26));
		break;
	default:
		*fmt++ = '*';
		stars[(*nstars)++] = (int)rnd_below(51) - 25;
		break;
	}

	switch (rnd_below(10)) {
	case 0: case 1: case 2: case 3:
		break;
	case 4:
		*fmt++ = '.';
		break;
	case 5: case 6: case 7:
		fmt += sprintf(fmt, ".%u", rnd_below(26));
		break;
	default:
		fmt += sprintf(fmt, ".*");
		stars[(*nstars)++] = (int)rnd_below(31) - 5;
		break;
	}
	fmt += sprintf(fmt, "%s%c", len_mod, conv);
	return fmt;
}

static char *gen_literal(char *fmt)
{
	static const char text[] = "ab %%z";
	int n = rnd_below(4);

	while (n--) {
		int i = rnd_below(sizeof(text) - 1);

		if (text[i] == '%') {
			*fmt++ = '%';
			*fmt++ = '%';
		} else {
			*fmt++ = text[i];
		}
	}
	*fmt = '\0';
	return fmt;
}

/* Calls check() with the star arguments first, then one value of type T. */
#define CHECK_WITH(fmt, stars, nstars, T, value)			\
	do {								\
		if ((nstars) == 0)					\
			check(fmt, (T)(value));				\
		else if ((nstars) == 1)					\
			check(fmt, (stars)[0], (T)(value));		\
		else							\
			check(fmt, (stars)[0], (stars)[1], (T)(value));	\
	} while (0)

static const char *const int_mods[] = { "", "hh", "h", "l", "ll", "z", "t", "j" };

/* %zd takes ssize_t, %tu the unsigned ptrdiff_t: pass what C99 asks for. */
static void check_signed(const char *fmt, const char *mod, int *stars,
			 int nstars, long long v)
{
	if (!strcmp(mod, "l"))
		CHECK_WITH(fmt, stars, nstars, long, v);
	else if (!strcmp(mod, "ll"))
		CHECK_WITH(fmt, stars, nstars, long long, v);
	else if (!strcmp(mod, "z"))
		CHECK_WITH(fmt, stars, nstars, ssize_t, v);
	else if (!strcmp(mod, "t"))
		CHECK_WITH(fmt, stars, nstars, ptrdiff_t, v);
	else if (!strcmp(mod, "j"))
		CHECK_WITH(fmt, stars, nstars, intmax_t, v);
	else
		CHECK_WITH(fmt, stars, nstars, int, v);
}

static void check_unsigned(const char *fmt, const char *mod, int *stars,
			   int nstars, long long v)
{
	if (!strcmp(mod, "l"))
		CHECK_WITH(fmt, stars, nstars, unsigned long, v);
	else if (!strcmp(mod, "ll"))
		CHECK_WITH(fmt, stars, nstars, unsigned long long, v);
	else if (!strcmp(mod, "z") || !strcmp(mod, "t"))
		CHECK_WITH(fmt, stars, nstars, size_t, v);
	else if (!strcmp(mod, "j"))
		CHECK_WITH(fmt, stars, nstars, uintmax_t, v);
	else
		CHECK_WITH(fmt, stars, nstars, unsigned int, v);
}

static void random_integer_cases(const char *convs, int n)
{
	char fmt[128], *p;
	int stars[2], nstars;

	while (n--) {
		char conv = convs[rnd_below(strlen(convs))];
		const char *mod = int_mods[rnd_below(8)];

		p = gen_literal(fmt);
		p = gen_spec(p, conv, mod, stars, &nstars);
		gen_literal(p);
		if (conv == 'd' || conv == 'i')
			check_signed(fmt, mod, stars, nstars, random_value());
		else
			check_unsigned(fmt, mod, stars, nstars, random_value());
	}
}

static void random_char_cases(int n)
{
	char fmt[128], *p;
	int stars[2], nstars;

	while (n--) {
		p = gen_literal(fmt);
		p = gen_spec(p, 'c', "", stars, &nstars);
		gen_literal(p);
		CHECK_WITH(fmt, stars, nstars, int, (int)rnd_below(256));
	}
}

/*
 * Strings include NULL and an unterminated buffer, which is only passed
 * with a precision shorter than it (C99 allows that; ASan checks we do not
 * read past it).
 */
static void random_string_cases(int n)
{
	static const char *const strs[] = {
		"", "a", "hello", "with space", "0123456789012345678901234567",
		"%d%s", NULL,
	};
	char *unterminated = malloc(26);
	char fmt[128], *p;
	int stars[2], nstars;

	memcpy(unterminated, "abcdefghijklmnopqrstuvwxyz", 26);
	while (n--) {
		const char *s = strs[rnd_below(sizeof(strs) / sizeof(strs[0]))];

		p = gen_literal(fmt);
		p = gen_spec(p, 's', "", stars, &nstars);
		gen_literal(p);
		if (strstr(fmt, ".*") && stars[nstars - 1] >= 0)
			s = unterminated;
		else if (!strstr(fmt, ".*") && strchr(fmt, '.') &&
			 rnd_below(2) && atoi(strchr(fmt, '.') + 1) <= 26)
			s = unterminated;
		CHECK_WITH(fmt, stars, nstars, const char *, s);
	}
	free(unterminated);
}

static void random_pointer_cases(int n)
{
	char fmt[128], *p;
	int stars[2], nstars;

	while (n--) {
		uintptr_t v = rnd_below(4) ? (uintptr_t)random_value() : 0;

		p = gen_literal(fmt);
		p = gen_spec(p, 'p', "", stars, &nstars);
		gen_literal(p);
		CHECK_WITH(fmt, stars, nstars, void *, (void *)v);
	}
}

/* Several conversions in one format: arguments are consumed in order. */
static void multi_cases(int n)
{
	while (n--) {
		long long a = random_value(), b = random_value();
		int c = (int)random_value();

		check("%d|%s|%llx|%c|%p|%zu|%hhd|%5.3s|%-*d|%lo|%%|%jd",
		      (int)a, "str", (unsigned long long)b, 'A' + (c & 15),
		      (void *)(uintptr_t)b, (size_t)a, (int)c, "abcdef",
		      c % 20, (int)b, (unsigned long)a, (intmax_t)b);
		check("%+.*lld%#*x%0*o% i%X", c % 30, a, (int)(b % 20),
		      (unsigned int)a, (int)(a % 20), (unsigned int)b, (int)a,
		      (unsigned int)c);
	}
}

/*
 * Fixed expectations for what C99 leaves undefined and we define in
 * <linux/sprintf.h>: unknown conversions are copied through.
 */
static void expect(const char *want, int want_ret, const char *fmt, ...)
{
	char buf[64], detail[256];
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = kvsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (ret != want_ret || strcmp(buf, want)) {
		snprintf(detail, sizeof(detail),
			 "got \"%s\" (%d), want \"%s\" (%d)", buf, ret, want,
			 want_ret);
		fail("fixed", fmt, detail);
	} else {
		harness_pass();
	}
}

static void fixed_cases(void)
{
	char buf[4] = "xyz", ref[64];

	/*
	 * glibc expands %m and we do not: if lib/vsprintf.c were also linked
	 * in, its vsnprintf would replace glibc's and we would test nothing.
	 */
	snprintf(ref, sizeof(ref), "%m");
	if (!strcmp(ref, "%m"))
		fail("fixed", "%m", "the reference is not glibc's snprintf");
	else
		harness_pass();

	expect("", 0, "");
	expect("plain text", 10, "plain text");
	expect("%y", 2, "%y");
	expect("a%-5yb", 6, "a%-5yb");
	expect("%Lq7", 4, "%Lq%d", 7);
	expect("end%", 4, "end%");
	expect("%5", 2, "%5");
	expect("100%", 4, "%d%%", 100);

	if (ksnprintf(NULL, 0, "%d", 12345) != 5 || kscnprintf(NULL, 0, "ab") ||
	    ksnprintf(buf, 0, "%s", "abc") != 3 || strcmp(buf, "xyz"))
		fail("fixed", "size 0", "wrote to the buffer or bad return");
	else
		harness_pass();
	if (kscnprintf(buf, sizeof(buf), "%s", "abcdef") != 3 ||
	    strcmp(buf, "abc"))
		fail("fixed", "scnprintf", "truncation");
	else
		harness_pass();
}

int main(void)
{
	harness_seed(0x9e3779b97f4a7c15ULL);
	group_start();
	random_integer_cases("di", NCASES / 4);
	group_end("%d %i");
	group_start();
	random_integer_cases("uoxX", NCASES / 4);
	group_end("%u %o %x %X");
	group_start();
	random_char_cases(NCASES / 10);
	group_end("%c");
	group_start();
	random_string_cases(NCASES / 5);
	group_end("%s");
	group_start();
	random_pointer_cases(NCASES / 10);
	group_end("%p");
	group_start();
	multi_cases(NCASES / 20);
	group_end("multiple conversions");
	group_start();
	fixed_cases();
	group_end("fixed cases");

	return harness_summary();
}
