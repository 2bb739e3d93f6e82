/* driver: the one pass over the input. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "driver.h"

#include <limits.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "../formats/lines.h"
#include "../formats/record_io.h"
#include "../formats/timeutil.h"
#include "../formats/utf8.h"

static const char *const skip_names[SKIP_N] = {"no-fields", "field-count", "bad-timestamp",
					       "cut-by-damage", "bad-record"};
static const char *const filt_names[FILT_N] = {"time-window", "selection", "compat-stem",
					       "compat-query"};

const char *skip_reason_name(enum skip_reason r)
{
	return skip_names[r];
}

const char *filter_reason_name(enum filter_reason r)
{
	return filt_names[r];
}

void stats_add(struct stats *d, const struct stats *s)
{
	d->files += s->files;
	d->files_failed += s->files_failed;
	d->bytes += s->bytes;
	d->lines += s->lines;
	d->directives += s->directives;
	d->blank += s->blank;
	d->non_eas += s->non_eas;
	d->records += s->records;
	d->tier_records[0] += s->tier_records[0];
	d->tier_records[1] += s->tier_records[1];
	for (int i = 0; i < SKIP_N; i++)
		d->skipped[i] += s->skipped[i];
	for (int i = 0; i < FILT_N; i++)
		d->filtered[i] += s->filtered[i];
	d->bad_base64 += s->bad_base64;
	if (s->first_ts > s->last_ts)
		return; /* src has no records */
	if (d->first_ts > d->last_ts) {
		d->first_ts = s->first_ts;
		d->last_ts = s->last_ts;
		return;
	}
	if (s->first_ts < d->first_ts)
		d->first_ts = s->first_ts;
	if (s->last_ts > d->last_ts)
		d->last_ts = s->last_ts;
}

uint64_t stats_skipped(const struct stats *s)
{
	uint64_t n = 0;
	for (int i = 0; i < SKIP_N; i++)
		n += s->skipped[i];
	return n;
}

static uint64_t filtered_total(const struct stats *s)
{
	uint64_t n = 0;
	for (int i = 0; i < FILT_N; i++)
		n += s->filtered[i];
	return n;
}

void stats_print(FILE *f, const char *prog, const struct stats *s)
{
	fprintf(f, "%s: files %llu read, %llu failed; %llu bytes\n", prog, (unsigned long long)s->files,
		(unsigned long long)s->files_failed, (unsigned long long)s->bytes);
	fprintf(f, "%s: lines %llu = records %llu + non-EAS %llu + directives %llu + blank %llu"
		   " + filtered %llu + skipped %llu\n",
		prog, (unsigned long long)s->lines, (unsigned long long)s->records,
		(unsigned long long)s->non_eas, (unsigned long long)s->directives,
		(unsigned long long)s->blank, (unsigned long long)filtered_total(s),
		(unsigned long long)stats_skipped(s));
	fprintf(f, "%s: records by tier: front-end %llu, back-end %llu; undecodable base64 queries %llu\n",
		prog, (unsigned long long)s->tier_records[0], (unsigned long long)s->tier_records[1],
		(unsigned long long)s->bad_base64);
	fprintf(f, "%s: filtered:", prog);
	for (int i = 0; i < FILT_N; i++)
		fprintf(f, " %s %llu", filt_names[i], (unsigned long long)s->filtered[i]);
	fprintf(f, "\n%s: skipped:", prog);
	for (int i = 0; i < SKIP_N; i++)
		fprintf(f, " %s %llu", skip_names[i], (unsigned long long)s->skipped[i]);
	fputc('\n', f);
}

