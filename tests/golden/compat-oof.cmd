# Spec 2.1 cols 19/20: OOF Set/Get +1 only when Cmd is Settings (any case, also
# cmd=settings) and Oof is Set/Get (any case).
# lines: Settings+Set (set), Settings+Get (get), Settings+get (get), Sync+Set (no),
# Settings+Other (no), cmd=settings+SET (set), Settings without Log (no)
# -> Set 2, Get 2, Hits 7. Same in both modes.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-oof.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== default Users (columns 1-26)"; easlog-hits "$L" | cut -d, -f1-26
