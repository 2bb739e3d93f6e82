# One quirk a line (see the #Remark lines of the fixture): parameter names in any case,
# duplicates, a literal %, a 64-bit sc-win32-status, runs of spaces, a tab inside a
# token, unknown Log tokens, a query piece without '=', a null query, non-EAS stems,
# impossible dates, a non-numeric status, one token too many.
cd "$T" && easlog-parse -v parse-odd.log
