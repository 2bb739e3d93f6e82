# Spec 3.4 key = lower(cs-username)_lower(DeviceId) in --compat: "CONTOSO\carol"
# and "contoso\CAROL"/"C1" are one row (first-seen display CONTOSO\carol, c1),
# "carol@contoso.com" and the 401 "-" line (query User=CONTOSO%5Ccarol) are two more.
# Default mode: DOMAIN\user, DOMAIN%5Cuser in the query, user@domain and any case
# are one account -> one row, 4 hits, shown with the first authenticated name.
# compat rows sorted by key: "_c1" 1 hit, "carol@contoso.com_c1" 1, "contoso\carol_c1" 2.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-domain-user.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== default Users (columns 1-26)"; easlog-hits "$L" | cut -d, -f1-26
