/*
 * The decompressor's console: the early serial port (if the command line
 * asks for one) and the VGA text screen (if the BIOS left us one).
 */
#include <stdarg.h>
#include <linux/sprintf.h>
#include <linux/cmdline.h>
#include <linux/early_serial.h>
#include <linux/early_vga.h>
#include "misc.h"

bool debug;
static bool quiet;

void console_init(void)
{
	const char *cmdline = kernel_cmdline();

	early_serial_init(cmdline);
	early_vga_init(&boot_params->screen_info);
	debug = cmdline_find_option_bool(cmdline, "debug") > 0;
	quiet = cmdline_find_option_bool(cmdline, "quiet") > 0 ||
		(boot_params->hdr.loadflags & QUIET_FLAG);
}

static void __putstr(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			early_serial_putc('\r');
		early_serial_putc(*s);
		early_vga_putc(*s);
	}
}

/* "quiet" silences the progress lines, never an error. */
void putstr(const char *s)
{
	if (!quiet)
		__putstr(s);
}

int printf(const char *fmt, ...)
{
	char buf[256];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	putstr(buf);
	return n;
}

void error(const char *fmt, ...)
{
	char buf[256];
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	__putstr("\n");
	__putstr(buf);
	__putstr(" -- System halted\n");
	debug_exit(1);
	for (;;)
		asm volatile("hlt");
}
