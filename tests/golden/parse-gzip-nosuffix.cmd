# Gzip is recognised by its magic bytes, not by the name: gzip data named .log is
# inflated, a plain file named .gz is read as it is.
gzip -n -c "$T/parse-arr.log" > arr.log
cp "$T/parse-arr.log" plain.gz
cp "$T/parse-arr.log" plain.log
easlog-parse plain.log | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" > want
for f in arr.log plain.gz; do
	easlog-parse "$f" > out
	echo "== $f: exit $?"
	awk -v cols=timestamp,user,command,file,line -f "$TESTS/golden/parse-cols.awk" out
	awk -v drop=file -f "$TESTS/golden/parse-cols.awk" out | cmp - want && echo "same records as the plain file"
done
echo "== a gzip file of 2 bytes (magic only), a plain file of 1 byte, an empty file"
printf '\037\213' > magic.log
printf 'x' > one.log
: > empty.log
for f in magic.log one.log empty.log; do
	easlog-parse --stats "$f" > out 2> err
	echo "$f: exit $?, $(($(wc -l < out) - 1)) records"
	sed 's/^/  /' err
done
