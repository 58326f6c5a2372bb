/*
 * kernel_info (boot protocol 2.15, boot.rst "The kernel_info"): a
 * structure at kernel_info_offset from the start of the protected-mode
 * part, for loaders that want facts too new for the setup header.
 */
	.section ".rodata.kernel_info", "a"
	.globl	kernel_info
kernel_info:
	.ascii	"LToP"				/* header */
	.long	kernel_info_var_len_data - kernel_info	/* size */
	.long	kernel_info_end - kernel_info	/* size_total */
	.long	0		/* setup_type_max: no setup_data is read yet */
kernel_info_var_len_data:
kernel_info_end:
