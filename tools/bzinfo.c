/*
 * bzinfo - show and check the setup header of a bzImage.
 *
 * Meant to be read side by side with the boot protocol document
 * (Documentation/arch/x86/boot.rst, "The Real-Mode Kernel Header"): it
 * lists every struct setup_header member under its own name with its
 * offset, raw value and what the value means, so a header bug shows up as
 * a line that disagrees with the document rather than as a hung loader.
 * Offsets and sizes come from asm/bootparam.h via offsetof/sizeof; nothing
 * here repeats them.
 *
 * It also checks the rules tools/build follows when it writes the image
 * (see the layout comment there): the file is setup_size + syssize * 16
 * bytes and its last four bytes are the CRC-32 of everything before them.
 *
 * An image that starts with "MZ" is also a PE/COFF image for UEFI
 * firmware (boot/header.S): its PE header is shown and checked against the
 * rules of the PE/COFF specification a UEFI loader applies, and against the
 * bzImage layout (headers = the setup, one section = the rest).
 *
 * Usage: bzinfo [--check | --field NAME] BZIMAGE
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/crc32.h>
#include <asm/bootparam.h>

#include "pe.h"
#include "util.h"

#define SECTOR_SIZE		512
#define MAX_SETUP_SECTS		64
#define PARAGRAPH		16
#define CRC_LEN			4
#define HDR_END			(SETUP_HEADER_OFFSET + \
				 sizeof(struct setup_header))
#define KERNEL_VERSION_BASE	SETUP_JUMP_OFFSET
#define CODE32_START		0x100000

struct image {
	const char *name;
	const u8 *buf;
	size_t size;
};

struct field {
	const char *name;
	size_t off;		/* in the file, i.e. in struct boot_params */
	size_t size;
	void (*explain)(const struct image *img, u64 val, char *out,
			size_t len);
};

const char *const prog = "bzinfo";

#define HDR(img, field)						\
	get_le((img)->buf + SETUP_HEADER_OFFSET +			\
	       offsetof(struct setup_header, field),			\
	       sizeof(((struct setup_header *)0)->field))

/* setup_sects == 0 means 4 (boot protocol, "setup_sects"). */
static u64 setup_size(const struct image *img)
{
	u64 sects = HDR(img, setup_sects);

	return ((sects ? sects : 4) + 1) * SECTOR_SIZE;
}

static u64 payload_file_offset(const struct image *img)
{
	return setup_size(img) + HDR(img, payload_offset);
}

/* "2 MiB", "64 KiB", or bytes with a rounded figure when not exact. */
static void human(u64 v, char *out, size_t len)
{
	if (v >= 1 << 20 && !(v & ((1 << 20) - 1)))
		snprintf(out, len, "%llu MiB", (unsigned long long)v >> 20);
	else if (v >= 1 << 10 && !(v & ((1 << 10) - 1)))
		snprintf(out, len, "%llu KiB", (unsigned long long)v >> 10);
	else if (v >= 1 << 20)
		snprintf(out, len, "%llu bytes = %.2f MiB",
			 (unsigned long long)v, v / 1048576.0);
	else if (v >= 1 << 10)
		snprintf(out, len, "%llu bytes = %.2f KiB",
			 (unsigned long long)v, v / 1024.0);
	else
		snprintf(out, len, "%llu bytes", (unsigned long long)v);
}

struct flag_name {
	u64 bit;
	const char *name;
};

static void flag_names(const struct flag_name *names, u64 val, char *out,
		       size_t len)
{
	size_t used = 0;

	out[0] = '\0';
	for (; names->name; names++) {
		if (!(val & names->bit))
			continue;
		used += snprintf(out + used, len - used, "%s%s",
				 used ? " | " : "", names->name);
		val &= ~names->bit;
		if (used >= len)
			return;
	}
	if (val)
		snprintf(out + used, len - used, "%sunknown 0x%llx",
			 used ? " | " : "", (unsigned long long)val);
	else if (!used)
		snprintf(out, len, "none");
}

static void explain_setup_sects(const struct image *img, u64 val, char *out,
				size_t len)
{
	snprintf(out, len, "%s%llu sectors + boot sector = %llu bytes of setup",
		 val ? "" : "0 means 4: ", (unsigned long long)(val ? val : 4),
		 (unsigned long long)setup_size(img));
}

