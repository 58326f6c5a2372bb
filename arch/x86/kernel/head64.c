/*
 * First C code of the kernel. boot_params lives in memory the loader
 * chose: copy it into the kernel before anything else runs, and note
 * where it was so that setup_arch() can reserve it.
 */
#include <linux/string.h>
#include <linux/decompress_stats.h>
#include <asm/page.h>
#include <asm/setup.h>

void start_kernel(void);

struct boot_params boot_params;
unsigned long boot_params_phys;

/* Filled in by the decompressor before we run; .data, so never cleared. */
struct decompress_stats decompress_stats __attribute__((section(".data")));

/* real_mode_data is the zero page's physical address. */
void x86_64_start_kernel(const struct boot_params *real_mode_data)
{
	boot_params_phys = (unsigned long)real_mode_data;
	memcpy(&boot_params, __va(real_mode_data), sizeof(boot_params));
	start_kernel();
}
