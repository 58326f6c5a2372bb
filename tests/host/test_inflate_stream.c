/*
 * Host test for the streaming side of lib/inflate.c: inflate_stream() must
 * give exactly what zlib and our one-shot call give, whatever the sizes of
 * the input and output pieces (1 byte, random, whole, each independently),
 * for all three wrappers and the corpora of test_inflate.c. Also: small
 * windows, the window/"distance too far back" rule, exact *in_used at the
 * end of a stream, truncation and short output, and misuse of the API.
 *
 * zlib compresses the data and decodes it as the reference; every piece is
 * an exact-size heap copy, so ASan catches any access outside it.
 */
#include "test_inflate.h"
#include "deflate_ref.h"

static struct inflate_state *state;

/*
 * Piece sizes (input, output) tried on every stream, except those that
 * would take more than MAX_CALLS calls: 1-byte pieces on large streams.
 */
static const long pieces[][2] = {
	{ 1, 1 }, { 1, PIECE_RANDOM(17) }, { 1, PIECE_WHOLE },
	{ PIECE_RANDOM(17), 1 }, { PIECE_RANDOM(17), PIECE_RANDOM(17) },
	{ PIECE_RANDOM(17), PIECE_WHOLE }, { PIECE_WHOLE, 1 },
	{ PIECE_WHOLE, PIECE_RANDOM(17) }, { PIECE_WHOLE, PIECE_WHOLE },
	{ PIECE_RANDOM(64), PIECE_RANDOM(40000) },
	{ PIECE_RANDOM(5000), PIECE_RANDOM(300) },
	{ PIECE_RANDOM(5000), PIECE_WHOLE },
	{ PIECE_WHOLE, PIECE_RANDOM(3000) },
};

#define MAX_CALLS	20000

/* Roughly how many calls handing over len bytes takes. */
static size_t piece_calls(long piece, size_t len)
{
	if (piece == PIECE_WHOLE)
		return 1;
	if (piece > 0)
		return len / piece;
	return len / ((1 - piece) / 2);
}

/*
 * Decode comp (clen bytes, then `trail` junk bytes) with zlib, one-shot
 * and streaming with every piece combination for its size, each into an
 * out_size buffer; all must give the n bytes of orig and stop at clen.
 */
static bool stream_check(const u8 *orig, size_t n, const u8 *comp,
			 size_t clen, size_t trail, enum wrapper w,
			 size_t out_size, size_t wsize, const char *what)
{
	u8 *in = xmalloc(clen + trail), *out = xmalloc(out_size);
	size_t used, len, i;
	char a[24], b[24];
	bool ok = true;
	int ret;

	memcpy(in, comp, clen);
	for (i = 0; i < trail; i++)
		in[clen + i] = rnd();
	ok &= harness_expect(zlib_decode(w, in, clen + trail, out, out_size, &used,
				&len) && len == n && used == clen &&
		    !memcmp(out, orig, n), "%s (%s): zlib fails", what,
		    wrapper_name(w));
	ret = our_decode(state, w, in, clen + trail, out, out_size, &used,
			 &len);
	ok &= harness_expect(ret == INFLATE_OK && len == n && used == clen &&
		    !memcmp(out, orig, n), "%s (%s): one-shot: %s", what,
		    wrapper_name(w), inflate_strerror(ret));
	for (i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++) {
		if (piece_calls(pieces[i][0], clen) > MAX_CALLS ||
		    piece_calls(pieces[i][1], n) > MAX_CALLS)
			continue;
		memset(out, 0x5a, out_size);
		ret = stream_decode(w, in, clen + trail, out, out_size,
				    pieces[i][0], pieces[i][1], wsize, &used,
				    &len);
		ok &= harness_expect(ret == INFLATE_OK && len == n && used == clen &&
			    !memcmp(out, orig, n),
			    "%s (%s) in %s/out %s: %s, out %zu/%zu in %zu/%zu",
			    what, wrapper_name(w),
			    piece_name(pieces[i][0], a, sizeof(a)),
			    piece_name(pieces[i][1], b, sizeof(b)),
			    status_name(ret), len, n, used, clen);
	}
	free(in);
	free(out);
	return ok;
}

