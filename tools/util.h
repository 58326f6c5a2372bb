/*
 * Helpers shared by the host tools (build, bzinfo, mkpiggy, relocs).
 *
 * Each tool used to carry its own copy of these; keeping one copy means a
 * file that is missing, not a regular file or unreadable is reported in
 * the same words by every tool, and the image's little-endian fields are
 * decoded by one piece of code. Host-only: it uses the C library.
 */
#ifndef TOOLS_UTIL_H
#define TOOLS_UTIL_H

#include <stdio.h>

#include <linux/types.h>

/* Defined by each tool as its own name: the prefix of die()'s messages. */
extern const char *const prog;

/* Print "prog: message" and a newline to stderr, then exit(1). */
void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...);

/*
 * Open name for reading and store its size; dies unless it is a regular
 * file, since the tools read it whole or seek in it.
 */
FILE *open_file(const char *name, size_t *size);

/* The whole of file name in a malloc()ed buffer; dies on any error. */
u8 *read_file(const char *name, size_t *size);

/* size (at most 8) bytes at p, least significant first. */
u64 get_le(const u8 *p, size_t size);
u16 get_le16(const u8 *p);
u32 get_le32(const u8 *p);
void put_le32(u8 *p, u32 v);

#endif
