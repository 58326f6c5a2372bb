/*
 * vsnprintf() for the 16-bit setup, the decompressor and the kernel.
 *
 * Semantics follow C99 7.19.6.1 and, where C99 leaves a combination
 * undefined (%p flags, '0' with %s), what glibc does, so that host tests
 * can compare against glibc byte for byte.
 *
 * Constraints of the three targets shape the code:
 *  - the -m16 setup has no libgcc, so nothing divides a 64-bit value with
 *    '/' or '%': div_u64_rem() does long division in 16-bit steps;
 *  - the decompressor runs unrelocated, so there is no initialised data
 *    holding pointers (no tables of strings or handlers);
 *  - output goes one byte at a time through struct sink, which counts
 *    everything but stores only what fits, giving C99's return value and
 *    truncation rules in one place.
 */
#include <linux/ctype.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/types.h>

#define LEFT	0x01	/* '-': pad on the right */
#define PLUS	0x02	/* '+': always print a sign */
#define SPACE	0x04	/* ' ': space instead of '+' */
#define SPECIAL	0x08	/* '#': 0x prefix or leading 0 for octal */
#define ZEROPAD	0x10	/* '0': zeros between prefix and digits */
#define SIGN	0x20	/* the conversion has a sign (d, i, p) */
#define SMALL	0x40	/* lowercase hex digits */

struct printf_spec {
	unsigned int flags;
	unsigned int base;
	int field_width;
	int precision;		/* -1 when none was given */
};

struct sink {
	char *buf;
	size_t size;
	size_t len;		/* bytes the full output needs so far */
};

static void put_char(struct sink *out, char c)
{
	if (out->len + 1 < out->size)
		out->buf[out->len] = c;
	out->len++;
}

static void put_repeat(struct sink *out, char c, int n)
{
	while (n-- > 0)
		put_char(out, c);
}

/*
 * Divides by any divisor below 2^16. Each step divides a 32-bit value:
 * the remainder so far (below the divisor) shifted up by 16 plus the next
 * 16 bits of the dividend, so no 64-bit division is ever emitted.
 */
static u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
	u64 quotient = 0;
	u32 rem = 0;
	int shift;

	for (shift = 48; shift >= 0; shift -= 16) {
		u32 cur = rem << 16 | ((u32)(dividend >> shift) & 0xffff);

		quotient = quotient << 16 | cur / divisor;
		rem = cur % divisor;
	}
	*remainder = rem;
	return quotient;
}

/* Field layout (C99 7.19.6.1): pad, sign, prefix, zeros, digits, pad. */
static void number(struct sink *out, u64 num, bool negative,
		   const struct printf_spec *spec)
{
	char digits[22];	/* 2^64 - 1 in octal */
	char sign = 0;
	char letter = spec->flags & SMALL ? 'a' : 'A';
	int len = 0, prefix_len, zeros, pad;
	int precision = spec->precision < 0 ? 1 : spec->precision;
	bool hex_prefix = spec->base == 16 && (spec->flags & SPECIAL) && num;

	while (num) {
		u32 d;

		num = div_u64_rem(num, spec->base, &d);
		digits[len++] = d < 10 ? '0' + d : letter + d - 10;
	}
	/* C99 7.19.6.1, # with o: raise the precision to force a leading 0 */
	if (spec->base == 8 && (spec->flags & SPECIAL) && precision <= len)
		precision = len + 1;

	if (spec->flags & SIGN) {
		if (negative)
			sign = '-';
		else if (spec->flags & PLUS)
			sign = '+';
		else if (spec->flags & SPACE)
			sign = ' ';
	}
	prefix_len = (sign != 0) + (hex_prefix ? 2 : 0);
	zeros = precision > len ? precision - len : 0;
	pad = spec->field_width - prefix_len - zeros - len;
	if ((spec->flags & ZEROPAD) && pad > 0) {
		zeros += pad;
		pad = 0;
	}

	if (!(spec->flags & LEFT))
		put_repeat(out, ' ', pad);
	if (sign)
		put_char(out, sign);
	if (hex_prefix) {
		put_char(out, '0');
		put_char(out, spec->flags & SMALL ? 'x' : 'X');
	}
	put_repeat(out, '0', zeros);
	while (len)
		put_char(out, digits[--len]);
	if (spec->flags & LEFT)
		put_repeat(out, ' ', pad);
}

