/*
 * 4-level page tables (Intel SDM vol. 3A, 4.5 "4-Level Paging"): each
 * level is a 4 KiB table of 512 64-bit entries with one format, so a
 * single pteval_t type serves every level. The bits below that
 * asm/processor-flags.h does not already give are those of the SDM's
 * tables 4-15 to 4-20 that the kernel sets.
 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <asm/page.h>
#include <asm/processor-flags.h>

#define PGDIR_SHIFT	39
#define PUD_SHIFT	30
#define PMD_SHIFT	21
#define PTRS_PER_TABLE	512

#define PMD_SIZE	(_AC(1, UL) << PMD_SHIFT)
#define PUD_SIZE	(_AC(1, UL) << PUD_SHIFT)

#define pgd_index(va)	(((va) >> PGDIR_SHIFT) & (PTRS_PER_TABLE - 1))
#define pud_index(va)	(((va) >> PUD_SHIFT) & (PTRS_PER_TABLE - 1))
#define pmd_index(va)	(((va) >> PMD_SHIFT) & (PTRS_PER_TABLE - 1))
#define pte_index(va)	(((va) >> PAGE_SHIFT) & (PTRS_PER_TABLE - 1))

/*
 * Accessed and Dirty are set in advance so that the CPU never has to
 * write them back; NX (bit 63, "XD") is a reserved bit unless EFER.NXE
 * is set (SDM 4.1.1, 4.5).
 */
#define _PAGE_ACCESSED	(1 << 5)
#define _PAGE_DIRTY	(1 << 6)
#define _PAGE_NX	(_AC(1, ULL) << 63)

/* Bits 12..51 of an entry: the physical address it points to (SDM 4.5). */
#define PTE_PFN_MASK	_AC(0x000ffffffffff000, ULL)

/*
 * Rights are the most restrictive of all levels (SDM 4.6): tables allow
 * everything, the last level decides.
 */
#define _KERNPG_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define PAGE_KERNEL	(_KERNPG_TABLE | _PAGE_NX)
#define PAGE_KERNEL_EXEC _KERNPG_TABLE
#define PAGE_KERNEL_RO	(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_KERNEL_RX	(_PAGE_PRESENT | _PAGE_ACCESSED)

#ifndef __ASSEMBLY__

#include <linux/types.h>

typedef u64 pteval_t;

/* The size of the page an entry maps, as lookup_address() reports it. */
enum pg_level {
	PG_LEVEL_NONE,
	PG_LEVEL_4K,
	PG_LEVEL_2M,
	PG_LEVEL_1G,
};

/* The kernel's PML4: CR3 holds its physical address after boot. */
extern pteval_t *init_top_pgt;
/* _PAGE_NX when the CPU has it: every entry is masked with this. */
extern pteval_t __supported_pte_mask;

void init_mem_mapping(void);
pteval_t *lookup_address(unsigned long address, unsigned int *level);

#endif /* __ASSEMBLY__ */

#endif
