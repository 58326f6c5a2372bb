/* What the kernel keeps of what the loader and the setup code gave it. */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

#include <asm/bootparam.h>

extern struct boot_params boot_params;
extern unsigned long boot_params_phys;	/* where the loader left it */
extern char boot_command_line[COMMAND_LINE_SIZE];

void x86_64_start_kernel(const struct boot_params *real_mode_data);
void setup_command_line(void);
void setup_arch(void);
void __attribute__((noreturn)) machine_halt(void);
void __attribute__((noreturn)) machine_restart(void);
void free_initmem(void);

#endif
