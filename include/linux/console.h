/*
 * Consoles: where printk's log is shown (Linux's struct console, reduced
 * to what a polled console needs). Each console keeps its own place in
 * the log and starts at the oldest record (Linux's CON_PRINTBUFFER,
 * always on), so what was printed before it registered is not lost, and
 * each prints each record once, whatever the others do.
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>
#include <linux/printk_ringbuffer.h>

#define CON_ENABLED	4	/* registered */
#define CON_BOOT	8	/* an early console, until the real one */

struct console {
	char name[16];
	void (*write)(struct console *con, const char *s, unsigned int len);
	short flags;
	short index;
	/*
	 * The device written to. A boot console and a real console with the
	 * same data are one device: the real one takes the boot console's
	 * place in the log, and the boot console goes.
	 */
	void *data;
	struct prb_iter seq;	/* the next record to print */
	struct console *next;
};

extern struct console *console_drivers;

/* The console= values in command-line order, NULL after the last. */
#define MAX_CMDLINECONSOLES	8
extern const char *console_cmdline[MAX_CMDLINECONSOLES + 1];

void register_console(struct console *con);

/* Hold back console output; console_unlock() prints what was held. */
void console_lock(void);
void console_unlock(void);

/* The drivers' part of console_init() (drivers/). */
void serial8250_console_init(void);
void vgacon_console_init(void);

#endif
