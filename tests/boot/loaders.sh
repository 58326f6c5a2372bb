#!/bin/bash
# The boot matrix: the bzImage started by the real boot loaders a user has,
# taken from Debian's packages, under QEMU TCG with SeaBIOS. The other boot
# tests use QEMU's -kernel or our own test loader; only these show that
# what GRUB and SYSLINUX read from the setup header, and what they write
# into it, is what the boot protocol (Documentation/arch/x86/boot.rst, 2.15)
# promises. What each loader does (seen in their sources and booting
# Debian's Linux through them), and so what this expects:
#
#   loader               entry (boot.rst)          type_of_loader  loads the kernel at
#   QEMU -kernel         16-bit setup              0xb0            0x100000
#   GRUB i386-pc linux   32-bit code32_start       0x72            pref_address
#   GRUB linux16         16-bit setup              0x72            0x100000
#   ISOLINUX, SYSLINUX   16-bit setup              0x30            0x100000
#
# Every image is built here, at test time, without root: grub-mkrescue and
# xorriso make the ISOs, mtools and `syslinux --install` the FAT disk. Each
# boot gets a command line with a token of its own and the same initrd of
# random bytes (an odd size, new on every run); the kernel must report both
# intact, say which entry and loader it came through, and end in the
# normal "No working init found" panic (status 5 through isa-debug-exit).
# Boot times under TCG are printed for the record.
#
# Usage: tests/boot/loaders.sh [bzImage]   (run from the top of the tree)
set -u

IMG=${1:-bzImage}
OUT=tests/boot/out
. tests/boot/lib.sh

WORK=$OUT/loaders
MEM=128
GRUB_DIR=/usr/lib/grub/i386-pc
ISOLINUX_BIN=/usr/lib/ISOLINUX/isolinux.bin
LDLINUX_C32=/usr/lib/syslinux/modules/bios/ldlinux.c32

rm -rf "$WORK"
mkdir -p "$WORK"

# Whole pages plus a few bytes: a loader that rounds the size shows.
INITRD=$WORK/initrd.img
make_initrd "$INITRD" $(((64 + RANDOM % 64) * 4096 + 1 + RANDOM % 4095))
INITRD_SUM="$(stat -c %s "$INITRD") bytes, crc32 $(hex "$(crc32 "$INITRD")")"

# Where the kernel runs: the header's pref_address (LOAD_PHYSICAL_ADDR).
PREF=$(hex "$(tools/bzinfo --field pref_address "$IMG")")
TIMES=()

# kernel_args NAME: the command line for the boot NAME, with a token that
# is new on every run.
kernel_args() {
	echo "console=ttyS0,115200 panic=-1 isa_debug_exit=0xf4 loader_test=$1-$(od -An -tx4 -N4 /dev/urandom | tr -d ' ')"
}

# grub_iso NAME LINUX INITRD ARGS: a GRUB BIOS rescue ISO whose only entry
# boots the image with the commands LINUX and INITRD (linux/initrd or
# linux16/initrd16), found as README's entry for a real machine finds it.
# The arguments are not quoted: GRUB would pass the quotes on.
grub_iso() {
	local root=$WORK/$1.root
	mkdir -p "$root/boot/grub"
	cp "$IMG" "$root/boot/bzImage"
	cp "$INITRD" "$root/boot/initrd.img"
	cat >"$root/boot/grub/grub.cfg" <<-EOF
	serial --unit=0 --speed=115200
	terminal_input serial console
	terminal_output serial console
	set timeout=0
	menuentry 'Kestrel' {
		search --no-floppy --set=root --file /boot/bzImage
		$2 /boot/bzImage $4
		$3 /boot/initrd.img
	}
	EOF
	grub-mkrescue -d "$GRUB_DIR" -o "$WORK/$1.iso" "$root" >"$WORK/$1.build" 2>&1
}

# syslinux_cfg ARGS: the configuration ISOLINUX and SYSLINUX both read.
syslinux_cfg() {
	cat <<-EOF
	SERIAL 0 115200
	PROMPT 0
	DEFAULT kestrel
	LABEL kestrel
		LINUX /boot/bzImage
		INITRD /boot/initrd.img
		APPEND $1
	EOF
}

# isolinux_iso NAME ARGS: an El Torito (no emulation) ISO with ISOLINUX.
isolinux_iso() {
	local root=$WORK/$1.root
	mkdir -p "$root/isolinux" "$root/boot"
	cp "$ISOLINUX_BIN" "$LDLINUX_C32" "$root/isolinux/"
	cp "$IMG" "$root/boot/bzImage"
	cp "$INITRD" "$root/boot/initrd.img"
	syslinux_cfg "$2" >"$root/isolinux/isolinux.cfg"
	xorriso -as mkisofs -o "$WORK/$1.iso" -b isolinux/isolinux.bin \
		-c isolinux/boot.cat -no-emul-boot -boot-load-size 4 \
		-boot-info-table "$root" >"$WORK/$1.build" 2>&1
}

