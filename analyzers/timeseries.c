/* timeseries: easlog-hits --report series: per time bucket (5m, 15m, 1h, 1d;
 * UTC or --tz) and group: hits, exact unique devices, errors, and the median
 * and 95th percentile of time-taken from a log-scale histogram. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "../formats/timeutil.h"
#include "analyzer.h"
#include "classify.h"
#include "devset.h"

struct srow {
	int64_t bucket;               /* local seconds / interval */
	uint32_t g;                   /* group id (groups interner) */
	uint64_t hits[2];
	uint64_t e_http[2];           /* HTTP status >= 400 */
	uint64_t e_eas[2];            /* EAS error with HTTP status < 400 */
};

struct hent {
	uint32_t row;
	uint16_t bin;
	uint8_t tier;
	uint64_t n;
};

struct series {
	int64_t interval;
	enum group_kind group;
	bool tz;
	struct srow *rows;
	size_t n, cap;
	struct u64map idx;            /* (uint32)bucket << 32 | g -> row */
	struct intern groups;         /* raw group values */
	int64_t memo_g;               /* the last group id, for repeats */
	struct devset devs;           /* bucket = row */
	struct hent *h;
	size_t nh, hcap;
	struct u64map hidx;           /* row << 12 | bin << 1 | tier -> h index */
};

static void *series_create(const struct report_opts *o)
{
	struct series *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	const struct triage_opts *t = o->triage;
	s->interval = t && t->interval > 0 ? t->interval : 3600;
	s->group = t ? t->group : GROUP_NONE;
	s->tz = o->tz;
	s->memo_g = -1;
	if (u64map_init(&s->idx) < 0 || intern_init(&s->groups) < 0 || devset_init(&s->devs) < 0 ||
	    u64map_init(&s->hidx) < 0) {
		u64map_free(&s->idx);
		intern_free(&s->groups);
		devset_free(&s->devs);
		u64map_free(&s->hidx);
		free(s);
		return NULL;
	}
	return s;
}

static void series_destroy(void *a)
{
	struct series *s = a;
	free(s->rows);
	free(s->h);
	u64map_free(&s->idx);
	u64map_free(&s->hidx);
	intern_free(&s->groups);
	devset_free(&s->devs);
	free(s);
}

static struct srow *row(struct series *s, int64_t bucket, uint32_t g, uint32_t *ix)
{
	bool added;
	uint64_t key = (uint64_t)(uint32_t)bucket << 32 | g;
	if (u64map_get(&s->idx, key, (uint32_t)s->n, ix, &added) < 0)
		return NULL;
	if (added) {
		if (grow_zero((void **)&s->rows, &s->cap, s->n + 1, sizeof *s->rows) < 0)
			return NULL;
		s->rows[s->n].bucket = bucket;
		s->rows[s->n].g = g;
		s->n++;
	}
	return &s->rows[*ix];
}

static int hist_add(struct series *s, uint32_t r, unsigned bin, unsigned tier, uint64_t n)
{
	uint32_t ix;
	bool added;
	uint64_t key = (uint64_t)r << 12 | (uint64_t)bin << 1 | (tier & 1);
	if (u64map_get(&s->hidx, key, (uint32_t)s->nh, &ix, &added) < 0)
		return -1;
	if (added) {
		if (grow_zero((void **)&s->h, &s->hcap, s->nh + 1, sizeof *s->h) < 0)
			return -1;
		s->h[s->nh++] = (struct hent){r, (uint16_t)bin, (uint8_t)tier, 0};
	}
	s->h[ix].n = sat_add(s->h[ix].n, n);
	return 0;
}

static int64_t group_id(struct series *s, struct slice raw)
{
	if (s->memo_g >= 0) {
		struct slice m = intern_str(&s->groups, (uint32_t)s->memo_g);
		if (m.n == raw.n && (m.n == 0 || memcmp(m.p, raw.p, m.n) == 0))
			return s->memo_g;
	}
	return s->memo_g = intern_get(&s->groups, raw, NULL);
}