static void string(struct sink *out, const char *s, int len,
		   const struct printf_spec *spec)
{
	int pad = spec->field_width - len;

	if (!(spec->flags & LEFT))
		put_repeat(out, ' ', pad);
	while (len--)
		put_char(out, *s++);
	if (spec->flags & LEFT)
		put_repeat(out, ' ', pad);
}

/* glibc prints "(null)" only when the precision lets all of it through. */
static void format_str(struct sink *out, const char *s,
		       const struct printf_spec *spec)
{
	size_t max = spec->precision < 0 ? (size_t)-1 : (size_t)spec->precision;

	if (!s)
		s = max >= 6 ? "(null)" : "";
	string(out, s, strnlen(s, max), spec);
}

/* Saturates instead of overflowing; such widths are nonsense anyway. */
static int skip_atoi(const char **s)
{
	int n = 0;

	while (isdigit(**s)) {
		if (n <= (__INT_MAX__ - 9) / 10)
			n = n * 10 + (**s - '0');
		(*s)++;
	}
	return n;
}

/*
 * Qualifiers are folded to one character each: 'H' for hh and 'q' for ll.
 * Values are read with their promoted type and then narrowed, as C99
 * 7.19.6.1 specifies for hh and h.
 */
static s64 get_signed(va_list *ap, char qualifier)
{
	switch (qualifier) {
	case 'H':
		return (signed char)va_arg(*ap, int);
	case 'h':
		return (short)va_arg(*ap, int);
	case 'l':
		return va_arg(*ap, long);
	case 'q':
		return va_arg(*ap, long long);
	case 'j':
		return va_arg(*ap, intmax_t);
	case 'z':
	case 't':
		return va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, int);
	}
}

