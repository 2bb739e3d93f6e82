/* easlog-report: all six Export-ActiveSyncLog reports in one pass, written
 * atomically to a directory, with a one-screen summary on stderr. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../analyzers/classify.h"
#include "../formats/atomic.h"
#include "../formats/html.h"
#include "../formats/timeutil.h"
#include "common.h"

static const char usage_text[] =
	"usage: easlog-report [-hVv] [-o DIR] [--prefix PREFIX] [--force] [--compat]\n"
	"                     [--tier auto|fe|be|all] [--by weekday] [--tz ZONE]\n"
	"                     [--start TIME] [--end TIME] [--local] [--server NAME] [-j N]\n"
	"                     [--user USER] [--device ID] [--device-type TYPE] [--cmd CMD]\n"
	"                     [--match FIELD=REGEX] [--stats] [--strict]\n"
	"                     [--html FILE] [--partial FILE | --merge | --state DIR]\n"
	"                     [file | dir | -] ...\n";

static void help(void)
{
	fputs(usage_text, stdout);
	fputs("\nReads IIS W3C logs from any number of Exchange servers (files, directories,\n"
	      "gzip, stdin) or easlog-parse output once, and writes the six reports of\n"
	      "Export-ActiveSyncLog: Users.csv, Servers.csv, Hourly.csv, StatusCodes.csv,\n"
	      "PolicyCompliance.csv and UserAgents.csv.\n\n"
	      "  -o, --output DIR    directory for the reports (default .)\n"
	      "  --prefix PREFIX     prefix of the file names (as -OutputPrefix)\n"
	      "  --force             replace existing report files\n"
	      "  --html FILE         also write the reports as one self-contained HTML page with charts\n"
	      "  --compat            Export-ActiveSyncLog's exact output (its CSV dialect, rules and quirks)\n"
	      "  --tier auto|fe|be|all  which tier's lines count as hits (default auto)\n"
	      "  --by weekday        Hourly: pool all dates into 168 weekday x hour rows\n"
	      "  --tz ZONE           Hourly: hours in time zone ZONE, not UTC\n"
	      "  --start, --end TIME keep requests with START <= time < END (YYYY-MM-DD[ HH:MM[:SS]]);\n"
	      "                      with --compat END is included, as the cmdlet does\n"
	      "  --local             read --start/--end as local time (TZ), not UTC (-UseGMT inverted)\n"
	      "  --server NAME       server identity when s-computername is not logged\n"
	      "  --user, --device, --device-type, --cmd VALUE   keep matching requests (repeatable)\n"
	      "  --match FIELD=REGEX keep requests whose FIELD matches the PCRE2 REGEX\n"
	      "  -j, --jobs N        files read in parallel (default: the number of CPUs)\n"
	      "  --partial FILE      write the run's state to FILE (- for stdout) instead of the reports\n"
	      "  --merge             operands are partial results: merge them and write the reports\n"
	      "  --state DIR         incremental runs (cron): keep one partial per input file in DIR and\n"
	      "                      read only new files and the grown tails of files being written\n"
	      "  --stats             print the line accounting to stderr\n"
	      "  -v, --verbose       name every skipped line (file:line: reason)\n"
	      "  --strict            exit 1 when any line was skipped\n"
	      "  -h, --help          this help;  -V, --version  the version\n\n"
	      "Exit status: 0 success, 1 a file could not be read in full, a report could not\n"
	      "be written or exists without --force (or --strict and a line was skipped),\n"
	      "2 bad usage. See easlog-report(1).\n",
	      stdout);
}

static const struct analyzer_ops *const six[] = {&users_ops, &servers_ops, &hourly_ops,
						 &statuscodes_ops, &compliance_ops, &useragents_ops};
#define NSIX 6

static char *target(const char *dir, const char *prefix, const char *name)
{
	size_t n = strlen(dir) + strlen(prefix) + strlen(name) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s%s", dir, prefix, name);
	return p;
}

/* Distinct user names among the user x device keys (default mode keys are
 * "user\x1fdevice"). */
