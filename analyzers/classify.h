/* classify: the pieces the triage reports share: user agent rules (agent and
 * DevOS to platform, client and OS version), record groups, the options of
 * the triage reports, a log-scale latency histogram and robust statistics. */
#ifndef EASLOG_CLASSIFY_H
#define EASLOG_CLASSIFY_H

#include <stdio.h>

#include "../formats/record.h"
#include "intern.h"

/* One rule: platform, client and OS templates ($0..$9 are the regex's
 * captures, $$ a dollar sign) and a compiled PCRE2 pattern. */
struct ua_rule {
	char *platform, *client, *os;
	void *re;          /* pcre2_code */
	char *where;       /* "FILE:LINE", for messages */
};

/* Rules in the order they are tried: the first match wins. */
struct classifier {
	struct ua_rule *r;
	size_t n, cap;
};

/* What a rule made of an agent: NUL-terminated, never empty. */
struct ua_class {
	char family[128], os[128], client[128];
};

void classifier_init(struct classifier *c);
void classifier_free(struct classifier *c);

/* Appends the rules of the file at path. Returns 0, or -1 with a message in
 * err (the file, the line and what is wrong with it). */
int classifier_load(struct classifier *c, const char *path, char *err, size_t errlen);

/* Appends one rule from its text (a rules-file line without its end).
 * Returns 1 for a rule, 0 for a comment or blank line, -1 with a message. */
int classifier_add_line(struct classifier *c, const char *line, const char *where, char *err, size_t errlen);

/* Classifies an agent with the DevOS value of its device (empty when not
 * known). The regexes see "AGENT<TAB>DEVOS". Without a matching rule the
 * three values are "unknown". Returns 0, or -1 when out of memory. */
int classifier_match(const struct classifier *c, struct slice agent, struct slice devos, struct ua_class *out);

/* The groups of the time series and baselines. */
enum group_kind { GROUP_NONE, GROUP_SERVER, GROUP_DEVTYPE, GROUP_AGENT_FAMILY, GROUP_OS, GROUP_COMMAND, GROUP_N };

/* "server", "device-type", "agent-family", "os", "command" (and "" for none). */
const char *group_kind_name(enum group_kind g);
/* The column header of a group ("Server", "Device Type", ...). */
const char *group_kind_header(enum group_kind g);
/* The kind of a name, or -1. */
int group_kind_parse(const char *s);

/* The raw value a record is grouped by (the agent for agent-family and os:
 * the rules classify it when the report is written). Never null. */
struct slice group_raw(enum group_kind g, const struct eas_record *r);

/* The columns of easlog-useragent --classify. */
enum { UA_COL_FAMILY = 1, UA_COL_OS = 2, UA_COL_CLIENT = 4 };

/* Options of the triage reports (report_opts.triage), owned by the tool. */
struct triage_opts {
	const struct classifier *rules; /* NULL: agents are not classified */
	/* devices */
	int sort_col;             /* column index; -1 = Hits */
	bool have_top;
	uint64_t top, min_hits;
	/* series */
	int64_t interval;         /* bucket length in seconds */
	enum group_kind group;
	/* baseline */
	int days;                 /* previous days that make the normal range */
	double k;                 /* robust z threshold */
	uint64_t min_change;      /* smallest change (requests or errors) flagged */
	/* classify */
	unsigned ua_cols;         /* UA_COL_* */
};

/* devices.c: the --sort column named name (any case; spaces, '-' and '_'
 * ignored), or -1; and the column names, for messages. */
int devices_column(const char *name);
const char *devices_column_names(void);

/* Display name of a group value: for agent-family and os the agent's class
 * (cls must then be the agent's classification), else raw, "(none)" when
 * empty. */
struct slice group_display(enum group_kind g, struct slice raw, const struct ua_class *cls);

/* Latency histogram: bin 0 holds 0 ms, bin b >= 1 the times t with
 * 1.02^(b-1) <= t < 1.02^b ms (the last bin everything above). */
#define LAT_BINS 1500
unsigned lat_bin(uint64_t ms);
/* The bin's representative value: its geometric middle rounded to a
 * millisecond: within 1% + 0.5 ms of every time in the bin (so exact below
 * 50 ms, where a bin is narrower than a millisecond). */
uint64_t lat_value(unsigned bin);
/* The value at quantile q (0 < q <= 1, nearest rank) of counts[0..LAT_BINS). */
uint64_t lat_quantile(const uint64_t *counts, uint64_t total, double q);

/* The median of v[0..n) (sorts v; the mean of the two middle values when n
 * is even); 0 when n == 0. */
double median_d(double *v, size_t n);
/* The median absolute deviation from m (overwrites v). */
double mad_d(double *v, size_t n, double m);

/* An EAS error in a request's Log data: an Error: name, or a status that is
 * not success (1; for Ping also 2, "changes found", and for MoveItems 3,
 * "success", as MS-ASCMD defines them). */
bool eas_record_failed(const struct eas_record *r);

/* Byte order without regard to ASCII case, except that runs of digits
 * compare by value ("iOS 9" < "iOS 16"); bytes break ties. */
int natural_cmp(struct slice a, struct slice b);

#endif
