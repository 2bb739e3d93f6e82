#!/bin/sh
# Accounting over every fixture, broken ones included, for every tool (issue 5):
#   - --stats: lines = records + non-EAS + directives + blank + filtered + skipped,
#     the skipped and filtered breakdowns add up to their totals, and lines is the
#     number of lines of the input (for plain files);
#   - --verbose names every skipped line once, by file and line number;
#   - --strict exits 1 exactly when a line was skipped or a file failed;
#   - every tool counts the same lines as easlog-parse (in each mode).
# Inputs: every testdata/*.log, the testdata/sample, multi and parse-tree trees,
# and broken files written here (damaged gzip, NULs, lines of other layouts, no
# #Fields, bad times, a cut last line). (easlog-parse alone over the parse-*
# fixtures with options: parse-invariants.sh.)
# Prints "ok ..." / "not ok ..." lines (tests/run.sh counts them).
set -u
T=${T:-$(cd "$(dirname "$0")/../../testdata" && pwd)}
w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-stats.XXXXXX")
trap 'rm -rf "$w"' EXIT INT TERM
cd "$w" || exit 1
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); echo "not ok $n - $*"; }

# broken inputs
mkdir broken
F='#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken'
L='2024-03-04 10:00:00 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas User=u&DeviceId=d&DeviceType=iPhone&Cmd=Sync&Log=V141_Pa1_ 443 CONTOSO\u 198.51.100.7 Agent/1 200 0 0 15'
{
	echo "$L"
	echo "$F"
	echo "$L"
	printf 'x\000y\n\000\n'
	echo "$L" | sed 's/ 15$//'
	echo "$L" | sed 's/^2024-03-04/2024-02-30/'
	echo "$L" | sed 's/10:00:00/10:61:00/'
	printf '   \n\n#Remark: x\n'
	echo "$L" | sed 's/default.eas/default.eas%00/'
	printf '%s' "$L"
} > broken/mixed.log
gzip -n -c broken/mixed.log | head -c 300 > broken/cut.gz
gzip -n -c "$T/parse-e2010.log" > broken/crc.gz
sz=$(wc -c < broken/crc.gz)
printf '\377' | dd of=broken/crc.gz bs=1 seek=$((sz - 8)) conv=notrunc 2> /dev/null
grep -v '^#' "$T/parse-e2010.log" > broken/nofields.log
printf '\357\273\277%s\r\n%s\r\n%s' "$F" "$L" "$L" > broken/bom-crlf-nofinal.log
{ cat "$T/parse-arr.log"; printf '\037\213garbage'; } > broken/plain-then-magic.log

inputs=$(cd "$T" && find . -maxdepth 1 -name '*.log' -type f | sed 's|^\./||' | LC_ALL=C sort)
set -- $inputs
inputs="$* sample multi parse-tree"
for b in broken/*; do inputs="$inputs $w/$b"; done

# stats: the "lines" line of a --stats run as "lines records non dirs blank filt skip"
# plus the sums of the two breakdowns; checks them; echoes the numbers
check_stats() { # ERRFILE
	awk '
	/: lines [0-9]+ = / { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) v[++k] = $i; seen++ }
	/: filtered:/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) fs += $i; fseen++ }
	/: skipped:/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) ss += $i; sseen++ }
	/: files [0-9]+ read, [0-9]+ failed/ { failed = $5 }
	END {
		if (seen != 1 || fseen != 1 || sseen != 1) { print "no accounting"; exit 1 }
		if (v[1] != v[2] + v[3] + v[4] + v[5] + v[6] + v[7]) { print "lines " v[1] " != the sum of its parts"; exit 1 }
		if (fs != v[6]) { print "filtered " v[6] " != its reasons " fs; exit 1 }
		if (ss != v[7]) { print "skipped " v[7] " != its reasons " ss; exit 1 }
		print v[1], v[2], v[3], v[4], v[5], v[6], v[7], failed + 0
	}' "$1"
}

# physical lines of a plain input (a last line without newline counts); "-"
# when it holds gzip data
plain_lines() {
	if [ -d "$1" ]; then
		find "$1" -type f | LC_ALL=C sort > list.tmp
	else
		echo "$1" > list.tmp
	fi
	: > all.tmp
	while IFS= read -r f; do
		case $(head -c 2 "$f" | od -An -tx1 | tr -d ' \n') in 1f8b) echo "-"; return ;; esac
		cat "$f" >> all.tmp
		[ -n "$(tail -c 1 "$f")" ] && echo >> all.tmp
	done < list.tmp
	awk 'END { print NR }' all.tmp
}

# every tool on the trees and the broken files; on the single fixtures
# easlog-parse, easlog-hits and one of the other three in turn
i=0
for in in $inputs; do
	i=$((i + 1))
	case $in in /*) path=$in ;; *) path=$T/$in ;; esac
	name=${in#$w/}
	case $in in
	/* | sample | multi | parse-tree) tools="easlog-parse easlog-hits easlog-http easlog-useragent easlog-compliance" ;;
	*) set -- easlog-http easlog-useragent easlog-compliance
		shift $((i % 3))
		tools="easlog-parse easlog-hits $1" ;;
	esac
	want=$(plain_lines "$path")
	for mode in "" --compat; do
		ref=
		for tool in $tools; do
			what="$tool ${mode:+$mode }$name"
			$tool $mode --stats -v --strict "$path" > out 2> err
			rc=$?
			if ! r=$(check_stats err); then
				notok "$what: --stats: $r"
				continue
			fi
			set -- $r
			lines=$1 skipped=$7 failed=$8
			bad=
			[ "$want" != "-" ] && [ "$lines" != "$want" ] && bad="$bad; counts $lines lines, the input has $want"
			named=$(grep -c ': skipped (' err)
			[ "$named" != "$skipped" ] && bad="$bad; --verbose names $named skipped lines of $skipped"
			dup=$(grep ': skipped (' err | sed 's/: skipped (.*//' | sort | uniq -d | head -1)
			[ -n "$dup" ] && bad="$bad; $dup named twice"
			[ -z "$ref" ] && ref="$r"
			[ "$r" != "$ref" ] && bad="$bad; counts ($r) differ from easlog-parse's ($ref)"
			wantrc=0
			[ "$skipped" -gt 0 ] || [ "$failed" -gt 0 ] && wantrc=1
			[ $rc != $wantrc ] && bad="$bad; --strict: exit $rc, want $wantrc ($skipped skipped, $failed failed)"
			if [ -z "$bad" ]; then
				ok "$what: lines $lines = $2 + $3 + $4 + $5 + $6 + $7, $named named, --strict exit $rc"
			else
				notok "$what:${bad#;}"
			fi
		done
	done
done
