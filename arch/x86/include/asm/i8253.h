/* The 8254 programmable interval timer (PIT): its clock and its ports. */
#ifndef _ASM_X86_I8253_H
#define _ASM_X86_I8253_H

#define PIT_TICK_RATE	1193182		/* Hz: 14.31818 MHz / 12 */
#define PIT_CH0		0x40
#define PIT_CH2		0x42
#define PIT_MODE	0x43

void time_init(void);

#endif
