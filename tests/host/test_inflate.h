/*
 * Shared by the inflate host tests (test_inflate.c: one-shot and hand-built
 * streams; test_inflate_stream.c: streaming; test_inflate_corrupt.c:
 * mutated streams): test data, the system zlib as the independent
 * reference, and drivers for both modes of lib/inflate.c. Everything is
 * static inline so that each test compiles only what it uses.
 *
 * zlib.h declares crc32() and adler32() with other types than ours, so its
 * declarations are renamed away; zlib's own code is reached as crc32_z()
 * and adler32_z(). Note that libz's internal calls to crc32()/adler32() bind
 * to our definitions in these executables.
 */
#ifndef TESTS_HOST_TEST_INFLATE_H
#define TESTS_HOST_TEST_INFLATE_H

#define crc32 zlib_crc32_unused
#define adler32 zlib_adler32_unused
#include <zlib.h>
#undef crc32
#undef adler32

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/crc32.h>
#include <linux/inflate.h>

#include "harness.h"

enum wrapper { RAW, ZLIB, GZIP };

static inline const char *wrapper_name(enum wrapper w)
{
	return w == RAW ? "raw" : w == ZLIB ? "zlib" : "gzip";
}

static inline enum inflate_wrap inflate_wrap_of(enum wrapper w)
{
	return w == RAW ? INFLATE_RAW : w == ZLIB ? INFLATE_ZLIB : INFLATE_GZIP;
}

static inline bool is_named_error(int ret)
{
	return ret >= INFLATE_ERR_BLOCK_TYPE && ret <= INFLATE_ERR_PARAM;
}


static inline void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p) {
		perror("malloc");
		exit(2);
	}
	return p;
}

/* Exact-size copy, so that ASan catches any access outside it. */
static inline u8 *dup_exact(const u8 *p, size_t n)
{
	u8 *q = malloc(n);

	if (!q && n) {
		perror("malloc");
		exit(2);
	}
	if (n)
		memcpy(q, p, n);
	return q;
}

/* ---- Test data ---- */

enum data_kind {
	DATA_RANDOM, DATA_TEXT, DATA_BINARY, DATA_RUNS, DATA_ONE_BYTE,
	DATA_MIXED, NUM_KINDS
};

static inline const char *kind_name(enum data_kind kind)
{
	static const char *const names[] = {
		"random", "text", "binary", "runs", "one-byte", "mixed"
	};

	return names[kind];
}

static inline void gen_text(u8 *p, size_t n)
{
	static const char *const words[] = {
		"the", "kernel", "boot", "loader", "memory", "page", "table",
		"of", "and", "a", "to", "in", "is", "decompress", "gzip",
		"stream", "block", "Huffman", "code", "length", "distance",
		"window", "x86-64", "long", "mode", "protected", "real",
		"setup", "header", "zero", "initramfs", "interrupt",
		"descriptor", "segment", "0x1000", "42", "struct", "int",
	};
	size_t i = 0, k;
	const char *w;

	while (i < n) {
		w = words[rnd_below(sizeof(words) / sizeof(words[0]))];
		for (k = 0; w[k] && i < n; k++)
			p[i++] = w[k];
		if (i < n)
			p[i++] = rnd_below(12) ? ' ' :
				 rnd_below(2) ? '\n' : '.';
	}
}

/* Records with counters, small fields and padding, like a table dump. */
static inline void gen_binary(u8 *p, size_t n)
{
	static u32 counter;
	u8 rec[16];
	size_t i = 0, k;

	while (i < n) {
		counter += 1 + rnd_below(3);
		memset(rec, 0, sizeof(rec));
		memcpy(rec, &counter, 4);
		rec[4] = rnd_below(4);
		rec[6] = rnd_below(256);
		rec[8] = 0xff;
		if (!rnd_below(8))
			rec[12] = rnd();
		for (k = 0; k < sizeof(rec) && i < n; k++)
			p[i++] = rec[k];
	}
}

static inline void gen_runs(u8 *p, size_t n)
{
	size_t i = 0, run;
	u8 b;

	while (i < n) {
		b = "abcd\0\xff"[rnd_below(6)];
		run = 1 + rnd_below(rnd_below(2) ? 16 : 2000);
		while (run-- && i < n)
			p[i++] = b;
	}
}

