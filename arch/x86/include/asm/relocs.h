/*
 * The relocation table tools/relocs appends to the kernel ELF before it is
 * compressed, so that the decompressor can run the kernel at a physical
 * address other than the one it was linked for. Shared by the tool that
 * writes the table and the decompressor that applies it; plain #defines
 * only, so any stage can include it.
 *
 * The table is a sequence of little-endian u32 words and sits at the very
 * END of the decompressed buffer (the tool cannot know where the ELF ends
 * once the two are concatenated, so the decompressor reads it backwards):
 *
 *   site64[0] .. site64[n64 - 1]   64-bit fields, ascending
 *   site32[0] .. site32[n32 - 1]   32-bit fields, ascending
 *   n64
 *   n32
 *   RELOCS_MAGIC                   last word of the buffer
 *
 * Each site is the offset of an absolute address stored in the image,
 * counted from the kernel's first byte (the symbol _text). When the kernel
 * is placed delta bytes above its link address, the decompressor adds delta
 * to the u64 at every site64 and to the u32 at every site32 (the fields of
 * R_X86_64_64, and of R_X86_64_32 / R_X86_64_32S). PC-relative references
 * need nothing, and references to absolute symbols are not listed.
 */
#ifndef _ASM_X86_RELOCS_H
#define _ASM_X86_RELOCS_H

#define RELOCS_MAGIC		0x4f4c4552	/* "RELO" as bytes */

/* Trailer words, counted back from the end of the table. */
#define RELOCS_TRAILER_WORDS	3
#define RELOCS_N64_FROM_END	3
#define RELOCS_N32_FROM_END	2
#define RELOCS_MAGIC_FROM_END	1

#endif