static void compress_and_check(const u8 *data, size_t n,
			       const struct zparams *zp, size_t extra_out,
			       size_t wsize, const char *what)
{
	char desc[160];
	size_t clen;
	u8 *comp = zcompress(data, n, zp, &clen);

	snprintf(desc, sizeof(desc),
		 "%s n=%zu level=%d wbits=%d memlevel=%d strategy=%d "
		 "window=%zu",
		 what, n, zp->level, zp->wbits, zp->memlevel, zp->strategy,
		 wsize);
	stream_check(data, n, comp, clen, extra_out ? 0 : 13, zp->wrapper,
		     n + extra_out, wsize, desc);
	free(comp);
}

/* The smallest window the stream needs: its own for zlib and raw. */
static size_t small_window(const struct zparams *zp)
{
	return zp->wrapper == GZIP ? INFLATE_WINDOW_SIZE :
	       (size_t)1 << zp->wbits;
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
			for (level = 0; level <= 9; level += 3) {
				zp.wrapper = (level + kind + i) % 3;
				zp.level = level;
				zp.strategy = strategy(level + i + kind);
				zp.wbits = 9 + rnd_below(7);
				zp.memlevel = 1 + rnd_below(9);
				compress_and_check(data, n, &zp,
						   level & 1 ? 300 : 0,
						   INFLATE_WINDOW_SIZE,
						   kind_name(kind));
			}
		}
	}
	group_end("levels x data kinds x pieces");

	group_start();
	n = 50000;
	gen_data(data, n, DATA_MIXED);
	for (s = 0; s < 5; s++) {
		for (w = RAW; w <= GZIP; w++) {
			for (level = 1; level <= 9; level += 8) {
				zp.wrapper = w;
				zp.level = level;
				zp.strategy = strategy(s);
				zp.wbits = 15;
				zp.memlevel = 8;
				compress_and_check(data, n, &zp, 0,
						   INFLATE_WINDOW_SIZE,
						   "strategy");
			}
		}
	}
	group_end("strategies x wrappers");

	/* zlib and raw streams with the window they were made with. */
	group_start();
	for (wb = 9; wb <= 15; wb++) {
		for (ml = 1; ml <= 9; ml += 2) {
			n = ml == 9 ? 70000 : 3000 + rnd_below(3000);
			gen_data(data, n, DATA_MIXED);
			zp.wrapper = ml & 2 ? RAW : ZLIB;
			zp.level = 1 + rnd_below(9);
			zp.strategy = strategy(rnd_below(5));
			zp.wbits = wb;
			zp.memlevel = ml;
			compress_and_check(data, n, &zp, 0, small_window(&zp),
					   "window/memlevel");
		}
	}
	group_end("windowBits x memLevel, small windows");
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
		compress_and_check(data, n, &zp, 0, INFLATE_WINDOW_SIZE,
				   kind_name(cases[i].kind));
	}
	free(data);
	group_end("~2 MiB inputs x pieces");
}

static void test_gzip_header_fields(void)
{
	static u8 extra[3000];
	size_t n = 3000, i;
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
		head.time = 0x5f5e1000 + fields;
		head.os = 3;
		if (fields & 1) {
			head.extra = extra;
			head.extra_len = 1 + rnd_below(sizeof(extra));
		}
		if (fields & 2)
			head.name = (Bytef *)"vmlinux.bin";
		if (fields & 4)
			head.comment = (Bytef *)"a gzip comment, long enough "
				"to span several input pieces";
		head.hcrc = (fields & 8) != 0;
		compress_and_check(data, n, &zp, 0, INFLATE_WINDOW_SIZE,
				   "gzip header fields");
	}
	free(data);
	group_end("gzip header fields x pieces");
}

