/*
 * Declarations shared by the decompressor's C files. It runs in long mode
 * with the first 4 GiB identity-mapped, interrupts off, and no IDT: a
 * fault here resets the machine, so every check happens before the
 * access it protects.
 */
#ifndef COMPRESSED_MISC_H
#define COMPRESSED_MISC_H

#include <linux/types.h>
#include <asm/bootparam.h>

extern struct boot_params *boot_params;

/* console.c */
void console_init(const char *cmdline);
void putstr(const char *s);
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void __attribute__((noreturn, format(printf, 1, 2))) error(const char *fmt, ...);
extern bool debug;

/* elf.c */
u64 parse_elf(u8 *output, size_t len);
void handle_relocations(u8 *output, size_t len, u64 delta);

#endif
