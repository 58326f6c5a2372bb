/*
 * Host test for lib/crc32.c. Two independent references: the system
 * zlib (crc32_z(), adler32_z()) and a definition-level implementation
 * written here from the specs (CRC-32 one bit at a time, RFC 1952 section
 * 8; Adler-32 reduced after every byte, RFC 1950 section 9), plus the
 * published check values. Lengths and alignments are chosen to reach every
 * path of the interleaved code: below one round, exactly at and around the
 * lane threshold and round sizes, many rounds with every tail length.
 *
 * Renaming scheme: zlib.h declares crc32() and adler32() with other types,
 * so its declarations are renamed away (zlib is called as crc32_z() and
 * adler32_z()), and lib/crc32.c is #included with its public names turned
 * into kcrc32()/kadler32(). The executable therefore does not define
 * crc32 or adler32, and libz keeps its own. Build with -lz only.
 */
#define crc32 zlib_crc32_unused
#define adler32 zlib_adler32_unused
#include <zlib.h>
#undef crc32
#undef adler32

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define crc32 kcrc32
#define adler32 kadler32
#include "../../lib/crc32.c"
#undef crc32
#undef adler32

#include "harness.h"

#define BIG	(4u << 20)	/* largest buffer; allocated with 64 more */

static u8 *buf;


/* RFC 1952 section 8: reflected polynomial, register preset and inverted. */
static u32 ref_crc32(u32 crc, const u8 *p, size_t n)
{
	u32 c = ~crc;
	unsigned int k;

	while (n--) {
		c ^= *p++;
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320 & -(c & 1));
	}
	return ~c;
}

/* RFC 1950 section 9, taken literally: both sums modulo 65521 per byte. */
static u32 ref_adler32(u32 adler, const u8 *p, size_t n)
{
	u32 a = adler & 0xffff, b = adler >> 16;

	while (n--) {
		a = (a + *p++) % 65521;
		b = (b + a) % 65521;
	}
	return b << 16 | a;
}

static void fill_random(u8 *p, size_t n)
{
	while (n--)
		*p++ = rnd();
}

static void test_check_values(void)
{
	static const char digits[] = "123456789";
	u32 c;

	group_start();
	/*
	 * The first kcrc32() call of the run: it builds the tables. The
	 * values are the catalogue's "check" for CRC-32/ISO-HDLC and the
	 * Adler-32 of "Wikipedia" from RFC 1950's definition.
	 */
	c = kcrc32(0, digits, 9);
	harness_expect(c == 0xcbf43926, "crc32 check value %08x", c);
	harness_expect(kadler32(1, "Wikipedia", 9) == 0x11e60398, "adler32 check value");
	harness_expect(kcrc32(0, "", 0) == 0, "crc32 of nothing");
	harness_expect(kcrc32(0x12345678, "", 0) == 0x12345678, "crc32 len 0 keeps crc");
	harness_expect(kadler32(1, "", 0) == 1, "adler32 of nothing");
	harness_expect(kcrc32(0xdeadbeef, NULL, 7) == crc32_z(0xdeadbeef, NULL, 7),
	      "crc32 NULL buffer as zlib");
	harness_expect(kadler32(0xdeadbeef, NULL, 7) == adler32_z(0xdeadbeef, NULL, 7),
	      "adler32 NULL buffer as zlib");
	group_end("check values");
}

/* Every single byte value from random registers: each table-0 entry. */
static void test_single_bytes(void)
{
	unsigned int v, i;
	u8 byte;
	u32 c;

	group_start();
	for (v = 0; v < 256; v++) {
		byte = v;
		for (i = 0; i < 4; i++) {
			c = i ? rnd() : 0;
			harness_expect(kcrc32(c, &byte, 1) == ref_crc32(c, &byte, 1),
			      "crc32 byte %02x from %08x", v, c);
		}
	}
	group_end("crc32 single bytes");
}

/* Lengths 0..700 at 16 alignments: every path and tail of the code. */
static void test_lengths(void)
{
	size_t len, a;
	u32 c, z;

	group_start();
	fill_random(buf, 1024);
	for (len = 0; len <= 700; len++) {
		for (a = 0; a < 16; a++) {
			c = kcrc32(0, buf + a, len);
			z = crc32_z(0, buf + a, len);
			harness_expect(c == z && c == ref_crc32(0, buf + a, len),
			      "crc32 len %zu align %zu: %08x, zlib %08x",
			      len, a, c, z);
		}
	}
	group_end("crc32 lengths x alignments");
}

/*
 * One bit set in an otherwise zero buffer, at every position: each byte
 * position of each lane goes through its own table, so a wrong entry in
 * any table shows up here, unhidden by other data.
 */