/* ---- Windows ---- */

/*
 * A stored block of `back` bytes, then a fixed block with one match at
 * distance `back` and literals after it (so that with whole pieces the
 * fast loop meets the match): decodable exactly when the window holds
 * `back` bytes.
 */
static void window_case(size_t back, size_t wsize, bool fits)
{
	static const long pieces[][2] = {
		{ 1, 1 }, { PIECE_RANDOM(50), PIECE_RANDOM(50) },
		{ PIECE_WHOLE, PIECE_WHOLE }, { PIECE_WHOLE, 1 },
	};
	size_t n = back + 10 + 64, used, len, i;
	u8 *want = xmalloc(n), *out = xmalloc(n + 300);
	struct bitw w;
	int ret;

	for (i = 0; i < back + 10; i++)
		want[i] = i < back ? rnd() : want[i - back];
	memset(want + back + 10, 'f', 64);
	bw_init(&w, back + 128);
	put_stored(&w, false, want, back);
	put_fixed_start(&w, true);
	put_fixed_match(&w, 10, back);
	for (i = 0; i < 64; i++)
		put_fixed_sym(&w, 'f');
	put_fixed_sym(&w, 256);
	for (i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++) {
		ret = stream_decode(RAW, w.buf, bw_len(&w), out, n + 300,
				    pieces[i][0], pieces[i][1], wsize, &used,
				    &len);
		if (fits)
			harness_expect(ret == INFLATE_OK && len == n &&
			      !memcmp(out, want, n),
			      "distance %zu, window %zu, piece set %zu: %s",
			      back, wsize, i, status_name(ret));
		else
			harness_expect(ret == INFLATE_ERR_DIST_TOO_FAR,
			      "distance %zu, window %zu, piece set %zu: %s",
			      back, wsize, i, status_name(ret));
	}
	free(w.buf);
	free(want);
	free(out);
}

/* zlib headers announcing a larger window than the caller's. */
static void zlib_window_check(void)
{
	struct zparams zp = {
		.wrapper = ZLIB, .level = 6, .memlevel = 8,
		.strategy = Z_DEFAULT_STRATEGY, .head = NULL,
	};
	size_t n = 1000, clen, used, len;
	u8 *data = xmalloc(n), *comp, *out = xmalloc(n);
	int wb, ret;

	gen_data(data, n, DATA_TEXT);
	for (wb = 9; wb <= 15; wb++) {
		zp.wbits = wb;
		comp = zcompress(data, n, &zp, &clen);
		ret = stream_decode(ZLIB, comp, clen, out, n, 1, PIECE_WHOLE,
				    ((size_t)1 << wb) - 1, &used, &len);
		harness_expect(ret == INFLATE_ERR_WINDOW && len == 0 && used <= 2,
		      "zlib wbits %d, window one short: %s", wb,
		      status_name(ret));
		ret = stream_decode(ZLIB, comp, clen, out, n, PIECE_WHOLE,
				    PIECE_WHOLE, (size_t)1 << wb, &used, &len);
		harness_expect(ret == INFLATE_OK && len == n && !memcmp(out, data, n),
		      "zlib wbits %d, its own window: %s", wb,
		      status_name(ret));
		free(comp);
	}
	free(data);
	free(out);
}

static void test_windows(void)
{
	static const size_t backs[] = { 1, 255, 256, 257, 1000, 4096, 32768 };
	static const size_t wsizes[] = {
		INFLATE_MIN_WINDOW, 300, 1024, 4096, 32767, INFLATE_WINDOW_SIZE,
		2 * INFLATE_WINDOW_SIZE,
	};
	size_t i, j;

	group_start();
	for (i = 0; i < sizeof(backs) / sizeof(backs[0]); i++)
		for (j = 0; j < sizeof(wsizes) / sizeof(wsizes[0]); j++)
			window_case(backs[i], wsizes[j], backs[i] <= wsizes[j]);
	zlib_window_check();
	group_end("window sizes");
}

