#!/bin/sh
# Incremental runs (--state DIR, issue 6), against the documented behaviour
# (easlog(7) PARTIAL RESULTS, Incremental state): one partial per input file
# keyed by path, device, inode, size and mtime; only new files and grown
# tails are read again. After every change, the reports of a --state run
# must equal those of a fresh full run over the same files:
#  1. run; append lines to a log (same inode) and add a file; run again;
#  2. a run killed with SIGKILL mid-way (timeout -s KILL on a generated
#     corpus), several times; run again; a run with nothing changed;
#  3. a file that shrank (same inode), a file replaced by another of the same
#     size and mtime (new inode), a file rewritten in place and grown, a
#     gzip file that grew, a file removed: each read anew or dropped;
#  4. other options on the same state directory (--compat, --start) and a
#     one-report tool (easlog-hits) on its own state;
#  5. a last line without a newline in a file modified just now is left for
#     the next run, and counted once it is complete.
# Skipped (ok # skip) while easlog-report --help does not mention --state.
set -u
T=${T:-$(cd "$(dirname "$0")/../../testdata" && pwd)}
top=$(cd "$(dirname "$0")/../.." && pwd)
n=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n $1"; }

if ! easlog-report --help 2>&1 | grep -q -- '--state'; then
	echo "ok # skip --state not implemented yet"
	exit 0
fi

w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-state.XXXXXX")
trap 'rm -rf "$w"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
reports="Users Servers Hourly StatusCodes PolicyCompliance UserAgents"

# reports OUT TOOLARGS...: easlog-report's six reports and exit status in OUT
reports() {
	ro=$1
	shift
	rm -rf "$ro.d"
	mkdir "$ro.d"
	easlog-report -o "$ro.d" "$@" > /dev/null 2> "$ro.err"
	rrc=$?
	for f in $reports; do
		echo "== $f"
		cat "$ro.d/$f.csv" 2> /dev/null
	done > "$ro"
	echo "exit $rrc" >> "$ro"
}

# same DESC WANT GOT
same() {
	if [ ! -s "$2" ] || ! grep -q '^exit 0$' "$2" || [ "$(wc -l < "$2")" -lt 20 ]; then
		not_ok "$1 (the fresh run failed or reported nothing)"
		sed 's/^/#   /' "$2.err" 2> /dev/null | head -3
	elif cmp -s "$2" "$3"; then
		ok "$1"
	else
		not_ok "$1"
		diff "$2" "$3" | head -6 | sed 's/^/#   /'
		sed 's/^/#   /' "$3.err" 2> /dev/null | head -3
	fi
}

# check DESC [OPTIONS]: a --state run over $w/logs equals a fresh run
check() {
	cd_=$1
	shift
	reports "$w/st" --state "$w/state" "$@" "$w/logs"
	reports "$w/fresh" "$@" "$w/logs"
	same "$cd_" "$w/fresh" "$w/st"
}

# 1. Grown tail, new file.
cp -R "$T/sample" "$w/logs"
L=$w/logs/EXCH01/W3SVC1/u_ex240305.log
head -n 60 "$T/sample/EXCH01/W3SVC1/u_ex240305.log" > "$L"
mv "$w/logs/EXCH02/W3SVC2/u_ex240305.log" "$w/later.log"
check "first --state run (empty state) = fresh run"
if [ -n "$(ls "$w/state" 2> /dev/null)" ]; then ok "the state directory holds entries"; else not_ok "the state directory holds entries"; fi
ino1=$(stat -c %i "$L")
tail -n +61 "$T/sample/EXCH01/W3SVC1/u_ex240305.log" >> "$L"
mv "$w/later.log" "$w/logs/EXCH02/W3SVC2/u_ex240305.log"
ino2=$(stat -c %i "$L")
[ "$ino1" = "$ino2" ] || not_ok "the appended file kept its inode (test set-up)"
check "lines appended to a log and a file added: --state run = fresh run"
reports "$w/sample" "$T/sample"
same "... and = a run over testdata/sample" "$w/sample" "$w/st"
check "nothing changed: --state run = fresh run"

