#!/bin/sh
# easlog-parse over the real, third-party IIS logs in $SHARED/realdata (see
# ../shared/realdata/NOTES.md): no file may crash it (exit 0 or 1, never 2+ or a
# signal), in TSV, JSON, --all and --compat; exactly one ActiveSync record in each
# of plaso/iis7_owa.log, plaso/iis10_edge_cases.log and velociraptor/iis.log, none
# in any other file; the --stats accounting adds up. Skips (as passes) when
# ../shared is not there. Prints "ok ..." / "not ok ..." lines.
set -u
if [ -z "${SHARED:-}" ] || [ ! -d "$SHARED/realdata" ]; then
	echo "ok # skip realdata: ../shared not present (no crash check)"
	echo "ok # skip realdata: ../shared not present (EAS record counts)"
	exit 0
fi
R=$SHARED/realdata

ok() { echo "ok - $*"; }
notok() { echo "not ok - $*"; }

# The one EAS line of each file that has one (NOTES.md 2): tier, command, user.
expect() {
	case $1 in
	plaso/iis7_owa.log) echo "fe Ping domain.localjohndoe" ;;
	plaso/iis10_edge_cases.log) echo "be Settings randomuserbe22875gh5660904erere9ec9acdcd7ef09ccab9@ad.RaDomain" ;;
	velociraptor/iis.log) echo "fe  mailbox@example.com" ;;
	*) echo "" ;;
	esac
}

files=$(cd "$R" && find . -type f | sed 's|^\./||' | sort)
n=0
for f in $files; do
	n=$((n + 1))
	worst=0
	for opts in "" "--format json" "--all" "--all --format json" "--compat" "-v --strict"; do
		# shellcheck disable=SC2086
		easlog-parse $opts "$R/$f" > out 2> err
		rc=$?
		if [ $rc -gt 1 ]; then
			notok "$f: easlog-parse $opts exits $rc: $(tail -1 err)"
			worst=$rc
		fi
	done
	[ $worst = 0 ] && ok "$f: no crash (exit 0 or 1 with every option set)"

	easlog-parse --stats "$R/$f" > out 2> err
	rows=$(($(wc -l < out) - 1))
	want=$(expect "$f")
	if [ -z "$want" ]; then
		if [ $rows = 0 ]; then ok "$f: no EAS record"; else notok "$f: $rows EAS records, want none"; fi
	else
		got=$(awk -v cols=tier,command,user -f "$TESTS/golden/parse-cols.awk" out | sed 1d | tr '\t' ' ' | sed 's/\\\\/\\/g')
		if [ $rows = 1 ] && [ "$got" = "$want" ]; then
			ok "$f: exactly one EAS record ($want)"
		else
			notok "$f: $rows EAS records ($got), want one ($want)"
		fi
	fi

	# accounting: every line of the file in exactly one count
	lines=$(wc -l < "$R/$f" | tr -d ' ')
	[ -n "$(tail -c 1 "$R/$f")" ] && lines=$((lines + 1))
	if awk -v want="$lines" '
		/: lines [0-9]+ = / {
			for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) v[++k] = $i
			ok = v[1] == want && v[1] == v[2] + v[3] + v[4] + v[5] + v[6] + v[7]
		}
		END { exit ok ? 0 : 1 }' err; then
		ok "$f: --stats counts all $lines lines once"
	else
		notok "$f: --stats does not add up to $lines lines: $(grep ': lines' err)"
	fi
done
[ $n -gt 0 ] || notok "no files under $R"
