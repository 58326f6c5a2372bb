/*
 * Reference pieces of RFC 1951 written straight from its text, for the
 * inflate tests to build streams and check tables with, independently of
 * lib/inflate.c's own table builder.
 */
#ifndef TESTS_HOST_DEFLATE_REF_H
#define TESTS_HOST_DEFLATE_REF_H

#include <linux/types.h>

/* The canonical Huffman codes for a list of code lengths (3.2.2). */
static void canonical_codes(const u8 *len, unsigned int n, u16 *code)
{
	unsigned int bl_count[16] = { 0 }, next_code[16], bits, i, c = 0;

	for (i = 0; i < n; i++)
		bl_count[len[i]]++;
	bl_count[0] = 0;
	for (bits = 1; bits <= 15; bits++) {
		c = (c + bl_count[bits - 1]) << 1;
		next_code[bits] = c;
	}
	for (i = 0; i < n; i++)
		if (len[i])
			code[i] = next_code[len[i]]++;
}

#endif
