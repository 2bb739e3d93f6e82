# bench/users-hits.awk - the Users report's Hits column in awk: the peer that
# bench/run.sh measures easlog-report against (written for mawk; any POSIX awk).
#
#   mawk -f bench/users-hits.awk FILE...        (or: gzip -dc FILE.gz... | mawk -f ...)
#
# Counts, per key lower(cs-username) "_" lower(DeviceId), the IIS W3C lines that
# Export-ActiveSyncLog counts as Users hits (shared/spec/export-activesynclog.md
# 3.2 and 3.4), following the same rules where they are cheap to state in awk:
#   - each file's #Fields line (any case, spaces around the colon allowed)
#     gives the columns; a line before any #Fields line in its file is skipped
#     (on a concatenated stream, every IIS header block restarts the columns);
#   - a data line must have exactly as many tokens as there are columns;
#   - cs-uri-stem must be /Microsoft-Server-ActiveSync or
#     /Microsoft-Server-ActiveSync/default.eas, ignoring case (so the 2013+
#     back-end stem .../Proxy/default.eas is not counted);
#   - date and time must not be "-";
#   - a non-null cs-uri-query must contain "=" (a query the cmdlet's grammar
#     rejects drops the whole line; "no = at all" is the common case);
#   - DeviceId is the value of the last DeviceId= parameter (name in any case,
#     at the start of the query or after "&"), up to the next "&"; "-" as
#     cs-username means no user; the key "_" (no user, no device) is not counted.
# Not modelled (rare; see bench/README.md): the cmdlet's backtracking quirks
# (a Log= token value running across "&", a parameter name swallowed by a
# preceding piece without "="), timestamps that do not parse, and tab
# characters (awk splits on spaces and tabs, the cmdlet on spaces only).
#
# Output: "key,hits" per key in no particular order, then
# "*** Total ***,<keys>,<hits>" as the last line.

FNR == 1 { nc = 0 }

/^#/ {
	l = $0
	sub(/\r$/, "", l)
	if (tolower(substr(l, 1, 16)) ~ /^#[ ]*fields[ ]*:/) {
		sub(/^#[ ]*[A-Za-z]+[ ]*:[ \t]*/, "", l)
		sub(/[ \t]+$/, "", l)
		nc = split(l, name, /[ \t]+/)
		cstem = cquery = cuser = cdate = ctime = 0
		for (i = 1; i <= nc; i++) {
			n = tolower(name[i])
			# the later column wins when a name appears twice, as in the cmdlet
			if (n == "cs-uri-stem") cstem = i
			else if (n == "cs-uri-query") cquery = i
			else if (n == "cs-username") cuser = i
			else if (n == "date") cdate = i
			else if (n == "time") ctime = i
		}
		if (!cstem || !cdate || !ctime) nc = 0
	}
	next
}

NF != nc || nc == 0 { next }

{
	s = tolower($cstem)
	if (s != "/microsoft-server-activesync/default.eas" && s != "/microsoft-server-activesync")
		next
	if ($cdate == "-" || $ctime == "-")
		next
	dev = ""
	if (cquery && (q = $cquery) != "-") {
		if (index(q, "=") == 0)
			next
		lq = tolower(q)
		p = 0
		while ((i = index(substr(lq, p + 1), "deviceid=")) > 0) {
			p += i
			if (p == 1 || substr(lq, p - 1, 1) == "&") {
				dev = substr(lq, p + 9)
				if ((j = index(dev, "&")) > 0)
					dev = substr(dev, 1, j - 1)
			}
			p += 8
		}
	}
	u = cuser ? $cuser : "-"
	if (u == "-") {
		if (dev == "")
			next
		k = "_" dev
	} else
		k = tolower(u) "_" dev
	hits[k]++
	total++
}

END {
	for (k in hits) {
		print k "," hits[k]
		rows++
	}
	print "*** Total ***," rows + 0 "," total + 0
}
