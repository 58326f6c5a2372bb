/*
 * IDT gates, the TSS and its GDT descriptor in long mode (Intel SDM
 * vol. 3, 6.14.1 "64-Bit Mode IDT", 7.7 "Task Management in 64-bit Mode",
 * 7.2.3 "TSS Descriptor in 64-bit mode").
 */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <linux/types.h>
#include <asm/segment.h>

#define GATE_INTERRUPT	0x8e	/* present, DPL 0, 64-bit interrupt gate */
#define DESC_TSS	0x89	/* present, DPL 0, available 64-bit TSS */

struct idt_gate {
	u16 offset_low;
	u16 selector;
	u8 ist;
	u8 type_attr;
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
} __attribute__((packed));

struct tss {
	u32 reserved1;
	u64 sp[3];		/* stacks for privilege levels 0-2 */
	u64 reserved2;
	u64 ist[7];		/* Interrupt Stack Table */
	u64 reserved3;
	u16 reserved4;
	u16 iomap_base;
} __attribute__((packed));

struct desc_ptr {
	u16 size;
	u64 address;
} __attribute__((packed));

_Static_assert(sizeof(struct idt_gate) == 16, "IDT gate is 16 bytes");
_Static_assert(sizeof(struct tss) == 104, "64-bit TSS is 104 bytes");

/* The kernel's GDT (arch/x86/kernel/head_64.S); the TSS takes two slots. */
extern u64 gdt_table[];

static inline void set_tss_desc(const struct tss *tss)
{
	u64 base = (u64)tss, limit = sizeof(*tss) - 1;

	gdt_table[GDT_ENTRY_TSS] = GDT_ENTRY(DESC_TSS, base, limit);
	gdt_table[GDT_ENTRY_TSS + 1] = base >> 32;
}

#endif
