/*
 * Kernel command line parsing shared by every stage (lib/cmdline.c).
 *
 * The command line (boot protocol, "The kernel command line") is a list of
 * words separated by white space; a word is either a bare "name" or
 * "name=value". A double quote anywhere toggles quoting, and white space
 * inside quotes does not end the word, so values like
 * dyndbg="file foo.c +p" stay one word. A bare "--" ends the kernel's
 * parameters: what follows belongs to init.
 *
 * cmdline_next_arg() is the only tokenizer; the find functions, the setup,
 * the decompressor and the kernel's parameter registry all go through it.
 * It never modifies the string, so it works on the loader's buffer in place.
 */
#ifndef _LINUX_CMDLINE_H
#define _LINUX_CMDLINE_H

#include <linux/types.h>

/*
 * One word. Quotes are removed from the spans as Linux does: a quote
 * opening the word and its partner at the word's end, and likewise for the
 * value. An unterminated quote runs to the end of the string. value is NULL
 * for a bare name, and points at an empty span for "name=".
 */
struct cmdline_arg {
	const char *name;
	size_t name_len;
	const char *value;
	size_t value_len;
};

/*
 * Parses the word at or after p (leading white space is skipped) into arg
 * and returns where the following search should start, or NULL if no word
 * is left (arg is then unchanged). p may be NULL.
 */
const char *cmdline_next_arg(const char *p, struct cmdline_arg *arg);

/* True for the bare "--" that separates init's arguments from ours. */
bool cmdline_arg_is_end(const struct cmdline_arg *arg);

/*
 * Copies the value of the last "option=value" before "--" to buf, cut to
 * bufsize - 1 bytes and NUL-terminated (if bufsize > 0). Returns the
 * value's full length, or -1 if the option is absent.
 */
int cmdline_find_option(const char *cmdline, const char *option, char *buf,
			int bufsize);

/*
 * Returns the 1-based word number of the last bare "option" before "--",
 * or 0 if there is none. "option=..." does not count.
 */
int cmdline_find_option_bool(const char *cmdline, const char *option);

/*
 * Linux's number parsing: no sign, no leading space; base 0 picks 16 for
 * "0x" (followed by a hex digit), 8 for a leading 0, else 10; base 16
 * accepts an optional "0x". Overflow wraps modulo 2^64. *endp (if endp) is
 * set after the last digit, or to cp if there was none.
 */
unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base);

/*
 * simple_strtoull(p, .., 0) with an optional K, M, G, T, P or E suffix
 * (either case) multiplying by 2^10 .. 2^60. *retptr (if retptr) is set
 * after the number and its suffix.
 */
unsigned long long memparse(const char *ptr, char **retptr);

#endif
