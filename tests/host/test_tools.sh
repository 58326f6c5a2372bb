#!/bin/bash
#
# Host tests for the image tools: mkpiggy, build, bzinfo and relocs
# --check-pic.
#
# Every expectation comes from somewhere other than the tool under test:
# the boot protocol's documented offsets, gzip (its own CRC-32 and sizes),
# zlib (in-place inflate, inplace_check.c), GNU as/nm/readelf/objcopy.
# Inputs are made here, in a temporary directory: a synthetic setup.bin
# and decompressor around a real gzip member, and small ELF files with
# known kinds of references. The tools are built with ASan/UBSan, and once
# with the plain build command to catch warnings.
#
# Usage (from anywhere): tests/host/test_tools.sh
# Needs: cc, as, ld, nm, readelf, objcopy, gzip, zlib1g-dev.

set -u
cd "$(dirname "$0")/../.." || exit 1

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# Tools exit 1 on a detected error; a sanitizer report must not look alike.
export ASAN_OPTIONS=exitcode=86:detect_leaks=1
export UBSAN_OPTIONS=exitcode=86:halt_on_error=1:print_stacktrace=1

passed=0
failed=0
group=""
group_failed=0
group_checks=0

begin() {
	group=$1
	group_failed=0
	group_checks=0
}

end() {
	if [ "$group_failed" -eq 0 ]; then
		echo "$group: ok ($group_checks checks)"
	else
		echo "$group: FAILED ($group_failed of $group_checks checks)"
	fi
}

pass() {
	passed=$((passed + 1))
	group_checks=$((group_checks + 1))
}

fail() {
	echo "  FAIL [$group] $*"
	failed=$((failed + 1))
	group_failed=$((group_failed + 1))
	group_checks=$((group_checks + 1))
}

# check DESC TEST-ARGS...: passes when `test TEST-ARGS` is true.
check() {
	local desc=$1
	shift
	if test "$@"; then
		pass
	else
		fail "$desc (test $*)"
	fi
}

# run CMD...: runs it, output in $T/out (stdout) and $T/err (stderr).
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}

expect_ok() {
	local desc=$1
	shift
	run "$@"
	if [ "$rc" -eq 0 ]; then
		pass
	else
		fail "$desc: exit $rc: $(head -c 600 "$T/err")"
	fi
}

# expect_fail DESC PATTERN CMD...: exit status 1 and PATTERN in its output.
# Tools exit without freeing on errors, so leak checking is off here.
expect_fail() {
	local desc=$1 pattern=$2
	shift 2
	ASAN_OPTIONS=$ASAN_OPTIONS:detect_leaks=0 run "$@"
	if [ "$rc" -ne 1 ]; then
		fail "$desc: exit $rc, expected 1: $(head -c 600 "$T/err")"
	elif ! grep -qF -- "$pattern" "$T/out" "$T/err"; then
		fail "$desc: no '$pattern' in: $(cat "$T/out" "$T/err" |
			head -c 600)"
	else
		pass
	fi
}

# put FILE OFFSET SIZE VALUE: store VALUE little-endian in SIZE bytes.
put() {
	local i bytes=""
	for ((i = 0; i < $3; i++)); do
		bytes+=$(printf '\\%03o' $((($4 >> (8 * i)) & 255)))
	done
	printf '%b' "$bytes" | dd of="$1" bs=1 seek=$(($2)) conv=notrunc \
		status=none
}

# get FILE OFFSET SIZE: the little-endian value there, in decimal.
get() {
	od -An -tu"$3" -j $(($2)) -N "$3" "$1" | tr -d ' '
}

size_of() {
	stat -c %s "$1"
}

# CRC-32 of a file's first N bytes, as gzip stores it in its trailer.
gzip_crc() {
	head -c "$2" "$1" | gzip -c | tail -c 8 | head -c 4 |
		od -An -tx4 | tr -d ' '
}

# An nm value (hex) for a symbol of an object file, in decimal.
sym() {
	local v
	v=$(nm "$1" | awk -v s="$2" '$3 == s { print $1 }')
	[ -n "$v" ] && echo $((0x$v))
}

# Deterministic incompressible bytes.
random_bytes() {
	LC_ALL=C awk -v n="$1" -v seed="$2" 'BEGIN {
		srand(seed)
		for (i = 0; i < n; i++)
			printf "%c", int(rand() * 256)
	}'
}

SAN=(-std=gnu11 -O1 -g -Wall -Wextra -Werror
     "-fsanitize=address,undefined" -fno-sanitize-recover=all)
