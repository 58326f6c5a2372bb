/*
 * The registers saved on the stack at an exception: what the CPU pushes
 * (Intel SDM vol. 3, 6.14.2, "64-Bit Mode Stack Frame"), the error code or
 * a 0 in its place, and the general registers entry_64.S pushes. Linux's
 * struct pt_regs has the same order, so an oops reads the same.
 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#include <linux/types.h>

struct pt_regs {
	unsigned long r15, r14, r13, r12, rbp, rbx;
	unsigned long r11, r10, r9, r8, rax, rcx, rdx, rsi, rdi;
	unsigned long vector;		/* pushed by our stub */
	unsigned long error_code;	/* pushed by the CPU, or 0 by the stub */
	unsigned long rip, cs, eflags, rsp, ss;	/* pushed by the CPU */
};

#endif