static int series_add(void *a, const struct eas_record *r, const struct keys *k)
{
	struct series *s = a;
	int64_t ts = r->ts;
	if (s->tz)
		ts += tz_offset(ts);
	/* without a group every record is in group "" */
	int64_t g = group_id(s, s->group == GROUP_NONE ? SLICE_LIT("") : group_raw(s->group, r));
	if (g < 0)
		return -1;
	uint32_t ix;
	struct srow *w = row(s, floor_div(ts, s->interval), (uint32_t)g, &ix);
	if (!w)
		return -1;
	unsigned t = k->tix;
	w->hits[t]++;
	if (r->status >= 400)
		w->e_http[t]++;
	else if (eas_record_failed(r))
		w->e_eas[t]++;
	if (k->id[KEY_DEV] >= 0 && devset_add(&s->devs, ix, t, (uint32_t)k->id[KEY_DEV]) < 0)
		return -1;
	if (!slice_is_null(r->w[W3C_TIME_TAKEN]) && (r->cmd_id != CMD_PING || s->group == GROUP_COMMAND) &&
	    hist_add(s, ix, lat_bin(r->time_taken), t, 1) < 0)
		return -1;
	return 0;
}

static uint32_t map_row(uint32_t b, void *arg)
{
	return ((const uint32_t *)arg)[b];
}

static int series_merge(void *da, const void *sa, uint32_t *const map[KEY_N])
{
	struct series *d = da;
	const struct series *s = sa;
	uint32_t *rm = malloc((s->n + 1) * sizeof *rm);
	if (!rm)
		return -1;
	for (size_t i = 0; i < s->n; i++) {
		const struct srow *x = &s->rows[i];
		int64_t g = intern_get(&d->groups, intern_str(&s->groups, x->g), NULL);
		struct srow *w = g < 0 ? NULL : row(d, x->bucket, (uint32_t)g, &rm[i]);
		if (!w) {
			free(rm);
			return -1;
		}
		for (int t = 0; t < 2; t++) {
			w->hits[t] = sat_add(w->hits[t], x->hits[t]);
			w->e_http[t] = sat_add(w->e_http[t], x->e_http[t]);
			w->e_eas[t] = sat_add(w->e_eas[t], x->e_eas[t]);
		}
	}
	d->memo_g = -1;
	for (size_t i = 0; i < s->nh; i++)
		if (hist_add(d, rm[s->h[i].row], s->h[i].bin, s->h[i].tier, s->h[i].n) < 0) {
			free(rm);
			return -1;
		}
	int rc = devset_merge(&d->devs, &s->devs, map[KEY_DEV], map_row, rm);
	free(rm);
	return rc;
}

/* Emit: rows regrouped by display name (agents classified). */
struct orow {
	int64_t bucket;
	uint32_t g;                   /* display name id */
	uint64_t hits, errors, devs, lat_n;
	uint64_t p50, p95;
};

static const struct intern *cmp_names;

static int cmp_name_ids(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return natural_cmp(intern_str(cmp_names, x), intern_str(cmp_names, y));
}

static int cmp_hent(const void *a, const void *b)
{
	const struct hent *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return (x->bin > y->bin) - (x->bin < y->bin);
}

static void tally(uint32_t b, uint64_t n, void *arg)
{
	((uint64_t *)arg)[b] = n;
}

static const struct orow *cmp_rows;
static const uint32_t *cmp_rank;

static int cmp_orow(const void *a, const void *b)
{
	const struct orow *x = &cmp_rows[*(const uint32_t *)a], *y = &cmp_rows[*(const uint32_t *)b];
	if (x->bucket != y->bucket)
		return x->bucket < y->bucket ? -1 : 1;
	return (cmp_rank[x->g] > cmp_rank[y->g]) - (cmp_rank[x->g] < cmp_rank[y->g]);
}

/* "YYYY-MM-DDTHH:MM:SSZ", or with the zone's offset under --tz. */
static void format_start(int64_t local, bool tz, char out[32])
{
	int64_t day = floor_div(local, 86400), sec = local - day * 86400;
	char date[11];
	format_date(day, date);
	int n = snprintf(out, 32, "%sT%02d:%02d:%02d", date, (int)(sec / 3600), (int)(sec / 60 % 60), (int)(sec % 60));
	if (!tz) {
		snprintf(out + n, 32 - (size_t)n, "Z");
		return;
	}
	long off = tz_offset(local - tz_offset(local));
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	snprintf(out + n, 32 - (size_t)n, "%c%02ld:%02ld", sign, off / 3600, off / 60 % 60);
}

