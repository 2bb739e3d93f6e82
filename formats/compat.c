/* compat: a depth-first search over the grammar's choice points in the
 * regex engine's priority order. Matching never depends on captures (there
 * are no back-references), so a state (grammar point, offset) that failed
 * once fails again: remembering failures makes the search linear. */
#include "compat.h"

#include <stdint.h>
#include <stdlib.h>

enum { ST_A, ST_B }; /* A: outer segment loop at pos; B: Log token loop at pos */

struct frame {
	uint32_t pos;
	uint32_t caph;   /* capture height on entry */
	uint32_t cursor; /* last candidate end tried inside a run */
	uint8_t kind;
	uint8_t alt;     /* next alternative to try */
	uint8_t sub;     /* sub-state within an alternative */
};

struct ctx {
	struct compat *c;
	const char *s;
	uint32_t n;
	long budget; /* bytes of forward scanning before building the arrays */
	bool oom;
};

static const char *const gnames[CG_NGROUPS] = {"Cmd", "DeviceId", "DeviceType", "Ty", "CliA",
					       "CliC", "SrvA", "SrvC", "SrvAA", "Oof",
					       "Ssp", "Unc", "Att", "Attb", "Pa"};

const char *compat_group_name(enum compat_group g)
{
	return gnames[g];
}

void compat_init(struct compat *c)
{
	memset(c, 0, sizeof *c);
}

void compat_free(struct compat *c)
{
	free(c->caps);
	free(c->frames);
	free(c->fail_a);
	free(c->fail_b);
	free(c->next_eq);
	free(c->next_amp);
	memset(c, 0, sizeof *c);
}

static bool grow(void **p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return true;
	size_t nc = *cap ? *cap : 64;
	while (nc < need)
		nc *= 2;
	void *np = realloc(*p, nc * elem);
	if (!np)
		return false;
	*p = np;
	*cap = nc;
	return true;
}

static bool push_cap(struct ctx *x, uint8_t g, uint32_t a, uint32_t b)
{
	struct compat *c = x->c;
	if (!grow((void **)&c->caps, &c->capcap, c->ncaps + 1, sizeof *c->caps)) {
		x->oom = true;
		return false;
	}
	c->caps[c->ncaps++] = (struct compat_cap){a, b, g};
	return true;
}

static bool build_arrays(struct ctx *x)
{
	struct compat *c = x->c;
	size_t need = (size_t)x->n + 1;
	if (c->arr_len < need) {
		uint32_t *e = realloc(c->next_eq, need * sizeof *e);
		if (!e)
			return false;
		c->next_eq = e;
		uint32_t *a = realloc(c->next_amp, need * sizeof *a);
		if (!a)
			return false;
		c->next_amp = a;
		c->arr_len = need;
	}
	uint32_t ne = x->n, na = x->n;
	c->next_eq[x->n] = c->next_amp[x->n] = x->n;
	for (uint32_t i = x->n; i-- > 0;) {
		if (x->s[i] == '=')
			ne = i;
		if (x->s[i] == '&')
			na = i;
		c->next_eq[i] = ne;
		c->next_amp[i] = na;
	}
	x->budget = -1;
	return true;
}

/* First offset >= from holding ch ('=' or '&'), or n. */
static uint32_t next_of(struct ctx *x, uint32_t from, char ch)
{
	if (from >= x->n)
		return x->n;
	if (x->budget < 0)
		return ch == '=' ? x->c->next_eq[from] : x->c->next_amp[from];
	const char *p = memchr(x->s + from, ch, x->n - from);
	uint32_t r = p ? (uint32_t)(p - x->s) : x->n;
	x->budget -= (long)(r - from);
	if (x->budget < 0 && !build_arrays(x)) {
		x->oom = true;
		x->budget = 0;
	}
	return r;
}

static uint32_t next_us(struct ctx *x, uint32_t from)
{
	if (from >= x->n)
		return x->n;
	const char *p = memchr(x->s + from, '_', x->n - from);
	return p ? (uint32_t)(p - x->s) : x->n;
}

static uint32_t digits_end(struct ctx *x, uint32_t i)
{
	while (i < x->n && x->s[i] >= '0' && x->s[i] <= '9')
		i++;
	return i;
}

