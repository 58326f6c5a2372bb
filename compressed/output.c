/*
 * Where the kernel is decompressed. boot.rst has the loader set aside
 * init_size bytes from where it loaded us, and nothing more; when we move
 * up (to LOAD_PHYSICAL_ADDR, or to a kernel_alignment boundary) the new
 * range may hold what the loader put there: the initrd above all (QEMU puts
 * it at the top of low RAM, which on a small machine is where we want to
 * be), the command line, the zero page, setup_data. choose_output() runs
 * in place, before head_64.S copies the decompressor to the end of the
 * chosen range, and moves past whatever is in the way.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/boot.h>
#include <asm/pgtable.h>
#include "misc.h"

/* A loop in the list must not hang us. */
#define MAX_SETUP_DATA	64

/*
 * What choose_output() saw: where we were loaded, and what it moved past.
 * In .data, so that the copy carries them to extract_kernel().
 */
u64 load_address __attribute__((section(".data")));
struct mem_avoid output_avoided __attribute__((section(".data")));

/* A switch, not a table of pointers: nobody relocates us (misc.h). */
const char *mem_avoid_name(const struct mem_avoid *a)
{
	switch (a->what) {
	case AVOID_INITRD:
		return "initrd";
	case AVOID_CMDLINE:
		return "command line";
	case AVOID_ZERO_PAGE:
		return "zero page";
	default:
		return "setup_data";
	}
}

static u64 align_up(u64 x, u64 align)
{
	return (x + align - 1) & ~(align - 1);
}

/*
 * The end of what head_64.S mapped from our load address up: the first
 * 4 GiB, and the GiBs holding [load, load + init_size) (init_size is
 * below 1 GiB, so they touch). The kernel goes below it: the copy of the
 * decompressor and its page tables must be reachable from ours.
 */
static u64 map_start, map_end;

static void set_map(u64 load, u64 size)
{
	map_start = load & ~(PUD_SIZE - 1);
	map_end = align_up(load + size, PUD_SIZE);
	if (map_end < IDENT_MAP_END)
		map_end = IDENT_MAP_END;
}

/* Written so that a wild start from a loader cannot wrap around. */
static bool ident_mapped(u64 start, u64 size)
{
	return (start < IDENT_MAP_END && size <= IDENT_MAP_END - start) ||
	       (start >= map_start && start < map_end &&
		size <= map_end - start);
}

static bool overlaps(u64 start, u64 end, const struct mem_avoid *a)
{
	return a->size && start < a->start + a->size && a->start < end;
}

/* The first thing the loader handed us that lies in [start, end). */
static bool in_the_way(u64 start, u64 end, struct mem_avoid *hit)
{
	const struct boot_params *bp = boot_params;
	struct mem_avoid a[] = {
		{ AVOID_INITRD, initrd_start(), initrd_size() },
		{ AVOID_CMDLINE, cmdline_phys(), cmdline_extent() },
		{ AVOID_ZERO_PAGE, (u64)bp, sizeof(*bp) },
	};
	u64 sd = bp->hdr.setup_data;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(a); i++) {
		if (overlaps(start, end, &a[i])) {
			*hit = a[i];
			return true;
		}
	}
	/*
	 * A node head_64.S did not map is unreadable here, and lies neither
	 * in the first 4 GiB nor where we may go (map_end).
	 */
	for (i = 0; sd && ident_mapped(sd, sizeof(struct setup_data)) &&
		    i < MAX_SETUP_DATA; i++) {
		const struct setup_data *d = (const void *)sd;
		struct mem_avoid node = {
			AVOID_SETUP_DATA, sd, sizeof(*d) + d->len
		};

		if (overlaps(start, end, &node)) {
			*hit = node;
			return true;
		}
		sd = d->next;
	}
	return false;
}

/*
 * The start of the first usable RAM region that holds [start, end), or
 * of the next one above start; 0 if there is none. Without an e820 table
 * (a loader that gave none), trust the loader and take start.
 */
