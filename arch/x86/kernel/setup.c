/*
 * setup_arch(): the x86 part of start_kernel(): take the command line in
 * (the loader's, and the built-in one of CONFIG_CMDLINE), start the
 * clock, read the firmware's memory map, reserve what must not be
 * allocated, and set up the kernel's page tables and mem_map.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/crc32.h>
#include <linux/printk.h>
#include <linux/decompress_stats.h>
#include <linux/mm.h>
#include <asm/e820/api.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/tsc.h>

char boot_command_line[COMMAND_LINE_SIZE];

static u64 loader_cmdline_phys(void)
{
	return boot_params.hdr.cmd_line_ptr |
	       (u64)boot_params.ext_cmd_line_ptr << 32;
}

/*
 * The loader's command line, at cmd_line_ptr (+ ext_cmd_line_ptr above
 * 4 GiB), read through the boot page tables' map at PAGE_OFFSET (head_64.S
 * maps its GiB wherever it is): at most cmdline_size characters and a NUL (boot.rst). A
 * loader that left out the NUL, or wrote more, gets its line cut there and
 * is told so; we never read past it.
 */
static size_t loader_cmdline_max(void)
{
	return min((size_t)boot_params.hdr.cmdline_size,
		   sizeof(boot_command_line) - 1);
}

static void copy_loader_cmdline(void)
{
	u64 ptr = loader_cmdline_phys();
	size_t max = loader_cmdline_max(), len;

	if (!ptr)
		return;
	len = strnlen(__va(ptr), max + 1);
	if (len > max) {
		pr_warn("Command line from the boot loader not terminated within cmdline_size (%zu bytes): cut there\n",
			max);
		len = max;
	}
	memcpy(boot_command_line, __va(ptr), len);
	boot_command_line[len] = '\0';
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

static const char *const entry_names[] = {
	[BOOT_ENTRY_16] = "16-bit setup",
	[BOOT_ENTRY_32] = "32-bit startup_32",
	[BOOT_ENTRY_64] = "64-bit startup_64",
	[BOOT_ENTRY_EFI_STUB] = "EFI stub",
	[BOOT_ENTRY_EFI_HANDOVER] = "EFI handover",
};

/* boot.rst, "type_of_loader": the assigned boot loader ids. */
static const char *const loader_names[] = {
	[0x0] = "LILO", [0x1] = "Loadlin", [0x2] = "bootsect-loader",
	[0x3] = "Syslinux", [0x4] = "Etherboot/gPXE/iPXE", [0x5] = "ELILO",
	[0x7] = "GRUB", [0x8] = "U-Boot", [0x9] = "Xen", [0xa] = "Gujin",
	[0xb] = "Qemu", [0xc] = "Arcturus Networks uCbootloader",
	[0xd] = "kexec-tools", [0x11] = "Minimal Linux Bootloader",
	[0x12] = "OVMF UEFI virtualization stack", [0x13] = "barebox",
};

/*
 * Which loader, entry point and addresses this boot used: type_of_loader
 * is 0xTV (type, version), with type 0xE meaning ext_loader_type + 0x10
 * and ext_loader_ver giving the version's upper bits (boot.rst).
 */
static void print_boot_info(void)
{
	const struct decompress_stats *s = &decompress_stats;
	u8 tol = boot_params.hdr.type_of_loader;
	unsigned int type = tol >> 4, version = tol & 0xf;
	const char *name = NULL;

	if (s->valid == DECOMPRESS_STATS_VALID && s->entry &&
	    s->entry < ARRAY_SIZE(entry_names))
		pr_info("Boot entry: %s\n", entry_names[s->entry]);
	else
		pr_info("Boot entry: unknown (no decompressor record)\n");
	if (type == 0xe) {
		type = boot_params.hdr.ext_loader_type + 0x10;
		version |= boot_params.hdr.ext_loader_ver << 4;
	}
	if (type < ARRAY_SIZE(loader_names))
		name = loader_names[type];
	if (tol == 0xff)
		name = "undefined";
	pr_info("Boot loader: %s (type_of_loader 0x%02x, version %u)\n",
		name ? name : "unknown", tol, version);
	if (s->valid == DECOMPRESS_STATS_VALID)
		pr_info("Kernel loaded at 0x%llx, running at 0x%llx\n",
			(unsigned long long)s->load_addr,
			(unsigned long long)__pa_symbol(_text));
}

static u64 initrd_phys, initrd_len;

/*
 * The initrd, if the loader gave one (ramdisk_image/size, with the ext_
 * fields above 4 GiB), and only if it lies in usable RAM: elsewhere it
 * may be firmware's, or a loader's mistake.
 */
static void reserve_initrd(void)
{
	u64 image = boot_params.hdr.ramdisk_image |
		    (u64)boot_params.ext_ramdisk_image << 32;
	u64 size = boot_params.hdr.ramdisk_size |
		   (u64)boot_params.ext_ramdisk_size << 32;

	if (!image || !size)
		return;
	if (image + size < image || !memblock_is_region_memory(image, size)) {
		pr_err("initrd [mem 0x%08llx-0x%08llx] is not in usable RAM: ignored\n",
		       (unsigned long long)image,
		       (unsigned long long)(image + size - 1));
		return;
	}
	pr_info("RAMDISK: [mem 0x%08llx-0x%08llx]\n", (unsigned long long)image,
		(unsigned long long)(image + size - 1));
	memblock_reserve(image, size);
	initrd_phys = image;
	initrd_len = size;
}

/*
 * What the loader gave us, checksummed once RAM is mapped, so a test can
 * compare it with the file it handed the loader.
 */
static void print_initrd(void)
{
	if (initrd_len)
		pr_info("initrd: %llu bytes at 0x%llx, crc32 0x%08x\n",
			(unsigned long long)initrd_len,
			(unsigned long long)initrd_phys,
			crc32(0, __va(initrd_phys), initrd_len));
}

/*
 * What memblock must never hand out. The kernel image includes its bss
 * and the boot page tables (head_64.S, in .data). The first MiB holds the
 * interrupt vectors, the BIOS data area, the EBDA, the setup code and the
 * ROMs: Linux reserves all of it too. The loader's zero page and command
 * line have been copied, but stay reserved: they are small and, from a
 * 16-bit boot, inside the first MiB anyway.
 */
static void early_reserve_memory(void)
{
	u64 cmdline = loader_cmdline_phys();

	memblock_reserve(__pa_symbol(_text), _end - _text);
	memblock_reserve(0, 0x100000);
	memblock_reserve(boot_params_phys, sizeof(struct boot_params));
	if (cmdline)
		memblock_reserve(cmdline, strnlen(__va(cmdline),
						  loader_cmdline_max()) + 1);
	reserve_initrd();
}

void setup_arch(void)
{
	tsc_early_init();
	pr_info("Command line: %s\n", boot_command_line);
	print_boot_info();
	print_decompress_stats();
	e820__memory_setup();
	e820__memblock_setup();
	early_reserve_memory();
	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	init_mem_mapping();
	print_initrd();
	free_area_init();
}

void setup_command_line(void)
{
	copy_loader_cmdline();
	apply_builtin_cmdline();
}
