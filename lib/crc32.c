/*
 * CRC-32 (gzip trailer and header CRC, RFC 1952 section 8) and Adler-32
 * (zlib trailer, RFC 1950 section 9) for the decompressor and the kernel.
 *
 * CRC-32 uses "slicing by 8": table k maps a byte to the CRC contribution
 * of that byte followed by k zero bytes, so eight bytes are folded in with
 * eight independent lookups instead of a chain of eight. The tables are
 * computed into bss on first use rather than written out as 8 KiB of
 * constants; they hold plain numbers, so the code stays position
 * independent. Little-endian loads are assumed (x86).
 */
#include <linux/crc32.h>

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "crc32.c assumes a little-endian machine"
#endif

#define CRC32_POLY_LE	0xedb88320	/* x^32 + ... + 1, bit-reversed */

/*
 * Largest n for which 255n(n+1)/2 + (n+1)(65521-1) still fits in 32 bits:
 * how many bytes Adler-32's sums can take before they must be reduced.
 */
#define ADLER_MOD	65521
#define ADLER_NMAX	5552

static u32 crc32_table[8][256];
static bool crc32_table_ready;

static void crc32_init(void)
{
	unsigned int i, j, k;
	u32 c;

	for (i = 0; i < 256; i++) {
		c = i;
		for (j = 0; j < 8; j++)
			c = (c >> 1) ^ ((c & 1) ? CRC32_POLY_LE : 0);
		crc32_table[0][i] = c;
	}
	for (k = 1; k < 8; k++) {
		for (i = 0; i < 256; i++) {
			c = crc32_table[k - 1][i];
			crc32_table[k][i] = (c >> 8) ^ crc32_table[0][c & 0xff];
		}
	}
	crc32_table_ready = true;
}

static inline u32 load_le32(const u8 *p)
{
	u32 v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
}

static u32 crc32_slice8(u32 c, const u8 *p, size_t n)
{
	u32 hi;

	for (; n >= 8; n -= 8, p += 8) {
		c ^= load_le32(p);
		hi = load_le32(p + 4);
		c = crc32_table[7][c & 0xff] ^
		    crc32_table[6][(c >> 8) & 0xff] ^
		    crc32_table[5][(c >> 16) & 0xff] ^
		    crc32_table[4][c >> 24] ^
		    crc32_table[3][hi & 0xff] ^
		    crc32_table[2][(hi >> 8) & 0xff] ^
		    crc32_table[1][(hi >> 16) & 0xff] ^
		    crc32_table[0][hi >> 24];
	}
	for (; n; n--, p++)
		c = (c >> 8) ^ crc32_table[0][(c ^ *p) & 0xff];
	return c;
}

u32 crc32(u32 crc, const void *buf, size_t len)
{
	if (!buf)
		return 0;
	if (!crc32_table_ready)
		crc32_init();
	/* The register starts at all ones and is complemented at the end. */
	return ~crc32_slice8(~crc, buf, len);
}

u32 adler32(u32 adler, const void *buf, size_t len)
{
	const u8 *p = buf;
	u32 a = adler & 0xffff;
	u32 b = adler >> 16;
	size_t chunk;

	if (!buf)
		return 1;
	while (len) {
		chunk = len < ADLER_NMAX ? len : ADLER_NMAX;
		len -= chunk;
		for (; chunk; chunk--) {
			a += *p++;
			b += a;
		}
		a %= ADLER_MOD;
		b %= ADLER_MOD;
	}
	return b << 16 | a;
}
