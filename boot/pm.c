/*
 * Leave real mode. After this nothing may call the BIOS: interrupts and
 * NMIs are off, the PICs are masked, the IDT is empty and a flat GDT gives
 * the 32-bit entry point the segments the boot protocol promises it
 * (boot.rst, "32-bit boot protocol": __BOOT_CS and __BOOT_DS, base 0,
 * limit 4 GiB).
 */
#include <asm/segment.h>
#include "boot.h"

/*
 * Loaders may ask to run code of theirs just before we switch (the
 * realmode_swtch hook). Otherwise close interrupts, NMIs included: NMI is
 * masked by bit 7 of the CMOS index port.
 */
static void realmode_switch_hook(void)
{
	if (boot_params.hdr.realmode_swtch) {
		asm volatile("lcallw *%0"
			     : : "m"(boot_params.hdr.realmode_swtch)
			     : "eax", "ebx", "ecx", "edx");
	} else {
		asm volatile("cli");
		outb(0x80, 0x70);
		io_delay();
	}
}

/* A coprocessor left busy by the BIOS would fault our first FP use. */
static void reset_coprocessor(void)
{
	outb(0, 0xf0);
	io_delay();
	outb(0, 0xf1);
	io_delay();
}

/* Mask every IRQ on both 8259s (all but the cascade line on the master). */
static void mask_all_interrupts(void)
{
	outb(0xff, 0xa1);
	io_delay();
	outb(0xfb, 0x21);
	io_delay();
}

struct gdt_ptr {
	u16 len;
	u32 ptr;
} __attribute__((packed));

static void setup_gdt(void)
{
	/*
	 * 16-byte aligned for speed. The TSS descriptor is not used by us,
	 * but Intel VT refuses to run a guest whose TR is null.
	 */
	static const u64 boot_gdt[] __attribute__((aligned(16))) = {
		[GDT_ENTRY_BOOT_CS] = GDT_ENTRY(0xc09b, 0, 0xfffff),
		[GDT_ENTRY_BOOT_DS] = GDT_ENTRY(0xc093, 0, 0xfffff),
		[GDT_ENTRY_BOOT_TSS] = GDT_ENTRY(0x0089, 4096, 103),
	};
	static struct gdt_ptr gdt;

	gdt.len = sizeof(boot_gdt) - 1;
	gdt.ptr = (u32)(size_t)&boot_gdt + (ds() << 4);
	asm volatile("lgdtl %0" : : "m"(gdt));
}

/* No interrupt may arrive before the kernel has an IDT: load an empty one. */
static void setup_idt(void)
{
	static const struct gdt_ptr null_idt = { 0, 0 };

	asm volatile("lidtl %0" : : "m"(null_idt));
}

void go_to_protected_mode(void)
{
	const char *how;

	realmode_switch_hook();
	how = enable_a20();
	if (!how) {
		puts("A20 gate not responding, unable to boot...\n");
		die();
	}
	if (boot_debug)
		printf("A20 gate: %s. Entering protected mode at %#x\n",
		       how, boot_params.hdr.code32_start);
	reset_coprocessor();
	mask_all_interrupts();
	setup_idt();
	setup_gdt();
	protected_mode_jump(boot_params.hdr.code32_start,
			    (u32)(size_t)&boot_params + (ds() << 4));
}