static void explain_root_flags(const struct image *img, u64 val, char *out,
			       size_t len)
{
	(void)img;
	snprintf(out, len, "root mounted %s", val ? "read-only" : "read-write");
}

static void explain_syssize(const struct image *img, u64 val, char *out,
			    size_t len)
{
	(void)img;
	snprintf(out, len, "%llu bytes of protected-mode kernel (x16)",
		 (unsigned long long)val * PARAGRAPH);
}

static void explain_obsolete(const struct image *img, u64 val, char *out,
			     size_t len)
{
	(void)img;
	(void)val;
	snprintf(out, len, "obsolete");
}

static void explain_by_loader(const struct image *img, u64 val, char *out,
			      size_t len)
{
	(void)img;
	snprintf(out, len, "%swritten by the boot loader",
		 val ? "" : "unset, ");
}

static void explain_vid_mode(const struct image *img, u64 val, char *out,
			     size_t len)
{
	(void)img;
	if (val == 0xffff)
		snprintf(out, len, "\"normal\": keep the BIOS text mode");
	else if (val == 0xfffe)
		snprintf(out, len, "\"ext\": 80x50");
	else if (val == 0xfffd)
		snprintf(out, len, "\"ask\": prompt the user");
	else
		snprintf(out, len, "video mode %llu", (unsigned long long)val);
}

static void explain_root_dev(const struct image *img, u64 val, char *out,
			     size_t len)
{
	(void)img;
	if (!val)
		snprintf(out, len, "none, the command line's root= decides");
	else
		snprintf(out, len, "major %llu minor %llu",
			 (unsigned long long)val >> 8,
			 (unsigned long long)val & 0xff);
}

static void explain_boot_flag(const struct image *img, u64 val, char *out,
			      size_t len)
{
	(void)img;
	snprintf(out, len, val == BOOT_FLAG ? "ok" : "BAD, expected 0xaa55");
}

/* "0xEB followed by a signed offset relative to byte 0x202". */
static void explain_jump(const struct image *img, u64 val, char *out,
			 size_t len)
{
	(void)img;
	if ((val & 0xff) == 0xeb)
		snprintf(out, len, "jmp short 0x%x (end of this header)",
			 SETUP_JUMP_OFFSET + 2 + (s8)(val >> 8));
	else
		snprintf(out, len, "not a short jmp (0xeb)");
}

static void explain_header(const struct image *img, u64 val, char *out,
			   size_t len)
{
	(void)img;
	snprintf(out, len, "\"%c%c%c%c\"", (int)(val & 0xff),
		 (int)(val >> 8 & 0xff), (int)(val >> 16 & 0xff),
		 (int)(val >> 24 & 0xff));
}

static void explain_version(const struct image *img, u64 val, char *out,
			    size_t len)
{
	(void)img;
	snprintf(out, len, "protocol %llu.%02llu",
		 (unsigned long long)val >> 8, (unsigned long long)val & 0xff);
}

/* The string kernel_version points at, or NULL if it is not a sane one. */
static const char *kernel_version(const struct image *img)
{
	u64 start = KERNEL_VERSION_BASE + HDR(img, kernel_version);
	u64 end = setup_size(img) < img->size ? setup_size(img) : img->size;
	u64 i;

	if (!HDR(img, kernel_version) || start >= end)
		return NULL;
	for (i = start; i < end && img->buf[i]; i++)
		if (img->buf[i] < 0x20 || img->buf[i] > 0x7e)
			return NULL;
	if (i == end || i == start)
		return NULL;
	return (const char *)img->buf + start;
}

static void explain_kernel_version(const struct image *img, u64 val,
				   char *out, size_t len)
{
	const char *s = kernel_version(img);

	if (s)
		snprintf(out, len, "at 0x%llx: \"%s\"",
			 (unsigned long long)val + KERNEL_VERSION_BASE, s);
	else
		snprintf(out, len, "no printable string at 0x%llx",
			 (unsigned long long)val + KERNEL_VERSION_BASE);
}

