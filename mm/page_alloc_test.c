/*
 * Buddy allocator tests. Exhausting memory is the strongest check: every
 * free page must come out exactly once, and after everything is freed the
 * blocks must have merged back, which shows as the same number of blocks
 * of each order when memory is exhausted largest order first. Allocated
 * blocks are chained through their struct page's lru, which is the
 * owner's to use, so the tests need no memory of their own.
 */
#include <linux/ktest.h>
#include <linux/gfp.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/sections.h>
#include "internal.h"

#define PFN_4G	(1UL << (32 - PAGE_SHIFT))

struct exhaust_result {
	unsigned long pages;
	unsigned long blocks[MAX_ORDER];
	unsigned long highest_pfn;
	bool misaligned;
};

static void take_all(struct list_head *list, unsigned int order,
		     struct exhaust_result *r)
{
	struct page *page;

	while ((page = alloc_pages(__GFP_NOWARN, order))) {
		list_add(&page->lru, list);
		r->pages += 1UL << order;
		r->blocks[order]++;
		if (page_to_pfn(page) & ((1UL << order) - 1))
			r->misaligned = true;
		if (page_to_pfn(page) > r->highest_pfn)
			r->highest_pfn = page_to_pfn(page);
	}
}

/* Largest order first: a free block of order n is then taken whole. */
static void exhaust(struct list_head *list, struct exhaust_result *r)
{
	unsigned int order = MAX_ORDER;

	memset(r, 0, sizeof(*r));
	INIT_LIST_HEAD(list);
	while (order--)
		take_all(list, order, r);
}

static void free_all(struct list_head *list)
{
	while (!list_empty(list)) {
		struct page *page = list_first_entry(list, struct page, lru);

		list_del(&page->lru);
		__free_pages(page, page->order);
	}
}

static void exhaust_order0_no_leak(struct ktest *test)
{
	unsigned long before = nr_free_pages();
	struct exhaust_result r = { };
	struct list_head list;

	INIT_LIST_HEAD(&list);
	take_all(&list, 0, &r);
	pr_info("    # %s: %lu pages, the highest at pfn 0x%lx\n", test->name,
		r.pages, r.highest_pfn);
	KTEST_EXPECT_EQ(test, r.pages, before);
	KTEST_EXPECT_EQ(test, nr_free_pages(), 0);
	KTEST_EXPECT_TRUE(test, !alloc_pages(__GFP_NOWARN, 0));
	free_all(&list);
	KTEST_EXPECT_EQ(test, nr_free_pages(), before);
}

/*
 * Coalescing is canonical: the same free pages always end up as the same
 * blocks, however they were freed. Exhausting largest first counts them.
 */
static void frees_merge_back(struct ktest *test)
{
	unsigned long before = nr_free_pages();
	struct exhaust_result first, r = { }, second;
	struct list_head list;
	unsigned int order;

	exhaust(&list, &first);
	KTEST_EXPECT_EQ(test, first.pages, before);
	KTEST_EXPECT_EQ(test, nr_free_pages(), 0);
	KTEST_EXPECT_TRUE(test, !first.misaligned);
	free_all(&list);
	KTEST_EXPECT_EQ(test, nr_free_pages(), before);

	INIT_LIST_HEAD(&list);
	take_all(&list, 0, &r);
	free_all(&list);
	exhaust(&list, &second);
	free_all(&list);
	for (order = 0; order < MAX_ORDER; order++)
		KTEST_EXPECT_EQ(test, second.blocks[order], first.blocks[order]);
	KTEST_EXPECT_EQ(test, nr_free_pages(), before);
}

/* With RAM above 4 GiB (-m 4096), some of it must be handed out. */
static void memory_above_4g(struct ktest *test)
{
	struct exhaust_result r;
	struct list_head list;

	exhaust(&list, &r);
	free_all(&list);
	if (max_pfn > PFN_4G)
		KTEST_EXPECT_TRUE(test, r.highest_pfn >= PFN_4G);
	else
		pr_info("    # %s: no RAM above 4 GiB here\n", test->name);
	KTEST_EXPECT_TRUE(test, r.highest_pfn < max_pfn);
}

static void alignment(struct ktest *test)
{
	struct page *pages[MAX_ORDER];
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		pages[order] = alloc_pages(GFP_KERNEL, order);
		KTEST_EXPECT_TRUE(test, pages[order]);
		if (pages[order])
			KTEST_EXPECT_EQ(test, page_to_phys(pages[order]) &
					((PAGE_SIZE << order) - 1), 0);
	}
	for (order = 0; order < MAX_ORDER; order++)
		if (pages[order])
			__free_pages(pages[order], order);
}

static u64 rnd_state = 0x2545f4914f6cdd1dull;

static unsigned int rnd_below(unsigned int n)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return (rnd_state * 0x2545f4914f6cdd1dull >> 32) % n;
}

/* Each page of a live block carries a tag: overlapping blocks would lose one. */
static u64 tag(unsigned int slot, unsigned long pfn)
{
	return (u64)slot << 48 | pfn;
}

static void set_tags(struct page *page, unsigned int order, unsigned int slot)
{
	unsigned long i, pfn = page_to_pfn(page);

	for (i = 0; i < 1UL << order; i++)
		*(u64 *)page_address(page + i) = tag(slot, pfn + i);
}

