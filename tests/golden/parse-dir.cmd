# A directory operand is walked recursively; the files of each directory are read in
# byte order of their names (subdirectories in place); gzip files are recognised.
mkdir -p logs/m logs/Z
for f in b.log a.log A.log 10.log 9.log m/x.log Z/y.log; do
	cp "$T/parse-arr.log" "logs/$f"
done
gzip -n -c "$T/parse-arr.log" > logs/m/w.log.gz
easlog-parse logs > out
echo "exit $?"
awk -v cols=file -f "$TESTS/golden/parse-cols.awk" out | uniq
echo "== a file and a directory (given in byte order: operand order and path order agree)"
easlog-parse logs/a.log logs/m | awk -v cols=file -f "$TESTS/golden/parse-cols.awk" | uniq
echo "== an empty directory"
mkdir empty
easlog-parse empty logs/a.log > out
echo "exit $?, $(($(wc -l < out) - 1)) records"
echo "== a symbolic link back to a parent is not followed around"
ln -s .. logs/m/up
easlog-parse logs > out
echo "exit $?, $(($(wc -l < out) - 1)) records"
