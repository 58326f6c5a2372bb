/*
 * The buddy page allocator (Knuth, TAOCP vol. 1, 2.5; Linux's names).
 * Free memory is kept as blocks of 2^order pages, naturally aligned, on
 * one free list per order. An allocation takes a block of the smallest
 * order that has one and splits it, returning the halves it does not need
 * to the lists below; a free merges the block with its buddy (the other
 * half of the block of the next order, at pfn ^ 2^order) for as long as
 * the buddy is free too.
 *
 * The state of each page is in its struct page: PG_buddy and the order on
 * the first page of a free block, PG_head and the order on the first page
 * of an allocated one, nothing on the pages inside a block, PG_reserved
 * on pages that were never the allocator's. That is enough to refuse,
 * in O(1), a double free, a free of a page inside a block, of a reserved
 * page or with the wrong order: such a free is reported as Linux reports
 * a bad page ("BUG: Bad page state"), counted, and otherwise ignored, so
 * the lists stay intact.
 *
 * One zone covers all of RAM: nothing needs DMA-able memory yet. The lists
 * are changed with interrupts off: on one CPU that keeps both interrupt
 * handlers and preemption (which happens on the tick) out.
 */
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/string.h>
#include <asm/irqflags.h>
#include "internal.h"

struct free_area {
	struct list_head free_list;
};

struct page *mem_map;
static struct free_area free_area[MAX_ORDER];
static unsigned long nr_free;		/* pages */
static unsigned long totalram;		/* pages the allocator was given */
unsigned long bad_page_count;

unsigned long nr_free_pages(void)
{
	return nr_free;
}

unsigned long totalram_pages(void)
{
	return totalram;
}

/*
 * Every page starts reserved; memblock_free_all() gives the allocator
 * those that memblock does not hold. mem_map comes from memblock itself,
 * and is filled rather than zeroed first: at 4 GiB it is 40 MiB.
 */
void __init free_area_init(void)
{
	unsigned long size = max_pfn * sizeof(struct page), pfn;
	struct memblock_region *r;
	unsigned int order;
	u64 phys;

	pr_info("Early memory node ranges\n");
	for_each_mem_region(r)
		pr_info("  node   0: [mem 0x%016llx-0x%016llx]\n",
			(unsigned long long)r->base,
			(unsigned long long)(r->base + r->size - 1));
	phys = memblock_phys_alloc(size, PAGE_SIZE);
	if (!phys)
		panic("Cannot allocate %lu bytes for mem_map", size);
	mem_map = __va(phys);
	for (pfn = 0; pfn < max_pfn; pfn++)
		mem_map[pfn] = (struct page){ .flags = 1 << PG_reserved };
	for (order = 0; order < MAX_ORDER; order++)
		INIT_LIST_HEAD(&free_area[order].free_list);
}

static void add_to_free_list(struct page *page, unsigned int order)
{
	page->flags = 1 << PG_buddy;
	page->order = order;
	list_add(&page->lru, &free_area[order].free_list);
}

static void del_page_from_free_list(struct page *page)
{
	list_del(&page->lru);
	page->flags = 0;
}

static bool page_is_buddy(unsigned long pfn, unsigned int order)
{
	return pfn < max_pfn && PageBuddy(pfn_to_page(pfn)) &&
	       pfn_to_page(pfn)->order == order;
}

static void __free_one_page(unsigned long pfn, unsigned int order)
{
	unsigned long buddy_pfn;

	while (order < MAX_ORDER - 1) {
		buddy_pfn = pfn ^ (1UL << order);
		if (!page_is_buddy(buddy_pfn, order))
			break;
		del_page_from_free_list(pfn_to_page(buddy_pfn));
		pfn &= buddy_pfn;
		order++;
	}
	add_to_free_list(pfn_to_page(pfn), order);
}

