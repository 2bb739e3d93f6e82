# Spec 3.4, the Users pairing walk (compat) vs the default per-folder reading.
# d1: five folders Em Ca Co Ta Nt, each Ty followed by its own Cli and Srv.
#   Items Sent = sum(a+c+A) = (3+4+5)+(8+9+1)+(0+3+0)+(4)+(1+1+2) = 41;
#   Items Received = sum(a+c) = 3+13+2+1+10 = 29; Emails Sent = 3+5+4 = 12;
#   Cal 8+9=17 / 13, Contacts 3/2, Tasks 4/1, Notes 1+1=2 / 10 (A not in type columns).
#   Both modes agree.
# d2: Cli 9a9c before any Ty; Em folder without Cli; Ca with Cli 2a, Srv 1c.
#   compat walk from the last Ty: Ca takes Cli 2a and Srv 1c; Em: the remaining
#   Cli (9a9c) is before it -> 0, takes Srv 1a -> Items Sent 2, Received 2,
#   Emails 1, Cal 1/2; 9+9 lost. default: 9a9c counts (no type) -> Received 20.
# d3: a folder with Cli/Srv but no Ty (Fid:1), then Em with Cli 1a Srv 2a.
#   compat: only Em's pair -> 2,1, Emails 2. default: 4a and 5a count -> 7,5.
# d4: no Ty at all, two Cli/Srv: compat takes the LAST Srv a+c (no A) = 30+40 = 70
#   and the last Cli a+c = 30. default sums all: (3+4+5)+(30+40+50)=132, 1+2+10+20=33.
# d5: no Ty, Cli 7a only -> 0,7 in both.
# totals: compat 115,69,5,5000,500; default 182,94,5,5000,500,15,0,18,15,3,2,4,1,2,10,...
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-pairing.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== default Users (columns 1-26)"; easlog-hits "$L" | cut -d, -f1-26
