/*
 * Host test for kernel/printk/printk.c: what printk() stores and what the
 * consoles print, with fake consoles that capture their output and a
 * clock the test sets.
 *
 * Expectations come from Linux's documented behaviour, written out by
 * hand per case: levels from KERN_* prefixes (default 4), one record per
 * line, KERN_CONT joining pieces into one line with the first piece's
 * level and time, "[%5lu.%06lu] " before each console line (built here
 * with glibc's snprintf), console_loglevel and ignore_loglevel, consoles
 * registered late replaying the log, the hand-over from a boot console on
 * the same device, and the reader's gap report after records were lost.
 *
 * printk.c, printk_ringbuffer.c and lib/vsprintf.c are #included, the
 * last with its functions renamed k* so that glibc's stay usable (as in
 * test_vsprintf.c). The clock and the two console drivers are stubs.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CONFIG_LOG_BUF_SHIFT 12

/*
 * The interrupt flag, simulated: cli and sti fault in user space. The
 * tests check that printk leaves it as it found it.
 */
#define _ASM_X86_IRQFLAGS_H
#include <stdbool.h>
static bool fake_irqs_on = true;
static int fake_irq_saves;

static inline unsigned long local_irq_save(void)
{
	unsigned long flags = fake_irqs_on;

	fake_irqs_on = false;
	fake_irq_saves++;
	return flags;
}

static inline void local_irq_restore(unsigned long flags)
{
	fake_irqs_on = flags;
}

#undef snprintf
#undef vsnprintf
#define vsnprintf kvsnprintf
#define snprintf ksnprintf
#define vscnprintf kvscnprintf
#define scnprintf kscnprintf
#include "../../lib/vsprintf.c"
#include "../../kernel/printk/printk_ringbuffer.c"
#include "../../kernel/printk/printk.c"
#undef vsnprintf
#undef snprintf
#undef vscnprintf
#undef scnprintf

#include "harness.h"

static u64 fake_ns;

u64 local_clock(void)
{
	return fake_ns;
}

void vgacon_console_init(void)
{
}

void serial8250_console_init(void)
{
}

struct capture {
	struct console con;	/* first: the write callback casts back */
	char out[1 << 16];
	size_t len;
};

static void capture_write(struct console *con, const char *s, unsigned int n)
{
	struct capture *c = (struct capture *)con;

	if (c->len + n < sizeof(c->out)) {
		memcpy(c->out + c->len, s, n);
		c->len += n;
		c->out[c->len] = '\0';
	}
}

static void capture_init(struct capture *c, const char *name, short flags,
			 void *device)
{
	memset(c, 0, sizeof(*c));
	strcpy(c->con.name, name);
	c->con.write = capture_write;
	c->con.flags = flags;
	c->con.data = device;
}

static void reset(void)
{
	prb_init(&printk_log, log_buf, CONFIG_LOG_BUF_SHIFT);
	memset(&cont, 0, sizeof(cont));
	console_drivers = NULL;
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	ignore_loglevel = false;
	console_locked = false;
	fake_ns = 0;
}

static unsigned long reports;

static void check(bool ok, const char *what, const char *got)
{
	if (!harness_check(ok) && ++reports <= 20)
		fprintf(stderr, "FAIL %s: got \"%s\"\n", what, got ? got : "");
}

/* The records in the log, "level:text|level:text|...". */
static void records(char *out, size_t size)
{
	struct printk_info info;
	struct prb_iter it;
	char text[1100];
	size_t used = 0;
	int n;

	out[0] = '\0';
	printk_iter_init(&it);
	while ((n = printk_read(&it, &info, text, sizeof(text))) >= 0)
		used += snprintf(out + used, size - used, "%u:%.*s|", info.level,
				 n, text);
}

static void check_records(const char *what, const char *expected)
{
	static char got[1 << 15];

	records(got, sizeof(got));
	check(!strcmp(got, expected), what, got);
}

