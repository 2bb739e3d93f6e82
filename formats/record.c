/* record: raw W3C values to the normalised record. */
#include "record.h"

#include <stdlib.h>

#include "pct.h"
#include "timeutil.h"

const char *tier_name(enum tier t)
{
	return t == TIER_FE ? "fe" : t == TIER_BE ? "be" : "-";
}

enum tier stem_tier(struct slice s)
{
	static const char root[] = "/Microsoft-Server-ActiveSync";
	size_t rn = sizeof root - 1;
	/* lengths first: most lines of a busy server are not EAS at all */
	if (s.n != rn && s.n != rn + 12 && s.n != rn + 6 && s.n != rn + 18)
		return TIER_NONE;
	/* IIS logs the stem as the client sent it: the usual spelling first */
	if (s.n == rn + 12 && memcmp(s.p, "/Microsoft-Server-ActiveSync/default.eas", rn + 12) == 0)
		return TIER_FE;
	if (s.n == rn + 18 && memcmp(s.p, "/Microsoft-Server-ActiveSync/Proxy/default.eas", rn + 18) == 0)
		return TIER_BE;
	if (!slice_prefix_ci(s, root))
		return TIER_NONE;
	struct slice rest = slice_make(s.p + rn, s.n - rn);
	if (rest.n == 0 || slice_eq_ci(rest, "/default.eas"))
		return TIER_FE;
	if (slice_eq_ci(rest, "/Proxy") || slice_eq_ci(rest, "/Proxy/default.eas"))
		return TIER_BE;
	return TIER_NONE;
}

static const struct {
	const char *name;
	size_t len;
} cmds[CMD_N] = {
#define X(id, name) {name, sizeof name - 1},
	EAS_COMMANDS
#undef X
};

const char *eas_cmd_name(enum eas_cmd c)
{
	return c >= 0 && c < CMD_N ? cmds[c].name : "";
}

enum eas_cmd eas_cmd_lookup(struct slice name)
{
	if (name.n < 4 || name.n > 17)
		return CMD_NONE;
	/* the usual spellings first: one memcmp each */
	static const enum eas_cmd common[] = {CMD_PING, CMD_SYNC, CMD_FOLDERSYNC, CMD_GETITEMESTIMATE};
	for (size_t i = 0; i < sizeof common / sizeof *common; i++)
		if (cmds[common[i]].len == name.n && memcmp(name.p, cmds[common[i]].name, name.n) == 0)
			return common[i];
	int first = ascii_lower((unsigned char)name.p[0]);
	for (int i = 0; i < CMD_N; i++)
		if (cmds[i].len == name.n && ascii_lower((unsigned char)cmds[i].name[0]) == first &&
		    mem_eq_ci(name.p, cmds[i].name, name.n))
			return (enum eas_cmd)i;
	return CMD_NONE;
}

void record_decoder_init(struct record_decoder *d, bool compat)
{
	memset(d, 0, sizeof *d);
	d->compat = compat;
	compat_init(&d->cw);
}

void record_decoder_free(struct record_decoder *d)
{
	free(d->scratch);
	compat_free(&d->cw);
	memset(d, 0, sizeof *d);
}

bool record_time(struct record_decoder *d, struct eas_record *r)
{
	struct slice date = r->date, time = r->w[W3C_TIME];
	if (slice_is_null(date) || slice_is_null(time))
		return false;
	/* a file is one day: parse its date once, "HH:MM:SS" the short way */
	const char *t = time.p;
	if (date.n == d->date_len && date.n <= sizeof d->date && memcmp(date.p, d->date, date.n) == 0 &&
	    time.n == 8 && t[2] == ':' && t[5] == ':') {
		unsigned h = (unsigned)(t[0] - '0') * 10 + (unsigned)(t[1] - '0');
		unsigned m = (unsigned)(t[3] - '0') * 10 + (unsigned)(t[4] - '0');
		unsigned sec = (unsigned)(t[6] - '0') * 10 + (unsigned)(t[7] - '0');
		bool digits = true;
		for (int i = 0; i < 8; i++)
			digits &= i == 2 || i == 5 || (t[i] >= '0' && t[i] <= '9');
		if (digits && h < 24 && m < 60 && sec < 60) {
			r->ts = d->date_days * 86400 + h * 3600 + m * 60 + sec;
			return true;
		}
	}
	if (!parse_log_time(date, time, &r->ts))
		return false;
	if (date.n <= sizeof d->date) {
		memcpy(d->date, date.p, date.n);
		d->date_len = date.n;
		d->date_days = floor_div(r->ts, 86400);
	}
	return true;
}

static uint64_t num(struct slice s)
{
	uint64_t v;
	parse_u64(s, &v);
	return v;
}

