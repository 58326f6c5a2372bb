/*
 * mkpiggy - describe the kernel payload to the decompressor's link.
 *
 * The decompressor (compressed/) carries the kernel as opaque bytes and
 * needs three numbers about them at link time: how long the payload is, how
 * long it becomes once inflated, and how far above the output buffer it must
 * copy itself so that inflating in place never overwrites input it has yet
 * to read. This tool computes them and prints a GNU as file that defines
 * them as absolute symbols next to an .incbin of the payload, so the numbers
 * and the bytes can never come from two different builds.
 *
 * Usage: mkpiggy [--none] PAYLOAD > piggy.S
 *   PAYLOAD is a gzip file (RFC 1952), or with --none the kernel ELF as is.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <asm/boot.h>

#include "util.h"

/* RFC 1952 section 2.3: member header and trailer sizes. */
#define GZIP_HEADER_LEN		10
#define GZIP_TRAILER_LEN	8
#define GZIP_ID1		0x1f
#define GZIP_ID2		0x8b
#define GZIP_CM_DEFLATE		8

#define PAGE_SIZE		4096UL

const char *const prog = "mkpiggy";

/*
 * ISIZE, the last four bytes of a gzip member, is the uncompressed length
 * modulo 2^32 (RFC 1952 section 2.3.1). The header is checked first so that
 * a file that merely happens to end in four bytes is not taken for gzip.
 */
static unsigned long gzip_output_len(FILE *f, const char *name,
				     unsigned long ilen)
{
	u8 hdr[GZIP_HEADER_LEN], isize[4];

	if (ilen < GZIP_HEADER_LEN + GZIP_TRAILER_LEN)
		die("%s: too short for a gzip file (%lu bytes)", name, ilen);
	if (fseek(f, 0, SEEK_SET) != 0 ||
	    fread(hdr, 1, sizeof(hdr), f) != sizeof(hdr))
		die("%s: cannot read gzip header", name);
	if (hdr[0] != GZIP_ID1 || hdr[1] != GZIP_ID2)
		die("%s: not a gzip file (bad magic %02x %02x, want 1f 8b)",
		    name, hdr[0], hdr[1]);
	if (hdr[2] != GZIP_CM_DEFLATE)
		die("%s: gzip compression method %u is not deflate (8)",
		    name, hdr[2]);
	if (fseek(f, -4L, SEEK_END) != 0 ||
	    fread(isize, 1, sizeof(isize), f) != sizeof(isize))
		die("%s: cannot read gzip trailer", name);
	return get_le32(isize);
}

/*
 * Where the decompressor moves itself (and the payload inside it) before
 * inflating into [output, output + olen). Input then starts at or above
 * output + offset, and every term below keeps the write pointer from
 * reaching input bytes that are still to be read:
 *
 * - olen - ilen: at the very end the writer has produced olen bytes while
 *   the reader has consumed ilen, so the input must start at least that far
 *   up or the last output bytes land on the last input bytes.
 * - olen >> 12: mid-stream the gap can be wider than at the end, by as
 *   much as the remaining input costs beyond its raw size. gzip falls back
 *   to stored blocks when compressing does not pay, and those cost 5 header
 *   bytes (plus at most one byte of bit padding) per up to 65535 bytes
 *   (RFC 1951 section 3.2.4), i.e. less than 1 byte per 10 KiB; 1 per 4 KiB
 *   leaves a wide margin.
 * - 64 KiB: the bound above holds at block boundaries only. Inside one
 *   block the decoder may produce up to the block's whole output (a stored
 *   block holds at most 65535 bytes, a gzip Huffman block at most 32 Ki
 *   symbols) before the input it is compared against catches up.
 * - 128: our decoder's bit reader fetches at most INFLATE_READ_AHEAD (16)
 *   bytes beyond the last bit it consumed, its word copies write at most
 *   INFLATE_WRITE_AHEAD (40) bytes beyond the output produced so far
 *   (include/linux/inflate.h), and the gzip header (10+ bytes) and trailer (8 bytes)
 *   are read but produce nothing; the rest is slack.
 * - rounding to 4096: the decompressor runs from the copy, and its
 *   page-aligned sections (page tables, stack) stay page-aligned only when
 *   it is moved by a whole number of pages.
 *
 * - at least BOOT_PGT_SIZE: head_64.S builds the copy's page tables
 *   while it runs on its own, offset bytes lower.
 *
 * The payload sits payload_offset bytes into the moved decompressor, which
 * only adds to the margin. tests/host/test_tools_inplace.c replays zlib
 * one input byte at a time to check the result, and shows that olen - ilen
 * alone falls short.
 */
static unsigned long extract_offset(unsigned long ilen, unsigned long olen)
{
	unsigned long offset;

	offset = olen > ilen ? olen - ilen : 0;
	offset += olen >> 12;
	offset += 64 * 1024 + 128;
	if (offset < BOOT_PGT_SIZE)
		offset = BOOT_PGT_SIZE;
	return (offset + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
}

/* .incbin takes a C-style string (GNU as manual, "Strings"). */
static void print_quoted(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putchar('\\');
		putchar(*s);
	}
	putchar('"');
}

static void print_piggy(const char *name, unsigned long ilen,
			unsigned long olen)
{
	printf(".section \".rodata..compressed\",\"a\",@progbits\n");
	printf(".globl z_input_len\n");
	printf("z_input_len = %lu\n", ilen);
	printf(".globl z_output_len\n");
	printf("z_output_len = %lu\n", olen);
	printf(".globl z_extract_offset\n");
	printf("z_extract_offset = %lu\n", extract_offset(ilen, olen));
	printf(".globl input_data, input_data_end\n");
	printf("input_data:\n");
	printf(".incbin ");
	print_quoted(name);
	printf("\ninput_data_end:\n");
}

static void __attribute__((noreturn)) usage(void)
{
	fprintf(stderr, "usage: %s [--none] PAYLOAD\n", prog);
	exit(1);
}

int main(int argc, char **argv)
{
	unsigned long ilen, olen;
	const char *name;
	size_t size;
	bool none = false;
	FILE *f;

	if (argc == 3 && strcmp(argv[1], "--none") == 0)
		none = true;
	else if (argc != 2 || argv[1][0] == '-')
		usage();
	name = argv[argc - 1];

	/* The payload is read twice (here and by as): a plain file. */
	f = open_file(name, &size);
	ilen = size;
	if (ilen == 0)
		die("%s: empty file", name);
	olen = none ? ilen : gzip_output_len(f, name, ilen);
	fclose(f);

	print_piggy(name, ilen, olen);
	if (fflush(stdout) != 0 || ferror(stdout))
		die("write error: %s", strerror(errno));
	return 0;
}
