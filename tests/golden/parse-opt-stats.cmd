# --stats: every line of every fixture lands in exactly one count (records, non-EAS,
# directives, blank, filtered, skipped); the breakdowns add up to the totals.
cd "$T"
for f in parse-e2003.log parse-e2010.log parse-e2016.log parse-base64.log parse-arr.log \
	parse-fields-change.log parse-date-directive.log parse-odd.log parse-options.log; do
	echo "== $f"
	easlog-parse --stats "$f" 2>&1 >/dev/null
done
echo "== parse-tree (a directory: 3 files) with a selection and --all"
easlog-parse --stats --all --cmd Sync parse-tree 2>&1 >/dev/null
echo "== --compat on parse-options.log"
easlog-parse --stats --compat parse-options.log 2>&1 >/dev/null
