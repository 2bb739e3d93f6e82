#!/bin/sh
# Partial results and their merge (issue 6), for every report tool in both
# modes, on testdata/sample and testdata/multi (a partial per server
# directory) and on testdata/compat-*.log (a partial per group of files,
# taken round robin so that the groups interleave in input order; and, for
# easlog-report, a partial per file):
#  1. the partials merged (--merge) equal one run over all the inputs, exit
#     status included;
#  2. the order of the operands of --merge does not matter (reversed,
#     rotated, odd ones first);
#  3. associativity: (A+B)+C and A+(B+C), merged into partials again with
#     --merge --partial, both give the one run's reports (the two partials
#     need not be the same bytes: keys and rows are kept in merge order);
#  4. partials made with -j 1 and with -j 2 give the same reports, alone or
#     mixed with each other (a partial's bytes depend on -j, its meaning not);
#  5. --merge refuses, with exit 1 and a message naming the file, a partial
#     made with other options (--compat, --tier fe, --start), another format
#     version, a truncated, empty, non-JSON or foreign JSON document, a
#     damaged one (a key twice) and one made by a tool without the report;
#     the other partials are still merged;
#  6. a partial's size grows with the distinct keys, not with the lines:
#     corpora from bench/easlog-gen.c with the same users and servers, 1x
#     and 4x the size, give partials within 10% of each other.
# The exact messages are pinned by tests/golden/partial-*.cmd.
set -u
T=${T:-$(cd "$(dirname "$0")/../../testdata" && pwd)}
top=$(cd "$(dirname "$0")/../.." && pwd)
n=0
w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-partial.XXXXXX")
trap 'rm -rf "$w"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ok() { n=$((n + 1)); echo "ok $n $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n $1"; }

reports="Users Servers Hourly StatusCodes PolicyCompliance UserAgents"

# result TOOL OPTS OUT ARGS...: runs TOOL OPTS ARGS (a run over logs or a
# --merge) and puts in OUT what it reports, its exit status last
result() {
	rt=$1 ro=$2 rout=$3
	shift 3
	if [ "$rt" = easlog-report ]; then
		rm -rf "$rout.d"
		mkdir "$rout.d"
		# shellcheck disable=SC2086
		easlog-report $ro -o "$rout.d" "$@" > /dev/null 2>&1
		rrc=$?
		for f in $reports; do
			echo "== $f"
			cat "$rout.d/$f.csv" 2> /dev/null
		done > "$rout"
	else
		# shellcheck disable=SC2086
		$rt $ro "$@" > "$rout" 2> /dev/null
		rrc=$?
	fi
	echo "exit $rrc" >> "$rout"
}

# same DESC WANT GOT: GOT equals WANT, a run that reported something
same() {
	if [ ! -s "$2" ] || [ "$(wc -l < "$2")" -lt 2 ]; then
		not_ok "$1 (the one run reported nothing)"
	elif cmp -s "$2" "$3"; then
		ok "$1"
	else
		not_ok "$1"
		diff "$2" "$3" | head -6 | sed 's/^/#   /'
	fi
}

# The fixtures: NAME and its parts, one operand list a line.
for f in "$T"/sample/*/; do echo "${f%/}"; done > "$w/parts.sample"
for f in "$T"/multi/*/; do echo "${f%/}"; done > "$w/parts.multi"
ls "$T"/compat-*.log > "$w/compat.files"
# compat: four groups of files, round robin
awk '{ g[(NR - 1) % 4] = g[(NR - 1) % 4] " " $0 } END { for (i = 0; i < 4; i++) print substr(g[i], 2) }' \
	"$w/compat.files" > "$w/parts.compat"
cp "$w/compat.files" "$w/parts.compat1"

