/* users: Users.csv, one row per (user, device): hits, bytes, items and
 * per-type counts from Log, compliance; in the default mode also the
 * servers, first/last seen, protocol, OS and agent of each device. */
#include <stdio.h>
#include <stdlib.h>

#include "../formats/timeutil.h"
#include "u64set.h"
#include "analyzer.h"
#include "compliance_state.h"

/* Counters summed over the tiers that count as hits. */
enum { H_HITS, H_BYTES_SENT, H_BYTES_RECV, H_EMAILS_RECV, H_SEARCHES, H_ERRORS, H_N };
/* Counters from Log data (one tier carries Log per request). */
enum {
	L_ITEMS_SENT, L_ITEMS_RECV, L_EMAILS_SENT, L_CA_SENT, L_CA_RECV, L_CO_SENT, L_CO_RECV,
	L_TA_SENT, L_TA_RECV, L_NT_SENT, L_NT_RECV, L_OOF_SET, L_OOF_GET, L_SSP, L_UNC, L_ATT,
	L_ATTB, L_N
};

struct urow {
	bool used;
	bool auth;                    /* uname is an authenticated cs-username */
	uint64_t pos;                 /* first occurrence: the display values' source */
	struct slice uname, devid, devtype;
	uint64_t h[2][H_N];
	uint64_t l[L_N];
	struct policy_state pol;
	int64_t first, last;
	unsigned proto;
	uint64_t proto_pos;           /* ts-ordered "latest" (ts << 0 with pos tie-break) */
	int64_t proto_ts;
	struct slice devos;
	int64_t devos_ts;
	uint64_t devos_pos;
	int64_t agent;                /* KEY_AGENT id of the latest agent, -1 none */
	int64_t agent_ts;
	uint64_t agent_pos;
};

struct users {
	bool compat;
	struct urow *rows;
	size_t cap;
	struct intern arena;          /* display strings */
	struct u64set servers;        /* row << 24 | server id */
};

static void *users_create(const struct report_opts *o)
{
	struct users *u = calloc(1, sizeof *u);
	if (!u)
		return NULL;
	u->compat = o->compat;
	if (intern_init(&u->arena) < 0 || u64set_init(&u->servers) < 0) {
		intern_free(&u->arena);
		free(u);
		return NULL;
	}
	return u;
}

static void users_destroy(void *a)
{
	struct users *u = a;
	free(u->rows);
	intern_free(&u->arena);
	u64set_free(&u->servers);
	free(u);
}

static bool keep(struct users *u, struct slice *dst, struct slice s)
{
	const char *p = intern_keep(&u->arena, s);
	*dst = slice_make(p, s.n);
	return p != NULL;
}

/* "latest" by timestamp, ties to the later position in input order. */
static bool later(int64_t ts, uint64_t pos, int64_t cur_ts, uint64_t cur_pos, bool have)
{
	return !have || ts > cur_ts || (ts == cur_ts && pos > cur_pos);
}

static bool better_display(const struct urow *w, bool auth, uint64_t pos)
{
	if (!w->used)
		return true;
	if (auth != w->auth)
		return auth;
	return pos < w->pos;
}

static struct urow *row_for(struct users *u, uint32_t id)
{
	if (grow_zero((void **)&u->rows, &u->cap, (size_t)id + 1, sizeof *u->rows) < 0)
		return NULL;
	return &u->rows[id];
}

static bool sends_mail(enum eas_cmd c)
{
	return c == CMD_SENDMAIL || c == CMD_SMARTREPLY || c == CMD_SMARTFORWARD;
}

