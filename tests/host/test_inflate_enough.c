/*
 * Host test for the Huffman decode tables of lib/inflate.c: checks that the
 * INFLATE_*_ENOUGH table sizes are really enough, and that build_table()
 * decodes every code of many random codes and classifies bad code length
 * sets as zlib does. lib/inflate.c is included so that its static
 * functions can be called directly.
 *
 * Table size model: a code longer than the primary table's root bits lives
 * in the sub-table of its first root bits, and that sub-table has 2^(m -
 * root) entries, m being the longest code sharing the prefix. Canonical
 * codes (RFC 1951 3.2.2) are packed in order of length, so over the lengths
 * L > root the prefixes fill left to right and the prefix ending inside
 * the length-L codes gets a sub-table of 2^(L - root) entries. A dynamic
 * programme over (length, units covered, symbols used) then finds the
 * largest total of any complete code. It must reproduce zlib's published
 * bounds (852 for 286 symbols, root 9; 592 for 30 symbols, root 6) before
 * we trust it for ours; and for random codes the model must match what
 * build_table() actually uses.
 */
#include "../../lib/inflate.c"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "deflate_ref.h"

static bool check(bool ok, const char *what, long a, long b)
{
	if (harness_check(ok))
		return true;
	if (harness.group_failed <= 20)
		printf("  FAIL: %s (%ld vs %ld)\n", what, a, b);
	return false;
}

/*
 * Draws from the high half of rnd(), the generator's strongest bits, where
 * rnd_below() uses the low ones. The random codes, and with them the number
 * of checks in "random complete codes", are defined by this sequence.
 */
static unsigned int rnd_high_below(unsigned int n)
{
	return (rnd() >> 32) % n;
}

/*
 * Largest table (primary plus sub-tables) any complete code with at most
 * nsyms symbols and codes of at most maxlen bits can need with a primary
 * table of root bits. State after the lengths root+1..L: t = units of
 * 2^-L covered by those longer codes, n = symbols they use; best[t][n] is
 * the largest sub-table total so far (-1: unreachable). Adding one more
 * code of length L moves t to t + 1; when that completes a prefix (t is a
 * multiple of 2^(L - root)), its sub-table has 2^(L - root) entries.
 */
static long enough(unsigned int nsyms, unsigned int root, unsigned int maxlen)
{
	size_t w = nsyms + 1, t, prev_tmax = 0, tmax, u;
	int *prev = malloc(sizeof(int) * ((1u << maxlen) + 1) * w);
	int *cur = malloc(sizeof(int) * ((1u << maxlen) + 1) * w);
	unsigned int len, n, left, upper;
	long res = 0;
	int b, *tmp;

	if (!prev || !cur)
		exit(2);
	for (n = 0; n < w; n++)
		prev[n] = -1;
	prev[0] = 0;
	for (len = root + 1; len <= maxlen; len++) {
		u = (size_t)1 << (len - root);
		tmax = (size_t)1 << len;
		for (t = 0; t <= tmax; t++) {
			for (n = 0; n <= nsyms; n++) {
				b = -1;
				if (!(t & 1) && t / 2 <= prev_tmax)
					b = prev[t / 2 * w + n];
				if (t && n && cur[(t - 1) * w + n - 1] >= 0) {
					int v = cur[(t - 1) * w + n - 1];

					if (t % u == 0)
						v += u;
					if (v > b)
						b = v;
				}
				cur[t * w + n] = b;
			}
		}
		tmp = prev;
		prev = cur;
		cur = tmp;
		prev_tmax = tmax;
	}
	/*
	 * The codes of at most root bits must cover what the longer codes
	 * leave; that takes at least popcount(2^root - left) of them.
	 */
	for (left = 1; left <= 1u << root; left++) {
		t = (size_t)left << (maxlen - root);
		upper = __builtin_popcount((1u << root) - left);
		for (n = 0; n + upper <= nsyms; n++)
			if (prev[t * w + n] > res)
				res = prev[t * w + n];
	}
	free(prev);
	free(cur);
	return (1l << root) + res;
}

static void test_enough(void)
{
	group_start();
	check(enough(286, 9, 15) == 852, "model vs zlib ENOUGH_LENS",
	      enough(286, 9, 15), 852);
	check(enough(30, 6, 15) == 592, "model vs zlib ENOUGH_DISTS",
	      enough(30, 6, 15), 592);
	check(enough(MAX_LITLEN_SYMS, INFLATE_LITLEN_BITS, 15) ==
	      INFLATE_LITLEN_ENOUGH, "INFLATE_LITLEN_ENOUGH",
	      enough(MAX_LITLEN_SYMS, INFLATE_LITLEN_BITS, 15),
	      INFLATE_LITLEN_ENOUGH);
	check(enough(MAX_DIST_SYMS, INFLATE_DIST_BITS, 15) ==
	      INFLATE_DIST_ENOUGH, "INFLATE_DIST_ENOUGH",
	      enough(MAX_DIST_SYMS, INFLATE_DIST_BITS, 15),
	      INFLATE_DIST_ENOUGH);
	/* Fixed codes (9 and 5 bits) and code length codes need no more. */
	check(INFLATE_LITLEN_BITS >= 9 && INFLATE_DIST_BITS >= 5 &&
	      INFLATE_CODELEN_BITS >= 7, "fixed codes fit the root", 0, 0);
	group_end("table size bounds");
}

