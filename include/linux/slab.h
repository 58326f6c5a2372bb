/*
 * kmalloc (mm/slab.c): power-of-two size classes from 8 to 2048 bytes in
 * page-sized slabs, larger requests straight from the page allocator.
 * Objects are aligned to their size class (to the page above 2048), as
 * Linux guarantees for power-of-two sizes.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/gfp.h>

#define KMALLOC_SHIFT_LOW	3
#define KMALLOC_SHIFT_HIGH	11
#define KMALLOC_MIN_SIZE	(1UL << KMALLOC_SHIFT_LOW)
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)

/* kmalloc(0): not NULL, but faults when used; kfree() takes it. */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

void *kmalloc(size_t size, gfp_t flags);
void kfree(const void *obj);
void kmem_cache_init(void);

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

#endif
