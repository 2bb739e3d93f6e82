# A gzip file cut in the middle (gzip + head -c): the lines before the damage are
# records, the cut line is counted as skipped, the message names the file, the
# compressed byte where the data stopped and the last whole line; exit 1.
awk 'BEGIN {
	print "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken"
	for (i = 0; i < 3000; i++)
		printf "2016-08-22 %02d:%02d:%02d 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas User=user%d&DeviceId=dev%07d&DeviceType=iPhone&Cmd=Ping&Log=V141_Hb%d_ 443 CONTOSO\\user%d 198.51.100.%d Apple-iPhone9C3/1402.72 200 0 0 %d\n", i / 3600, i / 60 % 60, i % 60, i % 97, i * 7919 % 10000000, 300 + i % 600, i % 97, i % 250, i * 13 % 9000
}' > big.log
gzip -n -c big.log > big.gz
size=$(($(wc -c < big.gz) / 2))
head -c $size big.gz > cut.gz
easlog-parse --stats cut.gz > out 2> err
echo "exit $?"
# what an independent gunzip recovers from the same bytes
whole=$(gzip -dc cut.gz 2>/dev/null | wc -l | tr -d ' ')
msg=$(grep 'cut.gz:' err)
byte=$(printf '%s\n' "$msg" | sed -n 's/.* at compressed byte \([0-9]*\).*/\1/p')
line=$(printf '%s\n' "$msg" | sed -n 's/.* after line \([0-9]*\).*/\1/p')
printf '%s\n' "$msg" | sed "s/ $byte / BYTE /; s/ $line / LINE /; s/ $line\$/ LINE/"
[ "$byte" = "$size" ] && echo "BYTE is the size of the cut file"
[ "$line" = "$whole" ] && echo "LINE is the number of whole lines gunzip recovers"
[ "$(($(wc -l < out) - 1))" = "$((whole - 1))" ] && echo "every whole data line before the cut is a record"
grep -e 'files' -e 'skipped:' err | sed 's/; [0-9]* bytes$/; N bytes/'
grep 'lines' err | grep -q "lines $((whole + 1)) = records $((whole - 1)) + non-EAS 0 + directives 1 + blank 0 + filtered 0 + skipped 1" && echo "the cut line is counted once, as skipped"
echo "== the records before the cut are the ones of the intact file"
easlog-parse big.log | head -n "$whole" | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" > want
awk -v drop=file -f "$TESTS/golden/parse-cols.awk" out | cmp -s - want && echo same
echo "== a damaged member after a good one: corrupt data, exit 1"
gzip -n -c "$T/parse-arr.log" > bad.gz
printf '\037\213\010\000\000\000\000\000\000\003garbage-not-deflate' >> bad.gz
easlog-parse bad.gz > out 2> err
echo "exit $?, $(($(wc -l < out) - 1)) records"
sed 's/: corrupt gzip data (.*) at compressed byte [0-9]* after line/: corrupt gzip data (REASON) at compressed byte N after line/' err
