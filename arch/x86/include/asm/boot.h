/*
 * Where the kernel lives, shared by the setup code, the decompressor, the
 * kernel and the linker scripts (all of which may be assembly).
 */
#ifndef _ASM_X86_BOOT_H
#define _ASM_X86_BOOT_H

/* CONFIG_PHYSICAL_START rounded up to CONFIG_PHYSICAL_ALIGN, like Linux. */
#define LOAD_PHYSICAL_ADDR \
	((CONFIG_PHYSICAL_START + (CONFIG_PHYSICAL_ALIGN - 1)) & \
	 ~(CONFIG_PHYSICAL_ALIGN - 1))

/*
 * The kernel is linked at __START_KERNEL_map + LOAD_PHYSICAL_ADDR, in the
 * top 2 GiB of the address space where -mcmodel=kernel code must be, and
 * stays at that virtual address wherever it runs physically (phys_base,
 * asm/page.h).
 */
#define __START_KERNEL_map	0xffffffff80000000
#define __START_KERNEL		(__START_KERNEL_map + LOAD_PHYSICAL_ADDR)

/* The kernel's virtual map is one 1 GiB page directory (head_64.S). */
#define KERNEL_IMAGE_SIZE	(1024 * 1024 * 1024)

/* Both stages map the kernel with 2 MiB pages: the smallest alignment. */
#define MIN_KERNEL_ALIGN_LG2	21
#define MIN_KERNEL_ALIGN	(1 << MIN_KERNEL_ALIGN_LG2)

/* The decompressor's stack; it needs no heap (inflate state is static). */
#define BOOT_STACK_SIZE		0x4000

/*
 * The decompressor's page tables: PML4 + PDPT + 4 page directories for the
 * first 4 GiB, and for up to 6 GiBs above (two each for its image, the
 * zero page and the command line, compressed/head_64.S) a page directory
 * and, past 512 GiB, a PDPT each.
 */
#define BOOT_PGT_SIZE		((6 + 2 * 6) * 4096)

#endif
