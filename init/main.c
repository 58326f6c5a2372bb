/*
 * start_kernel(): the generic kernel's entry, called by the architecture
 * code with the CPU in long mode on the kernel's own page tables.
 */
#include <linux/printk.h>
#include <asm/setup.h>

extern const char linux_banner[];

void start_kernel(void)
{
	setup_command_line();
	console_init();
	pr_notice("%s", linux_banner);
	setup_arch();
	machine_halt();
}
