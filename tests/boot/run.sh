#!/bin/bash
# Boot tests: the bzImage under QEMU (TCG only) through SeaBIOS's -kernel
# loader, which enters the 16-bit setup like any real-mode boot loader.
# Every guest ends the run itself through the isa-debug-exit device
# (isa_debug_exit=0xf4 on its command line): a clean halt exits QEMU with
# status 1, a halt on error with status 3, a kernel panic with status 5 (a
# normal boot ends in one: there is no init to run yet). The timeout is only
# a safety net.
#
# Usage: tests/boot/run.sh [bzImage]   (run from the top of the tree)
set -u

IMG=${1:-bzImage}
OUT=tests/boot/out
. tests/boot/lib.sh

STAGES=("early console in setup code" "BIOS E820h:" "Entering protected mode"
	"early console in extract_kernel" "Decompressing Kestrel..." "Parsing ELF..."
	"done." "Booting the kernel." "Kestrel version" "Command line:"
	"BIOS-provided physical RAM map:" "BIOS-e820: [mem 0x0000000000000000-"
	"Kernel command line:" "Run /sbin/init as init process" "Run /bin/sh as init process"
	"Kernel panic - not syncing: No working init found."
	"---[ end Kernel panic - not syncing: No working init found.")

for mem in 64 2048; do
	name=boot-${mem}M
	append="earlyprintk=serial,ttyS0,115200 debug test=$name"
	boot "$name" "$mem" "$append"
	{
		expect_rc 5 &&
		in_order "$OUT/$name.log" "${STAGES[@]}" &&
		in_order "$OUT/$name.log" "Command line: $append isa_debug_exit=0xf4" &&
		top_of_ram "$OUT/$name.log" "$mem"
	}
	result "$name" "every stage in order, command line and e820 map intact" $?
done

# The decompressor times itself and the kernel repeats the figures: the
# sizes must be the payload's (from the image) and its inflated size.
name=boot-64M
in_len=$(tools/bzinfo --field payload_length "$IMG")
out_len=$(gzip -l < compressed/vmlinux.bin.gz | awk 'NR == 2 { print $2 }')
{
	in_order "$OUT/$name.log" \
		"Decompressed $in_len -> $out_len bytes (gzip) in " " ms: " " MB/s" \
		"Decompressor: gzip, $in_len -> $out_len bytes in " " MB/s), TSC "
}
result "$name" "decompression time and throughput, in both logs, for the real sizes" $?

# Boot parameters: unknown bare words and everything after "--" go to init
# as arguments, unknown key=value words as its environment, quotes removed,
# module parameters (with a dot) nowhere; Linux's rules and messages.
name=init-args
# (boot() adds isa_debug_exit= at the end, after "--": init's, so give it first.)
boot "$name" 64 'isa_debug_exit=0xf4 earlyprintk=serial,ttyS0,115200 debug foo bar=baz mod.x=1 q="a b" -- initarg1 x=y'
{
	expect_rc 5 &&
	in_order "$OUT/$name.log" \
		'Unknown kernel command line parameters "foo bar=baz q=a b", will be passed to user space.' \
		"Run /sbin/init as init process" "  with arguments:" "    /sbin/init" \
		"    foo" "    initarg1" "    x=y" "    isa_debug_exit=0xf4" \
		"  with environment:" "    HOME=/" "    TERM=linux" "    bar=baz" "    q=a b" \
		"Run /etc/init as init process" &&
	! grep -q "mod.x" <(sed -n '/with arguments/,$p' "$OUT/$name.log")
}
result "$name" "unknown parameters and words after -- reach init as Linux passes them" $?

# panic=-1 reboots at once: QEMU, told -no-reboot, then exits (status 0),
# without the test's isa_debug_exit (which would end it at the panic).
name=panic-reboot
timeout 60 qemu-system-x86_64 -accel tcg -m 64 -no-reboot -display none -nic none \
	-serial "file:$OUT/$name.log" -kernel "$IMG" \
	-append "earlyprintk=serial,ttyS0,115200 panic=-1" </dev/null >"$OUT/$name.qemu" 2>&1
