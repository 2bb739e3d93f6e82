# Spec 3.2 step 6 / 4.4: Exchange 2016 logs each request twice, front end
# (.../default.eas, no Log) and back end (.../Proxy/default.eas or .../Proxy,
# with &Log=). --compat ignores the back-end stems: 3 FE hits, 3000/300 bytes,
# Searches 1, nothing from Log, Unknown.
# Default (--tier auto, FE lines present): hits/bytes/status/agents/Searches from
# the FE lines only (3, 3000/300, Searches 1), Log columns from the BE lines:
# Em Cli 1a (2016 layout) Srv 2a1c -> Items Sent 3, Received 1, Emails Sent 3;
# Oof:Get with Cmd=Settings -> 1; Pa:1 -> Compliant; V160 -> 16.0.
# Servers: one server (path: testdata), FE 3 / BE 3 hits, 1 device on 1 day -> 1.0.
# BE lines alone (be.log, a copy without the FE lines): default counts the BE tier: 3 hits, 900*3=2700/80*3=240,
# Searches 1 (the BE Search line); compat: no row at all.
# --tier all: 6 hits, 5700/540, Searches 2.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-proxy-stem.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== compat Servers"; easlog-hits --compat --report servers "$L" | cmdlet
echo "== default Users"; easlog-hits "$L"
echo "== default Servers"; easlog-hits --report servers "$L"
echo "== default UserAgents"; easlog-useragent "$L"
echo "== default StatusCodes"; easlog-http "$L"
echo "== default Users, --tier all (columns 1-26)"; easlog-hits --tier all "$L" | cut -d, -f1-26
grep -v ' /Microsoft-Server-ActiveSync/default.eas ' "$L" > be.log
echo "== compat Users, back end only"; easlog-hits --compat be.log | cmdlet
echo "== default Users, back end only (columns 1-26)"; easlog-hits be.log | cut -d, -f1-26
