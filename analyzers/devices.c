/* devices: easlog-hits --report devices: one row per user and device with
 * its hits per command, HTTP error classes, EAS errors from the Log data,
 * time-taken, heartbeat and servers; sorted, cut at --top, --min-hits. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "../formats/timeutil.h"
#include "analyzer.h"
#include "classify.h"
#include "u64set.h"

/* The command columns, in header order; the last is Other. */
static const enum eas_cmd cmd_cols[] = {
	CMD_PING, CMD_SYNC, CMD_FOLDERSYNC, CMD_SENDMAIL, CMD_SMARTREPLY, CMD_SMARTFORWARD,
	CMD_MEETINGRESPONSE, CMD_GETATTACHMENT, CMD_ITEMOPERATIONS, CMD_SEARCH, CMD_SETTINGS,
	CMD_PROVISION, CMD_GETITEMESTIMATE, CMD_MOVEITEMS, CMD_RESOLVERECIPIENTS, CMD_VALIDATECERT,
	CMD_OPTIONS,
};
#define NCMD (sizeof cmd_cols / sizeof cmd_cols[0] + 1)

enum { S_4XX, S_5XX, S_503, S_451, S_N };

struct drow {
	bool used, auth;
	uint64_t pos;                 /* the display values' line */
	struct slice uname, devid, devtype;
	uint64_t hits[2];
	uint64_t cmd[2][NCMD];
	uint64_t st[2][S_N];
	uint64_t tt_sum[2], tt_n[2], tt_max[2]; /* time-taken of non-Ping hits */
	uint64_t eas_err;             /* records with an EAS error (any tier) */
	int64_t hb, hb_ts;            /* latest Hb (-1 none) */
	uint64_t hb_pos;
};

struct errent {
	uint32_t row, name;
	uint64_t n;
};

struct devices {
	struct drow *rows;
	size_t cap;
	struct intern arena;          /* display strings */
	struct intern names;          /* EAS error names */
	struct errent *errs;
	size_t nerr, errcap;
	struct u64map erridx;         /* row << 32 | name -> errs index */
	struct u64set servers;        /* row << 24 | server id */
	const struct triage_opts *t;
};

static void *devices_create(const struct report_opts *o)
{
	struct devices *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->t = o->triage;
	if (intern_init(&d->arena) < 0 || intern_init(&d->names) < 0 || u64map_init(&d->erridx) < 0 ||
	    u64set_init(&d->servers) < 0) {
		intern_free(&d->arena);
		intern_free(&d->names);
		u64map_free(&d->erridx);
		u64set_free(&d->servers);
		free(d);
		return NULL;
	}
	return d;
}

static void devices_destroy(void *a)
{
	struct devices *d = a;
	free(d->rows);
	free(d->errs);
	intern_free(&d->arena);
	intern_free(&d->names);
	u64map_free(&d->erridx);
	u64set_free(&d->servers);
	free(d);
}

static size_t cmd_col(enum eas_cmd c)
{
	for (size_t i = 0; i < NCMD - 1; i++)
		if (cmd_cols[i] == c)
			return i;
	return NCMD - 1;
}

static bool keep(struct devices *d, struct slice *dst, struct slice s)
{
	const char *p = intern_keep(&d->arena, s);
	*dst = slice_make(p, s.n);
	return p != NULL;
}

static bool later(int64_t ts, uint64_t pos, int64_t cur_ts, uint64_t cur_pos, bool have)
{
	return !have || ts > cur_ts || (ts == cur_ts && pos > cur_pos);
}

static bool better_display(const struct drow *w, bool auth, uint64_t pos)
{
	if (!w->used)
		return true;
	if (auth != w->auth)
		return auth;
	return pos < w->pos;
}

static struct drow *row_for(struct devices *d, uint32_t id)
{
	if (grow_zero((void **)&d->rows, &d->cap, (size_t)id + 1, sizeof *d->rows) < 0)
		return NULL;
	return &d->rows[id];
}

static int count_error(struct devices *d, uint32_t row, struct slice name, uint64_t n)
{
	int64_t nid = intern_get(&d->names, name, NULL);
	if (nid < 0)
		return -1;
	uint32_t ix;
	bool added;
	if (u64map_get(&d->erridx, (uint64_t)row << 32 | (uint64_t)nid, (uint32_t)d->nerr, &ix, &added) < 0)
		return -1;
	if (added) {
		if (grow_zero((void **)&d->errs, &d->errcap, d->nerr + 1, sizeof *d->errs) < 0)
			return -1;
		d->errs[d->nerr++] = (struct errent){row, (uint32_t)nid, 0};
	}
	d->errs[ix].n = sat_add(d->errs[ix].n, n);
	return 0;
}

