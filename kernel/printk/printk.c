/*
 * printk: format a message, cut it into lines, keep each line in the log
 * as a record with its level and the time (a ring that keeps the newest
 * records, printk_ringbuffer.c), then show every console the records it
 * has not shown yet. A console starts at the oldest record when it
 * registers, so what was printed before any console existed still
 * appears, and tools/dmesg can read the same log out of a memory dump
 * through the descriptor printk_log.
 *
 * What a user sees follows Linux: levels as KERN_* prefixes, default
 * level 4, KERN_CONT to finish a line a previous message began, consoles
 * showing "[    1.234567] text" for records below console_loglevel, and
 * the parameters console=, ignore_loglevel (here) and loglevel=, quiet,
 * debug (init/main.c).
 */
#define pr_fmt(fmt) "printk: " fmt

#include <stdarg.h>
#include <linux/init.h>
#include <linux/types.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/printk.h>
#include <asm/irqflags.h>
#include <linux/console.h>
#include <linux/printk_ringbuffer.h>
#include <linux/sched/clock.h>

#define PREFIX_MAX	32
#define LOG_LINE_MAX	(1024 - PREFIX_MAX)	/* Linux's limit for a line */
#define NSEC_PER_SEC	1000000000ull
#define NSEC_PER_USEC	1000ull

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static bool ignore_loglevel;

static char log_buf[1 << CONFIG_LOG_BUF_SHIFT] __attribute__((aligned(8)));

/* tools/dmesg looks this name up in System.map. */
struct printk_ringbuffer printk_log =
	PRINTK_RINGBUFFER_INIT(log_buf, CONFIG_LOG_BUF_SHIFT);

struct console *console_drivers;
const char *console_cmdline[MAX_CMDLINECONSOLES + 1];

/*
 * The line that the last message left unfinished (no newline): it is
 * stored when a newline ends it or a message without KERN_CONT starts a
 * new one, so consoles and the log only ever see whole lines.
 */
static struct {
	char text[LOG_LINE_MAX];
	u32 len;
	int level;
	u64 ts_nsec;
	bool open;
} cont;

static void cont_flush(void)
{
	if (!cont.open)
		return;
	prb_write(&printk_log, cont.ts_nsec, cont.level, cont.text, cont.len);
	cont.open = false;
	cont.len = 0;
}

/* Adds to the open line, or opens one; a full line is stored first. */
static void cont_add(int level, u64 ts_nsec, const char *s, size_t len)
{
	if (cont.open && cont.len + len > sizeof(cont.text))
		cont_flush();
	if (!cont.open) {
		cont.open = true;
		cont.level = level;
		cont.ts_nsec = ts_nsec;
	}
	memcpy(cont.text + cont.len, s, len);
	cont.len += len;
}

/* One record per line, as Linux splits a multi-line message. */
static void log_lines(int level, u64 ts_nsec, const char *text, size_t len)
{
	const char *nl;

	while ((nl = memchr(text, '\n', len))) {
		cont_add(level, ts_nsec, text, nl - text);
		cont_flush();
		len -= nl + 1 - text;
		text = nl + 1;
	}
	if (len)
		cont_add(level, ts_nsec, text, len);
}

/*
 * The KERN_* prefixes at the start of a formatted message (there may be
 * several, as in KERN_CONT KERN_INFO); returns their length.
 */
static size_t parse_prefix(const char *text, size_t len, int *level,
			   bool *is_cont)
{
	size_t i;

	for (i = 0; i + 1 < len && text[i] == KERN_SOH_ASCII; i += 2) {
		char c = text[i + 1];

		if (c >= '0' && c <= '7')
			*level = c - '0';
		else if (c == 'c')
			*is_cont = true;
		else
			break;
	}
	return i;
}

static bool suppress_message_printing(int level)
{
	return level >= console_loglevel && !ignore_loglevel;
}

static void print_dropped(struct console *con, u64 count)
{
	char buf[64];
	int len;

	len = scnprintf(buf, sizeof(buf), "** %llu printk messages dropped **\n",
			(unsigned long long)count);
	con->write(con, buf, len);
}

/* "[    1.234567] ", Linux's format: seconds, then microseconds. */
static void print_time(struct console *con, u64 ts_nsec)
{
	char buf[PREFIX_MAX];
	int len;

	len = scnprintf(buf, sizeof(buf), "[%5llu.%06llu] ",
			(unsigned long long)(ts_nsec / NSEC_PER_SEC),
			(unsigned long long)(ts_nsec % NSEC_PER_SEC / NSEC_PER_USEC));
	con->write(con, buf, len);
}

/* Shows con every record it has not shown yet that its level lets through. */
static void console_emit(struct console *con)
{
	static char text[LOG_LINE_MAX];
	struct printk_info info;
	u64 want = con->seq.seq;

	while (prb_read(&printk_log, &con->seq, &info, text, sizeof(text))) {
		if (info.seq != want)
			print_dropped(con, info.seq - want);
		want = info.seq + 1;
		if (suppress_message_printing(info.level))
			continue;
		print_time(con, info.ts_nsec);
		con->write(con, text,
			   info.text_len < sizeof(text) ? info.text_len : sizeof(text));
		con->write(con, "\n", 1);
	}
}

