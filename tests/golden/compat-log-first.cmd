# Spec 3.3: a query that starts with "&Log=" is consumed by the GENERIC segment
# ([^=]+ = "&Log"), and so is the "&&Log=" of the Exchange 2003 example E1
# ("&" + [^=]+ = "&Log"): --compat ignores that Log; DeviceId/DeviceType/Cmd
# after it still count. The default mode reads the Log in both.
# u1: Log Em Srv 2a, Att1, Pa1 -> default Items Sent 2, Emails Sent 2, Att 1, Compliant.
# u2: Log Em Srv 3a, Unc4, Pa2 -> default Items Sent 3, Emails Sent 3, UNC 4, Partially.
# compat: both rows all zero but Hits/bytes, Unknown; totals 0,0,2,2000,200.
# default totals: 5,0,2,2000,200, Emails Sent 5, UNC 4, Att 1.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-log-first.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== compat Hourly (Sync column: Cmd=Sync still read)"; easlog-hits --compat --report hourly "$L" | cmdlet | grep -v ',0,0$'
echo "== default Users (columns 1-26)"; easlog-hits "$L" | cut -d, -f1-26