static int devices_add(void *a, const struct eas_record *r, const struct keys *k)
{
	struct devices *d = a;
	if (k->id[KEY_USER] < 0)
		return 0;
	uint32_t id = (uint32_t)k->id[KEY_USER];
	struct drow *w = row_for(d, id);
	if (!w)
		return -1;
	uint64_t pos = record_pos(r);
	bool auth = !slice_is_null(r->w[W3C_CS_USERNAME]);
	if (better_display(w, auth, pos)) {
		if (!keep(d, &w->uname, r->user) || !keep(d, &w->devid, r->devid) || !keep(d, &w->devtype, r->devtype))
			return -1;
		if (!w->used)
			w->hb = -1;
		w->pos = pos;
		w->auth = auth;
		w->used = true;
	}
	unsigned t = k->tix;
	w->hits[t]++;
	w->cmd[t][cmd_col(r->cmd_id)]++;
	uint64_t s = r->status;
	w->st[t][S_4XX] += s >= 400 && s < 500;
	w->st[t][S_5XX] += s >= 500 && s < 600;
	w->st[t][S_503] += s == 503;
	w->st[t][S_451] += s == 451;
	if (r->cmd_id != CMD_PING && !slice_is_null(r->w[W3C_TIME_TAKEN])) {
		w->tt_sum[t] = sat_add(w->tt_sum[t], r->time_taken);
		w->tt_n[t]++;
		if (r->time_taken > w->tt_max[t])
			w->tt_max[t] = r->time_taken;
	}
	if (eas_record_failed(r)) {
		w->eas_err++;
		char sbuf[32];
		struct slice name = r->eas_error;
		if (!name.n) {
			int n = snprintf(sbuf, sizeof sbuf, "S%lld", r->log.eas_status);
			name = slice_make(sbuf, (size_t)n);
		}
		if (count_error(d, id, name, 1) < 0)
			return -1;
	}
	if (r->log.heartbeat >= 0 && later(r->ts, pos, w->hb_ts, w->hb_pos, w->hb >= 0)) {
		w->hb = r->log.heartbeat;
		w->hb_ts = r->ts;
		w->hb_pos = pos;
	}
	if (k->id[KEY_SERVER] >= 0 &&
	    u64set_add(&d->servers, (uint64_t)id << 24 | ((uint64_t)k->id[KEY_SERVER] & 0xFFFFFF)) < 0)
		return -1;
	return 0;
}

/* Adds x (whose key id maps to dst row id) into d. */
static int add_row(struct devices *d, uint32_t id, const struct drow *x)
{
	struct drow *w = row_for(d, id);
	if (!w)
		return -1;
	if (better_display(w, x->auth, x->pos)) {
		if (!keep(d, &w->uname, x->uname) || !keep(d, &w->devid, x->devid) || !keep(d, &w->devtype, x->devtype))
			return -1;
		if (!w->used)
			w->hb = -1;
		w->pos = x->pos;
		w->auth = x->auth;
		w->used = true;
	}
	for (int t = 0; t < 2; t++) {
		w->hits[t] = sat_add(w->hits[t], x->hits[t]);
		for (size_t i = 0; i < NCMD; i++)
			w->cmd[t][i] = sat_add(w->cmd[t][i], x->cmd[t][i]);
		for (int i = 0; i < S_N; i++)
			w->st[t][i] = sat_add(w->st[t][i], x->st[t][i]);
		w->tt_sum[t] = sat_add(w->tt_sum[t], x->tt_sum[t]);
		w->tt_n[t] = sat_add(w->tt_n[t], x->tt_n[t]);
		if (x->tt_max[t] > w->tt_max[t])
			w->tt_max[t] = x->tt_max[t];
	}
	w->eas_err = sat_add(w->eas_err, x->eas_err);
	if (x->hb >= 0 && later(x->hb_ts, x->hb_pos, w->hb_ts, w->hb_pos, w->hb >= 0)) {
		w->hb = x->hb;
		w->hb_ts = x->hb_ts;
		w->hb_pos = x->hb_pos;
	}
	return 0;
}

