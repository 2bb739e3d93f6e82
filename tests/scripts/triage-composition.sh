#!/bin/sh
# Composition invariants of the triage reports (issue 7): for easlog-hits
# --report devices, --report series, --baseline, and easlog-useragent
# --classify, on testdata/sample, testdata/multi and the triage fixture
# (testdata/triage-gen.pl):
#  1. easlog-parse LOGS | TOOL == TOOL LOGS (TSV and JSON Lines records);
#  2. -j 1 == -j 2;
#  3. one --partial per input file (testdata/multi) or per server directory
#     (the others), then --merge == one run over them all;
#  4. --state DIR, a first and a second (nothing new to read) run == TOOL LOGS;
# and a partial made with other shaping options (--interval, --group) is
# refused by --merge (exit 1, a message naming both).
set -u
T=${T:-$(cd "$(dirname "$0")/../../testdata" && pwd)}
TESTS=${TESTS:-$(cd "$(dirname "$0")/.." && pwd)}
EASLOG_RULES="$TESTS/../share/easlog/useragents.rules"
export EASLOG_RULES
n=0
w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-triage.XXXXXX")
trap 'rm -rf "$w"' EXIT INT TERM
ok() { n=$((n + 1)); echo "ok $n $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n $1"; }
same() {
	if [ ! -s "$2" ]; then
		not_ok "$1 (empty output)"
	elif cmp -s "$2" "$3"; then
		ok "$1"
	else
		not_ok "$1"
		diff "$2" "$3" | head -6 | sed 's/^/#   /'
	fi
}

perl "$T/triage-gen.pl" "$w/fixture" || not_ok "the fixture generator failed"

for input in "$T/sample" "$T/multi" "$w/fixture"; do
	name=$(basename "$input")
	# partials: one per file of multi, one per server directory otherwise
	if [ "$name" = multi ]; then
		parts=$(find "$input" -type f | sort)
		cmds="devices classify"
	else
		parts=$(ls -d "$input"/*)
		cmds="devices series15 series1d baseline classify"
	fi
	for c in $cmds; do
		case $c in
		devices) cmd="easlog-hits --report devices --sort eas-errors" ;;
		series15) cmd="easlog-hits --report series --interval 15m --group server" ;;
		series1d) cmd="easlog-hits --report series --interval 1d --group os --tz Europe/Berlin" ;;
		baseline) cmd="easlog-hits --baseline 5 --group device-type" ;;
		classify) cmd="easlog-useragent --classify" ;;
		esac
		$cmd -j 1 "$input" > "$w/direct" 2> /dev/null
		$cmd -j 2 "$input" > "$w/j2" 2> /dev/null
		same "$name: $cmd: -j1 == -j2" "$w/direct" "$w/j2"
		easlog-parse "$input" 2> /dev/null | $cmd > "$w/tsv" 2> /dev/null
		same "$name: easlog-parse | $cmd" "$w/direct" "$w/tsv"
		easlog-parse --format json "$input" 2> /dev/null | $cmd > "$w/json" 2> /dev/null
		same "$name: easlog-parse --format json | $cmd" "$w/direct" "$w/json"
		rm -rf "$w/p" && mkdir "$w/p"
		i=0
		for f in $parts; do
			i=$((i + 1))
			$cmd --partial "$w/p/$i.json" "$f" 2> /dev/null
		done
		$cmd --merge "$w"/p/*.json > "$w/merged" 2> /dev/null
		same "$name: $cmd: --partial per part, --merge" "$w/direct" "$w/merged"
		rm -rf "$w/state"
		$cmd --state "$w/state" "$input" > "$w/s1" 2> /dev/null
		$cmd --state "$w/state" "$input" > "$w/s2" 2> /dev/null
		same "$name: $cmd: --state, first run" "$w/direct" "$w/s1"
		same "$name: $cmd: --state, second run" "$w/direct" "$w/s2"
	done
done

# the baselines of the fixture are not empty (the runs above would pass with
# two empty outputs for them)
easlog-hits --baseline 7 "$w/fixture" 2> /dev/null | wc -l | grep -q '^ *4$' &&
	ok "fixture baseline: three rows" || not_ok "fixture baseline: three rows"

easlog-hits --report series --interval 5m --partial "$w/p5.json" "$T/sample" 2> /dev/null
easlog-hits --report series --interval 1h --merge "$w/p5.json" > "$w/out" 2> "$w/err"
rc=$?
if [ $rc = 1 ] && grep -q 'made with other options (.*"interval":300.*) than this merge (.*"interval":3600' "$w/err"; then
	ok "series: a partial of another --interval is refused"
else
	not_ok "series: a partial of another --interval is refused (exit $rc)"
	sed 's/^/#   /' "$w/err"
fi
easlog-hits --baseline 7 --group os --partial "$w/b.json" "$T/sample" 2> /dev/null
easlog-hits --baseline 7 --merge "$w/b.json" > "$w/out" 2> "$w/err"
rc=$?
if [ $rc = 1 ] && grep -q 'made with other options (.*"group":"os".*) than this merge' "$w/err"; then
	ok "baseline: a partial of another --group is refused"
else
	not_ok "baseline: a partial of another --group is refused (exit $rc)"
fi
