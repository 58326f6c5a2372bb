/*
 * Stopping the machine. Under QEMU with the isa-debug-exit device (and
 * isa_debug_exit= on the command line) halting also ends QEMU, so tests
 * need no timeout to finish.
 */
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/cmdline.h>
#include <linux/early_serial.h>
#include <asm/setup.h>

void machine_halt(void)
{
	pr_emerg("reboot: System halted\n");
	debug_exit(0);
	for (;;)
		asm volatile("cli; hlt");
}

/* The port of QEMU's isa-debug-exit device (lib/early_serial_console.c). */
static int __init setup_isa_debug_exit(char *arg)
{
	char *end;
	int port = simple_strtoull(arg, &end, 0);

	if (end == arg || *end)
		return 0;
	debug_exit_port = port;
	return 1;
}
early_param("isa_debug_exit", setup_isa_debug_exit);
