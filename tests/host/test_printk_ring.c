/*
 * Host test for kernel/printk/printk_ringbuffer.c, the log's ring.
 *
 * The reference is a model that knows nothing about bytes in a ring: a
 * queue of the records written, each with its size (header + text), from
 * which the oldest are removed while the sizes add up to more than the
 * ring. After writes of many sizes (empty, tiny, near and above the ring's
 * size), on rings from the smallest that holds a header to 16 KiB, the
 * ring must give back exactly the model's records, in order, with
 * consecutive sequence numbers and the model's count of dropped ones;
 * readers that lag behind the writer must resume at the oldest record
 * and see the gap. The byte layout that tools/dmesg depends on is checked
 * against hand-built expectations (little-endian fields, no padding, a
 * record split across the end of the buffer).
 *
 * printk_ringbuffer.c is #included: it uses only memcpy and memset,
 * which glibc provides under the same names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../kernel/printk/printk_ringbuffer.c"

#include "harness.h"

#define MAX_BITS	14
#define MAX_TEXT	(1u << MAX_BITS)

/* The model: records [first, next) of all those written. */
struct model_rec {
	u64 ts;
	u32 level;
	u32 len;
	char *text;
};

static struct {
	struct model_rec *recs;
	size_t cap;
	u64 first, next;
	u64 used;		/* bytes of the records kept */
	u64 size;
} model;

static void model_init(unsigned int bits, size_t cap)
{
	model.recs = calloc(cap, sizeof(*model.recs));
	if (!model.recs)
		abort();
	model.cap = cap;
	model.first = model.next = 0;
	model.used = 0;
	model.size = 1u << bits;
}

static void model_free(void)
{
	for (; model.first < model.next; model.first++)
		free(model.recs[model.first].text);
	free(model.recs);
}

static struct model_rec *model_rec(u64 seq)
{
	return &model.recs[seq];
}

/* What the ring must do: cut text to fit, then forget the oldest. */
static void model_write(u64 ts, u32 level, const char *text, u32 len)
{
	struct model_rec *r = model_rec(model.next);
	u64 hdr = 24;

	if (hdr + len > model.size)
		len = model.size - hdr;
	while (model.used + hdr + len > model.size) {
		model.used -= hdr + model_rec(model.first)->len;
		free(model_rec(model.first)->text);
		model_rec(model.first)->text = NULL;
		model.first++;
	}
	r->ts = ts;
	r->level = level;
	r->len = len;
	r->text = malloc(len + 1);
	if (!r->text)
		abort();
	memcpy(r->text, text, len);
	model.used += hdr + len;
	model.next++;
}

static char ring_buf[1u << MAX_BITS];
static struct printk_ringbuffer rb;
static unsigned long reports;

static void report(const char *fmt, unsigned long long a, unsigned long long b)
{
	if (++reports > 20)
		return;
	fprintf(stderr, "FAIL: ");
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
}

/* Text of record seq, varied so that a record read at a wrong place differs. */
static void make_text(char *buf, u32 len, u64 seq)
{
	u32 i;

	for (i = 0; i < len; i++)
		buf[i] = 'a' + (seq * 7 + i * 13) % 26;
}

static u32 pick_len(int mode, u32 size)
{
	switch (mode) {
	case 0:
		return rnd_below(16);
	case 1:
		return rnd_below(200);
	case 2:
		return size - 24 - rnd_below(4);
	case 3:
		return size + rnd_below(64);	/* longer than the ring: cut */
	default:
		return rnd_below(size);
	}
}

static bool same_record(const struct printk_info *info, const char *text,
			u32 got_len, u64 seq)
{
	const struct model_rec *m = model_rec(seq);

	return info->seq == seq && info->ts_nsec == m->ts &&
	       info->level == m->level && info->text_len == m->len &&
	       got_len <= m->len && !memcmp(text, m->text, got_len);
}

/* The whole ring, read from the oldest record, against the model. */
static void check_contents(void)
{
	static char text[MAX_TEXT];
	struct printk_info info;
	struct prb_iter it;
	u64 seq = model.first;
	bool ok = true;

	ok &= harness_check(rb.tail_seq == model.first &&
			    rb.head_seq == model.next &&
			    rb.dropped == model.first);
	ok &= harness_check(rb.head - rb.tail == model.used &&
			    rb.head - rb.tail <= rb.size);
	prb_iter_first(&rb, &it);
	while (prb_read(&rb, &it, &info, text, sizeof(text))) {
		if (!harness_check(seq < model.next &&
				   same_record(&info, text, info.text_len, seq))) {
			report("record %llu differs (read seq %llu)", seq, info.seq);
			return;
		}
		seq++;
	}
	ok &= harness_check(seq == model.next && it.off == rb.head);
	if (!ok)
		report("ring state: tail_seq %llu, head_seq %llu", rb.tail_seq,
		       rb.head_seq);
}

