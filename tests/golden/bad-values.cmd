# Hostile values (issue 5), in both modes: Pa 0, 4, 99, 40 digits, empty, negative;
# 64-bit byte counts (2^64-1 kept; 2^64, 40 digits and negatives read as 0, as
# the spec's "does not parse as unsigned 64-bit"); negative Log numbers (unknown
# tokens: skipped by default, the whole Log void in --compat); invalid % escapes
# (kept literally by default, raw in --compat); base64 that does not decode
# (counted, query_format bad-base64). Then the 64-bit values through easlog-parse
# JSON and through --partial/--merge give what a direct run gives (both were lost:
# jansson refused integers above 2^63-1, and partial results refused them back).
# (Base64 forms: parse-base64; CmdHC-style unknown tokens: compat-unknown-token;
# Pa1-Pa5 classes: compat-compliance.)
F='#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken sc-bytes cs-bytes'
line() { # TIME USER DEVICE LOG SC-BYTES CS-BYTES [AGENT]
	printf '2024-03-04 %s 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas User=%s&DeviceId=%s&DeviceType=iPhone&Cmd=Sync&Log=%s 443 CONTOSO\\%s 198.51.100.7 %s 200 0 0 15 %s %s\n' \
		"$1" "$2" "$3" "$4" "$2" "${7:-Agent/1}" "$5" "$6"
}
D40=1234567890123456789012345678901234567890
{
	echo "$F"
	line 10:00:00 pa0 dpa0 V141_Pa0_ 1 1
	line 10:00:01 pa4 dpa4 V141_Pa4_ 1 1
	line 10:00:02 pa99 dpa99 V141_Pa99_ 1 1
	line 10:00:03 pa40 dpa40 "V141_Pa${D40}_" 1 1
	line 10:00:04 paempty dpae V141_Pa_Pa:_ 1 1
	line 10:00:05 paneg dpan V141_Pa-1_ 1 1
	line 10:00:06 bytes dmax V141_S1_ 18446744073709551615 0
	line 10:00:07 bytes d2p64 V141_S1_ 18446744073709551616 $D40
	line 10:00:08 bytes dneg V141_S1_ -1 -42
	line 10:00:09 bytes dzero V141_S1_ 00042 0042
	line 10:00:10 neglog dnl "V141_Ty:Em_Cli:1a2c0d0f0e_S:-1_Hb-5_Att-3_Attb2_" 1 1
	line 10:00:11 biglog dbl "V141_Ty:Em_Cli:${D40}a1c0d0f0e_Att${D40}_Hb${D40}_S${D40}_" 1 1
	line 10:00:12 'pct%G1' 'd%4' V141_ 1 1 'Agent%zz+%'
	line 10:00:13 'pct%%41' 'd%2' V141_ 1 1 'Agent%41%'
	printf '2024-03-04 10:00:14 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas jAAJBAp 443 - 198.51.100.7 Agent/1 200 0 0 15 1 1\n'
	printf '2024-03-04 10:00:15 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas !!!!!!!!!!!!&Log=V141_ 443 - 198.51.100.7 Agent/1 200 0 0 15 1 1\n'
	printf '2024-03-04 10:00:16 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas QUJDREVGR0g= 443 - 198.51.100.7 Agent/1 200 0 0 15 1 1\n'
} > values.log
cols=line,user,device_id,bytes_sent,bytes_received,eas_status,heartbeat,policy_ack,attachments,attachment_bytes,folders,user_agent,query_format
echo "== default"
easlog-parse --stats values.log > out 2> err
echo "exit $?"
grep -e ': lines' -e 'undecodable' err
awk -v cols=$cols -f "$TESTS/golden/parse-cols.awk" out
echo "== --compat"
easlog-parse --compat --stats values.log 2> err | awk -v cols=line,user,device_id,user_agent -f "$TESTS/golden/parse-cols.awk"
grep -e ': lines' -e 'filtered:' err
echo "== PolicyCompliance, default and --compat"
easlog-compliance --list values.log 2> /dev/null | cut -d, -f1-3,5
easlog-compliance --compat values.log 2> /dev/null | tr -d '\r' | sed '1s/^\xef\xbb\xbf//'
echo "== Users bytes and attachments, default and --compat, and the Total row (a sum past"
echo "== 2^64-1 stays at 2^64-1: it does not wrap around)"
easlog-hits values.log 2> /dev/null | cut -d, -f1,2,7,8,24,25 | grep -e '^User' -e bytes -e log -e Total
easlog-hits --compat values.log 2> /dev/null | tr -d '\r' | sed '1s/^\xef\xbb\xbf//' | cut -d, -f1,2,7,8,24,25 | grep -e '^User' -e bytes -e log -e Total
echo "== 64-bit values through easlog-parse JSON and TSV: same reports as direct"
for tool in easlog-hits "easlog-hits --report servers" easlog-http easlog-compliance; do
	$tool values.log > direct 2> /dev/null
	easlog-parse --format json values.log 2> /dev/null | $tool > viajson 2> err
	rj=$?
	easlog-parse values.log 2> /dev/null | $tool > viatsv 2> /dev/null
	cmp -s direct viajson && cmp -s direct viatsv && echo "$tool: same (JSON exit $rj)" || { echo "$tool: differs"; head -3 err; }
done
echo "== 64-bit values and a time before 1970 through --partial/--merge"
{ echo "$F"; line 10:00:00 big dbig V141_Att18446744073709551615_Pa2_ 18446744073709551615 9223372036854775808; } > big.log
{ echo "$F"; line 10:00:00 old dold V141_Pa3_ 1 1 | sed 's/^2024-03-04/1969-07-20/'; } > old.log
for tool in easlog-hits easlog-compliance "easlog-hits --report servers"; do
	$tool big.log old.log > direct 2> /dev/null
	$tool --partial p1.json big.log 2> /dev/null
	$tool --partial p2.json old.log 2> /dev/null
	$tool --merge p1.json p2.json > merged 2> err
	rc=$?
	cmp -s direct merged && echo "$tool: merge exit $rc, same as one run" || { echo "$tool: merge exit $rc, differs"; cat err; }
done
