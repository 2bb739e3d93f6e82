/* baseline: easlog-hits --baseline DAYS: per group and hour of the day, the
 * normal range of hits and of the error rate learnt from the previous DAYS
 * days of the input (median and MAD), and the hours of the last day outside
 * it, most severe first. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "../formats/timeutil.h"
#include "analyzer.h"
#include "classify.h"
#include "u64set.h"

struct brow {
	int64_t hour;                 /* local hours since the epoch */
	uint32_t g;                   /* raw group id */
	uint64_t hits[2], e_http[2], e_eas[2];
};

struct baseline {
	enum group_kind group;
	bool tz;
	struct brow *rows;
	size_t n, cap;
	struct u64map idx;            /* (uint32)hour << 32 | g -> row */
	struct intern groups;
	int64_t memo_g;
	bool have;
	int64_t first, last;          /* local seconds of the first and last record */
};

static void *baseline_create(const struct report_opts *o)
{
	struct baseline *b = calloc(1, sizeof *b);
	if (!b)
		return NULL;
	b->group = o->triage && o->triage->group != GROUP_NONE ? o->triage->group : GROUP_SERVER;
	b->tz = o->tz;
	b->memo_g = -1;
	if (u64map_init(&b->idx) < 0 || intern_init(&b->groups) < 0) {
		u64map_free(&b->idx);
		intern_free(&b->groups);
		free(b);
		return NULL;
	}
	return b;
}

static void baseline_destroy(void *a)
{
	struct baseline *b = a;
	free(b->rows);
	u64map_free(&b->idx);
	intern_free(&b->groups);
	free(b);
}

static struct brow *row(struct baseline *b, int64_t hour, uint32_t g, uint32_t *ix)
{
	bool added;
	if (u64map_get(&b->idx, (uint64_t)(uint32_t)hour << 32 | g, (uint32_t)b->n, ix, &added) < 0)
		return NULL;
	if (added) {
		if (grow_zero((void **)&b->rows, &b->cap, b->n + 1, sizeof *b->rows) < 0)
			return NULL;
		b->rows[b->n].hour = hour;
		b->rows[b->n].g = g;
		b->n++;
	}
	return &b->rows[*ix];
}

static void span(struct baseline *b, int64_t first, int64_t last)
{
	if (!b->have || first < b->first)
		b->first = first;
	if (!b->have || last > b->last)
		b->last = last;
	b->have = true;
}

static int baseline_add(void *a, const struct eas_record *r, const struct keys *k)
{
	struct baseline *b = a;
	int64_t ts = r->ts;
	if (b->tz)
		ts += tz_offset(ts);
	struct slice raw = group_raw(b->group, r);
	int64_t g = b->memo_g;
	if (g >= 0) {
		struct slice m = intern_str(&b->groups, (uint32_t)g);
		if (m.n != raw.n || (m.n && memcmp(m.p, raw.p, m.n) != 0))
			g = -1;
	}
	if (g < 0 && (g = b->memo_g = intern_get(&b->groups, raw, NULL)) < 0)
		return -1;
	uint32_t ix;
	struct brow *w = row(b, floor_div(ts, 3600), (uint32_t)g, &ix);
	if (!w)
		return -1;
	unsigned t = k->tix;
	w->hits[t]++;
	if (r->status >= 400)
		w->e_http[t]++;
	else if (eas_record_failed(r))
		w->e_eas[t]++;
	span(b, ts, ts);
	return 0;
}

static int baseline_merge(void *da, const void *sa, uint32_t *const map[KEY_N])
{
	struct baseline *d = da;
	const struct baseline *s = sa;
	(void)map;
	for (size_t i = 0; i < s->n; i++) {
		const struct brow *x = &s->rows[i];
		int64_t g = intern_get(&d->groups, intern_str(&s->groups, x->g), NULL);
		uint32_t ix;
		struct brow *w = g < 0 ? NULL : row(d, x->hour, (uint32_t)g, &ix);
		if (!w)
			return -1;
		for (int t = 0; t < 2; t++) {
			w->hits[t] += x->hits[t];
			w->e_http[t] += x->e_http[t];
			w->e_eas[t] += x->e_eas[t];
		}
	}
	d->memo_g = -1;
	if (s->have)
		span(d, s->first, s->last);
	return 0;
}

/* One flagged bucket. */
struct flag {
	uint32_t g;
	int64_t hour;
	bool rate;                    /* the error rate, else hits */
	double obs, exp, lo, hi, score;
	unsigned days;
};

static const struct intern *cmp_names;

static int cmp_flag(const void *a, const void *b)
{
	const struct flag *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	int c = natural_cmp(intern_str(cmp_names, x->g), intern_str(cmp_names, y->g));
	if (c)
		return c;
	if (x->hour != y->hour)
		return x->hour < y->hour ? -1 : 1;
	return (int)x->rate - (int)y->rate;
}

