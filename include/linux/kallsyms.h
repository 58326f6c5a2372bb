/*
 * The kernel's own symbol table (text symbols), built into the image at
 * link time by tools/kallsyms, for oopses and call traces.
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN	128
#define KSYM_SYMBOL_LEN	(KSYM_NAME_LEN + 48)

bool kernel_text_address(unsigned long addr);
/* "name+0xoff/0xlen", or the bare address if no symbol covers it. */
int sprint_symbol(char *buf, size_t size, unsigned long addr);

#endif
