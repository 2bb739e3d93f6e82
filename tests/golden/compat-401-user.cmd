# Spec 3.4: a 401 line with cs-username "-" has no user in the cmdlet's key
# (key "_<device>"): --compat gives it its own row with an empty User Name.
# The default mode takes the user from the query's User= (percent-decoded,
# DOMAIN\ and @domain stripped for the key), so the 401 lines join the
# authenticated row; the display name is the authenticated cs-username.
# lines: 401 User=bob/androidc1 (-); 200 CONTOSO\bob/androidc1; 401
# User=CONTOSO%5Cbob/androidc1 (-); 401 no User, androidc2 (-). 300/200 bytes each.
# compat: "_androidc1" 2 hits 600/400, "_androidc2" 1, "contoso\bob_androidc1" 1.
# default: (empty user, androidc2) 1 hit; (bob, androidc1) 3 hits 900/600.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-401-user.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== default Users (columns 1-26)"; easlog-hits "$L" | cut -d, -f1-26
