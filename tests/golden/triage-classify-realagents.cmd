# easlog-useragent --classify on one request per real ActiveSync agent quoted
# in shared/realdata/NOTES.md and the spec (testdata/triage-realagents.log):
# none is dropped. Apple builds: 1104.257 = 11D257 = iOS 7.1.2, 1805.212 =
# 18E212 = iPadOS 14.5.1 (iPad, train 18), 1905.258 = iOS 15.4.1, 1607.77 =
# iOS 12.4, 1606.250 = iOS 12.3.2, 902.206 = iOS 5.1.1; two DevOS values
# logged without an agent; Nokia's "+" read as a space; Python unknown.
export EASLOG_RULES="$TESTS/../share/easlog/useragents.rules"
easlog-useragent --classify "$T/triage-realagents.log" 2>/dev/null
echo "== the same agents in the UserAgents report"
easlog-useragent "$T/triage-realagents.log" 2>/dev/null | cut -d, -f1-3
