#!/bin/sh
# Crafted and corrupt partial results must not crash --merge: a partial's key
# ids, row ids and bucket numbers index arrays when it is merged, so a loader
# that takes them as they come lets a damaged or hostile file read and write
# out of bounds. For every report tool (easlog-report; easlog-hits with
# --report users, servers, hourly, devices, series and --baseline; easlog-useragent
# with and without --classify; easlog-compliance; easlog-http) a valid partial
# of testdata/worked-example.log, then copies of it with one integer replaced
# (each of the document's first MAX integers, by 99999999 and by -1): --merge
# must exit 0 (the number was harmless) or 1 (the partial refused as malformed)
# -- never a signal, a timeout, or a sanitizer report. The copies are merged
# BATCH at a time (each copy is loaded on its own: a batch is as good a test
# as one run each, and far quicker under ASan); a failing batch is rerun a
# copy at a time to name the integer.
# Usage: bad-partial.sh [BUILD-DIR] (else the tools on PATH, as tests/run.sh
# sets it). Prints "ok N ..." / "not ok N ..." lines.
set -u
[ $# -gt 0 ] && { PATH="$(cd "$1" && pwd):$PATH"; export PATH; }
T=${T:-$(cd "$(dirname "$0")/../../testdata" && pwd)}
MAX=${BAD_PARTIAL_MAX:-200}
BATCH=${BAD_PARTIAL_BATCH:-25}
w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-badpartial.XXXXXX")
trap 'rm -rf "$w"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir "$w/out"
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; }

# a sanitizer's finding must not pass for exit 1 ("malformed"): abort instead
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}abort_on_error=1"
UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}abort_on_error=1:print_stacktrace=1"
export ASAN_OPTIONS UBSAN_OPTIONS

F=$T/worked-example.log
configs='report|easlog-report|
users|easlog-hits|
servers|easlog-hits|--report servers
hourly|easlog-hits|--report hourly
devices|easlog-hits|--report devices
series|easlog-hits|--report series
baseline|easlog-hits|--baseline 3
useragent|easlog-useragent|
classify|easlog-useragent|--classify
compliance|easlog-compliance|
http|easlog-http|'

# merge TOOL OPTS FILE...: --merge under a time limit; sets rc, stderr in $w/err
merge() {
	mt=$1 mo=$2
	shift 2
	if [ "$mt" = easlog-report ]; then
		# shellcheck disable=SC2086
		timeout 10 "$mt" $mo --merge -o "$w/out" --force "$@" > /dev/null 2> "$w/err"
	else
		# shellcheck disable=SC2086
		timeout 10 "$mt" $mo --merge "$@" > /dev/null 2> "$w/err"
	fi
	rc=$?
}

# fine: exit 0 or 1 and no sanitizer report
fine() {
	case $rc in 0 | 1) ;; *) return 1 ;; esac
	! grep -q -e 'Sanitizer' -e 'runtime error' "$w/err"
}

echo "$configs" | while IFS='|' read -r name tool opts; do
	p=$w/$name.json
	# shellcheck disable=SC2086
	$tool $opts --partial "$p" "$F" 2> /dev/null
	if [ ! -s "$p" ]; then
		not_ok "$name: $tool $opts --partial made no partial"
		continue
	fi
	merge "$tool" "$opts" "$p"
	if [ "$rc" = 0 ] && fine; then
		ok "$name: the valid partial merges (exit 0)"
	else
		not_ok "$name: the valid partial merges (exit $rc)"
		sed 's/^/#   /' "$w/err" | head -5
		continue
	fi
	# the copies: $w/$name.c/K.V, with K.V.what saying what was changed
	rm -rf "$w/$name.c"
	mkdir "$w/$name.c"
	perl -e '
		my ($max, $dir, $file) = @ARGV;
		open my $fh, "<", $file or die "$file: $!";
		local $/;
		my $doc = <$fh>;
		my @at;
		while ($doc =~ /(?<=[\[,:])-?[0-9]+(?=[,\]}])/g) {
			push @at, [$-[0], $+[0] - $-[0]];
			last if @at >= $max;
		}
		for my $k (0 .. $#at) {
			my ($o, $l) = @{$at[$k]};
			for my $v ("99999999", "-1") {
				my $c = $doc;
				substr($c, $o, $l) = $v;
				my $name = sprintf "%s/%04d.%s", $dir, $k, $v eq "-1" ? "m" : "p";
				open my $out, ">", $name or die "$name: $!";
				print $out $c;
				close $out;
				open $out, ">", "$name.what" or die;
				my $s = $o > 40 ? $o - 40 : 0;
				my $ctx = substr($doc, $s, $o - $s) . "<" . substr($doc, $o, $l) . "->$v>" . substr($doc, $o + $l, 20);
				print $out "integer $k: ...$ctx...\n";
				close $out;
			}
		}
		print scalar(@at), "\n";
	' "$MAX" "$w/$name.c" "$p" > "$w/count" || { not_ok "$name: perl could not write the copies"; continue; }
	count=$(cat "$w/count")
	for v in p m; do
		case $v in p) vv=99999999 ;; *) vv=-1 ;; esac
		ls "$w/$name.c" | grep "\\.$v\$" | sed "s|^|$w/$name.c/|" > "$w/list"
		bad=0
		split -l "$BATCH" "$w/list" "$w/batch."
		for b in "$w"/batch.*; do
			# shellcheck disable=SC2046
			merge "$tool" "$opts" $(cat "$b")
			if ! fine; then
				# name the first few culprits
				brc=$rc before=$bad
				for c in $(cat "$b"); do
					merge "$tool" "$opts" "$c"
					if ! fine; then
						bad=$((bad + 1))
						[ $bad -le 3 ] && { echo "#   exit $rc: $(cat "$c.what")"; grep -m 2 -e 'ERROR' -e 'runtime error' -e '#[01] ' "$w/err" | sed 's/^/#     /'; }
					fi
				done
				if [ $bad = "$before" ]; then
					bad=$((bad + 1))
					echo "#   exit $brc merging $(wc -l < "$b") copies together; each alone is fine"
				fi
			fi
		done
		rm -f "$w"/batch.*
		if [ $bad = 0 ]; then
			ok "$name: each of $count integers as $vv: --merge exits 0 or 1"
		else
			not_ok "$name: each of $count integers as $vv: --merge crashed, hung or a sanitizer objected $bad times"
		fi
	done
	rm -rf "$w/$name.c"
done
