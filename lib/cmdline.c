/*
 * Kernel command line parsing for every stage; the rules are described in
 * <linux/cmdline.h>. Everything is built on one non-destructive tokenizer,
 * cmdline_next_arg(), so the setup, the decompressor and the kernel cannot
 * disagree about where a word or a quoted value ends.
 *
 * Also here: simple_strtoull() and memparse(), the number parsers options
 * such as console=uart,io,0x3f8,115200n8 and mem=512M need. They multiply
 * and shift but never divide, so the -m16 setup needs no libgcc.
 */
#include <linux/cmdline.h>
#include <linux/ctype.h>
#include <linux/string.h>

static const char *skip_spaces(const char *p)
{
	while (isspace(*p))
		p++;
	return p;
}

/* A word ends at white space outside double quotes, or at the NUL. */
static const char *word_end(const char *p)
{
	bool quoted = false;

	for (; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && isspace(*p))
			break;
	}
	return p;
}

/* Drops an opening quote and, if there is one, the closing quote too. */
static void strip_quotes(const char **s, size_t *len)
{
	if (!*len || **s != '"')
		return;
	(*s)++;
	(*len)--;
	if (*len && (*s)[*len - 1] == '"')
		(*len)--;
}

const char *cmdline_next_arg(const char *p, struct cmdline_arg *arg)
{
	const char *end, *eq;
	size_t len;

	if (!p)
		return NULL;
	p = skip_spaces(p);
	if (!*p)
		return NULL;
	end = word_end(p);
	len = end - p;
	strip_quotes(&p, &len);

	arg->name = p;
	eq = memchr(p, '=', len);
	if (!eq) {
		arg->name_len = len;
		arg->value = NULL;
		arg->value_len = 0;
		return end;
	}
	arg->name_len = eq - p;
	arg->value = eq + 1;
	arg->value_len = len - arg->name_len - 1;
	strip_quotes(&arg->value, &arg->value_len);
	return end;
}

bool cmdline_arg_is_end(const struct cmdline_arg *arg)
{
	return !arg->value && arg->name_len == 2 && !memcmp(arg->name, "--", 2);
}

static bool arg_is(const struct cmdline_arg *arg, const char *option)
{
	return arg->name_len == strlen(option) &&
	       !memcmp(arg->name, option, arg->name_len);
}

int cmdline_find_option(const char *cmdline, const char *option, char *buf,
			int bufsize)
{
	struct cmdline_arg arg;
	size_t copy;
	int found = -1;

	while ((cmdline = cmdline_next_arg(cmdline, &arg)) &&
	       !cmdline_arg_is_end(&arg)) {
		if (!arg.value || !arg_is(&arg, option))
			continue;
		found = arg.value_len;
		if (bufsize <= 0)
			continue;
		copy = arg.value_len;
		if (copy > (size_t)bufsize - 1)
			copy = bufsize - 1;
		memcpy(buf, arg.value, copy);
		buf[copy] = '\0';
	}
	return found;
}

int cmdline_find_option_bool(const char *cmdline, const char *option)
{
	struct cmdline_arg arg;
	int pos = 0, found = 0;

	while ((cmdline = cmdline_next_arg(cmdline, &arg)) &&
	       !cmdline_arg_is_end(&arg)) {
		pos++;
		if (!arg.value && arg_is(&arg, option))
			found = pos;
	}
	return found;
}

/* Digits beyond 9 are letters in either case; 36 means "not a digit". */
static unsigned int digit_value(char c)
{
	if (isdigit(c))
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	return 36;
}

unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base)
{
	unsigned long long result = 0;
	unsigned int digit;

	/* Only skip "0x" if a digit follows, so endp is right for "0xg". */
	if ((base == 0 || base == 16) && cp[0] == '0' &&
	    tolower(cp[1]) == 'x' && isxdigit(cp[2])) {
		cp += 2;
		base = 16;
	} else if (base == 0) {
		base = cp[0] == '0' ? 8 : 10;
	}
	while ((digit = digit_value(*cp)) < base) {
		result = result * base + digit;
		cp++;
	}
	if (endp)
		*endp = (char *)cp;
	return result;
}

unsigned long long memparse(const char *ptr, char **retptr)
{
	static const char suffixes[] = "kmgtpe";
	unsigned long long ret;
	char *end;
	int i;

	ret = simple_strtoull(ptr, &end, 0);
	for (i = 0; suffixes[i]; i++) {
		if (tolower(*end) == suffixes[i]) {
			ret <<= 10 * (i + 1);
			end++;
			break;
		}
	}
	if (retptr)
		*retptr = end;
	return ret;
}
