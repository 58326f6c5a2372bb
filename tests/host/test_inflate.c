/*
 * Host test for lib/inflate.c (one-shot calls, and the hand-built streams
 * in both modes) and lib/crc32.c. The system zlib is the independent
 * reference: it compresses the test data and must agree on every stream
 * built here. Streams zlib never produces (edge cases and every error) are
 * built bit by bit from RFC 1951 (deflate_ref.h), and their expected output
 * is built directly, not taken from our decoder. Streaming over the same
 * corpora is in test_inflate_stream.c, mutated streams in
 * test_inflate_corrupt.c.
 *
 * libz's internal calls to crc32()/adler32() bind to our definitions in
 * this executable, so our checksums are also checked against zlib's
 * crc32_z()/adler32_z() and a bit-at-a-time CRC written here.
 */
#include "test_inflate.h"
#include "deflate_ref.h"

static struct inflate_state *state;

/*
 * Decode comp, followed by `trail` junk bytes, from an exact-size buffer
 * into an out_size buffer and compare with the original. The junk lets
 * the fast loop run right up to the end of an exact output buffer.
 */
static bool roundtrip(const u8 *orig, size_t n, const u8 *comp, size_t clen,
		      size_t trail, enum wrapper w, size_t out_size,
		      const char *what)
{
	u8 *in = xmalloc(clen + trail);
	u8 *out = xmalloc(out_size);
	size_t in_used = 0, out_len = 0, i;
	int ret;
	bool ok;

	memcpy(in, comp, clen);
	for (i = 0; i < trail; i++)
		in[clen + i] = rnd();
	ret = our_decode(state, w, in, clen + trail, out, out_size, &in_used,
			 &out_len);
	ok = harness_expect(ret == INFLATE_OK && out_len == n && in_used == clen &&
		   (n == 0 || memcmp(out, orig, n) == 0),
		   "%s (%s): ret=%s out_len=%zu/%zu in_used=%zu/%zu%s", what,
		   wrapper_name(w), inflate_strerror(ret), out_len, n, in_used,
		   clen,
		   ret == INFLATE_OK && out_len == n ? " data differs" : "");
	free(in);
	free(out);
	return ok;
}

/* ---- Checksums ---- */

static u32 crc32_bitwise(u32 crc, const u8 *p, size_t n)
{
	int k;

	crc = ~crc;
	while (n--) {
		crc ^= *p++;
		for (k = 0; k < 8; k++)
			crc = crc & 1 ? (crc >> 1) ^ 0xedb88320 : crc >> 1;
	}
	return ~crc;
}

static void test_checksums(void)
{
	static const size_t big[] = {
		1000, 4095, 4096, 5551, 5552, 5553, 11104, 11105, 65536, 100000,
	};
	size_t bufsize = 100016, len, i, a;
	u8 *buf = xmalloc(bufsize);
	u32 c, z;

	group_start();
	for (i = 0; i < bufsize; i++)
		buf[i] = rnd();
	/* The usual check values: CRC-32 of "123456789", Adler-32 example. */
	harness_expect(crc32(0, "123456789", 9) == 0xcbf43926, "crc32 check value");
	harness_expect(adler32(1, "Wikipedia", 9) == 0x11e60398, "adler32 check value");
	for (a = 0; a < 8; a++) {
		for (len = 0; len <= 300; len++) {
			harness_expect(crc32(0, buf + a, len) ==
			      crc32_z(0, buf + a, len) &&
			      crc32(0, buf + a, len) ==
			      crc32_bitwise(0, buf + a, len),
			      "crc32 len %zu align %zu", len, a);
			harness_expect(adler32(1, buf + a, len) ==
			      adler32_z(1, buf + a, len),
			      "adler32 len %zu align %zu", len, a);
		}
		for (i = 0; i < sizeof(big) / sizeof(big[0]); i++) {
			len = big[i];
			harness_expect(crc32(0, buf + a, len) ==
			      crc32_bitwise(0, buf + a, len),
			      "crc32 len %zu align %zu", len, a);
			harness_expect(adler32(1, buf + a, len) ==
			      adler32_z(1, buf + a, len),
			      "adler32 len %zu align %zu", len, a);
		}
	}
	/* Chaining, from arbitrary intermediate values. */
	for (i = 0; i < 200; i++) {
		size_t l1 = rnd_below(50000), l2 = rnd_below(50000);

		c = crc32(crc32(0, buf, l1), buf + l1, l2);
		harness_expect(c == crc32_z(0, buf, l1 + l2), "crc32 chain %zu+%zu",
		      l1, l2);
		z = adler32(adler32(1, buf, l1), buf + l1, l2);
		harness_expect(z == adler32_z(1, buf, l1 + l2), "adler32 chain %zu+%zu",
		      l1, l2);
	}
	/* A long run of 0xff maximises Adler-32's sums between reductions. */
	memset(buf, 0xff, bufsize);
	harness_expect(adler32(1, buf, bufsize) == adler32_z(1, buf, bufsize),
	      "adler32 all 0xff");
	harness_expect(crc32(0, buf, bufsize) == crc32_z(0, buf, bufsize),
	      "crc32 all 0xff");
	free(buf);
	group_end("crc32/adler32 vs zlib");
}

static void test_strerror(void)
{
	int i, j;

	group_start();
	for (i = 0; i <= INFLATE_ERR_PARAM; i++) {
		harness_expect(strcmp(inflate_strerror(i), "unknown error") != 0,
		      "strerror(%d) known", i);
		harness_expect(is_named_error(i) == (i > INFLATE_STREAM_END),
		      "status %d is an error exactly when above STREAM_END", i);
		for (j = 0; j < i; j++)
			harness_expect(strcmp(inflate_strerror(i),
				     inflate_strerror(j)) != 0,
			      "strerror(%d) != strerror(%d)", i, j);
	}
	harness_expect(strcmp(inflate_strerror(INFLATE_ERR_PARAM + 1),
		     "unknown error") == 0, "strerror out of range");
	harness_expect(strcmp(inflate_strerror(-1), "unknown error") == 0,
	      "strerror(-1)");
	group_end("inflate_strerror");
}

