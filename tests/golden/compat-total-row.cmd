# Spec 2.1: the "*** Total ***" row: --compat sums only Items Sent .. Total Bytes
# Received (cols 4-8) and leaves the other 18 columns empty; it is written even
# with no user rows, and PolicyCompliance then has an empty Ratio. The default
# mode sums all 22 numeric columns and leaves the 7 text columns empty.
# compat-total-row.log: u1 Em Cli 1a1c Srv 2a1c1A, SendMail, Att2 Attb20, 1000/100;
#   u2 Ca Srv 5a, Search, Unc1, 2000/200.
#   totals: Items Sent 4+5=9, Received 2, Hits 2, 3000, 300; Emails Sent 4,
#   Emails Received 1, Cal Sent 5, Searches 1, UNC 1, Att 2, Attb 20.
# compat-total-empty.log: a 401 without user or DeviceId and an OPTIONS with no
#   query: no user key -> no rows; all-zero totals; Ratio empty.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-total-row.log
E=$T/compat-total-empty.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== default Users"; easlog-hits "$L"
echo "== compat Users, no rows"; easlog-hits --compat "$E" | cmdlet
echo "== compat PolicyCompliance, no rows"; easlog-compliance --compat "$E" | cmdlet
echo "== default Users, no rows"; easlog-hits "$E"
echo "== default PolicyCompliance, no rows"; easlog-compliance "$E"
