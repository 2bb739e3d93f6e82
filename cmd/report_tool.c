/* report_tool: one report to stdout. */
#include "report_tool.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analyzers/classify.h"
#include "common.h"

/* The triage options (issue 7), long-only. */
enum {
	OPT_TOP = OPT_TOOL_BASE, OPT_SORT, OPT_MIN_HITS, OPT_INTERVAL, OPT_GROUP, OPT_BASELINE, OPT_THRESHOLD,
	OPT_MIN_CHANGE, OPT_CLASSIFY, OPT_RULES
};

static const char common_help[] =
	"  --format csv|tsv|json  output format (default csv)\n"
	"  --compat            Export-ActiveSyncLog's exact output (its CSV dialect, rules and quirks)\n"
	"  --tier auto|fe|be|all  which tier's lines count as hits (default auto)\n"
	"  --start, --end TIME keep requests with START <= time < END (YYYY-MM-DD[ HH:MM[:SS]]);\n"
	"                      with --compat END is included, as the cmdlet does\n"
	"  --local             read --start/--end as local time (TZ), not UTC\n"
	"  --server NAME       server identity when s-computername is not logged\n"
	"  --user, --device, --device-type, --cmd VALUE   keep matching requests (repeatable)\n"
	"  --match FIELD=REGEX keep requests whose FIELD matches the PCRE2 REGEX\n"
	"  -j, --jobs N        files read in parallel (default: the number of CPUs)\n"
	"  --partial FILE      write the run's state to FILE (- for stdout) instead of the report\n"
	"  --merge             operands are partial results: merge them and write the report\n"
	"  --state DIR         incremental runs: keep one partial per input file in DIR and read\n"
	"                      only new files and the grown tails of files being written\n"
	"  --stats             print the line accounting to stderr\n"
	"  -v, --verbose       name every skipped line (file:line: reason)\n"
	"  --strict            exit 1 when any line was skipped\n"
	"  -h, --help          this help;  -V, --version  the version\n\n"
	"Input: IIS W3C logs (files, directories, gzip, stdin) or easlog-parse output.\n"
	"Exit status: 0 success, 1 a file could not be read in full (or --strict and a\n"
	"line was skipped) or the output could not be written, 2 bad usage.\n";

/* Where the default rules file is: $EASLOG_RULES; the path compiled in
 * (EASLOG_RULES_PATH, $(PREFIX)/share/easlog/useragents.rules); then
 * share/easlog/useragents.rules in the parent of the binary's directory
 * (an uninstalled build tree, or a relocated installation). */
static const char *default_rules(char *buf, size_t cap, const char *argv0)
{
	const char *env = getenv("EASLOG_RULES");
	if (env && *env)
		return env;
#ifdef EASLOG_RULES_PATH
	if (access(EASLOG_RULES_PATH, R_OK) == 0)
		return EASLOG_RULES_PATH;
#endif
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
	} else if (!strchr(argv0, '/') || !realpath(argv0, exe)) {
		return NULL;
	}
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	snprintf(buf, cap, "%s/share/easlog/useragents.rules", slash ? exe : ".");
	return access(buf, R_OK) == 0 ? buf : NULL;
}

static int load_rules(const char *prog, struct classifier *cl, const char **files, int nfiles, const char *argv0)
{
	char err[1200], buf[PATH_MAX + 64];
	for (int i = 0; i < nfiles; i++)
		if (classifier_load(cl, files[i], err, sizeof err) < 0) {
			fprintf(stderr, "%s: --rules: %s\n", prog, err);
			return -1;
		}
	const char *def = default_rules(buf, sizeof buf, argv0);
	if (!def) {
		fprintf(stderr,
			"%s: cannot find the default user agent rules (useragents.rules)"
#ifdef EASLOG_RULES_PATH
			" in " EASLOG_RULES_PATH
#endif
			" or in share/easlog/ beside the binary's directory; set EASLOG_RULES to its path\n",
			prog);
		return -1;
	}
	if (classifier_load(cl, def, err, sizeof err) < 0) {
		const char *env = getenv("EASLOG_RULES");
		fprintf(stderr, "%s: %s%s\n", prog, env && *env ? "EASLOG_RULES: " : "", err);
		return -1;
	}
	return 0;
}

/* A whole number in [lo, hi]. */
static bool number(const char *s, uint64_t lo, uint64_t hi, uint64_t *v)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(s, &end, 10);
	if (!*s || *s == '-' || *end || errno || n < lo || n > hi)
		return false;
	*v = n;
	return true;
}

