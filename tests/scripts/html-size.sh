#!/bin/sh
# html-size: the page for 30 days x 10 servers x 300 users of generated logs
# (bench/easlog-gen.c) stays under 2 MB with the per-server series, and,
# when chromium is installed, renders (screenshot) in under 2 seconds more
# than a blank page takes (Chromium's own start-up; best of two runs each).
# HTML_SIZE_MB sets the corpus size (default 20; the page hardly grows
# with the volume: its tables are capped, its series are hours x servers).
name=html-size
top=$(cd "$(dirname "$0")/../.." && pwd)
rep=$(command -v easlog-report) || { echo "not ok $name: easlog-report is not on PATH"; exit 1; }
bin=$(cd "$(dirname "$rep")" && pwd)
command -v "${CC:-cc}" >/dev/null 2>&1 || { echo "ok $name # skip ${CC:-cc} is not installed"; exit 0; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/easlog-html-size.XXXXXX") || { echo "not ok $name: mktemp failed"; exit 1; }
trap 'rm -rf "$tmp"' EXIT INT TERM
now() { perl -MTime::HiRes=time -e 'printf "%.2f\n", time'; }

"${CC:-cc}" -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$tmp/easlog-gen" "$top/bench/easlog-gen.c" ||
	{ echo "not ok $name: cannot build bench/easlog-gen.c"; exit 1; }
"$tmp/easlog-gen" -o "$tmp/logs" --days 30 --servers 10 --users 300 --size "${HTML_SIZE_MB:-20}" 2> "$tmp/gen.log" ||
	{ echo "not ok $name: easlog-gen failed"; exit 1; }
t0=$(now)
mkdir "$tmp/csv" && easlog-report -o "$tmp/csv" --html "$tmp/page.html" "$tmp/logs" 2> "$tmp/render.log" ||
	{ echo "not ok $name: easlog-report --html failed: $(tail -1 "$tmp/render.log")"; exit 1; }
t1=$(now)
bytes=$(wc -c < "$tmp/page.html")
if [ "$bytes" -ge 2000000 ]; then
	echo "not ok $name: the page is $bytes bytes (2 MB at most)"
	exit 1
fi
echo "ok $name: 30 days x 10 servers: the page is $bytes bytes"
echo "# $(cat "$tmp/gen.log"); easlog-report --html $(awk "BEGIN { printf \"%.2f\", $t1 - $t0 }") s"
grep -q 'id="chart-hits"' "$tmp/page.html" && [ "$(grep -o 'class="l s[0-9]' "$tmp/page.html" | wc -l)" -eq 20 ] ||
	{ echo "not ok $name: want 10 server lines in each of the two time charts"; exit 1; }
echo "ok $name: 10 server lines in each time chart"

command -v chromium >/dev/null 2>&1 || { echo "ok $name: render time # skip chromium is not installed"; exit 0; }
chrome() { # ARGS...: one headless Chromium with a profile of its own, no network
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$(mktemp -d "$tmp/profile.XXXXXX")" "$@" 2> /dev/null
}
# The page's own rendering, inside the browser: from the start of the
# navigation to the end of the layout of the whole page (a probe script
# added last to a copy of the page forces the layout and notes the time).
sed 's|</body>|<script>document.body.offsetHeight;document.body.setAttribute("data-ms",Math.round(performance.now()))</script></body>|' \
	"$tmp/page.html" > "$tmp/probe.html"
ms=
for i in 1 2 3; do
	m=$(chrome --dump-dom "file://$tmp/probe.html" | grep -o 'data-ms="[0-9]*"' | tr -dc 0-9)
	[ -n "$m" ] && { [ -z "$ms" ] || [ "$m" -lt "$ms" ]; } && ms=$m
done
[ -n "$ms" ] || { echo "not ok $name: no timing from the browser"; exit 1; }
# and the wall clock of the screenshot, against a blank page's (Chromium's start-up)
printf '<!DOCTYPE html>\n<html><body></body></html>\n' > "$tmp/blank.html"
shot() { # PAGE: seconds for one screenshot
	s=$(now)
	chrome --screenshot="$tmp/shot.png" --window-size=1280,2000 "file://$1" > /dev/null
	e=$(now)
	awk "BEGIN { printf \"%.2f\", $e - $s }"
}
b=$(shot "$tmp/blank.html")
p=$(shot "$tmp/page.html")
echo "# screenshot (time around chromium --headless --screenshot): the page $p s, a blank page $b s"
if [ "$ms" -lt 2000 ]; then
	echo "ok $name: the page renders in $ms ms (parse, style and layout; best of three)"
else
	echo "not ok $name: the page takes $ms ms to render (2 s at most)"
	exit 1
fi
