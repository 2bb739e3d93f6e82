# --local reads --start/--end as wall time in TZ (a POSIX rule, so no tzdata is needed):
# in August, New York time is UTC-4, so 20:00 local on 21 Aug is 00:00 UTC on 22 Aug.
# Output timestamps stay UTC. Without --local, TZ changes nothing. --local with a Z
# suffix is a contradiction (exit 2).
cols() { awk -v cols=timestamp,line -f "$TESTS/golden/parse-cols.awk"; }
cd "$T"
echo "== TZ=EST5EDT --local --start '2016-08-21 20:00' --end '2016-08-22 06:00'"
TZ=EST5EDT,M3.2.0,M11.1.0 easlog-parse --local --start '2016-08-21 20:00' --end '2016-08-22 06:00' parse-options.log | cols
echo "== TZ=EST5EDT without --local: the same arguments are UTC"
TZ=EST5EDT,M3.2.0,M11.1.0 easlog-parse --start '2016-08-21 20:00' --end '2016-08-22 06:00' parse-options.log | cols
echo "== TZ=UTC-2 --local --start 2016-08-22 (22:00 UTC the day before)"
TZ=UTC-2 easlog-parse --local --start 2016-08-22 --end '2016-08-22 02:00:01' parse-options.log | cols
echo "== --local with Z"
TZ=UTC-2 easlog-parse --local --start 2016-08-22T00:00Z parse-options.log
echo "exit $?"
