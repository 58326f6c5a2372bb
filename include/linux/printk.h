/* printk, its pr_* shorthands, the console log level and the log reader. */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <stdarg.h>
#include <linux/types.h>
#include <linux/kern_levels.h>

struct printk_info;
struct prb_iter;

/* Messages below console_loglevel are shown (Linux's values). */
#define CONSOLE_LOGLEVEL_QUIET		4	/* quiet: errors and worse */
#define CONSOLE_LOGLEVEL_DEFAULT	7	/* all but KERN_DEBUG */
#define CONSOLE_LOGLEVEL_DEBUG		10	/* debug: everything */
#define MESSAGE_LOGLEVEL_DEFAULT	4	/* a message without a level */

extern int console_loglevel;

int vprintk(const char *fmt, va_list args) __attribute__((format(printf, 1, 0)));
int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void console_init(void);

/*
 * Reading the log (for dmesg): printk_iter_init() puts it at the oldest
 * record; each printk_read() then gives the next record's seq, level and
 * timestamp in *info and up to size bytes of its text (no NUL), and
 * returns how many it stored, or -1 when there is no newer record yet.
 * When records were dropped before they could be read, info->seq jumps:
 * info->seq - (it->seq before the call) is the number lost.
 */
void printk_iter_init(struct prb_iter *it);
int printk_read(struct prb_iter *it, struct printk_info *info, char *text,
		size_t size);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)

#endif
