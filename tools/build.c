/*
 * build - glue the real-mode setup and the decompressor into a bzImage.
 *
 * A boot loader sees a bzImage as two parts (boot protocol, "The Real-Mode
 * Kernel Header"): setup_sects+1 512-byte sectors of 16-bit setup, loaded
 * below 1 MiB, followed by the protected-mode kernel, syssize 16-byte
 * paragraphs loaded at code32_start. Only this step knows both sizes, so it
 * writes setup_sects and syssize into the header; every other header field
 * was assembled into setup.bin already.
 *
 * File layout written (bzinfo --check verifies the same rules):
 *
 *   [0, setup_size)          setup.bin, zero padded to whole sectors,
 *                            at least 5 sectors (boot sector + 4)
 *   [setup_size, end - 4)    decompressor (ZO_BIN), zero padded
 *   [end - 4, end)           CRC-32 of every byte before it, little-endian
 *
 * where end - setup_size = syssize * 16: the padding after ZO_BIN is chosen
 * so that ZO_BIN, padding and CRC together fill whole paragraphs. The file
 * therefore ends exactly where a loader stops reading (setup_size +
 * syssize * 16) and the CRC is always the file's last four bytes, as in
 * Linux. The CRC is the one gzip and zlib use (RFC 1952 section 8), so
 * running the whole file through it leaves the usual residue.
 *
 * The file is also a PE/COFF image (boot/header.S): its headers are the
 * setup, [0, setup_size), and its one section is the protected-mode part,
 * at the same offset in memory as in the file (SectionAlignment and
 * FileAlignment are both 512). The fields that depend on setup_size are
 * written here too; AddressOfEntryPoint arrives relative to the
 * protected-mode part and is rebased by setup_size.
 *
 * Usage: build SETUP_BIN ZO_BIN OUT
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/crc32.h>
#include <asm/bootparam.h>

#include "pe.h"
#include "util.h"

#define SECTOR_SIZE		512
/* setup_sects == 0 means 4 to old loaders, so never write fewer. */
#define MIN_SETUP_SECTS		4
/* GRUB refuses more setup sectors than this. */
#define MAX_SETUP_SECTS		64
#define PARAGRAPH		16
#define CRC_LEN			4

#define HDR_OFF(field)	(SETUP_HEADER_OFFSET + \
			 offsetof(struct setup_header, field))

const char *const prog = "build";

static bool has_signature(const u8 *setup, size_t len)
{
	size_t i;

	for (i = 0; i + 4 <= len; i++)
		if (get_le32(setup + i) == SETUP_SIGNATURE)
			return true;
	return false;
}

static void check_setup(const char *name, const u8 *setup, size_t len)
{
	if (len < SETUP_HEADER_OFFSET + sizeof(struct setup_header))
		die("%s: %zu bytes is too short to hold the setup header",
		    name, len);
	if (get_le16(setup + HDR_OFF(boot_flag)) != BOOT_FLAG)
		die("%s: no boot flag 0xAA55 at 0x%zx", name,
		    HDR_OFF(boot_flag));
	if (get_le32(setup + HDR_OFF(header)) != SETUP_HEADER_MAGIC)
		die("%s: no \"HdrS\" signature at 0x%zx", name,
		    HDR_OFF(header));
	if (!has_signature(setup, len))
		die("%s: setup signature 0x%08x not found "
		    "(setup truncated or not linked with its trailer?)",
		    name, SETUP_SIGNATURE);
}

/*
 * payload_offset is relative to the protected-mode part (boot protocol,
 * "payload_offset"), i.e. to the start of ZO_BIN. A mismatch here means
 * the header was assembled against a different decompressor.
 */
static void check_payload(const u8 *setup, const u8 *zo, size_t zo_len)
{
	u32 off = get_le32(setup + HDR_OFF(payload_offset));
	u32 len = get_le32(setup + HDR_OFF(payload_length));
	const u8 *p = zo + off;

	if (len < 4 || (u64)off + len > zo_len)
		die("payload (offset 0x%x, length %u) does not lie inside "
		    "the %zu-byte decompressor", off, len, zo_len);
	if (p[0] == 0x1f && p[1] == 0x8b && p[2] == 0x08)
		return;
	if (p[0] == 0x7f && p[1] == 'E' && p[2] == 'L' && p[3] == 'F')
		return;
	die("payload_offset does not point at the payload "
	    "(found %02x %02x %02x %02x at 0x%x, want gzip 1f 8b 08 or "
	    "ELF 7f 45 4c 46)", p[0], p[1], p[2], p[3], off);
}

static size_t align_up(size_t v, size_t a)
{
	return (v + a - 1) / a * a;
}

