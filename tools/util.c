/*
 * Helpers shared by the host tools; see util.h for why they live here.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

FILE *open_file(const char *name, size_t *size)
{
	struct stat st;
	FILE *f;

	f = fopen(name, "rb");
	if (!f)
		die("%s: %s", name, strerror(errno));
	if (fstat(fileno(f), &st) != 0)
		die("%s: %s", name, strerror(errno));
	if (!S_ISREG(st.st_mode))
		die("%s: not a regular file", name);
	*size = st.st_size;
	return f;
}

u8 *read_file(const char *name, size_t *size)
{
	FILE *f = open_file(name, size);
	u8 *buf;

	buf = malloc(*size ? *size : 1);
	if (!buf)
		die("out of memory");
	if (fread(buf, 1, *size, f) != *size)
		die("%s: read error", name);
	fclose(f);
	return buf;
}

u64 get_le(const u8 *p, size_t size)
{
	u64 v = 0;

	while (size--)
		v = v << 8 | p[size];
	return v;
}

u16 get_le16(const u8 *p)
{
	return get_le(p, 2);
}

u32 get_le32(const u8 *p)
{
	return get_le(p, 4);
}

void put_le32(u8 *p, u32 v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}
