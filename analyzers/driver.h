/* driver: reads every input once (files spread over worker threads), turns
 * lines into records, applies the filters, feeds the analyzers or a record
 * sink, and keeps the accounting that says where every line went. */
#ifndef EASLOG_DRIVER_H
#define EASLOG_DRIVER_H

#include <stdio.h>

#include "../formats/walk.h"
#include "analyzer.h"

enum skip_reason {
	SKIP_NO_FIELDS,   /* data before any #Fields */
	SKIP_FIELD_COUNT, /* token count differs from #Fields */
	SKIP_BAD_TIME,    /* date or time missing or unparsable */
	SKIP_CUT,         /* cut off by damage (truncated or corrupt file) */
	SKIP_BAD_RECORD,  /* an easlog-parse line that does not read back */
	SKIP_N
};

enum filter_reason {
	FILT_WINDOW,       /* outside --start/--end */
	FILT_SELECT,       /* --user, --device, --device-type, --cmd, --match */
	FILT_COMPAT_LINE,  /* --compat: back-end stem or no date field */
	FILT_COMPAT_QUERY, /* --compat: the query does not fit the cmdlet's grammar */
	FILT_N
};

const char *skip_reason_name(enum skip_reason r);
const char *filter_reason_name(enum filter_reason r);

struct stats {
	uint64_t files, files_failed, bytes;
	uint64_t lines, directives, blank, non_eas, records;
	uint64_t tier_records[2];   /* records by tier (front end, back end) */
	uint64_t skipped[SKIP_N], filtered[FILT_N];
	uint64_t bad_base64;        /* records whose base64 query did not decode */
	int64_t first_ts, last_ts;  /* of records; first > last when none */
};

void stats_add(struct stats *dst, const struct stats *src);
uint64_t stats_skipped(const struct stats *s);

/* Writes the accounting to f: every line read lands in exactly one count. */
void stats_print(FILE *f, const char *prog, const struct stats *s);

/* Incremental reading of one file (--state): where to start and the W3C
 * directives in force there; on return, where the complete lines end. */
struct resume {
	uint64_t offset, lines;   /* in: start offset and lines before it (0, 0: the start) */
	char *fields, *date;      /* in/out: the last #Fields and #Date lines (malloc'd, may be NULL) */
	bool hold_partial;        /* in: leave an unterminated last line for the next run */
	uint64_t end_offset, end_lines; /* out: after the last line read */
	bool resumable;           /* out: a plain W3C file (gzip and others are re-read whole) */
	bool cannot_seek;         /* out: offset could not be reached: nothing was read */
};

struct match_filter {
	int field;   /* record_field_lookup() id */
	void *re;    /* pcre2_code */
};

struct driver_opts {
	const char *prog;
	struct report_opts ro;
	bool all;                   /* also pass non-EAS requests to the sink */
	bool have_start, have_end;
	int64_t start, end;         /* UTC seconds */
	const char *server;         /* --server NAME */
	const char **users, **devices, **devtypes, **cmds;
	int nusers, ndevices, ndevtypes, ncmds;
	const struct match_filter *matches;
	int nmatches;
	bool verbose;
	int jobs;
	/* Either a record sink (easlog-parse; forces one job; returning
	 * false stops the reading, e.g. when stdout is closed) ... */
	bool (*sink)(void *arg, const struct eas_record *r);
	void *sink_arg;
	/* ... or analyzers. */
	const struct analyzer_ops *const *ops;
	int nops;
	struct resume *resume;      /* for a run over exactly one file, or NULL */
};

struct driver_result {
	struct stats st;
	char **files;            /* the inputs, in input order (owned) */
	size_t nfiles;
	void **an;               /* one merged instance per ops[] entry */
	struct intern k[KEY_N];
	bool count_tier[2];
	bool failed;             /* a file could not be read in full */
};

/* An empty result of o's analyzers (to merge into). Returns 0 or -1. */
int driver_result_init(const struct driver_opts *o, struct driver_result *res);

/* Adds src into dst (key ids translated). Returns 0 or -1 (out of memory). */
int driver_result_merge(const struct driver_opts *o, struct driver_result *dst, const struct driver_result *src);

/* Decides which tiers count as hits, from the options and the stats. */
void driver_result_finish(const struct driver_opts *o, struct driver_result *res);

/* Reads files. Returns 0, or -1 when out of memory (reported). */
int driver_run(const struct driver_opts *o, const struct walk_list *files, struct driver_result *res);

/* The emit context for res's analyzers. */
struct emit_ctx driver_emit_ctx(const struct driver_opts *o, const struct driver_result *res);

void driver_result_free(const struct driver_opts *o, struct driver_result *res);

#endif
