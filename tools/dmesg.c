/*
 * dmesg - print the kernel's log out of a guest's memory dump.
 *
 * For a guest that hung before any console worked, or that has none:
 * QEMU's monitor saves its memory, and this reads printk's log out of the
 * copy the way dmesg reads it from a running kernel. Two kinds of dump:
 *   dump-guest-memory FILE   an ELF core file; each PT_LOAD segment holds
 *                            p_filesz bytes of physical memory from
 *                            p_paddr, at p_offset in the file;
 *   pmemsave 0 SIZE FILE     physical memory from address 0, as is.
 *
 * printk's descriptor printk_log (layout in
 * include/linux/printk_ringbuffer.h) is found through System.map. The
 * kernel's virtual addresses are fixed at link time (__START_KERNEL_map +
 * the physical address it was linked for), but a relocatable kernel runs
 * where the decompressor put it: physical = virtual - __START_KERNEL_map +
 * phys_base, as in Linux's __pa_symbol(). phys_base is a multiple of
 * 2 MiB (the smallest alignment the kernel is placed at), below or above
 * the link address, far above 4 GiB too. So the descriptor's magic is
 * looked for at the link address, then at every 2 MiB step from it that
 * lies in the dump; the ring's address in the descriptor is a link-time
 * virtual one too, and converts with the same phys_base.
 *
 * Everything read from the dump is checked before it is used: a dump of
 * another kernel, of a guest that never ran printk, or a damaged log
 * gives a message saying so, never garbage or a crash.
 *
 * Usage: dmesg [-r|--raw] [-x|--decode] [--map SYSTEM.MAP] DUMP
 */
#include <elf.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <linux/types.h>
#include <linux/printk_ringbuffer.h>
#include <asm/boot.h>

#include "util.h"

#define SYMBOL		"printk_log"
#define HDR_LEN		sizeof(struct printk_info)
#define MAX_RING	(1u << 25)		/* Linux's largest LOG_BUF_SHIFT */
#define NSEC_PER_SEC	1000000000ull
#define NSEC_PER_USEC	1000ull

const char *const prog = "dmesg";

struct segment {
	u64 paddr, offset, len;
};

struct dump {
	const char *name;
	FILE *f;
	size_t size;
	struct segment *segs;	/* a raw dump is one segment, from 0 */
	size_t nsegs;
};

static bool raw, decode;

static void usage(void)
{
	fprintf(stderr, "usage: %s [-r|--raw] [-x|--decode] [--map SYSTEM.MAP] DUMP\n"
		"DUMP: a guest memory dump from QEMU's monitor, made with\n"
		"  dump-guest-memory FILE   or   pmemsave 0 SIZE FILE\n", prog);
	exit(2);
}

/* The address of name in a System.map ("ADDRESS TYPE NAME" lines). */
static u64 map_lookup(const char *map, const char *name)
{
	char line[512], sym[256], type;
	unsigned long long addr;
	size_t size;
	FILE *f = open_file(map, &size);

	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%llx %c %255s", &addr, &type, sym) == 3 &&
		    !strcmp(sym, name)) {
			fclose(f);
			return addr;
		}
	}
	fclose(f);
	die("%s: no symbol %s: not the System.map of a kernel with printk's log",
	    map, name);
}

/* len bytes at file offset off, false if the file is shorter. */
static bool read_at(const struct dump *d, u64 off, void *buf, size_t len)
{
	if (off > d->size || len > d->size - off)
		return false;
	if (fseeko(d->f, off, SEEK_SET) || fread(buf, 1, len, d->f) != len)
		die("%s: read error", d->name);
	return true;
}

/* len bytes of physical memory at paddr, false unless all are in the dump. */
static bool read_phys(const struct dump *d, u64 paddr, void *buf, size_t len)
{
	const struct segment *seg;
	u8 *p = buf;
	u64 in_seg, n;

	while (len) {
		for (seg = d->segs; seg < d->segs + d->nsegs; seg++)
			if (paddr >= seg->paddr && paddr - seg->paddr < seg->len)
				break;
		if (seg == d->segs + d->nsegs)
			return false;
		in_seg = paddr - seg->paddr;
		n = seg->len - in_seg < len ? seg->len - in_seg : len;
		if (!read_at(d, seg->offset + in_seg, p, n))
			return false;
		p += n;
		paddr += n;
		len -= n;
	}
	return true;
}

