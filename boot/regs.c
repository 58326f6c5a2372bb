/*
 * A clean register set for a BIOS call: segments pointing at us, and CF
 * set so that a BIOS that does not know the function (and returns without
 * touching the flags) reads as a failure.
 */
#include "boot.h"

void initregs(struct biosregs *reg)
{
	memset(reg, 0, sizeof(*reg));
	reg->eflags |= X86_EFLAGS_CF;
	reg->ds = ds();
	reg->es = ds();
	reg->fs = 0;
	reg->gs = 0;
}
