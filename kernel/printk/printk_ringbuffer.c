/*
 * The log's ring (layout in <linux/printk_ringbuffer.h>). Records are laid
 * end to end in a byte stream whose offsets never wrap (u64); only the
 * copy in and out folds an offset into the buffer, so a record may
 * straddle the end of the buffer and no space is lost to padding: the
 * ring fills exactly, and a reader needs no wrap marker.
 *
 * Freestanding and self-contained (only memcpy), so the host test builds
 * this very file.
 */
#include <linux/string.h>
#include <linux/printk_ringbuffer.h>

#define HDR_LEN		sizeof(struct printk_info)

static char *ring(const struct printk_ringbuffer *rb)
{
	return (char *)(uintptr_t)rb->buf;
}

/* Copies len bytes to stream offset off, in two pieces if it wraps. */
static void copy_in(struct printk_ringbuffer *rb, u64 off, const void *src,
		    u32 len)
{
	u32 pos = off & (rb->size - 1);
	u32 first = len < rb->size - pos ? len : rb->size - pos;

	memcpy(ring(rb) + pos, src, first);
	memcpy(ring(rb), (const char *)src + first, len - first);
}

static void copy_out(const struct printk_ringbuffer *rb, u64 off, void *dst,
		     u32 len)
{
	u32 pos = off & (rb->size - 1);
	u32 first = len < rb->size - pos ? len : rb->size - pos;

	memcpy(dst, ring(rb) + pos, first);
	memcpy((char *)dst + first, ring(rb), len - first);
}

void prb_init(struct printk_ringbuffer *rb, char *buf, unsigned int bits)
{
	memset(rb, 0, sizeof(*rb));
	rb->magic = PRINTK_LOG_MAGIC;
	rb->version = PRINTK_LOG_VERSION;
	rb->size = 1u << bits;
	rb->buf = (uintptr_t)buf;
}

static void drop_oldest(struct printk_ringbuffer *rb)
{
	struct printk_info info;

	copy_out(rb, rb->tail, &info, HDR_LEN);
	rb->tail += HDR_LEN + info.text_len;
	rb->tail_seq++;
	rb->dropped++;
}

u64 prb_write(struct printk_ringbuffer *rb, u64 ts_nsec, u32 level,
	      const char *text, u32 len)
{
	struct printk_info info;

	if (len > rb->size - HDR_LEN)
		len = rb->size - HDR_LEN;
	while (rb->head - rb->tail + HDR_LEN + len > rb->size)
		drop_oldest(rb);

	info.seq = rb->head_seq;
	info.ts_nsec = ts_nsec;
	info.text_len = len;
	info.level = level;
	copy_in(rb, rb->head, &info, HDR_LEN);
	copy_in(rb, rb->head + HDR_LEN, text, len);
	rb->head += HDR_LEN + len;
	return rb->head_seq++;
}

void prb_iter_first(const struct printk_ringbuffer *rb, struct prb_iter *it)
{
	it->seq = rb->tail_seq;
	it->off = rb->tail;
}

/*
 * Sequence numbers and offsets advance together, so an iterator whose
 * seq is still in [tail_seq, head_seq) points at that record's header.
 */
bool prb_read(const struct printk_ringbuffer *rb, struct prb_iter *it,
	      struct printk_info *info, char *text, u32 size)
{
	if (it->seq < rb->tail_seq)
		prb_iter_first(rb, it);
	if (it->seq >= rb->head_seq)
		return false;

	copy_out(rb, it->off, info, HDR_LEN);
	copy_out(rb, it->off + HDR_LEN, text,
		 info->text_len < size ? info->text_len : size);
	it->off += HDR_LEN + info->text_len;
	it->seq++;
	return true;
}
