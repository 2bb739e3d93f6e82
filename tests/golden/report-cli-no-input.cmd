# Spec 1.2: "If no file was processed, nothing is written." easlog-report
# --compat on a directory without log files: an error (exit 1) naming it, and
# no report file in the output directory.
LC_ALL=C; export LC_ALL
mkdir empty out
easlog-report --compat -o out empty > stdout 2> err
echo "exit $?"
grep -q "empty" err && echo "message names the directory" || echo "MESSAGE DOES NOT NAME THE DIRECTORY"
echo "files written: $(ls out | wc -l)"
