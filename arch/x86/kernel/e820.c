/*
 * The firmware's memory map, as Linux handles it: the zero page's copy of
 * the BIOS E820h table goes into e820_table, is sanitized (sorted,
 * overlaps resolved, e820_sanitize.c) and printed; its usable RAM becomes
 * memblock's memory. A BIOS without E820h left only memory sizes (E801h
 * in alt_mem_k, 88h in ext_mem_k): we then describe 640 KiB of low memory
 * and one block above 1 MiB, the larger of the two answers, as Linux does.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/printk.h>
#include <asm/e820/api.h>
#include <asm/page.h>
#include <asm/setup.h>

#define LOWMEMSIZE	0x9f000	/* 636 KiB: below the usual EBDA */
#define HIGH_MEMORY	0x100000

static struct e820_table e820_table_init;
struct e820_table *e820_table = &e820_table_init;

static const char *e820_type_name(u32 type)
{
	switch (type) {
	case E820_TYPE_RAM:		return "usable";
	case E820_TYPE_RESERVED:	return "reserved";
	case E820_TYPE_ACPI:		return "ACPI data";
	case E820_TYPE_NVS:		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:	return "unusable";
	case E820_TYPE_PMEM:		return "persistent (type 7)";
	}
	return NULL;
}

static void e820_print_entry(const char *who, u64 start, u64 size, u32 type)
{
	const char *name = e820_type_name(type);

	if (name)
		pr_info("%s: [mem 0x%016llx-0x%016llx] %s\n", who,
			(unsigned long long)start,
			(unsigned long long)(start + size - 1), name);
	else
		pr_info("%s: [mem 0x%016llx-0x%016llx] type %u\n", who,
			(unsigned long long)start,
			(unsigned long long)(start + size - 1), type);
}

static void e820__range_add(u64 start, u64 size, u32 type)
{
	struct e820_table *t = e820_table;

	if (t->nr_entries == E820_MAX_ENTRIES)
		return;
	t->entries[t->nr_entries++] = (struct e820_entry){ start, size, type };
}

/* A table of fewer than two entries is no map (Linux's rule too). */
static bool append_bios_table(void)
{
	int i, n = boot_params.e820_entries;

	if (n > E820_MAX_ENTRIES_ZEROPAGE)
		n = E820_MAX_ENTRIES_ZEROPAGE;
	if (n < 2)
		return false;
	for (i = 0; i < n; i++) {
		const struct boot_e820_entry *e = &boot_params.e820_table[i];

		if (e->addr + e->size < e->addr) {
			pr_warn("BIOS-e820: [mem 0x%016llx +0x%llx] wraps past 2^64: ignored\n",
				(unsigned long long)e->addr,
				(unsigned long long)e->size);
			continue;
		}
		e820__range_add(e->addr, e->size, e->type);
	}
	return true;
}

static const char *e820__memory_setup_default(void)
{
	u32 ext_k = boot_params.screen_info.ext_mem_k;
	u32 alt_k = boot_params.alt_mem_k;

	if (append_bios_table()) {
		if (!e820__update_table(e820_table))
			return "BIOS-e820";
		pr_warn("BIOS-e820: more than %d ranges once sanitized: map ignored\n",
			E820_MAX_ENTRIES);
	}
	e820_table->nr_entries = 0;
	if (!alt_k && !ext_k) {
		pr_warn("BIOS gave no memory map and no memory size\n");
		return NULL;
	}
	e820__range_add(0, LOWMEMSIZE, E820_TYPE_RAM);
	e820__range_add(HIGH_MEMORY, (u64)max(alt_k, ext_k) << 10, E820_TYPE_RAM);
	return alt_k < ext_k ? "BIOS-88" : "BIOS-e801";
}

void e820__memory_setup(void)
{
	const char *who;
	u32 i;

	pr_info("BIOS-provided physical RAM map:\n");
	who = e820__memory_setup_default();
	for (i = 0; who && i < e820_table->nr_entries; i++)
		e820_print_entry(who, e820_table->entries[i].addr,
				 e820_table->entries[i].size,
				 e820_table->entries[i].type);
}

/*
 * Usable RAM, whole pages only, becomes memblock's memory. The direct map
 * has room for MAXMEM: anything above is left out, and said so.
 */
void e820__memblock_setup(void)
{
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *e = &e820_table->entries[i];
		u64 start = ALIGN(e->addr, (u64)PAGE_SIZE);
		u64 end = ALIGN_DOWN(e->addr + e->size, (u64)PAGE_SIZE);

		if (e->type != E820_TYPE_RAM)
			continue;
		if (end > MAXMEM) {
			pr_warn("e820: RAM above %lu TiB ignored\n", MAXMEM >> 40);
			end = MAXMEM;
		}
		if (start < end)
			memblock_add(start, end - start);
	}
}
