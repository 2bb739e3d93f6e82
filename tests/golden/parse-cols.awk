# Picks columns of easlog-parse TSV output by header name, so the parse-*
# golden cases show only the columns they are about:
#   easlog-parse ... | awk -v cols=timestamp,user,line -f "$TESTS/golden/parse-cols.awk"
# or drops some (to compare two runs that differ only there):
#   easlog-parse ... | awk -v drop=file -f "$TESTS/golden/parse-cols.awk"
# An unknown name is an error (exit 1), so a renamed column fails the case.
BEGIN {
	FS = OFS = "\t"
	n = split(cols, want, ",")
	nd = split(drop, gone, ",")
}
NR == 1 {
	for (i = 1; i <= NF; i++)
		at[$i] = i
	for (j = 1; j <= n; j++)
		if (!(want[j] in at)) {
			print "parse-cols.awk: no column " want[j] > "/dev/stderr"
			bad = 1
			exit 1
		}
	for (j = 1; j <= nd; j++) {
		if (!(gone[j] in at)) {
			print "parse-cols.awk: no column " gone[j] > "/dev/stderr"
			bad = 1
			exit 1
		}
		skip[at[gone[j]]] = 1
	}
	if (n == 0)
		for (i = 1; i <= NF; i++)
			if (!(i in skip))
				want[++n] = $i
}
{
	line = ""
	for (j = 1; j <= n; j++)
		line = line (j > 1 ? OFS : "") $(at[want[j]])
	print line
}
END {
	if (bad)
		exit 1
}
