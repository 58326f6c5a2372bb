#!/bin/bash
# Boot tests for loaders that get the boot protocol wrong, or that give
# the kernel something odd: no command line, a command line without its
# terminating NUL, an initrd past the end of RAM or above initrd_addr_max,
# and the loader ids of boot.rst's type_of_loader table. Each must give
# defined behaviour and a clear log line, never a crash: the boot goes on
# to its normal end ("No working init found", QEMU status 5).
#
# The test loader (tests/boot/testloader/) makes the mistakes on request;
# what the kernel must make of them is computed here from the bzImage's
# header and the host's own tools (gzip's CRC-32, perl for the cut
# command line), never from the kernel's output.
#
# Usage: tests/boot/badloader.sh [bzImage]   (from the top of the tree,
# after make: it needs System.map and tools/dmesg)
set -u

IMG=${1:-bzImage}
OUT=tests/boot/out
. tests/boot/lib.sh
. tests/boot/testloader/testloader.sh
build_loader_or_exit

ARGS="earlyprintk=serial,ttyS0,115200 debug"
NUM='0x[0-9a-f]+'
RD=$OUT/badloader-initrd.img
make_initrd "$RD" 300001
RD_SIZE=$(stat -c %s "$RD")

# ---------------------------------------------------------------------------
# cmd_line_ptr = 0: no command line, so no earlyprintk and no
# isa_debug_exit either. The guest is left to halt after the panic, and
# its log read out of its memory with tools/dmesg.

# dump_log NAME: until the log in the guest's memory (the first 32 MiB:
# the kernel runs at 16 MiB) reaches the panic's last line, at most 10 s.
dump_log() {
	local raw=$OUT/$1.raw
	for _ in $(seq 50); do
		rm -f "$raw"
		mon "pmemsave 0 $((32 * MiB)) $raw" || return
		tools/dmesg --map System.map "$raw" >"$OUT/$1.dmesg" 2>&1 &&
			grep -q -F -- "---[ end Kernel panic - not syncing: No working init found." \
				"$OUT/$1.dmesg" && return
		sleep 0.2
	done
	echo "    the log in memory never reached the panic: see $OUT/$1.dmesg"
	return 1
}

name=nocmdline
qemu_start "$name" -serial "file:$OUT/$name.log" -kernel "$LOADER" \
	-append "nocmdline" -initrd "$(modules "$IMG" "$ARGS")"
dump_log "$name"
ok=$?
qemu_stop "$name"
{
	[ $ok = 0 ] &&
	untimed "$OUT/$name.dmesg" | grep -q -x "Command line: \?" &&
	untimed "$OUT/$name.dmesg" | grep -q -x "Kernel command line: \?" &&
	in_order "$OUT/$name.dmesg" "Kestrel version" "Command line:" \
		"BIOS-provided physical RAM map:" "Kernel panic - not syncing: No working init found." &&
	! grep -q "Kestrel version" "$OUT/$name.log"
}
result "$name" "cmd_line_ptr = 0: an empty command line, the boot goes on (log read from memory)" $?

# ---------------------------------------------------------------------------
# A command line without its NUL, filler far past cmdline_size. boot.rst:
# cmdline_size is the longest line the kernel takes, without the NUL; the
# kernel must cut there, say so, and boot on with what it kept.

# cut_line LINE SIZE: what a kernel that cuts at SIZE keeps of LINE and the
# loader's filler (fill_unterminated() in testloader.c: a space, then a
# space at every multiple of 128 and letters between, 'a', 'b', ... per
# block of 128 bytes).
cut_line() {
	perl -e '($s, $n) = @ARGV; $b = "$s ";
		for ($i = length($b); $i < $n; $i++) {
			$b .= $i % 128 ? chr(ord("a") + int($i / 128) % 26) : " ";
		}
		print substr($b, 0, $n)' "$1" "$2"
}

# init_args LOG: the words the kernel hands init after its name (with
# "debug", each run_init_process() lists them).
init_args() {
	untimed "$1" | awk '/^  with arguments:$/ { inside = 1; n = 0; next }
		/^  with environment:$/ { if (inside) exit }
		inside && ++n > 1 { sub(/^    /, ""); print }'
}