static uint64_t count_users(const struct intern *keys)
{
	struct intern seen;
	if (intern_init(&seen) < 0)
		return 0;
	for (uint32_t i = 0; i < keys->count; i++) {
		struct slice k = intern_str(keys, i);
		const char *sep = memchr(k.p, '\x1f', k.n);
		if (sep && intern_get(&seen, slice_make(k.p, (size_t)(sep - k.p)), NULL) < 0)
			break;
	}
	uint64_t n = seen.count;
	intern_free(&seen);
	return n;
}

static void summary(const struct common *c, const struct driver_result *res, char **paths, const char *html)
{
	const struct stats *s = &res->st;
	const char *p = c->prog;
	uint64_t ns = res->k[KEY_SERVER].count;
	fprintf(stderr, "%s: %llu file%s read (%llu failed), %llu server%s\n", p,
		(unsigned long long)s->files, s->files == 1 ? "" : "s", (unsigned long long)s->files_failed,
		(unsigned long long)ns, ns == 1 ? "" : "s");
	if (s->first_ts <= s->last_ts) {
		char f[21], l[21];
		format_iso(s->first_ts, f);
		format_iso(s->last_ts, l);
		fprintf(stderr, "%s: time span %s .. %s (UTC)\n", p, f, l);
	}
	fprintf(stderr, "%s: %llu lines: %llu EAS records (front end %llu, back end %llu; hits from %s),"
			" %llu non-EAS, %llu filtered, %llu skipped\n",
		p, (unsigned long long)s->lines, (unsigned long long)s->records,
		(unsigned long long)s->tier_records[0], (unsigned long long)s->tier_records[1],
		s->records == 0                           ? "no tier"
		: res->count_tier[0] && res->count_tier[1] ? "both tiers"
		: res->count_tier[0]                       ? "front end"
							   : "back end",
		(unsigned long long)s->non_eas,
		(unsigned long long)(s->filtered[0] + s->filtered[1] + s->filtered[2] + s->filtered[3]),
		(unsigned long long)stats_skipped(s));
	if (c->d.ro.compat)
		fprintf(stderr, "%s: %llu devices, %llu user/device rows\n", p,
			(unsigned long long)res->k[KEY_DEV].count, (unsigned long long)res->k[KEY_USER].count);
	else
		fprintf(stderr, "%s: %llu users, %llu devices, %llu user/device rows\n", p,
			(unsigned long long)count_users(&res->k[KEY_USER]),
			(unsigned long long)res->k[KEY_DEV].count, (unsigned long long)res->k[KEY_USER].count);
	for (int i = 0; i < NSIX; i++)
		if (paths[i])
			fprintf(stderr, "%s: wrote %s\n", p, paths[i]);
	if (html)
		fprintf(stderr, "%s: wrote %s\n", p, html);
}

/* Writes the six reports of res; returns the exit status. */
static int write_reports(struct common *c, struct driver_result *res, char **paths, const char *dir, bool force,
			 int status)
{
	struct emit_ctx ec = driver_emit_ctx(&c->d, res);
	for (int i = 0; i < NSIX; i++) {
		struct atomic_file af;
		if (atomic_begin(&af, paths[i]) < 0) {
			fprintf(stderr, "easlog-report: cannot create a file in '%s': %s\n", dir, strerror(errno));
			status = 1;
			free(paths[i]);
			paths[i] = NULL;
			continue;
		}
		struct outbuf out;
		int err = 0;
		if (outbuf_init(&out, af.fd) < 0) {
			err = ENOMEM;
		} else {
			struct table tab = {.o = &out, .fmt = c->d.ro.compat ? TF_CSV_COMPAT : TF_CSV};
			if (six[i]->emit(res->an[i], &tab, &ec) < 0)
				out.err = ENOMEM;
			outbuf_close(&out);
			err = out.err;
		}
		if (err) {
			atomic_abort(&af);
			fprintf(stderr, "easlog-report: cannot write %s: %s (the old file, if any, is untouched)\n",
				paths[i], strerror(err));
		} else if (atomic_commit(&af, force) < 0) {
			err = errno;
			fprintf(stderr, "easlog-report: cannot write %s: %s\n", paths[i],
				err == EEXIST ? "it appeared meanwhile (use --force to replace it)" : strerror(err));
		}
		if (err) {
			status = 1;
			free(paths[i]);
			paths[i] = NULL;
		}
	}
	return status;
}

