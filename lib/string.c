/*
 * Memory and string functions shared by the 16-bit setup, the decompressor
 * and the kernel (C99 7.21 semantics, plus Linux's strscpy).
 *
 * One implementation serves all three targets. The bulk functions move one
 * unsigned long at a time (8 bytes on x86-64, 4 in the setup) and finish
 * with bytes; x86 allows unaligned accesses, and the aligned(1), may_alias
 * type tells gcc so without breaking the aliasing rules. Everything else is
 * a plain byte loop: small code matters more than speed for these.
 */
#include <linux/errno.h>
#include <linux/string.h>

typedef unsigned long __attribute__((aligned(1), may_alias)) word_t;

#define WORD_SIZE	sizeof(word_t)

/*
 * Copies strictly in ascending address order; memmove() relies on this for
 * overlapping moves towards lower addresses: every word is loaded before
 * the stores that could overwrite it.
 */
void *memcpy(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	for (; n >= WORD_SIZE; n -= WORD_SIZE) {
		*(word_t *)d = *(const word_t *)s;
		d += WORD_SIZE;
		s += WORD_SIZE;
	}
	while (n--)
		*d++ = *s++;
	return dest;
}

/* Descending copy for overlapping moves towards higher addresses. */
static void copy_backward(unsigned char *d, const unsigned char *s, size_t n)
{
	d += n;
	s += n;
	for (; n >= WORD_SIZE; n -= WORD_SIZE) {
		d -= WORD_SIZE;
		s -= WORD_SIZE;
		*(word_t *)d = *(const word_t *)s;
	}
	while (n--)
		*--d = *--s;
}

void *memmove(void *dest, const void *src, size_t n)
{
	uintptr_t d = (uintptr_t)dest, s = (uintptr_t)src;

	if (d - s >= n)
		return memcpy(dest, src, n);
	copy_backward(dest, src, n);
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;
	word_t pattern = (unsigned char)c * (~0UL / 0xff);

	for (; n >= WORD_SIZE; n -= WORD_SIZE) {
		*(word_t *)p = pattern;
		p += WORD_SIZE;
	}
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

int memcmp(const void *s1, const void *s2, size_t n)
{
	const unsigned char *a = s1, *b = s2;

	for (; n; n--, a++, b++) {
		if (*a != *b)
			return *a - *b;
	}
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++) {
		if (*p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t maxlen)
{
	size_t len = 0;

	while (len < maxlen && s[len])
		len++;
	return len;
}

/* C99 7.21.4: bytes compare as unsigned char. */
int strncmp(const char *s1, const char *s2, size_t n)
{
	const unsigned char *a = (const unsigned char *)s1;
	const unsigned char *b = (const unsigned char *)s2;

	for (; n; n--, a++, b++) {
		if (*a != *b)
			return *a - *b;
		if (!*a)
			break;
	}
	return 0;
}

int strcmp(const char *s1, const char *s2)
{
	return strncmp(s1, s2, (size_t)-1);
}

/* C99 7.21.5.2: the terminating NUL is part of the string and can be found. */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

/* Quadratic, but only ever used on short command-line strings. */
char *strstr(const char *haystack, const char *needle)
{
	size_t len = strlen(needle);

	for (; *haystack; haystack++) {
		if (!strncmp(haystack, needle, len))
			return (char *)haystack;
	}
	return len ? NULL : (char *)haystack;
}

long strscpy(char *dest, const char *src, size_t count)
{
	size_t len;

	if (!count)
		return -E2BIG;
	len = strnlen(src, count);
	if (len == count) {
		memcpy(dest, src, count - 1);
		dest[count - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, len + 1);
	return len;
}
