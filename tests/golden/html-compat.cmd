# The page adapts to what the reports hold: --compat (the cmdlet's columns:
# no Date in Hourly, no Kind in StatusCodes, no server names) and --by
# weekday (Hourly pooled into 168 rows) leave out the time charts but keep
# the heat map; --tz names the zone of the hours. Figures and notes listed.
R=$(dirname "$(command -v easlog-parse)")/tests/html_render
for mode in "--compat" "--by weekday" "--tz Europe/Berlin"; do
	echo "== $mode"
	# shellcheck disable=SC2086
	"$R" $mode -o page.html "$T/sample" || exit 1
	grep -o '<p class="span">[^<]*</p>' page.html | sed 's/<[^>]*>//g'
	grep -o '<figure id="[^"]*" class="[^"]*"><figcaption>[^<]*' page.html | sed 's/<figure id="\([^"]*\)" class="[^"]*"><figcaption>/\1: /'
	grep -o '<p class="note">The Hourly[^<]*</p>' page.html | sed 's/<[^>]*>//g'
	grep -o '<g><title>[^<]*</title>' page.html | sed 's/<[^>]*>//g' | head -3
done
