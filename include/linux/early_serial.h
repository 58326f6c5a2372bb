/*
 * The early serial console: a polled 16550 UART that every stage (setup,
 * decompressor, kernel) brings up from the same command-line options, so
 * the boot log reads as one stream across the stages.
 *
 * The setup code and the decompressor use early_serial_init() and
 * early_serial_putc(); the kernel's console drivers use the pieces
 * underneath (the option parsers and the UART itself), because the
 * kernel's parameter registry hands them one option value at a time.
 */
#ifndef _LINUX_EARLY_SERIAL_H
#define _LINUX_EARLY_SERIAL_H

#include <linux/types.h>

extern int early_serial_base;

void early_serial_init(const char *cmdline);
void early_serial_putc(int ch);

/*
 * The value of earlyprintk= ("serial[,ttySn|,0xPORT][,BAUD]" or
 * "ttySn[,BAUD]") or of console= ("ttySn[,BAUD]",
 * "uart8250,io,0xPORT[,BAUD]", "uart,io,0xPORT[,BAUD]"). False if it names
 * no serial port; otherwise *port is set (0 for an unknown ttyS number)
 * and *baud too when the value gives one.
 */
bool early_serial_parse_earlyprintk(const char *arg, int *port, int *baud);
bool early_serial_parse_console(const char *arg, int *port, int *baud);

/* The I/O port of COM1..COM4 (ttyS0..ttyS3), or 0 for another n. */
int ttys_base(int n);

/* The UART at I/O port port: 8N1 at baud, no FIFO, no interrupts. */
void uart_init(int port, int baud);
void uart_putc(int port, int ch);

/* isa_debug_exit=PORT: where to tell QEMU our exit status, 0 if unset. */
extern int debug_exit_port;
void debug_exit(int code);

#endif