struct smerge {
	struct devices *d;
	uint32_t *const *map;
	int rc;
};

static void merge_server(uint64_t key, void *arg)
{
	struct smerge *m = arg;
	uint64_t row = m->map[KEY_USER][key >> 24], srv = m->map[KEY_SERVER][key & 0xFFFFFF];
	if (u64set_add(&m->d->servers, row << 24 | (srv & 0xFFFFFF)) < 0)
		m->rc = -1;
}

static int devices_merge(void *da, const void *sa, uint32_t *const map[KEY_N])
{
	struct devices *d = da;
	const struct devices *s = sa;
	for (size_t id = 0; id < s->cap; id++)
		if (s->rows[id].used && add_row(d, map[KEY_USER][id], &s->rows[id]) < 0)
			return -1;
	for (size_t i = 0; i < s->nerr; i++) {
		const struct errent *e = &s->errs[i];
		if (count_error(d, map[KEY_USER][e->row], intern_str(&s->names, e->name), e->n) < 0)
			return -1;
	}
	struct smerge m = {d, map, 0};
	u64set_each(&s->servers, merge_server, &m);
	return m.rc;
}

/* The columns. */
enum {
	C_USER, C_DEVID, C_DEVTYPE, C_HITS, C_CMD0,
	C_4XX = C_CMD0 + (int)NCMD, C_5XX, C_503, C_451, C_EASERR, C_TOPERR, C_MAXTT, C_AVGTT, C_HB,
	C_NSRV, C_SRVNAMES, C_N
};

static const char *const cols[C_N] = {
	"User", "Device ID", "Device Type", "Hits", "Ping", "Sync", "FolderSync", "SendMail",
	"SmartReply", "SmartForward", "MeetingResponse", "GetAttachment", "ItemOperations", "Search",
	"Settings", "Provision", "GetItemEstimate", "MoveItems", "ResolveRecipients", "ValidateCert",
	"Options", "Other", "4xx", "5xx", "503", "451", "EAS Errors", "Top EAS Error",
	"Max Time Taken", "Avg Time Taken", "Heartbeat", "Servers", "Server Names",
};

static bool text_col(int c)
{
	return c == C_USER || c == C_DEVID || c == C_DEVTYPE || c == C_TOPERR || c == C_SRVNAMES;
}

/* Lower-case letters and digits only: "EAS Errors", "eas-errors" and
 * "easerrors" are one name. */
static void squash(const char *s, char *out, size_t cap)
{
	size_t o = 0;
	for (; *s && o + 1 < cap; s++) {
		int ch = ascii_lower((unsigned char)*s);
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			out[o++] = (char)ch;
	}
	out[o] = '\0';
}

int devices_column(const char *name)
{
	char want[64], have[64];
	squash(name, want, sizeof want);
	for (int c = 0; c < C_N; c++) {
		squash(cols[c], have, sizeof have);
		if (strcmp(want, have) == 0)
			return c;
	}
	return -1;
}

const char *devices_column_names(void)
{
	return "User, Device ID, Device Type, Hits, Ping ... Other (the commands), 4xx, 5xx, 503, 451, "
	       "EAS Errors, Top EAS Error, Max Time Taken, Avg Time Taken, Heartbeat, Servers, Server Names";
}

/* One row as emitted: the numbers of its numeric columns. */
struct out {
	uint32_t id;
	double v[C_N];       /* numeric columns; -1 when empty */
	uint32_t top_err;    /* name id + 1, 0 none */
	size_t srv_first;    /* 1-based index of its first server pair, 0 none */
	uint32_t nsrv;
};

struct srv_pair {
	uint32_t row, srv;
};

static const struct intern *cmp_srv_names;

static int cmp_pair(const void *a, const void *b)
{
	const struct srv_pair *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return slice_cmp(intern_str(cmp_srv_names, x->srv), intern_str(cmp_srv_names, y->srv));
}

static void collect_pair(uint64_t key, void *arg)
{
	struct srv_pair **p = arg;
	**p = (struct srv_pair){(uint32_t)(key >> 24), (uint32_t)(key & 0xFFFFFF)};
	(*p)++;
}

/* Sorting context (qsort has no argument). */
static struct {
	const struct devices *d;
	const struct intern *keys;
	const struct intern *srv;
	const struct srv_pair *pairs;
	size_t np;
	int col;
} sc;

