/*
 * The first bytes of the bzImage: a legacy boot sector, the setup header
 * of the Linux x86 boot protocol 2.15 (Documentation/arch/x86/boot.rst,
 * "The Real-Mode Kernel Header") and start_of_setup, the real-mode entry
 * point a 16-bit loader jumps to at offset 0x200.
 *
 * The same first sector also makes the file a PE/COFF image (PE/COFF
 * specification 11.0, "MS-DOS Stub", "Optional Header"), so UEFI firmware
 * can run it as an EFI application whose entry is the EFI stub
 * (compressed/efi_stub.c).
 *
 * setup_sects and syssize are filled in by tools/build, as are the PE/COFF
 * fields that depend on the setup's size; every other field is computed
 * here from the decompressor's and the kernel's symbols (zoffset.h,
 * voffset.h), so the header always describes this very image.
 */
#include <asm/boot.h>
#include <asm/bootparam.h>
#include "boot.h"
#include "zoffset.h"
#include "voffset.h"

BOOTSEG		= 0x07c0	/* where a BIOS loads a boot sector */
SVGA_MODE	= 0xffff	/* vid_mode: "normal" (no mode change) */

/*
 * The memory the protected-mode part needs from its load address: the
 * decompressor moved up by z_extract_offset, or the decompressed kernel
 * with its bss, whichever is larger (boot.rst, "init_size").
 */
#define ZO_INIT_SIZE	(ZO__end - ZO_startup_32 + ZO_z_extract_offset)
#define VO_INIT_SIZE	(VO__end - VO__text)
/*
 * A relocatable kernel runs where a 64-bit loader puts it, and reads the
 * zero page, command line and initrd from there, above 4 GiB too: the
 * decompressor and the kernel map whatever GiB holds them (asm/ident_map.h).
 * One that must run at LOAD_PHYSICAL_ADDR can only be loaded below it.
 */
#ifdef CONFIG_RELOCATABLE
# define XLF_ABOVE_4G	XLF_CAN_BE_LOADED_ABOVE_4G
#else
# define XLF_ABOVE_4G	0
#endif

#if ZO_INIT_SIZE > VO_INIT_SIZE
# define INIT_SIZE ZO_INIT_SIZE
#else
# define INIT_SIZE VO_INIT_SIZE
#endif

	.code16

/* PE/COFF constants (PE/COFF specification 11.0, sections 3.3 and 4). */
#define IMAGE_FILE_MACHINE_AMD64		0x8664
#define IMAGE_FILE_EXECUTABLE_IMAGE		0x0002
#define IMAGE_FILE_LINE_NUMS_STRIPPED		0x0004
#define IMAGE_FILE_LARGE_ADDRESS_AWARE		0x0020
#define IMAGE_FILE_DEBUG_STRIPPED		0x0200
#define IMAGE_NT_OPTIONAL_HDR64_MAGIC		0x020b
#define IMAGE_SUBSYSTEM_EFI_APPLICATION		10
#define IMAGE_SCN_CNT_CODE			0x00000020
#define IMAGE_SCN_MEM_EXECUTE			0x20000000
#define IMAGE_SCN_MEM_READ			0x40000000
#define IMAGE_SCN_MEM_WRITE			0x80000000
/*
 * Sections are aligned like the file's sectors, in memory as on disk: the
 * loaded image is the file itself, the setup header at 0x1f1 included.
 */
#define PE_ALIGN				0x200

/*
 * A BIOS that boots this file from a disk lands here at 0x7c00. We are no
 * boot loader: say so (on the screen and on COM1), wait for a key, and let
 * the BIOS try the next disk. "MZ", the PE/COFF file's signature, runs
 * first as "dec %bp; pop %dx", which harm nothing we use.
 */
	.section ".bstext", "ax"
	.globl	bootsect_start
bootsect_start:
	.ascii	"MZ"
	ljmp	$BOOTSEG, $1f
1:	movw	%cs, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	xorw	%sp, %sp
	sti
	cld
	movw	$bootsect_msg, %si
2:	lodsb
	testb	%al, %al
	jz	3f
	movw	$0x3f8, %dx
	outb	%al, %dx
	movb	$0x0e, %ah		/* int 10h: teletype output */
	movw	$0x0007, %bx
	int	$0x10
	jmp	2b
3:	xorw	%ax, %ax		/* int 16h: wait for a key */
	int	$0x16
	int	$0x19			/* int 19h: boot the next device */
	ljmp	$0xf000, $0xfff0	/* if that returns, reset */

	.org	0x3c
	.long	pe_header		/* e_lfanew: where the PE header is */

	.section ".bsdata", "a"
