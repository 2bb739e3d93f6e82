# Spec 1.3: the cmdlet keeps a line iff StartDate <= t <= EndDate (both ends
# inclusive; -UseGMT: the dates are UTC, as --start/--end are here). The default
# mode keeps START <= t < END (end exclusive, see --help).
# lines at 08:59:59 (u1), 09:00:00 (u2), 09:30:00 (u3), 10:00:00 (u4), 10:00:01 (u5);
# --start "2024-03-04 09:00:00" --end "2024-03-04 10:00:00":
# compat u2 u3 u4 (3 hits); default u2 u3 (2 hits); --start only: u2..u5.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-start-end.log
echo "== compat"; easlog-hits --compat --start '2024-03-04 09:00:00' --end '2024-03-04 10:00:00' "$L" | cmdlet | cut -d, -f1,2,6
echo "== default"; easlog-hits --start '2024-03-04 09:00:00' --end '2024-03-04 10:00:00' "$L" | cut -d, -f1,2,6
echo "== compat, --start only"; easlog-hits --compat --start '2024-03-04 09:00' "$L" | cmdlet | cut -d, -f1,2,6
echo "== default, --end only"; easlog-hits --end '2024-03-04 09:00:00' "$L" | cut -d, -f1,2,6
