/*
 * The kernel image's section boundaries, from the linker script
 * (arch/x86/kernel/vmlinux.lds.S). Each is page-aligned except _etext,
 * __end_rodata and _edata, so that every section can get its own page
 * rights.
 */
#ifndef _ASM_X86_SECTIONS_H
#define _ASM_X86_SECTIONS_H

extern char _text[], _etext[];
extern char __start_rodata[], __end_rodata[];
extern char __init_begin[], __init_end[];
extern char _sdata[], _edata[];
extern char __bss_start[], __bss_stop[];
extern char _end[];

#endif
