/* classify: user agent rules, groups, latency bins, robust statistics. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "classify.h"

#include "analyzer.h"
#include "u64set.h"

#include <errno.h>
#include <math.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

void classifier_init(struct classifier *c)
{
	memset(c, 0, sizeof *c);
}

void classifier_free(struct classifier *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct ua_rule *r = &c->r[i];
		free(r->platform);
		free(r->client);
		free(r->os);
		free(r->where);
		pcre2_code_free(r->re);
	}
	free(c->r);
	memset(c, 0, sizeof *c);
}

static char *dup_n(const char *p, size_t n)
{
	char *s = malloc(n + 1);
	if (s) {
		memcpy(s, p, n);
		s[n] = '\0';
	}
	return s;
}

/* Checks a template's $N against the pattern's captures. */
static int check_template(const char *t, uint32_t ncap, const char *what, const char *where, char *err,
			  size_t errlen)
{
	for (const char *p = t; *p; p++) {
		if (*p != '$')
			continue;
		if (p[1] == '$') {
			p++;
			continue;
		}
		if (p[1] < '0' || p[1] > '9') {
			snprintf(err, errlen, "%s: the %s template has a '$' without a digit (write $$ for a dollar sign)",
				 where, what);
			return -1;
		}
		if ((uint32_t)(p[1] - '0') > ncap) {
			snprintf(err, errlen, "%s: the %s template uses $%c but the regex has %u capture group%s", where,
				 what, p[1], (unsigned)ncap, ncap == 1 ? "" : "s");
			return -1;
		}
		p++;
	}
	return 0;
}

int classifier_add_line(struct classifier *c, const char *line, const char *where, char *err, size_t errlen)
{
	const char *p = line;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0' || *p == '#' || *p == '\r')
		return 0;
	/* three fields, each ended by a run of TABs; the regex is the rest */
	const char *f[3];
	size_t fl[3];
	for (int i = 0; i < 3; i++) {
		const char *tab = strchr(p, '\t');
		if (!tab) {
			snprintf(err, errlen, "%s: want platform<TAB>client<TAB>os-template<TAB>regex", where);
			return -1;
		}
		f[i] = p;
		fl[i] = (size_t)(tab - p);
		p = tab;
		while (*p == '\t')
			p++;
	}
	size_t rl = strlen(p);
	while (rl && (p[rl - 1] == '\r' || p[rl - 1] == '\n'))
		rl--;
	if (rl == 0) {
		snprintf(err, errlen, "%s: the regex is empty", where);
		return -1;
	}
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)p, rl, 0, &ec, &eo, NULL);
	if (!re) {
		PCRE2_UCHAR msg[160];
		pcre2_get_error_message(ec, msg, sizeof msg);
		snprintf(err, errlen, "%s: regex: %s at offset %zu", where, (char *)msg, (size_t)eo);
		return -1;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	uint32_t ncap = 0;
	pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &ncap);
	struct ua_rule r = {dup_n(f[0], fl[0]), dup_n(f[1], fl[1]), dup_n(f[2], fl[2]), re, dup_n(where, strlen(where))};
	const char *names[3] = {"platform", "client", "os"};
	char *tpl[3] = {r.platform, r.client, r.os};
	int rc = 0;
	if (!r.platform || !r.client || !r.os || !r.where) {
		snprintf(err, errlen, "%s: out of memory", where);
		rc = -1;
	}
	for (int i = 0; i < 3 && rc == 0; i++)
		rc = check_template(tpl[i], ncap, names[i], where, err, errlen);
	if (rc == 0 && c->n == c->cap) {
		size_t nc = c->cap ? c->cap * 2 : 64;
		struct ua_rule *nr = realloc(c->r, nc * sizeof *nr);
		if (!nr) {
			snprintf(err, errlen, "%s: out of memory", where);
			rc = -1;
		} else {
			c->r = nr;
			c->cap = nc;
		}
	}
	if (rc < 0) {
		free(r.platform);
		free(r.client);
		free(r.os);
		free(r.where);
		pcre2_code_free(re);
		return -1;
	}
	c->r[c->n++] = r;
	return 1;
}

