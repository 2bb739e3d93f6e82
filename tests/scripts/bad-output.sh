#!/bin/sh
# Output safety (issue 5):
#   1. SIGINT during a long easlog-report (a ~200 MB corpus from
#      bench/easlog-gen.c, generated here): while reading, and while writing (the
#      signal is sent as soon as a temporary report file appears). Each of the
#      six reports is then byte for byte the old one or the new one (never half
#      of one), no temporary file (.Users.csv.XXXXXX) is left, and the tool dies
#      of the signal (or exits 1);
#   2. a write that fails (a full disk, made with ulimit -f: EFBIG): exit 1 with
#      a message naming the file, the old file untouched, no temporary file;
#   3. a closed standard output (| head -1): every tool ends quietly with status
#      0, and easlog-parse stops reading at once: on endless standard input
#      (plain and gzip) it ends within seconds;
#   4. a write error on standard output (/dev/full): easlog-parse exits 1 with a
#      message, in both formats (the report tools: report-cli-write-error).
# Needs cc (for the generator) and perl; set EASLOG_SIGINT_MB to change the
# corpus size (default 200). Prints "ok ..." / "not ok ..." lines.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
T=${T:-$top/testdata}
w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-output.XXXXXX")
trap 'chmod -R u+rwx "$w" 2> /dev/null; rm -rf "$w"' EXIT INT TERM
cd "$w" || exit 1
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); echo "not ok $n - $*"; }
six="Users.csv Servers.csv Hourly.csv StatusCodes.csv PolicyCompliance.csv UserAgents.csv"

# interrupt.pl SIG WHEN DIR CMD...: runs CMD (SIGINT at its default), sends it
# SIG WHEN seconds later, or, with WHEN "write", as soon as DIR holds a
# temporary report file; prints "signal N" or "exit N", then "saw-temp" when it did.
cat > interrupt.pl <<'EOF'
use strict;
use warnings;
use Time::HiRes qw(sleep time);
my ($sig, $when, $dir, @cmd) = @ARGV;
my $pid = fork // die;
if (!$pid) {
	$SIG{INT} = 'DEFAULT';
	open STDOUT, '>', '/dev/null';
	open STDERR, '>', 'interrupt.err';
	exec @cmd or exit 127;
}
my $saw = 0;
if ($when eq 'write') {
	my $t0 = time;
	while (time - $t0 < 600) {
		opendir my $d, $dir or last;
		my @tmp = grep { /^\.\w+\.csv\./ } readdir $d;
		closedir $d;
		if (@tmp) { $saw = 1; last }
		last if waitpid($pid, 1) == $pid && do { $pid = 0; 1 };
		sleep 0.0005;
	}
} else {
	sleep $when;
}
my $st;
if ($pid) {
	kill $sig, $pid;
	waitpid $pid, 0;
	$st = $?;
} else {
	$st = $?;
}
print $st & 127 ? "signal " . ($st & 127) : "exit " . ($st >> 8), $saw ? " saw-temp" : "", "\n";
EOF

# --- 1. SIGINT ---------------------------------------------------------------
mb=${EASLOG_SIGINT_MB:-200}
if ! command -v "${CC:-cc}" > /dev/null 2>&1; then
	ok "SIGINT during easlog-report # skip no C compiler for bench/easlog-gen.c"
elif ! "${CC:-cc}" -O2 -o gen "$top/bench/easlog-gen.c" 2> gen.err; then
	notok "bench/easlog-gen.c does not compile: $(head -3 gen.err | tr '\n' ' ')"
else
	./gen -o corpus --seed 5 --size "$mb" --users 20000 --servers 4 --days 3 --bad 0 2> gen.err
	# old: reports of another input; new: the corpus's reports, one full run
	mkdir old new
	easlog-report -o old "$T/worked-example.log" 2> /dev/null
	t0=$(perl -MTime::HiRes=time -e 'print time')
	easlog-report -o new corpus 2> /dev/null
	rc=$?
	t1=$(perl -MTime::HiRes=time -e 'print time')
	full=$(awk "BEGIN { printf \"%.2f\", $t1 - $t0 }")
	if [ $rc != 0 ] && [ $rc != 1 ] || [ ! -s new/Users.csv ]; then
		notok "easlog-report on the $mb MB corpus: exit $rc"
	else
		ok "easlog-report on the $mb MB corpus ($(cat gen.err | sed 's/.*: //')): $full s, Users.csv $(wc -c < new/Users.csv | tr -d ' ') bytes"
		for case in $(awk "BEGIN { printf \"INT:%.2f INT:%.2f\", $full * 0.2, $full * 0.6 }") INT:write TERM:write; do
			sig=${case%%:*} when=${case#*:}
			if [ "$when" = write ]; then label="SIG$sig while a report is written"; else label="SIG$sig after $when s (reading)"; fi
			rm -rf out && cp -R old out
			st=$(perl interrupt.pl "$sig" "$when" out easlog-report --force -o out corpus)
			whole=yes
			for f in $six; do
				if ! cmp -s "out/$f" "old/$f" && ! cmp -s "out/$f" "new/$f"; then
					whole="no: $f is neither the old nor the new file"
				fi
			done
			left=$(ls -A out | grep '^\.' | tr '\n' ' ')
			case $sig:$st in
			"INT:signal 2"* | "TERM:signal 15"* | *":exit 1"* | *":exit 0"*) ;;
			*) whole="no: $st" ;;
			esac
			[ "$when" = write ] && case $st in *saw-temp*) ;; *) whole="no: the run ended before a report was being written ($st)" ;; esac
			kept=$(for f in $six; do cmp -s "out/$f" "new/$f" && echo new || echo old; done | sort | uniq -c | tr -s ' \n' '  ')
			if [ "$whole" = yes ] && [ -z "$left" ]; then
				ok "$label: $st, every report whole ($kept), no temporary file"
			else
				notok "$label: $whole; temporary files: ${left:-none}"
			fi
		done
	fi
