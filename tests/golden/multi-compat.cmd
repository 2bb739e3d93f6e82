# testdata/multi in --compat: all six reports (Hourly: the line count and the
# rows that are not 0,0). Servers: SRV10 (Exchange 2010, Log on the FE line,
# IIS 7.5 default fields: no s-computername, no bytes); SRV16A (Exchange 2016,
# FE W3SVC1 + BE W3SVC2, s-computername/cs-host logged, sc-bytes/cs-bytes added by
# a #Fields change in the middle of the FE file of 2024-03-04); SRV16B (Exchange
# 2016, IIS 10 default fields, files gzipped with gzip -n). Two days, Monday
# 2024-03-04 and Tuesday 2024-03-05.
# How the numbers were checked: the fixture was written from a hand-made list of
# requests; an independent awk reader (own #Fields handling, no easlog code)
# flattened every FE/BE line, and per-key counts (cut | sort | uniq -c style) gave
# hits, bytes, statuses, agents and hourly devices; each Log-derived figure was
# worked out by hand from the request list (arithmetic below).
# compat counts only the 122 FE lines (BE /Proxy/ stems ignored); Log data only
# from SRV10:
#  alice: Sync Em Cli 0a1c Srv 10a2c + Ca Srv 3a -> sent 15 (Em 12, Ca 3), recv 1;
#   Sync Em Srv 1a; day 2 Sync Em Srv 4a, Sync Em Srv 1a -> Items Sent 21, Em Sent 18;
#   SmartReply + SmartForward -> 2; Search 1; Att2 Attb5000; Pa1 -> Compliant.
#  bob: Sync Em Cli 2a Srv 1a1c -> 2/2; Ta Cli 1a Srv 2c + Nt Srv 1a (Nt has no Cli
#   after it) -> 3/1, Ta 2/1, Nt 1/0; SendMail 1; Oof Get 1, Set 1; Search 1;
#   Att1 Attb20480; Pa2 then a later Pa1 -> Compliant. FE hits 22, bytes (SRV16A) 59500/1900.
#  gina: Co Cli 1a1c Srv 2a -> 2/2; Pa3 -> Not Compliant.
#  carol/dave/erin/frank(UPN on SRV16B = separate row): FE only, no Log:
#   Emails Received = SendMail/SmartReply/SmartForward lines, Searches = Search lines.
#  401 lines ("-") -> rows ",andrB1" (3), ",andrE1" (3), ",WinF1" (1).
#  totals 28 (21+5+2), 6 (1+3+2), 122, 232300, 73900.
#  PolicyCompliance: 12 rows: Unknown 9 -> 0.75, Compliant 2 -> 0.1666667,
#   Not 1 -> 0.08333334.
#  Servers: SRV10 days {ApplA1,andrB1,IMEI351111} 3 and 3 -> 3; SRV16B (AMProbe
#   adds "") {"",ApplD1,andrE1} 3 and {"",ApplD1,WINF1,andrE1} 4 -> floor(7/2) = 3;
#   SRV16A {OutlC1,WinF1} 2 and {OutlC1,andrB1,WinF1} 3 -> 2.
#  StatusCodes: 200/0 110, 401/1 3, 401/2 4, 449/0 1, 500/0 2, 503/0 2 (sum 122), Ratio 0.
easlog-report --compat -o . "$T/multi" 2>/dev/null || echo "exit $?"
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
for f in Users Servers StatusCodes PolicyCompliance UserAgents; do
	echo "== $f"; cmdlet < $f.csv
done
echo "== Hourly"; cmdlet < Hourly.csv > h.csv; wc -l < h.csv; grep -v ',0,0$' h.csv
