/*
 * Stopping the machine. Under QEMU with the isa-debug-exit device (and
 * isa_debug_exit= on the command line) halting also ends QEMU, so tests
 * need no timeout to finish.
 */
#include <linux/printk.h>
#include <linux/early_serial.h>
#include <asm/setup.h>

void machine_halt(void)
{
	pr_emerg("reboot: System halted\n");
	debug_exit(0);
	for (;;)
		asm volatile("cli; hlt");
}