/* One worker: everything a thread needs to read files on its own. */
struct worker {
	const struct driver_opts *o;
	struct line_reader lr;
	struct w3c_reader w3c;
	struct record_decoder dec;
	struct record_reader rr;
	struct eas_record rec;
	struct stats st;
	struct intern k[KEY_N];
	void **an;
	pcre2_match_data **md;
	char *kbuf;         /* key composition */
	size_t kcap;
	struct dev_memo {
		int64_t user, agent;
		uint32_t raw_user_n;  /* the user text that gave user (if short) */
		char raw_user[52];
	} *dmemo;           /* per device id: its last user key and agent */
	size_t ndmemo;
	int64_t server_memo;
	char server_path[256]; /* identity derived from the current file's path */
	bool failed, oom;
	bool stop;          /* the sink wants no more records */
	const struct walk_list *files;
	atomic_size_t *next;
};

static void wmsg(struct worker *w, const char *file, uint64_t line, const char *fmt, const char *arg)
{
	flockfile(stderr); /* one message per line, whatever the other workers print */
	if (line)
		fprintf(stderr, "%s: %s:%llu: ", w->o->prog, file, (unsigned long long)line);
	else
		fprintf(stderr, "%s: %s: ", w->o->prog, file);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	funlockfile(stderr);
}

static void skip(struct worker *w, enum skip_reason why, const char *detail)
{
	w->st.skipped[why]++;
	if (w->o->verbose)
		wmsg(w, w->rec.file, w->lr.lineno, "skipped (%s)", detail ? detail : skip_names[why]);
}

/* Identity from the path: the directory above W3SVCn, else the parent. */
static void path_server(struct worker *w, const char *path)
{
	w->server_path[0] = '\0';
	if (strcmp(path, "-") == 0) {
		snprintf(w->server_path, sizeof w->server_path, "stdin");
		return;
	}
	char buf[PATH_MAX];
	const char *p = realpath(path, buf) ? buf : path;
	const char *end = strrchr(p, '/');
	if (!end || end == p) {
		return;
	}
	const char *s = end;
	while (s > p && s[-1] != '/')
		s--;
	size_t n = (size_t)(end - s);
	if (n > 5 && (s[0] | 32) == 'w' && (s[1] | 32) == '3' && (s[2] | 32) == 's' && (s[3] | 32) == 'v' &&
	    (s[4] | 32) == 'c' && s[5] >= '0' && s[5] <= '9' && s > p + 1) {
		end = s - 1;
		s = end;
		while (s > p && s[-1] != '/')
			s--;
		n = (size_t)(end - s);
	}
	if (n >= sizeof w->server_path)
		n = sizeof w->server_path - 1;
	memcpy(w->server_path, s, n);
	w->server_path[n] = '\0';
}

static bool ci_in(struct slice v, const char **list, int n)
{
	for (int i = 0; i < n; i++)
		if (slice_eq_ci(v, list[i]))
			return true;
	return false;
}

/* --user matches the whole name, or the part after DOMAIN\ or before @. */
static bool user_match(struct slice u, const char **list, int n)
{
	if (ci_in(u, list, n))
		return true;
	const char *bs = mem_rchr(u.p, '\\', u.n);
	if (bs && ci_in(slice_make(bs + 1, u.n - (size_t)(bs + 1 - u.p)), list, n))
		return true;
	const char *at = u.n ? memchr(u.p, '@', u.n) : NULL;
	return at && ci_in(slice_make(u.p, (size_t)(at - u.p)), list, n);
}

static bool selected(struct worker *w, const struct eas_record *r)
{
	const struct driver_opts *o = w->o;
	if (o->nusers && !user_match(r->user, o->users, o->nusers))
		return false;
	if (o->ndevices && !ci_in(r->devid, o->devices, o->ndevices))
		return false;
	if (o->ndevtypes && !ci_in(r->devtype, o->devtypes, o->ndevtypes))
		return false;
	if (o->ncmds && !ci_in(r->cmd, o->cmds, o->ncmds))
		return false;
	for (int i = 0; i < o->nmatches; i++) {
		struct slice v = record_field(r, o->matches[i].field);
		int rc = pcre2_match(o->matches[i].re, (PCRE2_SPTR)v.p, v.n, 0, 0, w->md[i], NULL);
		if (rc < 0)
			return false;
	}
	return true;
}

