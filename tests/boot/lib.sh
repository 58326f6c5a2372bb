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

