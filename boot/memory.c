/*
 * Ask the BIOS how much memory there is, three ways, as Linux does: the
 * E820h map (ACPI spec, "INT 15H, E820H - Query System Address Map") is
 * the real answer; E801h and 88h give only sizes and are kept so the
 * kernel can fall back on them when a BIOS has no E820h.
 */
#include <asm/boot.h>
#include "boot.h"

#define SMAP	0x534d4150	/* "SMAP" */

static void detect_memory_e820(void)
{
	struct boot_e820_entry *desc = boot_params.e820_table;
	static struct boot_e820_entry buf;	/* static: zeroed, near */
	struct biosregs ireg, oreg;
	int count = 0;

	initregs(&ireg);
	ireg.ax = 0xe820;
	ireg.cx = sizeof(buf);
	ireg.edx = SMAP;
	ireg.di = (size_t)&buf;

	do {
		intcall(0x15, &ireg, &oreg);
		ireg.ebx = oreg.ebx;	/* continuation value for the next call */

		/*
		 * CF set means "no more entries" (some BIOSes say so instead
		 * of returning EBX = 0). A wrong signature means the BIOS
		 * does not do E820h at all: keep nothing it gave.
		 */
		if (oreg.eflags & X86_EFLAGS_CF)
			break;
		if (oreg.eax != SMAP) {
			count = 0;
			break;
		}
		*desc++ = buf;
		count++;
	} while (ireg.ebx && count < E820_MAX_ENTRIES_ZEROPAGE);

	boot_params.e820_entries = count;
	if (boot_debug)
		printf("BIOS E820h: %d entries\n", count);
}

/* E801h: KiB from 1M to 16M (AX/CX) and 64 KiB blocks above 16M (BX/DX). */
static void detect_memory_e801(void)
{
	struct biosregs ireg, oreg;

	initregs(&ireg);
	ireg.ax = 0xe801;
	intcall(0x15, &ireg, &oreg);
	if (oreg.eflags & X86_EFLAGS_CF)
		return;

	/* Some BIOSes answer in CX/DX and leave AX/BX zero. */
	if (oreg.cx || oreg.dx) {
		oreg.ax = oreg.cx;
		oreg.bx = oreg.dx;
	}
	if (oreg.ax > 15 * 1024)
		return;		/* more than 15 MiB below 16M: nonsense */

	/* A hole below 16M means the part above it is not contiguous. */
	if (oreg.ax == 15 * 1024)
		boot_params.alt_mem_k = (oreg.bx << 6) + oreg.ax;
	else
		boot_params.alt_mem_k = oreg.ax;
}

/* 88h: KiB above 1M, at most 64 MiB. */
static void detect_memory_88(void)
{
	struct biosregs ireg, oreg;

	initregs(&ireg);
	ireg.ah = 0x88;
	intcall(0x15, &ireg, &oreg);
	if (!(oreg.eflags & X86_EFLAGS_CF))
		boot_params.screen_info.ext_mem_k = oreg.ax;
}

void detect_memory(void)
{
	detect_memory_e820();
	detect_memory_e801();
	detect_memory_88();
}

/*
 * Is [start, end) usable RAM in the map? Adjacent ranges count as one: the
 * BIOS's map is neither sorted nor merged.
 */
static bool is_usable_ram(u64 start, u64 end)
{
	int n = boot_params.e820_entries, i, pass;

	for (pass = 0; pass < n && start < end; pass++) {
		for (i = 0; i < n; i++) {
			const struct boot_e820_entry *e = &boot_params.e820_table[i];

			if (e->type == E820_TYPE_RAM && e->addr <= start &&
			    start < e->addr + e->size) {
				start = e->addr + e->size;
				break;
			}
		}
		if (i == n)
			return false;
	}
	return start >= end;
}

/*
 * startup_32 will decompress at its load address (code32_start: a loader
 * that moves the protected-mode part writes it there) rounded up to
 * kernel_alignment, but not below LOAD_PHYSICAL_ADDR, and use init_size
 * bytes from there. It writes there before anything can check: check now,
 * while we can still say so.
 */
void check_kernel_memory(void)
{
	u64 out = LOAD_PHYSICAL_ADDR, end;

#ifdef CONFIG_RELOCATABLE
	u32 align = boot_params.hdr.kernel_alignment;
	u64 load = boot_params.hdr.code32_start;

	if (align)
		load = (load + align - 1) & ~(u64)(align - 1);
	if (load > out)
		out = load;
#endif
	end = out + boot_params.hdr.init_size;
	if (boot_params.e820_entries && !is_usable_ram(out, end)) {
		printf("Not enough memory: the kernel needs usable RAM at %#llx-%#llx\n",
		       (unsigned long long)out, (unsigned long long)end - 1);
		die();
	}
}
