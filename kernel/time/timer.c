/*
 * Sleeping by the tick. Until there are threads to switch to, a sleeper
 * halts the CPU between ticks ("sti; hlt" wakes on the next interrupt).
 * One tick more than asked: the current tick is already partly gone.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <asm/irqflags.h>

void msleep(unsigned int msecs)
{
	u64 until = jiffies + msecs_to_jiffies(msecs) + 1;
	bool irqs_were_off = irqs_disabled();

	while (time_before(jiffies, until))
		safe_halt();
	if (irqs_were_off)
		local_irq_disable();
}
