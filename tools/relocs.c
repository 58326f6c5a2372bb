/*
 * relocs --check-pic - prove that an ELF file holds no absolute address.
 *
 * The decompressor (compressed/vmlinux) is linked at 0 and runs wherever
 * the loader put it, and nothing relocates it: a single field holding an
 * absolute address of its own would point into the wrong memory, and
 * nothing at run time would notice. The Makefile links it with
 * --emit-relocs, so the linker leaves in the executable's .rela.* sections
 * every reference it resolved, and runs this tool on it: any reference
 * that would have to change if the image moved fails the build, named by
 * section, offset, type and symbol.
 *
 * Which relocation types store an address follows the x86-64 psABI,
 * section 4.4: R_X86_64_64 stores S + A in 64 bits, R_X86_64_32/32S store
 * it in 32 bits; both move with S. PC-relative forms (S + A - P) and sizes
 * do not change when the whole image moves. References to absolute
 * symbols (SHN_ABS) are constants and are fine. A type the tool does not
 * know fails too, rather than being let through unchecked.
 *
 * The kernel itself needs no such check: its virtual addresses are fixed
 * at the link address, and only its physical side (phys_base) varies.
 *
 * Usage: relocs --check-pic ELF   (an executable linked with --emit-relocs,
 *                                  or a relocatable object)
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/types.h>

#include "util.h"

struct elf {
	const char *name;
	u8 *buf;
	size_t size;
	Elf64_Ehdr eh;
	Elf64_Shdr *sh;
};

const char *const prog = "relocs";

static const char *type_name(u32 type)
{
	static const char *const names[] = {
		[R_X86_64_NONE] = "R_X86_64_NONE",
		[R_X86_64_64] = "R_X86_64_64",
		[R_X86_64_PC32] = "R_X86_64_PC32",
		[R_X86_64_GOT32] = "R_X86_64_GOT32",
		[R_X86_64_PLT32] = "R_X86_64_PLT32",
		[R_X86_64_GOTPCREL] = "R_X86_64_GOTPCREL",
		[R_X86_64_32] = "R_X86_64_32",
		[R_X86_64_32S] = "R_X86_64_32S",
		[R_X86_64_16] = "R_X86_64_16",
		[R_X86_64_PC16] = "R_X86_64_PC16",
		[R_X86_64_8] = "R_X86_64_8",
		[R_X86_64_PC8] = "R_X86_64_PC8",
		[R_X86_64_TPOFF32] = "R_X86_64_TPOFF32",
		[R_X86_64_PC64] = "R_X86_64_PC64",
		[R_X86_64_GOTOFF64] = "R_X86_64_GOTOFF64",
		[R_X86_64_GOTPC32] = "R_X86_64_GOTPC32",
		[R_X86_64_GOT64] = "R_X86_64_GOT64",
		[R_X86_64_GOTPCREL64] = "R_X86_64_GOTPCREL64",
		[R_X86_64_GOTPC64] = "R_X86_64_GOTPC64",
		[R_X86_64_SIZE32] = "R_X86_64_SIZE32",
		[R_X86_64_SIZE64] = "R_X86_64_SIZE64",
		[R_X86_64_GOTPCRELX] = "R_X86_64_GOTPCRELX",
		[R_X86_64_REX_GOTPCRELX] = "R_X86_64_REX_GOTPCRELX",
	};

	if (type < sizeof(names) / sizeof(names[0]) && names[type])
		return names[type];
	return NULL;
}

/*
 * psABI 4.4: 1 if a relocation of this type stores an address that moves
 * with the image, 0 if not, -1 for a type we do not know. The GOT-relative
 * forms compute distances inside the image (and a static link emits no GOT
 * entries that hold addresses without their own relocation), so they are
 * position independent too.
 */
