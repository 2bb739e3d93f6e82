# Spec 3.1/3.2 line handling, same in both modes. compat-line-filter.log:
#  a data line before any #Fields (skipped); "#  fields :" in any case/spacing
#  starts the column list; an empty line; stems /Microsoft-Server-ActiveSync and
#  /MICROSOFT-SERVER-ACTIVESYNC/DEFAULT.EAS count, ".../" (trailing slash) and
#  /owa/ do not; 9 tokens for 8 fields (skipped); runs of spaces and a leading
#  space collapse; sc-bytes "abc" -> 0; date 2024-13-45 and date "-" (skipped);
#  a tab is not a separator (agent "A<TAB>B" is one token); a later #Fields with
#  cs-username twice: the later column wins (CONTOSO\second).
#  compat-line-filter-nofields.log has no #Fields: its line is skipped.
# counted: u1/d1 at :01 :02 :06 :07 :10 (5 hits, bytes 100*4+0 = 400), u2/d2 (tab
#  agent), second/d3 (agent C) -> 7 records; 18 lines = 7 + 2 non-EAS + 3 directives
#  + 1 blank + 5 skipped (no-fields 2, field-count 1, bad-timestamp 2).
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L="$T/compat-line-filter.log $T/compat-line-filter-nofields.log"
echo "== compat Users (columns 1-8)"; easlog-hits --compat $L | cmdlet | cut -d, -f1-8
echo "== compat UserAgents"; easlog-useragent --compat $L | cmdlet
echo "== default Users (columns 1-8)"; easlog-hits $L | cut -d, -f1-8
echo "== default UserAgents"; easlog-useragent $L
echo "== default --stats"; easlog-hits --stats $L 2>&1 >/dev/null | sed -n '2p;5p'
echo "== compat --stats"; easlog-hits --compat --stats $L 2>&1 >/dev/null | sed -n '2p;5p'
