#!/bin/bash
# Boot tests of the kernel's memory setup, checked from outside against
# what the image and the firmware say:
#  - the "Memory:" line, in Linux's format, at 64 MiB and 4 GiB: its total
#    is the sum of the usable e820 ranges (whole pages), available plus
#    reserved is that total, and the section sizes are System.map's;
#  - memblock=debug shows the reservations (kernel image from System.map,
#    first MiB), and without it they stay quiet;
#  - an initrd from QEMU's loader is found, reserved and reported;
#  - the VGA text screen still works after the kernel dropped the boot
#    identity map (read back with the QEMU monitor's pmemsave).
# Usage: tests/boot/memory.sh [bzImage]   (from the top of the tree)
set -u

IMG=${1:-bzImage}
OUT=tests/boot/out
. tests/boot/lib.sh

START_KERNEL_map=$((0xffffffff80000000))

sym() {	# sym NAME: its address in System.map, as a number
	local a
	a=$(sed -n "s/^\([0-9a-f]*\) . $1\$/\1/p" System.map)
	echo $((16#$a))
}

# Usable RAM in KiB: each usable e820 range shrunk to whole pages.
usable_k() {
	sed -n 's/.*BIOS-e820: \[mem 0x\([0-9a-f]*\)-0x\([0-9a-f]*\)\] usable.*/\1 \2/p' "$1" |
	{
		total=0
		while read -r s e; do
			s=$(((16#$s + 4095) / 4096))
			e=$(((16#$e + 1) / 4096))
			[ "$e" -gt "$s" ] && total=$((total + (e - s) * 4))
		done
		echo $total
	}
}

# check_memory_line LOG: the line's format and figures.
check_memory_line() {
	local log=$1 line re avail total code rw ro init bss rsv want
	re='^Memory: ([0-9]+)K/([0-9]+)K available \(([0-9]+)K kernel code, ([0-9]+)K rwdata, ([0-9]+)K rodata, ([0-9]+)K init, ([0-9]+)K bss, ([0-9]+)K reserved\)$'
	line=$(untimed "$log" | grep '^Memory: ')
	if ! [[ $line =~ $re ]]; then
		echo "    no Linux-style Memory line: ${line:-none}"
		return 1
	fi
	avail=${BASH_REMATCH[1]} total=${BASH_REMATCH[2]} code=${BASH_REMATCH[3]}
	rw=${BASH_REMATCH[4]} ro=${BASH_REMATCH[5]} init=${BASH_REMATCH[6]}
	bss=${BASH_REMATCH[7]} rsv=${BASH_REMATCH[8]}
	want=$(usable_k "$log")
	[ "$total" = "$want" ] ||
		{ echo "    total ${total}K, usable e820 RAM is ${want}K"; return 1; }
	[ $((avail + rsv)) = "$total" ] ||
		{ echo "    available ${avail}K + reserved ${rsv}K != ${total}K"; return 1; }
	want="$((($(sym _etext) - $(sym _text)) >> 10)) $((($(sym _edata) - $(sym _sdata)) >> 10))"
	want="$want $((($(sym __end_rodata) - $(sym __start_rodata)) >> 10))"
	want="$want $((($(sym __init_end) - $(sym __init_begin)) >> 10))"
	want="$want $((($(sym __bss_stop) - $(sym __bss_start)) >> 10))"
	[ "$code $rw $ro $init $bss" = "$want" ] ||
		{ echo "    sections $code $rw $ro $init $bss, System.map says $want"; return 1; }
}

kernel_range() {	# the image's physical range, as memblock prints it
	printf '[0x%016x-0x%016x]' $(($(sym _text) - START_KERNEL_map)) \
		$(($(sym _end) - START_KERNEL_map - 1))
}

for mem in 64 4096; do
	name=memory-${mem}M
	boot "$name" "$mem" "earlyprintk=serial,ttyS0,115200 memblock=debug"
	{
		expect_rc 5 &&
		check_memory_line "$OUT/$name.log" &&
		in_order "$OUT/$name.log" "memblock_reserve: $(kernel_range)" \
			"NX (Execute Disable) protection: active" &&
		in_order "$OUT/$name.log" \
			"memblock_reserve: [0x0000000000000000-0x00000000000fffff]" \
			"MEMBLOCK configuration:" "Memory: " "end Kernel panic"
	}
	result "$name" "Memory line matches e820 and System.map, reservations shown" $?
done

name=memory-quiet
boot "$name" 64 "earlyprintk=serial,ttyS0,115200"
{
	expect_rc 5 && untimed "$OUT/$name.log" | grep -q '^Memory: ' &&
	! grep -q 'memblock_reserve\|MEMBLOCK' "$OUT/$name.log"
}
result "$name" "without memblock=debug the reservations are not printed" $?

# An initrd of an odd size: QEMU's loader puts it high in RAM.
name=initrd
rd=$OUT/initrd.img
head -c 300001 /dev/urandom > "$rd"
boot "$name" 64 "earlyprintk=serial,ttyS0,115200 memblock=debug" -initrd "$rd"
{
	expect_rc 5 &&
	line=$(untimed "$OUT/$name.log" |
		sed -n 's/^RAMDISK: \[mem 0x\([0-9a-f]*\)-0x\([0-9a-f]*\)\].*/\1 \2/p') &&
	read -r s e <<<"$line" &&
	[ $((16#$e - 16#$s + 1)) = 300001 ] &&
	grep -q "memblock_reserve: \[0x0*$s-0x0*$e\]" "$OUT/$name.log"
} || { echo "    RAMDISK line: ${line:-none}"; false; }
result "$name" "initrd found, reserved and reported" $?

# The screen, read back from the guest stopped at its panic: it must show what was
# printed after the switch to the kernel's page tables.
name=vga
rm -f "$OUT/$name.vga"
WATCH_MONITOR="pmemsave 0xb8000 4000 \"$OUT/$name.vga\"" \
	boot_watch "$name" "end Kernel panic" -kernel "$IMG" \
	-append "console=ttyS0,115200 console=tty0"
{
	[ -f "$OUT/$name.vga" ] &&
	screen=$(od -An -v -tu1 -w2 "$OUT/$name.vga" | LC_ALL=C awk '{ printf "%c", $1 }') &&
	case "$screen" in *"Memory: "*"end Kernel panic"*) true ;; *) false ;; esac
}
result "$name" "the VGA console works on the kernel's direct map" $?

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