static void test_single_bits(void)
{
	static const size_t lens[] = { 80, 81, 119, 120, 127, 200, 401 };
	size_t i, pos, len;
	unsigned int bit;

	group_start();
	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		len = lens[i];
		for (pos = 0; pos < len; pos++) {
			bit = rnd_below(8);
			memset(buf, 0, len);
			buf[pos] = 1u << bit;
			harness_expect(kcrc32(0, buf, len) == ref_crc32(0, buf, len),
			      "crc32 len %zu bit %u of byte %zu", len, bit,
			      pos);
		}
	}
	group_end("crc32 single bits");
}

/* Constant buffers, where the lanes' registers can cancel or repeat. */
static void test_constant(void)
{
	static const u8 values[] = { 0x00, 0xff, 0x55, 0x80 };
	size_t i, len;

	group_start();
	for (i = 0; i < sizeof(values); i++) {
		memset(buf, values[i], 1 << 16);
		for (len = 1; len <= 1 << 16; len = len * 3 + 1)
			harness_expect(kcrc32(0, buf, len) == crc32_z(0, buf, len),
			      "crc32 %zu bytes of %02x", len, values[i]);
	}
	group_end("crc32 constant buffers");
}

static void test_large(void)
{
	size_t len, a;
	unsigned int i;

	group_start();
	fill_random(buf, BIG);
	for (i = 0; i < 40; i++) {
		len = rnd_below(BIG - 64);
		a = rnd_below(64);
		harness_expect(kcrc32(0, buf + a, len) == crc32_z(0, buf + a, len),
		      "crc32 len %zu align %zu", len, a);
	}
	harness_expect(kcrc32(0, buf, BIG) == crc32_z(0, buf, BIG), "crc32 len %u",
	      BIG);
	len = 300000 + rnd_below(1000);
	harness_expect(kcrc32(0, buf + 3, len) == ref_crc32(0, buf + 3, len),
	      "crc32 len %zu against bitwise", len);
	group_end("crc32 large buffers");
}

/* Chaining from any register, cut into up to 8 pieces of any size. */
static void test_chained(void)
{
	size_t total, off, piece, left;
	unsigned int i, pieces;
	u32 start, c;

	group_start();
	fill_random(buf, 1 << 20);
	for (i = 0; i < 2000; i++) {
		total = rnd_below(i < 1500 ? 2000 : 1 << 20);
		start = rnd_below(4) ? rnd() : 0;
		pieces = 1 + rnd_below(8);
		c = start;
		for (off = 0; off < total; off += piece) {
			left = total - off;
			piece = --pieces ? rnd_below(left + 1) : left;
			c = kcrc32(c, buf + off, piece);
		}
		harness_expect(c == crc32_z(start, buf, total),
		      "crc32 chained, %zu bytes from %08x", total, start);
	}
	group_end("crc32 chained calls");
}

/*
 * Adler-32: lengths and alignments, chained calls from any valid value,
 * and all-0xff data from the largest sums (65520, 65520), which is where
 * the deferred reduction would overflow if its bound were wrong.
 */
static void test_adler(void)
{
	static const size_t big_lens[] = { 5551, 5552, 5553, 11104, 11105,
					   65536, 1 << 20 };
	size_t len, a, i, off, piece;
	u32 start, x;

	group_start();
	fill_random(buf, 1 << 20);
	for (len = 0; len <= 300; len++)
		for (a = 0; a < 8; a++)
			harness_expect(kadler32(1, buf + a, len) ==
			      adler32_z(1, buf + a, len) &&
			      kadler32(1, buf + a, len) ==
			      ref_adler32(1, buf + a, len),
			      "adler32 len %zu align %zu", len, a);
	for (i = 0; i < 500; i++) {
		len = rnd_below(i < 400 ? 20000 : 1 << 20);
		start = rnd_below(65521) << 16 | rnd_below(65521);
		x = start;
		for (off = 0; off < len; off += piece) {
			piece = rnd_below(len - off + 1);
			x = kadler32(x, buf + off, piece);
		}
		harness_expect(x == adler32_z(start, buf, len),
		      "adler32 chained, %zu bytes from %08x", len, start);
	}
	memset(buf, 0xff, 1 << 20);
	for (i = 0; i < sizeof(big_lens) / sizeof(big_lens[0]); i++) {
		len = big_lens[i];
		start = 65520u << 16 | 65520u;
		harness_expect(kadler32(start, buf, len) == ref_adler32(start, buf, len),
		      "adler32 %zu bytes of ff from the largest sums", len);
		harness_expect(kadler32(1, buf, len) == adler32_z(1, buf, len),
		      "adler32 %zu bytes of ff", len);
	}
	group_end("adler32");
}

int main(void)
{
	buf = malloc(BIG + 64);
	if (!buf) {
		perror("malloc");
		return 2;
	}
	harness_seed(0x6372633332ull);
	test_check_values();
	test_single_bytes();
	test_lengths();
	test_single_bits();
	test_constant();
	test_large();
	test_chained();
	test_adler();
	free(buf);
	return harness_summary();
}
