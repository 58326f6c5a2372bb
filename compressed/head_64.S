/*
 * The decompressor's entry points, at the start of the protected-mode
 * part of the bzImage (what a loader puts at code32_start).
 *
 * startup_32 (offset 0): 32-bit boot protocol. Flat segments, paging off,
 * %esi = boot_params. We find where we were loaded, check the CPU, build
 * page tables identity-mapping the first 4 GiB with 2 MiB pages inside
 * our own image and enter long mode.
 *
 * startup_64 (offset 0x200): 64-bit boot protocol (XLF_KERNEL_64), on the
 * loader's page tables, which map only our image (boot.rst); we switch to
 * the same tables of our own.
 *
 * Both then let choose_output() (C, run in place) pick where the kernel
 * goes, clear of the initrd and whatever else the loader handed over, copy
 * ourselves, payload included, to the end of that buffer, so that inflating
 * from there to its start never overwrites input not read yet, and call
 * extract_kernel() from the copy.
 *
 * The code is linked at 0 and runs wherever it was loaded: every address
 * is taken %rip-relative or from %ebp/%rbx (load / copy address).
 */
#include <linux/decompress_stats.h>
#include <asm/boot.h>
#include <asm/bootparam.h>
#include <asm/segment.h>
#include <asm/processor-flags.h>
#include <asm/ident_map.h>

/*
 * An address relative to startup_32, i.e. an offset into the image. The
 * assembler turns "sym - startup_32" into a PC-relative relocation, so
 * this stays correct wherever we run.
 */
#define rva(x)	((x) - startup_32)

/*
 * startup_32's identity map of the first 4 GiB, in 32-bit mode: PML4[0] ->
 * PDPT, PDPT[0..3] -> four page directories of 512 2 MiB pages each (Intel
 * SDM vol. 3, 4.5), at pgtable in the image whose startup_32 is at \base.
 * A 32-bit loader put us below 4 GiB, so the entries' upper halves are
 * left zero by the clearing.
 */
.macro build_identity_map32 base
	leal	rva(pgtable)(\base), %edi
	xorl	%eax, %eax
	movl	$(BOOT_PGT_SIZE / 4), %ecx
	rep	stosl

	leal	rva(pgtable)(\base), %edi
	leal	(0x1000 + _PAGE_PRESENT + _PAGE_RW)(%edi), %eax
	movl	%eax, (%edi)

	leal	rva(pgtable + 0x1000)(\base), %edi
	leal	(0x1000 + _PAGE_PRESENT + _PAGE_RW)(%edi), %eax
	movl	$4, %ecx
1:	movl	%eax, (%edi)
	addl	$0x1000, %eax
	addl	$8, %edi
	decl	%ecx
	jnz	1b

	leal	rva(pgtable + 0x2000)(\base), %edi
	movl	$(_PAGE_PRESENT + _PAGE_RW + _PAGE_PSE), %eax
	movl	$2048, %ecx
1:	movl	%eax, (%edi)
	addl	$0x200000, %eax
	addl	$8, %edi
	decl	%ecx
	jnz	1b
.endm

/*
 * The same map in 64-bit mode, where \base may be above 4 GiB: the four
 * GiBs one by one, which lays the tables out as build_identity_map32
 * does. Leaves %r8 = the PML4 and %r9 = the next free page.
 */
.macro build_identity_map64 base
	leaq	rva(pgtable)(\base), %rdi
	xorl	%eax, %eax
	movl	$(BOOT_PGT_SIZE / 8), %ecx
	rep	stosq

	leaq	rva(pgtable)(\base), %r8
	leaq	PAGE_SIZE(%r8), %r9
	xorl	%edi, %edi
	movl	$4, %r10d
1:	IDENT_MAP_GIB 0
	addq	$PUD_SIZE, %rdi
	decl	%r10d
	jnz	1b
.endm

/*
 * A 64-bit loader may have put us, the zero page (%rsi) and the command
 * line anywhere (boot.rst, XLF_CAN_BE_LOADED_ABOVE_4G): add their GiBs to
 * the tables at %r8, taking pages from %r9 (asm/ident_map.h). Ours are
 * [%rbp, %rbp + init_size); choose_output() keeps the kernel inside the
 * GiBs that holds, so the copy's tables map the same.
 */
