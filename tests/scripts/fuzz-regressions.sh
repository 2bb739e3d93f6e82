#!/bin/sh
# The fuzz targets' inputs replayed without libFuzzer: every seed
# (testdata/fuzz-seeds/T/) and every input that once crashed a target
# (testdata/fuzz-regressions/T/) goes through the target's
# LLVMFuzzerTestOneInput, compiled with tests/fuzz/replay.c against the
# library of the build under test (the build of the first easlog-parse on
# PATH; with the sanitizers when that library has them). An input that
# breaks an invariant, or trips ASan/UBSan, fails the test.
# Prints "ok ..." / "not ok ..." lines (tests/run.sh counts them).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(command -v easlog-parse) || { echo "not ok - fuzz replay: no easlog-parse on PATH"; exit 1; }
bdir=$(cd "$(dirname "$bin")" && pwd)
lib=$bdir/libeaslog.a
targets=${FUZZ_TARGETS:-w3c decode base64 record_io}
[ -f "$lib" ] || { echo "not ok - fuzz replay: $lib missing"; exit 1; }
w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-fuzzreplay.XXXXXX")
trap 'rm -rf "$w"' EXIT INT TERM

cc=${CC:-cc}
flags="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g -Wall -Wextra"
pkgs="zlib libpcre2-8 jansson"
syms=$(nm "$lib" 2> /dev/null)
case $syms in *__asan_*) flags="$flags -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" ;; esac
case $syms in *" U isal_inflate"*) pkgs="$pkgs libisal" ;; esac
# shellcheck disable=SC2086
cflags=$(pkg-config --cflags $pkgs 2> /dev/null)
# shellcheck disable=SC2086
libs="$(pkg-config --libs $pkgs 2> /dev/null || echo -lz -lpcre2-8 -ljansson) -lpthread -lm"

for t in $targets; do
	src=$top/tests/fuzz/fuzz_$t.c
	# shellcheck disable=SC2086
	if ! $cc $flags $cflags -o "$w/fuzz_$t" "$src" "$top/tests/fuzz/replay.c" "$lib" $libs > "$w/cc.err" 2>&1; then
		echo "not ok - fuzz replay $t: does not compile against $lib"
		sed 's/^/#   /' "$w/cc.err" | head -10
		continue
	fi
	set --
	for d in "$top/testdata/fuzz-seeds/$t" "$top/testdata/fuzz-regressions/$t"; do
		[ -d "$d" ] && set -- "$@" "$d"
	done
	if [ $# = 0 ]; then
		echo "ok - fuzz replay $t # skip no inputs"
		continue
	fi
	"$w/fuzz_$t" "$@" > "$w/out" 2> "$w/err"
	rc=$?
	n=$(grep -c '^ok ' "$w/out")
	nreg=0
	[ -d "$top/testdata/fuzz-regressions/$t" ] && nreg=$(find "$top/testdata/fuzz-regressions/$t" -type f | wc -l | tr -d ' ')
	if [ $rc = 0 ]; then
		echo "ok - fuzz replay $t: $n inputs ($nreg saved crash inputs) pass the target's invariants"
	else
		last=$(grep '^replay: ' "$w/err" | tail -1 | sed 's/^replay: //')
		echo "not ok - fuzz replay $t: exit $rc on ${last:-?}"
		grep -v '^replay: ' "$w/err" | head -12 | sed 's/^/#   /'
	fi
done
