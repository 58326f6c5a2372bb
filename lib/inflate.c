/*
 * DEFLATE decoder (RFC 1951) plus the gzip (RFC 1952) and zlib (RFC 1950)
 * wrappers, one-shot or streaming. The boot decompressor uses it to unpack
 * the kernel in place and the kernel uses it for a gzip initramfs.
 *
 * Design (the one zlib and libdeflate use, written from the RFCs):
 *
 * - One decoder for both modes: a state machine whose every step either
 *   completes or stops, having consumed nothing it cannot resume from,
 *   because input or output ran out. A one-shot call is one run over the
 *   whole buffers in which running out means "truncated input" or "output
 *   buffer too small"; a streaming call returns and resumes later. Steps
 *   never stop half-way through a symbol: a symbol, or a whole length and
 *   distance pair, is decoded only when all its bits are buffered.
 * - Canonical Huffman codes (RFC 1951 3.2.2) are decoded with one table
 *   lookup on the next INFLATE_*_BITS input bits. Codes longer than that
 *   continue in a sub-table reached from the primary entry. An entry gives
 *   the symbol's meaning directly (a literal byte, the base of a length or
 *   distance, end of block, "invalid") and the bits to consume for the code
 *   and its extra bits together, so that a length or a distance is decoded
 *   with one lookup and one shift.
 * - Code length sets are validated as zlib does, so that we accept exactly
 *   the streams zlib accepts: over-subscribed sets are always rejected;
 *   incomplete sets only pass for the lit/len and distance codes when they
 *   consist of no code or of one 1-bit code (RFC 1951 3.2.7).
 * - Input bits sit in a 64-bit buffer, LSB first (RFC 1951 3.1.1). The fast
 *   loop refills it with one unaligned 8-byte load and no branch, and runs
 *   while at least FAST_IN_MIN input and FAST_OUT_MIN output bytes remain,
 *   so it checks bounds once per iteration; it decodes up to FAST_LITERALS
 *   literals per refill, looks the next entry up before it copies a match,
 *   and copies matches in 8-byte words. Both modes use it whenever the
 *   current buffers leave those margins. Elsewhere the careful steps take
 *   over, checking every bit and byte.
 * - Streaming: the output of the current call is the history the fast loop
 *   copies from; a match reaching further back leaves the fast loop and is
 *   copied by the careful step from the caller's window, which receives
 *   each call's output when the call returns. The checksum is computed at
 *   the end of each block and of each call, over the output since the last
 *   time, while that is still in the cache.
 * - In-place use (input after the output in one buffer): input is consumed
 *   strictly forward, a refill reads at most INFLATE_READ_AHEAD bytes past
 *   the consumed bits, word copies write at most INFLATE_WRITE_AHEAD bytes
 *   past the output produced, stored blocks are copied with memmove, and no
 *   pointer is declared restrict.
 * - The boot decompressor runs without relocation processing, so static
 *   data holds numbers only, never addresses.
 */
#include <linux/inflate.h>
#include <linux/crc32.h>
#include <linux/string.h>

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "inflate.c assumes a little-endian machine"
#endif

/*
 * Table entries are u32:
 *   bits 0-7   bits to consume: code length plus extra bits
 *   bits 8-11  code length, where the extra bits start (in a sub-table
 *              pointer: log2 of the sub-table size)
 *   bits 12-15 flags
 *   bits 16-31 literal byte, length or distance base, code length symbol,
 *              or sub-table offset
 * An entry with no flag is a length (lit/len table), a distance (distance
 * table) or a code length symbol (code length table). Entries in sub-tables
 * count the whole code, primary bits included.
 */
#define ENTRY_LITERAL		0x1000
#define ENTRY_SUBTABLE		0x2000
#define ENTRY_EOB		0x4000
#define ENTRY_INVALID		0x8000

#define MAX_CODE_BITS		15	/* RFC 1951 3.2.2 */
#define MAX_LITLEN_SYMS		286	/* usable lit/len symbols, 3.2.5 */
#define MAX_DIST_SYMS		30
#define END_OF_BLOCK		256
#define MAX_MATCH		258
#define MAX_DIST		32768

/*
 * The careful steps refill byte by byte up to more than SLOW_BITS bits: a
 * whole length and distance pair, the largest step, needs 15 + 5 + 15 + 13.
 */
#define SLOW_BITS		48

/*
 * The fast loop refills once per iteration, loading 8 bytes. It writes at
 * most FAST_LITERALS literals or one match, whose word copy may run
 * WORD_OVERRUN bytes over. A refill leaves at least 56 bits, and literals
 * from the primary table have at most INFLATE_LITLEN_BITS bits: after
 * FAST_LITERALS of them the next primary lookup must still be possible.
 */
#define FAST_LITERALS		4
#define WORD_OVERRUN		21
#define FAST_IN_MIN		8
#define FAST_OUT_MIN		(MAX_MATCH + WORD_OVERRUN)

#if (FAST_LITERALS + 1) * INFLATE_LITLEN_BITS > 56
#error "too many literals per refill for the primary table size"
#endif
#if WORD_OVERRUN > INFLATE_WRITE_AHEAD
#error "match copies write further ahead than inflate.h promises"
#endif

/*
 * Internal results of a step, besides INFLATE_OK (continue), the statuses
 * and the errors: input or output ran out.
 */
#define STOP_INPUT		(-1)
#define STOP_OUTPUT		(-2)

