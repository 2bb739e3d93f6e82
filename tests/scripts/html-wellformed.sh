#!/bin/sh
# html-wellformed: the HTML page is well-formed for every kind of report
# set: the bundled sample (with per-server series), --compat, --by weekday,
# --tz, a run with no record in the window, and the hostile page of the
# html_escape unit test (every field fed <script>, quotes, &, ]]>, </svg>).
# Checked by a small tag-balance checker in perl (always: every tag closed
# in order, every '<' and '&' markup, style and script free of both) and by
# xmllint --noout (XML well-formedness; the page is polyglot XHTML) when
# libxml2-utils is installed.
# Uses the html_render and html_escape test programs of the build first on
# PATH (tests/run.sh puts it there).
name=html-wellformed
T=${T:-$(cd "$(dirname "$0")/../../testdata" && pwd)}
rep=$(command -v easlog-report) || { echo "not ok $name: easlog-report is not on PATH"; exit 1; }
bin=$(cd "$(dirname "$rep")" && pwd)
R=$bin/tests/html_render
X=$bin/tests/html_escape
for p in "$R" "$X"; do
	[ -x "$p" ] || { echo "not ok $name: $p is missing (make unit)"; exit 1; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/easlog-html.XXXXXX") || { echo "not ok $name: mktemp failed"; exit 1; }
trap 'rm -rf "$tmp"' EXIT INT TERM

check_tags() { # FILE: prints nothing when well-formed, else the first problem
	perl -e '
		local $/; open my $f, "<", $ARGV[0] or die "cannot read $ARGV[0]\n"; my $s = <$f>;
		my @st; my $ok = qr/&(?:amp|lt|gt|quot|#39);/;
		$s =~ s/\A<!DOCTYPE html>\n// or die "no <!DOCTYPE html> first\n";
		while ($s =~ /\G(.*?)(?:<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|(<)|\z)/gcs) {
			my ($text, $close, $tag, $attrs, $self, $stray) = ($1, $2, $3, $4, $5, $6);
			(my $t = $text) =~ s/$ok//g;
			die "stray & in text near: " . substr($text, 0, 60) . "\n" if $t =~ /&/;
			die "stray < at byte " . pos($s) . "\n" if defined $stray;
			last unless defined $tag;
			(my $a = $attrs) =~ s/$ok//g;
			die "stray & in the attributes of <$tag>\n" if $a =~ /&/;
			if ($close) {
				my $top = pop @st // "(nothing)";
				die "</$tag> closes <$top>\n" if $top ne $tag;
			} elsif (!$self) {
				push @st, $tag;
				if ($tag eq "script" || $tag eq "style") {
					$s =~ /\G(.*?)<\/$tag>/gcs or die "<$tag> not closed\n";
					die "< or & inside <$tag>\n" if $1 =~ /[<&]/;
					pop @st;
				}
			}
		}
		die "not closed: <" . join("> <", @st) . ">\n" if @st;
	' "$1" 2>&1
}

status=0
page() { # NAME COMMAND...: makes NAME.html, checks it
	n=$1
	shift
	if ! "$@" > "$tmp/$n.log" 2>&1; then
		echo "not ok $name: $n: $* failed"
		sed 's/^/# /' "$tmp/$n.log" | tail -5
		status=1
		return
	fi
	p=$(check_tags "$tmp/$n.html")
	if [ -n "$p" ]; then
		echo "not ok $name: $n: $p"
		status=1
	else
		echo "ok $name: $n: tags balanced, no stray < or &"
	fi
	if command -v xmllint >/dev/null 2>&1; then
		if xmllint --noout --nonet "$tmp/$n.html" > "$tmp/$n.xml" 2>&1; then
			echo "ok $name: $n: xmllint finds it well-formed"
		else
			echo "not ok $name: $n: xmllint: $(head -1 "$tmp/$n.xml")"
			status=1
		fi
	fi
}

page sample "$R" --per-server -o "$tmp/sample.html" "$T/sample"
page compat "$R" --compat -o "$tmp/compat.html" "$T/sample"
page weekday "$R" --by weekday -o "$tmp/weekday.html" "$T/sample"
page tz "$R" --tz Europe/Berlin -o "$tmp/tz.html" "$T/sample"
page empty "$R" --start 2030-01-01 -o "$tmp/empty.html" "$T/sample"
page capped "$R" --max-rows 3 -o "$tmp/capped.html" "$T/sample"
page hostile "$X" "$tmp/hostile.html"

# hostile logs through the real parser: a server directory, user names,
# device ids and types, user agents and EAS errors carrying markup
srv="$tmp/logs/EX<svg onload=alert(1)>&amp;\"'"
mkdir -p "$srv/W3SVC1"
{
	printf '#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: 2024-03-04 00:00:00\r\n'
	printf '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\r\n'
	for h in 08 09 10; do
		printf '2024-03-04 %s:00:00 10.0.0.1 POST /Microsoft-Server-ActiveSync/default.eas ' "$h"
		printf 'User=%%3Cscript%%3Ealert(1)%%3C%%2Fscript%%3E&DeviceId=%%3C%%2Fsvg%%3E%%26%%22x&DeviceType=%%5D%%5D%%3E&Cmd=Sync&Log=Error:%%3Cimg+src%%3Dx%%3E_ '
		printf "443 CONTOSO\\\\<b>bob</b> 10.1.1.1 <script>alert('ua')</script>]]></svg><img+src=x> 200 0 0 15\\r\\n"
	done
} > "$srv/W3SVC1/u_ex240304.log"
page hostile-log "$R" --per-server -o "$tmp/hostile-log.html" "$tmp/logs"
if [ -f "$tmp/hostile-log.html" ]; then
	n=$(grep -o '<script' "$tmp/hostile-log.html" | wc -l)
	raw=$(grep -c '<svg onload\|<img\|<b>bob' "$tmp/hostile-log.html")
	shown=$(grep -c '&lt;script&gt;alert(&#39;ua&#39;)&lt;/script&gt;\]\]&gt;&lt;/svg&gt;' "$tmp/hostile-log.html")
	if [ "$n" -eq 1 ] && [ "$raw" -eq 0 ] && [ "$shown" -gt 0 ]; then
		echo "ok $name: hostile-log: one script, no markup from the logs, the agent shown escaped"
	else
		echo "not ok $name: hostile-log: $n scripts, $raw lines with raw markup, agent shown $shown times"
		status=1
	fi
fi
command -v xmllint >/dev/null 2>&1 || echo "ok $name: xmllint # skip libxml2-utils is not installed (the perl check ran)"
exit $status
