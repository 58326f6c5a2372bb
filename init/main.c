/*
 * start_kernel(): the generic kernel's entry, called by the architecture
 * code with the CPU in long mode on the kernel's own page tables.
 *
 * The order is Linux's: the banner first; the early parameters, which
 * may start boot consoles (earlyprintk=); the architecture's setup; the
 * other parameters; then the consoles of console=, which show the log
 * from its first line.
 */
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/cmdline.h>
#include <linux/console.h>
#include <asm/setup.h>

extern const char linux_banner[];

void start_kernel(void)
{
	pr_notice("%s", linux_banner);
	setup_command_line();
	/* Boot consoles show the log only once loglevel= & co. are known. */
	console_lock();
	parse_early_param();
	console_unlock();
	setup_arch();
	pr_notice("Kernel command line: %s\n", boot_command_line);
	parse_boot_params();
	console_init();
	machine_halt();
}

/* How much the consoles show (Linux's debug, quiet and loglevel=N). */
static int __init debug_kernel(char *str __attribute__((unused)))
{
	console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
	return 1;
}
early_param("debug", debug_kernel);

static int __init quiet_kernel(char *str __attribute__((unused)))
{
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 1;
}
early_param("quiet", quiet_kernel);

static int __init loglevel(char *str)
{
	char *end;
	int level = simple_strtoull(str, &end, 0);

	if (end == str || *end)
		return 0;
	console_loglevel = level;
	return 1;
}
early_param("loglevel", loglevel);
