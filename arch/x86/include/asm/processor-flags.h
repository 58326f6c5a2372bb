/* Control register, EFLAGS and MSR bits we touch (Intel SDM vol. 3, 2.5). */
#ifndef _ASM_X86_PROCESSOR_FLAGS_H
#define _ASM_X86_PROCESSOR_FLAGS_H

#define X86_EFLAGS_CF		(1 << 0)
#define X86_EFLAGS_IF		(1 << 9)
#define X86_EFLAGS_AC		(1 << 18)
#define X86_EFLAGS_ID		(1 << 21)

#define X86_CR0_PE		(1 << 0)
#define X86_CR0_MP		(1 << 1)
#define X86_CR0_ET		(1 << 4)
#define X86_CR0_NE		(1 << 5)
#define X86_CR0_WP		(1 << 16)
#define X86_CR0_PG		(1 << 31)

#define X86_CR4_PSE		(1 << 4)
#define X86_CR4_PAE		(1 << 5)
#define X86_CR4_PGE		(1 << 7)

#define MSR_EFER		0xc0000080
#define _EFER_SCE		0
#define _EFER_LME		8
#define _EFER_NX		11

/* Page table entry bits (Intel SDM vol. 3, 4.5). */
#define _PAGE_PRESENT		(1 << 0)
#define _PAGE_RW		(1 << 1)
#define _PAGE_PSE		(1 << 7)
#define _PAGE_GLOBAL		(1 << 8)

#endif
