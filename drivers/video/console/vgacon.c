/*
 * The VGA text screen as a console: the boot console of earlyprintk=vga
 * (Linux's "earlyvga") and tty0, for console=tty0 (or console=tty) and,
 * as Linux does, by default when the command line asks for no console at
 * all (neither console= nor earlyprintk=). The screen is written by
 * lib/early_vga_console.c, which carries on from the cursor the setup
 * code and the decompressor left in screen_info.
 *
 * Both consoles have screen_info as their data, the mark of one device
 * for register_console(): tty0 takes over from earlyvga0 where it
 * stopped.
 */
#include <linux/init.h>
#include <linux/string.h>
#include <linux/console.h>
#include <linux/early_vga.h>
#include <asm/setup.h>

static void vga_console_write(struct console *con __attribute__((unused)),
			      const char *s, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < len; i++)
		early_vga_putc(s[i]);
}

static struct console early_vga_console = {
	.name = "earlyvga",
	.write = vga_console_write,
	.flags = CON_BOOT,
	.data = &boot_params.screen_info,
};

static struct console vga_console = {
	.name = "tty",
	.write = vga_console_write,
	.data = &boot_params.screen_info,
};

static int __init setup_early_vga_console(char *arg)
{
	if (strcmp(arg, "vga") || !early_vga_init(&boot_params.screen_info))
		return 0;
	register_console(&early_vga_console);
	return 1;
}
early_param("earlyprintk", setup_early_vga_console);

static bool __init tty0_wanted(void)
{
	int i;

	if (!console_cmdline[0])
		return !console_drivers;
	for (i = 0; console_cmdline[i]; i++)
		if (!strcmp(console_cmdline[i], "tty0") ||
		    !strcmp(console_cmdline[i], "tty"))
			return true;
	return false;
}

void __init vgacon_console_init(void)
{
	if (tty0_wanted() && early_vga_init(&boot_params.screen_info))
		register_console(&vga_console);
}
