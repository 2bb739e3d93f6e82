# easlog-useragent --classify on testdata/sample (issue 7): platform family,
# OS version and client per agent and DevOS; the hits add up to the
# UserAgents report's (482) and every device is counted (20). Apple agents
# with a DevOS value give its version (iOS 17.3.1); Samsung Email without
# DevOS is "Android"; Outlook-iOS-Android/1.0 with DevOS iOS 17.3.1 is iOS,
# without it "iOS or Android"; Windows 11 from the MSFT-WIN-3 build (22621).
export EASLOG_RULES="$TESTS/../share/easlog/useragents.rules"
easlog-useragent --classify "$T/sample" 2>/dev/null
for g in family os client client,os; do
	echo "== --group $g"
	easlog-useragent --classify --group "$g" "$T/sample" 2>/dev/null
done
echo "== json"
easlog-useragent --classify --group family --format json "$T/sample" 2>/dev/null
echo "== totals"
easlog-useragent --classify --format tsv "$T/sample" 2>/dev/null | awk -F'\t' 'NR > 1 { h += $4; d += $5 } END { print h, d }'
