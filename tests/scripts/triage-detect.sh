#!/bin/sh
# The baseline's detection on the triage fixture regenerated with other random
# seeds (testdata/triage-gen.pl DIR SEED): in every grouping each flagged row
# must be one of the planted anomalies of 2024-03-10 (the storm: hits high at
# 10:00; the silence: EXCH02 low and its fail-over partner EXCH03 high at
# 14:00 by server; the 503 jump: an error rate high at 18:00), and each
# anomaly must be found: EXCH03 10:00 and EXCH02 14:00 by server, iPhone
# 10:00 and SAMSUNGSMG991B 18:00 (error rate) by device type.
set -u
T=${T:-$(cd "$(dirname "$0")/../../testdata" && pwd)}
TESTS=${TESTS:-$(cd "$(dirname "$0")/.." && pwd)}
EASLOG_RULES="$TESTS/../share/easlog/useragents.rules"
export EASLOG_RULES
n=0
w=$(mktemp -d "${TMPDIR:-/tmp}/easlog-detect.XXXXXX")
trap 'rm -rf "$w"' EXIT INT TERM
ok() { n=$((n + 1)); echo "ok $n $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n $1"; }
for seed in 7 11 23; do
	d="$w/s$seed"
	perl "$T/triage-gen.pl" "$d" $seed || { not_ok "seed $seed: generator failed"; continue; }
	for g in server device-type os command agent-family; do
		easlog-hits --baseline 7 --group $g "$d" > "$w/out" 2> /dev/null
		bad=$(tail -n +2 "$w/out" | while IFS=, read -r date hour grp metric obs exp lo hi dir score days; do
			case "$hour/$metric/$dir" in
			10/hits/high | 18/"error rate"/high) continue ;;
			14/hits/*) [ $g = server ] && { [ "$grp/$dir" = EXCH02/low ] || [ "$grp/$dir" = EXCH03/high ]; } && continue ;;
			esac
			echo "$date $hour $grp $metric $obs ($lo..$hi) $dir $score"
		done)
		if [ -z "$bad" ]; then
			ok "seed $seed, --group $g: nothing but the planted anomalies"
		else
			not_ok "seed $seed, --group $g: flagged $bad"
		fi
		want=""
		case $g in
		server) want="2024-03-10,10,EXCH03,hits 2024-03-10,14,EXCH02,hits" ;;
		device-type) want="2024-03-10,10,iPhone,hits 2024-03-10,18,SAMSUNGSMG991B,error_rate" ;;
		os) want="2024-03-10,10,iOS_6.1,hits" ;;
		esac
		for x in $want; do
			x=$(echo "$x" | tr _ ' ')
			grep -q "^$x," "$w/out" && ok "seed $seed: found $x" || not_ok "seed $seed: missed $x"
		done
	done
	rm -rf "$d"
done
