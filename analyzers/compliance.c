/* compliance: PolicyCompliance.csv, devices (user x device rows of Users)
 * by the class of their latest policy acknowledgement; --list names them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "../formats/timeutil.h"
#include "analyzer.h"
#include "compliance_state.h"

struct prow {
	bool used;
	bool auth;  /* uname is an authenticated cs-username */
	uint64_t pos;
	struct slice uname, devid, devtype; /* for --list */
	struct policy_state pol;
};

struct compliance {
	bool compat, list;
	struct prow *rows;
	size_t cap;
	struct intern arena;
};

static void *pc_create(const struct report_opts *o)
{
	struct compliance *p = calloc(1, sizeof *p);
	if (!p || intern_init(&p->arena) < 0) {
		free(p);
		return NULL;
	}
	p->compat = o->compat;
	p->list = o->list && !o->compat;
	return p;
}

static void pc_destroy(void *a)
{
	struct compliance *p = a;
	free(p->rows);
	intern_free(&p->arena);
	free(p);
}

static bool keep(struct compliance *p, struct slice *d, struct slice s)
{
	const char *q = intern_keep(&p->arena, s);
	*d = slice_make(q, s.n);
	return q != NULL;
}

/* Display values as in Users: the first line, preferring an authenticated name. */
static int take(struct compliance *p, struct prow *w, uint64_t pos, bool auth, struct slice u, struct slice d,
		struct slice t)
{
	if (w->used && (auth != w->auth ? !auth : pos >= w->pos))
		return 0;
	w->pos = pos;
	w->auth = auth;
	if (!p->list)
		return 0;
	return keep(p, &w->uname, u) && keep(p, &w->devid, d) && keep(p, &w->devtype, t) ? 0 : -1;
}

static int pc_add(void *a, const struct eas_record *r, const struct keys *k)
{
	struct compliance *p = a;
	int64_t id = k->id[KEY_USER];
	if (id < 0)
		return 0;
	if (grow_zero((void **)&p->rows, &p->cap, (size_t)id + 1, sizeof *p->rows) < 0)
		return -1;
	struct prow *w = &p->rows[id];
	uint64_t pos = record_pos(r);
	bool auth = !p->compat && !slice_is_null(r->w[W3C_CS_USERNAME]);
	if (take(p, w, pos, auth, r->user, r->devid, r->devtype) < 0)
		return -1;
	w->used = true;
	int pa = p->compat ? (int)(r->compat.pa > 1000 ? 1000 : r->compat.pa) : record_pa(r);
	if (pa > 0)
		policy_update(&w->pol, pa, r->ts, pos);
	return 0;
}

static int pc_merge(void *da, const void *sa, uint32_t *const map[KEY_N])
{
	struct compliance *d = da;
	const struct compliance *s = sa;
	for (size_t id = 0; id < s->cap; id++) {
		const struct prow *x = &s->rows[id];
		if (!x->used)
			continue;
		uint32_t did = map[KEY_USER][id];
		if (grow_zero((void **)&d->rows, &d->cap, (size_t)did + 1, sizeof *d->rows) < 0)
			return -1;
		struct prow *w = &d->rows[did];
		if (take(d, w, x->pos, x->auth, x->uname, x->devid, x->devtype) < 0)
			return -1;
		w->used = true;
		policy_merge(&w->pol, &x->pol);
	}
	return 0;
}

/* .NET Framework float.ToString(): 7 significant digits, "E-05" style below 1e-4. */
static void dotnet_float(float v, char *out, size_t cap)
{
	char buf[40];
	snprintf(buf, sizeof buf, "%.7G", (double)v);
	/* C writes E-05 / E+05 like .NET ("E-05"); .NET drops a '+' sign's zero padding to 2 digits too */
	snprintf(out, cap, "%s", buf);
}

static const char *const compat_cols[] = {"Compliance Type", "Total", "Ratio"};
static const char *const list_cols[] = {"Compliance Type", "User Name", "Device ID", "Device Type",
					"Policy Ack", "Policy Ack Time"};

static const struct intern *sort_keys;
static const struct prow *sort_rows;
static bool sort_compat;

static int cmp_class_then_key(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	int cx = policy_class(&sort_rows[x].pol, sort_compat), cy = policy_class(&sort_rows[y].pol, sort_compat);
	if (cx != cy)
		return cx - cy;
	return slice_cmp(intern_str(sort_keys, x), intern_str(sort_keys, y));
}

