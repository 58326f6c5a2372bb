/*
 * Host test for lib/cmdline.c: table cases for the tokenizer and the find
 * functions (quotes, name prefixes, "--", repeats, empty values, buffer
 * truncation, white space), randomly generated command lines whose words
 * are known in advance, a very long line, and simple_strtoull()/memparse()
 * against glibc's strtoull().
 *
 * lib/cmdline.c is #included: its names do not clash with the C library,
 * so no renaming is needed, and it uses glibc's mem* and str*. The test
 * must not include <ctype.h>: <linux/ctype.h> defines isdigit() itself.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/cmdline.c"

#include "harness.h"

static void result(bool ok, const char *what, const char *input,
		   const char *detail)
{
	if (!harness_check(ok) && harness.failed <= 30)
		fprintf(stderr, "FAIL %s: \"%.200s\": %s\n", what,
			input ? input : "(NULL)", detail);
}

/*
 * Tokenizer: words are written "name" for a bare word and "name=value"
 * otherwise, after quote removal, and joined with '|'. A bare name can be
 * told from "name=" because the latter keeps its '='.
 */
struct token_case {
	const char *cmdline;
	const char *words;
};

static const struct token_case token_cases[] = {
	{ "", "" },
	{ " \t\n ", "" },
	{ "a", "a" },
	{ "  a  b=1\t\tc= \n d ", "a|b=1|c=|d" },
	{ "key=\"a b\" x", "key=a b|x" },
	{ "\"quoted word\" z", "quoted word|z" },
	{ "\"k=v w\" n", "k=v w|n" },
	{ "k=a\"b c\"d e", "k=a\"b c\"d|e" },
	{ "k=\"unterminated x  y", "k=unterminated x  y" },
	{ "k=\"\" l=\"", "k=|l=" },
	{ "a==b =x", "a==b|=x" },
	{ "\" \"", " " },
	{ "\"", "" },
	{ "-- init --args x=1", "--|init|--args|x=1" },
	{ "dyndbg=\"file foo.c +p\" quiet", "dyndbg=file foo.c +p|quiet" },
	{ "a\tb\nc\rd\ve\ff", "a|b|c|d|e|f" },
};

static void tokenize(const char *cmdline, char *out, size_t size)
{
	struct cmdline_arg arg;
	const char *p = cmdline;
	size_t len = 0;

	out[0] = '\0';
	while ((p = cmdline_next_arg(p, &arg))) {
		len += snprintf(out + len, size - len, "%s%.*s", len ? "|" : "",
				(int)arg.name_len, arg.name);
		if (arg.value)
			len += snprintf(out + len, size - len, "=%.*s",
					(int)arg.value_len, arg.value);
	}
}

static void test_tokenizer_table(void)
{
	struct cmdline_arg arg = { .name = "untouched" };
	char got[256], detail[600];
	size_t i;

	for (i = 0; i < sizeof(token_cases) / sizeof(token_cases[0]); i++) {
		const struct token_case *c = &token_cases[i];

		tokenize(c->cmdline, got, sizeof(got));
		snprintf(detail, sizeof(detail), "got \"%s\", want \"%s\"",
			 got, c->words);
		result(!strcmp(got, c->words), "tokenizer", c->cmdline, detail);
	}
	result(!cmdline_next_arg(NULL, &arg) &&
	       !strcmp(arg.name, "untouched"), "tokenizer", NULL,
	       "NULL command line");
}

struct find_case {
	const char *cmdline;
	const char *option;
	int bufsize;
	int ret;
	const char *buf;	/* expected contents; NULL: left untouched */
};

static const struct find_case find_cases[] = {
	{ "console=ttyS0,115200 consoleblank=0", "console", 64, 12,
	  "ttyS0,115200" },
	{ "consoleblank=0 console=tty0", "console", 64, 4, "tty0" },
	{ "consoleblank=0 console", "console", 64, -1, NULL },
	{ "xconsole=1 console_x=2 consol=3", "console", 64, -1, NULL },
	{ "a=1 a=2 a=3", "a", 64, 1, "3" },
	{ "a=longvalue a=x", "a", 64, 1, "x" },
	{ "a=1 a", "a", 64, 1, "1" },
	{ "a=1 -- a=2", "a", 64, 1, "1" },
	{ "-- a=2", "a", 64, -1, NULL },
	{ "a=1 --x a=2", "a", 64, 1, "2" },
	{ "a=1 --=5 a=2", "a", 64, 1, "2" },
	{ "a=1 \"--\" a=2", "a", 64, 1, "1" },
	{ "a=", "a", 64, 0, "" },
	{ "a=x a=", "a", 64, 0, "" },
	{ "root=/dev/sda1", "root", 5, 9, "/dev" },
	{ "root=/dev/sda1", "root", 10, 9, "/dev/sda1" },
	{ "root=/dev/sda1", "root", 9, 9, "/dev/sda" },
	{ "root=/dev/sda1", "root", 1, 9, "" },
	{ "root=/dev/sda1", "root", 0, 9, NULL },
	{ "init=\"/bin/sh -c x\" quiet", "init", 64, 12, "/bin/sh -c x" },
	{ "init=\"/bin/sh -c x", "init", 64, 12, "/bin/sh -c x" },
	{ "\"init=/bin/sh -c\"", "init", 64, 10, "/bin/sh -c" },
	{ "\ta=1\n\tb=2\n", "b", 64, 1, "2" },
	{ "a=b=c", "a", 64, 3, "b=c" },
	{ "", "a", 64, -1, NULL },
	{ NULL, "a", 64, -1, NULL },
	{ "   ", "a", 64, -1, NULL },
	{ "=x", "", 64, 1, "x" },
};

