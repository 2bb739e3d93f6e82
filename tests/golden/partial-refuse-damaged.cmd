# --merge refuses damaged partials (issue 6): cut short, empty, not JSON, JSON
# that is no partial, a key listed twice, a file that is not there. Each is
# named; the good one is merged; exit 1.
easlog-useragent -j 1 --partial good.p "$T/multi/SRV16B" 2> /dev/null
head -c 300 good.p > cut.p
: > empty.p
echo 'User Agent,Hits' > csv.p
echo '{"format":"something else"}' > other.p
echo '[1,2,3]' > array.p
sed 's/"servers":\["SRV16B"\]/"servers":["SRV16B","SRV16B"]/' good.p > dup.p
cmp -s good.p dup.p && echo "dup.p: no edit"
easlog-useragent --merge cut.p empty.p csv.p other.p array.p dup.p good.p missing.p 2> err
echo "exit $?"
cat err
