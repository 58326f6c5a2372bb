/*
 * intcall(int_no, ireg, oreg): call a BIOS interrupt with every register
 * taken from *ireg and, if oreg is not NULL, every register it returned
 * stored in *oreg. BIOS services clobber registers freely, so all of ours
 * are saved around the call. The vector is an immediate operand of the
 * int instruction, so we write it into the instruction before running it.
 *
 * gcc -mregparm=3 passes int_no in %al, ireg in %edx, oreg in %ecx.
 */
	.code16
	.section ".text", "ax"
	.globl	intcall
	.type	intcall, @function
intcall:
	cmpb	%al, .Lvector
	je	1f
	movb	%al, .Lvector
	jmp	1f			/* flush the prefetched old opcode */
1:
	pushfl
	pushw	%fs
	pushw	%gs
	pushal				/* our registers: 32 bytes */

	subw	$44, %sp		/* struct biosregs: 44 bytes */
	movw	%dx, %si
	movw	%sp, %di
	movw	$11, %cx
	rep	movsl			/* copy *ireg onto the stack ... */
	popal				/* ... and pop it into registers */
	popw	%gs
	popw	%fs
	popw	%es
	popw	%ds
	popfl

	.byte	0xcd			/* int imm8 */
.Lvector:
	.byte	0

	pushfl				/* the BIOS's registers, as a */
	pushw	%ds			/* struct biosregs on the stack */
	pushw	%es
	pushw	%fs
	pushw	%gs
	pushal

	cld
	movzwl	%sp, %esp
	movw	%ss, %ax		/* setup keeps %ds = %ss */
	movw	%ax, %ds
	movw	%ax, %es

	movl	68(%esp), %edi		/* oreg: the saved %ecx (44 + 24) */
	andw	%di, %di
	jz	2f
	movw	%sp, %si
	movw	$11, %cx
	rep	movsl
2:	addw	$44, %sp

	popal
	popw	%gs
	popw	%fs
	popfl
	retl
	.size	intcall, . - intcall
