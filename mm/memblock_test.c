/*
 * memblock tests. The boot's own memblock has handed its memory to the
 * page allocator, so the algorithms run on a private instance: each case
 * swaps the global memblock for one with small arrays of its own, and
 * puts the real one back before it checks anything. The last case looks
 * at what the boot reserved.
 */
#include <linux/ktest.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <asm/sections.h>
#include <asm/setup.h>

#define MB		0x100000ull
#define TEST_REGIONS	8

static struct memblock saved;
static struct memblock_region mem_regions[TEST_REGIONS], rsv_regions[TEST_REGIONS];

static void use_test_memblock(unsigned int max)
{
	saved = memblock;
	memblock = (struct memblock){
		MEMBLOCK_ALLOC_ANYWHERE,
		{ 0, max, mem_regions, "memory" },
		{ 0, max, rsv_regions, "reserved" },
	};
}

static struct memblock restore_memblock(void)
{
	struct memblock test = memblock;

	memblock = saved;
	return test;
}

static bool region_is(const struct memblock_type *type, unsigned int i,
		      u64 base, u64 size)
{
	return i < type->cnt && type->regions[i].base == base &&
	       type->regions[i].size == size;
}

static void add_merges_neighbours(struct ktest *test)
{
	struct memblock m;

	use_test_memblock(TEST_REGIONS);
	memblock_add(10 * MB, MB);
	memblock_add(0, MB);
	memblock_add(MB, MB);			/* touches the first */
	memblock_add(20 * MB, MB);
	memblock_add(9 * MB, 3 * MB);		/* covers 10 MB..11 MB */
	memblock_add(5 * MB, 0);		/* nothing */
	m = restore_memblock();
	KTEST_EXPECT_EQ(test, m.memory.cnt, 3);
	KTEST_EXPECT_TRUE(test, region_is(&m.memory, 0, 0, 2 * MB));
	KTEST_EXPECT_TRUE(test, region_is(&m.memory, 1, 9 * MB, 3 * MB));
	KTEST_EXPECT_TRUE(test, region_is(&m.memory, 2, 20 * MB, MB));
}

static void reserve_spanning_several(struct ktest *test)
{
	struct memblock m;

	use_test_memblock(TEST_REGIONS);
	memblock_reserve(MB, MB);
	memblock_reserve(4 * MB, MB);
	memblock_reserve(8 * MB, MB);
	memblock_reserve(MB + 4096, 7 * MB);	/* ends inside the third */
	m = restore_memblock();
	KTEST_EXPECT_EQ(test, m.reserved.cnt, 1);
	KTEST_EXPECT_TRUE(test, region_is(&m.reserved, 0, MB, 8 * MB));
}

static void full_array_refuses(struct ktest *test)
{
	struct memblock m;
	int err;

	use_test_memblock(2);
	memblock_add(0, MB);
	memblock_add(4 * MB, MB);
	err = memblock_add(8 * MB, MB);
	memblock_add(MB, MB);			/* merges: no new slot needed */
	m = restore_memblock();
	KTEST_EXPECT_TRUE(test, err < 0);
	KTEST_EXPECT_EQ(test, m.memory.cnt, 2);
	KTEST_EXPECT_TRUE(test, region_is(&m.memory, 0, 0, 2 * MB));
}

static void free_ranges(struct ktest *test)
{
	static const u64 want[][2] = {
		{ 0, MB }, { 3 * MB, 5 * MB }, { 25 * MB, 26 * MB },
		{ 28 * MB, 30 * MB },
	};
	struct memblock_free_iter it;
	u64 got[6][2], start, end;
	unsigned int n = 0, i;

	use_test_memblock(TEST_REGIONS);
	memblock_add(0, 10 * MB);
	memblock_add(20 * MB, 10 * MB);
	memblock_reserve(MB, 2 * MB);
	memblock_reserve(5 * MB, 20 * MB);	/* across the hole */
	memblock_reserve(26 * MB, 2 * MB);
	memblock_reserve(40 * MB, MB);		/* outside memory */
	for_each_free_mem_range(it, &start, &end) {
		if (n < ARRAY_SIZE(got)) {
			got[n][0] = start;
			got[n][1] = end;
		}
		n++;
	}
	restore_memblock();
	KTEST_EXPECT_EQ(test, n, ARRAY_SIZE(want));
	for (i = 0; i < n && i < ARRAY_SIZE(want); i++) {
		KTEST_EXPECT_EQ(test, got[i][0], want[i][0]);
		KTEST_EXPECT_EQ(test, got[i][1], want[i][1]);
	}
}

