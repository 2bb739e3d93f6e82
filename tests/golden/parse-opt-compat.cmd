# --compat keeps only the lines Export-ActiveSyncLog counts (spec 3.2-3.3): front-end
# stems, a date field, a query that fits the cmdlet's grammar. Dropped here: the /Proxy
# back-end lines, the #Date-only file, 'Cmd=Sync&foo' (a piece without '='), a base64
# query without any '=' (with padding or a following &Log= it passes).
cols() { awk -v cols=timestamp,tier,user,command,query_format,line -f "$TESTS/golden/parse-cols.awk"; }
w=$(pwd) # scratch: nothing is written under $T
cd "$T"
for f in parse-options.log parse-base64.log parse-odd.log parse-date-directive.log parse-e2016.log parse-e2003.log; do
	echo "== $f"
	easlog-parse --compat --stats "$f" 2> "$w/stats" | cols
	grep 'filtered:' "$w/stats"
done
echo "== parse-tree/EXCH13 (front end counted, back end dropped)"
easlog-parse --compat parse-tree/EXCH13 | cols