rc=$?
{
	expect_rc 0 &&
	in_order "$OUT/$name.log" "Kernel panic - not syncing: No working init found." \
		"---[ end Kernel panic" "reboot: Restarting system"
}
result "$name" "panic=-1 restarts the machine at once" $?

name=bad-quote
boot "$name" 64 'isa_debug_exit=0xf4 earlyprintk=serial,ttyS0,115200 x="unterminated'
{
	expect_rc 5 &&
	in_order "$OUT/$name.log" "Kernel command line has an unterminated quote"
}
result "$name" "an unterminated quote is warned about" $?

# quiet: the decompressor's progress and the kernel's info lines go away,
# the emergency messages of the panic stay (Linux's console_loglevel 4).
name=quiet
boot "$name" 64 "earlyprintk=serial,ttyS0,115200 quiet"
{
	expect_rc 5 &&
	in_order "$OUT/$name.log" "Kernel panic - not syncing: No working init found." &&
	! grep -q "Decompressing\|Kestrel version\|BIOS-e820" "$OUT/$name.log"
}
result "$name" "quiet silences the progress lines, not the panic" $?

# A CPU without long mode: the setup code must say which features are missing.
name=no-long-mode
boot "$name" 64 "earlyprintk=serial,ttyS0,115200" -cpu qemu32
{
	expect_rc 3 &&
	in_order "$OUT/$name.log" \
		"This kernel requires an x86-64 CPU, but only detected an i686 CPU." \
		"This kernel requires the following features not present on the CPU:" \
		"lm" "Unable to boot - please use a kernel appropriate for your CPU." \
		"System halted" &&
	! grep -q "Decompressing" "$OUT/$name.log"
}
result "$name" "-cpu qemu32 gives the CPU message and halts" $?

# Too little memory: 16 MiB has no room for the kernel at LOAD_PHYSICAL_ADDR.
name=too-little-memory
boot "$name" 16 "earlyprintk=serial,ttyS0,115200"
{
	expect_rc 3 &&
	in_order "$OUT/$name.log" "Not enough memory: the kernel needs usable RAM at 0x1000000-" \
		"System halted" &&
	! grep -q "Decompressing" "$OUT/$name.log"
}
result "$name" "-m 16 says the kernel's memory is missing and halts" $?

# A corrupted payload byte: the decompressor must name the failure and halt.
name=corrupt-payload
bad=$OUT/bzImage.corrupt
cp "$IMG" "$bad"
off=$(tools/bzinfo --field payload_file_offset "$IMG")
len=$(tools/bzinfo --field payload_length "$IMG")
pos=$((off + len / 2))
byte=$(od -An -tu1 -j "$pos" -N1 "$bad" | tr -d ' ')
printf "\\$(printf '%03o' $((byte ^ 0xff)))" |
	dd of="$bad" bs=1 seek="$pos" conv=notrunc status=none
IMAGE=$bad boot "$name" 64 "earlyprintk=serial,ttyS0,115200"
{
	expect_rc 3 &&
	in_order "$OUT/$name.log" "Decompressing Kestrel..." "Decompression failed: " \
		"System halted" &&
	! grep -q "Booting the kernel" "$OUT/$name.log"
}
result "$name" "flipped byte at $pos is reported and the boot stops" $?

# A loader that loads too little of the setup: QEMU loads setup_sects
# sectors, so a copy claiming 4 (of more) cuts off the signature. That
# guest halts before it has read the command line (isa_debug_exit).
name=short-setup
short=$OUT/bzImage.short-setup
cp "$IMG" "$short"
printf '\004' | dd of="$short" bs=1 seek=$((0x1f1)) conv=notrunc status=none
boot_watch "$name" "System halted" -kernel "$short" \
	-append "earlyprintk=serial,ttyS0,115200"
{
	[ "$(tools/bzinfo --field setup_sects "$IMG")" -gt 4 ] &&
	in_order "$OUT/$name.log" "No setup signature found" "System halted" &&
	! grep -q "Decompressing" "$OUT/$name.log"
}
result "$name" "setup cut short by the loader: no signature, clear message" $?

