# Damaged gzip (issue 5; truncated, concatenated, plain-named-.gz and suffixless gzip
# are parse-gzip-truncated, parse-gzip-multi and parse-gzip-nosuffix): a bad CRC, a
# bad length, text after the member, zero padding after it, a header cut short, a
# second member whose deflate data is invalid from its first byte. Each: the lines decoded
# before the damage are counted (the file is read up to there), the message names
# the file and the compressed byte, the file counts as failed, exit 1, and --stats
# still adds up. The zlib and ISA-L decoders word the reason differently: shown
# as REASON. Every tool says the same and exits 1.
gzip -n -c "$T/parse-arr.log" > good.gz
size=$(wc -c < good.gz)
patch() { # FILE OFFSET: overwrites one byte with 0xff
	printf '\377' | dd of="$1" bs=1 seek="$2" conv=notrunc 2> /dev/null
}
cp good.gz crc.gz && patch crc.gz $((size - 8))
cp good.gz isize.gz && patch isize.gz $((size - 2))
{ cat good.gz; printf 'trailing text\n'; } > text-after.gz
{ cat good.gz; head -c 512 /dev/zero; } > zeros-after.gz
head -c 6 good.gz > header-cut.gz
{ cat good.gz; printf '\037\213\010\000\000\000\000\000\000\003\007garbage'; } > garbage-member.gz
# the reason and the byte offset depend on the decoder (zlib reads the CRC a few
# bytes earlier than ISA-L): shown as REASON and N, the offset checked below
norm() { sed -e 's/ (\(incorrect\|invalid\)[^)]*)/ (REASON)/' -e 's/; [0-9]* bytes$/; N bytes/' \
	-e 's/ at compressed byte [0-9]* / at compressed byte N /'; }
for f in crc.gz isize.gz text-after.gz zeros-after.gz header-cut.gz garbage-member.gz; do
	easlog-parse --stats "$f" > out 2> err
	rc=$?
	echo "== $f: exit $rc, $(($(wc -l < out) - 1)) records"
	norm < err
	at=$(sed -n 's/.* at compressed byte \([0-9]*\) .*/\1/p' err)
	case $f in
	crc.gz | isize.gz) lo=$((size - 8)) hi=$size ;; # in the 8-byte trailer
	header-cut.gz) lo=6 hi=6 ;;
	*) lo=$size hi=$(wc -c < "$f") ;; # after the good member
	esac
	[ "$at" -ge $lo ] && [ "$at" -le $hi ] && echo "N is where the damage is" || echo "N = $at, not in $lo..$hi"
	awk '/: lines [0-9]+ = / { s = 0; for (i = 5; i <= NF; i++) if ($i ~ /^[0-9]+$/) s += $i; if (s != $3) print "lines do not add up: " $0 }' err
done
echo "== every tool on crc.gz: the same message, exit 1"
for tool in easlog-hits easlog-http easlog-useragent easlog-compliance; do
	$tool crc.gz > /dev/null 2> err
	echo "$tool: exit $?: $(norm < err | sed "s/^$tool: //")"
done
mkdir rep
easlog-report -o rep crc.gz > /dev/null 2> err
echo "easlog-report: exit $?, $(ls rep | wc -l | tr -d ' ') reports written"
grep 'crc.gz' err | norm
echo "== the good member alone, and with the garbage member: the same records"
easlog-parse good.gz | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" > want
easlog-parse garbage-member.gz 2> /dev/null | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" | cmp - want && echo same