static struct slice text_of(const struct out *o, int col, char *buf, size_t cap)
{
	const struct drow *w = &sc.d->rows[o->id];
	switch (col) {
	case C_USER:
		return w->uname;
	case C_DEVID:
		return w->devid;
	case C_DEVTYPE:
		return w->devtype;
	case C_TOPERR:
		return o->top_err ? intern_str(&sc.d->names, o->top_err - 1) : SLICE_LIT("");
	default: {
		size_t n = 0;
		for (size_t j = o->srv_first; j > 0 && j - 1 < sc.np && sc.pairs[j - 1].row == o->id;
		     j++) {
			struct slice s = intern_str(sc.srv, sc.pairs[j - 1].srv);
			if (n + s.n + 2 >= cap)
				break;
			if (n)
				buf[n++] = ';';
			memcpy(buf + n, s.p, s.n);
			n += s.n;
		}
		return slice_make(buf, n);
	}
	}
}

static int cmp_out(const void *a, const void *b)
{
	const struct out *x = a, *y = b;
	int c = 0;
	if (text_col(sc.col)) {
		char bx[2048], by[2048];
		struct slice tx = text_of(x, sc.col, bx, sizeof bx), ty = text_of(y, sc.col, by, sizeof by);
		c = (tx.n == 0) - (ty.n == 0); /* ascending, empty values last */
		if (!c)
			c = slice_cmp(tx, ty);
	} else if (x->v[sc.col] != y->v[sc.col]) {
		c = x->v[sc.col] > y->v[sc.col] ? -1 : 1; /* descending */
	}
	if (c)
		return c;
	return slice_cmp(intern_str(sc.keys, x->id), intern_str(sc.keys, y->id));
}

