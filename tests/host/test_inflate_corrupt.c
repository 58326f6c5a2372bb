/*
 * Host test: corrupt input never hurts (issue item 4). Thousands of valid
 * zlib-made streams are bit-flipped, overwritten, truncated, cut up and
 * spliced onto each other; for every result:
 *  - zlib accepts it: our one-shot call returns the same bytes and stops
 *    at the same input byte;
 *  - zlib rejects it: we return a named error;
 *  - the streaming decoder, fed in random pieces, says exactly what the
 *    one-shot call says and produces the same bytes;
 * and nothing reads or writes outside its buffers: one-shot output has a
 * canary zone after it (and ASan after that), streaming pieces are exact
 * heap copies. A hang would show as the test not finishing.
 */
#include "test_inflate.h"

#define NUM_STREAMS	2500
#define CANARY		64
#define CANARY_BYTE	0xa5

static struct inflate_state *state;

enum mutation {
	FLIP_ONE, FLIP_THREE, FLIP_HEADER, RANDOM_BYTE, TRUNCATE,
	SPLICE_ANYWHERE, SPLICE_SAME_OFFSET, DELETE_RANGE, NUM_MUTATIONS
};

static const char *mutation_name(enum mutation m)
{
	static const char *const names[] = {
		"flip 1 bit", "flip 3 bits", "flip a header bit",
		"random byte", "truncate", "splice", "splice at same offset",
		"delete bytes",
	};

	return names[m];
}

struct stream {
	u8 *data;
	size_t len;
};

static size_t rnd_size(size_t n)
{
	return n ? rnd() % n : 0;
}

static void flip_bit(u8 *p, size_t len, size_t within)
{
	size_t bit = rnd_size((len < within ? len : within) * 8);

	p[bit / 8] ^= 1 << (bit % 8);
}

/*
 * A mutated copy of cur (other: the previous stream, to splice with), in
 * an exact-size buffer. Returns NULL when the mutation does not apply.
 */
static u8 *mutate(const struct stream *cur, const struct stream *other,
		  enum mutation m, size_t *len)
{
	size_t i, j, k;
	u8 *p;

	if (!cur->len)
		return NULL;
	switch (m) {
	case TRUNCATE:
		*len = rnd_size(cur->len);
		return dup_exact(cur->data, *len);
	case SPLICE_ANYWHERE:
	case SPLICE_SAME_OFFSET:
		/* The start of this stream, the tail of the other one. */
		if (!other->len)
			return NULL;
		i = rnd_size(cur->len + 1);
		j = m == SPLICE_ANYWHERE ? rnd_size(other->len + 1) :
		    i < other->len ? i : other->len;
		*len = i + other->len - j;
		p = xmalloc(*len);
		memcpy(p, cur->data, i);
		memcpy(p + i, other->data + j, other->len - j);
		return p;
	case DELETE_RANGE:
		i = rnd_size(cur->len);
		k = 1 + rnd_size(cur->len - i < 40 ? cur->len - i : 40);
		*len = cur->len - k;
		p = xmalloc(*len);
		memcpy(p, cur->data, i);
		memcpy(p + i, cur->data + i + k, cur->len - i - k);
		return p;
	default:
		break;
	}
	*len = cur->len;
	p = dup_exact(cur->data, cur->len);
	switch (m) {
	case FLIP_ONE:
		flip_bit(p, *len, *len);
		break;
	case FLIP_THREE:
		for (i = 0; i < 3; i++)
			flip_bit(p, *len, *len);
		break;
	case FLIP_HEADER:
		/* Where the wrapper and first block header and tables are. */
		flip_bit(p, *len, 40);
		break;
	default:
		p[rnd_size(*len)] = rnd();
		break;
	}
	return p;
}

static bool canary_intact(const u8 *p)
{
	size_t i;

	for (i = 0; i < CANARY; i++)
		if (p[i] != CANARY_BYTE)
			return false;
	return true;
}

