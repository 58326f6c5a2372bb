/*
 * Inflate benchmark (issue 3, items 6 and 8): how fast our gunzip() is
 * next to the host's zlib and libdeflate on the same gzip streams, and
 * what share of our time goes to CRC-32.
 *
 * Each corpus file is compressed here, in memory, by zlib at level 9 into
 * a gzip member, so every decoder reads the same bytes. Before anything is
 * timed, every decoder's output is compared with the original and the
 * three CRC-32 implementations with each other; any difference aborts.
 * Throughput is in MB/s (10^6 bytes) of decompressed output. A run repeats
 * one decoder until at least 100 ms have passed and yields the time per
 * call; the figure kept is the best of several runs, the usual way to
 * measure the code rather than the noise of a shared machine. Decoders
 * take turns run by run, so a slow phase of the machine hits all of them.
 *
 * Our lib/inflate.c and lib/crc32.c are linked as objects built with the
 * decompressor's flags and with crc32/adler32 renamed to kern_crc32 and
 * kern_adler32 (-D on their command lines): otherwise our definitions would
 * replace zlib's own in its internal calls and zlib would be timed with
 * our CRC. Only gunzip() and inflate_strerror() of the inflate API are
 * used, and struct inflate_state is merely allocated.
 *
 * --quick: each corpus cut to its first 1 MiB, one call per decoder, all
 * checks made, no timing claims; ends with "N passed, N failed" as the
 * host tests do, for make check.
 */
#define crc32 zlib_crc32_unused
#define adler32 zlib_adler32_unused
#include <zlib.h>
#undef crc32
#undef adler32
#include <libdeflate.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define crc32 kern_crc32
#define adler32 kern_adler32
#include <linux/crc32.h>
#undef crc32
#undef adler32
#include <linux/inflate.h>

#define MAX_CORPORA	8
#define RUNS		7		/* best of RUNS */
#define MIN_RUN_NS	100000000ull	/* a run lasts >= 100 ms */
#define QUICK_LIMIT	(1u << 20)	/* --quick: first 1 MiB */

enum { OURS, ZLIB, LIBDEFLATE, NR_DECODERS };
enum { CRC_OURS, CRC_ZLIB, CRC_LIBDEFLATE, NR_CRCS };

static const char *const decoder_name[NR_DECODERS] = {
	"ours", "zlib", "libdeflate"
};
static const char *const crc_name[NR_CRCS] = {
	"crc32 (ours)", "crc32_z (zlib)", "libdeflate_crc32"
};

struct corpus {
	const char *name;
	u8 *data;			/* the original */
	size_t size;
	u8 *gz;				/* zlib -9, gzip wrapper */
	size_t gz_size;
	double dec_ns[NR_DECODERS];	/* best time per call */
	double crc_ns[NR_CRCS];
};

static struct corpus corpora[MAX_CORPORA];
static unsigned int nr_corpora;
static bool quick;
static unsigned long checks_passed;

/* Shared output buffer; each decoder is offered exactly the original's size. */
static u8 *out;
static struct inflate_state state;
static struct libdeflate_decompressor *ld;
static volatile u32 sink;		/* keeps CRC results alive */

static void __attribute__((format(printf, 1, 2), noreturn))
die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "bench_inflate: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	if (quick)
		printf("%lu passed, 1 failed\n", checks_passed);
	exit(1);
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

static u64 now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * 1000000000u + ts.tv_nsec;
}

static void read_corpus(struct corpus *c, const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 1 << 20, n;

	if (!f)
		die("cannot open %s for corpus %s", path, c->name);
	c->data = xmalloc(cap);
	c->size = 0;
	while ((n = fread(c->data + c->size, 1, cap - c->size, f)) > 0) {
		c->size += n;
		if (c->size == cap) {
			cap *= 2;
			c->data = realloc(c->data, cap);
			if (!c->data)
				die("out of memory reading %s", path);
		}
	}
	if (ferror(f))
		die("cannot read %s for corpus %s", path, c->name);
	fclose(f);
	if (quick && c->size > QUICK_LIMIT)
		c->size = QUICK_LIMIT;
}

/* RFC 1952 member from zlib: windowBits 15 + 16 asks for the gzip wrapper. */
static void compress_corpus(struct corpus *c)
{
	z_stream zs;

	memset(&zs, 0, sizeof(zs));
	if (deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8,
			 Z_DEFAULT_STRATEGY) != Z_OK)
		die("deflateInit2 failed for %s", c->name);
	c->gz = xmalloc(deflateBound(&zs, c->size));
	zs.next_in = c->data;
	zs.avail_in = c->size;
	zs.next_out = c->gz;
	zs.avail_out = deflateBound(&zs, c->size);
	if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
		die("deflate failed for %s", c->name);
	c->gz_size = zs.total_out;
	deflateEnd(&zs);
}

