# The triage fixture (testdata/triage-gen.pl: seven days, three servers, 24
# devices; planted on 2024-03-10 only: a sync storm by user0009's iOS 6.1
# iPhone on EXCH03 at 10:00, EXCH02 silent at 14:00 with EXCH03 serving its
# devices, 45% HTTP 503 for the SAMSUNGSMG991B devices at 18:00).
# Each anomaly is found and nothing else is flagged, in every grouping:
#  - server: EXCH03 10:00 hits high (the storm's server), EXCH02 14:00 hits
#    low (the silence), EXCH03 14:00 high (the fail-over partner);
#  - device-type, agent-family, os: the storm's group at 10:00, the Samsung
#    group's error rate at 18:00 (iOS 6.1 is the storm device alone);
#  - command: Sync hits at 10:00 and Sync's error rate at 18:00.
# tests/scripts/triage-detect.sh repeats the check on other random seeds.
export EASLOG_RULES="$TESTS/../share/easlog/useragents.rules"
perl "$T/triage-gen.pl" logs
echo "== fixture: $(cat logs/*/W3SVC1/*.log | cksum)"
for g in server device-type os command agent-family; do
	echo "== --baseline 7 --group $g"
	easlog-hits --baseline 7 --group $g logs
done
echo "== --baseline 3 --threshold 8 --min-change 100 (only the strongest)"
easlog-hits --baseline 3 --threshold 8 --min-change 100 --group device-type logs
echo "== the runaway device of 10:00 (--min-hits 50)"
easlog-hits --report devices --min-hits 50 --start '2024-03-10 10:00' --end '2024-03-10 11:00' logs | cut -d, -f1-8,32-
echo "== the most 503s on the last day (--sort 503 --top 3)"
easlog-hits --report devices --sort 503 --top 3 --start 2024-03-10 logs | cut -d, -f1-4,23-28
echo "== series 15m server, 13:30-15:00"
easlog-hits --report series --interval 15m --group server --start '2024-03-10 13:30' --end '2024-03-10 15:00' logs
echo "== series 1h device-type, 17:00-20:00"
easlog-hits --report series --group device-type --start '2024-03-10 17:00' --end '2024-03-10 20:00' logs
echo "== series 5m, 10:00-10:30"
easlog-hits --report series --interval 5m --start '2024-03-10 10:00' --end '2024-03-10 10:30' logs
echo "== series 1d agent-family"
easlog-hits --report series --interval 1d --group agent-family logs
echo "== classify"
easlog-useragent --classify logs
