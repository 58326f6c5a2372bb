/*
 * Host test for lib/string.c: every function against glibc's on random
 * buffers, sizes (around the word size and well beyond) and alignments,
 * overlapping memmove() in both directions, bytes above 0x7f (comparisons
 * are unsigned), and guard bytes around each destination to catch writes
 * outside it. strscpy() has no glibc counterpart; its reference is built
 * from glibc's strlen() and memcpy() following Linux's documentation.
 *
 * Renaming scheme: lib/string.c is #included below with every public name
 * renamed to k* (kmemcpy...) by macros, after glibc's headers, so the test
 * calls ours as k* and glibc's under the usual names. Only that file may be
 * compiled: linking lib/string.c as well would replace glibc's functions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define memcpy kmemcpy
#define memmove kmemmove
#define memset kmemset
#define memcmp kmemcmp
#define memchr kmemchr
#define strlen kstrlen
#define strnlen kstrnlen
#define strcmp kstrcmp
#define strncmp kstrncmp
#define strchr kstrchr
#define strrchr kstrrchr
#define strstr kstrstr
#define strscpy kstrscpy
#include "../../lib/string.c"
#undef memcpy
#undef memmove
#undef memset
#undef memcmp
#undef memchr
#undef strlen
#undef strnlen
#undef strcmp
#undef strncmp
#undef strchr
#undef strrchr
#undef strstr
#undef strscpy

#include "harness.h"

#define AREA	1024	/* room for offsets, the longest run and guards */
#define MAXLEN	300
#define GUARD	0xa5

static void result(bool ok, const char *what, size_t a, size_t b, size_t n)
{
	if (!harness_check(ok) && harness.failed <= 30)
		fprintf(stderr, "FAIL %s: %zu %zu %zu\n", what, a, b, n);
}

/* Lengths cluster at small sizes and word boundaries, with some long ones. */
static size_t random_len(void)
{
	if (rnd_below(4))
		return rnd_below(40);
	return rnd_below(MAXLEN);
}

static void fill_random(unsigned char *p, size_t n)
{
	while (n--)
		*p++ = rnd();
}

/* Random bytes 1..255, so the result has no NUL before the end. */
static void fill_string(char *p, size_t n, unsigned int alphabet)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = alphabet ? 'a' + rnd_below(alphabet) : 1 + rnd_below(255);
	p[n] = '\0';
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

static void test_memcpy(int n)
{
	static unsigned char src[AREA], dst[AREA], ref[AREA];

	while (n--) {
		size_t so = rnd_below(16), doff = 16 + rnd_below(16);
		size_t len = random_len();
		void *ret;

		fill_random(src, sizeof(src));
		memset(dst, GUARD, sizeof(dst));
		memset(ref, GUARD, sizeof(ref));
		memcpy(ref + doff, src + so, len);
		ret = kmemcpy(dst + doff, src + so, len);
		result(ret == dst + doff && !memcmp(dst, ref, sizeof(dst)),
		       "memcpy", so, doff, len);
	}
}

/* Source and destination inside one area, overlapping either way round. */
static void test_memmove(int n)
{
	static unsigned char buf[AREA], ref[AREA];

	while (n--) {
		size_t len = random_len();
		size_t so = 8 + rnd_below(64), doff;
		void *ret;

		/* dest above src, then dest below src */
		if (rnd_below(2))
			doff = so + rnd_below(len + 1);
		else
			doff = so - rnd_below(so - 7 < len ? so - 7 : len + 1);
		fill_random(buf, sizeof(buf));
		memcpy(ref, buf, sizeof(buf));
		memmove(ref + doff, ref + so, len);
		ret = kmemmove(buf + doff, buf + so, len);
		result(ret == buf + doff && !memcmp(buf, ref, sizeof(buf)),
		       "memmove", so, doff, len);
	}
}

static void test_memset(int n)
{
	static unsigned char buf[AREA], ref[AREA];
	static const int special[] = { 0, 0xff, 0x100, -1, 0x1a5, 0x7f, 0x80 };

	while (n--) {
		size_t off = rnd_below(16), len = random_len();
		int c = rnd_below(2) ? special[rnd_below(7)] : (int)rnd();
		void *ret;

		memset(buf, GUARD, sizeof(buf));
		memset(ref, GUARD, sizeof(ref));
		memset(ref + off, c, len);
		ret = kmemset(buf + off, c, len);
		result(ret == buf + off && !memcmp(buf, ref, sizeof(buf)),
		       "memset", off, (size_t)c, len);
	}
}

static void test_memcmp_memchr(int n)
{
	static unsigned char a[AREA], b[AREA];

	while (n--) {
		size_t ao = rnd_below(16), bo = rnd_below(16);
		size_t len = random_len();
		int c;

		fill_random(a + ao, len);
		memcpy(b + bo, a + ao, len);
		if (len && rnd_below(4))
			b[bo + rnd_below(len)] = rnd();
		result(sign(kmemcmp(a + ao, b + bo, len)) ==
		       sign(memcmp(a + ao, b + bo, len)), "memcmp", ao, bo, len);

		c = rnd_below(2) && len ? a[ao + rnd_below(len)] : (int)rnd();
		result(kmemchr(a + ao, c, len) == memchr(a + ao, c, len),
		       "memchr", ao, (size_t)c, len);
	}
}

