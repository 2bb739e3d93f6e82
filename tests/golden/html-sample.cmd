# The HTML page of the bundled sample as easlog-report --html makes it
# (tests/unit/html_render.c: the six reports captured, the run facts, the
# per-server hourly series): its outline and every number its charts show.
# title and time span; the facts; each figure's id and caption; the line
# charts' per-server totals (equal to Servers.csv's Hits); every bar's
# tooltip (label: value and note); the heat map's non-empty cells; each
# table's heading and note.
R=$(dirname "$(command -v easlog-parse)")/tests/html_render
"$R" --per-server -o page.html "$T/sample" || exit 1
tags() { sed -e 's/<[^>]*>/ /g' -e 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/'"'"'/g' -e 's/  */ /g; s/^ //; s/ $//'; }
echo "== title"; grep -o '<h1>[^<]*</h1>\|<p class="span">[^<]*</p>' page.html | tags
echo "== facts"; grep -o '<dt>[^<]*</dt><dd>[^<]*\(<small>[^<]*</small>\)\{0,1\}</dd>' page.html | tags
echo "== figures"; grep -o '<figure id="[^"]*" class="[^"]*"><figcaption>[^<]*' page.html | sed 's/<figure id="\([^"]*\)" class="\([^"]*\)"><figcaption>/\1 (\2): /'
echo "== lines"; grep -o '<title>[^<]*</title></polyline>' page.html | tags
echo "== bars"; grep -o '<g><title>[^<]*</title>' page.html | tags
echo "== heat map"; grep -o '<title>[A-Z][a-z]*day [0-9][0-9]:00[^<]*</title>' page.html | tags | grep -v ': 0 hits'
echo "== tables"; grep -o '<h3>[^<]*<span class="file">[^<]*</span></h3>\|<p class="note">[^<]*</p>' page.html | tags
echo "== rows"; grep -c '^<tr>' page.html
