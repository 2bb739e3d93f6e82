/* servers: Servers.csv, one row per server: hits, bytes, average unique
 * devices per day; default mode adds days covered, first/last seen, hits
 * per tier and the error share. */
#include <stdio.h>
#include <stdlib.h>

#include "../formats/timeutil.h"
#include "analyzer.h"
#include "devset.h"

#define MAX_SERVERS (1u << 15)

struct srow {
	bool used;
	uint64_t pos;
	struct slice sc, host, ip; /* compat display: first seen */
	uint64_t hits[2], sent[2], recv[2], errors[2];
	int64_t first, last;
};

struct servers {
	bool compat;
	struct srow *rows;
	size_t cap;
	struct intern arena;
	struct devset devs;   /* bucket = server << 16 | day */
	struct devset days;   /* the same buckets, device 0: days with records */
	bool too_many;
};

static void *servers_create(const struct report_opts *o)
{
	struct servers *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->compat = o->compat;
	if (intern_init(&s->arena) < 0 || devset_init(&s->devs) < 0 || devset_init(&s->days) < 0) {
		intern_free(&s->arena);
		devset_free(&s->devs);
		free(s);
		return NULL;
	}
	return s;
}

static void servers_destroy(void *a)
{
	struct servers *s = a;
	free(s->rows);
	intern_free(&s->arena);
	devset_free(&s->devs);
	devset_free(&s->days);
	free(s);
}

static struct slice keep(struct servers *s, struct slice v)
{
	if (slice_is_null(v))
		v = SLICE_LIT("");
	const char *p = intern_keep(&s->arena, v);
	return p ? slice_make(p, v.n) : SLICE_NULL;
}

static uint32_t bucket(uint32_t server, int64_t day)
{
	return server << 16 | (uint32_t)(day & 0xFFFF);
}

static int take_display(struct servers *s, struct srow *w, struct slice sc, struct slice host, struct slice ip, uint64_t pos)
{
	if (w->used && pos >= w->pos)
		return 0;
	w->sc = keep(s, sc);
	w->host = keep(s, host);
	w->ip = keep(s, ip);
	w->pos = pos;
	return w->sc.p && w->host.p && w->ip.p ? 0 : -1;
}

static int servers_add(void *a, const struct eas_record *r, const struct keys *k)
{
	struct servers *s = a;
	int64_t id = k->id[KEY_SERVER];
	if (id < 0)
		return 0;
	if ((uint64_t)id >= MAX_SERVERS) {
		s->too_many = true;
		return 0;
	}
	if (grow_zero((void **)&s->rows, &s->cap, (size_t)id + 1, sizeof *s->rows) < 0)
		return -1;
	struct srow *w = &s->rows[id];
	if (take_display(s, w, r->w[W3C_S_COMPUTERNAME], r->w[W3C_CS_HOST], r->w[W3C_S_IP], record_pos(r)) < 0)
		return -1;
	if (!w->used)
		w->first = w->last = r->ts;
	w->used = true;
	w->hits[k->tix]++;
	w->sent[k->tix] = sat_add(w->sent[k->tix], r->bytes_sent);
	w->recv[k->tix] = sat_add(w->recv[k->tix], r->bytes_recv);
	w->errors[k->tix] += r->status >= 400;
	if (r->ts < w->first)
		w->first = r->ts;
	if (r->ts > w->last)
		w->last = r->ts;
	uint32_t b = bucket((uint32_t)id, k->day);
	if (devset_add(&s->days, b, k->tix, 0) < 0)
		return -1;
	if (k->id[KEY_DEV] >= 0 && devset_add(&s->devs, b, k->tix, (uint32_t)k->id[KEY_DEV]) < 0)
		return -1;
	return 0;
}

static uint32_t map_bucket(uint32_t b, void *arg)
{
	const uint32_t *smap = arg;
	return bucket(smap[b >> 16], b & 0xFFFF);
}

