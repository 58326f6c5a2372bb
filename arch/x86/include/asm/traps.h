/* Exceptions: the vectors, their entry stubs and the IST stacks. */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#define NR_EXCEPTION_VECTORS	32
#define FIRST_EXTERNAL_VECTOR	0x20	/* the 8259s' IRQs 0-15 land here */
#define NR_IRQS			16
#define NR_STUB_VECTORS		(FIRST_EXTERNAL_VECTOR + NR_IRQS)
#define EXCEPTION_STUB_SIZE	16

#define X86_TRAP_DE	0	/* divide error */
#define X86_TRAP_DB	1
#define X86_TRAP_NMI	2
#define X86_TRAP_BP	3
#define X86_TRAP_DF	8	/* double fault */
#define X86_TRAP_GP	13
#define X86_TRAP_PF	14

/* Interrupt Stack Table slot of the double-fault handler (SDM 6.14.5). */
#define IST_DOUBLE_FAULT	1

#ifndef __ASSEMBLY__
#include <asm/ptrace.h>

void trap_init(void);
void do_vector(struct pt_regs *regs);
void do_IRQ(struct pt_regs *regs);
#endif

#endif