/* ---- Differential tests against zlib's deflate ---- */

static bool compress_and_check(const u8 *data, size_t n,
			       const struct zparams *zp, size_t extra_out,
			       const char *what)
{
	char desc[160];
	size_t clen;
	u8 *comp = zcompress(data, n, zp, &clen);
	bool ok;

	snprintf(desc, sizeof(desc),
		 "%s n=%zu level=%d wbits=%d memlevel=%d strategy=%d", what,
		 n, zp->level, zp->wbits, zp->memlevel, zp->strategy);
	ok = roundtrip(data, n, comp, clen, extra_out ? 0 : 64, zp->wrapper,
		       n + extra_out, desc);
	free(comp);
	return ok;
}

static void test_differential(void)
{
	static const size_t sizes[] = {
		0, 1, 2, 3, 7, 100, 1000, 4096, 32767, 32768, 32769, 65535,
		65536, 65537, 100000,
	};
	size_t max = 100000, i, n;
	u8 *data = xmalloc(max);
	struct zparams zp = { .head = NULL };
	int kind, level, wb, ml, s, w;

	group_start();
	for (kind = 0; kind < NUM_KINDS; kind++) {
		for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			n = sizes[i];
			gen_data(data, n, kind);
			for (level = 0; level <= 9; level++) {
				zp.wrapper = (level + kind + i) % 3;
				zp.level = level;
				zp.strategy =
					strategy(level + i + kind);
				zp.wbits = 9 + rnd_below(7);
				zp.memlevel = 1 + rnd_below(9);
				compress_and_check(data, n, &zp,
						   level & 1 ? 300 : 0,
						   kind_name(kind));
			}
		}
	}
	group_end("zlib levels x data kinds");

	group_start();
	n = 50000;
	gen_data(data, n, DATA_MIXED);
	for (s = 0; s < 5; s++) {
		for (w = RAW; w <= GZIP; w++) {
			for (level = 1; level <= 9; level += 4) {
				zp.wrapper = w;
				zp.level = level;
				zp.strategy = strategy(s);
				zp.wbits = 15;
				zp.memlevel = 8;
				compress_and_check(data, n, &zp, 0, "strategy");
			}
		}
	}
	group_end("strategies x wrappers");

	group_start();
	n = 40000;
	gen_data(data, n, DATA_MIXED);
	for (wb = 9; wb <= 15; wb++) {
		for (ml = 1; ml <= 9; ml++) {
			zp.wrapper = rnd_below(3);
			zp.level = rnd_below(10);
			zp.strategy = strategy(rnd_below(5));
			zp.wbits = wb;
			zp.memlevel = ml;
			compress_and_check(data, n, &zp, 0, "window/memlevel");
		}
	}
	group_end("windowBits x memLevel");
	free(data);
}

static void test_large(void)
{
	static const struct {
		enum data_kind kind;
		int level, strategy;
		enum wrapper wrapper;
	} cases[] = {
		{ DATA_TEXT, 6, Z_DEFAULT_STRATEGY, GZIP },
		{ DATA_BINARY, 9, Z_FILTERED, ZLIB },
		{ DATA_MIXED, 1, Z_DEFAULT_STRATEGY, RAW },
		{ DATA_RANDOM, 6, Z_DEFAULT_STRATEGY, GZIP },
		{ DATA_RUNS, 6, Z_RLE, ZLIB },
		{ DATA_MIXED, 6, Z_HUFFMAN_ONLY, GZIP },
		{ DATA_TEXT, 4, Z_FIXED, RAW },
	};
	size_t n = 2 * 1024 * 1024 + 12345, i;
	u8 *data = xmalloc(n);
	struct zparams zp = { .wbits = 15, .memlevel = 8, .head = NULL };

	group_start();
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		gen_data(data, n, cases[i].kind);
		zp.level = cases[i].level;
		zp.strategy = cases[i].strategy;
		zp.wrapper = cases[i].wrapper;
		compress_and_check(data, n, &zp, 0, kind_name(cases[i].kind));
	}
	free(data);
	group_end("~2 MiB inputs");
}

static void test_gzip_header_fields(void)
{
	static u8 extra[300];
	size_t n = 5000, i;
	u8 *data = xmalloc(n);
	gz_header head;
	struct zparams zp = {
		.wrapper = GZIP, .level = 6, .wbits = 15, .memlevel = 8,
		.strategy = Z_DEFAULT_STRATEGY, .head = &head,
	};
	unsigned int fields;

	group_start();
	gen_data(data, n, DATA_TEXT);
	for (i = 0; i < sizeof(extra); i++)
		extra[i] = rnd();
	for (fields = 0; fields < 16; fields++) {
		memset(&head, 0, sizeof(head));
		head.text = fields & 1;
		head.time = 0x5f5e1000 + fields;
		head.os = 3;
		if (fields & 1) {
			head.extra = extra;
			head.extra_len = 1 + rnd_below(sizeof(extra));
		}
		if (fields & 2)
			head.name = (Bytef *)"vmlinux.bin";
		if (fields & 4)
			head.comment = (Bytef *)"a gzip comment";
		head.hcrc = (fields & 8) != 0;
		compress_and_check(data, n, &zp, 0, "gzip header fields");
	}
	free(data);
	group_end("gzip header fields");
}

/* ---- Hand-built streams (RFC 1951) ---- */

