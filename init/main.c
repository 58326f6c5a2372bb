/*
 * start_kernel(): the generic kernel's entry, called by the architecture
 * code with the CPU in long mode on the kernel's own page tables.
 */
#include <linux/init.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <asm/setup.h>
#include <asm/traps.h>

extern const char linux_banner[];

void start_kernel(void)
{
	setup_command_line();
	parse_early_param();
	console_init();
	pr_notice("%s", linux_banner);
	setup_arch();
	pr_notice("Kernel command line: %s\n", boot_command_line);
	parse_boot_params();
	trap_init();
	mm_core_init();
	ktest_run_requested();
	machine_halt();
}
