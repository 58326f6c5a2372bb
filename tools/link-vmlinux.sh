#!/bin/sh
# Links vmlinux with its own symbol table (kallsyms), as Linux's
# scripts/link-vmlinux.sh does. The table sits in .rodata, so its size moves
# everything after it: link once with an empty table, once with the table
# of that link (now the right size, but made from shifted addresses), and
# once more with the table of the second link, which has the same size and
# so the final addresses. A table made from the result must match the one
# inside it.
# Usage: link-vmlinux.sh OUTPUT "LD AND FLAGS" "CC AND FLAGS" OBJECTS...
set -e
out=$1 ld=$2 cc=$3
shift 3

kallsyms() {	# kallsyms ELF|- NAME: symbol table of ELF (- = empty) as NAME.o
	if [ "$1" = - ]; then
		tools/kallsyms < /dev/null > "$2.S"
	else
		${NM:-nm} -n "$1" | tools/kallsyms > "$2.S"
	fi
	$cc -c -o "$2.o" "$2.S"
}

kallsyms - .tmp_kallsyms0
$ld -o .tmp_vmlinux1 "$@" .tmp_kallsyms0.o
kallsyms .tmp_vmlinux1 .tmp_kallsyms1
$ld -o .tmp_vmlinux2 "$@" .tmp_kallsyms1.o
kallsyms .tmp_vmlinux2 .tmp_kallsyms2
$ld -o "$out" "$@" .tmp_kallsyms2.o

${NM:-nm} -n "$out" | tools/kallsyms | cmp -s - .tmp_kallsyms2.S || {
	echo "link-vmlinux.sh: inconsistent kallsyms data" >&2
	rm -f "$out"
	exit 1
}
