# Spec 2.3: Hourly in --compat has 168 fixed rows (Sunday 0 .. Saturday 23);
# all dates are pooled by UTC weekday and hour; Unique Devices are distinct
# DeviceIds over the pooled dates; Sync Related = Cmd Sync or GetItemEstimate
# (any case). Mon 2024-03-04 and Mon 2024-03-11 both feed Monday 9:
#   03-04 09:10 a Sync, 09:20 b Ping, 09:59:59 a getitemestimate, 03-11 09:15 a Sync,
#   09:30 c FolderSync (503) -> devices {a,b,c} = 3, sync 3.
#   Monday 10: 03-04 10:00:00 b Sync -> 1,1. Sunday 23: 03-10 23:59:59 c SYNC -> 1,1.
# default: a time series, one row per UTC hour from 2024-03-04 09 to 2024-03-11 09
#   (7*24+1 = 169 rows, gaps as zeros) with Hits and Errors; --by weekday pools
#   like the cmdlet (Monday 9: 5 hits, 1 error).
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-hourly-pooling.log
easlog-hits --compat --report hourly "$L" | cmdlet > c.csv
easlog-hits --report hourly "$L" > d.csv
easlog-hits --report hourly --by weekday "$L" > w.csv
echo "== compat Hourly: lines, rows not 0,0"; wc -l < c.csv; grep -v ',0,0$' c.csv
echo "== compat Hourly: first and last rows"; sed -n '2p;169p' c.csv
echo "== default Hourly: lines, rows not all zero"; wc -l < d.csv; grep -v ',0,0,0,0$' d.csv
echo "== default Hourly --by weekday: lines, rows not all zero"; wc -l < w.csv; grep -v ',0,0,0,0$' w.csv