INC=(-Iinclude -Iarch/x86/include)

# ---------------------------------------------------------------- compile
begin "compile"
for t in mkpiggy build bzinfo relocs; do
	# All share tools/util.c; build and bzinfo also share the kernel's
	# CRC-32 (lib/crc32.c).
	extra=(tools/util.c)
	case $t in build|bzinfo) extra+=(lib/crc32.c) ;; esac
	expect_ok "cc -O2 $t" cc -std=gnu11 -O2 -Wall -Wextra -Werror \
		"${INC[@]}" -o "$T/plain-$t" "tools/$t.c" "${extra[@]}"
	expect_ok "cc sanitizers $t" cc "${SAN[@]}" "${INC[@]}" \
		-o "$T/$t" "tools/$t.c" "${extra[@]}"
done
expect_ok "cc test_tools_inplace" cc "${SAN[@]}" -o "$T/inplace" \
	tests/host/inplace_check.c -lz
end

MKPIGGY=$T/mkpiggy
BUILD=$T/build
BZINFO=$T/bzinfo
RELOCS=$T/relocs

# ---------------------------------------------------------------- mkpiggy
begin "mkpiggy gzip"
seq 1 100000 >"$T/data"
gzip -n -9 -c "$T/data" >"$T/data.gz"
ilen=$(size_of "$T/data.gz")
olen=$(gzip -l "$T/data.gz" | awk 'NR == 2 { print $2 }')
check "gzip -l agrees with the file size" "$olen" -eq "$(size_of "$T/data")"
expect_ok "mkpiggy data.gz" "$MKPIGGY" "$T/data.gz"
cp "$T/out" "$T/piggy.S"
expect_ok "as piggy.S" as -o "$T/piggy.o" "$T/piggy.S"
check "z_input_len" "$(sym "$T/piggy.o" z_input_len)" -eq "$ilen"
check "z_output_len" "$(sym "$T/piggy.o" z_output_len)" -eq "$olen"
off=$(sym "$T/piggy.o" z_extract_offset)
check "z_extract_offset page aligned" $((off % 4096)) -eq 0
check "z_extract_offset covers olen - ilen + 64 KiB" \
	"$off" -ge $((olen - ilen + 65536 + 128))
formula=$(((olen - ilen + (olen >> 12) + 65536 + 128 + 4095) / 4096 * 4096))
pgt=$(($(sed -nE 's/^#define BOOT_PGT_SIZE\s+(.*)/\1/p' arch/x86/include/asm/boot.h)))
[ "$formula" -ge "$pgt" ] || formula=$pgt
check "z_extract_offset follows the formula" "$off" -eq "$formula"
start=$(sym "$T/piggy.o" input_data)
check "input_data_end - input_data" \
	$(($(sym "$T/piggy.o" input_data_end) - start)) -eq "$ilen"
for s in z_input_len z_output_len z_extract_offset; do
	check "$s is absolute and global" \
		"$(nm "$T/piggy.o" | awk -v s=$s '$3 == s { print $2 }')" = A
done
for s in input_data input_data_end; do
	check "$s is global" \
		"$(nm "$T/piggy.o" | awk -v s=$s '$3 == s { print $2 }')" = R
done
check "section name" "$(readelf -SW "$T/piggy.o" |
	grep -c '\.rodata\.\.compressed .*PROGBITS.* A ')" -eq 1
objcopy -O binary -j .rodata..compressed "$T/piggy.o" "$T/piggy.bin"
check "section holds the payload" "$(cmp "$T/piggy.bin" "$T/data.gz" &&
	echo same)" = same
mkdir -p "$T/a dir"
cp "$T/data.gz" "$T/a dir/p\"q.gz"
expect_ok "mkpiggy odd path" "$MKPIGGY" "$T/a dir/p\"q.gz"
cp "$T/out" "$T/odd.S"
expect_ok "as with an odd path" as -o "$T/odd.o" "$T/odd.S"
end

begin "mkpiggy --none"
random_bytes 5000 7 >"$T/raw"
expect_ok "mkpiggy --none" "$MKPIGGY" --none "$T/raw"
cp "$T/out" "$T/none.S"
expect_ok "as none.S" as -o "$T/none.o" "$T/none.S"
check "--none z_output_len is the file size" \
	"$(sym "$T/none.o" z_output_len)" -eq 5000
check "--none z_input_len" "$(sym "$T/none.o" z_input_len)" -eq 5000
end