fi

# --- 2. a full disk -------------------------------------------------------------
mkdir -p disk && rm -f disk/*
easlog-report -o disk "$T/worked-example.log" 2> /dev/null
cp -R disk disk.old
(
	trap '' XFSZ
	ulimit -f 1 # 512-byte blocks: Users.csv of the sample does not fit
	exec easlog-report --force -o disk "$T/sample"
) > /dev/null 2> err
rc=$?
left=$(ls -A disk | grep '^\.' | tr '\n' ' ')
if [ $rc = 1 ] && grep -q 'cannot write disk/Users.csv: File too large (the old file, if any, is untouched)' err &&
	cmp -s disk/Users.csv disk.old/Users.csv && [ -z "$left" ]; then
	ok "a full disk: exit 1, '$(grep 'cannot write' err | head -1)', the old Users.csv untouched, no temporary file"
else
	notok "a full disk: exit $rc, $(grep -v wrote err | head -3 | tr '\n' ' '), temporary files: ${left:-none}"
fi
for f in $six; do
	[ -s "disk/$f" ] || notok "a full disk: $f missing"
done

# --- 3. a closed standard output --------------------------------------------------
# the corpus when there is one (outputs far beyond a pipe's buffer), else the sample
big=corpus
[ -d corpus ] || big=$T/sample
for tool in easlog-parse easlog-hits "easlog-hits --report hourly" easlog-http easlog-useragent \
	easlog-compliance "easlog-compliance --list"; do
	for mode in "" --compat; do
		[ "$tool $mode" = "easlog-compliance --list --compat" ] && continue
		{
			$tool $mode "$big" 2> err
			echo $? > rc
		} | head -1 > first
		grep -v ' lines\{0,1\} skipped (--verbose names them' err > err2
		if [ "$(cat rc)" = 0 ] && [ ! -s err2 ] && [ -s first ]; then
			ok "$tool $mode | head -1: exit 0, nothing on stderr"
		else
			notok "$tool $mode | head -1: exit $(cat rc), stderr: $(head -2 err2 | tr '\n' ' ')"
		fi
	done
done
if command -v timeout > /dev/null 2>&1; then
	fields='#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken'
	line='2024-03-04 10:00:00 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas User=u&DeviceId=d&DeviceType=iPhone&Cmd=Sync&Log=V141_ 443 CONTOSO\u 198.51.100.7 Agent/1 200 0 0 15'
	for z in plain gzip; do
		for fmt in tsv json; do
			{
				{ echo "$fields"; yes "$line"; } | if [ $z = gzip ]; then gzip -1; else cat; fi |
					{
						timeout 60 easlog-parse --format $fmt 2> err
						echo $? > rc
					}
			} | head -1 > first
			if [ "$(cat rc)" = 0 ] && [ ! -s err ] && [ -s first ]; then
				ok "endless $z input, easlog-parse --format $fmt | head -1: stops reading, exit 0, nothing on stderr"
			else
				notok "endless $z input, easlog-parse --format $fmt | head -1: exit $(cat rc) (124: still reading after 60 s), $(head -2 err | tr '\n' ' ')"
			fi
		done
	done
else
	ok "endless input | head -1 # skip no timeout(1)"
fi

# --- 4. a write error on standard output -------------------------------------------
if [ -w /dev/full ]; then
	for fmt in tsv json; do
		easlog-parse --format $fmt "$T/sample" > /dev/full 2> err
		rc=$?
		if [ $rc = 1 ] && grep -q '^easlog-parse: .*\(write\|space\)' err; then
			ok "easlog-parse --format $fmt > /dev/full: exit 1, '$(head -1 err)'"
		else
			notok "easlog-parse --format $fmt > /dev/full: exit $rc, $(head -2 err | tr '\n' ' ')"
		fi
	done
else
	ok "> /dev/full # skip no /dev/full"
fi