static char *kspace(struct worker *w, size_t need)
{
	if (w->kcap < need) {
		size_t nc = w->kcap ? w->kcap : 1024;
		while (nc < need)
			nc *= 2;
		char *nb = realloc(w->kbuf, nc);
		if (!nb) {
			w->oom = true;
			return NULL;
		}
		w->kbuf = nb;
		w->kcap = nc;
	}
	return w->kbuf;
}

static int64_t key(struct worker *w, enum key_kind k, struct slice s)
{
	int64_t id = intern_get(&w->k[k], s, NULL);
	if (id < 0)
		w->oom = true;
	return id;
}

/* Lower-cased "a SEP b" in the key buffer. */
static struct slice lower_pair(struct worker *w, struct slice a, char sep, struct slice b)
{
	char *k = kspace(w, a.n + b.n + 1);
	if (!k)
		return SLICE_NULL;
	utf8_lower(a, k);
	k[a.n] = sep;
	utf8_lower(b, k + a.n + 1);
	return slice_make(k, a.n + b.n + 1);
}

/* The account part of a user name: DOMAIN\user, user@domain and user are
 * one account (the device id in the key keeps namesakes apart). */
static struct slice account_name(struct slice u)
{
	const char *bs = u.n ? mem_rchr(u.p, '\\', u.n) : NULL;
	if (bs)
		return slice_make(bs + 1, u.n - (size_t)(bs + 1 - u.p));
	const char *at = u.n ? memchr(u.p, '@', u.n) : NULL;
	return at ? slice_make(u.p, (size_t)(at - u.p)) : u;
}

/* Interning with a one-entry memo (consecutive records of a file mostly
 * repeat a key: the server, above all). */
static int64_t key_memo(struct worker *w, enum key_kind k, struct slice s, int64_t *memo)
{
	if (*memo >= 0) {
		struct slice m = intern_str(&w->k[k], (uint32_t)*memo);
		if (m.n == s.n && memcmp(m.p, s.p, s.n) == 0)
			return *memo;
	}
	return *memo = key(w, k, s);
}

/* The per-device memo of the user key and agent last seen with a device. */
static struct dev_memo *dev_memo(struct worker *w, int64_t dev)
{
	if (dev < 0)
		return NULL;
	if ((size_t)dev >= w->ndmemo) {
		size_t n = w->ndmemo ? w->ndmemo : 1024;
		while (n <= (size_t)dev)
			n *= 2;
		struct dev_memo *m = realloc(w->dmemo, n * sizeof *m);
		if (!m) {
			w->oom = true;
			return NULL;
		}
		for (size_t i = w->ndmemo; i < n; i++)
			m[i] = (struct dev_memo){-1, -1, 0, ""};
		w->dmemo = m;
		w->ndmemo = n;
	}
	return &w->dmemo[dev];
}

static int64_t user_key(struct worker *w, struct slice u, char sep, struct slice dev, struct dev_memo *m)
{
	/* the device part of the key is the device's own id: only the user
	 * text needs comparing with what this device came with last time */
	if (m && m->user >= 0 && m->raw_user_n == u.n && (u.n == 0 || memcmp(m->raw_user, u.p, u.n) == 0))
		return m->user;
	struct slice k = lower_pair(w, u, sep, dev);
	int64_t id = k.p ? key(w, KEY_USER, k) : -1;
	if (m) {
		bool fits = u.n <= sizeof m->raw_user;
		m->user = fits ? id : -1;
		m->raw_user_n = fits ? (uint32_t)u.n : 0;
		if (fits && u.n)
			memcpy(m->raw_user, u.p, u.n);
	}
	return id;
}

static int64_t agent_key(struct worker *w, struct slice a, struct dev_memo *m)
{
	int64_t memo = m ? m->agent : -1;
	int64_t id = key_memo(w, KEY_AGENT, a, &memo);
	if (m)
		m->agent = id;
	return id;
}

