/*
 * The early memory allocator, after Linux's memblock: two lists of
 * physical ranges, "memory" (the usable RAM of the e820 map) and
 * "reserved" (what is taken: the kernel image, the first MiB, what the
 * loader left, and every allocation). Allocating means finding a gap in
 * memory that no reservation covers and reserving it. It serves while the
 * kernel builds its page tables and mem_map; memblock_free_all() then
 * hands every page not reserved to the page allocator.
 *
 * Allocation is top-down below memblock.current_limit, as on Linux/x86:
 * the limit keeps allocations inside what the page tables map while the
 * direct map is being built, and top-down leaves low memory, which old
 * devices and the kernel's own image need, alone.
 *
 * The region arrays are static (INIT_MEMBLOCK_REGIONS each): a PC's map
 * has at most 128 e820 entries, and neighbouring reservations merge.
 * Nothing here is __init: the memblock ktest suite runs this code on
 * private arrays after boot.
 */
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/string.h>
#include "internal.h"

static struct memblock_region memblock_memory_init_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region memblock_reserved_init_regions[INIT_MEMBLOCK_REGIONS];

struct memblock memblock = {
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
	.memory = { 0, INIT_MEMBLOCK_REGIONS, memblock_memory_init_regions, "memory" },
	.reserved = { 0, INIT_MEMBLOCK_REGIONS, memblock_reserved_init_regions,
		      "reserved" },
};

unsigned long max_pfn;

static bool memblock_debug;

static int __init early_memblock(char *value)
{
	if (strcmp(value, "debug"))
		return 0;
	memblock_debug = true;
	return 1;
}
early_param("memblock", early_memblock);

/* With memblock=debug: what happened to which range, and who asked. */
static void memblock_dbg(const char *func, u64 base, u64 size,
			 unsigned long caller)
{
	char sym[KSYM_SYMBOL_LEN];

	if (!memblock_debug)
		return;
	sprint_symbol(sym, sizeof(sym), caller);
	pr_info("%s: [0x%016llx-0x%016llx] %s\n", func,
		(unsigned long long)base, (unsigned long long)(base + size - 1),
		sym);
}

static u64 region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/*
 * Add [base, base + size) to a type, merging it with every region it
 * overlaps or touches: regions i..j-1 below are those, replaced by one.
 */
static int memblock_add_range(struct memblock_type *type, u64 base, u64 size)
{
	struct memblock_region *r = type->regions;
	u64 end = base + size;
	unsigned int i, j;

	if (!size)
		return 0;
	if (end < base)
		end = MEMBLOCK_ALLOC_ANYWHERE;
	for (i = 0; i < type->cnt && region_end(&r[i]) < base; i++)
		;
	for (j = i; j < type->cnt && r[j].base <= end; j++)
		;
	if (i == j) {
		if (type->cnt == type->max) {
			pr_err("memblock: no room for [0x%016llx-0x%016llx] in %s\n",
			       (unsigned long long)base,
			       (unsigned long long)(end - 1), type->name);
			return -ENOMEM;
		}
		memmove(&r[i + 1], &r[i], (type->cnt - i) * sizeof(*r));
		type->cnt++;
	} else {
		base = min(base, r[i].base);
		end = max(end, region_end(&r[j - 1]));
		memmove(&r[i + 1], &r[j], (type->cnt - j) * sizeof(*r));
		type->cnt -= j - i - 1;
	}
	r[i] = (struct memblock_region){ base, end - base };
	return 0;
}

int memblock_add(u64 base, u64 size)
{
	memblock_dbg(__func__, base, size,
		     (unsigned long)__builtin_return_address(0));
	return memblock_add_range(&memblock.memory, base, size);
}

int memblock_reserve(u64 base, u64 size)
{
	memblock_dbg(__func__, base, size,
		     (unsigned long)__builtin_return_address(0));
	return memblock_add_range(&memblock.reserved, base, size);
}

void memblock_set_current_limit(u64 limit)
{
	memblock.current_limit = limit;
}

/*
 * The gaps between reservations inside each memory region. pos is how
 * far the walk has come; rsv only moves forward, as pos does.
 */
