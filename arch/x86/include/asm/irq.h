/* Hardware interrupts: the 8259 PICs' 16 lines, and their handlers. */
#ifndef _ASM_X86_IRQ_H
#define _ASM_X86_IRQ_H

#include <asm/ptrace.h>

typedef void (*irq_handler_t)(int irq, struct pt_regs *regs);

void init_IRQ(void);
int request_irq(int irq, irq_handler_t handler, const char *name);

/* i8259.c */
void init_8259A(void);
void enable_8259A_irq(int irq);
void disable_8259A_irq(int irq);
bool i8259A_irq_real(int irq);
void i8259A_eoi(int irq);

#endif
