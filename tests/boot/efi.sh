#!/bin/bash
# Boot tests under UEFI firmware (OVMF): the image as an EFI application
# (the EFI stub), entered by the EFI handover protocol, and loaded by GRUB
# for x86_64-efi. Each boot passes a command line and an initrd; the test
# checks that both arrived intact (the kernel's "initrd:" line against the
# host's size and CRC-32 of the file), which entry the boot took, and the
# e820 map made from the EFI memory map (its top matches -m). There is no
# BIOS under OVMF: any e820 map comes from the EFI one.
#
# The boots:
#  - QEMU -kernel/-initrd/-append: OVMF runs the image with LoadImage and
#    StartImage, offers the initrd through LoadFile2 and adds "initrd=initrd";
#  - the UEFI Shell of OVMF running startup.nsh from a FAT drive:
#    "\kestrel.efi initrd=\a.img initrd=/b.img ...", the initrd= files read
#    by the stub and concatenated; before it, one run with a missing initrd
#    that must fail with an "EFI stub:" message and return to the shell;
#  - GRUB's "linux" (32-bit entry after ExitBootServices, GRUB's e820) and
#    Debian's "linuxefi" (EFI handover), from a grub-mkrescue ISO.
#
# Every guest ends through isa-debug-exit: the kernel's "No working init
# found" panic gives status 5. Each boot's time (QEMU start to that exit)
# is printed.
#
# Usage: tests/boot/efi.sh [bzImage]   (run from the top of the tree)
set -u

IMG=${1:-bzImage}
OUT=tests/boot/out
. tests/boot/lib.sh

OVMF=/usr/share/ovmf/OVMF.fd
GRUB_EFI=/usr/lib/grub/x86_64-efi
MEM=256
ARGS="console=ttyS0 earlyprintk=serial efi_test=Zq9-x_7,/a/b isa_debug_exit=0xf4"
DIR=$OUT/efi
rm -rf "$DIR"
mkdir -p "$DIR"

# efi_boot NAME QEMU-ARGS...: boot under OVMF (lib.sh's boot_guest) and
# print the time it took.
efi_boot() {
	local name=$1
	shift
	boot_guest "$name" $MEM -bios $OVMF "$@"
	echo "    $name: $((wall_ms / 1000)).$(printf %03d $((wall_ms % 1000))) s under TCG"
}

# booted LOG ENTRY INITRD CMDLINE: the checks every boot shares.
booted() {
	local log=$1 entry=$2 initrd=$3 cmdline=$4
	ends_normally "$log" && has_line "$log" "Boot entry: $entry" || return
	if ! untimed "$log" | grep -a "^Command line: " | grep -a -q -F -- "$cmdline"; then
		echo "    command line lacks: $cmdline"
		return 1
	fi
	initrd_intact "$log" "$initrd" &&
	grep -a -q "BIOS-provided physical RAM map:" "$log" &&
	top_of_ram "$log" $MEM
}

make_initrd "$DIR/initrd.img" 300001
make_initrd "$DIR/a.img" 123457
make_initrd "$DIR/b.img" 65536
cat "$DIR/a.img" "$DIR/b.img" >"$DIR/ab.img"

name=efi-stub-kernel
efi_boot $name -kernel "$IMG" -initrd "$DIR/initrd.img" -append "$ARGS stub=kernel"
booted "$OUT/$name.log" "EFI stub" "$DIR/initrd.img" "$ARGS stub=kernel"
result $name "QEMU -kernel under OVMF: EFI stub, LoadFile2 initrd, e820 from the EFI map" $?

# The shell waits 5 s before startup.nsh unless a key is pressed.
name=efi-stub-shell
mkdir -p "$DIR/fat"
cp "$IMG" "$DIR/fat/kestrel.efi"
cp "$DIR/a.img" "$DIR/b.img" "$DIR/fat/"
printf '%s\r\n' "fs0:" "\\kestrel.efi initrd=\\missing.img $ARGS" \
	"\\kestrel.efi initrd=\\a.img initrd=/b.img $ARGS stub=shell" >"$DIR/fat/startup.nsh"
efi_boot $name -drive "file=fat:rw:$DIR/fat,format=raw,if=ide"
booted "$OUT/$name.log" "EFI stub" "$DIR/ab.img" "initrd=\\a.img initrd=/b.img $ARGS stub=shell" &&
	in_order "$OUT/$name.log" "EFI stub: cannot open an initrd= file" "Boot entry: EFI stub"
result $name "UEFI Shell: initrd= files concatenated, a missing one refused with a message" $?

# grub_iso NAME LINUX INITRD: an ISO whose grub.cfg boots the image at once.
grub_iso() {
	local root=$DIR/$1
	mkdir -p "$root/boot/grub"
	cp "$IMG" "$root/boot/kestrel"
	cp "$DIR/initrd.img" "$root/boot/initrd.img"
	cat >"$root/boot/grub/grub.cfg" <<-EOF
		serial --unit=0 --speed=115200
		terminal_output serial console
		set timeout=0
		$2 /boot/kestrel $ARGS grub=$2
		$3 /boot/initrd.img
		boot
	EOF
	grub-mkrescue -d $GRUB_EFI -o "$DIR/$1.iso" "$root" >"$OUT/$1.mkrescue" 2>&1
}

name=efi-grub-linux
grub_iso $name linux initrd
efi_boot $name -cdrom "$DIR/$name.iso"
booted "$OUT/$name.log" "32-bit startup_32" "$DIR/initrd.img" "$ARGS grub=linux"
result $name "GRUB x86_64-efi 'linux': 32-bit entry after ExitBootServices" $?

name=efi-grub-linuxefi
grub_iso $name linuxefi initrdefi
efi_boot $name -cdrom "$DIR/$name.iso"
booted "$OUT/$name.log" "EFI handover" "$DIR/initrd.img" "$ARGS grub=linuxefi"
result $name "GRUB x86_64-efi 'linuxefi': EFI handover entry" $?

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
