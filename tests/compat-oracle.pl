#!/usr/bin/perl
# compat-oracle.pl - reference oracle for the cs-uri-query grammar of
# Exchange's Export-ActiveSyncLog cmdlet (spec: export-activesynclog.md §3.3).
#
# The cmdlet matches cs-uri-query against a single .NET regex and then reads
# *all* captures of each named group (Group.Captures).  Perl's backtracking
# engine explores alternatives in the same order as .NET's (leftmost
# alternative first, greedy quantifiers, same backtracking order), but it
# keeps only the last capture of a group.  We therefore record every capture
# ourselves with embedded code blocks that prepend a cell to a `local`-ised
# linked list ($caps = [$next, name, start, end]; O(1) per capture, so long
# queries cost linear memory): Perl unwinds `local` when it backtracks past
# the code block, so captures made on an abandoned path disappear, exactly
# like .NET's capture stack undo.  The list is copied out by a final code
# block placed after \z, which only runs on the successful path.
#
# Usage: perl tests/compat-oracle.pl < queries
#   Input: one query per line; only the trailing "\n" is stripped; bytes.
#   Output per query (n = 1-based line number):
#     Q <n> MATCH | Q <n> NOMATCH
#     C <group> <start> <end>     (only when MATCH; 0-based byte offsets, end exclusive)
#     E
#   Captures are grouped in the order of @GROUPS, each group left to right.
#
# Only core Perl is used.  Grammar (from the spec):
#   query    := segment*                          anchored both ends
#   segment  := ( <start-of-string> | "&" ) body  start-of-string tried first
#   body     := CMD | DEVID | DEVTYPE | LOG | GENERIC   (in this order)
#   CMD      := "Cmd=" {Cmd: [^&]*}               names ASCII case-insensitive
#   DEVID    := "DeviceId=" {DeviceId: [^&]*}
#   DEVTYPE  := "DeviceType=" {DeviceType: [^&]*}
#   LOG      := "Log=" ( token sep )*
#   GENERIC  := [^=]+ "=" [^&]*
#   sep      := "_" | <end-of-string> | <lookahead "&">
#   token    := "Ty:" {Ty: [^_]+}
#             | "Cli:" {CliA:D} "a" {CliC:D} "c" D "d" D "f" D "e"
#             | "Srv:" {SrvA:D} "a" {SrvC:D} "c" D "d" D "s" D "e" D "r" {SrvAA:D} "A" D "sd"
#             | "Oof:" {Oof: [^_]*}
#             | "Ssp" {Ssp:D} | "Unc" {Unc:D} | "Att" {Att:D} | "Attb" {Attb:D} | "Pa" {Pa:D}
#             | [a-zA-Z]+ ( D | ":" [^_]* )
#   D        := [0-9]+

use strict;
use warnings;

# Never let Perl silently give up on a pattern: the "Complex regular
# subexpression recursion limit (65534) exceeded" warning means a `*` loop was
# cut short (Perl caps a complex quantifier at 65534 iterations, .NET does
# not), which would make the oracle unfaithful for queries with more than
# 65534 segments or Log tokens.  Turn every warning into a death instead.
$SIG{__WARN__} = sub { die "compat-oracle: perl warning: $_[0]" };

my @GROUPS = qw(Cmd DeviceId DeviceType Ty CliA CliC SrvA SrvC SrvAA
                Oof Ssp Unc Att Attb Pa);

our $caps;    # captures on the current path, newest first (local-ised in the match)
our $final;   # the same list as it stood on the successful path

# Each capture records the group that has just closed: pos() is the current
# match position and $^N the text of the most recently closed group, so the
# capture spans [pos() - length($^N), pos()) in bytes.  The `local` must be
# executed in the code block itself (not in a sub) to be unwound on
# backtracking.

my $re = qr{
    \A
    (?:
        (?: \A | & )                                   # segment start
        (?:
            # CMD
            [Cc][Mm][Dd] =
            ([^&]*)     (?{ local $caps = [$caps, 'Cmd', pos() - length($^N), pos()] })
          |
            # DEVID
            [Dd][Ee][Vv][Ii][Cc][Ee][Ii][Dd] =
            ([^&]*)     (?{ local $caps = [$caps, 'DeviceId', pos() - length($^N), pos()] })
          |
            # DEVTYPE
            [Dd][Ee][Vv][Ii][Cc][Ee][Tt][Yy][Pp][Ee] =
            ([^&]*)     (?{ local $caps = [$caps, 'DeviceType', pos() - length($^N), pos()] })
          |
            # LOG
            [Ll][Oo][Gg] =
            (?:
                (?:
                    Ty:
                    ([^_]+)     (?{ local $caps = [$caps, 'Ty', pos() - length($^N), pos()] })
                  |
                    Cli:
                    ([0-9]+)    (?{ local $caps = [$caps, 'CliA', pos() - length($^N), pos()] })
                    a
                    ([0-9]+)    (?{ local $caps = [$caps, 'CliC', pos() - length($^N), pos()] })
                    c [0-9]+ d [0-9]+ f [0-9]+ e
                  |
                    Srv:
                    ([0-9]+)    (?{ local $caps = [$caps, 'SrvA', pos() - length($^N), pos()] })
                    a
                    ([0-9]+)    (?{ local $caps = [$caps, 'SrvC', pos() - length($^N), pos()] })
                    c [0-9]+ d [0-9]+ s [0-9]+ e [0-9]+ r
                    ([0-9]+)    (?{ local $caps = [$caps, 'SrvAA', pos() - length($^N), pos()] })
                    A [0-9]+ sd
                  |
                    Oof:
                    ([^_]*)     (?{ local $caps = [$caps, 'Oof', pos() - length($^N), pos()] })
                  |
                    Ssp
                    ([0-9]+)    (?{ local $caps = [$caps, 'Ssp', pos() - length($^N), pos()] })
                  |
                    Unc
                    ([0-9]+)    (?{ local $caps = [$caps, 'Unc', pos() - length($^N), pos()] })
                  |
                    Att
                    ([0-9]+)    (?{ local $caps = [$caps, 'Att', pos() - length($^N), pos()] })
                  |
                    Attb
                    ([0-9]+)    (?{ local $caps = [$caps, 'Attb', pos() - length($^N), pos()] })
                  |
                    Pa
                    ([0-9]+)    (?{ local $caps = [$caps, 'Pa', pos() - length($^N), pos()] })
                  |
                    [a-zA-Z]+ (?: [0-9]+ | : [^_]* )
                )
                (?: _ | \z | (?= & ) )                 # sep
            )*
          |
            # GENERIC
            [^=]+ = [^&]*
        )
    )*
    \z
    (?{ $final = $caps })
}x;

binmode STDIN;
binmode STDOUT;

my $n = 0;
my $out = '';
while (defined(my $q = <STDIN>)) {
    $n++;
    $q =~ s/\n\z//;
    $caps  = undef;
    $final = undef;
    if ($q =~ $re) {
        $out .= "Q $n MATCH\n";
        my %by;                       # group -> [ "start end", ... ], newest first
        for (my $c = $final; $c; $c = $c->[0]) {
            push @{ $by{$c->[1]} }, "$c->[2] $c->[3]";
        }
        for my $g (@GROUPS) {
            $out .= "C $g $_\n" for reverse @{ $by{$g} || [] };
        }
    } else {
        $out .= "Q $n NOMATCH\n";
    }
    $out .= "E\n";
    if (length($out) > 65536) { print $out; $out = ''; }
}
print $out;
exit 0;
