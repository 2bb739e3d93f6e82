# Spec 4.6 "How the cmdlet treats these": the real lines E1-E8, E11-E16 (as
# quoted in the spec, E4 with the missing space restored) in one file with three
# #Fields sections. compat: E1 counted with its "&&Log=" eaten by GENERIC (no
# cs-username field: empty User Name), E2-E4 counted (E4: the 449 row), E5 E7
# E11-E14 counted (no Log), E6 E8 skipped (/Proxy/), E15 (error.aspx) and E16
# (/1/data.rar) skipped: 10 hits. Spec 2.4: E1 has no sc-substatus field, so its
# key 200_00000000000 equals "200 0" and the first-seen display is "200,,"
# (7 hits: E1 E2 E3 E5 E7 E11 E12). Columns shown: 1-8, 10 (Emails Received),
# 13 (Contacts Sent), 21 (Searches), 23 (UNC), 26.
# default: E1's Exchange 2003 Log (S:1A -> one contact sent) read; E6/E8 are
# back-end lines of "FICTITIOUSfilesharetest" (the backslash lost in the source),
# so they make their own 0-hit row with Log data: Srv:6a (no Ty) -> Items Sent 6,
# Unc1 -> UNC 1 (CmdHC-813709136 skipped). HTTP rows over the 10 FE hits:
# 7/10 = 0.7000, 1/10 = 0.1000, 2/10 = 0.2000; EAS rows over the 6 Log lines
# (E1 E2 E3 E4 E6 E8): DeviceNotProvisioned 1/6 = 0.1667, S3
# PingCollisionDetected 1/6. Agents: '+' decoded in the default mode.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-real-lines.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet | cut -d, -f1-8,10,13,21,23,26
echo "== compat StatusCodes"; easlog-http --compat "$L" | cmdlet
echo "== compat UserAgents"; easlog-useragent --compat "$L" | cmdlet
echo "== default Users"; easlog-hits "$L" | cut -d, -f1-8,10,13,21,23,26
echo "== default StatusCodes"; easlog-http "$L"
echo "== default UserAgents"; easlog-useragent "$L"
