/*
 * start_kernel(): the generic kernel's entry, called by the architecture
 * code with the CPU in long mode on the kernel's own page tables.
 *
 * The order is Linux's: the banner first; the early parameters, which
 * may start boot consoles (earlyprintk=); the architecture's setup
 * (memory map, page tables); the other parameters; traps, memory,
 * interrupts, the scheduler and the tick; the consoles of console=, which
 * show the log from its first line. Then rest_init() starts kernel_init
 * as pid 1 and the boot thread becomes the idle task; kernel_init
 * finishes booting and looks for init.
 */
#include <linux/init.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/cmdline.h>
#include <linux/console.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/i8253.h>

extern const char linux_banner[];
extern const initcall_t __initcall_start[], __initcall1_start[],
	__initcall2_start[], __initcall3_start[], __initcall4_start[],
	__initcall5_start[], __initcall6_start[], __initcall7_start[],
	__initcall_end[];

static const char *execute_command;	/* init= */

static int __init init_setup(char *value)
{
	execute_command = value;
	argv_init[0] = value;
	return 1;
}
__setup("init=", init_setup);

static const initcall_t *const initcall_levels[] = {
	__initcall_start, __initcall1_start, __initcall2_start,
	__initcall3_start, __initcall4_start, __initcall5_start,
	__initcall6_start, __initcall7_start, __initcall_end,
};

static const char *const initcall_level_names[] = {
	"pure", "core", "postcore", "arch", "subsys", "fs", "device", "late",
};

/* Each level in turn, each function in link order (Linux's do_initcalls). */
static void __init do_initcalls(void)
{
	int level;
	const initcall_t *fn;

	for (level = 0; level < 8; level++) {
		for (fn = initcall_levels[level]; fn < initcall_levels[level + 1]; fn++) {
			int ret = (*fn)();

			if (ret)
				pr_warn("initcall (%s level) returned %d\n",
					initcall_level_names[level], ret);
		}
	}
}

/*
 * Starting a program needs a filesystem and user space, which later steps
 * bring: until then every candidate is missing (-ENOENT).
 */
static int run_init_process(const char *filename)
{
	const char *const *p;

	argv_init[0] = filename;
	pr_info("Run %s as init process\n", filename);
	pr_debug("  with arguments:\n");
	for (p = argv_init; *p; p++)
		pr_debug("    %s\n", *p);
	pr_debug("  with environment:\n");
	for (p = envp_init; *p; p++)
		pr_debug("    %s\n", *p);
	return -2;	/* -ENOENT */
}

static bool try_to_run_init_process(const char *filename)
{
	int ret = run_init_process(filename);

	if (ret && ret != -2)
		pr_err("Starting init: %s exists but couldn't execute it (error %d)\n",
		       filename, ret);
	return ret == 0;
}

static int kernel_init(void *unused)
{
	int ret;

	(void)unused;
	memcpy(current->comm, "init", 5);
	do_initcalls();
	free_initmem();
	if (ktest_run_requested())
		machine_halt();

	if (execute_command) {
		ret = run_init_process(execute_command);
		if (!ret)
			return 0;
		panic("Requested init %s failed (error %d).", execute_command, ret);
	}
	if (try_to_run_init_process("/sbin/init") ||
	    try_to_run_init_process("/etc/init") ||
	    try_to_run_init_process("/bin/init") ||
	    try_to_run_init_process("/bin/sh"))
		return 0;
	panic("No working init found.  Try passing init= option to kernel. "
	      "See Linux Documentation/admin-guide/init.rst for guidance.");
}

static void rest_init(void)
{
	int pid = kernel_thread(kernel_init, NULL, 0);

	if (pid != 1)
		panic("Could not start kernel_init (pid %d)", pid);
	cpu_idle();
}

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
	trap_init();
	mm_core_init();
	init_IRQ();
	sched_init();
	time_init();
	console_init();
	local_irq_enable();
	rest_init();
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
