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
	if (!slice_prefix_ci(s, root))
		return TIER_NONE;
	struct slice rest = slice_make(s.p + rn, s.n - rn);
	if (rest.n == 0 || slice_eq_ci(rest, "/default.eas"))
		return TIER_FE;
	if (slice_eq_ci(rest, "/Proxy") || slice_eq_ci(rest, "/Proxy/default.eas"))
		return TIER_BE;
	return TIER_NONE;
}

static const char *const known_cmds[] = {
	"Sync", "SendMail", "SmartForward", "SmartReply", "GetAttachment", "GetHierarchy",
	"CreateCollection", "DeleteCollection", "MoveCollection", "FolderSync", "FolderCreate",
	"FolderDelete", "FolderUpdate", "MoveItems", "GetItemEstimate", "MeetingResponse",
	"Search", "Settings", "Ping", "ItemOperations", "Provision", "ResolveRecipients",
	"ValidateCert", "Find", "Options",
};

const char *eas_canonical_command(struct slice name)
{
	for (size_t i = 0; i < sizeof known_cmds / sizeof *known_cmds; i++)
		if (slice_eq_ci(name, known_cmds[i]))
			return known_cmds[i];
	return NULL;
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

bool record_time(struct eas_record *r)
{
	if (slice_is_null(r->date) || slice_is_null(r->w[W3C_TIME]))
		return false;
	return parse_log_time(r->date, r->w[W3C_TIME], &r->ts);
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
	eas_log_parse(r->q.log, &r->log);

	r->query_user = dec(d, r->q.user, false);
	r->user = slice_is_null(r->w[W3C_CS_USERNAME]) ? r->query_user : r->w[W3C_CS_USERNAME];
	r->devid = dec(d, r->q.devid, false);
	r->devtype = dec(d, r->q.devtype, false);
	r->cmd = dec(d, r->q.cmd, false);
	const char *canon = eas_canonical_command(r->cmd);
	if (canon)
		r->cmd = slice_make(canon, strlen(canon));
	else if (r->cmd.n == 0 && slice_eq_ci(r->w[W3C_CS_METHOD], "OPTIONS"))
		r->cmd = SLICE_LIT("Options");
	r->agent = dec(d, r->w[W3C_CS_USER_AGENT], true);
	r->eas_error = dec(d, r->log.error, true);
	r->access = dec(d, r->log.access, true);
	r->prxfrom = dec(d, r->log.prxfrom, true);
	r->mbx = dec(d, r->log.mbx, true);
	r->devos = dec(d, r->log.devos, true);

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