/* 5m, 15m, 1h, 1d, or any whole number of minutes or hours that divides a day. */
static bool interval(const char *s, int64_t *secs)
{
	char *end;
	errno = 0;
	long n = strtol(s, &end, 10);
	if (end == s || errno || n < 1 || n > 100000 || !end[0] || end[1])
		return false;
	int64_t unit = end[0] == 'm' ? 60 : end[0] == 'h' ? 3600 : end[0] == 'd' ? 86400 : 0;
	if (!unit)
		return false;
	*secs = n * unit;
	return unit == 86400 ? n == 1 : 86400 % *secs == 0;
}

/* family|os|client, or several joined by commas. */
static unsigned ua_columns(const char *s)
{
	unsigned cols = 0;
	while (*s) {
		size_t n = strcspn(s, ",");
		if (n == 6 && strncmp(s, "family", 6) == 0)
			cols |= UA_COL_FAMILY;
		else if (n == 2 && strncmp(s, "os", 2) == 0)
			cols |= UA_COL_OS;
		else if (n == 6 && strncmp(s, "client", 6) == 0)
			cols |= UA_COL_CLIENT;
		else
			return 0;
		s += n;
		if (*s == ',' && *++s == '\0')
			return 0;
	}
	return cols;
}

static const char *const triage_names[] = {"top", "sort", "min-hits", "interval", "group", "baseline",
					   "threshold", "min-change", "classify", "rules"};

/* What the triage options make, alive for the whole run. */
struct triage_state {
	struct triage_opts to;
	struct classifier rules;
	const char **rules_files;   /* --rules, in order */
	int nrules;
};

