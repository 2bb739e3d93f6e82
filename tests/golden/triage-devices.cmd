# easlog-hits --report devices on testdata/sample (issue 7): one row per user
# and device, sorted by Hits (ties in byte order of the row key), then
# --top/--sort/--min-hits and the other output formats.
# Checked by hand against easlog-parse output for user0004's iPhone
# (WCC69PI1...): 32 hits = Ping 10 + Sync 19 + Settings 3; one 401 and one
# 500 (4xx 1, 5xx 1); EAS errors 3 from its Log data (ServerError twice, the
# top name); Ping excluded from the time-taken columns; Hb 900; EXCH01 only.
easlog-hits --report devices "$T/sample" 2>/dev/null
echo "== --top 3 --sort sync"
easlog-hits --report devices --top 3 --sort sync "$T/sample" 2>/dev/null | cut -d, -f1-6
echo "== --min-hits 40 --format tsv"
easlog-hits --report devices --min-hits 40 --format tsv "$T/sample" 2>/dev/null
echo "== --sort 'Top EAS Error' --top 5 (text ascending, empty last) --format json"
easlog-hits --report devices --sort 'Top EAS Error' --top 5 --format json "$T/multi" 2>/dev/null
echo "== --sort max-time-taken --top 3"
easlog-hits --report devices --sort max-time-taken --top 3 "$T/multi" 2>/dev/null | cut -d, -f1-4,29-30