# unterminated NAME IMAGE DESCRIPTION: the kernel keeps exactly the first
# cmdline_size bytes (read from IMAGE's header): its "Command line:" line
# is the cut line (as much of it as a printk line holds), and init gets
# the filler words up to the cut, the last one cut short.
unterminated() {
	local name=$1 image=$2 desc=$3 log=$OUT/$1.log size want got
	local args="$ARGS test=$name"

	size=$(header_field "$image" $((0x238)) 4)
	want=$(cut_line "$args isa_debug_exit=0xf4" "$size")
	run "$name" "unterminated" "$args" "$image"
	got=$(untimed "$log" | sed -n 's/^Command line: //p' | head -n 1)
	{
		ends_normally "$log" &&
		in_order "$log" "not terminated within cmdline_size" &&
		{
			[ "$got" = "$want" ] ||
			{ [ ${#got} -ge 512 ] && [ "${want#"$got"}" != "$want" ]; } ||
			{ echo "    Command line: $got"; echo "    expected: $want"; false; }
		} &&
		printf '%s\n' ${want#"$args isa_debug_exit=0xf4"} >"$OUT/$name.want-args" &&
		init_args "$log" >"$OUT/$name.args" &&
		{
			diff -u "$OUT/$name.want-args" "$OUT/$name.args" ||
			{ echo "    init's arguments differ from the line cut at $size"; false; }
		}
	}
	result "$name" "$desc" $?
}

unterminated unterminated "$IMG" \
	"no NUL: cut at cmdline_size ($(header_field "$IMG" $((0x238)) 4)), logged, boots on"
# cmdline_size (0x238) lowered to 300.
patch_image "$OUT/bzImage.cmdline300" $((0x238)) 0x2c 0x01 0 0
unterminated unterminated-300 "$OUT/bzImage.cmdline300" \
	"no NUL, cmdline_size 300: cut at 300, logged, boots on"

# ---------------------------------------------------------------------------
# The initrd where the kernel must not take it from, or where the header
# says a loader must not put it.

name=initrd-past
INITRD=$RD run "$name" "initrd=past" "$ARGS test=$name"
addr=$(loader_initrd "$OUT/$name.log")
{
	ends_normally "$OUT/$name.log" &&
	same_number "end of RAM" "$(ram_end "$OUT/$name.log")" "${addr:-0}" &&
	same_number "ignored initrd start" \
		"$(field "$OUT/$name.log" 'initrd \[mem ' "$NUM")" "$addr" &&
	same_number "ignored initrd end" \
		"$(field "$OUT/$name.log" "initrd \\[mem $NUM-" "$NUM")" $((addr + RD_SIZE - 1)) &&
	{
		untimed "$OUT/$name.log" |
			grep -q -x -E "initrd \[mem $NUM-$NUM\] is not in usable RAM: ignored" ||
		{ echo "    missing: initrd [mem ...] is not in usable RAM: ignored"; false; }
	} &&
	! untimed "$OUT/$name.log" | grep -q "^RAMDISK:\|^initrd: "
}
result "$name" "initrd just past the end of RAM: logged, ignored, boots on" $?

# initrd_addr_max (0x22c) lowered to 128 MiB - 1; the loader ignores it and
# puts the initrd at 144 MiB. It is a loader's limit: the 64-bit kernel
# reaches all of RAM, and takes the initrd where it is.
patch_image "$OUT/bzImage.addrmax128" $((0x22c)) 0xff 0xff 0xff 0x07
name=initrd-above-max
INITRD=$RD run "$name" "initrd=0x9000000 ignore_addr_max" "$ARGS test=$name" \
	"$OUT/bzImage.addrmax128"
{
	ends_normally "$OUT/$name.log" &&
	initrd_intact "$OUT/$name.log" "$RD" $((144 * MiB))
}
result "$name" "initrd above initrd_addr_max: reserved and intact all the same" $?

# ---------------------------------------------------------------------------
# type_of_loader (and ext_loader_type/ver for ids from 0x10 up): named as
# in boot.rst's table of assigned ids, with the version folded: the low
# nibble of type_of_loader, plus ext_loader_ver << 4.

# loader_id NAME OPTIONS LOADER VERSION: "Boot loader: LOADER (..., version
# VERSION)", the version in any base the line uses.
loader_id() {
	local name=$1 opts=$2 loader=$3 version=$4 log=$OUT/$1.log
	run "$name" "$opts" "$ARGS test=$name"
	{
		ends_normally "$log" &&
		{
			untimed "$log" | grep -q -F "Boot loader: $loader (" ||
			{ echo "    missing: Boot loader: $loader ("; false; }
		} &&
		same_number "loader version" \
			"$(field "$log" "Boot loader: $loader \\(.*version " "$NUM|[0-9]+")" "$version"
	}
	ok=$?
	result "$name" "$opts: \"$loader\", version $(hex "$version")" $ok
}

loader_id loader-grub "type=0x72" "GRUB" 2
loader_id loader-kexec "type=0xd0" "kexec-tools" 0
loader_id loader-ext "type=0xe4 ext=0x01,0x23" "Minimal Linux Bootloader" $((0x234))
loader_id loader-ext-barebox "type=0xe0 ext=0x03,0x00" "barebox" 0

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
