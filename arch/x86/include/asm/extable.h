/*
 * Exception fixups: a table of (faulting instruction, where to go on)
 * pairs, as in Linux's __ex_table. An exception at a listed instruction
 * continues at its fixup instead of killing the kernel: silently, or,
 * after expect_oops(), once the oops has been printed (for the tests that
 * check the oops itself).
 */
#ifndef _ASM_X86_EXTABLE_H
#define _ASM_X86_EXTABLE_H

#define _ASM_EXTABLE(from, to)					\
	".pushsection __ex_table, \"a\"\n\t"			\
	".balign 8\n\t"						\
	".quad " #from ", " #to "\n\t"				\
	".popsection\n"

#ifndef __ASSEMBLY__
#include <asm/ptrace.h>

struct exception_table_entry {
	unsigned long insn, fixup;
};

/* What the last exception was, for tests. */
struct exception_info {
	unsigned long vector, error_code, cr2, rip;
};
extern struct exception_info last_exception;

bool fixup_exception(struct pt_regs *regs);
void expect_oops(void);
#endif

#endif
