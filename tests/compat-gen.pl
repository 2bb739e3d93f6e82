#!/usr/bin/perl
# compat-gen.pl SEED COUNT - deterministic query generator for differential
# testing of the cs-uri-query matcher against tests/compat-oracle.pl.
#
# Writes exactly COUNT lines (queries) to stdout.  The first lines are fixed
# queries (the examples of spec §3.3 "Consequences", the queries of the §3.8
# worked example, a few real queries from §3.6/§4.6 and some hand-picked
# edge cases); the rest are pseudo-random, built by concatenating pieces from
# a grammar-aware alphabet, each at most MAXLEN bytes.  If COUNT is smaller
# than the number of fixed queries, only the first COUNT fixed ones are
# written.
#
# The PRNG is a 32-bit xorshift implemented with shifts and masks only, so the
# output depends on SEED alone and is the same on every Perl (32- or 64-bit,
# any version); Perl's srand/rand are not used.  Only core Perl is used.

use strict;
use warnings;

die "usage: $0 SEED COUNT\n" unless @ARGV == 2
    && $ARGV[0] =~ /\A[0-9]+\z/ && $ARGV[1] =~ /\A[0-9]+\z/;
my ($SEED, $COUNT) = @ARGV;

my $MAXLEN = 160;   # bytes per random query

# ---------------------------------------------------------------- PRNG
my $M32 = 0xFFFFFFFF;
my $state;
{
    # Fold the decimal seed into 32 bits without multiplication (exact on
    # every Perl): x = rotl(x, 5) ^ digit, then a fixed xor.
    my $x = 0x2545F491;
    for my $d (split //, $SEED) {
        $x = ((($x << 5) & $M32) | ($x >> 27)) ^ ($d + 1);
    }
    $x ^= 0x9E3779B9;
    $x &= $M32;
    $x = 0x6D2B79F5 if $x == 0;
    $state = $x;
}
sub rnd32 {
    my $x = $state;
    $x ^= ($x << 13) & $M32;
    $x ^= $x >> 17;
    $x ^= ($x << 5) & $M32;
    $state = $x & $M32;
    return $state;
}
rnd32() for 1 .. 16;                     # warm up
sub rnd   { my ($n) = @_; return rnd32() % $n }      # 0 .. n-1
sub pick  { return $_[rnd(scalar @_)] }
sub chance { my ($pct) = @_; return rnd(100) < $pct }

# ---------------------------------------------------------------- fixed queries
# UTF-8 bytes of U+2026 HORIZONTAL ELLIPSIS, as written in the spec text.
my $ELL = "\xE2\x80\xA6";

