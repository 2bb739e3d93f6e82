/* html_escape and the page made of hostile reports: user agents, user
 * names, device ids and server names come from the logs, so every field of
 * every report, the column names and the run's own strings are fed
 * "<script>", quotes, '&', "]]>", "</svg>", an <img onerror>, control
 * characters and invalid UTF-8; the page must show them as text: one
 * script (the page's own), every <svg> closed where it opened, no '<' or
 * '&' that the data brought in unescaped.
 *
 *   html_escape          the checks (tests/run.sh runs it)
 *   html_escape FILE     writes the hostile page to FILE (for the
 *                        well-formedness and browser scripts) */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../formats/html.h"
#include "../../formats/outbuf.h"
#include "../../formats/table.h"
#include "test.h"

#define NASTY "<script>alert('x')</script> & \"q\" ]]> </svg><img src=x onerror=alert(1)> '-->"

/* The values fed to every text field, in turn. */
static const char *const nasty[] = {
	NASTY,
	"</svg></figure></div><script>alert(2)</script>",
	"a&amp;b &lt; &#60; &#x3C; ]]><![CDATA[ x ]]>",
	"ctl\x01\x02\x1b[31m\x7f tab\there\rcr",
	"bad utf8 \xff\xfe \xc3\x28 \xed\xa0\x80 \xef\xbf\xbe end",
	"=HYPERLINK(\"http://evil\")",
	"CONTOSO\\<b>bob</b>@\"evil\".com",
	"Apple-<i>Phone</i>/1.0\" onmouseover=\"alert(3)",
};
#define NNASTY (sizeof nasty / sizeof *nasty)

/* Escapes s into a temporary file and reads it back. */
static char *esc(const char *s, size_t n)
{
	char path[] = "/tmp/html_escape.XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	unlink(path);
	struct outbuf o;
	if (outbuf_init(&o, fd) < 0)
		return NULL;
	html_escape(&o, slice_make(s, n));
	outbuf_close(&o);
	off_t len = lseek(fd, 0, SEEK_END);
	char *b = malloc((size_t)len + 1);
	if (b && pread(fd, b, (size_t)len, 0) != len) {
		free(b);
		b = NULL;
	}
	if (b)
		b[len] = '\0';
	close(fd);
	return b;
}

static void check_esc(const char *in, size_t n, const char *want, const char *name)
{
	char *got = esc(in, n);
	bool ok = got && strcmp(got, want) == 0;
	CHECK(ok, "%s", name);
	if (!ok) {
		printf("# got: ");
		for (const char *p = got ? got : ""; *p; p++)
			printf(*p >= 0x20 && *p < 0x7f ? "%c" : "\\x%02x", *p >= 0x20 && *p < 0x7f ? *p : (unsigned char)*p);
		putchar('\n');
	}
	free(got);
}

static void test_escape(void)
{
	check_esc("plain text", 10, "plain text", "plain text unchanged");
	check_esc("<&>\"'", 5, "&lt;&amp;&gt;&quot;&#39;", "the five specials");
	check_esc("]]></svg>", 9, "]]&gt;&lt;/svg&gt;", "]]> and </svg>");
	check_esc("a\x01" "b\x7f" "c\td\ne\rf", 11, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\td\ne\xEF\xBF\xBD" "f",
		  "controls but tab and newline become U+FFFD");
	check_esc("x\xffy", 3, "x\xEF\xBF\xBDy", "an invalid byte becomes U+FFFD");
	check_esc("\xc3\x28", 2, "\xEF\xBF\xBD(", "a cut sequence: U+FFFD, then the next byte");
	check_esc("\xed\xa0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", "a surrogate is invalid");
	check_esc("\xc2\x85", 2, "\xEF\xBF\xBD", "C1 control (NEL) becomes U+FFFD");
	check_esc("\xef\xbf\xbe\xef\xbf\xbf", 6, "\xEF\xBF\xBD\xEF\xBF\xBD", "U+FFFE and U+FFFF (not XML characters)");
	check_esc("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xb1", 14, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xb1",
		  "valid UTF-8 kept");
	check_esc("a\0b", 3, "a\xEF\xBF\xBD" "b", "NUL becomes U+FFFD");
	check_esc("", 0, "", "empty");
}

