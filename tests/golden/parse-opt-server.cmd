# The server column: s-computername when logged; else --server NAME; else the
# directory above W3SVCn (any case), else the file's directory; "stdin" for stdin.
cols() { awk -v cols=server,file,line -f "$TESTS/golden/parse-cols.awk"; }
cd "$T"
echo "== path-derived"
easlog-parse parse-e2003.log parse-tree | cols
echo "== --server CAS99"
easlog-parse --server CAS99 parse-e2003.log parse-tree/EXCH13/W3SVC1 | cols
echo "== --server CAS99 does not override s-computername"
easlog-parse --server CAS99 parse-e2016.log | cols
echo "== stdin, and stdin with --server"
easlog-parse < parse-e2003.log | cols
easlog-parse --server CAS99 - < parse-e2003.log | cols
echo "== a W3SVC directory at the top of a relative path"
cd parse-tree/EXCH13 && easlog-parse W3SVC2/parse-u_ex160816.log | cols
cd W3SVC2 && easlog-parse parse-u_ex160816.log | cols