/* Returns whether zlib accepted the stream. */
static bool check_one(enum wrapper w, const u8 *in, size_t len, size_t cap,
		      unsigned int id, enum mutation m)
{
	u8 *ref = xmalloc(cap), *ours = xmalloc(cap + CANARY);
	u8 *streamed = xmalloc(cap);
	size_t zin, zout, used, olen, sused, slen;
	int ret, sret;
	bool zok;

	zok = zlib_decode(w, in, len, ref, cap, &zin, &zout);
	memset(ours + cap, CANARY_BYTE, CANARY);
	ret = our_decode(state, w, in, len, ours, cap, &used, &olen);
	harness_expect(canary_intact(ours + cap) && used <= len && olen <= cap,
	      "stream %u (%s, %s): write past the output, or counts too "
	      "large", id, wrapper_name(w), mutation_name(m));
	if (zok)
		harness_expect(ret == INFLATE_OK && olen == zout && used == zin &&
		      !memcmp(ours, ref, olen),
		      "stream %u (%s, %s): zlib accepts, we say %s "
		      "(out %zu/%zu, in %zu/%zu)", id, wrapper_name(w),
		      mutation_name(m), inflate_strerror(ret), olen, zout,
		      used, zin);
	else
		harness_expect(is_named_error(ret),
		      "stream %u (%s, %s): zlib rejects, we say %s", id,
		      wrapper_name(w), mutation_name(m), inflate_strerror(ret));

	sret = stream_decode(w, in, len, streamed, cap, PIECE_RANDOM(64),
			     PIECE_RANDOM(512), INFLATE_WINDOW_SIZE, &sused,
			     &slen);
	harness_expect(same_status(ret, sret) && slen == olen &&
	      !memcmp(streamed, ours, olen) && (ret || sused == used),
	      "stream %u (%s, %s): one-shot %s (out %zu, in %zu), "
	      "streamed %s (out %zu, in %zu)", id, wrapper_name(w),
	      mutation_name(m), inflate_strerror(ret), olen, used,
	      status_name(sret), slen, sused);
	free(ref);
	free(ours);
	free(streamed);
	return zok;
}

static void make_stream(struct stream *st, size_t *n, enum wrapper *w)
{
	static u8 data[40000];
	struct zparams zp = { .head = NULL };
	gz_header head;

	*n = rnd_below(4) ? rnd_below(3000) : rnd_below(sizeof(data));
	gen_data(data, *n, rnd_below(NUM_KINDS));
	zp.wrapper = rnd_below(3);
	zp.level = rnd_below(10);
	zp.strategy = strategy(rnd_below(5));
	zp.wbits = 9 + rnd_below(7);
	zp.memlevel = 1 + rnd_below(9);
	if (zp.wrapper == GZIP && !rnd_below(4)) {
		memset(&head, 0, sizeof(head));
		head.name = (Bytef *)"name";
		head.comment = rnd_below(2) ? (Bytef *)"comment" : NULL;
		head.extra = (Bytef *)"extra field";
		head.extra_len = rnd_below(12);
		head.hcrc = rnd_below(2);
		zp.head = &head;
	}
	st->data = zcompress(data, *n, &zp, &st->len);
	*w = zp.wrapper;
}

static void test_mutations(void)
{
	unsigned int i, m, id = 0, accepted = 0, rejected = 0;
	struct stream cur, prev = { NULL, 0 };
	size_t n, len, cap;
	enum wrapper w;
	char name[64];
	u8 *in;

	group_start();
	for (i = 0; i < NUM_STREAMS; i++) {
		make_stream(&cur, &n, &w);
		cap = 2 * n + 1000;
		for (m = 0; m < NUM_MUTATIONS; m++) {
			in = mutate(&cur, &prev, m, &len);
			if (!in)
				continue;
			if (check_one(w, in, len, cap, id++, m))
				accepted++;
			else
				rejected++;
			free(in);
		}
		free(prev.data);
		prev = cur;
	}
	free(prev.data);
	/* Both verdicts must really occur, or the comparison proves little. */
	harness_expect(accepted > id / 20 && rejected > id / 20,
	      "zlib accepted %u, rejected %u of %u mutated streams",
	      accepted, rejected, id);
	snprintf(name, sizeof(name), "%u mutated streams (zlib took %u)", id,
		 accepted);
	group_end(name);
}

int main(void)
{
	harness_seed(0xbb67ae8584caa73bull);
	state = xmalloc(sizeof(*state));
	test_mutations();
	free(state);
	return harness_summary();
}
