# Spec 3.3/3.6: the cmdlet does not decode base64 queries.
#  ua: base64 without any '=' -> fits no segment form -> line dropped in --compat.
#  ub: base64 with "==" padding -> GENERIC, no DeviceId -> key "contoso\ub_".
#  uc: "...==&Log=V141_Pa1_" -> the Log IS parsed -> Compliant.
#  ud: no padding + "&Log=V141_Pa1_" -> [^=]+ swallows "...&Log" -> Log not parsed.
#  ue: one "=" padding + "&Log=V141_Pa3_" -> Log parsed -> Not Compliant.
# compat: 4 rows, totals hits 4; PolicyCompliance 2/4 Unknown=0.5, 1/4=0.25, 1/4=0.25.
# default: decodes all five (v140Device/SmartPhone, Nine4383AF346860/Android,
# d5e/X) and reads every Log: ua ub Unknown, uc ud Compliant, ue Not Compliant
# -> 2/5=0.4000, 2/5=0.4000, 1/5=0.2000.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-base64.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== compat PolicyCompliance"; easlog-compliance --compat "$L" | cmdlet
echo "== default Users (columns 1-26)"; easlog-hits "$L" | cut -d, -f1-26
echo "== default PolicyCompliance"; easlog-compliance "$L"
