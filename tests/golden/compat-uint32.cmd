# Spec 3.3/3.4: numbers are parsed as unsigned 32-bit (overflow -> 0) and the
# per-folder sums are 32-bit before widening (compat); the default mode is 64-bit.
# line 1: Em Srv a=4294967295 c=1 -> compat a+c+A = 2^32 mod 2^32 = 0 (Items
#   Sent 0, Emails Sent 0); Att4294967296 overflows -> 0; Attb4294967295 fits.
#   default: Items Sent = Emails Sent = 4294967296, Att 4294967296, Attb 4294967295.
# line 2: Ca Cli a=4294967295 c=2 -> compat 1 (Items Received 1, Cal Received 1);
#   Srv 1a -> Items Sent 1, Cal Sent 1. default: 4294967297 received.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-uint32.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== default Users (columns 1-26)"; easlog-hits "$L" | cut -d, -f1-26