static int users_add(void *a, const struct eas_record *r, const struct keys *k)
{
	struct users *u = a;
	if (k->id[KEY_USER] < 0)
		return 0;
	struct urow *w = row_for(u, (uint32_t)k->id[KEY_USER]);
	if (!w)
		return -1;
	uint64_t pos = record_pos(r);
	/* display values: the first line, preferring an authenticated name
	 * (cs-username) over the query's User= in the default mode */
	bool auth = !u->compat && !slice_is_null(r->w[W3C_CS_USERNAME]);
	if (better_display(w, auth, pos)) {
		struct slice un, di, dt;
		if (u->compat) {
			un = slice_is_null(r->w[W3C_CS_USERNAME]) ? SLICE_LIT("") : r->w[W3C_CS_USERNAME];
			di = r->compat.devid;
			dt = r->compat.devtype;
		} else {
			un = r->user;
			di = r->devid;
			dt = r->devtype;
		}
		if (!keep(u, &w->uname, un) || !keep(u, &w->devid, di) || !keep(u, &w->devtype, dt))
			return -1;
		if (!w->used) {
			w->first = w->last = r->ts;
			w->agent = -1;
		}
		w->pos = pos;
		w->auth = auth;
		w->used = true;
	}
	uint64_t *h = w->h[k->tix];
	h[H_HITS]++;
	h[H_BYTES_SENT] = sat_add(h[H_BYTES_SENT], r->bytes_sent);
	h[H_BYTES_RECV] = sat_add(h[H_BYTES_RECV], r->bytes_recv);
	if (r->ts < w->first)
		w->first = r->ts;
	if (r->ts > w->last)
		w->last = r->ts;

	if (u->compat) {
		const struct compat_result *c = &r->compat;
		bool has_q = !slice_is_null(r->w[W3C_CS_URI_QUERY]);
		if (has_q) {
			w->l[L_ITEMS_SENT] = sat_add(w->l[L_ITEMS_SENT], c->items_sent);
			w->l[L_ITEMS_RECV] = sat_add(w->l[L_ITEMS_RECV], c->items_recv);
			w->l[L_EMAILS_SENT] = sat_add(w->l[L_EMAILS_SENT], c->emails_sent);
			for (int t = 0; t < 4; t++) {
				w->l[L_CA_SENT + 2 * t] = sat_add(w->l[L_CA_SENT + 2 * t], c->sent[t]);
				w->l[L_CA_RECV + 2 * t] = sat_add(w->l[L_CA_RECV + 2 * t], c->recv[t]);
			}
			if (sends_mail(r->compat_cmd))
				h[H_EMAILS_RECV]++;
			if (r->compat_cmd == CMD_SETTINGS) {
				w->l[L_OOF_SET] += slice_eq_ci(c->oof, "Set");
				w->l[L_OOF_GET] += slice_eq_ci(c->oof, "Get");
			}
			h[H_SEARCHES] += r->compat_cmd == CMD_SEARCH;
		}
		w->l[L_SSP] = sat_add(w->l[L_SSP], c->ssp);
		w->l[L_UNC] = sat_add(w->l[L_UNC], c->unc);
		w->l[L_ATT] = sat_add(w->l[L_ATT], c->att);
		w->l[L_ATTB] = sat_add(w->l[L_ATTB], c->attb);
		if (c->pa > 0)
			policy_update(&w->pol, (int)(c->pa > 1000 ? 1000 : c->pa), r->ts, pos);
		return 0;
	}

	const struct eas_log *l = &r->log;
	for (int t = 0; t < FT_N; t++) {
		uint64_t s = sat_add(l->srv[t][SRV_ADDS], l->srv[t][SRV_CHANGES]);
		uint64_t c = sat_add(l->cli[t][CLI_ADDS], l->cli[t][CLI_CHANGES]);
		uint64_t sa = sat_add(s, l->srv[t][SRV_ASSOCADDS]);
		w->l[L_ITEMS_SENT] = sat_add(w->l[L_ITEMS_SENT], sa);
		w->l[L_ITEMS_RECV] = sat_add(w->l[L_ITEMS_RECV], c);
		if (t == FT_EM) {
			w->l[L_EMAILS_SENT] = sat_add(w->l[L_EMAILS_SENT], sa);
		} else if (t != FT_OTHER) {
			w->l[L_CA_SENT + 2 * (t - 1)] = sat_add(w->l[L_CA_SENT + 2 * (t - 1)], s);
			w->l[L_CA_RECV + 2 * (t - 1)] = sat_add(w->l[L_CA_RECV + 2 * (t - 1)], c);
		}
	}
	if (sends_mail(r->cmd_id))
		h[H_EMAILS_RECV]++;
	h[H_SEARCHES] += r->cmd_id == CMD_SEARCH;
	h[H_ERRORS] += r->status >= 400;
	if (r->cmd_id == CMD_SETTINGS) {
		w->l[L_OOF_SET] += l->oof == OOF_SET;
		w->l[L_OOF_GET] += l->oof == OOF_GET;
	}
	w->l[L_SSP] = sat_add(w->l[L_SSP], l->ssp);
	w->l[L_UNC] = sat_add(w->l[L_UNC], l->unc);
	w->l[L_ATT] = sat_add(w->l[L_ATT], l->att);
	w->l[L_ATTB] = sat_add(w->l[L_ATTB], l->attb);
	int pa = record_pa(r);
	if (pa > 0)
		policy_update(&w->pol, pa, r->ts, pos);
	unsigned pv = record_proto(r);
	if (pv && later(r->ts, pos, w->proto_ts, w->proto_pos, w->proto != 0)) {
		w->proto = pv;
		w->proto_ts = r->ts;
		w->proto_pos = pos;
	}
	if (r->devos.n && later(r->ts, pos, w->devos_ts, w->devos_pos, w->devos.n != 0)) {
		if (!keep(u, &w->devos, r->devos))
			return -1;
		w->devos_ts = r->ts;
		w->devos_pos = pos;
	}
	if (k->id[KEY_AGENT] >= 0 && later(r->ts, pos, w->agent_ts, w->agent_pos, w->agent >= 0)) {
		w->agent = k->id[KEY_AGENT];
		w->agent_ts = r->ts;
		w->agent_pos = pos;
	}
	if (k->id[KEY_SERVER] >= 0 && u64set_add(&u->servers, (uint64_t)k->id[KEY_USER] << 24 | (uint64_t)k->id[KEY_SERVER]) < 0)
		return -1;
	return 0;
}

