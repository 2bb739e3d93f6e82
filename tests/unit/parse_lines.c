/* The line reader (formats/lines.h over formats/input.h): a plain file, a
 * gzip file (also multi-member and cut short), stdin, CRLF, a UTF-8 BOM, a last
 * line without newline, lines longer than the reader's first buffer. The
 * files are written under /tmp and removed. */
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include "../../formats/input.h"
#include "../../formats/lines.h"
#include "test.h"

static char path[64];

static void put_file(const char *data, size_t n)
{
	strcpy(path, "/tmp/easlog-parse-lines.XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, data, n) != (ssize_t)n) {
		perror("mkstemp/write");
		exit(1);
	}
	close(fd);
}

/* Appends one gzip member holding data to path (the file is created first when new). */
static void put_gzip_member(const char *data, size_t n, bool append)
{
	if (!append) {
		strcpy(path, "/tmp/easlog-parse-lines.XXXXXX");
		int fd = mkstemp(path);
		if (fd < 0) {
			perror("mkstemp");
			exit(1);
		}
		close(fd);
	}
	gzFile g = gzopen(path, append ? "ab" : "wb");
	if (!g || (n && gzwrite(g, data, (unsigned)n) != (int)n) || gzclose(g) != Z_OK) {
		fprintf(stderr, "gzip write failed\n");
		exit(1);
	}
}

struct got {
	int n;
	char *line[8];
	size_t len[8];
	uint64_t lineno[8];
	bool damaged;
	size_t cut;
	char err[300];
};

static struct line_reader lr; /* reused across files, as the driver does */

static void read_all(const char *p, struct got *g)
{
	memset(g, 0, sizeof *g);
	char err[256];
	struct input *in = input_open(p, err, sizeof err);
	if (!in) {
		snprintf(g->err, sizeof g->err, "open: %s", err);
		g->n = -1;
		return;
	}
	if (lines_init(&lr, in) < 0) {
		g->n = -1;
		input_close(in);
		return;
	}
	char *line;
	size_t len;
	int rc;
	while ((rc = lines_next(&lr, &line, &len)) > 0) {
		if (g->n < 8) {
			g->line[g->n] = malloc(len + 1);
			memcpy(g->line[g->n], line, len);
			g->line[g->n][len] = '\0';
			g->len[g->n] = len;
			g->lineno[g->n] = lr.lineno;
		}
		g->n++;
	}
	if (rc < 0)
		g->n = -1;
	g->damaged = lr.damaged;
	g->cut = lines_cut_tail(&lr);
	snprintf(g->err, sizeof g->err, "%s", input_error(in));
	input_close(in);
}

static void got_free(struct got *g)
{
	for (int i = 0; i < 8; i++)
		free(g->line[i]);
}

static bool line_is(const struct got *g, int i, const char *want, size_t n)
{
	return i < g->n && i < 8 && g->len[i] == n && memcmp(g->line[i], want, n) == 0 && g->lineno[i] == (uint64_t)i + 1;
}
#define LINE_IS(g, i, lit) line_is(g, i, lit, sizeof(lit) - 1)

/* The same bytes as a plain file and as a gzip file must read the same. */
static void both(const char *name, const char *data, size_t n, void (*check)(const char *, const struct got *))
{
	struct got g;
	put_file(data, n);
	read_all(path, &g);
	char what[128];
	snprintf(what, sizeof what, "%s, plain", name);
	check(what, &g);
	got_free(&g);
	unlink(path);
	put_gzip_member(data, n, false);
	read_all(path, &g);
	snprintf(what, sizeof what, "%s, gzip", name);
	check(what, &g);
	got_free(&g);
	unlink(path);
}

static void check_lf(const char *what, const struct got *g)
{
	CHECK(g->n == 4 && LINE_IS(g, 0, "a") && LINE_IS(g, 1, "bb") && LINE_IS(g, 2, "") && LINE_IS(g, 3, "ccc") &&
		      !g->damaged,
	      "%s: LF lines, an empty one, the last without newline (%d lines)", what, g->n);
}

