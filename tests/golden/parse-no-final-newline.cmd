# A last line without a newline is a whole line (plain, CRLF, gzip, stdin), and its
# last field is not cut.
cp "$T/parse-e2010.log" orig.log
printf '%s' "$(cat orig.log)" > nofinal.log
tail -c 20 nofinal.log | od -An -c | tr -s ' ' | sed 's/^ //'
easlog-parse orig.log | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" > want
easlog-parse nofinal.log > out
echo "exit $?"
awk -v cols=timestamp,command,time_taken,line -f "$TESTS/golden/parse-cols.awk" out | tail -2
awk -v drop=file -f "$TESTS/golden/parse-cols.awk" out | cmp - want && echo "plain: same records"
awk '{ printf "%s\r\n", $0 }' orig.log > crlf.log
printf '%s' "$(cat crlf.log)" > nofinal-crlf.log
tail -c 4 nofinal-crlf.log | od -An -c | tr -s ' ' | sed 's/^ //'
easlog-parse nofinal-crlf.log | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" | cmp - want && echo "CRLF: same records"
gzip -n -c nofinal.log > nofinal.gz
easlog-parse nofinal.gz | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" | cmp - want && echo "gzip: same records"
easlog-parse < nofinal.log | awk -v drop=file,server -f "$TESTS/golden/parse-cols.awk" > in
awk -v drop=server -f "$TESTS/golden/parse-cols.awk" want | cmp - in && echo "stdin: same records"
echo "== the last line is EAS, without newline"
printf '%s' "$(sed '$d' orig.log)" > last-eas.log
easlog-parse --stats last-eas.log 2>&1 > out | grep 'lines'
awk -v cols=command,time_taken,line -f "$TESTS/golden/parse-cols.awk" out | tail -1
