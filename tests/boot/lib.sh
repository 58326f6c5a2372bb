# Shared by the QEMU test scripts: boot an image, check its serial log,
# count results. Source it after setting IMG and OUT.

pass=0
fail=0
mkdir -p "$OUT"
# boot_guest NAME MEM QEMU-ARGS...: a guest that ends itself through
# isa-debug-exit, started however QEMU-ARGS say (-kernel, -cdrom, -drive):
# log in $OUT/NAME.log, status in $rc, milliseconds from QEMU's start to its
# exit in $wall_ms.
boot_guest() {
	local name=$1 mem=$2 t0
	shift 2
	t0=$(date +%s%N)
	timeout 120 qemu-system-x86_64 -accel tcg -m "$mem" -no-reboot \
		-display none -nic none -serial "file:$OUT/$name.log" \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 "$@" \
		</dev/null >"$OUT/$name.qemu" 2>&1
	rc=$?
	wall_ms=$((($(date +%s%N) - t0) / 1000000))
}

# boot NAME MEM APPEND [QEMU ARGS...]: QEMU's -kernel loader; log in
# $OUT/NAME.log, status in $rc
boot() {
	local name=$1 mem=$2 append=$3 image=${IMAGE:-$IMG}
	shift 3
	boot_guest "$name" "$mem" -kernel "$image" -append "$append isa_debug_exit=0xf4" "$@"
}

# wait_for FILE TEXT: until TEXT is in FILE (at most 30 s).
wait_for() {
	for _ in $(seq 300); do
		grep -a -q -F -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	echo "    timed out waiting for: $2"
	return 1
}

# A guest with a monitor. qemu_start NAME QEMU-ARGS... starts it (with
# ${MEM:-64} MiB) with the monitor's answers collected in $MON; mon CMD runs
# one command and waits for the prompt after it; qemu_stop NAME quits.

qemu_start() {
	local name=$1 fifo=$OUT/$1.mon
	shift
	MON=$OUT/$name.monlog
	rm -f "$fifo.in" "$fifo.out" "$MON"
	mkfifo "$fifo.in" "$fifo.out"
	timeout 90 qemu-system-x86_64 -accel tcg -m "${MEM:-64}" -display none -nic none \
		-monitor "pipe:$fifo" "$@" </dev/null >"$OUT/$name.qemu" 2>&1 &
	qemu_pid=$!
	cat "$fifo.out" >"$MON" &
	cat_pid=$!
	exec 3>"$fifo.in"
	wait_for "$MON" "(qemu)"
}

prompts() {
	grep -a -o -F '(qemu)' "$MON" | wc -l
}

mon() {
	local before
	before=$(prompts)
	echo "$1" >&3
	for _ in $(seq 300); do
		[ "$(prompts)" -gt "$before" ] && return 0
		sleep 0.1
	done
	echo "    monitor command timed out: $1"
	return 1
}

qemu_stop() {
	echo quit >&3
	exec 3>&-
	wait "$qemu_pid" "$cat_pid"
	rm -f "$OUT/$1.mon.in" "$OUT/$1.mon.out"
}

# boot_watch NAME PATTERN QEMU-ARGS...: for guests that stop where they
# cannot tell QEMU to exit (before the command line is read), or that must
# be looked at once stopped: waits until PATTERN is on the serial line
# (log in $OUT/NAME.log), runs the monitor command in $WATCH_MONITOR if
# any (e.g. pmemsave), then quits.
boot_watch() {
	local name=$1 pattern=$2
	shift 2
	rm -f "$OUT/$name.log"
	qemu_start "$name" -serial "file:$OUT/$name.log" "$@"
	wait_for "$OUT/$name.log" "$pattern"
	[ -n "${WATCH_MONITOR:-}" ] && mon "$WATCH_MONITOR"
	qemu_stop "$name"
}

# untimed LOG: the log without printk's "[    1.234567] " prefixes and the
# serial line's carriage returns, for checks anchored at a line's start.
untimed() {
	sed -E 's/^\[ *[0-9]+\.[0-9]{6}\] //; s/\r$//' "$1"
}

# in_order LOG PATTERN...: every fixed string appears, each after the last.
in_order() {
	local rest pat
	rest=$(cat "$1")
	shift
	for pat in "$@"; do
		case "$rest" in
		*"$pat"*) rest=${rest#*"$pat"} ;;
		*)
			echo "    missing (in this order): $pat"
			return 1
			;;
		esac
	done
}

