/*
 * libFuzzer target for lib/inflate.c (issue item 5), differential against
 * the system zlib. Input: one control byte, then the stream. The control
 * byte picks the wrapper (bits 0-1: raw, zlib, gzip, gzip), the output
 * capacity (bits 2-3) and the streaming window (bit 4: 32 KiB, or a random
 * smaller one); the piece sizes come from a generator seeded by the input.
 *
 * For every input (a failed check aborts, which libFuzzer reports):
 *  - zlib accepts the stream: our one-shot call returns its bytes and
 *    stops at the same input byte; zlib rejects it: we return a named
 *    error;
 *  - the streaming decoder (32 KiB window, random pieces) says exactly
 *    what the one-shot call says, with the same bytes;
 *  - with a smaller window it either agrees or fails with a named error.
 * ASan and UBSan check every access; the buffers are exact heap copies.
 */
#include "../host/test_inflate.h"

#define MAX_OUT		(1 << 20)

static struct inflate_state state;

static void fail(const char *what, int ours, int other)
{
	fprintf(stderr, "fuzz_inflate: %s (ours: %s, other: %s)\n", what,
		status_name(ours), status_name(other));
	abort();
}

/* FNV-1a: a seed for the piece sizes that depends on the whole input. */
static u64 input_seed(const u8 *p, size_t n)
{
	u64 h = 0xcbf29ce484222325ull;

	while (n--)
		h = (h ^ *p++) * 0x100000001b3ull;
	return h | 1;
}

static size_t out_capacity(u8 ctl, size_t len)
{
	size_t cap;

	switch ((ctl >> 2) & 3) {
	case 0:
		return 0;
	case 1:
		return len;
	case 2:
		return 4 * len + 1024;
	default:
		cap = 1032 * len + 1024;
		return cap < MAX_OUT ? cap : MAX_OUT;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len, cap, zin, zout, used, olen, sused, slen, wsize;
	enum wrapper w;
	u8 *in, *ref, *ours, *streamed;
	int ret, sret;
	bool zok;
	u8 ctl;

	if (size < 1)
		return 0;
	ctl = data[0];
	w = (ctl & 3) == 3 ? GZIP : (enum wrapper)(ctl & 3);
	len = size - 1;
	in = dup_exact(data + 1, len);
	cap = out_capacity(ctl, len);
	ref = xmalloc(cap);
	ours = xmalloc(cap);
	streamed = xmalloc(cap);
	harness_seed(input_seed(data, size));

	zok = zlib_decode(w, in, len, ref, cap, &zin, &zout);
	ret = our_decode(&state, w, in, len, ours, cap, &used, &olen);
	if (used > len || olen > cap)
		fail("counts beyond the buffers", ret, 0);
	if (zok && (ret != INFLATE_OK || olen != zout || used != zin ||
		    memcmp(ours, ref, olen)))
		fail("zlib accepts, we differ", ret, INFLATE_OK);
	if (!zok && !is_named_error(ret))
		fail("zlib rejects, we do not", ret, INFLATE_ERR_HEADER);

	sret = stream_decode(w, in, len, streamed, cap, PIECE_RANDOM(1 + ctl),
			     PIECE_RANDOM(1 + (rnd() & 1023)),
			     INFLATE_WINDOW_SIZE, &sused, &slen);
	if (!same_status(ret, sret) || slen != olen ||
	    memcmp(streamed, ours, olen) || (!ret && sused != used))
		fail("streaming differs from one-shot", sret, ret);

	if (ctl & 0x10) {
		wsize = INFLATE_MIN_WINDOW +
			rnd() % (INFLATE_WINDOW_SIZE - INFLATE_MIN_WINDOW);
		sret = stream_decode(w, in, len, streamed, cap,
				     PIECE_RANDOM(64), PIECE_WHOLE, wsize,
				     &sused, &slen);
		if (sret != STREAM_INCOMPLETE && !is_named_error(sret) &&
		    (!same_status(ret, sret) || slen != olen ||
		     memcmp(streamed, ours, olen)))
			fail("small window: neither the same nor an error",
			     sret, ret);
	}
	free(in);
	free(ref);
	free(ours);
	free(streamed);
	return 0;
}
