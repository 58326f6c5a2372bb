/*
 * DEFLATE decoder (RFC 1951) plus the gzip (RFC 1952) and zlib (RFC 1950)
 * wrappers, one-shot, memory to memory. The boot decompressor uses it to
 * unpack the kernel in place and the kernel uses it for a gzip initramfs.
 *
 * Design (the one zlib and libdeflate use, written from the RFCs):
 *
 * - Canonical Huffman codes (RFC 1951 3.2.2) are decoded with one table
 *   lookup on the next INFLATE_*_BITS input bits. Codes longer than that
 *   continue in a sub-table reached from the primary entry. An entry gives
 *   the symbol's meaning directly: a literal byte, the base and extra-bit
 *   count of a length or distance, end of block, or "invalid".
 * - Code length sets are validated as zlib does, so that we accept exactly
 *   the streams zlib accepts: over-subscribed sets are always rejected;
 *   incomplete sets only pass for the lit/len and distance codes when they
 *   consist of no code or of one 1-bit code (RFC 1951 3.2.7).
 * - Input bits sit in a 64-bit buffer, LSB first (RFC 1951 3.1.1). The fast
 *   loop refills it with one unaligned 8-byte load and runs while at least
 *   FAST_IN_MIN input and FAST_OUT_MIN output bytes remain, so it checks
 *   bounds once per symbol pair; match copies use 8-byte words there. Near
 *   the buffer ends a careful one-symbol-at-a-time path takes over.
 * - In-place use (input after the output in one buffer): input is consumed
 *   strictly forward, a refill reads at most 16 bytes past the consumed
 *   bits, stored blocks are copied with memmove, and no pointer is declared
 *   restrict.
 * - The boot decompressor runs without relocation processing, so static
 *   data holds numbers only, never addresses.
 *
 * Structure: each stage (wrapper header, block header, table reading,
 * block data, trailer) is its own function over struct inflate_state, so a
 * streaming front end can later resume between them.
 */
#include <linux/inflate.h>
#include <linux/crc32.h>
#include <linux/string.h>

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "inflate.c assumes a little-endian machine"
#endif

/*
 * Table entries are u32:
 *   bits 0-3   code bits to drop at this table level (0 in a sub-table
 *              pointer: the decoder drops the root bits itself)
 *   bits 4-7   extra bits (length/distance), or log2 of the sub-table size
 *   bits 8-11  flags
 *   bits 16-31 literal byte, length or distance base, or sub-table offset
 * An entry with no flag is a length (lit/len table), a distance (distance
 * table) or a code length symbol (code length table).
 */
#define ENTRY_LITERAL		0x100
#define ENTRY_SUBTABLE		0x200
#define ENTRY_EOB		0x400
#define ENTRY_INVALID		0x800

#define MAX_CODE_BITS		15	/* RFC 1951 3.2.2 */
#define NUM_CODELEN_SYMS	19
#define MAX_LITLEN_SYMS		286	/* usable lit/len symbols, 3.2.5 */
#define MAX_DIST_SYMS		30
#define END_OF_BLOCK		256

/*
 * The fast loop refills at most twice per iteration, each refill loading
 * 8 bytes from a position at most 7 bytes further on. It writes at most one
 * literal and one 258-byte match, whose word copy may run 7 bytes over.
 */
#define FAST_IN_MIN		16
#define FAST_OUT_MIN		(1 + 258 + 7)

/* Internal status of the block decoders: end of block seen. */
#define BLOCK_DONE		(-1)

enum code_kind {
	CODE_CODELEN,
	CODE_LITLEN,
	CODE_DIST,
};

/* RFC 1951 3.2.5: lengths for symbols 257..285, distances for 0..29. */
static const u16 length_base[29] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
};

static const u8 length_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
};

static const u16 dist_base[30] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
	8193, 12289, 16385, 24577,
};

static const u8 dist_extra[30] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
	7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
};

