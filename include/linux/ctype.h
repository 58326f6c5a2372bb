/*
 * ASCII character classes for parsing command lines and formats. Linux uses
 * a 256-entry table; plain comparisons are smaller for the 16-bit setup and
 * need no data at all, which keeps the position-independent decompressor
 * free of anything to relocate. Only the C locale exists here.
 */
#ifndef _LINUX_CTYPE_H
#define _LINUX_CTYPE_H

static inline int isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static inline int isxdigit(int c)
{
	return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* C99 7.4.1.10: space, \t, \n, \v, \f and \r. */
static inline int isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline int tolower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

#endif
