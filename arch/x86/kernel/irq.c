/*
 * Dispatching hardware interrupts to their handlers: one handler per
 * 8259 line, run with interrupts off (the IDT has interrupt gates), then
 * the end-of-interrupt.
 */
#include <linux/printk.h>
#include <linux/sched.h>
#include <asm/irq.h>
#include <asm/traps.h>

struct irq_desc {
	irq_handler_t handler;
	const char *name;
	unsigned long count;
};

static struct irq_desc irq_desc[NR_IRQS];
static unsigned long spurious_count;

int request_irq(int irq, irq_handler_t handler, const char *name)
{
	if (irq < 0 || irq >= NR_IRQS || irq_desc[irq].handler)
		return -1;
	irq_desc[irq].handler = handler;
	irq_desc[irq].name = name;
	enable_8259A_irq(irq);
	return 0;
}

void do_IRQ(struct pt_regs *regs)
{
	int irq = regs->vector - FIRST_EXTERNAL_VECTOR;
	struct irq_desc *desc = &irq_desc[irq];

	if (!i8259A_irq_real(irq)) {
		spurious_count++;
		return;
	}
	desc->count++;
	if (desc->handler)
		desc->handler(irq, regs);
	else if (desc->count == 1)
		pr_warn("irq %d: no handler, ignored\n", irq);
	i8259A_eoi(irq);
	preempt_schedule_irq();
}

void init_IRQ(void)
{
	init_8259A();
}