static void test_find_option_table(void)
{
	char buf[64], detail[400];
	size_t i;

	for (i = 0; i < sizeof(find_cases) / sizeof(find_cases[0]); i++) {
		const struct find_case *c = &find_cases[i];
		int ret;
		bool ok;

		memset(buf, '#', sizeof(buf));
		ret = cmdline_find_option(c->cmdline, c->option, buf,
					  c->bufsize);
		ok = ret == c->ret;
		if (c->buf)
			ok = ok && !strcmp(buf, c->buf);
		else
			ok = ok && buf[0] == '#';
		snprintf(detail, sizeof(detail),
			 "option \"%s\" size %d: got %d \"%.*s\", want %d \"%s\"",
			 c->option, c->bufsize, ret, c->buf ? 63 : 0, buf,
			 c->ret, c->buf ? c->buf : "(untouched)");
		result(ok, "find_option", c->cmdline, detail);
	}
}

struct bool_case {
	const char *cmdline;
	const char *option;
	int pos;
};

static const struct bool_case bool_cases[] = {
	{ "quiet", "quiet", 1 },
	{ "  quiet  ", "quiet", 1 },
	{ "a quiet b quiet", "quiet", 4 },
	{ "quiet a", "quiet", 1 },
	{ "quiet=1", "quiet", 0 },
	{ "quiet=", "quiet", 0 },
	{ "quietx quiet", "quiet", 2 },
	{ "quietx xquiet", "quiet", 0 },
	{ "a -- quiet", "quiet", 0 },
	{ "quiet -- quiet", "quiet", 1 },
	{ "\"quiet\"", "quiet", 1 },
	{ "x=\"a quiet\" quiet", "quiet", 2 },
	{ "console consoleblank=0", "console", 1 },
	{ "consoleblank=0 console", "console", 2 },
	{ "consoleblank=0", "console", 0 },
	{ "\tnoapic\n", "noapic", 1 },
	{ "", "quiet", 0 },
	{ NULL, "quiet", 0 },
};

static void test_find_bool_table(void)
{
	char detail[200];
	size_t i;

	for (i = 0; i < sizeof(bool_cases) / sizeof(bool_cases[0]); i++) {
		const struct bool_case *c = &bool_cases[i];
		int pos = cmdline_find_option_bool(c->cmdline, c->option);

		snprintf(detail, sizeof(detail), "option \"%s\": got %d, want %d",
			 c->option, pos, c->pos);
		result(pos == c->pos, "find_option_bool", c->cmdline, detail);
	}
}

/*
 * Random command lines built from known words: names and values from a
 * small alphabet (so repeats and prefixes happen), values sometimes quoted
 * and then containing spaces, random white space between words, and now
 * and then a bare "--". The generator's list is the reference for the
 * tokenizer and the find functions.
 */
#define MAX_WORDS	12

struct gen_word {
	char name[8];
	char value[16];
	bool has_value;
};

static void random_word(struct gen_word *w)
{
	static const char name_chars[] = "abc_.-";
	static const char value_chars[] = "xy,0/:-=";
	int i, n = 1 + rnd_below(3);

	for (i = 0; i < n; i++)
		w->name[i] = name_chars[rnd_below(sizeof(name_chars) - 1)];
	w->name[n] = '\0';
	w->has_value = rnd_below(3) != 0;
	n = rnd_below(8);
	for (i = 0; i < n; i++)
		w->value[i] = value_chars[rnd_below(sizeof(value_chars) - 1)];
	w->value[n] = '\0';
}

