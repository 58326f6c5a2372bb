/*
 * relocs - list the absolute addresses stored in the kernel image.
 *
 * The kernel is linked for one physical address, but the decompressor may
 * place it elsewhere (a relocatable bzImage, boot protocol
 * "relocatable_kernel"). Code built with -mcmodel=kernel holds absolute
 * addresses in instructions and data; each must be adjusted by the
 * distance moved. The linker knows where they are and, with --emit-relocs,
 * leaves that knowledge in the executable's .rela.* sections. This tool
 * turns it into a compact table the decompressor can apply without an ELF
 * parser for relocations.
 *
 * Output format (see asm/relocs.h, which the decompressor includes):
 * little-endian u32 words: the 64-bit sites ascending, the 32-bit sites
 * ascending, then n64, n32 and RELOCS_MAGIC. A site is the virtual address
 * of the field (in an executable, r_offset already is one; ELF-64 spec,
 * "Relocation Entries") minus the address of _text.
 *
 * Which relocation types matter follows the x86-64 psABI, section 4.4:
 * R_X86_64_64 stores S + A in 64 bits, R_X86_64_32/32S store it in 32 bits;
 * both move with S. PC-relative forms (S + A - P) and sizes do not change
 * when the whole image moves. References to absolute symbols (SHN_ABS) are
 * constants and stay as they are.
 *
 * Usage:
 *   relocs VMLINUX > vmlinux.relocs    binary table
 *   relocs --text VMLINUX              the same sites, for humans
 *   relocs --check-pic ELF             fail if ELF has any absolute
 *                                      reference (for the decompressor)
 */
#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/types.h>
#include <asm/relocs.h>

#include "util.h"

enum site_kind { SITE_NONE, SITE_64, SITE_32 };

struct elf {
	const char *name;
	u8 *buf;
	size_t size;
	Elf64_Ehdr eh;
	Elf64_Shdr *sh;
};

struct site {
	u64 addr;		/* r_offset */
	u32 type;
	u32 section;		/* the section the relocation patches */
	const char *sym;
	s64 addend;
};