static int devices_emit(void *a, struct table *t, const struct emit_ctx *c)
{
	struct devices *d = a;
	const struct triage_opts *to = d->t;
	const struct intern *keys = &c->k[KEY_USER];
	struct out *o = calloc((size_t)keys->count + 1, sizeof *o);
	struct srv_pair *pairs = malloc((d->servers.count + 1) * sizeof *pairs);
	size_t *pstart = calloc((size_t)keys->count + 1, sizeof *pstart);
	uint64_t *best = calloc((size_t)keys->count + 1, sizeof *best);
	if (!o || !pairs || !pstart || !best) {
		free(o);
		free(pairs);
		free(pstart);
		free(best);
		return -1;
	}
	struct srv_pair *pp = pairs;
	u64set_each(&d->servers, collect_pair, &pp);
	size_t np = (size_t)(pp - pairs);
	cmp_srv_names = &c->k[KEY_SERVER];
	qsort(pairs, np, sizeof *pairs, cmp_pair);
	for (size_t j = np; j-- > 0;)
		if (pairs[j].row < keys->count)
			pstart[pairs[j].row] = j + 1;
	/* the most frequent error name of each row; ties to the name first in byte order */
	uint32_t *top = calloc((size_t)keys->count + 1, sizeof *top);
	if (!top) {
		free(o);
		free(pairs);
		free(pstart);
		free(best);
		return -1;
	}
	for (size_t i = 0; i < d->nerr; i++) {
		const struct errent *e = &d->errs[i];
		if (e->row >= keys->count)
			continue;
		bool better = e->n > best[e->row] ||
			      (e->n == best[e->row] && top[e->row] &&
			       slice_cmp(intern_str(&d->names, e->name), intern_str(&d->names, top[e->row] - 1)) < 0);
		if (better) {
			best[e->row] = e->n;
			top[e->row] = e->name + 1;
		}
	}
	size_t n = 0;
	uint64_t min_hits = to ? to->min_hits : 0;
	for (uint32_t id = 0; id < keys->count && id < d->cap; id++) {
		const struct drow *w = &d->rows[id];
		if (!w->used)
			continue;
		struct out *x = &o[n];
		memset(x, 0, sizeof *x);
		x->id = id;
		x->top_err = top[id];
		x->srv_first = pstart[id];
		for (size_t j = pstart[id]; j > 0 && j - 1 < np && pairs[j - 1].row == id; j++)
			x->nsrv++;
		x->v[C_HITS] = (double)tier_sum(c, w->hits);
		if (x->v[C_HITS] < (double)min_hits)
			continue;
		for (size_t i = 0; i < NCMD; i++) {
			uint64_t v[2] = {w->cmd[0][i], w->cmd[1][i]};
			x->v[C_CMD0 + (int)i] = (double)tier_sum(c, v);
		}
		for (int i = 0; i < S_N; i++) {
			uint64_t v[2] = {w->st[0][i], w->st[1][i]};
			x->v[C_4XX + i] = (double)tier_sum(c, v);
		}
		x->v[C_EASERR] = (double)w->eas_err;
		uint64_t ttn = tier_sum(c, w->tt_n);
		uint64_t mx = 0;
		for (int tt = 0; tt < 2; tt++)
			if (c->count_tier[tt] && w->tt_max[tt] > mx)
				mx = w->tt_max[tt];
		x->v[C_MAXTT] = ttn ? (double)mx : -1;
		x->v[C_AVGTT] = ttn ? (double)tier_sum(c, w->tt_sum) / (double)ttn : -1;
		x->v[C_HB] = w->hb >= 0 ? (double)w->hb : -1;
		x->v[C_NSRV] = x->nsrv;
		n++;
	}
	sc.d = d;
	sc.keys = keys;
	sc.srv = &c->k[KEY_SERVER];
	sc.pairs = pairs;
	sc.np = np;
	sc.col = to && to->sort_col >= 0 ? to->sort_col : C_HITS;
	qsort(o, n, sizeof *o, cmp_out);
	if (to && to->have_top && to->top < n)
		n = (size_t)to->top;
	table_begin(t, t->o, t->fmt, cols, C_N);
	for (size_t i = 0; i < n; i++) {
		const struct out *x = &o[i];
		const struct drow *w = &d->rows[x->id];
		char buf[2048], num[32];
		table_str(t, w->uname);
		table_str(t, w->devid);
		table_str(t, w->devtype);
		for (int col = C_HITS; col < C_TOPERR; col++)
			table_u64(t, (uint64_t)x->v[col]);
		table_str(t, text_of(x, C_TOPERR, buf, sizeof buf));
		if (x->v[C_MAXTT] < 0) {
			table_null(t);
			table_null(t);
		} else {
			table_u64(t, (uint64_t)x->v[C_MAXTT]);
			snprintf(num, sizeof num, "%.0f", floor(x->v[C_AVGTT] + 0.5));
			table_num(t, num);
		}
		if (x->v[C_HB] < 0)
			table_null(t);
		else
			table_u64(t, (uint64_t)x->v[C_HB]);
		table_u64(t, x->nsrv);
		table_str(t, text_of(x, C_SRVNAMES, buf, sizeof buf));
		table_end_row(t);
	}
	free(o);
	free(pairs);
	free(pstart);
	free(best);
	free(top);
	return 0;
}

static void save_server(uint64_t key, void *arg)
{
	json_t *a = arg;
	jpush(a, jnum((int64_t)(key >> 24)));
	jpush(a, jnum((int64_t)(key & 0xFFFFFF)));
}

static json_t *devices_save(const void *a)
{
	const struct devices *d = a;
	json_t *rows = json_array(), *names = json_array(), *errs = json_array(), *servers = json_array();
	bool ok = rows && names && errs && servers;
	for (size_t id = 0; ok && id < d->cap; id++) {
		const struct drow *w = &d->rows[id];
		if (!w->used)
			continue;
		uint64_t v[2 + 2 * NCMD + 2 * S_N + 6];
		size_t k = 0;
		for (int t = 0; t < 2; t++) {
			v[k++] = w->hits[t];
			for (size_t i = 0; i < NCMD; i++)
				v[k++] = w->cmd[t][i];
			for (int i = 0; i < S_N; i++)
				v[k++] = w->st[t][i];
			v[k++] = w->tt_sum[t];
			v[k++] = w->tt_n[t];
			v[k++] = w->tt_max[t];
		}
		json_t *r = json_pack("[IIbooooIIII]", (json_int_t)id, (json_int_t)w->pos, w->auth, jbytes(w->uname),
				      jbytes(w->devid), jbytes(w->devtype), jnums(v, k), (json_int_t)w->eas_err,
				      (json_int_t)w->hb, (json_int_t)w->hb_ts, (json_int_t)w->hb_pos);
		ok = jpush(rows, r) == 0;
	}
	for (uint32_t i = 0; ok && i < d->names.count; i++)
		ok = jpush(names, jbytes(intern_str(&d->names, i))) == 0;
	for (size_t i = 0; ok && i < d->nerr; i++)
		ok = jpush(errs, json_pack("[III]", (json_int_t)d->errs[i].row, (json_int_t)d->errs[i].name,
					   (json_int_t)d->errs[i].n)) == 0;
	if (ok)
		u64set_each(&d->servers, save_server, servers);
	json_t *j = ok ? json_pack("{sosososo}", "rows", rows, "error_names", names, "errors", errs, "servers",
				   servers)
		       : NULL;
	if (!j) {
		json_decref(rows);
		json_decref(names);
		json_decref(errs);
		json_decref(servers);
	}
	return j;
}

