/*
 * Timing a piece of boot work in TSC cycles, and learning the TSC's rate
 * over the same interval from PIT channel 2, so the figure can be given
 * in seconds without a calibration delay of its own.
 */
#ifndef _LINUX_TSC_STOPWATCH_H
#define _LINUX_TSC_STOPWATCH_H

#include <linux/types.h>

struct tsc_stopwatch {
	u64 start;
};

void tsc_stopwatch_start(struct tsc_stopwatch *sw);
/* Cycles since start in *cycles; returns the TSC rate in kHz, 0 if unknown. */
u32 tsc_stopwatch_stop(struct tsc_stopwatch *sw, u64 *cycles);

/*
 * The TSC rate in kHz from a 10 ms busy wait on PIT channel 2, 0 if the
 * PIT does not count.
 */
u32 pit_calibrate_tsc(void);

#endif
