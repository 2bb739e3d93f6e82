/* useragents: UserAgents.csv, one row per user agent: hits and distinct
 * devices; default mode adds first and last seen. */
#include <stdlib.h>

#include "../formats/timeutil.h"
#include "analyzer.h"
#include "devset.h"

struct arow {
	bool used;
	uint64_t hits[2];
	int64_t first, last;
};

struct useragents {
	bool compat;
	struct arow *rows;
	size_t cap;
	struct devset devs; /* bucket = agent id */
};

static void *ua_create(const struct report_opts *o)
{
	struct useragents *u = calloc(1, sizeof *u);
	if (!u || devset_init(&u->devs) < 0) {
		free(u);
		return NULL;
	}
	u->compat = o->compat;
	return u;
}

static void ua_destroy(void *a)
{
	struct useragents *u = a;
	free(u->rows);
	devset_free(&u->devs);
	free(u);
}

static struct arow *row(struct useragents *u, uint32_t id, int64_t first, int64_t last)
{
	if (grow_zero((void **)&u->rows, &u->cap, (size_t)id + 1, sizeof *u->rows) < 0)
		return NULL;
	struct arow *w = &u->rows[id];
	if (!w->used) {
		w->used = true;
		w->first = first;
		w->last = last;
	}
	if (first < w->first)
		w->first = first;
	if (last > w->last)
		w->last = last;
	return w;
}

static int ua_add(void *a, const struct eas_record *r, const struct keys *k)
{
	struct useragents *u = a;
	int64_t id = k->id[KEY_AGENT];
	if (id < 0)
		return 0;
	struct arow *w = row(u, (uint32_t)id, r->ts, r->ts);
	if (!w)
		return -1;
	w->hits[k->tix]++;
	if (k->id[KEY_DEV] >= 0 && devset_add(&u->devs, (uint32_t)id, k->tix, (uint32_t)k->id[KEY_DEV]) < 0)
		return -1;
	return 0;
}

static uint32_t map_agent(uint32_t b, void *arg)
{
	return ((const uint32_t *)arg)[b];
}

static int ua_merge(void *da, const void *sa, uint32_t *const map[KEY_N])
{
	struct useragents *d = da;
	const struct useragents *s = sa;
	for (size_t id = 0; id < s->cap; id++) {
		const struct arow *x = &s->rows[id];
		if (!x->used)
			continue;
		struct arow *w = row(d, map[KEY_AGENT][id], x->first, x->last);
		if (!w)
			return -1;
		w->hits[0] += x->hits[0];
		w->hits[1] += x->hits[1];
	}
	return devset_merge(&d->devs, &s->devs, map[KEY_DEV], map_agent, map[KEY_AGENT]);
}

static void tally(uint32_t b, uint64_t n, void *arg)
{
	((uint64_t *)arg)[b] = n;
}

static const char *const cols[] = {"User Agent", "Hits", "Unique Devices", "First Seen", "Last Seen"};

static int ua_emit(void *a, struct table *t, const struct emit_ctx *c)
{
	struct useragents *u = a;
	const struct intern *keys = &c->k[KEY_AGENT];
	uint32_t *ids = malloc(((size_t)keys->count + 1) * sizeof *ids);
	uint64_t *devs = calloc((size_t)keys->count + 1, sizeof *devs);
	if (!ids || !devs || devset_counts(&u->devs, c->count_tier, tally, devs) < 0) {
		free(ids);
		free(devs);
		return -1;
	}
	uint32_t n = 0;
	for (uint32_t id = 0; id < keys->count && id < u->cap; id++)
		if (u->rows[id].used && tier_sum(c, u->rows[id].hits) > 0)
			ids[n++] = id;
	sort_ids_by_string(ids, n, keys);
	table_begin(t, t->o, t->fmt, cols, u->compat ? 3 : 5);
	for (uint32_t i = 0; i < n; i++) {
		const struct arow *w = &u->rows[ids[i]];
		table_str(t, intern_str(keys, ids[i]));
		table_u64(t, tier_sum(c, w->hits));
		table_u64(t, devs[ids[i]]);
		if (!u->compat) {
			char f[21], l[21];
			format_iso(w->first, f);
			format_iso(w->last, l);
			table_cstr(t, f);
			table_cstr(t, l);
		}
		table_end_row(t);
	}
	free(ids);
	free(devs);
	return 0;
}

static json_t *ua_save(const void *a)
{
	const struct useragents *u = a;
	json_t *rows = json_array();
	for (size_t id = 0; rows && id < u->cap; id++) {
		const struct arow *w = &u->rows[id];
		if (!w->used)
			continue;
		json_t *r = json_pack("[IoII]", (json_int_t)id, jnums(w->hits, 2), (json_int_t)w->first,
				      (json_int_t)w->last);
		if (jpush(rows, r) < 0) {
			json_decref(rows);
			rows = NULL;
		}
	}
	return rows ? json_pack("{soso}", "rows", rows, "devices", devset_save(&u->devs)) : NULL;
}

static int ua_load(void *a, const json_t *j, const struct load_ctx *lc)
{
	struct useragents *u = a;
	json_t *rows, *devs;
	if (json_unpack((json_t *)j, "{s:o,s:o}", "rows", &rows, "devices", &devs) < 0 || !json_is_array(rows))
		return -1;
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r)
	{
		json_int_t id, first, last;
		json_t *hits;
		struct arow *w;
		if (json_unpack(r, "[IoII]", &id, &hits, &first, &last) < 0 || !key_ok(lc, KEY_AGENT, id) ||
		    !(w = row(u, (uint32_t)id, first, last)) || jget_nums(hits, w->hits, 2) < 0)
			return -1;
	}
	return devset_load(&u->devs, devs, lc ? lc->nkeys[KEY_DEV] : 0, 0, lc ? lc->nkeys[KEY_AGENT] : 0);
}

const struct analyzer_ops useragents_ops = {
	"useragents", "UserAgents.csv", ua_create, ua_add, ua_merge, ua_emit, ua_destroy,
	ua_save, ua_load,
};
