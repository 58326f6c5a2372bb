#!/bin/bash
# Boot tests for printk: timestamps, the console log level and its
# parameters, consoles that register late (they must show the whole log,
# each record once), several consoles at once, the VGA console, and
# tools/dmesg reading the log out of a guest that has no console at all.
#
# What a console shows is checked against the log itself: the guest is
# left halted (no isa_debug_exit), its memory saved through the QEMU
# monitor, and tools/dmesg -r lists every record with its level. A
# console must print exactly the records below its level, in order, each
# once. The two sides are written independently (the kernel's console
# code, the host tool's decoder), so each checks the other; tools/dmesg
# is also checked against the lines a boot must print, in order.
#
# Usage: tests/boot/printk.sh [bzImage]   (from the top of the tree, after
# make: it needs System.map and tools/dmesg)
set -u

IMG=${1:-bzImage}
OUT=tests/boot/out
. tests/boot/lib.sh

MAP=System.map
MEM=64
START_KERNEL_MAP=0xffffffff80000000
STAMP='^\[[ 0-9]\{5,\}\.[0-9]\{6\}\] '

# tools/dmesg built with ASan and UBSan: reading damaged dumps must never
# touch memory it should not. A sanitizer report exits 86, not 1.
DMESG=$OUT/dmesg
export ASAN_OPTIONS=exitcode=86 UBSAN_OPTIONS=exitcode=86:halt_on_error=1
if ! cc -std=gnu11 -O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined \
	-fno-sanitize-recover=all -Iinclude -Iarch/x86/include -o "$DMESG" \
	tools/dmesg.c tools/util.c; then
	echo "not ok - tools/dmesg: build failed"
	echo "0 passed, 1 failed"
	exit 1
fi

# The kernel's lines of a serial log: those with a timestamp.
kernel_lines() {
	tr -d '\r' <"$1" | grep -a -- "$STAMP"
}

# stamps_ok FILE: every line has Linux's "[%5lu.%06lu] " prefix, the times
# never go back, and the clock ran (the last one is not 0).
stamps_ok() {
	local bad
	bad=$(grep -v -c -- "$STAMP" "$1")
	if [ "$bad" != 0 ] || [ ! -s "$1" ]; then
		echo "    $bad line(s) without a timestamp in $1"
		return 1
	fi
	awk -F'[][]' '{ t = $2 + 0; if (t < last) { print "    time goes back: " $0; bad = 1 }
		last = t } END { if (last == 0) { print "    every timestamp is 0"; bad = 1 }
		exit bad }' "$1"
}

# has LOG TEXT... / lacks LOG TEXT...: fixed strings present / absent.
has() {
	local log=$1 pat
	shift
	for pat in "$@"; do
		grep -a -q -F -- "$pat" "$log" || { echo "    missing: $pat"; return 1; }
	done
}
lacks() {
	local log=$1 pat
	shift
	for pat in "$@"; do
		! grep -a -q -F -- "$pat" "$log" || { echo "    unexpected: $pat"; return 1; }
	done
}

# wait_halted: until the CPU sits in hlt with RIP in the kernel's map.
wait_halted() {
	local size
	for _ in $(seq 100); do
		size=$(stat -c %s "$MON")
		mon "info registers" || return 1
		tail -c +$((size + 1)) "$MON" | grep -a -q 'RIP=ffffffff8.*HLT=1' && return 0
		sleep 0.2
	done
	echo "    the guest never halted in the kernel"
	return 1
}

# nonempty FILE: it exists and has data, or say so.
nonempty() {
	[ -s "$1" ] || { echo "    $1 is missing or empty"; return 1; }
}

# save_ram FILE: physical memory from 0 (a pmemsave dump).
save_ram() {
	rm -f "$1"
	mon "pmemsave 0 $((MEM << 20)) $1" && nonempty "$1"
}

# The 80x25 text screen as one line of characters (rows run together, so
# a line that wrapped reads whole).
vga_text() {
	rm -f "$2"
	mon "pmemsave 0xb8000 4000 $2" &&
	perl -0777 -pe 's/(.)./$1/gs' <"$2" | tr -c '[:print:]' ' '
}

# console_records DUMP: what a console at the default level (7) must show:
# the records of the log below KERN_DEBUG, from tools/dmesg -r.
console_records() {
	"$DMESG" -r "$1" | grep -v '^<7>' | sed 's/^<[0-6]>//'
}

