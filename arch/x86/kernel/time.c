/*
 * The periodic tick: PIT channel 0 in mode 2 (rate generator) raises
 * IRQ 0 CONFIG_HZ times a second; each tick advances jiffies.
 */
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <asm/i8253.h>
#include <asm/io.h>
#include <asm/irq.h>

#define LATCH	((PIT_TICK_RATE + HZ / 2) / HZ)

volatile u64 jiffies;

static void timer_interrupt(int irq, struct pt_regs *regs)
{
	(void)irq;
	(void)regs;
	jiffies++;
	scheduler_tick();
}

void time_init(void)
{
	outb(0x34, PIT_MODE);	/* channel 0, lobyte/hibyte, mode 2, binary */
	outb(LATCH & 0xff, PIT_CH0);
	outb(LATCH >> 8, PIT_CH0);
	if (request_irq(0, timer_interrupt, "timer"))
		pr_err("time: IRQ 0 is taken, no timer tick\n");
	pr_info("time: PIT tick at %d Hz (latch %d)\n", HZ, LATCH);
}
