/*
 * Code and data needed only while booting, and the registration of boot
 * parameters and init functions next to the code that uses them (Linux's
 * include/linux/init.h has the same names). Everything here goes into
 * .init.* sections, which the linker script gathers between __init_begin
 * and __init_end so kernel_init() can free them once boot is over.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#define __init		__attribute__((section(".init.text"), cold))
#define __initdata	__attribute__((section(".init.data")))
#define __initconst	__attribute__((section(".init.rodata")))

#ifndef __ASSEMBLY__

#include <linux/types.h>

/*
 * A boot parameter. For __setup(), "str" is the name with its '=' if it
 * takes a value ("console="), or the bare word ("quiet"); early_param()
 * names match with or without a value, as in Linux. setup_func gets the
 * value ("" for a bare word) and returns 0 if it did not accept it. Early
 * ones run from parse_early_param(), before the consoles; the others once
 * the command line is final, from parse_boot_params().
 */
struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *value);
	bool early;
};

#define __setup_param(str, unique_id, fn, early)			\
	static const char __setup_str_##unique_id[] __initconst = str;	\
	static const struct obs_kernel_param __setup_##unique_id	\
		__attribute__((used, section(".init.setup"), aligned(8))) = \
		{ __setup_str_##unique_id, fn, early }

#define __setup(str, fn)	__setup_param(str, fn, fn, false)
#define early_param(str, fn)	__setup_param(str, fn, fn, true)

/*
 * Init functions, run by kernel_init() level by level (do_initcalls):
 * 0 pure, 1 core, 2 postcore, 3 arch, 4 subsys, 5 fs, 6 device, 7 late.
 */
typedef int (*initcall_t)(void);

#define __define_initcall(fn, level)					\
	static const initcall_t __initcall_##fn##level			\
		__attribute__((used, section(".initcall" #level ".init"))) = fn

#define pure_initcall(fn)	__define_initcall(fn, 0)
#define core_initcall(fn)	__define_initcall(fn, 1)
#define postcore_initcall(fn)	__define_initcall(fn, 2)
#define arch_initcall(fn)	__define_initcall(fn, 3)
#define subsys_initcall(fn)	__define_initcall(fn, 4)
#define fs_initcall(fn)		__define_initcall(fn, 5)
#define device_initcall(fn)	__define_initcall(fn, 6)
#define late_initcall(fn)	__define_initcall(fn, 7)

extern const struct obs_kernel_param __setup_start[], __setup_end[];
extern char __init_begin[], __init_end[];

void parse_early_param(void);
void parse_boot_params(void);

/* What kernel_init() hands to init: words it did not know, and "--" on. */
#define MAX_INIT_ARGS	32
#define MAX_INIT_ENVS	32
extern const char *argv_init[MAX_INIT_ARGS + 2];
extern const char *envp_init[MAX_INIT_ENVS + 2];

#endif /* __ASSEMBLY__ */
#endif
