/*
 * Memory and string functions for every stage (lib/string.c). They carry
 * the C library's names because gcc emits calls to memcpy, memmove, memset
 * and memcmp on its own, even in freestanding code (see the gcc manual,
 * -ffreestanding), so those must exist under exactly these names.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>

void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *s1, const void *s2, size_t n);
void *memchr(const void *s, int c, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *s1, const char *s2);
int strncmp(const char *s1, const char *s2, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);

/*
 * Linux semantics: copy at most count - 1 bytes and always NUL-terminate
 * (when count > 0). Returns the length copied, or -E2BIG if src did not
 * fit (including count == 0).
 */
long strscpy(char *dest, const char *src, size_t count);

#endif
