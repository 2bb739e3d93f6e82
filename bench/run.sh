#!/bin/sh
# bench/run.sh - easlog's benchmark: easlog-report, easlog-parse and their
# limits and peers (wc -l, gzip -dc, a mawk script, GoAccess) side by side on
# the same generated IIS W3C corpus, plain and gzip; medians of RUNS runs;
# a memory check at 4x the lines; callgrind instructions per input line.
# Prints the table and writes it with the machine and corpus to BENCH.md.
# See bench/README.md. `make bench` and `make bench-smoke` call this.
#
# Usage: sh bench/run.sh [--smoke] [--tools DIR] [--zlib-tools DIR] [--out FILE]
#                        [--work DIR] [--gen PATH] [--no-install]
# --zlib-tools DIR: the same tools built with zlib (ISAL=0); when the tools of
# --tools inflate with ISA-L, the gzip input gets rows for both builds and an
# `igzip -dc` row (Debian's isal package) beside `gzip -dc`.
# Settings come from the environment (empty means the default):
#   SIZE_MB=1024 RUNS=3 SEED=1 SERVERS=8 USERS=13600 DAYS=3
#   MEMCHECK=auto|0|1  GOACCESS=1|auto|0  CALLGRIND=1|0  KEEP_CORPUS=0|1
#   BENCH_OUT=./BENCH.md  BENCH_WORK=bench/out  CC=cc
# --smoke: SIZE_MB=4 RUNS=1 MEMCHECK=0 CALLGRIND=0 GOACCESS=auto, a temporary
# work directory (removed at the end) and BENCH.md inside it unless given.
# Exit status: 0 all rows measured, 1 a tool failed or a number is missing,
# 2 bad usage.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
prog="bench/run.sh"
invocation="sh bench/run.sh $*"

die() { printf '%s: %s\n' "$prog" "$*" >&2; exit 1; }
say() { printf '[bench] %s\n' "$*" >&2; }
usage() {
	sed -n '9,18p' "$top/bench/run.sh" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

smoke=0
tools=""
ztools=""
out="${BENCH_OUT:-}"
work="${BENCH_WORK:-}"
gen=""
install=1
while [ $# -gt 0 ]; do
	case "$1" in
	--smoke) smoke=1 ;;
	--tools) [ $# -ge 2 ] || usage; tools=$2; shift ;;
	--zlib-tools) [ $# -ge 2 ] || usage; ztools=$2; shift ;;
	--out) [ $# -ge 2 ] || usage; out=$2; shift ;;
	--work) [ $# -ge 2 ] || usage; work=$2; shift ;;
	--gen) [ $# -ge 2 ] || usage; gen=$2; shift ;;
	--no-install) install=0 ;;
	-h | --help) usage ;;
	*) printf '%s: unknown argument: %s\n' "$prog" "$1" >&2; usage ;;
	esac
	shift
done

if [ $smoke = 1 ]; then
	d_size=4 d_runs=1 d_mem=0 d_cg=0 d_ga=auto
else
	d_size=1024 d_runs=3 d_mem=auto d_cg=1 d_ga=1
fi
SIZE_MB=${SIZE_MB:-$d_size}
RUNS=${RUNS:-$d_runs}
SEED=${SEED:-1}
SERVERS=${SERVERS:-8}
USERS=${USERS:-13600}
DAYS=${DAYS:-3}
MEMCHECK=${MEMCHECK:-$d_mem}
CALLGRIND=${CALLGRIND:-$d_cg}
GOACCESS=${GOACCESS:-$d_ga}
KEEP_CORPUS=${KEEP_CORPUS:-0}
CC=${CC:-cc}

isint() { case "$1" in '' | *[!0-9]*) return 1 ;; *) return 0 ;; esac; }
isint "$SIZE_MB" && [ "$SIZE_MB" -ge 1 ] || die "SIZE_MB must be a whole number of MB >= 1: $SIZE_MB"
isint "$RUNS" && [ "$RUNS" -ge 1 ] || die "RUNS must be >= 1: $RUNS"
for v in SEED SERVERS USERS DAYS; do
	eval "x=\$$v"
	isint "$x" || die "$v must be a whole number: $x"
done
case "$MEMCHECK" in 0 | 1 | auto) ;; *) die "MEMCHECK must be 0, 1 or auto" ;; esac
case "$CALLGRIND" in 0 | 1) ;; *) die "CALLGRIND must be 0 or 1" ;; esac
case "$GOACCESS" in 0 | 1 | auto) ;; *) die "GOACCESS must be 0, 1 or auto" ;; esac

# --- the tools under test ---------------------------------------------------
[ -n "$tools" ] || tools="$top/build"
tools=$(cd "$tools" 2>/dev/null && pwd) || die "no such tools directory: $tools"
for t in easlog-report easlog-parse; do
	[ -x "$tools/$t" ] || die "$tools/$t is missing (run make)"
done

# --- work directory and output ----------------------------------------------
tmpwork=""
if [ -z "$work" ]; then
	if [ $smoke = 1 ]; then
		tmpwork=$(mktemp -d "${TMPDIR:-/tmp}/easlog-bench.XXXXXX")
		work=$tmpwork
	else
		work="$top/bench/out"
	fi