# syslinux_disk NAME ARGS: a FAT disk image (no partition table) with
# SYSLINUX in its boot sector.
syslinux_disk() {
	local img=$WORK/$1.img
	syslinux_cfg "$2" >"$WORK/$1.cfg"
	{
		truncate -s 4M "$img" &&
		mformat -i "$img" -v KESTREL :: &&
		syslinux --install "$img" &&
		mmd -i "$img" ::/boot &&
		mcopy -i "$img" "$IMG" ::/boot/bzImage &&
		mcopy -i "$img" "$INITRD" ::/boot/initrd.img &&
		mcopy -i "$img" "$WORK/$1.cfg" ::/syslinux.cfg
	} >"$WORK/$1.build" 2>&1
}

# check NAME CMDLINE ENTRY LOADER LOADED: the checks every boot gets.
# CMDLINE is the command line the kernel must see (the loader's words
# included), ENTRY and LOADER the "Boot entry:" and "Boot loader:" lines,
# LOADED where the protected-mode part must be.
check() {
	local name=$1 cmdline=$2 entry=$3 loader=$4 loaded=$5 log=$OUT/$1.log
	ends_normally "$log"
	result "$name" "boots to the end: No working init found, exit status 5" $?
	has_line "$log" "Command line: $cmdline"
	result "$name" "the command line arrives as: $cmdline" $?
	initrd_intact "$log" "$INITRD"
	result "$name" "the initrd arrives intact ($INITRD_SUM)" $?
	has_line "$log" "Boot entry: $entry" && has_line "$log" "Boot loader: $loader"
	result "$name" "entered through the $entry, loader $loader" $?
	loaded_at "$log" "$loaded" "$PREF"
	result "$name" "loaded at $loaded, running at $PREF" $?
	TIMES+=("$(printf '%-14s %-18s %6d ms   %s s' "$name" "$entry" "$wall_ms" \
		"$(panic_time "$log")")")
}

# built NAME STATUS: a loader image that could not be built fails its
# test, with the tool's output.
built() {
	[ "$2" = 0 ] && return
	echo "not ok - $1: building the boot image failed (log: $WORK/$1.build)"
	sed 's/^/    | /' "$WORK/$1.build" | tail -n 15
	fail=$((fail + 1))
	return 1
}

name=seabios
args=$(kernel_args $name)
boot_guest $name $MEM -kernel "$IMG" -initrd "$INITRD" -append "$args"
check $name "$args" "16-bit setup" "Qemu (type_of_loader 0xb0, version 0)" 0x100000

name=grub-linux
args=$(kernel_args $name)
grub_iso $name linux initrd "$args"
if built $name $?; then
	boot_guest $name $MEM -cdrom "$WORK/$name.iso" -boot d
	check $name "BOOT_IMAGE=/boot/bzImage $args" "32-bit startup_32" \
		"GRUB (type_of_loader 0x72, version 2)" "$PREF"
fi

name=grub-linux16
args=$(kernel_args $name)
grub_iso $name linux16 initrd16 "$args"
if built $name $?; then
	boot_guest $name $MEM -cdrom "$WORK/$name.iso" -boot d
	check $name "BOOT_IMAGE=/boot/bzImage $args" "16-bit setup" \
		"GRUB (type_of_loader 0x72, version 2)" 0x100000
fi

name=isolinux
args=$(kernel_args $name)
isolinux_iso $name "$args"
if built $name $?; then
	boot_guest $name $MEM -cdrom "$WORK/$name.iso" -boot d
	check $name "BOOT_IMAGE=/boot/bzImage $args initrd=/boot/initrd.img" \
		"16-bit setup" "Syslinux (type_of_loader 0x30, version 0)" 0x100000
fi

name=syslinux
args=$(kernel_args $name)
syslinux_disk $name "$args"
if built $name $?; then
	boot_guest $name $MEM -drive "file=$WORK/$name.img,format=raw,if=ide" -boot c
	check $name "BOOT_IMAGE=/boot/bzImage $args initrd=/boot/initrd.img" \
		"16-bit setup" "Syslinux (type_of_loader 0x30, version 0)" 0x100000
fi

echo "# boot times under TCG ($MEM MiB): QEMU start to exit, kernel's timestamp of the panic"
printf '#   %s\n' "${TIMES[@]}"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
