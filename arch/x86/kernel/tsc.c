/*
 * The TSC as the kernel's clock, for printk's timestamps.
 *
 * The rate normally costs nothing: the decompressor measured it against
 * PIT channel 2 while it inflated us and left it in decompress_stats.
 * Only without that figure (a loader that entered the kernel directly,
 * or no PIT then) do we measure for 10 ms ourselves, with the same code.
 *
 * Readings become nanoseconds as Linux's cyc2ns does: ns = cycles *
 * 10^6 / tsc_khz, computed as (cycles * mult) >> 32 with mult = (10^6 <<
 * 32) / tsc_khz worked out once, so a reading costs one 64x64->128 bit
 * multiply and no division. The 32-bit fraction keeps the error below
 * one part in 2^31 at any rate above 2 MHz.
 */
#define pr_fmt(fmt) "tsc: " fmt

#include <linux/init.h>
#include <linux/printk.h>
#include <linux/decompress_stats.h>
#include <linux/tsc_stopwatch.h>
#include <linux/sched/clock.h>
#include <asm/tsc.h>

#define CYC2NS_SHIFT	32
#define NSEC_PER_MSEC	1000000ull

unsigned int tsc_khz;
static u64 cyc2ns_mul;
static u64 tsc_start;		/* local_clock() counts from here */

u64 local_clock(void)
{
	if (!tsc_khz)
		return 0;
	return ((unsigned __int128)(rdtsc() - tsc_start) * cyc2ns_mul) >>
	       CYC2NS_SHIFT;
}

static unsigned int decompressor_tsc_khz(void)
{
	if (decompress_stats.valid != DECOMPRESS_STATS_VALID)
		return 0;
	return decompress_stats.tsc_khz;
}

void __init tsc_early_init(void)
{
	unsigned int khz;

	tsc_start = rdtsc();
	khz = decompressor_tsc_khz();
	if (khz) {
		pr_info("Rate measured against the PIT by the decompressor\n");
	} else {
		khz = pit_calibrate_tsc();
		if (!khz) {
			pr_warn("Unable to calibrate against PIT: no timestamps\n");
			return;
		}
		pr_info("Fast TSC calibration using PIT\n");
	}
	cyc2ns_mul = (NSEC_PER_MSEC << CYC2NS_SHIFT) / khz;
	tsc_khz = khz;
	pr_info("Detected %u.%03u MHz processor\n", khz / 1000, khz % 1000);
}