/*
 * While the consoles are locked, printk only stores; console_unlock()
 * prints everything since. The holder may be start_kernel() (nothing is
 * shown before the early parameters have set the level) or printk itself
 * (a message printed from inside a console's write waits for the loop).
 */
static bool console_locked;

void console_lock(void)
{
	console_locked = true;
}

static bool console_pending(void)
{
	struct console *con;

	for (con = console_drivers; con; con = con->next)
		if (con->seq.seq < printk_log.head_seq)
			return true;
	return false;
}

void console_unlock(void)
{
	struct console *con;

	do {
		for (con = console_drivers; con; con = con->next)
			console_emit(con);
	} while (console_pending());
	console_locked = false;
}

/*
 * With interrupts off from start to end: on one CPU that keeps out both a
 * printk from an interrupt handler and a preempting thread's printk, so
 * textbuf, the ring and the consoles' positions change one message at a
 * time.
 */
int vprintk(const char *fmt, va_list args)
{
	static char textbuf[LOG_LINE_MAX];
	unsigned long flags = local_irq_save();
	u64 ts_nsec = local_clock();
	int level = -1;
	bool is_cont = false;
	size_t len, skip;

	len = vscnprintf(textbuf, sizeof(textbuf), fmt, args);
	skip = parse_prefix(textbuf, len, &level, &is_cont);
	if (!is_cont)
		cont_flush();
	if (level < 0)
		level = cont.open ? cont.level : MESSAGE_LOGLEVEL_DEFAULT;
	log_lines(level, ts_nsec, textbuf + skip, len - skip);
	if (!console_locked) {
		console_lock();
		console_unlock();
	}
	local_irq_restore(flags);
	return len - skip;
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

/* The boot console on the same device as con, if there is one. */
static struct console *boot_console_of(const struct console *con)
{
	struct console *bcon;

	if (con->flags & CON_BOOT)
		return NULL;
	for (bcon = console_drivers; bcon; bcon = bcon->next)
		if ((bcon->flags & CON_BOOT) && bcon->data == con->data)
			return bcon;
	return NULL;
}

static void unlink_console(struct console *con)
{
	struct console **p;

	for (p = &console_drivers; *p != con; p = &(*p)->next)
		;
	*p = con->next;
	con->flags &= ~CON_ENABLED;
}

/*
 * A new console shows the whole log, unless a boot console on the same
 * device already has: then it carries on from where that one stopped,
 * and replaces it (Linux's hand-over from the early console). Boot
 * consoles on other devices stay.
 */
void register_console(struct console *newcon)
{
	struct console *bcon = boot_console_of(newcon);
	struct console **p;

	if (newcon->flags & CON_ENABLED)
		return;
	if (bcon) {
		newcon->seq = bcon->seq;
		unlink_console(bcon);
	} else {
		prb_iter_first(&printk_log, &newcon->seq);
	}
	newcon->flags |= CON_ENABLED;
	newcon->next = NULL;
	for (p = &console_drivers; *p; p = &(*p)->next)
		;
	*p = newcon;
	pr_info("%sconsole [%s%d] enabled\n",
		newcon->flags & CON_BOOT ? "boot" : "", newcon->name,
		newcon->index);
	if (bcon)
		pr_info("bootconsole [%s%d] disabled\n", bcon->name, bcon->index);
}

/*
 * The consoles of the console= options, and tty0 when nothing asked for
 * a console. VGA goes first: its default depends on no console running
 * yet, and with CONFIG_EARLY_SERIAL_ALWAYS the serial driver starts one.
 */
void __init console_init(void)
{
	pr_debug("log_buf: %u bytes at %p, descriptor printk_log at %p\n",
		 printk_log.size, log_buf, &printk_log);
	vgacon_console_init();
	serial8250_console_init();
}

void printk_iter_init(struct prb_iter *it)
{
	prb_iter_first(&printk_log, it);
}

int printk_read(struct prb_iter *it, struct printk_info *info, char *text,
		size_t size)
{
	/* No record is longer than the ring, and prb_read() takes a u32. */
	u32 n = size < printk_log.size ? size : printk_log.size;
	unsigned long flags = local_irq_save();	/* a record at a time */
	bool found = prb_read(&printk_log, it, info, text, n);

	local_irq_restore(flags);
	if (!found)
		return -1;
	return info->text_len < n ? info->text_len : n;
}

/* console=NAME[,OPTIONS], kept for the drivers, up to 8 as in Linux. */
static int __init console_setup(char *str)
{
	int i;

	for (i = 0; i < MAX_CMDLINECONSOLES; i++) {
		if (!console_cmdline[i]) {
			console_cmdline[i] = str;
			return 1;
		}
	}
	pr_warn("Too many console= options: console=%s ignored\n", str);
	return 1;
}
early_param("console", console_setup);

static int __init ignore_loglevel_setup(char *str __attribute__((unused)))
{
	ignore_loglevel = true;
	pr_info("debug: ignoring loglevel setting.\n");
	return 1;
}
early_param("ignore_loglevel", ignore_loglevel_setup);