.macro map_loader_memory
	movq	%rbp, %rdi
	IDENT_MAP_GIB 0
	movl	BP_init_size(%rsi), %edi
	leaq	-1(%rbp,%rdi), %rdi
	IDENT_MAP_GIB 0
	movq	%rsi, %rdi
	IDENT_MAP_GIB 0
	leaq	(PAGE_SIZE - 1)(%rsi), %rdi
	IDENT_MAP_GIB 0
	movl	BP_ext_cmd_line_ptr(%rsi), %edi
	shlq	$32, %rdi
	movl	BP_cmd_line_ptr(%rsi), %eax
	orq	%rax, %rdi
	IDENT_MAP_GIB 0
	addq	$(COMMAND_LINE_SIZE - 1), %rdi
	IDENT_MAP_GIB 0
.endm

/*
 * Zero [_bss, _ebss) of the image we run in (the loader copies only the
 * file, head_64.S's copy only [0, _bss)). A macro, not a call: the stack
 * is in that bss.
 */
.macro clear_bss
	leaq	_bss(%rip), %rdi
	leaq	_ebss(%rip), %rcx
	subq	%rdi, %rcx
	shrq	$3, %rcx
	xorl	%eax, %eax
	rep	stosq
.endm

	.section ".head.text", "ax"
	.code32
	.globl	startup_32
startup_32:
	cld
	cli

	/*
	 * KEEP_SEGMENTS (protocol 2.07+): the loader set %ds, %es, %ss to
	 * flat segments of its own and asks us to keep them.
	 */
	testb	$KEEP_SEGMENTS, BP_loadflags(%esi)
	jnz	1f
	movl	$__BOOT_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
1:
	/*
	 * Where are we? A call pushes its return address, which we pop: that
	 * needs 4 bytes of stack, and boot_params.scratch is there for it.
	 */
	leal	(BP_scratch + 4)(%esi), %esp
	call	1f
1:	popl	%ebp
	subl	$(1b - startup_32), %ebp	/* %ebp = load address */

	/*
	 * Our own setup says so in %edx (boot/pmjump.S); anyone else is a
	 * 32-bit loader. The mark travels with the copy to the kernel.
	 */
	movb	$BOOT_ENTRY_32, %al
	cmpl	$SETUP_ENTRY_MAGIC, %edx
	jne	1f
	movb	$BOOT_ENTRY_16, %al
1:	movb	%al, rva(boot_entry)(%ebp)

	leal	rva(boot_stack_end)(%ebp), %esp
	call	verify_cpu
	testl	%eax, %eax
	jnz	no_longmode

	/* Our GDT: the loader's may be gone, and it has no 64-bit segment. */
	leal	rva(gdt)(%ebp), %eax
	movl	%eax, rva(gdt_desc32 + 2)(%ebp)
	lgdt	rva(gdt_desc32)(%ebp)
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	pushl	$__KERNEL32_CS
	leal	rva(1f)(%ebp), %eax
	pushl	%eax
	lret
1:
	movl	%cr4, %eax
	orl	$X86_CR4_PAE, %eax
	movl	%eax, %cr4

	build_identity_map32 %ebp
	leal	rva(pgtable)(%ebp), %eax
	movl	%eax, %cr3

	movl	$MSR_EFER, %ecx
	rdmsr
	btsl	$_EFER_LME, %eax
	wrmsr

	/* Paging on with EFER.LME set = long mode; lret loads a 64-bit %cs. */
	pushl	$__KERNEL_CS
	leal	rva(.Lfrom_startup_32)(%ebp), %eax
	pushl	%eax
	movl	$(X86_CR0_PG | X86_CR0_PE), %eax
	movl	%eax, %cr0
	lret

	.code64
	.org	0x200
	.globl	startup_64
startup_64:
	/*
	 * A 64-bit loader enters here with its own page tables, which map at
	 * least [load address, load address + init_size), boot_params and
	 * the command line (boot.rst, "64-bit boot protocol"). We build ours
	 * inside our image, as startup_32 does. An EFI entry marked
	 * boot_entry before it came here.
	 */
	cld
	cli
	leaq	boot_stack_end(%rip), %rsp	/* the protocol gives no stack */
	leaq	startup_32(%rip), %rbp
	cmpb	$0, boot_entry(%rip)
	jne	1f
	movb	$BOOT_ENTRY_64, boot_entry(%rip)
1:
	build_identity_map64 %rbp
	map_loader_memory
	movq	%r8, %cr3
	jmp	.Lon_our_tables

/*
 * startup_32 arrives here; the upper halves of registers are undefined.
 * Its tables are live: what map_loader_memory adds was not mapped, so no
 * stale translation of it can be cached (SDM vol. 3, 4.10.2.3).
 */
.Lfrom_startup_32:
	movl	%esi, %esi
	movl	%ebp, %ebp
	leaq	rva(pgtable)(%rbp), %r8
	leaq	rva(pgtable + 6 * PAGE_SIZE)(%rbp), %r9
	map_loader_memory

