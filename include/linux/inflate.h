/*
 * DEFLATE decoder (RFC 1951) with the gzip (RFC 1952) and zlib (RFC 1950)
 * wrappers, shared by the boot decompressor and the kernel. Nothing is
 * allocated: the caller provides struct inflate_state (bss or stack) and,
 * for streaming, the window.
 *
 * One-shot (inflate_raw, gunzip, zlib_inflate): the whole input and the
 * whole output buffer are given at once. On return, *in_used and *out_len
 * (when not NULL) hold the bytes consumed and produced, also after an error.
 * In-place use is supported: the input may lie inside the output buffer,
 * after the output, as long as at every moment the output written so far,
 * plus INFLATE_WRITE_AHEAD bytes, stays below the first input byte not yet
 * read. The decoder consumes input strictly forward, reads at most
 * INFLATE_READ_AHEAD bytes past the bits it has consumed, never reads
 * outside [in, in + in_len) and never writes outside [out, out + out_size).
 *
 * Streaming (inflate_stream_init, inflate_stream): input and output come in
 * pieces of any size, down to one byte each, and the decoder keeps up to
 * 64 bits of input between calls. Matches that reach back before the
 * current output piece are served from the caller's window, which must not
 * overlap the input or output pieces. Both modes run the same decoder.
 *
 * Statuses: INFLATE_OK (0), INFLATE_STREAM_END (streaming only), or an
 * error (every value above INFLATE_STREAM_END), each with a message from
 * inflate_strerror().
 */
#ifndef _LINUX_INFLATE_H
#define _LINUX_INFLATE_H

#include <linux/types.h>

enum inflate_status {
	INFLATE_OK = 0,
	INFLATE_STREAM_END,		/* "stream end" */
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
	INFLATE_ERR_WINDOW,		/* "window too small" (zlib CINFO) */
	INFLATE_ERR_PARAM,		/* "invalid argument" */
};

enum inflate_wrap {
	INFLATE_RAW,			/* RFC 1951 deflate data only */
	INFLATE_ZLIB,			/* RFC 1950 */
	INFLATE_GZIP,			/* RFC 1952, one member */
};

/* See the in-place rule above. */
#define INFLATE_READ_AHEAD	16
#define INFLATE_WRITE_AHEAD	40

/*
 * Streaming window: INFLATE_WINDOW_SIZE bytes decode every valid stream.
 * A smaller window (at least INFLATE_MIN_WINDOW bytes) is enough for zlib
 * streams whose header (CINFO) announces at most that size, and for raw or
 * gzip data the caller knows to have been made with such a window; any
 * distance beyond it is then "distance too far back", wherever the bytes
 * it points to are, and a zlib header announcing more is "window too
 * small". Bytes past INFLATE_WINDOW_SIZE are not used.
 */
#define INFLATE_WINDOW_SIZE	32768
#define INFLATE_MIN_WINDOW	256

/*
 * Decode-table geometry. A table has a primary part indexed by the next
 * *_BITS input bits, followed by sub-tables for longer codes. The *_ENOUGH
 * sizes are the largest total any valid code can need with that primary
 * size (286 lit/len or 30 distance symbols, codes up to 15 bits long);
 * tests/host/test_inflate_enough.c recomputes them.
 */
#define INFLATE_LITLEN_BITS	11
#define INFLATE_LITLEN_ENOUGH	2340
#define INFLATE_DIST_BITS	8
#define INFLATE_DIST_ENOUGH	400
#define INFLATE_CODELEN_BITS	7	/* code length codes: at most 7 bits */

#define INFLATE_MAX_LITLEN	288	/* symbols in the fixed lit/len code */
#define INFLATE_MAX_DIST	32	/* symbols in the fixed distance code */
#define INFLATE_NUM_CODELEN	19	/* code length code symbols */

/*
 * Private to lib/inflate.c; defined here only so that callers can allocate
 * it. About 12.2 KiB on x86-64, mostly the decode tables (4-byte entries).
 * The functions themselves need less than 512 bytes of stack.
 */
struct inflate_state {
	/* The buffers of the current call. */
	const u8 *in;			/* start of this call's input */
	const u8 *in_next;		/* first byte not yet in bitbuf */
	const u8 *in_end;
	u8 *out;			/* start of this call's output */
	u8 *out_next;
	u8 *out_end;
	u8 *out_summed;			/* output up to here is in check */
	u64 bitbuf;			/* next input bits, LSB first */
	unsigned int bitsleft;		/* valid bits in bitbuf */

	/* Where the decoder is in the stream. */
	u8 mode;
	u8 wrap;			/* enum inflate_wrap */
	bool streaming;
	bool final;			/* the current block has BFINAL set */
	bool fixed_tables;		/* tables hold the BTYPE=01 codes */
	u8 gzip_flags;
	u8 literal;			/* waiting for output room */
	u16 nlen, ndist, ncodelen;	/* dynamic block header counts */
	u16 have;			/* code lengths read so far */
	u32 length;			/* bytes left: match, stored, FEXTRA */
	u32 dist;			/* distance of the match in progress */
	u32 check;			/* CRC-32 or Adler-32 of the output */
	u32 total_out;			/* output length mod 2^32 (ISIZE) */
	u32 head_crc;			/* CRC-32 of the gzip header */
	int error;			/* sticky error, streaming */

	/* Streaming window: the whave bytes before out, a ring up to wnext. */
	u8 *window;
	u32 wsize, whave, wnext;
	u32 dist_max;			/* farthest distance allowed */

	u8 codelen_lens[INFLATE_NUM_CODELEN];
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

/*
 * Start a stream with the given wrapper and window (see above). Returns
 * INFLATE_OK or INFLATE_ERR_PARAM (NULL pointer, unknown wrapper, window
 * smaller than INFLATE_MIN_WINDOW).
 */
int inflate_stream_init(struct inflate_state *s, enum inflate_wrap wrap,
			u8 *window, size_t window_size);

/*
 * Decode from in[0..in_len) into out[0..out_len). *in_used and *out_written
 * (both required) are set to the bytes consumed and produced; input not
 * consumed must be passed again, first, in the next call. Returns:
 * - INFLATE_OK: all input was consumed or all output space was filled
 *   (or both); call again with more of whichever ran out. A stream that
 *   ends with this status after its last byte was given is truncated.
 * - INFLATE_STREAM_END: the stream, trailer included, is complete;
 *   *in_used stops right after it. Further calls return the same.
 * - an error: the stream is invalid. Further calls return the same error.
 *   INFLATE_ERR_PARAM is also returned, without touching the stream, for
 *   NULL pointers or a state not set up by inflate_stream_init().
 */
int inflate_stream(struct inflate_state *s, const u8 *in, size_t in_len,
		   size_t *in_used, u8 *out, size_t out_len,
		   size_t *out_written);

#endif
