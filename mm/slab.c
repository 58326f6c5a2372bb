/*
 * kmalloc: one cache per power-of-two size from 8 to 2048 bytes, each a
 * set of slabs, a slab being one page cut into objects of that size. A
 * slab's bookkeeping lives in its struct page (which cache, how many
 * objects are out, the first free one), and each free object holds the
 * address of the next, so the objects fill the page and every object is
 * aligned to its size. Slabs with a free object are on their cache's
 * partial list; a slab whose last object comes back returns to the page
 * allocator at once, so kfree() gives memory back. Larger requests are
 * whole blocks from the page allocator.
 *
 * kfree() checks what it is given: a pointer inside an object and an
 * object that is already free (found on its slab's free list, at most 512
 * entries) are reported as SLUB reports them and otherwise ignored.
 */
#include <linux/slab.h>
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/irqflags.h>
#include "internal.h"

struct kmem_cache {
	const char *name;
	unsigned int size;
	unsigned int objects;		/* per slab */
	struct list_head partial;
};

#define KMALLOC_CACHE(n)	{ .name = "kmalloc-" #n, .size = n }

static struct kmem_cache kmalloc_caches[] = {
	KMALLOC_CACHE(8), KMALLOC_CACHE(16), KMALLOC_CACHE(32),
	KMALLOC_CACHE(64), KMALLOC_CACHE(128), KMALLOC_CACHE(256),
	KMALLOC_CACHE(512), KMALLOC_CACHE(1024), KMALLOC_CACHE(2048),
};

_Static_assert(ARRAY_SIZE(kmalloc_caches) == KMALLOC_SHIFT_HIGH - KMALLOC_SHIFT_LOW + 1,
	       "one cache per size class");

unsigned long slab_bug_count;

void kmem_cache_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kmalloc_caches); i++) {
		kmalloc_caches[i].objects = PAGE_SIZE / kmalloc_caches[i].size;
		INIT_LIST_HEAD(&kmalloc_caches[i].partial);
	}
}

/* The cache for size: the smallest class that holds it. */
static unsigned int kmalloc_index(size_t size)
{
	unsigned int i = 0;

	while ((KMALLOC_MIN_SIZE << i) < size)
		i++;
	return i;
}

static bool new_slab(struct kmem_cache *s, unsigned int index, gfp_t gfp)
{
	struct page *page = alloc_pages(gfp & ~__GFP_ZERO, 0);
	char *base, *obj;
	unsigned int i;

	if (!page)
		return false;
	base = page_address(page);
	for (i = 0, obj = base; i + 1 < s->objects; i++, obj += s->size)
		*(void **)obj = obj + s->size;
	*(void **)obj = NULL;
	SetPageSlab(page);
	page->slab_index = index;
	page->inuse = 0;
	page->freelist = base;
	list_add(&page->lru, &s->partial);
	return true;
}

static void *slab_alloc(unsigned int index, gfp_t gfp)
{
	struct kmem_cache *s = &kmalloc_caches[index];
	struct page *page;
	void *obj;

	if (list_empty(&s->partial) && !new_slab(s, index, gfp))
		return NULL;
	page = list_first_entry(&s->partial, struct page, lru);
	obj = page->freelist;
	page->freelist = *(void **)obj;
	page->inuse++;
	if (!page->freelist)
		list_del(&page->lru);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, s->size);
	return obj;
}

void *kmalloc(size_t size, gfp_t flags)
{
	struct page *page;

	if (!size)
		return ZERO_SIZE_PTR;
	if (size <= KMALLOC_MAX_CACHE_SIZE) {
		unsigned long irq = local_irq_save();	/* the slab lists */
		void *obj = slab_alloc(kmalloc_index(size), flags);

		local_irq_restore(irq);
		return obj;
	}
	page = alloc_pages(flags, get_order(size));
	return page ? page_address(page) : NULL;
}

static void slab_bug(const struct kmem_cache *s, const void *obj,
		     const char *reason, unsigned long caller)
{
	char sym[KSYM_SYMBOL_LEN];

	slab_bug_count++;
	sprint_symbol(sym, sizeof(sym), caller);
	pr_alert("BUG %s: %s\n", s ? s->name : "kmalloc", reason);
	pr_alert("object %p, freed by %s\n", obj, sym);
}

static bool on_freelist(const struct page *page, const void *obj)
{
	const void *p;

	for (p = page->freelist; p; p = *(void *const *)p)
		if (p == obj)
			return true;
	return false;
}

static void slab_free(struct page *page, void *obj, unsigned long caller)
{
	struct kmem_cache *s = &kmalloc_caches[page->slab_index];
	unsigned long offset = (char *)obj - (char *)page_address(page);

	if (offset % s->size) {
		slab_bug(s, obj, "Pointer is not the start of an object", caller);
		return;
	}
	if (on_freelist(page, obj)) {
		slab_bug(s, obj, "Object already free", caller);
		return;
	}
	*(void **)obj = page->freelist;
	page->freelist = obj;
	if (page->inuse-- == s->objects)
		list_add(&page->lru, &s->partial);
	if (!page->inuse) {
		list_del(&page->lru);
		ClearPageSlab(page);
		__free_pages(page, 0);
	}
}

void kfree(const void *obj)
{
	unsigned long caller = (unsigned long)__builtin_return_address(0);
	struct page *page;

	if (ZERO_OR_NULL_PTR(obj))
		return;
	if (!virt_addr_valid(obj)) {
		slab_bug(NULL, obj, "Not a kmalloc address", caller);
		return;
	}
	page = virt_to_page(obj);
	if (PageSlab(page)) {
		unsigned long irq = local_irq_save();	/* the slab lists */

		slab_free(page, (void *)obj, caller);
		local_irq_restore(irq);
		return;
	}
	if ((unsigned long)obj & ~PAGE_MASK) {
		slab_bug(NULL, obj, "Pointer is not the start of an allocation", caller);
		return;
	}
	__free_pages(page, page->order);
}
