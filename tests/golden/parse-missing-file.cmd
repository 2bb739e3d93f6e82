# A missing file and a missing directory: each message names it, the other inputs are
# still read, exit 1.
cd "$T"
easlog-parse nosuch.log parse-arr.log parse-tree/nosuch-dir > "$OLDPWD/out"
rc=$?
awk -v cols=timestamp,file -f "$TESTS/golden/parse-cols.awk" "$OLDPWD/out"
exit $rc
