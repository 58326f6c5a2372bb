/*
 * Shared declarations of the real-mode setup code (boot/). This code runs
 * in 16-bit real mode, compiled by gcc -m16: %ds = %ss = the setup segment,
 * every pointer is an offset inside it, and anything else in memory is
 * reached through %fs or %gs.
 */
#ifndef BOOT_BOOT_H
#define BOOT_BOOT_H

#define STACK_SIZE	1024	/* minimum stack start_of_setup sets up */

#ifndef __ASSEMBLY__

#include <linux/types.h>
#include <linux/string.h>
#include <asm/bootparam.h>
#include <asm/io.h>
#include <asm/processor-flags.h>

extern struct setup_header hdr;
extern struct boot_params boot_params;
extern char cmdline[COMMAND_LINE_SIZE];

/* Segment registers, for reaching memory outside our 64 KiB segment. */
static inline u16 ds(void)
{
	u16 seg;

	asm("movw %%ds, %0" : "=rm"(seg));
	return seg;
}

static inline void set_fs(u16 seg)
{
	asm volatile("movw %0, %%fs" : : "rm"(seg));
}

static inline void set_gs(u16 seg)
{
	asm volatile("movw %0, %%gs" : : "rm"(seg));
}

static inline u8 rdfs8(u16 addr)
{
	u8 v;

	asm volatile("movb %%fs:%1, %0" : "=q"(v) : "m"(*(u8 *)(size_t)addr));
	return v;
}

static inline u16 rdfs16(u16 addr)
{
	u16 v;

	asm volatile("movw %%fs:%1, %0" : "=r"(v) : "m"(*(u16 *)(size_t)addr));
	return v;
}

static inline void wrfs16(u16 v, u16 addr)
{
	asm volatile("movw %1, %%fs:%0" : "+m"(*(u16 *)(size_t)addr) : "ri"(v));
}

static inline u16 rdgs16(u16 addr)
{
	u16 v;

	asm volatile("movw %%gs:%1, %0" : "=r"(v) : "m"(*(u16 *)(size_t)addr));
	return v;
}

/*
 * The registers of a BIOS call, in the order pushal/popal and the segment
 * pushes of bioscall.S lay them out on the stack.
 */
struct biosregs {
	union {
		struct {
			u32 edi, esi, ebp, _esp, ebx, edx, ecx, eax;
			u32 _fsgs, _dses, eflags;
		};
		struct {
			u16 di, hdi, si, hsi, bp, hbp, _sp, _hsp;
			u16 bx, hbx, dx, hdx, cx, hcx, ax, hax;
			u16 gs, fs, es, ds;
		};
		struct {
			u8 dil, dih, edi2, edi3, sil, sih, esi2, esi3;
			u8 bpl, bph, ebp2, ebp3, _spl, _sph, _esp2, _esp3;
			u8 bl, bh, ebx2, ebx3, dl, dh, edx2, edx3;
			u8 cl, ch, ecx2, ecx3, al, ah, eax2, eax3;
		};
	};
};

void intcall(u8 int_no, const struct biosregs *ireg, struct biosregs *oreg);
void initregs(struct biosregs *regs);

/* tty.c */
void putchar(int ch);
void puts(const char *s);
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void __attribute__((noreturn)) die(void);
extern bool boot_debug;
void console_init(void);

/* cpu.c */
int validate_cpu(void);

/* memory.c */
void detect_memory(void);
void check_kernel_memory(void);

/* video.c */
void query_video(void);

/* a20.c */
const char *enable_a20(void);

/* pm.c, pmjump.S */
void __attribute__((noreturn)) go_to_protected_mode(void);
void __attribute__((noreturn)) protected_mode_jump(u32 entrypoint, u32 bootparams);

#endif /* __ASSEMBLY__ */
#endif
