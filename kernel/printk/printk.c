/*
 * printk: format a message, keep it in the log buffer, and show it on the
 * consoles if its level is below console_loglevel. The log is kept from
 * the first message on, so what was printed before the consoles came up
 * is shown once they do.
 */
#include <stdarg.h>
#include <linux/types.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/printk.h>
#include <linux/cmdline.h>
#include <linux/early_serial.h>
#include <linux/early_vga.h>
#include <asm/setup.h>

#define LOG_BUF_LEN		(1 << CONFIG_LOG_BUF_SHIFT)
#define DEFAULT_MESSAGE_LOGLEVEL	4	/* KERN_WARNING */
#define CONSOLE_LOGLEVEL_DEFAULT	7	/* all but KERN_DEBUG */
#define CONSOLE_LOGLEVEL_QUIET		4
#define CONSOLE_LOGLEVEL_DEBUG		10

/*
 * The log: records stored back to back, each a level byte, a 16-bit
 * length and the text. When it is full, new records are dropped.
 */
static char log_buf[LOG_BUF_LEN];
static size_t log_len;
static int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static bool consoles_up;

static void console_write(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n')
			early_serial_putc('\r');
		early_serial_putc(s[i]);
		early_vga_putc(s[i]);
	}
}

#define LOG_HDR_LEN	3

static void log_store(int level, const char *text, size_t len)
{
	if (log_len + LOG_HDR_LEN + len > LOG_BUF_LEN)
		return;
	log_buf[log_len] = level;
	log_buf[log_len + 1] = len & 0xff;
	log_buf[log_len + 2] = len >> 8;
	memcpy(log_buf + log_len + LOG_HDR_LEN, text, len);
	log_len += LOG_HDR_LEN + len;
}

int vprintk(const char *fmt, va_list args)
{
	char text[1024];
	int level = DEFAULT_MESSAGE_LOGLEVEL;
	int len;

	if (fmt[0] == KERN_SOH_ASCII && fmt[1] >= '0' && fmt[1] <= '7') {
		level = fmt[1] - '0';
		fmt += 2;
	}
	len = vscnprintf(text, sizeof(text), fmt, args);
	log_store(level, text, len);
	if (consoles_up && level < console_loglevel)
		console_write(text, len);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vprintk(fmt, args);
	va_end(args);
	return len;
}

/* Bring up the early consoles and replay what the log already holds. */
void console_init(void)
{
	size_t pos = 0;

	if (cmdline_find_option_bool(boot_command_line, "debug"))
		console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
	if (cmdline_find_option_bool(boot_command_line, "quiet"))
		console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	early_serial_init(boot_command_line);
	early_vga_init(&boot_params.screen_info);
	consoles_up = true;

	while (pos < log_len) {
		int level = log_buf[pos];
		size_t len = (u8)log_buf[pos + 1] | (u8)log_buf[pos + 2] << 8;

		if (level < console_loglevel)
			console_write(log_buf + pos + LOG_HDR_LEN, len);
		pos += LOG_HDR_LEN + len;
	}
}