begin "mkpiggy errors"
: >"$T/empty"
expect_fail "empty file" "mkpiggy: " "$MKPIGGY" "$T/empty"
expect_fail "empty file message" "empty file" "$MKPIGGY" "$T/empty"
expect_fail "bad magic" "not a gzip file" "$MKPIGGY" "$T/data"
cp "$T/data.gz" "$T/method7.gz"
put "$T/method7.gz" 2 1 7
expect_fail "bad method" "method 7" "$MKPIGGY" "$T/method7.gz"
head -c 12 "$T/data.gz" >"$T/short.gz"
expect_fail "too short" "too short" "$MKPIGGY" "$T/short.gz"
expect_fail "missing file" "No such file" "$MKPIGGY" "$T/nonexistent"
expect_fail "directory" "not a regular file" "$MKPIGGY" "$T"
expect_fail "no arguments" "usage" "$MKPIGGY"
expect_fail "unknown option" "usage" "$MKPIGGY" --fast "$T/data.gz"
end

# In-place decompression with zlib at mkpiggy's offset, on streams chosen
# to make the write pointer run ahead: compressible data followed by
# incompressible data (stored blocks), and mixes of the two.
begin "mkpiggy extract offset (zlib in place)"
random_bytes 400000 1 >"$T/rand"
head -c 1000000 /dev/zero >"$T/zero"
cat "$T/zero" "$T/rand" | gzip -n -9 >"$T/ip1.gz"
cat "$T/rand" "$T/zero" | gzip -n -9 >"$T/ip2.gz"
gzip -n -9 -c "$T/rand" >"$T/ip3.gz"
for i in 1 2 3 4 5 6; do
	head -c 100000 "$T/zero"
	head -c $((i * 20000)) "$T/rand"
	seq 1 $((i * 5000))
done | gzip -n -9 >"$T/ip4.gz"
gzip -n -1 -c "$T/data" >"$T/ip5.gz"
args=()
for f in ip1 ip2 ip3 ip4 ip5; do
	"$MKPIGGY" "$T/$f.gz" >"$T/$f.S" && as -o "$T/$f.o" "$T/$f.S"
	args+=("$T/$f.gz" "$(sym "$T/$f.o" z_extract_offset)")
done
expect_ok "in-place inflate never overtakes input" "$T/inplace" "${args[@]}"
check "in-place summary" "$(tail -n 1 "$T/out")" = "5 passed, 0 failed"
# olen - ilen alone is not enough: stored blocks after a well compressed
# start make the reader fall behind by more mid-stream than at the end.
short=$(($(gzip -l "$T/ip1.gz" | awk 'NR == 2 { print $2 }') -
	 $(size_of "$T/ip1.gz")))
expect_fail "olen - ilen alone is too small" "FAIL" \
	"$T/inplace" "$T/ip1.gz" "$short"
end

# ---------------------------------------------------------------- build
# A synthetic setup.bin: the boot protocol's header offsets, values a
# 2.15 bzImage would carry, a version string and the trailing signature.
make_setup() { # FILE SIZE PAYLOAD_OFFSET PAYLOAD_LENGTH INIT_SIZE
	head -c "$2" /dev/zero >"$1"
	put "$1" 0x1fe 2 0xaa55
	put "$1" 0x200 1 0xeb
	put "$1" 0x201 1 0x6a		# jmp to 0x26c, the header's end
	put "$1" 0x202 4 0x53726448	# "HdrS"
	put "$1" 0x206 2 0x020f
	put "$1" 0x20e 2 0x100		# string at 0x300
	printf '0.1-test (tools@host)\0' |
		dd of="$1" bs=1 seek=$((0x300)) conv=notrunc status=none
	put "$1" 0x211 1 0x81		# LOADED_HIGH | CAN_USE_HEAP
	put "$1" 0x214 4 0x100000
	put "$1" 0x22c 4 0x7fffffff
	put "$1" 0x230 4 0x200000
	put "$1" 0x234 1 1
	put "$1" 0x235 1 21
	put "$1" 0x236 2 3		# XLF_KERNEL_64 | ..._ABOVE_4G
	put "$1" 0x238 4 2047
	put "$1" 0x248 4 "$3"
	put "$1" 0x24c 4 "$4"
	put "$1" 0x258 8 0x1000000
	put "$1" 0x260 4 "$5"
	put "$1" $(($2 - 4)) 4 0x5a5aaa55
}

