# Shared by the boot tests that load the kernel with the test loader
# (tests/boot/entries.sh, tests/boot/badloader.sh): build it, boot with it,
# and read what the kernel reports about how it was loaded. Source it
# after tests/boot/lib.sh, with IMG and OUT set.
#
# The kernel's boot report (arch/x86/kernel/setup.c, the decompressor's
# "debug" lines) is compared with what the test asked the loader for and
# with what the host computes on its own (the initrd's size and CRC-32).

TL=tests/boot/testloader
LOADER=$OUT/testloader.elf
MiB=$((1 << 20))

# Where the kernel is linked to run (CONFIG_PHYSICAL_START, the header's
# pref_address); loaded elsewhere, it must be relocated by the difference.
LOAD_PHYSICAL_ADDR=$((16 * MiB))
# The loader is linked here (testloader.ld): a load address it must refuse.
LOADER_ADDR=$((0x400000))
MEM=256

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

# build_loader_or_exit: a suite cannot run without its loader.
build_loader_or_exit() {
	build_loader && return
	echo "not ok - testloader: build failed"
	echo "0 passed, 1 failed"
	exit 1
}

hex() {
	printf '0x%x' "$1"
}

# modules IMAGE ARGS: QEMU's -initrd list: the bzImage with the kernel
# command line, then $INITRD if set. A comma separates modules, and ","
# inside one is written ",,".
modules() {
	local module="$1 $2 isa_debug_exit=0xf4"
	printf '%s%s' "${module//,/,,}" "${INITRD:+,${INITRD//,/,,}}"
}

# run NAME LOADER_OPTIONS KERNEL_ARGS [IMAGE]: log in $OUT/NAME.log, status
# in $rc; with $MEM MiB of RAM and $INITRD as module 1 if set.
run() {
	local name=$1 opts=$2 args=$3 image=${4:-$IMG}
	timeout 60 qemu-system-x86_64 -accel tcg -m "$MEM" -no-reboot \
		-display none -nic none -serial "file:$OUT/$name.log" \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-kernel "$LOADER" -append "$opts" -initrd "$(modules "$image" "$args")" \
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

# field LOG PREFIX REGEX: from the first line starting with PREFIX (after
# the timestamp), the part matching REGEX (sed -E) right after it.
field() {
	untimed "$1" | sed -n -E "s/^$2($3).*/\\1/p" | head -n 1
}

# same_number WHAT GOT WANT: two numbers (any base bash reads) are equal.
same_number() {
	if [ -z "$2" ]; then
		echo "    no $1 found"
		return 1
	fi
	[ $(($2)) = $(($3)) ] && return
	echo "    $1 is $2, expected $(hex "$3")"
	return 1
}

# header_field IMAGE OFFSET SIZE: a little-endian setup header field.
header_field() {
	echo $((0x$(od -An -tx"$3" -j "$2" -N "$3" "$1" | tr -d ' ')))
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

# crc32 FILE: the CRC-32 gzip computes (its trailer), as a number.
crc32() {
	echo $((0x$(gzip -c "$1" | tail -c8 | od -An -tx4 -N4 | tr -d ' ')))
}

# boot_entry LOG WHICH: the kernel's "Boot entry: WHICH" line.
boot_entry() {
	untimed "$1" | grep -q -x -F "Boot entry: $2" && return
	echo "    missing: Boot entry: $2"
	return 1
}

# loaded_at LOG LOADED RUNNING: "Kernel loaded at LOADED, running at RUNNING".
loaded_at() {
	local num='0x[0-9a-f]+'
	same_number "load address" "$(field "$1" "Kernel loaded at " "$num")" "$2" &&
	same_number "run address" \
		"$(field "$1" "Kernel loaded at $num, running at " "$num")" "$3"
}

# initrd_intact LOG FILE ADDR: the kernel reserved FILE's bytes at ADDR
# ("RAMDISK: [mem START-END]", END inclusive) and reports them intact
# ("initrd: SIZE bytes at ADDR, crc32 CRC") by the host's CRC-32.
initrd_intact() {
	local log=$1 size num='0x[0-9a-f]+'
	size=$(stat -c %s "$2")
	same_number "RAMDISK start" "$(field "$log" 'RAMDISK: \[mem ' "$num")" "$3" &&
	same_number "RAMDISK end" "$(field "$log" "RAMDISK: \\[mem $num-" "$num")" \
		$(($3 + size - 1)) &&
	same_number "initrd size" "$(field "$log" "initrd: " "[0-9]+")" "$size" &&
	same_number "initrd address" "$(field "$log" "initrd: [0-9]+ bytes at " "$num")" "$3" &&
	same_number "initrd crc32" \
		"$(field "$log" "initrd: [0-9]+ bytes at $num, crc32 " "$num")" "$(crc32 "$2")"
}

# loader_initrd LOG: where the loader put the initrd ("initrd at ADDR").
loader_initrd() {
	sed -n -E 's/^testloader: initrd at (0x[0-9a-f]+),.*/\1/p' "$1" | tr -d '\r'
}

# ends_normally LOG: QEMU status 5 and the panic that ends every boot.
ends_normally() {
	expect_rc 5 &&
	in_order "$1" "Kestrel version" "Kernel panic - not syncing: No working init found."
}

# make_initrd FILE SIZE: random bytes, so that nothing but a faithful copy
# passes the CRC.
make_initrd() {
	head -c "$2" /dev/urandom >"$1"
}