/* The page: the six reports captured as they were written, and the run's facts. */
static int write_html(struct common *c, struct driver_result *res, const char *path, const char *prefix, bool force)
{
	struct emit_ctx ec = driver_emit_ctx(&c->d, res);
	struct captable cap[NSIX];
	int err = 0;
	for (int i = 0; i < NSIX; i++) {
		captable_init(&cap[i]);
		struct table tab = {.fmt = TF_CAPTURE, .cap = &cap[i]};
		if (six[i]->emit(res->an[i], &tab, &ec) < 0 || captable_status(&cap[i]) < 0)
			err = ENOMEM;
	}
	const struct stats *s = &res->st;
	uint64_t filtered = 0;
	for (int i = 0; i < FILT_N; i++)
		filtered += s->filtered[i];
	struct html_input in = {
		.generator = "easlog-report " EASLOG_VERSION,
		.first_ts = s->first_ts,
		.last_ts = s->last_ts,
		.hours_zone = c->tz_arg,
		.servers = res->k[KEY_SERVER].count,
		.files = s->files,
		.files_failed = s->files_failed,
		.lines = s->lines,
		.records = s->records,
		.non_eas = s->non_eas,
		.filtered = filtered,
		.skipped = stats_skipped(s),
		.users = c->d.ro.compat ? UINT64_MAX : count_users(&res->k[KEY_USER]),
		.devices = res->k[KEY_DEV].count,
		.user_devices = res->k[KEY_USER].count,
		.prefix = prefix,
	};
	for (int i = 0; i < NSIX; i++)
		in.report[i] = &cap[i];
	/* the per-server hourly series, when run (the charts then draw one line
	 * per server; else the totals of Hourly) */
	struct captable series;
	captable_init(&series);
	if (c->d.nops > NSIX) {
		struct table tab = {.fmt = TF_CAPTURE, .cap = &series};
		if (series_ops.emit(res->an[NSIX], &tab, &ec) < 0 || captable_status(&series) < 0)
			err = ENOMEM;
		in.server_hourly = &series;
	}
	struct atomic_file af;
	if (!err && atomic_begin(&af, path) < 0) {
		err = errno;
	} else if (!err && html_write(af.fd, &in) < 0) {
		err = errno;
		atomic_abort(&af);
	} else if (!err && atomic_commit(&af, force) < 0) {
		err = errno;
	}
	for (int i = 0; i < NSIX; i++)
		captable_free(&cap[i]);
	captable_free(&series);
	if (err) {
		fprintf(stderr, "easlog-report: cannot write %s: %s\n", path,
			err == EEXIST ? "it appeared meanwhile (use --force to replace it)" : strerror(err));
		return -1;
	}
	return 0;
}

