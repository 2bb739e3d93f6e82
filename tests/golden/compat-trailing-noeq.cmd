# Spec 3.2 step 8 / 3.3: "Cmd=Sync&foo" (a last piece without '=') does not match
# the query grammar, so --compat drops the whole line: it counts in no report.
# The default mode counts it. Line 1: u1/d1, AgentA, 200, 10:00, s-ip 10.0.0.5;
# line 2 (the bad one): u2/d2, AgentB, 503, 11:00, s-ip 10.0.0.6.
# compat: every report shows line 1 only; StatusCodes Ratio 1/1 = 1 (integer division).
# default: both lines; Servers (identity from the path: testdata) 2 hits, 1 day,
# devices {d1,d2} -> 2.0, 1 error (503) -> 0.5000; StatusCodes 1/2 = 0.5000 each.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
mkdir c d
easlog-report --compat -o c "$T/compat-trailing-noeq.log" 2>/dev/null
easlog-report -o d "$T/compat-trailing-noeq.log" 2>/dev/null
for f in Users Servers Hourly StatusCodes PolicyCompliance UserAgents; do
	echo "== compat $f"; cmdlet < c/$f.csv | grep -v '^[A-Za-z]*day,[0-9]*,0,0$'
done
for f in Users Servers Hourly StatusCodes PolicyCompliance UserAgents; do
	echo "== default $f"; cut -d, -f1-26 d/$f.csv
done