static void make_keys(struct worker *w, const struct eas_record *r, struct keys *ks)
{
	for (int i = 0; i < KEY_N; i++)
		ks->id[i] = -1;
	ks->day = floor_div(r->ts, 86400);
	ks->tix = r->tier == TIER_BE ? 1 : 0;
	bool has_query = !slice_is_null(r->w[W3C_CS_URI_QUERY]);
	if (w->o->ro.compat) {
		const struct compat_result *c = &r->compat;
		if (has_query)
			ks->id[KEY_DEV] = key(w, KEY_DEV, c->devid);
		struct dev_memo *m = dev_memo(w, ks->id[KEY_DEV]);
		struct slice u = slice_is_null(r->w[W3C_CS_USERNAME]) ? SLICE_LIT("") : r->w[W3C_CS_USERNAME];
		if (u.n || c->devid.n)
			ks->id[KEY_USER] = user_key(w, u, '_', c->devid, m);
		if (!slice_is_null(r->w[W3C_CS_USER_AGENT]))
			ks->id[KEY_AGENT] = agent_key(w, r->w[W3C_CS_USER_AGENT], m);
		struct slice sc = r->w[W3C_S_COMPUTERNAME], host = r->w[W3C_CS_HOST], ip = r->w[W3C_S_IP];
		size_t n = sc.n + host.n + ip.n + 2;
		if (n > 2) {
			char *k = kspace(w, n);
			if (k) {
				utf8_lower(sc, k);
				k[sc.n] = '_';
				utf8_lower(host, k + sc.n + 1);
				k[sc.n + 1 + host.n] = '_';
				utf8_lower(ip, k + sc.n + host.n + 2);
				ks->id[KEY_SERVER] = key_memo(w, KEY_SERVER, slice_make(k, n), &w->server_memo);
			}
		}
		return;
	}
	if (r->devid.n)
		ks->id[KEY_DEV] = key(w, KEY_DEV, r->devid);
	struct dev_memo *m = dev_memo(w, ks->id[KEY_DEV]);
	struct slice acct = account_name(r->user);
	if (acct.n || r->devid.n)
		ks->id[KEY_USER] = user_key(w, acct, '\x1f', r->devid, m);
	if (r->agent.n)
		ks->id[KEY_AGENT] = agent_key(w, r->agent, m);
	ks->id[KEY_SERVER] = key_memo(w, KEY_SERVER, r->server, &w->server_memo);
}

/* Non-EAS requests reach here only for easlog-parse --all: the window and
 * the selection apply to them too; they count as non-EAS either way. */
static void feed_other(struct worker *w, struct eas_record *r)
{
	const struct driver_opts *o = w->o;
	w->st.non_eas++;
	if (!r->ts_ok || (o->have_start && r->ts < o->start) ||
	    (o->have_end && (o->ro.compat ? r->ts > o->end : r->ts >= o->end)))
		return;
	if (record_decode(&w->dec, r) < 0) {
		w->oom = true;
		return;
	}
	if (selected(w, r) && !o->sink(o->sink_arg, r))
		w->stop = true;
}

static void feed(struct worker *w, struct eas_record *r)
{
	const struct driver_opts *o = w->o;
	if (r->tier == TIER_NONE) {
		feed_other(w, r);
		return;
	}
	bool inclusive_end = o->ro.compat; /* the cmdlet keeps t == EndDate */
	if ((o->have_start && r->ts < o->start) ||
	    (o->have_end && (inclusive_end ? r->ts > o->end : r->ts >= o->end))) {
		w->st.filtered[FILT_WINDOW]++;
		return;
	}
	if (record_decode(&w->dec, r) < 0) {
		w->oom = true;
		return;
	}
	if (o->ro.compat && !r->compat_counted) {
		bool stem_ok = r->tier == TIER_FE && !slice_is_null(r->w[W3C_DATE]);
		w->st.filtered[stem_ok ? FILT_COMPAT_QUERY : FILT_COMPAT_LINE]++;
		return;
	}
	if (!selected(w, r)) {
		w->st.filtered[FILT_SELECT]++;
		return;
	}
	w->st.records++;
	w->st.tier_records[r->tier == TIER_BE]++;
	w->st.bad_base64 += r->q.bad_base64;
	if (w->st.first_ts > w->st.last_ts || r->ts < w->st.first_ts)
		w->st.first_ts = r->ts;
	if (r->ts > w->st.last_ts)
		w->st.last_ts = r->ts;
	if (o->sink) {
		if (!o->sink(o->sink_arg, r))
			w->stop = true;
		return;
	}
	struct keys ks;
	make_keys(w, r, &ks);
	for (int i = 0; i < o->nops && !w->oom; i++)
		if (o->ops[i]->add(w->an[i], r, &ks) < 0)
			w->oom = true;
}