int classifier_load(struct classifier *c, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned long no = 0;
	int rc = 0;
	while ((len = getline(&line, &cap, f)) >= 0) {
		no++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		if ((size_t)len != strlen(line)) {
			snprintf(err, errlen, "%s:%lu: a NUL byte in the line", path, no);
			rc = -1;
			break;
		}
		char where[600];
		snprintf(where, sizeof where, "%s:%lu", path, no);
		if (classifier_add_line(c, line, where, err, errlen) < 0) {
			rc = -1;
			break;
		}
	}
	if (rc == 0 && ferror(f)) {
		snprintf(err, errlen, "cannot read '%s': %s", path, strerror(errno));
		rc = -1;
	}
	free(line);
	fclose(f);
	return rc;
}

/* Expands a template into out (size cap): $N from the match. */
static void expand(const char *t, const char *subj, const PCRE2_SIZE *ov, uint32_t npairs, char *out, size_t cap)
{
	size_t o = 0;
	for (const char *p = t; *p && o + 1 < cap; p++) {
		if (*p == '$' && p[1] == '$') {
			out[o++] = '$';
			p++;
			continue;
		}
		if (*p == '$' && p[1] >= '0' && p[1] <= '9') {
			uint32_t g = (uint32_t)(p[1] - '0');
			p++;
			if (g < npairs && ov[2 * g] != PCRE2_UNSET) {
				for (PCRE2_SIZE i = ov[2 * g]; i < ov[2 * g + 1] && o + 1 < cap; i++)
					out[o++] = subj[i];
			}
			continue;
		}
		out[o++] = *p;
	}
	/* tidy: TABs and line ends as spaces, surrounding spaces off */
	for (size_t i = 0; i < o; i++)
		if (out[i] == '\t' || out[i] == '\r' || out[i] == '\n')
			out[i] = ' ';
	while (o && out[o - 1] == ' ')
		o--;
	size_t s = 0;
	while (s < o && out[s] == ' ')
		s++;
	memmove(out, out + s, o - s);
	o -= s;
	if (o == 0) {
		snprintf(out, cap, "unknown");
		return;
	}
	out[o] = '\0';
}

int classifier_match(const struct classifier *c, struct slice agent, struct slice devos, struct ua_class *out)
{
	snprintf(out->family, sizeof out->family, "unknown");
	snprintf(out->os, sizeof out->os, "unknown");
	snprintf(out->client, sizeof out->client, "unknown");
	if (!c || c->n == 0)
		return 0;
	size_t n = agent.n + 1 + devos.n;
	char *subj = malloc(n + 1);
	pcre2_match_data *md = pcre2_match_data_create(10, NULL);
	if (!subj || !md) {
		free(subj);
		pcre2_match_data_free(md);
		return -1;
	}
	if (agent.n)
		memcpy(subj, agent.p, agent.n);
	subj[agent.n] = '\t';
	if (devos.n)
		memcpy(subj + agent.n + 1, devos.p, devos.n);
	subj[n] = '\0';
	for (size_t i = 0; i < c->n; i++) {
		int rc = pcre2_match(c->r[i].re, (PCRE2_SPTR)subj, n, 0, 0, md, NULL);
		if (rc < 0)
			continue;
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		uint32_t np = pcre2_get_ovector_count(md);
		expand(c->r[i].platform, subj, ov, np, out->family, sizeof out->family);
		expand(c->r[i].client, subj, ov, np, out->client, sizeof out->client);
		expand(c->r[i].os, subj, ov, np, out->os, sizeof out->os);
		break;
	}
	free(subj);
	pcre2_match_data_free(md);
	return 0;
}

static const char *const gnames[GROUP_N] = {"", "server", "device-type", "agent-family", "os", "command"};
static const char *const gheaders[GROUP_N] = {"", "Server", "Device Type", "Agent Family", "OS", "Command"};

const char *group_kind_name(enum group_kind g)
{
	return gnames[g];
}