/* How the fast loop ended, besides margins and errors. */
#define FAST_END_OF_BLOCK	(-3)
#define FAST_FAR_MATCH		(-4)

enum code_kind {
	CODE_CODELEN,
	CODE_LITLEN,
	CODE_DIST,
};

/* Where the state machine stands; each mode names the step to run next. */
enum inflate_mode {
	MODE_GZIP_ID,		/* ID1, ID2, CM, FLG */
	MODE_GZIP_MTIME,
	MODE_GZIP_XFL_OS,
	MODE_GZIP_XLEN,
	MODE_GZIP_EXTRA,
	MODE_GZIP_NAME,
	MODE_GZIP_COMMENT,
	MODE_GZIP_HCRC,
	MODE_ZLIB_HEADER,
	MODE_BLOCK,		/* BFINAL, BTYPE */
	MODE_STORED_LEN,	/* LEN, NLEN */
	MODE_STORED,
	MODE_TABLE,		/* HLIT, HDIST, HCLEN */
	MODE_CODELEN_LENS,
	MODE_CODE_LENS,
	MODE_HUFFMAN,
	MODE_LITERAL,		/* a decoded literal waits for room */
	MODE_MATCH,		/* a decoded match is being copied */
	MODE_GZIP_CRC,
	MODE_GZIP_ISIZE,
	MODE_ZLIB_ADLER,
	MODE_DONE,
	MODE_ERROR,
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
static const u8 codelen_order[INFLATE_NUM_CODELEN] = {
	16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
};

const char *inflate_strerror(int status)
{
	switch (status) {
	case INFLATE_OK:
		return "ok";
	case INFLATE_STREAM_END:
		return "stream end";
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
	case INFLATE_ERR_WINDOW:
		return "window too small";
	case INFLATE_ERR_PARAM:
		return "invalid argument";
	default:
		return "unknown error";
	}
}

static inline u32 make_entry(u32 value, u32 flags, u32 len, u32 extra)
{
	return value << 16 | flags | len << 8 | (len + extra);
}

static inline unsigned int entry_bits(u32 e)
{
	return e & 0xff;
}

static inline unsigned int entry_len(u32 e)
{
	return (e >> 8) & 0xf;
}

static inline unsigned int entry_value(u32 e)
{
	return e >> 16;
}

static inline u64 low_bits(u64 v, unsigned int n)
{
	return v & (((u64)1 << n) - 1);
}

/* The extra bits of a length or distance entry, taken from bitbuf. */
static inline unsigned int entry_extra(u64 bitbuf, u32 e)
{
	return low_bits(bitbuf, entry_bits(e)) >> entry_len(e);
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

static inline size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* ---- Huffman decode tables ---- */

static u32 symbol_entry(enum code_kind kind, unsigned int sym,
			unsigned int len)
{
	if (kind == CODE_CODELEN)
		return make_entry(sym, 0, len, 0);
	if (kind == CODE_DIST) {
		if (sym >= MAX_DIST_SYMS)
			return make_entry(0, ENTRY_INVALID, len, 0);
		return make_entry(dist_base[sym], 0, len, dist_extra[sym]);
	}
	if (sym < END_OF_BLOCK)
		return make_entry(sym, ENTRY_LITERAL, len, 0);
	if (sym == END_OF_BLOCK)
		return make_entry(0, ENTRY_EOB, len, 0);
	if (sym >= MAX_LITLEN_SYMS)
		return make_entry(0, ENTRY_INVALID, len, 0);
	sym -= END_OF_BLOCK + 1;
	return make_entry(length_base[sym], 0, len, length_extra[sym]);
}

/*
 * Codes are sent MSB first but read from an LSB-first bit buffer: reverse
 * the low len bits (len <= 15) by swapping ever larger groups of bits.
 */
static unsigned int bit_reverse(unsigned int code, unsigned int len)
{
	code = (code & 0x5555) << 1 | ((code >> 1) & 0x5555);
	code = (code & 0x3333) << 2 | ((code >> 2) & 0x3333);
	code = (code & 0x0f0f) << 4 | ((code >> 4) & 0x0f0f);
	code = (code & 0x00ff) << 8 | ((code >> 8) & 0x00ff);
	return code >> (16 - len);
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

	/*
	 * Only the permitted incomplete codes, no code or one 1-bit code,
	 * leave slots unused; every complete code has at least two codes.
	 */
	if (ncodes < 2)
		fill_slots(table, 0, 0, 1u << root,
			   make_entry(0, ENTRY_INVALID, 0, 0));

	code = 0;
	for (i = 0; i < ncodes; i++) {
		sym = s->sorted[i];
		len = lens[sym];
		rev = bit_reverse(code, len);
		if (len <= root) {
			fill_slots(table, rev, len, 1u << root,
				   symbol_entry(kind, sym, len));
		} else {
			prefix = rev & ((1u << root) - 1);
			if (prefix != cur_prefix) {
				cur_prefix = prefix;
				sub_bits = subtable_bits(count, len, root);
				sub_start = next_free;
				next_free += 1u << sub_bits;
				table[prefix] = make_entry(sub_start,
							   ENTRY_SUBTABLE,
							   sub_bits, 0);
			}
			fill_slots(table + sub_start, rev >> root, len - root,
				   1u << sub_bits,
				   symbol_entry(kind, sym, len));
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
 * Decode table entry for the code at the bottom of bitbuf. Bits past the
 * end of the input read as zero, which only matters when the entry turns
 * out to need more bits than are available: then it is not used.
 */
static inline u32 lookup(const u32 *table, unsigned int root, u64 bitbuf)
{
	u32 e = table[low_bits(bitbuf, root)];

	if (e & ENTRY_SUBTABLE)
		e = table[entry_value(e) +
			  low_bits(bitbuf >> root, entry_len(e))];
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

/*
 * Byte-wise refill, safe up to the last input byte. Bits above bitsleft
 * are zero here, so a byte can simply be ORed in.
 */
static inline void refill_slow(struct inflate_state *s)
{
	while (s->bitsleft <= SLOW_BITS && s->in_next != s->in_end) {
		s->bitbuf |= (u64)*s->in_next++ << s->bitsleft;
		s->bitsleft += 8;
	}
}

static inline void drop_bits(struct inflate_state *s, unsigned int n)
{
	s->bitbuf >>= n;
	s->bitsleft -= n;
}

/* n <= 32 bits, or nothing consumed if the input runs out first. */
static int get_bits(struct inflate_state *s, unsigned int n, u32 *v)
{
	refill_slow(s);
	if (s->bitsleft < n)
		return STOP_INPUT;
	*v = low_bits(s->bitbuf, n);
	drop_bits(s, n);
	return INFLATE_OK;
}

/*
 * Give the whole bytes still buffered back to the input, as far as they
 * came from the current call's buffer: at the end of the stream this makes
 * *in_used exact. Bytes left from an earlier call never lie past the end
 * of the stream: that call either ran out of input, so it needed them all,
 * or gave its own back.
 */
static void return_bytes(struct inflate_state *s)
{
	unsigned int n = min_size(s->bitsleft / 8, s->in_next - s->in);

	s->in_next -= n;
	s->bitsleft -= 8 * n;
	s->bitbuf = low_bits(s->bitbuf, s->bitsleft);
}

/* ---- Output ---- */

/* Fold the output produced since the last time into check and ISIZE. */
static void sum_output(struct inflate_state *s)
{
	size_t n = s->out_next - s->out_summed;

	if (s->wrap == INFLATE_GZIP)
		s->check = crc32(s->check, s->out_summed, n);
	else if (s->wrap == INFLATE_ZLIB)
		s->check = adler32(s->check, s->out_summed, n);
	s->total_out += n;
	s->out_summed = s->out_next;
}

/* Keep the last wsize bytes of output, as a ring ending at wnext. */
static void update_window(struct inflate_state *s)
{
	const u8 *p = s->out;
	size_t n = s->out_next - s->out, part;

	if (n >= s->wsize) {
		memcpy(s->window, s->out_next - s->wsize, s->wsize);
		s->wnext = 0;
		s->whave = s->wsize;
		return;
	}
	part = min_size(n, s->wsize - s->wnext);
	memcpy(s->window + s->wnext, p, part);
	memcpy(s->window, p + part, n - part);
	s->wnext = n - part ? n - part : s->wnext + part;
	if (s->wnext == s->wsize)
		s->wnext = 0;
	s->whave = min_size(s->whave + n, s->wsize);
}

static int put_literal(struct inflate_state *s, u8 c)
{
	if (s->out_next == s->out_end) {
		s->literal = c;
		s->mode = MODE_LITERAL;
		return STOP_OUTPUT;
	}
	*s->out_next++ = c;
	s->mode = MODE_HUFFMAN;
	return INFLATE_OK;
}

/* The history is the window followed by this call's output so far. */
static int start_match(struct inflate_state *s, size_t length, size_t dist)
{
	if (dist > s->dist_max ||
	    dist > s->whave + (size_t)(s->out_next - s->out))
		return INFLATE_ERR_DIST_TOO_FAR;
	s->length = length;
	s->dist = dist;
	s->mode = MODE_MATCH;
	return INFLATE_OK;
}

/* Copy what fits of the match in progress, byte by byte or from the window. */
static int copy_match_slow(struct inflate_state *s)
{
	size_t room, n, back, from, i;
	const u8 *src;

	while (s->length) {
		room = s->out_end - s->out_next;
		if (!room)
			return STOP_OUTPUT;
		back = s->dist;
		if (back > (size_t)(s->out_next - s->out)) {
			back -= s->out_next - s->out;
			from = s->wnext >= back ? s->wnext - back :
			       s->wnext + s->wsize - back;
			n = min_size(min_size(back, s->wsize - from),
				     min_size(s->length, room));
			memcpy(s->out_next, s->window + from, n);
		} else {
			n = min_size(s->length, room);
			src = s->out_next - back;
			for (i = 0; i < n; i++)
				s->out_next[i] = src[i];
		}
		s->out_next += n;
		s->length -= n;
	}
	s->mode = MODE_HUFFMAN;
	return INFLATE_OK;
}

/* ---- Blocks (RFC 1951 3.2.3) ---- */

static int end_of_block(struct inflate_state *s)
{
	sum_output(s);
	if (!s->final) {
		s->mode = MODE_BLOCK;
		return INFLATE_OK;
	}
	drop_bits(s, s->bitsleft & 7);
	if (s->wrap == INFLATE_GZIP)
		s->mode = MODE_GZIP_CRC;
	else if (s->wrap == INFLATE_ZLIB)
		s->mode = MODE_ZLIB_ADLER;
	else
		s->mode = MODE_DONE;
	return INFLATE_OK;
}

static int block_header(struct inflate_state *s)
{
	u32 v;
	int ret;

	ret = get_bits(s, 3, &v);
	if (ret)
		return ret;
	s->final = v & 1;
	switch (v >> 1) {
	case 0:
		drop_bits(s, s->bitsleft & 7);
		s->mode = MODE_STORED_LEN;
		return INFLATE_OK;
	case 1:
		if (!s->fixed_tables)
			build_fixed_tables(s);
		s->mode = MODE_HUFFMAN;
		return INFLATE_OK;
	case 2:
		s->fixed_tables = false;
		s->mode = MODE_TABLE;
		return INFLATE_OK;
	default:
		return INFLATE_ERR_BLOCK_TYPE;
	}
}

/* RFC 1951 3.2.4 */
static int stored_len(struct inflate_state *s)
{
	u32 v;
	int ret;

	ret = get_bits(s, 32, &v);
	if (ret)
		return ret;
	if ((v & 0xffff) != (~v >> 16))
		return INFLATE_ERR_STORED_LEN;
	s->length = v & 0xffff;
	s->mode = MODE_STORED;
	return INFLATE_OK;
}

/*
 * The data of a stored block: first the whole bytes left in bitbuf, then
 * straight from the input, with memmove for in-place use.
 */
static int stored_copy(struct inflate_state *s)
{
	size_t n;

	while (s->length && s->bitsleft && s->out_next != s->out_end) {
		*s->out_next++ = s->bitbuf;
		drop_bits(s, 8);
		s->length--;
	}
	n = min_size(s->length, min_size(s->in_end - s->in_next,
					  s->out_end - s->out_next));
	memmove(s->out_next, s->in_next, n);
	s->in_next += n;
	s->out_next += n;
	s->length -= n;
	if (s->length)
		return s->out_next == s->out_end ? STOP_OUTPUT : STOP_INPUT;
	return end_of_block(s);
}

/* RFC 1951 3.2.7 */
static int table_header(struct inflate_state *s)
{
	u32 v;
	int ret;

	ret = get_bits(s, 14, &v);
	if (ret)
		return ret;
	s->nlen = (v & 0x1f) + 257;
	s->ndist = ((v >> 5) & 0x1f) + 1;
	s->ncodelen = (v >> 10) + 4;
	if (s->nlen > MAX_LITLEN_SYMS || s->ndist > MAX_DIST_SYMS)
		return INFLATE_ERR_TOO_MANY_CODES;
	memset(s->codelen_lens, 0, sizeof(s->codelen_lens));
	s->have = 0;
	s->mode = MODE_CODELEN_LENS;
	return INFLATE_OK;
}

static int codelen_lens(struct inflate_state *s)
{
	u32 v;
	int ret;

	while (s->have < s->ncodelen) {
		ret = get_bits(s, 3, &v);
		if (ret)
			return ret;
		s->codelen_lens[codelen_order[s->have++]] = v;
	}
	ret = build_table(s, s->codelen_table, INFLATE_CODELEN_BITS,
			  s->codelen_lens, INFLATE_NUM_CODELEN, CODE_CODELEN);
	if (ret)
		return ret;
	s->have = 0;
	s->mode = MODE_CODE_LENS;
	return INFLATE_OK;
}

/*
 * One code length symbol with its extra bits (at most 7 + 7 bits), or
 * nothing if they are not all there.
 */
static int code_length(struct inflate_state *s, unsigned int total)
{
	static const u8 repeat_extra[3] = { 2, 3, 7 };
	static const u8 repeat_base[3] = { 3, 3, 11 };
	unsigned int n, sym, nextra, repeat;
	u8 fill;
	u32 e;

	refill_slow(s);
	e = lookup(s->codelen_table, INFLATE_CODELEN_BITS, s->bitbuf);
	n = entry_bits(e);
	if (n > s->bitsleft)
		return STOP_INPUT;
	sym = entry_value(e);
	if (sym < 16) {
		drop_bits(s, n);
		s->lens[s->have++] = sym;
		return INFLATE_OK;
	}
	if (sym == 16 && s->have == 0)
		return INFLATE_ERR_REPEAT;
	nextra = repeat_extra[sym - 16];
	if (n + nextra > s->bitsleft)
		return STOP_INPUT;
	repeat = repeat_base[sym - 16] + low_bits(s->bitbuf >> n, nextra);
	if (repeat > total - s->have)
		return INFLATE_ERR_REPEAT;
	drop_bits(s, n + nextra);
	fill = sym == 16 ? s->lens[s->have - 1] : 0;
	memset(s->lens + s->have, fill, repeat);
	s->have += repeat;
	return INFLATE_OK;
}

static int code_lens(struct inflate_state *s)
{
	unsigned int total = s->nlen + s->ndist;
	int ret;

	while (s->have < total) {
		ret = code_length(s, total);
		if (ret)
			return ret;
	}
	if (s->lens[END_OF_BLOCK] == 0)
		return INFLATE_ERR_NO_EOB;
	ret = build_table(s, s->litlen_table, INFLATE_LITLEN_BITS, s->lens,
			  s->nlen, CODE_LITLEN);
	if (ret)
		return ret;
	ret = build_table(s, s->dist_table, INFLATE_DIST_BITS,
			  s->lens + s->nlen, s->ndist, CODE_DIST);
	if (ret)
		return ret;
	s->mode = MODE_HUFFMAN;
	return INFLATE_OK;
}

/*
 * Copy a match whose bounds were checked, where out_next + length +
 * WORD_OVERRUN is still inside the output buffer: whole words may
 * overshoot the end. Three words cover most matches without a loop.
 */
static inline void copy_match_fast(u8 *dst, size_t dist, size_t length)
{
	/* The smallest whole number of periods of dist bytes >= 8. */
	static const u8 period8[8] = { 0, 8, 8, 9, 8, 10, 12, 14 };
	const u8 *src = dst - dist;
	u8 *end = dst + length;
	unsigned int shift;
	u64 v;

	if (dist < 8) {
		/*
		 * The match repeats its first dist bytes: build 8 bytes of
		 * that pattern in a word, then copy words from period8[dist]
		 * bytes back, where they no longer overlap what they write.
		 */
		v = low_bits(load_le64(src), 8 * dist);
		for (shift = 8 * dist; shift < 64; shift *= 2)
			v |= v << shift;
		store64(dst, v);
		dst += 8;
		src = dst - period8[dist];
		while (dst < end) {
			store64(dst, load_le64(src));
			src += 8;
			dst += 8;
		}
		return;
	}
	/* Each word read lies entirely in bytes already written. */
	store64(dst, load_le64(src));
	store64(dst + 8, load_le64(src + 8));
	store64(dst + 16, load_le64(src + 16));
	if (length <= 24)
		return;
	src += 24;
	dst += 24;
	do {
		store64(dst, load_le64(src));
		store64(dst + 8, load_le64(src + 8));
		src += 16;
		dst += 16;
	} while (dst < end);
}

/*
 * Decode while the input and output margins allow it. Returns INFLATE_OK
 * when a margin runs out or a match needs the careful copy (s->mode tells
 * which), or the result of the end of the block, or an error.
 *
 * At the top of the loop bitbuf holds at least 56 bits and e is the
 * primary lit/len entry for them. A literal found there has at most
 * INFLATE_LITLEN_BITS bits, so up to FAST_LITERALS of them can be taken
 * with the entry after them still looked up (44 + 11 <= 56 bits); a length
 * and distance pair takes at most 48 bits. Every iteration ends with one
 * refill and the lookup of the next entry, which the CPU can do while a
 * match is being copied. Kept out of line: inlined into the state machine,
 * its variables no longer fit in registers.
 */
static __attribute__((noinline)) int inflate_fast(struct inflate_state *s)
{
	const u32 *litlen = s->litlen_table;
	const u32 *dtab = s->dist_table;
	const u8 *in_next = s->in_next, *in_last;
	u8 *out_next = s->out_next, *out_last;
	u8 *const out = s->out;
	const size_t dist_max = s->dist_max;
	u64 bitbuf = s->bitbuf, saved;
	unsigned int bitsleft = s->bitsleft;
	size_t length = 0, dist = 0;
	int ret = INFLATE_OK;
	u32 e, d, lit;

	if (s->in_end - in_next < FAST_IN_MIN ||
	    s->out_end - out_next < FAST_OUT_MIN)
		return INFLATE_OK;
	in_last = s->in_end - FAST_IN_MIN;
	out_last = s->out_end - FAST_OUT_MIN;

/*
 * Load 8 bytes; keep the whole bytes that fit, so bitsleft ends in 56..63.
 * The bits above bitsleft are the start of *in_next and are loaded again.
 */
#define REFILL() do {							\
		bitbuf |= load_le64(in_next) << bitsleft;		\
		in_next += (63 - bitsleft) >> 3;			\
		bitsleft |= 56;						\
	} while (0)
#define CONSUME(e) do {							\
		bitbuf >>= entry_bits(e);				\
		bitsleft -= entry_bits(e);				\
	} while (0)
/* Take the literal in e and look up the next entry before storing it. */
#define LITERAL() do {							\
		CONSUME(e);						\
		lit = entry_value(e);					\
		e = litlen[low_bits(bitbuf, INFLATE_LITLEN_BITS)];	\
		*out_next++ = lit;					\
	} while (0)

	REFILL();
	e = litlen[low_bits(bitbuf, INFLATE_LITLEN_BITS)];
	while (in_next <= in_last && out_next <= out_last) {
		if (e & ENTRY_LITERAL) {
			LITERAL();
			if (e & ENTRY_LITERAL) {
				LITERAL();
				if (e & ENTRY_LITERAL) {
					LITERAL();
					if (e & ENTRY_LITERAL)
						LITERAL();
				}
			}
			REFILL();
			continue;
		}
		if (e & (ENTRY_SUBTABLE | ENTRY_EOB | ENTRY_INVALID)) {
			if (e & ENTRY_SUBTABLE) {
				e = lookup(litlen, INFLATE_LITLEN_BITS, bitbuf);
				if (e & ENTRY_LITERAL) {
					LITERAL();
					REFILL();
					continue;
				}
			}
			if (e & ENTRY_EOB) {
				CONSUME(e);
				ret = FAST_END_OF_BLOCK;
				break;
			}
			if (e & ENTRY_INVALID) {
				ret = INFLATE_ERR_LITLEN;
				break;
			}
		}
		saved = bitbuf;
		CONSUME(e);
		length = entry_value(e) + entry_extra(saved, e);

		d = dtab[low_bits(bitbuf, INFLATE_DIST_BITS)];
		if (d & (ENTRY_SUBTABLE | ENTRY_INVALID)) {
			if (d & ENTRY_SUBTABLE)
				d = lookup(dtab, INFLATE_DIST_BITS, bitbuf);
			if (d & ENTRY_INVALID) {
				ret = INFLATE_ERR_DIST;
				break;
			}
		}
		saved = bitbuf;
		CONSUME(d);
		dist = entry_value(d) + entry_extra(saved, d);
		if (dist > (size_t)(out_next - out) || dist > dist_max) {
			ret = FAST_FAR_MATCH;
			break;
		}
		REFILL();
		e = litlen[low_bits(bitbuf, INFLATE_LITLEN_BITS)];
		copy_match_fast(out_next, dist, length);
		out_next += length;
	}
#undef REFILL
#undef CONSUME
#undef LITERAL

	s->in_next = in_next;
	s->out_next = out_next;
	s->bitbuf = low_bits(bitbuf, bitsleft);
	s->bitsleft = bitsleft;
	if (ret == FAST_END_OF_BLOCK)
		return end_of_block(s);
	if (ret == FAST_FAR_MATCH)
		return start_match(s, length, dist);
	return ret;
}

/*
 * One literal, end of block, or length and distance pair, decoded only if
 * all its bits are there.
 */
static int decode_symbol(struct inflate_state *s)
{
	unsigned int used, avail;
	size_t length, dist;
	u64 bits;
	u32 e;

	refill_slow(s);
	bits = s->bitbuf;
	avail = s->bitsleft;
	e = lookup(s->litlen_table, INFLATE_LITLEN_BITS, bits);
	used = entry_bits(e);
	if (used > avail)
		return STOP_INPUT;
	if (e & ENTRY_LITERAL) {
		drop_bits(s, used);
		return put_literal(s, entry_value(e));
	}
	if (e & ENTRY_EOB) {
		drop_bits(s, used);
		return end_of_block(s);
	}
	if (e & ENTRY_INVALID)
		return INFLATE_ERR_LITLEN;
	length = entry_value(e) + entry_extra(bits, e);

	bits >>= used;
	e = lookup(s->dist_table, INFLATE_DIST_BITS, bits);
	if (entry_bits(e) > avail - used)
		return STOP_INPUT;
	if (e & ENTRY_INVALID)
		return INFLATE_ERR_DIST;
	dist = entry_value(e) + entry_extra(bits, e);
	drop_bits(s, used + entry_bits(e));
	return start_match(s, length, dist);
}

static int huffman_data(struct inflate_state *s)
{
	int ret = inflate_fast(s);

	if (ret || s->mode != MODE_HUFFMAN)
		return ret;
	return decode_symbol(s);
}

/* ---- gzip (RFC 1952 2.3.1) ---- */

#define GZIP_FHCRC	0x02
#define GZIP_FEXTRA	0x04
#define GZIP_FNAME	0x08
#define GZIP_FCOMMENT	0x10
#define GZIP_FRESERVED	0xe0

/* n header bytes, little-endian, also folded into the header CRC. */
static int header_bytes(struct inflate_state *s, unsigned int n, u32 *v)
{
	u8 bytes[4];
	unsigned int i;
	int ret;

	ret = get_bits(s, 8 * n, v);
	if (ret)
		return ret;
	for (i = 0; i < n; i++)
		bytes[i] = *v >> (8 * i);
	s->head_crc = crc32(s->head_crc, bytes, n);
	return INFLATE_OK;
}

/* The next optional field, in their order; each clears its flag when read. */
static void gzip_next_field(struct inflate_state *s)
{
	u8 flags = s->gzip_flags;

	if (flags & GZIP_FEXTRA)
		s->mode = MODE_GZIP_XLEN;
	else if (flags & GZIP_FNAME)
		s->mode = MODE_GZIP_NAME;
	else if (flags & GZIP_FCOMMENT)
		s->mode = MODE_GZIP_COMMENT;
	else if (flags & GZIP_FHCRC)
		s->mode = MODE_GZIP_HCRC;
	else
		s->mode = MODE_BLOCK;
}

static int gzip_id(struct inflate_state *s)
{
	u32 v;
	int ret;

	ret = header_bytes(s, 4, &v);
	if (ret)
		return ret;
	/* ID1, ID2, CM = 8 (deflate); reserved flags must be zero. */
	if ((v & 0xffffff) != 0x088b1f || (v >> 24) & GZIP_FRESERVED)
		return INFLATE_ERR_HEADER;
	s->gzip_flags = v >> 24;
	s->mode = MODE_GZIP_MTIME;
	return INFLATE_OK;
}

/* MTIME, then XFL and OS: nothing to check. */
static int gzip_fixed(struct inflate_state *s)
{
	bool mtime = s->mode == MODE_GZIP_MTIME;
	u32 v;
	int ret;

	ret = header_bytes(s, mtime ? 4 : 2, &v);
	if (ret)
		return ret;
	if (mtime)
		s->mode = MODE_GZIP_XFL_OS;
	else
		gzip_next_field(s);
	return INFLATE_OK;
}

static int gzip_xlen(struct inflate_state *s)
{
	u32 v;
	int ret;

	ret = header_bytes(s, 2, &v);
	if (ret)
		return ret;
	s->length = v;
	s->mode = MODE_GZIP_EXTRA;
	return INFLATE_OK;
}

/* FEXTRA: the bytes already in bitbuf, then straight from the input. */
static int gzip_extra(struct inflate_state *s)
{
	size_t n;
	u8 c;

	while (s->length && s->bitsleft) {
		c = s->bitbuf;
		s->head_crc = crc32(s->head_crc, &c, 1);
		drop_bits(s, 8);
		s->length--;
	}
	n = min_size(s->length, s->in_end - s->in_next);
	s->head_crc = crc32(s->head_crc, s->in_next, n);
	s->in_next += n;
	s->length -= n;
	if (s->length)
		return STOP_INPUT;
	s->gzip_flags &= ~GZIP_FEXTRA;
	gzip_next_field(s);
	return INFLATE_OK;
}

/* FNAME and FCOMMENT: zero-terminated strings. */
static int gzip_string(struct inflate_state *s)
{
	u32 v;
	int ret;

	do {
		ret = header_bytes(s, 1, &v);
		if (ret)
			return ret;
	} while (v);
	s->gzip_flags &= s->mode == MODE_GZIP_NAME ? ~GZIP_FNAME :
			 ~GZIP_FCOMMENT;
	gzip_next_field(s);
	return INFLATE_OK;
}

/* CRC16: the low half of the CRC-32 of the header before it. */
static int gzip_hcrc(struct inflate_state *s)
{
	u32 v;
	int ret;

	ret = get_bits(s, 16, &v);
	if (ret)
		return ret;
	if (v != (s->head_crc & 0xffff))
		return INFLATE_ERR_HEADER;
	s->mode = MODE_BLOCK;
	return INFLATE_OK;
}

/* CRC32, then ISIZE (length mod 2^32), little-endian. */
static int gzip_trailer(struct inflate_state *s)
{
	bool crc = s->mode == MODE_GZIP_CRC;
	u32 v;
	int ret;

	ret = get_bits(s, 32, &v);
	if (ret)
		return ret;
	if (crc && v != s->check)
		return INFLATE_ERR_CRC;
	if (!crc && v != s->total_out)
		return INFLATE_ERR_LENGTH;
	s->mode = crc ? MODE_GZIP_ISIZE : MODE_DONE;
	return INFLATE_OK;
}

/* ---- zlib (RFC 1950 2.2) ---- */

#define ZLIB_CM_DEFLATE	8
#define ZLIB_MAX_CINFO	7	/* 32 KiB window */
#define ZLIB_FDICT	0x20

static int zlib_header(struct inflate_state *s)
{
	unsigned int cmf, flg;
	u32 v;
	int ret;

	ret = get_bits(s, 16, &v);
	if (ret)
		return ret;
	cmf = v & 0xff;
	flg = v >> 8;
	if ((cmf << 8 | flg) % 31 || (cmf & 0xf) != ZLIB_CM_DEFLATE ||
	    (cmf >> 4) > ZLIB_MAX_CINFO || (flg & ZLIB_FDICT))
		return INFLATE_ERR_HEADER;
	if (s->streaming && (1u << ((cmf >> 4) + 8)) > s->wsize)
		return INFLATE_ERR_WINDOW;
	s->mode = MODE_BLOCK;
	return INFLATE_OK;
}

/* ADLER32, big-endian. */
static int zlib_trailer(struct inflate_state *s)
{
	u32 v;
	int ret;

	ret = get_bits(s, 32, &v);
	if (ret)
		return ret;
	if (__builtin_bswap32(v) != s->check)
		return INFLATE_ERR_CRC;
	s->mode = MODE_DONE;
	return INFLATE_OK;
}

/* ---- The state machine ---- */

static int inflate_step(struct inflate_state *s)
{
	switch (s->mode) {
	case MODE_GZIP_ID:
		return gzip_id(s);
	case MODE_GZIP_MTIME:
	case MODE_GZIP_XFL_OS:
		return gzip_fixed(s);
	case MODE_GZIP_XLEN:
		return gzip_xlen(s);
	case MODE_GZIP_EXTRA:
		return gzip_extra(s);
	case MODE_GZIP_NAME:
	case MODE_GZIP_COMMENT:
		return gzip_string(s);
	case MODE_GZIP_HCRC:
		return gzip_hcrc(s);
	case MODE_ZLIB_HEADER:
		return zlib_header(s);
	case MODE_BLOCK:
		return block_header(s);
	case MODE_STORED_LEN:
		return stored_len(s);
	case MODE_STORED:
		return stored_copy(s);
	case MODE_TABLE:
		return table_header(s);
	case MODE_CODELEN_LENS:
		return codelen_lens(s);
	case MODE_CODE_LENS:
		return code_lens(s);
	case MODE_HUFFMAN:
		return huffman_data(s);
	case MODE_LITERAL:
		return put_literal(s, s->literal);
	case MODE_MATCH:
		return copy_match_slow(s);
	case MODE_GZIP_CRC:
	case MODE_GZIP_ISIZE:
		return gzip_trailer(s);
	case MODE_ZLIB_ADLER:
		return zlib_trailer(s);
	case MODE_DONE:
		return INFLATE_STREAM_END;
	case MODE_ERROR:
		return s->error;
	default:
		return INFLATE_ERR_PARAM;
	}
}

/* Runs until input or output runs out, the stream ends, or an error. */
static int inflate_run(struct inflate_state *s)
{
	int ret;

	do {
		ret = inflate_step(s);
	} while (ret == INFLATE_OK);
	return ret;
}

static void inflate_reset(struct inflate_state *s, enum inflate_wrap wrap)
{
	static const u8 first_mode[] = {
		[INFLATE_RAW] = MODE_BLOCK,
		[INFLATE_ZLIB] = MODE_ZLIB_HEADER,
		[INFLATE_GZIP] = MODE_GZIP_ID,
	};

	s->mode = first_mode[wrap];
	s->wrap = wrap;
	s->bitbuf = 0;
	s->bitsleft = 0;
	s->fixed_tables = false;
	s->check = wrap == INFLATE_ZLIB ? adler32(0, NULL, 0) : 0;
	s->total_out = 0;
	s->head_crc = 0;
	s->error = INFLATE_OK;
}

/*
 * Empty buffers may come as NULL, but even adding 0 to a null pointer is
 * undefined in C: they point here instead.
 */
static u8 no_buffer;

static void set_buffers(struct inflate_state *s, const u8 *in, size_t in_len,
			u8 *out, size_t out_len)
{
	if (!in)
		in = &no_buffer;
	if (!out)
		out = &no_buffer;
	s->in = in;
	s->in_next = in;
	s->in_end = in + in_len;
	s->out = out;
	s->out_next = out;
	s->out_end = out + out_len;
	s->out_summed = out;
}

/*
 * After a run that ended with ret: input is handed back unless the decoder
 * stopped for lack of it (then all of it is in bitbuf and needed), the stop
 * becomes the mode's status, and an error sticks; otherwise the new output
 * goes into the checksum and, when streaming, the window.
 */
static int finish(struct inflate_state *s, int ret, size_t *in_used,
		  size_t *out_len)
{
	if (ret != STOP_INPUT)
		return_bytes(s);
	if (s->streaming && (ret == STOP_INPUT || ret == STOP_OUTPUT))
		ret = INFLATE_OK;
	else if (ret == STOP_INPUT)
		ret = INFLATE_ERR_TRUNCATED;
	else if (ret == STOP_OUTPUT)
		ret = INFLATE_ERR_OUTPUT_FULL;
	else if (!s->streaming && ret == INFLATE_STREAM_END)
		ret = INFLATE_OK;

	if (ret > INFLATE_STREAM_END) {
		s->mode = MODE_ERROR;
		s->error = ret;
	} else {
		sum_output(s);
		if (s->streaming)
			update_window(s);
	}
	if (in_used)
		*in_used = s->in_next - s->in;
	if (out_len)
		*out_len = s->out_next - s->out;
	return ret;
}

static int inflate_oneshot(struct inflate_state *s, enum inflate_wrap wrap,
			   const u8 *in, size_t in_len, size_t *in_used,
			   u8 *out, size_t out_size, size_t *out_len)
{
	inflate_reset(s, wrap);
	s->streaming = false;
	s->window = NULL;
	s->wsize = 0;
	s->whave = 0;
	s->wnext = 0;
	s->dist_max = MAX_DIST;
	set_buffers(s, in, in_len, out, out_size);
	return finish(s, inflate_run(s), in_used, out_len);
}

int inflate_raw(struct inflate_state *s, const u8 *in, size_t in_len,
		size_t *in_used, u8 *out, size_t out_size, size_t *out_len)
{
	return inflate_oneshot(s, INFLATE_RAW, in, in_len, in_used, out,
			       out_size, out_len);
}

int gunzip(struct inflate_state *s, const u8 *in, size_t in_len,
	   size_t *in_used, u8 *out, size_t out_size, size_t *out_len)
{
	return inflate_oneshot(s, INFLATE_GZIP, in, in_len, in_used, out,
			       out_size, out_len);
}

int zlib_inflate(struct inflate_state *s, const u8 *in, size_t in_len,
		 size_t *in_used, u8 *out, size_t out_size, size_t *out_len)
{
	return inflate_oneshot(s, INFLATE_ZLIB, in, in_len, in_used, out,
			       out_size, out_len);
}

int inflate_stream_init(struct inflate_state *s, enum inflate_wrap wrap,
			u8 *window, size_t window_size)
{
	if (!s || !window || window_size < INFLATE_MIN_WINDOW ||
	    (wrap != INFLATE_RAW && wrap != INFLATE_ZLIB &&
	     wrap != INFLATE_GZIP))
		return INFLATE_ERR_PARAM;
	inflate_reset(s, wrap);
	s->streaming = true;
	s->window = window;
	s->wsize = min_size(window_size, INFLATE_WINDOW_SIZE);
	s->whave = 0;
	s->wnext = 0;
	s->dist_max = s->wsize;
	return INFLATE_OK;
}

int inflate_stream(struct inflate_state *s, const u8 *in, size_t in_len,
		   size_t *in_used, u8 *out, size_t out_len,
		   size_t *out_written)
{
	if (!in_used || !out_written)
		return INFLATE_ERR_PARAM;
	*in_used = 0;
	*out_written = 0;
	if (!s || !s->streaming || (!in && in_len) || (!out && out_len))
		return INFLATE_ERR_PARAM;
	if (s->mode == MODE_ERROR)
		return s->error;
	set_buffers(s, in, in_len, out, out_len);
	return finish(s, inflate_run(s), in_used, out_written);
}
