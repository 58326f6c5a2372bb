#!/bin/sh
# Writes the seed corpus for tests/fuzz/fuzz_inflate into DIR: streams made
# by zlib (tests/fuzz/make_seeds.c: raw, zlib and gzip, every strategy) and
# by the gzip program (with and without a file name in the header) from
# small inputs found on any Debian system. Generated at build time; nothing
# binary is kept in the tree. Each seed is the target's input format: a
# control byte (bits 0-1: 0 raw, 1 zlib, 2 gzip), then the stream.
#
# Usage: tests/fuzz/make-corpus.sh DIR    (from the top of the tree)
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 DIR" >&2
	exit 2
fi
dir=$1
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

${CC:-cc} -std=gnu11 -O1 -Wall -Wextra -Werror -Iinclude -Iarch/x86/include \
	-o "$tmp/make_seeds" tests/fuzz/make_seeds.c -lz
"$tmp/make_seeds" "$dir"

# Small inputs: empty, one byte, a run, numbers, text, machine code.
: > "$tmp/in-empty"
printf 'x' > "$tmp/in-byte"
printf '%0600d' 0 > "$tmp/in-run"
seq 1 400 > "$tmp/in-numbers"
head -c 3000 /usr/share/common-licenses/GPL-2 > "$tmp/in-text"
head -c 2000 /bin/sh > "$tmp/in-binary"

for f in "$tmp"/in-*; do
	for level in 1 6 9; do
		name=$(basename "$f")-$level
		{ printf '\012'; gzip -"$level" -n -c < "$f"; } \
			> "$dir/gzip-$name"
		{ printf '\016'; gzip -"$level" -N -c "$f"; } \
			> "$dir/gzip-named-$name"
	done
done
echo "$(ls "$dir" | wc -l) seeds in $dir"
