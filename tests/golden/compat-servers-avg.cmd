# Spec 2.2: Servers.csv, one row per lower(s-computername)_lower(cs-host)_lower(s-ip)
# (display values first seen: Mail.Contoso.com), Average Unique Devices =
# floor(sum over days of distinct DeviceIds / days); a query without DeviceId
# counts the empty id, a line without a query counts no device.
# compat:
#  EXCH01/10.0.0.5: 03-04 {a,b,c,""} = 4, 03-05 {a} = 1 -> floor(5/2) = 2; 7 hits, 700/70.
#  EXCH01/10.0.0.6: 03-05 {d} -> 1; 1 hit.
#  EXCH02/10.0.0.7: {x,y}, {x}, {x,y} -> floor(5/3) = 1; 5 hits, 500/50.
# default: one row per server (s-computername), unrounded average, days, errors:
#  EXCH01: 2 days, 03-04 {a,b,c} = 3, 03-05 {a,d} = 2 -> 2.5; 8 hits, 800/80.
#  EXCH02: 3 days, 5/3 -> 1.7; 5 hits, 1 error (503) -> 0.2000.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-servers-avg.log
echo "== compat Servers"; easlog-hits --compat --report servers "$L" | cmdlet
echo "== default Servers"; easlog-hits --report servers "$L"
# compat-line-filter.log logs neither s-computername, cs-host nor s-ip: the key
# "__" is not longer than 2, so --compat has no Servers row; the default mode
# names the server after the directory (testdata): 7 hits, devices d1 d2 d3 -> 3.0.
echo "== compat Servers, no server fields"; easlog-hits --compat --report servers "$T/compat-line-filter.log" | cmdlet
echo "== default Servers, no server fields"; easlog-hits --report servers "$T/compat-line-filter.log"