/* A W3C data line: fields are in w->rec.w. */
static void w3c_record(struct worker *w)
{
	struct eas_record *r = &w->rec;
	r->line = w->lr.lineno;
	r->tier = stem_tier(r->w[W3C_CS_URI_STEM]);
	if (r->tier == TIER_NONE && !(w->o->all && w->o->sink)) {
		w->st.non_eas++;
		return;
	}
	r->date = r->w[W3C_DATE];
	if (slice_is_null(r->date) && w->w3c.date_directive[0])
		r->date = slice_make(w->w3c.date_directive, strlen(w->w3c.date_directive));
	r->ts_ok = record_time(&w->dec, r);
	if (!r->ts_ok && r->tier != TIER_NONE) {
		skip(w, SKIP_BAD_TIME, NULL);
		return;
	}
	if (!slice_is_null(r->w[W3C_S_COMPUTERNAME]))
		r->server = r->w[W3C_S_COMPUTERNAME];
	else if (w->o->server)
		r->server = slice_make(w->o->server, strlen(w->o->server));
	else
		r->server = slice_make(w->server_path, strlen(w->server_path));
	feed(w, r);
}

static void parsed_record(struct worker *w, char *line, size_t len, enum record_format fmt)
{
	struct eas_record *r = &w->rec;
	int rc = fmt == RF_TSV ? record_read_tsv(&w->rr, line, len, r) : record_read_json(&w->rr, line, len, r);
	if (rc < 0) {
		skip(w, SKIP_BAD_RECORD, w->rr.err);
		return;
	}
	/* Input order is the order of the parsed stream (it kept the original
	 * files' order): first-seen values and ties then come out as in a run
	 * over the original logs. */
	r->line = w->lr.lineno;
	r->tier = stem_tier(r->w[W3C_CS_URI_STEM]);
	if (r->tier == TIER_NONE && !(w->o->all && w->o->sink)) {
		w->st.non_eas++;
		return;
	}
	r->ts_ok = record_time(&w->dec, r);
	if (!r->ts_ok && r->tier != TIER_NONE) {
		skip(w, SKIP_BAD_TIME, NULL);
		return;
	}
	feed(w, r);
}

/* --state: continue a file where the last run stopped. Returns 0, or -1
 * when the offset cannot be reached (rs->cannot_seek: the caller re-reads). */
static int resume_start(struct worker *w, struct resume *rs, struct input *in)
{
	w->lr.hold_partial = rs->hold_partial;
	rs->cannot_seek = false;
	if (rs->offset == 0)
		return 0;
	if (input_is_gzip(in) || lines_seek(&w->lr, rs->offset) < 0) {
		rs->cannot_seek = true;
		return -1;
	}
	struct slice scratch[W3C_NFIELDS];
	if (rs->fields)
		w3c_parse_line(&w->w3c, rs->fields, strlen(rs->fields), scratch);
	if (rs->date)
		w3c_parse_line(&w->w3c, rs->date, strlen(rs->date), scratch);
	w->lr.lineno = rs->lines;
	return 0;
}

