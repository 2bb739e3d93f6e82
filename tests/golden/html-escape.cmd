# The hostile page (tests/unit/html_escape.c: every text field of every
# report, the column names, the title, zone, prefix and server names fed
# <script>, quotes, &, ]]>, </svg>, <img onerror>, controls, bad UTF-8):
# what the page shows of them, as the page's own bytes. Every < & " ' of
# the data comes out as a reference, controls and bad bytes as U+FFFD.
X=$(dirname "$(command -v easlog-parse)")/tests/html_escape
"$X" page.html || exit 1
echo "== title"; grep -o '<title>[^<]*</title>' page.html | head -1
grep -o '<h1>[^<]*</h1>' page.html
echo "== legend"; grep -o '<g class="lg">.*</g>' page.html | sed 's/<line[^>]*>//; s/<text[^>]*>//; s/<\/text><\/g>//; s/<g class="lg">//' | head -8
echo "== the Users table's first row"; sed -n '/id="table-users"/,/<\/tr>/p' page.html | grep -o '<th[^>]*>[^<]*</th>\|<td[^>]*>[^<]*</td>' | head -20
echo "== script tags"; grep -c '<script' page.html
