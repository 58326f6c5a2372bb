/*
 * The kernel's page tables, built once memblock knows the RAM (Linux's
 * init_mem_mapping(), with the section rights of its mark_rodata_ro()
 * set from the start, since nothing patches the kernel's code):
 *
 *  - the direct map: the first MiB (BIOS data, the VGA buffer) and all
 *    usable RAM, above 4 GiB too, at PAGE_OFFSET + physical address,
 *    read-write and never executable, in 2 MiB pages wherever a range
 *    allows one (few tables to build, little TLB pressure), 4 KiB pages
 *    at unaligned ends;
 *  - the kernel image at its link address, on the pages phys_base says
 *    hold it (asm/page.h), in 4 KiB pages so each section gets its own
 *    rights: text read-only and
 *    executable, rodata read-only, data and bss non-executable, init
 *    read-write-executable until free_initmem(). The direct map's alias
 *    of text and rodata is read-only too, or they could be written
 *    through it.
 *
 * Nothing else is mapped: once CR3 points here the boot identity map is
 * gone, and a stray physical address faults. The rights rely on CR0.WP,
 * without which ring 0 writes through read-only pages (SDM vol. 3A,
 * 4.6.1), and on EFER.NXE for the NX bit (4.1.1).
 *
 * The tables come from memblock, below 4 GiB while they are being built:
 * that is what head_64.S maps at PAGE_OFFSET, through which __va() reaches
 * them.
 */
#include <linux/early_vga.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/special_insns.h>

#define BOOT_MAP_END		(4ULL << 30)
#define ISA_END_ADDRESS		0x100000
/* int3, like Linux's POISON_FREE_INITMEM: a jump into freed code traps. */
#define POISON_FREE_INITMEM	0xcc
/* CPUID.80000001H:EDX bit 20: the CPU has the XD (NX) bit. */
#define CPUID_EXT_NX		(1 << 20)

pteval_t *init_top_pgt;
pteval_t __supported_pte_mask = ~_PAGE_NX;

static pteval_t * __init alloc_low_page(void)
{
	pteval_t *table = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

	if (!table)
		panic("Cannot allocate a page table");
	return table;
}

/* The table an entry points to, made if the entry is empty. */
static pteval_t * __init table_of(pteval_t *entry)
{
	if (!(*entry & _PAGE_PRESENT))
		*entry = __pa(alloc_low_page()) | _KERNPG_TABLE;
	return __va(*entry & PTE_PFN_MASK);
}

/*
 * Map [pa, end) at va. With large, a 2 MiB page (a PDE with PS set, SDM
 * 4.5) wherever va, pa and the length left allow one. Callers never map
 * a range twice, so no large page has to be split.
 */
static void __init map_range(unsigned long va, u64 pa, u64 end, pteval_t prot,
			     bool large)
{
	prot &= __supported_pte_mask;
	while (pa < end) {
		pteval_t *pud = table_of(&init_top_pgt[pgd_index(va)]);
		pteval_t *pmd = table_of(&pud[pud_index(va)]);
		unsigned long step = PAGE_SIZE;

		if (large && IS_ALIGNED(va | pa, PMD_SIZE) && end - pa >= PMD_SIZE) {
			pmd[pmd_index(va)] = pa | prot | _PAGE_PSE;
			step = PMD_SIZE;
		} else {
			table_of(&pmd[pmd_index(va)])[pte_index(va)] = pa | prot;
		}
		va += step;
		pa += step;
	}
}

static void __init map_direct_part(u64 start, u64 end, pteval_t prot)
{
	if (start < end)
		map_range((unsigned long)__va(start), start, end, prot, true);
}