/* The PT_LOAD segments of an ELF core file: where each memory range is. */
static void open_elf_core(struct dump *d)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	size_t i;

	if (!read_at(d, 0, &eh, sizeof(eh)) || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_ident[EI_DATA] != ELFDATA2LSB)
		die("%s: not a 64-bit little-endian ELF file: not an x86-64 guest's dump",
		    d->name);
	if (eh.e_type != ET_CORE)
		die("%s: an ELF file but not a core dump (e_type %u): use dump-guest-memory or pmemsave",
		    d->name, eh.e_type);
	if (eh.e_phentsize != sizeof(ph) || eh.e_phnum == 0 || eh.e_phnum == PN_XNUM)
		die("%s: core dump with %u program headers of %u bytes: not from QEMU?",
		    d->name, eh.e_phnum, eh.e_phentsize);
	d->segs = calloc(eh.e_phnum, sizeof(*d->segs));
	if (!d->segs)
		die("out of memory");
	for (i = 0; i < eh.e_phnum; i++) {
		if (!read_at(d, eh.e_phoff + i * sizeof(ph), &ph, sizeof(ph)))
			die("%s: program header %zu is past the end of the file",
			    d->name, i);
		if (ph.p_type != PT_LOAD)
			continue;
		if (ph.p_offset > d->size || ph.p_filesz > d->size - ph.p_offset)
			die("%s: segment %zu (physical 0x%llx) runs past the end of the file: truncated",
			    d->name, i, (unsigned long long)ph.p_paddr);
		d->segs[d->nsegs].paddr = ph.p_paddr;
		d->segs[d->nsegs].offset = ph.p_offset;
		d->segs[d->nsegs].len = ph.p_filesz;
		d->nsegs++;
	}
	if (!d->nsegs)
		die("%s: core dump without memory (no PT_LOAD segment)", d->name);
}

/* A raw dump (pmemsave) is physical memory from 0, byte for byte. */
static void open_raw(struct dump *d)
{
	d->segs = calloc(1, sizeof(*d->segs));
	if (!d->segs)
		die("out of memory");
	d->segs->len = d->size;
	d->nsegs = 1;
}

static void open_dump(struct dump *d, const char *name)
{
	char magic[8];

	d->name = name;
	d->f = open_file(name, &d->size);
	d->segs = NULL;
	d->nsegs = 0;
	if (!d->size)
		die("%s: empty file, not a memory dump", name);
	if (read_at(d, 0, magic, 8) && !memcmp(magic, "KDUMP   ", 8))
		die("%s: a compressed kdump file: use dump-guest-memory without -z, -l or -s",
		    name);
	if (read_at(d, 0, magic, SELFMAG) && !memcmp(magic, ELFMAG, SELFMAG))
		open_elf_core(d);
	else
		open_raw(d);
}

static bool magic_at(const struct dump *d, u64 phys)
{
	u8 buf[8];

	return read_phys(d, phys, buf, sizeof(buf)) &&
	       get_le(buf, sizeof(buf)) == PRINTK_LOG_MAGIC;
}

/*
 * The first address in seg, as an offset from its start, that lies a
 * multiple of 2 MiB away from phys.
 */
static u64 first_step(const struct segment *seg, u64 phys)
{
	return (phys % MIN_KERNEL_ALIGN + MIN_KERNEL_ALIGN -
		seg->paddr % MIN_KERNEL_ALIGN) % MIN_KERNEL_ALIGN;
}

/*
 * phys_base: how far from its link address the kernel runs, as a u64
 * that wraps below 0. The descriptor's magic at the link address, else at
 * the first 2 MiB step from it that the dump holds, segment by segment:
 * a few thousand reads for a guest of several GiB.
 */
