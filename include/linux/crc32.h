/*
 * The two checksums of the compressed formats we read: CRC-32 for gzip
 * (RFC 1952 section 8, the reflected polynomial 0xedb88320) and Adler-32 for
 * zlib (RFC 1950 section 9). Both follow zlib's calling convention so that
 * results chain: crc32(crc32(0, a, n), b, m) is the CRC of a followed by b,
 * and likewise adler32() starting from 1. Also as in zlib, a NULL buf
 * returns the initial value (0 or 1), which matters where zlib itself is
 * linked next to these functions (our host tests) and calls them so.
 */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/types.h>

/*
 * Start with crc = 0. The lookup tables (16 KiB of bss) are computed on
 * the first call, which must therefore not race with another call.
 */
u32 crc32(u32 crc, const void *buf, size_t len);

/* Start with adler = 1. */
u32 adler32(u32 adler, const void *buf, size_t len);

#endif
