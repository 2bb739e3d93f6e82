# --merge refuses a partial made by a tool without the merging tool's report
# (issue 6): easlog-hits --report users into easlog-report, easlog-useragent
# into easlog-http. Named, left out, exit 1.
easlog-hits -j 1 --partial users.p "$T/sample/EXCH01" 2> /dev/null
easlog-useragent -j 1 --partial ua.p "$T/sample/EXCH02" 2> /dev/null
easlog-report -j 1 --partial all.p "$T/sample/EXCH03" 2> /dev/null
mkdir out
easlog-report --merge -o out users.p all.p 2> err
echo "exit $?"
grep -v ' wrote ' err
echo "== easlog-http"
easlog-http --merge ua.p all.p 2> err
echo "exit $?"
cat err
echo "== easlog-hits --report servers from an easlog-report partial"
easlog-hits --report servers --merge all.p
echo "exit $?"
