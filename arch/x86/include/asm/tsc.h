/* The time-stamp counter (Intel SDM vol. 3, 18.17). */
#ifndef _ASM_X86_TSC_H
#define _ASM_X86_TSC_H

#include <linux/types.h>

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (u64)hi << 32 | lo;
}

/* The TSC's rate, 0 until tsc_early_init() knows it (arch/x86/kernel/tsc.c). */
extern unsigned int tsc_khz;
void tsc_early_init(void);

#endif