# same_as_log CONSOLE_LOG EXPECTED: the console printed exactly these lines.
same_as_log() {
	kernel_lines "$1" >"$1.kernel"
	if ! diff -u "$2" "$1.kernel" >"$1.diff"; then
		echo "    $1 differs from the log in memory:"
		head -n 20 "$1.diff" | sed 's/^/    /'
		return 1
	fi
	[ "$(wc -l <"$2")" -ge 15 ] || { echo "    only $(wc -l <"$2") records"; return 1; }
}

# ---------------------------------------------------------------------------
# Timestamps and log levels, on the early serial console.

name=stamps
boot "$name" $MEM "earlyprintk=serial,ttyS0,115200 debug"
{
	expect_rc 5 &&
	sed -n '/Booting the kernel\./,$p' "$OUT/$name.log" | tr -d '\r' | tail -n +2 \
		>"$OUT/$name.kernel" &&
	stamps_ok "$OUT/$name.kernel" &&
	in_order "$OUT/$name.kernel" "] Kestrel version" "] tsc: Detected " \
		"] Command line: " "] BIOS-e820: " "] printk: log_buf: " \
		"] ---[ end Kernel panic - not syncing: No working init found."
}
result "$name" "every kernel line has a timestamp, in order, and the clock runs" $?

name=loglevel-1
boot "$name" $MEM "earlyprintk=serial,ttyS0,115200 loglevel=1"
{
	expect_rc 5 &&
	has "$OUT/$name.log" "] ---[ end Kernel panic - not syncing: No working init found." &&
	lacks "$OUT/$name.log" "Kestrel version" "] Command line:" "BIOS-e820"
}
result "$name" "loglevel=1: emergency messages only" $?

name=loglevel-6
boot "$name" $MEM "earlyprintk=serial,ttyS0,115200 loglevel=6"
{
	expect_rc 5 &&
	has "$OUT/$name.log" "] Kestrel version" "] Kernel command line:" \
		"] ---[ end Kernel panic - not syncing: No working init found." &&
	lacks "$OUT/$name.log" "] Command line:" "BIOS-e820"
}
result "$name" "loglevel=6: notice (5) shown, info (6) not" $?

name=default-level
boot "$name" $MEM "earlyprintk=serial,ttyS0,115200"
{
	expect_rc 5 &&
	has "$OUT/$name.log" "] BIOS-e820: " "] printk: bootconsole [earlyser0] enabled" &&
	lacks "$OUT/$name.log" "printk: log_buf:"
}
result "$name" "default level 7: info shown, debug not" $?

name=ignore-loglevel
boot "$name" $MEM "earlyprintk=serial,ttyS0,115200 quiet ignore_loglevel"
{
	expect_rc 5 &&
	has "$OUT/$name.log" "] printk: log_buf: " "] BIOS-e820: " \
		"] printk: debug: ignoring loglevel setting."
}
result "$name" "ignore_loglevel shows debug lines, even with quiet" $?

# ---------------------------------------------------------------------------
# Consoles that start late, several at once, the hand-over from the boot
# console: each must show exactly the log's records below level 7.

name=console-ttyS0
qemu_start "$name" -serial "file:$OUT/$name.log" -kernel "$IMG" \
	-append "console=ttyS0 test=$name"
{
	wait_for "$OUT/$name.log" "---[ end Kernel panic - not syncing: No working init found." &&
	save_ram "$OUT/$name.raw" &&
	vga_text "$OUT/$name.vga" "$OUT/$name.vgamem" >"$OUT/$name.vgatext"
}
ok=$?
qemu_stop "$name"
{
	[ $ok = 0 ] &&
	console_records "$OUT/$name.raw" >"$OUT/$name.expected" &&
	same_as_log "$OUT/$name.log" "$OUT/$name.expected" &&
	in_order "$OUT/$name.log.kernel" "] Kestrel version" "] Command line: console=ttyS0" \
		"] BIOS-e820: " "] printk: console [ttyS0] enabled" "] ---[ end Kernel panic - not syncing: No working init found." &&
	! grep -q "earlyser" "$OUT/$name.log" &&
	lacks "$OUT/$name.vgatext" "Kestrel version"
}
result "$name" "console=ttyS0 alone: the whole log once, lines before it registered too; not on VGA" $?

