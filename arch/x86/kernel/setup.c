/*
 * setup_arch(): the x86 part of start_kernel(): take the command line in
 * (the loader's, and the built-in one of CONFIG_CMDLINE), start the
 * clock and read the firmware's memory map.
 */
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/decompress_stats.h>
#include <asm/setup.h>
#include <asm/tsc.h>

char boot_command_line[COMMAND_LINE_SIZE];

/*
 * The loader's command line, at cmd_line_ptr (+ ext_cmd_line_ptr above
 * 4 GiB). The first 4 GiB are still identity-mapped, so the physical
 * address is usable as it is. A line longer than we can hold is cut, and
 * said so.
 */
static void copy_loader_cmdline(void)
{
	u64 ptr = boot_params.hdr.cmd_line_ptr |
		  (u64)boot_params.ext_cmd_line_ptr << 32;

	if (ptr && strscpy(boot_command_line, (const char *)ptr,
			   sizeof(boot_command_line)) < 0)
		pr_warn("Command line longer than %zu bytes: truncated\n",
			sizeof(boot_command_line) - 1);
}

/* CONFIG_CMDLINE comes first, so the loader's words win where both set one. */
static void apply_builtin_cmdline(void)
{
#ifdef CONFIG_CMDLINE_BOOL
	static char builtin[COMMAND_LINE_SIZE] = CONFIG_CMDLINE;
#ifdef CONFIG_CMDLINE_OVERRIDE
	strscpy(boot_command_line, builtin, sizeof(boot_command_line));
#else
	size_t len = strlen(builtin);

	if (!len)
		return;
	if (len + 1 < sizeof(builtin)) {
		builtin[len] = ' ';
		strscpy(builtin + len + 1, boot_command_line,
			sizeof(builtin) - len - 1);
	}
	strscpy(boot_command_line, builtin, sizeof(boot_command_line));
#endif
#endif
}

/* The decompressor's own figures, which it left in decompress_stats. */
static void print_decompress_stats(void)
{
	const struct decompress_stats *s = &decompress_stats;
	u64 us, rate;

	if (s->valid != DECOMPRESS_STATS_VALID) {
		pr_info("Decompressor: no figures (a loader that ran the kernel directly?)\n");
		return;
	}
	if (!s->tsc_khz || !s->cycles) {
		pr_info("Decompressor: %s, %llu -> %llu bytes, time unknown (no PIT)\n",
			s->method, (unsigned long long)s->in_len,
			(unsigned long long)s->out_len);
		return;
	}
	us = s->cycles * 1000 / s->tsc_khz;
	rate = s->out_len * s->tsc_khz / (s->cycles * 100);
	pr_info("Decompressor: %s, %llu -> %llu bytes in %llu.%03llu ms (%llu.%llu MB/s), TSC %u.%03u MHz\n",
		s->method, (unsigned long long)s->in_len,
		(unsigned long long)s->out_len, (unsigned long long)(us / 1000),
		(unsigned long long)(us % 1000), (unsigned long long)(rate / 10),
		(unsigned long long)(rate % 10), s->tsc_khz / 1000,
		s->tsc_khz % 1000);
}

void setup_arch(void)
{
	tsc_early_init();
	pr_info("Command line: %s\n", boot_command_line);
	print_decompress_stats();
	e820__memory_setup();
}

void setup_command_line(void)
{
	copy_loader_cmdline();
	apply_builtin_cmdline();
}