static void bad_page(struct page *page, const char *reason, unsigned long caller)
{
	char sym[KSYM_SYMBOL_LEN];

	bad_page_count++;
	sprint_symbol(sym, sizeof(sym), caller);
	pr_alert("BUG: Bad page state in process swapper/0  pfn:%05lx\n",
		 page_to_pfn(page));
	pr_alert("page dumped because: %s\n", reason);
	pr_alert("page: flags 0x%x order %u, freed by %s\n", page->flags,
		 page->order, sym);
}

/* Why this free cannot be right, or NULL if it can. */
static const char *free_pages_check(const struct page *page, unsigned int order)
{
	if (PageReserved(page))
		return "freeing a reserved page";
	if (PageBuddy(page))
		return "double free: the page is already free";
	if (!PageHead(page))
		return "freeing a page that is not the start of an allocated block";
	if (PageSlab(page))
		return "freeing a kmalloc slab with __free_pages";
	if (page->order != order)
		return "freeing with another order than the block was allocated with";
	return NULL;
}

static void __free_pages_caller(struct page *page, unsigned int order,
				unsigned long caller)
{
	const char *bad;

	if (order >= MAX_ORDER || page < mem_map || page >= mem_map + max_pfn) {
		pr_alert("BUG: __free_pages(%p, %u): not a page of mem_map\n",
			 page, order);
		bad_page_count++;
		return;
	}
	bad = free_pages_check(page, order);
	if (bad) {
		bad_page(page, bad, caller);
		return;
	}
	page->flags = 0;
	__free_one_page(page_to_pfn(page), order);
	nr_free += 1UL << order;
}

static void free_pages_caller(struct page *page, unsigned int order,
			      unsigned long caller)
{
	unsigned long flags = local_irq_save();

	__free_pages_caller(page, order, caller);
	local_irq_restore(flags);
}

void __free_pages(struct page *page, unsigned int order)
{
	free_pages_caller(page, order, (unsigned long)__builtin_return_address(0));
}

void __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < 1UL << order; i++)
		ClearPageReserved(page + i);
	page->flags = 1 << PG_head;
	page->order = order;
	totalram += 1UL << order;
	__free_pages(page, order);
}

/* Take a free block of at least this order; split off what is not needed. */
static struct page *__rmqueue(unsigned int order)
{
	unsigned int o = order;
	struct page *page;

	while (o < MAX_ORDER && list_empty(&free_area[o].free_list))
		o++;
	if (o == MAX_ORDER)
		return NULL;
	page = list_first_entry(&free_area[o].free_list, struct page, lru);
	del_page_from_free_list(page);
	while (o > order) {
		o--;
		add_to_free_list(page + (1UL << o), o);
	}
	return page;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long flags = local_irq_save();
	struct page *page = order < MAX_ORDER ? __rmqueue(order) : NULL;

	if (page) {
		page->flags = 1 << PG_head;
		page->order = order;
		nr_free -= 1UL << order;
	}
	local_irq_restore(flags);
	if (!page) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("swapper/0: page allocation failure: order:%u, mode:0x%x\n",
				order, gfp);
		return NULL;
	}
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	unsigned long caller = (unsigned long)__builtin_return_address(0);

	if (!addr)
		return;
	if (!virt_addr_valid((void *)addr) || addr & ~PAGE_MASK) {
		pr_alert("BUG: free_pages(0x%lx, %u): not a page of the direct map\n",
			 addr, order);
		bad_page_count++;
		return;
	}
	free_pages_caller(virt_to_page(addr), order, caller);
}

/*
 * Give pages the kernel held (its init sections) to the allocator. start
 * and end are direct-map addresses; poison, unless negative, is written
 * over the pages first, so stale users are caught.
 */
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s)
{
	unsigned long addr = ALIGN((unsigned long)start, PAGE_SIZE);
	unsigned long pages = 0;

	for (; addr + PAGE_SIZE <= (unsigned long)end; addr += PAGE_SIZE, pages++) {
		if (poison >= 0)
			memset((void *)addr, poison, PAGE_SIZE);
		__free_pages_core(virt_to_page(addr), 0);
	}
	pr_info("Freeing %s memory: %luK\n", s, pages << (PAGE_SHIFT - 10));
	return pages;
}
