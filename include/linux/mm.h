/*
 * Physical pages: the mem_map array (one struct page per page frame up to
 * max_pfn, holes included, as Linux's FLATMEM model), the conversions
 * between a page, its frame number and its direct-map address, and the
 * memory-management entry points of the boot sequence.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/mm_types.h>
#include <linux/pfn.h>
#include <linux/memblock.h>

/* Blocks of 2^0 .. 2^(MAX_ORDER - 1) pages: 4 KiB to 4 MiB. */
#define MAX_ORDER		11

extern struct page *mem_map;

#define pfn_to_page(pfn)	(mem_map + (pfn))
#define page_to_pfn(page)	((unsigned long)((page) - mem_map))
#define page_to_phys(page)	PFN_PHYS(page_to_pfn(page))
#define page_address(page)	__va(page_to_phys(page))
#define virt_to_page(addr)	pfn_to_page(__pa(addr) >> PAGE_SHIFT)

/* Is addr in the direct map, on a page that has a struct page? */
static inline bool virt_addr_valid(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= PAGE_OFFSET && a - PAGE_OFFSET < PFN_PHYS(max_pfn);
}

unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);

void free_area_init(void);
void mm_core_init(void);
void free_initmem(void);
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s);

#endif
