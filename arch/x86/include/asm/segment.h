/*
 * GDT selectors. The boot protocol fixes __BOOT_CS and __BOOT_DS for the
 * 32-bit entry ("at entry, %cs must be __BOOT_CS (0x10) and %ds, %es, %ss
 * __BOOT_DS (0x18)"); the decompressor and the kernel use the same slots
 * for their 64-bit segments so a selector means one thing everywhere.
 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

#define GDT_ENTRY_BOOT_CS	2
#define GDT_ENTRY_BOOT_DS	3
#define GDT_ENTRY_BOOT_TSS	4
#define __BOOT_CS		(GDT_ENTRY_BOOT_CS * 8)
#define __BOOT_DS		(GDT_ENTRY_BOOT_DS * 8)
#define __BOOT_TSS		(GDT_ENTRY_BOOT_TSS * 8)

#define __KERNEL32_CS		0x08
#define __KERNEL_CS		0x10
#define __KERNEL_DS		0x18
#define GDT_ENTRY_TSS		4	/* the kernel's TSS: slots 4 and 5 */

/*
 * A descriptor from its parts (Intel SDM vol. 3, 3.4.5): flags holds the
 * access byte in bits 0-7 and G/D/L/AVL in bits 12-15.
 */
#define GDT_ENTRY(flags, base, limit)			\
	((((base)  & 0xff000000ULL) << (56 - 24)) |	\
	 (((flags) & 0x0000f0ffULL) << 40) |		\
	 (((limit) & 0x000f0000ULL) << (48 - 16)) |	\
	 (((base)  & 0x00ffffffULL) << 16) |		\
	 (((limit) & 0x0000ffffULL)))

#endif
