/*
 * What the decompressor measured about itself. It writes the record into
 * the kernel image, at the kernel's variable decompress_stats (found by
 * its offset in the kernel's symbol table, compressed/voffset.h), so the
 * kernel can repeat the figures in its log.
 */
#ifndef _LINUX_DECOMPRESS_STATS_H
#define _LINUX_DECOMPRESS_STATS_H

#include <linux/types.h>

#define DECOMPRESS_STATS_VALID	0x5354415a	/* "ZATS": filled in */

/* The decompressor's byte boot_entry: how the boot entered it (0: unset). */
#define BOOT_ENTRY_16		1	/* 16-bit setup */
#define BOOT_ENTRY_32		2	/* 32-bit startup_32 */
#define BOOT_ENTRY_64		3	/* 64-bit startup_64 */
#define BOOT_ENTRY_EFI_STUB	4	/* PE/COFF entry (efi_pe_entry) */
#define BOOT_ENTRY_EFI_HANDOVER	5	/* EFI handover (efi64_stub_entry) */

struct decompress_stats {
	u32 valid;
	u32 tsc_khz;		/* TSC rate measured meanwhile, 0 if unknown */
	u64 in_len;		/* payload bytes read */
	u64 out_len;		/* bytes produced */
	u64 cycles;		/* TSC cycles the decompression took */
	char method[8];		/* "gzip" or "none" */
};

extern struct decompress_stats decompress_stats;

#endif
