/*
 * The zero page (struct boot_params) and the setup header, as laid out by
 * the Linux x86 boot protocol 2.15 (Documentation/arch/x86/boot.rst and
 * zero-page.rst). Every offset below is fixed by that protocol: loaders
 * read and write these bytes, so the build checks them with static asserts.
 */
#ifndef _ASM_X86_BOOTPARAM_H
#define _ASM_X86_BOOTPARAM_H


/* loadflags (boot protocol, "loadflags") */
#define LOADED_HIGH	(1 << 0)
#define KASLR_FLAG	(1 << 1)
#define QUIET_FLAG	(1 << 5)
#define KEEP_SEGMENTS	(1 << 6)
#define CAN_USE_HEAP	(1 << 7)

/* xloadflags (protocol 2.12+) */
#define XLF_KERNEL_64			(1 << 0)
#define XLF_CAN_BE_LOADED_ABOVE_4G	(1 << 1)
#define XLF_EFI_HANDOVER_32		(1 << 2)
#define XLF_EFI_HANDOVER_64		(1 << 3)
#define XLF_EFI_KEXEC			(1 << 4)
#define XLF_5LEVEL			(1 << 5)
#define XLF_5LEVEL_ENABLED		(1 << 6)

#define SETUP_HEADER_MAGIC	0x53726448	/* "HdrS" */
#define BOOT_FLAG		0xAA55
#define BOOT_PROTOCOL_VERSION	0x020F
#define SETUP_SIGNATURE		0x5a5aaa55	/* end of the setup code */

/* Offsets of the setup header inside the image and the zero page. */
#define SETUP_HEADER_OFFSET	0x1f1
#define SETUP_JUMP_OFFSET	0x200

/* Boot-protocol default: the legacy command line limit of 2.06+ loaders. */
#define COMMAND_LINE_SIZE	2048

/* Old (pre-2.02) command line protocol: magic at 0x20 of the zero page. */
#define OLD_CL_MAGIC		0xA33F

/* Zero-page offsets used from assembly (checked against the struct below). */
#define BP_ext_cmd_line_ptr	0x0c8
#define BP_scratch		0x1e4
#define BP_loadflags		0x211
#define BP_cmd_line_ptr		0x228
#define BP_kernel_alignment	0x230
#define BP_init_size		0x260

#ifndef __ASSEMBLY__

#include <linux/types.h>

struct setup_header {
	u8 setup_sects;			/* 0x1f1 */
	u16 root_flags;			/* 0x1f2 */
	u32 syssize;			/* 0x1f4 */
	u16 ram_size;			/* 0x1f8 */
	u16 vid_mode;			/* 0x1fa */
	u16 root_dev;			/* 0x1fc */
	u16 boot_flag;			/* 0x1fe */
	u16 jump;			/* 0x200 */
	u32 header;			/* 0x202 */
	u16 version;			/* 0x206 */
	u32 realmode_swtch;		/* 0x208 */
	u16 start_sys_seg;		/* 0x20c */
	u16 kernel_version;		/* 0x20e */
	u8 type_of_loader;		/* 0x210 */
	u8 loadflags;			/* 0x211 */
	u16 setup_move_size;		/* 0x212 */
	u32 code32_start;		/* 0x214 */
	u32 ramdisk_image;		/* 0x218 */
	u32 ramdisk_size;		/* 0x21c */
	u32 bootsect_kludge;		/* 0x220 */
	u16 heap_end_ptr;		/* 0x224 */
	u8 ext_loader_ver;		/* 0x226 */
	u8 ext_loader_type;		/* 0x227 */
	u32 cmd_line_ptr;		/* 0x228 */
	u32 initrd_addr_max;		/* 0x22c */
	u32 kernel_alignment;		/* 0x230 */
	u8 relocatable_kernel;		/* 0x234 */
	u8 min_alignment;		/* 0x235 */
	u16 xloadflags;			/* 0x236 */
	u32 cmdline_size;		/* 0x238 */
	u32 hardware_subarch;		/* 0x23c */
	u64 hardware_subarch_data;	/* 0x240 */
	u32 payload_offset;		/* 0x248 */
	u32 payload_length;		/* 0x24c */
	u64 setup_data;			/* 0x250 */
	u64 pref_address;		/* 0x258 */
	u32 init_size;			/* 0x260 */
	u32 handover_offset;		/* 0x264 */
	u32 kernel_info_offset;		/* 0x268 */
} __attribute__((packed));

/* The text-mode screen the BIOS left us (zero-page.rst, 0x000). */
struct screen_info {
	u8 orig_x;			/* 0x00 */
	u8 orig_y;			/* 0x01 */
	u16 ext_mem_k;			/* 0x02 */
	u16 orig_video_page;		/* 0x04 */
	u8 orig_video_mode;		/* 0x06 */
	u8 orig_video_cols;		/* 0x07 */
	u8 flags;			/* 0x08 */
	u8 unused2;			/* 0x09 */
	u16 orig_video_ega_bx;		/* 0x0a */
	u16 unused3;			/* 0x0c */
	u8 orig_video_lines;		/* 0x0e */
	u8 orig_video_isVGA;		/* 0x0f */
	u16 orig_video_points;		/* 0x10 */
	u8 rest[0x40 - 0x12];		/* linear frame buffer fields, unused */
} __attribute__((packed));

/* One BIOS int 15h/E820h record (ACPI "address range descriptor"). */
struct boot_e820_entry {
	u64 addr;
	u64 size;
	u32 type;
} __attribute__((packed));

