#!/bin/bash
# Runs every test suite, shows its output, and ends with the sum of their
# "N passed, N failed" lines. A suite that dies without its summary line
# counts as one failure.
# Usage: tests/run-all.sh   (from the top of the tree, after make)
set -u

total_pass=0
total_fail=0

run_suite() {
	local name=$1 log summary p f
	shift
	log=$(mktemp)
	echo "=== $name"
	"$@" 2>&1 | tee "$log"
	summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	rm -f "$log"
	if [ -z "$summary" ]; then
		echo "!!! $name ended without a summary line"
		total_fail=$((total_fail + 1))
		return
	fi
	p=${summary%% passed*}
	f=${summary#*passed, }
	f=${f%% failed*}
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
}

for t in tests/host/bin/test_*; do
	run_suite "host: $(basename "$t")" "$t"
done
run_suite "bench: inflate outputs verified (--quick, no timing)" \
	tests/bench/bin/bench_inflate --quick vmlinux=vmlinux \
	text=tests/bench/out/text binary=tests/bench/out/binary
run_suite "fuzz: inflate against zlib, 20 s (make fuzz for longer)" \
	tests/fuzz/run.sh tests/fuzz/fuzz_inflate 20
for t in tests/host/test_*.sh; do
	run_suite "host: $(basename "$t")" bash "$t"
done
run_suite "build: configuration and rebuilds" tests/build/run.sh
run_suite "boot: QEMU + SeaBIOS" tests/boot/run.sh bzImage
run_suite "boot: 32-bit and 64-bit entries, relocation, initrd placement" tests/boot/entries.sh bzImage
run_suite "boot: bad loaders (no or unterminated command line, initrd past RAM, loader ids)" \
	tests/boot/badloader.sh bzImage
run_suite "boot: in-kernel tests (KTAP)" tests/boot/ktest.sh bzImage
run_suite "boot: memory" tests/boot/memory.sh bzImage
run_suite "boot: printk, consoles, tools/dmesg" tests/boot/printk.sh bzImage
run_suite "boot: real loaders (SeaBIOS, GRUB, ISOLINUX, SYSLINUX)" tests/boot/loaders.sh bzImage
run_suite "boot: UEFI (OVMF): EFI stub, handover, GRUB" tests/boot/efi.sh bzImage

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