.Lon_our_tables:
	xorl	%eax, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs
	movq	%rsi, %r15		/* boot_params */

	/*
	 * choose_output() is C: give it a clear bss (its console lives
	 * there) and a stack, both inside our loaded image.
	 */
	clear_bss
	leaq	boot_stack_end(%rip), %rsp
	movq	%r15, %rdi
	movq	%rbp, %rsi
	call	choose_output		/* %rax = where the kernel goes */
	movq	%rax, %rbx
	addq	$z_extract_offset, %rbx	/* %rbx = where our copy goes */

	/*
	 * The copy may overwrite our page tables: move to the copy's, at
	 * least z_extract_offset >= BOOT_PGT_SIZE (vmlinux.lds) above ours.
	 */
	movq	%r15, %rsi
	build_identity_map64 %rbx
	map_loader_memory
	movq	%r8, %cr3

	/*
	 * Copy [0, _bss) to %rbx. The copy is higher than the original and
	 * may overlap it, so copy backwards.
	 */
	leaq	(_bss - 8)(%rip), %rsi
	leaq	rva(_bss - 8)(%rbx), %rdi
	movl	$rva(_bss), %ecx
	shrl	$3, %ecx
	std
	rep	movsq
	cld

	leaq	rva(.Lrelocated)(%rbx), %rax
	jmp	*%rax

/*
 * verify_cpu: %eax = 0 if this CPU has CPUID and long mode (AMD APM vol. 3,
 * CPUID Fn8000_0001 EDX bit 29). The real-mode setup checks more and says
 * more; this is for loaders that enter at startup_32 directly.
 */
	.code32
verify_cpu:
	pushfl
	popl	%eax
	movl	%eax, %ecx
	xorl	$X86_EFLAGS_ID, %eax
	pushl	%eax
	popfl
	pushfl
	popl	%eax
	xorl	%ecx, %eax
	testl	$X86_EFLAGS_ID, %eax
	jz	.Lverify_cpu_no		/* no CPUID */
	pushl	%ebx
	movl	$0x80000000, %eax
	cpuid
	cmpl	$0x80000001, %eax
	jb	.Lverify_cpu_no_pop
	movl	$0x80000001, %eax
	cpuid
	popl	%ebx
	btl	$29, %edx
	jnc	.Lverify_cpu_no
	xorl	%eax, %eax
	ret
.Lverify_cpu_no_pop:
	popl	%ebx
.Lverify_cpu_no:
	movl	$1, %eax
	ret

/* No BIOS any more: write the reason to COM1 and the text screen. */
no_longmode:
	leal	rva(no_longmode_msg)(%ebp), %esi
	movl	$0xb8000, %edi
1:	lodsb
	testb	%al, %al
	jz	2f
	movw	$0x3f8, %dx
	outb	%al, %dx
	movb	$0x07, %ah
	stosw
	jmp	1b
2:	hlt
	jmp	2b

no_longmode_msg:
	.asciz	"This kernel requires an x86-64 CPU (long mode), unable to boot -- System halted\r\n"

	.text
	.code64
.Lrelocated:
	/* We run in the copy now: reload our GDT from there. */
	leaq	gdt(%rip), %rax
	movq	%rax, gdt_desc64 + 2(%rip)
	lgdt	gdt_desc64(%rip)

	clear_bss

	leaq	boot_stack_end(%rip), %rsp
	movq	%r15, %rdi			/* boot_params */
	leaq	startup_32(%rip), %rsi
	subq	$z_extract_offset, %rsi		/* output */
	call	extract_kernel			/* returns the kernel's entry */

	movq	%r15, %rsi
	jmp	*%rax

	.data
	.globl	boot_entry
boot_entry:
	.byte	0			/* BOOT_ENTRY_*: which door we came in by */
	.balign	8
gdt_desc32:
	.word	gdt_end - gdt - 1
	.long	0			/* base: set at run time */
	.balign	8
gdt_desc64:
	.word	gdt_end - gdt - 1
	.quad	0			/* base: set at run time */
	.balign	16
gdt:
	.quad	0				/* null */
	.quad	0x00cf9a000000ffff		/* __KERNEL32_CS: 32-bit code */
	.quad	0x00af9a000000ffff		/* __KERNEL_CS: 64-bit code (L) */
	.quad	0x00cf92000000ffff		/* __KERNEL_DS */
gdt_end:

	.bss
	.balign	16
boot_stack:
	.fill	BOOT_STACK_SIZE, 1, 0
boot_stack_end:

	.section ".pgtable", "aw", @nobits
	.balign	4096
pgtable:
	.fill	BOOT_PGT_SIZE, 1, 0
