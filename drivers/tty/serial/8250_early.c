/*
 * Consoles on the PC's 16550 serial ports, polled: the boot console of
 * earlyprintk=serial (Linux's "earlyser"), there from the kernel's first
 * lines, and ttyS<n> for each console=ttyS<n>[,BAUD] or
 * console=uart8250,io,PORT[,BAUD]. The options are parsed and the UART
 * driven by lib/early_serial_console.c, the code the setup and the
 * decompressor use, so every stage reads the options the same way.
 *
 * All consoles on one port share one struct serial_port as their data:
 * register_console() takes that as the same device, so ttyS0 carries on
 * where earlyser0 on that port stopped instead of repeating the log.
 */
#include <linux/init.h>
#include <linux/string.h>
#include <linux/console.h>
#include <linux/early_serial.h>

/* Never full: one port per console= at most, and one for earlyprintk=. */
#define MAX_PORTS	(MAX_CMDLINECONSOLES + 1)

struct serial_port {
	int iobase;
};

static struct serial_port ports[MAX_PORTS];
/* One per console= at most, so a free one is always left for the next. */
static struct console serial_consoles[MAX_CMDLINECONSOLES];

static void serial_console_write(struct console *con, const char *s,
				 unsigned int len)
{
	const struct serial_port *port = con->data;
	unsigned int i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\n')
			uart_putc(port->iobase, '\r');
		uart_putc(port->iobase, s[i]);
	}
}

static struct console early_serial_console = {
	.name = "earlyser",
	.write = serial_console_write,
	.flags = CON_BOOT,
};

/* The port's shared state, its UART (re)programmed for baud. */
static struct serial_port *serial_port_get(int iobase, int baud)
{
	int i;

	for (i = 0; ports[i].iobase && ports[i].iobase != iobase; i++)
		;
	ports[i].iobase = iobase;
	uart_init(iobase, baud);
	return &ports[i];
}

/* Linux takes the first earlyprintk= and ignores the others. */
static int __init setup_early_serial_console(char *arg)
{
	int iobase = 0, baud = CONFIG_EARLY_SERIAL_BAUD;

	if (early_serial_console.data ||
	    !early_serial_parse_earlyprintk(arg, &iobase, &baud) || !iobase)
		return 0;
	early_serial_console.data = serial_port_get(iobase, baud);
	register_console(&early_serial_console);
	return 1;
}
early_param("earlyprintk", setup_early_serial_console);

/* ttyS<n> on the PC's COM ports, as Linux names them; uart<n> elsewhere. */
static void name_console(struct console *con, int iobase, int slot)
{
	int n;

	for (n = 0; ttys_base(n); n++) {
		if (ttys_base(n) == iobase) {
			strscpy(con->name, "ttyS", sizeof(con->name));
			con->index = n;
			return;
		}
	}
	strscpy(con->name, "uart", sizeof(con->name));
	con->index = slot;
}

/* One console per port: a later console= for it changes nothing. */
static void __init setup_serial_console(const char *option)
{
	int iobase = 0, baud = CONFIG_EARLY_SERIAL_BAUD, i;
	const struct serial_port *port;
	struct console *con;

	if (!early_serial_parse_console(option, &iobase, &baud) || !iobase)
		return;
	for (i = 0; (port = serial_consoles[i].data); i++)
		if (port->iobase == iobase)
			return;
	con = &serial_consoles[i];
	name_console(con, iobase, i);
	con->write = serial_console_write;
	con->data = serial_port_get(iobase, baud);
	register_console(con);
}

void __init serial8250_console_init(void)
{
	int i;

#ifdef CONFIG_EARLY_SERIAL_ALWAYS
	/* The port every boot stage prints on, as if earlyprintk=serial. */
	if (!early_serial_console.data)
		setup_early_serial_console("serial");
#endif
	for (i = 0; console_cmdline[i]; i++)
		setup_serial_console(console_cmdline[i]);
}