# 2. Runs killed mid-way.
gen=$w/easlog-gen
if ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$gen" "$top/bench/easlog-gen.c" 2> "$w/cc.err" &&
	"$gen" -o "$w/big" --seed 5 --servers 4 --users 200 --days 2 --size 24 2> /dev/null; then
	# kill points: fractions of how long a fresh run takes here
	t0=$(date +%s%N)
	reports "$w/kfresh" "$w/big"
	t1=$(date +%s%N)
	nfiles=$(find "$w/big" -type f | wc -l)
	killed=0 seen=""
	for pct in 10 30 60 90 120; do
		t=$(awk -v a="$t0" -v b="$t1" -v p=$pct 'BEGIN { printf "%.3f", (b - a) / 1e9 * p / 100 }')
		timeout -s KILL "$t" easlog-report --state "$w/kstate" -o "$w" --force "$w/big" > /dev/null 2>&1
		[ $? = 137 ] && killed=$((killed + 1))
		[ $pct != 30 ] || t30=$t
		seen="$seen $(find "$w/kstate" -type f 2> /dev/null | wc -l)"
	done
	reports "$w/kst" --state "$w/kstate" "$w/big"
	same "after $killed runs killed by SIGKILL (state entries after each:$seen, of $nfiles files): --state run = fresh run" \
		"$w/kfresh" "$w/kst"
	reports "$w/kst2" --state "$w/kstate" "$w/big"
	same "... and once more with nothing changed" "$w/kfresh" "$w/kst2"
	# killed while the tails grow: append to every file between kills
	for f in "$w"/big/*/W3SVC1/*.log; do
		head -n 200 "$f" > "$f.head"
	done
	timeout -s KILL "$t30" easlog-report --state "$w/kstate" -o "$w" --force "$w/big" > /dev/null 2>&1
	for f in "$w"/big/*/W3SVC1/*.log; do
		grep -v '^#' "$f.head" | head -n 50 >> "$f"
		rm -f "$f.head"
	done
	timeout -s KILL "$t30" easlog-report --state "$w/kstate" -o "$w" --force "$w/big" > /dev/null 2>&1
	reports "$w/kst3" --state "$w/kstate" "$w/big"
	reports "$w/kfresh3" "$w/big"
	same "lines appended between killed runs: --state run = fresh run" "$w/kfresh3" "$w/kst3"
	rm -rf "$w/big" "$w/kstate"
else
	not_ok "cannot compile or run bench/easlog-gen.c"
	sed 's/^/#   /' "$w/cc.err" | head -5
fi

# 3. Files that must be read anew.
F=$w/logs/EXCH02/W3SVC1/u_ex240304.log
head -n 20 "$F" > "$w/tmp"
cat "$w/tmp" > "$F" # same inode, shorter
check "a file that shrank (same inode): --state run = fresh run"

# same size, same mtime, new inode, other content
G=$w/logs/EXCH01/W3SVC1/u_ex240304.log
check "(set-up run)"
sed '40s/ 200 0 0 / 500 0 0 /; 41s/ 200 0 0 / 503 0 0 /' "$G" > "$w/new"
if cmp -s "$G" "$w/new"; then
	sed '40,41s/Cmd=Sync/Cmd=Ping/' "$G" > "$w/new"
fi
if [ "$(wc -c < "$G")" = "$(wc -c < "$w/new")" ] && ! cmp -s "$G" "$w/new"; then
	touch -r "$G" "$w/new"
	mv "$w/new" "$G"
	check "a file replaced by one of the same size and mtime (new inode): --state run = fresh run"
else
	not_ok "could not make a same-size variant of $G (test set-up)"
fi

# rewritten in place (same inode) and grown: the tail hash differs
H=$w/logs/EXCH02/W3SVC2/u_ex240304.log
check "(set-up run)"
sed 's/Cmd=Ping/Cmd=Sync/' "$H" > "$w/tmp"
tail -n 5 "$H" >> "$w/tmp"
cat "$w/tmp" > "$H"
check "a file rewritten in place and grown: --state run = fresh run"

# a gzip file that grew (another member)
Z=$w/logs/EXCH03/W3SVC1/u_ex240305.log.gz
gzip -dc "$Z" | grep -v '^#' | tail -n 10 | gzip -c > "$w/member.gz"
cat "$w/member.gz" >> "$Z"
check "a gzip file that grew: --state run = fresh run"

rm "$w/logs/EXCH02/W3SVC1/u_ex240305.log"
check "a file removed: --state run = fresh run"

# 4. Other options on the same state directory, another tool.
check "--compat on a state made without it: --state run = fresh run" --compat
check "--start on the same state: --state run = fresh run" --start 2024-03-05
check "back to the default options: --state run = fresh run"
easlog-hits --report servers --state "$w/hstate" "$w/logs" > "$w/h1" 2> /dev/null
easlog-hits --report servers --state "$w/hstate" "$w/logs" > "$w/h2" 2> /dev/null
easlog-hits --report servers "$w/logs" > "$w/hf" 2> /dev/null
if [ -s "$w/hf" ] && cmp -s "$w/hf" "$w/h1" && cmp -s "$w/hf" "$w/h2"; then
	ok "easlog-hits --report servers --state (twice) = fresh run"
else
	not_ok "easlog-hits --report servers --state (twice) = fresh run"
fi

# 5. A line IIS is still writing: left for the next run.
P=$w/logs/EXCH01/W3SVC1/u_ex240305.log
check "(set-up run)"
cp "$P" "$w/complete"
line=$(grep -v '^#' "$P" | tail -n 1)
printf '%s' "$line" | cut -c1-60 | tr -d '\n' >> "$P"
reports "$w/st" --state "$w/state" "$w/logs"
cp "$P" "$w/with-partial"
cp "$w/complete" "$P"
reports "$w/fresh" "$w/logs"
same "a last line without newline, just written: left out by the --state run" "$w/fresh" "$w/st"
cp "$w/with-partial" "$P"
printf '%s\n' "$(printf '%s' "$line" | cut -c61-)" >> "$P"
check "... and counted once complete: --state run = fresh run"