/* Boot protocol, "type_of_loader": assigned boot loader ids. */
static const char *loader_name(unsigned int type)
{
	static const char *const names[] = {
		[0x0] = "LILO",
		[0x1] = "Loadlin",
		[0x2] = "bootsect-loader",
		[0x3] = "SYSLINUX",
		[0x4] = "Etherboot/gPXE/iPXE",
		[0x5] = "ELILO",
		[0x7] = "GRUB",
		[0x8] = "U-Boot",
		[0x9] = "Xen",
		[0xa] = "Gujin",
		[0xb] = "QEMU",
		[0xc] = "Arcturus Networks uCbootloader",
		[0xd] = "kexec-tools",
		[0xf] = "special",
		[0x10] = "reserved",
		[0x11] = "Minimal Linux Bootloader",
		[0x12] = "OVMF UEFI virtualization stack",
		[0x13] = "barebox",
	};

	if (type < sizeof(names) / sizeof(names[0]) && names[type])
		return names[type];
	return "unassigned id";
}

static void explain_type_of_loader(const struct image *img, u64 val,
				   char *out, size_t len)
{
	unsigned int type = val >> 4, ver = val & 0xf;

	if (val == 0) {
		snprintf(out, len, "unset; the loader writes its id here");
		return;
	}
	if (val == 0xff) {
		snprintf(out, len, "undefined loader");
		return;
	}
	if (type == 0xe) {
		type = HDR(img, ext_loader_type) + 0x10;
		ver |= HDR(img, ext_loader_ver) << 4;
	}
	snprintf(out, len, "%s (id 0x%x), version %u", loader_name(type),
		 type, ver);
}

static void explain_loadflags(const struct image *img, u64 val, char *out,
			      size_t len)
{
	static const struct flag_name names[] = {
		{ LOADED_HIGH, "LOADED_HIGH" },
		{ KASLR_FLAG, "KASLR_FLAG" },
		{ QUIET_FLAG, "QUIET_FLAG" },
		{ KEEP_SEGMENTS, "KEEP_SEGMENTS" },
		{ CAN_USE_HEAP, "CAN_USE_HEAP" },
		{ 0, NULL }
	};

	(void)img;
	flag_names(names, val, out, len);
}

static void explain_xloadflags(const struct image *img, u64 val, char *out,
			       size_t len)
{
	static const struct flag_name names[] = {
		{ XLF_KERNEL_64, "XLF_KERNEL_64" },
		{ XLF_CAN_BE_LOADED_ABOVE_4G, "XLF_CAN_BE_LOADED_ABOVE_4G" },
		{ XLF_EFI_HANDOVER_32, "XLF_EFI_HANDOVER_32" },
		{ XLF_EFI_HANDOVER_64, "XLF_EFI_HANDOVER_64" },
		{ XLF_EFI_KEXEC, "XLF_EFI_KEXEC" },
		{ XLF_5LEVEL, "XLF_5LEVEL" },
		{ XLF_5LEVEL_ENABLED, "XLF_5LEVEL_ENABLED" },
		{ 0, NULL }
	};

	(void)img;
	flag_names(names, val, out, len);
}

static void explain_address(const struct image *img, u64 val, char *out,
			    size_t len)
{
	char size[64];

	(void)img;
	human(val, size, sizeof(size));
	snprintf(out, len, "at %s", size);
}

/* The highest address the initrd may occupy, so the limit is val + 1. */
static void explain_initrd_addr_max(const struct image *img, u64 val,
				    char *out, size_t len)
{
	char size[64];

	(void)img;
	human(val + 1, size, sizeof(size));
	snprintf(out, len, "initrd must end below %s", size);
}

static void explain_cmdline_size(const struct image *img, u64 val,
				 char *out, size_t len)
{
	(void)img;
	snprintf(out, len, "command line of up to %llu bytes + NUL",
		 (unsigned long long)val);
}

static void explain_size(const struct image *img, u64 val, char *out,
			 size_t len)
{
	(void)img;
	human(val, out, len);
}

static void explain_relocatable(const struct image *img, u64 val, char *out,
				size_t len)
{
	(void)img;
	snprintf(out, len, val == 0 ? "no" : val == 1 ? "yes" : "BAD, not 0/1");
}

static void explain_min_alignment(const struct image *img, u64 val,
				  char *out, size_t len)
{
	char size[64];

	(void)img;
	if (val >= 64) {
		snprintf(out, len, "BAD, 2^%llu", (unsigned long long)val);
		return;
	}
	human(1ULL << val, size, sizeof(size));
	snprintf(out, len, "2^%llu = %s", (unsigned long long)val, size);
}

static void explain_subarch(const struct image *img, u64 val, char *out,
			    size_t len)
{
	static const char *const names[] = {
		"PC", "lguest", "Xen", "Intel MID", "CE4100"
	};

	(void)img;
	snprintf(out, len, "%s", val < sizeof(names) / sizeof(names[0]) ?
		 names[val] : "unknown");
}

