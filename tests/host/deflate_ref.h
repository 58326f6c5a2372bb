/*
 * Reference pieces of RFC 1951 written straight from its text, for the
 * inflate tests to build streams and check tables with, independently of
 * lib/inflate.c's own table builder: canonical codes and a bit writer with
 * helpers for stored, fixed and dynamic blocks. Static inline, so that a
 * test compiles only what it uses.
 */
#ifndef TESTS_HOST_DEFLATE_REF_H
#define TESTS_HOST_DEFLATE_REF_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/types.h>

/* The canonical Huffman codes for a list of code lengths (3.2.2). */
static inline void canonical_codes(const u8 *len, unsigned int n, u16 *code)
{
	unsigned int bl_count[16] = { 0 }, next_code[16], bits, i, c = 0;

	for (i = 0; i < n; i++)
		bl_count[len[i]]++;
	bl_count[0] = 0;
	for (bits = 1; bits <= 15; bits++) {
		c = (c + bl_count[bits - 1]) << 1;
		next_code[bits] = c;
	}
	for (i = 0; i < n; i++)
		if (len[i])
			code[i] = next_code[len[i]]++;
}

struct bitw {
	u8 *buf;
	size_t cap;
	size_t nbits;
};

static inline void bw_init(struct bitw *w, size_t cap)
{
	w->buf = calloc(cap, 1);
	w->cap = cap;
	w->nbits = 0;
}

static inline size_t bw_len(const struct bitw *w)
{
	return (w->nbits + 7) / 8;
}

/* Data elements: LSB first (RFC 1951 3.1.1). */
static inline void put_bits(struct bitw *w, u32 v, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++, w->nbits++) {
		if (w->nbits / 8 >= w->cap) {
			fprintf(stderr, "bit writer overflow\n");
			exit(2);
		}
		if ((v >> i) & 1)
			w->buf[w->nbits / 8] |= 1 << (w->nbits % 8);
	}
}

/* Huffman codes: most significant bit first. */
static inline void put_code(struct bitw *w, u32 code, unsigned int len)
{
	while (len--)
		put_bits(w, (code >> len) & 1, 1);
}

static inline void bw_align(struct bitw *w)
{
	w->nbits = (w->nbits + 7) & ~(size_t)7;
}

static inline void put_stored(struct bitw *w, bool final, const u8 *p,
			      size_t n)
{
	size_t i;

	put_bits(w, final, 1);
	put_bits(w, 0, 2);
	bw_align(w);
	put_bits(w, n, 16);
	put_bits(w, ~n & 0xffff, 16);
	for (i = 0; i < n; i++)
		put_bits(w, p[i], 8);
}

/* RFC 1951 3.2.5: symbol and extra bits of a length or distance. */
static inline void length_code(unsigned int len, unsigned int *sym,
			unsigned int *extra, unsigned int *nextra)
{
	unsigned int base = 3, i, e;

	if (len == 258) {
		*sym = 285;
		*extra = 0;
		*nextra = 0;
		return;
	}
	for (i = 0; i < 28; i++) {
		e = i < 8 ? 0 : (i - 4) / 4;
		if (len < base + (1u << e))
			break;
		base += 1u << e;
	}
	*sym = 257 + i;
	*extra = len - base;
	*nextra = e;
}

static inline void dist_code(unsigned int dist, unsigned int *sym,
		      unsigned int *extra, unsigned int *nextra)
{
	unsigned int base = 1, i, e;

	for (i = 0; i < 30; i++) {
		e = i < 4 ? 0 : i / 2 - 1;
		if (dist < base + (1u << e))
			break;
		base += 1u << e;
	}
	*sym = i;
	*extra = dist - base;
	*nextra = e;
}

/* RFC 1951 3.2.6 */
static inline void put_fixed_sym(struct bitw *w, unsigned int sym)
{
	if (sym < 144)
		put_code(w, 0x30 + sym, 8);
	else if (sym < 256)
		put_code(w, 0x190 + sym - 144, 9);
	else if (sym < 280)
		put_code(w, sym - 256, 7);
	else
		put_code(w, 0xc0 + sym - 280, 8);
}

static inline void put_fixed_match(struct bitw *w, unsigned int len,
			    unsigned int dist)
{
	unsigned int sym, extra, n;

	length_code(len, &sym, &extra, &n);
	put_fixed_sym(w, sym);
	put_bits(w, extra, n);
	dist_code(dist, &sym, &extra, &n);
	put_code(w, sym, 5);
	put_bits(w, extra, n);
}

static inline void put_fixed_start(struct bitw *w, bool final)
{
	put_bits(w, final, 1);
	put_bits(w, 1, 2);
}

/* A dynamic block's codes (RFC 1951 3.2.7). */
struct dyn {
	u8 cl_len[19];
	u16 cl_code[19];
	u8 lit_len[288];
	u16 lit_code[288];
	u8 dist_len[32];
	u16 dist_code[32];
};

static inline void dyn_init(struct dyn *d)
{
	unsigned int i;

	memset(d, 0, sizeof(*d));
	/* 13 codes of 4 bits and 6 of 5 bits: a complete code. */
	for (i = 0; i < 19; i++)
		d->cl_len[i] = i < 13 ? 4 : 5;
}

static inline void put_dyn_start(struct bitw *w, struct dyn *d, bool final,
			  unsigned int nlen, unsigned int ndist)
{
	static const u8 cl_order[19] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1,
		15,
	};
	unsigned int i;

	put_bits(w, final, 1);
	put_bits(w, 2, 2);
	put_bits(w, nlen - 257, 5);
	put_bits(w, ndist - 1, 5);
	put_bits(w, 19 - 4, 4);
	for (i = 0; i < 19; i++)
		put_bits(w, d->cl_len[cl_order[i]], 3);
	canonical_codes(d->cl_len, 19, d->cl_code);
}

static inline void put_cl_sym(struct bitw *w, const struct dyn *d,
			      unsigned int sym)
{
	put_code(w, d->cl_code[sym], d->cl_len[sym]);
}

/* Header and tables of a dynamic block, every length sent literally. */
static inline void put_dyn_tables(struct bitw *w, struct dyn *d, bool final,
			   unsigned int nlen, unsigned int ndist)
{
	unsigned int i;

	put_dyn_start(w, d, final, nlen, ndist);
	for (i = 0; i < nlen; i++)
		put_cl_sym(w, d, d->lit_len[i]);
	for (i = 0; i < ndist; i++)
		put_cl_sym(w, d, d->dist_len[i]);
	canonical_codes(d->lit_len, nlen, d->lit_code);
	canonical_codes(d->dist_len, ndist, d->dist_code);
}

static inline void put_dyn_sym(struct bitw *w, const struct dyn *d,
			       unsigned int sym)
{
	put_code(w, d->lit_code[sym], d->lit_len[sym]);
}

static inline void put_dyn_match(struct bitw *w, const struct dyn *d,
			  unsigned int len, unsigned int dist)
{
	unsigned int sym, extra, n;

	length_code(len, &sym, &extra, &n);
	put_dyn_sym(w, d, sym);
	put_bits(w, extra, n);
	dist_code(dist, &sym, &extra, &n);
	put_code(w, d->dist_code[sym], d->dist_len[sym]);
	put_bits(w, extra, n);
}

#endif
