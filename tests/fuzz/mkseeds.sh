#!/bin/sh
# mkseeds.sh: (re)builds the fuzz seed corpora testdata/fuzz-seeds/<target>/
# from the fixtures in testdata/: real log files, their lines, queries, Log
# values and base64 blobs, and easlog-parse TSV/JSON output. Deterministic;
# the result is committed (make fuzz-seeds runs this).
# Usage: sh tests/fuzz/mkseeds.sh [BUILD]   (BUILD: a tree with easlog-parse; build)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
build=${1:-build}
T=testdata
S=$T/fuzz-seeds
rm -rf "$S"
mkdir -p "$S/w3c" "$S/decode" "$S/base64" "$S/record_io"

# The fixtures used: every plain log under testdata/, in byte order; as whole
# files only those below 16 KB (the w3c target's longest input).
logs=$(find $T -name '*.log' -type f ! -path "$T/fuzz-*" | LC_ALL=C sort)
small=$(find $T -name '*.log' -type f -size -16k ! -path "$T/fuzz-*" | LC_ALL=C sort)

# w3c: whole files with option bytes (see tests/fuzz/fuzz_w3c.c): the file's
# own #Fields (layout 7) through a memfd, a pipe, tiny buffers; some gzipped.
i=0
for f in $small; do
	i=$((i + 1))
	name=$(echo "${f#$T/}" | tr '/' '_')
	case $((i % 4)) in
	0) o='\007\000' ;; # own #Fields, memfd, 1-byte buffer
	1) o='\037\000' ;; # own #Fields, pipe, 3-byte buffer
	2) o='\127\000' ;; # own #Fields, memfd, 3-byte buffer, compat
	3) o='\357\001' ;; # own #Fields, pipe, 64-byte buffer, compat, hold, gzip thread
	esac
	{ printf "$o"; cat "$f"; } > "$S/w3c/$name"
done
for f in $T/parse-e2010.log $T/parse-fields-change.log $T/compat-real-lines.log; do
	name=$(basename "$f")
	{ printf '\027\000'; gzip -n -c "$f"; } > "$S/w3c/gz-$name"
	{ printf '\037\001'; gzip -n -c "$f"; gzip -n -c "$f"; } > "$S/w3c/gz2-$name"
done
# data lines alone under each built-in layout (0-4)
n=0
for f in $T/parse-e2010.log $T/parse-odd.log $T/parse-date-directive.log; do
	for l in 0 1 2 3 4; do
		n=$((n + 1))
		{ printf "\\00$l\\000"; grep -v '^#' "$f" | head -5; } > "$S/w3c/layout$l-$(basename "$f")"
	done
done
printf '\007\000\357\273\277#Fields: date time cs-uri-stem\r\n\r\n2024-03-04 00:00:00 /x\r\nlast' > "$S/w3c/bom-crlf"

# The parts of the data lines: perl splits each fixture by its #Fields.
perl - "$S" $logs <<'EOF'
use strict;
use warnings;
my ($S, @files) = @ARGV;
my (%q, %lg, %b64, @w3c);
my @l2016 = qw(date time s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query s-port
	cs-username c-ip cs-version cs(user-agent) cs(cookie) cs(referer) cs-host sc-status sc-substatus
	sc-win32-status sc-bytes cs-bytes time-taken);