static int stores_address(u32 type)
{
	switch (type) {
	case R_X86_64_64:
	case R_X86_64_32:
	case R_X86_64_32S:
		return 1;
	case R_X86_64_NONE:
	case R_X86_64_PC8:
	case R_X86_64_PC16:
	case R_X86_64_PC32:
	case R_X86_64_PLT32:
	case R_X86_64_PC64:
	case R_X86_64_GOTPCREL:
	case R_X86_64_GOTPCRELX:
	case R_X86_64_REX_GOTPCRELX:
	case R_X86_64_GOTPC32:
	case R_X86_64_GOTPC64:
	case R_X86_64_GOTPCREL64:
	case R_X86_64_GOTOFF64:
	case R_X86_64_SIZE32:
	case R_X86_64_SIZE64:
		return 0;
	default:
		return -1;
	}
}

static bool in_file(const struct elf *elf, u64 off, u64 len)
{
	return off <= elf->size && len <= elf->size - off;
}

/* ELF-64 spec, "ELF Header" and "Sections": identify and bounds-check. */
static void load_elf(struct elf *elf, const char *name)
{
	const Elf64_Ehdr *eh = &elf->eh;
	size_t i;

	elf->name = name;
	elf->buf = read_file(name, &elf->size);
	if (elf->size < sizeof(*eh) || memcmp(elf->buf, ELFMAG, SELFMAG))
		die("%s: not an ELF file", name);
	memcpy(&elf->eh, elf->buf, sizeof(elf->eh));
	if (eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_machine != EM_X86_64)
		die("%s: not a little-endian ELF64 x86-64 file", name);
	if (eh->e_shentsize != sizeof(Elf64_Shdr) || eh->e_shnum == 0 ||
	    eh->e_shstrndx >= eh->e_shnum ||
	    !in_file(elf, eh->e_shoff, (u64)eh->e_shnum * sizeof(Elf64_Shdr)))
		die("%s: bad or missing section header table", name);

	elf->sh = calloc(eh->e_shnum, sizeof(Elf64_Shdr));
	if (!elf->sh)
		die("out of memory");
	memcpy(elf->sh, elf->buf + eh->e_shoff,
	       eh->e_shnum * sizeof(Elf64_Shdr));
	for (i = 0; i < eh->e_shnum; i++)
		if (elf->sh[i].sh_type != SHT_NOBITS &&
		    !in_file(elf, elf->sh[i].sh_offset, elf->sh[i].sh_size))
			die("%s: section %zu lies outside the file", name, i);
}

/* A NUL-terminated string at index off of string table section strndx. */
static const char *elf_string(const struct elf *elf, u32 strndx, u64 off)
{
	const Elf64_Shdr *s;
	const char *p;

	if (strndx >= elf->eh.e_shnum)
		die("%s: bad string table index %u", elf->name, strndx);
	s = &elf->sh[strndx];
	if (s->sh_type != SHT_STRTAB || off >= s->sh_size)
		die("%s: bad string table reference", elf->name);
	p = (const char *)elf->buf + s->sh_offset + off;
	if (!memchr(p, '\0', s->sh_size - off))
		die("%s: unterminated string in section %u", elf->name, strndx);
	return p;
}

static const char *section_name(const struct elf *elf, size_t i)
{
	return elf_string(elf, elf->eh.e_shstrndx, elf->sh[i].sh_name);
}

static Elf64_Sym get_sym(const struct elf *elf, u32 symtab, u64 i)
{
	const Elf64_Shdr *s = &elf->sh[symtab];
	Elf64_Sym sym;

	if (s->sh_type != SHT_SYMTAB || s->sh_entsize != sizeof(sym) ||
	    i >= s->sh_size / sizeof(sym))
		die("%s: bad symbol reference %llu in section %u", elf->name,
		    (unsigned long long)i, symtab);
	memcpy(&sym, elf->buf + s->sh_offset + i * sizeof(sym), sizeof(sym));
	return sym;
}

/* Section symbols have no name of their own; use their section's. */
static const char *sym_name(const struct elf *elf, u32 symtab,
			    const Elf64_Sym *sym)
{
	if (ELF64_ST_TYPE(sym->st_info) == STT_SECTION &&
	    sym->st_shndx < elf->eh.e_shnum)
		return section_name(elf, sym->st_shndx);
	return elf_string(elf, elf->sh[symtab].sh_link, sym->st_name);
}

