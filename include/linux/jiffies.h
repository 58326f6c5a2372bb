/*
 * jiffies: timer ticks since boot, CONFIG_HZ of them a second. 64 bits,
 * so they never wrap; time_after() is there for code that stores 32-bit
 * values anyway.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>

#define HZ	CONFIG_HZ

extern volatile u64 jiffies;

#define time_after(a, b)	((s64)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)

static inline u64 msecs_to_jiffies(unsigned long ms)
{
	return ((u64)ms * HZ + 999) / 1000;
}

#endif
