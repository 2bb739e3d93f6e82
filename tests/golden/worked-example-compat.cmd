# Spec 3.8 worked example, byte for byte: easlog-report --compat must write
# exactly the files in testdata/worked-example.expected/ (built by hand from
# spec 3.8 and the 2.x rules: UTF-8 BOM, CRLF, all 168 Hourly rows, Friday 8 =
# 1 device/1 Sync, Friday 9 = 1 device/0 Sync, the *** Total *** row with 18
# trailing commas, integer-division Ratio 0, float ratios 0.6666667/0.3333333).
# Prints "same NAME" or "DIFFERS NAME" for each of the six files.
easlog-report --compat -o . "$T/worked-example.log" 2>/dev/null || echo "exit $?"
for f in Users Servers Hourly StatusCodes PolicyCompliance UserAgents; do
	if cmp -s "$f.csv" "$T/worked-example.expected/$f.csv"; then
		echo "same $f.csv"
	else
		echo "DIFFERS $f.csv"
	fi
done