/* A random complete code: split random leaves of a binary tree. */
static void random_code(u8 *lens, unsigned int nsyms, unsigned int maxlen)
{
	unsigned int depth[INFLATE_MAX_LITLEN], perm[INFLATE_MAX_LITLEN];
	unsigned int nleaves = 1, target, i, j, t, tries;

	depth[0] = 0;
	target = 2 + rnd_high_below(nsyms - 1);
	while (nleaves < target) {
		/* Often extend the newest leaf, to grow long chains. */
		i = rnd_high_below(2) ? nleaves - 1 : rnd_high_below(nleaves);
		for (tries = 0; depth[i] >= maxlen && tries < nleaves; tries++)
			i = (i + 1) % nleaves;
		if (depth[i] >= maxlen)
			break;
		depth[i]++;
		depth[nleaves++] = depth[i];
	}
	for (i = 0; i < nsyms; i++)
		perm[i] = i;
	for (i = nsyms - 1; i > 0; i--) {
		j = rnd_high_below(i + 1);
		t = perm[i];
		perm[i] = perm[j];
		perm[j] = t;
	}
	memset(lens, 0, nsyms);
	for (i = 0; i < nleaves; i++)
		lens[perm[i]] = depth[i];
}

/* The model: 2^root plus 2^(longest - root) per prefix with long codes. */
static long model_size(const u8 *lens, const u16 *codes, unsigned int nsyms,
		       unsigned int root)
{
	static u8 longest[1 << 15];
	unsigned int i, prefix;
	long size = 1l << root;

	memset(longest, 0, sizeof(longest));
	for (i = 0; i < nsyms; i++) {
		if (lens[i] <= root)
			continue;
		prefix = codes[i] >> (lens[i] - root);
		if (lens[i] > longest[prefix])
			longest[prefix] = lens[i];
	}
	for (i = 0; i < 1u << root; i++)
		if (longest[i])
			size += 1l << (longest[i] - root);
	return size;
}

static u32 table[INFLATE_LITLEN_ENOUGH + 64];

/*
 * What a table entry for symbol sym with a code of len bits must say,
 * worked out from RFC 1951 3.2.5 here rather than taken from inflate.c's
 * tables: value, flags, code length, and code plus extra bits.
 */
static u32 expected_entry(enum code_kind kind, unsigned int sym,
			  unsigned int len)
{
	unsigned int base, extra = 0, i;

	if (kind == CODE_CODELEN)
		return sym << 16 | len << 8 | len;
	if (kind == CODE_LITLEN && sym < 256)
		return sym << 16 | ENTRY_LITERAL | len << 8 | len;
	if (kind == CODE_LITLEN && sym == 256)
		return ENTRY_EOB | len << 8 | len;
	if ((kind == CODE_LITLEN && sym >= 286) ||
	    (kind == CODE_DIST && sym >= 30))
		return ENTRY_INVALID | len << 8 | len;
	if (kind == CODE_LITLEN) {
		/* Lengths 3..10 one each, then 4 codes per extra bit. */
		base = 3;
		for (i = 257; i < sym; i++)
			base += 1u << (i < 265 ? 0 : (i - 261) / 4);
		extra = sym < 265 ? 0 : (sym - 261) / 4;
		if (sym == 285) {
			base = 258;
			extra = 0;
		}
	} else {
		/* Distances 1..4 one each, then 2 codes per extra bit. */
		base = 1;
		for (i = 0; i < sym; i++)
			base += 1u << (i < 4 ? 0 : i / 2 - 1);
		extra = sym < 4 ? 0 : sym / 2 - 1;
	}
	return base << 16 | len << 8 | (len + extra);
}

/* Build, then decode every code; returns the table entries used. */
static long build_and_decode(struct inflate_state *s, const u8 *lens,
			     unsigned int nsyms, unsigned int root,
			     enum code_kind kind)
{
	u16 codes[INFLATE_MAX_LITLEN];
	unsigned int i, k, used;
	u64 bitbuf;
	u32 e;
	bool ok = true;

	memset(table, 0xff, sizeof(table));
	if (!check(build_table(s, table, root, lens, nsyms, kind) ==
		   INFLATE_OK, "build_table of a valid code", 0, 0))
		return 0;
	canonical_codes(lens, nsyms, codes);
	for (i = 0; i < nsyms && ok; i++) {
		if (!lens[i])
			continue;
		/* The code's bits in stream order, then random bits. */
		bitbuf = (u64)rnd_high_below(1u << 30) << lens[i];
		for (k = 0; k < lens[i]; k++)
			bitbuf |= (u64)((codes[i] >> (lens[i] - 1 - k)) & 1)
				  << k;
		e = lookup(table, root, bitbuf);
		ok = check(e == expected_entry(kind, i, lens[i]),
			   "decoded symbol and length", e,
			   expected_entry(kind, i, lens[i]));
	}
	for (used = sizeof(table) / sizeof(table[0]); used; used--)
		if (table[used - 1] != 0xffffffff)
			break;
	check(model_size(lens, codes, nsyms, root) == used,
	      "table entries used vs model", used,
	      model_size(lens, codes, nsyms, root));
	return used;
}