# result NAME DESCRIPTION STATUS
result() {
	local name=$1 desc=$2 ok=$3
	if [ "$ok" = 0 ]; then
		echo "ok - $name: $desc"
		pass=$((pass + 1))
	else
		echo "not ok - $name: $desc (log: $OUT/$name.log)"
		sed 's/^/    | /' "$OUT/$name.log" | tail -n 25
		fail=$((fail + 1))
	fi
}

expect_rc() {
	if [ "$rc" != "$1" ]; then
		echo "    QEMU exit status $rc, expected $1"
		return 1
	fi
}


hex() {
	printf '0x%x' "$1"
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

# make_initrd FILE SIZE: random bytes, so that nothing but a faithful copy
# passes the CRC.
make_initrd() {
	head -c "$2" /dev/urandom >"$1"
}

# initrd_intact LOG FILE [ADDR]: the kernel reserved FILE's bytes at ADDR
# (or wherever it says the loader put them: "RAMDISK: [mem START-END]", END
# inclusive) and reports them intact ("initrd: SIZE bytes at ADDR, crc32
# CRC") by the host's CRC-32.
initrd_intact() {
	local log=$1 file=$2 addr=${3:-} size num='0x[0-9a-f]+'
	size=$(stat -c %s "$file")
	[ -n "$addr" ] || addr=$(field "$log" 'RAMDISK: \[mem ' "$num")
	same_number "RAMDISK start" "$(field "$log" 'RAMDISK: \[mem ' "$num")" "${addr:-0}" &&
	same_number "RAMDISK end" "$(field "$log" "RAMDISK: \\[mem $num-" "$num")" \
		$((addr + size - 1)) &&
	same_number "initrd size" "$(field "$log" "initrd: " "[0-9]+")" "$size" &&
	same_number "initrd address" "$(field "$log" "initrd: [0-9]+ bytes at " "$num")" "$addr" &&
	same_number "initrd crc32" \
		"$(field "$log" "initrd: [0-9]+ bytes at $num, crc32 " "$num")" "$(crc32 "$file")"
}

# has_line LOG TEXT: TEXT is a whole line of the log (timestamps aside).
has_line() {
	untimed "$1" | grep -a -q -x -F -- "$2" && return
	echo "    missing line: $2"
	grep -a -F -- "${2%%:*}:" "$1" | sed 's/^/    got: /'
	return 1
}

# loaded_at LOG LOADED RUNNING: "Kernel loaded at LOADED, running at RUNNING".
loaded_at() {
	local num='0x[0-9a-f]+'
	same_number "load address" "$(field "$1" "Kernel loaded at " "$num")" "$2" &&
	same_number "run address" \
		"$(field "$1" "Kernel loaded at $num, running at " "$num")" "$3"
}

# ends_normally LOG: QEMU status 5 and the panic that ends every boot.
ends_normally() {
	expect_rc 5 &&
	in_order "$1" "Kestrel version" "Kernel panic - not syncing: No working init found."
}

# ram_end LOG: where the highest usable e820 range the kernel lists ends
# (its last byte + 1), empty if it lists none.
ram_end() {
	sed -n 's/.*BIOS-e820: \[mem 0x[0-9a-f]*-0x\([0-9a-f]*\)\] usable.*/\1/p' "$1" |
		while read -r end; do echo $((16#$end + 1)); done | sort -n | tail -n 1
}

# The highest usable e820 range must end within 1 MiB below MEM MiB
# (the BIOS keeps a little at the top for itself).
top_of_ram() {
	local log=$1 mem_mb=$2 top want_lo want_hi
	top=$(ram_end "$log")
	want_hi=$((mem_mb << 20))
	want_lo=$(((mem_mb - 1) << 20))
	if [ -z "$top" ] || [ "$top" -gt "$want_hi" ] || [ "$top" -lt "$want_lo" ]; then
		echo "    usable RAM ends at ${top:-nothing}, expected just below $want_hi"
		return 1
	fi
}

# panic_time LOG: the kernel's timestamp (seconds) on its panic line.
panic_time() {
	sed -n -E 's/^\[ *([0-9]+\.[0-9]{6})\] Kernel panic - not syncing: .*/\1/p' "$1" | head -n 1
}
