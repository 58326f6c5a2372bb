/*
 * Formatted output into a buffer (lib/vsprintf.c), for every stage.
 * C99 7.19.6 semantics for the supported subset: conversions d i u x X o c
 * s p %, flags - + space # 0, width and precision (also '*'), length
 * modifiers hh h l ll z t j. %p prints like glibc: 0x + lowercase hex, or
 * "(nil)" for NULL. An unsupported conversion is copied to the output
 * verbatim, from the '%' to the offending character, and consumes no
 * argument (beyond any '*' already read).
 */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <stdarg.h>
#include <linux/types.h>

/* Return the length the complete output would have had, as C99 does. */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
	__attribute__((format(printf, 3, 0)));
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Linux semantics: return the bytes actually stored, excluding the NUL. */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
	__attribute__((format(printf, 3, 0)));
int scnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
