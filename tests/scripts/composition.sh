#!/bin/sh
# Composition invariants of the report tools (issue 3), in both modes:
#  1. easlog-parse LOGS | TOOL  ==  TOOL LOGS, for easlog-parse's TSV and JSON
#     output (and, in --compat, for easlog-parse --compat), for every report tool;
#  2. the files easlog-report writes == the single tools' outputs;
#  3. -j 1 == -j N for easlog-report (the parallel merge must not change a
#     byte, first-seen display values and Pa ties included);
#  4. the gzip twin of an input gives the same reports as the plain file;
#  5. byte-level variants of one log (CR LF, BOM, no final newline, gzip,
#     stdin) give the same reports.
# Inputs: testdata/sample, testdata/multi, all testdata/compat-*.log together,
# testdata/worked-example.log, and a first-seen stress set written below.
# Every check also requires the direct run to succeed with a non-empty output,
# so two failing runs never compare equal.
set -u
T=${T:-$(cd "$(dirname "$0")/../../testdata" && pwd)}
n=0
w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-composition.XXXXXX")
trap 'rm -rf "$w"' EXIT INT TERM

ok() {
	n=$((n + 1))
	echo "ok $n $1"
}

not_ok() {
	n=$((n + 1))
	echo "not ok $n $1"
}

# same DESC A B: A and B are equal, A is not empty
same() {
	if [ ! -s "$2" ]; then
		not_ok "$1 (empty output)"
	elif cmp -s "$2" "$3"; then
		ok "$1"
	else
		not_ok "$1"
		diff "$2" "$3" | head -6 | sed 's/^/#   /'
	fi
}

# run OUT CMD...: runs CMD with stdout to OUT, stderr dropped; echoes the status
run() {
	out=$1
	shift
	"$@" > "$out" 2> /dev/null
	echo $?
}

# The first-seen stress set: one device under several spellings, spread over
# six files, with Pa values logged at the same second in every file: the
# first file must win every "first seen" and every Pa tie whatever the job count.
fs="$w/firstseen"
mkdir -p "$fs/EXA/W3SVC1" "$fs/EXB/W3SVC1" "$fs/EXC/W3SVC2"
i=0
for f in EXA/W3SVC1/u_ex240304.log EXA/W3SVC1/u_ex240305.log EXB/W3SVC1/u_ex240304.log \
	EXB/W3SVC1/u_ex240305.log EXC/W3SVC2/u_ex240304.log EXC/W3SVC2/u_ex240305.log; do
	i=$((i + 1))
	case $i in
	1) u='CONTOSO\alice' d=ApplX1 t=iPhone h=Mail.Contoso.com a=Agent/1 ;;
	2) u='alice@contoso.com' d=APPLX1 t=IPHONE h=MAIL.CONTOSO.COM a=Agent/2 ;;
	3) u='contoso\ALICE' d=applx1 t=iphone h=mail.contoso.com a=Agent/3 ;;
	4) u='CONTOSO\Alice' d=ApplX1 t=iPhone6 h=Mail.contoso.com a=Agent/4 ;;
	5) u='ALICE@CONTOSO.COM' d=APPLx1 t=Iphone h=mail.Contoso.com a=Agent/5 ;;
	6) u='contoso\alice' d=applX1 t=iPHONE h=MAIL.contoso.com a=Agent/6 ;;
	esac
	stem=/Microsoft-Server-ActiveSync/default.eas
	[ $i -ge 5 ] && stem=/Microsoft-Server-ActiveSync/Proxy/default.eas
	{
		echo '#Fields: date time s-computername cs-host s-ip cs-uri-stem cs-uri-query cs-username cs(User-Agent) sc-status sc-substatus sc-bytes cs-bytes'
		# later files get fewer lines before alice's, so that input order
		# and line numbers disagree
		k=$((3 * (6 - i)))
		while [ $k -gt 0 ]; do
			echo "2024-03-04 00:00:0$((k % 10)) SRV$i $h 10.0.0.$i $stem User=zed&DeviceId=Z$k&DeviceType=Z&Cmd=Ping CONTOSO\\zed $a 200 0 10 1"
			k=$((k - 1))
		done
		j=0
		while [ $j -lt 12 ]; do
			j=$((j + 1))
			echo "2024-03-0$((4 + i % 2)) 0$((j % 10)):00:00 SRV$i $h 10.0.0.$i $stem User=alice&DeviceId=$d&DeviceType=$t&Cmd=Sync&Log=V141_Ty:Em_Srv:${j}a0c0d0s0e0r0A0sd_ $u $a 200 0 10 1"
			echo "2024-03-0$((4 + i % 2)) 0$((j % 10)):00:00 SRV$i $h 10.0.0.$i $stem User=bob$j&DeviceId=Dev$j&DeviceType=T$i&Cmd=Ping CONTOSO\\bob$j $a 200 0 10 1"
		done
		echo "2024-03-04 12:00:00 SRV$i $h 10.0.0.$i $stem User=alice&DeviceId=$d&DeviceType=$t&Cmd=Provision&Log=V141_Pa$((1 + i % 3))_ $u $a 200 0 10 1"
		echo "2024-03-05 12:00:00 SRV$i $h 10.0.0.$i $stem User=carol&DeviceId=C$i&DeviceType=T&Cmd=Provision&Log=V141_Pa$((1 + (i + 1) % 3))_ CONTOSO\\carol $a 200 0 10 1"
	} > "$fs/$f"
