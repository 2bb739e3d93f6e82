#!/bin/sh
# html-chromium: the HTML page of the bundled sample renders in a real
# browser: headless Chromium (Debian's chromium package) takes a 1280x2000
# screenshot, which must be a real picture (a PNG of more than 20 kB whose
# pixels are not one colour); the hostile page of the html_escape unit test
# must come out of the browser's parser with one script (the page's own) and
# no element the data brought in. Prints the screenshot times of the page
# and of a blank page (Chromium's own start-up) as comments.
# Skips when chromium is not installed. HTML_PNG_OUT=FILE keeps the
# screenshot (doc/sample-report.png is made so).
name=html-chromium
T=${T:-$(cd "$(dirname "$0")/../../testdata" && pwd)}
command -v chromium >/dev/null 2>&1 || { echo "ok $name # skip chromium is not installed"; exit 0; }
command -v perl >/dev/null 2>&1 || { echo "ok $name # skip perl is not installed"; exit 0; }
rep=$(command -v easlog-report) || { echo "not ok $name: easlog-report is not on PATH"; exit 1; }
bin=$(cd "$(dirname "$rep")" && pwd)
X=$bin/tests/html_escape
for p in "$X"; do
	[ -x "$p" ] || { echo "not ok $name: $p is missing (make unit)"; exit 1; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/easlog-chromium.XXXXXX") || { echo "not ok $name: mktemp failed"; exit 1; }
trap 'rm -rf "$tmp"' EXIT INT TERM

chrome() { # ARGS...: one headless Chromium with a profile of its own, no network
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$(mktemp -d "$tmp/profile.XXXXXX")" "$@" 2> "$tmp/chrome.err"
}
now() { perl -MTime::HiRes=time -e 'printf "%.2f\n", time'; }

mkdir "$tmp/csv" && easlog-report -o "$tmp/csv" --html "$tmp/sample.html" "$T/sample" 2> /dev/null ||
	{ echo "not ok $name: easlog-report --html failed"; exit 1; }
printf '<!DOCTYPE html>\n<html><body></body></html>\n' > "$tmp/blank.html"

t0=$(now)
chrome --screenshot="$tmp/blank.png" --window-size=1280,2000 "file://$tmp/blank.html" > /dev/null
t1=$(now)
chrome --screenshot="$tmp/sample.png" --window-size=1280,2000 "file://$tmp/sample.html" > /dev/null
t2=$(now)
if [ ! -s "$tmp/sample.png" ]; then
	echo "not ok $name: no screenshot"
	sed 's/^/# /' "$tmp/chrome.err" | tail -5
	exit 1
fi

# the PNG: signature, IHDR, inflated IDAT; a blank or one-colour picture
# has a handful of distinct bytes after filtering, a page of charts hundreds
res=$(perl -MCompress::Zlib -e '
	local $/; open my $f, "<:raw", $ARGV[0] or die; my $b = <$f>;
	substr($b, 0, 8) eq "\x89PNG\r\n\x1a\n" or do { print "not a PNG\n"; exit };
	my ($p, $idat, $w, $h) = (8, "", 0, 0);
	while ($p + 8 <= length $b) {
		my ($len, $type) = unpack "Na4", substr($b, $p, 8);
		my $data = substr($b, $p + 8, $len);
		($w, $h) = unpack "NN", $data if $type eq "IHDR";
		$idat .= $data if $type eq "IDAT";
		$p += 12 + $len;
	}
	my $raw = uncompress($idat);
	defined $raw or do { print "IDAT does not inflate\n"; exit };
	my %seen; $seen{$_}++ for unpack "C*", $raw;
	printf "%d %d %d %d\n", $w, $h, scalar(keys %seen), length $b;
' "$tmp/sample.png")
set -- $res
if [ $# -ne 4 ]; then
	echo "not ok $name: $res"
	exit 1
fi
w=$1 h=$2 distinct=$3 bytes=$4
if [ "$w" -ne 1280 ] || [ "$h" -ne 2000 ] || [ "$bytes" -lt 20000 ] || [ "$distinct" -lt 128 ]; then
	echo "not ok $name: screenshot ${w}x$h, $bytes bytes, $distinct distinct bytes: blank or broken"
	exit 1
fi
echo "ok $name: sample page screenshot ${w}x$h, $bytes bytes, not one colour ($distinct distinct bytes)"
echo "# screenshot of the sample page $(awk "BEGIN { printf \"%.2f\", $t2 - $t1 }") s, of a blank page $(awk "BEGIN { printf \"%.2f\", $t1 - $t0 }") s"
[ -n "${HTML_PNG_OUT:-}" ] && cp "$tmp/sample.png" "$HTML_PNG_OUT"

# the tables sort on a click: a copy of the page with a script that clicks
# the Users table's Hits heading twice (largest first, then smallest
# first), then User Name (text, A to Z, case ignored), and notes the cells
sed 's|</body>|<script>var q=function(s){return [].slice.call(document.querySelectorAll(s))};var th=q("#table-users th").filter(function(x){return x.textContent=="Hits"})[0],i=th.cellIndex,col=function(k,n){return q("#table-users tbody tr").slice(0,n).map(function(r){return r.cells[k].textContent}).join(",")};th.click();var a=col(i,4);th.click();var b=col(i,4);q("#table-users th")[0].click();document.body.setAttribute("data-sort",a+" / "+b+" / "+col(0,2))</script></body>|' \
	"$tmp/sample.html" > "$tmp/sort.html"
got=$(chrome --dump-dom "file://$tmp/sort.html" | grep -o 'data-sort="[^"]*"' | sed 's/&amp;/\&/g')
want='data-sort="42,42,34,32 / 3,11,15,16 / contoso.com\user0003,CONTOSO\user0001"'
if [ "$got" = "$want" ]; then
	echo "ok $name: the tables sort by a click (numbers largest first, then smallest; text A to Z)"
else
	echo "not ok $name: sorting: got $got, want $want"
	exit 1
fi

# the hostile page through the browser's own parser
"$X" "$tmp/hostile.html" || { echo "not ok $name: html_escape could not write the hostile page"; exit 1; }
chrome --dump-dom "file://$tmp/hostile.html" > "$tmp/hostile.dom"
scripts=$(grep -o '<script' "$tmp/hostile.dom" | wc -l)
injected=$(grep -oE '<(img|b|i)[ >]' "$tmp/hostile.dom" | wc -l)
svgs_in=$(grep -o '<svg' "$tmp/hostile.html" | wc -l)
svgs_out=$(grep -o '<svg' "$tmp/hostile.dom" | wc -l)
if [ ! -s "$tmp/hostile.dom" ]; then
	echo "not ok $name: no DOM from the hostile page"
elif [ "$scripts" -ne 1 ] || [ "$injected" -ne 0 ] || [ "$svgs_in" -ne "$svgs_out" ]; then
	echo "not ok $name: hostile page: $scripts scripts, $injected injected elements, $svgs_out of $svgs_in charts"
	exit 1
else
	echo "ok $name: hostile page parses into one script, no injected element, all $svgs_out charts"
fi
