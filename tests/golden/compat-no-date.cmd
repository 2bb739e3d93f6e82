# Spec 3.2 step 7: the cmdlet needs the date FIELD on the line (date + time);
# a log without a date column (only #Date:) gives it nothing: --compat counts
# no line (both "filtered"), Users has only the total row, Hourly 168 zero rows.
# The default mode takes the date from the #Date directive: 2 hits on
# Monday 2024-03-04, 10:00 and 10:30.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-no-date.log
echo "== compat Users (columns 1-8)"; easlog-hits --compat "$L" | cmdlet | cut -d, -f1-8
echo "== compat Hourly: lines that are not 0,0 (the header only)"; easlog-hits --compat --report hourly "$L" | cmdlet | grep -vc ',0,0$'
echo "== compat --stats"; easlog-hits --compat --stats "$L" 2>&1 >/dev/null | sed -n 2p
echo "== default Users (columns 1-8, 28-29)"; easlog-hits "$L" | cut -d, -f1-8,28,29
echo "== default Hourly"; easlog-hits --report hourly "$L"
