# The merge of per-server partials (issue 6) reports the line accounting of
# all the inputs (--stats) and the same servers report whatever the operand
# order; stdin (-) is one of the operands.
for s in SRV10 SRV16A SRV16B; do
	easlog-hits -j 1 --report servers --partial $s.p "$T/multi/$s" 2> /dev/null
done
easlog-hits --report servers --merge --stats SRV16B.p SRV10.p - < SRV16A.p 2> err
echo "exit $?"
cat err
easlog-hits --report servers --merge SRV10.p SRV16A.p SRV16B.p 2> /dev/null > a.out
easlog-hits --report servers "$T/multi" 2> /dev/null > b.out
cmp a.out b.out && echo "same as one run"
