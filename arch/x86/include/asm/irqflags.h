/* The interrupt flag (EFLAGS.IF): on, off, and saved around a section. */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H

#include <asm/processor-flags.h>

static inline void local_irq_enable(void)
{
	asm volatile("sti" : : : "memory");
}

static inline void local_irq_disable(void)
{
	asm volatile("cli" : : : "memory");
}

static inline unsigned long local_irq_save(void)
{
	unsigned long flags;

	asm volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
	return flags;
}

static inline void local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
}

static inline bool irqs_disabled(void)
{
	unsigned long flags;

	asm volatile("pushfq; popq %0" : "=r"(flags));
	return !(flags & X86_EFLAGS_IF);
}

/* "sti; hlt" as one: an interrupt between them would be lost otherwise. */
static inline void safe_halt(void)
{
	asm volatile("sti; hlt" : : : "memory");
}

#endif
