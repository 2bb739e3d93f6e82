/* fuzz_w3c: the input and line reader (formats/input.h, formats/lines.h) over
 * an in-memory file, plain or gzip, mapped or read through a pipe, starting
 * from a tiny buffer so every refill and growth path runs; then the W3C line
 * parser (formats/w3c.h) on each line, under one of a few #Fields layouts or
 * the file's own, and the record decoder on the data lines, as the driver
 * does.
 *
 * Input: byte 0 options, byte 1 more options, the rest is the file.
 *   byte 0 bits 0-2  layout (0-4 a #Fields line given first, 5-7 none)
 *          bit  3    0: a memfd opened by path (mapped when plain), 1: a pipe on stdin
 *          bits 4-5  the line reader's first buffer: 1, 3, 64 or 4096 bytes
 *          bit  6    compat decoding
 *          bit  7    hold_partial (an unterminated last line is left unread)
 *   byte 1 bit  0    gzip inflated by the reader thread (input_threads)
 *
 * Oracles: the lines are exactly those of a plain reference split (for gzip,
 * of a reference zlib inflate with the reader's multi-member rules); each
 * line's tokens and field slices agree with w3c_split; every slice lies
 * inside its line; decoding never outgrows its scratch. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include "../../formats/input.h"
#include "../../formats/lines.h"
#include "../../formats/record.h"
#include "../../formats/w3c.h"
#include "fuzz.h"

static const char *const layouts[5] = {
	/* Exchange 2010 */
	"#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
	"cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken",
	/* Exchange 2016, every column easlog knows and one it does not */
	"#Fields: date time s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query "
	"s-port cs-username c-ip cs-version cs(User-Agent) cs(Cookie) cs(Referer) cs-host "
	"sc-status sc-substatus sc-win32-status sc-bytes cs-bytes time-taken",
	/* no date column: the date comes from #Date */
	"#Fields: time c-ip cs-method cs-uri-stem cs-uri-query sc-status",
	/* odd case, tabs, a repeated column */
	"#\tFIELDS :\tDate Time cs-uri-stem cs-uri-query cs-uri-query\tcs-username",
	/* one column */
	"#Fields: cs-uri-query",
};

static const char date_directive[] = "#Date: 2024-03-04 00:00:00";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* The reference decoder of a gzip stream by the reader's rules: members one
 * after another, each must start with 0x1f; anything else after a member,
 * or damage, ends the data (damaged). Returns the decoded bytes. */
static unsigned char *ref_gunzip(const uint8_t *d, size_t n, size_t *outn, int *damaged)
{
	size_t cap = 4096, len = 0;
	unsigned char *out = malloc(cap);
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	*damaged = 0;
	if (inflateInit2(&zs, 15 + 16) != Z_OK)
		abort();
	zs.next_in = (unsigned char *)d;
	zs.avail_in = (uInt)n;
	for (;;) {
		if (zs.avail_in == 0) {
			*damaged = 1; /* inside a member: truncated */
			break;
		}
		if (cap - len < 65536) {
			cap *= 2;
			out = realloc(out, cap);
		}
		zs.next_out = out + len;
		zs.avail_out = (uInt)(cap - len);
		int rc = inflate(&zs, Z_NO_FLUSH);
		len = cap - zs.avail_out;
		if (rc == Z_STREAM_END) {
			if (zs.avail_in == 0)
				break; /* clean end */
			if (zs.next_in[0] != 0x1f) {
				*damaged = 1; /* garbage after a member */
				break;
			}
			inflateReset(&zs);
			continue;
		}
		if (rc == Z_OK || rc == Z_BUF_ERROR) {
			if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
				*damaged = 1;
				break;
			}
			continue;
		}
		*damaged = 1;
		break;
	}
	inflateEnd(&zs);
	*outn = len;
	return out;
}

