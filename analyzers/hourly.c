/* hourly: Hourly.csv. compat: the cmdlet's fixed 168 rows (weekday x hour,
 * all dates pooled); default: a real time series, one row per hour from the
 * first to the last (gaps as zeros), or --by weekday for the pooled form. */
#include <stdio.h>
#include <stdlib.h>

#include "../formats/timeutil.h"
#include "analyzer.h"
#include "devset.h"

struct hrow {
	int64_t hour; /* hours since the epoch (local when --tz), or weekday*24+hour */
	uint64_t hits[2], sync[2], errors[2];
};

struct hourly {
	bool compat, pooled, tz;
	struct hrow *rows;
	size_t n, cap;
	struct u64map idx; /* bucket -> row */
	struct devset devs; /* bucket = row index */
};

static void *hourly_create(const struct report_opts *o)
{
	struct hourly *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	h->compat = o->compat;
	h->pooled = o->compat || o->by_weekday;
	h->tz = o->tz && !o->compat;
	if (u64map_init(&h->idx) < 0 || devset_init(&h->devs) < 0) {
		u64map_free(&h->idx);
		free(h);
		return NULL;
	}
	return h;
}

static void hourly_destroy(void *a)
{
	struct hourly *h = a;
	free(h->rows);
	u64map_free(&h->idx);
	devset_free(&h->devs);
	free(h);
}

static int64_t bucket_of(const struct hourly *h, int64_t ts)
{
	if (h->tz)
		ts += tz_offset(ts);
	int64_t hour = floor_div(ts, 3600);
	if (!h->pooled)
		return hour;
	int64_t day = floor_div(hour, 24);
	return (int64_t)weekday(day) * 24 + (hour - day * 24);
}

static struct hrow *row(struct hourly *h, int64_t bucket, uint32_t *ix)
{
	bool added;
	if (u64map_get(&h->idx, (uint64_t)bucket, (uint32_t)h->n, ix, &added) < 0)
		return NULL;
	if (added) {
		if (grow_zero((void **)&h->rows, &h->cap, h->n + 1, sizeof *h->rows) < 0)
			return NULL;
		h->rows[h->n++].hour = bucket;
	}
	return &h->rows[*ix];
}

static bool is_sync(enum eas_cmd c)
{
	return c == CMD_SYNC || c == CMD_GETITEMESTIMATE;
}

static int hourly_add(void *a, const struct eas_record *r, const struct keys *k)
{
	struct hourly *h = a;
	uint32_t ix;
	struct hrow *w = row(h, bucket_of(h, r->ts), &ix);
	if (!w)
		return -1;
	w->hits[k->tix]++;
	w->sync[k->tix] += is_sync(h->compat ? r->compat_cmd : r->cmd_id);
	w->errors[k->tix] += r->status >= 400;
	if (k->id[KEY_DEV] >= 0 && devset_add(&h->devs, ix, k->tix, (uint32_t)k->id[KEY_DEV]) < 0)
		return -1;
	return 0;
}

struct bmap {
	struct hourly *d;
	const struct hourly *s;
	int rc;
};

static uint32_t map_row(uint32_t b, void *arg)
{
	struct bmap *m = arg;
	uint32_t ix = 0;
	if (!row(m->d, m->s->rows[b].hour, &ix))
		m->rc = -1;
	return ix;
}

static int hourly_merge(void *da, const void *sa, uint32_t *const map[KEY_N])
{
	struct hourly *d = da;
	const struct hourly *s = sa;
	for (size_t i = 0; i < s->n; i++) {
		uint32_t ix;
		struct hrow *w = row(d, s->rows[i].hour, &ix);
		if (!w)
			return -1;
		for (int t = 0; t < 2; t++) {
			w->hits[t] += s->rows[i].hits[t];
			w->sync[t] += s->rows[i].sync[t];
			w->errors[t] += s->rows[i].errors[t];
		}
	}
	struct bmap m = {d, s, 0};
	if (devset_merge(&d->devs, &s->devs, map[KEY_DEV], map_row, &m) < 0)
		return -1;
	return m.rc;
}

static void tally(uint32_t b, uint64_t n, void *arg)
{
	((uint64_t *)arg)[b] = n;
}

static const struct hrow *sort_rows;

static int cmp_hour(const void *a, const void *b)
{
	int64_t x = sort_rows[*(const uint32_t *)a].hour, y = sort_rows[*(const uint32_t *)b].hour;
	return (x > y) - (x < y);
}

static const char *const day_names[7] = {"Sunday", "Monday", "Tuesday", "Wednesday",
					 "Thursday", "Friday", "Saturday"};
static const char *const compat_cols[] = {"Day", "Hour", "Unique Devices", "Sync Related Requests"};
static const char *const pooled_cols[] = {"Day", "Hour", "Unique Devices", "Sync Related Requests",
					  "Hits", "Errors"};
