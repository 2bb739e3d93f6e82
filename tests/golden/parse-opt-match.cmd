# --match FIELD=REGEX (PCRE2, unanchored, case-sensitive) on normalised and raw
# columns; several --match options must all match.
cols() { awk -v cols=user,device_type,command,status,user_agent,line -f "$TESTS/golden/parse-cols.awk"; }
cd "$T"
echo "== --match user_agent=^Apple"
easlog-parse --match 'user_agent=^Apple' parse-options.log | cols
echo "== --match w3c_sc_status=^[45]"
easlog-parse --match 'w3c_sc_status=^[45]' parse-options.log | cols
echo "== --match user_agent=^Apple --match command=^S"
easlog-parse --match 'user_agent=^Apple' --match 'command=^S' parse-options.log | cols
echo "== --match user=^contoso[backslash] (case-sensitive: CONTOSO does not match)"
easlog-parse --match 'user=^contoso\\' parse-options.log | cols
echo "== --match user=(?i)^contoso[backslash]"
easlog-parse --match 'user=(?i)^contoso\\' parse-options.log | cols
echo "== --match w3c_cs_uri_query=Log= --match w3c_cs_uri_stem=Proxy"
easlog-parse --match 'w3c_cs_uri_query=Log=' --match 'w3c_cs_uri_stem=Proxy' parse-options.log | cols
echo "== --match eas_error=Collision|NotProvisioned on the 2010 log"
easlog-parse --match 'eas_error=Collision|NotProvisioned' parse-e2010.log | cols
echo "== --match device_os=^iOS on the 2016 log"
easlog-parse --match 'device_os=^iOS' parse-e2016.log | cols
