# --device, --device-type and --cmd match whole values, ignoring case; repeating one
# option ORs, different options AND. --cmd matches the canonical command name.
cols() { awk -v cols=user,device_id,device_type,command,line -f "$TESTS/golden/parse-cols.awk"; }
cd "$T"
echo "== --device applaaaa0001"
easlog-parse --device applaaaa0001 parse-options.log | cols
echo "== --device ApplAAAA (a prefix is not a match)"
easlog-parse --device ApplAAAA parse-options.log | cols
echo "== --device-type android --device-type OUTLOOK"
easlog-parse --device-type android --device-type OUTLOOK parse-options.log | cols
echo "== --cmd sync"
easlog-parse --cmd sync parse-options.log | cols
echo "== --cmd Ping --cmd SendMail --device-type iPhone"
easlog-parse --cmd Ping --cmd SendMail --device-type iPhone parse-options.log | cols
echo "== --cmd options (OPTIONS requests without Cmd=)"
easlog-parse --cmd options parse-e2003.log parse-e2010.log | cols
echo "== --cmd sync on lower-case cmd=sync"
easlog-parse --cmd Sync --device androidc1000001 parse-odd.log 2>/dev/null | cols
