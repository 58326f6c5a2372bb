/*
 * The kernel's layout: linked at __START_KERNEL (virtual) and loaded at
 * LOAD_PHYSICAL_ADDR (the segments' physical addresses, which the
 * decompressor uses). Text and rodata form one read-only segment, data
 * and bss another. _text must be the first byte: the kernel's size, and
 * phys_base (head_64.S), are counted from it.
 */
#include <asm/boot.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(phys_startup_64)

PHDRS
{
	text PT_LOAD FLAGS(5);		/* R_E */
	init PT_LOAD FLAGS(7);		/* RWE, freed after boot */
	data PT_LOAD FLAGS(6);		/* RW_ */
}

SECTIONS
{
	. = __START_KERNEL;
	phys_startup_64 = ABSOLUTE(startup_64 - __START_KERNEL_map);

	.text : AT(ADDR(.text) - __START_KERNEL_map) {
		_text = .;
		*(.head.text)
		*(.text .text.*)
		_etext = .;
	} :text

	. = ALIGN(4096);
	.rodata : AT(ADDR(.rodata) - __START_KERNEL_map) {
		__start_rodata = .;
		*(.rodata .rodata.*)
		. = ALIGN(8);
		__ktest_suites_start = .;
		KEEP(*(.ktest_suites))
		__ktest_suites_end = .;
		. = ALIGN(8);
		__start___ex_table = .;
		KEEP(*(__ex_table))
		__stop___ex_table = .;
		__end_rodata = .;
	} :text

	/* Boot-only code and data, freed by kernel_init() (init.h). */
	. = ALIGN(4096);
	.init : AT(ADDR(.init) - __START_KERNEL_map) {
		__init_begin = .;
		*(.init.text .init.text.*)
		*(.init.rodata)
		*(.init.data)
		. = ALIGN(8);
		__setup_start = .;
		KEEP(*(.init.setup))
		__setup_end = .;
		__initcall_start = .;
		KEEP(*(.initcall0.init))
		__initcall1_start = .;
		KEEP(*(.initcall1.init))
		__initcall2_start = .;
		KEEP(*(.initcall2.init))
		__initcall3_start = .;
		KEEP(*(.initcall3.init))
		__initcall4_start = .;
		KEEP(*(.initcall4.init))
		__initcall5_start = .;
		KEEP(*(.initcall5.init))
		__initcall6_start = .;
		KEEP(*(.initcall6.init))
		__initcall7_start = .;
		KEEP(*(.initcall7.init))
		__initcall_end = .;
		. = ALIGN(4096);
		__init_end = .;
	} :init

	. = ALIGN(4096);
	.data : AT(ADDR(.data) - __START_KERNEL_map) {
		_sdata = .;
		*(.data .data.*)
		_edata = .;
	} :data

	. = ALIGN(4096);
	.bss : AT(ADDR(.bss) - __START_KERNEL_map) {
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(4096);
		__bss_stop = .;
	} :data
	_end = .;

	/DISCARD/ : { *(.eh_frame) *(.note.*) *(.comment) }
}

ASSERT(_text == __START_KERNEL, "_text must be the kernel's first byte")
/* Each section gets its own page rights (arch/x86/mm/init_64.c). */
ASSERT(!((_text | __start_rodata | __init_begin | __init_end | _end) & 0xfff),
       "section boundaries must be page-aligned")
ASSERT(_end - __START_KERNEL_map <= KERNEL_IMAGE_SIZE, "kernel too big for its 1 GiB map")