/*
 * The streaming decoder on the same raw stream, with input and output in
 * pieces of 1 byte, of random sizes, and whole: the status must be `want`
 * and, on success, the output `n` bytes of `out_want` and all input used.
 */
static void expect_stream(const u8 *in, size_t len, size_t out_size,
			  int want, const u8 *out_want, size_t n,
			  const char *what)
{
	static const long pieces[][2] = {
		{ 1, 1 }, { 1, PIECE_WHOLE }, { PIECE_WHOLE, 1 },
		{ PIECE_RANDOM(7), PIECE_RANDOM(300) },
		{ PIECE_RANDOM(3000), PIECE_RANDOM(5) },
		{ PIECE_WHOLE, PIECE_WHOLE },
	};
	u8 *out = xmalloc(out_size);
	size_t i, in_used, out_len;
	char a[24], b[24];
	int ret;

	for (i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++) {
		ret = stream_decode(RAW, in, len, out, out_size, pieces[i][0],
				    pieces[i][1], INFLATE_WINDOW_SIZE,
				    &in_used, &out_len);
		harness_expect(same_status(want, ret) &&
		      (want || (out_len == n && in_used == len &&
				!memcmp(out, out_want, n))),
		      "%s, streamed in %s/out %s: got \"%s\" out %zu in %zu",
		      what, piece_name(pieces[i][0], a, sizeof(a)),
		      piece_name(pieces[i][1], b, sizeof(b)), status_name(ret),
		      out_len, in_used);
	}
	free(out);
}

/*
 * Expect error `want` from our raw decoder, in both modes, and a rejection
 * from zlib. The stream is followed by some zero bytes so that running out
 * of input is not what stops the decoder.
 */
static void expect_error(struct bitw *w, size_t out_size, int want,
			 const char *what)
{
	size_t len = bw_len(w) + 8, in_used, out_len, zin, zout;
	u8 *in = xmalloc(len);
	u8 *out = xmalloc(out_size);
	int ret;

	memset(in, 0, len);
	memcpy(in, w->buf, bw_len(w));
	ret = inflate_raw(state, in, len, &in_used, out, out_size, &out_len);
	harness_expect(ret == want, "%s: got \"%s\", want \"%s\"", what,
	      inflate_strerror(ret), inflate_strerror(want));
	expect_stream(in, len, out_size, want, NULL, 0, what);
	harness_expect(!zlib_decode(RAW, in, len, out, out_size, &zin, &zout),
	      "%s: zlib accepts it", what);
	free(in);
	free(out);
	free(w->buf);
}

/*
 * Expect our raw decoder, in both modes, and zlib all to produce exactly
 * `want`, with an output buffer of exactly that size plus `slack`.
 */
static void expect_output(struct bitw *w, const u8 *want, size_t n,
			  size_t slack, const char *what)
{
	size_t len = bw_len(w), zin, zout;
	u8 *in = dup_exact(w->buf, len);
	u8 *out = xmalloc(n + slack);
	bool zok;

	roundtrip(want, n, in, len, 0, RAW, n + slack, what);
	roundtrip(want, n, in, len, 64, RAW, n + slack, what);
	expect_stream(in, len, n + slack, INFLATE_OK, want, n, what);
	zok = zlib_decode(RAW, in, len, out, n + slack, &zin, &zout);
	harness_expect(zok && zout == n && zin == len && memcmp(out, want, n) == 0,
	      "%s: zlib disagrees with the expected output", what);
	free(in);
	free(out);
	free(w->buf);
}

/* Literals that keep the fast loop busy after an error under test. */
static void put_fixed_filler(struct bitw *w)
{
	int i;

	for (i = 0; i < 64; i++)
		put_fixed_sym(w, 'f');
	put_fixed_sym(w, 256);
}

static void test_errors_fixed(size_t out_size, const char *where)
{
	struct bitw w;
	char what[80];
	int i;

	for (i = 0; i < 2; i++) {
		snprintf(what, sizeof(what), "fixed lit/len %d (%s)", 286 + i,
			 where);
		bw_init(&w, 256);
		put_fixed_start(&w, true);
		put_fixed_sym(&w, 'a');
		put_fixed_sym(&w, 286 + i);
		put_fixed_filler(&w);
		expect_error(&w, out_size, INFLATE_ERR_LITLEN, what);

		snprintf(what, sizeof(what), "fixed distance %d (%s)", 30 + i,
			 where);
		bw_init(&w, 256);
		put_fixed_start(&w, true);
		put_fixed_sym(&w, 'a');
		put_fixed_sym(&w, 257);
		put_code(&w, 30 + i, 5);
		put_fixed_filler(&w);
		expect_error(&w, out_size, INFLATE_ERR_DIST, what);
	}

	snprintf(what, sizeof(what), "distance 2 after 1 byte (%s)", where);
	bw_init(&w, 256);
	put_fixed_start(&w, true);
	put_fixed_sym(&w, 'a');
	put_fixed_match(&w, 3, 2);
	put_fixed_filler(&w);
	expect_error(&w, out_size, INFLATE_ERR_DIST_TOO_FAR, what);

	snprintf(what, sizeof(what), "distance 1 at start (%s)", where);
	bw_init(&w, 256);
	put_fixed_start(&w, true);
	put_fixed_match(&w, 258, 1);
	put_fixed_filler(&w);
	expect_error(&w, out_size, INFLATE_ERR_DIST_TOO_FAR, what);
}

