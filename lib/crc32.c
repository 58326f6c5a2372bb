/*
 * CRC-32 (gzip trailer and header CRC, RFC 1952 section 8) and Adler-32
 * (zlib trailer, RFC 1950 section 9) for the decompressor and the kernel.
 *
 * CRC-32 is table driven with general-purpose registers only: neither the
 * decompressor nor the kernel enables SSE, so PCLMULQDQ folding is out.
 * The design is "slicing by 8" run on several interleaved streams, as
 * described by Kadatch and Jenkins ("Everything we know about CRC but
 * afraid to forget", 2010):
 *
 *  - Slicing by 8: table j maps a byte to the CRC register after that byte
 *    followed by j zero bytes, so an 8-byte word is folded in with eight
 *    independent lookups instead of a chain of eight.
 *  - Interleaving: one register alone is limited by the latency of its
 *    lookup chain. The input is therefore dealt out word by word to
 *    CRC32_LANES registers; each folds its word as if the words of the
 *    other lanes were zero (second set of tables, shifted by the other
 *    lanes' bytes), so the lanes do not depend on each other. By linearity
 *    the true register is the XOR of the lanes, which the last round
 *    merges back into one.
 *
 * The tables (16 KiB) are computed into bss on first use rather than
 * written out as constants; they hold plain numbers, so the code stays
 * position independent. Little-endian loads are assumed (x86).
 */
#include <linux/crc32.h>

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "crc32.c assumes a little-endian machine"
#endif

#define CRC32_POLY_LE	0xedb88320	/* x^32 + ... + 1, bit-reversed */

/*
 * Five lanes measured fastest on x86-64 (three and four are slower, more
 * gain nothing and need more registers); crc32_lanes() is written out
 * for five.
 */
#define CRC32_LANES	5
#define CRC32_STRIDE	(8 * CRC32_LANES)	/* bytes per round */

/*
 * Largest n for which 255n(n+1)/2 + (n+1)(65521-1) still fits in 32 bits:
 * how many bytes Adler-32's sums can take before they must be reduced.
 */
#define ADLER_MOD	65521
#define ADLER_NMAX	5552

/*
 * crc32_table[0][j][v]: register after byte v and then j zero bytes.
 * crc32_table[1][j][v]: the same after 8 * (CRC32_LANES - 1) + j zero
 * bytes, i.e. across the words of all other lanes as well.
 */
static u32 crc32_table[2][8][256];
static bool crc32_table_ready;

static u32 crc32_zero_byte(u32 c)
{
	return (c >> 8) ^ crc32_table[0][0][c & 0xff];
}

static void crc32_init(void)
{
	unsigned int v, j;
	u32 c;

	for (v = 0; v < 256; v++) {
		c = v;
		for (j = 0; j < 8; j++)
			c = (c >> 1) ^ ((c & 1) ? CRC32_POLY_LE : 0);
		crc32_table[0][0][v] = c;
	}
	for (v = 0; v < 256; v++) {
		c = crc32_table[0][0][v];
		for (j = 1; j < CRC32_STRIDE; j++) {
			c = crc32_zero_byte(c);
			if (j < 8)
				crc32_table[0][j][v] = c;
			if (j >= CRC32_STRIDE - 8)
				crc32_table[1][j - (CRC32_STRIDE - 8)][v] = c;
		}
	}
	crc32_table_ready = true;
}

static inline u64 load_le64(const u8 *p)
{
	u64 v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
}

/*
 * Folds in one word w, already XORed with the register: byte i of w is
 * followed by 7 - i bytes of w and then by the zero bytes t[0] stands for,
 * so it is looked up in t[7 - i].
 */
static inline u32 crc32_fold(const u32 (*t)[256], u64 w)
{
	u32 lo = w, hi = w >> 32;

	return t[7][lo & 0xff] ^ t[6][(lo >> 8) & 0xff] ^
	       t[5][(lo >> 16) & 0xff] ^ t[4][lo >> 24] ^
	       t[3][hi & 0xff] ^ t[2][(hi >> 8) & 0xff] ^
	       t[1][(hi >> 16) & 0xff] ^ t[0][hi >> 24];
}

/*
 * Whole rounds of CRC32_STRIDE bytes, rounds >= 1. Lane k (c, c1..c4)
 * holds the register as it stands just before its next word, counting
 * only its own words; lane 0 starts with the caller's register. The last
 * round goes word by word through one register, each lane's register
 * XORed in where that lane's word enters.
 */
static u32 crc32_lanes(u32 c, const u8 *p, size_t rounds)
{
	const u32 (*t)[256] = crc32_table[1];
	u32 c1 = 0, c2 = 0, c3 = 0, c4 = 0;

	for (; rounds > 1; rounds--, p += CRC32_STRIDE) {
		c = crc32_fold(t, load_le64(p) ^ c);
		c1 = crc32_fold(t, load_le64(p + 8) ^ c1);
		c2 = crc32_fold(t, load_le64(p + 16) ^ c2);
		c3 = crc32_fold(t, load_le64(p + 24) ^ c3);
		c4 = crc32_fold(t, load_le64(p + 32) ^ c4);
	}
	t = crc32_table[0];
	c = crc32_fold(t, load_le64(p) ^ c);
	c = crc32_fold(t, load_le64(p + 8) ^ c1 ^ c);
	c = crc32_fold(t, load_le64(p + 16) ^ c2 ^ c);
	c = crc32_fold(t, load_le64(p + 24) ^ c3 ^ c);
	return crc32_fold(t, load_le64(p + 32) ^ c4 ^ c);
}

static u32 crc32_body(u32 c, const u8 *p, size_t n)
{
	size_t rounds = n / CRC32_STRIDE;

	if (rounds) {
		c = crc32_lanes(c, p, rounds);
		p += rounds * CRC32_STRIDE;
		n -= rounds * CRC32_STRIDE;
	}
	for (; n >= 8; n -= 8, p += 8)
		c = crc32_fold(crc32_table[0], load_le64(p) ^ c);
	for (; n; n--, p++)
		c = (c >> 8) ^ crc32_table[0][0][(c ^ *p) & 0xff];
	return c;
}

u32 crc32(u32 crc, const void *buf, size_t len)
{
	if (!buf)
		return 0;
	if (!crc32_table_ready)
		crc32_init();
	/* The register starts at all ones and is complemented at the end. */
	return ~crc32_body(~crc, buf, len);
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