/*
 * Whether the symbol's value changes when the image moves. Absolute
 * symbols and "no symbol" never do. An undefined symbol in a relocatable
 * object will be defined by the final link, so it moves; one left undefined
 * in an executable is a weak reference the linker resolved to 0.
 */
static bool sym_moves(const struct elf *elf, u64 symidx, const Elf64_Sym *sym)
{
	if (symidx == STN_UNDEF || sym->st_shndx == SHN_ABS)
		return false;
	if (sym->st_shndx == SHN_UNDEF)
		return elf->eh.e_type == ET_REL;
	return true;
}

/*
 * Reports every field of relocation section ri's target that holds a
 * moving address; returns 1 if there is any. In an executable r_offset is
 * a virtual address, in an object an offset in the section (ELF-64 spec,
 * "Relocation Entries"): either way the report gives the section offset.
 */
static int check_rela(const struct elf *elf, size_t ri)
{
	const Elf64_Shdr *rs = &elf->sh[ri];
	const Elf64_Shdr *target = &elf->sh[rs->sh_info];
	Elf64_Rela rela;
	Elf64_Sym sym;
	u64 i, symidx, off;
	int kind, bad = 0;
	u32 type;

	if (rs->sh_entsize != sizeof(rela))
		die("%s: %s: unexpected entry size %llu", elf->name,
		    section_name(elf, ri), (unsigned long long)rs->sh_entsize);
	for (i = 0; i < rs->sh_size / sizeof(rela); i++) {
		memcpy(&rela, elf->buf + rs->sh_offset + i * sizeof(rela),
		       sizeof(rela));
		type = ELF64_R_TYPE(rela.r_info);
		kind = stores_address(type);
		if (kind < 0)
			die("%s: %s: unsupported relocation type %u (%s) at "
			    "offset 0x%llx", elf->name, section_name(elf, ri),
			    type, type_name(type) ? type_name(type) : "unknown",
			    (unsigned long long)rela.r_offset);
		symidx = ELF64_R_SYM(rela.r_info);
		sym = get_sym(elf, rs->sh_link, symidx);
		if (!kind || !sym_moves(elf, symidx, &sym))
			continue;
		off = rela.r_offset;
		if (elf->eh.e_type != ET_REL)
			off -= target->sh_addr;
		fprintf(stderr, "%s: %s: absolute reference at %s+0x%llx: "
			"%s against %s\n", prog, elf->name,
			section_name(elf, rs->sh_info), (unsigned long long)off,
			type_name(type), sym_name(elf, rs->sh_link, &sym));
		bad = 1;
	}
	return bad;
}

/*
 * Every relocation that patches loaded bytes (psABI: SHF_ALLOC targets).
 * An executable linked without --emit-relocs has none left, and would
 * pass without having been checked at all: that is an error.
 */
static int check_pic(const struct elf *elf)
{
	bool found_rela = false;
	int bad = 0;
	size_t i;

	for (i = 0; i < elf->eh.e_shnum; i++) {
		const Elf64_Shdr *s = &elf->sh[i];

		if (s->sh_type != SHT_RELA && s->sh_type != SHT_REL)
			continue;
		if (s->sh_info >= elf->eh.e_shnum)
			die("%s: %s: bad target section %u", elf->name,
			    section_name(elf, i), s->sh_info);
		if (!(elf->sh[s->sh_info].sh_flags & SHF_ALLOC))
			continue;
		if (s->sh_type == SHT_REL)
			die("%s: %s: SHT_REL is not used on x86-64",
			    elf->name, section_name(elf, i));
		found_rela = true;
		bad |= check_rela(elf, i);
	}
	if (!found_rela && elf->eh.e_type != ET_REL)
		die("%s: no relocation sections (link with --emit-relocs)",
		    elf->name);
	return bad;
}

static void __attribute__((noreturn)) usage(void)
{
	fprintf(stderr, "usage: %s --check-pic ELF\n", prog);
	exit(1);
}

int main(int argc, char **argv)
{
	struct elf elf;
	int ret;

	if (argc != 3 || strcmp(argv[1], "--check-pic"))
		usage();
	load_elf(&elf, argv[2]);
	ret = check_pic(&elf);
	free(elf.sh);
	free(elf.buf);
	return ret;
}
