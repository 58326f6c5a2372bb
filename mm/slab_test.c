/*
 * kmalloc tests: every size class and its alignment, objects that do not
 * overlap, memory given back by kfree (the free page count returns to
 * where it was), kzalloc, the NULL and zero-size cases, kfree's checks of
 * what it is given, and threads allocating at once.
 */
#include <linux/ktest.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/sections.h>
#include "internal.h"

static const size_t sizes[] = {
	1, 7, 8, 9, 16, 17, 31, 32, 33, 63, 64, 65, 100, 128, 129, 255, 256,
	257, 511, 512, 513, 1000, 1024, 1025, 2047, 2048, 2049, 4095, 4096,
	4097, 8192, 65536, 1 << 20,
};

/* What kmalloc promises: the size class, or the page above 2048 bytes. */
static unsigned long expected_align(size_t size)
{
	unsigned long align = KMALLOC_MIN_SIZE;

	if (size > KMALLOC_MAX_CACHE_SIZE)
		return PAGE_SIZE;
	while (align < size)
		align <<= 1;
	return align;
}

static void every_size_class(struct ktest *test)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		u8 *p = kmalloc(sizes[i], GFP_KERNEL);

		KTEST_EXPECT_TRUE(test, p != NULL);
		if (!p)
			continue;
		KTEST_EXPECT_EQ(test, (unsigned long)p &
				(expected_align(sizes[i]) - 1), 0);
		KTEST_EXPECT_EQ(test, PageSlab(virt_to_page(p)),
				sizes[i] <= KMALLOC_MAX_CACHE_SIZE);
		memset(p, 0x5a, sizes[i]);
		KTEST_EXPECT_EQ(test, p[sizes[i] - 1], 0x5a);
		kfree(p);
	}
}

static u64 rnd_state = 0x9e3779b97f4a7c15ull;

static unsigned int rnd_below(unsigned int n)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return (rnd_state * 0x2545f4914f6cdd1dull >> 32) % n;
}

#define BURST	400

/* Each object filled with its own byte: an overlap would spoil one. */
static void burst_no_overlap_no_leak(struct ktest *test)
{
	static u8 *obj[BURST];
	static size_t len[BURST];
	unsigned long before = nr_free_pages();
	unsigned int i, j, bad = 0;

	for (i = 0; i < BURST; i++) {
		len[i] = 1 + rnd_below(i % 10 ? 600 : 9000);
		obj[i] = kmalloc(len[i], GFP_KERNEL);
		if (obj[i])
			memset(obj[i], i & 0xff, len[i]);
	}
	KTEST_EXPECT_TRUE(test, nr_free_pages() < before);
	for (i = 0; i < BURST; i++) {
		KTEST_EXPECT_TRUE(test, obj[i] != NULL);
		for (j = 0; obj[i] && j < len[i]; j++)
			bad += obj[i][j] != (i & 0xff);
	}
	KTEST_EXPECT_EQ(test, bad, 0);
	for (i = BURST; i > 0; i--) {		/* in a random order */
		j = rnd_below(i);
		kfree(obj[j]);
		obj[j] = obj[i - 1];
	}
	KTEST_EXPECT_EQ(test, nr_free_pages(), before);
}

static void kfree_returns_memory(struct ktest *test)
{
	static void *obj[2000];
	unsigned long before = nr_free_pages();
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(obj); i++)
		obj[i] = kmalloc(i % 3 ? 32 : 2048, GFP_KERNEL);
	/* 667 objects of 2048 bytes alone fill 333 pages. */
	KTEST_EXPECT_TRUE(test, before - nr_free_pages() >= 333);
	for (i = 0; i < ARRAY_SIZE(obj); i++)
		kfree(obj[i]);
	KTEST_EXPECT_EQ(test, nr_free_pages(), before);
}

static bool all_zero(const u8 *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

static void kzalloc_zeroes(struct ktest *test)
{
	static const size_t zsizes[] = { 24, 200, 2048, 5000 };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(zsizes); i++) {
		u8 *p = kmalloc(zsizes[i], GFP_KERNEL), *q;

		if (p)
			memset(p, 0xff, zsizes[i]);
		kfree(p);
		q = kzalloc(zsizes[i], GFP_KERNEL);
		KTEST_EXPECT_TRUE(test, q && all_zero(q, zsizes[i]));
		kfree(q);
	}
}

static void null_and_zero_size(struct ktest *test)
{
	unsigned long bugs = slab_bug_count, before = nr_free_pages();
	void *p = kmalloc(0, GFP_KERNEL);

	KTEST_EXPECT_TRUE(test, p == ZERO_SIZE_PTR);
	kfree(p);
	kfree(NULL);
	KTEST_EXPECT_EQ(test, slab_bug_count, bugs);
	KTEST_EXPECT_EQ(test, nr_free_pages(), before);
}

