# Formula injection and separators in report cells (issue 5), through user names,
# device ids, device types and user agents that begin with = + - @ TAB CR or hold a
# tab, a newline, a backslash or a quote (and one that begins with a NUL byte,
# which is no formula):
#   default CSV: such a cell is prefixed with ' and quoted (OWASP), a cell with a
#     comma, quote, CR or LF is quoted (quotes doubled); values are %-decoded;
#   --compat: the cmdlet's bytes (values raw, quoted only around a comma, no
#     prefix), BOM and CRLF;
#   TSV: tab, newline, CR and backslash written as \t \n \r \\;
#   JSON: valid JSON with the exact decoded values (perl JSON::PP).
# Shown with <TAB> for a tab, <CR> for a carriage return, <NUL> for a NUL byte.
# (compat-quoting covers =, - and @ on the Users and UserAgents reports.)
F='#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken'
line() { # TIME QUERY USERNAME AGENT
	printf '2024-03-04 %s 192.0.2.10 POST /Microsoft-Server-ActiveSync/default.eas %s&Cmd=Sync&Log=V141_Pa1_ 443 %s 198.51.100.7 %s 200 0 0 15\n' "$@"
}
{
	echo "$F"
	line 10:00:00 'User=%3DHYPERLINK("http://x")&DeviceId=%2Bdev1&DeviceType=-type1' - '@Agent/1'
	line 10:00:01 'User=%09tabfirst&DeviceId=%0Ddev2&DeviceType=Type2' - '=1+2'
	line 10:00:02 'User=u3&DeviceId=dev%0Aline3&DeviceType=T%22q3' "$(printf 'CONTOSO\\tab\tinside')" 'Agent\Back%5Cslash/3'
	line 10:00:03 'User=u4&DeviceId=%40dev4&DeviceType=Type4' - '%2BAgent/4'
	line 10:00:04 'User=u5&DeviceId=dev5&DeviceType=Type5' '=raw5' '%09Agent/5'
	line 10:00:05 'User=u6&DeviceId=-dev6&DeviceType=Type6' '@raw6' '%0DAgent/6,comma'
	line 10:00:06 'User=u7&DeviceId=%00nul7&DeviceType=Type7' - 'Agent/7'
} > cells.log
show() { perl -pe 's/\t/<TAB>/g; s/\r/<CR>/g; s/\0/<NUL>/g; s/^\xef\xbb\xbf/<BOM>/'; }
# cells COLUMN...: the named columns of CSV on stdin, one record a line, each
# cell as written (quotes kept), separated by " | "
cat > cells.pl <<'PL'
use strict; use warnings;
my @want = @ARGV;
local $/; my $t = <STDIN>; $t =~ s/^\xef\xbb\xbf//;
my (@recs, @rec);
while ($t =~ /\G("(?:[^"]|"")*"|[^,\r\n]*)(,|\r?\n|\z)/gc) {
	push @rec, $1;
	if ($2 ne ',') { push @recs, [@rec]; @rec = (); last if $2 eq '' }
}
my $h = shift @recs;
my %at; @at{@$h} = 0 .. $#$h;
for my $r (@recs) {
	next if $r->[0] eq '*** Total ***' || (@$r == 1 && $r->[0] eq '');
	my $l = join ' | ', map { defined $at{$_} ? $r->[$at{$_}] // '' : "?$_" } @want;
	$l =~ s/\t/<TAB>/g; $l =~ s/\r/<CR>/g; $l =~ s/\n/<LF>/g; $l =~ s/\0/<NUL>/g;
	print "$l\n";
}
PL
echo "== default Users: User Name | Device ID | Device Type | User Agent"
easlog-hits cells.log | perl cells.pl 'User Name' 'Device ID' 'Device Type' 'User Agent'
echo "== default UserAgents"
easlog-useragent cells.log | perl cells.pl 'User Agent'
echo "== default PolicyCompliance --list: User Name | Device ID | Device Type"
easlog-compliance --list cells.log | perl cells.pl 'User Name' 'Device ID' 'Device Type'
echo "== easlog-report Users.csv = easlog-hits"
mkdir rep && easlog-report -o rep cells.log 2> /dev/null
easlog-hits cells.log | cmp - rep/Users.csv && echo same
echo "== --compat Users and UserAgents: raw bytes, BOM and CRLF"
easlog-hits --compat cells.log | perl -e 'local $/; $_ = <STDIN>; my $n = () = /\n/g; my $c = () = /\r\n/g;
	print "BOM ", (/^\xef\xbb\xbf/ ? "yes" : "no"), ", $c of $n line ends CRLF\n"'
easlog-hits --compat cells.log | perl cells.pl 'User Name' 'Device ID' 'Device Type'
easlog-useragent --compat cells.log | perl cells.pl 'User Agent'
echo "== TSV"
easlog-hits --format tsv cells.log | cut -f1-3 | show
easlog-useragent --format tsv cells.log | cut -f1 | show
echo "== JSON: parses, and holds the decoded values"
for tool in easlog-hits easlog-useragent "easlog-compliance --list"; do
	$tool --format json cells.log | perl -MJSON::PP -ne '
		my $d = eval { JSON::PP->new->decode($_) } or do { print "not JSON: $_"; next };
		for my $k (sort keys %$d) {
			next unless $k =~ /^(User Name|Device ID|Device Type|User Agent)$/ && defined $d->{$k} && $d->{$k} =~ /[=+\-\@\t\r\n\\"\0]/;
			(my $v = $d->{$k}) =~ s/\t/<TAB>/g; $v =~ s/\r/<CR>/g; $v =~ s/\n/<LF>/g; $v =~ s/\0/<NUL>/g;
			print "  $k: $v\n";
		}' > vals
	echo "$tool: $(sort -u vals | wc -l | tr -d ' ') distinct special values"
	sort -u vals
done
