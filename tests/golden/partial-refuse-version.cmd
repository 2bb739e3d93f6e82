# --merge refuses a partial of another format version or format name (issue 6),
# naming the file; the rest is merged, exit 1.
easlog-http -j 1 --partial a.p "$T/multi/SRV10" 2> /dev/null
easlog-http -j 1 --partial b.p "$T/multi/SRV16A" 2> /dev/null
sed 's/"version":1,/"version":2,/' b.p > v2.p
sed 's/"version":1,/"version":"1",/' b.p > vstr.p
sed 's/"format":"easlog-partial"/"format":"easlog-state"/' b.p > fmt.p
easlog-http --merge a.p v2.p vstr.p fmt.p 2> err
echo "exit $?"
cat err