static u64 find_phys_base(const struct dump *d, u64 link_phys, const char *map)
{
	const struct segment *seg;
	u64 off, phys;
	u8 buf[8];

	if (magic_at(d, link_phys))
		return 0;
	for (seg = d->segs; seg < d->segs + d->nsegs; seg++) {
		for (off = first_step(seg, link_phys); off < seg->len;
		     off += MIN_KERNEL_ALIGN) {
			phys = seg->paddr + off;
			if (phys != link_phys && magic_at(d, phys))
				return phys - link_phys;
		}
	}
	if (!read_phys(d, link_phys, buf, sizeof(buf)))
		die("%s: does not hold physical 0x%llx (%s at its link address), nor printk's log at any 2 MiB step from it: not a memory dump, or cut short",
		    d->name, (unsigned long long)link_phys, SYMBOL);
	die("%s: printk's log not found at %s (physical 0x%llx) nor at any 2 MiB step from it in the dump: a dump of another kernel than %s's, or from before it ran?",
	    d->name, SYMBOL, (unsigned long long)link_phys, map);
}

static void report_phys_base(u64 phys_base)
{
	if (!phys_base)
		return;
	if ((s64)phys_base > 0)
		fprintf(stderr, "%s: the kernel runs 0x%llx above its link address\n",
			prog, (unsigned long long)phys_base);
	else
		fprintf(stderr, "%s: the kernel runs 0x%llx below its link address\n",
			prog, (unsigned long long)-phys_base);
}

#define FIELD(buf, type, member) \
	get_le((buf) + offsetof(type, member), sizeof(((type *)0)->member))

