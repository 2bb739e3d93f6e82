/* statuscodes: StatusCodes.csv. compat: (sc-status, sc-substatus) as logged
 * with the cmdlet's integer-division Ratio; default: HTTP rows with the
 * win32 status, then EAS rows (S status and Error name from Log), real ratios. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "analyzer.h"

struct crow {
	bool used;
	uint64_t pos;
	struct slice status, sub; /* compat display: first seen */
	uint64_t hits[2];
	uint64_t status_n, sub_n, win32; /* default http */
	long long eas;                   /* default eas: S, -1 none */
	struct slice error;
};

struct statuscodes {
	bool compat;
	struct intern keys; /* private: row keys */
	struct crow *rows;
	size_t cap;
	uint64_t log_lines;  /* default: records with Log data (EAS ratio base) */
	ptrdiff_t last_http; /* the row of the last HTTP triple, -1 none */
	uint64_t last_status, last_sub, last_win32;
};

static void *sc_create(const struct report_opts *o)
{
	struct statuscodes *s = calloc(1, sizeof *s);
	if (!s || intern_init(&s->keys) < 0) {
		free(s);
		return NULL;
	}
	s->compat = o->compat;
	s->last_http = -1;
	return s;
}

static void sc_destroy(void *a)
{
	struct statuscodes *s = a;
	intern_free(&s->keys);
	free(s->rows);
	free(s);
}

static struct crow *row(struct statuscodes *s, struct slice key)
{
	bool added;
	int64_t id = intern_get(&s->keys, key, &added);
	if (id < 0 || grow_zero((void **)&s->rows, &s->cap, (size_t)id + 1, sizeof *s->rows) < 0)
		return NULL;
	return &s->rows[id];
}

static struct slice keep(struct statuscodes *s, struct slice v)
{
	if (slice_is_null(v))
		v = SLICE_LIT("");
	const char *p = intern_keep(&s->keys, v);
	return p ? slice_make(p, v.n) : SLICE_NULL;
}

static void put_be64(unsigned char *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--, v >>= 8)
		p[i] = (unsigned char)v;
}

/* .NET PadLeft(width, '0'): never truncates. */
static size_t padleft(char *o, struct slice v, size_t width)
{
	size_t n = 0;
	for (size_t i = v.n; i < width; i++)
		o[n++] = '0';
	memcpy(o + n, v.p, v.n);
	return n + v.n;
}

