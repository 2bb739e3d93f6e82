# Spec 2.1 col 10 / 3.4: Total Emails Received +1 per line whose Cmd is SendMail,
# SmartReply or SmartForward, name and value case-insensitive (cmd=, CMD=,
# smartforward), whatever the parameter order; the LAST Cmd counts
# (Cmd=SendMail&Cmd=Ping -> Ping); MeetingResponse and client e-mail adds
# (Sync with Em Cli 2a -> Items Received 2 only) do not count.
# 7 lines: lines 1,2,3,7 count -> 4. Hits 7, bytes 7000/700. Same in both modes.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-emails-received.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== default Users (columns 1-26)"; easlog-hits "$L" | cut -d, -f1-26
