#!/bin/bash
# Builds the fixed text and binary corpora of the inflate benchmark from
# files every Debian 12 system has, so that runs on different machines
# measure comparable data without shipping megabytes in the tree:
#   text    the license texts of base-files (/usr/share/common-licenses,
#           symlinks skipped), in C-locale order, repeated to 4 MiB;
#   binary  the ELF files of the Essential packages coreutils and bash
#           (as dpkg lists them, in C-locale order), repeated to 8 MiB.
# Repeating keeps each corpus a fixed size; the copies are further apart
# than deflate's 32 KiB window, so they do not make the data easier.
# Prints each corpus's size and SHA-256 so runs can be told apart.
# Usage: tests/bench/corpus.sh OUTDIR
set -eu
export LC_ALL=C

[ $# = 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
out=$1
mkdir -p "$out"

# make_corpus NAME SIZE FILE...: FILEs concatenated, repeated, cut to SIZE.
make_corpus() {
	local name=$1 size=$2 total=0 reps i f
	shift 2
	[ $# -gt 0 ] || { echo "$0: no input files for $name" >&2; exit 1; }
	for f in "$@"; do
		total=$((total + $(stat -c %s "$f")))
	done
	[ "$total" -gt 0 ] || { echo "$0: empty input for $name" >&2; exit 1; }
	reps=$(((size + total - 1) / total))
	for ((i = 0; i < reps; i++)); do
		cat "$@"
	done | head -c "$size" > "$out/$name.tmp"
	mv "$out/$name.tmp" "$out/$name"
	echo "corpus $name: $size bytes from $# files," \
		"sha256 $(sha256sum < "$out/$name" | cut -c1-16)"
}

is_elf() {
	[ -f "$1" ] && [ ! -L "$1" ] &&
		[ "$(od -An -tx1 -N4 "$1")" = " 7f 45 4c 46" ]
}

texts=()
for f in /usr/share/common-licenses/*; do
	[ -f "$f" ] && [ ! -L "$f" ] && texts+=("$f")
done
make_corpus text $((4 << 20)) "${texts[@]}"

bins=()
while read -r f; do
	is_elf "$f" && bins+=("$f")
done < <(dpkg -L coreutils bash | sort -u)
make_corpus binary $((8 << 20)) "${bins[@]}"
