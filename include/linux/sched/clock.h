/* The clock printk stamps its records with (arch/x86/kernel/tsc.c). */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H

#include <linux/types.h>

/* Nanoseconds since the clock started; 0 while its rate is unknown. */
u64 local_clock(void);

#endif
