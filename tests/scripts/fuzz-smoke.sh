#!/bin/sh
# The libFuzzer targets (tests/fuzz/, fuzz.mk) for a short while each: builds
# them into build-fuzz/ and runs `make fuzz FUZZ_SECONDS=30` one target at a
# time (4 targets: about 2 minutes, plus the instrumented build). A crash, a
# sanitizer report, a leak, a timeout or a broken invariant fails the target;
# its input is then in build-fuzz/crashes/TARGET/ (keep it in
# testdata/fuzz-regressions/TARGET/ once fixed). Skips when clang cannot link
# a libFuzzer program (Debian: clang and libclang-rt-14-dev), and when the build
# under test is not build/ (it runs once per suite run). FUZZ_SECONDS=0 skips.
# Prints "ok ..." / "not ok ..." lines (tests/run.sh counts them).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
secs=${FUZZ_SECONDS:-30}
cc=${FUZZ_CC:-clang}
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); echo "not ok $n - $*"; }
if [ "$secs" = 0 ]; then
	ok "fuzz smoke # skip FUZZ_SECONDS=0"
	exit 0
fi
under=$(command -v easlog-parse 2> /dev/null)
if [ -n "$under" ] && [ "$(cd "$(dirname "$under")" && pwd)" != "$top/build" ]; then
	ok "fuzz smoke # skip runs with the build/ pass only (this is $(dirname "$under"))"
	exit 0
fi
w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-fuzzsmoke.XXXXXX")
trap 'rm -rf "$w"' EXIT INT TERM
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' > "$w/t.c"
if ! command -v "$cc" > /dev/null 2>&1 || ! "$cc" -fsanitize=fuzzer,address,undefined -o "$w/t" "$w/t.c" > /dev/null 2>&1; then
	ok "fuzz smoke # skip $cc cannot build libFuzzer programs (install clang and libclang-rt-dev)"
	exit 0
fi
cd "$top" || exit 1
# the Makefile includes fuzz.mk; until it does, name both
mk="-f Makefile -f fuzz.mk"
grep -q '^include fuzz.mk' Makefile && mk=
# shellcheck disable=SC2086
if ! make -s $mk FUZZ_CC="$cc" fuzz-build > "$w/build.log" 2>&1; then
	notok "fuzz smoke: make fuzz-build failed"
	tail -10 "$w/build.log" | sed 's/^/#   /'
	exit 1
fi
for t in w3c decode base64 record_io; do
	# shellcheck disable=SC2086
	make -s $mk FUZZ_CC="$cc" FUZZ_TARGETS=$t FUZZ_SECONDS="$secs" fuzz > "$w/$t.out" 2>&1
	rc=$?
	stats=$(grep -E '^#[0-9]+.*DONE' "$w/$t.out" | sed 's/^#\([0-9]*\).*DONE *cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\).*exec\/s: \([0-9]*\).*/\1 runs, cov \2, ft \3, corpus \4, \5 exec\/s/')
	if [ $rc = 0 ]; then
		ok "fuzz_$t for $secs s: ${stats:-done}"
	else
		notok "fuzz_$t for $secs s: failed (build-fuzz/$t.log, crash inputs in build-fuzz/crashes/$t/)"
		grep -v '^fuzz: ' "$w/$t.out" | head -10 | sed 's/^/#   /'
	fi
done
