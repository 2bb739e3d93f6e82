#!/usr/bin/perl
# triage-gen.pl DIR [SEED]: writes the incident-triage fixture: seven days
# (2024-03-04 .. 2024-03-10, UTC) of Exchange 2010-style front-end IIS logs
# of three servers, DIR/EXCH0n/W3SVC1/u_exYYMMDD.log, deterministic (its own
# random generator: the same bytes on every machine and Perl).
#
# Normal traffic: 24 devices, each pinned to one server (8 per server), with
# a daily rhythm (busy 08:00-18:00 UTC) and random (binomial) noise: Ping about 4 an
# hour (900 s heartbeat), Sync 0.5 + 5 x busy, a little of every other
# command, 0.4% background errors (401, 500, EAS SyncStateNotFound).
#
# Planted on the last day, 2024-03-10, and nowhere else:
#  1. sync storm, 10:00-10:59: the iOS 6.1 iPhone of user0009
#     (Apple-iPhone5C1/1002.141, device id ApplSTORM61C1, on EXCH03) sends
#     20 times its usual requests of that hour, all Sync;
#  2. silence, 14:00-14:59: EXCH02 logs nothing; its devices are served by
#     EXCH03 (the load balancer's fail-over partner);
#  3. 503 jump, 18:00-18:59: 45% of the requests of the Samsung devices
#     (DeviceType SAMSUNGSMG991B, six devices over the three servers) get
#     HTTP 503.
use strict;
use warnings;

my $dir = shift or die "usage: triage-gen.pl DIR [SEED]\n";

# Park-Miller minimal standard generator: exact in 64-bit integers. Only
# exact arithmetic follows (no exp, log or cos, whose last bits vary between
# C libraries), so the fixture is the same bytes everywhere.
my $seed = shift // 20240310;
sub rnd { $seed = ($seed * 16807) % 2147483647; return $seed / 2147483647; }
# A count with mean $l (at most 60): one chance a minute, binomial(60, l/60).
sub count {
	my ($l) = @_;
	my $k = 0;
	for (1 .. 60) { $k++ if rnd() < $l / 60; }
	return $k;
}

my @servers = qw(EXCH01 EXCH02 EXCH03);
my @ip = ('10.0.1.10', '10.0.1.11', '10.0.1.12');
# kinds: agent, device type, device OS (logged with Settings), count
my @kinds = (
	['Apple-iPhone14C7/2104.61', 'iPhone', 'iOS+17.3.1+21D61', 5],
	['Apple-iPhone12C8/2008.307', 'iPhone', 'iOS+16.7.5+20H307', 3],
	['Apple-iPhone5C1/1002.141', 'iPhone', 'iOS+6.1+10B141', 1],
	['Android-SAMSUNG-SM-G991B/101.60001', 'SAMSUNGSMG991B', 'Android+13', 6],
	['Outlook-iOS-Android/1.0', 'Outlook', '', 5],
	['MSFT-WIN-3/10.0.22631', 'WindowsMail', 'Windows+10.0.22631', 4],
);
my @dev;
my $n = 0;
for my $k (@kinds) {
	for my $i (1 .. $k->[3]) {
		$n++;
		my $id = $k->[0] =~ /1002\.141/ ? 'ApplSTORM61C1' : sprintf('%s%04d%06d', substr($k->[1], 0, 4), $n, $n * 7919 % 1000000);
		push @dev, {user => sprintf('user%04d', $n), id => $id, type => $k->[1], agent => $k->[0],
			    os => $k->[2], srv => ($n - 1) % 3, cip => sprintf('198.51.100.%d', 10 + $n)};
	}
}

