# stdin: no operand and "-" read standard input (plain or gzip), named "(stdin)";
# "-" among files is read too (operands given in byte order, so operand order and
# path order agree).
cols() { awk -v cols=user,command,file,line -f "$TESTS/golden/parse-cols.awk"; }
echo "== no operand"
easlog-parse < "$T/parse-arr.log" | cols
echo "== -"
easlog-parse - < "$T/parse-arr.log" | cols
echo "== gzip on stdin"
gzip -n -c "$T/parse-arr.log" | easlog-parse | cols
echo "== - and two files"
cd "$T" && easlog-parse - parse-arr.log parse-e2003.log < parse-date-directive.log 2>/dev/null | cols
echo "== the same records as the file itself"
easlog-parse parse-e2016.log | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" > "$OLDPWD/want"
cat parse-e2016.log | easlog-parse | awk -v drop=file -f "$TESTS/golden/parse-cols.awk" | cmp - "$OLDPWD/want" && echo same
