/* eas_log: token-by-token reading of Log=. */
#include "eas_log.h"

#include "scan.h"

#define A26(c) [c] = 1, [c + 1] = 1, [c + 2] = 1, [c + 3] = 1, [c + 4] = 1, [c + 5] = 1, \
	[c + 6] = 1, [c + 7] = 1, [c + 8] = 1, [c + 9] = 1, [c + 10] = 1, [c + 11] = 1, [c + 12] = 1, \
	[c + 13] = 1, [c + 14] = 1, [c + 15] = 1, [c + 16] = 1, [c + 17] = 1, [c + 18] = 1, \
	[c + 19] = 1, [c + 20] = 1, [c + 21] = 1, [c + 22] = 1, [c + 23] = 1, [c + 24] = 1, [c + 25] = 1
static const unsigned char alpha[256] = {A26('A'), A26('a')};

/* a + b, stuck at UINT64_MAX instead of wrapping (analyzer.h's sat_add;
 * formats/ does not include analyzers/). */
static inline uint64_t sat_add(uint64_t a, uint64_t b)
{
	uint64_t s;
	return __builtin_add_overflow(a, b, &s) ? UINT64_MAX : s;
}

static const char *const ftnames[FT_N] = {"Em", "Ca", "Co", "Ta", "Nt", "Other"};

const char *folder_type_name(enum folder_type t)
{
	return ftnames[t];
}

static enum folder_type folder_type(struct slice v)
{
	for (int i = 0; i < FT_OTHER; i++)
		if (slice_eq(v, ftnames[i]))
			return (enum folder_type)i;
	return FT_OTHER;
}

/* Is tok the token NAME (letters) followed by a non-letter or its end?
 * Sets rest (what follows the name) and sval (after ':', or null). */
static inline bool name_is(struct slice tok, const char *name, size_t n, struct slice *rest, struct slice *sval)
{
	if (tok.n < n || memcmp(tok.p, name, n) != 0 || (tok.n > n && alpha[(unsigned char)tok.p[n]]))
		return false;
	*rest = slice_make(tok.p + n, tok.n - n);
	*sval = (rest->n > 0 && rest->p[0] == ':') ? slice_make(rest->p + 1, rest->n - 1) : SLICE_NULL;
	return true;
}

/* Integer token value: "Name123" or "Name:123" (2016+). */
static bool int_value(struct slice rest, uint64_t *v)
{
	if (rest.n > 0 && rest.p[0] == ':')
		rest = slice_make(rest.p + 1, rest.n - 1);
	size_t nd;
	*v = scan_u64(rest.p, rest.n, &nd);
	return nd > 0 && nd == rest.n;
}

/* "1a2c0d0f0e" / "1a0c0d0f0e0s0fs" / "3a0c0d0s0e0r1A0sd": number-letters pairs. */
static void stat_pairs(struct slice v, uint64_t *dst, bool srv)
{
	size_t i = 0;
	while (i < v.n) {
		size_t nd;
		uint64_t n = scan_u64(v.p + i, v.n - i, &nd);
		if (nd == 0)
			return;
		i += nd;
		size_t ls = i;
		while (i < v.n && ((v.p[i] | 32) >= 'a' && (v.p[i] | 32) <= 'z'))
			i++;
		struct slice code = slice_make(v.p + ls, i - ls);
		int slot = -1;
		if (!srv) {
			if (slice_eq(code, "a"))
				slot = CLI_ADDS;
			else if (slice_eq(code, "c"))
				slot = CLI_CHANGES;
			else if (slice_eq(code, "d"))
				slot = CLI_DELETES;
			else if (slice_eq(code, "f"))
				slot = CLI_FETCHES;
		} else {
			if (slice_eq(code, "a"))
				slot = SRV_ADDS;
			else if (slice_eq(code, "c"))
				slot = SRV_CHANGES;
			else if (slice_eq(code, "d"))
				slot = SRV_DELETES;
			else if (slice_eq(code, "s"))
				slot = SRV_SOFTDELETES;
			else if (slice_eq(code, "A"))
				slot = SRV_ASSOCADDS;
		}
		if (slot >= 0)
			dst[slot] = sat_add(dst[slot], n);
	}
}