static int run_ours(const struct corpus *c, size_t *out_len)
{
	size_t in_used;
	int ret;

	ret = gunzip(&state, c->gz, c->gz_size, &in_used, out, c->size,
		     out_len);
	if (ret == INFLATE_OK && in_used != c->gz_size)
		return -1;
	return ret;
}

/* One-shot zlib: the whole stream in, the whole output buffer out. */
static int run_zlib(const struct corpus *c, size_t *out_len)
{
	static z_stream zs;
	static bool ready;
	int ret;

	if (!ready) {
		if (inflateInit2(&zs, 15 + 16) != Z_OK)
			return -1;
		ready = true;
	}
	if (inflateReset(&zs) != Z_OK)
		return -1;
	zs.next_in = c->gz;
	zs.avail_in = c->gz_size;
	zs.next_out = out;
	zs.avail_out = c->size;
	ret = inflate(&zs, Z_FINISH);
	*out_len = zs.total_out;
	if (ret != Z_STREAM_END || zs.avail_in)
		return ret == Z_OK ? -1 : ret;
	return 0;
}

static int run_libdeflate(const struct corpus *c, size_t *out_len)
{
	size_t in_used;
	int ret;

	ret = libdeflate_gzip_decompress_ex(ld, c->gz, c->gz_size, out,
					    c->size, &in_used, out_len);
	if (ret == LIBDEFLATE_SUCCESS && in_used != c->gz_size)
		return -1;
	return ret;
}

static int run_decoder(int d, const struct corpus *c, size_t *out_len)
{
	switch (d) {
	case OURS:
		return run_ours(c, out_len);
	case ZLIB:
		return run_zlib(c, out_len);
	default:
		return run_libdeflate(c, out_len);
	}
}

static u32 run_crc(int k, const struct corpus *c)
{
	switch (k) {
	case CRC_OURS:
		return kern_crc32(0, c->data, c->size);
	case CRC_ZLIB:
		return crc32_z(0, c->data, c->size);
	default:
		return libdeflate_crc32(0, c->data, c->size);
	}
}

static void verify(struct corpus *c)
{
	size_t out_len;
	char code[32];
	int d, ret;
	u32 ref;

	for (d = 0; d < NR_DECODERS; d++) {
		memset(out, 0xa5, c->size);
		out_len = 0;
		ret = run_decoder(d, c, &out_len);
		if (ret) {
			if (d == OURS && ret > 0)
				snprintf(code, sizeof(code), "%s",
					 inflate_strerror(ret));
			else
				snprintf(code, sizeof(code), "error %d", ret);
			die("%s: %s failed: %s", c->name, decoder_name[d],
			    code);
		}
		if (out_len != c->size || memcmp(out, c->data, c->size))
			die("%s: %s output differs from the original",
			    c->name, decoder_name[d]);
		checks_passed++;
	}
	ref = crc32_z(0, c->data, c->size);
	for (d = 0; d < NR_CRCS; d++) {
		if (run_crc(d, c) != ref)
			die("%s: %s differs from zlib's", c->name, crc_name[d]);
		checks_passed++;
	}
}

/* Time per call of one decoder (d >= 0) or CRC (d < 0: ~k), one run. */
static double time_run(int d, const struct corpus *c)
{
	u64 start = now_ns(), elapsed;
	unsigned long calls = 0;
	size_t out_len;

	do {
		if (d >= 0)
			run_decoder(d, c, &out_len);
		else
			sink += run_crc(~d, c);
		calls++;
		elapsed = now_ns() - start;
	} while (!quick && elapsed < MIN_RUN_NS);
	return (double)elapsed / calls;
}

static void measure(struct corpus *c)
{
	unsigned int run, runs = quick ? 1 : RUNS;
	double t;
	int d;

	for (d = 0; d < NR_DECODERS; d++)
		c->dec_ns[d] = 1e30;
	for (d = 0; d < NR_CRCS; d++)
		c->crc_ns[d] = 1e30;
	for (run = 0; run < runs; run++) {
		for (d = 0; d < NR_DECODERS; d++) {
			t = time_run(d, c);
			if (t < c->dec_ns[d])
				c->dec_ns[d] = t;
		}
		for (d = 0; d < NR_CRCS; d++) {
			t = time_run(~d, c);
			if (t < c->crc_ns[d])
				c->crc_ns[d] = t;
		}
	}
}