static inline void gen_data(u8 *p, size_t n, enum data_kind kind)
{
	size_t i, seg;

	switch (kind) {
	case DATA_RANDOM:
		for (i = 0; i < n; i++)
			p[i] = rnd();
		break;
	case DATA_TEXT:
		gen_text(p, n);
		break;
	case DATA_BINARY:
		gen_binary(p, n);
		break;
	case DATA_RUNS:
		gen_runs(p, n);
		break;
	case DATA_ONE_BYTE:
		memset(p, 'z', n);
		break;
	default:
		for (i = 0; i < n; i += seg) {
			seg = 1 + rnd_below(40000);
			if (seg > n - i)
				seg = n - i;
			gen_data(p + i, seg, rnd_below(DATA_MIXED));
		}
		break;
	}
}

/* ---- zlib as reference ---- */

static inline int strategy(unsigned int i)
{
	static const int strategies[] = {
		Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED,
	};

	return strategies[i % 5];
}

struct zparams {
	enum wrapper wrapper;
	int level, wbits, memlevel, strategy;
	gz_header *head;
};

static inline int zlib_window_bits(enum wrapper w, int bits)
{
	return w == RAW ? -bits : w == ZLIB ? bits : bits + 16;
}

static inline u8 *zcompress(const u8 *src, size_t n, const struct zparams *zp,
			    size_t *clen)
{
	z_stream zs;
	size_t bound;
	u8 *out;
	int ret;

	memset(&zs, 0, sizeof(zs));
	ret = deflateInit2(&zs, zp->level, Z_DEFLATED,
			   zlib_window_bits(zp->wrapper, zp->wbits),
			   zp->memlevel, zp->strategy);
	if (ret != Z_OK) {
		fprintf(stderr, "deflateInit2: %d\n", ret);
		exit(2);
	}
	if (zp->head && deflateSetHeader(&zs, zp->head) != Z_OK) {
		fprintf(stderr, "deflateSetHeader failed\n");
		exit(2);
	}
	bound = deflateBound(&zs, n) + 64;
	out = xmalloc(bound);
	zs.next_in = (Bytef *)src;
	zs.avail_in = n;
	zs.next_out = out;
	zs.avail_out = bound;
	ret = deflate(&zs, Z_FINISH);
	if (ret != Z_STREAM_END) {
		fprintf(stderr, "deflate: %d\n", ret);
		exit(2);
	}
	*clen = zs.total_out;
	deflateEnd(&zs);
	return out;
}

/* zlib's one-shot verdict: true only if it reaches the end of the stream. */
static inline bool zlib_decode(enum wrapper w, const u8 *in, size_t in_len,
			       u8 *out, size_t out_size, size_t *in_used,
			       size_t *out_len)
{
	z_stream zs;
	int ret;

	memset(&zs, 0, sizeof(zs));
	if (inflateInit2(&zs, zlib_window_bits(w, 15)) != Z_OK) {
		fprintf(stderr, "inflateInit2 failed\n");
		exit(2);
	}
	zs.next_in = (Bytef *)in;
	zs.avail_in = in_len;
	zs.next_out = out;
	zs.avail_out = out_size;
	ret = inflate(&zs, Z_FINISH);
	*in_used = zs.total_in;
	*out_len = zs.total_out;
	inflateEnd(&zs);
	return ret == Z_STREAM_END;
}

/* ---- Our decoder, both modes ---- */

static inline int our_decode(struct inflate_state *s, enum wrapper w,
			     const u8 *in, size_t in_len, u8 *out,
			     size_t out_size, size_t *in_used, size_t *out_len)
{
	switch (w) {
	case RAW:
		return inflate_raw(s, in, in_len, in_used, out, out_size,
				   out_len);
	case ZLIB:
		return zlib_inflate(s, in, in_len, in_used, out, out_size,
				    out_len);
	default:
		return gunzip(s, in, in_len, in_used, out, out_size, out_len);
	}
}

/*
 * What stream_decode() returns when input and output ran out together: a
 * one-shot call may then say either "truncated" or "output full".
 */
#define STREAM_INCOMPLETE	(-1)
/* ... and when inflate_stream() broke its contract (see below). */
#define STREAM_BROKEN		(-2)

/*
 * Piece sizes for stream_decode(): n > 0 hands over n bytes at a time,
 * PIECE_RANDOM(n) random sizes from 1 to n, PIECE_WHOLE all that is left.
 */
