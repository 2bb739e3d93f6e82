/* easlog-parse: IIS W3C logs to normalised EAS records (TSV or JSON Lines). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../formats/record_io.h"
#include "common.h"

static const char usage_text[] =
	"usage: easlog-parse [-hVv] [--format tsv|json] [--all] [--compat]\n"
	"                    [--start TIME] [--end TIME] [--local] [--server NAME]\n"
	"                    [--user USER] [--device ID] [--device-type TYPE] [--cmd CMD]\n"
	"                    [--match FIELD=REGEX] [--stats] [--strict] [file | dir | -] ...\n";

static void help(void)
{
	fputs(usage_text, stdout);
	fputs("\nReads IIS W3C logs (files, directories walked recursively, gzip recognised by\n"
	      "content, stdin when no operand or -) and writes one normalised record per\n"
	      "Exchange ActiveSync request to stdout: TSV with a header line, or JSON Lines.\n"
	      "It also reads its own output (TSV or JSON Lines), e.g. to filter it again.\n\n"
	      "  --format tsv|json   output format (default tsv)\n"
	      "  --all               also write requests that are not ActiveSync (tier -)\n"
	      "  --compat            keep only lines Export-ActiveSyncLog would count\n"
	      "  --start, --end TIME keep requests with START <= time < END (YYYY-MM-DD[ HH:MM[:SS]]);\n"
	      "                      with --compat END is included, as the cmdlet does\n"
	      "  --local             read --start/--end as local time (TZ), not UTC\n"
	      "  --server NAME       server identity when s-computername is not logged\n"
	      "  --user, --device, --device-type, --cmd VALUE   keep matching requests (repeatable)\n"
	      "  --match FIELD=REGEX keep requests whose FIELD matches the PCRE2 REGEX\n"
	      "  --stats             print the line accounting to stderr\n"
	      "  -v, --verbose       name every skipped line (file:line: reason)\n"
	      "  --strict            exit 1 when any line was skipped\n"
	      "  -h, --help          this help;  -V, --version  the version\n\n"
	      "Exit status: 0 success, 1 a file could not be read in full (or --strict and a\n"
	      "line was skipped), 2 bad usage. See easlog-parse(1) and easlog(7).\n",
	      stdout);
}

struct sink {
	struct outbuf out;
	bool json;
};

static bool write_record(void *arg, const struct eas_record *r)
{
	struct sink *s = arg;
	if (s->json)
		record_write_json(&s->out, r);
	else
		record_write_tsv(&s->out, r);
	return s->out.err == 0;
}

static int run(struct common *c, struct sink *s, int argc, char **argv)
{
	static const struct option longopts[] = {
		COMMON_LONGOPTS,
		{"format", required_argument, NULL, OPT_FORMAT},
		{"all", no_argument, NULL, OPT_ALL},
		{"compat", no_argument, NULL, OPT_COMPAT},
		{NULL, 0, NULL, 0},
	};
	int opt, status;
	while ((opt = getopt_long(argc, argv, COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			help();
			return 0;
		case 'V':
			common_version("easlog-parse");
			return 0;
		case OPT_FORMAT:
			if (strcmp(optarg, "json") == 0)
				s->json = true;
			else if (strcmp(optarg, "tsv") != 0) {
				fprintf(stderr, "easlog-parse: --format wants tsv or json, got '%s'\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_ALL:
			c->d.all = true;
			break;
		case 'j':
			fprintf(stderr, "easlog-parse: -j does not apply: records are written in input order\n");
			return EXIT_USAGE;
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
	if (common_finish(c, argc, argv, &status) < 0)
		return status;
	if (outbuf_init(&s->out, STDOUT_FILENO) < 0) {
		fprintf(stderr, "easlog-parse: out of memory\n");
		return 1;
	}
	if (!s->json)
		record_tsv_header(&s->out);
	c->d.sink = write_record;
	c->d.sink_arg = s;
	struct driver_result res;
	if (driver_run(&c->d, &c->files, &res) < 0) {
		outbuf_close(&s->out);
		return 1;
	}
	status = common_status(c, &res);
	outbuf_close(&s->out);
	status = common_close_stdout(c->prog, status, s->out.err);
	common_stats(c, &res);
	driver_result_free(&c->d, &res);
	return status;
}

int main(int argc, char **argv)
{
	struct common c;
	struct sink s = {0};
	common_init(&c, "easlog-parse");
	int status = run(&c, &s, argc, argv);
	common_free(&c);
	return status;
}