static double mbps(const struct corpus *c, double ns)
{
	return c->size / ns * 1e3;
}

static void print_header(void)
{
	char line[256], *model = NULL;
	FILE *f = fopen("/proc/cpuinfo", "r");

	while (f && !model && fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "model name", 10) && strchr(line, ':')) {
			model = strchr(line, ':') + 2;
			model[strcspn(model, "\n")] = '\0';
		}
	}
	if (f)
		fclose(f);
	printf("inflate benchmark: %s; gcc %s; zlib %s; libdeflate %s\n",
	       model ? model : "unknown CPU", __VERSION__, zlibVersion(),
	       LIBDEFLATE_VERSION_STRING);
	if (quick)
		printf("--quick: first %u KiB of each corpus, one call each, "
		       "outputs checked; figures are NOT measurements\n",
		       QUICK_LIMIT >> 10);
	else
		printf("MB/s = 10^6 bytes of output per second, best of %d "
		       "runs of >= %llu ms each; gzip by zlib -9\n",
		       RUNS, MIN_RUN_NS / 1000000);
}

static void print_tables(void)
{
	const struct corpus *c;
	unsigned int i;

	printf("\n%-8s %9s %6s | %9s %9s %15s | %9s %15s | %11s\n", "corpus",
	       "size", "ratio", "ours MB/s", "zlib MB/s", "libdeflate MB/s",
	       "ours/zlib", "ours/libdeflate", "crc32 share");
	for (i = 0; i < nr_corpora; i++) {
		c = &corpora[i];
		printf("%-8s %9zu %5.2fx | %9.1f %9.1f %15.1f | %8.2fx "
		       "%14.2fx | %10.1f%%\n",
		       c->name, c->size, (double)c->size / c->gz_size,
		       mbps(c, c->dec_ns[OURS]), mbps(c, c->dec_ns[ZLIB]),
		       mbps(c, c->dec_ns[LIBDEFLATE]),
		       c->dec_ns[ZLIB] / c->dec_ns[OURS],
		       c->dec_ns[LIBDEFLATE] / c->dec_ns[OURS],
		       100 * c->crc_ns[CRC_OURS] / c->dec_ns[OURS]);
	}
	printf("\ncrc32 share: our crc32() alone over the output, as a "
	       "share of our whole gunzip()\n");
	printf("\n%-8s | %9s %9s %15s | %9s %15s\n", "corpus",
	       "crc32", "zlib", "libdeflate", "ours/zlib", "ours/libdeflate");
	for (i = 0; i < nr_corpora; i++) {
		c = &corpora[i];
		printf("%-8s | %9.1f %9.1f %15.1f | %8.2fx %14.2fx\n", c->name,
		       mbps(c, c->crc_ns[CRC_OURS]),
		       mbps(c, c->crc_ns[CRC_ZLIB]),
		       mbps(c, c->crc_ns[CRC_LIBDEFLATE]),
		       c->crc_ns[CRC_ZLIB] / c->crc_ns[CRC_OURS],
		       c->crc_ns[CRC_LIBDEFLATE] / c->crc_ns[CRC_OURS]);
	}
	printf("(CRC-32 MB/s; libdeflate uses PCLMULQDQ where the CPU has it, "
	       "ours uses general registers only)\n");
}

static void usage(void)
{
	fprintf(stderr, "usage: bench_inflate [--quick] NAME=FILE...\n"
		"  e.g. bench_inflate vmlinux=vmlinux text=out/text "
		"binary=out/binary\n");
	exit(2);
}

int main(int argc, char **argv)
{
	size_t max_size = 0;
	struct corpus *c;
	char *eq;
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--quick")) {
			quick = true;
			continue;
		}
		eq = strchr(argv[i], '=');
		if (!eq || eq == argv[i] || nr_corpora == MAX_CORPORA)
			usage();
		*eq = '\0';
		c = &corpora[nr_corpora++];
		c->name = argv[i];
		read_corpus(c, eq + 1);
		if (c->size > max_size)
			max_size = c->size;
	}
	if (!nr_corpora)
		usage();
	out = xmalloc(max_size);
	ld = libdeflate_alloc_decompressor();
	if (!ld)
		die("libdeflate_alloc_decompressor failed");
	print_header();
	for (i = 0; i < (int)nr_corpora; i++) {
		compress_corpus(&corpora[i]);
		verify(&corpora[i]);
	}
	for (i = 0; i < (int)nr_corpora; i++)
		measure(&corpora[i]);
	print_tables();
	libdeflate_free_decompressor(ld);
	if (quick)
		printf("%lu passed, 0 failed\n", checks_passed);
	return 0;
}