/* Percent-decodes s into the scratch when needed; otherwise returns s itself. */
static struct slice dec(struct record_decoder *d, struct slice s, bool plus)
{
	static const char empty[1] = "";
	if (s.n == 0)
		return slice_make(empty, 0);
	if (!pct_needed(s, plus))
		return s;
	char *o = d->scratch + d->used;
	size_t n = pct_decode(s, o, plus);
	d->used += n;
	return slice_make(o, n);
}

/* The value itself, with null read as empty. */
static struct slice as_is(struct record_decoder *d, struct slice s, bool plus)
{
	(void)d;
	(void)plus;
	return s.n ? s : SLICE_LIT("");
}

static size_t total_len(const struct eas_record *r)
{
	size_t n = 64;
	for (int i = 0; i < W3C_NFIELDS; i++)
		n += r->w[i].n;
	return n;
}

int record_decode(struct record_decoder *d, struct eas_record *r)
{
	/* Decoded text never outgrows its source: 3x the raw bytes is room for
	 * the base64 copy, decoded query values, Log strings and the agent. */
	size_t need = 3 * total_len(r);
	if (d->cap < need) {
		size_t nc = d->cap ? d->cap : 4096;
		while (nc < need)
			nc *= 2;
		char *ns = realloc(d->scratch, nc);
		if (!ns)
			return -1;
		d->scratch = ns;
		d->cap = nc;
	}
	d->used = 0;

	r->status = num(r->w[W3C_SC_STATUS]);
	r->substatus = num(r->w[W3C_SC_SUBSTATUS]);
	r->win32 = num(r->w[W3C_SC_WIN32_STATUS]);
	r->time_taken = num(r->w[W3C_TIME_TAKEN]);
	r->bytes_sent = num(r->w[W3C_SC_BYTES]);
	r->bytes_recv = num(r->w[W3C_CS_BYTES]);

	struct slice query = r->w[W3C_CS_URI_QUERY];
	eas_query_parse(query, &r->q, d->scratch);
	if (r->q.base64)
		d->used += query.n; /* the decoded blob lives at the start of scratch */
	/* the cmdlet's reading has its own Log grammar: the reports in compat
	 * mode never look at this one (records written out still get it) */
	if (d->compat && !d->all)
		eas_log_parse(SLICE_NULL, &r->log);
	else
		eas_log_parse(r->q.log, &r->log);

	/* without a '%' in the query no query value needs decoding */
	struct slice (*qdec)(struct record_decoder *, struct slice, bool) = r->q.has_pct ? dec : as_is;
	r->query_user = qdec(d, r->q.user, false);
	r->user = slice_is_null(r->w[W3C_CS_USERNAME]) ? r->query_user : r->w[W3C_CS_USERNAME];
	r->devid = qdec(d, r->q.devid, false);
	r->devtype = qdec(d, r->q.devtype, false);
	r->cmd = qdec(d, r->q.cmd, false);
	r->cmd_id = eas_cmd_lookup(r->cmd);
	if (r->cmd_id == CMD_NONE && r->cmd.n == 0 && slice_eq_ci(r->w[W3C_CS_METHOD], "OPTIONS"))
		r->cmd_id = CMD_OPTIONS;
	if (r->cmd_id != CMD_NONE)
		r->cmd = slice_make(cmds[r->cmd_id].name, cmds[r->cmd_id].len);
	r->agent = dec(d, r->w[W3C_CS_USER_AGENT], true);
	r->eas_error = dec(d, r->log.error, true);
	r->devos = dec(d, r->log.devos, true);
	if (d->all) {
		r->access = dec(d, r->log.access, true);
		r->prxfrom = dec(d, r->log.prxfrom, true);
		r->mbx = dec(d, r->log.mbx, true);
	} else {
		r->access = r->prxfrom = r->mbx = SLICE_LIT("");
	}

	r->compat_counted = false;
	if (d->compat) {
		/* spec 3.2: front-end stems only, the date field itself, and a
		 * query that fits the grammar (a null query needs no match) */
		bool ok = r->tier == TIER_FE && !slice_is_null(r->w[W3C_DATE]);
		if (ok && !slice_is_null(query)) {
			int m = compat_decode(&d->cw, query, &r->compat);
			if (m < 0)
				return -1;
			ok = m == 1;
		} else {
			compat_decode(&d->cw, SLICE_LIT(""), &r->compat);
		}
		r->compat_counted = ok;
		r->compat_cmd = eas_cmd_lookup(r->compat.cmd);
	}
	return 0;
}

unsigned record_proto(const struct eas_record *r)
{
	return r->log.proto ? r->log.proto : r->q.proto;
}

int record_pa(const struct eas_record *r)
{
	return eas_log_pa(&r->log);
}