/* RFC 1951 3.2.7: order in which code length code lengths are sent. */
static const u8 codelen_order[NUM_CODELEN_SYMS] = {
	16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
};

const char *inflate_strerror(int status)
{
	switch (status) {
	case INFLATE_OK:
		return "ok";
	case INFLATE_ERR_BLOCK_TYPE:
		return "invalid block type";
	case INFLATE_ERR_STORED_LEN:
		return "stored block length mismatch";
	case INFLATE_ERR_TOO_MANY_CODES:
		return "too many length or distance codes";
	case INFLATE_ERR_OVERSUBSCRIBED:
		return "over-subscribed code";
	case INFLATE_ERR_INCOMPLETE:
		return "incomplete code";
	case INFLATE_ERR_REPEAT:
		return "invalid code length repeat";
	case INFLATE_ERR_NO_EOB:
		return "missing end-of-block code";
	case INFLATE_ERR_LITLEN:
		return "invalid literal/length code";
	case INFLATE_ERR_DIST:
		return "invalid distance code";
	case INFLATE_ERR_DIST_TOO_FAR:
		return "distance too far back";
	case INFLATE_ERR_OUTPUT_FULL:
		return "output buffer too small";
	case INFLATE_ERR_TRUNCATED:
		return "truncated input";
	case INFLATE_ERR_HEADER:
		return "bad header";
	case INFLATE_ERR_CRC:
		return "CRC mismatch";
	case INFLATE_ERR_LENGTH:
		return "length mismatch";
	default:
		return "unknown error";
	}
}

static inline u32 make_entry(u32 value, u32 extra, u32 flags)
{
	return value << 16 | flags | extra << 4;
}

static inline unsigned int entry_bits(u32 e)
{
	return e & 0xf;
}

static inline unsigned int entry_extra(u32 e)
{
	return (e >> 4) & 0xf;
}

static inline unsigned int entry_value(u32 e)
{
	return e >> 16;
}

static inline u64 low_bits(u64 v, unsigned int n)
{
	return v & (((u64)1 << n) - 1);
}

static inline u64 load_le64(const u8 *p)
{
	u64 v;

	__builtin_memcpy(&v, p, sizeof(v));
	return v;
}

static inline void store64(u8 *p, u64 v)
{
	__builtin_memcpy(p, &v, sizeof(v));
}

/* ---- Huffman decode tables ---- */

static u32 symbol_entry(enum code_kind kind, unsigned int sym)
{
	if (kind == CODE_CODELEN)
		return make_entry(sym, 0, 0);
	if (kind == CODE_DIST) {
		if (sym >= MAX_DIST_SYMS)
			return make_entry(0, 0, ENTRY_INVALID);
		return make_entry(dist_base[sym], dist_extra[sym], 0);
	}
	if (sym < END_OF_BLOCK)
		return make_entry(sym, 0, ENTRY_LITERAL);
	if (sym == END_OF_BLOCK)
		return make_entry(0, 0, ENTRY_EOB);
	if (sym >= MAX_LITLEN_SYMS)
		return make_entry(0, 0, ENTRY_INVALID);
	sym -= END_OF_BLOCK + 1;
	return make_entry(length_base[sym], length_extra[sym], 0);
}

/* Codes are sent MSB first but read from an LSB-first bit buffer. */
static unsigned int bit_reverse(unsigned int code, unsigned int len)
{
	unsigned int rev = 0;

	while (len--) {
		rev = rev << 1 | (code & 1);
		code >>= 1;
	}
	return rev;
}

/* A code of len bits owns every slot whose low len bits equal it. */
static void fill_slots(u32 *table, unsigned int first, unsigned int len,
		       unsigned int size, u32 entry)
{
	unsigned int i;

	for (i = first; i < size; i += 1u << len)
		table[i] = entry;
}

/*
 * Size (log2) of the sub-table starting with a code of len bits: grow it
 * until the codes still to be placed fill it. Canonical codes are sorted by
 * length, so those are exactly the codes sharing this sub-table's prefix.
 */
