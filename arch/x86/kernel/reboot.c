/*
 * Stopping the machine. Under QEMU with the isa-debug-exit device (and
 * isa_debug_exit= on the command line) halting also ends QEMU, so tests
 * need no timeout to finish.
 */
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/cmdline.h>
#include <linux/early_serial.h>
#include <asm/delay.h>
#include <asm/desc.h>
#include <asm/io.h>
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

/*
 * Reset the machine: pulse the CPU's reset line through the 8042 keyboard
 * controller (command FEh), the way most PCs have always rebooted; if that
 * does nothing, cause a triple fault with an empty IDT.
 */
void machine_restart(void)
{
	static const struct desc_ptr no_idt = { 0, 0 };

	pr_emerg("reboot: Restarting system\n");
	outb(0xfe, 0x64);
	udelay(50000);
	asm volatile("lidt %0; int3" : : "m"(no_idt));
	for (;;)
		asm volatile("hlt");
}
