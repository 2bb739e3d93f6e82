# Spec 3.3: greedy [^_]* runs across '&': in "Log=V141_Oof:Set&DeviceId=d1" the
# cmdlet's Oof is "Set&DeviceId=d1" (not "Set") and there is no DeviceId.
# compat: line 1 -> row (CONTOSO\u1, no device), OOF Set 0; line 2 (Oof:Get_,
#   DeviceId=d1) -> row (CONTOSO\u1, d1), OOF Get 1. Two rows, 1 hit each.
# default: '&' ends the Log value: line 1 is device d1 with Oof Set -> one row,
#   2 hits, OOF Set 1, OOF Get 1.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-greedy-oof.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== default Users (columns 1-26)"; easlog-hits "$L" | cut -d, -f1-26
