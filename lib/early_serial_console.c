/*
 * Early serial console, shared by all three boot stages. Each stage parses
 * the command line itself because none of them can trust what an earlier
 * stage left behind: a 32-bit or 64-bit loader skips the setup code, and a
 * UEFI loader skips both.
 *
 * Accepted, as in Linux (Documentation/admin-guide/kernel-parameters.txt):
 *   earlyprintk=serial[,ttySn|,0xPORT][,BAUD]   earlyprintk=ttySn[,BAUD]
 *   console=uart8250,io,0xPORT[,BAUD]   console=uart,io,0xPORT[,BAUD]
 *   console=ttySn[,BAUD]
 * and, for tests under QEMU, isa_debug_exit=PORT (the isa-debug-exit
 * device: writing a byte v makes QEMU exit with status 2v+1).
 *
 * The kernel does not call early_serial_init(): its parameter registry
 * hands each option to the console driver (drivers/tty/serial/), which
 * parses it and drives the UART with the functions below, so all stages
 * read the options and program the port the same way.
 */
#include <linux/types.h>
#include <linux/string.h>
#include <linux/cmdline.h>
#include <linux/early_serial.h>
#include <asm/io.h>

#define TXR	0	/* transmit register */
#define IER	1	/* interrupt enable */
#define FCR	2	/* FIFO control */
#define LCR	3	/* line control */
#define MCR	4	/* modem control */
#define LSR	5	/* line status */
#define DLL	0	/* divisor latch, low byte (LCR.DLAB = 1) */
#define DLH	1	/* divisor latch, high byte */
#define LSR_THRE	0x20	/* transmit holding register empty */
#define LCR_DLAB	0x80
#define UART_CLOCK	115200	/* 1.8432 MHz / 16 */

int early_serial_base;
int debug_exit_port;

int ttys_base(int n)
{
	/* The PC's standard COM1-COM4 ports. */
	switch (n) {
	case 0: return 0x3f8;
	case 1: return 0x2f8;
	case 2: return 0x3e8;
	case 3: return 0x2e8;
	}
	return 0;
}

/* "ttyS<n>" or a number; returns the port, or 0 if it names neither. */
static int parse_port(const char *s, char **end)
{
	if (!strncmp(s, "ttyS", 4) && s[4] >= '0' && s[4] <= '3') {
		*end = (char *)s + 5;
		return ttys_base(s[4] - '0');
	}
	if (s[0] >= '0' && s[0] <= '9') {
		int port = simple_strtoull(s, end, 0);

		return *end != s ? port : 0;
	}
	*end = (char *)s;
	return 0;
}

static void parse_baud(const char *s, int *baud)
{
	char *end;
	int b;

	if (*s != ',')
		return;
	b = simple_strtoull(s + 1, &end, 0);
	if (end != s + 1 && b > 0 && b <= UART_CLOCK)
		*baud = b;
}

/* earlyprintk=serial,... or earlyprintk=ttyS... */
bool early_serial_parse_earlyprintk(const char *s, int *port, int *baud)
{
	char *end;

	if (!strncmp(s, "serial", 6)) {
		s += 6;
		*port = CONFIG_EARLY_SERIAL_BASE;
		if (*s == ',') {
			int p = parse_port(s + 1, &end);

			if (p) {
				*port = p;
				s = end;
			}
		}
	} else if (!strncmp(s, "ttyS", 4)) {
		*port = parse_port(s, &end);
		s = end;
	} else {
		return false;
	}
	parse_baud(s, baud);
	return true;
}

/* console=uart8250,io,PORT[,BAUD], console=uart,io,... or console=ttyS.. */
bool early_serial_parse_console(const char *s, int *port, int *baud)
{
	char *end;

	if (!strncmp(s, "uart8250,io,", 12))
		s += 12;
	else if (!strncmp(s, "uart,io,", 8))
		s += 8;
	else if (strncmp(s, "ttyS", 4))
		return false;
	*port = parse_port(s, &end);
	parse_baud(end, baud);
	return true;
}

void uart_init(int port, int baud)
{
	unsigned int divisor = UART_CLOCK / baud;

	outb(0x03, port + LCR);		/* 8 data bits, no parity, 1 stop */
	outb(0, port + IER);		/* polled: no interrupts */
	outb(0, port + FCR);		/* no FIFO */
	outb(0x03, port + MCR);		/* DTR + RTS */
	outb(0x03 | LCR_DLAB, port + LCR);
	outb(divisor & 0xff, port + DLL);
	outb((divisor >> 8) & 0xff, port + DLH);
	outb(0x03, port + LCR);
}

/* Bounded wait: a port with no UART behind it must not hang the boot. */
void uart_putc(int port, int ch)
{
	unsigned int timeout = 0xffff;

	while (!(inb(port + LSR) & LSR_THRE) && --timeout)
		;
	outb(ch, port + TXR);
}

void early_serial_init(const char *cmdline)
{
	int port = 0, baud = CONFIG_EARLY_SERIAL_BAUD;
	char arg[32];
	char *end;

#ifdef CONFIG_EARLY_SERIAL_ALWAYS
	port = CONFIG_EARLY_SERIAL_BASE;
#endif
	if (cmdline_find_option(cmdline, "console", arg, sizeof(arg)) > 0)
		early_serial_parse_console(arg, &port, &baud);
	if (cmdline_find_option(cmdline, "earlyprintk", arg, sizeof(arg)) > 0)
		early_serial_parse_earlyprintk(arg, &port, &baud);
	if (port) {
		uart_init(port, baud);
		early_serial_base = port;
	}
	if (cmdline_find_option(cmdline, "isa_debug_exit", arg, sizeof(arg)) > 0)
		debug_exit_port = simple_strtoull(arg, &end, 0);
}

void early_serial_putc(int ch)
{
	if (early_serial_base)
		uart_putc(early_serial_base, ch);
}

/*
 * Ends a QEMU test run: status 2 * code + 1. Without the device (or the
 * option) this returns and the caller halts as usual.
 */
void debug_exit(int code)
{
	if (debug_exit_port)
		outb(code, debug_exit_port);
}