const char *group_kind_header(enum group_kind g)
{
	return gheaders[g];
}

int group_kind_parse(const char *s)
{
	for (int i = 1; i < GROUP_N; i++)
		if (strcmp(s, gnames[i]) == 0)
			return i;
	return -1;
}

struct slice group_raw(enum group_kind g, const struct eas_record *r)
{
	switch (g) {
	case GROUP_SERVER:
		return slice_is_null(r->server) ? SLICE_LIT("") : r->server;
	case GROUP_DEVTYPE:
		return r->devtype;
	case GROUP_AGENT_FAMILY:
	case GROUP_OS:
		return r->agent;
	case GROUP_COMMAND:
		if (r->cmd_id != CMD_NONE)
			return slice_make(eas_cmd_name(r->cmd_id), strlen(eas_cmd_name(r->cmd_id)));
		return r->cmd;
	default:
		return SLICE_LIT("");
	}
}

struct slice group_display(enum group_kind g, struct slice raw, const struct ua_class *cls)
{
	if (g == GROUP_AGENT_FAMILY && cls)
		return slice_make(cls->family, strlen(cls->family));
	if (g == GROUP_OS && cls)
		return slice_make(cls->os, strlen(cls->os));
	return raw.n ? raw : SLICE_LIT("(none)");
}

/* Bin boundaries: lo[b] = 1.02^(b-1) for b >= 1, computed once. */
static double lat_lo[LAT_BINS + 1];
static pthread_once_t lat_once = PTHREAD_ONCE_INIT;

static void lat_init(void)
{
	lat_lo[0] = 0;
	for (unsigned b = 1; b <= LAT_BINS; b++)
		lat_lo[b] = pow(1.02, (double)(b - 1));
}

