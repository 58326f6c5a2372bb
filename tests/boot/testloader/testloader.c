/*
 * testloader: boots a bzImage through its 32-bit or its 64-bit entry point,
 * for the boot tests (tests/boot/entries.sh, tests/boot/badloader.sh).
 *
 * QEMU's -kernel runs a bzImage only through the 16-bit setup, while GRUB,
 * kexec and EFI loaders skip the setup and enter at code32_start
 * (startup_32) or at code32_start + 0x200 (startup_64). QEMU can also start
 * a Multiboot (v1) kernel itself, and hand it files as modules: this
 * program is such a kernel, and it loads the bzImage it gets as module 0
 * the way a 32-bit or 64-bit boot-protocol loader does, at an address of
 * the test's choosing, so that those entries and the decompressor's
 * relocation can be tested under plain QEMU.
 *
 * What it follows:
 *  - Multiboot Specification 0.6.96, 3.2 "Machine state" (magic in %eax,
 *    information structure in %ebx) and 3.3 "Boot information format"
 *    (flags bit 2: cmdline, bit 3: mods_*, bit 6: mmap_*). Command lines
 *    start with the file name, as GRUB and QEMU write them.
 *  - Linux's Documentation/arch/x86/boot.rst (protocol 2.15): "32-bit boot
 *    protocol" and "64-bit boot protocol" for boot_params and the machine
 *    state at the entry, "Loading the rest of the kernel" for where the
 *    protected-mode part is in the file, "Details of header fields" for
 *    kernel_alignment, relocatable_kernel, pref_address and init_size.
 *
 * Our own command line: addr=HEX (64-bit load address of the protected-mode
 * part, default pref_address), mode=32|64 (default 32), unaligned (accept
 * an addr that kernel_alignment forbids, for tests of what the kernel does
 * then), above4g (the zero page, the command line and with initrd=high the
 * initrd above 4 GiB too). The bzImage's module string, minus the file
 * name, is the kernel command line.
 *
 * Above 4 GiB is what a 64-bit loader (kexec, an EFI loader) may use when
 * the image sets XLF_CAN_BE_LOADED_ABOVE_4G (boot.rst, xloadflags: "kernel/
 * boot_params/cmdline/ramdisk can be above 4G"): with mode=32 or without
 * the flag we refuse, as such a loader would. We run without paging, so
 * all that goes there is built below 4 GiB and copied up by enter64 (head.S)
 * once paging is on.
 *
 * Module 1, if given, is the initrd (boot.rst: ramdisk_image, ramdisk_size,
 * initrd_addr_max):
 *   initrd=high     (the default) as high as it fits below initrd_addr_max
 *                   and the top of its RAM region, page-aligned, off the
 *                   kernel and its decompression buffer, as GRUB and
 *                   ISOLINUX place it; with above4g, in RAM above 4 GiB;
 *   initrd=HEX      exactly there, even in the decompressor's way: only
 *                   what cannot be done is refused (outside RAM, on us or on
 *                   the kernel image), and an end above initrd_addr_max
 *                   unless "ignore_addr_max" is given too;
 *   initrd=past     not loaded: ramdisk_image is the end of RAM.
 * And a loader's mistakes, for the tests of what the kernel does then:
 *   nocmdline       cmd_line_ptr = 0;
 *   unterminated    the command line without its NUL, followed by filler
 *                   (see fill_unterminated()) far past cmdline_size;
 *   type=HEX, ext=HEX,HEX   type_of_loader (default 0xff, "undefined"),
 *                   ext_loader_type and ext_loader_ver.
 *
 * Where things went ("initrd at", "boot_params at", "command line at",
 * "64-bit entry at") and anything wrong are reported as "testloader: ..."
 * on COM1; after an error QEMU is ended through its isa-debug-exit device
 * at port 0xf4 (status 255).
 */
#include <stdarg.h>
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/ctype.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/cmdline.h>
#include <asm/bootparam.h>
#include <asm/segment.h>
#include <asm/processor-flags.h>
#include <asm/io.h>

#define MULTIBOOT_BOOTLOADER_MAGIC	0x2badb002
#define MULTIBOOT_INFO_CMDLINE		(1 << 2)
#define MULTIBOOT_INFO_MODS		(1 << 3)
#define MULTIBOOT_INFO_MEM_MAP		(1 << 6)

/* Multiboot 0.6.96, 3.3: the fields up to the memory map. */
struct multiboot_info {
	u32 flags;
	u32 mem_lower;
	u32 mem_upper;
	u32 boot_device;
	u32 cmdline;
	u32 mods_count;
	u32 mods_addr;
	u32 syms[4];
	u32 mmap_length;
	u32 mmap_addr;
};

struct multiboot_mod_list {
	u32 mod_start;
	u32 mod_end;
	u32 cmdline;
	u32 pad;
};

/* size counts the bytes after itself: the next entry is size + 4 on. */
struct multiboot_mmap_entry {
	u32 size;
	u64 addr;
	u64 len;
	u32 type;
} __attribute__((packed));

/*
 * Multiboot's memory types 1 (available), 3 (ACPI), 4 (NVS) and 5 (bad
 * RAM) are the ACPI/E820 ones; every other value means reserved.
 */
#define MULTIBOOT_MEMORY_AVAILABLE	1
#define MULTIBOOT_MEMORY_BADRAM		5