static int servers_merge(void *da, const void *sa, uint32_t *const map[KEY_N])
{
	struct servers *d = da;
	const struct servers *s = sa;
	d->too_many |= s->too_many;
	for (size_t id = 0; id < s->cap; id++) {
		const struct srow *x = &s->rows[id];
		if (!x->used)
			continue;
		uint32_t did = map[KEY_SERVER][id];
		if (did >= MAX_SERVERS) {
			d->too_many = true;
			continue;
		}
		if (grow_zero((void **)&d->rows, &d->cap, (size_t)did + 1, sizeof *d->rows) < 0)
			return -1;
		struct srow *w = &d->rows[did];
		if (take_display(d, w, x->sc, x->host, x->ip, x->pos) < 0)
			return -1;
		if (!w->used) {
			w->first = x->first;
			w->last = x->last;
		}
		w->used = true;
		for (int t = 0; t < 2; t++) {
			w->hits[t] = sat_add(w->hits[t], x->hits[t]);
			w->sent[t] = sat_add(w->sent[t], x->sent[t]);
			w->recv[t] = sat_add(w->recv[t], x->recv[t]);
			w->errors[t] = sat_add(w->errors[t], x->errors[t]);
		}
		if (x->first < w->first)
			w->first = x->first;
		if (x->last > w->last)
			w->last = x->last;
	}
	static const uint32_t zero[1] = {0};
	if (devset_merge(&d->devs, &s->devs, map[KEY_DEV], map_bucket, map[KEY_SERVER]) < 0 ||
	    devset_merge(&d->days, &s->days, zero, map_bucket, map[KEY_SERVER]) < 0)
		return -1;
	return 0;
}

/* Per server: the sum of daily distinct devices and the number of days. */
struct per_server {
	uint64_t *sum, *ndays;
};

static void tally(uint32_t b, uint64_t n, void *arg)
{
	struct per_server *p = arg;
	p->sum[b >> 16] += n;
	p->ndays[b >> 16]++;
}

static const char *const compat_cols[] = {"Server", "Host", "IP Address", "Average Unique Devices",
					  "Hits", "Total Bytes Sent", "Total Bytes Received"};
static const char *const default_cols[] = {
	"Server", "Days", "First Seen", "Last Seen", "Hits", "Front-End Hits", "Back-End Hits",
	"Average Unique Devices", "Errors", "Error Share", "Total Bytes Sent", "Total Bytes Received"};

static int servers_emit(void *a, struct table *t, const struct emit_ctx *c)
{
	struct servers *s = a;
	const struct intern *keys = &c->k[KEY_SERVER];
	size_t nk = keys->count;
	uint32_t *ids = malloc((nk + 1) * sizeof *ids);
	struct per_server dev = {calloc(nk + 1, 8), calloc(nk + 1, 8)};
	struct per_server day = {calloc(nk + 1, 8), calloc(nk + 1, 8)};
	int rc = -1;
	if (!ids || !dev.sum || !dev.ndays || !day.sum || !day.ndays)
		goto out;
	if (s->too_many)
		fprintf(stderr, "warning: more than %u distinct servers; the rest are not in Servers.csv\n", MAX_SERVERS);
	static const bool all_tiers[2] = {true, true};
	if (devset_counts(&s->devs, c->count_tier, tally, &dev) < 0 ||
	    devset_counts(&s->days, all_tiers, tally, &day) < 0)
		goto out;
	size_t n = 0;
	for (uint32_t id = 0; id < nk && id < s->cap; id++)
		if (s->rows[id].used)
			ids[n++] = id;
	sort_ids_by_string(ids, n, keys);
	if (s->compat) {
		table_begin(t, t->o, t->fmt, compat_cols, 7);
		for (size_t i = 0; i < n; i++) {
			const struct srow *w = &s->rows[ids[i]];
			table_str(t, w->sc);
			table_str(t, w->host);
			table_str(t, w->ip);
			uint32_t id = ids[i];
			table_u64(t, dev.ndays[id] ? dev.sum[id] / dev.ndays[id] : 0);
			table_u64(t, sat_add(w->hits[0], w->hits[1]));
			table_u64(t, sat_add(w->sent[0], w->sent[1]));
			table_u64(t, sat_add(w->recv[0], w->recv[1]));
			table_end_row(t);
		}
		rc = 0;
		goto out;
	}
	table_begin(t, t->o, t->fmt, default_cols, 12);
	for (size_t i = 0; i < n; i++) {
		uint32_t id = ids[i];
		const struct srow *w = &s->rows[id];
		uint64_t hits = tier_sum(c, w->hits), errors = tier_sum(c, w->errors);
		char f[21], l[21], avg[32], share[32];
		format_iso(w->first, f);
		format_iso(w->last, l);
		snprintf(avg, sizeof avg, "%.1f", dev.ndays[id] ? (double)dev.sum[id] / (double)dev.ndays[id] : 0.0);
		snprintf(share, sizeof share, "%.4f", hits ? (double)errors / (double)hits : 0.0);
		table_str(t, intern_str(keys, id));
		table_u64(t, day.ndays[id]);
		table_cstr(t, f);
		table_cstr(t, l);
		table_u64(t, hits);
		table_u64(t, w->hits[0]);
		table_u64(t, w->hits[1]);
		table_num(t, avg);
		table_u64(t, errors);
		table_num(t, share);
		table_u64(t, tier_sum(c, w->sent));
		table_u64(t, tier_sum(c, w->recv));
		table_end_row(t);
	}
	rc = 0;
out:
	free(ids);
	free(dev.sum);
	free(dev.ndays);
	free(day.sum);
	free(day.ndays);
	return rc;
}

