/*
 * panic(): the kernel cannot go on. Say so in Linux's words, with the end
 * marker, then do what panic=N asks (Documentation/admin-guide/kernel-
 * parameters.txt): 0 (the default) halt, N > 0 reboot after N seconds,
 * N < 0 reboot at once. Under QEMU with isa_debug_exit= the test harness
 * is told instead (exit status 5).
 */
#include <stdarg.h>
#include <linux/init.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/cmdline.h>
#include <linux/early_serial.h>
#include <asm/delay.h>
#include <asm/setup.h>

static int panic_timeout;

static int __init panic_setup(char *value)
{
	char *end;
	long n = simple_strtoull(value + (*value == '-'), &end, 0);

	if (end == value + (*value == '-') || *end) {
		pr_warn("panic=%s: not a number, ignored\n", value);
		return 1;
	}
	panic_timeout = *value == '-' ? -n : n;
	return 1;
}
__setup("panic=", panic_setup);

void panic(const char *fmt, ...)
{
	static char buf[1024];
	va_list args;

	asm volatile("cli");
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	if (panic_timeout > 0)
		pr_emerg("Rebooting in %d seconds..\n", panic_timeout);
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);

	debug_exit(2);
	if (panic_timeout > 0)
		mdelay((unsigned long)panic_timeout * 1000);
	if (panic_timeout)
		machine_restart();
	for (;;)
		asm volatile("hlt");
}
