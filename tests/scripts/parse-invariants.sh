#!/bin/sh
# Invariants of easlog-parse over every parse-* fixture in testdata/:
#   - a gzip twin (same name, same directory name) gives byte-identical output;
#   - CRLF, BOM and BOM+CRLF variants give the same records (only "file" differs);
#   - every JSON line parses (perl JSON::PP) and holds the same record as the TSV row;
#   - the --stats accounting adds up, with and without options, and agrees with
#     the line count of the file and the rows written.
# Prints "ok ..." / "not ok ..." lines (tests/run.sh counts them). Runs in a
# scratch directory (the runner's cwd); reads $T.
set -u
T=${T:-$(cd "$(dirname "$0")/../../testdata" && pwd)}
TESTS=${TESTS:-$(cd "$(dirname "$0")/.." && pwd)}
cols="$TESTS/golden/parse-cols.awk"
work=$(pwd)

ok() { echo "ok - $*"; }
notok() { echo "not ok - $*"; }
check() { # check DESCRIPTION COMMAND...: ok when the command succeeds
	d=$1
	shift
	if "$@"; then ok "$d"; else notok "$d"; fi
}

fixtures=$(cd "$T" && find . -path './parse-*' -type f -name '*.log' | sed 's|^\./||' | sort)
[ -n "$fixtures" ] || { notok "no parse-* fixtures under $T"; exit 1; }

# The JSON check: argv = TSV file, JSON file. Same number of records, same
# columns, same values; numbers are JSON numbers, absent values null.
cat > json-check.pl <<'EOF'
use strict;
use warnings;
use JSON::PP;
my ($tsv, $json) = @ARGV;
open my $t, '<', $tsv or die "$tsv: $!";
open my $j, '<', $json or die "$json: $!";
chomp(my $h = <$t>);
my @cols = split /\t/, $h, -1;
my %numeric = map { $_ => 1 } qw(status substatus win32_status time_taken bytes_sent bytes_received
	eas_status heartbeat policy_key attachments attachment_bytes sharepoint unc line);
my $enc = JSON::PP->new->allow_nonref;
my ($n, @err) = (0);
while (my $tl = <$t>) {
	chomp $tl;
	$n++;
	my $jl = <$j>;
	if (!defined $jl) { push @err, "record $n: no JSON line"; last }
	my $d = eval { decode_json($jl) };
	if (!$d || ref $d ne 'HASH') { push @err, "record $n: not a JSON object: $@"; next }
	my @v = map { my $x = $_; $x =~ s/\\(.)/$1 eq 't' ? "\t" : $1 eq 'n' ? "\n" : $1 eq 'r' ? "\r" : $1/ge; $x }
		split /\t/, $tl, -1;
	push @err, "record $n: " . scalar(@v) . " TSV fields, " . scalar(@cols) . " columns" if @v != @cols;
	push @err, "record $n: " . scalar(keys %$d) . " JSON keys, " . scalar(@cols) . " columns"
		if keys %$d != @cols;
	for my $i (0 .. $#cols) {
		my ($c, $tv) = ($cols[$i], $v[$i]);
		if (!exists $d->{$c}) { push @err, "record $n: JSON lacks $c"; next }
		my $jv = $d->{$c};
		if (!defined $jv) {
			my $want = $c =~ /^w3c_/ ? '-' : '';
			push @err, "record $n: $c is null in JSON, '$tv' in TSV" if $tv ne $want;
			next;
		}
		my $isnum = $enc->encode($jv) !~ /^"/;
		push @err, "record $n: $c is " . ($isnum ? 'a number' : 'a string') . " in JSON"
			if $isnum != ($numeric{$c} ? 1 : 0);
		push @err, "record $n: $c is '$jv' in JSON, '$tv' in TSV" if "$jv" ne $tv;
	}
}
push @err, "more JSON lines than TSV records" if defined <$j>;
print "$_\n" for @err[0 .. ($#err > 4 ? 4 : $#err)];
exit(@err ? 1 : 0);
EOF

# stats FILE ARGS...: runs easlog-parse --stats, checks that the accounting adds
# up and that records match the rows written; echoes "lines records non_eas".
stats_sum() {
	f=$1
	shift
	easlog-parse --stats "$@" "$f" > "$work/st.out" 2> "$work/st.err"
	awk -v rows="$(($(wc -l < "$work/st.out") - 1))" -v all="$ALL" '
	/: lines [0-9]+ = / {
		for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) v[++k] = $i
		lines = v[1]; rec = v[2]; non = v[3]; dir = v[4]; blank = v[5]; filt = v[6]; skip = v[7]
		seen++
	}
	/: filtered:/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) fsum += $i; fseen++ }
	/: skipped:/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) ssum += $i; sseen++ }
	END {
		if (seen != 1 || fseen != 1 || sseen != 1) { print "no accounting"; exit 1 }
		if (lines != rec + non + dir + blank + filt + skip) { print "lines " lines " != sum"; exit 1 }
		if (fsum != filt) { print "filtered " filt " != " fsum; exit 1 }
		if (ssum != skip) { print "skipped " skip " != " ssum; exit 1 }
		want = all ? "at least " rec : rec
		if (all ? rows < rec || rows > rec + non : rows != rec) { print "rows " rows ", records " rec; exit 1 }
		print lines, rec, non
	}' "$work/st.err"
}

