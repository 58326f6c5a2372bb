/*
 * testloader: boots a bzImage through its 32-bit or its 64-bit entry point,
 * for the boot tests (tests/boot/entries.sh).
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
 * Our own command line: addr=HEX (load address of the protected-mode part,
 * default pref_address), mode=32|64 (default 32), unaligned (accept an
 * addr that kernel_alignment forbids, for tests of what the kernel does
 * then). The bzImage's module string, minus the file name, is the kernel
 * command line.
 *
 * Anything wrong is reported as "testloader: ..." on COM1, and QEMU is
 * ended through its isa-debug-exit device at port 0xf4 (status 255).
 */
#include <stdarg.h>
#include <linux/types.h>
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

struct desc_ptr {
	u16 size;
	u32 address;
} __attribute__((packed));

/* Linker script symbols: all of the loader, bss included. */
extern char _text[], _end[];

void enter32(u32 entry, struct boot_params *bp, const struct desc_ptr *gdt)
	__attribute__((noreturn));
void enter64(u32 entry, struct boot_params *bp, const struct desc_ptr *gdt,
	     u32 pml4) __attribute__((noreturn));
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
 * What we hand the kernel lives in our own bss, which check_placement()
 * keeps the kernel and its decompression buffer off, so it is intact when
 * the kernel reads it.
 */
static struct boot_params boot_params __attribute__((aligned(4096)));
static char cmdline[COMMAND_LINE_SIZE];
/* PML4, PDPT and four page directories of 2 MiB pages: 4 GiB. */
static u64 pgtable[6][512] __attribute__((aligned(4096)));

struct options {
	u32 addr;
	bool addr_set;
	bool unaligned;
	int mode;
};

