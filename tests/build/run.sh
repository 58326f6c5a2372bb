#!/bin/bash
# The build system as a user drives it, in a private copy of the tree (so
# the image under test elsewhere is not touched): defconfig, a no-op second
# make, savedefconfig, an option change that rebuilds, and the options that
# change the image (built-in command line, payload compression,
# RELOCATABLE) each booted under QEMU.
# Usage: tests/build/run.sh   (from the top of the tree)
set -u

TOP=$PWD
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
IMG=$WORK/tree/bzImage
OUT=$TOP/tests/build/out
rm -rf "$OUT"
. tests/boot/lib.sh

mkdir "$WORK/tree"
git ls-files -z | xargs -0 cp --parents -t "$WORK/tree"
cd "$WORK/tree" || exit 1

# build [TARGET]: make, log in $OUT/make.log; a failed build leaves no
# bzImage, so no later step can test a stale one.
build() {
	make -j2 "$@" >"$OUT/make.log" 2>&1 && return
	rm -f bzImage
	echo "    make $* failed:"
	tail -n 5 "$OUT/make.log" | sed 's/^/    | /'
	return 1
}
# set_option KCONFIG-TWEAK-ARGS...: change options as a user would, build.
set_option() {
	kconfig-tweak --file .config "$@" && make olddefconfig >/dev/null && build
}

build defconfig && build
result defconfig "make defconfig && make builds bzImage, vmlinux and System.map" \
	"$( [ -s bzImage ] && [ -s vmlinux ] && [ -s System.map ]; echo $?)"

build
! grep -E '^  (CC|AS|LD|GEN|BUILD) ' "$OUT/make.log"
result no-op "a second make rebuilds nothing" $?

make savedefconfig >/dev/null 2>&1 && cp .config "$WORK/config.full" &&
	make defconfig >/dev/null 2>&1 &&
	kconfig-conf --defconfig=defconfig Kconfig >/dev/null && diff -q .config "$WORK/config.full"
result savedefconfig "make savedefconfig's output gives back the same .config" $?

cp bzImage "$WORK/bzImage.before"
set_option --set-val LOG_BUF_SHIFT 14 &&
{ grep -q '  CC      kernel/printk/printk.o' "$OUT/make.log" &&
	! cmp -s bzImage "$WORK/bzImage.before" &&
	grep -q '^#define CONFIG_LOG_BUF_SHIFT 14$' include/generated/autoconf.h; }
result option-change "changing LOG_BUF_SHIFT rebuilds printk.o and the image" $?

set_option --enable CMDLINE_BOOL --set-str CMDLINE "builtin=1 loglevel=7" &&
	boot cmdline-builtin 64 "earlyprintk=serial from=loader" &&
	expect_rc 5 && in_order "$OUT/cmdline-builtin.log" \
	"Command line: builtin=1 loglevel=7 earlyprintk=serial from=loader isa_debug_exit=0xf4"
result cmdline-builtin "CONFIG_CMDLINE comes first, the loader's words follow" $?

set_option --enable CMDLINE_OVERRIDE \
	--set-str CMDLINE "builtin=1 earlyprintk=serial isa_debug_exit=0xf4" &&
	boot cmdline-override 64 "earlyprintk=serial from=loader" &&
	expect_rc 5 && in_order "$OUT/cmdline-override.log" "Decompressing" \
	"Command line: builtin=1 earlyprintk=serial isa_debug_exit=0xf4"$'\r' &&
	! grep -q "Command line:.*from=loader" "$OUT/cmdline-override.log"
result cmdline-override "CMDLINE_OVERRIDE ignores the loader's command line" $?

build defconfig && set_option --disable KERNEL_GZIP --enable KERNEL_UNCOMPRESSED &&
	boot uncompressed 64 "earlyprintk=serial" &&
	expect_rc 5 && tools/bzinfo bzImage | grep -q "^payload .*ELF" &&
	in_order "$OUT/uncompressed.log" "Parsing ELF... done." "Kestrel version" \
		"Kernel panic - not syncing: No working init found."
result uncompressed "KERNEL_UNCOMPRESSED: an ELF payload that boots" $?

build defconfig && set_option --disable RELOCATABLE &&
	boot not-relocatable 64 "earlyprintk=serial" &&
	expect_rc 5 && [ "$(tools/bzinfo --field relocatable_kernel bzImage)" = 0 ] &&
	in_order "$OUT/not-relocatable.log" "Kestrel version" "Kernel panic - not syncing: No working init found."
result not-relocatable "RELOCATABLE=n: header says so, and it boots" $?

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