static unsigned int subtable_bits(const u16 *remaining, unsigned int len,
				  unsigned int root)
{
	int space = 1 << (len - root);	/* slots of len bits under one prefix */

	for (;;) {
		space -= remaining[len];
		if (space <= 0 || len == MAX_CODE_BITS)
			return len - root;
		space <<= 1;
		len++;
	}
}

static int check_lengths(const u16 *count, enum code_kind kind)
{
	unsigned int len, max_len = 0;
	int left = 1;

	/* Kraft: left counts the unused codes of each length. */
	for (len = 1; len <= MAX_CODE_BITS; len++) {
		left = 2 * left - count[len];
		if (left < 0)
			return INFLATE_ERR_OVERSUBSCRIBED;
		if (count[len])
			max_len = len;
	}
	if (left > 0 && (kind == CODE_CODELEN || max_len > 1))
		return INFLATE_ERR_INCOMPLETE;
	return INFLATE_OK;
}

/*
 * Build the decode table for code lengths lens[0..nsyms-1] with a primary
 * table of 2^root entries. Sub-tables are appended after it; their total
 * never exceeds INFLATE_*_ENOUGH.
 */
static int build_table(struct inflate_state *s, u32 *table, unsigned int root,
		       const u8 *lens, unsigned int nsyms, enum code_kind kind)
{
	u16 count[MAX_CODE_BITS + 1] = { 0 };
	u16 offs[MAX_CODE_BITS + 1];
	unsigned int sym, len, i, ncodes, code, rev, prefix;
	unsigned int cur_prefix = 1u << root, sub_start = 0, sub_bits = 0;
	unsigned int next_free = 1u << root;
	int ret;

	for (sym = 0; sym < nsyms; sym++)
		count[lens[sym]]++;
	ret = check_lengths(count, kind);
	if (ret)
		return ret;

	offs[1] = 0;
	for (len = 1; len < MAX_CODE_BITS; len++)
		offs[len + 1] = offs[len] + count[len];
	for (sym = 0; sym < nsyms; sym++)
		if (lens[sym])
			s->sorted[offs[lens[sym]]++] = sym;
	ncodes = nsyms - count[0];

	/* Only the permitted incomplete codes leave primary slots unused. */
	fill_slots(table, 0, 0, 1u << root, make_entry(0, 0, ENTRY_INVALID));

	code = 0;
	for (i = 0; i < ncodes; i++) {
		sym = s->sorted[i];
		len = lens[sym];
		rev = bit_reverse(code, len);
		if (len <= root) {
			fill_slots(table, rev, len, 1u << root,
				   symbol_entry(kind, sym) | len);
		} else {
			prefix = rev & ((1u << root) - 1);
			if (prefix != cur_prefix) {
				cur_prefix = prefix;
				sub_bits = subtable_bits(count, len, root);
				sub_start = next_free;
				next_free += 1u << sub_bits;
				table[prefix] = make_entry(sub_start, sub_bits,
							   ENTRY_SUBTABLE);
			}
			fill_slots(table + sub_start, rev >> root, len - root,
				   1u << sub_bits,
				   symbol_entry(kind, sym) | (len - root));
		}
		count[len]--;
		/* RFC 1951 3.2.2: the next code is one more, then widened. */
		code++;
		if (i + 1 < ncodes)
			code <<= lens[s->sorted[i + 1]] - len;
	}
	return INFLATE_OK;
}

/*
 * Decode table entry for the code at the bottom of bitbuf; *nbits is the
 * full code length. Bits past the end of the input read as zero, which
 * only matters when *nbits turns out larger than the bits available.
 */
static inline u32 lookup(const u32 *table, unsigned int root, u64 bitbuf,
			 unsigned int *nbits)
{
	u32 e = table[low_bits(bitbuf, root)];
	unsigned int n = 0;

	if (e & ENTRY_SUBTABLE) {
		n = root;
		e = table[entry_value(e) +
			  low_bits(bitbuf >> root, entry_extra(e))];
	}
	*nbits = n + entry_bits(e);
	return e;
}

