/*
 * The kernel's page tables (init_64.c): the sections' rights, proved by
 * faults taken on purpose (exception-table fixups after expect_oops(), as
 * in traps_test.c) and by the entries themselves; the direct map over all
 * RAM; the boot identity map gone; CR0.WP and EFER.NXE on.
 *
 * #PF error code bits (SDM vol. 3A, 4.7): P (0) the page was present, so
 * the rights refused the access; W (1) a write; I (4) an instruction fetch.
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <asm/extable.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/special_insns.h>
#include <asm/traps.h>

#define PF_PROT		(1 << 0)
#define PF_WRITE	(1 << 1)
#define PF_INSTR	(1 << 4)

static const u64 rodata_word = 0x0123456789abcdefull;
static volatile u64 data_word = 1;
/*
 * "jmp *%rcx", in .data: fetching it must fault, but were it run, it would
 * come back, and the test would fail rather than crash.
 */
static u8 nx_code[16] __attribute__((used, aligned(16))) = { 0xff, 0xe1 };

/* Write a byte back over itself: harmless if the write were allowed. */
static void rewrite_byte(unsigned long addr)
{
	expect_oops();
	asm volatile("movb (%0), %%al\n"
		     "1: movb %%al, (%0)\n2:\n" _ASM_EXTABLE(1b, 2b)
		     : : "r"(addr) : "rax", "memory");
}

