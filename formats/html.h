/* html: the six reports as one self-contained HTML page (no network, no
 * external script, font or style): a title with the time span, servers and
 * totals; inline SVG charts (hits and unique devices over time, weekday x
 * hour heat map, HTTP and EAS status mix, policy compliance, top devices and
 * users, user agent families and top agents); the reports as sortable
 * tables below. Light and dark colour schemes, prints on A4.
 *
 * Everything on the page comes from the reports as captured (captable.h,
 * TF_CAPTURE in table.h) and from the run facts below: the page says what
 * the CSV files say. Every text from the logs is escaped; bytes that are not
 * valid UTF-8 (and control characters) show as U+FFFD. The markup is
 * well-formed XML as well as HTML (polyglot), so XML tools can check it. */
#ifndef EASLOG_HTML_H
#define EASLOG_HTML_H

#include "captable.h"

/* The reports, in easlog-report's order (Users.csv .. UserAgents.csv). */
enum html_report {
	HTML_USERS,
	HTML_SERVERS,
	HTML_HOURLY,
	HTML_STATUSCODES,
	HTML_COMPLIANCE,
	HTML_USERAGENTS,
	HTML_NREPORTS
};

struct html_input {
	/* Page title (NULL: "Exchange ActiveSync report"). */
	const char *title;
	/* What made the page, for the footer (NULL: nothing said), e.g.
	 * "easlog-report 0.1.0". */
	const char *generator;
	/* The time span of the records, UTC seconds; first_ts > last_ts when
	 * there were none. */
	int64_t first_ts, last_ts;
	/* The zone of the Hourly report's hours (NULL: "UTC"), e.g. the --tz
	 * argument. */
	const char *hours_zone;
	/* The run's totals. */
	uint64_t servers, files, files_failed, lines, records, non_eas, filtered, skipped;
	uint64_t users, devices, user_devices; /* users: UINT64_MAX when unknown (compat) */
	/* The six captured reports (a NULL entry, or a capture without a
	 * header, is left out of the page). Column names select what is
	 * charted, so the default mode, --by weekday, --tz and --compat
	 * reports all work; a chart whose columns are missing is left out. */
	const struct captable *report[HTML_NREPORTS];
	/* Optional: hourly series per server, one table with the columns
	 * Server, Hits, Unique Devices and either Date and Hour (as in
	 * Hourly.csv) or Start (as easlog-hits --report series --group server
	 * --interval 1h writes it); other columns are ignored, rows may come
	 * in any order. With it, the time charts draw one line per server;
	 * without it (NULL), the totals of the Hourly report. */
	const struct captable *server_hourly;
	/* Rows per table below the charts (0: 200). A longer report shows its
	 * max_rows rows with the most hits and says so; the CSV has them all. */
	size_t max_rows;
	/* The CSV file name prefix (--prefix), for the notes that name the
	 * files (NULL: ""). */
	const char *prefix;
};

/* Writes the page to fd. Returns 0, or -1 with errno set (ENOMEM, or the
 * write's error); the fd stays open (it is the caller's). */
int html_write(int fd, const struct html_input *in);

/* Writes s to o as HTML text (also safe inside a quoted attribute value):
 * & < > " ' as references, invalid UTF-8 and control characters other than
 * tab and newline as U+FFFD. Exposed for the tests. */
struct outbuf;
void html_escape(struct outbuf *o, struct slice s);

#endif
