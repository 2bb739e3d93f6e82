# Spec 2.1 col 26 / 2.5 / 3.4: a device's class is its latest Pa (n > 0) by log
# timestamp; only a strictly later timestamp replaces it (equal ones keep the first).
# d1: Pa1@10:00, Pa3@12:00, Pa2@11:00 (out of order) -> Pa3 Not Compliant.
# d2: Pa1@10:00 then Pa2@10:00 (equal) -> Pa1 Compliant.
# d3: Pa2@10:00, Pa0@11:00 (0 ignored) -> Partially Compliant.
# d4: Pa4 -> compat Unknown (the project's answer to Q3), default Externally Managed.
# d5: Pa:1 (2016 colon form) -> compat not captured: Unknown; default Compliant.
# d6: Pa1@10:00, Pa4@11:00 -> Pa4 is latest: compat Unknown, default Externally Managed.
# d7: Pa5 -> compat Unknown, default Invalid.   d8: no Pa -> Unknown.
# compat: Unknown 5/8=0.625, Compliant/Partially/Not 1/8=0.125 each.
# default: Unknown 1 (0.1250), Compliant 2 (0.2500), Partially 1, Not 1,
#   Externally Managed 2 (0.2500), Invalid 1 (0.1250).
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-compliance.log
echo "== compat Users (name, device, hits, compliance)"; easlog-hits --compat "$L" | cmdlet | cut -d, -f1,2,6,26
echo "== compat PolicyCompliance"; easlog-compliance --compat "$L" | cmdlet
echo "== default Users (name, device, hits, compliance)"; easlog-hits "$L" | cut -d, -f1,2,6,26
echo "== default PolicyCompliance"; easlog-compliance "$L"
echo "== default PolicyCompliance --list"; easlog-compliance --list "$L"
