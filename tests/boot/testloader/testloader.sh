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
# pref_address); loaded elsewhere (relocatable_kernel), it runs there.
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
	boot_guest "$name" "$MEM" -kernel "$LOADER" -append "$opts" \
		-initrd "$(modules "$image" "$args")"
}

# has_number LOG TEXT: TEXT (ending in a number) appears, and the number
# is not the start of a longer one.
has_number() {
	grep -q -- "$2\([^0-9a-fA-Fx]\|$\)" "$1" && return
	echo "    missing: $2"
	return 1
}

# header_field IMAGE OFFSET SIZE: a little-endian setup header field.
header_field() {
	echo $((0x$(od -An -tx"$3" -j "$2" -N "$3" "$1" | tr -d ' ')))
}

# loader_put LOG WHAT: where the loader says it put WHAT ("testloader: WHAT
# at ADDR"): initrd, boot_params or command line.
loader_put() {
	sed -n -E "s/^testloader: $2 at (0x[0-9a-f]+).*/\\1/p" "$1" | tr -d '\r'
}

# loader_initrd LOG: where the loader put the initrd.
loader_initrd() {
	loader_put "$1" initrd
}