static void alloc_top_down_aligned(struct ktest *test)
{
	u64 a, b, c, d;
	struct memblock m;

	use_test_memblock(TEST_REGIONS);
	memblock_add(MB, 15 * MB);
	memblock_reserve(15 * MB, MB);
	a = memblock_phys_alloc(4096, 4096);
	b = memblock_phys_alloc(96, 32);	/* touches a: they merge */
	c = memblock_phys_alloc(4096, 2 * MB);
	memblock_set_current_limit(8 * MB + 1);
	d = memblock_phys_alloc(MB, MB);
	m = restore_memblock();
	KTEST_EXPECT_EQ(test, a, 15 * MB - 4096);
	KTEST_EXPECT_EQ(test, b, 15 * MB - 4096 - 96);
	KTEST_EXPECT_EQ(test, c, 14 * MB);
	KTEST_EXPECT_EQ(test, d, 7 * MB);
	KTEST_EXPECT_EQ(test, m.reserved.cnt, 3);
	KTEST_EXPECT_TRUE(test, region_is(&m.reserved, 0, 7 * MB, MB));
	KTEST_EXPECT_TRUE(test, region_is(&m.reserved, 1, 14 * MB, 4096));
	KTEST_EXPECT_TRUE(test, region_is(&m.reserved, 2, b, 16 * MB - b));
}

static void alloc_fails_cleanly(struct ktest *test)
{
	u64 a, b, c;
	struct memblock m;

	use_test_memblock(TEST_REGIONS);
	memblock_add(0, 2 * MB);		/* page 0 is never handed out */
	a = memblock_phys_alloc(2 * MB, 4096);
	b = memblock_phys_alloc(2 * MB - 4096, 4096);
	c = memblock_phys_alloc(1, 1);
	m = restore_memblock();
	KTEST_EXPECT_EQ(test, a, 0);
	KTEST_EXPECT_EQ(test, b, 4096);
	KTEST_EXPECT_EQ(test, c, 0);
	KTEST_EXPECT_EQ(test, m.reserved.cnt, 1);
}

static void region_queries(struct ktest *test)
{
	bool in, across, out, rsv, free_part;

	use_test_memblock(TEST_REGIONS);
	memblock_add(0, MB);
	memblock_add(2 * MB, MB);
	memblock_reserve(MB / 2, 4096);
	in = memblock_is_region_memory(2 * MB, MB);
	across = memblock_is_region_memory(MB - 4096, 2 * 4096);
	out = memblock_is_region_memory(4 * MB, 1);
	rsv = memblock_is_region_reserved(MB / 2 - 1, 2);
	free_part = memblock_is_region_reserved(MB / 2 + 4096, MB);
	restore_memblock();
	KTEST_EXPECT_TRUE(test, in);
	KTEST_EXPECT_TRUE(test, !across && !out);
	KTEST_EXPECT_TRUE(test, rsv && !free_part);
}

static void expect_pages_reserved(struct ktest *test, u64 start, u64 end)
{
	unsigned long pfn;

	for (pfn = PFN_DOWN(start); pfn < PFN_UP(end); pfn++)
		KTEST_EXPECT_TRUE(test, PageReserved(pfn_to_page(pfn)));
}

/*
 * The boot's reservations are all there, and none of it was given away
 * (but init, once free_initmem() has run).
 */
static void boot_reservations(struct ktest *test)
{
	u64 kernel = __pa_symbol(_text);

	KTEST_EXPECT_TRUE(test, memblock_is_region_reserved(kernel, _end - _text));
	KTEST_EXPECT_TRUE(test, memblock_is_region_reserved(0, 1));
	KTEST_EXPECT_TRUE(test, memblock_is_region_reserved(0xfffff, 1));
	KTEST_EXPECT_TRUE(test, memblock_is_region_reserved(boot_params_phys, 4096));
	expect_pages_reserved(test, kernel, __pa_symbol(__init_begin));
	expect_pages_reserved(test, __pa_symbol(__init_end), __pa_symbol(_end));
	KTEST_EXPECT_TRUE(test, PageReserved(pfn_to_page(PFN_DOWN(boot_params_phys))));
	KTEST_EXPECT_TRUE(test, PageReserved(pfn_to_page(0)));
	KTEST_EXPECT_TRUE(test, PageReserved(pfn_to_page(0xff)));
}

static const struct ktest_case memblock_cases[] = {
	KTEST_CASE(add_merges_neighbours),
	KTEST_CASE(reserve_spanning_several),
	KTEST_CASE(full_array_refuses),
	KTEST_CASE(free_ranges),
	KTEST_CASE(alloc_top_down_aligned),
	KTEST_CASE(alloc_fails_cleanly),
	KTEST_CASE(region_queries),
	KTEST_CASE(boot_reservations),
	{}
};

static const struct ktest_suite memblock_suite = { "memblock", memblock_cases };
ktest_register_suite(memblock_suite);
