/*
 * Declarations shared by the decompressor's C files. It runs in long mode
 * with the first 4 GiB identity-mapped, interrupts off, and no IDT: a
 * fault here resets the machine, so every check happens before the
 * access it protects.
 */
#ifndef COMPRESSED_MISC_H
#define COMPRESSED_MISC_H

#include <linux/types.h>
#include <asm/bootparam.h>

extern struct boot_params *boot_params;

/* CONFIG_RELOCATABLE as a value, so both branches are always compiled. */
#ifdef CONFIG_RELOCATABLE
static const bool relocatable = true;
#else
static const bool relocatable = false;
#endif

/*
 * head_64.S maps the first 4 GiB and, above, the GiBs holding our loaded
 * image ([load, load + init_size)), the zero page and the command line:
 * anything else the loader points at up there is not ours to read.
 */
#define IDENT_MAP_END	(1ULL << 32)

/* misc.c: what the loader handed over, read within its bounds */
const char *kernel_cmdline(void);
u64 cmdline_phys(void);
u64 cmdline_extent(void);
u64 initrd_start(void);
u64 initrd_size(void);

/* output.c */
enum mem_avoid_what {
	AVOID_INITRD,
	AVOID_CMDLINE,
	AVOID_ZERO_PAGE,
	AVOID_SETUP_DATA,
};

struct mem_avoid {
	enum mem_avoid_what what;
	u64 start;
	u64 size;
};

extern u64 load_address;
extern struct mem_avoid output_avoided;
const char *mem_avoid_name(const struct mem_avoid *a);
u64 choose_output(struct boot_params *bp, u64 load);

/* head_64.S: BOOT_ENTRY_*, which entry point the loader used */
extern u8 boot_entry;

/* console.c */
void console_init(void);
void putstr(const char *s);
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void __attribute__((noreturn, format(printf, 1, 2))) error(const char *fmt, ...);
extern bool debug;

/* elf.c */
u64 parse_elf(u8 *output, size_t len);

#endif