unsigned lat_bin(uint64_t ms)
{
	pthread_once(&lat_once, lat_init);
	if (ms == 0)
		return 0;
	double t = (double)ms;
	if (t >= lat_lo[LAT_BINS - 1])
		return LAT_BINS - 1;
	/* the last b with lo[b] <= t */
	unsigned lo = 1, hi = LAT_BINS - 1;
	while (hi - lo > 1) {
		unsigned mid = (lo + hi) / 2;
		if (lat_lo[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

uint64_t lat_value(unsigned bin)
{
	pthread_once(&lat_once, lat_init);
	if (bin == 0)
		return 0;
	if (bin >= LAT_BINS)
		bin = LAT_BINS - 1;
	return (uint64_t)llround(lat_lo[bin] * sqrt(1.02));
}

uint64_t lat_quantile(const uint64_t *counts, uint64_t total, double q)
{
	if (total == 0)
		return 0;
	uint64_t rank = (uint64_t)ceil(q * (double)total);
	if (rank < 1)
		rank = 1;
	uint64_t acc = 0;
	for (unsigned b = 0; b < LAT_BINS; b++) {
		acc += counts[b];
		if (acc >= rank)
			return lat_value(b);
	}
	return lat_value(LAT_BINS - 1);
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double median_d(double *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, cmp_d);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double mad_d(double *v, size_t n, double m)
{
	for (size_t i = 0; i < n; i++)
		v[i] = fabs(v[i] - m);
	return median_d(v, n);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int natural_cmp(struct slice a, struct slice b)
{
	size_t i = 0, j = 0;
	while (i < a.n && j < b.n) {
		if (is_digit(a.p[i]) && is_digit(b.p[j])) {
			size_t si = i, sj = j;
			while (si < a.n && a.p[si] == '0')
				si++;
			while (sj < b.n && b.p[sj] == '0')
				sj++;
			size_t ei = si, ej = sj;
			while (ei < a.n && is_digit(a.p[ei]))
				ei++;
			while (ej < b.n && is_digit(b.p[ej]))
				ej++;
			if (ei - si != ej - sj)
				return ei - si < ej - sj ? -1 : 1;
			int c = memcmp(a.p + si, b.p + sj, ei - si);
			if (c)
				return c < 0 ? -1 : 1;
			i = ei;
			j = ej;
			continue;
		}
		int x = ascii_lower((unsigned char)a.p[i]), y = ascii_lower((unsigned char)b.p[j]);
		if (x != y)
			return x < y ? -1 : 1;
		i++;
		j++;
	}
	if (i < a.n || j < b.n)
		return i < a.n ? 1 : -1;
	/* equal but for case or leading zeros ("07" and "7"): bytes decide */
	return slice_cmp(a, b);
}

/* The --classify report: hits per (device, agent) pair, with the pair's
 * latest DevOS; the rules run when the report is written, so partial
 * results do not depend on them. */
struct cpair {
	int64_t dev, agent;           /* key ids, -1 when absent */
	uint64_t hits[2];
	struct slice devos;           /* latest DevOS of the pair (empty: none) */
	int64_t devos_ts;
	uint64_t devos_pos;
};

struct classify {
	struct cpair *p;
	size_t n, cap;
	struct u64map idx;            /* (dev + 1) << 32 | (agent + 1) -> pair */
	struct intern arena;
	const struct triage_opts *t;
};

static void *classify_create(const struct report_opts *o)
{
	struct classify *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->t = o->triage;
	if (u64map_init(&c->idx) < 0 || intern_init(&c->arena) < 0) {
		u64map_free(&c->idx);
		intern_free(&c->arena);
		free(c);
		return NULL;
	}
	return c;
}

static void classify_destroy(void *a)
{
	struct classify *c = a;
	free(c->p);
	u64map_free(&c->idx);
	intern_free(&c->arena);
	free(c);
}

static struct cpair *pair(struct classify *c, int64_t dev, int64_t agent)
{
	uint32_t ix;
	bool added;
	uint64_t key = (uint64_t)(dev + 1) << 32 | (uint64_t)(agent + 1);
	if (u64map_get(&c->idx, key, (uint32_t)c->n, &ix, &added) < 0)
		return NULL;
	if (added) {
		if (grow_zero((void **)&c->p, &c->cap, c->n + 1, sizeof *c->p) < 0)
			return NULL;
		c->p[c->n].dev = dev;
		c->p[c->n].agent = agent;
		c->p[c->n].devos = SLICE_LIT("");
		c->n++;
	}
	return &c->p[ix];
}

static int set_devos(struct classify *c, struct cpair *w, struct slice devos, int64_t ts, uint64_t pos)
{
	if (!devos.n)
		return 0;
	if (w->devos.n && !(ts > w->devos_ts || (ts == w->devos_ts && pos > w->devos_pos)))
		return 0;
	const char *p = intern_keep(&c->arena, devos);
	if (!p)
		return -1;
	w->devos = slice_make(p, devos.n);
	w->devos_ts = ts;
	w->devos_pos = pos;
	return 0;
}

static int classify_add(void *a, const struct eas_record *r, const struct keys *k)
{
	struct classify *c = a;
	struct cpair *w = pair(c, k->id[KEY_DEV], k->id[KEY_AGENT]);
	if (!w)
		return -1;
	w->hits[k->tix]++;
	return set_devos(c, w, r->devos, r->ts, record_pos(r));
}

static int classify_merge(void *da, const void *sa, uint32_t *const map[KEY_N])
{
	struct classify *d = da;
	const struct classify *s = sa;
	for (size_t i = 0; i < s->n; i++) {
		const struct cpair *x = &s->p[i];
		struct cpair *w = pair(d, x->dev >= 0 ? (int64_t)map[KEY_DEV][x->dev] : -1,
				       x->agent >= 0 ? (int64_t)map[KEY_AGENT][x->agent] : -1);
		if (!w || set_devos(d, w, x->devos, x->devos_ts, x->devos_pos) < 0)
			return -1;
		w->hits[0] += x->hits[0];
		w->hits[1] += x->hits[1];
	}
	return 0;
}

/* An output group: its key is the selected columns joined by 0x1f. */
struct cgroup {
	uint64_t hits, devs;
};

static const struct intern *cmp_keys;

static int cmp_group(const void *a, const void *b)
{
	struct slice x = intern_str(cmp_keys, *(const uint32_t *)a), y = intern_str(cmp_keys, *(const uint32_t *)b);
	/* column by column, each in natural order */
	while (x.n || y.n) {
		const char *ex = memchr(x.p, '\x1f', x.n), *ey = memchr(y.p, '\x1f', y.n);
		size_t nx = ex ? (size_t)(ex - x.p) : x.n, ny = ey ? (size_t)(ey - y.p) : y.n;
		int c = natural_cmp(slice_make(x.p, nx), slice_make(y.p, ny));
		if (c)
			return c;
		x = ex ? slice_make(ex + 1, x.n - nx - 1) : slice_make(x.p + x.n, 0);
		y = ey ? slice_make(ey + 1, y.n - ny - 1) : slice_make(y.p + y.n, 0);
	}
	return 0;
}

static void count_dev(uint64_t key, void *arg)
{
	((struct cgroup *)arg)[key >> 32].devs++;
}

static int classify_emit(void *a, struct table *t, const struct emit_ctx *ec)
{
	struct classify *c = a;
	const struct triage_opts *to = c->t;
	unsigned colset = to && to->ua_cols ? to->ua_cols : UA_COL_FAMILY | UA_COL_OS | UA_COL_CLIENT;
	struct intern keys, subjects;
	struct u64set devs;
	uint32_t *sgroup = NULL, *order = NULL;
	size_t sgcap = 0;
	struct cgroup *g = NULL;
	size_t gcap = 0;
	char *kb = NULL;
	int rc = -1;
	bool k_ok = intern_init(&keys) == 0, s_ok = intern_init(&subjects) == 0, d_ok = u64set_init(&devs) == 0;
	if (!k_ok || !s_ok || !d_ok)
		goto out;
	for (size_t i = 0; i < c->n; i++) {
		const struct cpair *x = &c->p[i];
		uint64_t hits = tier_sum(ec, x->hits);
		if (!hits)
			continue;
		struct slice agent = x->agent >= 0 ? intern_str(&ec->k[KEY_AGENT], (uint32_t)x->agent) : SLICE_LIT("");
		/* one classification per distinct agent and DevOS */
		size_t sn = agent.n + 1 + x->devos.n;
		char *nb = realloc(kb, sn + 1);
		if (!nb)
			goto out;
		kb = nb;
		if (agent.n)
			memcpy(kb, agent.p, agent.n);
		kb[agent.n] = '\t';
		if (x->devos.n)
			memcpy(kb + agent.n + 1, x->devos.p, x->devos.n);
		bool added;
		int64_t sid = intern_get(&subjects, slice_make(kb, sn), &added);
		if (sid < 0 || grow_zero((void **)&sgroup, &sgcap, (size_t)sid + 1, sizeof *sgroup) < 0)
			goto out;
		if (added) {
			struct ua_class cls;
			if (classifier_match(to ? to->rules : NULL, agent, x->devos, &cls) < 0)
				goto out;
			char key[3 * sizeof cls.family + 3];
			size_t kn = 0;
			const char *parts[3] = {cls.family, cls.os, cls.client};
			for (int j = 0; j < 3; j++) {
				if (!(colset & (1u << j)))
					continue;
				if (kn)
					key[kn++] = '\x1f';
				size_t pl = strlen(parts[j]);
				memcpy(key + kn, parts[j], pl);
				kn += pl;
			}
			int64_t gid = intern_get(&keys, slice_make(key, kn), NULL);
			if (gid < 0)
				goto out;
			sgroup[sid] = (uint32_t)gid;
		}
		uint32_t gid = sgroup[sid];
		if (grow_zero((void **)&g, &gcap, (size_t)gid + 1, sizeof *g) < 0)
			goto out;
		g[gid].hits += hits;
		if (x->dev >= 0 && u64set_add(&devs, (uint64_t)gid << 32 | (uint64_t)x->dev) < 0)
			goto out;
	}
	if (keys.count && grow_zero((void **)&g, &gcap, keys.count, sizeof *g) < 0)
		goto out;
	u64set_each(&devs, count_dev, g);
	order = malloc(((size_t)keys.count + 1) * sizeof *order);
	if (!order)
		goto out;
	for (uint32_t i = 0; i < keys.count; i++)
		order[i] = i;
	cmp_keys = &keys;
	qsort(order, keys.count, sizeof *order, cmp_group);
	const char *cols[5];
	int nc = 0;
	if (colset & UA_COL_FAMILY)
		cols[nc++] = "Family";
	if (colset & UA_COL_OS)
		cols[nc++] = "OS Version";
	if (colset & UA_COL_CLIENT)
		cols[nc++] = "Client";
	cols[nc++] = "Hits";
	cols[nc++] = "Unique Devices";
	table_begin(t, t->o, t->fmt, cols, nc);
	for (uint32_t i = 0; i < keys.count; i++) {
		struct slice k = intern_str(&keys, order[i]);
		for (int j = 0; j < nc - 2; j++) {
			const char *e = memchr(k.p, '\x1f', k.n);
			size_t n = e ? (size_t)(e - k.p) : k.n;
			table_str(t, slice_make(k.p, n));
			k = e ? slice_make(e + 1, k.n - n - 1) : slice_make(k.p + k.n, 0);
		}
		table_u64(t, g[order[i]].hits);
		table_u64(t, g[order[i]].devs);
		table_end_row(t);
	}
	rc = 0;
out:
	if (k_ok)
		intern_free(&keys);
	if (s_ok)
		intern_free(&subjects);
	if (d_ok)
		u64set_free(&devs);
	free(sgroup);
	free(order);
	free(g);
	free(kb);
	return rc;
}

static json_t *classify_save(const void *a)
{
	const struct classify *c = a;
	json_t *rows = json_array();
	for (size_t i = 0; rows && i < c->n; i++) {
		const struct cpair *x = &c->p[i];
		json_t *r = json_pack("[IIooII]", (json_int_t)x->dev, (json_int_t)x->agent, jnums(x->hits, 2),
				      jbytes(x->devos), (json_int_t)x->devos_ts, (json_int_t)x->devos_pos);
		if (jpush(rows, r) < 0) {
			json_decref(rows);
			rows = NULL;
		}
	}
	return rows ? json_pack("{so}", "pairs", rows) : NULL;
}

static int classify_load(void *a, const json_t *j, const struct load_ctx *lc)
{
	struct classify *c = a;
	json_t *rows;
	if (json_unpack((json_t *)j, "{s:o}", "pairs", &rows) < 0 || !json_is_array(rows))
		return -1;
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r)
	{
		json_int_t dev, agent, ts, pos;
		json_t *hits, *devos;
		struct slice os;
		uint64_t h[2];
		struct cpair *w;
		if (json_unpack(r, "[IIooII]", &dev, &agent, &hits, &devos, &ts, &pos) < 0 ||
		    (dev != -1 && !key_ok(lc, KEY_DEV, dev)) || (agent != -1 && !key_ok(lc, KEY_AGENT, agent)) ||
		    jget_nums(hits, h, 2) < 0 ||
		    jget_bytes(devos, &c->arena, &os) < 0 || !(w = pair(c, dev, agent)) ||
		    set_devos(c, w, os, ts, pos_remap(lc, (uint64_t)pos)) < 0)
			return -1;
		w->hits[0] += h[0];
		w->hits[1] += h[1];
	}
	return 0;
}

const struct analyzer_ops classify_ops = {
	"classify", "Classify.csv", classify_create, classify_add, classify_merge, classify_emit, classify_destroy,
	classify_save, classify_load,
};

bool eas_record_failed(const struct eas_record *r)
{
	if (r->eas_error.n)
		return true;
	long long s = r->log.eas_status;
	if (s < 0 || s == 1)
		return false;
	if (r->cmd_id == CMD_PING && s == 2)
		return false;
	if (r->cmd_id == CMD_MOVEITEMS && s == 3)
		return false;
	return true;
}