/* RFC 1951 3.2.6 */
static void build_fixed_tables(struct inflate_state *s)
{
	unsigned int i;

	for (i = 0; i < 144; i++)
		s->lens[i] = 8;
	for (; i < 256; i++)
		s->lens[i] = 9;
	for (; i < 280; i++)
		s->lens[i] = 7;
	for (; i < INFLATE_MAX_LITLEN; i++)
		s->lens[i] = 8;
	for (i = 0; i < INFLATE_MAX_DIST; i++)
		s->lens[INFLATE_MAX_LITLEN + i] = 5;
	build_table(s, s->litlen_table, INFLATE_LITLEN_BITS, s->lens,
		    INFLATE_MAX_LITLEN, CODE_LITLEN);
	build_table(s, s->dist_table, INFLATE_DIST_BITS,
		    s->lens + INFLATE_MAX_LITLEN, INFLATE_MAX_DIST, CODE_DIST);
	s->fixed_tables = true;
}

/* ---- Bit input (RFC 1951 3.1.1: LSB first) ---- */

/* Byte-wise refill, safe up to the last input byte. */
static inline void refill_slow(struct inflate_state *s)
{
	while (s->bitsleft <= 56 && s->in_next != s->in_end) {
		s->bitbuf |= (u64)*s->in_next++ << s->bitsleft;
		s->bitsleft += 8;
	}
}

static inline void drop_bits(struct inflate_state *s, unsigned int n)
{
	s->bitbuf >>= n;
	s->bitsleft -= n;
}

static int get_bits(struct inflate_state *s, unsigned int n, u32 *v)
{
	refill_slow(s);
	if (s->bitsleft < n)
		return INFLATE_ERR_TRUNCATED;
	*v = low_bits(s->bitbuf, n);
	drop_bits(s, n);
	return INFLATE_OK;
}

/*
 * Go to the next byte boundary and hand the whole bytes still buffered
 * back to the input, so that byte-oriented data can be read directly.
 */
static void align_to_byte(struct inflate_state *s)
{
	drop_bits(s, s->bitsleft & 7);
	s->in_next -= s->bitsleft / 8;
	s->bitbuf = 0;
	s->bitsleft = 0;
}

/* ---- Block decoding ---- */

/* RFC 1951 3.2.4 */
static int inflate_stored(struct inflate_state *s)
{
	u32 len, nlen;
	int ret;

	drop_bits(s, s->bitsleft & 7);
	ret = get_bits(s, 16, &len);
	if (!ret)
		ret = get_bits(s, 16, &nlen);
	if (ret)
		return ret;
	if (len != (~nlen & 0xffff))
		return INFLATE_ERR_STORED_LEN;
	align_to_byte(s);
	if (len > (size_t)(s->in_end - s->in_next))
		return INFLATE_ERR_TRUNCATED;
	if (len > (size_t)(s->out_end - s->out_next))
		return INFLATE_ERR_OUTPUT_FULL;
	memmove(s->out_next, s->in_next, len);
	s->in_next += len;
	s->out_next += len;
	return INFLATE_OK;
}