struct emit_state {
	uint32_t *gmap;               /* raw group id -> display id */
	struct intern names;          /* display names */
	struct orow *o;
	size_t no, ocap;
	struct u64map oidx;
	uint32_t *rmap;               /* row -> output row */
	uint32_t *devmap;
	uint64_t *devs;
	struct hent *hs;
	struct devset odevs;
	uint32_t *order, *rank, *gorder;
};

static void emit_state_free(struct emit_state *e)
{
	free(e->gmap);
	intern_free(&e->names);
	free(e->o);
	u64map_free(&e->oidx);
	free(e->rmap);
	free(e->devmap);
	free(e->devs);
	free(e->hs);
	devset_free(&e->odevs);
	free(e->order);
	free(e->rank);
	free(e->gorder);
}

static struct orow *orow_get(struct emit_state *e, int64_t bucket, uint32_t g, uint32_t *ix)
{
	bool added;
	if (u64map_get(&e->oidx, (uint64_t)(uint32_t)bucket << 32 | g, (uint32_t)e->no, ix, &added) < 0)
		return NULL;
	if (added) {
		if (grow_zero((void **)&e->o, &e->ocap, e->no + 1, sizeof *e->o) < 0)
			return NULL;
		e->o[e->no].bucket = bucket;
		e->o[e->no].g = g;
		e->no++;
	}
	return &e->o[*ix];
}

