#!/bin/bash
# The in-kernel test suites (include/linux/ktest.h), run by the kernel
# under QEMU with "ktest" on its command line, at 64 MiB and at 4 GiB of
# RAM. The KTAP it prints is checked for structure (plans match results,
# totals present) and every test case counts as one result here.
# Usage: tests/boot/ktest.sh [bzImage]   (from the top of the tree)
set -u

IMG=${1:-bzImage}
OUT=tests/boot/out
. tests/boot/lib.sh

# ktap_results LOG TAG: one "ok"/"not ok" line per case, plus structure checks.
ktap_results() {
	local log=$OUT/$2.ktap tag=$2 suites plan cases=0 suite_plan=0 suite_cases=0 ok=0
	local line suite= case_name

	untimed "$1" > "$log"

	if ! grep -q '^KTAP version 1' "$log" || ! grep -q '^# Totals: ' "$log"; then
		echo "    no complete KTAP output"
		return 1
	fi
	plan=$(sed -n 's/^1\.\.\([0-9]*\)\r*$/\1/p' "$log" | head -n 1)
	suites=$(grep -c -E '^(not )?ok [0-9]+ ' "$log")
	if [ "$plan" != "$suites" ]; then
		echo "    plan says $plan suites, $suites reported"
		ok=1
	fi
	while IFS= read -r line; do
		line=${line%$'\r'}
		case "$line" in
		"    # Subtest: "*)
			suite=${line#    # Subtest: }
			;;
		"    1.."*)
			suite_plan=${line#    1..}
			suite_cases=0
			;;
		"    ok "* | "    not ok "*)
			suite_cases=$((suite_cases + 1))
			cases=$((cases + 1))
			case_name=${line#*ok [0-9]* }
			if [ "${line#    not}" = "$line" ]; then
				echo "ok - $tag: $suite.$case_name"
				pass=$((pass + 1))
			else
				echo "not ok - $tag: $suite.$case_name"
				fail=$((fail + 1))
			fi
			;;
		"ok "* | "not ok "*)
			if [ "$suite_cases" != "$suite_plan" ]; then
				echo "    suite ${line##* }: plan $suite_plan, $suite_cases results"
				ok=1
			fi
			;;
		esac
	done < "$log"
	[ "$cases" -gt 0 ] || { echo "    no test cases ran"; ok=1; }
	return $ok
}

for mem in 64 4096; do
	name=ktest-${mem}M
	boot "$name" "$mem" "earlyprintk=serial,ttyS0,115200 ktest"
	{ expect_rc 1 && ktap_results "$OUT/$name.log" "$name"; }
	result "$name" "KTAP output complete and consistent" $?
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