#define COM1			0x3f8
#define UART_LSR		5
#define UART_LSR_THRE		0x20
#define DEBUG_EXIT_PORT		0xf4
#define DEBUG_EXIT_FAILURE	0x7f

/* Fields used here appeared in 2.10 (pref_address, init_size). */
#define MIN_PROTOCOL		0x020a
/* The 64-bit entry point is documented from 2.12 (xloadflags). */
#define MIN_PROTOCOL_64		0x020c
/* boot.rst, "64-bit boot protocol": the entry is 0x200 past the start. */
#define STARTUP_64_OFFSET	0x200
/*
 * Placed by us: the initrd on a page boundary, as GRUB and ISOLINUX do; the
 * zero page is a page.
 */
#define PLACE_ALIGN		4096
/* The end of what the 32-bit boot protocol, and we without paging, reach. */
#define SZ_4G			(1ULL << 32)
/* "unterminated": a space between filler words this far apart. */
#define FILLER_WORD		128

struct desc_ptr {
	u16 size;
	u32 address;
} __attribute__((packed));

/* Linker script symbols: all of the loader, bss included. */
extern char _text[], _end[];

void enter32(u32 entry, struct boot_params *bp, const struct desc_ptr *gdt)
	__attribute__((noreturn));
struct copy;
void enter64(u64 entry, u64 bp, const struct desc_ptr *gdt, u32 pml4,
	     const struct copy *copies) __attribute__((noreturn));
void loader_main(u32 magic, const struct multiboot_info *mbi)
	__attribute__((noreturn));

/* Flat 4 GiB segments at the selectors both protocols prescribe. */
static const u64 gdt32[] __attribute__((aligned(8))) = {
	[GDT_ENTRY_BOOT_CS] = GDT_ENTRY(0xc09a, 0, 0xfffff),
	[GDT_ENTRY_BOOT_DS] = GDT_ENTRY(0xc092, 0, 0xfffff),
};

static const u64 gdt64[] __attribute__((aligned(8))) = {
	[GDT_ENTRY_BOOT_CS] = GDT_ENTRY(0xa09a, 0, 0xfffff),
	[GDT_ENTRY_BOOT_DS] = GDT_ENTRY(0xc092, 0, 0xfffff),
};

/*
 * What we hand the kernel is built in our own bss, which check_placement()
 * keeps the kernel and its decompression buffer off, so it is intact when
 * the kernel reads it there, or when enter64 copies it above 4 GiB.
 */
static struct boot_params boot_params __attribute__((aligned(4096)));
/* Twice the longest line: room for "unterminated" to run past cmdline_size. */
static char cmdline[2 * COMMAND_LINE_SIZE];

/*
 * asm/pgtable.h's values (it cannot be included in this 32-bit build): a
 * page directory maps 1 GiB with 2 MiB pages, one PDPT 512 GiB.
 */
#define PUD_SHIFT		30
#define PMD_SHIFT		21
#define PTRS_PER_TABLE		512
#define PDPT_REACH		((u64)PTRS_PER_TABLE << PUD_SHIFT)
/*
 * enter64's identity map, 2 MiB pages under one PML4 entry and one PDPT:
 * the first 4 GiB (us, the modules, all built below 4 GiB), and a page
 * directory for each GiB above that holds something we place there.
 * The most the options can put above 4 GiB: the kernel image with its
 * [addr, +init_size), the decompression range [run, +init_size) and the
 * initrd, each under 4 GiB long (init_size is 32-bit, the image and the
 * initrd are modules below 4 GiB) and so within 5 GiBs; the zero page and
 * command line, one 8 KiB block, within 2 GiBs. map_gib() dies beyond that.
 */
#define LOW_PDS			4
#define HIGH_PDS		(3 * 5 + 2)
static u64 pgtable[2 + LOW_PDS + HIGH_PDS][PTRS_PER_TABLE]
	__attribute__((aligned(4096)));
static unsigned int pgtable_used;

/*
 * enter64's table of copies into memory only paging reaches (head.S reads
 * it with these offsets), made in order; len 0 ends it.
 */
struct copy {
	u64 dst;
	u32 src;
	u32 len;
} __attribute__((packed));
_Static_assert(sizeof(struct copy) == 16 && offsetof(struct copy, src) == 8 &&
	       offsetof(struct copy, len) == 12, "head.S's struct copy");
/* The kernel image, the initrd, the zero page, the command line, the end. */
static struct copy copies[5];
static unsigned int nr_copies;

enum initrd_place { INITRD_HIGH, INITRD_AT, INITRD_PAST };

struct options {
	u64 addr;
	bool addr_set;
	bool unaligned;
	bool above4g;
	int mode;
	enum initrd_place initrd;
	bool initrd_set;
	u32 initrd_addr;
	bool ignore_addr_max;
	bool nocmdline;
	bool unterminated;
	u8 type_of_loader;
	u8 ext_loader_type;
	u8 ext_loader_ver;
};

/* The bzImage as QEMU left it, and what its setup header says. */
struct image {
	const u8 *data;
	u32 size;
	const struct setup_header *hdr;
	u32 pm_offset;	/* file offset of the protected-mode part */
	u32 pm_size;
};

/* Module 1 as QEMU left it, and where the kernel is told it is. */
struct initrd {
	const u8 *data;
	u32 size;
	u64 addr;
	bool load;	/* false for initrd=past */
};