/* Does literal l (ln bytes) stand at offset i? The first byte is compared
 * first: almost every attempt fails there. */
static inline bool lit_n(const struct ctx *x, uint32_t i, const char *l, size_t ln, bool ci)
{
	if (x->n - i < ln)
		return false;
	if (!ci)
		return x->s[i] == l[0] && memcmp(x->s + i, l, ln) == 0;
	return ascii_lower((unsigned char)x->s[i]) == ascii_lower((unsigned char)l[0]) &&
	       mem_eq_ci(x->s + i, l, ln);
}

static inline bool lit(const struct ctx *x, uint32_t i, const char *l, bool ci)
{
	return lit_n(x, i, l, strlen(l), ci);
}

static bool get_bit(const uint64_t *b, uint32_t i)
{
	return (b[i >> 6] >> (i & 63)) & 1;
}

static void set_bit(uint64_t *b, uint32_t i)
{
	b[i >> 6] |= (uint64_t)1 << (i & 63);
}

/* The separator after a token ending at e: returns the B position to go on
 * from, or UINT32_MAX when no separator matches. Alternatives are mutually
 * exclusive at a given e, so one answer suffices. */
static uint32_t sep_after(struct ctx *x, uint32_t e)
{
	if (e < x->n && x->s[e] == '_')
		return e + 1;
	if (e == x->n)
		return e;
	if (x->s[e] == '&')
		return e;
	return UINT32_MAX;
}

/* "D letters" groups of Cli:/Srv:: reads digits then the exact suffix. */
static bool dgroup(struct ctx *x, uint32_t *i, const char *suffix, uint32_t *ds, uint32_t *de)
{
	uint32_t s = *i, e = digits_end(x, s);
	if (e == s)
		return false;
	if (!lit(x, e, suffix, false))
		return false;
	*ds = s;
	*de = e;
	*i = e + (uint32_t)strlen(suffix);
	return true;
}

/* Successor produced by a frame: a state to enter, or success. */
struct succ {
	uint8_t kind;
	uint32_t pos;
	bool success;
};

/* Next candidate end of a "[^_]*" (min_len 0) or "[^_]+" (min_len 1) run
 * starting at v0 inside frame f: the maximal end first, then every '&'
 * inside, right to left. Returns UINT32_MAX when exhausted. */
static uint32_t run_next(struct ctx *x, struct frame *f, uint32_t v0, uint32_t min_len)
{
	if (f->sub == 0) {
		f->sub = 1;
		uint32_t m = next_us(x, v0);
		f->cursor = m;
		if (m - v0 >= min_len)
			return m;
	}
	uint32_t lo = v0 + min_len;
	while (f->cursor > lo) {
		const char *q = mem_rchr(x->s + lo, '&', f->cursor - lo);
		if (!q)
			break;
		f->cursor = (uint32_t)(q - x->s);
		return f->cursor;
	}
	f->cursor = lo;
	return UINT32_MAX;
}

#define ALT_DONE 255

/* Advances frame f of state B to its next successor. Captures of the
 * successor are pushed (the caller has already cut back to f->caph). */
