/*
 * Address to symbol lookup. tools/kallsyms writes, from the linked kernel's
 * nm output, the text symbols sorted by address as offsets from _text, the
 * offset of each name in one blob of NUL-terminated names, and the end of
 * the text; a symbol's length runs to the next symbol. The link is done
 * three times (tools/link-vmlinux.sh) so that the table describes the
 * image it is part of.
 */
#include <linux/kallsyms.h>
#include <linux/sprintf.h>

extern const u32 kallsyms_num_syms;
extern const u32 kallsyms_offsets[];
extern const u32 kallsyms_name_offsets[];
extern const char kallsyms_names[];
extern const char _text[], _etext[];

bool kernel_text_address(unsigned long addr)
{
	return addr >= (unsigned long)_text && addr < (unsigned long)_etext;
}

/* Index of the last symbol at or below addr, -1 if none. */
static long find_symbol(unsigned long addr)
{
	unsigned long off = addr - (unsigned long)_text;
	long lo = 0, hi = (long)kallsyms_num_syms - 1, found = -1;

	if (!kernel_text_address(addr))
		return -1;
	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;

		if (kallsyms_offsets[mid] <= off) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	long i = find_symbol(addr);
	unsigned long start, end;

	if (i < 0)
		return snprintf(buf, size, "0x%lx", addr);
	start = (unsigned long)_text + kallsyms_offsets[i];
	end = i + 1 < (long)kallsyms_num_syms ?
	      (unsigned long)_text + kallsyms_offsets[i + 1] :
	      (unsigned long)_etext;
	return snprintf(buf, size, "%s+0x%lx/0x%lx",
			kallsyms_names + kallsyms_name_offsets[i],
			addr - start, end - start);
}