struct range {
	u64 start, end;
};

/* Where the kernel is told its zero page and command line (0: none) are. */
struct params_place {
	u64 boot_params;
	u64 cmdline;
};

static void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE))
		;
	outb(c, COM1);
}

static void vprint(const char *fmt, va_list args)
{
	char buf[256];
	const char *s;

	vsnprintf(buf, sizeof(buf), fmt, args);
	for (s = "testloader: "; *s; s++)
		serial_putc(*s);
	for (s = buf; *s; s++)
		serial_putc(*s);
	serial_putc('\r');
	serial_putc('\n');
}

static __attribute__((format(printf, 1, 2)))
void info(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprint(fmt, args);
	va_end(args);
}

/* Without the debug-exit device the write does nothing, and we halt. */
static __attribute__((noreturn, format(printf, 1, 2)))
void die(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprint(fmt, args);
	va_end(args);
	outb(DEBUG_EXIT_FAILURE, DEBUG_EXIT_PORT);
	for (;;)
		asm volatile("cli; hlt");
}

static bool overlaps(u64 start, u64 end, u64 other_start, u64 other_end)
{
	return start < other_end && other_start < end;
}

static const char *skip_word(const char *s)
{
	while (isspace(*s))
		s++;
	while (*s && !isspace(*s))
		s++;
	while (isspace(*s))
		s++;
	return s;
}

static void check_multiboot(u32 magic, const struct multiboot_info *mbi)
{
	u32 need = MULTIBOOT_INFO_CMDLINE | MULTIBOOT_INFO_MODS |
		   MULTIBOOT_INFO_MEM_MAP;

	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		die("not started by a Multiboot loader (magic %#x)", magic);
	if ((mbi->flags & need) != need)
		die("Multiboot flags %#x lack command line, modules or memory map",
		    mbi->flags);
	if (!mbi->mods_count)
		die("no module: pass the bzImage with -initrd");
}

/* HEX or 0xHEX, all of the value, at most 16 digits: 64 bits. */
static bool parse_hex(const char *s, size_t len, u64 *val)
{
	size_t digits = len;
	char *end;

	if (len > 2 && s[0] == '0' && tolower(s[1]) == 'x')
		digits -= 2;
	if (!digits || digits > 16 || !isxdigit(s[len - 1]))
		return false;
	*val = simple_strtoull(s, &end, 16);
	return end == s + len;
}

static bool arg_is(const struct cmdline_arg *arg, const char *name)
{
	return arg->name_len == strlen(name) &&
	       !memcmp(arg->name, name, arg->name_len);
}

static bool value_is(const struct cmdline_arg *arg, const char *value)
{
	return arg->value && arg->value_len == strlen(value) &&
	       !memcmp(arg->value, value, arg->value_len);
}

/* The value of NAME=HEX, which must fit in max. */
static u64 hex_value(const struct cmdline_arg *arg, u64 max)
{
	u64 val;

	if (!parse_hex(arg->value, arg->value_len, &val) || val > max)
		die("bad %.*s=%.*s: want a hex number up to %#llx",
		    (int)arg->name_len, arg->name, (int)arg->value_len,
		    arg->value, max);
	return val;
}

static void parse_initrd(const struct cmdline_arg *arg, struct options *opt)
{
	opt->initrd_set = true;
	if (value_is(arg, "high")) {
		opt->initrd = INITRD_HIGH;
	} else if (value_is(arg, "past")) {
		opt->initrd = INITRD_PAST;
	} else {
		opt->initrd = INITRD_AT;
		opt->initrd_addr = hex_value(arg, 0xffffffff);
	}
}

/* ext=TYPE,VER: both bytes, as "type=" takes one. */
static void parse_ext(const struct cmdline_arg *arg, struct options *opt)
{
	const char *comma = memchr(arg->value, ',', arg->value_len);
	struct cmdline_arg half = *arg;

	if (!comma)
		die("bad ext=%.*s: want ext=TYPE,VERSION",
		    (int)arg->value_len, arg->value);
	half.value_len = comma - arg->value;
	opt->ext_loader_type = hex_value(&half, 0xff);
	half.value = comma + 1;
	half.value_len = arg->value + arg->value_len - half.value;
	opt->ext_loader_ver = hex_value(&half, 0xff);
}

/* The words without a value: flags. */
static bool parse_flag(const struct cmdline_arg *arg, struct options *opt)
{
	if (arg->value)
		return false;
	if (arg_is(arg, "unaligned"))
		opt->unaligned = true;
	else if (arg_is(arg, "ignore_addr_max"))
		opt->ignore_addr_max = true;
	else if (arg_is(arg, "nocmdline"))
		opt->nocmdline = true;
	else if (arg_is(arg, "unterminated"))
		opt->unterminated = true;
	else if (arg_is(arg, "above4g"))
		opt->above4g = true;
	else
		return false;
	return true;
}