static int series_emit(void *a, struct table *t, const struct emit_ctx *c)
{
	struct series *s = a;
	struct emit_state e;
	memset(&e, 0, sizeof e);
	int rc = -1;
	const struct triage_opts *to = c->o->triage;
	uint32_t ndev = c->k[KEY_DEV].count;
	if (intern_init(&e.names) < 0 || u64map_init(&e.oidx) < 0 || devset_init(&e.odevs) < 0)
		goto out;
	e.gmap = malloc(((size_t)s->groups.count + 1) * sizeof *e.gmap);
	e.rmap = malloc((s->n + 1) * sizeof *e.rmap);
	e.devmap = malloc(((size_t)ndev + 1) * sizeof *e.devmap);
	if (!e.gmap || !e.rmap || !e.devmap)
		goto out;
	for (uint32_t i = 0; i < ndev; i++)
		e.devmap[i] = i;
	for (uint32_t g = 0; g < s->groups.count; g++) {
		struct slice raw = intern_str(&s->groups, g);
		struct ua_class cls;
		bool agent = s->group == GROUP_AGENT_FAMILY || s->group == GROUP_OS;
		if (agent && classifier_match(to ? to->rules : NULL, raw, SLICE_LIT(""), &cls) < 0)
			goto out;
		struct slice name = s->group == GROUP_NONE ? SLICE_LIT("") : group_display(s->group, raw, agent ? &cls : NULL);
		int64_t id = intern_get(&e.names, name, NULL);
		if (id < 0)
			goto out;
		e.gmap[g] = (uint32_t)id;
	}
	for (size_t i = 0; i < s->n; i++) {
		const struct srow *x = &s->rows[i];
		struct orow *w = orow_get(&e, x->bucket, e.gmap[x->g], &e.rmap[i]);
		if (!w)
			goto out;
		w->hits = sat_add(w->hits, tier_sum(c, x->hits));
		w->errors = sat_add(w->errors, sat_add(tier_sum(c, x->e_http), sat_add(x->e_eas[0], x->e_eas[1])));
	}
	if (devset_merge(&e.odevs, &s->devs, e.devmap, map_row, e.rmap) < 0)
		goto out;
	e.devs = calloc(e.no + 1, sizeof *e.devs);
	if (!e.devs || devset_counts(&e.odevs, c->count_tier, tally, e.devs) < 0)
		goto out;
	/* latency: the counted tiers' entries by output row and bin */
	e.hs = malloc((s->nh + 1) * sizeof *e.hs);
	if (!e.hs)
		goto out;
	size_t nhs = 0;
	for (size_t i = 0; i < s->nh; i++)
		if (c->count_tier[s->h[i].tier]) {
			e.hs[nhs] = s->h[i];
			e.hs[nhs++].row = e.rmap[s->h[i].row];
		}
	qsort(e.hs, nhs, sizeof *e.hs, cmp_hent);
	for (size_t i = 0; i < nhs;) {
		size_t j = i;
		uint64_t total = 0;
		for (; j < nhs && e.hs[j].row == e.hs[i].row; j++)
			total = sat_add(total, e.hs[j].n);
		/* nearest rank, as lat_quantile() */
		uint64_t r50 = (uint64_t)ceil(0.5 * (double)total), r95 = (uint64_t)ceil(0.95 * (double)total);
		struct orow *w = &e.o[e.hs[i].row];
		w->lat_n = total;
		uint64_t acc = 0;
		bool got50 = false, got95 = false;
		for (size_t k = i; k < j; k++) {
			acc = sat_add(acc, e.hs[k].n);
			if (!got50 && acc >= r50) {
				w->p50 = lat_value(e.hs[k].bin);
				got50 = true;
			}
			if (!got95 && acc >= r95) {
				w->p95 = lat_value(e.hs[k].bin);
				got95 = true;
			}
		}
		i = j;
	}
	/* groups in natural order of their names */
	uint32_t ng = e.names.count;
	e.gorder = malloc(((size_t)ng + 1) * sizeof *e.gorder);
	e.rank = malloc(((size_t)ng + 1) * sizeof *e.rank);
	e.order = malloc((e.no + 1) * sizeof *e.order);
	if (!e.gorder || !e.rank || !e.order)
		goto out;
	for (uint32_t i = 0; i < ng; i++)
		e.gorder[i] = i;
	cmp_names = &e.names;
	qsort(e.gorder, ng, sizeof *e.gorder, cmp_name_ids);
	for (uint32_t i = 0; i < ng; i++)
		e.rank[e.gorder[i]] = i;
	/* rows with no counted hits (another tier's only) are not shown */
	size_t nord = 0;
	for (size_t i = 0; i < e.no; i++)
		if (e.o[i].hits || e.o[i].errors)
			e.order[nord++] = (uint32_t)i;
	cmp_rows = e.o;
	cmp_rank = e.rank;
	qsort(e.order, nord, sizeof *e.order, cmp_orow);

	const char *cols[7];
	int nc = 0;
	cols[nc++] = "Start";
	if (s->group != GROUP_NONE)
		cols[nc++] = group_kind_header(s->group);
	cols[nc++] = "Hits";
	cols[nc++] = "Unique Devices";
	cols[nc++] = "Errors";
	cols[nc++] = "Median Time Taken";
	cols[nc++] = "95th Percentile Time Taken";
	table_begin(t, t->o, t->fmt, cols, nc);
	/* the groups shown: those with a row */
	bool *shown = calloc((size_t)ng + 1, sizeof *shown);
	if (!shown)
		goto out;
	for (size_t i = 0; i < nord; i++)
		shown[e.o[e.order[i]].g] = true;
	size_t nshown = 0;
	for (uint32_t i = 0; i < ng; i++)
		nshown += shown[i];
	int64_t lo = nord ? e.o[e.order[0]].bucket : 0, hi = nord ? e.o[e.order[nord - 1]].bucket : -1;
	/* every bucket from the first to the last, every group in each (zeros
	 * where it had no request: silence is what a series is read for),
	 * unless that would be absurdly many rows (wrong timestamps) */
	bool fill = nord && (double)(hi - lo + 1) * (double)nshown <= 5e6;
	if (nord && !fill)
		fprintf(stderr, "warning: the series would have more than 5000000 rows (check the log timestamps);"
				" buckets without requests are left out\n");
	size_t i = 0;
	for (int64_t b = lo; nord && b <= hi;) {
		for (uint32_t gi = 0; gi < ng; gi++) {
			uint32_t g = e.gorder[gi];
			if (!shown[g])
				continue;
			bool found = i < nord && e.o[e.order[i]].bucket == b && e.o[e.order[i]].g == g;
			if (!found && !fill)
				continue;
			const struct orow *w = found ? &e.o[e.order[i]] : NULL;
			char start[32];
			format_start(b * s->interval, s->tz, start);
			table_cstr(t, start);
			if (s->group != GROUP_NONE)
				table_str(t, intern_str(&e.names, g));
			table_u64(t, w ? w->hits : 0);
			table_u64(t, w ? e.devs[e.order[i]] : 0);
			table_u64(t, w ? w->errors : 0);
			if (w && w->lat_n) {
				table_u64(t, w->p50);
				table_u64(t, w->p95);
			} else {
				table_null(t);
				table_null(t);
			}
			table_end_row(t);
			if (found)
				i++;
		}
		if (fill)
			b++;
		else if (i < nord)
			b = e.o[e.order[i]].bucket;
		else
			break;
	}
	free(shown);
	rc = 0;
out:
	emit_state_free(&e);
	return rc;
}