/* A capture with the given header, every text cell value v, numbers as
 * the reports have them. */
static void fill(struct captable *t, const char *const *cols, int ncols, const char *const *kinds, size_t rows,
		 size_t shift)
{
	captable_init(t);
	captable_begin(t, cols, ncols);
	for (size_t r = 0; r < rows; r++) {
		for (int c = 0; c < ncols; c++) {
			const char *k = kinds[c];
			if (k[0] == 's') {
				const char *v = nasty[(r + (size_t)c + shift) % NNASTY];
				captable_add(t, slice_make(v, strlen(v)), CAP_STR);
			} else {
				/* k: "n" a count, "d" a date, "h" an hour, or a fixed text */
				char b[32];
				if (k[0] == 'n')
					snprintf(b, sizeof b, "%zu", (r * 7 + (size_t)c) % 50 + 1);
				else if (k[0] == 'd')
					snprintf(b, sizeof b, "2024-03-%02zu", r / 24 % 28 + 1);
				else if (k[0] == 'h')
					snprintf(b, sizeof b, "%zu", r % 24);
				else
					snprintf(b, sizeof b, "%s", k + 1);
				captable_add(t, slice_make(b, strlen(b)), k[0] == 'n' || k[0] == 'h' ? CAP_NUM : CAP_STR);
			}
		}
		captable_end_row(t);
	}
}

/* The hostile reports: the real headers, text cells hostile, and hostile
 * column names added to each. */
static void hostile(struct captable cap[HTML_NREPORTS], struct captable *sh)
{
	static const char *const ucols[] = {"User Name", "Device ID", "Device Type", "Hits", "Errors",
					    "Currently Compliant with Policy", "Servers", "User Agent", NASTY};
	static const char *const uk[] = {"s", "s", "s", "n", "n", "s", "s", "s", "s"};
	fill(&cap[HTML_USERS], ucols, 9, uk, 40, 0);
	static const char *const scols[] = {"Server", "Days", "Hits", "Errors", "Error Share", NASTY};
	static const char *const sk[] = {"s", "n", "n", "n", "n", "s"};
	fill(&cap[HTML_SERVERS], scols, 6, sk, NNASTY, 1);
	static const char *const hcols[] = {"Date", "Hour", "Unique Devices", "Sync Related Requests", "Hits", "Errors",
					    NASTY};
	static const char *const hk[] = {"d", "h", "n", "n", "n", "n", "s"};
	fill(&cap[HTML_HOURLY], hcols, 7, hk, 24 * 9, 2);
	static const char *const ccols[] = {"Kind", "Status", "SubStatus", "Win32 Status", "EAS Error", "Hits", "Ratio",
					    NASTY};
	static const char *const ck[] = {"=http", "s", "s", "s", "s", "n", "=0.5", "s"};
	static const char *const ck2[] = {"=eas", "s", "s", "s", "s", "n", "=0.5", "s"};
	struct captable a, b;
	fill(&a, ccols, 8, ck, NNASTY, 3);
	fill(&b, ccols, 8, ck2, NNASTY, 4);
	/* one table: the http rows, then the eas rows */
	captable_init(&cap[HTML_STATUSCODES]);
	captable_begin(&cap[HTML_STATUSCODES], ccols, 8);
	for (int t = 0; t < 2; t++) {
		struct captable *x = t ? &b : &a;
		for (size_t r = 0; r < x->nrows; r++) {
			for (int c = 0; c < 8; c++)
				captable_add(&cap[HTML_STATUSCODES], captable_cell(x, r, c), captable_kind(x, r, c));
			captable_end_row(&cap[HTML_STATUSCODES]);
		}
	}
	captable_free(&a);
	captable_free(&b);
	static const char *const pcols[] = {"Compliance Type", "Total", "Ratio", NASTY};
	static const char *const pk[] = {"s", "n", "=0.1", "s"};
	fill(&cap[HTML_COMPLIANCE], pcols, 4, pk, NNASTY, 5);
	static const char *const acols[] = {"User Agent", "Hits", "Unique Devices", "First Seen", NASTY};
	static const char *const ak[] = {"s", "n", "n", "s", "s"};
	fill(&cap[HTML_USERAGENTS], acols, 5, ak, 3 * NNASTY, 6);
	static const char *const shcols[] = {"Server", "Date", "Hour", "Hits", "Unique Devices", NASTY};
	static const char *const shk[] = {"s", "d", "h", "n", "n", "s"};
	/* every server name hostile: rows cycle through them */
	fill(sh, shcols, 6, shk, 24 * 9, 0);
}

