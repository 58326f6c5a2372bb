/* Shared between the files of mm/ and their ktest suites. */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>

/* Free a block memblock held: its pages become the allocator's. */
void __free_pages_core(struct page *page, unsigned int order);

/*
 * Frees the checks refused, each reported with a "BUG" line and left
 * alone (Linux taints itself and carries on the same way); tests read them.
 */
extern unsigned long bad_page_count;
extern unsigned long slab_bug_count;

#endif
