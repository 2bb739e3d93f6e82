# --merge refuses a partial made with other options than its own (issue 6):
# --compat, --tier fe and --start against a default merge. Each is named with
# both option sets and left out, the rest is merged, exit 1. With --compat
# the merge refuses the default partials in turn.
easlog-hits -j 1 --report servers --partial a.p "$T/sample/EXCH01" 2> /dev/null
easlog-hits -j 1 --report servers --compat --partial compat.p "$T/sample/EXCH02" 2> /dev/null
easlog-hits -j 1 --report servers --tier fe --partial tier.p "$T/sample/EXCH02" 2> /dev/null
easlog-hits -j 1 --report servers --start 2024-03-05 --partial start.p "$T/sample/EXCH03" 2> /dev/null
easlog-hits -j 1 --report servers --partial b.p "$T/sample/EXCH03" 2> /dev/null
echo "== default merge"
easlog-hits --report servers --merge a.p compat.p tier.p start.p b.p 2> err
echo "exit $?"
cat err
echo "== --compat merge"
easlog-hits --report servers --compat --merge a.p compat.p 2> err
echo "exit $?"
cat err