/* --state: keeps the directives a later run needs to go on from here. */
static void resume_directive(struct worker *w, struct resume *rs, const char *line, size_t len)
{
	enum w3c_directive k = w3c_directive_kind(line, len);
	if (k == W3C_DIR_OTHER)
		return;
	char *copy = malloc(len + 1);
	if (!copy) {
		w->oom = true;
		return;
	}
	memcpy(copy, line, len);
	copy[len] = '\0';
	char **slot = k == W3C_DIR_FIELDS ? &rs->fields : &rs->date;
	free(*slot);
	*slot = copy;
}

static void read_file(struct worker *w, const char *path)
{
	char err[300];
	const char *name = strcmp(path, "-") == 0 ? "(stdin)" : path;
	w->rec.file = name;
	struct input *in = input_open(path, err, sizeof err);
	if (!in) {
		wmsg(w, name, 0, "%s", err);
		w->st.files_failed++;
		w->failed = true;
		return;
	}
	if (lines_init(&w->lr, in) < 0) {
		w->oom = true;
		input_close(in);
		return;
	}
	w3c_reset(&w->w3c);
	path_server(w, path);
	struct resume *rs = w->o->resume;
	if (rs && resume_start(w, rs, in) < 0) {
		input_close(in);
		return;
	}
	enum record_format fmt = RF_W3C;
	char *line;
	size_t len;
	int rc;
	while ((rc = lines_next(&w->lr, &line, &len)) > 0) {
		w->st.lines++;
		w->st.bytes += len + 1;
		if (w->lr.lineno == 1) {
			fmt = record_sniff(line, len);
			if (fmt == RF_TSV) {
				w->st.directives++;
				if (record_reader_header(&w->rr, line, len) < 0) {
					wmsg(w, name, 1, "%s", w->rr.err);
					w->st.files_failed++;
					w->failed = true;
					break;
				}
				continue;
			}
		}
		if (fmt != RF_W3C) {
			if (len == 0)
				w->st.blank++;
			else
				parsed_record(w, line, len, fmt);
			if (w->oom || w->stop)
				break;
			continue;
		}
		switch (w3c_parse_line(&w->w3c, line, len, w->rec.w)) {
		case W3C_DIRECTIVE:
			w->st.directives++;
			if (rs)
				resume_directive(w, rs, line, len);
			break;
		case W3C_BLANK:
			w->st.blank++;
			break;
		case W3C_NO_FIELDS:
			skip(w, SKIP_NO_FIELDS, "data line before any #Fields directive");
			break;
		case W3C_FIELD_COUNT:
			if (w->o->verbose) {
				char d[96];
				snprintf(d, sizeof d, "%d tokens, #Fields has %d", w->w3c.ntok, w->w3c.ncols);
				skip(w, SKIP_FIELD_COUNT, d);
			} else {
				w->st.skipped[SKIP_FIELD_COUNT]++;
			}
			break;
		case W3C_DATA:
			w3c_record(w);
			break;
		}
		if (w->oom || w->stop)
			break;
	}
	if (rc < 0)
		w->oom = true;
	if (rs) {
		rs->end_offset = lines_offset(&w->lr);
		rs->end_lines = w->lr.lineno;
		rs->resumable = fmt == RF_W3C && !input_is_gzip(in) && !w->lr.damaged;
	}
	w->st.files++;
	if (w->lr.damaged) {
		size_t cut = lines_cut_tail(&w->lr);
		char msg[400];
		snprintf(msg, sizeof msg, "%s after line %llu%s; the lines before it were counted",
			 input_error(in), (unsigned long long)w->lr.lineno,
			 cut ? " (a partial line was dropped)" : "");
		wmsg(w, name, 0, "%s", msg);
		if (cut) {
			w->st.lines++;
			w->lr.lineno++; /* the cut line: --verbose names it like any skipped line */
			skip(w, SKIP_CUT, NULL);
		}
		w->st.files_failed++;
		w->failed = true;
	}
	input_close(in);
}

