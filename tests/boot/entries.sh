#!/bin/bash
# Boot tests for the entry points that skip the 16-bit setup: startup_32
# (32-bit boot protocol) and startup_64 (64-bit boot protocol), for the
# kernel run away from 16 MiB (where the loader put it), for
# the initrd: placed high as GRUB does, or low in the decompressor's way,
# it must reach the kernel intact (its CRC-32 against the host's), and for
# a 64-bit loader's placements above 4 GiB.
#
# QEMU's -kernel only enters a bzImage through its setup code, so a small
# Multiboot kernel (tests/boot/testloader/) does the loading: QEMU starts
# it and hands it the bzImage as module 0; it loads the protected-mode part
# at addr= and jumps to the mode= entry, as GRUB or kexec would; module 1
# is the initrd, placed by initrd=. Every
# guest ends the run itself through isa-debug-exit: a clean kernel halt
# gives status 5 (the boot ends in "No working init found"), a refusal by
# the loader status 255 (it writes 0x7f).
#
# Usage: tests/boot/entries.sh [bzImage]   (run from the top of the tree)
set -u

IMG=${1:-bzImage}
OUT=tests/boot/out
. tests/boot/lib.sh

. tests/boot/testloader/testloader.sh
build_loader_or_exit

# at_link_address LOG: nothing relocates the kernel; wherever it runs
# physically (phys_base), its virtual addresses are those it was linked
# at: printk's descriptor is where System.map says.
at_link_address() {
	local sym
	sym=$(awk '$3 == "printk_log" { print $1 }' System.map)
	grep -q "descriptor printk_log at 0x$sym\b" "$1" && return
	echo "    printk_log is not at its link address 0x$sym"
	return 1
}

# entry_name MODE: how the kernel's boot report names the MODE-bit entry.
entry_name() {
	echo "$1-bit startup_$1"
}

# entry NAME MODE ADDR RUN DESCRIPTION [LOADER OPTIONS]: enter the MODE-bit
# entry point with the protected-mode part at ADDR. The kernel must
# decompress at RUN and run there at its link addresses, never pass
# through the 16-bit setup, report its entry and both addresses, and boot
# to the halt with the command line and memory map it was given.
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
		at_link_address "$log" &&
		has_line "$log" "Boot entry: $(entry_name "$mode")" &&
		loaded_at "$log" "$addr" "$at" &&
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

INIT_SIZE=$(header_field "$IMG" $((0x260)) 4)
KERNEL_ALIGNMENT=$(header_field "$IMG" $((0x230)) 4)

entry entry32-16M 32 $((16 * MiB)) $((16 * MiB)) \
	"startup_32 at LOAD_PHYSICAL_ADDR boots"
entry entry64-16M 64 $((16 * MiB)) $((16 * MiB)) \
	"startup_64 at LOAD_PHYSICAL_ADDR boots"
entry entry32-48M 32 $((48 * MiB)) $((48 * MiB)) \
	"startup_32 at 48 MiB runs there"
entry entry64-48M 64 $((48 * MiB)) $((48 * MiB)) \
	"startup_64 at 48 MiB runs there"
# 17 MiB + 4 KiB: the decompressor rounds up to kernel_alignment (2 MiB).
entry entry64-unaligned 64 $((0x1101000)) $((18 * MiB)) \
	"startup_64 at 0x1101000 runs at 18 MiB" unaligned
entry entry32-unaligned 32 $((0x1101000)) $((18 * MiB)) \
	"startup_32 at 0x1101000 runs at 18 MiB" unaligned
# The traditional bzImage place (boot.rst, "Loading the rest of the
# kernel"): below LOAD_PHYSICAL_ADDR, so the kernel moves up to it.
entry entry32-1M 32 $((1 * MiB)) $((16 * MiB)) \
	"startup_32 at 1 MiB runs at 16 MiB"
entry entry64-1M 64 $((1 * MiB)) $((16 * MiB)) \
	"startup_64 at 1 MiB runs at 16 MiB"

# Relocation (boot.rst, relocatable_kernel): any multiple of
# kernel_alignment above pref_address is a legal load address, and the
# kernel runs right there. The highest one below the top of a 512 MiB
# guest's RAM (SeaBIOS keeps its last 128 KiB) that leaves init_size.
entry reloc64-18M 64 $((18 * MiB)) $((18 * MiB)) \
	"startup_64 at 18 MiB runs there"
