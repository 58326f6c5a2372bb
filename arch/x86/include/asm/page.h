/*
 * Pages and the kernel's two views of physical memory (Linux's layout,
 * Documentation/arch/x86/x86_64/mm.rst, 4-level paging):
 *  - the direct map: all RAM at PAGE_OFFSET + physical address;
 *  - the kernel image at its link address, __START_KERNEL_map + the
 *    physical address it was linked for (asm/boot.h), wherever it really
 *    is: phys_base, set by head_64.S, is how far the decompressor put it
 *    from that address (a multiple of 2 MiB, possibly "negative").
 * __pa() takes an address from either view, __va() gives the direct map's.
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <asm/boot.h>

#ifdef __ASSEMBLY__
#define _AC(x, suffix)	x
#else
#define _AC(x, suffix)	x##suffix
#endif

#define PAGE_SHIFT	12
#define PAGE_SIZE	(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#define PAGE_OFFSET	_AC(0xffff888000000000, UL)
/* 64 TiB: the direct map's room in the 4-level layout (46-bit physical). */
#define MAXMEM		(_AC(1, UL) << 46)

#ifndef __ASSEMBLY__

#include <linux/types.h>

extern unsigned long phys_base;

static inline unsigned long __phys_addr(unsigned long x)
{
	return x >= __START_KERNEL_map ? x - __START_KERNEL_map + phys_base :
					 x - PAGE_OFFSET;
}

#define __pa(x)		__phys_addr((unsigned long)(x))
#define __pa_symbol(x)	((unsigned long)(x) - __START_KERNEL_map + phys_base)
#define __va(x)		((void *)((unsigned long)(x) + PAGE_OFFSET))

/* The smallest order such that 2^order pages hold size (> 0) bytes. */
static inline unsigned int get_order(unsigned long size)
{
	unsigned long pages = (size - 1) >> PAGE_SHIFT;

	return pages ? 64 - __builtin_clzl(pages) : 0;
}

#endif /* __ASSEMBLY__ */

#endif
