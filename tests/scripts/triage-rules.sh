#!/bin/sh
# Where the tools find the default user agent rules: EASLOG_RULES, else the
# path compiled in (when it exists), else share/easlog/useragents.rules in the
# parent of the binary's directory; and the shipped rules file itself.
set -u
T=${T:-$(cd "$(dirname "$0")/../../testdata" && pwd)}
TESTS=${TESTS:-$(cd "$(dirname "$0")/.." && pwd)}
rules="$TESTS/../share/easlog/useragents.rules"
n=0
w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-rules.XXXXXX")
trap 'rm -rf "$w"' EXIT INT TERM
ok() { n=$((n + 1)); echo "ok $n $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n $1"; }
skip() { n=$((n + 1)); echo "ok $n # skip $1"; }

bin=$(command -v easlog-useragent)
# a relocated installation: bin/ and share/easlog/ side by side
mkdir -p "$w/inst/bin" "$w/inst/share/easlog"
cp "$bin" "$w/inst/bin/"
printf 'Marker\tfrom beside the binary\tn/a\t.\n' > "$w/inst/share/easlog/useragents.rules"
compiled=$(easlog-useragent --help | sed -n 's/.*(default rules: \$EASLOG_RULES, else \(.*\),$/\1/p')
if [ -n "$compiled" ] && [ -e "$compiled" ]; then
	skip "the compiled-in default $compiled exists and comes first"
else
	(unset EASLOG_RULES; "$w/inst/bin/easlog-useragent" --classify --group client "$T/sample") > "$w/out" 2> "$w/err"
	if grep -q '^from beside the binary,482,20$' "$w/out"; then
		ok "the rules beside the binary's directory are found without EASLOG_RULES"
	else
		not_ok "the rules beside the binary's directory are found without EASLOG_RULES"
		sed 's/^/#   /' "$w/out" "$w/err" | head -5
	fi
	rm "$w/inst/share/easlog/useragents.rules"
	(unset EASLOG_RULES; "$w/inst/bin/easlog-useragent" --classify "$T/sample") > "$w/out" 2> "$w/err"
	rc=$?
	if [ $rc = 2 ] && grep -q 'cannot find the default user agent rules' "$w/err" && [ ! -s "$w/out" ]; then
		ok "no default rules: exit 2 and a message"
	else
		not_ok "no default rules: exit 2 and a message (exit $rc)"
	fi
fi
printf 'Marker\tfrom EASLOG_RULES\tn/a\t.\n' > "$w/env.rules"
EASLOG_RULES="$w/env.rules" easlog-useragent --classify --group client "$T/sample" > "$w/out" 2> /dev/null
grep -q '^from EASLOG_RULES,482,20$' "$w/out" && ok "EASLOG_RULES names the default file" ||
	not_ok "EASLOG_RULES names the default file"

# the shipped file: every line a comment or a rule, and no rule shadowed by
# an earlier catch-all (the last rule catches everything)
EASLOG_RULES="$rules" easlog-useragent --classify "$T/sample" > /dev/null 2> "$w/err" &&
	ok "the shipped rules load" || { not_ok "the shipped rules load"; cat "$w/err"; }
last=$(grep -v '^#' "$rules" | grep -v '^$' | tail -1)
case "$last" in
unknown*'^([^/\t ]+)') ok "the last shipped rule is the catch-all" ;;
*) not_ok "the last shipped rule is the catch-all: $last" ;;
esac
# every real agent of the fixture is named (only the Python script is unknown)
EASLOG_RULES="$rules" easlog-useragent --classify --group client "$T/triage-realagents.log" > "$w/out" 2> /dev/null
u=$(grep -c '^unknown' "$w/out")
[ "$u" = 1 ] && grep -q '^unknown (Python),1,1$' "$w/out" && ok "real agents: only Python is unknown" ||
	not_ok "real agents: only Python is unknown ($u unknown rows)"
# the agents of realdata, when shared/ is there
if [ -n "${SHARED:-}" ] && [ -f "$SHARED/realdata/plaso/iis7_owa.log" ]; then
	EASLOG_RULES="$rules" easlog-useragent --classify "$SHARED/realdata/plaso/iis7_owa.log" > "$w/out" 2> /dev/null
	grep -q '^iOS,iOS 7.1.2,Apple Mail,1,1$' "$w/out" && ok "realdata: plaso's iPhone is iOS 7.1.2" ||
		not_ok "realdata: plaso's iPhone is iOS 7.1.2"
else
	skip "shared/realdata is not here"
fi