/* ---- Truncation and short output ---- */

static void test_truncation(void)
{
	static const long pieces[][2] = {
		{ 1, PIECE_WHOLE }, { PIECE_RANDOM(9), PIECE_RANDOM(9) },
		{ PIECE_WHOLE, PIECE_WHOLE },
	};
	struct zparams zp = { .wbits = 15, .memlevel = 8, .head = NULL };
	size_t n = 800, clen, cut, used, len, olen, i;
	u8 *data = xmalloc(n), *comp, *out = xmalloc(n), *ref = xmalloc(n);
	gz_header head;
	int w, ret, one;

	group_start();
	memset(&head, 0, sizeof(head));
	head.name = (Bytef *)"name";
	head.extra = (Bytef *)"extra";
	head.extra_len = 5;
	head.hcrc = 1;
	for (w = RAW; w <= GZIP; w++) {
		gen_data(data, n, w == ZLIB ? DATA_BINARY : DATA_TEXT);
		zp.wrapper = w;
		zp.level = 2 + 3 * w;
		zp.strategy = w == ZLIB ? Z_FIXED : Z_DEFAULT_STRATEGY;
		zp.head = w == GZIP ? &head : NULL;
		comp = zcompress(data, n, &zp, &clen);
		for (cut = 0; cut < clen; cut++) {
			one = our_decode(state, w, comp, cut, ref, n, &used,
					 &olen);
			for (i = 0; i < sizeof(pieces) / sizeof(pieces[0]);
			     i++) {
				ret = stream_decode(w, comp, cut, out, n,
						    pieces[i][0], pieces[i][1],
						    INFLATE_WINDOW_SIZE, &used,
						    &len);
				harness_expect(one == INFLATE_ERR_TRUNCATED &&
				      same_status(one, ret) && used == cut &&
				      len == olen && !memcmp(out, ref, len),
				      "%s cut at %zu of %zu, piece set %zu: "
				      "one-shot %s (%zu), streamed %s (%zu)",
				      wrapper_name(w), cut, clen, i,
				      inflate_strerror(one), olen,
				      status_name(ret), len);
			}
		}
		free(comp);
	}
	free(data);
	free(out);
	free(ref);
	group_end("truncation at every byte");
}

static void test_output_full(void)
{
	struct zparams zp = { .wbits = 15, .memlevel = 8, .head = NULL };
	size_t n = 3000, clen, sz, used, len, olen;
	u8 *data = xmalloc(n), *comp, *out, *ref;
	int w, ret, one;

	group_start();
	for (w = RAW; w <= GZIP; w++) {
		gen_data(data, n, DATA_MIXED);
		zp.wrapper = w;
		zp.level = 1 + 4 * w;
		zp.strategy = w == RAW ? Z_RLE : Z_DEFAULT_STRATEGY;
		comp = zcompress(data, n, &zp, &clen);
		for (sz = 0; sz < n; sz += 1 + sz / 16) {
			out = xmalloc(sz);
			ref = xmalloc(sz);
			one = our_decode(state, w, comp, clen, ref, sz, &used,
					 &olen);
			ret = stream_decode(w, comp, clen, out, sz,
					    PIECE_RANDOM(40), PIECE_RANDOM(40),
					    INFLATE_WINDOW_SIZE, &used, &len);
			harness_expect(one == INFLATE_ERR_OUTPUT_FULL &&
			      same_status(one, ret) && len == sz &&
			      olen == sz && !memcmp(out, data, len),
			      "%s out_size %zu: one-shot %s, streamed %s",
			      wrapper_name(w), sz, inflate_strerror(one),
			      status_name(ret));
			free(out);
			free(ref);
		}
		free(comp);
	}
	free(data);
	group_end("output buffer too small");
}

/* ---- The API ---- */