struct site_list {
	struct site *v;
	size_t n, cap;
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
 * psABI 4.4: what a relocation of this type stores and whether it depends
 * on where the image sits. The GOT-relative forms compute distances inside
 * the image (and a static link emits no GOT entries that hold addresses
 * without their own relocation), so they are position independent too.
 */
static int classify(u32 type, enum site_kind *kind)
{
	switch (type) {
	case R_X86_64_64:
		*kind = SITE_64;
		return 0;
	case R_X86_64_32:
	case R_X86_64_32S:
		*kind = SITE_32;
		return 0;
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
		*kind = SITE_NONE;
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

static u64 find_text(const struct elf *elf)
{
	size_t i, j;

	for (i = 0; i < elf->eh.e_shnum; i++) {
		const Elf64_Shdr *s = &elf->sh[i];

		if (s->sh_type != SHT_SYMTAB)
			continue;
		for (j = 1; j < s->sh_size / sizeof(Elf64_Sym); j++) {
			Elf64_Sym sym = get_sym(elf, i, j);

			if (sym.st_shndx != SHN_UNDEF &&
			    strcmp(sym_name(elf, i, &sym), "_text") == 0)
				return sym.st_value;
		}
	}
	die("%s: no symbol _text", elf->name);
}

static void add_site(struct site_list *list, const struct site *site)
{
	if (list->n == list->cap) {
		list->cap = list->cap ? 2 * list->cap : 1024;
		list->v = realloc(list->v, list->cap * sizeof(*list->v));
		if (!list->v)
			die("out of memory");
	}
	list->v[list->n++] = *site;
}

struct walk {
	struct site_list sites[3];	/* indexed by enum site_kind */
	struct site_list skipped;	/* absolute symbols, for --text */
	bool found_rela;
};

static void walk_rela(const struct elf *elf, size_t ri, struct walk *w)
{
	const Elf64_Shdr *rs = &elf->sh[ri];
	enum site_kind kind;
	Elf64_Rela rela;
	Elf64_Sym sym;
	struct site site;
	u64 i, symidx;

	if (rs->sh_entsize != sizeof(rela))
		die("%s: %s: unexpected entry size %llu", elf->name,
		    section_name(elf, ri), (unsigned long long)rs->sh_entsize);
	for (i = 0; i < rs->sh_size / sizeof(rela); i++) {
		memcpy(&rela, elf->buf + rs->sh_offset + i * sizeof(rela),
		       sizeof(rela));
		site.type = ELF64_R_TYPE(rela.r_info);
		if (classify(site.type, &kind))
			die("%s: %s: unsupported relocation type %u (%s) at "
			    "offset 0x%llx", elf->name, section_name(elf, ri),
			    site.type, type_name(site.type) ?
			    type_name(site.type) : "unknown",
			    (unsigned long long)rela.r_offset);
		if (kind == SITE_NONE)
			continue;
		symidx = ELF64_R_SYM(rela.r_info);
		sym = get_sym(elf, rs->sh_link, symidx);
		site.addr = rela.r_offset;
		site.section = rs->sh_info;
		site.sym = symidx ? sym_name(elf, rs->sh_link, &sym) : "";
		site.addend = rela.r_addend;
		if (sym_moves(elf, symidx, &sym))
			add_site(&w->sites[kind], &site);
		else
			add_site(&w->skipped, &site);
	}
}

/* Every relocation that patches loaded bytes (psABI: SHF_ALLOC targets). */
static void walk(const struct elf *elf, struct walk *w)
{
	size_t i;

	memset(w, 0, sizeof(*w));
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
		w->found_rela = true;
		walk_rela(elf, i, w);
	}
}

static int cmp_site(const void *a, const void *b)
{
	const struct site *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static void sort_sites(const struct elf *elf, struct site_list *list)
{
	size_t i;

	if (!list->n)
		return;
	qsort(list->v, list->n, sizeof(*list->v), cmp_site);
	for (i = 1; i < list->n; i++)
		if (list->v[i].addr == list->v[i - 1].addr)
			die("%s: two relocations patch address 0x%llx",
			    elf->name, (unsigned long long)list->v[i].addr);
}

static void put_word(u32 v)
{
	u8 b[4];

	put_le32(b, v);
	if (fwrite(b, 1, sizeof(b), stdout) != sizeof(b))
		die("write error: %s", strerror(errno));
}

/* The table only has room for u32 offsets above _text. */
static u32 site_offset(const struct elf *elf, const struct site *site,
		       u64 text)
{
	if (site->addr < text || site->addr - text > UINT32_MAX)
		die("%s: %s at 0x%llx (against %s in %s) is not within 4 GiB "
		    "above _text (0x%llx)", elf->name, type_name(site->type),
		    (unsigned long long)site->addr, site->sym,
		    section_name(elf, site->section),
		    (unsigned long long)text);
	return site->addr - text;
}

static void need_executable(const struct elf *elf, const struct walk *w)
{
	if (elf->eh.e_type != ET_EXEC)
		die("%s: not an executable", elf->name);
	if (!w->found_rela)
		die("%s: no relocation sections (link with --emit-relocs)",
		    elf->name);
}

static int emit_table(const struct elf *elf, struct walk *w)
{
	u64 text = find_text(elf);
	int k;
	size_t i;

	need_executable(elf, w);
	for (k = SITE_64; k <= SITE_32; k++) {
		sort_sites(elf, &w->sites[k]);
		for (i = 0; i < w->sites[k].n; i++)
			put_word(site_offset(elf, &w->sites[k].v[i], text));
	}
	put_word(w->sites[SITE_64].n);
	put_word(w->sites[SITE_32].n);
	put_word(RELOCS_MAGIC);
	return 0;
}

static void print_site(const struct elf *elf, const struct site *site,
		       u64 text, const char *note)
{
	printf("%-14s 0x%016llx  _text+0x%08llx  %s+0x%llx (%s)%s\n",
	       type_name(site->type), (unsigned long long)site->addr,
	       (unsigned long long)(site->addr - text),
	       site->sym[0] ? site->sym : "*no symbol*",
	       (unsigned long long)site->addend,
	       section_name(elf, site->section), note);
}

static int print_text(const struct elf *elf, struct walk *w)
{
	u64 text = find_text(elf);
	int k;
	size_t i;

	need_executable(elf, w);
	printf("_text = 0x%016llx\n", (unsigned long long)text);
	printf("%-14s %-18s  %-17s  %s\n", "type", "address", "site",
	       "symbol+addend (patched section)");
	for (k = SITE_64; k <= SITE_32; k++) {
		sort_sites(elf, &w->sites[k]);
		for (i = 0; i < w->sites[k].n; i++) {
			site_offset(elf, &w->sites[k].v[i], text);
			print_site(elf, &w->sites[k].v[i], text, "");
		}
	}
	sort_sites(elf, &w->skipped);
	for (i = 0; i < w->skipped.n; i++)
		print_site(elf, &w->skipped.v[i], text,
			   "  absolute symbol, not listed");
	printf("%zu 64-bit sites, %zu 32-bit sites, %zu absolute skipped\n",
	       w->sites[SITE_64].n, w->sites[SITE_32].n, w->skipped.n);
	return 0;
}

/*
 * The decompressor is linked at 0 and runs wherever it was loaded without
 * being relocated, so any field that would need relocating is a bug.
 */
static int check_pic(const struct elf *elf, struct walk *w)
{
	int k, bad = 0;
	size_t i;

	for (k = SITE_64; k <= SITE_32; k++) {
		for (i = 0; i < w->sites[k].n; i++) {
			const struct site *s = &w->sites[k].v[i];
			u64 off = s->addr;

			if (elf->eh.e_type != ET_REL)
				off -= elf->sh[s->section].sh_addr;
			fprintf(stderr, "%s: %s: absolute reference at "
				"%s+0x%llx: %s against %s\n", prog, elf->name,
				section_name(elf, s->section),
				(unsigned long long)off, type_name(s->type),
				s->sym);
			bad = 1;
		}
	}
	return bad;
}

static void free_walk(struct walk *w)
{
	int k;

	for (k = SITE_NONE; k <= SITE_32; k++)
		free(w->sites[k].v);
	free(w->skipped.v);
}

static void __attribute__((noreturn)) usage(void)
{
	fprintf(stderr, "usage: %s [--text | --check-pic] ELF\n", prog);
	exit(1);
}

int main(int argc, char **argv)
{
	const char *mode = "", *name;
	struct elf elf;
	struct walk w;
	int ret;

	if (argc == 3 && argv[1][0] == '-')
		mode = argv[1];
	else if (argc != 2 || argv[1][0] == '-')
		usage();
	name = argv[argc - 1];

	load_elf(&elf, name);
	walk(&elf, &w);
	if (strcmp(mode, "--check-pic") == 0)
		ret = check_pic(&elf, &w);
	else if (strcmp(mode, "--text") == 0)
		ret = print_text(&elf, &w);
	else if (mode[0] == '\0')
		ret = emit_table(&elf, &w);
	else
		usage();
	if (fflush(stdout) != 0)
		die("write error: %s", strerror(errno));
	free_walk(&w);
	free(elf.sh);
	free(elf.buf);
	return ret;
}
