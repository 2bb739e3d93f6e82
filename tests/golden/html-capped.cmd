# Long reports are capped in the page (--max-rows N, default 200): the N
# rows with the most hits, most first, and a note naming the CSV file that
# has them all; short ones are whole. Notes, then each table's first Hits.
R=$(dirname "$(command -v easlog-parse)")/tests/html_render
"$R" --max-rows 4 -o page.html "$T/sample" || exit 1
grep -o '<h3>[^<]*<span class="file">[^<]*</span></h3>\|<p class="note">[^<]*</p>' page.html | sed 's/<[^>]*>//g'
echo "== rows per table"
awk '/<section id="table-/ { match($0, /id="[^"]*"/); id = substr($0, RSTART + 4, RLENGTH - 5) } /^<tr>/ { n[id]++ } END { for (k in n) print k, n[k] }' page.html | sort
