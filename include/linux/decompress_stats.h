/*
 * What the decompressor knows about this boot and the kernel cannot see
 * for itself: the entry point the loader used, where the loader put the
 * image, and the decompression's own figures. It writes the record into
 * the kernel image, at the kernel's variable decompress_stats (found by
 * its offset in the kernel's symbol table, compressed/voffset.h), so the
 * kernel can report them in its log.
 */
#ifndef _LINUX_DECOMPRESS_STATS_H
#define _LINUX_DECOMPRESS_STATS_H

/*
 * The doors into the image (boot.rst): the 16-bit setup (which enters
 * startup_32 itself), startup_32, startup_64, the PE/COFF entry and the
 * EFI handover. compressed/ keeps the one used in the byte boot_entry.
 */
#define BOOT_ENTRY_16		1
#define BOOT_ENTRY_32		2
#define BOOT_ENTRY_64		3
#define BOOT_ENTRY_EFI_STUB	4
#define BOOT_ENTRY_EFI_HANDOVER	5

/*
 * boot/pmjump.S leaves this in %edx for startup_32, which tells our own
 * setup from a 32-bit loader by it (boot.rst leaves %edx undefined there).
 */
#define SETUP_ENTRY_MAGIC	0x50555453	/* "STUP" */

#ifndef __ASSEMBLY__
#include <linux/types.h>

#define DECOMPRESS_STATS_VALID	0x5354415a	/* "ZATS": filled in */

struct decompress_stats {
	u32 valid;
	u32 tsc_khz;		/* TSC rate measured meanwhile, 0 if unknown */
	u64 in_len;		/* payload bytes read */
	u64 out_len;		/* bytes produced */
	u64 cycles;		/* TSC cycles the decompression took */
	char method[8];		/* "gzip" or "none" */
	u64 load_addr;		/* where the loader put startup_32 */
	u8 entry;		/* BOOT_ENTRY_*, 0 if unknown */
};

extern struct decompress_stats decompress_stats;
#endif

#endif