struct merge_ctx {
	struct users *dst;
	uint32_t *const *map;
	int rc;
};

static void merge_server(uint64_t key, void *arg)
{
	struct merge_ctx *m = arg;
	uint64_t row = m->map[KEY_USER][key >> 24], srv = m->map[KEY_SERVER][key & 0xFFFFFF];
	if (u64set_add(&m->dst->servers, row << 24 | srv) < 0)
		m->rc = -1;
}

static int users_merge(void *da, const void *sa, uint32_t *const map[KEY_N])
{
	struct users *d = da;
	const struct users *s = sa;
	for (size_t id = 0; id < s->cap; id++) {
		const struct urow *x = &s->rows[id];
		if (!x->used)
			continue;
		struct urow *w = row_for(d, map[KEY_USER][id]);
		if (!w)
			return -1;
		if (better_display(w, x->auth, x->pos)) {
			if (!keep(d, &w->uname, x->uname) || !keep(d, &w->devid, x->devid) ||
			    !keep(d, &w->devtype, x->devtype))
				return -1;
			if (!w->used) {
				w->first = x->first;
				w->last = x->last;
				w->agent = -1;
			}
			w->pos = x->pos;
			w->auth = x->auth;
			w->used = true;
		}
		for (int t = 0; t < 2; t++)
			for (int i = 0; i < H_N; i++)
				w->h[t][i] = sat_add(w->h[t][i], x->h[t][i]);
		for (int i = 0; i < L_N; i++)
			w->l[i] = sat_add(w->l[i], x->l[i]);
		policy_merge(&w->pol, &x->pol);
		if (x->first < w->first)
			w->first = x->first;
		if (x->last > w->last)
			w->last = x->last;
		if (x->proto && later(x->proto_ts, x->proto_pos, w->proto_ts, w->proto_pos, w->proto != 0)) {
			w->proto = x->proto;
			w->proto_ts = x->proto_ts;
			w->proto_pos = x->proto_pos;
		}
		if (x->devos.n && later(x->devos_ts, x->devos_pos, w->devos_ts, w->devos_pos, w->devos.n != 0)) {
			if (!keep(d, &w->devos, x->devos))
				return -1;
			w->devos_ts = x->devos_ts;
			w->devos_pos = x->devos_pos;
		}
		if (x->agent >= 0 && later(x->agent_ts, x->agent_pos, w->agent_ts, w->agent_pos, w->agent >= 0)) {
			w->agent = map[KEY_AGENT][x->agent];
			w->agent_ts = x->agent_ts;
			w->agent_pos = x->agent_pos;
		}
	}
	struct merge_ctx m = {d, map, 0};
	u64set_each(&s->servers, merge_server, &m);
	return m.rc;
}

