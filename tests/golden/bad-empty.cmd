# Inputs with no data (issue 5): an empty file, an empty gzip member, a file of
# directives only, a file of blank lines (spaces only), empty standard input. Not an
# error: every tool exits 0, writes its header (easlog-report its six files), and
# --stats counts every line. (An empty directory is parse-dir: exit 1.)
: > empty.log
: | gzip -n -c > empty.gz
printf '#Software: Microsoft Internet Information Services 10.0\r\n#Fields: date time cs-uri-stem\r\n' > directives.log
printf '   \n\n        \r\n' > blank.log
for f in empty.log empty.gz directives.log blank.log; do
	echo "== $f"
	for tool in easlog-parse easlog-hits easlog-http easlog-useragent easlog-compliance; do
		$tool --stats "$f" > out 2> err
		echo "$tool: exit $?, $(wc -l < out | tr -d ' ') output line(s), $(grep ': lines ' err | sed 's/^[^:]*: //')"
	done
	rm -rf rep && mkdir rep
	easlog-report -o rep "$f" 2> err
	echo "easlog-report: exit $?, $(ls rep | wc -l | tr -d ' ') files, $(cat rep/*.csv | wc -l | tr -d ' ') lines in all"
done
echo "== empty standard input"
for tool in easlog-parse easlog-hits easlog-http easlog-useragent easlog-compliance; do
	: | $tool > out 2> err
	echo "$tool: exit $?, $(wc -l < out | tr -d ' ') output line(s), $(wc -l < err | tr -d ' ') message(s)"
done