bootsect_msg:
	.ascii	"This is a kernel image, not a bootable disk.\r\n"
	.ascii	"Use a boot loader (GRUB, SYSLINUX, QEMU -kernel).\r\n\n"
	.asciz	"Remove disk and press any key to reboot...\r\n"

/*
 * The PE/COFF header. One section covers the protected-mode part: in
 * memory it extends to the decompressor's _end so that its bss is there
 * and zeroed. Fields marked "build" depend on the setup's size; tools/build
 * writes them (AddressOfEntryPoint is written here relative to the
 * protected-mode part and rebased there).
 */
	.balign	8
pe_header:
	.ascii	"PE\0\0"
	.word	IMAGE_FILE_MACHINE_AMD64	/* Machine */
	.word	1				/* NumberOfSections */
	.long	0				/* TimeDateStamp */
	.long	0				/* PointerToSymbolTable */
	.long	0				/* NumberOfSymbols */
	.word	section_table - optional_header	/* SizeOfOptionalHeader */
	.word	IMAGE_FILE_EXECUTABLE_IMAGE | IMAGE_FILE_LINE_NUMS_STRIPPED | \
		IMAGE_FILE_LARGE_ADDRESS_AWARE | IMAGE_FILE_DEBUG_STRIPPED
optional_header:
	.word	IMAGE_NT_OPTIONAL_HDR64_MAGIC	/* Magic: PE32+ */
	.byte	0, 0				/* Major/MinorLinkerVersion */
	.long	0				/* SizeOfCode: build */
	.long	0				/* SizeOfInitializedData */
	.long	0				/* SizeOfUninitializedData */
	.long	ZO_efi_pe_entry			/* AddressOfEntryPoint: build */
	.long	0				/* BaseOfCode: build */
	.quad	0				/* ImageBase: relocatable */
	.long	PE_ALIGN			/* SectionAlignment */
	.long	PE_ALIGN			/* FileAlignment */
	.word	0, 0				/* Major/MinorOperatingSystemVersion */
	.word	0, 0				/* Major/MinorImageVersion */
	.word	0, 0				/* Major/MinorSubsystemVersion */
	.long	0				/* Win32VersionValue */
	.long	0				/* SizeOfImage: build */
	.long	0				/* SizeOfHeaders: build */
	.long	0				/* CheckSum */
	.word	IMAGE_SUBSYSTEM_EFI_APPLICATION	/* Subsystem */
	.word	0				/* DllCharacteristics */
	.quad	0				/* SizeOfStackReserve */
	.quad	0				/* SizeOfStackCommit */
	.quad	0				/* SizeOfHeapReserve */
	.quad	0				/* SizeOfHeapCommit */
	.long	0				/* LoaderFlags */
	.long	(section_table - data_directories) / 8	/* NumberOfRvaAndSizes */
data_directories:				/* all empty: the code is PIC */
	.quad	0				/* export table */
	.quad	0				/* import table */
	.quad	0				/* resource table */
	.quad	0				/* exception table */
	.quad	0				/* certificate table */
	.quad	0				/* base relocation table */
section_table:
	.ascii	".text\0\0\0"			/* Name */
	.long	ZO__end - ZO_startup_32		/* VirtualSize */
	.long	0				/* VirtualAddress: build */
	.long	0				/* SizeOfRawData: build */
	.long	0				/* PointerToRawData: build */
	.long	0				/* PointerToRelocations */
	.long	0				/* PointerToLinenumbers */
	.word	0				/* NumberOfRelocations */
	.word	0				/* NumberOfLinenumbers */
	.long	IMAGE_SCN_CNT_CODE | IMAGE_SCN_MEM_EXECUTE | \
		IMAGE_SCN_MEM_READ | IMAGE_SCN_MEM_WRITE	/* Characteristics */

/* The setup header, at 0x1f1. Offsets are checked against bootparam.h. */
	.section ".header", "a"
	.globl	hdr
hdr:
	.byte	0			/* setup_sects: tools/build */
	.word	0			/* root_flags */
	.long	0			/* syssize: tools/build */
	.word	0			/* ram_size (obsolete) */
	.word	SVGA_MODE		/* vid_mode */
	.word	0			/* root_dev */
	.word	BOOT_FLAG		/* boot_flag */

	/* 0x200: the 16-bit entry. A 2-byte jump keeps "HdrS" at 0x202. */
	.globl	_start
_start:
	.byte	0xeb
	.byte	start_of_setup - 1f
1:
	.ascii	"HdrS"			/* header */
	.word	BOOT_PROTOCOL_VERSION	/* version */
	.globl	realmode_swtch