static u64 ram_at_or_above(u64 start, u64 end)
{
	const struct boot_params *bp = boot_params;
	u64 next = 0;
	int i;

	if (!bp->e820_entries)
		return start;
	for (i = 0; i < bp->e820_entries && i < E820_MAX_ENTRIES_ZEROPAGE; i++) {
		const struct boot_e820_entry *e = &bp->e820_table[i];
		u64 e_end = e->addr + e->size;

		if (e->type != E820_TYPE_RAM || e_end <= start)
			continue;
		if (e->addr <= start && end <= e_end)
			return start;
		if (e->addr > start && (!next || e->addr < next))
			next = e->addr;
	}
	return next;
}

/*
 * The first kernel_alignment-aligned address from out up where init_size
 * bytes of RAM are free, below map_end; 0 if there is none.
 */
static u64 find_room(u64 out, u64 size, u64 align)
{
	struct mem_avoid hit;
	u64 ram;

	while (out + size <= map_end) {
		ram = ram_at_or_above(out, out + size);
		if (!ram)
			return 0;
		if (ram != out) {
			out = align_up(ram, align);
		} else if (in_the_way(out, out + size, &hit)) {
			output_avoided = hit;
			out = align_up(hit.start + hit.size, align);
		} else {
			return out;
		}
	}
	return 0;
}

/*
 * LOAD_PHYSICAL_ADDR, or the load address rounded up to kernel_alignment
 * if that is higher, then up past anything in the way. If nothing is free
 * up there (a small machine whose loader put a large initrd at the top of
 * RAM, as QEMU does), the room from the load address up, which the loader
 * set aside (boot.rst, init_size). A kernel that cannot be relocated runs
 * at LOAD_PHYSICAL_ADDR or not at all.
 */
u64 choose_output(struct boot_params *bp, u64 load)
{
	u64 size = bp->hdr.init_size, align = bp->hdr.kernel_alignment;
	u64 low, out;
	struct mem_avoid hit;

	boot_params = bp;
	load_address = load;
	console_init();
	if (size > KERNEL_IMAGE_SIZE)
		error("Bad init_size %#llx from the boot loader",
		      (unsigned long long)size);
	set_map(load, size);
	if (!relocatable) {
		if (load > LOAD_PHYSICAL_ADDR)
			error("Kernel loaded at %#llx, above %#x where it must run (not relocatable)",
			      (unsigned long long)load, LOAD_PHYSICAL_ADDR);
		if (in_the_way(LOAD_PHYSICAL_ADDR, LOAD_PHYSICAL_ADDR + size, &hit))
			error("The %s [mem %#llx-%#llx] lies where the kernel must be decompressed (not relocatable)",
			      mem_avoid_name(&hit), (unsigned long long)hit.start,
			      (unsigned long long)(hit.start + hit.size - 1));
		return LOAD_PHYSICAL_ADDR;
	}
	/*
	 * Loaders may rewrite kernel_alignment (boot.rst); GRUB's EFI loader
	 * writes 1 MiB. Less than our 2 MiB pages cannot be honoured.
	 */
	if (align & (align - 1))
		error("Bad kernel_alignment %#llx from the boot loader",
		      (unsigned long long)align);
	if (align < MIN_KERNEL_ALIGN)
		align = MIN_KERNEL_ALIGN;
	low = align_up(load, align);
	out = find_room(low > LOAD_PHYSICAL_ADDR ? low : LOAD_PHYSICAL_ADDR,
			size, align);
	if (!out && low < LOAD_PHYSICAL_ADDR)
		out = find_room(low, size, align);
	if (!out)
		error("No room to decompress the kernel: %#llx bytes of free RAM needed at or above %#llx, below %#llx",
		      (unsigned long long)size, (unsigned long long)load,
		      (unsigned long long)map_end);
	return out;
}
