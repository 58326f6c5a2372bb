/*
 * struct page: what the kernel knows about each physical page, one entry
 * per page frame in mem_map. Kept to 32 bytes (0.8% of RAM): the fields
 * are shared between the states a page can be in, which the flags tell.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/list.h>

enum pageflags {
	PG_reserved,	/* not the allocator's: firmware, kernel image, holes */
	PG_buddy,	/* first page of a free block */
	PG_head,	/* first page of an allocated block */
	PG_slab,	/* an allocated page that holds kmalloc objects */
};

struct page {
	u16 flags;
	u8 order;		/* PG_buddy, PG_head: the block's order */
	u8 slab_index;		/* PG_slab: which kmalloc cache */
	u32 inuse;		/* PG_slab: objects handed out */
	/* PG_buddy: its free list; PG_slab: its cache's partial list */
	struct list_head lru;
	void *freelist;		/* PG_slab: the first free object */
};

_Static_assert(sizeof(struct page) == 32, "struct page grew");

#define PAGEFLAG(name, bit)						\
static inline bool Page##name(const struct page *page)			\
{									\
	return page->flags & (1 << (bit));				\
}									\
static inline void SetPage##name(struct page *page)			\
{									\
	page->flags |= 1 << (bit);					\
}									\
static inline void ClearPage##name(struct page *page)			\
{									\
	page->flags &= ~(1 << (bit));					\
}

PAGEFLAG(Reserved, PG_reserved)
PAGEFLAG(Buddy, PG_buddy)
PAGEFLAG(Head, PG_head)
PAGEFLAG(Slab, PG_slab)

#endif