done

# The gzip twin of testdata/multi: the same tree with every file plain.
plain="$w/multi-plain"
mkdir -p "$plain"
(cd "$T/multi" && find . -type f) | while IFS= read -r f; do
	mkdir -p "$plain/$(dirname "$f")"
	case $f in
	*.gz) gzip -dc "$T/multi/$f" > "$plain/${f%.gz}" ;;
	*) cp "$T/multi/$f" "$plain/$f" ;;
	esac
done

compat_logs=$(ls "$T"/compat-*.log)

# inputs: name and operands
set -- \
	"sample|$T/sample" \
	"multi|$T/multi" \
	"compat-fixtures|$(echo $compat_logs)" \
	"worked-example|$T/worked-example.log" \
	"firstseen|$fs"

tools="easlog-hits --report users|easlog-hits --report servers|easlog-hits --report hourly|easlog-useragent|easlog-compliance|easlog-http"
extra_default="easlog-hits --report hourly --by weekday|easlog-compliance --list"

# TOOL names of the report files, in easlog-report's order
report_tool() {
	case $1 in
	Users) echo "easlog-hits --report users" ;;
	Servers) echo "easlog-hits --report servers" ;;
	Hourly) echo "easlog-hits --report hourly" ;;
	StatusCodes) echo "easlog-http" ;;
	PolicyCompliance) echo "easlog-compliance" ;;
	UserAgents) echo "easlog-useragent" ;;
	esac
}