static void check_crlf(const char *what, const struct got *g)
{
	CHECK(g->n == 5 && LINE_IS(g, 0, "a") && LINE_IS(g, 1, "b") && LINE_IS(g, 2, "") && LINE_IS(g, 3, "c\rd") &&
		      LINE_IS(g, 4, "e"),
	      "%s: CRLF stripped, a lone CR kept, a last line 'e\\r' without LF (%d lines)", what, g->n);
}

static void check_bom(const char *what, const struct got *g)
{
	CHECK(g->n == 2 && LINE_IS(g, 0, "#Fields: date") && LINE_IS(g, 1, "\xEF\xBB\xBFx"),
	      "%s: the BOM at the start is dropped, one later is data (%d lines)", what, g->n);
}

static void check_bom_crlf(const char *what, const struct got *g)
{
	CHECK(g->n == 2 && LINE_IS(g, 0, "#Software: IIS") && LINE_IS(g, 1, "x"), "%s: BOM and CRLF (%d lines)", what,
	      g->n);
}

static void check_bom_only(const char *what, const struct got *g)
{
	CHECK(g->n == 0 && !g->damaged, "%s: a file of just a BOM has no lines (%d)", what, g->n);
}

static void check_bom_nl(const char *what, const struct got *g)
{
	CHECK(g->n == 1 && LINE_IS(g, 0, ""), "%s: BOM + newline is one empty line (%d)", what, g->n);
}

static void check_one(const char *what, const struct got *g)
{
	CHECK(g->n == 1 && LINE_IS(g, 0, "x"), "%s: a 1-byte file (%d lines)", what, g->n);
}

static void check_two(const char *what, const struct got *g)
{
	CHECK(g->n == 1 && LINE_IS(g, 0, "xy"), "%s: a 2-byte file (%d lines)", what, g->n);
}

static void check_empty(const char *what, const struct got *g)
{
	CHECK(g->n == 0 && !g->damaged, "%s: an empty file has no lines (%d)", what, g->n);
}

#define LONG (9u << 20) /* longer than the reader's 4 MB first buffer, and its 1 MB input blocks */

static void check_long(const char *what, const struct got *g)
{
	bool ok = g->n == 3 && LINE_IS(g, 0, "short") && g->len[1] == LONG && g->lineno[1] == 2 && LINE_IS(g, 2, "after");
	if (ok)
		for (size_t i = 0; i < LONG; i++)
			if (g->line[1][i] != (char)('a' + i % 26)) {
				ok = false;
				break;
			}
	CHECK(ok, "%s: a %u-byte line comes back whole, between its neighbours (%d lines, len %zu)", what, LONG, g->n,
	      g->n > 1 ? g->len[1] : 0);
}

static void test_stdin(void)
{
	int p[2];
	static const char data[] = "\xEF\xBB\xBF#Fields: date\r\nx\r\ny";
	if (pipe(p) < 0 || write(p[1], data, sizeof data - 1) != (ssize_t)(sizeof data - 1)) {
		perror("pipe");
		exit(1);
	}
	close(p[1]);
	int saved = dup(0);
	dup2(p[0], 0);
	close(p[0]);
	struct got g;
	read_all("-", &g);
	dup2(saved, 0);
	close(saved);
	CHECK(g.n == 3 && LINE_IS(&g, 0, "#Fields: date") && LINE_IS(&g, 1, "x") && LINE_IS(&g, 2, "y"),
	      "stdin (a pipe): BOM, CRLF, no final newline (%d lines)", g.n);
	got_free(&g);
}