# A fake decompressor: code-like bytes, the payload, a tail.
make_zo() { # FILE PAYLOAD HEAD_LEN TAIL_LEN
	{
		random_bytes "$3" 3
		cat "$2"
		random_bytes "$4" 4
	} >"$1"
}

seq 1 20000 | gzip -n -9 >"$T/payload.gz"
plen=$(size_of "$T/payload.gz")
pisize=$(gzip -l "$T/payload.gz" | awk 'NR == 2 { print $2 }')
make_setup "$T/setup.bin" 3000 1000 "$plen" $((16 << 20))
make_zo "$T/zo.bin" "$T/payload.gz" 1000 37
zolen=$(size_of "$T/zo.bin")

begin "build"
expect_ok "build" "$BUILD" "$T/setup.bin" "$T/zo.bin" "$T/bzImage"
cp "$T/out" "$T/build.out"
img=$T/bzImage
size=$(size_of "$img")
sys=$(((zolen + 4 + 15) / 16))
check "file size = 6 sectors + syssize * 16" "$size" -eq $((3072 + sys * 16))
check "setup_sects at 0x1f1" "$(get "$img" 0x1f1 1)" -eq 5
check "syssize at 0x1f4" "$(get "$img" 0x1f4 4)" -eq "$sys"
check "syssize * 16 holds ZO and CRC" $((sys * 16)) -ge $((zolen + 4))
check "no more than one paragraph of padding" $((sys * 16)) -lt \
	$((zolen + 4 + 16))
cp "$T/setup.bin" "$T/setup.expect"
put "$T/setup.expect" 0x1f1 1 5
put "$T/setup.expect" 0x1f4 4 "$sys"
check "setup copied" "$(head -c 3000 "$img" | cmp - "$T/setup.expect" &&
	echo same)" = same
check "setup padded with zeros" "$(head -c 3072 "$img" | tail -c 72 |
	tr -d '\0' | wc -c)" -eq 0
check "ZO copied at 3072" "$(tail -c +3073 "$img" | head -c "$zolen" |
	cmp - "$T/zo.bin" && echo same)" = same
check "ZO padded with zeros" "$(tail -c +$((3073 + zolen)) "$img" |
	head -c $((sys * 16 - zolen - 4)) | tr -d '\0' | wc -c)" -eq 0
crc=$(gzip_crc "$img" $((size - 4)))
check "CRC trailer = gzip's CRC-32" "$(tail -c 4 "$img" | od -An -tx4 |
	tr -d ' ')" = "$crc"
check "summary line: setup" "$(sed -n 1p "$T/build.out")" = \
	"Setup is 3000 bytes (padded to 3072 bytes)."
check "summary line: system" "$(sed -n 2p "$T/build.out")" = \
	"System is $(((sys * 16 + 1023) / 1024)) kB"
check "summary line: CRC" "$(sed -n 3p "$T/build.out")" = "CRC $crc"
check "summary line: ready" "$(sed -n 4p "$T/build.out")" = \
	"Kernel: $img is ready"
end

begin "build padding"
for extra in 0 1 11 12 13 15; do
	make_zo "$T/zo-pad.bin" "$T/payload.gz" 1000 $((100 + extra))
	zl=$(size_of "$T/zo-pad.bin")
	expect_ok "build tail $extra" "$BUILD" "$T/setup.bin" \
		"$T/zo-pad.bin" "$T/pad.img"
	sz=$(size_of "$T/pad.img")
	ss=$(get "$T/pad.img" 0x1f4 4)
	check "size tail $extra" "$sz" -eq $((3072 + ss * 16))
	check "fits tail $extra" $((ss * 16 - 4)) -ge "$zl"
	check "tight tail $extra" $((ss * 16 - 4)) -lt $((zl + 16))
	check "crc tail $extra" "$(tail -c 4 "$T/pad.img" | od -An -tx4 |
		tr -d ' ')" = "$(gzip_crc "$T/pad.img" $((sz - 4)))"
done
# Small setups still get the boot sector + 4 sectors old loaders assume.
make_setup "$T/setup-small.bin" $((0x300 + 32)) 1000 "$plen" $((16 << 20))
expect_ok "small setup" "$BUILD" "$T/setup-small.bin" "$T/zo.bin" \
	"$T/small.img"
check "small setup_sects" "$(get "$T/small.img" 0x1f1 1)" -eq 4
check "small setup padded" "$(grep -c 'padded to 2560 bytes' "$T/out")" -eq 1
make_setup "$T/setup-65.bin" $((65 * 512)) 1000 "$plen" $((16 << 20))
expect_ok "64 setup sectors" "$BUILD" "$T/setup-65.bin" "$T/zo.bin" \
	"$T/big.img"
