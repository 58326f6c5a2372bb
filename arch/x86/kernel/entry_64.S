/*
 * Entry points of the 32 exception vectors and the 16 IRQ vectors. Each
 * stub makes the stack look the same whether or not the CPU pushed an
 * error code (Intel SDM vol. 3, 6.13: vectors 8, 10-14, 17, 21, 29 and 30
 * push one), adds the vector number, and joins common code that saves the
 * general registers as a struct pt_regs (asm/ptrace.h) and calls
 * do_vector(regs).
 *
 * Stubs are EXCEPTION_STUB_SIZE bytes apart, so trap_init() finds stub n
 * at exception_stubs + n * EXCEPTION_STUB_SIZE.
 */
#include <asm/traps.h>

/* Does the CPU push an error code for this vector? */
#define HAS_ERROR_CODE(v) \
	((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || \
	 (v) == 29 || (v) == 30)

	.text
	.balign	EXCEPTION_STUB_SIZE
	.globl	exception_stubs
exception_stubs:
	vector = 0
	.rept	NR_STUB_VECTORS
	.balign	EXCEPTION_STUB_SIZE
	.if	!HAS_ERROR_CODE(vector)
	pushq	$0
	.endif
	pushq	$vector
	jmp	exception_common
	vector = vector + 1
	.endr

exception_common:
	cld
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, %rdi
	/* The ABI wants %rsp 16-byte aligned at a call; the CPU aligned it. */
	call	do_vector
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
	addq	$16, %rsp		/* vector and error code */
	iretq
