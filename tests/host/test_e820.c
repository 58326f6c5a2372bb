/*
 * Host test for e820__update_table() (arch/x86/kernel/e820_sanitize.c),
 * against two reference models that share nothing with its sweep:
 *  - a per-unit model: for small maps, the type of every byte (or every
 *    page, for page-aligned maps) is the highest type of the entries that
 *    cover it, computed by painting each entry over an array;
 *  - for maps anywhere in the 64-bit space, the elementary intervals
 *    between all entry boundaries, each typed by scanning every entry.
 * Every result must also be well formed: sorted, non-empty, disjoint,
 * with no two touching neighbours of one type. Plus table cases: empty,
 * wrapping and type-0 entries, identical and nested ranges, a map that
 * would not fit (-1, table untouched), one that fits exactly, and a
 * real QEMU map.
 *
 * The file under test is #included: its only external names are the
 * ones it defines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../arch/x86/kernel/e820_sanitize.c"

#include "harness.h"

#define UNITS	2048	/* size of the per-unit model's address space */

static void report(const char *what, const struct e820_table *in)
{
	u32 i;

	if (harness.failed > 10)
		return;
	fprintf(stderr, "FAIL %s; input:\n", what);
	for (i = 0; i < in->nr_entries; i++)
		fprintf(stderr, "  %#018llx +%#llx type %u\n",
			(unsigned long long)in->entries[i].addr,
			(unsigned long long)in->entries[i].size,
			in->entries[i].type);
}

/* Sorted, non-empty, disjoint, no touching neighbours of one type, no type 0. */
static bool well_formed(const struct e820_table *t)
{
	u32 i;

	for (i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];

		if (!e->size || !e->type || e->addr + e->size < e->addr)
			return false;
		if (i && t->entries[i - 1].addr + t->entries[i - 1].size > e->addr)
			return false;
		if (i && t->entries[i - 1].addr + t->entries[i - 1].size == e->addr &&
		    t->entries[i - 1].type == e->type)
			return false;
	}
	return true;
}

/* The type a table gives to one address (0: none), by scanning it all. */
static u32 type_at(const struct e820_table *t, u64 addr)
{
	u32 i, type = 0;

	for (i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];
		u64 end = e->addr + e->size;

		if (e->size && end > e->addr && addr >= e->addr && addr < end &&
		    e->type > type)
			type = e->type;
	}
	return type;
}

static u32 random_type(void)
{
	static const u32 common[] = { 1, 1, 1, 2, 2, 3, 4, 5, 7, 12 };

	if (rnd_below(20) == 0)
		return (u32)rnd();	/* any vendor type, 0 included */
	return common[rnd_below(sizeof(common) / sizeof(common[0]))];
}

/* Per-unit model: entries inside [0, UNITS * unit), painted unit by unit. */
static void check_painted(const struct e820_table *in, u64 unit)
{
	static u32 model[UNITS];
	struct e820_table out = *in;
	u32 i;
	u64 x;
	bool ok = true;

	memset(model, 0, sizeof(model));
	for (i = 0; i < in->nr_entries; i++) {
		const struct e820_entry *e = &in->entries[i];

		for (x = e->addr / unit; x < (e->addr + e->size) / unit; x++)
			if (e->type > model[x])
				model[x] = e->type;
	}
	if (!harness_check(e820__update_table(&out) == 0 && well_formed(&out))) {
		report("painted: failed or malformed result", in);
		return;
	}
	for (x = 0; x < UNITS && ok; x++)
		ok = type_at(&out, x * unit) == model[x] &&
		     type_at(&out, x * unit + unit - 1) == model[x];
	if (!harness_check(ok))
		report("painted: a unit has the wrong type", in);
}

static void random_small_map(struct e820_table *t, u64 unit, u32 n)
{
	u32 i;

	t->nr_entries = n;
	for (i = 0; i < n; i++) {
		u64 start = rnd_below(UNITS), len = rnd_below(UNITS / 4 + 1);

		if (start + len > UNITS)
			len = UNITS - start;
		t->entries[i] = (struct e820_entry){ start * unit, len * unit,
						     random_type() };
	}
}

