# Bad usage: a message on stderr and exit 2, nothing on stdout, no input read (a log
# waits on stdin: reading it would print records).
w=$(pwd) # scratch: nothing is written under $T
cd "$T"
run() {
	easlog-parse "$@" < parse-e2010.log > "$w/out" 2> "$w/err"
	rc=$?
	printf '== %s\nexit %s, stdout %s bytes\n' "$*" "$rc" "$(wc -c < "$w/out" | tr -d ' ')"
	# PCRE2's own wording is not ours to pin down
	head -1 "$w/err" | sed 's/^\(easlog-parse: --match [^:]*\): .* at offset \([0-9]*\)$/\1: PCRE2-MESSAGE at offset \2/'
}
run --bogus
run -x
run --format xml
run --format
run --start yesterday
run --end 2016-13-01
run --start 2016-02-30
run --start 2016-08-22 --end 2016-08-21
run --start '2016-08-22 25:00'
run --match user
run --match nosuchfield=x
run --match 'user=('