static int devices_load(void *a, const json_t *j, const struct load_ctx *lc)
{
	struct devices *d = a;
	json_t *rows, *names, *errs, *servers;
	if (json_unpack((json_t *)j, "{s:o,s:o,s:o,s:o}", "rows", &rows, "error_names", &names, "errors", &errs,
			"servers", &servers) < 0 ||
	    !json_is_array(rows) || !json_is_array(names) || !json_is_array(errs) || !json_is_array(servers) ||
	    json_array_size(servers) % 2)
		return -1;
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r)
	{
		json_int_t id, pos, eas_err, hb, hb_ts, hb_pos;
		int auth;
		json_t *un, *di, *dt, *nums;
		if (json_unpack(r, "[IIbooooIIII]", &id, &pos, &auth, &un, &di, &dt, &nums, &eas_err, &hb, &hb_ts,
				&hb_pos) < 0 ||
		    !key_ok(lc, KEY_USER, id))
			return -1;
		struct drow *w = row_for(d, (uint32_t)id);
		uint64_t v[2 + 2 * NCMD + 2 * S_N + 6];
		if (!w || jget_bytes(un, &d->arena, &w->uname) < 0 || jget_bytes(di, &d->arena, &w->devid) < 0 ||
		    jget_bytes(dt, &d->arena, &w->devtype) < 0 || jget_nums(nums, v, sizeof v / sizeof v[0]) < 0)
			return -1;
		size_t k = 0;
		for (int t = 0; t < 2; t++) {
			w->hits[t] = v[k++];
			for (size_t c = 0; c < NCMD; c++)
				w->cmd[t][c] = v[k++];
			for (int c = 0; c < S_N; c++)
				w->st[t][c] = v[k++];
			w->tt_sum[t] = v[k++];
			w->tt_n[t] = v[k++];
			w->tt_max[t] = v[k++];
		}
		w->used = true;
		w->auth = auth;
		w->pos = pos_remap(lc, (uint64_t)pos);
		w->eas_err = (uint64_t)eas_err;
		w->hb = hb;
		w->hb_ts = hb_ts;
		w->hb_pos = pos_remap(lc, (uint64_t)hb_pos);
	}
	json_array_foreach(names, i, r)
	{
		struct slice s;
		bool added;
		if (jget_bytes(r, &d->names, &s) < 0)
			return -1;
		int64_t nid = intern_get(&d->names, s, &added);
		if (nid < 0 || !added || (size_t)nid != i)
			return -1;
	}
	json_array_foreach(errs, i, r)
	{
		json_int_t row, name, cnt;
		if (json_unpack(r, "[III]", &row, &name, &cnt) < 0 || !key_ok(lc, KEY_USER, row) || name < 0 ||
		    (uint64_t)name >= d->names.count || cnt < 0 ||
		    count_error(d, (uint32_t)row, intern_str(&d->names, (uint32_t)name), (uint64_t)cnt) < 0)
			return -1;
	}
	for (i = 0; i < json_array_size(servers); i += 2) {
		uint32_t row, srv;
		if (jget_id(json_array_get(servers, i), lc, KEY_USER, &row) < 0 ||
		    jget_id(json_array_get(servers, i + 1), lc, KEY_SERVER, &srv) < 0 || srv > 0xFFFFFF ||
		    u64set_add(&d->servers, (uint64_t)row << 24 | srv) < 0)
			return -1;
	}
	return 0;
}

const struct analyzer_ops devices_ops = {
	"devices", "Devices.csv", devices_create, devices_add, devices_merge, devices_emit, devices_destroy,
	devices_save, devices_load,
};
