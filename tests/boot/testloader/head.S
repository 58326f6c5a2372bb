/*
 * The test loader's way in (from QEMU's Multiboot loader) and its two ways
 * out (into the kernel's 32-bit or 64-bit entry point). Only these need
 * assembly: a stack of our own, segment and control register loads, and
 * far jumps. Everything else is in testloader.c.
 */
#include <asm/segment.h>
#include <asm/processor-flags.h>

/* Multiboot 0.6.96, 3.1.1-3.1.2: magic, flags, checksum. */
#define MULTIBOOT_HEADER_MAGIC		0x1badb002
#define MULTIBOOT_PAGE_ALIGN		(1 << 0)	/* modules on 4 KiB */
#define MULTIBOOT_MEMORY_INFO		(1 << 1)	/* mem_* and mmap_* */
#define MULTIBOOT_HEADER_FLAGS		(MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO)

#define STACK_SIZE	0x4000

	.section ".multiboot", "a"
	.balign	4
	.long	MULTIBOOT_HEADER_MAGIC
	.long	MULTIBOOT_HEADER_FLAGS
	.long	-(MULTIBOOT_HEADER_MAGIC + MULTIBOOT_HEADER_FLAGS)

	.text
	.code32
/*
 * Multiboot 0.6.96, 3.2 "Machine state": flat 32-bit protected mode,
 * paging and interrupts off, %eax = magic, %ebx = the information
 * structure, %esp undefined. GDTR may be invalid too, so no segment
 * register is loaded before enter32/enter64 load a GDT of our own.
 */
	.globl	_start
_start:
	cli
	cld
	movl	$stack_end, %esp
	pushl	%ebx
	pushl	%eax
	call	loader_main
1:	hlt
	jmp	1b

/*
 * enter32(entry, boot_params, gdt): boot.rst, "32-bit boot protocol":
 * protected mode without paging, %cs = __BOOT_CS, %ds/%es/%ss = __BOOT_DS
 * (both 4 GiB flat), interrupts off, %esi = boot_params, %ebp = %edi =
 * %ebx = 0.
 */
	.globl	enter32
enter32:
	movl	4(%esp), %eax
	movl	8(%esp), %esi
	movl	12(%esp), %ecx
	lgdt	(%ecx)
	ljmp	$__BOOT_CS, $1f
1:	movl	$__BOOT_DS, %ecx
	movl	%ecx, %ds
	movl	%ecx, %es
	movl	%ecx, %ss
	movl	%ecx, %fs
	movl	%ecx, %gs
	xorl	%ebx, %ebx
	xorl	%ebp, %ebp
	xorl	%edi, %edi
	jmp	*%eax

/*
 * enter64(entry, boot_params, gdt, pml4, copies): boot.rst, "64-bit boot
 * protocol": 64-bit mode with paging on and the kernel's init_size range,
 * boot_params and the command line identity-mapped (pml4 maps the first
 * 4 GiB and each GiB above that holds something placed there), the same
 * selectors with a 64-bit __BOOT_CS, interrupts off, %rsi = boot_params.
 * Long mode is entered as the Intel SDM vol. 3, 10.8.5 describes: PAE,
 * CR3, EFER.LME, then CR0.PG, then a far jump to a 64-bit code segment.
 * Only then can the copies above 4 GiB be made: copies is testloader.c's
 * table of struct copy, in order, until a len of 0.
 */
/* cdecl arguments (entry and boot_params are 64-bit: two slots each). */
#define E64_ENTRY	4
#define E64_BOOT_PARAMS	12
#define E64_GDT		20
#define E64_PML4	24
#define E64_COPIES	28
/* struct copy { u64 dst; u32 src; u32 len; } */
#define COPY_DST	0
#define COPY_SRC	8
#define COPY_LEN	12
#define COPY_SIZE	16

	.globl	enter64
enter64:
	movl	E64_GDT(%esp), %ecx
	lgdt	(%ecx)
	movl	E64_PML4(%esp), %eax
	movl	%eax, %cr3
	movl	%cr4, %eax
	orl	$X86_CR4_PAE, %eax
	movl	%eax, %cr4
	movl	$MSR_EFER, %ecx
	rdmsr
	btsl	$_EFER_LME, %eax
	wrmsr
	movl	%cr0, %eax
	orl	$(X86_CR0_PG | X86_CR0_PE), %eax
	movl	%eax, %cr0
	ljmp	$__BOOT_CS, $1f

	.code64
1:	movl	$__BOOT_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs
	/*
	 * The upper halves of the registers are undefined after the switch:
	 * 32-bit values are loaded zero-extended, 64-bit ones whole.
	 */
	movl	%esp, %esp
	movl	E64_COPIES(%rsp), %ebx
2:	movl	COPY_LEN(%rbx), %ecx
	testl	%ecx, %ecx
	jz	3f
	movq	COPY_DST(%rbx), %rdi
	movl	COPY_SRC(%rbx), %esi
	rep movsb
	addq	$COPY_SIZE, %rbx
	jmp	2b
3:	movq	E64_BOOT_PARAMS(%rsp), %rsi
	jmpq	*E64_ENTRY(%rsp)

	.bss
	.balign	16
	.fill	STACK_SIZE, 1, 0
stack_end:

	.section ".note.GNU-stack", "", @progbits
