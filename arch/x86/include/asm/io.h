/*
 * Port I/O. The same instructions work in real, protected and long mode,
 * so the setup code, the decompressor and the kernel share these.
 */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <linux/types.h>

static inline void outb(u8 v, u16 port)
{
	asm volatile("outb %0, %1" : : "a"(v), "dN"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;

	asm volatile("inb %1, %0" : "=a"(v) : "dN"(port));
	return v;
}

/* Port 0x80 is the POST code port: writing it takes about 1 us. */
static inline void io_delay(void)
{
	outb(0, 0x80);
}

#endif
