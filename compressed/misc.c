/*
 * extract_kernel(): called by head_64.S from the copy of the decompressor
 * at the end of the buffer, with the first 4 GiB identity-mapped. Inflates
 * the payload to the start of the buffer, places the kernel's segments
 * and returns its entry point. Nothing in the kernel needs patching for
 * where it runs: its virtual addresses are fixed, and its first
 * instructions find their physical offset themselves (phys_base).
 */
#include <linux/string.h>
#include <linux/inflate.h>
#include <linux/decompress_stats.h>
#include <linux/tsc_stopwatch.h>
#include <asm/boot.h>
#include "misc.h"
#include "voffset.h"

struct boot_params *boot_params;

/* The payload, from piggy.S (tools/mkpiggy). */
extern u8 input_data[], input_data_end[];

/* The loader's command line (head_64.S maps it); 0 if none. */
u64 cmdline_phys(void)
{
	return boot_params->hdr.cmd_line_ptr |
	       (u64)boot_params->ext_cmd_line_ptr << 32;
}

/*
 * At most cmdline_size characters and a NUL (boot.rst): a loader that left
 * out the terminator must not make us read on into whatever follows.
 */
static size_t cmdline_max(void)
{
	u32 max = boot_params->hdr.cmdline_size;

	return max < COMMAND_LINE_SIZE - 1 ? max : COMMAND_LINE_SIZE - 1;
}

/* The bytes the loader's command line occupies, its NUL included. */
u64 cmdline_extent(void)
{
	u64 ptr = cmdline_phys();

	return ptr ? strnlen((const char *)ptr, cmdline_max()) + 1 : 0;
}

const char *kernel_cmdline(void)
{
	static char cmdline[COMMAND_LINE_SIZE];
	u64 ptr = cmdline_phys();
	size_t len;

	if (ptr) {
		len = strnlen((const char *)ptr, cmdline_max());
		memcpy(cmdline, (const char *)ptr, len);
		cmdline[len] = '\0';
	}
	return cmdline;
}

u64 initrd_start(void)
{
	return boot_params->hdr.ramdisk_image |
	       (u64)boot_params->ext_ramdisk_image << 32;
}

u64 initrd_size(void)
{
	return boot_params->hdr.ramdisk_size |
	       (u64)boot_params->ext_ramdisk_size << 32;
}

static struct decompress_stats stats;

#ifdef CONFIG_KERNEL_GZIP
static const char method[] = "gzip";

static u32 get_le32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

static size_t decompress(u8 *output, const u8 *in, size_t in_len)
{
	static struct inflate_state state;
	size_t out_len, done;
	int ret;

	if (in_len < 18)
		error("Decompression failed: %s",
		      inflate_strerror(INFLATE_ERR_TRUNCATED));
	out_len = get_le32(in + in_len - 4);	/* gzip ISIZE */
	if (out_len > boot_params->hdr.init_size)
		error("Decompression failed: kernel size %zu exceeds init_size",
		      out_len);
	ret = gunzip(&state, in, in_len, NULL, output, out_len, &done);
	if (ret)
		error("Decompression failed: %s", inflate_strerror(ret));
	return done;
}
#else
static const char method[] = "none";

static size_t decompress(u8 *output, const u8 *in, size_t in_len)
{
	memmove(output, in, in_len);
	return in_len;
}
#endif

/* "9867 -> 58640 bytes (gzip) in 0.512 ms: 114.5 MB/s", or without time. */
static void print_stats(void)
{
	u64 us, rate;

	if (!stats.tsc_khz || !stats.cycles) {
		printf("Decompressed %llu -> %llu bytes (%s)\n",
		       (unsigned long long)stats.in_len,
		       (unsigned long long)stats.out_len, stats.method);
		return;
	}
	us = stats.cycles * 1000 / stats.tsc_khz;
	rate = stats.out_len * stats.tsc_khz / (stats.cycles * 100);
	printf("Decompressed %llu -> %llu bytes (%s) in %llu.%03llu ms: %llu.%llu MB/s\n",
	       (unsigned long long)stats.in_len, (unsigned long long)stats.out_len,
	       stats.method, (unsigned long long)(us / 1000),
	       (unsigned long long)(us % 1000), (unsigned long long)(rate / 10),
	       (unsigned long long)(rate % 10));
}

/*
 * Hand the figures to the kernel: its decompress_stats variable is now at
 * output + its offset from _text (the kernel is placed).
 */
static void pass_stats(u8 *output)
{
	u64 off = VO_decompress_stats - VO__text;

	if (off + sizeof(stats) > boot_params->hdr.init_size)
		error("Kernel's decompress_stats is outside the kernel");
	stats.entry = boot_entry;
	stats.load_addr = load_address;
	stats.valid = DECOMPRESS_STATS_VALID;
	memcpy(output + off, &stats, sizeof(stats));
}

void *extract_kernel(struct boot_params *bp, u8 *output)
{
	size_t in_len = input_data_end - input_data, out_len;
	struct tsc_stopwatch sw;
	u64 entry;

	boot_params = bp;
	console_init();
	if (debug) {
		putstr("early console in extract_kernel\n");
		printf("input_data: %p\ninput_len: %#zx\noutput: %p\n"
		       "init_size: %#x\n", input_data, in_len, output,
		       bp->hdr.init_size);
	}
	if (output_avoided.size)
		printf("Avoiding %s [mem %#llx-%#llx]: decompressing at %p\n",
		       mem_avoid_name(&output_avoided),
		       (unsigned long long)output_avoided.start,
		       (unsigned long long)(output_avoided.start +
					    output_avoided.size - 1), output);

	putstr("\nDecompressing Kestrel... ");
	tsc_stopwatch_start(&sw);
	out_len = decompress(output, input_data, in_len);
	stats.tsc_khz = tsc_stopwatch_stop(&sw, &stats.cycles);
	stats.in_len = in_len;
	stats.out_len = out_len;
	memcpy(stats.method, method, sizeof(method));
	putstr("Parsing ELF... ");
	entry = parse_elf(output, out_len);
	pass_stats(output);
	putstr("done.\n");
	print_stats();
	putstr("Booting the kernel.\n");
	return output + entry;
}