/* What the bytes at the payload are, judged by their magic number. */
static const char *payload_kind(const struct image *img)
{
	u64 off = payload_file_offset(img);
	const u8 *p = img->buf + off;

	if (off + 4 > img->size)
		return NULL;
	if (p[0] == 0x1f && p[1] == 0x8b && p[2] == 0x08)
		return "gzip";
	if (p[0] == 0x7f && p[1] == 'E' && p[2] == 'L' && p[3] == 'F')
		return "ELF (uncompressed)";
	return NULL;
}

static void explain_payload_offset(const struct image *img, u64 val,
				   char *out, size_t len)
{
	const char *kind = payload_kind(img);

	(void)val;
	snprintf(out, len, "file offset 0x%llx: %s",
		 (unsigned long long)payload_file_offset(img),
		 kind ? kind : "unknown magic");
}

static void explain_offset(const struct image *img, u64 val, char *out,
			   size_t len)
{
	(void)img;
	snprintf(out, len, val ? "from the protected-mode start" : "none");
}

#define FIELD(member, fn) {						\
	#member,							\
	SETUP_HEADER_OFFSET + offsetof(struct setup_header, member),	\
	sizeof(((struct setup_header *)0)->member),			\
	fn								\
}

static const struct field fields[] = {
	FIELD(setup_sects, explain_setup_sects),
	FIELD(root_flags, explain_root_flags),
	FIELD(syssize, explain_syssize),
	FIELD(ram_size, explain_obsolete),
	FIELD(vid_mode, explain_vid_mode),
	FIELD(root_dev, explain_root_dev),
	FIELD(boot_flag, explain_boot_flag),
	FIELD(jump, explain_jump),
	FIELD(header, explain_header),
	FIELD(version, explain_version),
	FIELD(realmode_swtch, explain_by_loader),
	FIELD(start_sys_seg, explain_obsolete),
	FIELD(kernel_version, explain_kernel_version),
	FIELD(type_of_loader, explain_type_of_loader),
	FIELD(loadflags, explain_loadflags),
	FIELD(setup_move_size, explain_by_loader),
	FIELD(code32_start, explain_address),
	FIELD(ramdisk_image, explain_by_loader),
	FIELD(ramdisk_size, explain_by_loader),
	FIELD(bootsect_kludge, explain_obsolete),
	FIELD(heap_end_ptr, explain_by_loader),
	FIELD(ext_loader_ver, explain_by_loader),
	FIELD(ext_loader_type, explain_by_loader),
	FIELD(cmd_line_ptr, explain_by_loader),
	FIELD(initrd_addr_max, explain_initrd_addr_max),
	FIELD(kernel_alignment, explain_size),
	FIELD(relocatable_kernel, explain_relocatable),
	FIELD(min_alignment, explain_min_alignment),
	FIELD(xloadflags, explain_xloadflags),
	FIELD(cmdline_size, explain_cmdline_size),
	FIELD(hardware_subarch, explain_subarch),
	FIELD(hardware_subarch_data, explain_by_loader),
	FIELD(payload_offset, explain_payload_offset),
	FIELD(payload_length, explain_size),
	FIELD(setup_data, explain_by_loader),
	FIELD(pref_address, explain_address),
	FIELD(init_size, explain_size),
	FIELD(handover_offset, explain_offset),
	FIELD(kernel_info_offset, explain_offset),
};

#define NR_FIELDS	(sizeof(fields) / sizeof(fields[0]))

static u64 field_value(const struct image *img, const struct field *f)
{
	return get_le(img->buf + f->off, f->size);
}

static bool crc_ok(const struct image *img, u32 *stored, u32 *computed)
{
	*computed = crc32(0, img->buf, img->size - CRC_LEN);
	*stored = get_le(img->buf + img->size - CRC_LEN, CRC_LEN);
	return *stored == *computed;
}

/*
 * The size the payload inflates to: gzip's ISIZE (RFC 1952 section 2.3.1)
 * in its last four bytes, or the payload itself when it is not compressed.
 * Zero when the payload is not where the header says.
 */
static u64 payload_output_len(const struct image *img)
{
	u64 off = payload_file_offset(img), len = HDR(img, payload_length);
	const char *kind = payload_kind(img);

	if (!kind || len < 4 || off + len > img->size)
		return 0;
	if (kind[0] == 'g')
		return get_le32(img->buf + off + len - 4);
	return len;
}

