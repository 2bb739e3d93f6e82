# The 2016 back-end records as JSON Lines: numbers as numbers, absent values null.
cd "$T" && easlog-parse --format json parse-e2016.log