static int write_page(const char *path, size_t max_rows)
{
	struct captable cap[HTML_NREPORTS], sh;
	hostile(cap, &sh);
	struct html_input in = {
		.title = NASTY,
		.generator = nasty[1],
		.hours_zone = nasty[2],
		.prefix = nasty[6],
		.first_ts = 1709510400,
		.last_ts = 1709510400 + 9 * 86400 - 1,
		.servers = NNASTY,
		.files = 3,
		.lines = 1000,
		.records = 900,
		.users = 7,
		.devices = 8,
		.user_devices = 9,
		.server_hourly = &sh,
		.max_rows = max_rows,
	};
	for (int i = 0; i < HTML_NREPORTS; i++)
		in.report[i] = &cap[i];
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int rc = fd < 0 ? -1 : html_write(fd, &in);
	if (fd >= 0 && close(fd) < 0)
		rc = -1;
	for (int i = 0; i < HTML_NREPORTS; i++)
		captable_free(&cap[i]);
	captable_free(&sh);
	return rc;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* Every '<' opens a tag, comment or doctype the page writes itself: a name
 * character or '/' or '!' follows; every '&' starts one of the five
 * references or a numeric one. */
static bool markup_clean(const char *s, char *why, size_t wl)
{
	for (const char *p = s; *p; p++) {
		if (*p == '<' && !((p[1] >= 'a' && p[1] <= 'z') || p[1] == '/' || p[1] == '!')) {
			snprintf(why, wl, "stray '<' at %zu: %.30s", (size_t)(p - s), p);
			return false;
		}
		if (*p == '&' && strncmp(p, "&amp;", 5) && strncmp(p, "&lt;", 4) && strncmp(p, "&gt;", 4) &&
		    strncmp(p, "&quot;", 6) && strncmp(p, "&#39;", 5)) {
			snprintf(why, wl, "stray '&' at %zu: %.30s", (size_t)(p - s), p);
			return false;
		}
	}
	return true;
}

static void test_page(void)
{
	char path[] = "/tmp/html_escape_page.XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0) {
		CHECK(false, "temporary file");
		return;
	}
	close(fd);
	CHECK(write_page(path, 25) == 0, "the hostile page is written");
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	size_t n = 0;
	if (f) {
		fseek(f, 0, SEEK_END);
		n = (size_t)ftell(f);
		fseek(f, 0, SEEK_SET);
		s = malloc(n + 1);
		if (s && fread(s, 1, n, f) != n) {
			free(s);
			s = NULL;
		}
		fclose(f);
	}
	unlink(path);
	CHECK(s != NULL && n > 10000, "read back (%zu bytes)", n);
	if (!s)
		return;
	s[n] = '\0';
	/* the page's own script, at the end, and nothing else */
	CHECK(count(s, "<script") == 1 && count(s, "</script>") == 1, "exactly one <script> (%zu)", count(s, "<script"));
	const char *sc = strstr(s, "<script>");
	CHECK(sc && strcmp(strstr(sc, "</script>"), "</script>\n</body>\n</html>\n") == 0,
	      "the one script is the page's own, last in the body");
	CHECK(count(s, "<svg") == count(s, "</svg>"), "every <svg> closes once (%zu, %zu)", count(s, "<svg"),
	      count(s, "</svg>"));
	CHECK(count(s, "<figure") == count(s, "</figure>"), "every <figure> closes once");
	CHECK(count(s, "<img") == 0 && count(s, "onerror=alert(1)>") == 0, "no <img> comes through");
	CHECK(count(s, "]]>") == 0, "no ]]> (CDATA end) anywhere");
	CHECK(count(s, "<b>") == 0 && count(s, "<i>") == 0, "no tags from user names or agents");
	CHECK(count(s, "\" onmouseover=") == 0, "no attribute injection");
	CHECK(count(s, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") > 10, "the script text shows, escaped (%zu)",
	      count(s, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
	CHECK(count(s, "&amp;amp;") > 0, "an entity in the data shows as typed");
	CHECK(count(s, "\x01") == 0 && count(s, "\x1b") == 0 && count(s, "\x7f") == 0 && count(s, "\r") == 0,
	      "no control characters");
	CHECK(count(s, "\xff") == 0 && count(s, "\xed\xa0") == 0 && count(s, "\xef\xbf\xbe") == 0,
	      "no invalid UTF-8");
	char why[128] = "";
	CHECK(markup_clean(s, why, sizeof why), "every '<' and '&' is the page's own markup %s", why);
	/* the script and style hold no '<' or '&' (the page parses as XML too) */
	const char *st = strstr(s, "<style>"), *se = strstr(s, "</style>");
	bool clean = st && se;
	for (const char *p = st ? st + 7 : NULL; p && p < se; p++)
		clean = clean && *p != '<' && *p != '&';
	for (const char *p = sc ? sc + 8 : NULL; p && *p && strncmp(p, "</script>", 9); p++)
		clean = clean && *p != '<' && *p != '&';
	CHECK(clean, "style and script have no '<' or '&'");
	CHECK(strstr(s, "The 25 rows with the most hits (most first) of 40") != NULL, "a capped table says so");
	free(s);
}

/* Edge cases: no reports at all, empty reports, a single hour. */
static void test_edges(void)
{
	char path[] = "/tmp/html_escape_edge.XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return;
	struct html_input none = {.first_ts = 1, .last_ts = 0};
	CHECK(html_write(fd, &none) == 0, "no reports, no records");
	struct captable cap[HTML_NREPORTS];
	static const char *const hcols[] = {"Date", "Hour", "Unique Devices", "Sync Related Requests", "Hits", "Errors"};
	static const char *const ucols[] = {"User Name", "Device ID", "Device Type", "Hits"};
	struct html_input one = {.first_ts = 1709510400, .last_ts = 1709510400};
	for (int i = 0; i < HTML_NREPORTS; i++) {
		captable_init(&cap[i]);
		one.report[i] = &cap[i];
	}
	captable_begin(&cap[HTML_USERS], ucols, 4); /* a header, no rows */
	captable_begin(&cap[HTML_HOURLY], hcols, 6);
	const char *row[] = {"2024-03-04", "0", "1", "1", "1", "0"};
	for (int c = 0; c < 6; c++)
		captable_add(&cap[HTML_HOURLY], slice_make(row[c], strlen(row[c])), c ? CAP_NUM : CAP_STR);
	captable_end_row(&cap[HTML_HOURLY]);
	CHECK(html_write(fd, &one) == 0, "one hour, empty reports");
	CHECK(html_write(-1, &one) < 0 && errno == EBADF, "a write error is reported (%s)", strerror(errno));
	for (int i = 0; i < HTML_NREPORTS; i++)
		captable_free(&cap[i]);
	close(fd);
	unlink(path);
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)n + 1);
	if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
		free(b);
		b = NULL;
	}
	if (b)
		b[n] = '\0';
	fclose(f);
	return b;
}