/* Writes n records of the given length mode, checking every `every`. */
static void run_writes(unsigned int bits, int mode, int n, int every)
{
	static char text[MAX_TEXT + 64];
	int i;

	prb_init(&rb, ring_buf, bits);
	model_init(bits, n);
	for (i = 0; i < n; i++) {
		u32 len = pick_len(mode, rb.size);
		u64 ts = rnd(), seq;
		u32 level = rnd_below(8);

		make_text(text, len, model.next);
		model_write(ts, level, text, len);
		seq = prb_write(&rb, ts, level, text, len);
		if (!harness_check(seq == model.next - 1))
			report("write returned seq %llu, expected %llu", seq,
			       model.next - 1);
		if (i % every == every - 1 || i == n - 1)
			check_contents();
	}
	model_free();
}

static void test_wrap(void)
{
	unsigned int bits;
	int mode;

	group_start();
	for (bits = 5; bits <= MAX_BITS; bits++)
		for (mode = 0; mode <= 4; mode++)
			run_writes(bits, mode, bits < 10 ? 600 : 1500,
				   bits < 10 ? 1 : 37);
	group_end("wrap-around, many sizes");
}

/*
 * Records that exactly fill the ring: nothing may be dropped until one
 * more byte is needed, and the stream wraps exactly at the end.
 */
static void test_exact_fit(void)
{
	static char text[4096];
	u32 size = 1u << 12;
	u64 seq;
	int i;

	group_start();
	prb_init(&rb, ring_buf, 12);
	model_init(12, 64);
	memset(text, 'x', sizeof(text));
	/* One record of exactly the ring's size. */
	model_write(1, 6, text, size - 24);
	prb_write(&rb, 1, 6, text, size - 24);
	harness_check(rb.head == size && rb.dropped == 0);
	check_contents();
	/* An empty record needs 24 more bytes: the big one goes. */
	model_write(2, 6, text, 0);
	prb_write(&rb, 2, 6, text, 0);
	harness_check(rb.dropped == 1 && rb.tail == size);
	check_contents();
	/* Fill up to exactly the end again: 4 records of 1024 bytes. */
	for (i = 0; i < 4; i++) {
		u32 len = i == 0 ? 1024 - 24 - 24 : 1024 - 24;

		make_text(text, len, model.next);
		model_write(3 + i, i, text, len);
		seq = prb_write(&rb, 3 + i, i, text, len);
		harness_check(seq == model.next - 1);
	}
	harness_check(rb.head - rb.tail == size && rb.dropped == 1);
	check_contents();
	/* Too long for the ring: cut to what fits beside the header. */
	memset(text, 'y', sizeof(text));
	model_write(9, 3, text, sizeof(text));
	prb_write(&rb, 9, 3, text, sizeof(text));
	harness_check(rb.head - rb.tail == size && rb.dropped == 6);
	check_contents();
	model_free();
	group_end("exact fit, oversize");
}

/*
 * A reader that reads one record for every `ratio` written: it must see
 * every record it reads exactly as written, in order, and when the writer
 * laps it, resume at the oldest record with the gap showing in seq.
 */
static void test_concurrent_reader(void)
{
	static char text[MAX_TEXT];
	struct printk_info info;
	struct prb_iter it;
	u64 expect = 0, seen = 0, gaps = 0, missed = 0;
	int ratio, i;

	group_start();
	for (ratio = 1; ratio <= 4; ratio++) {
		prb_init(&rb, ring_buf, 10);
		model_init(10, 20000);
		prb_iter_first(&rb, &it);
		expect = 0;
		for (i = 0; i < 5000; i++) {
			u32 len = rnd_below(100);
			u64 ts = i;

			make_text(text, len, model.next);
			model_write(ts, i & 7, text, len);
			prb_write(&rb, ts, i & 7, text, len);
			if (i % ratio)
				continue;
			if (!prb_read(&rb, &it, &info, text, sizeof(text))) {
				harness_check(expect == model.next);
				continue;
			}
			if (info.seq != expect) {
				harness_check(expect < model.first &&
					      info.seq == model.first);
				gaps++;
				missed += info.seq - expect;
			}
			if (!harness_check(same_record(&info, text, info.text_len,
						       info.seq)))
				report("reader got a wrong record %llu (expected %llu)",
				       info.seq, expect);
			expect = info.seq + 1;
			seen++;
		}
		/* Drain: the reader must end exactly at the newest record. */
		while (prb_read(&rb, &it, &info, text, sizeof(text)))
			expect = info.seq + 1;
		harness_check(expect == model.next && it.seq == rb.head_seq &&
			      it.off == rb.head);
		model_free();
	}
	/* ratio 1 keeps up; the slower readers must have been lapped. */
	harness_check(seen > 0 && gaps > 0 && missed > 0);
	group_end("reading while writing");
}