my @fixed = (
    # §3.3 "Consequences" examples, verbatim (some are fragments, not queries)
    'CmdHC-813709136',
    'TmRcv06:53:38.44',
    'ProvSyncTypeIcs',
    'Cli:1a0c0d0f0e0s0fs',
    "&Log=$ELL",
    'Cmd=Sync&foo',
    'xx=&Log=V141_Pa1_',
    'xx==&Log=V141_Pa1_',
    'Log=Ty:Em_Oof:x&DeviceId=ZZ',
    # §3.8 worked example: the six cs-uri-query values, verbatim ('-' is the
    # IIS null token; the cmdlet never matches it, the oracle treats it as text)
    'User=alice&DeviceId=ApplDNPX1&DeviceType=iPhone&Cmd=Sync&Log=V141_Sst8_Fid:5_Ty:Em_Filt3_St:S_Sk:123_Cli:1a2c0d0f0e_Srv:3a0c0d0s0e0r1A0sd_Fid:7_Ty:Ca_Srv:2a1c0d0s0e0r0A0sd_',
    'User=alice&DeviceId=ApplDNPX1&DeviceType=iPhone&Cmd=SendMail&Log=V141_Ms1_',
    'User=alice&DeviceId=ApplDNPX1&DeviceType=iPhone&Cmd=Provision&Log=V141_Pk123_Pa2_',
    'User=bob&DeviceId=androidc1&DeviceType=Android&Cmd=Ping&Log=V121_Hb900_',
    'User=bob&DeviceId=androidc1&DeviceType=Android&Cmd=Ping&Log=V121_Hb900_',
    '-',
    # required edge cases
    '',
    'Cmd=Sync&foo',
    '&Log=V141_Pa1_',
    'xx=&Log=V141_Pa1_',
    'xx==&Log=V141_Pa1_',
    'xx&Log=V141_Pa1_',
    'Log=Ty:Em_Oof:x&DeviceId=ZZ',
    # the §3.3 token fragments inside a Log value
    'Cmd=Sync&Log=V141_CmdHC-813709136_Ty:Em_Cli:1a2c0d0f0e_Srv:3a0c0d0s0e0r1A0sd_Pa1_',
    'Cmd=Sync&Log=V141_TmRcv06:53:38.44_Pa1_',
    'Cmd=Sync&Log=V141_ProvSyncTypeIcs_Pa1_',
    'Cmd=Sync&Log=V141_Ty:Em_Cli:1a0c0d0f0e0s0fs_Srv:3a0c0d0s0e0r1A0sd_',
    # §3.6 base64 queries (no '=' -> dropped; '==' padding -> GENERIC)
    'jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l',
    'jQAJBBBOaW5lNDM4M0FGMzQ2ODYwBAAAAAAHQW5kcm9pZAcBAA==',
    'jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l&Log=V141_Pa1_',
    'jQAJBBBOaW5lNDM4M0FGMzQ2ODYwBAAAAAAHQW5kcm9pZAcBAA==&Log=V141_Pa1_',
    # §4.6 real queries E1-E4 (with the spec's ellipses, as UTF-8 bytes)
    'User=johndoe&DeviceId=09310B008B41CF1128000050BF3F5173&DeviceType=PocketPC&Cmd=Sync&&Log=V2TCoSSC:0A0C0D0FS:1A0C0D0SP:1C2I105992S109982R',
    "Cmd=Ping&User=contoso.com%5Cuser1&DeviceId=androidc537050526&DeviceType=KSAndroid&Log=V141_LdapC1_RpcC28_RpcL31_Hb1680_S3_Error:PingCollisionDetected_Mbx:MAIL1.contoso.com_Throttle0_Budget:(A)Conn%3a1%2cHangingConn%3a0%2cAD%3a%24null%2f%24null%2f0%25%2cCAS%3a%24null%2f%24null%2f7%25%2c$ELL%2cNorm_",
    "User=XXXXXX&DeviceId=IMEIXXXXXXXXXXX&DeviceType=NokiaEmail&Log=V0_LdapC9_LdapL16_Mbx:MB.DOMAIN.LOCAL_Dc:DC.DOMAIN.LOCAL_Throttle0_Budget:(A)Conn%3a0%2c$ELL%2cNorm_",
    "User=Username&DeviceId=IMEIXXXXXXXX&DeviceType=NokiaEmail&Cmd=Settings&Log=V121_Ssnf:T_LdapC4_LdapL16_RpcC45_RpcL125_Ers1_Cpo19781_Fet19999_Pk0_Error:DeviceNotProvisioned_As:BlockedP_Mbx:MB.DOMAIN.LOCAL_Dc:DC.DOMAIN.LOCAL_Throttle0_Budget:(D)Conn%3a1%2c$ELL%5d_",
    # a few more backtracking corners
    'Log=Ty:Em&DeviceId=ZZ&foo',
    'Log=Ty:Em&DeviceId=ZZ&Cmd=Sync',
    'Log=Att2_Attb100_Ssp3_Unc1_Pa:1_Pa2',
    'Log=Oof:&Cmd=Settings',
    'Log=Oof:Set_&Cmd=Settings&Log=Oof:Get',
    'log=Pa1&LOG=Pa2&Log=Pa3_',
    'Log=&Log=_',
    'Log=Pa1__',
    '=',
    '==',
    '&',
    '&=',
    'a=b&&c=d',
    'Cmd=&DeviceId=&DeviceType=',
);

# ---------------------------------------------------------------- alphabet
my @PIECES = (
    'Cmd=', 'cmd=', 'DeviceId=', 'DEVICEID=', 'DeviceType=', 'Log=', 'log=',
    '&', '_', '=', 'Ty:', 'Ty:Em', 'Ty:Ca',
    'Cli:1a2c0d0f0e', 'Cli:1a0c0d0f0e0s0fs',
    'Srv:3a0c0d0s0e0r1A0sd', 'Srv:2a1c0d0s0e0r0A0sd',
    'Oof:Set', 'Oof:Get', 'Oof:',
    'Ssp3', 'Unc1', 'Att2', 'Attb100', 'Pa1', 'Pa2', 'Pa:1',
    'V141', 'Fid:5', 'CmdHC-813709136', 'SC1:1', 'Sync', 'Ping', 'abc', '12',
    'x', '%5C', 'jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l', '==',
    'Ty:Em&DeviceId=ZZ',
);
my @CHARS = split //,
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_&=:-%';

