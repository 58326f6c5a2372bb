/*
 * The VGA text screen the BIOS left behind, written directly (0xb8000),
 * for the stages that can no longer call the BIOS: the decompressor and
 * the kernel's VGA consoles. screen_info says where the cursor was.
 */
#ifndef _LINUX_EARLY_VGA_H
#define _LINUX_EARLY_VGA_H

#include <linux/types.h>
#include <asm/bootparam.h>

/* False (and the console stays silent) if si describes no text screen. */
bool early_vga_init(struct screen_info *si);
void early_vga_putc(int ch);
void early_vga_remap(unsigned long offset);

#endif