realmode_swtch:
	.word	0, 0			/* realmode_swtch: loader's hook */
	.word	0x1000			/* start_sys_seg (obsolete) */
	.word	kernel_version - 512	/* kernel_version */
	.byte	0			/* type_of_loader */
loadflags:
	.byte	LOADED_HIGH		/* loadflags: protected mode part at 1M */
	.word	0x8000			/* setup_move_size (obsolete) */
	.long	0x100000		/* code32_start: startup_32 */
	.long	0			/* ramdisk_image */
	.long	0			/* ramdisk_size */
	.long	0			/* bootsect_kludge (obsolete) */
heap_end_ptr:
	.word	_end + STACK_SIZE - 512	/* heap_end_ptr */
	.byte	0			/* ext_loader_ver */
	.byte	0			/* ext_loader_type */
	.long	0			/* cmd_line_ptr */
	.long	0x7fffffff		/* initrd_addr_max */
	.long	CONFIG_PHYSICAL_ALIGN	/* kernel_alignment */
#ifdef CONFIG_RELOCATABLE
	.byte	1			/* relocatable_kernel */
#else
	.byte	0
#endif
	.byte	MIN_KERNEL_ALIGN_LG2	/* min_alignment */
	.word	XLF_KERNEL_64 | XLF_EFI_HANDOVER_64 | XLF_ABOVE_4G
					/* xloadflags: startup_64 at +0x200,
					   EFI handover, placement */
	.long	COMMAND_LINE_SIZE - 1	/* cmdline_size */
	.long	0			/* hardware_subarch: PC */
	.quad	0			/* hardware_subarch_data */
	.long	ZO_input_data		/* payload_offset */
	.long	ZO_z_input_len		/* payload_length */
	.quad	0			/* setup_data */
	.quad	LOAD_PHYSICAL_ADDR	/* pref_address */
	.long	INIT_SIZE		/* init_size */
	.long	ZO_efi64_stub_entry - ZO_startup_64	/* handover_offset */
	.long	ZO_kernel_info		/* kernel_info_offset */

/*
 * start_of_setup: the loader left %ds = %es = %ss = our segment's base
 * (boot.rst, "Running the kernel"), %cs = %ds + 0x20, and a stack we may
 * or may not trust. Make a stack, make %cs match, check that the loader
 * loaded all of setup, clear the bss and go to C.
 */
	.section ".entrytext", "ax"
start_of_setup:
	movw	%ds, %ax
	movw	%ax, %es
	cld

	/*
	 * A loader that set %ss = %ds gave us a stack in our segment. Any
	 * other %ss (old LILO did that) is not ours: put the stack after the
	 * heap the loader granted, or after the bss if it granted none.
	 */
	movw	%ss, %dx
	cmpw	%ax, %dx
	movw	%sp, %dx
	je	2f
	movw	$_end, %dx
	testb	$CAN_USE_HEAP, loadflags
	jz	1f
	movw	heap_end_ptr, %dx
1:	addw	$STACK_SIZE, %dx
	jnc	2f
	xorw	%dx, %dx		/* wrapped past 64K: top of segment */
2:	andw	$~3, %dx
	jnz	3f
	movw	$0xfffc, %dx
3:	movw	%ax, %ss
	movzwl	%dx, %esp		/* C code uses %esp: clear the top */
	sti

	pushw	%ds			/* %cs = %ds, so code and data */
	pushw	$4f			/* offsets are the same numbers */
	lretw
4:
	/* The signature sits at the very end of setup: all of it is here. */
	cmpl	$SETUP_SIGNATURE, setup_sig
	jne	setup_bad

	movw	$__bss_start, %di
	movw	$_end + 3, %cx
	xorl	%eax, %eax
	subw	%di, %cx
	shrw	$2, %cx
	rep	stosl

	calll	main

/*
 * The loader loaded fewer sectors than setup_sects says. The C code may not
 * be in memory, so print with the BIOS (and to COM1 raw) from right here.
 */
setup_bad:
	movw	$setup_bad_msg, %si
5:	lodsb
	testb	%al, %al
	jz	6f
	movw	$0x3f8, %dx
	outb	%al, %dx
	movb	$0x0e, %ah
	movw	$0x0007, %bx
	int	$0x10
	jmp	5b
6:	hlt
	jmp	6b

setup_bad_msg:
	.asciz	"No setup signature found: the boot loader loaded too little of the kernel -- System halted\r\n"

	.section ".signature", "a"
setup_sig:
	.long	SETUP_SIGNATURE
