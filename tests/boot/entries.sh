#!/bin/bash
# Boot tests for the entry points that skip the 16-bit setup: startup_32
# (32-bit boot protocol) and startup_64 (64-bit boot protocol), and for the
# decompressor's relocation when the kernel is loaded above 16 MiB.
#
# QEMU's -kernel only enters a bzImage through its setup code, so a small
# Multiboot kernel (tests/boot/testloader/) does the loading: QEMU starts
# it and hands it the bzImage as module 0; it loads the protected-mode part
# at addr= and jumps to the mode= entry, as GRUB or kexec would. Every
# guest ends the run itself through isa-debug-exit: a clean kernel halt
# gives status 5 (the boot ends in "No working init found"), a refusal by
# the loader status 255 (it writes 0x7f).
#
# Usage: tests/boot/entries.sh [bzImage]   (run from the top of the tree)
set -u

IMG=${1:-bzImage}
OUT=tests/boot/out
. tests/boot/lib.sh

TL=tests/boot/testloader
LOADER=$OUT/testloader.elf

# The loader is freestanding 32-bit code with the project's headers, and
# lib/'s string, vsprintf and command-line code built for it.
TL_CFLAGS=(-m32 -std=gnu11 -O2 -ffreestanding -nostdinc
	-isystem "$(gcc -print-file-name=include)" -fno-pic -fno-stack-protector
	-mgeneral-regs-only -fno-asynchronous-unwind-tables -fcf-protection=none
	-fno-common -fno-strict-aliasing -Wall -Wextra -Werror
	-Iinclude -Iarch/x86/include)

build_loader() {
	local obj=$OUT/testloader f
	mkdir -p "$obj"
	gcc "${TL_CFLAGS[@]}" -D__ASSEMBLY__ -c -o "$obj/head.o" $TL/head.S &&
	gcc "${TL_CFLAGS[@]}" -c -o "$obj/testloader.o" $TL/testloader.c || return
	for f in string vsprintf cmdline; do
		gcc "${TL_CFLAGS[@]}" -c -o "$obj/$f.o" "lib/$f.c" || return
	done
	ld -m elf_i386 -T $TL/testloader.ld --fatal-warnings -z noexecstack \
		--no-warn-rwx-segments -o "$LOADER" "$obj/head.o" \
		"$obj/testloader.o" "$obj/string.o" "$obj/vsprintf.o" "$obj/cmdline.o"
}

if ! build_loader; then
	echo "not ok - testloader: build failed"
	echo "0 passed, 1 failed"
	exit 1
fi

# Where the kernel is linked to run (CONFIG_PHYSICAL_START, the header's
# pref_address); loaded elsewhere, it must be relocated by the difference.
LOAD_PHYSICAL_ADDR=$((0x1000000))
# The loader is linked here (testloader.ld): a load address it must refuse.
LOADER_ADDR=$((0x400000))
MEM=256

hex() {
	printf '0x%x' "$1"
}

# run NAME LOADER_OPTIONS KERNEL_ARGS [IMAGE]: log in $OUT/NAME.log, status
# in $rc. In a Multiboot module list a comma separates modules and ",,"
# stands for a comma.
run() {
	local name=$1 opts=$2 args=$3 image=${4:-$IMG} module
	module="$image $args isa_debug_exit=0xf4"
	timeout 60 qemu-system-x86_64 -accel tcg -m $MEM -no-reboot \
		-display none -nic none -serial "file:$OUT/$name.log" \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-kernel "$LOADER" -append "$opts" -initrd "${module//,/,,}" \
		</dev/null >"$OUT/$name.qemu" 2>&1
	rc=$?
}

# has_number LOG TEXT: TEXT (ending in a number) appears, and the number
# is not the start of a longer one.
has_number() {
	grep -q -- "$2\([^0-9a-fA-Fx]\|$\)" "$1" && return
	echo "    missing: $2"
	return 1
}

# With "debug", the decompressor reports every relocation pass with its
# delta; a delta of 0 applies nothing and prints nothing.
relocated_by() {
	local log=$1 delta=$2
	if [ "$delta" = 0 ]; then
		! grep -q "relocations applied" "$log" ||
			{ echo "    relocated, but the kernel runs where linked"; return 1; }
	else
		in_order "$log" "Parsing ELF..." "relocations applied, delta" "done." &&
		has_number "$log" "relocations applied, delta $(hex "$delta")"
	fi
}