static json_t *servers_save(const void *a)
{
	const struct servers *s = a;
	json_t *rows = json_array();
	for (size_t id = 0; rows && id < s->cap; id++) {
		const struct srow *w = &s->rows[id];
		if (!w->used)
			continue;
		json_t *r = json_pack("[IIoooooooII]", (json_int_t)id, (json_int_t)w->pos, jbytes(w->sc),
				      jbytes(w->host), jbytes(w->ip), jnums(w->hits, 2), jnums(w->sent, 2),
				      jnums(w->recv, 2), jnums(w->errors, 2), (json_int_t)w->first, (json_int_t)w->last);
		if (jpush(rows, r) < 0) {
			json_decref(rows);
			rows = NULL;
		}
	}
	json_t *j = rows ? json_pack("{sosososb}", "rows", rows, "devices", devset_save(&s->devs), "days",
				     devset_save(&s->days), "too_many", s->too_many)
			 : NULL;
	return j;
}

static int servers_load(void *a, const json_t *j, const struct load_ctx *lc)
{
	struct servers *s = a;
	json_t *rows, *devs, *days;
	int too_many;
	if (json_unpack((json_t *)j, "{s:o,s:o,s:o,s:b}", "rows", &rows, "devices", &devs, "days", &days,
			"too_many", &too_many) < 0 ||
	    !json_is_array(rows))
		return -1;
	s->too_many = too_many;
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r)
	{
		json_int_t id, pos, first, last;
		json_t *sc, *host, *ip, *hits, *sent, *recv, *errors;
		if (json_unpack(r, "[IIoooooooII]", &id, &pos, &sc, &host, &ip, &hits, &sent, &recv, &errors,
				&first, &last) < 0 ||
		    !key_ok(lc, KEY_SERVER, id) || id >= MAX_SERVERS ||
		    grow_zero((void **)&s->rows, &s->cap, (size_t)id + 1, sizeof *s->rows) < 0)
			return -1;
		struct srow *w = &s->rows[id];
		if (jget_bytes(sc, &s->arena, &w->sc) < 0 || jget_bytes(host, &s->arena, &w->host) < 0 ||
		    jget_bytes(ip, &s->arena, &w->ip) < 0 || jget_nums(hits, w->hits, 2) < 0 ||
		    jget_nums(sent, w->sent, 2) < 0 || jget_nums(recv, w->recv, 2) < 0 ||
		    jget_nums(errors, w->errors, 2) < 0)
			return -1;
		w->used = true;
		w->pos = pos_remap(lc, (uint64_t)pos);
		w->first = first;
		w->last = last;
	}
	/* buckets: server << 16 | day; the days' only device is 0 */
	size_t nsrv = lc ? lc->nkeys[KEY_SERVER] : 0, ndev = lc ? lc->nkeys[KEY_DEV] : 0;
	if (devset_load(&s->devs, devs, ndev, 16, nsrv) < 0 || devset_load(&s->days, days, 1, 16, nsrv) < 0)
		return -1;
	return 0;
}

const struct analyzer_ops servers_ops = {
	"servers", "Servers.csv", servers_create, servers_add, servers_merge, servers_emit, servers_destroy,
	servers_save, servers_load,
};
