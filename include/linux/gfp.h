/*
 * The page allocator's interface (mm/page_alloc.c), with Linux's names.
 * There is one zone and nothing sleeps yet, so the flags only say whether
 * to zero the memory and whether a failure is worth a warning.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/mm.h>

typedef unsigned int gfp_t;

#define __GFP_ZERO	0x1u
#define __GFP_NOWARN	0x2u
#define GFP_KERNEL	0u

/* 2^order pages, naturally aligned; NULL when no block is free. */
struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);

/* The same with direct-map addresses; 0 on failure. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);

#define free_page(addr)		free_pages(addr, 0)

#endif
