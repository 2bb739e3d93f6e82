# A multi-member gzip file (cat a.gz b.gz) reads as the concatenation of the members:
# one file, line numbers running on, the second member's #Fields taking over.
cp "$T/parse-e2010.log" a.log
cp "$T/parse-arr.log" b.log
gzip -n -c a.log > a.gz
gzip -n -c b.log > b.gz
cat a.gz b.gz > ab.gz
cat a.log b.log > ab.log
easlog-parse ab.gz > out.gz.tsv
echo "exit $?"
awk -v cols=timestamp,user,command,file,line -f "$TESTS/golden/parse-cols.awk" out.gz.tsv
easlog-parse ab.log | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" > want
awk -v drop=file -f "$TESTS/golden/parse-cols.awk" out.gz.tsv | cmp - want && echo "same records as the plain concatenation"
echo "== three members, the middle one empty"
: | gzip -n -c > empty.gz
cat a.gz empty.gz b.gz > aeb.gz
easlog-parse aeb.gz | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" | cmp - want && echo "same records"