static void __init map_direct(u64 start, u64 end)
{
	u64 ro_start = __pa_symbol(_text), ro_end = __pa_symbol(__init_begin);

	if (start >= end)
		return;
	pr_debug("init_memory_mapping: [mem 0x%08llx-0x%08llx]\n",
		 (unsigned long long)start, (unsigned long long)(end - 1));
	map_direct_part(start, min(end, ro_start), PAGE_KERNEL);
	map_direct_part(max(start, ro_start), min(end, ro_end), PAGE_KERNEL_RO);
	map_direct_part(max(start, ro_end), end, PAGE_KERNEL);
}

/* The linker script page-aligns each of these boundaries. */
static void __init map_kernel_part(char *start, char *end, pteval_t prot)
{
	map_range((unsigned long)start, __pa_symbol(start), __pa_symbol(end),
		  prot, false);
}

static void __init map_kernel_image(void)
{
	map_kernel_part(_text, __start_rodata, PAGE_KERNEL_RX);
	map_kernel_part(__start_rodata, __init_begin, PAGE_KERNEL_RO);
	map_kernel_part(__init_begin, __init_end, PAGE_KERNEL_EXEC);
	map_kernel_part(__init_end, _end, PAGE_KERNEL);
}

static void __init x86_configure_nx(void)
{
	u32 eax, ebx, ecx, edx;

	cpuid(0x80000001, &eax, &ebx, &ecx, &edx);
	if (!(edx & CPUID_EXT_NX)) {
		pr_notice("Notice: NX (Execute Disable) protection missing in CPU!\n");
		return;
	}
	wrmsrl(MSR_EFER, rdmsrl(MSR_EFER) | 1 << _EFER_NX);
	__supported_pte_mask |= _PAGE_NX;
	pr_info("NX (Execute Disable) protection: active\n");
}

void __init init_mem_mapping(void)
{
	struct memblock_region *r;

	x86_configure_nx();
	memblock_set_current_limit(BOOT_MAP_END);
	init_top_pgt = alloc_low_page();
	map_direct(0, ISA_END_ADDRESS);
	for_each_mem_region(r)
		map_direct(max(r->base, (u64)ISA_END_ADDRESS), r->base + r->size);
	map_kernel_image();

	write_cr3(__pa(init_top_pgt));
	early_vga_remap(PAGE_OFFSET);
	write_cr0(read_cr0() | X86_CR0_WP);
	memblock_set_current_limit(MEMBLOCK_ALLOC_ANYWHERE);
}

pteval_t *lookup_address(unsigned long address, unsigned int *level)
{
	pteval_t *entry = &init_top_pgt[pgd_index(address)];

	*level = PG_LEVEL_NONE;
	if (!(*entry & _PAGE_PRESENT))
		return NULL;
	entry = (pteval_t *)__va(*entry & PTE_PFN_MASK) + pud_index(address);
	*level = PG_LEVEL_1G;
	if (!(*entry & _PAGE_PRESENT) || *entry & _PAGE_PSE)
		return *entry & _PAGE_PRESENT ? entry : NULL;
	entry = (pteval_t *)__va(*entry & PTE_PFN_MASK) + pmd_index(address);
	*level = PG_LEVEL_2M;
	if (!(*entry & _PAGE_PRESENT) || *entry & _PAGE_PSE)
		return *entry & _PAGE_PRESENT ? entry : NULL;
	*level = PG_LEVEL_4K;
	return (pteval_t *)__va(*entry & PTE_PFN_MASK) + pte_index(address);
}

/*
 * The end of boot (kernel_init() calls this): unmap the init sections
 * from the kernel image, so a late call into them faults, and give their
 * pages, poisoned, to the page allocator through the direct map.
 */
void free_initmem(void)
{
	unsigned long va;
	unsigned int level;

	for (va = (unsigned long)__init_begin; va < (unsigned long)__init_end;
	     va += PAGE_SIZE) {
		*lookup_address(va, &level) = 0;
		__flush_tlb_one_kernel(va);
	}
	free_reserved_area(__va(__pa_symbol(__init_begin)),
			   __va(__pa_symbol(__init_end)), POISON_FREE_INITMEM,
			   "unused kernel image (initmem)");
}