check "64 setup_sects" "$(get "$T/big.img" 0x1f1 1)" -eq 64
end

begin "build errors"
make_setup "$T/setup-66.bin" $((65 * 512 + 1)) 1000 "$plen" $((16 << 20))
expect_fail "65 setup sectors" "more than the 64" \
	"$BUILD" "$T/setup-66.bin" "$T/zo.bin" "$T/fail.img"
check "no output on error" ! -e "$T/fail.img"
cp "$T/setup.bin" "$T/bad.bin"
put "$T/bad.bin" 0x1fe 2 0x55aa
expect_fail "no 0xAA55" "0xAA55" "$BUILD" "$T/bad.bin" "$T/zo.bin" "$T/x"
cp "$T/setup.bin" "$T/bad.bin"
put "$T/bad.bin" 0x202 4 0x53726449
expect_fail "no HdrS" "HdrS" "$BUILD" "$T/bad.bin" "$T/zo.bin" "$T/x"
cp "$T/setup.bin" "$T/bad.bin"
put "$T/bad.bin" 2996 4 0
expect_fail "no setup signature" "setup signature" \
	"$BUILD" "$T/bad.bin" "$T/zo.bin" "$T/x"
head -c $((0x240)) "$T/setup.bin" >"$T/bad.bin"
expect_fail "truncated setup" "too short" \
	"$BUILD" "$T/bad.bin" "$T/zo.bin" "$T/x"
make_setup "$T/bad.bin" 3000 999 "$plen" $((16 << 20))
expect_fail "payload_offset off by one" \
	"payload_offset does not point at the payload" \
	"$BUILD" "$T/bad.bin" "$T/zo.bin" "$T/x"
make_setup "$T/bad.bin" 3000 1000 $((zolen - 999)) $((16 << 20))
expect_fail "payload past ZO" "does not lie inside" \
	"$BUILD" "$T/bad.bin" "$T/zo.bin" "$T/x"
expect_fail "empty ZO" "empty" "$BUILD" "$T/setup.bin" "$T/empty" "$T/x"
expect_fail "missing ZO" "No such file" \
	"$BUILD" "$T/setup.bin" "$T/nonexistent" "$T/x"
expect_fail "usage" "usage" "$BUILD" "$T/setup.bin"
check "no output after errors" ! -e "$T/x"
end

# ---------------------------------------------------------------- bzinfo
begin "bzinfo fields"
expect_ok "bzinfo" "$BZINFO" "$img"
cp "$T/out" "$T/info"
# Every member of struct setup_header, at the offset its comment in
# bootparam.h documents (which is the boot protocol's table).
n=0
while read -r name off; do
	n=$((n + 1))
	check "listed: $name at $off" \
		"$(grep -cE "^$off +$name " "$T/info")" -eq 1
done < <(sed -n '/^struct setup_header {/,/^}/p' \
	arch/x86/include/asm/bootparam.h |
	sed -nE 's|^\s*u[0-9]+ ([a-z_0-9]+);\s*/\* (0x[0-9a-f]+) \*/.*|\1 \2|p')
check "all 39 members parsed from bootparam.h" "$n" -eq 39
for s in "protocol 2.15" "CRC ok" "gzip" "LOADED_HIGH | CAN_USE_HEAP" \
	 "XLF_KERNEL_64 | XLF_CAN_BE_LOADED_ABOVE_4G" \
	 '"0.1-test (tools@host)"' "2 MiB" "16 MiB" "jmp short 0x26c" \
	 "inflates to $pisize bytes" "= setup_size + syssize * 16" \
	 "5 sectors + boot sector = 3072 bytes" "2^21 = 2 MiB"; do
	check "bzinfo shows '$s'" "$(grep -cF -- "$s" "$T/info")" -ge 1
done
cp "$img" "$T/loader.img"
put "$T/loader.img" 0x210 1 0x72
expect_ok "bzinfo loader" "$BZINFO" "$T/loader.img"
check "type_of_loader 0x72" "$(grep -c 'GRUB (id 0x7), version 2' "$T/out")" \
	-eq 1
put "$T/loader.img" 0x210 1 0xe3
put "$T/loader.img" 0x227 1 0x02
put "$T/loader.img" 0x226 1 0x01
expect_ok "bzinfo extended loader" "$BZINFO" "$T/loader.img"
check "extended loader id" "$(grep -c 'OVMF.*(id 0x12), version 19' \
	"$T/out")" -eq 1
