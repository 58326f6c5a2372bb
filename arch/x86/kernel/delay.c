/*
 * Busy-wait delays: spin until the TSC has advanced by the right number of
 * cycles, at the rate tsc_early_init() found (arch/x86/kernel/tsc.c).
 * Before that, or if it found none, assume 3 GHz, which errs on the long
 * side for most machines.
 */
#include <asm/delay.h>
#include <asm/tsc.h>

static u64 cycles_per_usec(void)
{
	return tsc_khz ? (tsc_khz + 999) / 1000 : 3000;
}

void udelay(unsigned long usecs)
{
	u64 start = rdtsc(), cycles = usecs * cycles_per_usec();

	while (rdtsc() - start < cycles)
		asm volatile("pause");
}

void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}