static void test_random_codes(void)
{
	static const struct {
		enum code_kind kind;
		unsigned int nsyms, root, maxlen, enough;
	} kinds[] = {
		{ CODE_LITLEN, MAX_LITLEN_SYMS, INFLATE_LITLEN_BITS, 15,
		  INFLATE_LITLEN_ENOUGH },
		{ CODE_DIST, MAX_DIST_SYMS, INFLATE_DIST_BITS, 15,
		  INFLATE_DIST_ENOUGH },
		{ CODE_CODELEN, INFLATE_NUM_CODELEN, INFLATE_CODELEN_BITS, 7,
		  1 << INFLATE_CODELEN_BITS },
	};
	static struct inflate_state s;
	u8 lens[INFLATE_MAX_LITLEN];
	unsigned int k, i;
	long used, most;

	group_start();
	for (k = 0; k < 3; k++) {
		most = 0;
		for (i = 0; i < 3000; i++) {
			random_code(lens, kinds[k].nsyms, kinds[k].maxlen);
			used = build_and_decode(&s, lens, kinds[k].nsyms,
						kinds[k].root, kinds[k].kind);
			if (used > most)
				most = used;
		}
		check(most <= kinds[k].enough, "largest table seen <= ENOUGH",
		      most, kinds[k].enough);
	}
	group_end("random complete codes");
}

/* zlib's rules: over-subscribed never; incomplete only as noted. */
static int expected_verdict(const u8 *lens, unsigned int nsyms,
			    enum code_kind kind)
{
	long kraft = 0;
	unsigned int i, max = 0;

	for (i = 0; i < nsyms; i++) {
		if (lens[i])
			kraft += 1l << (15 - lens[i]);
		if (lens[i] > max)
			max = lens[i];
	}
	if (kraft > 1l << 15)
		return INFLATE_ERR_OVERSUBSCRIBED;
	if (kraft < 1l << 15 && (kind == CODE_CODELEN || max > 1))
		return INFLATE_ERR_INCOMPLETE;
	return INFLATE_OK;
}

static void test_bad_sets(void)
{
	static struct inflate_state s;
	u8 lens[INFLATE_MAX_LITLEN];
	unsigned int i, j, nsyms, maxlen, used;
	enum code_kind kind;
	int want, got;
	u32 e;

	group_start();
	for (i = 0; i < 20000; i++) {
		kind = rnd_high_below(3);
		nsyms = kind == CODE_LITLEN ? MAX_LITLEN_SYMS :
			kind == CODE_DIST ? MAX_DIST_SYMS : INFLATE_NUM_CODELEN;
		maxlen = kind == CODE_CODELEN ? 7 : 15;
		if (rnd_high_below(2)) {
			random_code(lens, nsyms, maxlen);
			/* Nudge one length to make it over or under full. */
			j = rnd_high_below(nsyms);
			lens[j] = rnd_high_below(maxlen + 1);
		} else {
			memset(lens, 0, nsyms);
			used = rnd_high_below(4);
			for (j = 0; j < used; j++)
				lens[rnd_high_below(nsyms)] =
					1 + rnd_high_below(maxlen);
		}
		want = expected_verdict(lens, nsyms, kind);
		got = build_table(&s, table, kind == CODE_LITLEN ?
				  INFLATE_LITLEN_BITS : kind == CODE_DIST ?
				  INFLATE_DIST_BITS : INFLATE_CODELEN_BITS,
				  lens, nsyms, kind);
		check(got == want, "build_table verdict", got, want);
	}

	/* A single one-bit code: its other half decodes as invalid. */
	memset(lens, 0, sizeof(lens));
	lens[5] = 1;
	check(build_table(&s, table, INFLATE_DIST_BITS, lens, MAX_DIST_SYMS,
			  CODE_DIST) == INFLATE_OK, "one 1-bit code", 0, 0);
	e = lookup(table, INFLATE_DIST_BITS, 0);
	check(e == expected_entry(CODE_DIST, 5, 1), "one 1-bit code decodes",
	      e, expected_entry(CODE_DIST, 5, 1));
	e = lookup(table, INFLATE_DIST_BITS, 1);
	check((e & ENTRY_INVALID) != 0, "other half invalid", e, 0);

	/* No code at all: everything is invalid. */
	memset(lens, 0, sizeof(lens));
	check(build_table(&s, table, INFLATE_DIST_BITS, lens, MAX_DIST_SYMS,
			  CODE_DIST) == INFLATE_OK, "empty code", 0, 0);
	for (i = 0; i < 1u << INFLATE_DIST_BITS; i++)
		check((table[i] & ENTRY_INVALID) != 0, "empty code invalid",
		      i, 0);
	group_end("code length set verdicts");
}

int main(void)
{
	harness_seed(0x243f6a8885a308d3ull);
	test_enough();
	test_random_codes();
	test_bad_sets();
	return harness_summary();
}