static u64 get_unsigned(va_list *ap, char qualifier)
{
	switch (qualifier) {
	case 'H':
		return (unsigned char)va_arg(*ap, unsigned int);
	case 'h':
		return (unsigned short)va_arg(*ap, unsigned int);
	case 'l':
		return va_arg(*ap, unsigned long);
	case 'q':
		return va_arg(*ap, unsigned long long);
	case 'j':
		return va_arg(*ap, uintmax_t);
	case 'z':
	case 't':
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

static const char *parse_flags(const char *fmt, struct printf_spec *spec)
{
	for (;; fmt++) {
		switch (*fmt) {
		case '-':
			spec->flags |= LEFT;
			break;
		case '+':
			spec->flags |= PLUS;
			break;
		case ' ':
			spec->flags |= SPACE;
			break;
		case '#':
			spec->flags |= SPECIAL;
			break;
		case '0':
			spec->flags |= ZEROPAD;
			break;
		default:
			return fmt;
		}
	}
}

/* C99: a negative '*' width is a '-' flag plus a positive width. */
static const char *parse_width(const char *fmt, struct printf_spec *spec,
			       va_list *ap)
{
	int width;

	if (*fmt != '*') {
		spec->field_width = skip_atoi(&fmt);
		return fmt;
	}
	width = va_arg(*ap, int);
	if (width < 0) {
		spec->flags |= LEFT;
		width = width < -__INT_MAX__ ? __INT_MAX__ : -width;
	}
	spec->field_width = width;
	return fmt + 1;
}

/* C99: '.' alone means 0, a negative '*' precision means none. */
static const char *parse_precision(const char *fmt, struct printf_spec *spec,
				   va_list *ap)
{
	int precision;

	if (*fmt != '.')
		return fmt;
	fmt++;
	if (*fmt != '*') {
		spec->precision = skip_atoi(&fmt);
		return fmt;
	}
	precision = va_arg(*ap, int);
	spec->precision = precision < 0 ? -1 : precision;
	return fmt + 1;
}

static const char *parse_qualifier(const char *fmt, char *qualifier)
{
	*qualifier = 0;
	switch (*fmt) {
	case 'h':
	case 'l':
		*qualifier = *fmt++;
		if (*fmt == *qualifier) {
			*qualifier = *qualifier == 'h' ? 'H' : 'q';
			fmt++;
		}
		return fmt;
	case 'j':
	case 'z':
	case 't':
		*qualifier = *fmt;
		return fmt + 1;
	default:
		return fmt;
	}
}

static void format_integer(struct sink *out, char conv, char qualifier,
			   struct printf_spec *spec, va_list *ap)
{
	s64 value;

	/* C99: '0' is ignored with '-' or with a precision. */
	if ((spec->flags & LEFT) || spec->precision >= 0)
		spec->flags &= ~ZEROPAD;
	switch (conv) {
	case 'd':
	case 'i':
		spec->flags |= SIGN;
		value = get_signed(ap, qualifier);
		number(out, value < 0 ? -(u64)value : (u64)value, value < 0,
		       spec);
		return;
	case 'o':
		spec->base = 8;
		break;
	case 'x':
		spec->flags |= SMALL;
		spec->base = 16;
		break;
	case 'X':
		spec->base = 16;
		break;
	}
	number(out, get_unsigned(ap, qualifier), false, spec);
}

/* glibc's %p: like %#lx but with sign flags honoured, "(nil)" for NULL. */
static void format_pointer(struct sink *out, const void *p,
			   struct printf_spec *spec)
{
	if (!p) {
		string(out, "(nil)", 5, spec);
		return;
	}
	if ((spec->flags & LEFT) || spec->precision >= 0)
		spec->flags &= ~ZEROPAD;
	spec->flags |= SIGN | SPECIAL | SMALL;
	spec->base = 16;
	number(out, (uintptr_t)p, false, spec);
}

/*
 * Formats the conversion specification at fmt (which points at its '%')
 * and returns where the literal text after it starts.
 */
static const char *format_one(struct sink *out, const char *fmt, va_list *ap)
{
	struct printf_spec spec = { .base = 10, .precision = -1 };
	const char *start = fmt;
	char qualifier, c;

	fmt = parse_flags(fmt + 1, &spec);
	fmt = parse_width(fmt, &spec, ap);
	fmt = parse_precision(fmt, &spec, ap);
	fmt = parse_qualifier(fmt, &qualifier);

	switch (*fmt) {
	case 'd':
	case 'i':
	case 'u':
	case 'o':
	case 'x':
	case 'X':
		format_integer(out, *fmt, qualifier, &spec, ap);
		break;
	case 'c':
		c = (unsigned char)va_arg(*ap, int);
		spec.precision = -1;
		string(out, &c, 1, &spec);
		break;
	case 's':
		format_str(out, va_arg(*ap, const char *), &spec);
		break;
	case 'p':
		format_pointer(out, va_arg(*ap, const void *), &spec);
		break;
	case '%':
		put_char(out, '%');
		break;
	case '\0':
		/* A lone '%' at the end: print what was there and stop. */
		while (start < fmt)
			put_char(out, *start++);
		return fmt;
	default:
		while (start <= fmt)
			put_char(out, *start++);
		break;
	}
	return fmt + 1;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct sink out = { .buf = buf, .size = size };
	va_list ap;

	/* A va_list parameter cannot portably be passed on by address. */
	va_copy(ap, args);
	while (*fmt) {
		if (*fmt == '%')
			fmt = format_one(&out, fmt, &ap);
		else
			put_char(&out, *fmt++);
	}
	va_end(ap);
	if (size)
		buf[out.len < size ? out.len : size - 1] = '\0';
	return out.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int len = vsnprintf(buf, size, fmt, args);

	if ((size_t)len < size)
		return len;
	return size ? size - 1 : 0;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}
