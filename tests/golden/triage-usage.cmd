# Usage errors of the triage options (exit 2, nothing read) and rules errors.
export EASLOG_RULES="$TESTS/../share/easlog/useragents.rules"
t() { "$@" "$T/sample" > usage.txt 2>&1; echo "exit $? $*"; sed 's/^/  /' usage.txt | head -3; }
t easlog-hits --top 3
t easlog-hits --report devices --top 0
t easlog-hits --report devices --sort nosuch
t easlog-hits --report series --interval 7m
t easlog-hits --report series --interval 2d
t easlog-hits --report series --group family
t easlog-hits --report users --group server
t easlog-hits --baseline 2
t easlog-hits --baseline 7 --report devices
t easlog-hits --threshold 3
t easlog-hits --baseline 7 --threshold -1
t easlog-hits --report series --rules x.rules
t easlog-hits --report devices --compat
t easlog-useragent --group os
t easlog-useragent --classify --group vendor
t easlog-useragent --classify --compat
t easlog-useragent --classify --rules missing.rules
printf 'iOS\tApple Mail\tiOS $2\t^Apple-[^/]*/([0-9]+)\n' > bad.rules
t easlog-useragent --classify --rules bad.rules
printf '# ok\n\nonly\ttwo fields\n' > bad2.rules
t easlog-useragent --classify --rules bad2.rules
EASLOG_RULES=/nonexistent/useragents.rules t easlog-useragent --classify
t easlog-http --classify
t easlog-compliance --top 3