fi
mkdir -p "$work"
W=$(cd "$work" && pwd)
[ -n "$out" ] || { if [ $smoke = 1 ]; then out="$W/BENCH.md"; else out="./BENCH.md"; fi; }
cleanup() {
	[ -z "$tmpwork" ] || rm -rf "$tmpwork"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
R="$W/run"
rm -rf "$R"
mkdir -p "$R/cmd" "$R/log" "$R/res" "$R/out" "$R/bin"
# The binaries measured are copies taken now: a rebuild of the tools
# directory during a long run cannot mix two versions in one table.
cp "$tools/easlog-report" "$tools/easlog-parse" "$R/bin/" || die "cannot copy the tools"
T="$R/bin"
# The zlib twin, compared only when the tools use ISA-L (else the rows are the same)
Z=""
if [ -n "$ztools" ] && "$T/easlog-report" --version | grep -q 'isa-l'; then
	mkdir -p "$R/binz"
	cp "$ztools/easlog-report" "$ztools/easlog-parse" "$R/binz/" || die "cannot copy the zlib tools"
	"$R/binz/easlog-report" --version | grep -q 'gzip: zlib' || die "$ztools/easlog-report does not inflate with zlib"
	Z="$R/binz"
fi

# --- what the bench needs from Debian ---------------------------------------
have() { command -v "$1" >/dev/null 2>&1; }
need_pkgs=""
[ -x /usr/bin/time ] || need_pkgs="$need_pkgs time"
have gzip || need_pkgs="$need_pkgs gzip"
have mawk || need_pkgs="$need_pkgs mawk"
[ "$GOACCESS" != 1 ] || have goaccess || need_pkgs="$need_pkgs goaccess"
[ "$CALLGRIND" != 1 ] || have valgrind || need_pkgs="$need_pkgs valgrind"
[ -z "$Z" ] || have igzip || need_pkgs="$need_pkgs isal"
if [ -n "$need_pkgs" ]; then
	[ $install = 1 ] || die "missing:$need_pkgs (--no-install given)"
	say "installing:$need_pkgs"
	# shellcheck disable=SC2086
	sh "$top/scripts/deps.sh" $need_pkgs || die "could not install:$need_pkgs"
fi
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) is missing"
have mawk || die "mawk is missing"
have gzip || die "gzip is missing"
use_ga=0
case "$GOACCESS" in
1) have goaccess || die "goaccess is missing"; use_ga=1 ;;
auto) if have goaccess; then use_ga=1; fi ;;
esac
[ "$CALLGRIND" = 0 ] || have valgrind || die "valgrind is missing"
date +%N | grep -q '^[0-9]' || die "date +%N is not supported (GNU date needed)"
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null || echo 1)
load0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

# --- the corpus generator ---------------------------------------------------
[ -n "$gen" ] || gen="$tools/easlog-gen"
if [ ! -x "$gen" ] || [ -n "$(find "$top/bench/easlog-gen.c" -newer "$gen")" ]; then
	say "compiling $gen"
	$CC -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$gen" "$top/bench/easlog-gen.c" ||
		die "cannot compile bench/easlog-gen.c"
fi
gensum=$(cksum < "$top/bench/easlog-gen.c" | cut -d' ' -f1)

# make_corpus DIR GZ(0|1) GEN-ARGS... : DIR/plain (and DIR/gz: gzip -6 copies),
# reused while the arguments and the generator source are the same.
make_corpus() {
	cdir=$1 cgz=$2
	shift 2
	stamp="gen=$gensum args=$* gz=$cgz"
	if [ -f "$cdir/stamp" ] && [ "$(cat "$cdir/stamp")" = "$stamp" ]; then
		say "corpus $cdir: reused"
		return 0
	fi
	rm -rf "$cdir"
	mkdir -p "$cdir"
	say "generating $cdir: easlog-gen $*"
	"$gen" -o "$cdir/plain" "$@" 2> "$cdir/gen.txt" || { cat "$cdir/gen.txt" >&2; die "easlog-gen failed"; }
	if [ "$cgz" = 1 ]; then
		say "gzip -6 copies ($ncpu at a time)"
		(cd "$cdir/plain" && find . -type d) | (cd "$cdir" && mkdir -p gz && cd gz && xargs mkdir -p)
		(cd "$cdir/plain" && find . -type f -name '*.log' | sed 's|^\./||' | sort) |
			xargs -P "$ncpu" -n 8 sh -c 'd=$1; shift; for f; do gzip -6 -n -c "$d/plain/$f" > "$d/gz/$f.gz" || exit 1; done' sh "$cdir" ||
			die "gzip failed"
	fi
	echo "$stamp" > "$cdir/stamp"
}

# corpus_stats DIR: sets c_files c_bytes c_lines c_gzbytes
corpus_stats() {
	set -- "$1"/plain/*/*/*.log
	c_files=$#
	c_bytes=$(cat "$@" | wc -c | tr -d ' ')
	c_lines=$(cat "$@" | wc -l | tr -d ' ')
	c_gzbytes=0
	if [ -d "${1%/plain/*}/gz" ]; then
		c_gzbytes=$(cat "${1%/plain/*}"/gz/*/*/*.log.gz | wc -c | tr -d ' ')
	fi
}

