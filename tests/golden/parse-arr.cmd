# ARR reverse proxy (NOTES 3.8): X-ARR-CACHE-HIT/X-ARR-LOG-ID after the EAS parameters,
# cs-username -, the user from User=DOMAIN%5Cuser (decoded), 502.3 with win32 1236.
cd "$T" && easlog-parse parse-arr.log
