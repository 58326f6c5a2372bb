/* Waiting: busy (udelay, mdelay) or giving the CPU away (msleep). */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <asm/delay.h>

void msleep(unsigned int msecs);

#endif
