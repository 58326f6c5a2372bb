/*
 * Identity maps beyond the first 4 GiB, for the two stages that run on
 * the physical addresses a loader chose: the decompressor (compressed/
 * head_64.S) and the kernel's first instructions (arch/x86/kernel/
 * head_64.S). Both map the first 4 GiB with static tables; a 64-bit
 * loader may put the kernel, the zero page and the command line anywhere
 * (boot.rst, XLF_CAN_BE_LOADED_ABOVE_4G), so each of those gets its GiB
 * mapped too, with 2 MiB pages (Intel SDM vol. 3, 4.5), in tables taken
 * from a pool the caller sized for its worst case.
 *
 * Assembly only: it runs before either stage may touch its bss or use a
 * stack of its own.
 */
#ifndef _ASM_X86_IDENT_MAP_H
#define _ASM_X86_IDENT_MAP_H

#include <asm/pgtable.h>

#ifdef __ASSEMBLY__

#define IDENT_PMD_FLAGS	(_PAGE_PRESENT + _PAGE_RW + _PAGE_PSE)
#define IDENT_TABLE	(_PAGE_PRESENT + _PAGE_RW)

/*
 * IDENT_MAP_GIB alias: make the GiB holding physical address %rdi present
 * at the same address in the PML4 at %r8. New page-directory-pointer
 * tables and page directories are the zeroed pages from %r9 up; %r9 is
 * advanced past those used. A PML4 entry made here is also written \alias
 * entries further on (0: nowhere), for the kernel's view of the same
 * tables at PAGE_OFFSET. A GiB already present is left as it is, so the
 * first 4 GiB and repeated addresses cost nothing.
 * Clobbers %rax, %rcx, %rdx.
 */
.macro IDENT_MAP_GIB alias
	movq	%rdi, %rax
	shrq	$PGDIR_SHIFT, %rax
	movq	(%r8,%rax,8), %rcx
	testb	$_PAGE_PRESENT, %cl
	jnz	.Lpud_present\@
	leaq	IDENT_TABLE(%r9), %rcx
	addq	$PAGE_SIZE, %r9
	movq	%rcx, (%r8,%rax,8)
	.if \alias
	movq	%rcx, (\alias * 8)(%r8,%rax,8)
	.endif
.Lpud_present\@:
	movabsq	$PTE_PFN_MASK, %rdx
	andq	%rdx, %rcx
	movq	%rdi, %rax
	shrq	$PUD_SHIFT, %rax
	andl	$(PTRS_PER_TABLE - 1), %eax
	leaq	(%rcx,%rax,8), %rcx
	testb	$_PAGE_PRESENT, (%rcx)
	jnz	.Lmapped\@
	leaq	IDENT_TABLE(%r9), %rax
	movq	%rax, (%rcx)
	movq	%rdi, %rax
	shrq	$PUD_SHIFT, %rax
	shlq	$PUD_SHIFT, %rax
	orq	$IDENT_PMD_FLAGS, %rax
	movl	$PTRS_PER_TABLE, %ecx
.Lfill\@:
	movq	%rax, (%r9)
	addq	$8, %r9
	addq	$PMD_SIZE, %rax
	decl	%ecx
	jnz	.Lfill\@
.Lmapped\@:
.endm

#endif /* __ASSEMBLY__ */

#endif
