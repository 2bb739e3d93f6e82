#!/bin/sh
# Inputs that cannot be read (issue 5), for every tool: the message names the
# file and the reason, the other inputs are still read, exit 1.
#   - a missing file, a directory without log files (for easlog-parse alone:
#     parse-missing-file, parse-dir);
#   - a file with mode 000 (and a directory with mode 000 in a tree): as root,
#     where permissions do not stop reads, these are skipped with a message;
#   - a file whose read fails with EIO even for root: /proc/self/mem (open
#     works, read at offset 0 fails), when /proc is mounted.
# (Directory loop: parse-dir; damaged gzip: parse-gzip-truncated, bad-gzip.)
# Prints "ok ..." / "not ok ..." lines (tests/run.sh counts them).
set -u
T=${T:-$(cd "$(dirname "$0")/../../testdata" && pwd)}
w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-unreadable.XXXXXX")
trap 'chmod -R u+rwx "$w" 2> /dev/null; rm -rf "$w"' EXIT INT TERM
cd "$w" || exit 1
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); echo "not ok $n - $*"; }
tools="easlog-parse easlog-hits easlog-http easlog-useragent easlog-compliance"

cp "$T/parse-arr.log" good.log
easlog-parse good.log > want.tsv 2> /dev/null
good_records=$(($(wc -l < want.tsv) - 1))

# check TOOL BADPATH REASON: TOOL BADPATH good.log exits 1, says
# "TOOL: BADPATH: REASON", and still reports good.log's records
check() {
	tool=$1 bad=$2 reason=$3
	$tool "$bad" good.log > out 2> err
	rc=$?
	if [ $rc = 1 ] && grep -q "^$tool: $bad: .*$reason" err; then
		if [ "$tool" = easlog-parse ]; then
			got=$(($(wc -l < out) - 1))
			[ "$got" = "$good_records" ] || { notok "$tool $bad: $got records from good.log, want $good_records"; return; }
		fi
		ok "$tool $bad: exit 1, '$(head -1 err)'"
	else
		notok "$tool $bad: exit $rc, stderr: $(head -2 err | tr '\n' ' ')"
	fi
}

mkdir emptydir
for tool in $tools; do
	check "$tool" nosuch.log "No such file or directory"
	check "$tool" emptydir "no log files in directory"
done

if [ "$(id -u)" = 0 ]; then
	ok "mode 000 file and directory # skip running as root: permissions do not stop reads (the /proc/self/mem case below covers a read that fails)"
else
	cp good.log locked.log
	chmod 000 locked.log
	for tool in $tools; do
		check "$tool" locked.log "Permission denied"
	done
	mkdir -p tree/ok tree/locked
	cp good.log tree/ok/a.log
	cp good.log tree/locked/b.log
	chmod 000 tree/locked
	easlog-parse tree > out 2> err
	rc=$?
	if [ $rc = 1 ] && grep -q 'tree/locked.*Permission denied' err && [ $(($(wc -l < out) - 1)) = "$good_records" ]; then
		ok "easlog-parse on a tree with a mode 000 directory: exit 1, '$(head -1 err)', the rest read"
	else
		notok "easlog-parse on a tree with a mode 000 directory: exit $rc, $(head -2 err | tr '\n' ' ')"
	fi
	chmod 755 tree/locked
	rm -rf rep && mkdir rep
	easlog-report -o rep locked.log good.log > /dev/null 2> err
	rc=$?
	if [ $rc = 1 ] && grep -q 'locked.log.*Permission denied' err && [ -s rep/Users.csv ]; then
		ok "easlog-report with a mode 000 input: exit 1, reports from the readable input"
	else
		notok "easlog-report with a mode 000 input: exit $rc, $(head -2 err | tr '\n' ' ')"
	fi
fi

if [ -r /proc/self/mem ]; then
	for tool in $tools; do
		check "$tool" /proc/self/mem "read error: Input/output error"
	done
	rm -rf rep && mkdir rep
	easlog-report -o rep /proc/self/mem good.log > /dev/null 2> err
	rc=$?
	if [ $rc = 1 ] && grep -q '/proc/self/mem: read error' err && [ -s rep/Users.csv ]; then
		ok "easlog-report with an unreadable input: exit 1, reports from the readable input"
	else
		notok "easlog-report with an unreadable input: exit $rc, $(head -2 err | tr '\n' ' ')"
	fi
	easlog-report -o rep --force /proc/self/mem > /dev/null 2> err
	rc=$?
	if [ $rc = 1 ] && grep -q 'no report written' err; then
		ok "easlog-report with only an unreadable input: exit 1, '$(grep 'no report' err)'"
	else
		notok "easlog-report with only an unreadable input: exit $rc, $(head -3 err | tr '\n' ' ')"
	fi
else
	ok "/proc/self/mem # skip no /proc"
fi