/* The file as a path: a memfd, reopened through /proc (mapped when plain). */
static int memfd_path(const uint8_t *d, size_t n, char *path, size_t cap)
{
	int fd = memfd_create("fuzz-w3c", MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t off = 0;
	while (off < n) {
		ssize_t w = write(fd, d + off, n - off);
		if (w <= 0) {
			close(fd);
			return -1;
		}
		off += (size_t)w;
	}
	snprintf(path, cap, "/proc/self/fd/%d", fd);
	return fd;
}

/* The file on stdin through a pipe (read in blocks, not mapped). */
static int pipe_stdin(const uint8_t *d, size_t n)
{
	int p[2];
	if (pipe(p) < 0)
		return -1;
	if ((size_t)fcntl(p[1], F_GETPIPE_SZ) < n + 1)
		fcntl(p[1], F_SETPIPE_SZ, (int)(n + 4096));
	if ((size_t)fcntl(p[1], F_GETPIPE_SZ) < n) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	size_t off = 0;
	while (off < n) {
		ssize_t w = write(p[1], d + off, n - off);
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	close(p[1]);
	if (p[0] == 0) /* stdin was closed by the last run: the pipe took its place */
		return 0;
	if (dup2(p[0], 0) < 0) {
		close(p[0]);
		return -1;
	}
	close(p[0]);
	return 0;
}

struct expect {
	const unsigned char *d;
	size_t n, pos;
	int damaged;
	bool hold;
};

/* The next line of the reference split; 0 at the end. */
static int ref_next(struct expect *e, const char **line, size_t *len)
{
	if (e->pos >= e->n)
		return 0;
	const unsigned char *s = e->d + e->pos;
	const unsigned char *nl = memchr(s, '\n', e->n - e->pos);
	size_t l;
	if (nl) {
		l = (size_t)(nl - s);
		e->pos += l + 1;
	} else {
		if (e->damaged || e->hold)
			return 0;
		l = e->n - e->pos;
		e->pos = e->n;
	}
	if (l > 0 && s[l - 1] == '\r')
		l--;
	*line = (const char *)s;
	*len = l;
	return 1;
}

static struct record_decoder dec[2];

static void check_line(struct w3c_reader *r, const char *line, size_t len, bool compat, uint64_t lineno)
{
	struct slice f[W3C_NFIELDS];
	int before = r->ncols;
	enum w3c_kind k = w3c_parse_line(r, line, len, f);
	FUZZ_CHECK(r->ncols >= 0 && r->ncols <= W3C_MAX_COLS, "ncols %d", r->ncols);
	FUZZ_CHECK(strlen(r->date_directive) <= 10, "date directive");
	if (len > 0 && line[0] == '#') {
		FUZZ_CHECK(k == W3C_DIRECTIVE, "line %llu: '#' line is kind %d", (unsigned long long)lineno, k);
		return;
	}
	FUZZ_CHECK(r->ncols == before, "a data line changed #Fields");
	static struct slice tok[W3C_MAX_COLS + 1];
	int n = w3c_split(line, len, tok, W3C_MAX_COLS + 1);
	if (n == 0) {
		FUZZ_CHECK(k == W3C_BLANK, "line %llu: no tokens but kind %d", (unsigned long long)lineno, k);
		return;
	}
	if (r->ncols == 0) {
		FUZZ_CHECK(k == W3C_NO_FIELDS, "line %llu: kind %d before #Fields", (unsigned long long)lineno, k);
		return;
	}
	FUZZ_CHECK(r->ntok == n, "line %llu: %d tokens, w3c_split says %d", (unsigned long long)lineno, r->ntok, n);
	FUZZ_CHECK(k == (n == r->ncols ? W3C_DATA : W3C_FIELD_COUNT), "line %llu: kind %d for %d tokens of %d",
		   (unsigned long long)lineno, k, n, r->ncols);
	/* the fields: the token of the last column mapped to each, "-" null */
	struct slice want[W3C_NFIELDS];
	for (int i = 0; i < W3C_NFIELDS; i++)
		want[i] = SLICE_NULL;
	for (int i = 0; i < n && i < r->ncols; i++) {
		int id = r->colmap[i];
		FUZZ_CHECK(id >= -1 && id < W3C_NFIELDS, "colmap %d", id);
		if (id >= 0)
			want[id] = tok[i].n == 1 && tok[i].p[0] == '-' ? SLICE_NULL : tok[i];
	}
	for (int i = 0; i < W3C_NFIELDS; i++) {
		FUZZ_CHECK(f[i].p == want[i].p && f[i].n == want[i].n, "line %llu: field %s differs",
			   (unsigned long long)lineno, w3c_field_name((enum w3c_field)i));
		FUZZ_CHECK(fuzz_inside(f[i], line, len), "field outside the line");
		FUZZ_CHECK(!f[i].p || (f[i].n > 0 && !memchr(f[i].p, ' ', f[i].n)), "field with a space");
	}
	if (k != W3C_DATA)
		return;
	/* the driver's path for a data line */
	struct eas_record rec;
	memset(&rec, 0, sizeof rec);
	memcpy(rec.w, f, sizeof f);
	rec.file = "fuzz";
	rec.line = lineno;
	rec.tier = stem_tier(rec.w[W3C_CS_URI_STEM]);
	rec.date = rec.w[W3C_DATE];
	if (slice_is_null(rec.date) && r->date_directive[0])
		rec.date = slice_make(r->date_directive, strlen(r->date_directive));
	struct record_decoder *d = &dec[compat];
	d->all = lineno & 1;
	rec.ts_ok = record_time(d, &rec);
	if (!rec.ts_ok)
		return;
	rec.server = SLICE_LIT("fuzz");
	FUZZ_CHECK(record_decode(d, &rec) == 0, "out of memory");
	FUZZ_CHECK(d->used <= d->cap, "scratch %zu of %zu", d->used, d->cap);
	fuzz_touch(rec.user);
	fuzz_touch(rec.devid);
	fuzz_touch(rec.devtype);
	fuzz_touch(rec.agent);
	fuzz_touch(rec.eas_error);
	fuzz_touch(rec.devos);
	fuzz_touch(rec.access);
	FUZZ_CHECK(rec.cmd_id >= CMD_NONE && rec.cmd_id < CMD_N, "cmd id %d", rec.cmd_id);
	int pa = record_pa(&rec);
	FUZZ_CHECK(pa >= -1 && pa <= 1000, "Pa %d", pa);
	if (compat && rec.compat_counted)
		FUZZ_CHECK(rec.tier == TIER_FE, "compat counted a line of tier %d", rec.tier);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	unsigned opt = data[0], opt2 = data[1];
	data += 2;
	size -= 2;
	if (size > (1u << 20))
		return 0;
	static bool inited;
	if (!inited) {
		record_decoder_init(&dec[0], false);
		record_decoder_init(&dec[1], true);
		inited = true;
	}
	input_threads = opt2 & 1;
	bool use_pipe = opt & 8;
	static const size_t caps[4] = {1, 3, 64, 4096};

	char path[64] = "-";
	int fd = -1;
	if (use_pipe) {
		if (pipe_stdin(data, size) < 0)
			return 0;
	} else if ((fd = memfd_path(data, size, path, sizeof path)) < 0) {
		return 0;
	}
	char err[300];
	struct input *in = input_open(path, err, sizeof err);
	FUZZ_CHECK(in != NULL, "input_open: %s", err);

	/* the reference */
	struct expect e = {data, size, 0, 0, (opt & 128) != 0};
	unsigned char *ref = NULL;
	bool gz = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
	FUZZ_CHECK(input_is_gzip(in) == gz, "gzip detection");
	if (gz) {
		size_t rn;
		int damaged;
		ref = ref_gunzip(data, size, &rn, &damaged);
		e.d = ref;
		e.n = rn;
		e.damaged = damaged;
	}
	if (e.n >= 3 && e.d[0] == 0xEF && e.d[1] == 0xBB && e.d[2] == 0xBF)
		e.pos = 3;

	struct line_reader lr;
	memset(&lr, 0, sizeof lr);
	lr.cap = caps[(opt >> 4) & 3];
	lr.buf = malloc(lr.cap);
	FUZZ_CHECK(lines_init(&lr, in) == 0, "lines_init");
	lr.hold_partial = (opt & 128) != 0;

	struct w3c_reader r;
	memset(&r, 0, sizeof r);
	w3c_reset(&r);
	unsigned layout = opt & 7;
	struct slice scratch[W3C_NFIELDS];
	if (layout < 5) {
		w3c_parse_line(&r, layouts[layout], strlen(layouts[layout]), scratch);
		FUZZ_CHECK(r.ncols > 0, "layout %u: no columns", layout);
		w3c_parse_line(&r, date_directive, sizeof date_directive - 1, scratch);
		FUZZ_CHECK(strcmp(r.date_directive, "2024-03-04") == 0, "#Date: '%s'", r.date_directive);
	}
	bool compat = (opt & 64) != 0;

	char *line;
	size_t len;
	int rc;
	uint64_t n = 0;
	while ((rc = lines_next(&lr, &line, &len)) > 0) {
		n++;
		FUZZ_CHECK(lr.lineno == n, "line number %llu, want %llu", (unsigned long long)lr.lineno,
			   (unsigned long long)n);
		FUZZ_CHECK(!memchr(line, '\n', len), "line %llu holds a newline", (unsigned long long)n);
		const char *want;
		size_t wl;
		FUZZ_CHECK(ref_next(&e, &want, &wl) == 1, "line %llu: the reference has no more lines",
			   (unsigned long long)n);
		FUZZ_CHECK(len == wl && memcmp(line, want, len) == 0,
			   "line %llu: %zu bytes, the reference %zu", (unsigned long long)n, len, wl);
		check_line(&r, line, len, compat, n);
	}
	FUZZ_CHECK(rc == 0, "lines_next: out of memory");
	const char *want;
	size_t wl;
	FUZZ_CHECK(ref_next(&e, &want, &wl) == 0, "the reader stopped after %llu lines, the reference goes on",
		   (unsigned long long)n);
	FUZZ_CHECK(lr.damaged == (e.damaged != 0), "damaged %d, the reference %d", lr.damaged, e.damaged);
	if (lr.damaged)
		FUZZ_CHECK(input_error(in)[0] != '\0', "damage without a message");
	else
		FUZZ_CHECK(lines_cut_tail(&lr) == 0, "a cut tail without damage");
	lines_free(&lr);
	input_close(in);
	if (fd >= 0)
		close(fd);
	if (use_pipe)
		close(0);
	free(ref);
	return 0;
}