static bool next_b(struct ctx *x, struct frame *f, struct succ *out)
{
	uint32_t p = f->pos;
	const char *s = x->s;
	for (;;) {
		uint32_t e, ds[3], de[3], v0, q;
		switch (f->alt) {
		case 0: /* Ty: [^_]+ */
			if (!lit(x, p, "Ty:", false))
				break;
			v0 = p + 3;
			while ((e = run_next(x, f, v0, 1)) != UINT32_MAX) {
				if ((q = sep_after(x, e)) == UINT32_MAX)
					continue;
				push_cap(x, CG_TY, v0, e);
				*out = (struct succ){ST_B, q, false};
				return true;
			}
			break;
		case 1: { /* Cli: D a D c D d D f D e */
			uint32_t i = p + 4, t1, t2;
			if (!lit(x, p, "Cli:", false))
				break;
			if (!dgroup(x, &i, "a", &ds[0], &de[0]) || !dgroup(x, &i, "c", &ds[1], &de[1]) ||
			    !dgroup(x, &i, "d", &t1, &t2) || !dgroup(x, &i, "f", &t1, &t2) ||
			    !dgroup(x, &i, "e", &t1, &t2))
				break;
			if ((q = sep_after(x, i)) == UINT32_MAX)
				break;
			f->alt++;
			push_cap(x, CG_CLIA, ds[0], de[0]);
			push_cap(x, CG_CLIC, ds[1], de[1]);
			*out = (struct succ){ST_B, q, false};
			return true;
		}
		case 2: { /* Srv: D a D c D d D s D e D r D A D sd */
			uint32_t i = p + 4, t1, t2;
			if (!lit(x, p, "Srv:", false))
				break;
			if (!dgroup(x, &i, "a", &ds[0], &de[0]) || !dgroup(x, &i, "c", &ds[1], &de[1]) ||
			    !dgroup(x, &i, "d", &t1, &t2) || !dgroup(x, &i, "s", &t1, &t2) ||
			    !dgroup(x, &i, "e", &t1, &t2) || !dgroup(x, &i, "r", &t1, &t2) ||
			    !dgroup(x, &i, "A", &ds[2], &de[2]) || !dgroup(x, &i, "sd", &t1, &t2))
				break;
			if ((q = sep_after(x, i)) == UINT32_MAX)
				break;
			f->alt++;
			push_cap(x, CG_SRVA, ds[0], de[0]);
			push_cap(x, CG_SRVC, ds[1], de[1]);
			push_cap(x, CG_SRVAA, ds[2], de[2]);
			*out = (struct succ){ST_B, q, false};
			return true;
		}
		case 3: /* Oof: [^_]* */
			if (!lit(x, p, "Oof:", false))
				break;
			v0 = p + 4;
			while ((e = run_next(x, f, v0, 0)) != UINT32_MAX) {
				if ((q = sep_after(x, e)) == UINT32_MAX)
					continue;
				push_cap(x, CG_OOF, v0, e);
				*out = (struct succ){ST_B, q, false};
				return true;
			}
			break;
		case 4: case 5: case 6: case 7: case 8: { /* Ssp Unc Att Attb Pa, then D */
			static const char *const pre[] = {"Ssp", "Unc", "Att", "Attb", "Pa"};
			static const uint8_t prelen[] = {3, 3, 3, 4, 2};
			static const uint8_t grp[] = {CG_SSP, CG_UNC, CG_ATT, CG_ATTB, CG_PA};
			int k = f->alt - 4;
			if (!lit_n(x, p, pre[k], prelen[k], false))
				break;
			v0 = p + prelen[k];
			e = digits_end(x, v0);
			if (e == v0 || (q = sep_after(x, e)) == UINT32_MAX)
				break;
			f->alt++;
			push_cap(x, grp[k], v0, e);
			*out = (struct succ){ST_B, q, false};
			return true;
		}
		case 9: /* [a-zA-Z]+ D */
		case 10: { /* [a-zA-Z]+ ":" [^_]* */
			uint32_t l = p;
			while (l < x->n && ((s[l] | 32) >= 'a' && (s[l] | 32) <= 'z'))
				l++;
			if (l == p)
				break;
			if (f->alt == 9) {
				e = digits_end(x, l);
				if (e == l || (q = sep_after(x, e)) == UINT32_MAX)
					break;
				f->alt++;
				f->sub = 0;
				*out = (struct succ){ST_B, q, false};
				return true;
			}
			if (l >= x->n || s[l] != ':')
				break;
			v0 = l + 1;
			while ((e = run_next(x, f, v0, 0)) != UINT32_MAX) {
				if ((q = sep_after(x, e)) == UINT32_MAX)
					continue;
				*out = (struct succ){ST_B, q, false};
				return true;
			}
			break;
		}
		case 11: /* leave the Log loop: the outer loop goes on here */
			f->alt = ALT_DONE;
			*out = (struct succ){ST_A, p, false};
			return true;
		default:
			return false;
		}
		f->alt++;
		f->sub = 0;
	}
}