/* The words with a value. */
static bool parse_setting(const struct cmdline_arg *arg, struct options *opt)
{
	if (!arg->value)
		return false;
	if (arg_is(arg, "addr")) {
		opt->addr = hex_value(arg, ~0ULL);
		opt->addr_set = true;
	} else if (arg_is(arg, "mode")) {
		if (value_is(arg, "32"))
			opt->mode = 32;
		else if (value_is(arg, "64"))
			opt->mode = 64;
		else
			die("bad mode=%.*s: want 32 or 64",
			    (int)arg->value_len, arg->value);
	} else if (arg_is(arg, "initrd")) {
		parse_initrd(arg, opt);
	} else if (arg_is(arg, "type")) {
		opt->type_of_loader = hex_value(arg, 0xff);
	} else if (arg_is(arg, "ext")) {
		parse_ext(arg, opt);
	} else {
		return false;
	}
	return true;
}

static void parse_option(const struct cmdline_arg *arg, struct options *opt)
{
	if (!parse_flag(arg, opt) && !parse_setting(arg, opt))
		die("unknown option '%.*s' (want addr=HEX mode=32|64 initrd=high|past|HEX type=HEX ext=HEX,HEX unaligned above4g ignore_addr_max nocmdline unterminated)",
		    (int)arg->name_len, arg->name);
}

static void parse_options(const char *s, struct options *opt)
{
	struct cmdline_arg arg;

	s = skip_word(s);
	while ((s = cmdline_next_arg(s, &arg)))
		parse_option(&arg, opt);
}

/* boot.rst, "Loading the rest of the kernel" and the header fields. */
static void check_image(struct image *img, const struct multiboot_mod_list *mod,
			int mode)
{
	const struct setup_header *hdr;
	u32 setup_sects;

	img->data = (const u8 *)mod->mod_start;
	img->size = mod->mod_end - mod->mod_start;
	if (mod->mod_end < mod->mod_start ||
	    img->size < SETUP_HEADER_OFFSET + sizeof(*hdr))
		die("module of %u bytes is no bzImage", img->size);
	hdr = (const struct setup_header *)(img->data + SETUP_HEADER_OFFSET);
	img->hdr = hdr;
	if (hdr->boot_flag != BOOT_FLAG || hdr->header != SETUP_HEADER_MAGIC)
		die("no \"HdrS\" setup header: not a bzImage");
	if (hdr->version < MIN_PROTOCOL)
		die("boot protocol %#x is older than %#x", hdr->version,
		    MIN_PROTOCOL);
	if (!(hdr->loadflags & LOADED_HIGH))
		die("LOADED_HIGH clear: a zImage, not a bzImage");
	if (mode == 64 && (hdr->version < MIN_PROTOCOL_64 ||
			   !(hdr->xloadflags & XLF_KERNEL_64)))
		die("no 64-bit entry point (protocol %#x, xloadflags %#x)",
		    hdr->version, hdr->xloadflags);
	if (!hdr->kernel_alignment ||
	    (hdr->kernel_alignment & (hdr->kernel_alignment - 1)))
		die("kernel_alignment %#x is not a power of two",
		    hdr->kernel_alignment);

	setup_sects = hdr->setup_sects ? hdr->setup_sects : 4;
	img->pm_offset = (setup_sects + 1) * 512;
	img->pm_size = hdr->syssize * 16;
	if ((u64)img->pm_offset + img->pm_size > img->size)
		die("file of %u bytes, the header says %u", img->size,
		    img->pm_offset + img->pm_size);
}

/*
 * Without addr=, a relocatable kernel goes to pref_address, any other to
 * the header's code32_start: the 1 MiB "Loading the rest of the kernel"
 * gives for a bzImage, which is also the one place a kernel that cannot
 * relocate may be put. A relocatable one may be put at any multiple of
 * kernel_alignment; "unaligned" lets a test break that rule on purpose.
 */
static u64 choose_addr(const struct image *img, const struct options *opt)
{
	const struct setup_header *hdr = img->hdr;
	u32 traditional = hdr->code32_start;
	u64 addr;

	if (!opt->addr_set)
		return hdr->relocatable_kernel && hdr->pref_address ?
		       hdr->pref_address : traditional;
	addr = opt->addr;
	if (addr == traditional)
		return addr;
	if (!hdr->relocatable_kernel)
		die("kernel not relocatable: it loads at %#x only",
		    traditional);
	if ((addr & (hdr->kernel_alignment - 1)) && !opt->unaligned)
		die("addr %#llx is not a multiple of kernel_alignment %#x",
		    addr, hdr->kernel_alignment);
	return addr;
}

/*
 * boot.rst, xloadflags: XLF_CAN_BE_LOADED_ABOVE_4G, "kernel/boot_params/
 * cmdline/ramdisk can be above 4G". Only a 64-bit loader can put anything
 * there, the 32-bit protocol running without paging, and only for a kernel
 * that says it copes: what a real loader refuses, we refuse.
 */
static void allow_above_4g(const struct image *img, const struct options *opt,
			   const char *what)
{
	if (opt->mode != 64)
		die("%s: above 4 GiB only with mode=64 (the 32-bit boot protocol runs without paging)",
		    what);
	if (!(img->hdr->xloadflags & XLF_CAN_BE_LOADED_ABOVE_4G))
		die("%s: above 4 GiB only if xloadflags (%#x) has XLF_CAN_BE_LOADED_ABOVE_4G",
		    what, img->hdr->xloadflags);
}

static u32 e820_type(u32 multiboot_type)
{
	if (multiboot_type >= MULTIBOOT_MEMORY_AVAILABLE &&
	    multiboot_type <= MULTIBOOT_MEMORY_BADRAM &&
	    multiboot_type != E820_TYPE_RESERVED)
		return multiboot_type;
	return E820_TYPE_RESERVED;
}

