/*
 * First C code of the kernel. boot_params lives in memory the loader
 * chose and nobody reserved: copy it into the kernel before anything
 * else runs.
 */
#include <linux/string.h>
#include <linux/decompress_stats.h>
#include <asm/setup.h>

void start_kernel(void);

struct boot_params boot_params;

/* Filled in by the decompressor before we run; .data, so never cleared. */
struct decompress_stats decompress_stats __attribute__((section(".data")));

void x86_64_start_kernel(const struct boot_params *real_mode_data)
{
	memcpy(&boot_params, real_mode_data, sizeof(boot_params));
	start_kernel();
}
