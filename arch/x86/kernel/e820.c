/*
 * The firmware's memory map, printed the way Linux prints it. A BIOS
 * without E820h left only memory sizes (E801h in alt_mem_k, 88h in
 * ext_mem_k): we then describe 640 KiB of low memory and one block above
 * 1 MiB, the larger of the two answers, as Linux does.
 */
#include <linux/printk.h>
#include <asm/setup.h>

#define LOWMEMSIZE	0x9f000	/* 636 KiB: below the usual EBDA */
#define HIGH_MEMORY	0x100000

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

void e820__memory_setup(void)
{
	u32 ext_k = boot_params.screen_info.ext_mem_k;
	u32 alt_k = boot_params.alt_mem_k;
	int i, n = boot_params.e820_entries;

	pr_info("BIOS-provided physical RAM map:\n");
	if (n > E820_MAX_ENTRIES_ZEROPAGE)
		n = E820_MAX_ENTRIES_ZEROPAGE;
	if (n >= 2) {
		for (i = 0; i < n; i++) {
			const struct boot_e820_entry *e = &boot_params.e820_table[i];

			e820_print_entry("BIOS-e820", e->addr, e->size, e->type);
		}
		return;
	}
	if (!alt_k && !ext_k) {
		pr_warn("BIOS gave no memory map and no memory size\n");
		return;
	}
	e820_print_entry(alt_k < ext_k ? "BIOS-88" : "BIOS-e801", 0,
			 LOWMEMSIZE, E820_TYPE_RAM);
	e820_print_entry(alt_k < ext_k ? "BIOS-88" : "BIOS-e801", HIGH_MEMORY,
			 (u64)(alt_k < ext_k ? ext_k : alt_k) << 10, E820_TYPE_RAM);
}