static void fill_e820(struct boot_params *bp, const struct multiboot_info *mbi)
{
	u32 pos = 0, n = 0;

	while (pos + sizeof(struct multiboot_mmap_entry) <= mbi->mmap_length) {
		const struct multiboot_mmap_entry *e =
			(const void *)(mbi->mmap_addr + pos);

		if (n == E820_MAX_ENTRIES_ZEROPAGE)
			die("more than %d memory map entries",
			    E820_MAX_ENTRIES_ZEROPAGE);
		bp->e820_table[n].addr = e->addr;
		bp->e820_table[n].size = e->len;
		bp->e820_table[n].type = e820_type(e->type);
		n++;
		pos += e->size + sizeof(e->size);
	}
	if (!n)
		die("the Multiboot memory map is empty");
	bp->e820_entries = n;
}

static bool in_ram(const struct boot_params *bp, u64 start, u64 end)
{
	const struct boot_e820_entry *e;
	int i;

	for (i = 0; i < bp->e820_entries; i++) {
		e = &bp->e820_table[i];
		if (e->type == E820_TYPE_RAM && start >= e->addr &&
		    end <= e->addr + e->size)
			return true;
	}
	return false;
}

/* [start, end) must be RAM, and none of ours. */
static void check_range(const struct boot_params *bp, const char *what,
			u64 start, u64 end)
{
	if (!in_ram(bp, start, end))
		die("%s %#llx-%#llx is not in usable RAM", what, start, end);
	if (overlaps(start, end, (u32)_text, (u32)_end))
		die("%s %#llx-%#llx overlaps the test loader %#x-%#x", what,
		    start, end, (u32)_text, (u32)_end);
}

/*
 * The kernel needs init_size bytes from where it runs (boot.rst,
 * init_size): addr rounded up to kernel_alignment, and never below
 * pref_address, which is the LOAD_PHYSICAL_ADDR a kernel cannot run under.
 */
static struct range decompress_range(const struct image *img, u64 addr)
{
	u64 run = ALIGN(addr, (u64)img->hdr->kernel_alignment);

	run = max(run, img->hdr->pref_address);
	return (struct range){ run, run + img->hdr->init_size };
}

/*
 * boot.rst, "64-bit boot protocol": the init_size bytes from the load
 * address must be identity-mapped; the image lies there too, unless it is
 * the larger.
 */
static struct range loaded_range(const struct image *img, u64 addr)
{
	return (struct range){ addr, addr + max(img->pm_size,
						img->hdr->init_size) };
}

/* One more GiB in enter64's identity map, if not mapped yet. */
static void map_gib(u64 gib)
{
	u64 *pdpt = pgtable[1], *pd;
	int i;

	if (pdpt[gib] & _PAGE_PRESENT)
		return;
	if (pgtable_used == ARRAY_SIZE(pgtable))
		die("more than %d GiBs above 4 GiB to map", HIGH_PDS);
	pd = pgtable[pgtable_used++];
	pdpt[gib] = (u32)pd | _PAGE_PRESENT | _PAGE_RW;
	for (i = 0; i < PTRS_PER_TABLE; i++)
		pd[i] = gib << PUD_SHIFT | (u64)i << PMD_SHIFT |
			_PAGE_PRESENT | _PAGE_RW | _PAGE_PSE;
}

/* Every GiB [start, end) touches, 2 MiB pages, identity. */
static void map_range(const char *what, u64 start, u64 end)
{
	u64 gib;

	if (end > PDPT_REACH)
		die("%s %#llx-%#llx ends beyond the %llu GiB our page tables map",
		    what, start, end, PDPT_REACH >> PUD_SHIFT);
	for (gib = start >> PUD_SHIFT; gib << PUD_SHIFT < end; gib++)
		map_gib(gib);
}

static void init_identity_map(void)
{
	memset(pgtable, 0, sizeof(pgtable));
	pgtable[0][0] = (u32)pgtable[1] | _PAGE_PRESENT | _PAGE_RW;
	pgtable_used = 2;
	map_range("the first 4 GiB", 0, SZ_4G);
}

/*
 * The protected-mode part goes to [addr, addr + pm_size), and its
 * decompression buffer must be RAM too. The modules are read while we
 * copy, so they must not be a destination; afterwards they are free.
 * Both ranges are identity-mapped for the 64-bit entry.
 */
static void check_placement(const struct boot_params *bp,
			    const struct image *img,
			    const struct multiboot_info *mbi, u64 addr,
			    const struct options *opt)
{
	const struct multiboot_mod_list *mod = (const void *)mbi->mods_addr;
	struct range buf = decompress_range(img, addr);
	struct range loaded = loaded_range(img, addr);
	u64 end = addr + img->pm_size;
	u32 i;

	if (loaded.end > SZ_4G || buf.end > SZ_4G)
		allow_above_4g(img, opt, "kernel");
	check_range(bp, "kernel image", addr, end);
	check_range(bp, "decompression buffer", buf.start, buf.end);
	for (i = 0; i < mbi->mods_count; i++)
		if (overlaps(addr, end, mod[i].mod_start, mod[i].mod_end))
			die("kernel image %#llx-%#llx overlaps module %u %#x-%#x",
			    addr, end, i, mod[i].mod_start, mod[i].mod_end);
	map_range("kernel", loaded.start, loaded.end);
	map_range("decompression buffer", buf.start, buf.end);
}

