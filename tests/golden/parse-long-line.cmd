# Very long lines: a 1 MB line (a 1 MB Budget value inside Log=) and a 5 MB one (more
# than the reader's first buffer) are whole records, the tokens after the long one
# are still read, and the next line keeps its number. Plain, gzip and stdin.
long() { # $1 = bytes of padding
	cat "$T/parse-e2010.log" | sed -n 1,5p
	printf '2011-05-06 12:00:00 192.0.2.41 POST /Microsoft-Server-ActiveSync/default.eas User=jdoe&DeviceId=ApplDNPX0000A1B2&DeviceType=iPhone&Cmd=Ping&Log=V141_Hb900_Budget:(A)'
	head -c "$1" /dev/zero | tr '\0' 'x'
	printf '_S2_Error:Long_ 443 CONTOSO\\jdoe 198.51.100.12 Apple-iPhone4C1/902.206 200 0 0 900001\n'
	sed -n 9p "$T/parse-e2010.log"
}
cols() { awk -v cols=timestamp,user,command,protocol,eas_status,eas_error,heartbeat,time_taken,line -f "$TESTS/golden/parse-cols.awk"; }
long 1048576 > 1m.log
long 5242880 > 5m.log
echo "longest line: $(awk '{ if (length($0) > m) m = length($0) } END { print m }' 5m.log) bytes"
for f in 1m.log 5m.log; do
	echo "== $f"
	easlog-parse "$f" | cols
	gzip -n -c "$f" > "$f.gz"
	easlog-parse "$f.gz" | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" > gz
	easlog-parse "$f" | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" | cmp - gz && echo "gzip: same records"
	easlog-parse < "$f" | awk -v drop=file,server -f "$TESTS/golden/parse-cols.awk" > in
	awk -v drop=server -f "$TESTS/golden/parse-cols.awk" gz | cmp - in && echo "stdin: same records"
done
echo "== the raw query comes out whole"
easlog-parse 5m.log | awk -v cols=w3c_cs_uri_query -f "$TESTS/golden/parse-cols.awk" | awk '{ print length($0) }'