static int sc_add(void *a, const struct eas_record *r, const struct keys *k)
{
	struct statuscodes *s = a;
	if (s->compat) {
		struct slice st = slice_is_null(r->w[W3C_SC_STATUS]) ? SLICE_LIT("") : r->w[W3C_SC_STATUS];
		struct slice sb = slice_is_null(r->w[W3C_SC_SUBSTATUS]) ? SLICE_LIT("") : r->w[W3C_SC_SUBSTATUS];
		char stack[256];
		size_t need = st.n + sb.n + 16;
		char *kb = need <= sizeof stack ? stack : malloc(need);
		if (!kb)
			return -1;
		size_t n = padleft(kb, st, 3);
		kb[n++] = '_';
		n += padleft(kb + n, sb, 11);
		struct crow *w = row(s, slice_make(kb, n));
		if (kb != stack)
			free(kb);
		if (!w)
			return -1;
		uint64_t pos = record_pos(r);
		if (!w->used || pos < w->pos) {
			w->status = keep(s, st);
			w->sub = keep(s, sb);
			if (!w->status.p || !w->sub.p)
				return -1;
			w->pos = pos;
		}
		w->used = true;
		w->hits[k->tix]++;
		return 0;
	}
	/* most lines repeat the last line's HTTP row (200 0 0) */
	struct crow *w;
	if (s->last_http >= 0 && s->last_status == r->status && s->last_sub == r->substatus &&
	    s->last_win32 == r->win32) {
		w = &s->rows[s->last_http];
		w->hits[k->tix]++;
		goto eas;
	}
	/* binary keys, big-endian so that byte order is numeric order: HTTP
	 * rows (tag 1) before EAS rows (tag 2) */
	unsigned char kb[25];
	kb[0] = 1;
	put_be64(kb + 1, r->status);
	put_be64(kb + 9, r->substatus);
	put_be64(kb + 17, r->win32);
	w = row(s, slice_make((const char *)kb, sizeof kb));
	if (!w)
		return -1;
	w->used = true;
	w->status_n = r->status;
	w->sub_n = r->substatus;
	w->win32 = r->win32;
	w->eas = -1;
	w->hits[k->tix]++;
	s->last_http = w - s->rows;
	s->last_status = r->status;
	s->last_sub = r->substatus;
	s->last_win32 = r->win32;
eas:;
	const struct eas_log *l = &r->log;
	if (!l->present)
		return 0;
	s->log_lines++;
	if (l->eas_status < 0 && r->eas_error.n == 0)
		return 0;
	char stack[128];
	char *eb = r->eas_error.n + 9 <= sizeof stack ? stack : malloc(r->eas_error.n + 9);
	if (!eb)
		return -1;
	eb[0] = 2;
	put_be64((unsigned char *)eb + 1, (uint64_t)(l->eas_status + 1));
	memcpy(eb + 9, r->eas_error.p, r->eas_error.n);
	w = row(s, slice_make(eb, 9 + r->eas_error.n));
	if (eb != stack)
		free(eb);
	if (!w)
		return -1;
	if (!w->used) {
		w->used = true;
		w->eas = l->eas_status;
		w->error = keep(s, r->eas_error);
		if (!w->error.p)
			return -1;
	}
	w->hits[0]++; /* EAS rows count Log lines whatever their tier */
	return 0;
}

static int sc_merge(void *da, const void *sa, uint32_t *const map[KEY_N])
{
	struct statuscodes *d = da;
	const struct statuscodes *s = sa;
	(void)map;
	d->log_lines += s->log_lines;
	for (uint32_t id = 0; id < s->keys.count; id++) {
		const struct crow *x = &s->rows[id];
		if (!x->used)
			continue;
		struct crow *w = row(d, intern_str(&s->keys, id));
		if (!w)
			return -1;
		if (!w->used || (d->compat && x->pos < w->pos)) {
			struct crow keep_hits = *w;
			*w = *x;
			w->status = keep(d, x->status);
			w->sub = keep(d, x->sub);
			w->error = keep(d, x->error);
			w->hits[0] = keep_hits.hits[0];
			w->hits[1] = keep_hits.hits[1];
			if (!w->status.p || !w->sub.p || !w->error.p)
				return -1;
		}
		w->hits[0] += x->hits[0];
		w->hits[1] += x->hits[1];
	}
	return 0;
}

static const char *const compat_cols[] = {"Status", "SubStatus", "Hits", "Ratio"};
static const char *const default_cols[] = {"Kind", "Status", "SubStatus", "Win32 Status",
					   "EAS Error", "Hits", "Ratio"};