static size_t append_word(char *p, const struct gen_word *w)
{
	static const char *const spaces[] = { " ", "  ", "\t", "\n", " \t " };
	const char *sep = spaces[rnd_below(5)];

	if (!w->has_value)
		return sprintf(p, "%s%s", sep, w->name);
	if (w->value[0] && !rnd_below(2))
		return sprintf(p, "%s%s=\"%s %s\"", sep, w->name, w->value,
			       w->value);
	return sprintf(p, "%s%s=%s", sep, w->name, w->value);
}

static void expected_value(const char *cmdline_word, const struct gen_word *w,
			   char *out)
{
	if (strchr(cmdline_word, '"'))
		sprintf(out, "%s %s", w->value, w->value);
	else
		strcpy(out, w->value);
}

static void check_random_line(const char *line, struct gen_word *words,
			      char values[][40], int nwords)
{
	const char *name = words[rnd_below(nwords)].name;
	char buf[40], want_buf[40] = "", detail[200];
	int i, ret, want_ret = -1, want_pos = 0;

	for (i = 0; i < nwords; i++) {
		if (!words[i].has_value && !strcmp(words[i].name, "--"))
			break;
		if (strcmp(words[i].name, name))
			continue;
		if (words[i].has_value) {
			want_ret = strlen(values[i]);
			strcpy(want_buf, values[i]);
		} else {
			want_pos = i + 1;
		}
	}
	ret = cmdline_find_option(line, name, buf, sizeof(buf));
	snprintf(detail, sizeof(detail), "find \"%s\": got %d, want %d", name,
		 ret, want_ret);
	result(ret == want_ret && (ret < 0 || !strcmp(buf, want_buf)),
	       "random find_option", line, detail);
	ret = cmdline_find_option_bool(line, name);
	snprintf(detail, sizeof(detail), "bool \"%s\": got %d, want %d", name,
		 ret, want_pos);
	result(ret == want_pos, "random find_option_bool", line, detail);
}

static void test_random_lines(int n)
{
	struct gen_word words[MAX_WORDS];
	char values[MAX_WORDS][40];
	char line[MAX_WORDS * 48], want[MAX_WORDS * 48], got[MAX_WORDS * 48];

	while (n--) {
		int i, nwords = 1 + rnd_below(MAX_WORDS);
		size_t len = 0, wlen = 0;

		for (i = 0; i < nwords; i++) {
			size_t start = len;

			random_word(&words[i]);
			len += append_word(line + len, &words[i]);
			expected_value(line + start, &words[i], values[i]);
			wlen += sprintf(want + wlen, "%s%s%s%s", i ? "|" : "",
					words[i].name,
					words[i].has_value ? "=" : "",
					words[i].has_value ? values[i] : "");
		}
		tokenize(line, got, sizeof(got));
		result(!strcmp(got, want), "random tokenizer", line, got);
		check_random_line(line, words, values, nwords);
	}
}

/* 20000 words and a 100000-byte value: no length limit anywhere. */
static void test_long_line(void)
{
	size_t size = 20000 * 12 + 100100, len = 0;
	char *line = malloc(size), buf[16];
	int i, ret;

	for (i = 0; i < 20000; i++)
		len += sprintf(line + len, "w%d=%d ", i, i);
	len += sprintf(line + len, "flag big=");
	memset(line + len, 'v', 100000);
	len += 100000;
	strcpy(line + len, " w7=last");

	ret = cmdline_find_option(line, "big", buf, sizeof(buf));
	result(ret == 100000 && !strcmp(buf, "vvvvvvvvvvvvvvv"), "long line",
	       "big", "value length or truncation");
	ret = cmdline_find_option(line, "w19999", buf, sizeof(buf));
	result(ret == 5 && !strcmp(buf, "19999"), "long line", "w19999",
	       "value");
	ret = cmdline_find_option(line, "w7", buf, sizeof(buf));
	result(ret == 4 && !strcmp(buf, "last"), "long line", "w7",
	       "last occurrence");
	result(cmdline_find_option_bool(line, "flag") == 20001, "long line",
	       "flag", "word position");
	free(line);
}

/*
 * simple_strtoull() against strtoull() on strings that glibc parses the
 * same way: no sign or leading space (we accept none) and no overflow (we
 * wrap, glibc saturates), which the digit counts below guarantee.
 */
static void check_strtoull(const char *s, unsigned int base)
{
	char *end, *ref_end, detail[200];
	unsigned long long v = simple_strtoull(s, &end, base);
	unsigned long long ref = strtoull(s, &ref_end, base);

	snprintf(detail, sizeof(detail),
		 "base %u: got %llu end +%td, strtoull %llu end +%td", base, v,
		 end - s, ref, ref_end - s);
	result(v == ref && end == ref_end, "simple_strtoull", s, detail);
}