/*
 * The highest page-aligned [pos, pos + size) within [lo, hi) that misses
 * every busy range, found by moving below each one in the way; 0 if none.
 */
static u64 highest_free(u64 lo, u64 hi, u32 size, const struct range *busy,
			int n)
{
	bool moved = true;
	u64 pos;
	int i;

	if (hi < lo + size)
		return 0;
	pos = ALIGN_DOWN(hi - size, PLACE_ALIGN);
	while (moved) {
		moved = false;
		for (i = 0; i < n; i++) {
			if (!overlaps(pos, pos + size, busy[i].start,
				      busy[i].end))
				continue;
			if (busy[i].start < lo + size)
				return 0;
			pos = ALIGN_DOWN(busy[i].start - size,
					 PLACE_ALIGN);
			moved = true;
		}
	}
	return pos >= lo ? pos : 0;
}

/*
 * The highest place for size bytes in the part of any RAM region within
 * [lo, limit) that misses every busy range; 0 if there is none.
 */
static u64 place_high(const struct boot_params *bp, u64 lo, u64 limit,
		      u32 size, const struct range *busy, int n)
{
	const struct boot_e820_entry *e;
	u64 best = 0, pos, start, end;
	int i;

	for (i = 0; i < bp->e820_entries; i++) {
		e = &bp->e820_table[i];
		start = max(e->addr, lo);
		end = min(e->addr + e->size, limit);
		if (e->type != E820_TYPE_RAM || end <= start)
			continue;
		pos = highest_free(start, end, size, busy, n);
		if (pos > best)
			best = pos;
	}
	return best;
}

/* What placing anything must avoid: the kernel image, its buffer, us. */
static int kernel_busy(struct range *busy, const struct image *img, u64 addr)
{
	busy[0] = (struct range){ addr, addr + img->pm_size };
	busy[1] = decompress_range(img, addr);
	busy[2] = (struct range){ (u32)_text, (u32)_end };
	return 3;
}

/* boot.rst, initrd_addr_max: the highest address the initrd may occupy. */
static u64 initrd_limit(const struct setup_header *hdr)
{
	return (u64)hdr->initrd_addr_max + 1;
}

/*
 * initrd=high: the highest place in any RAM region below initrd_addr_max
 * that is off the kernel image, its decompression buffer and us. With
 * above4g: the highest such place above 4 GiB, and initrd_addr_max does
 * not apply: it binds the 32-bit protocol, while boot.rst's xloadflags
 * entry for XLF_CAN_BE_LOADED_ABOVE_4G lets a 64-bit loader put the
 * "ramdisk ... above 4G", which allow_above_4g() has checked.
 */
static u64 place_initrd_high(const struct boot_params *bp,
			     const struct image *img, u64 addr, u32 size,
			     const struct options *opt)
{
	u64 lo = opt->above4g ? SZ_4G : 0;
	u64 limit = opt->above4g ? ~0ULL : initrd_limit(img->hdr), pos;
	struct range busy[3];

	pos = place_high(bp, lo, limit, size, busy,
			 kernel_busy(busy, img, addr));
	if (!pos)
		die("no room for an initrd of %u bytes within %#llx-%#llx",
		    size, lo, limit);
	return pos;
}

/* initrd=past: the first byte after the highest usable RAM. */
static u64 end_of_ram(const struct boot_params *bp)
{
	const struct boot_e820_entry *e;
	u64 top = 0;
	int i;

	for (i = 0; i < bp->e820_entries; i++) {
		e = &bp->e820_table[i];
		if (e->type == E820_TYPE_RAM && e->addr + e->size > top)
			top = e->addr + e->size;
	}
	return top;
}

/*
 * initrd=HEX: wherever the test says, the decompressor's buffer included
 * (boot.rst reserves init_size from the kernel's runtime address, which a
 * loader that puts the kernel at 1 MiB cannot know). Refused: what cannot
 * be loaded, and what initrd_addr_max forbids unless told to ignore it.
 */
static void check_initrd_at(const struct boot_params *bp,
			    const struct image *img, u64 addr,
			    const struct initrd *rd, const struct options *opt)
{
	u64 end = rd->addr + rd->size;

	if (end > SZ_4G)
		allow_above_4g(img, opt, "initrd");
	check_range(bp, "initrd", rd->addr, end);
	if (overlaps(rd->addr, end, addr, addr + img->pm_size))
		die("initrd %#llx-%#llx overlaps the kernel image %#llx-%#llx",
		    rd->addr, end, addr, addr + img->pm_size);
	if (end > initrd_limit(img->hdr) && !opt->ignore_addr_max)
		die("initrd %#llx-%#llx is above initrd_addr_max %#x",
		    rd->addr, end, img->hdr->initrd_addr_max);
}