end

begin "bzinfo --field"
field() {
	run "$BZINFO" --field "$1" "$img"
	check "--field $1 exit" "$rc" -eq 0
	check "--field $1" "$(cat "$T/out")" = "$2"
}
field setup_sects 5
field syssize "$(get "$img" 0x1f4 4)"
field version 527
field payload_offset 1000
field payload_length "$plen"
field init_size $((16 << 20))
field pref_address $((16 << 20))
field kernel_alignment $((2 << 20))
field xloadflags 3
field setup_size 3072
field payload_file_offset 4072
check "payload_file_offset has the payload" "$(tail -c +4073 "$img" |
	head -c "$plen" | cmp - "$T/payload.gz" && echo same)" = same
expect_fail "--field unknown" "unknown field" \
	"$BZINFO" --field nosuch "$img"
end

begin "bzinfo --check"
expect_ok "--check good image" "$BZINFO" --check "$img"
check "--check says so" "$(cat "$T/out")" = "$img: all checks passed"
expect_ok "--check small image" "$BZINFO" --check "$T/small.img"
# corrupt NAME OFFSET SIZE VALUE PATTERN: one field changed, one message.
corrupt() {
	cp "$img" "$T/c.img"
	put "$T/c.img" "$2" "$3" "$4"
	expect_fail "$1" "$5" "$BZINFO" --check "$T/c.img"
}
corrupt "boot_flag" 0x1fe 2 0x55aa "boot_flag is 0x55aa, expected 0xaa55"
corrupt "setup_sects 0xff" 0x1f1 1 0xff "setup_sects 255 out of range 1..64"
corrupt "CRC broken" 4000 1 0x5a "CRC BAD"
corrupt "version" 0x206 2 0x020c "older than 2.15"
corrupt "jump opcode" 0x200 1 0xe9 "not a short jmp"
corrupt "jump into header" 0x201 1 0x10 "inside the 2.15 setup header"
corrupt "syssize" 0x1f4 4 $(($(get "$img" 0x1f4 4) + 1)) "file size"
corrupt "payload offset" 0x248 4 1001 "no gzip or ELF magic"
corrupt "payload length" 0x24c 4 0x100000 "extends past the end"
corrupt "init_size zero" 0x260 4 0 "init_size is 0"
corrupt "init_size small" 0x260 4 $((pisize - 1)) \
	"smaller than the decompressed payload ($pisize bytes)"
corrupt "kernel_alignment" 0x230 4 0x300000 "not a power of two"
corrupt "min_alignment" 0x235 1 22 "exceeds log2(kernel_alignment) = 21"
corrupt "cmdline_size" 0x238 4 0 "cmdline_size is 0"
corrupt "relocatable_kernel" 0x234 1 2 "relocatable_kernel is 2"
corrupt "xloadflags" 0x236 2 2 "XLF_KERNEL_64"
corrupt "code32_start" 0x214 4 0x200000 "code32_start is 0x200000"
corrupt "kernel_version outside" 0x20e 2 0x1000 "kernel_version"
corrupt "kernel_version unterminated" 0x20e 2 $((3072 - 0x200 - 1)) \
	"kernel_version"
corrupt "loadflags" 0x211 1 0 "LOADED_HIGH"
cp "$img" "$T/c.img"
put "$T/c.img" 0x305 1 7
expect_fail "kernel_version unprintable" "kernel_version" \
	"$BZINFO" --check "$T/c.img"
cp "$img" "$T/c.img"
put "$T/c.img" 0x1fe 2 0
put "$T/c.img" 0x238 4 0
expect_fail "several problems" "3 problems found" "$BZINFO" --check "$T/c.img"
if grep -q "boot_flag" "$T/out" && grep -q "cmdline_size" "$T/out" &&
	grep -q "CRC BAD" "$T/out"; then
	pass
else
	fail "all three listed"
fi
head -c $((size - 1)) "$img" >"$T/c.img"
expect_fail "truncated" "file size" "$BZINFO" --check "$T/c.img"
expect_ok "bzinfo on a corrupt image still prints" "$BZINFO" "$T/c.img"
check "corrupt image CRC BAD" "$(grep -c 'CRC BAD' "$T/out")" -eq 1
end