static void expect_write_refused(struct ktest *test, unsigned long addr)
{
	last_exception.vector = 0xff;
	rewrite_byte(addr);
	KTEST_EXPECT_EQ(test, last_exception.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(test, last_exception.cr2, addr);
	KTEST_EXPECT_EQ(test, last_exception.error_code, PF_PROT | PF_WRITE);
}

static void text_is_read_only(struct ktest *test)
{
	expect_write_refused(test, (unsigned long)_text);
	expect_write_refused(test, (unsigned long)_etext - 1);
}

static void rodata_is_read_only(struct ktest *test)
{
	expect_write_refused(test, (unsigned long)&rodata_word);
	KTEST_EXPECT_EQ(test, rodata_word, 0x0123456789abcdefull);
}

/* Nor can they be written through the direct map. */
static void aliases_are_read_only(struct ktest *test)
{
	expect_write_refused(test, (unsigned long)__va(__pa_symbol(_text)));
	expect_write_refused(test, (unsigned long)__va(__pa_symbol(&rodata_word)));
}

static void data_is_not_executable(struct ktest *test)
{
	last_exception.vector = 0xff;
	expect_oops();
	asm volatile("leaq 2f(%%rip), %%rcx\n"
		     "jmp *%0\n2:\n" _ASM_EXTABLE(nx_code, 2b)
		     : : "r"(nx_code) : "rcx", "memory");
	KTEST_EXPECT_EQ(test, last_exception.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(test, last_exception.cr2, (unsigned long)nx_code);
	KTEST_EXPECT_EQ(test, last_exception.error_code, PF_PROT | PF_INSTR);
}

static void data_is_writable(struct ktest *test)
{
	data_word = 0x5555aaaa5555aaaaull;
	KTEST_EXPECT_EQ(test, data_word, 0x5555aaaa5555aaaaull);
	data_word++;
	KTEST_EXPECT_EQ(test, data_word, 0x5555aaaa5555aaabull);
}

/* The entry of a kernel address: present, a 4 KiB page, these rights. */
static void expect_rights(struct ktest *test, unsigned long addr, bool rw, bool nx)
{
	unsigned int level;
	pteval_t *pte = lookup_address(addr, &level);

	KTEST_EXPECT_TRUE(test, pte && *pte & _PAGE_PRESENT);
	if (!pte)
		return;
	KTEST_EXPECT_EQ(test, level, PG_LEVEL_4K);
	KTEST_EXPECT_EQ(test, !!(*pte & _PAGE_RW), rw);
	KTEST_EXPECT_EQ(test, !!(*pte & _PAGE_NX),
			nx && (__supported_pte_mask & _PAGE_NX));
	KTEST_EXPECT_EQ(test, *pte & PTE_PFN_MASK, __pa_symbol(addr) & PAGE_MASK);
}

static void expect_unmapped(struct ktest *test, unsigned long addr)
{
	unsigned int level;
	pteval_t *pte = lookup_address(addr, &level);

	KTEST_EXPECT_TRUE(test, !pte || !(*pte & _PAGE_PRESENT));
}

/* Init is read-write-executable until free_initmem() unmaps it. */
static void section_rights(struct ktest *test)
{
	unsigned int level;
	pteval_t *init = lookup_address((unsigned long)__init_begin, &level);

	expect_rights(test, (unsigned long)_text, false, false);
	expect_rights(test, (unsigned long)_etext - 1, false, false);
	expect_rights(test, (unsigned long)__start_rodata, false, true);
	expect_rights(test, (unsigned long)__init_begin - 1, false, true);
	if (init && *init) {
		expect_rights(test, (unsigned long)__init_begin, true, false);
		expect_rights(test, (unsigned long)__init_end - 1, true, false);
	} else {
		expect_unmapped(test, (unsigned long)__init_end - 1);
	}
	expect_rights(test, (unsigned long)_sdata, true, true);
	expect_rights(test, (unsigned long)__bss_start, true, true);
	expect_rights(test, (unsigned long)_end - 1, true, true);
	expect_unmapped(test, (unsigned long)_end);
}

/*
 * The direct-map entry of a page of RAM: present, for that frame,
 * writable (but the alias of text and rodata) and not executable.
 */
static unsigned int check_direct_page(struct ktest *test, u64 pa)
{
	bool alias = pa >= __pa_symbol(_text) && pa < __pa_symbol(__init_begin);
	unsigned int level;
	pteval_t *pte = lookup_address((unsigned long)__va(pa), &level);
	u64 mask = level == PG_LEVEL_2M ? PMD_SIZE - 1 : PAGE_SIZE - 1;

	if (!pte || !(*pte & _PAGE_PRESENT))
		return PG_LEVEL_NONE;
	KTEST_EXPECT_EQ(test, *pte & PTE_PFN_MASK, pa & ~mask);
	KTEST_EXPECT_EQ(test, !!(*pte & _PAGE_RW), !alias);
	KTEST_EXPECT_EQ(test, *pte & _PAGE_NX, __supported_pte_mask & _PAGE_NX);
	return level;
}

/* Every page of RAM, 2 MiB pages where they fit, and the VGA buffer. */
static void direct_map_covers_ram(struct ktest *test)
{
	struct memblock_region *r;
	unsigned int level, large = 0;
	u64 pa, size = PAGE_SIZE;

	for_each_mem_region(r) {
		for (pa = r->base; pa < r->base + r->size;
		     pa = ALIGN_DOWN(pa, size) + size) {
			level = check_direct_page(test, pa);
			if (level == PG_LEVEL_NONE) {
				ktest_fail(test, __FILE__, __LINE__,
					   "RAM at 0x%llx not in the direct map",
					   (unsigned long long)pa);
				return;
			}
			large += level == PG_LEVEL_2M;
			size = level == PG_LEVEL_2M ? PMD_SIZE : PAGE_SIZE;
		}
	}
	KTEST_EXPECT_TRUE(test, large > 0);
	KTEST_EXPECT_TRUE(test, lookup_address((unsigned long)__va(0xb8000), &level));
}

static void identity_map_gone(struct ktest *test)
{
	unsigned long val = 7, addr = 0x100000;

	last_exception.vector = 0xff;
	expect_oops();
	asm volatile("1: movq (%1), %0\n2:\n" _ASM_EXTABLE(1b, 2b)
		     : "+r"(val) : "r"(addr) : "memory");
	KTEST_EXPECT_EQ(test, val, 7);
	KTEST_EXPECT_EQ(test, last_exception.vector, X86_TRAP_PF);
	KTEST_EXPECT_EQ(test, last_exception.error_code, 0);	/* not present */
	KTEST_EXPECT_EQ(test, init_top_pgt[0], 0);
}

static void cpu_state(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, __read_cr3() & PTE_PFN_MASK, __pa(init_top_pgt));
	KTEST_EXPECT_TRUE(test, read_cr0() & X86_CR0_WP);
	KTEST_EXPECT_TRUE(test, __supported_pte_mask & _PAGE_NX);
	KTEST_EXPECT_TRUE(test, rdmsrl(MSR_EFER) & 1 << _EFER_NX);
}

static const struct ktest_case pgtable_cases[] = {
	KTEST_CASE(text_is_read_only),
	KTEST_CASE(rodata_is_read_only),
	KTEST_CASE(aliases_are_read_only),
	KTEST_CASE(data_is_not_executable),
	KTEST_CASE(data_is_writable),
	KTEST_CASE(section_rights),
	KTEST_CASE(direct_map_covers_ram),
	KTEST_CASE(identity_map_gone),
	KTEST_CASE(cpu_state),
	{}
};

static const struct ktest_suite pgtable_suite = { "pgtable", pgtable_cases };
ktest_register_suite(pgtable_suite);