bool memblock_next_free_range(struct memblock_free_iter *it, u64 *start, u64 *end)
{
	const struct memblock_type *mem = &memblock.memory, *rsv = &memblock.reserved;

	while (it->mem < mem->cnt) {
		const struct memblock_region *m = &mem->regions[it->mem];
		u64 lo = max(it->pos, m->base), hi = region_end(m);

		if (lo >= hi) {
			it->mem++;
			continue;
		}
		while (it->rsv < rsv->cnt && region_end(&rsv->regions[it->rsv]) <= lo)
			it->rsv++;
		if (it->rsv < rsv->cnt && rsv->regions[it->rsv].base <= lo) {
			it->pos = region_end(&rsv->regions[it->rsv]);
			continue;
		}
		if (it->rsv < rsv->cnt)
			hi = min(hi, rsv->regions[it->rsv].base);
		it->pos = hi;
		*start = lo;
		*end = hi;
		return true;
	}
	return false;
}

/*
 * The highest aligned fit below the limit. 0 means failure, so page 0 is
 * never handed out (Linux's memblock skips it for the same reason).
 */
static u64 memblock_find_top_down(u64 size, u64 align)
{
	struct memblock_free_iter it;
	u64 start, end, cand, found = 0;

	for_each_free_mem_range(it, &start, &end) {
		start = max(start, (u64)PAGE_SIZE);
		end = min(end, memblock.current_limit);
		if (end <= start || end - start < size)
			continue;
		cand = ALIGN_DOWN(end - size, align);
		if (cand >= start)
			found = cand;
	}
	return found;
}

static u64 memblock_alloc_range(u64 size, u64 align, const char *func,
				unsigned long caller)
{
	u64 base = memblock_find_top_down(size, align);

	if (!base || memblock_add_range(&memblock.reserved, base, size))
		return 0;
	memblock_dbg(func, base, size, caller);
	return base;
}

u64 memblock_phys_alloc(u64 size, u64 align)
{
	return memblock_alloc_range(size, align, __func__,
				    (unsigned long)__builtin_return_address(0));
}

void *memblock_alloc(u64 size, u64 align)
{
	u64 base = memblock_alloc_range(size, align, __func__,
					(unsigned long)__builtin_return_address(0));

	if (!base)
		return NULL;
	memset(__va(base), 0, size);
	return __va(base);
}

bool memblock_is_region_memory(u64 base, u64 size)
{
	unsigned int i;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		if (base >= r->base && base + size <= region_end(r))
			return true;
	}
	return false;
}

bool memblock_is_region_reserved(u64 base, u64 size)
{
	unsigned int i;

	for (i = 0; i < memblock.reserved.cnt; i++) {
		const struct memblock_region *r = &memblock.reserved.regions[i];

		if (base < region_end(r) && r->base < base + size)
			return true;
	}
	return false;
}

static u64 memblock_type_size(const struct memblock_type *type)
{
	u64 total = 0;
	unsigned int i;

	for (i = 0; i < type->cnt; i++)
		total += type->regions[i].size;
	return total;
}

u64 memblock_phys_mem_size(void)
{
	return memblock_type_size(&memblock.memory);
}

u64 memblock_reserved_size(void)
{
	return memblock_type_size(&memblock.reserved);
}

u64 memblock_end_of_DRAM(void)
{
	if (!memblock.memory.cnt)
		return 0;
	return region_end(&memblock.memory.regions[memblock.memory.cnt - 1]);
}

static void memblock_dump(const struct memblock_type *type)
{
	unsigned int i;

	pr_info(" %s.cnt  = 0x%x\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		pr_info(" %s[0x%x]\t[0x%016llx-0x%016llx], 0x%016llx bytes\n",
			type->name, i, (unsigned long long)r->base,
			(unsigned long long)(region_end(r) - 1),
			(unsigned long long)r->size);
	}
}

void memblock_dump_all(void)
{
	if (!memblock_debug)
		return;
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = 0x%016llx reserved size = 0x%016llx\n",
		(unsigned long long)memblock_phys_mem_size(),
		(unsigned long long)memblock_reserved_size());
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}

/* Free pages in the largest naturally aligned blocks that fit. */
static void __free_pages_memory(unsigned long pfn, unsigned long end)
{
	unsigned int order;

	while (pfn < end) {
		order = MAX_ORDER - 1;
		while (order && ((pfn & ((1UL << order) - 1)) ||
				 pfn + (1UL << order) > end))
			order--;
		__free_pages_core(pfn_to_page(pfn), order);
		pfn += 1UL << order;
	}
}

void memblock_free_all(void)
{
	struct memblock_free_iter it;
	u64 start, end;

	memblock_dump_all();
	for_each_free_mem_range(it, &start, &end)
		if (PFN_UP(start) < PFN_DOWN(end))
			__free_pages_memory(PFN_UP(start), PFN_DOWN(end));
}