entry reloc32-130M 32 $((130 * MiB)) $((130 * MiB)) \
	"startup_32 at 130 MiB runs there"
top=$(((512 * MiB - 128 * 1024 - INIT_SIZE) & -KERNEL_ALIGNMENT))
MEM=512 entry reloc64-top 64 $top $top \
	"startup_64 at $(hex $top), near the top of 512 MiB, runs there"

# ---------------------------------------------------------------------------
# The initrd (module 1), high where GRUB and ISOLINUX put it, or low where
# the decompressor would go. An odd size, random bytes: the kernel's size
# and CRC-32 must be the host's.

RD=$OUT/initrd.img
make_initrd "$RD" 700001
RD_SIZE=$(stat -c %s "$RD")

# as_high_as_fits LOG ADDR LIMIT: the initrd at ADDR (page-aligned) ends
# within a page below LIMIT or the end of RAM the kernel lists, whichever
# is lower.
as_high_as_fits() {
	local end=$(($2 + RD_SIZE)) top
	top=$(ram_end "$1")
	[ -n "$top" ] || { echo "    no usable RAM listed"; return 1; }
	[ "$3" -lt "$top" ] && top=$3
	if [ $(($2 % 4096)) != 0 ] || [ "$end" -gt "$top" ] || [ "$end" -le $((top - 4096)) ]; then
		echo "    initrd at $(hex "$2")-$(hex "$end"), expected the last page-aligned place below $(hex "$top")"
		return 1
	fi
}

# initrd_high NAME MODE DESCRIPTION [IMAGE]: the MODE-bit entry with the
# kernel at pref_address and the initrd placed by the loader. The kernel
# gets the command line intact and finds the initrd intact where the loader
# put it, as high as initrd_addr_max (read from IMAGE here) and RAM allow.
initrd_high() {
	local name=$1 mode=$2 desc=$3 image=${4:-$IMG} log=$OUT/$1.log addr limit
	local args="earlyprintk=serial,ttyS0,115200 debug test=$name"

	limit=$(($(header_field "$image" $((0x22c)) 4) + 1))
	INITRD=$RD run "$name" "mode=$mode" "$args" "$image"
	addr=$(loader_initrd "$log")
	{
		ends_normally "$log" &&
		has_line "$log" "Boot entry: $(entry_name "$mode")" &&
		untimed "$log" | grep -q -x -F -- "Command line: $args isa_debug_exit=0xf4" &&
		initrd_intact "$log" "$RD" "$addr" &&
		as_high_as_fits "$log" "$addr" "$limit" &&
		! grep -q "Avoiding initrd" "$log"
	}
	result "$name" "$desc" $?
}

# beyond AT END: AT, where the decompressor went, is at or above END and
# a multiple of kernel_alignment.
beyond() {
	if [ -z "$1" ] || [ "$1" -lt "$2" ] || [ $(($1 % KERNEL_ALIGNMENT)) != 0 ]; then
		echo "    decompressing at ${1:-nothing}: expected a multiple of $(hex "$KERNEL_ALIGNMENT") from $(hex "$2")"
		return 1
	fi
}

