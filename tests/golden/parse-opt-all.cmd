# --all also writes the requests that are not ActiveSync, with tier "-", in input order.
cols() { awk -v cols=timestamp,tier,method,user,command,line,w3c_cs_uri_stem -f "$TESTS/golden/parse-cols.awk"; }
cd "$T"
echo "== without --all"
easlog-parse parse-options.log | cols
echo "== --all"
easlog-parse --all parse-options.log | cols
echo "== --all on the 2003 log (no s-ip, no cs-username)"
easlog-parse --all parse-e2003.log | cols
