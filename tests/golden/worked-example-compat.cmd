# Spec 3.8: the worked example, byte for byte in --compat (BOM, CRLF, 168 Hourly rows).
easlog-report --compat -o . "$T/worked-example.log" 2>/dev/null || exit 1
for f in Users Servers Hourly StatusCodes PolicyCompliance UserAgents; do
	echo "== $f.csv"
	od -An -c "$f.csv" | head -1
	tr -d '\r' < "$f.csv" | sed 's/^\xef\xbb\xbf//' | grep -v ',0,0$'
done
