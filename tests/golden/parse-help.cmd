# --help and -h: the usage on stdout, nothing on stderr, exit 0; every option of the
# synopsis is described. --version and -V: one line, exit 0.
for o in --help -h; do
	easlog-parse $o > out 2> err
	echo "== $o: exit $?, stderr $(wc -c < err | tr -d ' ') bytes"
	head -1 out
	for opt in $(sed -n '/^usage:/,/^$/p' out | grep -o -e '--[a-z-]*' | sort -u); do
		grep -q -e "^  .*$opt" out || echo "not described: $opt"
	done
done
for o in --version -V; do
	easlog-parse $o > out 2> err
	echo "== $o: exit $?, stderr $(wc -c < err | tr -d ' ') bytes, $(wc -l < out | tr -d ' ') line"
	sed 's/ [0-9][0-9.]* (gzip: [a-z-]*)$/ VERSION/' out
done