static void test_errors_far(void)
{
	u8 block[1000];
	struct bitw w;

	memset(block, 'q', sizeof(block));
	/* Found by the fast loop: large output room, plenty of input. */
	bw_init(&w, 2048);
	put_stored(&w, false, block, sizeof(block));
	put_fixed_start(&w, true);
	put_fixed_sym(&w, 'a');
	put_fixed_match(&w, 10, 1002);
	put_fixed_filler(&w);
	expect_error(&w, 100000, INFLATE_ERR_DIST_TOO_FAR,
		     "distance 1002 after 1001 bytes");

	bw_init(&w, 2048);
	put_stored(&w, false, block, sizeof(block));
	put_fixed_start(&w, true);
	put_fixed_match(&w, 10, 1000);
	put_fixed_match(&w, 258, 32768);
	put_fixed_filler(&w);
	expect_error(&w, 100000, INFLATE_ERR_DIST_TOO_FAR,
		     "distance 32768 after 1010 bytes");
}

static void test_errors_header(void)
{
	struct bitw w;
	struct dyn d;
	unsigned int i;

	bw_init(&w, 64);
	put_bits(&w, 1, 1);
	put_bits(&w, 3, 2);
	expect_error(&w, 100, INFLATE_ERR_BLOCK_TYPE, "block type 3");

	bw_init(&w, 64);
	put_stored(&w, false, (const u8 *)"abcde", 5);
	put_bits(&w, 1, 1);
	put_bits(&w, 3, 2);
	expect_error(&w, 100, INFLATE_ERR_BLOCK_TYPE,
		     "block type 3 after a stored block");

	bw_init(&w, 64);
	put_bits(&w, 1, 1);
	put_bits(&w, 0, 2);
	bw_align(&w);
	put_bits(&w, 5, 16);
	put_bits(&w, 5, 16);
	put_bits(&w, 0x64636261, 32);
	put_bits(&w, 0x65, 8);
	expect_error(&w, 100, INFLATE_ERR_STORED_LEN, "stored LEN != ~NLEN");

	/* HLIT and HDIST limits (RFC 1951 3.2.7): codes 286/287, 30/31. */
	for (i = 0; i < 4; i++) {
		static const char *const name[] = {
			"HLIT 287", "HLIT 288", "HDIST 31", "HDIST 32",
		};

		bw_init(&w, 64);
		put_bits(&w, 1, 1);
		put_bits(&w, 2, 2);
		put_bits(&w, i == 0 ? 30 : i == 1 ? 31 : 29, 5);
		put_bits(&w, i < 2 ? 0 : 28 + i, 5);
		put_bits(&w, 15, 4);
		expect_error(&w, 100, INFLATE_ERR_TOO_MANY_CODES, name[i]);
	}

	/* Code length code: over-subscribed, incomplete, empty. */
	for (i = 0; i < 4; i++) {
		static const char *const name[] = {
			"code length code over-subscribed",
			"code length code incomplete (one 2-bit code)",
			"code length code incomplete (one 1-bit code)",
			"code length code empty",
		};
		static const int want[] = {
			INFLATE_ERR_OVERSUBSCRIBED, INFLATE_ERR_INCOMPLETE,
			INFLATE_ERR_INCOMPLETE, INFLATE_ERR_INCOMPLETE,
		};

		dyn_init(&d);
		memset(d.cl_len, i == 0 ? 1 : 0, sizeof(d.cl_len));
		if (i == 1)
			d.cl_len[0] = 2;
		if (i == 2)
			d.cl_len[8] = 1;
		bw_init(&w, 256);
		put_dyn_start(&w, &d, true, 257, 1);
		put_bits(&w, 0, 32);
		expect_error(&w, 100, want[i], name[i]);
	}
}