# --- rows: one script each, run under /usr/bin/time ---------------------------
# add_row ID INPUT-LABEL TOOL-LABEL COMMAND (sh text; paths absolute)
add_row() {
	printf '%s\n' "$4" > "$R/cmd/$1.sh"
	printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$R/rows.tsv"
}

# run_row ID: one timed run; appends "wall_ns user sys maxrss_kb" to res/ID
run_row() {
	l=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
	echo "$l" >> "$R/load.txt"
	t0=$(date +%s%N)
	if ! /usr/bin/time -o "$R/time.txt" -f '%U %S %M' sh "$R/cmd/$1.sh" < /dev/null 2> "$R/log/$1.err"; then
		say "FAILED: $1: $(cat "$R/cmd/$1.sh")"
		tail -n 5 "$R/log/$1.err" >&2
		tail -n 1 "$R/time.txt" >&2
		die "a tool failed"
	fi
	t1=$(date +%s%N)
	tl=$(tail -n 1 "$R/time.txt")
	echo "$((t1 - t0)) $tl" >> "$R/res/$1"
	set -- "$1" $tl
	say "$(printf '%-26s %8.3f s wall %8.3f s cpu %8d KB' "$1" "$(echo "$t1 $t0" | awk '{print ($1-$2)/1e9}')" "$(echo "$2 $3" | awk '{print $1+$2}')" "$4")"
}

warm() { # reads the files once so every row runs from the page cache
	cat "$@" > /dev/null
}

# GoAccess ignores #Fields: its --log-format is fixed per run. The files are
# grouped by the layout of their first #Fields line, and GoAccess runs once
# per group with the format written from that line (ga_format); a layout that
# only appends columns later in a file still parses (GoAccess ignores the
# rest of a line).
ga_format() {
	awk '{
		sub(/\r$/, ""); sub(/^#[ ]*[A-Za-z]+[ ]*:[ \t]*/, ""); n = split($0, f, /[ \t]+/); o = ""
		for (i = 1; i <= n; i++) {
			x = tolower(f[i]); s = "%^"
			if (x == "date") s = "%d"; else if (x == "time") s = "%t"
			else if (x == "cs-method") s = "%m"; else if (x == "cs-uri-stem") s = "%U"
			else if (x == "cs-uri-query") s = "%q"; else if (x == "cs-username") s = "%e"
			else if (x == "c-ip") s = "%h"; else if (x == "cs(user-agent)") s = "%u"
			else if (x == "cs(referer)") s = "%R"; else if (x == "sc-status") s = "%s"
			else if (x == "sc-bytes") s = "%b"; else if (x == "time-taken") s = "%L"
			else if (x == "cs-host") s = "%v"
			o = o (i > 1 ? " " : "") s
		}
		print o
	}'
}
GA_OPTS="--no-global-config --no-progress --no-parsing-spinner --no-ip-validation --date-format=%Y-%m-%d --time-format=%H:%M:%S"

# ga_groups DIR: writes $R/ga-groups.tsv: format TAB relative path, one per file
ga_groups() {
	: > "$R/ga-groups.tsv"
	for f in "$1"/plain/*/*/*.log; do
		fmt=$(grep -m 1 -i '^#[ ]*fields' "$f" | ga_format)
		printf '%s\t%s\n' "$fmt" "${f#"$1"/plain/}" >> "$R/ga-groups.tsv"
	done
	cut -f 1 "$R/ga-groups.tsv" | sort -u > "$R/ga-formats.txt"
}

# ga_command DIR KIND(plain|gz) TAG: the shell text running GoAccess per group
ga_command() {
	n=0
	cmd=""
	while IFS= read -r fmt; do
		n=$((n + 1))
		files=$(awk -F '\t' -v f="$fmt" -v p="$1/$2/" -v s="$([ "$2" = gz ] && echo .gz)" \
			'$1 == f { printf " %s%s%s", p, $2, s }' "$R/ga-groups.tsv")
		html="$R/out/$3-ga$n.html"
		if [ "$2" = plain ]; then
			cmd="${cmd}goaccess $GA_OPTS --log-format='$fmt' -o $html$files > /dev/null
"
		else
			cmd="${cmd}gzip -dc$files | goaccess - $GA_OPTS --log-format='$fmt' -o $html > /dev/null
"
		fi
	done < "$R/ga-formats.txt"
	printf '%s' "$cmd"
}

# ga_check TAG: sums GoAccess's valid/total requests over the groups' reports
ga_check() {
	v=0 t=0
	for h in "$R/out/$1"-ga*.html; do
		[ -f "$h" ] || die "GoAccess wrote no report ($h)"
		hv=$(grep -o '"valid_requests": *[0-9][0-9]*' "$h" | head -n 1 | tr -dc 0-9)
		ht=$(grep -o '"total_requests": *[0-9][0-9]*' "$h" | head -n 1 | tr -dc 0-9)
		v=$((v + ${hv:-0}))
		t=$((t + ${ht:-0}))
	done
	[ "$v" -gt 0 ] || die "GoAccess counted no valid request: its log format does not fit the files"
	echo "$v $t"
}

# --- corpora ----------------------------------------------------------------
GENARGS="--seed $SEED --servers $SERVERS --users $USERS --days $DAYS --exchange mixed"
C1="$W/corpus/s$SIZE_MB-srv$SERVERS-u$USERS-d$DAYS-seed$SEED"
make_corpus "$C1" 1 $GENARGS --size "$SIZE_MB"
corpus_stats "$C1"
c1_files=$c_files c1_bytes=$c_bytes c1_lines=$c_lines c1_gzbytes=$c_gzbytes
c1_gen=$(tail -n 1 "$C1/gen.txt")

mem=0
if [ "$MEMCHECK" = 1 ]; then
	mem=1
elif [ "$MEMCHECK" = auto ]; then
	need_kb=$((SIZE_MB * 4 * 1024 * 6 / 5 + 1048576))
	avail_kb=$(df -Pk "$W" | awk 'NR == 2 { print $4 }')
	C4="$W/corpus/s$((SIZE_MB * 4))-srv$SERVERS-u$USERS-d$DAYS-seed$SEED"
	if [ -f "$C4/stamp" ] || [ "${avail_kb:-0}" -gt "$need_kb" ]; then
		mem=1
	else
		say "MEMCHECK=auto: ${avail_kb} KB free in $W, need ~$need_kb KB: memory check skipped"
	fi
fi
C4="$W/corpus/s$((SIZE_MB * 4))-srv$SERVERS-u$USERS-d$DAYS-seed$SEED"
if [ $mem = 1 ]; then
	make_corpus "$C4" 1 $GENARGS --size "$((SIZE_MB * 4))"
	corpus_stats "$C4"
	c4_files=$c_files c4_bytes=$c_bytes c4_lines=$c_lines c4_gzbytes=$c_gzbytes
fi

# --- the rows ---------------------------------------------------------------
: > "$R/rows.tsv"
AWKF="$top/bench/users-hits.awk"
P="$C1/plain"
G="$C1/gz"
ga_groups "$C1"
for kind in plain gz; do
	if [ $kind = plain ]; then
		lab=plain D=$P files="$P/*/*/*.log"
		add_row $kind.floor $lab "wc -l (floor)" "wc -l $files > /dev/null"
		mawkcmd="mawk -f $AWKF $files > $R/out/$kind.mawk.csv"
	else
		lab=gzip D=$G files="$G/*/*/*.log.gz"
		add_row $kind.floor $lab "gzip -dc (floor)" "gzip -dc $files > /dev/null"
		mawkcmd="gzip -dc $files | mawk -f $AWKF > $R/out/$kind.mawk.csv"
	fi
	add_row $kind.parse $lab "easlog-parse" "$T/easlog-parse $D > /dev/null"
	add_row $kind.rep1 $lab "easlog-report -j1" "$T/easlog-report -j1 --force -o $R/out/$kind.rep1 $D"
	add_row $kind.rep2 $lab "easlog-report -j2" "$T/easlog-report -j2 --force -o $R/out/$kind.rep2 $D"
	if [ $kind = gz ] && [ -n "$Z" ]; then
		have igzip && add_row gz.igzip $lab "igzip -dc (ISA-L's own tool)" "igzip -dc $files > /dev/null"
		add_row gz.zparse $lab "easlog-parse, zlib build" "$Z/easlog-parse $D > /dev/null"
		add_row gz.zrep1 $lab "easlog-report -j1, zlib build" "$Z/easlog-report -j1 --force -o $R/out/gz.zrep1 $D"
		add_row gz.zrep2 $lab "easlog-report -j2, zlib build" "$Z/easlog-report -j2 --force -o $R/out/gz.zrep2 $D"
	fi
	add_row $kind.cmp1 $lab "easlog-report --compat -j1" "$T/easlog-report --compat -j1 --force -o $R/out/$kind.cmp1 $D"
	add_row $kind.cmp2 $lab "easlog-report --compat -j2" "$T/easlog-report --compat -j2 --force -o $R/out/$kind.cmp2 $D"
	add_row $kind.mawk $lab "mawk users-hits.awk" "$mawkcmd"
	if [ $use_ga = 1 ]; then
		add_row $kind.ga $lab "GoAccess" "$(ga_command "$C1" $kind $kind)"
	fi
done
for id in rep1 rep2 cmp1 cmp2; do mkdir -p "$R/out/plain.$id" "$R/out/gz.$id"; done
mkdir -p "$R/out/gz.zrep1" "$R/out/gz.zrep2"
P4="$C4/plain"
G4="$C4/gz"
if [ $mem = 1 ]; then
	for kind in plain4 gz4; do
		if [ $kind = plain4 ]; then D=$P4 lab="plain 4x"; else D=$G4 lab="gzip 4x"; fi
		add_row $kind.rep1 "$lab" "easlog-report -j1" "$T/easlog-report -j1 --force -o $R/out/$kind.rep1 $D"
		add_row $kind.rep2 "$lab" "easlog-report -j2" "$T/easlog-report -j2 --force -o $R/out/$kind.rep2 $D"
		add_row $kind.cmp1 "$lab" "easlog-report --compat -j1" "$T/easlog-report --compat -j1 --force -o $R/out/$kind.cmp1 $D"
		add_row $kind.cmp2 "$lab" "easlog-report --compat -j2" "$T/easlog-report --compat -j2 --force -o $R/out/$kind.cmp2 $D"
		for id in rep1 rep2 cmp1 cmp2; do mkdir -p "$R/out/$kind.$id"; done
	done
fi

# --- measure: round robin over the rows, RUNS times --------------------------
say "warming the page cache"
warm "$P"/*/*/*.log "$G"/*/*/*.log.gz
[ $mem = 0 ] || warm "$P4"/*/*/*.log "$G4"/*/*/*.log.gz
run=1
while [ $run -le "$RUNS" ]; do
	say "run $run of $RUNS"
	while IFS="$(printf '\t')" read -r id _ _; do
		run_row "$id"
		case "$id" in
		*.ga) ga_check "${id%.ga}" > "$R/res/$id.valid" ;;
		esac
	done < "$R/rows.tsv"
	run=$((run + 1))
done

# --- callgrind: instructions per input line on a fixed small corpus ---------
if [ "$CALLGRIND" = 1 ]; then
	CG="$W/corpus/callgrind-seed1-s8"
	make_corpus "$CG" 0 --seed 1 --size 8
	corpus_stats "$CG"
	cg_lines=$c_lines cg_bytes=$c_bytes cg_files=$c_files
	cg_gen=$(tail -n 1 "$CG/gen.txt")
	mkdir -p "$R/out/cg.rep" "$R/out/cg.cmp"
	: > "$R/callgrind.tsv"
	cg() { # cg LABEL COMMAND...
		lab=$1
		shift
		say "callgrind: $lab"
		valgrind --tool=callgrind --callgrind-out-file="$R/cg.out" "$@" > /dev/null 2> "$R/log/cg.err" ||
			{ tail -n 5 "$R/log/cg.err" >&2; die "callgrind run failed: $lab"; }
		ir=$(awk '/^(summary|totals):/ { print $2; exit }' "$R/cg.out")
		isint "$ir" || die "no instruction total from callgrind: $lab"
		printf '%s\t%s\n' "$lab" "$ir" >> "$R/callgrind.tsv"
	}
	cg "easlog-report -j1" "$T/easlog-report" -j1 --force -o "$R/out/cg.rep" "$CG/plain"
	cg "easlog-report --compat -j1" "$T/easlog-report" --compat -j1 --force -o "$R/out/cg.cmp" "$CG/plain"
	cg "easlog-parse" "$T/easlog-parse" "$CG/plain"
	cg "mawk users-hits.awk (peer)" mawk -f "$AWKF" "$CG"/plain/*/*/*.log
fi

# --- medians and the table --------------------------------------------------
# summary.tsv: per row id, input, tool, median wall s, median CPU s, median
# peak RSS KB, corpus bytes, corpus lines, runs, wall spread %
while IFS="$(printf '\t')" read -r id inp tool; do
	case "$id" in
	*4.*) bytes=${c4_bytes:-0} lines=${c4_lines:-0} ;;
	*) bytes=$c1_bytes lines=$c1_lines ;;
	esac
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$inp" "$tool" "$bytes" "$lines" "$R/res/$id"
done < "$R/rows.tsv" | awk -F '\t' '
function med(a, n,    i, j, t) { # sorts a[1..n] in place, returns the median
	for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
	if (n == 0) return ""
	return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{
	n = 0
	while ((getline l < $6) > 0) { split(l, v, " "); n++; w[n] = v[1] / 1e9; c[n] = v[2] + v[3]; m[n] = v[4] }
	close($6)
	lo = hi = w[1]
	for (i = 2; i <= n; i++) { if (w[i] < lo) lo = w[i]; if (w[i] > hi) hi = w[i] }
	mw = med(w, n); mc = med(c, n); mm = med(m, n)
	sp = (mw > 0) ? sprintf("%.0f", (hi - lo) / mw * 100) : ""
	printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", $1, $2, $3, mw, mc, mm, $4, $5, n, sp
}' > "$R/summary.tsv"

# table.awk: the throughput table (markdown) from summary.tsv
cat > "$R/table.awk" << 'EOF'
function ratio(x) {
	if (x == "") return "-"
	if (x >= 100) return sprintf("%.0fx", x)
	if (x >= 10) return sprintf("%.1fx", x)
	return sprintf("%.2fx", x)
}
BEGIN { FS = "\t" }
{
	id[NR] = $1; inp[NR] = $2; tool[NR] = $3; wall[NR] = $4; cpu[NR] = $5; rss[NR] = $6; spr[NR] = $10
	mbs[NR] = ($4 > 0) ? $7 / 1e6 / $4 : 0
	lps[NR] = ($4 > 0) ? $8 / $4 : 0
	split($1, k, "."); kind[NR] = k[1]
	if (k[2] == "floor") floor[k[1]] = mbs[NR]
	if (k[2] == "mawk") mawk[k[1]] = mbs[NR]
	if (k[2] == "ga") ga[k[1]] = mbs[NR]
	if ($4 == "" || $5 == "" || $6 == "" || $10 == "" || $4 + 0 <= 0) bad = bad " " $1
	n = NR
}
END {
	print "| input | tool | wall s | spread | CPU s (user+sys) | peak RSS MB | M lines/s | MB/s | vs floor | vs mawk | vs GoAccess |"
	print "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
	for (i = 1; i <= n; i++) {
		kk = kind[i]
		sub(/4$/, "", kk)
		vf = vm = vg = "-"
		if ((kk in floor) && floor[kk] > 0) vf = ratio(mbs[i] / floor[kk])
		if ((kk in mawk) && mawk[kk] > 0) vm = ratio(mbs[i] / mawk[kk])
		if ((kk in ga) && ga[kk] > 0) vg = ratio(mbs[i] / ga[kk])
		printf "| %s | %s | %.3f | %s%% | %.3f | %.1f | %.2f | %.1f | %s | %s | %s |\n", inp[i], tool[i], wall[i], spr[i], cpu[i], rss[i] / 1024, lps[i] / 1e6, mbs[i], vf, vm, vg
	}
	if (bad != "") { print "missing numbers:" bad > "/dev/stderr"; exit 1 }
}
EOF
awk -f "$R/table.awk" "$R/summary.tsv" > "$R/table.md" || die "a number is missing from the table"

# --- checks and facts for the notes ------------------------------------------
num() { awk -v x="$1" 'BEGIN { exit !(x ~ /^[0-9]+(\.[0-9]+)?$/) }'; }
users_total() { # the Hits total of a Users.csv (column 6 of the total row)
	tail -n 1 "$1/Users.csv" | awk -F, '$1 == "*** Total ***" { print $6 }'
}
for kind in plain gz; do
	for id in rep1 rep2 cmp1 cmp2; do
		for f in Users Servers Hourly StatusCodes PolicyCompliance UserAgents; do
			[ -s "$R/out/$kind.$id/$f.csv" ] || die "easlog-report wrote no $f.csv ($kind.$id)"
		done
	done
done
mawk_total=$(tail -n 1 "$R/out/plain.mawk.csv" | awk -F, '$1 == "*** Total ***" { print $3 }')
mawk_keys=$(tail -n 1 "$R/out/plain.mawk.csv" | awk -F, '$1 == "*** Total ***" { print $2 }')
mawk_gz_total=$(tail -n 1 "$R/out/gz.mawk.csv" | awk -F, '$1 == "*** Total ***" { print $3 }')
num "${mawk_total:-x}" && [ "$mawk_total" -gt 0 ] || die "the mawk script counted no hit"
[ "$mawk_total" = "$mawk_gz_total" ] || die "the mawk script counts $mawk_total hits on plain, $mawk_gz_total on gzip"
cmp_total=$(users_total "$R/out/plain.cmp1")
rep_total=$(users_total "$R/out/plain.rep1")
num "${cmp_total:-x}" || die "no Hits total in Users.csv (--compat)"
cmp_rows=$(($(wc -l < "$R/out/plain.cmp1/Users.csv") - 2))
for kind in plain gz; do
	for id in rep2 cmp2; do
		a=$R/out/$kind.${id%2}1 b=$R/out/$kind.$id
		cmp -s "$a/Users.csv" "$b/Users.csv" || die "easlog-report -j1 and -j2 differ ($kind $id Users.csv)"
	done
done
cmp -s "$R/out/plain.rep1/Users.csv" "$R/out/gz.rep1/Users.csv" || die "easlog-report: plain and gzip input give different Users.csv"
[ -z "$Z" ] || cmp -s "$R/out/gz.rep1/Users.csv" "$R/out/gz.zrep1/Users.csv" || die "the zlib and ISA-L builds give different Users.csv"
devices=$(grep -o '[0-9]* devices' "$R/log/plain.rep1.err" | head -n 1 | cut -d' ' -f1)
[ -n "$devices" ] || devices="?"
if [ $use_ga = 1 ]; then
	ga_valid=$(cut -d' ' -f1 "$R/res/plain.ga.valid")
	ga_total=$(cut -d' ' -f2 "$R/res/plain.ga.valid")
	ga_gz=$(cut -d' ' -f1 "$R/res/gz.ga.valid")
fi

# --- noise: the load while the rows ran, the spread of their runs -----------
loadlo=$(sort -g "$R/load.txt" | head -n 1)
loadhi=$(sort -g "$R/load.txt" | tail -n 1)
maxspread=$(cut -f 10 "$R/summary.tsv" | sort -n | tail -n 1)
noisy=0
if awk -v l="$loadhi" -v n="$ncpu" -v s="$maxspread" -v r="$RUNS" 'BEGIN { exit !(l > n || (r > 1 && s > 25)) }'; then
	noisy=1
	say "noisy run: 1-min load up to $loadhi on $ncpu CPUs, largest spread $maxspread%"
fi

# --- BENCH.md ---------------------------------------------------------------
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
cpu_model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
[ -n "$cpu_model" ] || cpu_model=$(uname -m)
ram=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
ccver=$($CC --version 2>/dev/null | head -n 1)
zver=$(pkg-config --modversion zlib 2>/dev/null || dpkg-query -W -f='${Version}' zlib1g 2>/dev/null || echo "?")
gitrev=$(cd "$top" && git describe --always --dirty 2>/dev/null || echo "?")
easver=$("$T/easlog-report" -V 2>/dev/null | head -n 1)
binsum=$(cksum < "$T/easlog-report" | cut -d' ' -f1)
gaver=$( [ $use_ga = 1 ] && goaccess -V 2>/dev/null | head -n 1 | sed 's/[[:space:]]*$//; s/\.$//' || echo "not run")
mawkver=$(mawk -W version 2>&1 | head -n 1)
gzver=$(gzip --version | head -n 1)
mk_vars="SIZE_MB=$SIZE_MB RUNS=$RUNS MEMCHECK=$MEMCHECK CALLGRIND=$CALLGRIND GOACCESS=$GOACCESS"
[ "$SEED/$SERVERS/$USERS/$DAYS" = "1/8/13600/3" ] || mk_vars="$mk_vars SEED=$SEED SERVERS=$SERVERS USERS=$USERS DAYS=$DAYS"
shorten() { sed -e "s|$C4/plain|\$PLAIN4X|g; s|$C4/gz|\$GZ4X|g" -e "s|$C1/plain|\$PLAIN|g; s|$C1/gz|\$GZ|g; s|$R/out/|\$OUT/|g; s|$T/|\$TOOLS/|g; s|$tools/|\$TOOLS/|g; s|$top/||g"; }

{
	echo "# easlog benchmark"
	echo
	echo "Written by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') (easlog $gitrev, \`$easver\`;"
	echo "binaries copied at the start from $tools, easlog-report cksum $binsum)."
	[ $smoke = 0 ] || echo "**Smoke run** (tiny corpus, $RUNS run): the numbers only show that the harness works."
	echo
	echo "## Machine"
	echo
	echo "| | |"
	echo "|---|---|"
	echo "| CPUs (nproc) | $ncpu |"
	echo "| CPU model | $cpu_model |"
	echo "| RAM | $ram |"
	echo "| kernel | $(uname -sr) |"
	echo "| compiler | $ccver |"
	echo "| zlib | $zver |"
	echo "| load average (1/5/15 min) | $load0 at the start, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?") at the end; 1-min load $loadlo to $loadhi before the timed runs |"
	echo "| peers | $mawkver; $gzver; $gaver |"
	echo
	echo "## Corpus"
	echo
	echo "\`easlog-gen $GENARGS --size $SIZE_MB\` (bench/easlog-gen.c, deterministic):"
	echo "$c1_files files, $c1_lines lines, $(mb "$c1_bytes") MB plain (MB = 10^6 bytes), $(mb "$c1_gzbytes") MB as gzip -6 copies"
	echo "(\`gzip -6 -n\`, gzip's default level, as IIS log archives are usually made: one .gz per log file),"
	echo "$devices devices (easlog-report's count). Generator: \`$c1_gen\`."
	echo
	echo "## Throughput"
	echo
	echo "RUNS=$RUNS: each row is the median of $RUNS run(s), the rows run round robin; warm page cache; outputs to /dev/null or small files."
	echo "wall from \`date +%s%N\` around \`/usr/bin/time\`; CPU = user + sys and peak RSS (max over the processes of a"
	echo "pipeline) from GNU time; lines/s and MB/s are over the uncompressed corpus ($c1_lines lines, $(mb "$c1_bytes") MB) for both"
	echo "inputs. *vs floor*: MB/s against \`wc -l\` (plain) or \`gzip -dc\` (gzip); *vs mawk* and *vs GoAccess*: MB/s against"
	echo "that peer's row on the same input (above 1x = faster than the peer). *spread*: (slowest - fastest wall) / median."
	echo
	if [ "$noisy" = 1 ]; then
		echo "**Noisy run**: the 1-min load average reached $loadhi on $ncpu CPUs during the timed runs (other work on the machine),"
		echo "and the largest spread is $maxspread%. Wall times and their ratios are less trustworthy than usual; CPU s, RSS and"
		echo "the callgrind figures are less affected."
		echo
	fi
	cat "$R/table.md"
	echo
	echo "- easlog-report writes all six reports each run; \`-jN\` is files read in parallel. \`--compat\` is the cmdlet-exact mode."
	if [ -n "$Z" ]; then
		echo "- gzip: the easlog rows without a suffix inflate with ISA-L (igzip's library, used when libisal-dev is present at"
		echo "  build time); the *zlib build* rows are the same tools built with \`ISAL=0\` (the fallback). *vs floor* is against"
		echo "  \`gzip -dc\` for all of them; the \`igzip -dc\` row is ISA-L's own command-line tool on the same files."
	fi
	echo "- mawk users-hits.awk computes only the Users report's Hits column (bench/users-hits.awk): $mawk_keys keys,"
	echo "  $mawk_total hits; easlog-report's Users.csv Hits total: $cmp_total with --compat ($cmp_rows rows), $rep_total by default."
	if [ "$mawk_total" = "$cmp_total" ]; then
		echo "  The script and \`easlog-report --compat\` agree on the total."
	else
		echo "  **The script and \`easlog-report --compat\` differ by $((mawk_total - cmp_total)) hits** (rules the script does not model)."
	fi
	if [ $use_ga = 1 ]; then
		echo "- GoAccess ($gaver) ignores #Fields, so it runs once per #Fields layout ($(wc -l < "$R/ga-formats.txt" | tr -d ' ') groups of files,"
		echo "  \`--log-format\` written from each layout's #Fields line), all runs inside the one timed row; gzip input is piped"
		echo "  (\`gzip -dc ... | goaccess -\`: GoAccess 1.7 does not read .gz files). It counted $ga_valid valid requests of $ga_total"
		echo "  (plain) and $ga_gz valid (gzip); it builds all of its own panels (HTML report), not the six EAS reports."
	else
		echo "- GoAccess: not installed, rows skipped."
	fi
	if [ $mem = 1 ]; then
		echo
		echo "## Memory check"
		echo
		echo "Peak RSS on the corpus above ($devices devices) and on 4x its lines over the same population"
		echo "(\`easlog-gen $GENARGS --size $((SIZE_MB * 4))\`: $c4_files files, $c4_lines lines, $(mb "$c4_bytes") MB plain,"
		echo "$(mb "$c4_gzbytes") MB gzip; same servers, users and days, so each file is 4x longer). The bound: the 4x run's RSS stays"
		echo "within 10% of the 1x run's. (easlog maps a plain input file into memory, and the mapped pages it has touched count"
		echo "in RSS; gzip input is read through a buffer. When the plain rows grow and the gzip rows do not, the growth is"
		echo "mapped input, which follows the length of the files, not report state.) *Users rows*: the rows of Users.csv,"
		echo "one per (user name as logged, device): rare name forms of a device keep appearing as the lines grow, so a"
		echo "growing row count is a larger population of keys, not memory per line."
		echo
		echo "| input | tool | RSS MB 1x | RSS MB 4x | change | within 10% | Users rows 1x | Users rows 4x | wall s 4x | MB/s 4x |"
		echo "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|"
		for kind in plain gz; do
			for id in rep1 rep2 cmp1 cmp2; do
				u1=$(($(wc -l < "$R/out/$kind.$id/Users.csv") - 2))
				u4=$(($(wc -l < "$R/out/${kind}4.$id/Users.csv") - 2))
				awk -F '\t' -v a="$kind.$id" -v b="${kind}4.$id" -v u1="$u1" -v u4="$u4" '
					$1 == a { r1 = $6; t = $3; i = $2 } $1 == b { r4 = $6; w = $4; by = $7 }
					END { ch = (r4 - r1) / r1 * 100
					      printf "| %s | %s | %.1f | %.1f | %+.1f%% | %s | %d | %d | %.3f | %.1f |\n", i, t, r1 / 1024, r4 / 1024, ch, (ch <= 10 ? "yes" : "**no**"), u1, u4, w, by / 1e6 / w }' "$R/summary.tsv"
			done
		done
	fi
	if [ "$CALLGRIND" = 1 ]; then
		echo
		echo "## Instructions per input line (callgrind)"
		echo
		echo "\`valgrind --tool=callgrind\`, total Ir (instructions executed, whole process: start-up, reading, all reports, output)"
		echo "divided by the corpus's lines; a figure that does not move with machine noise. Corpus: \`easlog-gen --seed 1 --size 8\`"
		echo "(generator defaults otherwise: 4 servers, 2000 users, 1 day, mixed): $cg_files files, $cg_lines lines, $(mb "$cg_bytes") MB. \`$cg_gen\`"
		echo
		echo "| tool | Ir total | Ir / line |"
		echo "|---|--:|--:|"
		awk -F '\t' -v l="$cg_lines" '{ printf "| %s | %d | %.0f |\n", $1, $2, $2 / l }' "$R/callgrind.tsv"
	fi
	echo
	echo "## Reproduce"
	echo
	echo '```'
	if [ $smoke = 1 ]; then
		echo "make bench-smoke"
	else
		echo "make bench $mk_vars"
	fi
	echo "# which runs: $invocation  (with the settings above in the environment)"
	echo '```'
	echo
	echo "Commands of the rows (\$PLAIN, \$GZ: the corpus; \$PLAIN4X, \$GZ4X: the 4x corpus; \$TOOLS: the easlog build;"
	echo "\$OUT: scratch output):"
	echo
	echo '```'
	while IFS="$(printf '\t')" read -r id inp tool; do
		echo "# $inp, $tool"
		shorten < "$R/cmd/$id.sh"
	done < "$R/rows.tsv"
	echo '```'
} > "$R/BENCH.md"

# a number that came out as nan or inf is as bad as a missing one
! grep -qiE 'nan|inf' "$R/table.md" || die "a number is missing from the table"

mkdir -p "$(dirname "$out")"
cp "$R/BENCH.md" "$out"

[ $mem = 0 ] || [ "$KEEP_CORPUS" = 1 ] || rm -rf "$C4"

echo
cat "$R/table.md"
if [ $mem = 1 ]; then echo; sed -n '/^## Memory check/,/^## /p' "$R/BENCH.md" | grep '^|'; fi
if [ "$CALLGRIND" = 1 ]; then echo; sed -n '/^## Instructions/,/^## /p' "$R/BENCH.md" | grep '^|'; fi
echo
case "${tmpwork:-/nonexistent}/:$out" in
"$tmpwork"/:"$tmpwork"/*) say "smoke: the work directory and its BENCH.md are removed (set BENCH_OUT or --out to keep it)" ;;
*) say "wrote $out" ;;
esac
