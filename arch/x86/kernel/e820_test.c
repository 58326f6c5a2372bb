/*
 * e820 in the kernel: the sanitizer's edge cases, run by the kernel's own
 * build of it (the host test, tests/host/test_e820.c, runs it on random
 * maps against reference models), and the live table the boot produced.
 */
#include <linux/ktest.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <asm/e820/api.h>
#include <asm/page.h>

#define MB	0x100000ull

static struct e820_table table;

static void set_table(const struct e820_entry *e, u32 n)
{
	table.nr_entries = n;
	memcpy(table.entries, e, n * sizeof(*e));
}

static bool table_is(const struct e820_entry *e, u32 n)
{
	return table.nr_entries == n && !memcmp(table.entries, e, n * sizeof(*e));
}

static void overlap_higher_type_wins(struct ktest *test)
{
	static const struct e820_entry in[] = {
		{ 0, 8 * MB, E820_TYPE_RAM }, { 2 * MB, MB, E820_TYPE_RESERVED },
		{ 6 * MB, 4 * MB, E820_TYPE_ACPI },
	};
	static const struct e820_entry out[] = {
		{ 0, 2 * MB, E820_TYPE_RAM }, { 2 * MB, MB, E820_TYPE_RESERVED },
		{ 3 * MB, 3 * MB, E820_TYPE_RAM }, { 6 * MB, 4 * MB, E820_TYPE_ACPI },
	};

	set_table(in, ARRAY_SIZE(in));
	KTEST_EXPECT_EQ(test, e820__update_table(&table), 0);
	KTEST_EXPECT_TRUE(test, table_is(out, ARRAY_SIZE(out)));
}

static void unsorted_adjacent_merged(struct ktest *test)
{
	static const struct e820_entry in[] = {
		{ 4 * MB, MB, E820_TYPE_RAM }, { 0, 2 * MB, E820_TYPE_RAM },
		{ 2 * MB, 2 * MB, E820_TYPE_RAM }, { 5 * MB, MB, E820_TYPE_NVS },
	};
	static const struct e820_entry out[] = {
		{ 0, 5 * MB, E820_TYPE_RAM }, { 5 * MB, MB, E820_TYPE_NVS },
	};

	set_table(in, ARRAY_SIZE(in));
	KTEST_EXPECT_EQ(test, e820__update_table(&table), 0);
	KTEST_EXPECT_TRUE(test, table_is(out, ARRAY_SIZE(out)));
}

static void ram_inside_reserved_vanishes(struct ktest *test)
{
	static const struct e820_entry in[] = {
		{ MB, MB, E820_TYPE_RAM }, { 0, 4 * MB, E820_TYPE_RESERVED },
		{ 0, 4 * MB, E820_TYPE_RESERVED },
	};
	static const struct e820_entry out[] = { { 0, 4 * MB, E820_TYPE_RESERVED } };

	set_table(in, ARRAY_SIZE(in));
	KTEST_EXPECT_EQ(test, e820__update_table(&table), 0);
	KTEST_EXPECT_TRUE(test, table_is(out, ARRAY_SIZE(out)));
}

static void empty_wrapping_and_type0_dropped(struct ktest *test)
{
	static const struct e820_entry in[] = {
		{ MB, 0, E820_TYPE_RAM }, { ~0ull - 0xfff, 0x2000, E820_TYPE_RAM },
		{ 0, MB, 0 }, { 2 * MB, MB, E820_TYPE_RAM },
		{ ~0ull - 0xfff, 0xfff, E820_TYPE_RESERVED },
	};
	static const struct e820_entry out[] = {
		{ 2 * MB, MB, E820_TYPE_RAM },
		{ ~0ull - 0xfff, 0xfff, E820_TYPE_RESERVED },
	};

	set_table(in, ARRAY_SIZE(in));
	KTEST_EXPECT_EQ(test, e820__update_table(&table), 0);
	KTEST_EXPECT_TRUE(test, table_is(out, ARRAY_SIZE(out)));
}

/* 127 holes in one RAM range make 255 ranges: more than fit. */
static void too_fragmented_left_alone(struct ktest *test)
{
	u32 i;

	table.nr_entries = E820_MAX_ENTRIES;
	table.entries[0] = (struct e820_entry){ 0, 1ull << 40, E820_TYPE_RAM };
	for (i = 1; i < E820_MAX_ENTRIES; i++)
		table.entries[i] = (struct e820_entry){ 2 * i * MB, MB,
							E820_TYPE_RESERVED };
	KTEST_EXPECT_EQ(test, e820__update_table(&table), -1);
	KTEST_EXPECT_EQ(test, table.nr_entries, E820_MAX_ENTRIES);
	KTEST_EXPECT_EQ(test, table.entries[5].addr, 10 * MB);
}

/* What the boot made: well formed, and memblock's memory is its RAM. */
static void live_table_sane(struct ktest *test)
{
	u64 ram = 0;
	u32 i;

	KTEST_EXPECT_TRUE(test, e820_table->nr_entries >= 2);
	for (i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *e = &e820_table->entries[i];

		KTEST_EXPECT_TRUE(test, e->size && e->type);
		if (i) {
			const struct e820_entry *p = e - 1;

			KTEST_EXPECT_TRUE(test, p->addr + p->size <= e->addr);
			KTEST_EXPECT_TRUE(test, p->addr + p->size < e->addr ||
					  p->type != e->type);
		}
		if (e->type == E820_TYPE_RAM)
			ram += ALIGN_DOWN(e->addr + e->size, (u64)PAGE_SIZE) -
			       ALIGN(e->addr, (u64)PAGE_SIZE);
	}
	KTEST_EXPECT_EQ(test, ram, memblock_phys_mem_size());
}

static const struct ktest_case e820_cases[] = {
	KTEST_CASE(overlap_higher_type_wins),
	KTEST_CASE(unsorted_adjacent_merged),
	KTEST_CASE(ram_inside_reserved_vanishes),
	KTEST_CASE(empty_wrapping_and_type0_dropped),
	KTEST_CASE(too_fragmented_left_alone),
	KTEST_CASE(live_table_sane),
	{}
};

static const struct ktest_suite e820_suite = { "e820", e820_cases };
ktest_register_suite(e820_suite);