static void test_errors_dynamic(void)
{
	struct bitw w;
	struct dyn d;
	int i;

	/* 16 (copy previous) as the very first length. */
	dyn_init(&d);
	bw_init(&w, 256);
	put_dyn_start(&w, &d, true, 257, 1);
	put_cl_sym(&w, &d, 16);
	put_bits(&w, 0, 2);
	expect_error(&w, 100, INFLATE_ERR_REPEAT, "repeat with no previous");

	/* 2 x 138 zeros overrun 257 + 1 lengths. */
	dyn_init(&d);
	bw_init(&w, 256);
	put_dyn_start(&w, &d, true, 257, 1);
	put_cl_sym(&w, &d, 18);
	put_bits(&w, 127, 7);
	put_cl_sym(&w, &d, 18);
	put_bits(&w, 127, 7);
	expect_error(&w, 100, INFLATE_ERR_REPEAT, "repeat past the end (18)");

	dyn_init(&d);
	bw_init(&w, 256);
	put_dyn_start(&w, &d, true, 257, 1);
	for (i = 0; i < 257; i++)
		put_cl_sym(&w, &d, 1);
	put_cl_sym(&w, &d, 16);
	put_bits(&w, 0, 2);
	expect_error(&w, 100, INFLATE_ERR_REPEAT, "repeat past the end (16)");

	/* Lit/len lengths: no end-of-block code. */
	dyn_init(&d);
	d.lit_len['a'] = 1;
	d.lit_len['b'] = 1;
	d.dist_len[0] = 1;
	bw_init(&w, 256);
	put_dyn_tables(&w, &d, true, 257, 1);
	expect_error(&w, 100, INFLATE_ERR_NO_EOB, "missing end-of-block");

	dyn_init(&d);
	d.lit_len['a'] = 1;
	d.lit_len['b'] = 1;
	d.lit_len[256] = 1;
	d.dist_len[0] = 1;
	bw_init(&w, 256);
	put_dyn_tables(&w, &d, true, 257, 1);
	expect_error(&w, 100, INFLATE_ERR_OVERSUBSCRIBED,
		     "lit/len over-subscribed");

	dyn_init(&d);
	d.lit_len['a'] = 2;
	d.lit_len[256] = 2;
	d.dist_len[0] = 1;
	bw_init(&w, 256);
	put_dyn_tables(&w, &d, true, 257, 1);
	expect_error(&w, 100, INFLATE_ERR_INCOMPLETE, "lit/len incomplete");

	dyn_init(&d);
	d.lit_len[256] = 2;
	bw_init(&w, 256);
	put_dyn_tables(&w, &d, true, 257, 1);
	expect_error(&w, 100, INFLATE_ERR_INCOMPLETE,
		     "lit/len single 2-bit code");

	dyn_init(&d);
	d.lit_len['a'] = 1;
	d.lit_len[256] = 1;
	for (i = 0; i < 3; i++)
		d.dist_len[i] = 1;
	bw_init(&w, 256);
	put_dyn_tables(&w, &d, true, 257, 3);
	expect_error(&w, 100, INFLATE_ERR_OVERSUBSCRIBED,
		     "distance over-subscribed");

	dyn_init(&d);
	d.lit_len['a'] = 1;
	d.lit_len[256] = 1;
	d.dist_len[0] = 2;
	bw_init(&w, 256);
	put_dyn_tables(&w, &d, true, 257, 1);
	expect_error(&w, 100, INFLATE_ERR_INCOMPLETE,
		     "distance single 2-bit code");

	dyn_init(&d);
	d.lit_len['a'] = 1;
	d.lit_len[256] = 1;
	d.dist_len[0] = 2;
	d.dist_len[1] = 2;
	d.dist_len[2] = 2;
	bw_init(&w, 256);
	put_dyn_tables(&w, &d, true, 257, 3);
	expect_error(&w, 100, INFLATE_ERR_INCOMPLETE, "distance incomplete");

	/* Only end-of-block, one bit: the other bit pattern is invalid. */
	dyn_init(&d);
	d.lit_len[256] = 1;
	bw_init(&w, 256);
	put_dyn_tables(&w, &d, true, 257, 1);
	put_bits(&w, 1, 1);
	expect_error(&w, 100, INFLATE_ERR_LITLEN,
		     "unused half of a one-code lit/len code");

	/* No distance codes, yet a length symbol. */
	dyn_init(&d);
	d.lit_len['a'] = 2;
	d.lit_len[256] = 2;
	d.lit_len[257] = 1;
	bw_init(&w, 256);
	put_dyn_tables(&w, &d, true, 258, 1);
	put_dyn_sym(&w, &d, 'a');
	put_dyn_sym(&w, &d, 257);
	expect_error(&w, 100, INFLATE_ERR_DIST, "length with no distance code");

	/* One distance code of one bit: the other bit pattern is invalid. */
	dyn_init(&d);
	d.lit_len['a'] = 2;
	d.lit_len[256] = 2;
	d.lit_len[257] = 1;
	d.dist_len[0] = 1;
	bw_init(&w, 256);
	put_dyn_tables(&w, &d, true, 258, 1);
	put_dyn_sym(&w, &d, 'a');
	put_dyn_sym(&w, &d, 257);
	put_bits(&w, 1, 1);
	expect_error(&w, 100, INFLATE_ERR_DIST,
		     "unused half of a one-code distance code");
}

static void test_errors(void)
{
	group_start();
	test_errors_header();
	test_errors_dynamic();
	test_errors_fixed(100, "slow path");
	test_errors_fixed(100000, "fast path");
	test_errors_far();
	group_end("hand-built errors");
}

