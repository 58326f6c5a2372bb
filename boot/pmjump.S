/*
 * protected_mode_jump(entry, boot_params): set CR0.PE and jump to the
 * 32-bit entry point with %esi = the linear address of boot_params and
 * flat segments, as the 32-bit boot protocol requires.
 *
 * The far jump into 32-bit code needs a linear address, which depends on
 * the segment the loader put us in, so it is patched in at run time.
 */
#include <linux/decompress_stats.h>
#include <asm/segment.h>
#include <asm/processor-flags.h>

	.code16
	.section ".text", "ax"
	.globl	protected_mode_jump
	.type	protected_mode_jump, @function
protected_mode_jump:
	movl	%edx, %esi		/* boot_params, for the kernel */

	xorl	%ebx, %ebx
	movw	%cs, %bx
	shll	$4, %ebx		/* %ebx = our segment's base */
	addl	%ebx, 2f
	jmp	1f			/* flush the prefetched old offset */
1:
	movw	$__BOOT_DS, %cx
	movw	$__BOOT_TSS, %di

	movl	%cr0, %edx
	orb	$X86_CR0_PE, %dl
	movl	%edx, %cr0

	.byte	0x66, 0xea		/* ljmpl $__BOOT_CS, $in_pm32 */
2:	.long	.Lin_pm32
	.word	__BOOT_CS
	.size	protected_mode_jump, . - protected_mode_jump

	.code32
	.section ".text32", "ax"
.Lin_pm32:
	movl	%ecx, %ds
	movl	%ecx, %es
	movl	%ecx, %fs
	movl	%ecx, %gs
	movl	%ecx, %ss
	addl	%ebx, %esp		/* the same stack, as a linear address */
	ltr	%di

	/*
	 * The protocol wants %ebx, %ebp and %edi zero and leaves the rest
	 * undefined; %edx tells startup_32 that its caller was our setup.
	 */
	xorl	%ecx, %ecx
	movl	$SETUP_ENTRY_MAGIC, %edx
	xorl	%ebx, %ebx
	xorl	%ebp, %ebp
	xorl	%edi, %edi
	lldt	%cx

	jmpl	*%eax
