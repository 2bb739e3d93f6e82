# Spec 2 (common CSV rules): --compat quotes a value only when it contains a
# comma (doubling its quotes), and writes a value with '"' but no comma raw;
# values are not decoded (User-Agent keeps '+', DeviceId keeps %2C).
# The default mode writes RFC 4180 (quote on , " CR LF; quotes doubled), puts a
# ' before a leading = + - @ (formula neutralising, then quoted), decodes %xx in
# query values and '+' in the agent.
# u1 agent "...(KHTML,+like+Gecko)..." -> quoted in both (default with spaces);
# u2 DeviceType Type"Q, agent Odd"Agent/1.0 -> compat raw, default "Type""Q";
# u3 agent Both,"Agent/2.0 -> "Both,""Agent/2.0" in both;
# u4 DeviceId =d4, DeviceType -T, agent @Agent/3.0 -> compat raw, default "'=d4" ...;
# u5 DeviceId ab%2Ccd -> compat raw, default "ab,cd".
# u6 agent "-" (null): a Users row, no UserAgents row (spec 2.6), empty agent column.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-quoting.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== compat UserAgents"; easlog-useragent --compat "$L" | cmdlet
echo "== default Users"; easlog-hits "$L"
echo "== default UserAgents"; easlog-useragent "$L"