static void test_valid_edges(void)
{
	size_t big = 65535 + 32768 + 258, n, i;
	u8 *want = xmalloc(big);
	struct bitw w;
	struct dyn d;
	int slack;

	group_start();
	for (slack = 0; slack <= 1000; slack += 1000) {
		/* Length 258 at distance 1, as symbol 285 and as 284 + 31. */
		memset(want, 'x', 259);
		bw_init(&w, 64);
		put_fixed_start(&w, true);
		put_fixed_sym(&w, 'x');
		put_fixed_match(&w, 258, 1);
		put_fixed_sym(&w, 256);
		expect_output(&w, want, 259, slack, "258 at distance 1 (285)");

		bw_init(&w, 64);
		put_fixed_start(&w, true);
		put_fixed_sym(&w, 'x');
		put_fixed_sym(&w, 284);
		put_bits(&w, 31, 5);
		put_code(&w, 0, 5);
		put_fixed_sym(&w, 256);
		expect_output(&w, want, 259, slack, "258 at distance 1 (284)");

		/* Length 258 at distance 32768. */
		for (i = 0; i < 32768; i++)
			want[i] = rnd();
		memcpy(want + 32768, want, 258);
		bw_init(&w, 33000);
		put_stored(&w, false, want, 32768);
		put_fixed_start(&w, true);
		put_fixed_match(&w, 258, 32768);
		put_fixed_sym(&w, 256);
		expect_output(&w, want, 32768 + 258, slack,
			      "258 at distance 32768");

		/* A dynamic block with a single one-bit distance code. */
		dyn_init(&d);
		d.lit_len['a'] = 2;
		d.lit_len['b'] = 2;
		d.lit_len[256] = 2;
		d.lit_len[258] = 2;
		d.dist_len[0] = 1;
		bw_init(&w, 1024);
		put_dyn_tables(&w, &d, true, 259, 1);
		put_dyn_sym(&w, &d, 'a');
		put_dyn_sym(&w, &d, 'b');
		n = 2;
		want[0] = 'a';
		want[1] = 'b';
		for (i = 0; i < 300; i++) {
			put_dyn_match(&w, &d, 4, 1);
			memset(want + n, 'b', 4);
			n += 4;
		}
		put_dyn_sym(&w, &d, 256);
		expect_output(&w, want, n, slack, "single distance code");

		/* ... whose one code is the longest distance. */
		for (i = 0; i < 32768; i++)
			want[i] = rnd();
		dyn_init(&d);
		d.lit_len['a'] = 2;
		d.lit_len[256] = 2;
		d.lit_len[284] = 1;
		d.dist_len[29] = 1;
		bw_init(&w, 34000);
		put_stored(&w, false, want, 32768);
		put_dyn_tables(&w, &d, true, 285, 30);
		n = 32768;
		for (i = 0; i < 100; i++) {
			put_dyn_match(&w, &d, 227 + i % 31, 32768 - i % 100);
			memmove(want + n, want + n - (32768 - i % 100),
				227 + i % 31);
			n += 227 + i % 31;
		}
		put_dyn_sym(&w, &d, 256);
		expect_output(&w, want, n, slack,
			      "single distance code 29");

		/* No distance codes at all: literals only. */
		dyn_init(&d);
		d.lit_len['a'] = 1;
		d.lit_len[256] = 1;
		bw_init(&w, 256);
		put_dyn_tables(&w, &d, true, 257, 1);
		for (i = 0; i < 100; i++)
			put_dyn_sym(&w, &d, 'a');
		put_dyn_sym(&w, &d, 256);
		memset(want, 'a', 100);
		expect_output(&w, want, 100, slack, "no distance codes");

		/* Only end-of-block, as a single one-bit code. */
		dyn_init(&d);
		d.lit_len[256] = 1;
		bw_init(&w, 256);
		put_dyn_tables(&w, &d, true, 257, 1);
		put_dyn_sym(&w, &d, 256);
		expect_output(&w, want, 0, slack, "end-of-block only code");

		/*
		 * 16 repeats running from the lit/len lengths into the
		 * distance lengths: lit/len 226..257 and distance 0..27 get
		 * 5 bits, distance 28 and 29 get 4 bits.
		 */
		dyn_init(&d);
		for (i = 226; i < 258; i++)
			d.lit_len[i] = 5;
		for (i = 0; i < 30; i++)
			d.dist_len[i] = i < 28 ? 5 : 4;
		bw_init(&w, 1024);
		put_dyn_start(&w, &d, true, 258, 30);
		put_cl_sym(&w, &d, 18);
		put_bits(&w, 138 - 11, 7);
		put_cl_sym(&w, &d, 18);
		put_bits(&w, 88 - 11, 7);
		put_cl_sym(&w, &d, 5);
		for (i = 0; i < 9; i++) {
			put_cl_sym(&w, &d, 16);
			put_bits(&w, 6 - 3, 2);
		}
		put_cl_sym(&w, &d, 16);
		put_bits(&w, 5 - 3, 2);
		put_cl_sym(&w, &d, 4);
		put_cl_sym(&w, &d, 4);
		canonical_codes(d.lit_len, 258, d.lit_code);
		canonical_codes(d.dist_len, 30, d.dist_code);
		want[0] = 230;
		put_dyn_sym(&w, &d, 230);
		put_dyn_match(&w, &d, 3, 1);
		memset(want + 1, 230, 3);
		put_dyn_sym(&w, &d, 256);
		expect_output(&w, want, 4, slack, "repeat across HLIT/HDIST");
	}

	/* Stored blocks of 0 and 65535 bytes, empty fixed block. */
	bw_init(&w, 64);
	put_stored(&w, true, want, 0);
	expect_output(&w, want, 0, 0, "empty final stored block");

	bw_init(&w, 64);
	put_stored(&w, false, want, 0);
	put_fixed_start(&w, true);
	put_fixed_sym(&w, 256);
	expect_output(&w, want, 0, 0, "empty stored then empty fixed block");

	bw_init(&w, 64);
	put_fixed_start(&w, true);
	put_fixed_sym(&w, 256);
	expect_output(&w, want, 0, 0, "empty final fixed block");

	for (i = 0; i < big; i++)
		want[i] = rnd();
	bw_init(&w, big + 64);
	put_stored(&w, false, want, 65535);
	put_fixed_start(&w, false);
	put_fixed_match(&w, 258, 32768);
	memcpy(want + 65535, want + 65535 - 32768, 258);
	put_fixed_sym(&w, 256);
	put_stored(&w, true, want + 65535 + 258, 32768 - 258);
	expect_output(&w, want, big - 258, 0,
		      "65535-byte stored block, fixed, stored");
	free(want);
	group_end("hand-built valid edge cases");
}

/* ---- Truncation, short output, wrapper errors ---- */

static void test_truncation(void)
{
	static const struct {
		enum wrapper wrapper;
		int level, strategy;
		size_t n;
	} cases[] = {
		{ RAW, 6, Z_DEFAULT_STRATEGY, 600 },
		{ ZLIB, 9, Z_FIXED, 400 },
		{ GZIP, 1, Z_DEFAULT_STRATEGY, 500 },
		{ RAW, 0, Z_DEFAULT_STRATEGY, 300 },
		{ GZIP, 6, Z_HUFFMAN_ONLY, 700 },
		{ ZLIB, 6, Z_RLE, 3000 },
		{ RAW, 6, Z_DEFAULT_STRATEGY, 0 },
	};
	u8 data[3000], *comp, *in, *out = xmalloc(3000);
	struct zparams zp = { .wbits = 15, .memlevel = 8 };
	gz_header head;
	size_t clen, cut, used, olen;
	int ret;
	unsigned int i;

	group_start();
	memset(&head, 0, sizeof(head));
	head.extra = (Bytef *)"xx";
	head.extra_len = 2;
	head.name = (Bytef *)"name";
	head.comment = (Bytef *)"comment";
	head.hcrc = 1;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]) + 1; i++) {
		bool hdr = i == sizeof(cases) / sizeof(cases[0]);

		gen_data(data, sizeof(data), i & 1 ? DATA_BINARY : DATA_TEXT);
		zp.wrapper = hdr ? GZIP : cases[i].wrapper;
		zp.level = hdr ? 6 : cases[i].level;
		zp.strategy = hdr ? Z_DEFAULT_STRATEGY : cases[i].strategy;
		zp.head = hdr ? &head : NULL;
		comp = zcompress(data, hdr ? 100 : cases[i].n, &zp, &clen);
		for (cut = 0; cut < clen; cut++) {
			in = dup_exact(comp, cut);
			ret = our_decode(state, zp.wrapper, in, cut, out, 3000,
					 &used, &olen);
			harness_expect(ret == INFLATE_ERR_TRUNCATED && used <= cut,
			      "%s case %u cut at %zu of %zu: %s",
			      wrapper_name(zp.wrapper), i, cut, clen,
			      inflate_strerror(ret));
			free(in);
		}
		free(comp);
	}
	free(out);
	group_end("truncation at every byte");
}