static const char *const compat_cols[] = {
	"User Name", "Device ID", "Device Type", "Items Sent", "Items Received", "Hits",
	"Total Bytes Sent", "Total Bytes Received", "Total Emails Sent", "Total Emails Received",
	"Total Calendar Sent", "Total Calendar Received", "Total Contacts Sent",
	"Total Contacts Received", "Total Tasks Sent", "Total Tasks Received", "Total Notes Sent",
	"Total Notes Received", "Total OOF Messages Set by Client",
	"Total OOF Messages Retrieved from Server", "Total Searches requested",
	"Total SharePoint Access", "Total UNC Access", "Total Attachment Downloads",
	"Total Attachment Size", "Currently Compliant with Policy",
	/* default mode only */
	"Servers", "First Seen", "Last Seen", "Protocol Version", "Device OS", "User Agent", "Errors",
};
#define NCOMPAT 26
#define NDEFAULT 33

/* The 22 numeric columns (4..25) of a row, in header order. */
static void numbers(const struct urow *w, const struct emit_ctx *c, uint64_t v[22])
{
	uint64_t h[H_N];
	for (int i = 0; i < H_N; i++) {
		uint64_t t2[2] = {w->h[0][i], w->h[1][i]};
		h[i] = tier_sum(c, t2);
	}
	const uint64_t *l = w->l;
	uint64_t out[22] = {
		l[L_ITEMS_SENT], l[L_ITEMS_RECV], h[H_HITS], h[H_BYTES_SENT], h[H_BYTES_RECV],
		l[L_EMAILS_SENT], h[H_EMAILS_RECV], l[L_CA_SENT], l[L_CA_RECV], l[L_CO_SENT],
		l[L_CO_RECV], l[L_TA_SENT], l[L_TA_RECV], l[L_NT_SENT], l[L_NT_RECV], l[L_OOF_SET],
		l[L_OOF_GET], h[H_SEARCHES], l[L_SSP], l[L_UNC], l[L_ATT], l[L_ATTB],
	};
	memcpy(v, out, sizeof out);
}

struct srv_list {
	uint32_t row, srv;
};

static void collect_pair(uint64_t key, void *arg)
{
	struct srv_list **p = arg;
	**p = (struct srv_list){(uint32_t)(key >> 24), (uint32_t)(key & 0xFFFFFF)};
	(*p)++;
}

static const struct intern *srv_names;

static int cmp_pair(const void *a, const void *b)
{
	const struct srv_list *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return slice_cmp(intern_str(srv_names, x->srv), intern_str(srv_names, y->srv));
}