/* Per-server series in the form of easlog-hits --report series --group
 * server --interval 1h (Start, Server, Hits, Unique Devices, ...). */
static void test_series_form(void)
{
	static const char *const cols[] = {"Start", "Server", "Hits", "Unique Devices", "Errors"};
	static const char *const rows[][5] = {
		{"2024-03-04T09:00:00+01:00", "B", "4", "2", "0"}, {"2024-03-04T09:00:00+01:00", "A", "1", "1", "0"},
		{"2024-03-04T10:00:00+01:00", "A", "2", "2", "1"}, {"2024-03-04T10:00:00+01:00", "B", "0", "0", "0"},
		{"2024-03-04T11:00:00+01:00", "A", "3", "3", "0"}, {"2024-03-04T11:00:00+01:00", "B", "5", "4", "0"},
		{"not a time", "A", "100", "100", "0"},
	};
	struct captable sh;
	captable_init(&sh);
	captable_begin(&sh, cols, 5);
	for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
		for (int c = 0; c < 5; c++)
			captable_add(&sh, slice_make(rows[r][c], strlen(rows[r][c])), c < 2 ? CAP_STR : CAP_NUM);
		captable_end_row(&sh);
	}
	struct html_input in = {.first_ts = 1709539200, .last_ts = 1709550000, .hours_zone = "Europe/Berlin",
				.server_hourly = &sh};
	char path[] = "/tmp/html_escape_series.XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0 && html_write(fd, &in) == 0, "a page from the series form");
	if (fd >= 0)
		close(fd);
	char *s = read_all(path);
	unlink(path);
	CHECK(s && strstr(s, "<title>A: 6 in all</title></polyline>") && strstr(s, "<title>B: 9 in all</title></polyline>"),
	      "one line per server, the hours of Start (a row without a time left out)");
	CHECK(s && strstr(s, "<title>B: at most 4 in an hour</title></polyline>"), "unique devices per server");
	CHECK(s && strstr(s, ">09:00</text>") && strstr(s, ">11:00</text>"), "the wall-clock hours of Start on the axis");
	free(s);
	captable_free(&sh);
}

