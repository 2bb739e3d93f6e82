# Spec 3.3: the Exchange 2013+ Cli layout Cli:1a2c0d0f0e0s0fs does not fit the
# Cli token form, so --compat loses its adds/changes (the generic token eats it);
# the default mode reads both layouts.
# u1: line 1 Em Cli 1a2c (2013 layout) Srv 3a4c1A; line 2 Ca Cli 5a6c Srv 7a8c.
#   compat: Items Sent 8+15=23, Items Received 0+11=11, Emails Sent 8, Cal 15/11.
#   default: Items Received 3+11=14, the rest as compat.
# u2 (one line): Em Cli 1a1c..2s0fs Srv 1a; Co Cli 2a Srv 3c. compat walk from the
#   last Ty: Co takes Cli 2a and Srv 3c, Em has no Cli left (its own was lost)
#   and takes Srv 1a -> Items Sent 4, Items Received 2, Emails Sent 1, Co 3/2.
#   default: Items Received 2+2=4.
# totals: compat 27,13,3,3000,300; default 27,18,3,3000,300,9,0,15,11,3,2,...
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-cli-2013.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== default Users (columns 1-26)"; easlog-hits "$L" | cut -d, -f1-26