for f in $fixtures; do
	name=$(basename "$f")

	# gzip twin: same relative path, so even the file and server columns agree
	rm -rf p z && mkdir -p p/testdata z/testdata
	cp "$T/$f" "p/testdata/$name"
	gzip -n -c "$T/$f" > "z/testdata/$name"
	for fmt in tsv json; do
		(cd p && easlog-parse --all --format $fmt "testdata/$name") > plain.out 2> plain.err
		rp=$?
		(cd z && easlog-parse --all --format $fmt "testdata/$name") > gz.out 2> gz.err
		rz=$?
		if [ $rp = $rz ] && cmp -s plain.out gz.out && cmp -s plain.err gz.err; then
			ok "$f: gzip twin, $fmt: identical output"
		else
			notok "$f: gzip twin, $fmt: output differs (exit $rp/$rz)"
		fi
	done

	# CRLF, BOM, BOM + CRLF: same records except the file column
	cp "$T/$f" orig.log
	awk '{ printf "%s\r\n", $0 }' orig.log > crlf.log
	printf '\357\273\277' > bom.log && cat orig.log >> bom.log
	printf '\357\273\277' > bomcrlf.log && cat crlf.log >> bomcrlf.log
	easlog-parse --all orig.log 2> /dev/null | awk -v drop=file -f "$cols" > want
	for v in crlf bom bomcrlf; do
		easlog-parse --all $v.log 2> /dev/null | awk -v drop=file -f "$cols" > got
		check "$f: $v variant: same records" cmp -s want got
	done

	# JSON Lines: parse each line, compare with the TSV, for plain and --all
	for a in "" --all; do
		easlog-parse $a orig.log > o.tsv 2> /dev/null
		easlog-parse $a --format json orig.log > o.json 2> /dev/null
		if perl json-check.pl o.tsv o.json > jc.out 2>&1; then
			ok "$f: JSON ${a:-records} parse and match the TSV ($(($(wc -l < o.json))) lines)"
		else
			notok "$f: JSON ${a:-records} vs TSV: $(head -3 jc.out | tr '\n' ' ')"
		fi
	done

	# accounting: lines of the file, with and without options
	nl=$(wc -l < orig.log | tr -d ' ')
	[ -n "$(tail -c 1 orig.log)" ] && nl=$((nl + 1)) # a last line without newline
	ALL=0
	if r=$(stats_sum orig.log); then
		set -- $r
		if [ "$1" = "$nl" ]; then
			ok "$f: --stats adds up ($r) and counts all $nl lines"
		else
			notok "$f: --stats counts $1 lines, the file has $nl"
		fi
	else
		notok "$f: --stats: $r"
	fi
	for opts in "--all" "--compat" "--start 2011-05-06T11:31:00 --end 2016-08-22T10:00" \
		"--user jdoe" "--cmd Sync --cmd Ping" "--match user_agent=^Apple" \
		"--all --device-type iPhone --start 2016-01-01" "--compat --end 2016-08-22"; do
		case $opts in --all*) ALL=1 ;; *) ALL=0 ;; esac
		if r=$(stats_sum orig.log $opts) && [ "${r%% *}" = "$nl" ]; then
			ok "$f: --stats $opts adds up ($r)"
		else
			notok "$f: --stats $opts: $r (file: $nl lines)"
		fi
	done
done

# Every fixture at once (several files, some in directories): the sums still hold.
ALL=0
total=0
for f in $fixtures; do
	n=$(wc -l < "$T/$f" | tr -d ' ')
	[ -n "$(tail -c 1 "$T/$f")" ] && n=$((n + 1))
	total=$((total + n))
done
# shellcheck disable=SC2086
if r=$(cd "$T" && stats_sum $fixtures) && [ "${r%% *}" = "$total" ]; then
	ok "all $(echo $fixtures | wc -w | tr -d ' ') fixtures in one run: --stats adds up ($r) and counts all $total lines"
else
	notok "all fixtures in one run: $r (files: $total lines)"
fi
