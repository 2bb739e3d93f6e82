/* eas_log: token-by-token reading of Log=. */
#include "eas_log.h"

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
			dst[slot] = dst[slot] + n < dst[slot] ? UINT64_MAX : dst[slot] + n;
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
				l->cli[ft][slot] += n;
		} else if (sect == 'S') {
			int slot = k == 'A' ? SRV_ADDS : k == 'C' ? SRV_CHANGES : k == 'D' ? SRV_DELETES : -1;
			l->has_srv = true;
			if (slot >= 0)
				l->srv[ft][slot] += n;
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
	while (p < end) {
		const char *us = memchr(p, '_', (size_t)(end - p));
		const char *e = us ? us : end;
		struct slice tok = slice_make(p, (size_t)(e - p));
		p = us ? us + 1 : end;
		if (tok.n == 0)
			continue;
		l->tokens++;
		size_t nl = 0;
		while (nl < tok.n && ((tok.p[nl] | 32) >= 'a' && (tok.p[nl] | 32) <= 'z'))
			nl++;
		struct slice name = slice_make(tok.p, nl);
		struct slice rest = slice_make(tok.p + nl, tok.n - nl);
		struct slice sval = (rest.n > 0 && rest.p[0] == ':') ? slice_make(rest.p + 1, rest.n - 1) : SLICE_NULL;
		uint64_t n;
		bool known = true;
		switch (name.n) {
		case 1:
			if (name.p[0] == 'V' && int_value(rest, &n))
				l->proto = n > 1000 ? 0 : (unsigned)n;
			else if (name.p[0] == 'S' && int_value(rest, &n))
				l->eas_status = n > 1000000 ? 1000000 : (long long)n;
			else
				known = false;
			break;
		case 2:
			if (slice_eq(name, "Ty") && !slice_is_null(sval)) {
				if (cur_typed)
					l->nfolders++;
				else if (l->nfolders == 0)
					l->nfolders = 1;
				cur = folder_type(sval);
				cur_typed = true;
			} else if (slice_eq(name, "Hb") && int_value(rest, &n)) {
				l->heartbeat = n > 100000000 ? 100000000 : (long long)n;
			} else if (slice_eq(name, "Pk") && int_value(rest, &n)) {
				l->has_pk = true;
				l->pk = n;
			} else if (slice_eq(name, "Pa")) {
				l->pa = slice_is_null(sval) ? rest : sval;
			} else if (slice_eq(name, "As") && !slice_is_null(sval)) {
				l->access = sval;
			} else if (slice_eq(name, "HH") && !slice_is_null(sval)) {
				l->host = sval;
			} else {
				known = false;
			}
			break;
		case 3:
			if (slice_eq(name, "Fid")) {
				l->nfolders++;
				cur = FT_OTHER;
				cur_typed = false;
			} else if (slice_eq(name, "Cli") && !slice_is_null(sval)) {
				l->has_cli = true;
				stat_pairs(sval, l->cli[cur], false);
			} else if (slice_eq(name, "Srv") && !slice_is_null(sval)) {
				l->has_srv = true;
				stat_pairs(sval, l->srv[cur], true);
			} else if (slice_eq(name, "Oof") && !slice_is_null(sval)) {
				l->oof = slice_eq_ci(sval, "Get") ? OOF_GET : slice_eq_ci(sval, "Set") ? OOF_SET : OOF_OTHER;
			} else if (slice_eq(name, "Att") && int_value(rest, &n)) {
				l->att += n;
			} else if (slice_eq(name, "Ssp") && int_value(rest, &n)) {
				l->ssp += n;
			} else if (slice_eq(name, "Unc") && int_value(rest, &n)) {
				l->unc += n;
			} else if (slice_eq(name, "Mbx") && !slice_is_null(sval)) {
				l->mbx = sval;
			} else if (slice_eq(name, "Ver") && rest.n > 2 && rest.p[0] == '1' && rest.p[1] == ':') {
				size_t nd;
				uint64_t vv = scan_u64(rest.p + 2, rest.n - 2, &nd);
				if (nd > 0 && nd == rest.n - 2 && vv <= 1000)
					ver1 = (unsigned)vv;
			} else {
				known = false;
			}
			break;
		case 4:
			if (slice_eq(name, "Attb") && int_value(rest, &n))
				l->attb += n;
			else if (slice_eq(name, "Sspb") && int_value(rest, &n))
				l->sspb += n;
			else if (slice_eq(name, "Uncb") && int_value(rest, &n))
				l->uncb += n;
			else
				known = false;
			break;
		case 5:
			if (slice_eq(name, "Error") && !slice_is_null(sval))
				l->error = sval;
			else if (slice_eq(name, "DevOS") && !slice_is_null(sval))
				l->devos = sval;
			else
				known = false;
			break;
		case 7:
			if (slice_eq(name, "PrxFrom") && !slice_is_null(sval))
				l->prxfrom = sval;
			else
				known = false;
			break;
		default:
			known = false;
		}
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