static json_t *series_save(const void *a)
{
	const struct series *s = a;
	json_t *rows = json_array(), *groups = json_array(), *lat = json_array();
	bool ok = rows && groups && lat;
	for (size_t i = 0; ok && i < s->n; i++) {
		const struct srow *w = &s->rows[i];
		uint64_t v[6] = {w->hits[0], w->hits[1], w->e_http[0], w->e_http[1], w->e_eas[0], w->e_eas[1]};
		ok = jpush(rows, json_pack("[IIo]", (json_int_t)w->bucket, (json_int_t)w->g, jnums(v, 6))) == 0;
	}
	for (uint32_t g = 0; ok && g < s->groups.count; g++)
		ok = jpush(groups, jbytes(intern_str(&s->groups, g))) == 0;
	for (size_t i = 0; ok && i < s->nh; i++)
		ok = jpush(lat, jnum(s->h[i].row)) == 0 && jpush(lat, jnum(s->h[i].bin * 2 + s->h[i].tier)) == 0 &&
		     jpush(lat, jnum((int64_t)s->h[i].n)) == 0;
	json_t *j = ok ? json_pack("{sIsssoso so so}", "interval", (json_int_t)s->interval, "group",
				   group_kind_name(s->group), "rows", rows, "groups", groups, "latency", lat, "devices",
				   devset_save(&s->devs))
		       : NULL;
	if (!j) {
		json_decref(rows);
		json_decref(groups);
		json_decref(lat);
	}
	return j;
}

static int series_load(void *a, const json_t *j, const struct load_ctx *lc)
{
	struct series *s = a;
	json_t *rows, *groups, *lat, *devs;
	json_int_t interval;
	const char *group;
	if (json_unpack((json_t *)j, "{s:I,s:s,s:o,s:o,s:o,s:o}", "interval", &interval, "group", &group, "rows",
			&rows, "groups", &groups, "latency", &lat, "devices", &devs) < 0 ||
	    !json_is_array(rows) || !json_is_array(groups) || !json_is_array(lat) || json_array_size(lat) % 3)
		return -1;
	if (interval != s->interval || strcmp(group, group_kind_name(s->group)) != 0) {
		fprintf(stderr, "series: a partial result made with --interval %llds --group %s cannot be merged into"
				" --interval %llds --group %s\n",
			(long long)interval, *group ? group : "(none)", (long long)s->interval,
			s->group ? group_kind_name(s->group) : "(none)");
		return -1;
	}
	size_t i;
	json_t *r;
	if (jget_table(groups, &s->groups) != 0)
		return -1;
	json_array_foreach(rows, i, r)
	{
		json_int_t bucket, g;
		json_t *v;
		uint64_t n[6];
		uint32_t ix;
		struct srow *w;
		if (json_unpack(r, "[IIo]", &bucket, &g, &v) < 0 || g < 0 || (uint64_t)g >= s->groups.count ||
		    jget_nums(v, n, 6) < 0 || !(w = row(s, bucket, (uint32_t)g, &ix)) || ix != i)
			return -1;
		w->hits[0] = n[0];
		w->hits[1] = n[1];
		w->e_http[0] = n[2];
		w->e_http[1] = n[3];
		w->e_eas[0] = n[4];
		w->e_eas[1] = n[5];
	}
	for (i = 0; i < json_array_size(lat); i += 3) {
		uint64_t rw, bt, n;
		if (jget_u64(json_array_get(lat, i), &rw) < 0 || jget_u64(json_array_get(lat, i + 1), &bt) < 0 ||
		    jget_u64(json_array_get(lat, i + 2), &n) < 0 || rw >= s->n || bt / 2 >= LAT_BINS ||
		    hist_add(s, (uint32_t)rw, (unsigned)(bt / 2), (unsigned)(bt & 1), n) < 0)
			return -1;
	}
	return devset_load(&s->devs, devs, lc ? lc->nkeys[KEY_DEV] : 0, 0, s->n);
}

const struct analyzer_ops series_ops = {
	"series", "Series.csv", series_create, series_add, series_merge, series_emit, series_destroy,
	series_save, series_load,
};