/* Module 1, if any (else rd->data is NULL), and where the options put it. */
static void place_initrd(struct initrd *rd, const struct boot_params *bp,
			 const struct image *img, const struct multiboot_info *mbi,
			 u64 addr, const struct options *opt)
{
	const struct multiboot_mod_list *mod = (const void *)mbi->mods_addr;

	memset(rd, 0, sizeof(*rd));
	if (mbi->mods_count > 2)
		die("%u modules: want the bzImage and at most an initrd",
		    mbi->mods_count);
	if (mbi->mods_count < 2) {
		if (opt->initrd_set || opt->ignore_addr_max)
			die("initrd options without an initrd module");
		return;
	}
	rd->data = (const u8 *)mod[1].mod_start;
	rd->size = mod[1].mod_end - mod[1].mod_start;
	if (mod[1].mod_end <= mod[1].mod_start)
		die("the initrd module is empty");
	rd->load = opt->initrd != INITRD_PAST;
	if (opt->initrd == INITRD_PAST) {
		rd->addr = end_of_ram(bp);
	} else if (opt->initrd == INITRD_AT) {
		rd->addr = opt->initrd_addr;
		check_initrd_at(bp, img, addr, rd, opt);
	} else {
		rd->addr = place_initrd_high(bp, img, addr, rd->size, opt);
	}
	if (rd->load)
		map_range("initrd", rd->addr, rd->addr + rd->size);
	info("initrd at %#llx, %u bytes%s", rd->addr, rd->size,
	     rd->load ? "" : " (not loaded)");
}

/*
 * Where the kernel finds its zero page and command line: our own copies,
 * or with above4g one 8 KiB block as high as fits above 4 GiB, off the
 * kernel and the initrd, that enter64 copies them to.
 */
static void place_params(struct params_place *pp, const struct boot_params *bp,
			 const struct image *img, u64 addr,
			 const struct initrd *rd, const struct options *opt)
{
	u32 size = sizeof(boot_params) + sizeof(cmdline);
	struct range busy[4];
	int n = kernel_busy(busy, img, addr);
	u64 pos;

	pp->boot_params = (u32)&boot_params;
	pp->cmdline = (u32)cmdline;
	if (opt->above4g) {
		if (rd->data && rd->load)
			busy[n++] = (struct range){ rd->addr,
						    rd->addr + rd->size };
		pos = place_high(bp, SZ_4G, ~0ULL, size, busy, n);
		if (!pos)
			die("no room above 4 GiB for the zero page and command line");
		map_range("zero page and command line", pos, pos + size);
		pp->boot_params = pos;
		pp->cmdline = pos + sizeof(boot_params);
	}
	if (opt->nocmdline)
		pp->cmdline = 0;
	info("boot_params at %#llx", pp->boot_params);
	info("command line at %#llx", pp->cmdline);
}

/*
 * "unterminated": a loader that forgot the NUL. boot.rst, cmdline_size:
 * the longest line the kernel takes, without its terminating zero. The
 * line is followed by a space and non-NUL filler to the end of our buffer,
 * far past cmdline_size: a space at every multiple of FILLER_WORD and
 * letters in between, 'a' in the first block of FILLER_WORD bytes, 'b' in
 * the next, and so on, so that a test can tell where the kernel cut.
 */
static void fill_unterminated(size_t len, u32 cmdline_size)
{
	size_t i;

	if (cmdline_size >= sizeof(cmdline))
		die("cmdline_size %u leaves no room for filler past it",
		    cmdline_size);
	cmdline[len] = ' ';
	for (i = len + 1; i < sizeof(cmdline); i++)
		cmdline[i] = i % FILLER_WORD ? 'a' + i / FILLER_WORD % 26 : ' ';
}

/* boot.rst, "32-bit boot protocol": the kernel's copy of its command line. */
static void copy_cmdline(const struct multiboot_mod_list *mod,
			 const struct setup_header *hdr,
			 const struct options *opt)
{
	const char *s = "";
	size_t len;

	if (mod->cmdline)
		s = skip_word((const char *)mod->cmdline);
	len = strlen(s);

	if (len > hdr->cmdline_size || len >= sizeof(cmdline))
		die("kernel command line of %zu bytes, the limit is %u", len,
		    hdr->cmdline_size < sizeof(cmdline) - 1 ?
		    hdr->cmdline_size : (u32)sizeof(cmdline) - 1);
	memcpy(cmdline, s, len + 1);
	if (opt->unterminated)
		fill_unterminated(len, hdr->cmdline_size);
}

/*
 * boot.rst, "32-bit boot protocol": a zeroed boot_params, the setup header
 * copied in up to its end (0x202 + the jump's offset byte at 0x201), then
 * the fields a loader writes, the ext_ ones (zero-page.rst: the high 32
 * bits) for what is above 4 GiB. Everything else, the heap (used by the
 * 16-bit setup only) included, stays zero. code32_start is where the
 * 16-bit setup jumps, a 32-bit field: a kernel above 4 GiB, which only the
 * 64-bit protocol enters, leaves the image's value there.
 */