# initrd_low NAME MODE KERNEL INITRD DESCRIPTION: the protected-mode part
# at KERNEL, the initrd at INITRD, in the way of the decompression buffer
# (from pref_address). The decompressor must say so and go above the
# initrd, the kernel run there and find the initrd intact.
initrd_low() {
	local name=$1 mode=$2 kernel=$3 rd=$4 desc=$5 log=$OUT/$1.log at
	local num='0x[0-9a-f]+'

	INITRD=$RD run "$name" "mode=$mode addr=$(hex "$kernel") initrd=$(hex "$rd")" \
		"earlyprintk=serial,ttyS0,115200 debug test=$name"
	at=$(field "$log" "Avoiding initrd \[mem $num-$num\]: decompressing at " "$num")
	[ -n "$at" ] && at=$((at))
	{
		ends_normally "$log" &&
		same_number "avoided initrd start" \
			"$(field "$log" 'Avoiding initrd \[mem ' "$num")" "$rd" &&
		same_number "avoided initrd end" \
			"$(field "$log" "Avoiding initrd \\[mem $num-" "$num")" $((rd + RD_SIZE - 1)) &&
		beyond "$at" $((rd + RD_SIZE)) &&
		has_number "$log" "output: $(hex "$at")" &&
		loaded_at "$log" "$kernel" "$at" &&
		at_link_address "$log" &&
		initrd_intact "$log" "$RD" "$rd"
	}
	result "$name" "$desc" $?
}

initrd_high initrd64-high 64 \
	"startup_64: command line intact, initrd placed high, reserved, crc32 intact"
initrd_high initrd32-high 32 \
	"startup_32: command line intact, initrd placed high, reserved, crc32 intact"
# initrd_addr_max (0x22c) lowered to 128 MiB - 1 in a 256 MiB guest.
patch_image "$OUT/bzImage.addrmax" $((0x22c)) 0xff 0xff 0xff 0x07
initrd_high initrd-addr-max 32 \
	"initrd_addr_max 0x7ffffff: the initrd ends right below 128 MiB, intact" \
	"$OUT/bzImage.addrmax"

# Kernel at 1 MiB (QEMU's and ISOLINUX's place), initrd where it would be
# decompressed: at pref_address itself, or over the end of init_size.
initrd_low initrd-at-16M 32 $((1 * MiB)) $LOAD_PHYSICAL_ADDR \
	"kernel at 1 MiB, initrd at 16 MiB: decompressed above the initrd, which stays intact"
initrd_low initrd-in-buffer 64 $((1 * MiB)) $((LOAD_PHYSICAL_ADDR + INIT_SIZE - 64 * 1024)) \
	"kernel at 1 MiB, initrd over the end of init_size: decompressed above it, intact"

# Low but out of the way: below the kernel, nothing to avoid.
name=initrd-below
INITRD=$RD run $name "mode=64 initrd=0x200000" "earlyprintk=serial,ttyS0,115200 debug"
{
	ends_normally "$OUT/$name.log" &&
	! grep -q "Avoiding initrd" "$OUT/$name.log" &&
	loaded_at "$OUT/$name.log" $LOAD_PHYSICAL_ADDR $LOAD_PHYSICAL_ADDR &&
	initrd_intact "$OUT/$name.log" "$RD" $((2 * MiB))
}
result $name "initrd at 2 MiB, kernel at 16 MiB: nothing moves, initrd intact" $?

# init_size is honest: an initrd right after [16 MiB, 16 MiB + init_size),
# the range boot.rst has the loader set aside, is not in the way and must
# come through untouched by the decompressor and the early kernel.
name=initrd-after-buffer
at=$((LOAD_PHYSICAL_ADDR + INIT_SIZE))
INITRD=$RD run $name "mode=64 initrd=$(hex $at)" "earlyprintk=serial,ttyS0,115200 debug"
{
	ends_normally "$OUT/$name.log" &&
	! grep -q "Avoiding initrd" "$OUT/$name.log" &&
	loaded_at "$OUT/$name.log" $LOAD_PHYSICAL_ADDR $LOAD_PHYSICAL_ADDR &&
	initrd_intact "$OUT/$name.log" "$RD" $at
}
result $name "initrd right after init_size: nothing moves, nothing past init_size is written" $?

refuse refuse-unaligned "addr=0x1100000" "$IMG" \
	"addr 0x1100000 is not a multiple of kernel_alignment 0x200000"
refuse refuse-loader "addr=$(hex $LOADER_ADDR)" "$IMG" \
	"kernel image $(hex $LOADER_ADDR)-" "overlaps the test loader"
refuse refuse-no-ram "addr=$(hex $((MEM * MiB)))" "$IMG" \
	"kernel image $(hex $((MEM * MiB)))-" "is not in usable RAM"
refuse refuse-option "mode=16" "$IMG" "bad mode=16: want 32 or 64"
INITRD=$RD refuse refuse-initrd-no-ram "initrd=$(hex $((MEM * MiB)))" "$IMG" \
	"initrd $(hex $((MEM * MiB)))-" "is not in usable RAM"
INITRD=$RD refuse refuse-initrd-kernel "initrd=$(hex $((LOAD_PHYSICAL_ADDR + 4096)))" "$IMG" \
	"initrd $(hex $((LOAD_PHYSICAL_ADDR + 4096)))-" "overlaps the kernel image"
INITRD=$RD refuse refuse-initrd-addr-max "initrd=0x8000000" "$OUT/bzImage.addrmax" \
	"initrd 0x8000000-" "is above initrd_addr_max 0x7ffffff"
refuse refuse-initrd-none "initrd=high" "$IMG" "initrd options without an initrd module"

# xloadflags (0x236) without XLF_KERNEL_64: no 64-bit entry to use.
patch_image "$OUT/bzImage.no64" $((0x236)) 0 0
refuse refuse-no-64 "mode=64" "$OUT/bzImage.no64" "no 64-bit entry point"
# "HdrS" (0x202) spoilt: not a boot-protocol image at all.
patch_image "$OUT/bzImage.nohdrs" $((0x202)) 0x48 0x64 0x72 0x00
refuse refuse-no-hdrs "mode=32" "$OUT/bzImage.nohdrs" "no \"HdrS\" setup header"

# ---------------------------------------------------------------------------
# Above 4 GiB: with XLF_CAN_BE_LOADED_ABOVE_4G (boot.rst, xloadflags bit 1:
# "kernel/boot_params/cmdline/ramdisk can be above 4G"), a 64-bit loader
# may put the kernel there, and with "above4g" the zero page, the command
# line and the initrd too. With 6 GiB, QEMU's pc machine has 3 GiB of RAM
# below 4 GiB and 3 GiB from 4 GiB up: RAM ends at 7 GiB.

HIGH_MEM=6144
HIGH_RAM_END=$((HIGH_MEM + 1024))
HIGH=0x140000000
SZ_4G=$((1 << 32))

# above_4g WHAT ADDR: ADDR, where WHAT was put, is at or above 4 GiB.
above_4g() {
	if [ -z "$2" ] || [ $(($2)) -lt $SZ_4G ]; then
		echo "    $1 at ${2:-nothing}, expected at or above 4 GiB"
		return 1
	fi
}

# high_kernel NAME [LOADER OPTIONS]: startup_64 with the kernel at HIGH and
# the initrd placed by the loader (log in $log). The kernel must run where
# it was loaded, at its link addresses, and get its command line, the memory
# map and the initrd intact.
high_kernel() {
	local name=$1 extra=${2:-}
	local args="earlyprintk=serial,ttyS0,115200 debug test=$name"

	log=$OUT/$name.log
	MEM=$HIGH_MEM INITRD=$RD run "$name" "mode=64 addr=$HIGH $extra" "$args"
	ends_normally "$log" &&
	has_line "$log" "Boot entry: $(entry_name 64)" &&
	loaded_at "$log" $HIGH $HIGH &&
	at_link_address "$log" &&
	has_line "$log" "Command line: $args isa_debug_exit=0xf4" &&
	top_of_ram "$log" $HIGH_RAM_END &&
	initrd_intact "$log" "$RD" "$(loader_initrd "$log")"
}

name=above4g-kernel
high_kernel $name &&
	as_high_as_fits "$log" "$(loader_initrd "$log")" \
		$(($(header_field "$IMG" $((0x22c)) 4) + 1))
result $name "startup_64 at $HIGH runs there; initrd below initrd_addr_max, intact" $?

# The initrd as high as RAM goes, the zero page and command line right
# below it: what the kernel reads it got from above 4 GiB.
name=above4g-all
high_kernel $name above4g &&
	above_4g "RAMDISK" "$(field "$log" 'RAMDISK: \[mem ' '0x[0-9a-f]+')" &&
	as_high_as_fits "$log" "$(loader_initrd "$log")" "$(ram_end "$log")" &&
	above_4g "boot_params" "$(loader_put "$log" boot_params)" &&
	above_4g "command line" "$(loader_put "$log" "command line")"
result $name "kernel, zero page, command line and initrd above 4 GiB: all intact" $?

# What a loader must refuse: the 32-bit protocol cannot reach above 4 GiB,
# and an image without XLF_CAN_BE_LOADED_ABOVE_4G (xloadflags, 0x236) may
# not be put there.
patch_image "$OUT/bzImage.no4g" $((0x236)) $(($(header_field "$IMG" $((0x236)) 1) & ~2))
MEM=$HIGH_MEM refuse above4g-32 "mode=32 addr=$HIGH" "$IMG" \
	"kernel: above 4 GiB only with mode=64"
MEM=$HIGH_MEM refuse above4g-noflag "mode=64 addr=$HIGH" "$OUT/bzImage.no4g" \
	"kernel: above 4 GiB only if xloadflags" "has XLF_CAN_BE_LOADED_ABOVE_4G"
MEM=$HIGH_MEM INITRD=$RD refuse above4g-option-noflag "mode=64 above4g" "$OUT/bzImage.no4g" \
	"above4g: above 4 GiB only if xloadflags" "has XLF_CAN_BE_LOADED_ABOVE_4G"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