/* RFC 1951 3.2.7: the run-length coded lit/len and distance lengths. */
static int read_code_lengths(struct inflate_state *s, unsigned int total)
{
	unsigned int i = 0, n, sym, repeat;
	u32 e, v;
	u8 fill;
	int ret;

	while (i < total) {
		refill_slow(s);
		e = lookup(s->codelen_table, INFLATE_CODELEN_BITS, s->bitbuf,
			   &n);
		if (n > s->bitsleft)
			return INFLATE_ERR_TRUNCATED;
		drop_bits(s, n);
		sym = entry_value(e);
		if (sym < 16) {
			s->lens[i++] = sym;
			continue;
		}
		if (sym == 16) {
			if (i == 0)
				return INFLATE_ERR_REPEAT;
			fill = s->lens[i - 1];
			ret = get_bits(s, 2, &v);
			repeat = 3 + v;
		} else if (sym == 17) {
			fill = 0;
			ret = get_bits(s, 3, &v);
			repeat = 3 + v;
		} else {
			fill = 0;
			ret = get_bits(s, 7, &v);
			repeat = 11 + v;
		}
		if (ret)
			return ret;
		if (repeat > total - i)
			return INFLATE_ERR_REPEAT;
		while (repeat--)
			s->lens[i++] = fill;
	}
	return INFLATE_OK;
}

/* RFC 1951 3.2.7 */
static int read_dynamic_tables(struct inflate_state *s)
{
	u8 codelen_lens[NUM_CODELEN_SYMS] = { 0 };
	unsigned int i, nlen, ndist, ncodelen;
	u32 v;
	int ret;

	s->fixed_tables = false;
	ret = get_bits(s, 14, &v);
	if (ret)
		return ret;
	nlen = (v & 0x1f) + 257;
	ndist = ((v >> 5) & 0x1f) + 1;
	ncodelen = (v >> 10) + 4;
	if (nlen > MAX_LITLEN_SYMS || ndist > MAX_DIST_SYMS)
		return INFLATE_ERR_TOO_MANY_CODES;

	for (i = 0; i < ncodelen; i++) {
		ret = get_bits(s, 3, &v);
		if (ret)
			return ret;
		codelen_lens[codelen_order[i]] = v;
	}
	ret = build_table(s, s->codelen_table, INFLATE_CODELEN_BITS,
			  codelen_lens, NUM_CODELEN_SYMS, CODE_CODELEN);
	if (ret)
		return ret;

	ret = read_code_lengths(s, nlen + ndist);
	if (ret)
		return ret;
	if (s->lens[END_OF_BLOCK] == 0)
		return INFLATE_ERR_NO_EOB;
	ret = build_table(s, s->litlen_table, INFLATE_LITLEN_BITS, s->lens,
			  nlen, CODE_LITLEN);
	if (ret)
		return ret;
	return build_table(s, s->dist_table, INFLATE_DIST_BITS,
			   s->lens + nlen, ndist, CODE_DIST);
}

/*
 * Copy a match whose bounds were checked, where out_next + length + 7 is
 * still inside the output buffer: whole words may overshoot the end.
 */
static inline void copy_match_fast(u8 *dst, size_t dist, size_t length)
{
	const u8 *src = dst - dist;
	u8 *end = dst + length;
	u64 v;

	if (dist >= 8) {
		/* Each word read lies entirely in bytes already written. */
		do {
			store64(dst, load_le64(src));
			src += 8;
			dst += 8;
		} while (dst < end);
	} else if (dist == 1) {
		v = *src * 0x0101010101010101ull;
		do {
			store64(dst, v);
			dst += 8;
		} while (dst < end);
	} else {
		do {
			*dst++ = *src++;
		} while (dst < end);
	}
}

/*
 * Decode while the input and output margins allow it. Returns INFLATE_OK
 * when a margin runs out (the slow path continues), BLOCK_DONE or an error.
 */
static int inflate_fast(struct inflate_state *s)
{
	const u32 *litlen = s->litlen_table;
	const u32 *dtab = s->dist_table;
	const u8 *in_next = s->in_next;
	u8 *out_next = s->out_next;
	u64 bitbuf = s->bitbuf;
	unsigned int bitsleft = s->bitsleft;
	unsigned int n, extra;
	size_t length, dist;
	int ret = INFLATE_OK;
	u32 e;

/*
 * Load 8 bytes; keep the whole bytes that fit, so bitsleft ends in 56..63.
 * The bits above bitsleft are the start of *in_next and are loaded again.
 */
#define REFILL_FAST() do {						\
		bitbuf |= load_le64(in_next) << bitsleft;		\
		in_next += (63 - bitsleft) >> 3;			\
		bitsleft |= 56;						\
	} while (0)