/* After the records printed so far, which were sound. */
static void __attribute__((noreturn, format(printf, 1, 2)))
corrupt(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: corrupt log: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void read_descriptor(const struct dump *d, u64 phys,
			    struct printk_ringbuffer *rb)
{
	u8 buf[sizeof(*rb)];

	if (!read_phys(d, phys, buf, sizeof(buf)))
		corrupt("descriptor at physical 0x%llx runs out of the dump",
			(unsigned long long)phys);
	rb->version = FIELD(buf, struct printk_ringbuffer, version);
	rb->size = FIELD(buf, struct printk_ringbuffer, size);
	rb->buf = FIELD(buf, struct printk_ringbuffer, buf);
	rb->head = FIELD(buf, struct printk_ringbuffer, head);
	rb->tail = FIELD(buf, struct printk_ringbuffer, tail);
	rb->head_seq = FIELD(buf, struct printk_ringbuffer, head_seq);
	rb->tail_seq = FIELD(buf, struct printk_ringbuffer, tail_seq);
	rb->dropped = FIELD(buf, struct printk_ringbuffer, dropped);

	if (rb->version != PRINTK_LOG_VERSION)
		die("log layout version %u; this tool reads version %u",
		    rb->version, PRINTK_LOG_VERSION);
	if (rb->size < HDR_LEN || rb->size > MAX_RING || (rb->size & (rb->size - 1)))
		corrupt("ring size %u is not a power of two from 32 bytes to 32 MiB",
			rb->size);
	if (rb->buf < __START_KERNEL_map)
		corrupt("ring address 0x%llx is not a kernel address",
			(unsigned long long)rb->buf);
	if (rb->head < rb->tail || rb->head - rb->tail > rb->size)
		corrupt("head %llu and tail %llu do not fit a ring of %u bytes",
			(unsigned long long)rb->head,
			(unsigned long long)rb->tail, rb->size);
	if (rb->head_seq < rb->tail_seq ||
	    rb->head_seq - rb->tail_seq > (rb->head - rb->tail) / HDR_LEN)
		corrupt("records %llu to %llu cannot fit in %llu bytes",
			(unsigned long long)rb->tail_seq,
			(unsigned long long)rb->head_seq,
			(unsigned long long)(rb->head - rb->tail));
}

static const char *const level_names[] = {
	"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
};

/* Like dmesg: control characters as \xNN, the rest as it is. */
static void print_text(const u8 *s, u32 len)
{
	u32 i;

	for (i = 0; i < len; i++) {
		if ((s[i] < 0x20 && s[i] != '\t') || s[i] == 0x7f)
			printf("\\x%02x", s[i]);
		else
			putchar(s[i]);
	}
}

static void print_record(const struct printk_info *info, const u8 *text)
{
	if (raw)
		printf("<%u>", info->level);
	if (decode)
		printf("%-6s:%-6s: ", "kern", level_names[info->level]);
	printf("[%5llu.%06llu] ",
	       (unsigned long long)(info->ts_nsec / NSEC_PER_SEC),
	       (unsigned long long)(info->ts_nsec % NSEC_PER_SEC / NSEC_PER_USEC));
	print_text(text, info->text_len);
	putchar('\n');
}

/* Copies len bytes at stream offset off out of the ring, wrapping. */
static void ring_copy(const u8 *ring, u32 size, u64 off, u8 *dst, u32 len)
{
	u32 i;

	for (i = 0; i < len; i++)
		dst[i] = ring[(off + i) & (size - 1)];
}

/* Every record from the oldest, each checked against the descriptor. */
static void print_log(const struct printk_ringbuffer *rb, const u8 *ring)
{
	u8 hdr[HDR_LEN], *text = malloc(rb->size);
	struct printk_info info;
	u64 off = rb->tail, seq;

	if (!text)
		die("out of memory");
	for (seq = rb->tail_seq; seq < rb->head_seq; seq++) {
		if (rb->head - off < HDR_LEN)
			corrupt("record %llu starts %llu bytes before the end of the log, too few for its header",
				(unsigned long long)seq,
				(unsigned long long)(rb->head - off));
		ring_copy(ring, rb->size, off, hdr, HDR_LEN);
		info.seq = FIELD(hdr, struct printk_info, seq);
		info.ts_nsec = FIELD(hdr, struct printk_info, ts_nsec);
		info.text_len = FIELD(hdr, struct printk_info, text_len);
		info.level = FIELD(hdr, struct printk_info, level);
		if (info.seq != seq)
			corrupt("record %llu is numbered %llu",
				(unsigned long long)seq,
				(unsigned long long)info.seq);
		if (info.text_len > rb->head - off - HDR_LEN)
			corrupt("record %llu has %u bytes of text, past the end of the log",
				(unsigned long long)seq, info.text_len);
		if (info.level >= sizeof(level_names) / sizeof(level_names[0]))
			corrupt("record %llu has level %u",
				(unsigned long long)seq, info.level);
		ring_copy(ring, rb->size, off + HDR_LEN, text, info.text_len);
		print_record(&info, text);
		off += HDR_LEN + info.text_len;
	}
	if (off != rb->head)
		corrupt("the records end at offset %llu, the log at %llu",
			(unsigned long long)off, (unsigned long long)rb->head);
	free(text);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "raw", no_argument, NULL, 'r' },
		{ "decode", no_argument, NULL, 'x' },
		{ "map", required_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *map = "System.map";
	struct printk_ringbuffer rb;
	struct dump d;
	u64 sym, link_phys, phys_base, ring_phys;
	/*
	 * static: corrupt() exits from anywhere in the log, and the copy must
	 * still be reachable then, not reported as a leak (LeakSanitizer).
	 */
	static u8 *ring;
	int c;

	while ((c = getopt_long(argc, argv, "rxh", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			raw = true;
			break;
		case 'x':
			decode = true;
			break;
		case 'm':
			map = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind != argc - 1)
		usage();

	sym = map_lookup(map, SYMBOL);
	if (sym < __START_KERNEL_map)
		die("%s: %s at 0x%llx is not a kernel address", map, SYMBOL,
		    (unsigned long long)sym);
	open_dump(&d, argv[optind]);
	link_phys = sym - __START_KERNEL_map;
	phys_base = find_phys_base(&d, link_phys, map);
	report_phys_base(phys_base);
	read_descriptor(&d, link_phys + phys_base, &rb);

	ring = malloc(rb.size);
	if (!ring)
		die("out of memory");
	ring_phys = rb.buf - __START_KERNEL_map + phys_base;
	if (!read_phys(&d, ring_phys, ring, rb.size))
		corrupt("the ring (0x%llx, %u bytes, physical 0x%llx) is not in the dump",
			(unsigned long long)rb.buf, rb.size,
			(unsigned long long)ring_phys);
	if (rb.dropped)
		fprintf(stderr, "%s: %llu older records were overwritten (the log keeps the newest %llu)\n",
			prog, (unsigned long long)rb.dropped,
			(unsigned long long)(rb.head_seq - rb.tail_seq));
	print_log(&rb, ring);
	free(ring);
	free(d.segs);
	fclose(d.f);
	return 0;
}