# A large initrd on a small machine: QEMU puts it at the top of RAM, over
# LOAD_PHYSICAL_ADDR. The decompressor must go elsewhere (below, in the room
# the loader set aside from 1 MiB) and leave every initrd byte as it was.
name=initrd-in-the-way
initrd=$OUT/initrd.big
make_initrd "$initrd" 50000000
boot "$name" 64 "earlyprintk=serial,ttyS0,115200" -initrd "$initrd"
{
	expect_rc 5 &&
	in_order "$OUT/$name.log" "Avoiding initrd [mem 0x" "]: decompressing at 0x200000" \
		"Boot entry: 16-bit setup" "Kernel loaded at 0x100000, running at 0x200000" \
		"Kernel panic - not syncing: No working init found." &&
	initrd_intact "$OUT/$name.log" "$initrd"
}
result "$name" "a 50 MB initrd over 16 MiB is kept intact: the kernel runs at 2 MiB" $?
rm -f "$initrd"

# Older loaders, as QEMU plays them when the image claims an older
# protocol version (0x206): before 2.02 it leaves cmd_line_ptr at 0 and
# uses the old command line protocol; before 2.01 it grants no heap;
# before 2.00 it loads the kernel low, where a bzImage cannot run.
old_protocol() {
	image=$OUT/bzImage.$1
	patch_image "$image" $((0x206)) $(($2 & 0xff)) $(($2 >> 8))
}
small=$OUT/initrd.small
make_initrd "$small" 300001
for version in 0x201 0x200; do
	name=protocol-$version
	old_protocol "$name" $version
	append="earlyprintk=serial,ttyS0,115200 debug"
	IMAGE=$image boot "$name" 64 "$append" -initrd "$small"
	{
		expect_rc 5 &&
		in_order "$OUT/$name.log" "Command line from the pre-2.02 protocol (cmd_line_ptr was 0)" \
			"Command line: $append isa_debug_exit=0xf4" "Boot entry: 16-bit setup" \
			"Kernel panic - not syncing: No working init found." &&
		initrd_intact "$OUT/$name.log" "$small" &&
		if [ $version = 0x200 ]; then
			in_order "$OUT/$name.log" "early console in setup code" \
				"WARNING: Ancient bootloader, some functionality may be limited!"
		else
			! grep -q "Ancient bootloader" "$OUT/$name.log"
		fi
	}
	ok=$?
	what="old command line protocol"
	[ $version = 0x200 ] && what="$what, no heap"
	result "$name" "a protocol $version loader: $what, initrd intact" $ok
done
rm -f "$small"

name=protocol-0x1ff
old_protocol "$name" 0x1ff
IMAGE=$image boot "$name" 64 "earlyprintk=serial,ttyS0,115200"
{
	expect_rc 3 &&
	in_order "$OUT/$name.log" "This kernel needs a boot loader of protocol 2.00 or later (type_of_loader is 0): unable to boot" \
		"System halted" &&
	! grep -q "Decompressing" "$OUT/$name.log"
}
result "$name" "a pre-2.00 loader is refused with a message" $?

# The BIOS boots the image as if it were a disk: the boot sector must say
# to use a boot loader and wait for a key. It waits by design.
name=boot-sector
boot_watch "$name" "press any key to reboot" \
	-drive "file=$IMG,format=raw,if=ide,snapshot=on"
in_order "$OUT/$name.log" "This is a kernel image, not a bootable disk." \
	"Use a boot loader" "press any key to reboot"
result "$name" "booted as a disk, the image says to use a boot loader" $?

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