static void test_strtoull(int n)
{
	static const unsigned int bases[] = { 0, 0, 0, 2, 8, 10, 16, 16, 36 };
	static const char *const prefixes[] = { "", "", "0", "0x", "0X" };
	static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEF";
	static const char *const tails[] = { "", "", "g", "x", "K", " 5", ",9" };
	const char *tail;
	char s[96], *p;

	check_strtoull("", 0);
	check_strtoull("0x", 0);
	check_strtoull("0xg", 16);
	check_strtoull("0x1g", 0);
	check_strtoull("09", 0);
	check_strtoull("0", 16);
	check_strtoull("18446744073709551615", 10);
	check_strtoull("0xffffffffffffffff", 0);
	check_strtoull("01777777777777777777777", 0);
	result(simple_strtoull("18446744073709551616", NULL, 10) == 0,
	       "simple_strtoull", "2^64", "wraps modulo 2^64");

	while (n--) {
		unsigned int base = bases[rnd_below(9)];
		unsigned int eff = base ? base : 10;
		unsigned int max_digits, i, ndigits;
		const char *prefix = prefixes[rnd_below(5)];

		if (base == 0 && prefix[0] == '0')
			eff = prefix[1] ? 16 : 8;
		if (base != 0 && base != 16 && strlen(prefix) == 2)
			prefix = "";
		max_digits = eff == 2 ? 64 : eff == 8 ? 21 : eff == 10 ? 19 :
			     eff == 16 ? 16 : 11;
		ndigits = rnd_below(max_digits + 1);
		p = s + sprintf(s, "%s", prefix);
		for (i = 0; i < ndigits; i++) {
			char c;

			do {
				c = digits[rnd_below(sizeof(digits) - 1)];
			} while (digit_value(c) >= eff);
			*p++ = c;
		}
		tail = tails[rnd_below(7)];
		if (p == s && tail[0] == ' ')
			tail = "";	/* strtoull would skip the space */
		strcpy(p, tail);
		check_strtoull(s, base);
	}
}

struct memparse_case {
	const char *s;
	unsigned long long value;
	size_t end;
};

static const struct memparse_case memparse_cases[] = {
	{ "512M", 512ULL << 20, 4 },
	{ "4k", 4096, 2 },
	{ "1G", 1ULL << 30, 2 },
	{ "2T,x", 2ULL << 40, 2 },
	{ "3p", 3ULL << 50, 2 },
	{ "1E", 1ULL << 60, 2 },
	{ "0x1000", 0x1000, 6 },
	{ "0x10m", 0x10ULL << 20, 5 },
	{ "010K", 8192, 4 },
	{ "7", 7, 1 },
	{ "3X", 3, 1 },
	{ "115200n8", 115200, 6 },
	{ "", 0, 0 },
};

static void test_memparse(int n)
{
	static const char suffixes[] = "kKmMgGtTpPeE";
	char s[40], *end, detail[200];
	size_t i;

	for (i = 0; i < sizeof(memparse_cases) / sizeof(memparse_cases[0]);
	     i++) {
		const struct memparse_case *c = &memparse_cases[i];
		unsigned long long v = memparse(c->s, &end);

		snprintf(detail, sizeof(detail), "got %llu end +%td", v,
			 end - c->s);
		result(v == c->value && (size_t)(end - c->s) == c->end,
		       "memparse", c->s, detail);
	}
	while (n--) {
		unsigned long long base = rnd() >> (4 + rnd_below(60));
		bool hex = rnd_below(2);
		int sfx = rnd_below(13);
		int shift;
		unsigned long long v;

		/* 'e' after hex digits is one more digit, not a suffix */
		if (hex && sfx >= 10)
			sfx = 12;
		shift = sfx < 12 ? 10 * (sfx / 2 + 1) : 0;
		snprintf(s, sizeof(s), hex ? "%#llx%.1s" : "%llu%.1s",
			 base, sfx < 12 ? &suffixes[sfx] : "");
		v = memparse(s, &end);
		snprintf(detail, sizeof(detail), "got %llu end +%td", v,
			 end - s);
		result(v == strtoull(s, NULL, 0) << shift && *end == '\0',
		       "memparse", s, detail);
	}
}

int main(void)
{
	harness_seed(0x2545f4914f6cdd1dULL);
	group_start();
	test_tokenizer_table();
	group_end("tokenizer table");
	group_start();
	test_find_option_table();
	group_end("find_option table");
	group_start();
	test_find_bool_table();
	group_end("find_option_bool table");
	group_start();
	test_random_lines(20000);
	group_end("random command lines");
	group_start();
	test_long_line();
	group_end("long line");
	group_start();
	test_strtoull(100000);
	group_end("simple_strtoull");
	group_start();
	test_memparse(20000);
	group_end("memparse");

	return harness_summary();
}
