/*
 * Is this CPU able to run us? Checked here, in real mode, because this is
 * the last place where we can still tell the user why not on any screen.
 * The required features are what long mode and our C code need: gcc's
 * x86-64 baseline (cmov, fxsr, sse, sse2), PAE + PSE page tables, the TSC,
 * MSRs (EFER) and cmpxchg8b (Intel SDM vol. 2A, CPUID; AMD APM vol. 3,
 * CPUID Fn8000_0001).
 */
#include <asm/processor-flags.h>
#include "boot.h"

struct cpu_feature {
	u8 leaf;	/* 1: CPUID 1 EDX, 2: CPUID 8000_0001 EDX */
	u8 bit;
	char name[6];	/* /proc/cpuinfo's name */
};

static const struct cpu_feature required[] = {
	{ 1, 0, "fpu" }, { 1, 3, "pse" }, { 1, 4, "tsc" }, { 1, 5, "msr" },
	{ 1, 6, "pae" }, { 1, 8, "cx8" }, { 1, 13, "pge" }, { 1, 15, "cmov" },
	{ 1, 24, "fxsr" }, { 1, 25, "sse" }, { 1, 26, "sse2" }, { 2, 29, "lm" },
};

/* Can software flip this EFLAGS bit? (AC: 486 or later; ID: has CPUID) */
static bool flag_is_changeable(u32 flag)
{
	u32 f0, f1;

	asm volatile("pushfl\n\t"
		     "pushfl\n\t"
		     "popl %0\n\t"
		     "movl %0, %1\n\t"
		     "xorl %2, %1\n\t"
		     "pushl %1\n\t"
		     "popfl\n\t"
		     "pushfl\n\t"
		     "popl %1\n\t"
		     "popfl"
		     : "=&r"(f0), "=&r"(f1)
		     : "ri"(flag));
	return !!((f0 ^ f1) & flag);
}

static void cpuid(u32 leaf, u32 *eax, u32 *edx)
{
	u32 ebx, ecx;

	asm volatile("cpuid"
		     : "=a"(*eax), "=b"(ebx), "=c"(ecx), "=d"(*edx)
		     : "a"(leaf), "c"(0));
}

static const char *cpu_name(int level)
{
	switch (level) {
	case 3: return "i386";
	case 4: return "i486";
	case 5: return "i586";
	case 6: return "i686";
	}
	return "x86-64";
}

int validate_cpu(void)
{
	u32 eax, edx[3] = { 0, 0, 0 };
	int level = 3, i, missing = 0;

	if (flag_is_changeable(X86_EFLAGS_AC))
		level = 4;
	if (flag_is_changeable(X86_EFLAGS_ID)) {
		cpuid(1, &eax, &edx[1]);
		level = (eax >> 8) & 0xf;	/* family */
		if (level > 6)
			level = 6;
		cpuid(0x80000000, &eax, &edx[0]);
		if (eax >= 0x80000001)
			cpuid(0x80000001, &eax, &edx[2]);
		if (edx[2] & (1u << 29))
			level = 64;
	}

	if (level < 64)
		printf("This kernel requires an x86-64 CPU, but only detected an %s CPU.\n",
		       cpu_name(level));
	for (i = 0; i < (int)(sizeof(required) / sizeof(required[0])); i++) {
		if (edx[required[i].leaf] & (1u << required[i].bit))
			continue;
		if (!missing++)
			puts("This kernel requires the following features not present on the CPU:\n");
		printf("%s ", required[i].name);
	}
	if (missing)
		putchar('\n');
	return level < 64 || missing ? -1 : 0;
}
