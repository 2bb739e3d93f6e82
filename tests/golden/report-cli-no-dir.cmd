# easlog-report -o DIR where DIR does not exist (spec 1.2 OutputDirectoryNotExist),
# or is a regular file: exit 1, a message on stderr naming DIR, nothing created.
LC_ALL=C; export LC_ALL
easlog-report -o nosuchdir "$T/worked-example.log" > out 2> err
echo "missing dir: exit $?"
grep -q "nosuchdir" err && echo "message names the directory" || echo "MESSAGE DOES NOT NAME THE DIRECTORY"
[ -s out ] && echo "STDOUT NOT EMPTY"
[ -e nosuchdir ] && echo "DIRECTORY CREATED" || echo "nothing created"
echo data > afile
easlog-report --compat -o afile "$T/worked-example.log" > out 2> err
echo "regular file: exit $?"
grep -q "afile" err && echo "message names the file" || echo "MESSAGE DOES NOT NAME THE FILE"
echo "afile: $(cat afile)"
ls