#define DROP(count) do {						\
		bitbuf >>= (count);					\
		bitsleft -= (count);					\
	} while (0)

	while (s->in_end - in_next >= FAST_IN_MIN &&
	       s->out_end - out_next >= FAST_OUT_MIN) {
		REFILL_FAST();
		e = lookup(litlen, INFLATE_LITLEN_BITS, bitbuf, &n);
		DROP(n);
		if (e & ENTRY_LITERAL) {
			/* >= 41 bits left: room for a second literal. */
			*out_next++ = entry_value(e);
			e = lookup(litlen, INFLATE_LITLEN_BITS, bitbuf, &n);
			DROP(n);
			if (e & ENTRY_LITERAL) {
				*out_next++ = entry_value(e);
				continue;
			}
			REFILL_FAST();
		}
		/* >= 41 bits left: enough for 5 + 15 + 13 more. */
		if (e & (ENTRY_EOB | ENTRY_INVALID)) {
			ret = (e & ENTRY_EOB) ? BLOCK_DONE : INFLATE_ERR_LITLEN;
			break;
		}
		extra = entry_extra(e);
		length = entry_value(e) + low_bits(bitbuf, extra);
		DROP(extra);

		e = lookup(dtab, INFLATE_DIST_BITS, bitbuf, &n);
		DROP(n);
		if (e & ENTRY_INVALID) {
			ret = INFLATE_ERR_DIST;
			break;
		}
		extra = entry_extra(e);
		dist = entry_value(e) + low_bits(bitbuf, extra);
		DROP(extra);
		if (dist > (size_t)(out_next - s->out)) {
			ret = INFLATE_ERR_DIST_TOO_FAR;
			break;
		}
		copy_match_fast(out_next, dist, length);
		out_next += length;
	}
#undef REFILL_FAST
#undef DROP

	s->in_next = in_next;
	s->out_next = out_next;
	s->bitbuf = bitbuf;
	s->bitsleft = bitsleft;
	return ret;
}

/*
 * Decode one symbol (and its distance) near the buffer ends, checking
 * every bit and byte. A refill leaves >= 57 bits unless the input ends,
 * and a whole length/distance pair needs at most 48.
 */
static int inflate_slow_step(struct inflate_state *s)
{
	unsigned int n, extra;
	size_t length, dist;
	u8 *src;
	u32 e;

	refill_slow(s);
	e = lookup(s->litlen_table, INFLATE_LITLEN_BITS, s->bitbuf, &n);
	if (n > s->bitsleft)
		return INFLATE_ERR_TRUNCATED;
	drop_bits(s, n);
	if (e & ENTRY_LITERAL) {
		if (s->out_next == s->out_end)
			return INFLATE_ERR_OUTPUT_FULL;
		*s->out_next++ = entry_value(e);
		return INFLATE_OK;
	}
	if (e & ENTRY_EOB)
		return BLOCK_DONE;
	if (e & ENTRY_INVALID)
		return INFLATE_ERR_LITLEN;
	extra = entry_extra(e);
	if (extra > s->bitsleft)
		return INFLATE_ERR_TRUNCATED;
	length = entry_value(e) + low_bits(s->bitbuf, extra);
	drop_bits(s, extra);

	e = lookup(s->dist_table, INFLATE_DIST_BITS, s->bitbuf, &n);
	if (n > s->bitsleft)
		return INFLATE_ERR_TRUNCATED;
	drop_bits(s, n);
	if (e & ENTRY_INVALID)
		return INFLATE_ERR_DIST;
	extra = entry_extra(e);
	if (extra > s->bitsleft)
		return INFLATE_ERR_TRUNCATED;
	dist = entry_value(e) + low_bits(s->bitbuf, extra);
	drop_bits(s, extra);

	if (dist > (size_t)(s->out_next - s->out))
		return INFLATE_ERR_DIST_TOO_FAR;
	if (length > (size_t)(s->out_end - s->out_next))
		return INFLATE_ERR_OUTPUT_FULL;
	src = s->out_next - dist;
	while (length--)
		*s->out_next++ = *src++;
	return INFLATE_OK;
}