static int users_emit(void *a, struct table *t, const struct emit_ctx *c)
{
	struct users *u = a;
	const struct intern *keys = &c->k[KEY_USER];
	size_t n = 0;
	uint32_t *ids = malloc((keys->count + 1) * sizeof *ids);
	struct srv_list *pairs = malloc((u->servers.count + 1) * sizeof *pairs);
	size_t *pstart = calloc((size_t)keys->count + 1, sizeof *pstart);
	if (!ids || !pairs || !pstart) {
		free(ids);
		free(pairs);
		free(pstart);
		return -1;
	}
	for (uint32_t id = 0; id < keys->count && id < u->cap; id++)
		if (u->rows[id].used)
			ids[n++] = id;
	sort_ids_by_string(ids, n, keys);
	/* servers per row, sorted by row then name */
	struct srv_list *pp = pairs;
	u64set_each(&u->servers, collect_pair, &pp);
	size_t np = (size_t)(pp - pairs);
	srv_names = &c->k[KEY_SERVER];
	qsort(pairs, np, sizeof *pairs, cmp_pair);
	for (size_t j = np; j-- > 0;)
		pstart[pairs[j].row] = j + 1; /* 1-based index of the row's first pair */

	bool csv = t->fmt == TF_CSV || t->fmt == TF_CSV_COMPAT;
	table_begin(t, t->o, t->fmt, compat_cols, u->compat ? NCOMPAT : NDEFAULT);
	uint64_t tot[22] = {0}, tot_errors = 0;
	for (size_t i = 0; i < n; i++) {
		const struct urow *w = &u->rows[ids[i]];
		uint64_t v[22];
		numbers(w, c, v);
		for (int j = 0; j < 22; j++)
			tot[j] = sat_add(tot[j], v[j]);
		table_str(t, w->uname);
		table_str(t, w->devid);
		table_str(t, w->devtype);
		for (int j = 0; j < 22; j++)
			table_u64(t, v[j]);
		table_cstr(t, policy_name(&w->pol, u->compat));
		if (!u->compat) {
			/* this row's servers: a run of the sorted pairs */
			char list[2048];
			size_t ln = 0;
			for (size_t pj = pstart[ids[i]]; pj > 0 && pj - 1 < np && pairs[pj - 1].row == ids[i]; pj++) {
				struct slice s = intern_str(&c->k[KEY_SERVER], pairs[pj - 1].srv);
				if (ln + s.n + 2 < sizeof list) {
					if (ln)
						list[ln++] = ';';
					memcpy(list + ln, s.p, s.n);
					ln += s.n;
				}
			}
			table_str(t, slice_make(list, ln));
			char f[21], l[21], pv[16] = "";
			format_iso(w->first, f);
			format_iso(w->last, l);
			table_cstr(t, f);
			table_cstr(t, l);
			if (w->proto)
				snprintf(pv, sizeof pv, "%u.%u", w->proto / 10, w->proto % 10);
			table_cstr(t, pv);
			table_str(t, w->devos);
			table_str(t, w->agent >= 0 ? intern_str(&c->k[KEY_AGENT], (uint32_t)w->agent) : SLICE_LIT(""));
			uint64_t err2[2] = {w->h[0][H_ERRORS], w->h[1][H_ERRORS]};
			uint64_t errors = tier_sum(c, err2);
			tot_errors = sat_add(tot_errors, errors);
			table_u64(t, errors);
		}
		table_end_row(t);
	}
	if (csv) {
		/* the cmdlet's total row: sums of Items Sent .. Total Bytes Received */
		table_cstr(t, "*** Total ***");
		table_cstr(t, "");
		table_cstr(t, "");
		for (int j = 0; j < 22; j++) {
			if (j < 5 || !u->compat)
				table_u64(t, tot[j]);
			else
				table_cstr(t, "");
		}
		for (int j = 25; j < (u->compat ? NCOMPAT : NDEFAULT - 1); j++)
			table_cstr(t, "");
		if (!u->compat)
			table_u64(t, tot_errors);
		table_end_row(t);
	}
	free(ids);
	free(pairs);
	free(pstart);
	return 0;
}

static void save_server(uint64_t key, void *arg)
{
	json_t *a = arg;
	jpush(a, jnum((int64_t)(key >> 24)));
	jpush(a, jnum((int64_t)(key & 0xFFFFFF)));
}

