/*
 * The kernel's layout: linked at __START_KERNEL (virtual) and loaded at
 * LOAD_PHYSICAL_ADDR (the segments' physical addresses, which the
 * decompressor uses). Text and rodata form one read-only segment, data
 * and bss another. _text must be the first byte: relocation offsets and
 * the kernel's size are counted from it.
 */
#include <asm/boot.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(phys_startup_64)

PHDRS
{
	text PT_LOAD FLAGS(5);		/* R_E */
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
		__end_rodata = .;
	} :text

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
ASSERT(_end - __START_KERNEL_map <= KERNEL_IMAGE_SIZE, "kernel too big for its 1 GiB map")