static void test_painted(void)
{
	struct e820_table t;
	int i;

	group_start();
	for (i = 0; i < 3000; i++) {
		random_small_map(&t, 1, 1 + rnd_below(i % 3 ? 12 : E820_MAX_ENTRIES));
		check_painted(&t, 1);
	}
	group_end("per-byte model");

	group_start();
	for (i = 0; i < 3000; i++) {
		random_small_map(&t, 4096, 1 + rnd_below(i % 3 ? 12 : E820_MAX_ENTRIES));
		check_painted(&t, 4096);
	}
	group_end("per-page model");
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/*
 * Elementary intervals: between two consecutive boundaries of the input's
 * valid entries nothing changes, so checking the first and the last byte
 * of each against a scan of the input covers every address. The output
 * may have no boundary the input lacks.
 */
static void check_intervals(const struct e820_table *in)
{
	static u64 bounds[2 * E820_MAX_ENTRIES];
	struct e820_table out = *in;
	u32 i, nb = 0;
	bool ok = true;

	for (i = 0; i < in->nr_entries; i++) {
		const struct e820_entry *e = &in->entries[i];

		if (e->size && e->addr + e->size > e->addr) {
			bounds[nb++] = e->addr;
			bounds[nb++] = e->addr + e->size;
		}
	}
	qsort(bounds, nb, sizeof(bounds[0]), cmp_u64);
	if (!harness_check(e820__update_table(&out) == 0 && well_formed(&out))) {
		report("intervals: failed or malformed result", in);
		return;
	}
	for (i = 0; i + 1 < nb && ok; i++)
		ok = bounds[i] == bounds[i + 1] ||
		     (type_at(&out, bounds[i]) == type_at(in, bounds[i]) &&
		      type_at(&out, bounds[i + 1] - 1) == type_at(in, bounds[i]));
	if (nb && ok)
		ok = type_at(&out, bounds[0] - 1) == 0 &&
		     type_at(&out, bounds[nb - 1]) == 0;
	for (i = 0; i < out.nr_entries && ok; i++) {
		u64 a = out.entries[i].addr, b = a + out.entries[i].size;

		ok = bsearch(&a, bounds, nb, sizeof(a), cmp_u64) &&
		     bsearch(&b, bounds, nb, sizeof(b), cmp_u64);
	}
	if (!harness_check(ok))
		report("intervals: wrong type or stray boundary", in);
}

/* Addresses anywhere, clustered so that ranges meet and overlap. */
static u64 random_addr(void)
{
	switch (rnd_below(4)) {
	case 0:
		return rnd();
	case 1:
		return rnd_below(64) << 20;
	case 2:
		return UINT64_MAX - rnd_below(1 << 20);
	default:
		return (u64)rnd_below(8) << 32 | (u64)rnd_below(16) << 28;
	}
}

static void test_intervals(void)
{
	struct e820_table t;
	int i;
	u32 j;

	group_start();
	for (i = 0; i < 20000; i++) {
		t.nr_entries = 1 + rnd_below(i % 4 ? 16 : E820_MAX_ENTRIES);
		for (j = 0; j < t.nr_entries; j++) {
			u64 a = random_addr(), b = random_addr();

			if (rnd_below(8) == 0)
				b = a;				/* empty */
			else if (b < a && rnd_below(2))
				b = a + (a - b);		/* may wrap */
			t.entries[j] = (struct e820_entry){ a, b - a, random_type() };
		}
		check_intervals(&t);
	}
	group_end("64-bit elementary intervals");
}

/* Sanitizing a sanitized table changes nothing. */
static void test_idempotent(void)
{
	struct e820_table t, again;
	int i;

	group_start();
	for (i = 0; i < 2000; i++) {
		random_small_map(&t, 4096, 1 + rnd_below(E820_MAX_ENTRIES));
		if (e820__update_table(&t))
			continue;
		again = t;
		if (!harness_check(e820__update_table(&again) == 0 &&
				   !memcmp(&again, &t, sizeof(t))))
			report("second pass changed the table", &t);
	}
	group_end("idempotent");
}

struct table_case {
	const char *name;
	int n_in;
	struct e820_entry in[6];
	int n_out;
	struct e820_entry out[6];
};

#define MB	0x100000ull

static const struct table_case table_cases[] = {
	{ "empty table", 0, { }, 0, { } },
	{ "only useless entries", 3,
	  { { 0x1000, 0, 1 }, { 0x2000, 0x1000, 0 }, { UINT64_MAX - 0xfff, 0x1000, 2 } },
	  0, { } },
	{ "wrap dropped, others kept", 2,
	  { { UINT64_MAX - 0xfff, 0x2000, 2 }, { 0, 0x1000, 1 } },
	  1, { { 0, 0x1000, 1 } } },
	{ "ends at the last byte", 1,
	  { { UINT64_MAX - 0xfff, 0xfff, 2 } },
	  1, { { UINT64_MAX - 0xfff, 0xfff, 2 } } },
	{ "unsorted and adjacent, merged", 3,
	  { { 2 * MB, MB, 1 }, { 0, MB, 1 }, { MB, MB, 1 } },
	  1, { { 0, 3 * MB, 1 } } },
	{ "adjacent, different types kept apart", 2,
	  { { MB, MB, 2 }, { 0, MB, 1 } },
	  2, { { 0, MB, 1 }, { MB, MB, 2 } } },
	{ "reserved hole punched in RAM", 2,
	  { { 0, 8 * MB, 1 }, { 2 * MB, MB, 2 } },
	  3, { { 0, 2 * MB, 1 }, { 2 * MB, MB, 2 }, { 3 * MB, 5 * MB, 1 } } },
	{ "RAM inside reserved disappears", 2,
	  { { 2 * MB, MB, 1 }, { 0, 8 * MB, 2 } },
	  1, { { 0, 8 * MB, 2 } } },
	{ "identical entries, higher type wins", 3,
	  { { MB, MB, 3 }, { MB, MB, 4 }, { MB, MB, 1 } },
	  1, { { MB, MB, 4 } } },
	{ "staircase", 3,
	  { { 0, 4 * MB, 1 }, { MB, 4 * MB, 3 }, { 2 * MB, MB, 2 } },
	  2, { { 0, MB, 1 }, { MB, 4 * MB, 3 } } },
	{ "vendor type beats all", 2,
	  { { 0, 4 * MB, 0xf0000000 }, { MB, MB, 12 } },
	  1, { { 0, 4 * MB, 0xf0000000 } } },
	{ "QEMU -m 4096", 6,
	  { { 0, 0x9fc00, 1 }, { 0x9fc00, 0x400, 2 }, { 0xf0000, 0x10000, 2 },
	    { 0x100000, 0xbfee0000, 1 }, { 0xbffe0000, 0x20000, 2 },
	    { 0x100000000ull, 0x40000000, 1 } },
	  6, { { 0, 0x9fc00, 1 }, { 0x9fc00, 0x400, 2 }, { 0xf0000, 0x10000, 2 },
	       { 0x100000, 0xbfee0000, 1 }, { 0xbffe0000, 0x20000, 2 },
	       { 0x100000000ull, 0x40000000, 1 } } },
};

static void test_table(void)
{
	size_t c;

	group_start();
	for (c = 0; c < sizeof(table_cases) / sizeof(table_cases[0]); c++) {
		const struct table_case *tc = &table_cases[c];
		struct e820_table t = { .nr_entries = tc->n_in };

		memcpy(t.entries, tc->in, sizeof(tc->in));
		if (!harness_check(e820__update_table(&t) == 0 &&
				   t.nr_entries == (u32)tc->n_out &&
				   !memcmp(t.entries, tc->out,
					   tc->n_out * sizeof(tc->out[0]))))
			fprintf(stderr, "FAIL table case \"%s\" (%u entries out)\n",
				tc->name, t.nr_entries);
	}
	group_end("table cases");
}

/*
 * One RAM range with k reserved holes becomes 2k + 1 ranges: with
 * E820_MAX_ENTRIES - 1 holes that is too many, and the table must come
 * back untouched; with (E820_MAX_ENTRIES - 1) / 2 holes it fits exactly.
 */
static void test_capacity(void)
{
	struct e820_table t, before;
	u32 holes, i;

	group_start();
	for (holes = (E820_MAX_ENTRIES - 1) / 2; holes < E820_MAX_ENTRIES; holes++) {
		t.nr_entries = holes + 1;
		t.entries[0] = (struct e820_entry){ 0, 1ull << 40, 1 };
		for (i = 1; i <= holes; i++)
			t.entries[i] = (struct e820_entry){ i * 2 * MB, MB, 2 };
		before = t;
		if (2 * holes + 1 <= E820_MAX_ENTRIES)
			harness_check(e820__update_table(&t) == 0 &&
				      t.nr_entries == 2 * holes + 1 && well_formed(&t));
		else
			harness_check(e820__update_table(&t) == -1 &&
				      !memcmp(&t, &before, sizeof(t)));
	}
	t.nr_entries = E820_MAX_ENTRIES + 1;
	harness_check(e820__update_table(&t) == -1);
	group_end("capacity");
}

int main(void)
{
	harness_seed(0xe820e820e820ull);
	test_table();
	test_painted();
	test_intervals();
	test_idempotent();
	test_capacity();
	return harness_summary();
}