# check FIXTURE TOOL OPTS DESC: checks 1-4 for one tool, options and fixture
check() {
	fx=$1 tool=$2 opts=$3 desc="$4 on $1"
	all=$(tr '\n' ' ' < "$w/parts.$fx")
	d=$w/run
	rm -rf "$d"
	mkdir "$d"
	# shellcheck disable=SC2086
	result "$tool" "$opts" "$d/one" $all
	i=0
	: > "$d/list"
	while IFS= read -r part; do
		i=$((i + 1))
		p=$(printf '%s/p%03d' "$d" $i)
		# shellcheck disable=SC2086
		$tool $opts -j 1 --partial "$p.j1" $part 2> /dev/null
		# -j 2 partials for the odd parts (the mix below)
		# shellcheck disable=SC2086
		[ $((i % 2)) = 0 ] || $tool $opts -j 2 --partial "$p.j2" $part 2> /dev/null
		echo "$p" >> "$d/list"
	done < "$w/parts.$fx"
	np=$i
	j1=$(sed 's/$/.j1/' "$d/list" | tr '\n' ' ')
	# shellcheck disable=SC2086
	result "$tool" "$opts --merge" "$d/m" $j1
	same "$desc: $np partials merged = one run" "$d/one" "$d/m"

	rev=$(sed 's/$/.j1/' "$d/list" | awk '{ l[NR] = $0 } END { for (i = NR; i > 0; i--) printf "%s ", l[i] }')
	rot=$(sed 's/$/.j1/' "$d/list" | awk 'NR == 1 { f = $0; next } { printf "%s ", $0 } END { print f }')
	odd=$(sed 's/$/.j1/' "$d/list" | awk 'NR % 2 == 0 { printf "%s ", $0 } NR % 2 { o = o " " $0 } END { print o }')
	for perm in rev rot odd; do
		case $perm in
		rev) ops=$rev ;;
		rot) ops=$rot ;;
		*) ops=$odd ;;
		esac
		# shellcheck disable=SC2086
		result "$tool" "$opts --merge" "$d/m-$perm" $ops
		same "$desc: merge order ($perm)" "$d/one" "$d/m-$perm"
	done

	# A = the first part, B = the middle ones, C = the last (or A, B, C
	# when there are three)
	a=$(sed -n '1s/$/.j1/p' "$d/list")
	c=$(sed -n '$s/$/.j1/p' "$d/list")
	b=$(sed '1d;$d;s/$/.j1/' "$d/list" | tr '\n' ' ')
	# shellcheck disable=SC2086
	$tool $opts --merge --partial "$d/ab" $a $b 2> /dev/null
	# shellcheck disable=SC2086
	$tool $opts --merge --partial "$d/ab_c" "$d/ab" "$c" 2> /dev/null
	# shellcheck disable=SC2086
	$tool $opts --merge --partial "$d/bc" $b $c 2> /dev/null
	# shellcheck disable=SC2086
	$tool $opts --merge --partial "$d/a_bc" "$a" "$d/bc" 2> /dev/null
	result "$tool" "$opts --merge" "$d/m-ab_c" "$d/ab_c"
	same "$desc: (A+B)+C merged = one run" "$d/one" "$d/m-ab_c"
	result "$tool" "$opts --merge" "$d/m-a_bc" "$d/a_bc"
	same "$desc: A+(B+C) merged = one run" "$d/one" "$d/m-a_bc"

	mix=$(awk -v n="$np" -v d="$d" 'BEGIN { for (i = 1; i <= n; i++) printf "%s/p%03d.j%d ", d, i, 1 + i % 2 }')
	# shellcheck disable=SC2086
	result "$tool" "$opts --merge" "$d/m-mix" $mix
	same "$desc: -j 1 and -j 2 partials mixed = one run" "$d/one" "$d/m-mix"
	# one partial over everything, -j 2
	# shellcheck disable=SC2086
	$tool $opts -j 2 --partial "$d/whole" $all 2> /dev/null
	result "$tool" "$opts --merge" "$d/m-whole" "$d/whole"
	same "$desc: one partial over all (-j 2) merged alone = one run" "$d/one" "$d/m-whole"
}

tools="easlog-report|
easlog-hits|--report users
easlog-hits|--report servers
easlog-hits|--report hourly
easlog-useragent|
easlog-compliance|
easlog-http|"

for fx in sample multi compat; do
	for mode in default compat; do
		mflag=""
		[ $mode = compat ] && mflag="--compat"
		while IFS='|' read -r tool topts <&3; do
			check "$fx" "$tool" "$mflag $topts" "$mode $tool${topts:+ $topts}"
		done 3<< EOF
$tools
EOF
	done
