# --user matches DOMAIN\user, user@domain and the bare account name, in any case, and
# the query's User= when cs-username is -; a DOMAIN\user or UPN argument matches that
# whole name. Repeated --user options add up.
cols() { awk -v cols=user,device_id,line -f "$TESTS/golden/parse-cols.awk"; }
cd "$T"
for u in jdoe JDOE 'contoso\jdoe' jdoe@contoso.com bwhite 'contoso\bwhite' nobody; do
	printf "== --user %s\n" "$u"
	easlog-parse --user "$u" parse-options.log | cols
done
echo "== --user asmith --user bwhite"
easlog-parse --user asmith --user bwhite parse-options.log | cols
echo "== --user jdoe on the 2003 log (user only in the query) and the 2016 log (UPN in the query)"
easlog-parse --user jdoe parse-e2003.log parse-e2016.log | cols
