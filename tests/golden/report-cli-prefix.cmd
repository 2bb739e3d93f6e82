# easlog-report --prefix P writes P + name (spec 1.2: OutputPrefix + name), in the
# -o directory; existing unprefixed files do not block it, existing prefixed ones
# do; a prefix with '/' is bad usage (exit 2).
LC_ALL=C; export LC_ALL
mkdir out
echo old > out/Users.csv
easlog-report --compat --prefix srv1- -o out "$T/worked-example.log" 2> err
echo "exit $?"
ls out
for f in Users Servers Hourly StatusCodes PolicyCompliance UserAgents; do
	cmp -s out/srv1-$f.csv "$T/worked-example.expected/$f.csv" && echo "same srv1-$f.csv" || echo "DIFFERS srv1-$f.csv"
done
echo "out/Users.csv: $(cat out/Users.csv)"
easlog-report --compat --prefix srv1- -o out "$T/worked-example.log" 2> err
echo "again without --force: exit $?"
grep -q 'srv1-Users\.csv' err && echo "message names srv1-Users.csv" || echo "MESSAGE DOES NOT NAME srv1-Users.csv"
easlog-report --prefix a/b -o out "$T/worked-example.log" 2> err
echo "prefix with a slash: exit $?"
ls out | wc -l