done
# a partial per compat-*.log file
check compat1 easlog-report "" "default easlog-report, a partial per file,"
check compat1 easlog-report "--compat" "compat easlog-report, a partial per file,"
# options that shape the state, default mode
check sample easlog-report "--tier all --by weekday --tz Europe/Berlin" "easlog-report --tier all --by weekday --tz"
check multi easlog-hits "--report hourly --tz America/New_York --start 2024-03-04T12:00 --end 2024-03-05" \
	"easlog-hits hourly --tz --start --end"
check sample easlog-compliance "--list" "easlog-compliance --list"
check sample easlog-useragent "--cmd Sync --cmd Ping" "easlog-useragent --cmd"
check multi easlog-http "--tier be" "easlog-http --tier be"

# 5. Refusals. A, B: good partials; X: the bad one, merged between them.
d=$w/refuse
mkdir -p "$d"
S=$T/sample
easlog-report -j 1 --partial "$d/A" "$S/EXCH01" 2> /dev/null
easlog-report -j 1 --partial "$d/B" "$S/EXCH02" 2> /dev/null
easlog-report -j 1 --partial "$d/good3" "$S/EXCH03" 2> /dev/null
result easlog-report "--merge" "$d/want" "$d/A" "$d/B"
sed 's/^exit 0$/exit 1/' "$d/want" > "$d/want1"

# refused DESC FILE WHY [MERGE OPTIONS]: merging A FILE B exits 1, names FILE
# (with WHY, a fixed string) and still gives A+B
refused() {
	rd=$1 rf=$2 rwhy=$3 ro=${4:-}
	# shellcheck disable=SC2086
	easlog-report --merge $ro -o "$d" --force "$d/A" "$rf" "$d/B" > /dev/null 2> "$d/err"
	rrc=$?
	if [ $rrc = 1 ]; then ok "refuses $rd: exit 1"; else not_ok "refuses $rd: exit $rrc, want 1"; fi
	if grep -F -- "easlog-report: $rf: " "$d/err" | grep -F -- "$rwhy" | grep -q 'left out of the merge'; then
		ok "refuses $rd: the message names the file and why"
	else
		not_ok "refuses $rd: the message names the file and why"
		sed 's/^/#   /' "$d/err" | head -4
	fi
	if [ -z "$ro" ]; then
		result easlog-report "--merge" "$d/got" "$d/A" "$rf" "$d/B"
		same "refuses $rd: the others are still merged" "$d/want1" "$d/got"
	fi
}

easlog-report -j 1 --compat --partial "$d/compat" "$S/EXCH03" 2> /dev/null
refused "a --compat partial in a default merge" "$d/compat" "made with other options"
easlog-report -j 1 --tier fe --partial "$d/tierfe" "$S/EXCH03" 2> /dev/null
refused "a --tier fe partial in a --tier auto merge" "$d/tierfe" "made with other options"
easlog-report -j 1 --start 2024-03-05 --partial "$d/start" "$S/EXCH03" 2> /dev/null
refused "a --start partial in a merge without --start" "$d/start" "made with other options"
refused "a default partial in a --compat merge" "$d/good3" "made with other options" --compat
sed 's/"version":1,/"version":2,/' "$d/good3" > "$d/version2"
if cmp -s "$d/good3" "$d/version2"; then not_ok "version edit (the partial has no \"version\":1)"; fi
refused "another format version" "$d/version2" "partial format version 2, this easlog reads version 1"
sed 's/"format":"easlog-partial"/"format":"easlog-partial-x"/' "$d/good3" > "$d/format"
refused "another format name" "$d/format" "not an easlog partial result"
head -c 3000 "$d/good3" > "$d/truncated"
refused "a truncated partial" "$d/truncated" "not readable as JSON"
size=$(wc -c < "$d/good3")
head -c $((size - 2)) "$d/good3" > "$d/cut2"
refused "a partial cut 2 bytes short" "$d/cut2" "not readable as JSON"
echo "User Name,Hits" > "$d/csv"
refused "a CSV file" "$d/csv" "not readable as JSON"
: > "$d/empty"
refused "an empty file" "$d/empty" "not readable as JSON"
echo '{"format":"something else"}' > "$d/foreign"
refused "foreign JSON" "$d/foreign" "not an easlog partial result"
echo '[1,2,3]' > "$d/array"
refused "a JSON array" "$d/array" "not an easlog partial result"
sed 's/"servers":\["EXCH03"\]/"servers":["EXCH03","EXCH03"]/' "$d/good3" > "$d/dupkey"
if cmp -s "$d/good3" "$d/dupkey"; then not_ok "key edit (the partial has no servers key EXCH03)"; fi
refused "a partial with a key twice" "$d/dupkey" "malformed partial result"
easlog-hits -j 1 --partial "$d/hits" "$S/EXCH03" 2> /dev/null
refused "a partial of easlog-hits --report users" "$d/hits" "holds no servers state"
easlog-report --merge -o "$d" --force "$d/A" "$d/nonexistent" "$d/B" > /dev/null 2> "$d/err"
rc=$?
if [ $rc = 1 ] && grep -qF "easlog-report: $d/nonexistent: No such file or directory" "$d/err"; then
	ok "a missing partial file: exit 1, named"
