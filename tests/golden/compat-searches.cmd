# Spec 2.1 col 21: Total Searches requested +1 when Cmd is Search (any case).
# lines: Search, search (cmd=), SEARCH count; Find, ItemOperations, Searches do not
# -> 3 of 6 hits. Same in both modes.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-searches.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== default Users (columns 1-26)"; easlog-hits "$L" | cut -d, -f1-26