static void print_fields(const struct image *img)
{
	char meaning[256];
	size_t i;

	printf("%-6s %-22s %-4s %-18s %s\n", "Offset", "Field", "Size",
	       "Value", "Meaning");
	for (i = 0; i < NR_FIELDS; i++) {
		const struct field *f = &fields[i];
		u64 val = field_value(img, f);

		f->explain(img, val, meaning, sizeof(meaning));
		printf("0x%03zx  %-22s %-4zu 0x%0*llx%*s %s\n", f->off,
		       f->name, f->size, (int)f->size * 2,
		       (unsigned long long)val, (int)(16 - f->size * 2), "",
		       meaning);
	}
}

/* The PE header, or NULL when the image has none or it lies outside. */
static const u8 *pe_header(const struct image *img)
{
	u64 lfanew;

	if (img->size < PE_LFANEW + 4 || get_le16(img->buf) != MZ_MAGIC)
		return NULL;
	lfanew = get_le32(img->buf + PE_LFANEW);
	if (lfanew + PE_OPT + PE_OPT_FIXED_SIZE > img->size)
		return NULL;
	return img->buf + lfanew;
}

static const u8 *pe_sections(const struct image *img, const u8 *pe,
			     unsigned int *n)
{
	const u8 *sec = pe + PE_OPT + get_le16(pe + PE_COFF_OPT_SIZE);

	*n = get_le16(pe + PE_COFF_NSECTIONS);
	if (sec + (u64)*n * PE_SEC_SIZE > img->buf + img->size)
		*n = 0;
	return sec;
}

static void print_pe(const struct image *img)
{
	const u8 *pe = pe_header(img), *sec;
	unsigned int i, n;

	if (!pe) {
		printf("%-29s none\n", "PE/COFF header");
		return;
	}
	printf("%-29s at 0x%x: machine 0x%04x, magic 0x%03x, subsystem %u\n",
	       "PE/COFF header", get_le32(img->buf + PE_LFANEW),
	       get_le16(pe + PE_COFF_MACHINE), get_le16(pe + PE_OPT_MAGIC),
	       get_le16(pe + PE_OPT_SUBSYSTEM));
	printf("%-29s entry 0x%x, SizeOfImage 0x%x, SizeOfHeaders 0x%x, "
	       "alignment 0x%x/0x%x\n", "",
	       get_le32(pe + PE_OPT_ENTRY), get_le32(pe + PE_OPT_SIZE_OF_IMAGE),
	       get_le32(pe + PE_OPT_SIZE_OF_HEADERS),
	       get_le32(pe + PE_OPT_SECTION_ALIGN),
	       get_le32(pe + PE_OPT_FILE_ALIGN));
	sec = pe_sections(img, pe, &n);
	for (i = 0; i < n; i++, sec += PE_SEC_SIZE)
		printf("%-29s %.8s: memory 0x%x+0x%x, file 0x%x+0x%x\n", "",
		       (const char *)sec, get_le32(sec + PE_SEC_VADDR),
		       get_le32(sec + PE_SEC_VSIZE), get_le32(sec + PE_SEC_RAW_PTR),
		       get_le32(sec + PE_SEC_RAW_SIZE));
}

static void print_summary(const struct image *img)
{
	u64 expect = setup_size(img) + HDR(img, syssize) * PARAGRAPH;
	u64 olen = payload_output_len(img);
	const char *kind = payload_kind(img);
	u32 stored, computed;
	bool ok = crc_ok(img, &stored, &computed);

	printf("\n");
	printf("%-29s %llu bytes (%s setup_size + syssize * 16 = %llu)\n",
	       "file size", (unsigned long long)img->size,
	       img->size == expect ? "=" : "!=", (unsigned long long)expect);
	printf("%-29s %llu\n", "setup_size",
	       (unsigned long long)setup_size(img));
	printf("%-29s 0x%llx\n", "payload_file_offset",
	       (unsigned long long)payload_file_offset(img));
	if (olen)
		printf("%-29s %s, %llu bytes, inflates to %llu bytes\n",
		       "payload", kind,
		       (unsigned long long)HDR(img, payload_length),
		       (unsigned long long)olen);
	else
		printf("%-29s not found at payload_file_offset\n", "payload");
	printf("%-29s stored 0x%08x, computed 0x%08x: %s\n", "CRC-32 trailer",
	       stored, computed, ok ? "CRC ok" : "CRC BAD");
	print_pe(img);
}