/* Two gzip members back to back, then junk: one stream each. */
static void concatenated_members(void)
{
	struct zparams zp = {
		.wrapper = GZIP, .level = 6, .wbits = 15, .memlevel = 8,
		.strategy = Z_DEFAULT_STRATEGY, .head = NULL,
	};
	size_t n1 = 5000, n2 = 7000, c1, c2, used, len, total;
	u8 *data = xmalloc(n1 + n2), *z1, *z2, *in, *out = xmalloc(n2);
	int ret, k;

	gen_data(data, n1 + n2, DATA_TEXT);
	z1 = zcompress(data, n1, &zp, &c1);
	z2 = zcompress(data + n1, n2, &zp, &c2);
	total = c1 + c2 + 5;
	in = xmalloc(total);
	memcpy(in, z1, c1);
	memcpy(in + c1, z2, c2);
	memcpy(in + c1 + c2, "junk!", 5);
	for (k = 0; k < 3; k++) {
		long piece = k == 0 ? 1 : k == 1 ? PIECE_RANDOM(100) :
			     PIECE_WHOLE;

		ret = stream_decode(GZIP, in, total, out, n2, piece, piece,
				    INFLATE_WINDOW_SIZE, &used, &len);
		harness_expect(ret == INFLATE_OK && used == c1 && len == n1 &&
		      !memcmp(out, data, n1), "first member: %s, used %zu/%zu",
		      status_name(ret), used, c1);
		ret = stream_decode(GZIP, in + used, total - used, out, n2,
				    piece, piece, INFLATE_WINDOW_SIZE, &used,
				    &len);
		harness_expect(ret == INFLATE_OK && used == c2 && len == n2 &&
		      !memcmp(out, data + n1, n2),
		      "second member: %s, used %zu/%zu", status_name(ret),
		      used, c2);
	}
	free(data);
	free(z1);
	free(z2);
	free(in);
	free(out);
}

/* After the end, and after an error, calls change nothing. */
static void after_the_end(void)
{
	static const u8 bad_block[] = { 0x07 };	/* BFINAL, BTYPE 3 */
	static u8 window[INFLATE_WINDOW_SIZE];
	struct zparams zp = {
		.wrapper = ZLIB, .level = 6, .wbits = 15, .memlevel = 8,
		.strategy = Z_DEFAULT_STRATEGY, .head = NULL,
	};
	size_t n = 100, clen, used, written;
	u8 *data = xmalloc(n), *comp, out[200];
	int ret, i;

	gen_data(data, n, DATA_TEXT);
	comp = zcompress(data, n, &zp, &clen);
	inflate_stream_init(state, INFLATE_ZLIB, window, sizeof(window));
	ret = inflate_stream(state, comp, clen, &used, out, sizeof(out),
			     &written);
	harness_expect(ret == INFLATE_STREAM_END && used == clen && written == n &&
	      !memcmp(out, data, n), "whole zlib stream: %s",
	      status_name(ret));
	for (i = 0; i < 2; i++) {
		ret = inflate_stream(state, comp, clen, &used, out,
				     sizeof(out), &written);
		harness_expect(ret == INFLATE_STREAM_END && used == 0 && written == 0,
		      "call %d after the end: %s, used %zu, wrote %zu", i,
		      status_name(ret), used, written);
	}
	inflate_stream_init(state, INFLATE_RAW, window, sizeof(window));
	ret = inflate_stream(state, bad_block, 1, &used, out, sizeof(out),
			     &written);
	harness_expect(ret == INFLATE_ERR_BLOCK_TYPE, "bad block type: %s",
	      status_name(ret));
	ret = inflate_stream(state, comp + 2, clen - 2, &used, out,
			     sizeof(out), &written);
	harness_expect(ret == INFLATE_ERR_BLOCK_TYPE && used == 0 && written == 0,
	      "call after an error: %s", status_name(ret));
	free(comp);
	free(data);
}