/* A number: an integer as such, else with one decimal (or four, for rates). */
static void put_num(struct table *t, double v, bool rate)
{
	char buf[40];
	if (rate)
		snprintf(buf, sizeof buf, "%.4f", v);
	else if (v == floor(v))
		snprintf(buf, sizeof buf, "%.0f", v);
	else
		snprintf(buf, sizeof buf, "%.1f", v);
	table_num(t, buf);
}

struct cell {
	uint64_t hits, errors;
};

static int baseline_emit(void *a, struct table *t, const struct emit_ctx *c)
{
	struct baseline *b = a;
	const struct triage_opts *to = c->o->triage;
	int days = to && to->days > 0 ? to->days : 7;
	double k = to && to->k > 0 ? to->k : 4;
	double minc = to ? (double)to->min_change : 10;
	int rc = -1;
	struct intern names;
	struct u64map cidx;
	uint32_t *gmap = NULL;
	struct cell *cells = NULL;
	size_t ncell = 0, cellcap = 0;
	struct flag *flags = NULL;
	size_t nflag = 0, flagcap = 0;
	double *v = NULL, *w = NULL;
	bool names_ok = intern_init(&names) == 0, cidx_ok = u64map_init(&cidx) == 0;
	if (!names_ok || !cidx_ok)
		goto out;
	gmap = malloc(((size_t)b->groups.count + 1) * sizeof *gmap);
	v = malloc(((size_t)days + 1) * sizeof *v);
	w = malloc(((size_t)days + 1) * sizeof *w);
	if (!gmap || !v || !w)
		goto out;
	for (uint32_t g = 0; g < b->groups.count; g++) {
		struct slice raw = intern_str(&b->groups, g);
		struct ua_class cls;
		bool agent = b->group == GROUP_AGENT_FAMILY || b->group == GROUP_OS;
		if (agent && classifier_match(to ? to->rules : NULL, raw, SLICE_LIT(""), &cls) < 0)
			goto out;
		int64_t id = intern_get(&names, group_display(b->group, raw, agent ? &cls : NULL), NULL);
		if (id < 0)
			goto out;
		gmap[g] = (uint32_t)id;
	}
	for (size_t i = 0; i < b->n; i++) {
		const struct brow *x = &b->rows[i];
		uint32_t ix;
		bool added;
		if (u64map_get(&cidx, (uint64_t)(uint32_t)x->hour << 32 | gmap[x->g], (uint32_t)ncell, &ix, &added) < 0)
			goto out;
		if (added) {
			if (grow_zero((void **)&cells, &cellcap, ncell + 1, sizeof *cells) < 0)
				goto out;
			ncell++;
		}
		cells[ix].hits += tier_sum(c, x->hits);
		cells[ix].errors += tier_sum(c, x->e_http) + x->e_eas[0] + x->e_eas[1];
	}
	/* An hour is covered when the input spans all of it (five minutes'
	 * slack at either end): hours outside are not zeros, just unknown. */
	int64_t first = b->first, last = b->last;
	int64_t last_day = floor_div(last, 86400);
	for (uint32_t g = 0; b->have && g < names.count; g++) {
		for (int hh = 0; hh < 24; hh++) {
			int64_t h = last_day * 24 + hh;
			if (h * 3600 < first - 300 || (h + 1) * 3600 > last + 300)
				continue;
			uint32_t ix;
			struct cell obs = {0, 0};
			if (u64map_find(&cidx, (uint64_t)(uint32_t)h << 32 | g, &ix))
				obs = cells[ix];
			struct cell past[400];
			unsigned np = 0;
			for (int d = 1; d <= days && np < 400; d++) {
				int64_t ph = h - 24 * (int64_t)d;
				if (ph * 3600 < first - 300)
					break;
				past[np] = (struct cell){0, 0};
				if (u64map_find(&cidx, (uint64_t)(uint32_t)ph << 32 | g, &ix))
					past[np] = cells[ix];
				np++;
			}
			if (np < 3)
				continue;
			/* the median of np values is itself uncertain: its variance
			 * is about pi/(2 np) times that of one value */
			double se = sqrt(1 + M_PI / (2.0 * np));
			/* hits: median and MAD, with the Poisson noise of the
			 * median as the floor of the spread */
			for (unsigned i = 0; i < np; i++)
				v[i] = (double)past[i].hits;
			double m = median_d(v, np);
			double mad = mad_d(v, np, m);
			double sigma = fmax(1.4826 * mad, sqrt(fmax(m, 1))) * se;
			double half = fmax(k * sigma, minc);
			double o = (double)obs.hits;
			if (fabs(o - m) > half) {
				if (grow_zero((void **)&flags, &flagcap, nflag + 1, sizeof *flags) < 0)
					goto out;
				flags[nflag++] = (struct flag){g, h, false, o, m, fmax(0, m - half), m + half,
							       fabs(o - m) / sigma, np};
			}
			/* error rate: the past days with hits, the binomial noise
			 * of the observed hour as the floor */
			if (obs.hits == 0)
				continue;
			unsigned nr = 0;
			for (unsigned i = 0; i < np; i++)
				if (past[i].hits)
					w[nr++] = (double)past[i].errors / (double)past[i].hits;
			if (nr < 3)
				continue;
			double mr = median_d(w, nr);
			double madr = mad_d(w, nr, mr);
			double p = fmin(fmax(mr, 1.0 / o), 1.0);
			double sr = fmax(1.4826 * madr, sqrt(p * (1 - p) / o)) * sqrt(1 + M_PI / (2.0 * nr));
			double halfr = fmax(k * sr, minc / o);
			double r = (double)obs.errors / o;
			if (fabs(r - mr) > halfr) {
				if (grow_zero((void **)&flags, &flagcap, nflag + 1, sizeof *flags) < 0)
					goto out;
				flags[nflag++] = (struct flag){g, h, true, r, mr, fmax(0, mr - halfr),
							       fmin(1, mr + halfr), fabs(r - mr) / sr, nr};
			}
		}
	}
	cmp_names = &names;
	if (nflag)
		qsort(flags, nflag, sizeof *flags, cmp_flag);
	const char *cols[11] = {"Date", "Hour", group_kind_header(b->group), "Metric", "Observed", "Expected",
				"Low", "High", "Direction", "Score", "Days"};
	table_begin(t, t->o, t->fmt, cols, 11);
	for (size_t i = 0; i < nflag; i++) {
		const struct flag *f = &flags[i];
		char date[11], sc[32];
		format_date(floor_div(f->hour, 24), date);
		table_cstr(t, date);
		table_u64(t, (uint64_t)(f->hour - floor_div(f->hour, 24) * 24));
		table_str(t, intern_str(&names, f->g));
		table_cstr(t, f->rate ? "error rate" : "hits");
		put_num(t, f->obs, f->rate);
		put_num(t, f->exp, f->rate);
		put_num(t, f->lo, f->rate);
		put_num(t, f->hi, f->rate);
		table_cstr(t, f->obs > f->exp ? "high" : "low");
		snprintf(sc, sizeof sc, "%.1f", f->score);
		table_num(t, sc);
		table_u64(t, f->days);
		table_end_row(t);
	}
	rc = 0;
out:
	if (names_ok)
		intern_free(&names);
	if (cidx_ok)
		u64map_free(&cidx);
	free(gmap);
	free(cells);
	free(flags);
	free(v);
	free(w);
	return rc;
}