name=two-consoles
qemu_start "$name" -serial "file:$OUT/$name.log" -serial "file:$OUT/$name.log1" \
	-kernel "$IMG" -append "console=ttyS0 console=ttyS1,115200 test=$name"
{
	wait_for "$OUT/$name.log" "---[ end Kernel panic - not syncing: No working init found." &&
	wait_for "$OUT/$name.log1" "---[ end Kernel panic - not syncing: No working init found." &&
	save_ram "$OUT/$name.raw"
}
ok=$?
qemu_stop "$name"
{
	[ $ok = 0 ] &&
	console_records "$OUT/$name.raw" >"$OUT/$name.expected" &&
	same_as_log "$OUT/$name.log" "$OUT/$name.expected" &&
	same_as_log "$OUT/$name.log1" "$OUT/$name.expected" &&
	has "$OUT/$name.log1" "] printk: console [ttyS0] enabled" \
		"] printk: console [ttyS1] enabled"
}
result "$name" "console=ttyS0 console=ttyS1,115200: both show the whole log once" $?

name=handover
qemu_start "$name" -serial "file:$OUT/$name.log" -kernel "$IMG" \
	-append "earlyprintk=serial,ttyS0,115200 console=ttyS0,115200 test=$name"
{
	wait_for "$OUT/$name.log" "---[ end Kernel panic - not syncing: No working init found." &&
	save_ram "$OUT/$name.raw"
}
ok=$?
qemu_stop "$name"
{
	[ $ok = 0 ] &&
	console_records "$OUT/$name.raw" >"$OUT/$name.expected" &&
	same_as_log "$OUT/$name.log" "$OUT/$name.expected" &&
	in_order "$OUT/$name.log" "] printk: bootconsole [earlyser0] enabled" \
		"] printk: console [ttyS0] enabled" \
		"] printk: bootconsole [earlyser0] disabled"
}
result "$name" "earlyprintk=serial then console=ttyS0 on the same port: no line twice" $?

# ---------------------------------------------------------------------------
# The VGA text console: console=tty0, and tty0 by default when the command
# line names no console. loglevel=6 keeps the log within one screen.

name=vga-tty0
qemu_start "$name" -serial "file:$OUT/$name.log" -kernel "$IMG" \
	-append "earlyprintk=serial,ttyS0,115200 console=tty0 loglevel=6"
{
	wait_for "$OUT/$name.log" "---[ end Kernel panic - not syncing: No working init found." &&
	vga_text "$OUT/$name.vga" "$OUT/$name.vgamem" >"$OUT/$name.vgatext"
}
ok=$?
qemu_stop "$name"
{
	[ $ok = 0 ] &&
	banner=$(kernel_lines "$OUT/$name.log" | grep -m1 "Kestrel version" | sed 's/^\[[^]]*\] //') &&
	has "$OUT/$name.vgatext" "] $banner" "] Kernel command line: earlyprintk=" \
		"] ---[ end Kernel panic - not syncing: No working init found." &&
	lacks "$OUT/$name.vgatext" "] Command line:"
}
result "$name" "console=tty0: the banner in video memory, filtered by loglevel" $?

name=vga-default
qemu_start "$name" -serial "file:$OUT/$name.log" -kernel "$IMG" \
	-append "loglevel=6 test=$name"
{
	wait_halted &&
	vga_text "$OUT/$name.vga" "$OUT/$name.vgamem" >"$OUT/$name.vgatext"
}
ok=$?
qemu_stop "$name"
{
	[ $ok = 0 ] &&
	has "$OUT/$name.vgatext" "] Kestrel version" "] Kernel command line: loglevel=6" \
		"] ---[ end Kernel panic - not syncing: No working init found." &&
	lacks "$OUT/$name.log" "Kestrel version"
}
result "$name" "no console= nor earlyprintk=: the log on tty0, Linux's default" $?

# ---------------------------------------------------------------------------
# tools/dmesg on a guest with no console at all: no VGA, and a serial port
# that nobody asked to use.

