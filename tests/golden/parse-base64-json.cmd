# The base64 records as JSON Lines.
cd "$T" && easlog-parse --format json parse-base64.log
