# Spec 2.4: one row per (sc-status, sc-substatus), sorted by status padded to 3
# and substatus padded to 11 digits (so 500/2 before 500/19); Ratio is the
# cmdlet's unsigned integer division hits/total: 0 for every row unless one
# pair holds all hits (then 1).
# compat-status-ratio.log: 8 lines: 200/0 x3, 401/1, 401/2, 449/0, 500/2, 500/19
#   -> 3/8 = 0 and 1/8 = 0.  default: 3/8 = 0.3750, 1/8 = 0.1250, rows also keyed
#   by win32 (401/1/1326, 401/2/5); the Log S142_Error:DeviceNotProvisioned on the
#   449 line gives an "eas" row, 1 of 1 Log line = 1.0000.
# compat-status-single.log: 3 lines all 200/0 -> compat 3/3 = 1; default 1.0000,
#   plus an eas row for the one Log line with S1 (no Error): 1/1 = 1.0000.
# compat-status-eas.log: 2 lines 200/0, one with Log Error:PingCollisionDetected and
#   no S token -> compat 2/2 = 1; default http 2/2 = 1.0000 (the EAS row is not an
#   HTTP row), eas row (no status) 1 of 1 Log line = 1.0000.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
echo "== compat StatusCodes"; easlog-http --compat "$T/compat-status-ratio.log" | cmdlet
echo "== default StatusCodes"; easlog-http "$T/compat-status-ratio.log"
echo "== compat StatusCodes, single pair"; easlog-http --compat "$T/compat-status-single.log" | cmdlet
echo "== default StatusCodes, single pair"; easlog-http "$T/compat-status-single.log"
echo "== compat StatusCodes, EAS error without S"; easlog-http --compat "$T/compat-status-eas.log" | cmdlet
echo "== default StatusCodes, EAS error without S"; easlog-http "$T/compat-status-eas.log"