for my $f (@files) {
	open my $fh, '<:raw', $f or die "$f: $!";
	my @cols;
	while (my $l = <$fh>) {
		$l =~ s/\r?\n\z//;
		if ($l =~ /^#\s*fields\s*:\s*(.*)/i) { @cols = map { lc } split /[ \t]+/, $1; next }
		next if $l =~ /^#/ || !@cols;
		my @t = grep { length } split / +/, $l;
		next if @t != @cols;
		my %v;
		@v{@cols} = @t;
		my $qv = $v{'cs-uri-query'};
		next unless defined $qv && $qv ne '-';
		my $stem = $v{'cs-uri-stem'} // '';
		$q{$qv} //= [$v{'cs-username'} // '-', $v{'cs(user-agent)'} // '-', $stem];
		$lg{$1} = 1 if $qv =~ /(?:^|&)Log=([^&]*)/i;
		my ($head) = split /&/, $qv;
		$b64{$head} = 1 if length($head) >= 8 && $head !~ /=[^=]/;
		$v{date} //= '2024-03-04';
		push @w3c, join ' ', map { $v{$_} // '-' } @l2016 if $stem =~ /activesync/i;
	}
}
sub put { my ($path, $bytes) = @_; open my $o, '>:raw', $path or die "$path: $!"; print $o $bytes; close $o }
# at most 250 queries and 100 Log values, spread over the sorted list
sub spread { my ($max, @l) = @_; return @l if @l <= $max; my $k = @l / $max; return map { $l[int($_ * $k)] } 0 .. $max - 1 }
my $n = 0;
for my $qv (spread(250, sort keys %q)) {
	my ($u, $a, $stem) = @{$q{$qv}};
	$n++;
	my $st = $stem =~ /proxy/i ? 1 : $stem =~ /activesync/i ? 0 : 3;
	my ($ub, $ab) = map { $_ eq '-' || length($_) > 255 ? '' : $_ } $u, $a;
	put(sprintf("%s/decode/q%03d", $S, $n), chr($st | ($n % 2 ? 4 : 0)) . chr(length $ub) . chr(length $ab) . $qv . $ub . $ab);
}
$n = 0;
for my $v (spread(100, sort keys %lg)) { $n++; put(sprintf("%s/decode/log%03d", $S, $n), "\x00\x00\x00Log=$v") }
$n = 0;
for my $v (sort keys %b64) { $n++; put(sprintf("%s/base64/b%03d", $S, $n), $v); (my $d = $v) =~ s/%([0-9A-Fa-f]{2})/chr hex $1/ge; put(sprintf("%s/base64/d%03d", $S, $n), $d) }
my %seen;
$n = 0;
for my $l (@w3c) { next if $seen{$l}++; $n++; last if $n > 60; put(sprintf("%s/record_io/w3c%03d", $S, $n), "\x01$l") }
EOF
printf 'QQ' > "$S/base64/short"
printf 'QUJD' > "$S/base64/abc"
printf 'QUI=' > "$S/base64/ab-padded"
printf 'Q===' > "$S/base64/too-much-padding"
printf 'QU%%JD' > "$S/base64/percent"

# record_io: easlog-parse output, TSV (header + a few records) and JSON Lines
if [ -x "$build/easlog-parse" ]; then
	n=0
	for f in $T/parse-e2010.log $T/parse-e2016.log $T/parse-base64.log $T/parse-odd.log $T/parse-date-directive.log \
		$T/compat-real-lines.log $T/parse-arr.log; do
		n=$((n + 1))
		"$build/easlog-parse" --all "$f" 2> /dev/null | head -6 > "$S/record_io/tsv.tmp" || true
		{ printf '\000'; cat "$S/record_io/tsv.tmp"; } > "$S/record_io/tsv-$(basename "$f")"
		{ printf '\002'; tail -n +2 "$S/record_io/tsv.tmp"; } > "$S/record_io/tsvbody-$(basename "$f")"
		"$build/easlog-parse" --all --format json "$f" 2> /dev/null | head -5 > "$S/record_io/json.tmp" || true
		{ printf '\000'; cat "$S/record_io/json.tmp"; } > "$S/record_io/json-$(basename "$f")"
	done
	rm -f "$S/record_io/tsv.tmp" "$S/record_io/json.tmp"
else
	echo "mkseeds: $build/easlog-parse missing: no TSV/JSON seeds" >&2
fi
for t in w3c decode base64 record_io; do
	echo "$t: $(ls "$S/$t" | wc -l | tr -d ' ') seeds, $(du -sk "$S/$t" | cut -f1) KB"
done
