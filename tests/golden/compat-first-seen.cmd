# Spec 2.1/2.3/2.6: the Users key is lower-cased (one row for CONTOSO\alice,
# contoso\ALICE, CONTOSO\Alice with ApplX1/APPLX1/applx1) and shows the values
# of the first line (CONTOSO\alice, ApplX1, iPhone; the third line's empty
# DeviceType does not replace it); unique devices are distinct DeviceId strings
# with case distinguished (Hourly Monday 10: 3); UserAgents rows are per raw,
# case-sensitive agent: Apple-iPhone/1 2 hits (ApplX1, applx1), apple-iphone/1 1.
# Default mode: the same row (account alice, device applx1), the same display
# (the first line is authenticated), devices counted with case (3), the row's
# agent the latest one (line 3).
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-first-seen.log
echo "== compat Users (columns 1-8)"; easlog-hits --compat "$L" | cmdlet | cut -d, -f1-8
echo "== compat Hourly"; easlog-hits --compat --report hourly "$L" | cmdlet | grep -v ',0,0$'
echo "== compat UserAgents"; easlog-useragent --compat "$L" | cmdlet
echo "== default Users (columns 1-8, 32)"; easlog-hits "$L" | cut -d, -f1-8,32
echo "== default Hourly"; easlog-hits --report hourly "$L"
echo "== default UserAgents"; easlog-useragent "$L"