static void too_large_fails(struct ktest *test)
{
	KTEST_EXPECT_TRUE(test, !kmalloc(PAGE_SIZE << MAX_ORDER, __GFP_NOWARN));
	KTEST_EXPECT_TRUE(test, !kmalloc(~(size_t)0, __GFP_NOWARN));
	KTEST_EXPECT_TRUE(test, !kzalloc((size_t)1 << 40, __GFP_NOWARN));
}

static void bad_kfree_detected(struct ktest *test)
{
	unsigned long bugs = slab_bug_count, page_bugs = bad_page_count;
	unsigned long before = nr_free_pages();
	u8 *a = kmalloc(64, GFP_KERNEL), *b = kmalloc(64, GFP_KERNEL);
	u8 *big = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);

	if (!a || !b || !big) {
		KTEST_EXPECT_TRUE(test, a && b && big);
		return;
	}
	kfree(a);
	kfree(a);				/* double free */
	KTEST_EXPECT_EQ(test, slab_bug_count, bugs + 1);
	kfree(b + 8);				/* inside an object */
	KTEST_EXPECT_EQ(test, slab_bug_count, bugs + 2);
	kfree(big + 100);			/* inside a large one */
	KTEST_EXPECT_EQ(test, slab_bug_count, bugs + 3);
	kfree(_sdata);				/* not from kmalloc */
	KTEST_EXPECT_EQ(test, slab_bug_count, bugs + 4);
	kfree(b);
	kfree(big);
	kfree(big);				/* caught by the page allocator */
	KTEST_EXPECT_EQ(test, bad_page_count, page_bugs + 1);
	KTEST_EXPECT_EQ(test, slab_bug_count, bugs + 4);
	KTEST_EXPECT_EQ(test, nr_free_pages(), before);
}

/*
 * Threads allocating and freeing at once, preempted on the tick: each
 * object is filled with its owner's pattern and must still hold it before
 * it is freed, and afterwards every page is back. This shows concurrent
 * use works and leaks nothing; it cannot prove the interrupts-off sections
 * in the allocators, whose windows are far too short for a 4 ms tick to
 * hit reliably (the test passes with them removed).
 */
#define CHURN_THREADS	4

static volatile u64 churn_until;

static bool filled_with(const u8 *p, u8 c, size_t n)
{
	while (n--)
		if (*p++ != c)
			return false;
	return true;
}

static int churn(void *arg)
{
	unsigned long seed = (unsigned long)arg * 2654435761u + 1, errors = 0;
	void *objs[16] = { NULL };
	size_t obj_size[16];
	unsigned int i;

	while (time_before(jiffies, churn_until)) {
		i = (seed >> 8) % 16;
		seed = seed * 6364136223846793005ul + 1442695040888963407ul;
		if (objs[i]) {
			if (!filled_with(objs[i], (u8)(unsigned long)arg, obj_size[i]))
				errors++;
			kfree(objs[i]);
			objs[i] = NULL;
			continue;
		}
		obj_size[i] = 1 + (seed >> 16) % 3000;
		objs[i] = kmalloc(obj_size[i], GFP_KERNEL);
		if (objs[i])
			memset(objs[i], (u8)(unsigned long)arg, obj_size[i]);
	}
	for (i = 0; i < 16; i++)
		kfree(objs[i]);
	return errors;
}

static void concurrent_allocations(struct ktest *test)
{
	unsigned long free_before = nr_free_pages(), bugs = slab_bug_count;
	int pids[CHURN_THREADS], i, status;

	churn_until = jiffies + HZ / 5;
	for (i = 0; i < CHURN_THREADS; i++)
		pids[i] = kernel_thread(churn, (void *)(unsigned long)(i + 1), 0);
	for (i = 0; i < CHURN_THREADS; i++) {
		KTEST_EXPECT_EQ(test, kernel_wait(pids[i], &status), pids[i]);
		KTEST_EXPECT_EQ(test, status, 0);
	}
	KTEST_EXPECT_EQ(test, slab_bug_count, bugs);
	KTEST_EXPECT_EQ(test, nr_free_pages(), free_before);
}

static const struct ktest_case kmalloc_cases[] = {
	KTEST_CASE(every_size_class),
	KTEST_CASE(burst_no_overlap_no_leak),
	KTEST_CASE(kfree_returns_memory),
	KTEST_CASE(kzalloc_zeroes),
	KTEST_CASE(null_and_zero_size),
	KTEST_CASE(too_large_fails),
	KTEST_CASE(bad_kfree_detected),
	KTEST_CASE(concurrent_allocations),
	{}
};

static const struct ktest_suite kmalloc_suite = { "kmalloc", kmalloc_cases };
ktest_register_suite(kmalloc_suite);