static int pc_emit(void *a, struct table *t, const struct emit_ctx *c)
{
	struct compliance *p = a;
	const struct intern *keys = &c->k[KEY_USER];
	uint64_t count[POL_N] = {0}, total = 0;
	uint32_t *ids = malloc(((size_t)keys->count + 1) * sizeof *ids);
	if (!ids)
		return -1;
	uint32_t n = 0;
	for (uint32_t id = 0; id < keys->count && id < p->cap; id++) {
		if (!p->rows[id].used)
			continue;
		ids[n++] = id;
		count[policy_class(&p->rows[id].pol, p->compat)]++;
		total++;
	}
	if (p->list) {
		sort_keys = keys;
		sort_rows = p->rows;
		sort_compat = p->compat;
		qsort(ids, n, sizeof *ids, cmp_class_then_key);
		table_begin(t, t->o, t->fmt, list_cols, 6);
		for (uint32_t i = 0; i < n; i++) {
			const struct prow *w = &p->rows[ids[i]];
			table_cstr(t, policy_name(&w->pol, false));
			table_str(t, w->uname);
			table_str(t, w->devid);
			table_str(t, w->devtype);
			if (w->pol.have) {
				char ts[21];
				format_iso(w->pol.ts, ts);
				table_i64(t, w->pol.pa);
				table_cstr(t, ts);
			} else {
				table_null(t);
				table_null(t);
			}
			table_end_row(t);
		}
		free(ids);
		return 0;
	}
	free(ids);
	table_begin(t, t->o, t->fmt, compat_cols, 3);
	int nclasses = p->compat ? 4 : POL_N;
	for (int k = 0; k < nclasses; k++) {
		table_cstr(t, policy_class_name((enum policy_class)k));
		table_u64(t, count[k]);
		char ratio[40];
		if (total == 0) {
			table_null(t);
		} else if (p->compat) {
			dotnet_float((float)count[k] / (float)total, ratio, sizeof ratio);
			table_num(t, ratio);
		} else {
			snprintf(ratio, sizeof ratio, "%.4f", (double)count[k] / (double)total);
			table_num(t, ratio);
		}
		table_end_row(t);
	}
	return 0;
}

static json_t *pc_save(const void *a)
{
	const struct compliance *p = a;
	json_t *rows = json_array();
	for (size_t id = 0; rows && id < p->cap; id++) {
		const struct prow *w = &p->rows[id];
		if (!w->used)
			continue;
		uint64_t pol[4] = {w->pol.have, (uint64_t)w->pol.pa, (uint64_t)w->pol.ts, w->pol.pos};
		json_t *r = json_pack("[IIboooo]", (json_int_t)id, (json_int_t)w->pos, w->auth, jbytes(w->uname),
				      jbytes(w->devid), jbytes(w->devtype), jnums(pol, 4));
		if (jpush(rows, r) < 0) {
			json_decref(rows);
			rows = NULL;
		}
	}
	return rows ? json_pack("{so}", "rows", rows) : NULL;
}

static int pc_load(void *a, const json_t *j, const struct load_ctx *lc)
{
	struct compliance *p = a;
	json_t *rows;
	if (json_unpack((json_t *)j, "{s:o}", "rows", &rows) < 0 || !json_is_array(rows))
		return -1;
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r)
	{
		json_int_t id, pos;
		int auth;
		json_t *un, *di, *dt, *pol;
		uint64_t v[4];
		if (json_unpack(r, "[IIboooo]", &id, &pos, &auth, &un, &di, &dt, &pol) < 0 ||
		    !key_ok(lc, KEY_USER, id) || grow_zero((void **)&p->rows, &p->cap, (size_t)id + 1, sizeof *p->rows) < 0)
			return -1;
		struct prow *w = &p->rows[id];
		if (jget_bytes(un, &p->arena, &w->uname) < 0 || jget_bytes(di, &p->arena, &w->devid) < 0 ||
		    jget_bytes(dt, &p->arena, &w->devtype) < 0 || jget_nums(pol, v, 4) < 0)
			return -1;
		w->used = true;
		w->auth = auth;
		w->pos = pos_remap(lc, (uint64_t)pos);
		w->pol = (struct policy_state){v[0] != 0, (int)v[1], (int64_t)v[2], pos_remap(lc, v[3])};
	}
	return 0;
}

const struct analyzer_ops compliance_ops = {
	"compliance", "PolicyCompliance.csv", pc_create, pc_add, pc_merge, pc_emit, pc_destroy,
	pc_save, pc_load,
};
