/*
 * The kernel's copy of the firmware memory map (Linux's struct e820_table),
 * kept apart from the zero page's fixed-size copy so it can be sanitized.
 * Types are the ACPI address range types (E820_TYPE_* in asm/bootparam.h);
 * 0 is not a type and stands for "no range".
 */
#ifndef _ASM_X86_E820_TYPES_H
#define _ASM_X86_E820_TYPES_H

#include <linux/types.h>
#include <asm/bootparam.h>

#define E820_MAX_ENTRIES	E820_MAX_ENTRIES_ZEROPAGE

struct e820_entry {
	u64 addr;
	u64 size;
	u32 type;
} __attribute__((packed));

struct e820_table {
	u32 nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

#endif