static int sc_emit(void *a, struct table *t, const struct emit_ctx *c)
{
	struct statuscodes *s = a;
	uint32_t n = s->keys.count;
	uint32_t *ids = malloc(((size_t)n + 1) * sizeof *ids);
	if (!ids)
		return -1;
	uint32_t m = 0;
	uint64_t http_total = 0;
	for (uint32_t id = 0; id < n; id++) {
		if (!s->rows[id].used)
			continue;
		ids[m++] = id;
		if (s->compat || intern_str(&s->keys, id).p[0] == 1) /* HTTP rows */
			http_total += s->compat ? s->rows[id].hits[0] + s->rows[id].hits[1] : tier_sum(c, s->rows[id].hits);
	}
	sort_ids_by_string(ids, m, &s->keys);
	table_begin(t, t->o, t->fmt, s->compat ? compat_cols : default_cols, s->compat ? 4 : 7);
	for (uint32_t i = 0; i < m; i++) {
		const struct crow *w = &s->rows[ids[i]];
		bool eas = intern_str(&s->keys, ids[i]).p[0] == 2 && !s->compat;
		if (s->compat) {
			uint64_t hits = w->hits[0] + w->hits[1];
			table_str(t, w->status);
			table_str(t, w->sub);
			table_u64(t, hits);
			table_u64(t, http_total ? hits / http_total : 0); /* the cmdlet's integer division */
			table_end_row(t);
			continue;
		}
		uint64_t hits = eas ? w->hits[0] : tier_sum(c, w->hits);
		uint64_t base = eas ? s->log_lines : http_total;
		if (!eas && hits == 0)
			continue;
		char ratio[32];
		snprintf(ratio, sizeof ratio, "%.4f", base ? (double)hits / (double)base : 0.0);
		table_cstr(t, eas ? "eas" : "http");
		if (eas) {
			if (w->eas >= 0)
				table_i64(t, w->eas);
			else
				table_null(t);
			table_null(t);
			table_null(t);
			table_str(t, w->error);
		} else {
			table_u64(t, w->status_n);
			table_u64(t, w->sub_n);
			table_u64(t, w->win32);
			table_null(t);
		}
		table_u64(t, hits);
		table_num(t, ratio);
		table_end_row(t);
	}
	free(ids);
	return 0;
}

static json_t *sc_save(const void *a)
{
	const struct statuscodes *s = a;
	json_t *rows = json_array();
	for (uint32_t id = 0; rows && id < s->keys.count; id++) {
		const struct crow *w = &s->rows[id];
		if (!w->used)
			continue;
		json_t *r = json_pack("[oIoooIIIIo]", jbytes(intern_str(&s->keys, id)), (json_int_t)w->pos,
				      jbytes(w->status), jbytes(w->sub), jnums(w->hits, 2), (json_int_t)w->status_n,
				      (json_int_t)w->sub_n, (json_int_t)w->win32, (json_int_t)w->eas, jbytes(w->error));
		if (jpush(rows, r) < 0) {
			json_decref(rows);
			rows = NULL;
		}
	}
	return rows ? json_pack("{sosI}", "rows", rows, "log_lines", (json_int_t)s->log_lines) : NULL;
}

static int sc_load(void *a, const json_t *j, const struct load_ctx *lc)
{
	struct statuscodes *s = a;
	json_t *rows;
	json_int_t log_lines;
	if (json_unpack((json_t *)j, "{s:o,s:I}", "rows", &rows, "log_lines", &log_lines) < 0 ||
	    !json_is_array(rows) || log_lines < 0)
		return -1;
	s->log_lines = (uint64_t)log_lines;
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r)
	{
		json_t *key, *st, *sub, *hits, *err;
		json_int_t pos, status_n, sub_n, win32, eas;
		struct slice k;
		struct crow *w;
		if (json_unpack(r, "[oIoooIIIIo]", &key, &pos, &st, &sub, &hits, &status_n, &sub_n, &win32, &eas,
				&err) < 0 ||
		    jget_bytes(key, &s->keys, &k) < 0 || !(w = row(s, k)) || jget_bytes(st, &s->keys, &w->status) < 0 ||
		    jget_bytes(sub, &s->keys, &w->sub) < 0 || jget_bytes(err, &s->keys, &w->error) < 0 ||
		    jget_nums(hits, w->hits, 2) < 0)
			return -1;
		w->used = true;
		w->pos = pos_remap(lc, (uint64_t)pos);
		w->status_n = (uint64_t)status_n;
		w->sub_n = (uint64_t)sub_n;
		w->win32 = (uint64_t)win32;
		w->eas = eas;
	}
	return 0;
}

const struct analyzer_ops statuscodes_ops = {
	"statuscodes", "StatusCodes.csv", sc_create, sc_add, sc_merge, sc_emit, sc_destroy,
	sc_save, sc_load,
};