# entry NAME MODE ADDR RUN DESCRIPTION [LOADER OPTIONS]: enter the MODE-bit
# entry point with the protected-mode part at ADDR. The kernel must
# decompress at RUN, be relocated by RUN - LOAD_PHYSICAL_ADDR, never pass
# through the 16-bit setup, and boot to the halt with the command line and
# memory map it was given.
entry() {
	local name=$1 mode=$2 addr=$3 at=$4 desc=$5 extra=${6:-} log
	local args="earlyprintk=serial,ttyS0,115200 debug test=$name"
	local target=$addr

	log=$OUT/$name.log
	[ "$mode" = 64 ] && target=$((addr + 0x200))
	run "$name" "mode=$mode addr=$(hex "$addr") $extra" "$args"
	{
		expect_rc 5 &&
		has_number "$log" "testloader: $mode-bit entry at $(hex "$target")" &&
		has_number "$log" "output: $(hex "$at")" &&
		in_order "$log" "testloader: $mode-bit entry at" \
			"early console in extract_kernel" "Decompressing Kestrel..." \
			"Parsing ELF..." "done." "Booting the kernel." "Kestrel version" \
			"Command line: $args isa_debug_exit=0xf4" \
			"BIOS-provided physical RAM map:" "Kernel panic - not syncing: No working init found." &&
		relocated_by "$log" $((at - LOAD_PHYSICAL_ADDR)) &&
		! grep -q "early console in setup code" "$log" &&
		top_of_ram "$log" "$MEM"
	}
	result "$name" "$desc" $?
}

# refuse NAME LOADER_OPTIONS IMAGE MESSAGE...: the loader must say why (the
# MESSAGE parts in order, on its "testloader: " line) and stop before the
# kernel runs.
refuse() {
	local name=$1 opts=$2 image=$3 first=$4 log=$OUT/$1.log
	shift 4
	run "$name" "$opts" "earlyprintk=serial,ttyS0,115200 debug" "$image"
	{
		expect_rc 255 &&
		in_order "$log" "testloader: $first" "$@" &&
		! grep -q "testloader: .*entry at\|extract_kernel" "$log"
	}
	result "$name" "the loader refuses: $first${*:+ $*}" $?
}

# patch_image IMAGE OFFSET BYTE...: a copy of $IMG with bytes replaced.
patch_image() {
	local image=$1 off=$2 byte
	shift 2
	cp "$IMG" "$image"
	for byte in "$@"; do
		printf "\\$(printf '%03o' "$byte")" |
			dd of="$image" bs=1 seek="$off" conv=notrunc status=none
		off=$((off + 1))
	done
}

MiB=$((1 << 20))

entry entry32-16M 32 $((16 * MiB)) $((16 * MiB)) \
	"startup_32 at LOAD_PHYSICAL_ADDR boots, nothing relocated"
entry entry64-16M 64 $((16 * MiB)) $((16 * MiB)) \
	"startup_64 at LOAD_PHYSICAL_ADDR boots, nothing relocated"
entry entry32-48M 32 $((48 * MiB)) $((48 * MiB)) \
	"startup_32 at 48 MiB runs there, relocated by 32 MiB"
entry entry64-48M 64 $((48 * MiB)) $((48 * MiB)) \
	"startup_64 at 48 MiB runs there, relocated by 32 MiB"
# 17 MiB + 4 KiB: the decompressor rounds up to kernel_alignment (2 MiB).
entry entry64-unaligned 64 $((0x1101000)) $((18 * MiB)) \
	"startup_64 at 0x1101000 runs at 18 MiB, relocated by 2 MiB" unaligned
entry entry32-unaligned 32 $((0x1101000)) $((18 * MiB)) \
	"startup_32 at 0x1101000 runs at 18 MiB, relocated by 2 MiB" unaligned
# The traditional bzImage place (boot.rst, "Loading the rest of the
# kernel"): below LOAD_PHYSICAL_ADDR, so the kernel moves up to it.
entry entry32-1M 32 $((1 * MiB)) $((16 * MiB)) \
	"startup_32 at 1 MiB runs at 16 MiB, nothing relocated"
entry entry64-1M 64 $((1 * MiB)) $((16 * MiB)) \
	"startup_64 at 1 MiB runs at 16 MiB, nothing relocated"

refuse refuse-unaligned "addr=0x1100000" "$IMG" \
	"addr 0x1100000 is not a multiple of kernel_alignment 0x200000"
refuse refuse-loader "addr=$(hex $LOADER_ADDR)" "$IMG" \
	"kernel image $(hex $LOADER_ADDR)-" "overlaps the test loader"
refuse refuse-no-ram "addr=$(hex $((MEM * MiB)))" "$IMG" \
	"kernel image $(hex $((MEM * MiB)))-" "is not in usable RAM"
refuse refuse-option "mode=16" "$IMG" "bad mode=16: want 32 or 64"

# xloadflags (0x236) without XLF_KERNEL_64: no 64-bit entry to use.
patch_image "$OUT/bzImage.no64" $((0x236)) 0 0
refuse refuse-no-64 "mode=64" "$OUT/bzImage.no64" "no 64-bit entry point"
# "HdrS" (0x202) spoilt: not a boot-protocol image at all.
patch_image "$OUT/bzImage.nohdrs" $((0x202)) 0x48 0x64 0x72 0x00
refuse refuse-no-hdrs "mode=32" "$OUT/bzImage.nohdrs" "no \"HdrS\" setup header"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
