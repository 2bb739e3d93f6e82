#!/bin/sh
# No allocation per line: the heap allocations of a run follow the distinct
# keys, not the lines. Two generated corpora of the same population (200
# users, 2 servers, 1 day; bench/easlog-gen.c), 2 MB and 8 MB: valgrind's heap
# summary must show (almost) the same number of allocations for both, for
# easlog-report in both modes, easlog-parse and easlog-hits --report devices:
# at most one more allocation per 100 more lines (in practice a handful, from
# the few keys that only the longer corpus holds).
# Skips without valgrind or a C compiler, and in the sanitizer build's pass
# (valgrind runs the release build/ only).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
B=$top/build
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); echo "not ok $n - $*"; }
command -v valgrind > /dev/null 2>&1 || { ok "alloc-per-line # skip valgrind is not installed"; exit 0; }
command -v "${CC:-cc}" > /dev/null 2>&1 || { ok "alloc-per-line # skip ${CC:-cc} is not installed"; exit 0; }
under=$(command -v easlog-parse 2> /dev/null)
if [ -n "$under" ] && [ "$(cd "$(dirname "$under")" && pwd)" != "$B" ]; then
	ok "alloc-per-line # skip runs with the build/ pass only"
	exit 0
fi
w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-alloc.XXXXXX")
trap 'rm -rf "$w"' EXIT INT TERM
"${CC:-cc}" -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$w/gen" "$top/bench/easlog-gen.c" ||
	{ notok "bench/easlog-gen.c does not compile"; exit 1; }
for s in 2 8; do
	"$w/gen" -o "$w/c$s" --size $s --users 200 --servers 2 --days 1 2> /dev/null ||
		{ notok "easlog-gen --size $s failed"; exit 1; }
done
lines() { cat "$1"/*/*/*.log | wc -l; }
l2=$(lines "$w/c2") l8=$(lines "$w/c8")
allocs() { # CMD...: the allocation count of valgrind's heap summary
	valgrind --tool=memcheck "$@" 2>&1 > /dev/null | sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' | tr -d ,
}
mkdir -p "$w/o"
for tool in "easlog-report -j1" "easlog-report -j1 --compat" "easlog-parse" "easlog-hits -j1 --report devices"; do
	case $tool in easlog-report*) extra="--force -o $w/o" ;; *) extra="" ;; esac
	# shellcheck disable=SC2086
	a2=$(allocs $B/$tool $extra "$w/c2")
	# shellcheck disable=SC2086
	a8=$(allocs $B/$tool $extra "$w/c8")
	if [ -z "$a2" ] || [ -z "$a8" ]; then
		notok "$tool: no heap summary from valgrind"
	elif [ $((a8 - a2)) -le $(((l8 - l2) / 100)) ]; then
		ok "$tool: $a2 allocations for $l2 lines, $a8 for $l8 lines"
	else
		notok "$tool: $a2 allocations for $l2 lines, $a8 for $l8 lines (more than 1 per 100 added lines)"
	fi
done