static void test_multi_member(void)
{
	struct got g;
	put_gzip_member("a\nb", 3, false); /* the first member ends inside a line */
	put_gzip_member("c\n", 2, true);
	put_gzip_member("", 0, true);
	put_gzip_member("d\r\n", 3, true);
	read_all(path, &g);
	CHECK(g.n == 3 && LINE_IS(&g, 0, "a") && LINE_IS(&g, 1, "bc") && LINE_IS(&g, 2, "d") && !g.damaged,
	      "multi-member gzip (one member empty) reads as the concatenation (%d lines)", g.n);
	got_free(&g);
	unlink(path);
	put_gzip_member("a\r", 2, false); /* CR in one member, LF in the next */
	put_gzip_member("\nb\n", 3, true);
	read_all(path, &g);
	CHECK(g.n == 2 && LINE_IS(&g, 0, "a") && LINE_IS(&g, 1, "b") && !g.damaged,
	      "multi-member gzip: a CRLF split across members (%d lines)", g.n);
	got_free(&g);
	unlink(path);
}

static void test_truncated(void)
{
	/* 20000 numbered lines, compressed, cut in half */
	size_t cap = 20000 * 16, n = 0;
	char *data = malloc(cap);
	for (int i = 0; i < 20000; i++)
		n += (size_t)snprintf(data + n, cap - n, "line %07d\n", i * 7919 % 10000000);
	put_gzip_member(data, n, false);
	FILE *f = fopen(path, "rb");
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fclose(f);
	if (truncate(path, size / 2) < 0) {
		perror("truncate");
		exit(1);
	}
	struct got g;
	read_all(path, &g);
	bool prefix = g.n > 8 && LINE_IS(&g, 0, "line 0000000") && LINE_IS(&g, 1, "line 0007919");
	CHECK(prefix && g.n < 20000 && g.damaged, "a gzip file cut in half: the lines before the cut, then damaged (%d lines)",
	      g.n);
	CHECK(strstr(g.err, "truncated") != NULL && strstr(g.err, "byte") != NULL,
	      "the error says truncated and where ('%s')", g.err);
	CHECK(g.cut < 13, "a cut line (if any) is reported, not returned: less than one line (%zu bytes)", g.cut);
	got_free(&g);
	unlink(path);
	free(data);
}

int main(void)
{
	static const char lf[] = "a\nbb\n\nccc";
	static const char crlf[] = "a\r\nb\r\n\r\nc\rd\r\ne\r";
	static const char bom[] = "\xEF\xBB\xBF#Fields: date\n\xEF\xBB\xBFx\n";
	static const char bom_crlf[] = "\xEF\xBB\xBF#Software: IIS\r\nx\r\n";
	both("LF", lf, sizeof lf - 1, check_lf);
	both("CRLF", crlf, sizeof crlf - 1, check_crlf);
	both("BOM", bom, sizeof bom - 1, check_bom);
	both("BOM+CRLF", bom_crlf, sizeof bom_crlf - 1, check_bom_crlf);
	both("BOM only", "\xEF\xBB\xBF", 3, check_bom_only);
	both("BOM+LF", "\xEF\xBB\xBF\n", 4, check_bom_nl);
	both("1 byte", "x", 1, check_one);
	both("2 bytes", "xy", 2, check_two);
	both("empty", "", 0, check_empty);

	size_t n = 6 + LONG + 7;
	char *big = malloc(n);
	memcpy(big, "short\n", 6);
	for (size_t i = 0; i < LONG; i++)
		big[6 + i] = (char)('a' + i % 26);
	memcpy(big + 6 + LONG, "\nafter\n", 7);
	both("long line", big, n, check_long);
	free(big);

	test_stdin();
	test_multi_member();
	test_truncated();

	/* a second file through the same reader starts over */
	struct got g;
	put_file("z\n", 2);
	read_all(path, &g);
	CHECK(g.n == 1 && LINE_IS(&g, 0, "z") && !g.damaged, "the reader is reused: line numbers start again at 1");
	got_free(&g);
	unlink(path);

	char err[256];
	CHECK(input_open("/tmp/easlog-parse-lines-nonexistent/x", err, sizeof err) == NULL && strstr(err, "No such") != NULL,
	      "a missing file: NULL and the reason ('%s')", err);
	lines_free(&lr);
	return test_done();
}