/* Advances frame f of state A (outer loop at pos) to its next successor. */
static bool next_a(struct ctx *x, struct frame *f, struct succ *out)
{
	uint32_t p = f->pos;
	/* Body starts: at 0 via '^' first, then after an '&'. alt = start*5 + body. */
	uint32_t starts[2];
	int ns = 0;
	if (p == 0)
		starts[ns++] = 0;
	if (p < x->n && x->s[p] == '&')
		starts[ns++] = p + 1;
	while (f->alt < ns * 5) {
		uint32_t b = starts[f->alt / 5];
		int body = f->alt % 5;
		f->alt++;
		static const char *const pname[3] = {"Cmd=", "DeviceId=", "DeviceType="};
		static const uint8_t plen[3] = {4, 9, 11};
		static const uint8_t pgrp[3] = {CG_CMD, CG_DEVICEID, CG_DEVICETYPE};
		if (body < 3) {
			if (!lit_n(x, b, pname[body], plen[body], true))
				continue;
			uint32_t v0 = b + plen[body];
			uint32_t v1 = next_of(x, v0, '&');
			push_cap(x, pgrp[body], v0, v1);
			*out = (struct succ){ST_A, v1, false};
			return true;
		}
		if (body == 3) {
			if (!lit(x, b, "Log=", true))
				continue;
			*out = (struct succ){ST_B, b + 4, false};
			return true;
		}
		/* GENERIC: [^=]+ "=" [^&]* */
		uint32_t e = next_of(x, b, '=');
		if (e >= x->n || e == b)
			continue;
		uint32_t v1 = next_of(x, e + 1, '&');
		*out = (struct succ){ST_A, v1, false};
		return true;
	}
	if (f->alt == ns * 5) {
		f->alt++;
		if (p == x->n) {
			*out = (struct succ){ST_A, p, true};
			return true;
		}
	}
	return false;
}

int compat_match(struct compat *c, struct slice query)
{
	struct ctx x = {c, query.p, 0, 0, false};
	if (query.n >= UINT32_MAX - 1)
		return 0;
	x.n = (uint32_t)query.n;
	x.budget = 8 * (long)x.n + 4096;
	c->ncaps = 0;
	size_t words = ((size_t)x.n + 1 + 63) / 64;
	if (c->memo_words < words) {
		uint64_t *a = realloc(c->fail_a, words * sizeof *a);
		if (!a)
			return -1;
		c->fail_a = a;
		uint64_t *b = realloc(c->fail_b, words * sizeof *b);
		if (!b)
			return -1;
		c->fail_b = b;
		c->memo_words = words;
	}
	memset(c->fail_a, 0, words * sizeof *c->fail_a);
	memset(c->fail_b, 0, words * sizeof *c->fail_b);

	struct frame *fr;
	if (!grow(&c->frames, &c->framecap, 16, sizeof *fr))
		return -1;
	fr = c->frames;
	size_t depth = 1;
	fr[0] = (struct frame){0, 0, 0, ST_A, 0, 0};
	while (depth > 0) {
		struct frame *f = &((struct frame *)c->frames)[depth - 1];
		c->ncaps = f->caph;
		struct succ sc;
		bool more = f->kind == ST_A ? next_a(&x, f, &sc) : next_b(&x, f, &sc);
		if (x.oom)
			return -1;
		if (!more) {
			set_bit(f->kind == ST_A ? c->fail_a : c->fail_b, f->pos);
			depth--;
			continue;
		}
		if (sc.success)
			return 1;
		if (get_bit(sc.kind == ST_A ? c->fail_a : c->fail_b, sc.pos))
			continue;
		if (!grow(&c->frames, &c->framecap, depth + 1, sizeof *fr))
			return -1;
		fr = c->frames;
		fr[depth] = (struct frame){sc.pos, (uint32_t)c->ncaps, 0, sc.kind, 0, 0};
		depth++;
	}
	c->ncaps = 0;
	return 0;
}

/* Index of the previous capture of group g before index i, or SIZE_MAX. */
static size_t prev_of(const struct compat *c, size_t i, uint8_t g)
{
	while (i > 0) {
		i--;
		if (c->caps[i].group == g)
			return i;
	}
	return SIZE_MAX;
}

static uint32_t cap_u32(struct slice q, const struct compat_cap *cp)
{
	uint32_t v;
	parse_u32(slice_make(q.p + cp->start, cp->end - cp->start), &v);
	return v;
}

