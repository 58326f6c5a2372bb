#!/bin/bash
# Runs the libFuzzer target for a time budget and reports in the test
# harness format ("N passed, N failed" as the last line): 1 passed if it
# found nothing, 1 failed if it crashed; the crashing input is then kept
# as tests/fuzz/crash-* and its log is shown. The seed corpus is made by
# make-corpus.sh if tests/fuzz/corpus does not exist yet; inputs the
# fuzzer finds interesting are added to it, so later runs start further.
#
# Usage: tests/fuzz/run.sh FUZZER SECONDS [WORKERS]
# (from the top of the tree)
set -u

if [ $# -lt 2 ]; then
	echo "usage: $0 FUZZER SECONDS [WORKERS]" >&2
	exit 2
fi
fuzzer=$(realpath "$1")
seconds=$2
workers=${3:-1}
top=$(pwd)
corpus=$top/tests/fuzz/corpus

if [ ! -d "$corpus" ]; then
	tests/fuzz/make-corpus.sh "$corpus" > /dev/null || exit 1
fi
logdir=$(mktemp -d)
trap 'rm -rf "$logdir"' EXIT
cd "$logdir" || exit 1
if [ "$workers" -gt 1 ]; then
	"$fuzzer" -jobs="$workers" -workers="$workers" \
		-max_total_time="$seconds" -artifact_prefix="$top/tests/fuzz/" \
		"$corpus" > main.log 2>&1
else
	"$fuzzer" -max_total_time="$seconds" \
		-artifact_prefix="$top/tests/fuzz/" "$corpus" > fuzz-0.log 2>&1
fi
status=$?
runs=$(grep -ho '^Done [0-9]* runs' fuzz-*.log |
	awk '{ n += $2 } END { print n + 0 }')
if [ "$status" = 0 ] &&
   ! grep -q 'ERROR: libFuzzer\|SUMMARY: .*Sanitizer' fuzz-*.log; then
	printf '%-30s 1 passed, 0 failed\n' \
		"fuzz_inflate (${seconds}s x $workers, $runs runs)"
	echo "1 passed, 0 failed"
	exit 0
fi
tail -n 40 fuzz-*.log
printf '%-30s 0 passed, 1 failed\n' "fuzz_inflate (${seconds}s x $workers)"
echo "0 passed, 1 failed"
exit 1