static int worker_init(struct worker *w, const struct driver_opts *o)
{
	memset(w, 0, sizeof *w);
	w->o = o;
	w->st.first_ts = 1;
	w->st.last_ts = 0;
	w->server_memo = -1;
	record_decoder_init(&w->dec, o->ro.compat);
	w->dec.all = o->sink != NULL || o->nmatches > 0;
	for (int i = 0; i < KEY_N; i++)
		if (intern_init(&w->k[i]) < 0)
			return -1;
	if (o->nops) {
		w->an = calloc((size_t)o->nops, sizeof *w->an);
		if (!w->an)
			return -1;
		for (int i = 0; i < o->nops; i++)
			if (!(w->an[i] = o->ops[i]->create(&o->ro)))
				return -1;
	}
	if (o->nmatches) {
		w->md = calloc((size_t)o->nmatches, sizeof *w->md);
		if (!w->md)
			return -1;
		for (int i = 0; i < o->nmatches; i++)
			if (!(w->md[i] = pcre2_match_data_create_from_pattern(o->matches[i].re, NULL)))
				return -1;
	}
	return 0;
}

/* Frees what the result does not take over. */
static void worker_free(struct worker *w, bool keep_results)
{
	lines_free(&w->lr);
	record_decoder_free(&w->dec);
	record_reader_free(&w->rr);
	free(w->kbuf);
	free(w->dmemo);
	if (w->md) {
		for (int i = 0; i < w->o->nmatches; i++)
			pcre2_match_data_free(w->md[i]);
		free(w->md);
	}
	if (keep_results)
		return;
	if (w->an) {
		for (int i = 0; i < w->o->nops; i++)
			if (w->an[i])
				w->o->ops[i]->destroy(w->an[i]);
		free(w->an);
	}
	for (int i = 0; i < KEY_N; i++)
		intern_free(&w->k[i]);
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	for (;;) {
		size_t i = atomic_fetch_add(w->next, 1);
		if (i >= w->files->n || w->oom || w->stop)
			break;
		w->rec.file_idx = (uint32_t)i;
		read_file(w, w->files->paths[i]);
	}
	return NULL;
}

/* Folds src's analyzers into dst's, translating key ids through the strings. */
static int merge_state(const struct driver_opts *o, struct intern *dk, void **dan, const struct intern *sk,
		       void *const *san)
{
	uint32_t *map[KEY_N] = {0};
	int rc = 0;
	for (int k = 0; k < KEY_N && rc == 0; k++) {
		map[k] = malloc(((size_t)sk[k].count + 1) * sizeof *map[k]);
		if (!map[k]) {
			rc = -1;
			break;
		}
		for (uint32_t id = 0; id < sk[k].count; id++) {
			int64_t d = intern_get(&dk[k], intern_str(&sk[k], id), NULL);
			if (d < 0) {
				rc = -1;
				break;
			}
			map[k][id] = (uint32_t)d;
		}
	}
	for (int i = 0; i < o->nops && rc == 0; i++)
		rc = o->ops[i]->merge(dan[i], san[i], map);
	for (int k = 0; k < KEY_N; k++)
		free(map[k]);
	return rc;
}

static int merge_worker(struct worker *dst, struct worker *src)
{
	stats_add(&dst->st, &src->st);
	dst->failed |= src->failed;
	return merge_state(dst->o, dst->k, dst->an, src->k, src->an);
}

int driver_result_init(const struct driver_opts *o, struct driver_result *res)
{
	memset(res, 0, sizeof *res);
	res->st.first_ts = 1;
	for (int k = 0; k < KEY_N; k++)
		if (intern_init(&res->k[k]) < 0)
			return -1;
	res->an = calloc((size_t)(o->nops ? o->nops : 1), sizeof *res->an);
	if (!res->an)
		return -1;
	for (int i = 0; i < o->nops; i++)
		if (!(res->an[i] = o->ops[i]->create(&o->ro)))
			return -1;
	return 0;
}

