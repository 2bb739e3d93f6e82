/* report_tool: one report to stdout. */
#include "report_tool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"

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

static int run(const struct report_tool *t, struct common *c, int argc, char **argv)
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
		PARTIAL_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	const struct analyzer_ops *ops = t->ops;
	int fmt = TF_CSV, opt, status;
	while ((opt = getopt_long(argc, argv, COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			printf("%s\n%s\n%s", t->usage, t->about, common_help);
			return 0;
		case 'V':
			printf("%s %s\n", t->prog, EASLOG_VERSION);
			return 0;
		case OPT_FORMAT:
			if ((fmt = table_format_parse(optarg)) < 0) {
				fprintf(stderr, "%s: --format wants csv, tsv or json, got '%s'\n", t->prog, optarg);
				return EXIT_USAGE;
			}
			break;
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
				if (strcmp(optarg, "users") == 0)
					ops = &users_ops;
				else if (strcmp(optarg, "servers") == 0)
					ops = &servers_ops;
				else if (strcmp(optarg, "hourly") == 0)
					ops = &hourly_ops;
				else {
					fprintf(stderr, "%s: --report wants users, servers or hourly, got '%s'\n",
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
	common_init(&c, t->prog);
	int status = run(t, &c, argc, argv);
	common_free(&c);
	return status;
}