begin "bzinfo errors"
expect_fail "directory" "not a regular file" "$BZINFO" "$T"
expect_fail "missing" "No such file" "$BZINFO" "$T/nonexistent"
head -c 100 "$img" >"$T/tiny"
expect_fail "too small" "too small" "$BZINFO" "$T/tiny"
head -c 4096 /dev/zero >"$T/zero4k"
expect_fail "no HdrS" "not a bzImage (no HdrS signature at 0x202)" \
	"$BZINFO" "$T/zero4k"
expect_fail "no HdrS --check" "no HdrS" "$BZINFO" --check "$T/zero4k"
expect_fail "usage" "usage" "$BZINFO"
expect_fail "bad option" "usage" "$BZINFO" --frobnicate "$img"
end

begin "build + bzinfo uncompressed payload"
expect_ok "as ELF" as -o "$T/elf.o" /dev/null
make_setup "$T/setup-elf.bin" 3000 512 "$(size_of "$T/elf.o")" $((16 << 20))
make_zo "$T/zo-elf.bin" "$T/elf.o" 512 64
expect_ok "build ELF payload" "$BUILD" "$T/setup-elf.bin" "$T/zo-elf.bin" \
	"$T/elf.img"
expect_ok "bzinfo ELF payload" "$BZINFO" "$T/elf.img"
check "ELF detected" "$(grep -c 'ELF (uncompressed)' "$T/out")" -ge 1
expect_ok "--check ELF payload" "$BZINFO" --check "$T/elf.img"
end

# ---------------------------------------------------------------- relocs
# relocs --check-pic proves the decompressor holds no absolute address.
# What it must report comes from readelf and nm.
LD=(ld -z noexecstack --emit-relocs)
cat >"$T/k.S" <<'EOF'
	.text
	.globl _text, func
_text:
	movq	$sym, %rax			/* R_X86_64_32S */
	/* R_X86_64_32: */
	movl	$(sym - 0xffffffff80000000), %eax
	leaq	sym(%rip), %rax			/* PC32 */
	call	func				/* PLT32 */
	movq	$abs_sym, %rax			/* absolute */
func:
	ret
	.data
	.globl	sym
sym:	.quad	sym				/* R_X86_64_64 */
	.quad	func + 8
	.long	func - .			/* PC32 */
	.quad	abs_sym				/* absolute */
	.quad	0
	.section .debug_test, "", @progbits
	.quad	sym				/* not loaded */
EOF
cat >"$T/kc.c" <<'EOF'
static int counter;
int *counter_ptr = &counter;
void func(void);
void (*const handlers[])(void) = { func, func };
long counter_addr(void) { return (long)&counter; }
int bump(void) { return ++counter; }
EOF

# expected_refs ELF: the references --check-pic must report, sorted, as
# "SECTION+0xOFFSET: TYPE against SYMBOL": R_X86_64_64/32/32S in loaded
# sections, against symbols nm does not call absolute. In an object the
# sections' addresses are 0, so the same arithmetic serves both.
expected_refs() {
	nm "$1" | awk '$2 == "A" || $2 == "a" { print $3 }' >"$T/abs"
	# Name Type Address Off Size ES Flg Lk Inf Al: SHF_ALLOC is "A".
	readelf -SW "$1" | awk 'sub(/^ *\[ *[0-9]+\] */, "") && NF == 10 &&
		$7 ~ /A/ { print $1, $3 }' >"$T/alloc"
	readelf -rW "$1" | awk -v absf="$T/abs" -v allocf="$T/alloc" '
		BEGIN {
			while ((getline l < absf) > 0) abs[l] = 1
			while ((getline l < allocf) > 0) {
				split(l, f, " ")
				addr[f[1]] = f[2]
			}
		}
		/^Relocation section/ {
			s = $3; gsub(/\x27/, "", s); sub(/^\.rela/, "", s)
			loaded = (s in addr)
			next
		}
		loaded && NF >= 5 && $1 ~ /^[0-9a-f]+$/ &&
		$3 ~ /^R_X86_64_(64|32|32S)$/ && !($5 in abs) {
			print s, addr[s], $1, $3, $5
		}' | while read -r s base off type name; do
		printf '%s+0x%x: %s against %s\n' "$s" $((0x$off - 0x$base)) \
			"$type" "$name"
	done | sort
}

# reported_refs: the references in the tool's messages, sorted.
reported_refs() {
	sed -n 's/^relocs: .*: absolute reference at //p' "$T/err" | sort
}

begin "relocs --check-pic"
cat >"$T/pic.S" <<'EOF'
	.text
	.globl	start
start:
	leaq	var(%rip), %rax
	call	helper
	movl	var(%rip), %eax
	movq	$abs_sym, %rax			/* absolute is fine */