# pieces by role, for the structured mode
my @PARAMS = ('Cmd=', 'cmd=', 'DeviceId=', 'DEVICEID=', 'DeviceType=');
my @LOGS   = ('Log=', 'log=');
my @TOKENS = (
    'Ty:Em', 'Ty:Ca', 'Ty:', 'Cli:1a2c0d0f0e', 'Cli:1a0c0d0f0e0s0fs',
    'Srv:3a0c0d0s0e0r1A0sd', 'Srv:2a1c0d0s0e0r0A0sd',
    'Oof:Set', 'Oof:Get', 'Oof:', 'Ssp3', 'Unc1', 'Att2', 'Attb100',
    'Pa1', 'Pa2', 'Pa:1', 'V141', 'Fid:5', 'CmdHC-813709136', 'SC1:1',
);
my @VALUES = ('Sync', 'Ping', 'abc', '12', 'x', '%5C', '==', '=', '_',
              'jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l', 'Ty:Em&DeviceId=ZZ');
my @NAMES  = ('User', 'abc', 'x', 'jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l',
              'Sync', '%5C', 'Log', '12');

sub any_piece {
    return chance(25) ? pick(@CHARS) : pick(@PIECES);
}

# Append pieces to @$out while the total stays within $MAXLEN.
sub add {
    my ($out, $len, @p) = @_;
    for my $p (@p) {
        next if $$len + length($p) > $MAXLEN;
        push @$out, $p;
        $$len += length $p;
    }
}

# Structured mode: a sequence of plausible segments, then maybe mutations.
sub structured {
    my (@out, $len);
    $len = 0;
    my $nseg = 1 + rnd(5);
    for my $i (0 .. $nseg - 1) {
        add(\@out, \$len, '&') if $i > 0 || chance(8);
        my $kind = rnd(10);
        if ($kind < 3) {                                   # Cmd/DeviceId/DeviceType
            add(\@out, \$len, pick(@PARAMS));
            add(\@out, \$len, pick(@VALUES)) for 1 .. rnd(3);
        } elsif ($kind < 8) {                              # Log
            add(\@out, \$len, pick(@LOGS));
            my $nt = rnd(7);
            for my $t (1 .. $nt) {
                add(\@out, \$len, chance(85) ? pick(@TOKENS) : any_piece());
                add(\@out, \$len, '_') if $t < $nt || chance(60);
            }
        } else {                                           # generic
            add(\@out, \$len, pick(@NAMES)) for 1 .. 1 + rnd(2);
            add(\@out, \$len, chance(85) ? '=' : '==');
            add(\@out, \$len, pick(@VALUES)) for 1 .. rnd(3);
        }
    }
    if (chance(12)) {                                      # dangling tail
        add(\@out, \$len, '&');
        add(\@out, \$len, pick(@VALUES[0 .. 5], @TOKENS)) if chance(70);
    }
    if (chance(35)) {                                      # mutations
        for (1 .. 1 + rnd(3)) {
            my $op = rnd(3);
            my $at = rnd(@out + 1);
            if ($op == 0 || !@out) {                       # insert
                my $p = any_piece();
                if ($len + length($p) <= $MAXLEN) {
                    splice @out, $at, 0, $p;
                    $len += length $p;
                }
            } elsif ($op == 1) {                           # delete
                $at = rnd(scalar @out);
                $len -= length $out[$at];
                splice @out, $at, 1;
            } else {                                       # replace
                $at = rnd(scalar @out);
                my $p = any_piece();
                if ($len - length($out[$at]) + length($p) <= $MAXLEN) {
                    $len += length($p) - length($out[$at]);
                    $out[$at] = $p;
                }
            }
        }
    }
    return join '', @out;
}

# Soup mode: pieces drawn from the whole alphabet.
sub soup {
    my (@out, $len);
    $len = 0;
    my $n = 1 + rnd(24);
    add(\@out, \$len, any_piece()) for 1 .. $n;
    return join '', @out;
}

# ---------------------------------------------------------------- output
binmode STDOUT;
my %seen;
my @lines = grep { !$seen{$_}++ } @fixed;
splice @lines, $COUNT if @lines > $COUNT;
print "$_\n" for @lines;
for (my $i = @lines; $i < $COUNT; $i++) {
    my $q = chance(70) ? structured() : soup();
    print "$q\n";
}
exit 0;
