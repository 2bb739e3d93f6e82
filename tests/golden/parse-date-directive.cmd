# No date field: each line's date comes from the last #Date (trailing comment ignored);
# a data line before any #Fields is skipped; fractional seconds are read; 24:00:00 is
# not a time.
cd "$T" && easlog-parse -v parse-date-directive.log