/* A buffer smaller than the text: a prefix, and the iterator still moves on. */
static void test_short_buffer(void)
{
	char text[8];
	struct printk_info info;
	struct prb_iter it;

	group_start();
	prb_init(&rb, ring_buf, 8);
	prb_write(&rb, 5, 1, "0123456789abcdef", 16);
	prb_write(&rb, 6, 2, "xy", 2);
	prb_iter_first(&rb, &it);
	harness_check(prb_read(&rb, &it, &info, text, sizeof(text)) &&
		      info.text_len == 16 && !memcmp(text, "01234567", 8));
	harness_check(prb_read(&rb, &it, &info, text, sizeof(text)) &&
		      info.seq == 1 && info.text_len == 2 &&
		      !memcmp(text, "xy", 2));
	harness_check(!prb_read(&rb, &it, &info, text, sizeof(text)));
	/* An empty ring reads nothing. */
	prb_init(&rb, ring_buf, 8);
	prb_iter_first(&rb, &it);
	harness_check(!prb_read(&rb, &it, &info, text, sizeof(text)) &&
		      it.seq == 0 && it.off == 0);
	group_end("short reads, empty ring");
}

static u64 le(const unsigned char *p, int n)
{
	u64 v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

/*
 * The bytes tools/dmesg decodes: a 24-byte header (seq, ts_nsec: 8 bytes;
 * text_len, level: 4 bytes; little-endian) and the text right after it,
 * folded at the end of the buffer.
 */
static void test_layout(void)
{
	static struct printk_ringbuffer st =
		PRINTK_RINGBUFFER_INIT(ring_buf, 6);
	const unsigned char *b = (const unsigned char *)ring_buf;

	group_start();
	harness_check(sizeof(struct printk_info) == 24);
	harness_check(offsetof(struct printk_ringbuffer, magic) == 0 &&
		      offsetof(struct printk_ringbuffer, version) == 8 &&
		      offsetof(struct printk_ringbuffer, size) == 12 &&
		      offsetof(struct printk_ringbuffer, buf) == 16 &&
		      offsetof(struct printk_ringbuffer, head) == 24 &&
		      offsetof(struct printk_ringbuffer, tail) == 32 &&
		      offsetof(struct printk_ringbuffer, head_seq) == 40 &&
		      offsetof(struct printk_ringbuffer, tail_seq) == 48 &&
		      offsetof(struct printk_ringbuffer, dropped) == 56);
	harness_check(!memcmp(&st.magic, "PRINTKLG", 8));

	prb_init(&rb, ring_buf, 6);
	harness_check(!memcmp(&rb, &st, sizeof(rb)));
	memset(ring_buf, 0, 64);
	prb_write(&rb, 0x0102030405060708ull, 6, "hello", 5);
	harness_check(le(b, 8) == 0 && le(b + 8, 8) == 0x0102030405060708ull &&
		      le(b + 16, 4) == 5 && le(b + 20, 4) == 6 &&
		      !memcmp(b + 24, "hello", 5));
	/* The second record starts at 29 and wraps after 35 of 64 bytes. */
	prb_write(&rb, 7, 3, "abcdefghijkl", 12);
	harness_check(rb.dropped == 1 && rb.tail == 29 && rb.head == 65);
	harness_check(le(b + 29, 8) == 1 && le(b + 37, 8) == 7 &&
		      le(b + 45, 4) == 12 && le(b + 49, 4) == 3 &&
		      !memcmp(b + 53, "abcdefghijk", 11) && b[0] == 'l');
	group_end("byte layout");
}

int main(void)
{
	harness_seed(0x9e3779b97f4a7c15ull);
	test_layout();
	test_exact_fit();
	test_short_buffer();
	test_concurrent_reader();
	test_wrap();
	return harness_summary();
}
