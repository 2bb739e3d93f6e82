# easlog-hits --report series on testdata/sample (issue 7): every interval and
# group. Buckets from the first to the last, every group in each (zeros where
# a group had no request); the hits of a day add up to the Servers report's
# (EXCH01 208 = 103 + 105, ...). Latency columns are histogram bin values
# (exact below 50 ms, within 1% + 0.5 ms above), Ping left out except in the
# Ping rows of --group command.
export EASLOG_RULES="$TESTS/../share/easlog/useragents.rules"
s="$T/sample"
echo "== 1d server"
easlog-hits --report series --interval 1d --group server "$s" 2>/dev/null
echo "== 1d agent-family"
easlog-hits --report series --interval 1d --group agent-family "$s" 2>/dev/null
echo "== 1h command, 2024-03-05 06:00-08:00"
easlog-hits --report series --group command --start '2024-03-05 06:00' --end '2024-03-05 08:00' "$s" 2>/dev/null
echo "== 15m device-type, 2024-03-04 09:00-10:00"
easlog-hits --report series --interval 15m --group device-type --start '2024-03-04 09:00' --end '2024-03-04 10:00' "$s" 2>/dev/null
echo "== 5m os, 2024-03-04 10:00-10:30"
easlog-hits --report series --interval 5m --group os --start '2024-03-04 10:00' --end '2024-03-04 10:30' "$s" 2>/dev/null
echo "== 1h no group, --tz Asia/Kolkata (+05:30), json"
easlog-hits --report series --tz Asia/Kolkata --format json --start '2024-03-04 00:00' --end '2024-03-04 03:00' "$s" 2>/dev/null
echo "== 1d no group, tsv"
easlog-hits --report series --interval 1d --format tsv "$s" 2>/dev/null