static void build_boot_params(struct boot_params *bp, const struct image *img,
			      const struct multiboot_mod_list *mod, u64 addr,
			      const struct initrd *rd,
			      const struct params_place *pp,
			      const struct options *opt)
{
	u32 hdr_end = SETUP_JUMP_OFFSET + 2 + img->data[SETUP_JUMP_OFFSET + 1];

	if (hdr_end > offsetof(struct boot_params, edd_mbr_sig_buffer))
		die("setup header ends at %#x, past the zero page's room",
		    hdr_end);
	memcpy((u8 *)bp + SETUP_HEADER_OFFSET, img->data + SETUP_HEADER_OFFSET,
	       hdr_end - SETUP_HEADER_OFFSET);
	bp->hdr.type_of_loader = opt->type_of_loader;
	bp->hdr.ext_loader_type = opt->ext_loader_type;
	bp->hdr.ext_loader_ver = opt->ext_loader_ver;
	if (addr < SZ_4G)
		bp->hdr.code32_start = addr;
	copy_cmdline(mod, img->hdr, opt);
	bp->hdr.cmd_line_ptr = (u32)pp->cmdline;
	bp->ext_cmd_line_ptr = pp->cmdline >> 32;
	/* ext_ramdisk_size stays 0: the initrd is a module, under 4 GiB. */
	if (rd->data) {
		bp->hdr.ramdisk_image = (u32)rd->addr;
		bp->ext_ramdisk_image = rd->addr >> 32;
		bp->hdr.ramdisk_size = rd->size;
	}
}

static void __attribute__((noreturn)) start_kernel(u64 addr, int mode,
						   u64 bp)
{
	struct desc_ptr gdt;

	if (mode == 64) {
		gdt.size = sizeof(gdt64) - 1;
		gdt.address = (u32)gdt64;
		info("64-bit entry at %#llx", addr + STARTUP_64_OFFSET);
		enter64(addr + STARTUP_64_OFFSET, bp, &gdt, (u32)pgtable[0],
			copies);
	}
	gdt.size = sizeof(gdt32) - 1;
	gdt.address = (u32)gdt32;
	info("32-bit entry at %#llx", addr);
	enter32((u32)addr, &boot_params, &gdt);
}

/* Whether copies[i] reads, or writes, some of [start, end). */
static bool reads(unsigned int i, u64 start, u64 end)
{
	return overlaps(start, end, copies[i].src,
			(u64)copies[i].src + copies[i].len);
}

static bool writes(unsigned int i, u64 start, u64 end)
{
	return overlaps(start, end, copies[i].dst,
			copies[i].dst + copies[i].len);
}

/*
 * Copies that end below 4 GiB are made now; the others go in enter64's
 * table, made later in their order. So a copy made now must not land on
 * a source still to be read there, and none in the table may have its
 * source written before it is read, by itself or by one before it.
 */
static void put(const char *what, u64 dst, const void *src, u32 len)
{
	u64 end = dst + len;
	unsigned int i;

	if (end <= SZ_4G) {
		for (i = 0; i < nr_copies; i++)
			if (reads(i, dst, end))
				die("%s %#llx-%#llx would overwrite what is still to be copied above 4 GiB",
				    what, dst, end);
		memmove((void *)(u32)dst, src, len);
		return;
	}
	copies[nr_copies] = (struct copy){ dst, (u32)src, len };
	for (i = 0; i <= nr_copies; i++)
		if (writes(i, (u32)src, (u64)(u32)src + len))
			die("%s %#x-%#llx is overwritten before enter64 copies it to %#llx",
			    what, (u32)src, (u64)(u32)src + len, dst);
	copies[++nr_copies].len = 0;
}

/*
 * The kernel first: the initrd's module must still be intact when it is
 * moved (check_placement() keeps the kernel off it); the kernel's module
 * is no longer needed then, unless the kernel is copied above 4 GiB
 * later, which put() checks.
 */
static void load(const struct image *img, u64 addr, const struct initrd *rd,
		 const struct params_place *pp)
{
	put("kernel image", addr, img->data + img->pm_offset, img->pm_size);
	if (rd->data && rd->load)
		put("initrd", rd->addr, rd->data, rd->size);
	if (pp->boot_params != (u32)&boot_params)
		put("zero page", pp->boot_params, &boot_params,
		    sizeof(boot_params));
	if (pp->cmdline && pp->cmdline != (u32)cmdline)
		put("command line", pp->cmdline, cmdline, sizeof(cmdline));
}

void loader_main(u32 magic, const struct multiboot_info *mbi)
{
	const struct multiboot_mod_list *mod;
	struct options opt = { .mode = 32, .type_of_loader = 0xff };
	struct params_place pp;
	struct initrd rd;
	struct image img;
	u64 addr;

	check_multiboot(magic, mbi);
	mod = (const struct multiboot_mod_list *)mbi->mods_addr;
	if (overlaps(mod->mod_start, mod->mod_end, (u32)_text, (u32)_end))
		die("module %#x-%#x overlaps the test loader %#x-%#x",
		    mod->mod_start, mod->mod_end, (u32)_text, (u32)_end);
	parse_options((const char *)mbi->cmdline, &opt);
	check_image(&img, mod, opt.mode);
	if (opt.above4g)
		allow_above_4g(&img, &opt, "above4g");
	addr = choose_addr(&img, &opt);

	memset(&boot_params, 0, sizeof(boot_params));
	fill_e820(&boot_params, mbi);
	init_identity_map();
	check_placement(&boot_params, &img, mbi, addr, &opt);
	place_initrd(&rd, &boot_params, &img, mbi, addr, &opt);
	place_params(&pp, &boot_params, &img, addr, &rd, &opt);
	build_boot_params(&boot_params, &img, mod, addr, &rd, &pp, &opt);
	load(&img, addr, &rd, &pp);
	start_kernel(addr, opt.mode, pp.boot_params);
}