else
	not_ok "a missing partial file: exit $rc, want 1, named"
fi
result easlog-report "--merge" "$d/got" "$d/A" "$d/nonexistent" "$d/B"
same "a missing partial file: the others are still merged" "$d/want1" "$d/got"

# all refused: exit 1, nothing merged, no crash
easlog-hits --merge --compat "$d/A" "$d/B" > "$d/out" 2> "$d/err"
rc=$?
if [ $rc = 1 ] && [ "$(grep -c 'left out of the merge' "$d/err")" = 2 ]; then
	ok "every partial refused: exit 1, both named"
else
	not_ok "every partial refused: exit $rc, want 1 and both named"
fi
# stdin
result easlog-report "--merge" "$d/stdin" "$d/A" - < "$d/B"
same "--merge reads a partial on stdin (-)" "$d/want" "$d/stdin"
# a partial given twice counts twice: not refused, but not one run either
result easlog-report "--merge" "$d/twice" "$d/A" "$d/A"
result easlog-report "--merge" "$d/once" "$d/A"
if ! cmp -s "$d/once" "$d/twice"; then
	ok "a partial merged twice counts twice (no silent dedup)"
else
	not_ok "a partial merged twice counts twice (no silent dedup)"
fi

# 6. Partial size: distinct keys, not lines.
gen=$w/easlog-gen
if ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$gen" "$top/bench/easlog-gen.c" 2> "$w/cc.err"; then
	for s in 2 8; do
		"$gen" -o "$w/gen$s" --seed 3 --users 10 --servers 2 --days 2 --size $s 2> /dev/null
		easlog-report -j 1 --partial "$w/gen$s.p" "$w/gen$s" 2> /dev/null
		easlog-hits -j 2 --partial "$w/gen$s.h" "$w/gen$s" 2> /dev/null
	done
	in1=$(cat "$w"/gen2/*/*/* | wc -c)
	in4=$(cat "$w"/gen8/*/*/* | wc -c)
	for k in p h; do
		s1=$(wc -c < "$w/gen2.$k")
		s4=$(wc -c < "$w/gen8.$k")
		what="easlog-report"
		[ $k = h ] && what="easlog-hits"
		# within 10%: 10 * |s4 - s1| <= s1
		dd=$((s4 - s1))
		[ $dd -ge 0 ] || dd=$((-dd))
		if [ "$s1" -gt 0 ] && [ $((in4 * 10)) -gt $((in1 * 35)) ] && [ $((10 * dd)) -le "$s1" ]; then
			ok "$what partial size: $s1 bytes for $in1 input bytes, $s4 for $in4 (within 10%)"
		else
			not_ok "$what partial size: $s1 bytes for $in1 input bytes, $s4 for $in4 (want within 10%)"
		fi
	done
	result easlog-report "" "$w/gen-one" "$w/gen8"
	result easlog-report "--merge" "$w/gen-merged" "$w/gen8.p"
	same "easlog-report: the generated corpus's partial merged = one run" "$w/gen-one" "$w/gen-merged"
else
	not_ok "cannot compile bench/easlog-gen.c"
	sed 's/^/#   /' "$w/cc.err" | head -5
fi
