/*
 * The setup code's console: the BIOS teletype (int 10h, AH=0Eh), which
 * every PC has, and the early serial port when the command line asks for
 * one. Output goes to both, so a user sees it on the screen and a test
 * harness on the serial line.
 */
#include <stdarg.h>
#include <linux/sprintf.h>
#include <linux/cmdline.h>
#include <linux/early_serial.h>
#include "boot.h"

bool boot_debug;

static void bios_putchar(int ch)
{
	struct biosregs ireg;

	initregs(&ireg);
	ireg.bx = 0x0007;	/* page 0, light grey */
	ireg.cx = 0x0001;
	ireg.ah = 0x0e;
	ireg.al = ch;
	intcall(0x10, &ireg, NULL);
}

void putchar(int ch)
{
	if (ch == '\n')
		putchar('\r');
	bios_putchar(ch);
	early_serial_putc(ch);
}

void puts(const char *s)
{
	while (*s)
		putchar(*s++);
}

int printf(const char *fmt, ...)
{
	char buf[160];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	puts(buf);
	return n;
}

void console_init(void)
{
	early_serial_init(cmdline);
	boot_debug = cmdline_find_option_bool(cmdline, "debug") > 0;
	/* Tell the decompressor too (boot.rst, loadflags bit 5). */
	if (cmdline_find_option_bool(cmdline, "quiet"))
		boot_params.hdr.loadflags |= QUIET_FLAG;
}

void die(void)
{
	puts(" -- System halted\n");
	debug_exit(1);
	for (;;)
		asm volatile("cli; hlt");
}
