/*
 * The early serial console: a polled 16550 UART that every stage (setup,
 * decompressor, kernel) brings up from the same command-line options, so
 * the boot log reads as one stream across the stages.
 */
#ifndef _LINUX_EARLY_SERIAL_H
#define _LINUX_EARLY_SERIAL_H

extern int early_serial_base;

void early_serial_init(const char *cmdline);
void early_serial_putc(int ch);

/* isa_debug_exit=PORT: where to tell QEMU our exit status, 0 if unset. */
extern int debug_exit_port;
void debug_exit(int code);

#endif
