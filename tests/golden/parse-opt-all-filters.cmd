# --all adds non-ActiveSync requests, but the time window and the selection still
# apply to them: the 2016-08-21 line and the other users' lines stay out.
cols() { awk -v cols=timestamp,tier,user,line -f "$TESTS/golden/parse-cols.awk"; }
cd "$T"
echo "== --all --start 2016-08-22 --end '2016-08-22 12:00'"
easlog-parse --all --start 2016-08-22 --end '2016-08-22 12:00' parse-e2010.log parse-options.log | cols
echo "== --all --user jdoe"
easlog-parse --all --user jdoe parse-options.log | cols
echo "== --all --cmd Sync"
easlog-parse --all --cmd Sync parse-options.log | cols
