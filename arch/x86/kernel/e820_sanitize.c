/*
 * e820__update_table(): turn a firmware memory map into one the kernel
 * can use. The ACPI specification ("System Address Map Interfaces") lets
 * a BIOS report ranges in any order, and real ones overlap; the rule that
 * Linux's function of the same name applies, and that we follow, is that
 * the higher type number wins where ranges overlap (so RAM that is also
 * claimed as reserved is never used), and that neighbours of one type
 * become one range.
 *
 * The method is a sweep: every range contributes two points, its start
 * and its end; in address order, the ranges open between two points are
 * known, and the highest of their types is the type of that stretch. An
 * output range is closed and the next opened wherever that type changes.
 * A first sweep counts the output, so a result that would not fit leaves
 * the table as it was.
 *
 * This file has no printk and no dependency on the rest of the kernel, so
 * the host test (tests/host/test_e820.c) compiles it as it is. It is not
 * __init: the e820 ktest suite calls it after boot.
 */
#include <asm/e820/api.h>

struct change_point {
	u64 addr;
	u32 type;
	bool start;
};

/* Scratch space: the table is rewritten in place from these. */
static struct change_point points[2 * E820_MAX_ENTRIES];
static u32 open_types[E820_MAX_ENTRIES];

static int collect_points(const struct e820_table *table)
{
	int i, n = 0;

	for (i = 0; i < (int)table->nr_entries; i++) {
		const struct e820_entry *e = &table->entries[i];
		u64 end = e->addr + e->size;

		if (!e->size || !e->type || end < e->addr)
			continue;
		points[n++] = (struct change_point){ e->addr, e->type, true };
		points[n++] = (struct change_point){ end, e->type, false };
	}
	return n;
}

/* Insertion sort: at most 256 points, and firmware maps come nearly sorted. */
static void sort_points(int n)
{
	int i, j;

	for (i = 1; i < n; i++) {
		struct change_point p = points[i];

		for (j = i; j > 0 && points[j - 1].addr > p.addr; j--)
			points[j] = points[j - 1];
		points[j] = p;
	}
}

static u32 highest_open_type(int nopen)
{
	u32 type = 0;
	int i;

	for (i = 0; i < nopen; i++)
		if (open_types[i] > type)
			type = open_types[i];
	return type;
}

/* Every end has its start at a lower address, so its type is open. */
static int close_type(int nopen, u32 type)
{
	int i;

	for (i = 0; open_types[i] != type; i++)
		;
	open_types[i] = open_types[nopen - 1];
	return nopen - 1;
}

/*
 * One sweep over the sorted points. With out == NULL it only counts the
 * ranges it would write. Returns their number, or -1 past max.
 */
static int sweep(int npoints, struct e820_entry *out, int max)
{
	int i = 0, nopen = 0, nout = 0;
	u32 cur = 0, type;

	while (i < npoints) {
		u64 addr = points[i].addr;

		for (; i < npoints && points[i].addr == addr; i++) {
			if (points[i].start)
				open_types[nopen++] = points[i].type;
			else
				nopen = close_type(nopen, points[i].type);
		}
		type = highest_open_type(nopen);
		if (type == cur)
			continue;
		if (cur && out)
			out[nout - 1].size = addr - out[nout - 1].addr;
		if (type) {
			if (nout == max)
				return -1;
			if (out)
				out[nout] = (struct e820_entry){ addr, 0, type };
			nout++;
		}
		cur = type;
	}
	return nout;
}

int e820__update_table(struct e820_table *table)
{
	int n;

	if (table->nr_entries > E820_MAX_ENTRIES)
		return -1;
	n = collect_points(table);
	sort_points(n);
	if (sweep(n, NULL, E820_MAX_ENTRIES) < 0)
		return -1;
	table->nr_entries = sweep(n, table->entries, E820_MAX_ENTRIES);
	return 0;
}
