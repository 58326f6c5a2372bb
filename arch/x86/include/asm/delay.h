/* Busy-wait delays on the TSC. */
#ifndef _ASM_X86_DELAY_H
#define _ASM_X86_DELAY_H

void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);

#endif