name=dmesg
append="test=$name"
qemu_start "$name" -serial "file:$OUT/$name.log" -vga none -kernel "$IMG" \
	-append "$append"
{
	wait_halted &&
	rm -f "$OUT/$name.elf" &&
	mon "dump-guest-memory $OUT/$name.elf" && nonempty "$OUT/$name.elf" &&
	save_ram "$OUT/$name.raw"
}
ok=$?
qemu_stop "$name"
{
	[ $ok = 0 ] &&
	"$DMESG" "$OUT/$name.elf" >"$OUT/$name.elf.txt" &&
	"$DMESG" --map "$MAP" "$OUT/$name.raw" >"$OUT/$name.raw.txt" &&
	cmp "$OUT/$name.elf.txt" "$OUT/$name.raw.txt" &&
	lacks "$OUT/$name.log" "Kestrel version" &&
	stamps_ok "$OUT/$name.raw.txt" &&
	in_order "$OUT/$name.raw.txt" "] Kestrel version" "] Command line: $append" \
		"] BIOS-provided physical RAM map:" \
		"] BIOS-e820: [mem 0x0000000000000000-" "] Kernel command line: $append" \
		"] ---[ end Kernel panic - not syncing: No working init found." &&
	top_of_ram "$OUT/$name.raw.txt" $MEM
}
result "$name" "dump-guest-memory and pmemsave of a console-less guest: the whole log" $?

# Levels: -r gives the syslog prefix, -x dmesg's decoded names.
{
	[ $ok = 0 ] &&
	"$DMESG" -r "$OUT/$name.raw" >"$OUT/$name.r.txt" 2>"$OUT/$name-levels.log" &&
	"$DMESG" --decode "$OUT/$name.raw" >"$OUT/$name.x.txt" 2>>"$OUT/$name-levels.log" &&
	grep -q '^<5>\[ *[0-9.]*\] Kestrel version' "$OUT/$name.r.txt" &&
	grep -q '^<6>\[ *[0-9.]*\] Command line:' "$OUT/$name.r.txt" &&
	grep -q '^<0>\[ *[0-9.]*\] ---\[ end Kernel panic - not syncing' "$OUT/$name.r.txt" &&
	grep -q '^kern  :notice: \[ *[0-9.]*\] Kestrel version' "$OUT/$name.x.txt" &&
	grep -q '^kern  :info  : \[ *[0-9.]*\] Command line:' "$OUT/$name.x.txt" &&
	[ "$(sed 's/^<[0-7]>//' "$OUT/$name.r.txt")" = "$(cat "$OUT/$name.raw.txt")" ]
}
result "$name-levels" "tools/dmesg -r and -x show each record's level" $?

