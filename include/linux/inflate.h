/*
 * One-shot DEFLATE decoder (RFC 1951) with the gzip (RFC 1952) and zlib
 * (RFC 1950) wrappers, shared by the boot decompressor and the kernel.
 *
 * The whole input and the whole output buffer are given at once; nothing is
 * allocated. All decoder state, including the Huffman decode tables, lives
 * in struct inflate_state, which the caller provides (bss or stack).
 *
 * In-place use is supported: the input may lie inside the output buffer,
 * after the output, as long as the write position never reaches input that
 * has not yet been read. The decoder consumes input strictly forward, reads
 * at most 16 bytes ahead of the bits it has consumed, never reads outside
 * [in, in + in_len) and never writes outside [out, out + out_size).
 *
 * Every function returns INFLATE_OK or one of the errors below. On return,
 * *in_used and *out_len (when not NULL) hold the bytes consumed and produced
 * so far, also after an error.
 */
#ifndef _LINUX_INFLATE_H
#define _LINUX_INFLATE_H

#include <linux/types.h>

enum inflate_status {
	INFLATE_OK = 0,
	INFLATE_ERR_BLOCK_TYPE,		/* "invalid block type" */
	INFLATE_ERR_STORED_LEN,		/* "stored block length mismatch" */
	INFLATE_ERR_TOO_MANY_CODES,	/* "too many length or distance codes" */
	INFLATE_ERR_OVERSUBSCRIBED,	/* "over-subscribed code" */
	INFLATE_ERR_INCOMPLETE,		/* "incomplete code" */
	INFLATE_ERR_REPEAT,		/* "invalid code length repeat" */
	INFLATE_ERR_NO_EOB,		/* "missing end-of-block code" */
	INFLATE_ERR_LITLEN,		/* "invalid literal/length code" */
	INFLATE_ERR_DIST,		/* "invalid distance code" */
	INFLATE_ERR_DIST_TOO_FAR,	/* "distance too far back" */
	INFLATE_ERR_OUTPUT_FULL,	/* "output buffer too small" */
	INFLATE_ERR_TRUNCATED,		/* "truncated input" */
	INFLATE_ERR_HEADER,		/* "bad header" */
	INFLATE_ERR_CRC,		/* "CRC mismatch" (CRC-32, Adler-32) */
	INFLATE_ERR_LENGTH,		/* "length mismatch" (gzip ISIZE) */
};

/*
 * Decode-table geometry. A table has a primary part indexed by the next
 * *_BITS input bits, followed by sub-tables for longer codes. The *_ENOUGH
 * sizes are the largest total any valid code can need with that primary
 * size (286 lit/len or 30 distance symbols, codes up to 15 bits long);
 * tests/host/test_inflate_enough.c recomputes them.
 */
#define INFLATE_LITLEN_BITS	10
#define INFLATE_LITLEN_ENOUGH	1332
#define INFLATE_DIST_BITS	8
#define INFLATE_DIST_ENOUGH	400
#define INFLATE_CODELEN_BITS	7	/* code length codes: at most 7 bits */

#define INFLATE_MAX_LITLEN	288	/* symbols in the fixed lit/len code */
#define INFLATE_MAX_DIST	32	/* symbols in the fixed distance code */

/*
 * Private to lib/inflate.c; defined here only so that callers can allocate
 * it. 8400 bytes on x86-64, mostly the decode tables (4-byte entries). The
 * functions themselves need less than 512 bytes of stack.
 */
struct inflate_state {
	const u8 *in;			/* start of the input */
	const u8 *in_next;		/* first byte not yet in bitbuf */
	const u8 *in_end;
	u8 *out;			/* start of the output */
	u8 *out_next;
	u8 *out_end;
	u64 bitbuf;			/* next input bits, LSB first */
	unsigned int bitsleft;		/* valid bits in bitbuf, <= 63 */
	bool fixed_tables;		/* tables hold the BTYPE=01 codes */
	u8 lens[INFLATE_MAX_LITLEN + INFLATE_MAX_DIST];
	u16 sorted[INFLATE_MAX_LITLEN];	/* symbols in canonical order */
	u32 codelen_table[1 << INFLATE_CODELEN_BITS];
	u32 litlen_table[INFLATE_LITLEN_ENOUGH];
	u32 dist_table[INFLATE_DIST_ENOUGH];
};

/* Short lowercase message for an inflate_status value. */
const char *inflate_strerror(int status);

/* Raw deflate data (RFC 1951). */
int inflate_raw(struct inflate_state *s, const u8 *in, size_t in_len,
		size_t *in_used, u8 *out, size_t out_size, size_t *out_len);

/*
 * One gzip member (RFC 1952): header with optional FEXTRA, FNAME, FCOMMENT
 * and FHCRC, deflate data, then CRC-32 and ISIZE, both checked. Data after
 * the member is not looked at.
 */
int gunzip(struct inflate_state *s, const u8 *in, size_t in_len,
	   size_t *in_used, u8 *out, size_t out_size, size_t *out_len);

/*
 * A zlib stream (RFC 1950): CMF/FLG checked, preset dictionaries (FDICT)
 * rejected, Adler-32 checked.
 */
int zlib_inflate(struct inflate_state *s, const u8 *in, size_t in_len,
		 size_t *in_used, u8 *out, size_t out_size, size_t *out_len);

#endif
