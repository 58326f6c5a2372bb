/*
 * Place the decompressed kernel: move each PT_LOAD segment from where it
 * sits in the ELF file to its physical address, relative to the output
 * buffer (Linux's parse_elf() does the same job).
 */
#include <linux/string.h>
#include <linux/elf.h>
#include <asm/boot.h>
#include "misc.h"

/* The kernel's last byte, bss included, as an offset from output. */
static u64 image_size;

/*
 * Segments are moved in file order and only ever down (to a lower or the
 * same address): then a move never overwrites a segment not moved yet.
 */
static void place_segment(u8 *output, size_t len, const Elf64_Phdr *ph, int i)
{
	u64 dest;

	if (ph->p_paddr < LOAD_PHYSICAL_ADDR || ph->p_filesz > ph->p_memsz ||
	    ph->p_offset > len || ph->p_filesz > len - ph->p_offset)
		error("Kernel ELF segment %d is out of range", i);
	dest = ph->p_paddr - LOAD_PHYSICAL_ADDR;
	if (dest > ph->p_offset)
		error("Kernel ELF segment %d would move up in memory", i);
	if (dest + ph->p_memsz > image_size)
		image_size = dest + ph->p_memsz;
	memmove(output + dest, output + ph->p_offset, ph->p_filesz);
	if (debug)
		printf("  segment %d: %#llx bytes to %p\n", i,
		       (unsigned long long)ph->p_filesz, output + dest);
}

#define MAX_PHDRS	16

/*
 * Returns the entry point's offset from output. The headers are copied out
 * first: the first segment's destination is where the ELF header is.
 */
u64 parse_elf(u8 *output, size_t len)
{
	static Elf64_Phdr phdrs[MAX_PHDRS];
	Elf64_Ehdr eh;
	int i;

	if (len < sizeof(eh))
		error("Kernel is not a valid ELF file");
	memcpy(&eh, output, sizeof(eh));
	if (memcmp(eh.e_ident, ELFMAG, SELFMAG) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_machine != EM_X86_64 ||
	    eh.e_phentsize != sizeof(Elf64_Phdr) || eh.e_phoff > len ||
	    eh.e_phnum > (len - eh.e_phoff) / sizeof(Elf64_Phdr))
		error("Kernel is not a valid ELF file");
	if (eh.e_phnum > MAX_PHDRS)
		error("Kernel has %u program headers, at most %d are supported",
		      eh.e_phnum, MAX_PHDRS);
	memcpy(phdrs, output + eh.e_phoff, eh.e_phnum * sizeof(Elf64_Phdr));

	for (i = 0; i < eh.e_phnum; i++)
		if (phdrs[i].p_type == PT_LOAD)
			place_segment(output, len, &phdrs[i], i);
	if (image_size > boot_params->hdr.init_size)
		error("Kernel needs %llu bytes, more than init_size (%u)",
		      (unsigned long long)image_size, boot_params->hdr.init_size);
	if (eh.e_entry < LOAD_PHYSICAL_ADDR ||
	    eh.e_entry - LOAD_PHYSICAL_ADDR >= image_size)
		error("Kernel entry point %#llx is outside the kernel",
		      (unsigned long long)eh.e_entry);
	return eh.e_entry - LOAD_PHYSICAL_ADDR;
}