static const char *const series_cols[] = {"Date", "Hour", "Unique Devices", "Sync Related Requests",
					  "Hits", "Errors"};

static void put_row(struct table *t, const struct emit_ctx *c, const struct hrow *w, uint64_t devs,
		    bool compat)
{
	table_u64(t, devs);
	table_u64(t, w ? tier_sum(c, w->sync) : 0);
	if (!compat) {
		table_u64(t, w ? tier_sum(c, w->hits) : 0);
		table_u64(t, w ? tier_sum(c, w->errors) : 0);
	}
	table_end_row(t);
}

static int hourly_emit(void *a, struct table *t, const struct emit_ctx *c)
{
	struct hourly *h = a;
	uint64_t *devs = calloc(h->n + 1, sizeof *devs);
	if (!devs || devset_counts(&h->devs, c->count_tier, tally, devs) < 0) {
		free(devs);
		return -1;
	}
	if (h->pooled) {
		table_begin(t, t->o, t->fmt, h->compat ? compat_cols : pooled_cols, h->compat ? 4 : 6);
		for (int b = 0; b < 168; b++) {
			uint32_t ix = 0;
			bool found = u64map_find(&h->idx, (uint64_t)b, &ix);
			table_cstr(t, day_names[b / 24]);
			table_u64(t, (uint64_t)(b % 24));
			put_row(t, c, found ? &h->rows[ix] : NULL, found ? devs[ix] : 0, h->compat);
		}
		free(devs);
		return 0;
	}
	table_begin(t, t->o, t->fmt, series_cols, 6);
	uint32_t *order = malloc((h->n + 1) * sizeof *order);
	if (!order) {
		free(devs);
		return -1;
	}
	for (size_t i = 0; i < h->n; i++)
		order[i] = (uint32_t)i;
	sort_rows = h->rows;
	qsort(order, h->n, sizeof *order, cmp_hour);
	/* gaps are hours without requests: shown as zeros, which is the point
	 * of a time series, unless bad timestamps stretch it over years */
	int64_t lo = h->n ? h->rows[order[0]].hour : 0, hi = h->n ? h->rows[order[h->n - 1]].hour : -1;
	bool fill = hi - lo <= 24 * 366 * 10;
	if (!fill)
		fprintf(stderr, "%s: warning: Hourly spans more than 10 years (check the log timestamps);"
				" hours without requests are left out\n", c->prog);
	size_t i = 0;
	for (int64_t b = lo; b <= hi;) {
		bool found = i < h->n && h->rows[order[i]].hour == b;
		char date[11];
		format_date(floor_div(b, 24), date);
		table_cstr(t, date);
		table_u64(t, (uint64_t)(b - floor_div(b, 24) * 24));
		put_row(t, c, found ? &h->rows[order[i]] : NULL, found ? devs[order[i]] : 0, false);
		if (found)
			i++;
		if (fill)
			b++;
		else if (i < h->n)
			b = h->rows[order[i]].hour;
		else
			break;
	}
	free(order);
	free(devs);
	return 0;
}

static json_t *hourly_save(const void *a)
{
	const struct hourly *h = a;
	json_t *rows = json_array();
	for (size_t i = 0; rows && i < h->n; i++) {
		const struct hrow *w = &h->rows[i];
		json_t *r = json_pack("[Iooo]", (json_int_t)w->hour, jnums(w->hits, 2), jnums(w->sync, 2),
				      jnums(w->errors, 2));
		if (jpush(rows, r) < 0) {
			json_decref(rows);
			rows = NULL;
		}
	}
	return rows ? json_pack("{soso}", "rows", rows, "devices", devset_save(&h->devs)) : NULL;
}

static int hourly_load(void *a, const json_t *j, const struct load_ctx *lc)
{
	struct hourly *h = a;
	json_t *rows, *devs;
	if (json_unpack((json_t *)j, "{s:o,s:o}", "rows", &rows, "devices", &devs) < 0 || !json_is_array(rows))
		return -1;
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r)
	{
		json_int_t hour;
		json_t *hits, *sync, *errors;
		uint32_t ix;
		struct hrow *w;
		/* rows come back in their saved order: the devices' buckets stay valid */
		if (json_unpack(r, "[Iooo]", &hour, &hits, &sync, &errors) < 0 || !(w = row(h, hour, &ix)) ||
		    ix != i || jget_nums(hits, w->hits, 2) < 0 || jget_nums(sync, w->sync, 2) < 0 ||
		    jget_nums(errors, w->errors, 2) < 0)
			return -1;
	}
	return devset_load(&h->devs, devs, lc ? lc->nkeys[KEY_DEV] : 0, 0, h->n);
}

const struct analyzer_ops hourly_ops = {
	"hourly", "Hourly.csv", hourly_create, hourly_add, hourly_merge, hourly_emit, hourly_destroy,
	hourly_save, hourly_load,
};