static json_t *baseline_save(const void *a)
{
	const struct baseline *b = a;
	json_t *rows = json_array(), *groups = json_array();
	bool ok = rows && groups;
	for (size_t i = 0; ok && i < b->n; i++) {
		const struct brow *x = &b->rows[i];
		uint64_t v[6] = {x->hits[0], x->hits[1], x->e_http[0], x->e_http[1], x->e_eas[0], x->e_eas[1]};
		ok = jpush(rows, json_pack("[IIo]", (json_int_t)x->hour, (json_int_t)x->g, jnums(v, 6))) == 0;
	}
	for (uint32_t g = 0; ok && g < b->groups.count; g++)
		ok = jpush(groups, jbytes(intern_str(&b->groups, g))) == 0;
	json_t *j = ok ? json_pack("{sssbsIsIsoso}", "group", group_kind_name(b->group), "have", b->have, "first",
				   (json_int_t)b->first, "last", (json_int_t)b->last, "rows", rows, "groups", groups)
		       : NULL;
	if (!j) {
		json_decref(rows);
		json_decref(groups);
	}
	return j;
}

static int baseline_load(void *a, const json_t *j, const struct load_ctx *lc)
{
	struct baseline *b = a;
	json_t *rows, *groups;
	const char *group;
	int have;
	json_int_t first, last;
	(void)lc;
	if (json_unpack((json_t *)j, "{s:s,s:b,s:I,s:I,s:o,s:o}", "group", &group, "have", &have, "first", &first,
			"last", &last, "rows", &rows, "groups", &groups) < 0 ||
	    !json_is_array(rows) || !json_is_array(groups))
		return -1;
	if (strcmp(group, group_kind_name(b->group)) != 0) {
		fprintf(stderr, "baseline: a partial result made with --group %s cannot be merged into --group %s\n",
			group, group_kind_name(b->group));
		return -1;
	}
	size_t i;
	json_t *r;
	if (jget_table(groups, &b->groups) != 0)
		return -1;
	json_array_foreach(rows, i, r)
	{
		json_int_t hour, g;
		json_t *v;
		uint64_t n[6];
		uint32_t ix;
		struct brow *w;
		if (json_unpack(r, "[IIo]", &hour, &g, &v) < 0 || g < 0 || (uint64_t)g >= b->groups.count ||
		    jget_nums(v, n, 6) < 0 || !(w = row(b, hour, (uint32_t)g, &ix)))
			return -1;
		for (int t = 0; t < 2; t++) {
			w->hits[t] += n[t];
			w->e_http[t] += n[2 + t];
			w->e_eas[t] += n[4 + t];
		}
	}
	if (have)
		span(b, first, last);
	return 0;
}

const struct analyzer_ops baseline_ops = {
	"baseline", "Baseline.csv", baseline_create, baseline_add, baseline_merge, baseline_emit, baseline_destroy,
	baseline_save, baseline_load,
};
