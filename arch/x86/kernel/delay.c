/*
 * Busy-wait delays: spin until the TSC has advanced by the right number of
 * cycles. The TSC's rate is the one the decompressor measured against the
 * PIT while it ran (decompress_stats); without it, assume 3 GHz, which
 * errs on the long side for most machines.
 */
#include <linux/decompress_stats.h>
#include <asm/delay.h>
#include <asm/tsc.h>

static u64 cycles_per_usec(void)
{
	u32 khz = decompress_stats.valid == DECOMPRESS_STATS_VALID ?
		  decompress_stats.tsc_khz : 0;

	return khz ? (khz + 999) / 1000 : 3000;
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
