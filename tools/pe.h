/*
 * The PE/COFF fields the image tools write (build) and read (bzinfo), as
 * byte offsets (PE/COFF specification 11.0: 2 "MS-DOS Stub", 3.3 "COFF
 * File Header", 3.4 "Optional Header", 4 "Section Table"). boot/header.S
 * lays the header out; only the host tools need these numbers.
 */
#ifndef TOOLS_PE_H
#define TOOLS_PE_H

#define MZ_MAGIC		0x5a4d		/* "MZ" at offset 0 */
#define PE_LFANEW		0x3c		/* where the PE header is */
#define PE_MAGIC		0x00004550	/* "PE\0\0" */

/* From the "PE\0\0" signature: the COFF header, then the optional one. */
#define PE_COFF_MACHINE		4
#define PE_COFF_NSECTIONS	6
#define PE_COFF_OPT_SIZE	20
#define PE_OPT			24
#define PE_OPT_MAGIC		(PE_OPT + 0)
#define PE_OPT_SIZE_OF_CODE	(PE_OPT + 4)
#define PE_OPT_ENTRY		(PE_OPT + 16)
#define PE_OPT_BASE_OF_CODE	(PE_OPT + 20)
#define PE_OPT_SECTION_ALIGN	(PE_OPT + 32)
#define PE_OPT_FILE_ALIGN	(PE_OPT + 36)
#define PE_OPT_SIZE_OF_IMAGE	(PE_OPT + 56)
#define PE_OPT_SIZE_OF_HEADERS	(PE_OPT + 60)
#define PE_OPT_SUBSYSTEM	(PE_OPT + 68)
#define PE_OPT_NR_DIRS		(PE_OPT + 108)
#define PE_OPT_FIXED_SIZE	112		/* PE32+, before the directories */

/* One section header, 40 bytes. */
#define PE_SEC_SIZE		40
#define PE_SEC_VSIZE		8
#define PE_SEC_VADDR		12
#define PE_SEC_RAW_SIZE		16
#define PE_SEC_RAW_PTR		20
#define PE_SEC_FLAGS		36

#define PE_MACHINE_AMD64	0x8664
#define PE_OPT_MAGIC_PE32PLUS	0x020b
#define PE_SUBSYSTEM_EFI_APP	10
#define PE_SCN_MEM_EXECUTE	0x20000000

#endif