/* The bzImage as QEMU left it, and what its setup header says. */
struct image {
	const u8 *data;
	u32 size;
	const struct setup_header *hdr;
	u32 pm_offset;	/* file offset of the protected-mode part */
	u32 pm_size;
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

/* HEX or 0xHEX, all of the value, fitting 32 bits. */
static bool parse_hex(const char *s, size_t len, u32 *val)
{
	unsigned long long v;
	char *end;

	if (!len || len > 10 || !isxdigit(s[len - 1]))
		return false;
	v = simple_strtoull(s, &end, 16);
	if (end != s + len || v > 0xffffffffULL)
		return false;
	*val = v;
	return true;
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

static void parse_option(const struct cmdline_arg *arg, struct options *opt)
{
	if (arg_is(arg, "addr") && arg->value) {
		if (!parse_hex(arg->value, arg->value_len, &opt->addr))
			die("bad addr=%.*s: want a 32-bit hex number",
			    (int)arg->value_len, arg->value);
		opt->addr_set = true;
	} else if (arg_is(arg, "mode") && arg->value) {
		if (value_is(arg, "32"))
			opt->mode = 32;
		else if (value_is(arg, "64"))
			opt->mode = 64;
		else
			die("bad mode=%.*s: want 32 or 64",
			    (int)arg->value_len, arg->value);
	} else if (arg_is(arg, "unaligned") && !arg->value) {
		opt->unaligned = true;
	} else {
		die("unknown option '%.*s' (want addr=HEX mode=32|64 unaligned)",
		    (int)arg->name_len, arg->name);
	}
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
static u32 choose_addr(const struct image *img, const struct options *opt)
{
	const struct setup_header *hdr = img->hdr;
	u32 traditional = hdr->code32_start, addr;

	if (hdr->pref_address > 0xffffffffULL)
		die("pref_address %#llx is beyond the 32-bit loader's reach",
		    hdr->pref_address);
	if (!opt->addr_set)
		return hdr->relocatable_kernel && hdr->pref_address ?
		       (u32)hdr->pref_address : traditional;
	addr = opt->addr;
	if (addr == traditional)
		return addr;
	if (!hdr->relocatable_kernel)
		die("kernel not relocatable: it loads at %#x only",
		    traditional);
	if ((addr & (hdr->kernel_alignment - 1)) && !opt->unaligned)
		die("addr %#x is not a multiple of kernel_alignment %#x",
		    addr, hdr->kernel_alignment);
	return addr;
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
 * The protected-mode part goes to [addr, addr + pm_size). The kernel then
 * needs init_size bytes from where it runs (boot.rst, init_size): addr
 * rounded up to kernel_alignment, and never below pref_address, which is
 * the LOAD_PHYSICAL_ADDR a kernel cannot run under. The module is read
 * while we copy, so it must not be a destination; afterwards it is free.
 */
static void check_placement(const struct boot_params *bp,
			    const struct image *img,
			    const struct multiboot_mod_list *mod, u32 addr)
{
	u64 align = img->hdr->kernel_alignment;
	u64 run = ((u64)addr + align - 1) & ~(align - 1);
	u64 end = (u64)addr + img->pm_size;

	if (run < img->hdr->pref_address)
		run = img->hdr->pref_address;
	check_range(bp, "kernel image", addr, end);
	check_range(bp, "decompression buffer", run, run + img->hdr->init_size);
	if (overlaps(addr, end, mod->mod_start, mod->mod_end))
		die("kernel image %#x-%#llx overlaps its module %#x-%#x", addr,
		    end, mod->mod_start, mod->mod_end);
}

/* boot.rst, "32-bit boot protocol": the kernel's copy of its command line. */
static u32 copy_cmdline(const struct multiboot_mod_list *mod,
			const struct setup_header *hdr)
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
	return (u32)cmdline;
}

/*
 * boot.rst, "32-bit boot protocol": a zeroed boot_params, the setup header
 * copied in up to its end (0x202 + the jump's offset byte at 0x201), then
 * the fields a loader writes. Everything else, the ramdisk fields and the
 * heap (used by the 16-bit setup only) included, stays zero.
 */
static void build_boot_params(struct boot_params *bp, const struct image *img,
			      const struct multiboot_mod_list *mod, u32 addr)
{
	u32 hdr_end = SETUP_JUMP_OFFSET + 2 + img->data[SETUP_JUMP_OFFSET + 1];

	if (hdr_end > offsetof(struct boot_params, edd_mbr_sig_buffer))
		die("setup header ends at %#x, past the zero page's room",
		    hdr_end);
	memcpy((u8 *)bp + SETUP_HEADER_OFFSET, img->data + SETUP_HEADER_OFFSET,
	       hdr_end - SETUP_HEADER_OFFSET);
	bp->hdr.type_of_loader = 0xff;	/* "undefined", no assigned id */
	bp->hdr.code32_start = addr;
	bp->hdr.cmd_line_ptr = copy_cmdline(mod, img->hdr);
}

static u32 build_identity_map(void)
{
	u64 *pml4 = pgtable[0], *pdpt = pgtable[1], *pd = pgtable[2];
	int i;

	memset(pgtable, 0, sizeof(pgtable));
	pml4[0] = (u32)pdpt | _PAGE_PRESENT | _PAGE_RW;
	for (i = 0; i < 4; i++)
		pdpt[i] = (u32)pgtable[2 + i] | _PAGE_PRESENT | _PAGE_RW;
	for (i = 0; i < 4 * 512; i++)
		pd[i] = ((u64)i << 21) | _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE;
	return (u32)pml4;
}

static void __attribute__((noreturn)) start_kernel(u32 addr, int mode)
{
	struct desc_ptr gdt;

	if (mode == 64) {
		gdt.size = sizeof(gdt64) - 1;
		gdt.address = (u32)gdt64;
		info("64-bit entry at %#x", addr + STARTUP_64_OFFSET);
		enter64(addr + STARTUP_64_OFFSET, &boot_params, &gdt,
			build_identity_map());
	}
	gdt.size = sizeof(gdt32) - 1;
	gdt.address = (u32)gdt32;
	info("32-bit entry at %#x", addr);
	enter32(addr, &boot_params, &gdt);
}

void loader_main(u32 magic, const struct multiboot_info *mbi)
{
	const struct multiboot_mod_list *mod;
	struct options opt = { .mode = 32 };
	struct image img;
	u32 addr;

	check_multiboot(magic, mbi);
	mod = (const struct multiboot_mod_list *)mbi->mods_addr;
	if (overlaps(mod->mod_start, mod->mod_end, (u32)_text, (u32)_end))
		die("module %#x-%#x overlaps the test loader %#x-%#x",
		    mod->mod_start, mod->mod_end, (u32)_text, (u32)_end);
	parse_options((const char *)mbi->cmdline, &opt);
	check_image(&img, mod, opt.mode);
	addr = choose_addr(&img, &opt);

	memset(&boot_params, 0, sizeof(boot_params));
	fill_e820(&boot_params, mbi);
	check_placement(&boot_params, &img, mod, addr);
	build_boot_params(&boot_params, &img, mod, addr);
	memcpy((void *)addr, img.data + img.pm_offset, img.pm_size);
	start_kernel(addr, opt.mode);
}