static int run(struct common *c, int argc, char **argv, char **paths)
{
	static const struct option longopts[] = {
		COMMON_LONGOPTS,
		{"output", required_argument, NULL, 'o'},
		{"prefix", required_argument, NULL, OPT_PREFIX},
		{"force", no_argument, NULL, OPT_FORCE},
		{"compat", no_argument, NULL, OPT_COMPAT},
		{"tier", required_argument, NULL, OPT_TIER},
		{"tz", required_argument, NULL, OPT_TZ},
		{"by", required_argument, NULL, OPT_BY},
		{"html", required_argument, NULL, OPT_HTML},
		PARTIAL_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	const char *dir = ".", *prefix = "", *html = NULL;
	bool force = false;
	int opt, status;
	while ((opt = getopt_long(argc, argv, COMMON_SHORTOPTS "o:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			help();
			return 0;
		case 'V':
			common_version("easlog-report");
			return 0;
		case 'o':
			dir = optarg;
			break;
		case OPT_PREFIX:
			prefix = optarg;
			if (strchr(prefix, '/')) {
				fprintf(stderr, "easlog-report: --prefix must not contain '/'\n");
				return EXIT_USAGE;
			}
			break;
		case OPT_FORCE:
			force = true;
			break;
		case OPT_HTML:
			html = optarg;
			break;
		case OPT_BY:
			if (strcmp(optarg, "weekday") != 0) {
				fprintf(stderr, "easlog-report: --by wants weekday, got '%s'\n", optarg);
				return EXIT_USAGE;
			}
			c->d.ro.by_weekday = true;
			break;
		default: {
			int r = common_option(c, opt, optarg);
			if (r == 1)
				break;
			if (r == 0)
				fputs(usage_text, stderr);
			return EXIT_USAGE;
		}
		}
	}
	if (html && c->partial) {
		fprintf(stderr, "easlog-report: --html writes reports; --partial writes none: choose one\n");
		return EXIT_USAGE;
	}
	if (common_finish(c, argc, argv, &status) < 0)
		return status;
	struct stat st;
	if (!c->partial && (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))) {
		fprintf(stderr, "easlog-report: output directory '%s' does not exist\n", dir);
		return 1;
	}
	int existing = 0;
	for (int i = 0; i < NSIX; i++) {
		paths[i] = target(dir, prefix, six[i]->file);
		if (!paths[i]) {
			fprintf(stderr, "easlog-report: out of memory\n");
			return 1;
		}
		if (!force && !c->partial && access(paths[i], F_OK) == 0) {
			fprintf(stderr, "easlog-report: %s exists (use --force to replace it)\n", paths[i]);
			existing++;
		}
	}
	if (html && !force && access(html, F_OK) == 0) {
		fprintf(stderr, "easlog-report: %s exists (use --force to replace it)\n", html);
		existing++;
	}
	if (existing)
		return 1;
	atomic_signals();
	/* With --html, over logs read in this run, a seventh analyzer: hits and
	 * unique devices per hour and server (the series of easlog-hits). Partials
	 * (--merge, --state) hold the six reports only: the page draws totals. */
	static const struct analyzer_ops *seven[NSIX + 1];
	static struct triage_opts per_server = {.sort_col = -1, .interval = 3600, .group = GROUP_SERVER};
	memcpy(seven, six, sizeof six);
	seven[NSIX] = &series_ops;
	bool series = html && !c->d.ro.compat && !c->merge && !c->state;
	if (series)
		c->d.ro.triage = &per_server;
	c->d.ops = series ? seven : six;
	c->d.nops = series ? NSIX + 1 : NSIX;
	struct driver_result res;
	if (common_run(c, &res) < 0)
		return 1;
	status = common_status(c, &res);
	int pr = common_partial_out(c, &res);
	if (pr != 0) {
		status = pr < 0 ? 1 : status;
	} else if (res.st.files == 0) {
		/* as the cmdlet: no file processed, nothing written */
		fprintf(stderr, "easlog-report: no input could be read; no report written\n");
		status = 1;
	} else {
		status = write_reports(c, &res, paths, dir, force, status);
		bool html_ok = html && write_html(c, &res, html, prefix, force) == 0;
		if (html && !html_ok)
			status = 1;
		summary(c, &res, paths, html_ok ? html : NULL);
	}
	common_stats(c, &res);
	driver_result_free(&c->d, &res);
	return status;
}

int main(int argc, char **argv)
{
	struct common c;
	char *paths[NSIX] = {0};
	common_init(&c, "easlog-report");
	int status = run(&c, argc, argv, paths);
	for (int i = 0; i < NSIX; i++)
		free(paths[i]);
	common_free(&c);
	return status;
}
