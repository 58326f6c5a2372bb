/*
 * printk's log: a ring of bytes holding variable-length records, which
 * keeps the newest ones. Writing a record that does not fit drops the
 * oldest records (counted in dropped) until it does.
 *
 * The layout is an interface: besides the kernel (kernel/printk/) the
 * host test and tools/dmesg use this header, the tool to decode the log
 * out of a guest's memory dump with nothing but the address of the
 * descriptor from System.map. Version 1 of that layout:
 *
 * - struct printk_ringbuffer (the descriptor) as below, little-endian.
 *   head and tail are offsets that only grow: byte i of the log stream is
 *   at buf[i & (size - 1)]. The records are the bytes [tail, head), at
 *   most size of them; they hold the sequence numbers [tail_seq,
 *   head_seq), each one more than the last.
 * - A record is a struct printk_info followed by text_len bytes of text
 *   (one line, no newline, no NUL), with no padding. A record may wrap
 *   around the end of buf, so readers copy it out piece by piece.
 *
 * No locking: the kernel runs on one CPU and writes only from printk().
 * An iterator stays valid across writes (see prb_read()).
 */
#ifndef _LINUX_PRINTK_RINGBUFFER_H
#define _LINUX_PRINTK_RINGBUFFER_H

#include <linux/types.h>

#define PRINTK_LOG_MAGIC	0x474c4b544e495250ull	/* "PRINTKLG" */
#define PRINTK_LOG_VERSION	1

struct printk_info {
	u64 seq;		/* sequence number, from 0 */
	u64 ts_nsec;		/* local_clock() when it was printed */
	u32 text_len;		/* bytes of text after this header */
	u32 level;		/* 0 (KERN_EMERG) .. 7 (KERN_DEBUG) */
};

struct printk_ringbuffer {
	u64 magic;		/* PRINTK_LOG_MAGIC once usable */
	u32 version;		/* PRINTK_LOG_VERSION */
	u32 size;		/* bytes in buf, a power of two */
	u64 buf;		/* address of the bytes (a kernel virtual one) */
	u64 head;		/* where the next record goes */
	u64 tail;		/* where the oldest record starts */
	u64 head_seq;		/* sequence number of the next record */
	u64 tail_seq;		/* sequence number of the oldest record */
	u64 dropped;		/* records overwritten since the start */
};

/* A statically initialized ring over char array buf of 1 << bits bytes. */
#define PRINTK_RINGBUFFER_INIT(array, bits) {				\
	.magic = PRINTK_LOG_MAGIC,					\
	.version = PRINTK_LOG_VERSION,					\
	.size = 1u << (bits),						\
	.buf = (u64)(uintptr_t)(array),					\
}

/* A reader's place: the record seq, found at offset off. */
struct prb_iter {
	u64 seq;
	u64 off;
};

void prb_init(struct printk_ringbuffer *rb, char *buf, unsigned int bits);

/*
 * Appends a record and returns its sequence number. Text longer than the
 * ring can hold next to its header is cut.
 */
u64 prb_write(struct printk_ringbuffer *rb, u64 ts_nsec, u32 level,
	      const char *text, u32 len);

/* An iterator at the oldest record. */
void prb_iter_first(const struct printk_ringbuffer *rb, struct prb_iter *it);

/*
 * Reads the record at it into *info and the first size bytes of its text
 * into text (not NUL-terminated), and moves it to the next one. If that
 * record was dropped meanwhile, reads the oldest one instead: then
 * info->seq is above the iterator's seq, and the difference is the number
 * of records missed. False, with nothing read, when it is past the newest.
 */
bool prb_read(const struct printk_ringbuffer *rb, struct prb_iter *it,
	      struct printk_info *info, char *text, u32 size);

#endif