/* Data of a Huffman-coded block, up to and including end-of-block. */
static int inflate_huffman(struct inflate_state *s)
{
	int ret;

	do {
		ret = inflate_fast(s);
		if (ret == INFLATE_OK)
			ret = inflate_slow_step(s);
	} while (ret == INFLATE_OK);
	return ret == BLOCK_DONE ? INFLATE_OK : ret;
}

/* RFC 1951 3.2.3: blocks up to and including the one marked BFINAL. */
static int inflate_blocks(struct inflate_state *s)
{
	u32 header;
	int ret;

	do {
		ret = get_bits(s, 3, &header);
		if (ret)
			return ret;
		switch (header >> 1) {
		case 0:
			ret = inflate_stored(s);
			break;
		case 1:
			if (!s->fixed_tables)
				build_fixed_tables(s);
			ret = inflate_huffman(s);
			break;
		case 2:
			ret = read_dynamic_tables(s);
			if (!ret)
				ret = inflate_huffman(s);
			break;
		default:
			return INFLATE_ERR_BLOCK_TYPE;
		}
		if (ret)
			return ret;
	} while (!(header & 1));
	align_to_byte(s);
	return INFLATE_OK;
}

/* ---- Wrappers ---- */

static void inflate_init(struct inflate_state *s, const u8 *in, size_t in_len,
			 u8 *out, size_t out_size)
{
	s->in = in;
	s->in_next = in;
	s->in_end = in + in_len;
	s->out = out;
	s->out_next = out;
	s->out_end = out + out_size;
	s->bitbuf = 0;
	s->bitsleft = 0;
	s->fixed_tables = false;
}

static int inflate_done(const struct inflate_state *s, int ret,
			size_t *in_used, size_t *out_len)
{
	if (in_used)
		*in_used = s->in_next - s->in - s->bitsleft / 8;
	if (out_len)
		*out_len = s->out_next - s->out;
	return ret;
}

static inline u32 get_le32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

