/*
 * mm_core_init(): the step of start_kernel() after which memory is the
 * page allocator's and kmalloc works. setup_arch() has already built the
 * direct map and mem_map (paging_init()); here memblock hands over, and
 * the result is summed up in Linux's "Memory:" line.
 */
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <asm/sections.h>

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

/*
 * Available: what the allocator has free now; the total: all usable RAM;
 * reserved: RAM the allocator never got (firmware areas below 1 MiB,
 * the kernel image, mem_map, page tables, what the loader left).
 */
static void __init mem_init_print_info(void)
{
	unsigned long physpages = memblock_phys_mem_size() >> PAGE_SHIFT;

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, %luK init, %luK bss, %luK reserved)\n",
		K(nr_free_pages()), K(physpages),
		(unsigned long)(_etext - _text) >> 10,
		(unsigned long)(_edata - _sdata) >> 10,
		(unsigned long)(__end_rodata - __start_rodata) >> 10,
		(unsigned long)(__init_end - __init_begin) >> 10,
		(unsigned long)(__bss_stop - __bss_start) >> 10,
		K(physpages - totalram_pages()));
}

void __init mm_core_init(void)
{
	memblock_free_all();
	kmem_cache_init();
	mem_init_print_info();
}
