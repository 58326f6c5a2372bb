/*
 * Seed corpus for fuzz_inflate (run by make-corpus.sh): small raw, zlib and
 * gzip streams made by the system zlib from varied data with every
 * strategy and a range of levels and window sizes, plus a few hand-built
 * RFC 1951 edge cases zlib never writes. Each file is the fuzz target's
 * input format: a control byte (the wrapper in bits 0-1), then the stream.
 *
 * Usage: make_seeds DIR
 */
#include "../host/test_inflate.h"
#include "../host/deflate_ref.h"

static const char *dir;
static unsigned int count;

static void write_seed(enum wrapper w, u8 ctl, const u8 *p, size_t n)
{
	char name[4096];
	FILE *f;

	snprintf(name, sizeof(name), "%s/seed-%s-%04u", dir, wrapper_name(w),
		 count++);
	f = fopen(name, "wb");
	if (!f || fputc(ctl | w, f) == EOF || fwrite(p, 1, n, f) != n ||
	    fclose(f)) {
		perror(name);
		exit(1);
	}
}

static void zlib_seeds(void)
{
	static const size_t sizes[] = { 0, 1, 40, 700, 3000 };
	static const int levels[] = { 0, 1, 6, 9 };
	u8 data[3000], *comp;
	struct zparams zp = { .memlevel = 8, .head = NULL };
	size_t clen, i, k;
	int w, s;

	for (w = RAW; w <= GZIP; w++) {
		for (k = 0; k < NUM_KINDS; k++) {
			for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
				gen_data(data, sizes[i], k);
				for (s = 0; s < 5; s++) {
					zp.wrapper = w;
					zp.level = levels[(i + k + s) % 4];
					zp.strategy = strategy(s);
					zp.wbits = s & 1 ? 15 :
						   9 + rnd_below(7);
					comp = zcompress(data, sizes[i], &zp,
							 &clen);
					write_seed(w, (s & 3) << 2, comp, clen);
					free(comp);
				}
			}
		}
	}
}

static void finish(struct bitw *w)
{
	write_seed(RAW, 0x0c, w->buf, bw_len(w));
	free(w->buf);
}

/* Length 258, distance 32768, unused codes, one distance code, stored. */
static void hand_built_seeds(void)
{
	u8 block[300];
	struct bitw w;
	struct dyn d;
	int i;

	for (i = 0; i < 300; i++)
		block[i] = rnd();
	bw_init(&w, 64);
	put_fixed_start(&w, true);
	put_fixed_sym(&w, 'x');
	put_fixed_match(&w, 258, 1);
	put_fixed_sym(&w, 286);
	put_fixed_sym(&w, 256);
	finish(&w);

	bw_init(&w, 64);
	put_fixed_start(&w, true);
	put_fixed_sym(&w, 'a');
	put_fixed_sym(&w, 257);
	put_code(&w, 30, 5);
	finish(&w);

	bw_init(&w, 400);
	put_stored(&w, false, block, 0);
	put_stored(&w, false, block, 300);
	put_fixed_start(&w, true);
	put_fixed_match(&w, 258, 300);
	put_fixed_sym(&w, 256);
	finish(&w);

	dyn_init(&d);
	d.lit_len['a'] = 2;
	d.lit_len['b'] = 2;
	d.lit_len[256] = 2;
	d.lit_len[258] = 2;
	d.dist_len[0] = 1;
	bw_init(&w, 256);
	put_dyn_tables(&w, &d, true, 259, 1);
	put_dyn_sym(&w, &d, 'a');
	put_dyn_sym(&w, &d, 'b');
	for (i = 0; i < 10; i++)
		put_dyn_match(&w, &d, 4, 1);
	put_dyn_sym(&w, &d, 256);
	finish(&w);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	dir = argv[1];
	harness_seed(0x510e527fade682d1ull);
	zlib_seeds();
	hand_built_seeds();
	return 0;
}
