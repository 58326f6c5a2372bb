/* The e820 memory map: reading it from the zero page and using it. */
#ifndef _ASM_X86_E820_API_H
#define _ASM_X86_E820_API_H

#include <asm/e820/types.h>

extern struct e820_table *e820_table;

/*
 * Sort the table and resolve overlaps: where ranges overlap, the higher
 * type wins; neighbours of one type merge; empty ranges and ranges that
 * wrap past 2^64 go. Returns 0, or -1 (table untouched) if the result
 * would not fit in E820_MAX_ENTRIES.
 */
int e820__update_table(struct e820_table *table);

void e820__memory_setup(void);
void e820__memblock_setup(void);

#endif
