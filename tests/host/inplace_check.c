/*
 * Checks that mkpiggy's z_extract_offset really is enough for in-place
 * decompression, using zlib as an independent inflater.
 *
 * The decompressor puts the compressed stream at output + offset and
 * inflates into output. That is safe only if, at every step, the bytes
 * written so far end at or below the first byte not yet read:
 *     total_out <= offset + total_in.
 * Feeding zlib one input byte per call makes total_in exact at every step,
 * so the largest total_out - total_in seen is the offset this stream needs.
 * zlib may have pulled a few bytes into its bit buffer that a byte-wise
 * decoder would still read from memory, so SLACK of them is added.
 *
 * Usage: test_tools_inplace GZIP OFFSET [GZIP OFFSET ...]
 * (test_tools.sh runs it with offsets taken from mkpiggy's output, and once
 * with a too small offset to show that it can fail.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define SLACK	16

static unsigned char *read_all(const char *name, size_t *len)
{
	unsigned char *buf = NULL;
	size_t cap = 0, n;
	FILE *f = fopen(name, "rb");

	*len = 0;
	if (!f)
		return NULL;
	do {
		if (*len == cap) {
			cap = cap ? 2 * cap : 1 << 16;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
	} while (n);
	fclose(f);
	return buf;
}

/* Largest total_out - total_in over the whole stream, or -1 on error. */
static long long max_gap(const unsigned char *in, size_t ilen)
{
	unsigned char *out;
	size_t olen;
	long long gap, worst = 0;
	z_stream zs;
	int ret;

	if (ilen < 18)
		return -1;
	olen = (size_t)in[ilen - 4] | (size_t)in[ilen - 3] << 8 |
	       (size_t)in[ilen - 2] << 16 | (size_t)in[ilen - 1] << 24;
	out = malloc(olen + 1);
	if (!out)
		abort();
	memset(&zs, 0, sizeof(zs));
	if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
		abort();
	zs.next_in = (unsigned char *)in;
	zs.next_out = out;
	zs.avail_out = olen + 1;
	do {
		if (zs.avail_in == 0 && zs.total_in < ilen)
			zs.avail_in = 1;
		ret = inflate(&zs, Z_NO_FLUSH);
		gap = (long long)zs.total_out - (long long)zs.total_in;
		if (gap > worst)
			worst = gap;
	} while (ret == Z_OK);
	if (ret != Z_STREAM_END || zs.total_out != olen)
		worst = -1;
	inflateEnd(&zs);
	free(out);
	return worst;
}

int main(int argc, char **argv)
{
	int i, passed = 0, failed = 0;

	for (i = 1; i + 1 < argc; i += 2) {
		long long offset = strtoll(argv[i + 1], NULL, 0), gap;
		unsigned char *in;
		size_t ilen;

		in = read_all(argv[i], &ilen);
		gap = in ? max_gap(in, ilen) : -1;
		free(in);
		if (gap < 0) {
			printf("inplace %s: cannot inflate: FAIL\n", argv[i]);
			failed++;
		} else if (gap + SLACK > offset) {
			printf("inplace %s: needs %lld bytes, offset %lld: "
			       "FAIL\n", argv[i], gap + SLACK, offset);
			failed++;
		} else {
			printf("inplace %s: needs %lld bytes, offset %lld: "
			       "ok\n", argv[i], gap + SLACK, offset);
			passed++;
		}
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed || argc < 3 || argc % 2 == 0;
}