static json_t *users_save(const void *a)
{
	const struct users *u = a;
	json_t *rows = json_array(), *servers = json_array();
	for (size_t id = 0; rows && id < u->cap; id++) {
		const struct urow *w = &u->rows[id];
		if (!w->used)
			continue;
		uint64_t pol[4] = {w->pol.have, (uint64_t)w->pol.pa, (uint64_t)w->pol.ts, w->pol.pos};
		json_t *r = json_pack("[IIbooooooIIIIoIIIIoII]", (json_int_t)id, (json_int_t)w->pos, w->auth,
				      jbytes(w->uname), jbytes(w->devid), jbytes(w->devtype), jnums(w->h[0], H_N),
				      jnums(w->h[1], H_N), jnums(w->l, L_N), (json_int_t)w->first,
				      (json_int_t)w->last, (json_int_t)w->proto, (json_int_t)w->proto_ts,
				      jnums(pol, 4), (json_int_t)w->proto_pos, (json_int_t)w->devos_ts,
				      (json_int_t)w->devos_pos, (json_int_t)w->agent, jbytes(w->devos),
				      (json_int_t)w->agent_ts, (json_int_t)w->agent_pos);
		if (jpush(rows, r) < 0) {
			json_decref(rows);
			rows = NULL;
		}
	}
	if (servers)
		u64set_each(&u->servers, save_server, servers);
	json_t *j = rows && servers ? json_pack("{soso}", "rows", rows, "servers", servers) : NULL;
	if (!j) {
		json_decref(rows);
		json_decref(servers);
	}
	return j;
}

static int users_load(void *a, const json_t *j, const struct load_ctx *lc)
{
	struct users *u = a;
	json_t *rows, *servers;
	if (json_unpack((json_t *)j, "{s:o,s:o}", "rows", &rows, "servers", &servers) < 0 ||
	    !json_is_array(rows) || !json_is_array(servers) || json_array_size(servers) % 2)
		return -1;
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r)
	{
		json_int_t id, pos, first, last, proto, proto_ts, proto_pos, devos_ts, devos_pos, agent, agent_ts,
			agent_pos;
		int auth;
		json_t *un, *di, *dt, *h0, *h1, *l, *pol, *devos;
		if (json_unpack(r, "[IIbooooooIIIIoIIIIoII]", &id, &pos, &auth, &un, &di, &dt, &h0, &h1, &l,
				&first, &last, &proto, &proto_ts, &pol, &proto_pos, &devos_ts, &devos_pos, &agent,
				&devos, &agent_ts, &agent_pos) < 0 ||
		    !key_ok(lc, KEY_USER, id) || (agent != -1 && !key_ok(lc, KEY_AGENT, agent)))
			return -1;
		struct urow *w = row_for(u, (uint32_t)id);
		uint64_t p[4];
		if (!w || jget_bytes(un, &u->arena, &w->uname) < 0 || jget_bytes(di, &u->arena, &w->devid) < 0 ||
		    jget_bytes(dt, &u->arena, &w->devtype) < 0 || jget_bytes(devos, &u->arena, &w->devos) < 0 ||
		    jget_nums(h0, w->h[0], H_N) < 0 || jget_nums(h1, w->h[1], H_N) < 0 ||
		    jget_nums(l, w->l, L_N) < 0 || jget_nums(pol, p, 4) < 0)
			return -1;
		w->used = true;
		w->auth = auth;
		w->pos = pos_remap(lc, (uint64_t)pos);
		w->pol = (struct policy_state){p[0] != 0, (int)p[1], (int64_t)p[2], pos_remap(lc, p[3])};
		w->first = first;
		w->last = last;
		w->proto = (unsigned)proto;
		w->proto_ts = proto_ts;
		w->proto_pos = pos_remap(lc, (uint64_t)proto_pos);
		w->devos_ts = devos_ts;
		w->devos_pos = pos_remap(lc, (uint64_t)devos_pos);
		w->agent = agent;
		w->agent_ts = agent_ts;
		w->agent_pos = pos_remap(lc, (uint64_t)agent_pos);
	}
	for (i = 0; i < json_array_size(servers); i += 2) {
		uint32_t row, srv;
		if (jget_id(json_array_get(servers, i), lc, KEY_USER, &row) < 0 ||
		    jget_id(json_array_get(servers, i + 1), lc, KEY_SERVER, &srv) < 0 || srv > 0xFFFFFF ||
		    u64set_add(&u->servers, (uint64_t)row << 24 | srv) < 0)
			return -1;
	}
	return 0;
}

const struct analyzer_ops users_ops = {
	"users", "Users.csv", users_create, users_add, users_merge, users_emit, users_destroy,
	users_save, users_load,
};
