# IIS writes CRLF; some editors add a UTF-8 BOM. Both are invisible in the records:
# the last field carries no CR (time-taken stays a number), the BOM does not hide the
# first #Software/#Fields line. Only the file column differs. Plain, gzip and stdin.
bom=$(printf '\357\273\277')
cp "$T/parse-e2010.log" orig.log
awk '{ printf "%s\r\n", $0 }' orig.log > crlf.log
printf '%s' "$bom" > bom.log && cat orig.log >> bom.log
printf '%s' "$bom" > bom-crlf.log && cat crlf.log >> bom-crlf.log
# the BOM right before #Fields (no other directive first): its twin without BOM is fields.log
sed -n '5,$p' orig.log > fields.log
printf '%s' "$bom" > bom-fields.log && sed -n '5,$p' crlf.log >> bom-fields.log
head -c 8 bom-crlf.log | od -An -c | tr -s ' ' | sed 's/^ //'
for f in crlf.log bom.log bom-crlf.log bom-fields.log; do
	case $f in bom-fields.log) ref=fields.log ;; *) ref=orig.log ;; esac
	easlog-parse "$ref" | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" > want
	gzip -n -c "$f" > "$f.gz"
	easlog-parse --stats "$f" 2> err | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" | cmp - want && echo "$f: same records"
	grep -e 'lines' -e 'skipped:' err
	easlog-parse "$f.gz" | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" | cmp - want && echo "$f.gz: same records"
	easlog-parse < "$f" | awk -v drop=file,server -f "$TESTS/golden/parse-cols.awk" > in
	awk -v drop=server -f "$TESTS/golden/parse-cols.awk" want | cmp - in && echo "$f on stdin: same records"
done
echo "== the last columns of the CRLF file"
easlog-parse crlf.log | awk -v cols=time_taken,w3c_sc_substatus,line -f "$TESTS/golden/parse-cols.awk" | od -c | grep -c '\\r'
easlog-parse crlf.log | awk -v cols=time_taken,line -f "$TESTS/golden/parse-cols.awk" | head -3