static void test_output_full(void)
{
	static const size_t sizes[] = { 1, 2, 100, 1000, 70000 };
	u8 *data = xmalloc(70000), *comp;
	struct zparams zp = { .wbits = 15, .memlevel = 8, .head = NULL };
	size_t clen, n, sz, used, olen, k;
	u8 *in, *out;
	int ret, level;

	group_start();
	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		n = sizes[k];
		gen_data(data, n, DATA_MIXED);
		for (level = 0; level <= 9; level += 3) {
			zp.wrapper = level / 3 % 3;
			zp.level = level;
			zp.strategy = Z_DEFAULT_STRATEGY;
			comp = zcompress(data, n, &zp, &clen);
			in = dup_exact(comp, clen);
			for (sz = 0; sz < n; sz += sz < 300 ? 1 : 997) {
				out = xmalloc(sz);
				ret = our_decode(state, zp.wrapper, in, clen,
						 out, sz, &used, &olen);
				harness_expect(ret == INFLATE_ERR_OUTPUT_FULL &&
				      olen <= sz &&
				      (sz == 0 || !memcmp(out, data, olen)),
				      "n=%zu level %d out_size %zu: %s", n,
				      level, sz, inflate_strerror(ret));
				free(out);
			}
			free(in);
			free(comp);
		}
	}
	free(data);
	group_end("output buffer too small");
}

static void expect_wrapper_error(enum wrapper w, const u8 *comp, size_t clen,
				 size_t n, int want, const char *what)
{
	u8 *in = dup_exact(comp, clen), *out = xmalloc(n);
	size_t used, olen, zin, zout;
	int ret;

	ret = our_decode(state, w, in, clen, out, n, &used, &olen);
	harness_expect(ret == want, "%s: got \"%s\", want \"%s\"", what,
	      inflate_strerror(ret), inflate_strerror(want));
	harness_expect(!zlib_decode(w, in, clen, out, n, &zin, &zout),
	      "%s: zlib accepts it", what);
	free(in);
	free(out);
}

/* Give a zlib header a valid FCHECK again (RFC 1950 2.2). */
static void fix_fcheck(u8 *p)
{
	p[1] &= ~0x1f;
	p[1] += 31 - (p[0] * 256 + p[1]) % 31;
}

static void test_wrapper_errors(void)
{
	size_t n = 2000, clen, i;
	u8 *data = xmalloc(n), *comp, *bad;
	struct zparams zp = {
		.wrapper = GZIP, .level = 6, .wbits = 15, .memlevel = 8,
		.strategy = Z_DEFAULT_STRATEGY,
	};
	gz_header head;

	group_start();
	gen_data(data, n, DATA_TEXT);
	memset(&head, 0, sizeof(head));
	head.name = (Bytef *)"x";
	head.hcrc = 1;
	zp.head = &head;
	comp = zcompress(data, n, &zp, &clen);
	bad = xmalloc(clen);
	for (i = 0; i < 7; i++) {
		static const char *const name[] = {
			"gzip ID1", "gzip ID2", "gzip CM", "gzip reserved flag",
			"gzip FHCRC", "gzip CRC32", "gzip ISIZE",
		};
		static const int want[] = {
			INFLATE_ERR_HEADER, INFLATE_ERR_HEADER,
			INFLATE_ERR_HEADER, INFLATE_ERR_HEADER,
			INFLATE_ERR_HEADER, INFLATE_ERR_CRC,
			INFLATE_ERR_LENGTH,
		};
		static const size_t where[] = { 0, 1, 2, 3, 12, 0, 0 };
		static const u8 flip[] = { 0x01, 0x80, 0x01, 0x20, 0x04, 0, 0 };

		memcpy(bad, comp, clen);
		if (i == 5)
			bad[clen - 8] ^= 0x10;
		else if (i == 6)
			bad[clen - 1] ^= 0x01;
		else
			bad[where[i]] ^= flip[i];
		expect_wrapper_error(GZIP, bad, clen, n, want[i], name[i]);
	}
	free(comp);
	free(bad);

	zp.wrapper = ZLIB;
	zp.head = NULL;
	comp = zcompress(data, n, &zp, &clen);
	bad = xmalloc(clen);
	for (i = 0; i < 5; i++) {
		static const char *const name[] = {
			"zlib FCHECK", "zlib CM 7", "zlib CINFO 8",
			"zlib FDICT", "zlib Adler-32",
		};

		memcpy(bad, comp, clen);
		switch (i) {
		case 0:
			bad[1] ^= 0x01;
			break;
		case 1:
			bad[0] = (bad[0] & 0xf0) | 7;
			fix_fcheck(bad);
			break;
		case 2:
			bad[0] = (bad[0] & 0x0f) | 0x80;
			fix_fcheck(bad);
			break;
		case 3:
			bad[1] |= 0x20;
			fix_fcheck(bad);
			break;
		default:
			bad[clen - 2] ^= 0x40;
			break;
		}
		expect_wrapper_error(ZLIB, bad, clen, n,
				     i == 4 ? INFLATE_ERR_CRC :
				     INFLATE_ERR_HEADER, name[i]);
	}
	free(comp);
	free(bad);
	free(data);
	group_end("gzip/zlib wrapper errors");
}

