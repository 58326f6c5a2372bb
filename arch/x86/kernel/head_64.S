/*
 * The kernel's first instructions. The decompressor jumps here at our
 * physical address, in long mode on its identity map of the first 4 GiB,
 * with %rsi = boot_params (physical).
 *
 * We switch to our own page tables, which keep that identity map, show
 * the same 4 GiB at PAGE_OFFSET (so __va() works until the kernel builds
 * its direct map, arch/x86/mm/init_64.c) and add the kernel's own mapping
 * at __START_KERNEL_map + physical address (the top 2 GiB, where
 * -mcmodel=kernel code must run), continue at our link address, load our
 * GDT, clear the bss and call C.
 *
 * The tables' entries are link-time constants: when the decompressor runs
 * us elsewhere, it adds the displacement to them (and to every other
 * absolute address) with the table from tools/relocs.
 */
#include <asm/boot.h>
#include <asm/segment.h>
#include <asm/pgtable.h>

#define __PA(x)		((x) - __START_KERNEL_map)
#define PGT_ENTRY(t)	(__PA(t) + _PAGE_PRESENT + _PAGE_RW)
#define PMD_FLAGS	(_PAGE_PRESENT + _PAGE_RW + _PAGE_PSE)
#define L4_PAGE_OFFSET	((PAGE_OFFSET >> PGDIR_SHIFT) & (PTRS_PER_TABLE - 1))

	.section ".head.text", "ax"
	.code64
	.globl	startup_64
startup_64:
	cld
	cli
	movq	$__PA(early_top_pgt), %rax
	movq	%rax, %cr3
	movq	$1f, %rax		/* our link address, in the high map */
	jmp	*%rax
1:
	lgdt	early_gdt_descr(%rip)
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	pushq	$__KERNEL_CS
	leaq	2f(%rip), %rax
	pushq	%rax
	lretq
2:
	/* The bss may hold the decompressor's stack and tables: not before now. */
	leaq	__bss_start(%rip), %rdi
	leaq	__bss_stop(%rip), %rcx
	subq	%rdi, %rcx
	shrq	$3, %rcx
	xorl	%eax, %eax
	rep	stosq

	leaq	init_stack_end(%rip), %rsp
	movq	%rsi, %rdi
	call	x86_64_start_kernel
3:	hlt
	jmp	3b

	.data
	.balign	16
early_gdt_descr:
	.word	early_gdt_end - early_gdt - 1
	.quad	early_gdt
	.balign	16
	.globl	gdt_table
gdt_table:
early_gdt:
	.quad	0				/* null */
	.quad	0x00cf9a000000ffff		/* __KERNEL32_CS */
	.quad	0x00af9a000000ffff		/* __KERNEL_CS: 64-bit */
	.quad	0x00cf92000000ffff		/* __KERNEL_DS */
	.quad	0, 0				/* TSS, set by trap_init() */
early_gdt_end:

/*
 * PML4[0] and PML4[L4_PAGE_OFFSET] -> the same map of 4 GiB; PML4[511] ->
 * PDPT whose entry 510 (0xffffffff80000000) -> one page directory mapping
 * physical 0-1 GiB.
 */
	.balign	4096
early_top_pgt:
	.quad	PGT_ENTRY(level3_ident_pgt)
	.fill	L4_PAGE_OFFSET - 1, 8, 0
	.quad	PGT_ENTRY(level3_ident_pgt)
	.fill	510 - L4_PAGE_OFFSET, 8, 0
	.quad	PGT_ENTRY(level3_kernel_pgt)
level3_ident_pgt:
	.quad	PGT_ENTRY(level2_ident_pgt)
	.quad	PGT_ENTRY(level2_ident_pgt + 0x1000)
	.quad	PGT_ENTRY(level2_ident_pgt + 0x2000)
	.quad	PGT_ENTRY(level2_ident_pgt + 0x3000)
	.fill	508, 8, 0
level3_kernel_pgt:
	.fill	510, 8, 0
	.quad	PGT_ENTRY(level2_kernel_pgt)
	.quad	0
level2_ident_pgt:
	i = 0
	.rept	2048
	.quad	(i << 21) + PMD_FLAGS
	i = i + 1
	.endr
level2_kernel_pgt:
	i = 0
	.rept	512
	.quad	(i << 21) + PMD_FLAGS
	i = i + 1
	.endr

	.bss
	.balign	16
	.globl	init_stack
init_stack:
	.fill	16384, 1, 0
init_stack_end:
