#!/bin/sh
# A representative subset of the suite under valgrind (memcheck) with the
# release build (build/, not the sanitizer build, which valgrind cannot run):
# every tool on testdata/sample in both modes, a few broken inputs (damaged and
# cut gzip, NULs and invalid UTF-8, hostile values, a long line), standard input,
# easlog-report, --partial/--merge and --state. A run fails on any memcheck
# error or a definite/indirect leak (exit 99), or when the tool's own exit
# status is not the expected one. Skips when valgrind is missing, and when the
# build under test is not build/ (it runs once per suite run).
# Prints "ok ..." / "not ok ..." lines (tests/run.sh counts them). About a
# minute on two cores.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
T=${T:-$top/testdata}
B=$top/build
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); echo "not ok $n - $*"; }
if ! command -v valgrind > /dev/null 2>&1; then
	ok "valgrind # skip valgrind is not installed"
	exit 0
fi
under=$(command -v easlog-parse 2> /dev/null)
if [ -n "$under" ] && [ "$(cd "$(dirname "$under")" && pwd)" != "$B" ]; then
	ok "valgrind # skip runs with the build/ pass only (this is $(dirname "$under"))"
	exit 0
fi
[ -x "$B/easlog-parse" ] || { notok "valgrind: $B/easlog-parse missing"; exit 1; }
w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-valgrind.XXXXXX")
trap 'rm -rf "$w"' EXIT INT TERM
cd "$w" || exit 1

# vg WANT_RC DESCRIPTION TOOL ARGS... (stdin from $vgin when set)
vgin=/dev/null
vg() {
	want=$1 what=$2
	shift 2
	tool=$1
	shift
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		--log-file=vg.log "$B/$tool" "$@" < "$vgin" > out 2> err
	rc=$?
	if [ $rc = "$want" ] && [ ! -s vg.log ]; then
		ok "valgrind $tool $what: exit $rc, clean"
	else
		notok "valgrind $tool $what: exit $rc (want $want)"
		grep -v '^==[0-9]*== *$' vg.log | head -12 | sed 's/^/#   /'
		[ $rc = "$want" ] || head -3 err | sed 's/^/#   /'
	fi
}

# broken inputs
gzip -n -c "$T/parse-e2010.log" > good.gz
head -c 700 good.gz > cut.gz
{ cat good.gz; printf 'garbage'; } > garbage.gz
F='#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken sc-bytes cs-bytes'
{
	echo "$F"
	printf '2024-03-04 10:00:00 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas User=a%%00&DeviceId=d\000\377&DeviceType=%%ZZ&Cmd=Sync&Log=V141_Ty:Em_Cli:99999999999999999999999a1c0d0f0e_Pa99_Att-1_ 443 C\\a 198.51.100.7 A\355\240\200+x 200 0 18446744073709551615 15 18446744073709551615 -1\n'
	printf '\000\000\n   \n\t\n2024-02-30 10:00:00 x\n'
	printf '2024-03-04 10:00:01 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas jAAJBAp 443 - 198.51.100.7 A 200 0 0 15 1 1\n'
	printf '2024-03-04 10:00:02 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas Cmd=Sync&DeviceId=x&Log=Oof:a&b=c&d_Ty:Ca_Srv:1a2c0d0s0e0r3A0sd_CmdHC-1_ 443 - 198.51.100.7 A 200 0 0 15 1 1\n'
	printf '2024-03-04 10:00:03 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas Cmd=Ping&DeviceId=y&Log=V141_'
	head -c 300000 /dev/zero | tr '\0' 'x'
	printf '_ 443 - 198.51.100.7 A 200 0 0 15 1 1\n'
} > hostile.log

for mode in "" --compat; do
	m=${mode:+ $mode}
	vg 0 "sample$m" easlog-parse $mode "$T/sample"
	vg 0 "sample$m --format json" easlog-parse $mode --format json "$T/sample"
	for tool in easlog-hits easlog-http easlog-useragent easlog-compliance; do
		vg 0 "sample$m" $tool $mode "$T/sample"
	done
	vg 0 "sample$m --report servers" easlog-hits $mode --report servers "$T/sample"
	vg 0 "sample$m --report hourly" easlog-hits $mode --report hourly "$T/sample"
	rm -rf rep && mkdir rep
	vg 0 "-o rep sample$m" easlog-report $mode -o rep "$T/sample"
	vg 0 "hostile.log$m" easlog-parse $mode --all hostile.log
	vg 0 "hostile.log$m" easlog-hits $mode hostile.log
	vg 1 "cut.gz garbage.gz$m" easlog-parse $mode cut.gz garbage.gz
	vg 1 "missing file, parse-odd.log$m" easlog-hits $mode nosuch.log "$T/parse-odd.log"
done
vg 0 "--compat --list" easlog-compliance --list "$T/sample"
vg 0 "-j1" easlog-report -o rep --force -j 1 "$T/sample"
easlog-parse "$T/sample" > parsed.tsv 2> /dev/null
vgin=parsed.tsv
vg 0 "< easlog-parse output" easlog-hits
vgin=/dev/null
vg 0 "--partial" easlog-hits --partial p1.json "$T/sample/EXCH01"
vg 0 "--partial" easlog-hits --partial p2.json "$T/sample/EXCH02" "$T/sample/EXCH03"
vg 0 "--merge" easlog-hits --merge p1.json p2.json
vg 0 "--partial" easlog-report --partial p3.json "$T/multi"
rm -rf rep && mkdir rep
vg 0 "--merge -o rep" easlog-report --merge -o rep p3.json
mkdir st
vg 0 "--state (first run)" easlog-hits --state st "$T/sample"
vg 0 "--state (nothing new)" easlog-hits --state st "$T/sample"