# A relocatable kernel runs phys_base away from its link address (a
# multiple of 2 MiB, below or above, far above 4 GiB too), and the ring's
# address in the descriptor stays the link-time virtual one. The log of
# the dump above, put at other physical addresses in files built from it:
# the tool must find it by the 2 MiB search, read the ring with the same
# phys_base, and say how far the kernel was moved.
le64() {
	local v=$1 i out=
	for i in 0 1 2 3 4 5 6 7; do
		out+=$(printf '\\x%02x' $(((v >> (8 * i)) & 0xff)))
	done
	printf '%s' "$out"
}
poke64() {
	printf "$(le64 "$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
peek64() {
	od -An -t u8 -j "$2" -N 8 "$1" | tr -d ' '
}
peek32() {
	od -An -t u4 -j "$2" -N 4 "$1" | tr -d ' '
}
desc=$(( 0x$(sed -n 's/^\([0-9a-f]*\) . printk_log$/\1/p' "$MAP") - START_KERNEL_MAP ))

# found_moved NAME DUMP WHERE DESCRIPTION: tools/dmesg prints the same log
# as from the unmoved dump and says "the kernel runs WHERE its link address".
found_moved() {
	{
		[ $ok = 0 ] &&
		"$DMESG" "$2" >"$OUT/$1.txt" 2>"$OUT/$1.log" &&
		cmp "$OUT/$1.txt" "$OUT/dmesg.raw.txt" &&
		has "$OUT/$1.log" "the kernel runs $3 its link address"
	}
	result "$1" "$4" $?
}

# 2 MiB of zeros in front: every physical address 2 MiB higher.
name=dmesg-above
[ $ok = 0 ] && { head -c $((2 << 20)) /dev/zero; cat "$OUT/dmesg.raw"; } >"$OUT/$name.raw"
found_moved $name "$OUT/$name.raw" "0x200000 above" \
	"a kernel run 2 MiB above its link address is found (pmemsave)"

# The first 14 MiB cut off: the kernel linked for 16 MiB runs at 2 MiB.
name=dmesg-below
[ $ok = 0 ] && tail -c +$(((14 << 20) + 1)) "$OUT/dmesg.raw" >"$OUT/$name.raw"
found_moved $name "$OUT/$name.raw" "0xe00000 below" \
	"a kernel run 14 MiB below its link address (at 2 MiB) is found (pmemsave)"

# A sparse file of 4 GiB + 66 MiB: the memory from 4 GiB + 2 MiB up.
name=dmesg-above-4g
[ $ok = 0 ] && rm -f "$OUT/$name.raw" &&
	dd if="$OUT/dmesg.raw" of="$OUT/$name.raw" bs=1M seek=$((4096 + 2)) status=none
found_moved $name "$OUT/$name.raw" "0x100200000 above" \
	"a kernel run 4 GiB + 2 MiB above its link address is found (pmemsave)"

# The ELF core with every PT_LOAD segment 6 GiB higher; the one from 0
# also loses its first MiB, so that it starts off a 2 MiB boundary.
# Elf64_Ehdr: e_phoff at 32, e_phnum at 56; Elf64_Phdr: 56 bytes, p_type
# at 0, p_offset at 8, p_paddr at 24, p_filesz at 32, p_memsz at 40.
# add64 FILE OFFSET N: the u64 there gets N added.
add64() {
	poke64 "$1" "$2" $(($(peek64 "$1" "$2") + $3))
}
name=dmesg-elf-above-4g
[ $ok = 0 ] && cp "$OUT/dmesg.elf" "$OUT/$name.elf" && chmod u+w "$OUT/$name.elf" && {
	phoff=$(peek64 "$OUT/$name.elf" 32)
	phnum=$(od -An -t u2 -j 56 -N 2 "$OUT/$name.elf" | tr -d ' ')
	for ((i = 0; i < phnum; i++)); do
		ph=$((phoff + 56 * i))
		[ "$(peek32 "$OUT/$name.elf" $ph)" = 1 ] || continue
		if [ "$(peek64 "$OUT/$name.elf" $((ph + 24)))" = 0 ]; then
			add64 "$OUT/$name.elf" $((ph + 8)) $((1 << 20))
			add64 "$OUT/$name.elf" $((ph + 24)) $((1 << 20))
			add64 "$OUT/$name.elf" $((ph + 32)) $((-1 << 20))
			add64 "$OUT/$name.elf" $((ph + 40)) $((-1 << 20))
		fi
		add64 "$OUT/$name.elf" $((ph + 24)) $((6 << 30))
	done
}
found_moved $name "$OUT/$name.elf" "0x180000000 above" \
	"a kernel run 6 GiB above its link address is found (dump-guest-memory)"

# And a real one: a 50 MB initrd over 16 MiB makes the decompressor run
# the kernel at 2 MiB (as in run.sh's initrd-in-the-way). The log read out
# of its memory must be what its console printed, with the place the
# kernel itself reports, and the tool must say it runs 14 MiB below.
name=dmesg-at-2M
make_initrd "$OUT/$name.initrd" 50000000
qemu_start "$name" -serial "file:$OUT/$name.log" -vga none -kernel "$IMG" \
	-initrd "$OUT/$name.initrd" -append "console=ttyS0 test=$name"
{
	wait_for "$OUT/$name.log" "---[ end Kernel panic - not syncing: No working init found." &&
	save_ram "$OUT/$name.raw"
}
booted=$?
qemu_stop "$name"
rm -f "$OUT/$name.initrd"
{
	[ $booted = 0 ] &&
	"$DMESG" -r "$OUT/$name.raw" >"$OUT/$name.r.txt" 2>"$OUT/$name.err" &&
	has "$OUT/$name.err" "the kernel runs 0xe00000 below its link address" &&
	grep -v '^<7>' "$OUT/$name.r.txt" | sed 's/^<[0-6]>//' >"$OUT/$name.expected" &&
	same_as_log "$OUT/$name.log" "$OUT/$name.expected" &&
	has "$OUT/$name.expected" "] Kernel loaded at 0x100000, running at 0x200000"
}
result "$name" "a guest whose kernel runs at 2 MiB: its log read from memory, as its console printed it" $?

# fails NAME DESCRIPTION MESSAGE DMESG-ARGS...: tools/dmesg exits 1 with
# MESSAGE on stderr and no sanitizer or crash report.
fails() {
	local name=$1 desc=$2 msg=$3 st
	shift 3
	"$DMESG" "$@" >"$OUT/$name.txt" 2>"$OUT/$name.log"
	st=$?
	{
		[ "$st" = 1 ] || { echo "    exit status $st, expected 1"; false; }
	} && has "$OUT/$name.log" "$msg"
	result "$name" "$desc" $?
}

sed '/ printk_log$/d' "$MAP" >"$OUT/dmesg-nosym.map"
fails dmesg-nosym "System.map without printk_log" "no symbol printk_log" \
	--map "$OUT/dmesg-nosym.map" "$OUT/dmesg.raw"
perl -pe 's/^([0-9a-f]+)( . printk_log)$/sprintf("%x", hex($1) + 64) . $2/e' \
	"$MAP" >"$OUT/dmesg-other.map"
fails dmesg-other-kernel "a dump that does not match System.map (another kernel)" \
	"printk's log not found" --map "$OUT/dmesg-other.map" "$OUT/dmesg.raw"
fails dmesg-not-core "an ELF file that is not a core dump (vmlinux)" \
	"not a core dump" vmlinux
: >"$OUT/dmesg-empty.raw"
fails dmesg-empty "an empty file" "empty file, not a memory dump" "$OUT/dmesg-empty.raw"
head -c $((1 << 20)) "$OUT/dmesg.raw" >"$OUT/dmesg-short.raw"
fails dmesg-short "a dump that stops below the kernel" "does not hold physical" \
	"$OUT/dmesg-short.raw"

cp "$OUT/dmesg.raw" "$OUT/dmesg-badhead.raw"
poke64 "$OUT/dmesg-badhead.raw" $((desc + 24)) $((1 << 40))
fails dmesg-badhead "a descriptor whose head is past the ring" "corrupt log: head" \
	"$OUT/dmesg-badhead.raw"

# The oldest record (at the ring's start: nothing was dropped) claims
# more text than the log holds.
cp "$OUT/dmesg.raw" "$OUT/dmesg-badrec.raw"
ring=$(( $(peek64 "$OUT/dmesg.raw" $((desc + 16))) - START_KERNEL_MAP ))
printf '\xff\xff\xff\x7f' | dd of="$OUT/dmesg-badrec.raw" bs=1 seek=$((ring + 16)) \
	conv=notrunc status=none
fails dmesg-badrec "a record longer than the log" "corrupt log: record 0 has" \
	"$OUT/dmesg-badrec.raw"

# Random damage to the descriptor and the records: a message or a log,
# never a crash (status 0 or 1, no sanitizer report).
name=dmesg-damage
cp "$OUT/dmesg.raw" "$OUT/$name.raw"
: >"$OUT/$name.log"
head=$(peek64 "$OUT/dmesg.raw" $((desc + 24)))
bad=0
for i in $(seq 60); do
	if [ $((i % 4)) = 0 ]; then
		at=$((desc + RANDOM % 64))
	else
		at=$((ring + (RANDOM * 32768 + RANDOM) % head))
	fi
	orig=$(od -An -t x1 -j "$at" -N 1 "$OUT/$name.raw" | tr -d ' ')
	printf "\\x$(printf %02x $((RANDOM % 256)))" |
		dd of="$OUT/$name.raw" bs=1 seek="$at" conv=notrunc status=none
	"$DMESG" "$OUT/$name.raw" >/dev/null 2>"$OUT/$name.err"
	st=$?
	if [ "$st" != 0 ] && [ "$st" != 1 ]; then
		echo "byte at 0x$(printf %x "$at"): exit status $st" >>"$OUT/$name.log"
		cat "$OUT/$name.err" >>"$OUT/$name.log"
		bad=1
	fi
	printf "\\x$orig" | dd of="$OUT/$name.raw" bs=1 seek="$at" conv=notrunc status=none
done
result "$name" "60 damaged bytes in the descriptor and the records: no crash" $bad

# The memory dumps are 64 MiB each: kept only to look into a failure.
[ "$fail" = 0 ] && rm -f "$OUT"/{console-ttyS0,two-consoles,handover,dmesg,dmesg-*}.raw \
	"$OUT"/dmesg*.elf "$OUT"/*.vgamem

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