static void test_api(void)
{
	static u8 window[INFLATE_WINDOW_SIZE];
	struct inflate_state *zeroed = calloc(1, sizeof(*zeroed));
	size_t used = 7, written = 7;
	u8 in[4] = { 0x03, 0x00, 0, 0 }, out[4];
	int ret;

	group_start();
	harness_expect(inflate_stream_init(NULL, INFLATE_RAW, window, 32768) ==
	      INFLATE_ERR_PARAM, "init: NULL state");
	harness_expect(inflate_stream_init(state, INFLATE_RAW, NULL, 32768) ==
	      INFLATE_ERR_PARAM, "init: NULL window");
	harness_expect(inflate_stream_init(state, INFLATE_RAW, window,
				  INFLATE_MIN_WINDOW - 1) == INFLATE_ERR_PARAM,
	      "init: window too small");
	harness_expect(inflate_stream_init(state, INFLATE_GZIP + 1, window, 32768) ==
	      INFLATE_ERR_PARAM, "init: unknown wrapper");
	harness_expect(inflate_stream_init(state, INFLATE_RAW, window,
				  INFLATE_MIN_WINDOW) == INFLATE_OK,
	      "init: smallest window");

	harness_expect(inflate_stream(zeroed, in, 4, &used, out, 4, &written) ==
	      INFLATE_ERR_PARAM && used == 0 && written == 0,
	      "stream: state never initialised");
	harness_expect(inflate_stream(NULL, in, 4, &used, out, 4, &written) ==
	      INFLATE_ERR_PARAM, "stream: NULL state");
	harness_expect(inflate_stream(state, in, 4, NULL, out, 4, &written) ==
	      INFLATE_ERR_PARAM, "stream: NULL in_used");
	harness_expect(inflate_stream(state, in, 4, &used, out, 4, NULL) ==
	      INFLATE_ERR_PARAM, "stream: NULL out_written");
	harness_expect(inflate_stream(state, NULL, 4, &used, out, 4, &written) ==
	      INFLATE_ERR_PARAM, "stream: NULL input with a length");
	harness_expect(inflate_stream(state, in, 4, &used, NULL, 4, &written) ==
	      INFLATE_ERR_PARAM, "stream: NULL output with a length");
	/* None of that touched the stream: an empty final fixed block. */
	ret = inflate_stream(state, NULL, 0, &used, NULL, 0, &written);
	harness_expect(ret == INFLATE_OK && used == 0 && written == 0,
	      "stream: nothing in, nothing out: %s", status_name(ret));
	ret = inflate_stream(state, in, 4, &used, NULL, 0, &written);
	harness_expect(ret == INFLATE_STREAM_END && used == 2 && written == 0,
	      "stream: empty block with no output room: %s, used %zu",
	      status_name(ret), used);

	/* One-shot calls take NULL for empty buffers and counts. */
	harness_expect(inflate_raw(state, NULL, 0, &used, out, 4, &written) ==
	      INFLATE_ERR_TRUNCATED && used == 0 && written == 0,
	      "one-shot: no input");
	harness_expect(inflate_raw(state, in, 4, &used, NULL, 0, &written) ==
	      INFLATE_OK && used == 2 && written == 0,
	      "one-shot: empty block, no output buffer");

	/* A state used one-shot is not a stream. */
	inflate_raw(state, in, 2, NULL, out, 4, NULL);
	harness_expect(inflate_stream(state, in, 4, &used, out, 4, &written) ==
	      INFLATE_ERR_PARAM, "stream: state last used one-shot");
	after_the_end();
	concatenated_members();
	free(zeroed);
	group_end("API and misuse");
}

int main(void)
{
	harness_seed(0x6a09e667f3bcc908ull);
	state = xmalloc(sizeof(*state));
	test_api();
	test_windows();
	test_differential();
	test_gzip_header_fields();
	test_large();
	test_truncation();
	test_output_full();
	free(state);
	return harness_summary();
}
