/*
 * Sleeping by the tick. A thread sleeps in schedule_timeout() and the
 * tick wakes it; the idle task (which is what runs before the first
 * thread exists) cannot sleep, so it halts between ticks instead. One tick
 * more than asked: the current tick is already partly gone.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <asm/irqflags.h>

void msleep(unsigned int msecs)
{
	u64 until = jiffies + msecs_to_jiffies(msecs) + 1;
	bool irqs_were_off = irqs_disabled();

	while (time_before(jiffies, until)) {
		if (current == &init_task) {
			safe_halt();
			continue;
		}
		current->state = TASK_UNINTERRUPTIBLE;
		schedule_timeout(until - jiffies);
	}
	if (irqs_were_off)
		local_irq_disable();
}
