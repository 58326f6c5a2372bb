/*
 * The kernel's first instructions. The decompressor jumps here at our
 * physical address, in long mode on its identity map, with %rsi =
 * boot_params (physical).
 *
 * Our virtual addresses are fixed at link time (__START_KERNEL); where we
 * run physically is the decompressor's choice, any 2 MiB boundary, above
 * 4 GiB too. phys_base is the difference (Linux's name): a kernel address
 * x is at physical x - __START_KERNEL_map + phys_base (asm/page.h).
 *
 * We build our own page tables, all from %rip-relative addresses, which
 * are physical while we run here:
 *  - the first 4 GiB identity-mapped, and the same 4 GiB at PAGE_OFFSET
 *    (so __va() works until the kernel builds its direct map,
 *    arch/x86/mm/init_64.c);
 *  - the GiBs holding us, the zero page and the command line, likewise,
 *    when a 64-bit loader put them above 4 GiB (asm/ident_map.h);
 *  - the image at __START_KERNEL_map (the top 2 GiB, where -mcmodel=kernel
 *    code must run), on whatever physical pages hold it.
 * Then we continue at our link address, load our GDT, clear the bss and
 * call C.
 */
#include <asm/boot.h>
#include <asm/bootparam.h>
#include <asm/segment.h>
#include <asm/pgtable.h>
#include <asm/ident_map.h>

#define __PA(x)		((x) - __START_KERNEL_map)
#define L4_PAGE_OFFSET	((PAGE_OFFSET >> PGDIR_SHIFT) & (PTRS_PER_TABLE - 1))
#define L3_START_KERNEL	510	/* __START_KERNEL_map's PDPT entry */

/*
 * Tables for the GiBs above 4 GiB: ours (one, the head code is in the
 * first 2 MiB of an image aligned to 2 MiB), the zero page's and the
 * command line's (two each, either may straddle a GiB boundary); each
 * GiB may need a page directory and a PDPT of its own.
 */
#define EARLY_DYNAMIC_PAGE_TABLES	(2 * (1 + 2 + 2))

	.section ".head.text", "ax"
	.code64
	.globl	startup_64
startup_64:
	cld
	cli
	/* Where _text is, against where it was linked to be. */
	leaq	_text(%rip), %rbp
	movq	$__PA(_text), %rax
	subq	%rax, %rbp
	movq	%rbp, phys_base(%rip)

	/* PML4 -> PDPTs -> page directories, as laid out below. */
	leaq	early_top_pgt(%rip), %r8
	leaq	(level3_ident_pgt + _KERNPG_TABLE)(%rip), %rax
	movq	%rax, (%r8)
	movq	%rax, (L4_PAGE_OFFSET * 8)(%r8)
	leaq	(level3_kernel_pgt + _KERNPG_TABLE)(%rip), %rax
	movq	%rax, ((PTRS_PER_TABLE - 1) * 8)(%r8)
	leaq	(level2_kernel_pgt + _KERNPG_TABLE)(%rip), %rax
	movq	%rax, (level3_kernel_pgt + L3_START_KERNEL * 8)(%rip)

	leaq	level3_ident_pgt(%rip), %rdi
	leaq	(level2_ident_pgt + _KERNPG_TABLE)(%rip), %rax
	movl	$4, %ecx
1:	movq	%rax, (%rdi)
	addq	$PAGE_SIZE, %rax
	addq	$8, %rdi
	decl	%ecx
	jnz	1b

	/* The image's 2 MiB pages in level2_kernel_pgt, and nothing else. */
	leaq	level2_kernel_pgt(%rip), %rdx
	movq	$__PA(_text), %rdi
	shrq	$PMD_SHIFT, %rdi
	movq	$__PA(_end - 1), %rcx
	shrq	$PMD_SHIFT, %rcx
	leaq	(_text + IDENT_PMD_FLAGS)(%rip), %rax
1:	movq	%rax, (%rdx,%rdi,8)
	addq	$PMD_SIZE, %rax
	incq	%rdi
	cmpq	%rcx, %rdi
	jbe	1b

	/*
	 * Above 4 GiB: our GiB (for the instructions right after the switch)
	 * and those of the zero page and command line (for __va() in
	 * x86_64_start_kernel() and setup_command_line()).
	 */
	leaq	early_dynamic_pgts(%rip), %r9
	leaq	_text(%rip), %rdi
	IDENT_MAP_GIB L4_PAGE_OFFSET
	movq	%rsi, %rdi
	IDENT_MAP_GIB L4_PAGE_OFFSET
	leaq	(PAGE_SIZE - 1)(%rsi), %rdi
	IDENT_MAP_GIB L4_PAGE_OFFSET
	movl	BP_ext_cmd_line_ptr(%rsi), %edi
	shlq	$32, %rdi
	movl	BP_cmd_line_ptr(%rsi), %eax
	orq	%rax, %rdi
	IDENT_MAP_GIB L4_PAGE_OFFSET
	addq	$(COMMAND_LINE_SIZE - 1), %rdi
	IDENT_MAP_GIB L4_PAGE_OFFSET

	movq	%r8, %cr3
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
 * Filled in by startup_64. The identity map's page directories hold
 * absolute physical addresses and need no filling.
 */
	.balign	8
	.globl	phys_base
phys_base:
	.quad	0
	.balign	PAGE_SIZE
early_top_pgt:
	.fill	PTRS_PER_TABLE, 8, 0
level3_ident_pgt:
	.fill	PTRS_PER_TABLE, 8, 0
level3_kernel_pgt:
	.fill	PTRS_PER_TABLE, 8, 0
level2_kernel_pgt:
	.fill	PTRS_PER_TABLE, 8, 0
level2_ident_pgt:
	i = 0
	.rept	4 * PTRS_PER_TABLE
	.quad	(i << PMD_SHIFT) + IDENT_PMD_FLAGS
	i = i + 1
	.endr

/* Only used until init_mem_mapping() switches to the kernel's tables. */
	.section ".init.data", "aw"
	.balign	PAGE_SIZE
early_dynamic_pgts:
	.fill	EARLY_DYNAMIC_PAGE_TABLES * PAGE_SIZE, 1, 0

	.bss
	.balign	16
	.globl	init_stack
init_stack:
	.fill	16384, 1, 0
init_stack_end:
