# easlog-report refuses to replace an existing report without --force: exit 1,
# the message names the file, no report is written at all and the old file is
# unchanged (spec 1.2 overwrite rule, minus the interactive prompt). --force
# replaces it: the files are then the worked example's exact bytes.
LC_ALL=C; export LC_ALL
echo old > Users.csv
easlog-report --compat -o . "$T/worked-example.log" 2> err
echo "Users.csv exists: exit $?"
grep -q 'Users\.csv' err && echo "message names Users.csv" || echo "MESSAGE DOES NOT NAME Users.csv"
grep -q 'Servers\.csv' err && echo "MESSAGE NAMES Servers.csv"
echo "Users.csv: $(cat Users.csv)"
ls *.csv
rm Users.csv
echo old > UserAgents.csv
easlog-report -o . "$T/worked-example.log" 2> err
echo "UserAgents.csv exists: exit $?"
grep -q 'UserAgents\.csv' err && echo "message names UserAgents.csv" || echo "MESSAGE DOES NOT NAME UserAgents.csv"
echo "UserAgents.csv: $(cat UserAgents.csv)"
ls *.csv
echo old > Users.csv
easlog-report --compat --force -o . "$T/worked-example.log" 2> err
echo "--force: exit $?"
for f in Users Servers Hourly StatusCodes PolicyCompliance UserAgents; do
	cmp -s $f.csv "$T/worked-example.expected/$f.csv" && echo "same $f.csv" || echo "DIFFERS $f.csv"
done
easlog-report --compat --force -o . "$T/worked-example.log" 2> err
echo "--force again: exit $?"
cmp -s Users.csv "$T/worked-example.expected/Users.csv" && echo "same Users.csv" || echo "DIFFERS Users.csv"