/* Unterminated exact-size buffers prove strnlen() stops at maxlen. */
static void test_strlen(int n)
{
	static char s[AREA];

	while (n--) {
		size_t off = rnd_below(16), len = random_len();
		size_t max = rnd_below(len + 10);
		char *raw = malloc(len + 1);

		fill_string(s + off, len, 0);
		result(kstrlen(s + off) == strlen(s + off), "strlen", off, 0,
		       len);
		result(kstrnlen(s + off, max) == strnlen(s + off, max),
		       "strnlen", off, max, len);

		memcpy(raw, s + off, len + 1);
		result(kstrnlen(raw, len) == len, "strnlen unterminated", 0,
		       len, len);
		free(raw);
	}
}

static void test_strcmp(int n)
{
	static char a[AREA], b[AREA];

	while (n--) {
		size_t len = random_len(), blen = len;
		size_t max = rnd_below(len + 10);

		fill_string(a, len, rnd_below(2) ? 3 : 0);
		memcpy(b, a, len + 1);
		switch (rnd_below(4)) {
		case 0:
			break;
		case 1:
			if (len)
				b[rnd_below(len)] = 1 + rnd_below(255);
			break;
		case 2:
			blen = rnd_below(len + 1);	/* b a prefix of a */
			b[blen] = '\0';
			break;
		default:
			blen = len + 1 + rnd_below(5);	/* a a prefix of b */
			fill_string(b + len, blen - len, 0);
			break;
		}
		result(sign(kstrcmp(a, b)) == sign(strcmp(a, b)), "strcmp", len,
		       blen, 0);
		result(sign(kstrcmp(b, a)) == sign(strcmp(b, a)), "strcmp", blen,
		       len, 0);
		result(sign(kstrncmp(a, b, max)) == sign(strncmp(a, b, max)),
		       "strncmp", len, blen, max);
	}
}

static void test_strchr(int n)
{
	static char s[AREA];

	while (n--) {
		size_t len = random_len();
		int c;

		fill_string(s, len, rnd_below(2) ? 8 : 0);
		switch (rnd_below(4)) {
		case 0:
			c = 0;
			break;
		case 1:
			c = len ? (unsigned char)s[rnd_below(len)] : 'a';
			break;
		case 2:
			c = (len ? (unsigned char)s[rnd_below(len)] : 'a') |
			    0x100;		/* converted to char */
			break;
		default:
			c = (int)rnd();
			break;
		}
		result(kstrchr(s, c) == strchr(s, c), "strchr", len,
		       (size_t)c, 0);
		result(kstrrchr(s, c) == strrchr(s, c), "strrchr", len,
		       (size_t)c, 0);
	}
}

static void test_strstr(int n)
{
	static char h[AREA], nd[64];

	while (n--) {
		size_t hlen = random_len(), nlen = rnd_below(6);

		fill_string(h, hlen, 2 + rnd_below(3));
		if (hlen >= nlen && rnd_below(2)) {
			memcpy(nd, h + rnd_below(hlen - nlen + 1), nlen);
			nd[nlen] = '\0';
		} else {
			fill_string(nd, nlen, 3);
		}
		result(kstrstr(h, nd) == strstr(h, nd), "strstr", hlen, nlen,
		       0);
	}
}

/* Linux: copy what fits, always terminate, -E2BIG if src was cut. */
static long ref_strscpy(char *dest, const char *src, size_t count)
{
	size_t len = strlen(src);

	if (!count)
		return -E2BIG;
	if (len < count) {
		memcpy(dest, src, len + 1);
		return len;
	}
	memcpy(dest, src, count - 1);
	dest[count - 1] = '\0';
	return -E2BIG;
}

static void test_strscpy(int n)
{
	static char src[AREA], dst[AREA], ref[AREA];

	while (n--) {
		size_t len = random_len();
		size_t count = rnd_below(4) ? rnd_below(len + 3) : len + 1;
		long ret, want;

		fill_string(src, len, 0);
		memset(dst, GUARD, sizeof(dst));
		memset(ref, GUARD, sizeof(ref));
		want = ref_strscpy(ref, src, count);
		ret = kstrscpy(dst, src, count);
		result(ret == want && !memcmp(dst, ref, sizeof(dst)), "strscpy",
		       len, count, (size_t)ret);
	}
}

int main(void)
{
	harness_seed(0xd1b54a32d192ed03ULL);
	group_start();
	test_memcpy(100000);
	group_end("memcpy");
	group_start();
	test_memmove(100000);
	group_end("memmove (overlapping)");
	group_start();
	test_memset(100000);
	group_end("memset");
	group_start();
	test_memcmp_memchr(100000);
	group_end("memcmp memchr");
	group_start();
	test_strlen(100000);
	group_end("strlen strnlen");
	group_start();
	test_strcmp(100000);
	group_end("strcmp strncmp");
	group_start();
	test_strchr(100000);
	group_end("strchr strrchr");
	group_start();
	test_strstr(100000);
	group_end("strstr");
	group_start();
	test_strscpy(100000);
	group_end("strscpy");

	return harness_summary();
}
