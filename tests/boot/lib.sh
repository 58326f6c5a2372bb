# Shared by the QEMU test scripts: boot an image, check its serial log,
# count results. Source it after setting IMG and OUT.

pass=0
fail=0
mkdir -p "$OUT"
# boot NAME MEM APPEND [QEMU ARGS...]: log in $OUT/NAME.log, status in $rc
boot() {
	local name=$1 mem=$2 append=$3 image=${IMAGE:-$IMG}
	shift 3
	timeout 120 qemu-system-x86_64 -accel tcg -m "$mem" -no-reboot \
		-display none -nic none -serial "file:$OUT/$name.log" \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-kernel "$image" -append "$append isa_debug_exit=0xf4" "$@" \
		</dev/null >"$OUT/$name.qemu" 2>&1
	rc=$?
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


# make_initrd FILE SIZE: SIZE random bytes, new each run.
make_initrd() {
	head -c "$2" /dev/urandom >"$1"
}

# initrd_intact LOG FILE: the kernel's "initrd:" line gives FILE's size
# and CRC-32 (the host's, from the gzip trailer: RFC 1952's CRC-32 of the
# data), and its RAMDISK line covers the same bytes.
initrd_intact() {
	local log=$1 file=$2 size crc addr
	size=$(stat -c %s "$file")
	crc=$(gzip -c "$file" | tail -c 8 | od -An -tx4 -N4 | tr -d ' ')
	addr=$(untimed "$log" | sed -n "s/^initrd: $size bytes at 0x\([0-9a-f]*\), crc32 0x$crc\$/\1/p")
	if [ -z "$addr" ]; then
		echo "    missing: initrd: $size bytes at ..., crc32 0x$crc"
		grep -a "initrd" "$log" | sed 's/^/    got: /'
		return 1
	fi
	grep -q "RAMDISK: \[mem $(printf '0x%08x-0x%08x' $((16#$addr)) $((16#$addr + size - 1)))\]" "$log" ||
		{ echo "    no RAMDISK line for 0x$addr + $size"; return 1; }
}

# The highest usable e820 range must end within 1 MiB below MEM MiB
# (the BIOS keeps a little at the top for itself).
top_of_ram() {
	local log=$1 mem_mb=$2 top want_lo want_hi
	top=$(sed -n 's/.*BIOS-e820: \[mem 0x[0-9a-f]*-0x\([0-9a-f]*\)\] usable.*/\1/p' "$log" |
		while read -r end; do echo $((16#$end + 1)); done | sort -n | tail -n 1)
	want_hi=$((mem_mb << 20))
	want_lo=$(((mem_mb - 1) << 20))
	if [ -z "$top" ] || [ "$top" -gt "$want_hi" ] || [ "$top" -lt "$want_lo" ]; then
		echo "    usable RAM ends at ${top:-nothing}, expected just below $want_hi"
		return 1
	fi
}
