#!/bin/bash
# The built bzImage's setup header, checked against independent sources:
# the symbols of the two ELF files (nm), the configuration (.config) and
# the payload file itself (cmp, gzip). This is the header layout as a
# loader sees it, not as our own tools compute it.
# Usage: tests/host/test_image.sh   (from the top of the tree, after make)
set -u

IMG=bzImage
pass=0
fail=0

check() {
	local desc=$1
	shift
	if "$@"; then
		echo "ok - $desc"
		pass=$((pass + 1))
	else
		echo "not ok - $desc"
		fail=$((fail + 1))
	fi
}

field() { tools/bzinfo --field "$1" "$IMG"; }
sym() {
	local hex
	hex=$($NM "$1" | awk -v s="$2" '$3 == s { print $1 }')
	[ -n "$hex" ] && echo $((16#$hex))
}
config() { sed -n "s/^$1=//p" .config; }
eq() {
	[ "$1" = "$2" ] && return 0
	echo "    got '$1', expected '$2'"
	return 1
}

NM=${NM:-nm}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check "bzinfo --check finds no problem" tools/bzinfo --check "$IMG"
check "boot_flag is 0xAA55" eq "$(field boot_flag)" $((0xaa55))
check "header is HdrS" eq "$(dd if="$IMG" bs=1 skip=$((0x202)) count=4 status=none)" "HdrS"
check "version is 2.15" eq "$(field version)" $((0x020f))
check "jump at 0x200 is a short jmp" eq "$(od -An -tx1 -j $((0x200)) -N1 "$IMG" | tr -d ' ')" eb
check "code32_start is 1 MiB" eq "$(field code32_start)" $((0x100000))
check "kernel_alignment is CONFIG_PHYSICAL_ALIGN" \
	eq "$(field kernel_alignment)" "$(($(config CONFIG_PHYSICAL_ALIGN)))"
check "relocatable_kernel follows CONFIG_RELOCATABLE" \
	eq "$(field relocatable_kernel)" "$([ "$(config CONFIG_RELOCATABLE)" = y ] && echo 1 || echo 0)"
check "pref_address is CONFIG_PHYSICAL_START" \
	eq "$(field pref_address)" "$(($(config CONFIG_PHYSICAL_START)))"
check "xloadflags has XLF_KERNEL_64" eq "$(($(field xloadflags) & 1))" 1
check "startup_64 is at 0x200 of the protected-mode part" \
	eq "$(sym compressed/vmlinux startup_64)" $((0x200))
check "payload_offset is the decompressor's input_data" \
	eq "$(field payload_offset)" "$(sym compressed/vmlinux input_data)"
check "payload_length is the payload file's size" \
	eq "$(field payload_length)" "$(stat -c %s compressed/vmlinux.bin.gz)"
check "kernel_info_offset points at the LToP kernel_info" \
	eq "$(dd if="$IMG" bs=1 skip=$(($(field setup_size) + $(field kernel_info_offset))) count=4 status=none)" LToP

# init_size: the larger of what the decompressor needs (itself moved up by
# z_extract_offset) and what the kernel needs (_text to _end).
zo=$(($(sym compressed/vmlinux _end) + $(sym compressed/vmlinux z_extract_offset)))
vo=$(($(sym vmlinux _end) - $(sym vmlinux _text)))
check "init_size is max(ZO _end + z_extract_offset, VO _end - _text)" \
	eq "$(field init_size)" "$((zo > vo ? zo : vo))"

dd if="$IMG" of="$tmp/payload" bs=1 skip="$(field payload_file_offset)" \
	count="$(field payload_length)" status=none
check "the payload in the image is the gzip file, byte for byte" \
	cmp -s "$tmp/payload" compressed/vmlinux.bin.gz
check "the payload inflates (host gzip) to the stripped kernel" \
	sh -c "gzip -dc < '$tmp/payload' | cmp -s - compressed/vmlinux.bin"
check "file size is (setup_sects + 1) * 512 + syssize * 16" \
	eq "$(stat -c %s "$IMG")" "$(($(field setup_size) + $(field syssize) * 16))"
check "the setup ends with the signature 0x5a5aaa55" \
	sh -c "od -An -tx1 -N $(field setup_size) '$IMG' | tr -d ' \n' | grep -q 55aa5a5a"

# The PE/COFF view, as binutils reads it (objdump -p), against the
# decompressor's symbols: UEFI firmware enters efi_pe_entry.
pe() { objdump -p "$IMG" | awk -v k="$1" '$1 == k { print $2 }'; }
check "objdump reads a PE32+ x86-64 image" \
	sh -c "objdump -p '$IMG' | grep -q 'file format pei-x86-64'"
check "PE Magic is 020b (PE32+)" eq "$(pe Magic)" 020b
check "PE Subsystem is 10 (EFI application)" eq "$((16#$(pe Subsystem)))" 10
check "PE SizeOfHeaders is the setup's size" eq "$((16#$(pe SizeOfHeaders)))" "$(field setup_size)"
check "PE AddressOfEntryPoint is setup_size + efi_pe_entry" \
	eq "$((16#$(pe AddressOfEntryPoint)))" \
	"$(($(field setup_size) + $(sym compressed/vmlinux efi_pe_entry)))"
check "PE SizeOfImage covers the decompressor up to its _end" \
	test "$((16#$(pe SizeOfImage)))" -ge "$(($(field setup_size) + $(sym compressed/vmlinux _end)))"
check "xloadflags has XLF_EFI_HANDOVER_64" eq "$(($(field xloadflags) & 8))" 8
check "handover_offset is efi64_stub_entry - startup_64" \
	eq "$(field handover_offset)" \
	"$(($(sym compressed/vmlinux efi64_stub_entry) - $(sym compressed/vmlinux startup_64)))"

# bzinfo --check rejects a broken PE header: corrupt_pe OFFSET-IN-PE SIZE VALUE PATTERN
lfanew=$(od -An -tu4 -j $((0x3c)) -N4 "$IMG" | tr -d ' ')
corrupt_pe() {
	cp "$IMG" "$tmp/c.img"
	local i bytes=
	for ((i = 0; i < $2; i++)); do
		bytes+=$(printf '\\%03o' $((($3 >> (8 * i)) & 255)))
	done
	printf "$bytes" | dd of="$tmp/c.img" bs=1 seek=$((lfanew + $1)) conv=notrunc status=none
	tools/bzinfo --check "$tmp/c.img" | grep -q -F -- "$4"
}
check "bzinfo --check: wrong machine" corrupt_pe 4 2 0x14c "machine 0x014c"
check "bzinfo --check: wrong subsystem" corrupt_pe $((24 + 68)) 2 3 "subsystem 3"
check "bzinfo --check: entry outside the code" corrupt_pe $((24 + 16)) 4 0x100 "AddressOfEntryPoint 0x100"
check "bzinfo --check: SizeOfImage too small" corrupt_pe $((24 + 56)) 4 0x2a00 "past SizeOfImage"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
