# Spec 2.5: PolicyCompliance Ratio = Total / (float)rows printed like .NET
# Framework float.ToString(): 7 significant digits, trailing zeros dropped,
# "0"/"1" for whole numbers, E-notation below 1e-4. Default mode: %.4f.
# 7 rows (d1 Pa1, d2 Pa2, 5 without Pa): 5/7 = 0.7142857, 1/7 = 0.1428571, 0/7 = 0;
#   default 0.7143, 0.1429, 0.1429, 0.0000.
# first 3 rows (d1 Pa1, d3, d4): 2/3 = 0.6666667, 1/3 = 0.3333333; default 0.6667, 0.3333.
# 100000 generated rows, one Pa1: 99999/100000 = 0.99999 (float 0.99998999),
#   1/100000 = 1E-05; default 1.0000 and 0.0000.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-ratio-format.log
echo "== compat, 7 rows"; easlog-compliance --compat "$L" | cmdlet
echo "== default, 7 rows"; easlog-compliance "$L"
head -n 4 "$L" > three.log
echo "== compat, 3 rows"; easlog-compliance --compat three.log | cmdlet
echo "== default, 3 rows"; easlog-compliance three.log
awk 'BEGIN { print "#Fields: date time cs-uri-stem cs-uri-query cs-username"
	for (i = 1; i <= 100000; i++)
		printf "2024-03-04 10:00:00 /Microsoft-Server-ActiveSync/default.eas DeviceId=d%d&Cmd=Provision%s u%d\n", i, (i == 1 ? "&Log=V141_Pa1_" : ""), i }' > big.log
echo "== compat, 100000 rows"; easlog-compliance --compat big.log | cmdlet
echo "== default, 100000 rows"; easlog-compliance big.log