int driver_result_merge(const struct driver_opts *o, struct driver_result *dst, const struct driver_result *src)
{
	stats_add(&dst->st, &src->st);
	dst->failed |= src->failed;
	return merge_state(o, dst->k, dst->an, src->k, src->an);
}

void driver_result_finish(const struct driver_opts *o, struct driver_result *res)
{
	res->count_tier[0] = res->count_tier[1] = false;
	switch (o->ro.tiers) {
	case TIERS_FE:
		res->count_tier[0] = true;
		break;
	case TIERS_BE:
		res->count_tier[1] = true;
		break;
	case TIERS_ALL:
		res->count_tier[0] = res->count_tier[1] = true;
		break;
	case TIERS_AUTO:
		res->count_tier[0] = res->st.tier_records[0] > 0 || o->ro.compat;
		res->count_tier[1] = !res->count_tier[0];
		break;
	}
}

int driver_run(const struct driver_opts *o, const struct walk_list *files, struct driver_result *res)
{
	memset(res, 0, sizeof *res);
	int jobs = o->jobs < 1 ? 1 : o->jobs;
	if (o->sink || (size_t)jobs > files->n)
		jobs = files->n > 0 && !o->sink ? (int)files->n : 1;
	struct worker *ws = calloc((size_t)jobs, sizeof *ws);
	if (!ws)
		goto oom;
	atomic_size_t next = 0;
	int ready = 0;
	for (; ready < jobs; ready++) {
		if (worker_init(&ws[ready], o) < 0) {
			ready++;
			goto oom_workers;
		}
		ws[ready].files = files;
		ws[ready].next = &next;
	}
	if (jobs == 1) {
		worker_main(&ws[0]);
	} else {
		pthread_t *th = calloc((size_t)jobs, sizeof *th);
		if (!th)
			goto oom_workers;
		int started = 0;
		for (; started < jobs; started++)
			if (pthread_create(&th[started], NULL, worker_main, &ws[started]) != 0)
				break;
		if (started == 0)
			worker_main(&ws[0]);
		for (int i = 0; i < started; i++)
			pthread_join(th[i], NULL);
		free(th);
	}
	bool oom = false;
	for (int i = 0; i < jobs; i++)
		oom |= ws[i].oom;
	for (int i = 1; i < jobs && !oom; i++)
		if (merge_worker(&ws[0], &ws[i]) < 0)
			oom = true;
	if (oom)
		goto oom_workers;
	res->st = ws[0].st;
	res->failed = ws[0].failed;
	if (files->n) {
		res->files = calloc(files->n, sizeof *res->files);
		for (size_t i = 0; res->files && i < files->n; i++)
			if ((res->files[i] = strdup(files->paths[i])))
				res->nfiles = i + 1;
	}
	res->an = ws[0].an;
	memcpy(res->k, ws[0].k, sizeof res->k);
	worker_free(&ws[0], true);
	for (int i = 1; i < jobs; i++)
		worker_free(&ws[i], false);
	free(ws);
	driver_result_finish(o, res);
	return 0;
oom_workers:
	for (int i = 0; i < ready; i++)
		worker_free(&ws[i], false);
	free(ws);
oom:
	fprintf(stderr, "%s: out of memory\n", o->prog);
	return -1;
}

struct emit_ctx driver_emit_ctx(const struct driver_opts *o, const struct driver_result *res)
{
	struct emit_ctx c = {&o->ro, res->k, {res->count_tier[0], res->count_tier[1]}, o->prog ? o->prog : "easlog"};
	return c;
}

void driver_result_free(const struct driver_opts *o, struct driver_result *res)
{
	if (res->an) {
		for (int i = 0; i < o->nops; i++)
			if (res->an[i])
				o->ops[i]->destroy(res->an[i]);
		free(res->an);
	}
	for (int i = 0; i < KEY_N; i++)
		intern_free(&res->k[i]);
	for (size_t i = 0; i < res->nfiles; i++)
		free(res->files[i]);
	free(res->files);
	memset(res, 0, sizeof *res);
}