/*
 * Place the one section at setup_size: in the file it runs to the end of
 * the image (CRC included), in memory at least as far as header.S asked
 * (the decompressor's bss). A setup without "MZ" has no PE header.
 */
static void fill_pe_header(u8 *image, size_t setup_size, size_t total)
{
	size_t lfanew = get_le32(image + PE_LFANEW), raw = total - setup_size;
	u8 *pe = image + lfanew, *sec;
	size_t vsize;
	u32 align;

	if (get_le16(image) != MZ_MAGIC)
		return;
	if (lfanew + PE_OPT + PE_OPT_FIXED_SIZE > setup_size ||
	    get_le32(pe) != PE_MAGIC || get_le16(pe + PE_COFF_NSECTIONS) != 1)
		die("setup: \"MZ\", but no PE header with one section at e_lfanew");
	sec = pe + PE_OPT + get_le16(pe + PE_COFF_OPT_SIZE);
	if (sec + PE_SEC_SIZE > image + setup_size)
		die("setup: the PE section table lies outside the setup");
	align = get_le32(pe + PE_OPT_SECTION_ALIGN);
	if (!align)
		die("setup: PE SectionAlignment is 0");
	vsize = get_le32(sec + PE_SEC_VSIZE);
	if (vsize < raw)
		vsize = raw;
	put_le32(sec + PE_SEC_VSIZE, vsize);
	put_le32(sec + PE_SEC_VADDR, setup_size);
	put_le32(sec + PE_SEC_RAW_SIZE, raw);
	put_le32(sec + PE_SEC_RAW_PTR, setup_size);
	put_le32(pe + PE_OPT_SIZE_OF_CODE, raw);
	put_le32(pe + PE_OPT_BASE_OF_CODE, setup_size);
	put_le32(pe + PE_OPT_ENTRY, get_le32(pe + PE_OPT_ENTRY) + setup_size);
	put_le32(pe + PE_OPT_SIZE_OF_HEADERS, setup_size);
	put_le32(pe + PE_OPT_SIZE_OF_IMAGE, align_up(setup_size + vsize, align));
}

static void write_file(const char *name, const u8 *buf, size_t len)
{
	FILE *f = fopen(name, "wb");

	if (!f)
		die("%s: %s", name, strerror(errno));
	if (fwrite(buf, 1, len, f) != len || fclose(f) != 0) {
		unlink(name);
		die("%s: write error", name);
	}
}

int main(int argc, char **argv)
{
	size_t setup_len, zo_len, setup_size, sys_size, total;
	unsigned int sectors;
	u8 *setup, *zo, *image;
	u32 crc;

	if (argc != 4) {
		fprintf(stderr, "usage: build SETUP_BIN ZO_BIN OUT\n");
		return 1;
	}
	setup = read_file(argv[1], &setup_len);
	zo = read_file(argv[2], &zo_len);
	check_setup(argv[1], setup, setup_len);
	if (zo_len == 0)
		die("%s: empty file", argv[2]);
	check_payload(setup, zo, zo_len);

	sectors = (setup_len + SECTOR_SIZE - 1) / SECTOR_SIZE;
	if (sectors < 1 + MIN_SETUP_SECTS)
		sectors = 1 + MIN_SETUP_SECTS;
	if (sectors - 1 > MAX_SETUP_SECTS)
		die("%s: setup needs %u sectors after the boot sector, "
		    "more than the %d boot loaders accept", argv[1],
		    sectors - 1, MAX_SETUP_SECTS);
	setup_size = (size_t)sectors * SECTOR_SIZE;
	sys_size = (zo_len + CRC_LEN + PARAGRAPH - 1) / PARAGRAPH;
	if (sys_size > UINT32_MAX)
		die("%s: too large", argv[2]);
	total = setup_size + sys_size * PARAGRAPH;

	image = calloc(total, 1);
	if (!image)
		die("out of memory");
	memcpy(image, setup, setup_len);
	memcpy(image + setup_size, zo, zo_len);
	image[HDR_OFF(setup_sects)] = sectors - 1;
	put_le32(image + HDR_OFF(syssize), sys_size);
	fill_pe_header(image, setup_size, total);

	crc = crc32(0, image, total - CRC_LEN);
	put_le32(image + total - CRC_LEN, crc);
	write_file(argv[3], image, total);

	printf("Setup is %zu bytes (padded to %zu bytes).\n",
	       setup_len, setup_size);
	printf("System is %zu kB\n", (sys_size * PARAGRAPH + 1023) / 1024);
	printf("CRC %08x\n", crc);
	printf("Kernel: %s is ready\n", argv[3]);
	free(image);
	free(zo);
	free(setup);
	return 0;
}
