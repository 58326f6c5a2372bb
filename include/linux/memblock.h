/*
 * The early memory allocator (mm/memblock.c), with Linux's names: lists
 * of physical ranges, the RAM and what of it is taken, until the page
 * allocator exists.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>

#define INIT_MEMBLOCK_REGIONS		128
/* current_limit values: nothing above is handed out. */
#define MEMBLOCK_ALLOC_ANYWHERE		(~(u64)0)

struct memblock_region {
	u64 base;
	u64 size;
};

/* Sorted by base, disjoint, and neighbours merged. */
struct memblock_type {
	unsigned int cnt;
	unsigned int max;
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	u64 current_limit;
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;
extern unsigned long max_pfn;

int memblock_add(u64 base, u64 size);
int memblock_reserve(u64 base, u64 size);
/* Top-down below memblock.current_limit; 0 when nothing fits. */
u64 memblock_phys_alloc(u64 size, u64 align);
/* The same, zeroed, as a direct-map pointer; NULL when nothing fits. */
void *memblock_alloc(u64 size, u64 align);
void memblock_set_current_limit(u64 limit);

bool memblock_is_region_memory(u64 base, u64 size);
bool memblock_is_region_reserved(u64 base, u64 size);
u64 memblock_phys_mem_size(void);
u64 memblock_reserved_size(void);
u64 memblock_end_of_DRAM(void);

/* The RAM minus the reserved ranges, in address order. */
struct memblock_free_iter {
	unsigned int mem, rsv;
	u64 pos;
};
bool memblock_next_free_range(struct memblock_free_iter *it, u64 *start, u64 *end);

#define for_each_free_mem_range(it, start, end)				\
	for ((it) = (struct memblock_free_iter){ 0, 0, 0 };		\
	     memblock_next_free_range(&(it), start, end); )

#define for_each_mem_region(r)						\
	for ((r) = memblock.memory.regions;				\
	     (r) < memblock.memory.regions + memblock.memory.cnt; (r)++)

void memblock_dump_all(void);
/* Hand every page that is not reserved to the page allocator. */
void memblock_free_all(void);

#endif
