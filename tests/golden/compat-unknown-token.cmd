# Spec 3.3: a Log token that fits no token form (CmdHC-813709136, TmRcv06:53:38.44,
# ProvSyncTypeIcs) makes the LOG alternative fail, so in --compat that line
# gives no Ty/Cli/Srv/Oof/Ssp/Unc/Att/Attb/Pa at all (Cmd/DeviceId/DeviceType kept);
# the default mode skips the unknown token and keeps the rest.
# Each line: Em folder, Cli 1a2c -> Items Received 1+2=3; Srv 3a4c1A -> Items
# Sent 3+4+1=8 = Emails Sent (a+A+c); Cmd=Settings + Oof:Set -> OOF Set 1;
# Ssp1 Unc2 Att3 Attb400; Pa1 -> Compliant. bytes 1000/100 per line.
# compat: only u1 (no unknown token) gets them; totals 8,3,4 hits,4000,400.
# default: all four get them; totals 32,12,4,4000,400, Emails Sent 32, OOF 4,
# Ssp 4, Unc 8, Att 12, Attb 1600; PolicyCompliance 4/4 Compliant = 1.0000.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-unknown-token.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== compat PolicyCompliance"; easlog-compliance --compat "$L" | cmdlet
echo "== default Users (columns 1-26)"; easlog-hits "$L" | cut -d, -f1-26
echo "== default PolicyCompliance"; easlog-compliance "$L"