for input in "$@"; do
	name=${input%%|*}
	logs=${input#*|}
	for mode in default compat; do
		m=""
		[ $mode = compat ] && m=--compat
		list=$tools
		[ $mode = default ] && list="$tools|$extra_default"
		# 1. easlog-parse | TOOL == TOOL
		easlog-parse $logs > "$w/p.tsv" 2> /dev/null
		easlog-parse --format json $logs > "$w/p.json" 2> /dev/null
		easlog-parse --compat $logs > "$w/pc.tsv" 2> /dev/null
		old_ifs=$IFS
		IFS='|'
		for tool in $list; do
			IFS=$old_ifs
			rc=$(run "$w/direct" $tool $m $logs)
			if [ "$rc" != 0 ]; then
				not_ok "$name $mode: $tool exits $rc"
				IFS='|'
				continue
			fi
			$tool $m < "$w/p.tsv" > "$w/piped" 2> /dev/null
			same "$name $mode: easlog-parse | $tool == $tool" "$w/direct" "$w/piped"
			$tool $m < "$w/p.json" > "$w/piped" 2> /dev/null
			same "$name $mode: easlog-parse --format json | $tool == $tool" "$w/direct" "$w/piped"
			if [ $mode = compat ]; then
				$tool $m < "$w/pc.tsv" > "$w/piped" 2> /dev/null
				same "$name $mode: easlog-parse --compat | $tool == $tool" "$w/direct" "$w/piped"
			fi
			IFS='|'
		done
		IFS=$old_ifs

		# 2. easlog-report == the single tools; 3. -j 1 == -j N
		rm -rf "$w/r1" && mkdir "$w/r1"
		rc=$(run "$w/stderr" easlog-report $m -j 1 -o "$w/r1" $logs)
		if [ "$rc" != 0 ]; then
			not_ok "$name $mode: easlog-report -j 1 exits $rc"
			continue
		fi
		for f in Users Servers Hourly StatusCodes PolicyCompliance UserAgents; do
			$(report_tool $f) $m -j 1 $logs > "$w/single" 2> /dev/null
			same "$name $mode: easlog-report $f.csv == $(report_tool $f)" "$w/r1/$f.csv" "$w/single"
		done
		for j in 2 4 7; do
			rm -rf "$w/rj" && mkdir "$w/rj"
			easlog-report $m -j $j -o "$w/rj" $logs 2> /dev/null
			for f in Users Servers Hourly StatusCodes PolicyCompliance UserAgents; do
				same "$name $mode: easlog-report -j $j $f.csv == -j 1" "$w/r1/$f.csv" "$w/rj/$f.csv"
			done
		done
	done
done

# 5. byte-level variants of the worked example read the same (spec 1.2:
# StreamReader with BOM detection; CR LF; a last line without a line end;
# gzip; standard input): --compat gives the exact expected files, the default
# mode the same output as the plain file (--server fixes the identity).
v="$w/variants"
mkdir -p "$v"
W=$T/worked-example.log
cp "$W" "$v/plain.log"
sed 's/$/\r/' "$W" > "$v/crlf.log"
{ printf '\357\273\277'; cat "$W"; } > "$v/bom.log"
{ printf '\357\273\277'; sed 's/$/\r/' "$W"; } > "$v/bom-crlf.log"
head -c -1 "$W" > "$v/no-final-newline.log"
gzip -nc "$W" > "$v/gzip.gz"
gzip -nc "$v/bom-crlf.log" > "$v/gzip-bom-crlf.gz"
for mode in default compat; do
	m=""
	[ $mode = compat ] && m=--compat
	rm -rf "$w/base" && mkdir "$w/base"
	easlog-report $m --server EX -o "$w/base" "$v/plain.log" 2> /dev/null
	for f in crlf.log bom.log bom-crlf.log no-final-newline.log gzip.gz gzip-bom-crlf.gz stdin; do
		rm -rf "$w/var" && mkdir "$w/var"
		if [ $f = stdin ]; then
			easlog-report $m --server EX -o "$w/var" < "$v/bom-crlf.log" 2> /dev/null
		else
			easlog-report $m --server EX -o "$w/var" "$v/$f" 2> /dev/null
		fi
		for r in Users Servers Hourly StatusCodes PolicyCompliance UserAgents; do
			if [ $mode = compat ]; then
				same "worked-example $f compat: $r.csv == worked-example.expected" \
					"$T/worked-example.expected/$r.csv" "$w/var/$r.csv"
			else
				same "worked-example $f default: $r.csv == plain file" "$w/base/$r.csv" "$w/var/$r.csv"
			fi
		done
	done
done

# 4. the gzip twin: testdata/multi (SRV16B gzipped) == its plain copy
for mode in default compat; do
	m=""
	[ $mode = compat ] && m=--compat
	rm -rf "$w/gz" "$w/pl" && mkdir "$w/gz" "$w/pl"
	easlog-report $m -o "$w/gz" "$T/multi" 2> /dev/null
	easlog-report $m -o "$w/pl" "$plain" 2> /dev/null
	for f in Users Servers Hourly StatusCodes PolicyCompliance UserAgents; do
		same "multi $mode: gzip input $f.csv == plain input" "$w/gz/$f.csv" "$w/pl/$f.csv"
	done
done
exit 0