static int run(const struct report_tool *t, struct common *c, struct triage_state *ts, int argc, char **argv)
{
	static const struct option longopts[] = {
		COMMON_LONGOPTS,
		{"format", required_argument, NULL, OPT_FORMAT},
		{"compat", no_argument, NULL, OPT_COMPAT},
		{"tier", required_argument, NULL, OPT_TIER},
		{"tz", required_argument, NULL, OPT_TZ},
		{"report", required_argument, NULL, OPT_REPORT},
		{"by", required_argument, NULL, OPT_BY},
		{"list", no_argument, NULL, OPT_LIST},
		{"top", required_argument, NULL, OPT_TOP},
		{"sort", required_argument, NULL, OPT_SORT},
		{"min-hits", required_argument, NULL, OPT_MIN_HITS},
		{"interval", required_argument, NULL, OPT_INTERVAL},
		{"group", required_argument, NULL, OPT_GROUP},
		{"baseline", required_argument, NULL, OPT_BASELINE},
		{"threshold", required_argument, NULL, OPT_THRESHOLD},
		{"min-change", required_argument, NULL, OPT_MIN_CHANGE},
		{"classify", no_argument, NULL, OPT_CLASSIFY},
		{"rules", required_argument, NULL, OPT_RULES},
		PARTIAL_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	const struct analyzer_ops *ops = t->ops;
	int fmt = TF_CSV, opt, status;
	struct triage_opts *to = &ts->to;
	const char *group_arg = NULL;
	bool given[OPT_RULES - OPT_TOP + 1] = {false};
	bool report_given = false;
	while ((opt = getopt_long(argc, argv, COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		if (opt >= OPT_TOP && opt <= OPT_RULES) {
			bool ok = opt == OPT_CLASSIFY ? (t->ops == &useragents_ops)
				  : opt == OPT_RULES || opt == OPT_GROUP ? (t->ops == &useragents_ops) || t->hits
									  : t->hits;
			if (!ok) {
				fprintf(stderr, "%s: option --%s is not for this tool\n%s\n", t->prog,
					triage_names[opt - OPT_TOP], t->usage);
				return EXIT_USAGE;
			}
			given[opt - OPT_TOP] = true;
		}
		uint64_t v;
		switch (opt) {
		case 'h':
			printf("%s\n%s\n%s", t->usage, t->about, common_help);
			return 0;
		case 'V':
			common_version(t->prog);
			return 0;
		case OPT_FORMAT:
			if ((fmt = table_format_parse(optarg)) < 0) {
				fprintf(stderr, "%s: --format wants csv, tsv or json, got '%s'\n", t->prog, optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_TOP:
			if (!number(optarg, 1, UINT64_MAX, &to->top)) {
				fprintf(stderr, "%s: --top wants a number above 0, got '%s'\n", t->prog, optarg);
				return EXIT_USAGE;
			}
			to->have_top = true;
			break;
		case OPT_SORT:
			if ((to->sort_col = devices_column(optarg)) < 0) {
				fprintf(stderr, "%s: --sort: no column '%s' (columns: %s)\n", t->prog, optarg,
					devices_column_names());
				return EXIT_USAGE;
			}
			break;
		case OPT_MIN_HITS:
			if (!number(optarg, 0, UINT64_MAX, &to->min_hits)) {
				fprintf(stderr, "%s: --min-hits wants a number, got '%s'\n", t->prog, optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_INTERVAL:
			if (!interval(optarg, &to->interval)) {
				fprintf(stderr, "%s: --interval wants 5m, 15m, 1h, 1d (or minutes or hours that divide"
						" a day), got '%s'\n", t->prog, optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_GROUP:
			group_arg = optarg;
			break;
		case OPT_BASELINE:
			if (!number(optarg, 3, 366, &v)) {
				fprintf(stderr, "%s: --baseline wants a number of days from 3 to 366, got '%s'\n", t->prog,
					optarg);
				return EXIT_USAGE;
			}
			to->days = (int)v;
			break;
		case OPT_THRESHOLD: {
			char *end;
			errno = 0;
			to->k = strtod(optarg, &end);
			if (end == optarg || *end || errno || !(to->k > 0 && to->k <= 1000)) {
				fprintf(stderr, "%s: --threshold wants a number above 0, got '%s'\n", t->prog, optarg);
				return EXIT_USAGE;
			}
			break;
		}
		case OPT_MIN_CHANGE:
			if (!number(optarg, 0, UINT32_MAX, &to->min_change)) {
				fprintf(stderr, "%s: --min-change wants a number, got '%s'\n", t->prog, optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_CLASSIFY:
			ops = &classify_ops;
			break;
		case OPT_RULES: {
			const char **r = realloc(ts->rules_files, (size_t)(ts->nrules + 1) * sizeof *r);
			if (!r) {
				fprintf(stderr, "%s: out of memory\n", t->prog);
				return 1;
			}
			r[ts->nrules++] = optarg;
			ts->rules_files = r;
			break;
		}
		case OPT_REPORT:
		case OPT_BY:
		case OPT_LIST:
		case OPT_TZ:
			if ((opt == OPT_LIST && !t->list) || (opt != OPT_LIST && !t->hits)) {
				fprintf(stderr, "%s: option --%s is not for this tool\n%s\n", t->prog,
					opt == OPT_LIST ? "list" : opt == OPT_TZ ? "tz" : opt == OPT_BY ? "by" : "report",
					t->usage);
				return EXIT_USAGE;
			}
			if (opt == OPT_LIST) {
				c->d.ro.list = true;
			} else if (opt == OPT_BY) {
				if (strcmp(optarg, "weekday") != 0) {
					fprintf(stderr, "%s: --by wants weekday, got '%s'\n", t->prog, optarg);
					return EXIT_USAGE;
				}
				c->d.ro.by_weekday = true;
			} else if (opt == OPT_REPORT) {
				report_given = true;
				if (strcmp(optarg, "users") == 0)
					ops = &users_ops;
				else if (strcmp(optarg, "servers") == 0)
					ops = &servers_ops;
				else if (strcmp(optarg, "hourly") == 0)
					ops = &hourly_ops;
				else if (strcmp(optarg, "devices") == 0)
					ops = &devices_ops;
				else if (strcmp(optarg, "series") == 0)
					ops = &series_ops;
				else {
					fprintf(stderr, "%s: --report wants users, servers, hourly, devices or series, got '%s'\n",
						t->prog, optarg);
					return EXIT_USAGE;
				}
			} else if (common_option(c, opt, optarg) < 0) {
				return EXIT_USAGE;
			}
			break;
		default: {
			int r = common_option(c, opt, optarg);
			if (r == 1)
				break;
			if (r == 0)
				fprintf(stderr, "%s\n", t->usage);
			return EXIT_USAGE;
		}
		}
	}
	/* which options go with which report */
	bool baseline = given[OPT_BASELINE - OPT_TOP];
	if (baseline) {
		if (report_given) {
			fprintf(stderr, "%s: --baseline is a report of its own; drop --report\n", t->prog);
			return EXIT_USAGE;
		}
		ops = &baseline_ops;
	}
	static const struct {
		int opt;
		const struct analyzer_ops *ops;
		const char *what;
	} needs[] = {
		{OPT_TOP, &devices_ops, "--report devices"},
		{OPT_SORT, &devices_ops, "--report devices"},
		{OPT_MIN_HITS, &devices_ops, "--report devices"},
		{OPT_INTERVAL, &series_ops, "--report series"},
		{OPT_THRESHOLD, &baseline_ops, "--baseline"},
		{OPT_MIN_CHANGE, &baseline_ops, "--baseline"},
	};
	for (size_t i = 0; i < sizeof needs / sizeof needs[0]; i++)
		if (given[needs[i].opt - OPT_TOP] && ops != needs[i].ops) {
			fprintf(stderr, "%s: --%s goes with %s\n", t->prog, triage_names[needs[i].opt - OPT_TOP],
				needs[i].what);
			return EXIT_USAGE;
		}
	if (group_arg) {
		if (ops == &classify_ops) {
			if (!(to->ua_cols = ua_columns(group_arg))) {
				fprintf(stderr, "%s: --group wants family, os or client (or several, joined by commas),"
						" got '%s'\n", t->prog, group_arg);
				return EXIT_USAGE;
			}
		} else if (ops == &series_ops || ops == &baseline_ops) {
			int g = group_kind_parse(group_arg);
			if (g < 0) {
				fprintf(stderr, "%s: --group wants server, device-type, agent-family, os or command,"
						" got '%s'\n", t->prog, group_arg);
				return EXIT_USAGE;
			}
			to->group = (enum group_kind)g;
		} else {
			fprintf(stderr, "%s: --group goes with %s\n", t->prog,
				(t->ops == &useragents_ops) ? "--classify" : "--report series or --baseline");
			return EXIT_USAGE;
		}
	}
	bool uses_rules = ops == &classify_ops ||
			  ((ops == &series_ops || ops == &baseline_ops) &&
			   (to->group == GROUP_AGENT_FAMILY || to->group == GROUP_OS));
	if (ts->nrules && !uses_rules) {
		fprintf(stderr, "%s: --rules goes with %s\n", t->prog,
			(t->ops == &useragents_ops) ? "--classify" : "--group agent-family or --group os");
		return EXIT_USAGE;
	}
	bool triage = ops == &devices_ops || ops == &series_ops || ops == &baseline_ops || ops == &classify_ops;
	if (c->d.ro.compat && triage) {
		fprintf(stderr, "%s: this report is not one of the cmdlet's; drop --compat\n", t->prog);
		return EXIT_USAGE;
	}
	if (c->d.ro.compat && c->d.ro.list) {
		fprintf(stderr, "%s: --list is not part of the cmdlet's output; drop --compat\n", t->prog);
		return EXIT_USAGE;
	}
	if (c->d.ro.compat && fmt != TF_CSV) {
		fprintf(stderr, "%s: --compat writes the cmdlet's CSV; --format does not apply\n", t->prog);
		return EXIT_USAGE;
	}
	if (c->d.ro.compat)
		fmt = TF_CSV_COMPAT;
	if (uses_rules) {
		if (load_rules(t->prog, &ts->rules, ts->rules_files, ts->nrules, argv[0]) < 0)
			return EXIT_USAGE;
		to->rules = &ts->rules;
	}
	c->d.ro.triage = to;
	if (common_finish(c, argc, argv, &status) < 0)
		return status;
	const struct analyzer_ops *list[1] = {ops};
	c->d.ops = list;
	c->d.nops = 1;
	struct driver_result res;
	if (common_run(c, &res) < 0)
		return 1;
	status = common_status(c, &res);
	int pr = common_partial_out(c, &res);
	if (pr != 0) {
		common_stats(c, &res);
		driver_result_free(&c->d, &res);
		return pr < 0 ? 1 : status;
	}
	struct outbuf out;
	if (outbuf_init(&out, STDOUT_FILENO) < 0) {
		fprintf(stderr, "%s: out of memory\n", t->prog);
		driver_result_free(&c->d, &res);
		return 1;
	}
	struct table tab = {.o = &out, .fmt = (enum table_format)fmt};
	struct emit_ctx ec = driver_emit_ctx(&c->d, &res);
	if (ops->emit(res.an[0], &tab, &ec) < 0) {
		fprintf(stderr, "%s: out of memory\n", t->prog);
		status = 1;
	}
	outbuf_close(&out);
	status = common_close_stdout(t->prog, status, out.err);
	common_stats(c, &res);
	driver_result_free(&c->d, &res);
	return status;
}

int report_tool_main(const struct report_tool *t, int argc, char **argv)
{
	struct common c;
	struct triage_state ts = {.to = {.sort_col = -1, .interval = 3600, .days = 7, .k = 4, .min_change = 10}};
	common_init(&c, t->prog);
	classifier_init(&ts.rules);
	int status = run(t, &c, &ts, argc, argv);
	classifier_free(&ts.rules);
	free(ts.rules_files);
	common_free(&c);
	return status;
}