#define PIECE_WHOLE		0
#define PIECE_RANDOM(n)		(-(long)(n))

static inline size_t piece_size(long piece, size_t left)
{
	size_t n;

	if (piece == PIECE_WHOLE)
		return left;
	n = piece > 0 ? (size_t)piece : 1 + rnd() % (size_t)-piece;
	return n < left ? n : left;
}

static inline const char *piece_name(long piece, char *buf, size_t size)
{
	if (piece == PIECE_WHOLE)
		snprintf(buf, size, "whole");
	else if (piece > 0)
		snprintf(buf, size, "%ld", piece);
	else
		snprintf(buf, size, "1..%ld", -piece);
	return buf;
}

/*
 * Decode with inflate_stream() into out[0..out_size), which must be an
 * allocation of exactly that size, handing over input and output in
 * pieces, with a window of wsize bytes (also exact). Every piece ends where
 * its allocation ends, so that ASan catches any access past it: a piece
 * that reaches the end of the input or output is passed in place (in an
 * exact copy of the input), any other is copied to an exact-size buffer.
 * Returns what the one-shot call would (INFLATE_OK at the end of the
 * stream, INFLATE_ERR_TRUNCATED when the input ran out,
 * INFLATE_ERR_OUTPUT_FULL when out_size was not enough, or the error),
 * STREAM_INCOMPLETE, or STREAM_BROKEN if a call consumed or produced more
 * than it was given, or returned INFLATE_OK with both input and output
 * left.
 */
static inline int stream_decode(enum wrapper w, const u8 *in, size_t in_len,
				u8 *out, size_t out_size, long in_piece,
				long out_piece, size_t wsize, size_t *in_used,
				size_t *out_len)
{
	struct inflate_state *s = xmalloc(sizeof(*s));
	u8 *window = xmalloc(wsize), *all_in = dup_exact(in, in_len);
	size_t in_pos = 0, out_pos = 0, n_in, n_out, used, written;
	bool in_tail, out_tail;
	u8 *ibuf, *obuf;
	int ret;

	ret = inflate_stream_init(s, inflate_wrap_of(w), window, wsize);
	while (ret == INFLATE_OK) {
		n_in = piece_size(in_piece, in_len - in_pos);
		n_out = piece_size(out_piece, out_size - out_pos);
		in_tail = n_in == in_len - in_pos;
		out_tail = n_out == out_size - out_pos;
		ibuf = in_tail ? all_in + in_pos : dup_exact(in + in_pos, n_in);
		obuf = out_tail ? out + out_pos : xmalloc(n_out);
		used = written = (size_t)-1;
		ret = inflate_stream(s, ibuf, n_in, &used, obuf, n_out,
				     &written);
		if (!in_tail)
			free(ibuf);
		if (used > n_in || written > n_out) {
			if (!out_tail)
				free(obuf);
			ret = STREAM_BROKEN;
			break;
		}
		if (!out_tail) {
			memcpy(out + out_pos, obuf, written);
			free(obuf);
		}
		in_pos += used;
		out_pos += written;
		if (ret == INFLATE_STREAM_END) {
			ret = INFLATE_OK;
			break;
		}
		if (ret != INFLATE_OK)
			break;
		if (used < n_in && written < n_out)
			ret = STREAM_BROKEN;
		else if (written < n_out && in_pos == in_len && !n_in)
			ret = INFLATE_ERR_TRUNCATED;
		else if (used < n_in && out_pos == out_size && !n_out)
			ret = INFLATE_ERR_OUTPUT_FULL;
		else if (!n_in && !n_out)
			ret = STREAM_INCOMPLETE;
	}
	*in_used = in_pos;
	*out_len = out_pos;
	free(all_in);
	free(window);
	free(s);
	return ret;
}

/* A one-shot status and a stream_decode() status say the same. */
static inline bool same_status(int oneshot, int streamed)
{
	if (streamed == STREAM_INCOMPLETE)
		return oneshot == INFLATE_ERR_TRUNCATED ||
		       oneshot == INFLATE_ERR_OUTPUT_FULL;
	return oneshot == streamed;
}

static inline const char *status_name(int ret)
{
	if (ret == STREAM_INCOMPLETE)
		return "incomplete";
	if (ret == STREAM_BROKEN)
		return "API contract broken";
	return inflate_strerror(ret);
}

#endif
