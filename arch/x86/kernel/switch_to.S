/*
 * __switch_to(prev, next): the context switch. Only the callee-saved
 * registers (System V AMD64 ABI, 3.2.1) need saving, because the C caller
 * (schedule) already expects the others to be clobbered: push them on
 * prev's stack, keep prev's stack pointer in prev->sp (offset 0 of
 * task_struct), load next's, and pop next's registers. The ret then
 * returns into next's own call of __switch_to.
 *
 * ret_from_fork: where a new thread starts, from the frame
 * thread_setup_stack() built: %r12 = its function, %r13 = its argument.
 */
	.text
	.globl	__switch_to
	.type	__switch_to, @function
__switch_to:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	(%rsi), %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size	__switch_to, . - __switch_to

	.globl	ret_from_fork
	.type	ret_from_fork, @function
ret_from_fork:
	sti
	movq	%r13, %rdi
	call	*%r12
	movl	%eax, %edi
	call	do_exit
	.size	ret_from_fork, . - ret_from_fork