# hourly rates at full busyness (times busy) and the base rate
my @cmds = (
	# command, base, busy
	['Ping', 4.0, 0], ['Sync', 0.5, 5.0], ['FolderSync', 0.1, 0.1], ['SendMail', 0, 0.4],
	['SmartReply', 0, 0.1], ['GetItemEstimate', 0, 0.2], ['ItemOperations', 0, 0.2],
	['Search', 0, 0.05], ['Settings', 0.05, 0], ['MeetingResponse', 0, 0.05],
	['GetAttachment', 0, 0.1], ['MoveItems', 0, 0.1], ['ResolveRecipients', 0, 0.1],
);
sub busy {
	my ($h) = @_;
	return 0.15 if $h < 6 || $h >= 21;
	return 0.5 if $h < 8 || $h >= 18;
	return 1.0;
}

my @days = map { sprintf('2024-03-%02d', $_) } 4 .. 10;
for my $d (0 .. $#days) {
	my $date = $days[$d];
	my $last = $d == $#days;
	my @lines = ([], [], []);
	my $seq = 0;
	for my $h (0 .. 23) {
		for my $v (@dev) {
			my $srv = $v->{srv};
			$srv = 2 if $last && $h == 14 && $srv == 1;    # EXCH02 silent, EXCH03 takes over
			my @reqs;
			for my $c (@cmds) {
				my $l = $c->[1] + $c->[2] * busy($h);
				next if $l <= 0;
				push @reqs, $c->[0] for 1 .. count($l);
			}
			if ($last && $h == 10 && $v->{id} eq 'ApplSTORM61C1') {
				my $extra = 19 * @reqs;
				push @reqs, 'Sync' for 1 .. $extra;
			}
			for my $cmd (@reqs) {
				my $sec = int(rnd() * 3600);
				my $t = sprintf('%02d:%02d:%02d', $h, int($sec / 60), $sec % 60);
				my ($st, $sub, $w32) = (200, 0, 0);
				my $log = 'V141_';
				my $tt = 30 + int(rnd() * 150) + int(rnd() * rnd() * 1500);
				if ($cmd eq 'Ping') {
					$tt = 900000 - int(rnd() * 400000);
					$log .= 'Hb900_';
				}
				my $e = rnd();
				if ($last && $h == 18 && $v->{type} eq 'SAMSUNGSMG991B' && rnd() < 0.45) {
					($st, $tt, $log) = (503, int(20 + rnd() * 30), 'V141_');
				} elsif ($e < 0.002) {
					($st, $sub, $w32) = (401, 1, 1326);
					$log = '';
				} elsif ($e < 0.003) {
					$st = 500;
					$log .= 'Error:ServerError_';
				} elsif ($e < 0.004 && $cmd eq 'Sync') {
					$log .= 'S3_Error:SyncStateNotFound_';
				}
				$log .= "DevOS:$v->{os}_" if $cmd eq 'Settings' && $v->{os} ne '';
				my $q = "User=$v->{user}&DeviceId=$v->{id}&DeviceType=$v->{type}&Cmd=$cmd";
				$q .= "&Log=$log" if $log ne '';
				my $un = $st == 401 ? '-' : "CONTOSO\\$v->{user}";
				(my $ua = $v->{agent}) =~ tr/ /+/;
				push @{$lines[$srv]}, [$t, $seq++,
					"$date $t $ip[$srv] POST /Microsoft-Server-ActiveSync/default.eas $q 443 $un $v->{cip} $ua $st $sub $w32 $tt"];
			}
		}
	}
	(my $yymmdd = substr($date, 2)) =~ tr/-//d;
	for my $s (0 .. 2) {
		my $path = "$dir/$servers[$s]/W3SVC1";
		system('mkdir', '-p', $path) == 0 or die "mkdir $path\n";
		open(my $f, '>', "$path/u_ex$yymmdd.log") or die "$path: $!\n";
		print $f "#Software: Microsoft Internet Information Services 7.5\n#Version: 1.0\n#Date: $date 00:00:00\n";
		print $f "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\n";
		print $f "$_->[2]\n" for sort { $a->[0] cmp $b->[0] || $a->[1] <=> $b->[1] } @{$lines[$s]};
		close($f) or die "$path: $!\n";
	}
}
