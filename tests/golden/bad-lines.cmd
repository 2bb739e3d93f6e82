# Hostile lines (issue 5), one fixture written here: NUL bytes, invalid UTF-8,
# spaces only, tabs only, tabs inside fields, token counts off by one, dates and
# times that do not parse, timestamps out of order, dates far outside the window;
# and a file without any #Fields. Each bad line is counted once with its reason,
# named by file:line with --verbose, and turns --strict into exit 1; the good
# lines around it are records. The JSON output (easlog-parse and every report
# tool) stays valid JSON (perl JSON::PP), the TSV one line per record.
# (#Fields repeated with another layout: parse-fields-change; a line before any
# #Fields: parse-date-directive; more odd tokens: parse-odd.)
F='#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken'
line() { # DATE TIME USER DEVICE AGENT
	printf '%s %s 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas User=%s&DeviceId=%s&DeviceType=iPhone&Cmd=Sync 443 CONTOSO\\%s 198.51.100.7 %s 200 0 0 15\n' \
		"$1" "$2" "$3" "$4" "$3" "$5"
}
{
	printf '#Software: Microsoft Internet Information Services 10.0\n%s\n' "$F"
	line 2024-03-04 12:00:00 good1 dev1 Apple-iPhone/1
	printf '2024-03-04 12:00:01 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas User=nul&DeviceId=d\000x&DeviceType=iPhone&Cmd=Sync 443 CONTOSO\\nul 198.51.100.7 Agent\000NUL/1 200 0 0 15\n'
	printf '\000\000\000\000\n'
	line 2024-03-04 12:00:02 "$(printf 'bad\377\376utf8')" "$(printf 'd\300\257ev')" "$(printf 'Agent\355\240\200/1\342\202')"
	printf '        \n'
	printf '\t\t\t\n'
	line 2024-03-04 12:00:03 tab dev3 "$(printf 'Tab\tAgent/1')"
	line 2024-03-04 12:00:04 short dev4 Agent/1 | sed 's/ 15$//'
	line 2024-03-04 12:00:05 long dev5 Agent/1 | sed 's/ 15$/ 15 extra/'
	line 2024-13-01 12:00:06 month13 dev6 Agent/1
	line 2024-02-30 12:00:07 feb30 dev7 Agent/1
	line 2023-02-29 12:00:08 feb29 dev8 Agent/1
	line 2024/03/04 12:00:09 slashes dev9 Agent/1
	line 2024-03-04 25:00:00 hour25 dev10 Agent/1
	line 2024-03-04 12:60:00 min60 dev11 Agent/1
	line 2024-03-04 12:00:60 sec60 dev12 Agent/1
	line 2024-03-04 1200 nocolon dev13 Agent/1
	line - 12:00:14 nodate dev14 Agent/1
	line 2024-03-04 23:59:59 order dev15 Agent/1
	line 2024-03-04 08:00:00 order dev15 Agent/1
	line 2024-03-04 16:30:00 order dev15 Agent/1
	line 0001-01-01 00:00:00 far dev16 Agent/1
	line 9999-12-31 23:59:59 far dev16 Agent/1
	line 1970-01-01 00:00:00 far dev16 Agent/1
} > hostile.log
echo "== easlog-parse -v --stats: $(wc -l < hostile.log | tr -d ' ') lines"
easlog-parse -v --stats hostile.log > out.tsv 2> err
echo "exit $?"
cat err
# (NUL shown as @, bytes above 127 as #)
awk -v cols=line,user,device_id,user_agent,timestamp -f "$TESTS/golden/parse-cols.awk" out.tsv | LC_ALL=C tr '\000\200-\377' '@#'
echo "== TSV: one line per record, every record with all columns"
awk -F '\t' 'NR == 1 { n = NF } NF != n { print "line " NR ": " NF " columns, header " n; bad = 1 } END { if (!bad) print NR - 1 " records, " n " columns each" }' out.tsv
echo "== --strict: exit 1; without a bad line: exit 0"
easlog-parse --strict hostile.log > /dev/null 2>&1; echo "hostile.log: exit $?"
head -3 hostile.log > good.log
easlog-parse --strict good.log > /dev/null 2>&1; echo "good.log: exit $?"
echo "== JSON output parses (perl JSON::PP), one object a line"
cat > jcheck.pl <<'PL'
use strict; use warnings; use JSON::PP;
my ($n, $bad) = (0, 0);
while (my $l = <STDIN>) { $n++; my $d = eval { JSON::PP->new->decode($l) }; $bad++ unless ref $d eq 'HASH' }
print "$n lines, $bad not JSON objects\n";
PL
easlog-parse --format json hostile.log 2> /dev/null | perl jcheck.pl
for tool in "easlog-hits" "easlog-hits --report servers" "easlog-hits --report hourly" easlog-http \
	easlog-useragent easlog-compliance "easlog-compliance --list"; do
	echo "$tool: $($tool --format json hostile.log 2> /dev/null | perl jcheck.pl)"
done
echo "== out of order and far dates: first and last seen, per device"
easlog-hits hostile.log 2> /dev/null | cut -d, -f1,2,6,28,29 | LC_ALL=C tr '\000\200-\377' '@#'
echo "== the window: far dates are filtered, counted as time-window"
easlog-parse --stats --start 2024-03-04 --end 2024-03-05 hostile.log 2>&1 > /dev/null | grep -e ': lines' -e 'filtered:'
easlog-hits --stats --compat --start 2024-03-04 --end 2024-03-05 hostile.log 2>&1 > /dev/null | grep -e ': lines' -e 'filtered:'
echo "== a file without any #Fields: every line skipped (and --strict: exit 1)"
sed -n '3p;9p;21,22p' hostile.log > nofields.log
easlog-parse -v --stats --strict nofields.log > out 2> err
echo "exit $?, $(($(wc -l < out) - 1)) records"
grep -v -e 'records by tier' -e 'filtered:' err
