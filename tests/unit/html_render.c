/* html_render: the HTML page the way easlog-report --html makes it (see
 * /tmp/easlog-bugs/html-integration.md): one run of the six analyzers, each
 * report emitted into a capture (TF_CAPTURE), the run facts, html_write.
 * With --per-server it also builds the per-server hourly series the
 * charts can draw (one more run of the Hourly analyzer per server, selected
 * with a server match), which easlog-report may give too.
 *
 *   html_render [-o FILE] [--per-server] [--title T] [--max-rows N]
 *               [--compat] [--tier T] [--tz ZONE] [--by weekday]
 *               [easlog common options] [file | dir] ...
 *
 * Without arguments it is a unit test (run by tests/run.sh): it renders
 * testdata/sample with per-server series and checks the page against the
 * reports: the captures equal the CSV files cell for cell, the per-server
 * totals equal Servers.csv, every chart and table is there. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <errno.h>
#include <fcntl.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../cmd/common.h"
#include "../../formats/html.h"
#include "../../formats/record_io.h"
#include "test.h"

static const struct analyzer_ops *const six[] = {&users_ops, &servers_ops, &hourly_ops,
						 &statuscodes_ops, &compliance_ops, &useragents_ops};

enum { OPT_OUT = OPT_TOOL_BASE, OPT_PER_SERVER, OPT_TITLE, OPT_MAX_ROWS };

/* Distinct user names among the user x device keys (as easlog-report's
 * summary counts them). */
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

/* Emits analyzer i of res into cap. Returns 0 or -1 (out of memory). */
static int capture(const struct driver_opts *d, const struct driver_result *res, int i,
		   const struct analyzer_ops *ops, struct captable *cap)
{
	struct emit_ctx ec = driver_emit_ctx(d, res);
	struct table tab = {.fmt = TF_CAPTURE, .cap = cap};
	if (ops->emit(res->an[i], &tab, &ec) < 0)
		return -1;
	return captable_status(cap);
}

/* The hourly series of every server of res, in one table with a Server
 * column first: one more run of the Hourly analyzer per server, its records
 * selected by server name, the tiers counted as in the main run. */