static void test_levels_and_lines(void)
{
	static char long_line[4096];
	int n;

	group_start();
	reset();
	printk(KERN_INFO "info\n");
	printk("no level\n");
	printk(KERN_EMERG "emerg\n");
	printk(KERN_DEBUG "debug\n");
	check_records("levels", "6:info|4:no level|0:emerg|7:debug|");
	if (!harness_check(fake_irqs_on && fake_irq_saves > 0))
		fprintf(stderr, "printk did not restore the interrupt flag\n");

	reset();
	printk(KERN_ERR "one\ntwo\n\nfour\n");
	check_records("multi-line", "3:one|3:two|3:|3:four|");

	reset();
	printk(KERN_INFO "abc");
	printk(KERN_CONT "def");
	printk(KERN_CONT "ghi\n");
	printk(KERN_INFO "x");
	printk(KERN_NOTICE "y\n");
	printk(KERN_WARNING "p");
	printk(KERN_CONT "q\nr\n");
	printk(KERN_CONT "alone\n");
	check_records("continuation",
		      "6:abcdefghi|6:x|5:y|4:pq|4:r|4:alone|");

	/* An unfinished line is stored once the next message starts. */
	reset();
	printk(KERN_ALERT "partial");
	check_records("partial pending", "");
	printk(KERN_INFO "next\n");
	check_records("partial stored", "1:partial|6:next|");

	/*
	 * A message longer than Linux's 992-byte limit (with its level) is
	 * cut, newline and all: the line stays open until the next message.
	 */
	reset();
	printk(KERN_INFO "%2000s\n", "end");
	printk(KERN_INFO "x\n");
	records(long_line, sizeof(long_line));
	check(strlen(long_line) == strlen("6:|6:x|") + LOG_LINE_MAX - 1 -
	      strlen(KERN_INFO) &&
	      !strncmp(long_line, "6:   ", 5) &&
	      !strcmp(long_line + strlen(long_line) - 6, " |6:x|"), "long line",
	      long_line);

	reset();
	n = printk(KERN_INFO "%s=%d\n", "answer", 42);
	check(n == 10, "return value", NULL);
	check_records("formatted", "6:answer=42|");
	group_end("levels, lines, KERN_CONT");
}

/* What a console line must look like, from glibc's snprintf. */
static void stamp_line(char *buf, size_t size, u64 ns, const char *text)
{
	snprintf(buf, size, "[%5llu.%06llu] %s\n",
		 (unsigned long long)(ns / 1000000000),
		 (unsigned long long)(ns % 1000000000 / 1000), text);
}

static void test_format(void)
{
	static const u64 times[] = {
		0, 999, 1000, 1234567891, 99999999999ull, 100000000000ull,
		123456789012345ull,
	};
	static struct capture c;
	char expect[4096] = "", line[256];
	size_t i;

	group_start();
	reset();
	capture_init(&c, "cap", 0, &c);
	register_console(&c.con);
	c.len = 0;
	for (i = 0; i < sizeof(times) / sizeof(times[0]); i++) {
		fake_ns = times[i];
		printk(KERN_INFO "t%zu\n", i);
		snprintf(line, sizeof(line), "t%zu", i);
		stamp_line(expect + strlen(expect), sizeof(expect) - strlen(expect),
			   times[i], line);
	}
	/* The stamp of a joined line is its first piece's. */
	fake_ns = 5000000;
	printk(KERN_INFO "a");
	fake_ns = 6000000;
	printk(KERN_CONT "b\n");
	stamp_line(expect + strlen(expect), sizeof(expect) - strlen(expect),
		   5000000, "ab");
	check(!strcmp(c.out, expect), "console lines", c.out);
	group_end("console line format");
}

static void test_loglevel(void)
{
	static struct capture c;
	int level;

	group_start();
	for (level = 0; level <= 8; level++) {
		char expect[256] = "", want[32];
		int l;

		reset();
		console_loglevel = level;
		capture_init(&c, "cap", 0, &c);
		register_console(&c.con);
		c.len = 0;
		for (l = 0; l < 8; l++) {
			printk("\001%d" "level %d\n", l, l);
			if (l < level) {
				snprintf(want, sizeof(want), "level %d", l);
				stamp_line(expect + strlen(expect),
					   sizeof(expect) - strlen(expect), 0, want);
			}
		}
		check(!strcmp(c.out, expect), "console_loglevel", c.out);
	}
	reset();
	console_loglevel = 1;
	ignore_loglevel = true;
	capture_init(&c, "cap", 0, &c);
	register_console(&c.con);
	printk(KERN_DEBUG "shown\n");
	check(strstr(c.out, "] shown\n") != NULL, "ignore_loglevel", c.out);
	group_end("console_loglevel, ignore_loglevel");
}

