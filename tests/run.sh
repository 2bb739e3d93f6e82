#!/bin/sh
# The whole test suite, run against each build tree given (e.g. build
# build-asan): C unit programs, golden cases, and scenario scripts.
#   unit:    BUILD/tests/*          print "ok N ..." / "not ok N ..." lines
#   golden:  tests/golden/NAME.cmd  a shell snippet run in a fresh directory;
#            its stdout must equal NAME.out, its exit status NAME.exit (default
#            0) and, when NAME.err exists, its stderr NAME.err
#   scripts: tests/scripts/*.sh     print "ok ..." / "not ok ..." lines
# Environment for cases and scripts: PATH starts with the build's tools,
# T is testdata/, TESTS is tests/, SHARED is ../shared when it exists.
# UPDATE=1 rewrites the golden files from the first build (review the diff).
# ONLY=GLOB runs only the unit programs, cases and scripts whose name matches.
# Prints "N passed, N failed" last; exits 1 when anything failed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
[ $# -gt 0 ] || set -- build
pass=0
fail=0
update=${UPDATE:-0}
only=${ONLY:-*}
tmproot=$(mktemp -d "${TMPDIR:-/tmp}/easlog-test.XXXXXX")
trap 'rm -rf "$tmproot"' EXIT INT TERM
T="$top/testdata"
TESTS="$top/tests"
SHARED=""
[ -d "$top/../shared" ] && SHARED=$(cd "$top/../shared" && pwd)
export T TESTS SHARED

count() { # reads ok/not ok lines on stdin, echoes failures, counts
	while IFS= read -r l; do
		case "$l" in
		"not ok"*) fail=$((fail + 1)); echo "FAIL [$build] $what: $l" ;;
		"ok"*) pass=$((pass + 1)) ;;
		esac
	done
}

first=1
for build in "$@"; do
	bdir="$top/$build"
	if [ ! -x "$bdir/easlog-parse" ]; then
		echo "FAIL: $build/easlog-parse is missing (run make)"
		fail=$((fail + 1))
		continue
	fi
	PATH="$bdir:$PATH"
	export PATH
	# ASan: leaks are errors too; UBSan already aborts (-fno-sanitize-recover)
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
	export ASAN_OPTIONS

	for t in "$bdir"/tests/*; do
		[ -x "$t" ] || continue
		case $(basename "$t") in $only) ;; *) continue ;; esac
		what="unit $(basename "$t")"
		out=$("$t" 2>&1)
		rc=$?
		printf '%s\n' "$out" > "$tmproot/unit.out"
		count < "$tmproot/unit.out"
		if [ $rc -ne 0 ] && ! grep -q '^not ok' "$tmproot/unit.out"; then
			echo "FAIL [$build] $what: exit $rc"
			printf '%s\n' "$out" | tail -5
			fail=$((fail + 1))
		fi
	done

	for cmd in tests/golden/*.cmd; do
		[ -f "$cmd" ] || continue
		case $(basename "$cmd" .cmd) in $only) ;; *) continue ;; esac
		name=${cmd%.cmd}
		what="golden $(basename "$name")"
		d="$tmproot/g"
		rm -rf "$d" && mkdir -p "$d"
		(cd "$d" && sh "$top/$cmd") > "$tmproot/out" 2> "$tmproot/err"
		rc=$?
		if [ "$update" = 1 ] && [ $first = 1 ]; then
			cp "$tmproot/out" "$name.out"
			if [ -f "$name.err" ]; then cp "$tmproot/err" "$name.err"; fi
			if [ $rc -ne 0 ]; then echo $rc > "$name.exit"; else rm -f "$name.exit"; fi
		fi
		want_rc=0
		[ -f "$name.exit" ] && want_rc=$(cat "$name.exit")
		ok=1
		if ! cmp -s "$tmproot/out" "$name.out"; then
			ok=0
			echo "FAIL [$build] $what: stdout differs"
			diff "$name.out" "$tmproot/out" | head -10
		fi
		if [ -f "$name.err" ] && ! cmp -s "$tmproot/err" "$name.err"; then
			ok=0
			echo "FAIL [$build] $what: stderr differs"
			diff "$name.err" "$tmproot/err" | head -10
		fi
		if [ "$rc" != "$want_rc" ]; then
			ok=0
			echo "FAIL [$build] $what: exit $rc, want $want_rc"
			head -5 "$tmproot/err"
		fi
		if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
	done

	for s in tests/scripts/*.sh; do
		[ -f "$s" ] || continue
		case $(basename "$s" .sh) in $only) ;; *) continue ;; esac
		what="script $(basename "$s")"
		d="$tmproot/s"
		rm -rf "$d" && mkdir -p "$d"
		(cd "$d" && sh "$top/$s") > "$tmproot/sout" 2>&1
		rc=$?
		count < "$tmproot/sout"
		if [ $rc -ne 0 ] && ! grep -q '^not ok' "$tmproot/sout"; then
			echo "FAIL [$build] $what: exit $rc"
			tail -5 "$tmproot/sout"
			fail=$((fail + 1))
		fi
	done
	first=0
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