static int per_server(const struct common *c, const struct driver_result *res, struct captable *out)
{
	static const struct analyzer_ops *const hourly_only[] = {&hourly_ops};
	const struct intern *srv = &res->k[KEY_SERVER];
	int field = record_field_lookup("server");
	struct match_filter *m = calloc((size_t)c->nmatches + 1, sizeof *m);
	if (!m)
		return -1;
	if (c->nmatches)
		memcpy(m, c->matches, (size_t)c->nmatches * sizeof *m);
	struct driver_opts d = c->d;
	d.ops = hourly_only;
	d.nops = 1;
	d.matches = m;
	d.nmatches = c->nmatches + 1;
	d.verbose = false;
	if (!d.ro.compat)
		d.ro.tiers = res->count_tier[0] && res->count_tier[1] ? TIERS_ALL
			     : res->count_tier[0]                     ? TIERS_FE
								      : TIERS_BE;
	static const char *const cols[] = {"Server", "Date", "Hour", "Unique Devices", "Sync Related Requests",
					   "Hits", "Errors"};
	int rc = captable_begin(out, cols, 7);
	for (uint32_t s = 0; rc == 0 && s < srv->count; s++) {
		struct slice name = intern_str(srv, s);
		/* ^name$ with every ASCII punctuation escaped */
		char *pat = malloc(name.n * 2 + 3);
		if (!pat) {
			rc = -1;
			break;
		}
		size_t k = 0;
		pat[k++] = '^';
		for (size_t i = 0; i < name.n; i++) {
			unsigned char ch = (unsigned char)name.p[i];
			if (ch < 0x80 && !((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
				pat[k++] = '\\';
			pat[k++] = (char)ch;
		}
		pat[k++] = '$';
		int err;
		PCRE2_SIZE off;
		pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, k, 0, &err, &off, NULL);
		free(pat);
		if (!re) {
			rc = -1;
			break;
		}
		m[c->nmatches] = (struct match_filter){field, re};
		struct driver_result r;
		struct captable h;
		captable_init(&h);
		if (driver_run(&d, &c->files, &r) < 0) {
			pcre2_code_free(re);
			rc = -1;
			break;
		}
		if (capture(&d, &r, 0, &hourly_ops, &h) < 0)
			rc = -1;
		for (size_t row = 0; rc == 0 && row < h.nrows; row++) {
			captable_add(out, name, CAP_STR);
			for (int col = 1; col < 7; col++) {
				int hc = captable_col(&h, cols[col]);
				captable_add(out, captable_cell(&h, row, hc), captable_kind(&h, row, hc));
			}
			captable_end_row(out);
		}
		captable_free(&h);
		driver_result_free(&d, &r);
		pcre2_code_free(re);
		if (rc == 0)
			rc = captable_status(out);
	}
	free(m);
	return rc;
}

struct render {
	const char *out, *title;
	bool per_server;
	size_t max_rows;
	const char *tz;
};

/* The run, the captures, the page. Returns the exit status. */
static int render(struct common *c, const struct render *o, struct captable cap[6], struct captable *sh)
{
	c->d.ops = six;
	c->d.nops = 6;
	struct driver_result res;
	if (common_run(c, &res) < 0)
		return 1;
	int status = common_status(c, &res);
	if (res.st.files == 0) {
		/* as easlog-report: no file processed, nothing written */
		fprintf(stderr, "%s: no input could be read; no page written\n", c->prog);
		driver_result_free(&c->d, &res);
		return 1;
	}
	for (int i = 0; i < 6; i++)
		if (capture(&c->d, &res, i, six[i], &cap[i]) < 0) {
			fprintf(stderr, "%s: out of memory\n", c->prog);
			status = 2;
		}
	if (o->per_server && status != 2 && per_server(c, &res, sh) < 0) {
		fprintf(stderr, "%s: the per-server series failed\n", c->prog);
		status = 2;
	}
	const struct stats *s = &res.st;
	struct html_input in = {
		.title = o->title,
		.generator = "easlog-report " EASLOG_VERSION,
		.first_ts = s->first_ts,
		.last_ts = s->last_ts,
		.hours_zone = o->tz,
		.servers = res.k[KEY_SERVER].count,
		.files = s->files,
		.files_failed = s->files_failed,
		.lines = s->lines,
		.records = s->records,
		.non_eas = s->non_eas,
		.filtered = s->filtered[0] + s->filtered[1] + s->filtered[2] + s->filtered[3],
		.skipped = stats_skipped(s),
		.users = c->d.ro.compat ? UINT64_MAX : count_users(&res.k[KEY_USER]),
		.devices = res.k[KEY_DEV].count,
		.user_devices = res.k[KEY_USER].count,
		.server_hourly = o->per_server ? sh : NULL,
		.max_rows = o->max_rows,
	};
	for (int i = 0; i < 6; i++)
		in.report[i] = &cap[i];
	if (status != 2) {
		int fd = strcmp(o->out, "-") == 0 ? STDOUT_FILENO : open(o->out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0 || html_write(fd, &in) < 0) {
			fprintf(stderr, "%s: cannot write %s: %s\n", c->prog, o->out, strerror(errno));
			status = 1;
		}
		if (fd > STDOUT_FILENO && close(fd) < 0)
			status = 1;
	}
	driver_result_free(&c->d, &res);
	return status ? 1 : 0;
}

/* ------------------------------------------------------------------ */
/* Self-test                                                           */

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, len = 0;
	char *b = malloc(cap + 1);
	size_t r;
	while (b && (r = fread(b + len, 1, cap - len, f)) > 0) {
		len += r;
		if (len == cap) {
			char *nb = realloc(b, cap * 2 + 1);
			if (!nb) {
				free(b);
				b = NULL;
				break;
			}
			b = nb;
			cap *= 2;
		}
	}
	fclose(f);
	if (b)
		b[len] = '\0';
	*n = len;
	return b;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* Reads one RFC 4180 cell at *p (line ends with \n); undoes the CSV
 * writer's formula neutralising ("'" after the opening quote). */
static size_t csv_cell(const char **p, char *out, size_t cap, bool *end)
{
	const char *s = *p;
	size_t n = 0;
	if (*s == '"') {
		s++;
		bool first = true;
		for (;;) {
			if (*s == '"' && s[1] == '"') {
				if (n < cap)
					out[n++] = '"';
				s += 2;
			} else if (*s == '"' || *s == '\0') {
				if (*s)
					s++;
				break;
			} else {
				if (!(first && *s == '\'' && s[1] && strchr("=+-@\t\r", s[1])))
					if (n < cap)
						out[n++] = *s;
				s++;
			}
			first = false;
		}
	} else {
		while (*s && *s != ',' && *s != '\n') {
			if (n < cap)
				out[n++] = *s;
			s++;
		}
	}
	*end = *s != ',';
	if (*s)
		s++;
	*p = s;
	return n;
}

/* The capture holds the CSV's header and rows, cell for cell (the CSV's
 * total row, written only in CSV, aside). */
static bool same_as_csv(const struct captable *cap, const char *csv, char *why, size_t whylen)
{
	const char *p = csv;
	char cell[4096];
	for (size_t row = 0;; row++) {
		if (*p == '\0') {
			if (row - 1 != cap->nrows)
				snprintf(why, whylen, "%zu CSV rows, %zu captured", row - 1, cap->nrows);
			return row - 1 == cap->nrows;
		}
		if (row > 0 && strncmp(p, "*** Total ***,", 14) == 0) {
			p = strchr(p, '\n');
			p = p ? p + 1 : "";
			row--;
			continue;
		}
		bool end = false;
		for (int col = 0; !end; col++) {
			size_t n = csv_cell(&p, cell, sizeof cell, &end);
			struct slice want = slice_make(cell, n);
			struct slice got = row == 0 ? (col < cap->ncols ? slice_make(cap->cols[col], strlen(cap->cols[col]))
								: SLICE_NULL)
						    : captable_cell(cap, row - 1, col);
			if (col >= cap->ncols || got.n != want.n || memcmp(got.p, want.p, n) != 0) {
				snprintf(why, whylen, "row %zu column %d: CSV '%.*s', captured '%.*s'", row, col, (int)n,
					 cell, (int)got.n, got.p ? got.p : "");
				return false;
			}
			if (end && col + 1 != cap->ncols) {
				snprintf(why, whylen, "row %zu has %d cells, want %d", row, col + 1, cap->ncols);
				return false;
			}
		}
	}
}

static int self_test(void)
{
	const char *T = getenv("T");
	char sample[4096];
	snprintf(sample, sizeof sample, "%s/sample", T && *T ? T : "testdata");
	const char *tmpdir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char page[4096];
	snprintf(page, sizeof page, "%s/html_render.XXXXXX", tmpdir);
	int fd = mkstemp(page);
	CHECK(fd >= 0, "temporary file");
	if (fd < 0)
		return test_done();
	close(fd);

	struct common c;
	common_init(&c, "html_render");
	char *argv[] = {"html_render", sample, NULL};
	optind = 1;
	int st;
	CHECK(common_finish(&c, 2, argv, &st) == 0, "inputs %s", sample);
	struct captable cap[6], sh;
	for (int i = 0; i < 6; i++)
		captable_init(&cap[i]);
	captable_init(&sh);
	struct render o = {.out = page, .per_server = true};
	CHECK(render(&c, &o, cap, &sh) == 0, "render %s", sample);

	/* the captures say what the CSV files say: as easlog-report does it,
	 * the CSV first, then the capture, from one result; and a second CSV
	 * after the capture is the same (emitting changes nothing) */
	c.d.ops = six;
	c.d.nops = 6;
	struct driver_result res;
	CHECK(common_run(&c, &res) == 0, "a run of the six analyzers");
	struct emit_ctx ec = driver_emit_ctx(&c.d, &res);
	for (int i = 0; i < 6; i++) {
		char *csv[2] = {NULL, NULL};
		struct captable again;
		captable_init(&again);
		for (int k = 0; k < 2; k++) {
			char csvp[4200];
			snprintf(csvp, sizeof csvp, "%s.csv", page);
			int cfd = open(csvp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
			struct outbuf ob;
			if (cfd >= 0 && outbuf_init(&ob, cfd) == 0) {
				struct table tab = {.o = &ob, .fmt = TF_CSV};
				six[i]->emit(res.an[i], &tab, &ec);
				outbuf_close(&ob);
			}
			if (cfd >= 0)
				close(cfd);
			size_t n;
			csv[k] = slurp(csvp, &n);
			unlink(csvp);
			if (k == 0)
				capture(&c.d, &res, i, six[i], &again);
		}
		char why[512] = "";
		CHECK(csv[0] && same_as_csv(&again, csv[0], why, sizeof why), "%s: capture equals the CSV %s", six[i]->file,
		      why);
		CHECK(csv[0] && csv[1] && strcmp(csv[0], csv[1]) == 0, "%s: the CSV after a capture is the same",
		      six[i]->file);
		CHECK(csv[0] && same_as_csv(&cap[i], csv[0], why, sizeof why), "%s: the page's capture equals it too %s",
		      six[i]->file, why);
		free(csv[0]);
		free(csv[1]);
		captable_free(&again);
	}
	driver_result_free(&c.d, &res);

	size_t n;
	char *html = slurp(page, &n);
	CHECK(html != NULL && n > 20000, "page written (%zu bytes)", n);
	if (html) {
		static const char *const ids[] = {"chart-hits", "chart-devices", "chart-heatmap", "chart-servers",
						  "chart-policy", "chart-http", "chart-eas", "chart-top-devices",
						  "chart-top-users", "chart-agent-families", "chart-agents",
						  "table-users", "table-servers", "table-hourly", "table-statuscodes",
						  "table-compliance", "table-useragents"};
		for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
			char needle[64];
			snprintf(needle, sizeof needle, "id=\"%s\"", ids[i]);
			CHECK(count(html, needle) == 1, "%s is on the page once", ids[i]);
		}
		CHECK(count(html, "<script") == 1 && count(html, "</script>") == 1, "one script, the page's own");
		/* 11 charts, and 2 more (users and devices by errors) when Users has an Errors column */
		size_t want = 11 + (captable_col(&cap[0], "Errors") >= 0 ? 2 : 0);
		CHECK(count(html, "<svg") == count(html, "</svg>") && count(html, "<svg") == want, "%zu SVG charts (%zu)",
		      want, count(html, "<svg"));
		CHECK(count(html, "http://") == count(html, "xmlns=\"http://"),
		      "no link out of the page (http:// only in xmlns)");
		CHECK(!strstr(html, "https://") && !strstr(html, "src=") && !strstr(html, "@import") &&
			      !strstr(html, "url(http"),
		      "nothing loaded from elsewhere");
		/* per-server series: each server's total is its Hits in Servers.csv */
		int csrv = captable_col(&cap[1], "Server"), chit = captable_col(&cap[1], "Hits");
		for (size_t r = 0; r < cap[1].nrows; r++) {
			char t[128];
			struct slice s = captable_cell(&cap[1], r, csrv);
			snprintf(t, sizeof t, "<title>%.*s: %s in all</title></polyline>", (int)s.n, s.p,
				 captable_cell(&cap[1], r, chit).p);
			CHECK(strstr(html, t) != NULL, "hits line of %.*s totals %s as in Servers.csv", (int)s.n, s.p,
			      captable_cell(&cap[1], r, chit).p);
		}
		CHECK(strstr(html, "<dt>Servers</dt><dd>3</dd>") != NULL, "3 servers in the facts");
		CHECK(strstr(html, "<dt>Hits</dt><dd>482</dd>") != NULL, "482 hits in the facts");
		CHECK(strstr(html, "2024-03-04 00:03:45 " "\xE2\x80\x93" " 2024-03-05 23:46:35 UTC") != NULL,
		      "the time span under the title");
		CHECK(sh.nrows >= 3 * 46, "per-server series captured (%zu rows)", sh.nrows);
	}
	free(html);
	unlink(page);
	for (int i = 0; i < 6; i++)
		captable_free(&cap[i]);
	captable_free(&sh);
	common_free(&c);
	return test_done();
}

int main(int argc, char **argv)
{
	if (argc == 1)
		return self_test();
	static const struct option longopts[] = {
		COMMON_LONGOPTS,
		{"output", required_argument, NULL, 'o'},
		{"per-server", no_argument, NULL, OPT_PER_SERVER},
		{"title", required_argument, NULL, OPT_TITLE},
		{"max-rows", required_argument, NULL, OPT_MAX_ROWS},
		{"compat", no_argument, NULL, OPT_COMPAT},
		{"tier", required_argument, NULL, OPT_TIER},
		{"tz", required_argument, NULL, OPT_TZ},
		{"by", required_argument, NULL, OPT_BY},
		{NULL, 0, NULL, 0},
	};
	struct common c;
	common_init(&c, "html_render");
	struct render o = {.out = "-"};
	int opt, status;
	while ((opt = getopt_long(argc, argv, COMMON_SHORTOPTS "o:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o':
			o.out = optarg;
			break;
		case OPT_PER_SERVER:
			o.per_server = true;
			break;
		case OPT_TITLE:
			o.title = optarg;
			break;
		case OPT_MAX_ROWS:
			o.max_rows = (size_t)strtoul(optarg, NULL, 10);
			break;
		case OPT_BY:
			c.d.ro.by_weekday = true;
			break;
		case OPT_TZ:
			o.tz = optarg;
			/* fall through */
		default: {
			int r = common_option(&c, opt, optarg);
			if (r == 1)
				break;
			if (r == 0)
				fprintf(stderr, "usage: html_render [-o FILE] [--per-server] [--title T] [--max-rows N] "
						"[options] inputs\n");
			common_free(&c);
			return EXIT_USAGE;
		}
		}
	}
	if (common_finish(&c, argc, argv, &status) < 0) {
		common_free(&c);
		return status;
	}
	struct captable cap[6], sh;
	for (int i = 0; i < 6; i++)
		captable_init(&cap[i]);
	captable_init(&sh);
	status = render(&c, &o, cap, &sh);
	for (int i = 0; i < 6; i++)
		captable_free(&cap[i]);
	captable_free(&sh);
	common_free(&c);
	return status;
}