/* n lines of every console, and each line's text in order, once. */
static bool shows_once(const struct capture *c, const char *const *texts, int n)
{
	const char *p = c->out;
	int i;

	for (i = 0; i < n; i++) {
		char want[128];
		const char *at;

		snprintf(want, sizeof(want), "] %s\n", texts[i]);
		at = strstr(p, want);
		if (!at || strstr(at + 1, want))
			return false;
		p = at + strlen(want);
	}
	return *p == '\0';
}

static void test_registration(void)
{
	static struct capture boot, real, other, late;
	int dev1, dev2;
	const char *all[] = {
		"before any console", "printk: bootconsole [boot0] enabled",
		"between", "printk: console [real0] enabled",
		"printk: bootconsole [boot0] disabled",
		"printk: console [other0] enabled", "after",
		"printk: console [late0] enabled", "last",
	};

	group_start();
	reset();
	printk(KERN_INFO "before any console\n");
	capture_init(&boot, "boot", CON_BOOT, &dev1);
	register_console(&boot.con);
	printk(KERN_INFO "between\n");
	capture_init(&real, "real", 0, &dev1);
	register_console(&real.con);
	capture_init(&other, "other", 0, &dev2);
	register_console(&other.con);
	printk(KERN_INFO "after\n");
	capture_init(&late, "late", 0, &dev2);	/* same device, not a boot one */
	register_console(&late.con);
	printk(KERN_INFO "last\n");

	/* The boot console up to the hand-over, the real one from there. */
	check(shows_once(&boot, all, 3), "boot console", boot.out);
	check(shows_once(&real, all + 3, 6), "real console after hand-over",
	      real.out);
	check(!(boot.con.flags & CON_ENABLED) && (real.con.flags & CON_ENABLED),
	      "boot console unregistered", NULL);
	/* Consoles on other devices replay the whole log. */
	check(shows_once(&other, all, 9), "other device: whole log", other.out);
	check(shows_once(&late, all, 9), "late console: whole log", late.out);
	/* Registering twice changes nothing. */
	register_console(&late.con);
	printk(KERN_INFO "once more\n");
	check(strstr(late.out, "once more") &&
	      !strstr(strstr(late.out, "once more") + 1, "once more"),
	      "registered twice", late.out);
	group_end("registration, replay, hand-over");
}

/*
 * Locked consoles print nothing; at unlock they show what is left. More
 * than the ring holds is printed meanwhile: the console says how many it
 * missed, as Linux does, and the reader sees the gap in seq.
 */
static void test_lock_and_drops(void)
{
	static struct capture c;
	struct printk_info info;
	struct prb_iter it;
	char text[64], want[128];
	u64 lost;
	int i, n;

	group_start();
	reset();
	capture_init(&c, "cap", 0, &c);
	register_console(&c.con);
	c.len = 0;
	printk_iter_init(&it);
	console_lock();
	for (i = 0; i < 200; i++)
		printk(KERN_INFO "line %03d\n", i);
	check(c.len == 0, "nothing printed while locked", c.out);
	check(printk_log.dropped > 0, "ring wrapped", NULL);
	console_unlock();

	/* The console had shown record 0; record k says "line k-1". */
	lost = printk_log.tail_seq - 1;
	snprintf(want, sizeof(want), "** %llu printk messages dropped **\n",
		 (unsigned long long)lost);
	snprintf(text, sizeof(text), "line %03llu",
		 (unsigned long long)(printk_log.tail_seq - 1));
	stamp_line(want + strlen(want), sizeof(want) - strlen(want), 0, text);
	check(!strncmp(c.out, want, strlen(want)), "dropped notice, then the oldest",
	      c.out);
	n = strlen(c.out) - strlen("] line 199\n");
	check(n > 0 && !strcmp(c.out + n, "] line 199\n"), "ends at the newest",
	      c.out);

	/* The reader was at record 0: it gets the oldest, seq shows the gap. */
	n = printk_read(&it, &info, text, sizeof(text));
	check(n == 8 && info.seq == printk_log.tail_seq && info.seq == lost + 1,
	      "reader: gap", NULL);
	for (i = 1; printk_read(&it, &info, text, sizeof(text)) >= 0; i++)
		;
	check(i == (int)(printk_log.head_seq - printk_log.tail_seq), "reader: the rest",
	      NULL);
	group_end("console lock, drops, reader gaps");
}

int main(void)
{
	harness_seed(0x1234567887654321ull);
	test_levels_and_lines();
	test_format();
	test_loglevel();
	test_registration();
	test_lock_and_drops();
	return harness_summary();
}