/* Exchange 2003: V2TCoSSC:0A0C0D0FS:1A0C0D0SP:... (no underscores). */
static void parse_2003(struct slice v, struct eas_log *l)
{
	size_t i = 1, nd;
	uint64_t ver = scan_u64(v.p + i, v.n - i, &nd);
	i += nd;
	l->proto = ver == 1 ? 10 : ver == 2 ? 20 : ver == 3 ? 21 : (unsigned)(ver > 1000 ? 0 : ver);
	enum folder_type ft = FT_OTHER;
	if (i + 3 <= v.n && v.p[i] == 'T') {
		ft = folder_type(slice_make(v.p + i + 1, 2));
		i += 3;
		l->nfolders = 1;
	}
	if (i + 2 <= v.n && v.p[i] == 'S' && v.p[i + 1] != ':')
		i += 2; /* sync type letter */
	char sect = 0; /* C: client, S: server, P: performance */
	while (i < v.n) {
		char c = v.p[i];
		if ((c == 'C' || c == 'S' || c == 'P') && i + 1 < v.n && v.p[i + 1] == ':') {
			sect = c;
			i += 2;
			continue;
		}
		uint64_t n = scan_u64(v.p + i, v.n - i, &nd);
		if (nd == 0 || i + nd >= v.n) {
			i += nd ? nd : 1;
			continue;
		}
		i += nd;
		char k = v.p[i++];
		if (sect == 'C') {
			int slot = k == 'A' ? CLI_ADDS : k == 'C' ? CLI_CHANGES : k == 'D' ? CLI_DELETES : k == 'F' ? CLI_FETCHES : -1;
			l->has_cli = true;
			if (slot >= 0)
				l->cli[ft][slot] = sat_add(l->cli[ft][slot], n);
		} else if (sect == 'S') {
			int slot = k == 'A' ? SRV_ADDS : k == 'C' ? SRV_CHANGES : k == 'D' ? SRV_DELETES : -1;
			l->has_srv = true;
			if (slot >= 0)
				l->srv[ft][slot] = sat_add(l->srv[ft][slot], n);
		}
	}
}