static int problems;

static void __attribute__((format(printf, 2, 3)))
problem(const struct image *img, const char *fmt, ...)
{
	va_list ap;

	printf("%s: ", img->name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	problems++;
}

static void check_jump(const struct image *img)
{
	const u8 *j = img->buf + SETUP_JUMP_OFFSET;
	u64 target = SETUP_JUMP_OFFSET + 2 + (s8)j[1];

	if (j[0] != 0xeb) {
		problem(img, "jump at 0x%x is %02x %02x, not a short jmp (eb)",
			SETUP_JUMP_OFFSET, j[0], j[1]);
		return;
	}
	/* The jump skips the header, so its target is where the header ends. */
	if (target < HDR_END)
		problem(img, "jump target 0x%llx lies inside the 2.15 setup "
			"header (which ends at 0x%zx)",
			(unsigned long long)target, HDR_END);
	else if (target >= setup_size(img))
		problem(img, "jump target 0x%llx lies outside the setup "
			"(%llu bytes)", (unsigned long long)target,
			(unsigned long long)setup_size(img));
}

static bool has_signature(const struct image *img)
{
	u64 end = setup_size(img) < img->size ? setup_size(img) : img->size;
	u64 i;

	for (i = 0; i + 4 <= end; i++)
		if (get_le32(img->buf + i) == SETUP_SIGNATURE)
			return true;
	return false;
}

static void check_layout(const struct image *img)
{
	u64 sects = HDR(img, setup_sects);
	u64 expect = setup_size(img) + HDR(img, syssize) * PARAGRAPH;
	u32 stored, computed;

	if (sects < 1 || sects > MAX_SETUP_SECTS)
		problem(img, "setup_sects %llu out of range 1..%d",
			(unsigned long long)sects, MAX_SETUP_SECTS);
	if (!has_signature(img))
		problem(img, "setup signature 0x%08x not found in the setup",
			SETUP_SIGNATURE);
	if (img->size != expect)
		problem(img, "file size %zu != setup_size %llu + syssize * 16 "
			"%llu", img->size, (unsigned long long)setup_size(img),
			(unsigned long long)HDR(img, syssize) * PARAGRAPH);
	if (!crc_ok(img, &stored, &computed))
		problem(img, "CRC BAD: trailer says 0x%08x, bytes give 0x%08x",
			stored, computed);
}

static void check_payload(const struct image *img)
{
	u64 off = payload_file_offset(img), len = HDR(img, payload_length);
	u64 olen = payload_output_len(img);

	if (off + len > img->size || HDR(img, payload_offset) + len >
	    HDR(img, syssize) * PARAGRAPH) {
		problem(img, "payload (file offset 0x%llx, %llu bytes) extends "
			"past the end of the image",
			(unsigned long long)off, (unsigned long long)len);
		return;
	}
	if (!payload_kind(img)) {
		problem(img, "payload at file offset 0x%llx has no gzip or ELF "
			"magic", (unsigned long long)off);
		return;
	}
	if (HDR(img, init_size) == 0)
		problem(img, "init_size is 0");
	else if (HDR(img, init_size) < olen)
		problem(img, "init_size %llu is smaller than the decompressed "
			"payload (%llu bytes)",
			(unsigned long long)HDR(img, init_size),
			(unsigned long long)olen);
}

static void check_alignment(const struct image *img)
{
	u64 align = HDR(img, kernel_alignment), min = HDR(img, min_alignment);
	unsigned int log2 = 0;

	if (!align || (align & (align - 1))) {
		problem(img, "kernel_alignment 0x%llx is not a power of two",
			(unsigned long long)align);
		return;
	}
	while ((1ULL << log2) < align)
		log2++;
	if (min > log2)
		problem(img, "min_alignment %llu exceeds log2(kernel_alignment)"
			" = %u", (unsigned long long)min, log2);
}

static void check_fields(const struct image *img)
{
	if (HDR(img, boot_flag) != BOOT_FLAG)
		problem(img, "boot_flag is 0x%04llx, expected 0xaa55",
			(unsigned long long)HDR(img, boot_flag));
	if (HDR(img, version) < BOOT_PROTOCOL_VERSION)
		problem(img, "version %llu.%02llu is older than 2.15",
			(unsigned long long)HDR(img, version) >> 8,
			(unsigned long long)HDR(img, version) & 0xff);
	if (!(HDR(img, loadflags) & LOADED_HIGH))
		problem(img, "loadflags lacks LOADED_HIGH (not a bzImage)");
	if (HDR(img, cmdline_size) == 0)
		problem(img, "cmdline_size is 0");
	if (HDR(img, relocatable_kernel) > 1)
		problem(img, "relocatable_kernel is %llu, not 0 or 1",
			(unsigned long long)HDR(img, relocatable_kernel));
	if (!(HDR(img, xloadflags) & XLF_KERNEL_64))
		problem(img, "xloadflags lacks XLF_KERNEL_64");
	if (HDR(img, code32_start) != CODE32_START)
		problem(img, "code32_start is 0x%llx, expected 0x%x",
			(unsigned long long)HDR(img, code32_start),
			CODE32_START);
	if ((HDR(img, xloadflags) & XLF_EFI_HANDOVER_64) &&
	    HDR(img, handover_offset) + SETUP_JUMP_OFFSET >= HDR(img, syssize) * PARAGRAPH)
		problem(img, "handover_offset 0x%llx is outside the protected-mode part",
			(unsigned long long)HDR(img, handover_offset));
	if (!kernel_version(img))
		problem(img, "kernel_version 0x%llx does not point at a "
			"printable NUL-terminated string inside the setup",
			(unsigned long long)HDR(img, kernel_version));
}

/*
 * A section's bytes come from inside the file, after the headers, and lie
 * inside SizeOfImage in memory (what a UEFI image loader insists on). The
 * entry point must be in an executable section's file data.
 */
static void check_pe_sections(const struct image *img, const u8 *pe)
{
	u32 headers = get_le32(pe + PE_OPT_SIZE_OF_HEADERS);
	u32 image_size = get_le32(pe + PE_OPT_SIZE_OF_IMAGE);
	u32 entry = get_le32(pe + PE_OPT_ENTRY);
	const u8 *sec;
	bool entry_ok = false;
	unsigned int i, n;
	u64 va, vsize, raw, rawsize;

	sec = pe_sections(img, pe, &n);
	if (!n) {
		problem(img, "PE: no section table inside the file");
		return;
	}
	for (i = 0; i < n; i++, sec += PE_SEC_SIZE) {
		va = get_le32(sec + PE_SEC_VADDR);
		vsize = get_le32(sec + PE_SEC_VSIZE);
		raw = get_le32(sec + PE_SEC_RAW_PTR);
		rawsize = get_le32(sec + PE_SEC_RAW_SIZE);
		if (va < headers || raw < headers)
			problem(img, "PE: section %u overlaps the headers", i);
		if (raw + rawsize > img->size)
			problem(img, "PE: section %u extends past the file", i);
		if (va + (vsize > rawsize ? vsize : rawsize) > image_size)
			problem(img, "PE: section %u extends past SizeOfImage", i);
		if ((get_le32(sec + PE_SEC_FLAGS) & PE_SCN_MEM_EXECUTE) &&
		    entry >= va && entry < va + rawsize)
			entry_ok = true;
	}
	if (!entry_ok)
		problem(img, "PE: AddressOfEntryPoint 0x%x is not in an "
			"executable section's file data", entry);
}

static void check_pe(const struct image *img)
{
	const u8 *pe = pe_header(img);
	u32 salign, falign, dirs;

	if (get_le16(img->buf) != MZ_MAGIC)
		return;
	if (!pe || get_le32(pe) != PE_MAGIC) {
		problem(img, "PE: \"MZ\" but no \"PE\\0\\0\" at e_lfanew");
		return;
	}
	if (get_le16(pe + PE_COFF_MACHINE) != PE_MACHINE_AMD64)
		problem(img, "PE: machine 0x%04x, expected 0x8664 (x86-64)",
			get_le16(pe + PE_COFF_MACHINE));
	if (get_le16(pe + PE_OPT_MAGIC) != PE_OPT_MAGIC_PE32PLUS)
		problem(img, "PE: optional header magic 0x%03x, expected 0x20b "
			"(PE32+)", get_le16(pe + PE_OPT_MAGIC));
	if (get_le16(pe + PE_OPT_SUBSYSTEM) != PE_SUBSYSTEM_EFI_APP)
		problem(img, "PE: subsystem %u, expected 10 (EFI application)",
			get_le16(pe + PE_OPT_SUBSYSTEM));
	dirs = get_le32(pe + PE_OPT_NR_DIRS);
	if (get_le16(pe + PE_COFF_OPT_SIZE) != PE_OPT_FIXED_SIZE + 8 * (u64)dirs)
		problem(img, "PE: SizeOfOptionalHeader %u does not hold %u "
			"data directories", get_le16(pe + PE_COFF_OPT_SIZE), dirs);
	salign = get_le32(pe + PE_OPT_SECTION_ALIGN);
	falign = get_le32(pe + PE_OPT_FILE_ALIGN);
	if (!falign || (falign & (falign - 1)) || falign < 512 ||
	    salign < falign || (salign < 4096 && salign != falign))
		problem(img, "PE: alignments 0x%x (section) / 0x%x (file) break "
			"the PE/COFF rules", salign, falign);
	else if (get_le32(pe + PE_OPT_SIZE_OF_IMAGE) % salign)
		problem(img, "PE: SizeOfImage 0x%x is not a multiple of "
			"SectionAlignment", get_le32(pe + PE_OPT_SIZE_OF_IMAGE));
	if (get_le32(pe + PE_OPT_SIZE_OF_HEADERS) != setup_size(img))
		problem(img, "PE: SizeOfHeaders 0x%x is not the setup's size "
			"0x%llx", get_le32(pe + PE_OPT_SIZE_OF_HEADERS),
			(unsigned long long)setup_size(img));
	check_pe_sections(img, pe);
}

static int check(const struct image *img)
{
	check_fields(img);
	check_jump(img);
	check_layout(img);
	check_payload(img);
	check_alignment(img);
	check_pe(img);
	if (problems) {
		printf("%s: %d problem%s found\n", img->name, problems,
		       problems == 1 ? "" : "s");
		return 1;
	}
	printf("%s: all checks passed\n", img->name);
	return 0;
}

static int print_field(const struct image *img, const char *name)
{
	size_t i;

	if (strcmp(name, "setup_size") == 0) {
		printf("%llu\n", (unsigned long long)setup_size(img));
		return 0;
	}
	if (strcmp(name, "payload_file_offset") == 0) {
		printf("%llu\n", (unsigned long long)payload_file_offset(img));
		return 0;
	}
	for (i = 0; i < NR_FIELDS; i++) {
		if (strcmp(name, fields[i].name) == 0) {
			printf("%llu\n", (unsigned long long)
			       field_value(img, &fields[i]));
			return 0;
		}
	}
	die("unknown field '%s' (use a struct setup_header member, "
	    "setup_size or payload_file_offset)", name);
}

static void load(struct image *img, const char *name)
{
	size_t size;
	u8 *buf;

	buf = read_file(name, &size);
	if (size < HDR_END)
		die("%s: too small to be a bzImage (%lld bytes, the setup "
		    "header alone ends at 0x%zx)", name, (long long)size,
		    HDR_END);

	img->name = name;
	img->buf = buf;
	img->size = size;
	if (get_le32(buf + SETUP_HEADER_OFFSET +
		     offsetof(struct setup_header, header)) !=
	    SETUP_HEADER_MAGIC)
		die("%s: not a bzImage (no HdrS signature at 0x%zx)", name,
		    SETUP_HEADER_OFFSET + offsetof(struct setup_header,
						   header));
}

static void __attribute__((noreturn)) usage(void)
{
	fprintf(stderr, "usage: bzinfo [--check | --field NAME] BZIMAGE\n");
	exit(1);
}

int main(int argc, char **argv)
{
	struct image img;
	int ret = 0;

	if (argc == 2 && argv[1][0] != '-') {
		load(&img, argv[1]);
		printf("%s: %zu bytes\n\n", img.name, img.size);
		print_fields(&img);
		print_summary(&img);
	} else if (argc == 3 && strcmp(argv[1], "--check") == 0) {
		load(&img, argv[2]);
		ret = check(&img);
	} else if (argc == 4 && strcmp(argv[1], "--field") == 0) {
		load(&img, argv[3]);
		ret = print_field(&img, argv[2]);
	} else {
		usage();
	}
	free((void *)img.buf);
	if (fflush(stdout) != 0)
		die("write error: %s", strerror(errno));
	return ret;
}