/* The capture through the table writer: kinds per cell, short rows padded. */
static void test_capture(void)
{
	struct captable c;
	captable_init(&c);
	static const char *const cols[] = {"A", "B", "C", "D"};
	struct table t = {.fmt = TF_CAPTURE, .cap = &c};
	table_begin(&t, NULL, TF_CAPTURE, cols, 4);
	table_cstr(&t, "x,\"y\"");
	table_u64(&t, 18446744073709551615ull);
	table_i64(&t, -42);
	table_num(&t, "0.5000");
	table_end_row(&t);
	table_str(&t, SLICE_NULL);
	table_null(&t);
	table_end_row(&t);
	CHECK(c.nrows == 2 && c.ncols == 4 && captable_status(&c) == 0, "two rows of four");
	CHECK_STR(captable_cell(&c, 0, 0).p, "x,\"y\"", "text kept as is");
	CHECK_STR(captable_cell(&c, 0, 1).p, "18446744073709551615", "u64");
	CHECK_STR(captable_cell(&c, 0, 2).p, "-42", "i64");
	CHECK(captable_kind(&c, 0, 0) == CAP_STR && captable_kind(&c, 0, 1) == CAP_NUM &&
		      captable_kind(&c, 0, 3) == CAP_NUM && captable_kind(&c, 1, 1) == CAP_NULL &&
		      captable_kind(&c, 1, 3) == CAP_NULL,
	      "kinds");
	CHECK(captable_cell(&c, 1, 0).n == 0 && captable_cell(&c, 1, 3).n == 0, "a null slice and padding are empty");
	CHECK(captable_col(&c, "C") == 2 && captable_col(&c, "E") == -1, "columns by name");
	CHECK(captable_u64(&c, 0, 1) == UINT64_MAX && captable_double(&c, 0, 3) == 0.5, "numbers");
	CHECK(captable_cell(&c, 5, 0).n == 0 && captable_kind(&c, 0, 9) == CAP_NULL, "out of range is empty");
	captable_free(&c);
}

int main(int argc, char **argv)
{
	if (argc == 2)
		return write_page(argv[1], 0) == 0 ? 0 : 1;
	test_escape();
	test_capture();
	test_page();
	test_edges();
	test_series_form();
	return test_done();
}