/*
 * Long matches of several distances, then filler: with every output size
 * short of the total, the fast loop meets the end of the output with
 * input still left, and must stop without writing past it.
 */
static void test_output_full_matches(void)
{
	static const unsigned int dists[] = { 1, 2, 3, 7, 8, 9, 100, 300 };
	u8 want[4000], *in, *out;
	size_t n = 0, len, sz, used, olen, i;
	struct bitw w;
	int ret;

	group_start();
	bw_init(&w, 2048);
	put_fixed_start(&w, true);
	for (i = 0; i < 300; i++) {
		want[n++] = 'a' + i % 26;
		put_fixed_sym(&w, want[n - 1]);
	}
	for (i = 0; i < sizeof(dists) / sizeof(dists[0]); i++) {
		for (len = 0; len < 258; len++, n++)
			want[n] = want[n - dists[i]];
		put_fixed_match(&w, 258, dists[i]);
		want[n++] = 'Z';
		put_fixed_sym(&w, 'Z');
	}
	put_fixed_filler(&w);
	memset(want + n, 'f', 64);
	n += 64;
	len = bw_len(&w) + 64;
	in = xmalloc(len);
	memset(in, 0x5a, len);
	memcpy(in, w.buf, bw_len(&w));
	for (sz = 0; sz <= n; sz++) {
		out = xmalloc(sz);
		ret = inflate_raw(state, in, len, &used, out, sz, &olen);
		harness_expect(sz == n ? ret == INFLATE_OK && olen == n &&
		      used == bw_len(&w) :
		      ret == INFLATE_ERR_OUTPUT_FULL && olen <= sz,
		      "out_size %zu of %zu: %s", sz, n,
		      inflate_strerror(ret));
		harness_expect(!memcmp(out, want, olen), "out_size %zu: data", sz);
		free(out);
	}
	free(in);
	free(w.buf);
	group_end("output full inside matches");
}

/* ---- In-place decompression, the boot layout ---- */

static void in_place_case(const u8 *data, size_t n, int level, bool whole)
{
	struct zparams zp = {
		.wrapper = GZIP, .level = level, .wbits = 15, .memlevel = 8,
		.strategy = Z_DEFAULT_STRATEGY, .head = NULL,
	};
	size_t clen, used, olen, offset, total;
	u8 *comp = zcompress(data, n, &zp, &clen), *buf;
	long long off;
	int ret;

	/* extract_offset >= (out_len - in_len) + out_len/4096 + 64K + 128 */
	off = (long long)n - (long long)clen + n / 4096 + 65536 + 128;
	offset = off < 0 ? 0 : off;
	total = offset + clen;
	if (total < n)
		total = n;
	buf = xmalloc(total);
	memset(buf, 0xa5, offset);
	memcpy(buf + offset, comp, clen);
	ret = gunzip(state, buf + offset, clen, &used, buf,
		     whole ? total : n, &olen);
	harness_expect(ret == INFLATE_OK && olen == n && used == clen &&
	      memcmp(buf, data, n) == 0,
	      "in place n=%zu clen=%zu level %d out_size %s: %s", n, clen,
	      level, whole ? "whole buffer" : "exact", inflate_strerror(ret));
	free(buf);
	free(comp);
}

/*
 * Stored blocks decoded with the input only 16 bytes after the output:
 * every block's copy overlaps its destination, which must be handled as
 * memmove does.
 */
static void in_place_stored(const u8 *data, size_t n)
{
	struct zparams zp = {
		.wrapper = GZIP, .level = 0, .wbits = 15, .memlevel = 8,
		.strategy = Z_DEFAULT_STRATEGY, .head = NULL,
	};
	size_t clen, used, olen;
	u8 *comp = zcompress(data, n, &zp, &clen), *buf;
	int ret;

	buf = xmalloc(16 + clen);
	memcpy(buf + 16, comp, clen);
	ret = gunzip(state, buf + 16, clen, &used, buf, n, &olen);
	harness_expect(ret == INFLATE_OK && olen == n && used == clen &&
	      memcmp(buf, data, n) == 0,
	      "stored in place 16 bytes behind n=%zu: %s", n,
	      inflate_strerror(ret));
	free(buf);
	free(comp);
}

static void test_in_place(void)
{
	static const struct {
		enum data_kind kind;
		size_t n;
	} cases[] = {
		{ DATA_MIXED, 3 << 20 },
		{ DATA_RANDOM, 1 << 20 },
		{ DATA_TEXT, 2 << 20 },
		{ DATA_BINARY, (1 << 20) + 777 },
		{ DATA_RUNS, 1 << 20 },
	};
	u8 *data = xmalloc(3 << 20);
	size_t i;

	group_start();
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		gen_data(data, cases[i].n, cases[i].kind);
		in_place_case(data, cases[i].n, i & 1 ? 1 : 9, false);
		in_place_case(data, cases[i].n, 6, true);
	}
	in_place_stored(data, 200000);
	free(data);
	group_end("in-place (boot layout)");
}

int main(void)
{
	harness_seed(0x9e3779b97f4a7c15ull);
	state = xmalloc(sizeof(*state));
	test_strerror();
	test_checksums();
	test_differential();
	test_large();
	test_gzip_header_fields();
	test_errors();
	test_valid_edges();
	test_truncation();
	test_output_full();
	test_output_full_matches();
	test_wrapper_errors();
	test_in_place();
	free(state);
	return harness_summary();
}