helper:
	ret
	.data
var:	.long	helper - .
	.quad	abs_sym
EOF
cat >"$T/picc.c" <<'EOF'
static int counter;
static int *where(void) { return &counter; }
int bump(void) { return ++*where(); }
EOF
expect_ok "assemble pic.S" gcc -c -o "$T/pic.o" "$T/pic.S"
expect_ok "compile picc.c" gcc -c -O2 -fpie -o "$T/picc.o" "$T/picc.c"
expect_ok "link pic.elf" "${LD[@]}" -Ttext=0 -e start --defsym abs_sym=0x1234 \
	-o "$T/pic.elf" "$T/pic.o" "$T/picc.o"
check "readelf finds references in pic.elf" \
	"$(readelf -rW "$T/pic.elf" | grep -c ' R_X86_64_')" -ge 4
expect_ok "PIC executable passes" "$RELOCS" --check-pic "$T/pic.elf"
check "and says nothing" "$(cat "$T/out" "$T/err")" = ""
expect_ok "PIC object passes" "$RELOCS" --check-pic "$T/picc.o"

expect_ok "assemble k.S" gcc -c -mcmodel=kernel -fno-pic -o "$T/k.o" "$T/k.S"
expect_ok "compile kc.c" gcc -c -O2 -mcmodel=kernel -fno-pic -mno-red-zone \
	-ffreestanding -o "$T/kc.o" "$T/kc.c"
expect_ok "link nopic.elf" "${LD[@]}" -Ttext=0 -e _text \
	--defsym abs_sym=0x1234 -o "$T/nopic.elf" "$T/k.o" "$T/kc.o"
expected_refs "$T/nopic.elf" >"$T/exp"
for type in R_X86_64_64 R_X86_64_32 R_X86_64_32S; do
	check "readelf finds $type in nopic.elf" \
		"$(grep -c ": $type against" "$T/exp")" -ge 1
done
check "readelf finds references to the absolute symbol" \
	"$(readelf -rW "$T/nopic.elf" | grep -c ' R_X86_64_\(64\|32S\) .* abs_sym ')" \
	-ge 2
check "readelf finds a reference in a section that is not loaded" \
	"$(readelf -rW "$T/nopic.elf" | grep -c "'.rela.debug_test'")" -eq 1
expect_fail "absolute references fail" "R_X86_64_64 against sym" \
	"$RELOCS" --check-pic "$T/nopic.elf"
check "every absolute reference listed, as readelf has them" \
	"$(reported_refs)" = "$(cat "$T/exp")"
check "with section and offset" \
	"$(grep -c 'at \.data+0x0: R_X86_64_64 against sym$' "$T/err")" -eq 1
expected_refs "$T/k.o" >"$T/exp"
expect_fail "object with absolute reference fails" "R_X86_64_32S" \
	"$RELOCS" --check-pic "$T/k.o"
check "object: every absolute reference listed, as readelf has them" \
	"$(reported_refs)" = "$(cat "$T/exp")"
end

begin "relocs errors"
cat >"$T/k16.S" <<'EOF'
	.globl _text
	.text
_text:	ret
	.data
	.word	_text				/* R_X86_64_16 */
EOF
gcc -c -o "$T/k16.o" "$T/k16.S"
"${LD[@]}" -Ttext=0x1000 -e _text -o "$T/k16.elf" "$T/k16.o"
expect_fail "R_X86_64_16" "unsupported relocation type 12 (R_X86_64_16)" \
	"$RELOCS" --check-pic "$T/k16.elf"
expect_fail "names the section" ".rela.data" "$RELOCS" --check-pic "$T/k16.elf"
ld -z noexecstack -Ttext=0 -e _text --defsym abs_sym=0x1234 \
	-o "$T/norel.elf" "$T/k.o" "$T/kc.o"
expect_fail "no --emit-relocs" "no relocation sections" \
	"$RELOCS" --check-pic "$T/norel.elf"
expect_fail "not ELF" "not an ELF file" "$RELOCS" --check-pic "$T/data"
expect_fail "directory" "not a regular file" "$RELOCS" --check-pic "$T"
expect_fail "missing" "No such file" "$RELOCS" --check-pic "$T/nonexistent"
expect_fail "usage" "usage" "$RELOCS"
expect_fail "no option" "usage" "$RELOCS" "$T/nopic.elf"
expect_fail "bad option" "usage" "$RELOCS" --frobnicate "$T/nopic.elf"
end

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
