# --start is inclusive, --end exclusive, both UTC by default; date-only means 00:00:00;
# the T and Z forms are accepted. With --compat the end is inclusive (the cmdlet keeps
# t == EndDate, spec 1.3).
cols() { awk -v cols=timestamp,line -f "$TESTS/golden/parse-cols.awk"; }
cd "$T"
echo "== --start 2016-08-22"
easlog-parse --start 2016-08-22 parse-options.log | cols
echo "== --end 2016-08-22"
easlog-parse --end 2016-08-22 parse-options.log | cols
echo "== --start '2016-08-22 00:00:01' --end '2016-08-22 10:00:00'"
easlog-parse --start '2016-08-22 00:00:01' --end '2016-08-22 10:00:00' parse-options.log | cols
echo "== --start 2016-08-22T09:59:59Z --end 2016-08-22T10:00Z"
easlog-parse --start 2016-08-22T09:59:59Z --end 2016-08-22T10:00Z parse-options.log | cols
echo "== --start = --end: nothing"
easlog-parse --start '2016-08-22 10:00' --end '2016-08-22 10:00' parse-options.log | cols
echo "== --compat --end '2016-08-22 10:00:00': the end is kept"
easlog-parse --compat --start '2016-08-22 09:59:59' --end '2016-08-22 10:00:00' parse-options.log | cols
echo "== the window applies to every input, and the counts say why lines went"
easlog-parse --stats --start 2016-08-22 --end '2016-08-22 10:00' parse-options.log 2>&1 >/dev/null | grep -e 'lines' -e 'filtered:'
