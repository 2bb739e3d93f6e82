# easlog-report --html over logs: the time charts draw one line per server
# (a seventh analyzer, the hourly series per server); over partials, the totals
easlog-report -o . --html r.html "$T/sample" 2> /dev/null
echo "logs: $(grep -c 'per hour, by server' r.html) by-server charts"
for s in EXCH01 EXCH02 EXCH03; do grep -q "<title>$s" r.html && echo "logs: a line for $s"; done
easlog-report --partial p.json "$T/sample" 2> /dev/null
easlog-report --merge --force -o . --html m.html p.json 2> /dev/null
echo "merge: $(grep -c 'per hour, by server' m.html) by-server charts"
