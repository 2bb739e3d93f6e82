#!/bin/sh
# Long values in bounded time (issue 5): a Log value of 100 KB with 10,000
# tokens, in both modes (the default decoder and --compat, which reproduces the
# cmdlet's backtracking regular expression), in shapes that would make a naive
# backtracking matcher blow up ('&' and '=' inside [^_]* runs, a bad token at the
# end that voids the Log). Each must be linear: one such line is decoded well
# within a second, and 4x the Log size costs about 4x the CPU time (at most 8x;
# quadratic would be 16x). The lines are generated on the fly and piped in
# (nothing big is written to disk); the time measured is easlog-parse's own CPU
# time less its start-up time, grown until it is large enough to compare (CPU
# time, not wall time: other work on the machine does not count). Then a 10 MB line through
# every tool. (1 MB and 5 MB lines: parse-long-line.)
# Prints "ok ..." / "not ok ..." lines (tests/run.sh counts them).
set -u
w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-longlog.XXXXXX")
trap 'rm -rf "$w"' EXIT INT TERM
cd "$w" || exit 1
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); echo "not ok $n - $*"; }

# cpu.pl SHAPE KB LINES CMD...: writes LINES log lines whose Log value is KB
# kilobytes of SHAPE to CMD's standard input; prints CMD's user+system CPU
# seconds, its exit status and the number of tokens of one Log value.
cat > cpu.pl <<'EOF'
use strict;
use warnings;
my ($shape, $kb, $lines, @cmd) = @ARGV;
my %unit = (
	known   => 'Ty:Em_Cli:1a2c0d0f0e_',   # real tokens
	unknown => 'CmdHC-1_',                # unknown: voids the Log in --compat
	amp     => 'Oof:a&b=c&d_',            # '&' and '=' in Oof runs: backtracking points
	mixed   => 'Srv:1a2c3d4s5e6r7A8s_Pa1_&A=',
);
my $u = $unit{$shape} or die "no shape $shape\n";
my $log = $u x int($kb * 1024 / length $u);
$log .= 'Bad-Token' if $shape ne 'known';
my $tokens = () = $log =~ /[^_]+/g;
pipe(my $r, my $wr) or die;
my $pid = fork // die;
if (!$pid) {
	close $wr;
	open STDIN, '<&', $r or die;
	open STDOUT, '>', '/dev/null';
	open STDERR, '>', '/dev/null';
	exec @cmd or exit 127;
}
close $r;
$SIG{PIPE} = 'IGNORE';
print $wr "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\n";
for my $i (1 .. $lines) {
	printf $wr "2024-03-04 10:%02d:%02d 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas User=u%d&DeviceId=d%d&DeviceType=iPhone&Cmd=Sync&Log=%s 443 CONTOSO\\u%d 198.51.100.7 Agent/1 200 0 0 15\n",
		$i / 60 % 60, $i % 60, $i, $i, $log, $i;
}
close $wr;
waitpid $pid, 0;
my $rc = $? >> 8;
my (undef, undef, $cu, $cs) = times;
printf "%.3f %d %d\n", $cu + $cs, $rc, $tokens;
EOF

for mode in "" --compat; do
	# the start-up cost (large under ASan), taken off the times compared
	set -- $(perl cpu.pl known 1 0 easlog-parse $mode)
	t0=$1
	for shape in known unknown amp mixed; do
		what="${mode:-default} $shape"
		# one line of 100 KB: bounded time
		set -- $(perl cpu.pl $shape 100 1 easlog-parse $mode)
		if [ "$2" = 0 ] && awk "BEGIN { exit !($1 < 1.0) }"; then
			ok "$what: one 100 KB Log value ($3 tokens) in $1 s CPU"
		else
			notok "$what: one 100 KB Log value ($3 tokens): $1 s CPU, exit $2"
			continue
		fi
		# 1x and 4x the Log size, with enough lines to time them
		lines=8
		while :; do
			set -- $(perl cpu.pl $shape 100 $lines easlog-parse $mode)
			t1=$1
			awk "BEGIN { exit !($t1 - $t0 >= 0.2) }" && break
			[ $lines -ge 2048 ] && break
			lines=$((lines * 2))
		done
		set -- $(perl cpu.pl $shape 400 $lines easlog-parse $mode)
		t4=$1
		ratio=$(awk "BEGIN { d = $t1 - $t0; printf \"%.1f\", ($t4 - $t0) / (d > 0 ? d : 0.001) }")
		if [ "$2" = 0 ] && awk "BEGIN { exit !($ratio <= 8) }"; then
			ok "$what: $lines lines, Log 100 KB: $t1 s, 400 KB: $t4 s CPU, start-up $t0 s (x$ratio)"
		else
			notok "$what: $lines lines, Log 100 KB: $t1 s, 400 KB: $t4 s CPU (x$ratio, want about 4, at most 8), exit $2"
		fi
	done
done

# A 10 MB line (a 10 MB Log value) between two ordinary lines, through every tool.
perl -e '
	my $f = "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\n";
	my $l = "2024-03-04 10:00:0%d 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas User=u%d&DeviceId=d%d&DeviceType=iPhone&Cmd=Sync&Log=V141_%sS1_ 443 CONTOSO\\u%d 198.51.100.7 Agent/1 200 0 0 15\n";
	print $f;
	printf $l, 1, 1, 1, "", 1;
	printf $l, 2, 2, 2, "Budget:" . ("x" x (10 << 20)) . "_", 2;
	printf $l, 3, 3, 3, "", 3;
' > 10m.log
for mode in "" --compat; do
	easlog-parse $mode 10m.log > out 2> err
	rc=$?
	recs=$(($(wc -l < out) - 1))
	long=$(awk -F '\t' 'NR > 1 && length($0) > 10000000 { n++ } END { print n + 0 }' out)
	if [ $rc = 0 ] && [ $recs = 3 ] && [ "$long" = 1 ]; then
		ok "easlog-parse ${mode:-default}: the 10 MB line is a record, the lines around it too"
	else
		notok "easlog-parse ${mode:-default}: exit $rc, $recs records, $long long ($(head -2 err | tr '\n' ' '))"
	fi
	for tool in easlog-hits easlog-http easlog-useragent easlog-compliance; do
		$tool $mode --stats 10m.log > out 2> err
		rc=$?
		if [ $rc = 0 ] && grep -q ': lines 4 = records 3 ' err; then
			ok "$tool ${mode:-default}: 10 MB line counted"
		else
			notok "$tool ${mode:-default}: exit $rc, $(grep ': lines' err)"
		fi
	done
	rm -rf rep && mkdir rep
	easlog-report $mode -o rep 10m.log > /dev/null 2> err
	rc=$?
	if [ $rc = 0 ] && grep -q ' 3 EAS records' err; then
		ok "easlog-report ${mode:-default}: 10 MB line counted"
	else
		notok "easlog-report ${mode:-default}: exit $rc, $(grep 'lines' err)"
	fi
done