/*
 * A node of the loader's setup_data list (boot.rst, "Details of header
 * fields": setup_data), physical addresses, 0 ends it.
 */
struct setup_data {
	u64 next;
	u32 type;
	u32 len;
	u8 data[];
} __attribute__((packed));

#define E820_MAX_ENTRIES_ZEROPAGE	128

#define E820_TYPE_RAM		1
#define E820_TYPE_RESERVED	2
#define E820_TYPE_ACPI		3
#define E820_TYPE_NVS		4
#define E820_TYPE_UNUSABLE	5
#define E820_TYPE_PMEM		7

struct efi_info {
	u32 efi_loader_signature;
	u32 efi_systab;
	u32 efi_memdesc_size;
	u32 efi_memdesc_version;
	u32 efi_memmap;
	u32 efi_memmap_size;
	u32 efi_systab_hi;
	u32 efi_memmap_hi;
} __attribute__((packed));

struct boot_params {
	struct screen_info screen_info;		/* 0x000 */
	u8 apm_bios_info[0x14];			/* 0x040 */
	u8 _pad2[4];				/* 0x054 */
	u64 tboot_addr;				/* 0x058 */
	u8 ist_info[0x10];			/* 0x060 */
	u64 acpi_rsdp_addr;			/* 0x070 */
	u8 _pad3[8];				/* 0x078 */
	u8 hd0_info[16];			/* 0x080 */
	u8 hd1_info[16];			/* 0x090 */
	u8 sys_desc_table[0x10];		/* 0x0a0 */
	u8 olpc_ofw_header[0x10];		/* 0x0b0 */
	u32 ext_ramdisk_image;			/* 0x0c0 */
	u32 ext_ramdisk_size;			/* 0x0c4 */
	u32 ext_cmd_line_ptr;			/* 0x0c8 */
	u8 _pad4[112];				/* 0x0cc */
	u32 cc_blob_address;			/* 0x13c */
	u8 edid_info[0x80];			/* 0x140 */
	struct efi_info efi_info;		/* 0x1c0 */
	u32 alt_mem_k;				/* 0x1e0 */
	u32 scratch;				/* 0x1e4 */
	u8 e820_entries;			/* 0x1e8 */
	u8 eddbuf_entries;			/* 0x1e9 */
	u8 edd_mbr_sig_buf_entries;		/* 0x1ea */
	u8 kbd_status;				/* 0x1eb */
	u8 secure_boot;				/* 0x1ec */
	u8 _pad5[2];				/* 0x1ed */
	u8 sentinel;				/* 0x1ef */
	u8 _pad6[1];				/* 0x1f0 */
	struct setup_header hdr;		/* 0x1f1 */
	u8 _pad7[0x290 - 0x1f1 - sizeof(struct setup_header)];
	u32 edd_mbr_sig_buffer[16];		/* 0x290 */
	struct boot_e820_entry e820_table[E820_MAX_ENTRIES_ZEROPAGE]; /* 0x2d0 */
	u8 _pad8[48];				/* 0xcd0 */
	u8 eddbuf[6 * 82];			/* 0xd00 */
	u8 _pad9[276];				/* 0xeec */
} __attribute__((packed));

_Static_assert(sizeof(struct setup_header) == 0x26c - 0x1f1, "setup_header size");
_Static_assert(sizeof(struct screen_info) == 0x40, "screen_info size");
_Static_assert(sizeof(struct boot_e820_entry) == 20, "e820 entry size");
_Static_assert(offsetof(struct boot_params, ext_ramdisk_image) == 0x0c0, "ext_ramdisk_image");
_Static_assert(offsetof(struct boot_params, efi_info) == 0x1c0, "efi_info");
_Static_assert(offsetof(struct boot_params, scratch) == 0x1e4, "scratch");
_Static_assert(offsetof(struct boot_params, e820_entries) == 0x1e8, "e820_entries");
_Static_assert(offsetof(struct boot_params, sentinel) == 0x1ef, "sentinel");
_Static_assert(offsetof(struct boot_params, hdr) == SETUP_HEADER_OFFSET, "hdr");
_Static_assert(offsetof(struct boot_params, hdr.jump) == SETUP_JUMP_OFFSET, "jump");
_Static_assert(offsetof(struct boot_params, hdr.kernel_info_offset) == 0x268, "kernel_info_offset");
_Static_assert(offsetof(struct boot_params, e820_table) == 0x2d0, "e820_table");
_Static_assert(offsetof(struct boot_params, eddbuf) == 0xd00, "eddbuf");
_Static_assert(sizeof(struct boot_params) == 4096, "boot_params is one page");
_Static_assert(offsetof(struct boot_params, scratch) == BP_scratch, "BP_scratch");
_Static_assert(offsetof(struct boot_params, hdr.loadflags) == BP_loadflags, "BP_loadflags");
_Static_assert(offsetof(struct boot_params, hdr.kernel_alignment) == BP_kernel_alignment,
	       "BP_kernel_alignment");
_Static_assert(offsetof(struct boot_params, ext_cmd_line_ptr) == BP_ext_cmd_line_ptr,
	       "BP_ext_cmd_line_ptr");
_Static_assert(offsetof(struct boot_params, hdr.cmd_line_ptr) == BP_cmd_line_ptr,
	       "BP_cmd_line_ptr");
_Static_assert(offsetof(struct boot_params, hdr.init_size) == BP_init_size, "BP_init_size");

#endif /* __ASSEMBLY__ */

#endif