static bool tags_intact(struct page *page, unsigned int order, unsigned int slot)
{
	unsigned long i, pfn = page_to_pfn(page);

	for (i = 0; i < 1UL << order; i++)
		if (*(u64 *)page_address(page + i) != tag(slot, pfn + i))
			return false;
	return true;
}

static void mixed_orders(struct ktest *test)
{
	struct { struct page *page; unsigned int order; } slot[64] = { };
	unsigned long before = nr_free_pages(), used = 0;
	unsigned int i, s, bad = 0;

	for (i = 0; i < 4000; i++) {
		s = rnd_below(ARRAY_SIZE(slot));
		if (slot[s].page) {
			bad += !tags_intact(slot[s].page, slot[s].order, s);
			__free_pages(slot[s].page, slot[s].order);
			used -= 1UL << slot[s].order;
			slot[s].page = NULL;
			continue;
		}
		slot[s].order = rnd_below(7);
		slot[s].page = alloc_pages(GFP_KERNEL, slot[s].order);
		if (!slot[s].page)
			continue;
		set_tags(slot[s].page, slot[s].order, s);
		used += 1UL << slot[s].order;
		KTEST_EXPECT_EQ(test, nr_free_pages(), before - used);
	}
	for (s = 0; s < ARRAY_SIZE(slot); s++) {
		if (slot[s].page) {
			bad += !tags_intact(slot[s].page, slot[s].order, s);
			__free_pages(slot[s].page, slot[s].order);
		}
	}
	KTEST_EXPECT_EQ(test, bad, 0);
	KTEST_EXPECT_EQ(test, nr_free_pages(), before);
}

static bool all_zero(const void *p, size_t n)
{
	const u8 *b = p;

	while (n--)
		if (*b++)
			return false;
	return true;
}

static void zeroed_pages(struct ktest *test)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 2);
	struct page *page;

	KTEST_EXPECT_TRUE(test, addr && virt_addr_valid((void *)addr));
	if (!addr)
		return;
	memset((void *)addr, 0xa5, 4 * PAGE_SIZE);
	free_pages(addr, 2);
	page = alloc_pages(__GFP_ZERO, 2);
	KTEST_EXPECT_TRUE(test, page && all_zero(page_address(page), 4 * PAGE_SIZE));
	if (page)
		__free_pages(page, 2);
	addr = get_zeroed_page(GFP_KERNEL);
	KTEST_EXPECT_TRUE(test, addr && all_zero((void *)addr, PAGE_SIZE));
	free_page(addr);
}

static void order_too_large(struct ktest *test)
{
	KTEST_EXPECT_TRUE(test, !alloc_pages(__GFP_NOWARN, MAX_ORDER));
	KTEST_EXPECT_TRUE(test, !__get_free_pages(__GFP_NOWARN, 40));
}

/*
 * Each bad free must be reported once, change no count and leave the
 * allocator working: afterwards the free count is back where it was.
 */
static void bad_frees_detected(struct ktest *test)
{
	unsigned long before = nr_free_pages(), bugs = bad_page_count;
	struct page *a = alloc_pages(GFP_KERNEL, 0);
	struct page *b = alloc_pages(GFP_KERNEL, 2);
	struct page *c = alloc_pages(GFP_KERNEL, 1);

	if (!a || !b || !c) {
		KTEST_EXPECT_TRUE(test, a && b && c);
		return;
	}
	__free_pages(a, 0);
	__free_pages(a, 0);				/* double free */
	KTEST_EXPECT_EQ(test, bad_page_count, bugs + 1);
	__free_pages(b + 1, 0);				/* inside a block */
	KTEST_EXPECT_EQ(test, bad_page_count, bugs + 2);
	__free_pages(c, 0);				/* wrong order */
	KTEST_EXPECT_EQ(test, bad_page_count, bugs + 3);
	__free_pages(virt_to_page(_sdata), 0);		/* the kernel's own */
	KTEST_EXPECT_EQ(test, bad_page_count, bugs + 4);
	free_pages((unsigned long)_sdata, 0);		/* not the direct map */
	KTEST_EXPECT_EQ(test, bad_page_count, bugs + 5);
	KTEST_EXPECT_EQ(test, nr_free_pages(), before - 4 - 2);
	__free_pages(b, 2);
	__free_pages(c, 1);
	KTEST_EXPECT_EQ(test, bad_page_count, bugs + 5);
	KTEST_EXPECT_EQ(test, nr_free_pages(), before);
}

static const struct ktest_case page_alloc_cases[] = {
	KTEST_CASE(exhaust_order0_no_leak),
	KTEST_CASE(frees_merge_back),
	KTEST_CASE(memory_above_4g),
	KTEST_CASE(alignment),
	KTEST_CASE(mixed_orders),
	KTEST_CASE(zeroed_pages),
	KTEST_CASE(order_too_large),
	KTEST_CASE(bad_frees_detected),
	{}
};

static const struct ktest_suite page_alloc_suite = { "page_alloc", page_alloc_cases };
ktest_register_suite(page_alloc_suite);
