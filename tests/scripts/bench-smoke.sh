#!/bin/sh
# bench-smoke: the benchmark harness end to end on a tiny corpus
# (bench/run.sh --smoke: 4 MB, 1 run, no callgrind, GoAccess only if
# installed): every tool runs, every number of the table is there.
# Uses the easlog tools first on PATH (tests/run.sh puts the build under test
# there); writes only to a temporary directory; installs nothing.
top=$(cd "$(dirname "$0")/../.." && pwd)
name=bench-smoke

rep=$(command -v easlog-report) || { echo "not ok $name: easlog-report is not on PATH"; exit 1; }
bin=$(cd "$(dirname "$rep")" && pwd)
for c in mawk gzip "${CC:-cc}"; do
	command -v "$c" >/dev/null 2>&1 || { echo "ok $name # SKIP $c is not installed"; exit 0; }
done
[ -x /usr/bin/time ] || { echo "ok $name # SKIP /usr/bin/time (GNU time) is not installed"; exit 0; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/easlog-bench-smoke.XXXXXX") || { echo "not ok $name: mktemp failed"; exit 1; }
trap 'rm -rf "$tmp"' EXIT INT TERM

# the smoke defaults, whatever the caller's environment says
unset SIZE_MB RUNS SEED SERVERS USERS DAYS MEMCHECK GOACCESS CALLGRIND KEEP_CORPUS BENCH_OUT BENCH_WORK

start=$(date +%s)
if ! (cd "$tmp" && sh "$top/bench/run.sh" --smoke --no-install --tools "$bin" \
	--work "$tmp/work" --gen "$tmp/easlog-gen" --out "$tmp/BENCH.md") > "$tmp/log" 2>&1; then
	echo "not ok $name: bench/run.sh --smoke failed: $(grep -v '^\[bench\]' "$tmp/log" | tail -n 1)"
	tail -n 15 "$tmp/log" | sed 's/^/# /'
	exit 1
fi
secs=$(($(date +%s) - start))

# the document: the throughput table with its rows, then the reproduce line
rows=$(grep -cE '^\| (plain|gzip) \| ' "$tmp/BENCH.md")
want=14
command -v goaccess >/dev/null 2>&1 && want=16
if [ "$rows" -ne "$want" ]; then
	echo "not ok $name: BENCH.md has $rows table rows, want $want"
	exit 1
fi
if grep -E '^\| (plain|gzip) \| ' "$tmp/BENCH.md" | grep -qE '\| *\||nan|inf'; then
	echo "not ok $name: BENCH.md has an empty or non-numeric cell"
	grep -E '^\| (plain|gzip) \| ' "$tmp/BENCH.md" | sed 's/^/# /'
	exit 1
fi
for s in '## Machine' '## Corpus' '## Throughput' '## Reproduce' 'make bench-smoke'; do
	grep -q "$s" "$tmp/BENCH.md" || { echo "not ok $name: BENCH.md lacks \"$s\""; exit 1; }
done
echo "ok $name"
echo "# $rows rows measured in ${secs} s"