void eas_log_parse(struct slice v, struct eas_log *l)
{
	memset(l, 0, sizeof *l);
	l->eas_status = -1;
	l->heartbeat = -1;
	if (slice_is_null(v))
		return;
	l->present = true;
	if (v.n >= 3 && v.p[0] == 'V' && v.p[1] >= '0' && v.p[1] <= '9' && !memchr(v.p, '_', v.n)) {
		size_t nd;
		scan_u64(v.p + 1, v.n - 1, &nd);
		if (1 + nd < v.n && v.p[1 + nd] == 'T') {
			parse_2003(v, l);
			return;
		}
	}
	enum folder_type cur = FT_OTHER;
	bool cur_typed = false;
	unsigned ver1 = 0;
	const char *p = v.p, *end = v.p + v.n;
	struct bscan sc;
	bscan_init(&sc, p, end, '_');
	while (p < end) {
		const char *us = bscan_next(&sc);
		const char *e = us ? us : end;
		struct slice tok = slice_make(p, (size_t)(e - p));
		p = us ? us + 1 : end;
		if (tok.n == 0)
			continue;
		l->tokens++;
		/* dispatch on the first letter: most tokens (Budget, TmRcv,
		 * ActivityContextData, ...) are rejected after a compare or two */
		struct slice rest, sval;
		uint64_t n;
		bool known = true;
#define IS(lit) name_is(tok, lit, sizeof lit - 1, &rest, &sval)
		switch (tok.p[0]) {
		case 'V':
			if (IS("V") && int_value(rest, &n))
				l->proto = n > 1000 ? 0 : (unsigned)n;
			else if (IS("Ver") && rest.n > 2 && rest.p[0] == '1' && rest.p[1] == ':') {
				size_t nd;
				uint64_t vv = scan_u64(rest.p + 2, rest.n - 2, &nd);
				if (nd > 0 && nd == rest.n - 2 && vv <= 1000)
					ver1 = (unsigned)vv;
			} else
				known = false;
			break;
		case 'S':
			if (IS("S") && int_value(rest, &n))
				l->eas_status = n > 1000000 ? 1000000 : (long long)n;
			else if (IS("Srv") && !slice_is_null(sval)) {
				l->has_srv = true;
				stat_pairs(sval, l->srv[cur], true);
			} else if (IS("Ssp") && int_value(rest, &n))
				l->ssp = sat_add(l->ssp, n);
			else if (IS("Sspb") && int_value(rest, &n))
				l->sspb = sat_add(l->sspb, n);
			else
				known = false;
			break;
		case 'T':
			if (IS("Ty") && !slice_is_null(sval)) {
				if (cur_typed)
					l->nfolders++;
				else if (l->nfolders == 0)
					l->nfolders = 1;
				cur = folder_type(sval);
				cur_typed = true;
			} else
				known = false;
			break;
		case 'H':
			if (IS("Hb") && int_value(rest, &n))
				l->heartbeat = n > 100000000 ? 100000000 : (long long)n;
			else if (IS("HH") && !slice_is_null(sval))
				l->host = sval;
			else
				known = false;
			break;
		case 'P':
			if (IS("Pk") && int_value(rest, &n)) {
				l->has_pk = true;
				l->pk = n;
			} else if (IS("Pa"))
				l->pa = slice_is_null(sval) ? rest : sval;
			else if (IS("PrxFrom") && !slice_is_null(sval))
				l->prxfrom = sval;
			else
				known = false;
			break;
		case 'A':
			if (IS("As") && !slice_is_null(sval))
				l->access = sval;
			else if (IS("Att") && int_value(rest, &n))
				l->att = sat_add(l->att, n);
			else if (IS("Attb") && int_value(rest, &n))
				l->attb = sat_add(l->attb, n);
			else
				known = false;
			break;
		case 'F':
			if (IS("Fid")) {
				l->nfolders++;
				cur = FT_OTHER;
				cur_typed = false;
			} else
				known = false;
			break;
		case 'C':
			if (IS("Cli") && !slice_is_null(sval)) {
				l->has_cli = true;
				stat_pairs(sval, l->cli[cur], false);
			} else
				known = false;
			break;
		case 'O':
			if (IS("Oof") && !slice_is_null(sval))
				l->oof = slice_eq_ci(sval, "Get") ? OOF_GET : slice_eq_ci(sval, "Set") ? OOF_SET : OOF_OTHER;
			else
				known = false;
			break;
		case 'U':
			if (IS("Unc") && int_value(rest, &n))
				l->unc = sat_add(l->unc, n);
			else if (IS("Uncb") && int_value(rest, &n))
				l->uncb = sat_add(l->uncb, n);
			else
				known = false;
			break;
		case 'M':
			if (IS("Mbx") && !slice_is_null(sval))
				l->mbx = sval;
			else
				known = false;
			break;
		case 'E':
			if (IS("Error") && !slice_is_null(sval))
				l->error = sval;
			else
				known = false;
			break;
		case 'D':
			if (IS("DevOS") && !slice_is_null(sval))
				l->devos = sval;
			else
				known = false;
			break;
		default:
			known = false;
		}
#undef IS
		if (!known)
			l->unknown++;
	}
	if (l->proto == 0 && ver1)
		l->proto = ver1;
}

int eas_log_pa(const struct eas_log *l)
{
	if (slice_is_null(l->pa) || l->pa.n == 0)
		return -1;
	size_t nd;
	uint64_t v = scan_u64(l->pa.p, l->pa.n, &nd);
	if (nd != l->pa.n)
		return -1;
	return v > 1000 ? 1000 : (int)v;
}
