/* common: what every easlog tool's main shares: the options that select and
 * read input, their parsing, the run of the driver, and exit statuses. */
#ifndef EASLOG_COMMON_H
#define EASLOG_COMMON_H

#include <getopt.h>

#include "../analyzers/driver.h"

#ifndef EASLOG_VERSION
#define EASLOG_VERSION "0.0.0"
#endif

#define EXIT_USAGE 2

/* Long-only option codes shared by the tools (short ones are letters). */
enum {
	OPT_START = 1000, OPT_END, OPT_LOCAL, OPT_SERVER, OPT_USER, OPT_DEVICE, OPT_DEVICE_TYPE,
	OPT_CMD, OPT_MATCH, OPT_COMPAT, OPT_TIER, OPT_STATS, OPT_STRICT, OPT_TZ, OPT_FORMAT,
	OPT_ALL, OPT_PREFIX, OPT_FORCE, OPT_REPORT, OPT_BY, OPT_LIST, OPT_PARTIAL, OPT_MERGE, OPT_STATE, OPT_HTML,
	OPT_TOOL_BASE = 1100
};

/* The common long options; a tool's table starts with these. */
#define COMMON_LONGOPTS                                                   \
	{"help", no_argument, NULL, 'h'},                                 \
	{"version", no_argument, NULL, 'V'},                              \
	{"start", required_argument, NULL, OPT_START},                    \
	{"end", required_argument, NULL, OPT_END},                        \
	{"local", no_argument, NULL, OPT_LOCAL},                          \
	{"server", required_argument, NULL, OPT_SERVER},                  \
	{"user", required_argument, NULL, OPT_USER},                      \
	{"device", required_argument, NULL, OPT_DEVICE},                  \
	{"device-type", required_argument, NULL, OPT_DEVICE_TYPE},        \
	{"cmd", required_argument, NULL, OPT_CMD},                        \
	{"match", required_argument, NULL, OPT_MATCH},                    \
	{"stats", no_argument, NULL, OPT_STATS},                          \
	{"verbose", no_argument, NULL, 'v'},                              \
	{"strict", no_argument, NULL, OPT_STRICT},                        \
	{"jobs", required_argument, NULL, 'j'}

#define COMMON_SHORTOPTS "hVvj:"

struct common {
	const char *prog;
	struct driver_opts d;
	const char *start_arg, *end_arg, *tz_arg;
	bool local, stats, strict;
	struct match_filter *matches;
	int nmatches;
	const char **match_args;   /* as given, for the partial's options */
	const char *partial;       /* --partial FILE */
	bool merge;                /* --merge: operands are partial results */
	const char *state;         /* --state DIR: incremental runs */
	struct walk_list files;
};

void common_init(struct common *c, const char *prog);

/* Handles a common option. Returns 1 when handled, 0 when not one of
 * them, -1 after reporting bad usage. */
int common_option(struct common *c, int opt, const char *arg);

/* After getopt: checks the time window and collects the operands (none
 * means stdin). Returns 0, or -1 after reporting (exit with *status). */
int common_finish(struct common *c, int argc, char **argv, int *status);

/* The long options of partial results, for the report tools' tables. */
#define PARTIAL_LONGOPTS                                                  \
	{"partial", required_argument, NULL, OPT_PARTIAL},                \
	{"merge", no_argument, NULL, OPT_MERGE},                          \
	{"state", required_argument, NULL, OPT_STATE}

/* Reads the input (or, with --merge, the partial results) into res.
 * Returns 0, or -1 when out of memory. A partial that cannot be used marks
 * the run failed (exit 1). */
int common_run(struct common *c, struct driver_result *res);

/* With --partial: writes res there. Returns 1 when it did (the tool then
 * writes no report), 0 when --partial was not given, -1 on error. */
int common_partial_out(struct common *c, const struct driver_result *res);

/* Exit status after a run: 1 when a file failed, or --strict and a line was skipped. */
int common_status(const struct common *c, const struct driver_result *res);

/* Prints the --stats accounting when asked. */
void common_stats(const struct common *c, const struct driver_result *res);

/* Closes stdout: a closed pipe is quiet success, a write error is 1. */
int common_close_stdout(const char *prog, int status, int err);

/* --version: the tool, its version and the gzip decoder it was built with. */
void common_version(const char *prog);

void common_free(struct common *c);

/* Number of online processors (the -j default). */
int common_cpus(void);

#endif