int compat_decode(struct compat *c, struct slice query, struct compat_result *r)
{
	memset(r, 0, sizeof *r);
	static const char empty[1] = "";
	r->cmd = r->devid = r->devtype = r->oof = slice_make(empty, 0);
	int m = compat_match(c, query);
	if (m <= 0)
		return m;
	r->matched = true;
	/* last capture of each single-valued group; Ty/Cli/Srv kept for the walk */
	const struct compat_cap *last[CG_NGROUPS] = {0};
	size_t nty = 0;
	for (size_t i = 0; i < c->ncaps; i++) {
		const struct compat_cap *cp = &c->caps[i];
		last[cp->group] = cp;
		nty += cp->group == CG_TY;
	}
	struct slice *dst[] = {&r->cmd, &r->devid, &r->devtype};
	for (int g = CG_CMD; g <= CG_DEVICETYPE; g++)
		if (last[g])
			*dst[g] = slice_make(query.p + last[g]->start, last[g]->end - last[g]->start);
	if (last[CG_OOF])
		r->oof = slice_make(query.p + last[CG_OOF]->start, last[CG_OOF]->end - last[CG_OOF]->start);
	if (last[CG_SSP])
		r->ssp = cap_u32(query, last[CG_SSP]);
	if (last[CG_UNC])
		r->unc = cap_u32(query, last[CG_UNC]);
	if (last[CG_ATT])
		r->att = cap_u32(query, last[CG_ATT]);
	if (last[CG_ATTB])
		r->attb = cap_u32(query, last[CG_ATTB]);
	if (last[CG_PA])
		r->pa = cap_u32(query, last[CG_PA]);

	if (nty == 0) {
		uint32_t sa = last[CG_SRVA] ? cap_u32(query, last[CG_SRVA]) : 0;
		uint32_t sc = last[CG_SRVC] ? cap_u32(query, last[CG_SRVC]) : 0;
		uint32_t ca = last[CG_CLIA] ? cap_u32(query, last[CG_CLIA]) : 0;
		uint32_t cc = last[CG_CLIC] ? cap_u32(query, last[CG_CLIC]) : 0;
		r->items_sent = (uint32_t)(sa + sc);
		r->items_recv = (uint32_t)(ca + cc);
		return 1;
	}
	/* The walk from the last Ty to the first, with cursors on the last Cli
	 * and Srv (spec 3.4). Each group's captures are in offset order. */
	size_t ci = prev_of(c, c->ncaps, CG_CLIA), si = prev_of(c, c->ncaps, CG_SRVA);
	for (size_t ti = prev_of(c, c->ncaps, CG_TY); ti != SIZE_MAX; ti = prev_of(c, ti, CG_TY)) {
		const struct compat_cap *ty = &c->caps[ti];
		uint32_t ca = 0, cc = 0, sa = 0, sc = 0, saa = 0;
		if (ci != SIZE_MAX && ty->start < c->caps[ci].start) {
			ca = cap_u32(query, &c->caps[ci]);
			cc = cap_u32(query, &c->caps[ci + 1]); /* CliC is pushed right after CliA */
			ci = prev_of(c, ci, CG_CLIA);
		}
		if (si != SIZE_MAX && ty->start < c->caps[si].start) {
			sa = cap_u32(query, &c->caps[si]);
			sc = cap_u32(query, &c->caps[si + 1]);
			saa = cap_u32(query, &c->caps[si + 2]);
			si = prev_of(c, si, CG_SRVA);
		}
		r->items_sent += (uint32_t)(sa + sc + saa);
		r->items_recv += (uint32_t)(ca + cc);
		struct slice tv = slice_make(query.p + ty->start, ty->end - ty->start);
		static const char *const types[4] = {"Ca", "Co", "Ta", "Nt"};
		if (slice_eq(tv, "Em")) {
			r->emails_sent += (uint32_t)(sa + saa + sc);
			continue;
		}
		for (int k = 0; k < 4; k++)
			if (slice_eq(tv, types[k])) {
				r->sent[k] += (uint32_t)(sa + sc);
				r->recv[k] += (uint32_t)(ca + cc);
			}
	}
	return 1;
}