static inline u32 get_be32(const u8 *p)
{
	return (u32)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

/* Makes sure n header or trailer bytes are present at in_next. */
static int need_bytes(const struct inflate_state *s, size_t n)
{
	if ((size_t)(s->in_end - s->in_next) < n)
		return INFLATE_ERR_TRUNCATED;
	return INFLATE_OK;
}

int inflate_raw(struct inflate_state *s, const u8 *in, size_t in_len,
		size_t *in_used, u8 *out, size_t out_size, size_t *out_len)
{
	inflate_init(s, in, in_len, out, out_size);
	return inflate_done(s, inflate_blocks(s), in_used, out_len);
}

/* RFC 1952 2.3.1 */
#define GZIP_FHCRC	0x02
#define GZIP_FEXTRA	0x04
#define GZIP_FNAME	0x08
#define GZIP_FCOMMENT	0x10
#define GZIP_FRESERVED	0xe0
#define GZIP_HEADER_LEN	10

/* FNAME and FCOMMENT: zero-terminated strings. */
static int skip_string(struct inflate_state *s)
{
	do {
		if (s->in_next == s->in_end)
			return INFLATE_ERR_TRUNCATED;
	} while (*s->in_next++);
	return INFLATE_OK;
}

static int gzip_header(struct inflate_state *s)
{
	const u8 *h = s->in_next;
	size_t xlen;
	u8 flags;
	int ret;

	ret = need_bytes(s, GZIP_HEADER_LEN);
	if (ret)
		return ret;
	/* ID1, ID2, CM = 8 (deflate); reserved flags must be zero. */
	if (h[0] != 0x1f || h[1] != 0x8b || h[2] != 8 ||
	    (h[3] & GZIP_FRESERVED))
		return INFLATE_ERR_HEADER;
	flags = h[3];
	s->in_next += GZIP_HEADER_LEN;

	if (flags & GZIP_FEXTRA) {
		ret = need_bytes(s, 2);
		if (ret)
			return ret;
		xlen = s->in_next[0] | s->in_next[1] << 8;
		s->in_next += 2;
		ret = need_bytes(s, xlen);
		if (ret)
			return ret;
		s->in_next += xlen;
	}
	if (flags & GZIP_FNAME) {
		ret = skip_string(s);
		if (ret)
			return ret;
	}
	if (flags & GZIP_FCOMMENT) {
		ret = skip_string(s);
		if (ret)
			return ret;
	}
	if (flags & GZIP_FHCRC) {
		ret = need_bytes(s, 2);
		if (ret)
			return ret;
		/* CRC16: low half of the CRC-32 of the header so far. */
		if ((crc32(0, s->in, s->in_next - s->in) & 0xffff) !=
		    (u32)(s->in_next[0] | s->in_next[1] << 8))
			return INFLATE_ERR_HEADER;
		s->in_next += 2;
	}
	return INFLATE_OK;
}

/* RFC 1952 2.3.1: CRC32, then ISIZE (length mod 2^32), little-endian. */
static int gzip_trailer(struct inflate_state *s)
{
	size_t len = s->out_next - s->out;
	int ret;

	ret = need_bytes(s, 8);
	if (ret)
		return ret;
	if (get_le32(s->in_next) != crc32(0, s->out, len))
		return INFLATE_ERR_CRC;
	if (get_le32(s->in_next + 4) != (u32)len)
		return INFLATE_ERR_LENGTH;
	s->in_next += 8;
	return INFLATE_OK;
}

int gunzip(struct inflate_state *s, const u8 *in, size_t in_len,
	   size_t *in_used, u8 *out, size_t out_size, size_t *out_len)
{
	int ret;

	inflate_init(s, in, in_len, out, out_size);
	ret = gzip_header(s);
	if (!ret)
		ret = inflate_blocks(s);
	if (!ret)
		ret = gzip_trailer(s);
	return inflate_done(s, ret, in_used, out_len);
}

/* RFC 1950 2.2 */
#define ZLIB_CM_DEFLATE	8
#define ZLIB_MAX_CINFO	7	/* 32 KiB window */
#define ZLIB_FDICT	0x20

static int zlib_header(struct inflate_state *s)
{
	u8 cmf, flg;
	int ret;

	ret = need_bytes(s, 2);
	if (ret)
		return ret;
	cmf = s->in_next[0];
	flg = s->in_next[1];
	if ((cmf << 8 | flg) % 31 || (cmf & 0xf) != ZLIB_CM_DEFLATE ||
	    (cmf >> 4) > ZLIB_MAX_CINFO || (flg & ZLIB_FDICT))
		return INFLATE_ERR_HEADER;
	s->in_next += 2;
	return INFLATE_OK;
}

/* RFC 1950 2.2: ADLER32, big-endian. */
static int zlib_trailer(struct inflate_state *s)
{
	int ret;

	ret = need_bytes(s, 4);
	if (ret)
		return ret;
	if (get_be32(s->in_next) != adler32(1, s->out, s->out_next - s->out))
		return INFLATE_ERR_CRC;
	s->in_next += 4;
	return INFLATE_OK;
}

int zlib_inflate(struct inflate_state *s, const u8 *in, size_t in_len,
		 size_t *in_used, u8 *out, size_t out_size, size_t *out_len)
{
	int ret;

	inflate_init(s, in, in_len, out, out_size);
	ret = zlib_header(s);
	if (!ret)
		ret = inflate_blocks(s);
	if (!ret)
		ret = zlib_trailer(s);
	return inflate_done(s, ret, in_used, out_len);
}
