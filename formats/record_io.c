/* record_io: record TSV/JSON writing and reading. */
#include "record_io.h"

#include <jansson.h>
#include <stdlib.h>

#include "timeutil.h"

/* Where a column's value goes when reading it back. */
enum slot {
	S_IGNORE = -1,
	S_TIMESTAMP = W3C_NFIELDS,
	S_SERVER,
	S_FILE,
	S_LINE,
	S_NSLOTS
};

struct col {
	const char *name;
	short slot; /* enum w3c_field or enum slot */
};

/* Column order of easlog-parse output; documented in easlog.7. */
static const struct col cols[] = {
	{"timestamp", S_TIMESTAMP},
	{"server", S_SERVER},
	{"tier", S_IGNORE},
	{"server_ip", W3C_S_IP},
	{"client_ip", W3C_C_IP},
	{"method", W3C_CS_METHOD},
	{"user", S_IGNORE},
	{"device_id", S_IGNORE},
	{"device_type", S_IGNORE},
	{"command", S_IGNORE},
	{"protocol", S_IGNORE},
	{"status", S_IGNORE},
	{"substatus", S_IGNORE},
	{"win32_status", W3C_SC_WIN32_STATUS},
	{"time_taken", W3C_TIME_TAKEN},
	{"bytes_sent", W3C_SC_BYTES},
	{"bytes_received", W3C_CS_BYTES},
	{"user_agent", S_IGNORE},
	{"eas_status", S_IGNORE},
	{"eas_error", S_IGNORE},
	{"heartbeat", S_IGNORE},
	{"policy_key", S_IGNORE},
	{"policy_ack", S_IGNORE},
	{"oof", S_IGNORE},
	{"attachments", S_IGNORE},
	{"attachment_bytes", S_IGNORE},
	{"sharepoint", S_IGNORE},
	{"unc", S_IGNORE},
	{"access_state", S_IGNORE},
	{"proxied_from", S_IGNORE},
	{"mailbox", S_IGNORE},
	{"device_os", S_IGNORE},
	{"folders", S_IGNORE},
	{"query_user", S_IGNORE},
	{"query_format", S_IGNORE},
	{"file", S_FILE},
	{"line", S_LINE},
	{"w3c_date", W3C_DATE},
	{"w3c_time", W3C_TIME},
	{"w3c_s_computername", W3C_S_COMPUTERNAME},
	{"w3c_cs_host", W3C_CS_HOST},
	{"w3c_cs_uri_stem", W3C_CS_URI_STEM},
	{"w3c_cs_uri_query", W3C_CS_URI_QUERY},
	{"w3c_cs_username", W3C_CS_USERNAME},
	{"w3c_cs_user_agent", W3C_CS_USER_AGENT},
	{"w3c_sc_status", W3C_SC_STATUS},
	{"w3c_sc_substatus", W3C_SC_SUBSTATUS},
};
#define NCOLS ((int)(sizeof cols / sizeof *cols))

/* Value kinds, for JSON: string, number (empty when the raw field is null), raw W3C (null). */
enum kind { K_STR, K_NUM, K_RAW };

/* Appends the decimal digits of v at buf + *n. */
static void put_num(char *buf, size_t *n, uint64_t v)
{
	char d[24];
	int i = 24;
	do {
		d[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	memcpy(buf + *n, d + i, (size_t)(24 - i));
	*n += (size_t)(24 - i);
}

/* "Em:1a2c0d0f/3a0c0d0s1A;Ca:...": per folder type, client adds, changes,
 * deletes, fetches / server adds, changes, deletes, soft deletes, A adds. */
static void folders_text(const struct eas_record *r, char *buf, size_t cap)
{
	static const char cli_code[CLI_N] = {'a', 'c', 'd', 'f'};
	static const char srv_code[SRV_N] = {'a', 'c', 'd', 's', 'A'};
	size_t n = 0;
	for (int t = 0; t < FT_N; t++) {
		const uint64_t *c = r->log.cli[t], *s = r->log.srv[t];
		bool any = false;
		for (int i = 0; i < CLI_N; i++)
			any |= c[i] != 0;
		for (int i = 0; i < SRV_N; i++)
			any |= s[i] != 0;
		if (!any || n + 240 > cap)
			continue;
		if (n)
			buf[n++] = ';';
		const char *name = folder_type_name((enum folder_type)t);
		memcpy(buf + n, name, strlen(name));
		n += strlen(name);
		buf[n++] = ':';
		for (int i = 0; i < CLI_N; i++) {
			put_num(buf, &n, c[i]);
			buf[n++] = cli_code[i];
		}
		buf[n++] = '/';
		for (int i = 0; i < SRV_N; i++) {
			put_num(buf, &n, s[i]);
			buf[n++] = srv_code[i];
		}
	}
	buf[n] = '\0';
}

static const char *oof_name(enum oof_verb v)
{
	return v == OOF_GET ? "Get" : v == OOF_SET ? "Set" : v == OOF_OTHER ? "Other" : "";
}

/* One emitter for both formats: a visitor over the columns in order. */
struct emit {
	struct outbuf *o;
	bool json;
	int i;
};

static void key(struct emit *e)
{
	if (e->json) {
		out_str(e->o, e->i == 0 ? "{\"" : ",\"");
		out_str(e->o, cols[e->i].name);
		out_str(e->o, "\":");
	} else if (e->i > 0) {
		out_char(e->o, '\t');
	}
	e->i++;
}

static void v_str(struct emit *e, struct slice s)
{
	key(e);
	if (e->json)
		out_json_str(e->o, s);
	else
		out_tsv(e->o, s);
}

static void v_raw(struct emit *e, struct slice s)
{
	key(e);
	if (slice_is_null(s))
		out_str(e->o, e->json ? "null" : "-");
	else if (e->json)
		out_json_str(e->o, s);
	else
		out_tsv(e->o, s);
}

/* A number, or empty/null when absent. */
static void v_num(struct emit *e, bool present, uint64_t v)
{
	key(e);
	if (present)
		out_u64(e->o, v);
	else if (e->json)
		out_str(e->o, "null");
}

static void v_snum(struct emit *e, long long v)
{
	v_num(e, v >= 0, (uint64_t)v);
}

static void emit_record(struct outbuf *o, const struct eas_record *r, bool json)
{
	struct emit e = {o, json, 0};
	char ts[21], proto[16] = "", folders[1400];
	format_iso(r->ts, ts);
	unsigned pv = record_proto(r);
	if (pv) {
		size_t pn = 0;
		put_num(proto, &pn, pv / 10);
		proto[pn++] = '.';
		put_num(proto, &pn, pv % 10);
		proto[pn] = '\0';
	}
	folders_text(r, folders, sizeof folders);
	const struct eas_log *l = &r->log;

	v_str(&e, slice_make(ts, 20));
	v_str(&e, r->server);
	v_str(&e, slice_make(tier_name(r->tier), strlen(tier_name(r->tier))));
	v_str(&e, slice_is_null(r->w[W3C_S_IP]) ? SLICE_LIT("") : r->w[W3C_S_IP]);
	v_str(&e, slice_is_null(r->w[W3C_C_IP]) ? SLICE_LIT("") : r->w[W3C_C_IP]);
	v_str(&e, slice_is_null(r->w[W3C_CS_METHOD]) ? SLICE_LIT("") : r->w[W3C_CS_METHOD]);
	v_str(&e, r->user);
	v_str(&e, r->devid);
	v_str(&e, r->devtype);
	v_str(&e, r->cmd);
	v_str(&e, slice_make(proto, strlen(proto)));
	v_num(&e, !slice_is_null(r->w[W3C_SC_STATUS]), r->status);
	v_num(&e, !slice_is_null(r->w[W3C_SC_SUBSTATUS]), r->substatus);
	v_num(&e, !slice_is_null(r->w[W3C_SC_WIN32_STATUS]), r->win32);
	v_num(&e, !slice_is_null(r->w[W3C_TIME_TAKEN]), r->time_taken);
	v_num(&e, !slice_is_null(r->w[W3C_SC_BYTES]), r->bytes_sent);
	v_num(&e, !slice_is_null(r->w[W3C_CS_BYTES]), r->bytes_recv);
	v_str(&e, r->agent);
	v_snum(&e, l->eas_status);
	v_str(&e, r->eas_error);
	v_snum(&e, l->heartbeat);
	/* the policy key: from Log, else from a base64 query's header */
	v_num(&e, l->has_pk || r->q.has_policy_key, l->has_pk ? l->pk : r->q.policy_key);
	v_str(&e, slice_is_null(l->pa) ? SLICE_LIT("") : l->pa);
	v_str(&e, slice_make(oof_name(l->oof), strlen(oof_name(l->oof))));
	v_num(&e, l->present, l->att);
	v_num(&e, l->present, l->attb);
	v_num(&e, l->present, l->ssp);
	v_num(&e, l->present, l->unc);
	v_str(&e, r->access);
	v_str(&e, r->prxfrom);
	v_str(&e, r->mbx);
	v_str(&e, r->devos);
	v_str(&e, slice_make(folders, strlen(folders)));
	v_str(&e, r->query_user);
	const char *qf = r->q.base64 ? "base64" : r->q.bad_base64 ? "bad-base64" : "plain";
	v_str(&e, slice_make(qf, strlen(qf)));
	v_str(&e, slice_make(r->file, strlen(r->file)));
	v_num(&e, true, r->line);
	v_raw(&e, r->w[W3C_DATE]);
	v_raw(&e, r->w[W3C_TIME]);
	v_raw(&e, r->w[W3C_S_COMPUTERNAME]);
	v_raw(&e, r->w[W3C_CS_HOST]);
	v_raw(&e, r->w[W3C_CS_URI_STEM]);
	v_raw(&e, r->w[W3C_CS_URI_QUERY]);
	v_raw(&e, r->w[W3C_CS_USERNAME]);
	v_raw(&e, r->w[W3C_CS_USER_AGENT]);
	v_raw(&e, r->w[W3C_SC_STATUS]);
	v_raw(&e, r->w[W3C_SC_SUBSTATUS]);
	out_str(o, json ? "}\n" : "\n");
}

void record_tsv_header(struct outbuf *o)
{
	for (int i = 0; i < NCOLS; i++) {
		if (i)
			out_char(o, '\t');
		out_str(o, cols[i].name);
	}
	out_char(o, '\n');
}

void record_write_tsv(struct outbuf *o, const struct eas_record *r)
{
	emit_record(o, r, false);
}

void record_write_json(struct outbuf *o, const struct eas_record *r)
{
	emit_record(o, r, true);
}

enum record_format record_sniff(const char *line, size_t len)
{
	size_t m = sizeof RECORD_TSV_MAGIC - 1;
	if (len >= m && memcmp(line, RECORD_TSV_MAGIC, m) == 0)
		return RF_TSV;
	if (len > 0 && line[0] == '{')
		return RF_JSON;
	return RF_W3C;
}

static int slot_of(const char *name, size_t n)
{
	for (int i = 0; i < NCOLS; i++)
		if (strlen(cols[i].name) == n && memcmp(cols[i].name, name, n) == 0)
			return cols[i].slot;
	return S_IGNORE;
}

int record_reader_header(struct record_reader *rr, char *line, size_t len)
{
	int n = 1;
	for (size_t i = 0; i < len; i++)
		n += line[i] == '\t';
	free(rr->colmap);
	rr->colmap = malloc((size_t)n * sizeof *rr->colmap);
	if (!rr->colmap) {
		snprintf(rr->err, sizeof rr->err, "out of memory");
		return -1;
	}
	rr->ncols = n;
	const char *p = line, *end = line + len;
	bool seen[S_NSLOTS] = {0};
	for (int i = 0; i < n; i++) {
		const char *t = memchr(p, '\t', (size_t)(end - p));
		const char *e = t ? t : end;
		int s = slot_of(p, (size_t)(e - p));
		rr->colmap[i] = (short)s;
		if (s >= 0)
			seen[s] = true;
		p = t ? t + 1 : end;
	}
	if (!seen[S_TIMESTAMP] || !seen[W3C_CS_URI_STEM]) {
		snprintf(rr->err, sizeof rr->err, "easlog-parse header lacks timestamp or w3c_cs_uri_stem");
		return -1;
	}
	return 0;
}

/* Undoes out_tsv in place; returns the new length. */
static size_t tsv_unescape(char *p, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\\' && i + 1 < n) {
			char c = p[++i];
			p[o++] = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
		} else {
			p[o++] = p[i];
		}
	}
	return o;
}

static void clear_rec(struct eas_record *rec)
{
	for (int i = 0; i < W3C_NFIELDS; i++)
		rec->w[i] = SLICE_NULL;
	rec->server = SLICE_LIT("");
	rec->line = 0;
}

/* Stores one column's value; raw W3C columns take "-"/empty as null. */
static void put(struct record_reader *rr, struct eas_record *rec, int slot, struct slice v, struct slice *tsv)
{
	switch (slot) {
	case S_TIMESTAMP:
		*tsv = v;
		break;
	case S_SERVER:
		rec->server = v;
		break;
	case S_FILE:
		break; /* the reader's own input name is kept for diagnostics */
	case S_LINE: {
		uint64_t ln;
		parse_u64(v, &ln);
		rec->line = ln;
		break;
	}
	default:
		if (slot >= 0 && slot < W3C_NFIELDS)
			rec->w[slot] = (v.n == 0 || (v.n == 1 && v.p[0] == '-')) ? SLICE_NULL : v;
	}
	(void)rr;
}

/* The date the record's time belongs to when w3c_date was not logged. */
static int finish(struct record_reader *rr, struct eas_record *rec, struct slice ts)
{
	rec->date = rec->w[W3C_DATE];
	if (slice_is_null(rec->date)) {
		if (ts.n < 10) {
			snprintf(rr->err, sizeof rr->err, "record without date or timestamp");
			return -1;
		}
		memcpy(rr->datebuf, ts.p, 10);
		rr->datebuf[10] = '\0';
		rec->date = slice_make(rr->datebuf, 10);
	}
	return 0;
}

int record_read_tsv(struct record_reader *rr, char *line, size_t len, struct eas_record *rec)
{
	clear_rec(rec);
	struct slice ts = SLICE_NULL;
	char *p = line, *end = line + len;
	int i = 0;
	for (; i < rr->ncols && p <= end; i++) {
		char *t = memchr(p, '\t', (size_t)(end - p));
		char *e = t ? t : end;
		size_t n = (size_t)(e - p);
		if (rr->colmap[i] != S_IGNORE) {
			if (memchr(p, '\\', n))
				n = tsv_unescape(p, n);
			put(rr, rec, rr->colmap[i], slice_make(p, n), &ts);
		}
		if (!t) {
			i++;
			break;
		}
		p = t + 1;
	}
	if (i != rr->ncols) {
		snprintf(rr->err, sizeof rr->err, "record has %d columns, header has %d", i, rr->ncols);
		return -1;
	}
	return finish(rr, rec, ts);
}

/* jansson reads integers as long long, and easlog-parse writes unsigned
 * 64-bit values above that: a copy of the line with each integer of 19 or
 * more digits (outside strings) turned into a string, which put() reads
 * the same way. NULL when out of memory. */
static char *quote_long_ints(const char *p, size_t n, size_t *outn)
{
	char *o = malloc(n + n / 9 + 2);
	size_t j = 0;
	bool in_str = false;
	for (size_t i = 0; o && i < n;) {
		char c = p[i];
		if (in_str || c == '"' || !((c >= '0' && c <= '9') || c == '-')) {
			o[j++] = p[i++];
			if (in_str && c == '\\' && i < n)
				o[j++] = p[i++];
			else if (c == '"')
				in_str = !in_str;
			continue;
		}
		size_t k = i, digits = 0;
		for (; k < n && p[k] && strchr("+-.eE0123456789", p[k]); k++)
			digits += p[k] >= '0' && p[k] <= '9';
		bool quote = digits >= 19 && digits + (c == '-') == k - i;
		if (quote)
			o[j++] = '"';
		memcpy(o + j, p + i, k - i);
		j += k - i;
		if (quote)
			o[j++] = '"';
		i = k;
	}
	*outn = j;
	return o;
}

int record_read_json(struct record_reader *rr, const char *line, size_t len, struct eas_record *rec)
{
	clear_rec(rec);
	if (rr->json) {
		json_decref(rr->json);
		rr->json = NULL;
	}
	json_error_t je;
	json_t *doc = json_loadb(line, len, JSON_ALLOW_NUL, &je);
	if (!doc && json_error_code(&je) == json_error_numeric_overflow) {
		size_t qn;
		char *q = quote_long_ints(line, len, &qn);
		if (q)
			doc = json_loadb(q, qn, JSON_ALLOW_NUL, &je);
		free(q);
	}
	if (!doc || !json_is_object(doc)) {
		snprintf(rr->err, sizeof rr->err, "not a JSON record: %s", doc ? "not an object" : je.text);
		json_decref(doc);
		return -1;
	}
	rr->json = doc;
	struct slice ts = SLICE_NULL;
	const char *k;
	json_t *v;
	int ni = 0;
	json_object_foreach(doc, k, v)
	{
		int slot = slot_of(k, strlen(k));
		if (slot == S_IGNORE)
			continue;
		struct slice s;
		if (json_is_string(v)) {
			s = slice_make(json_string_value(v), json_string_length(v));
		} else if (json_is_integer(v) && ni < 64) {
			snprintf(rr->numbuf[ni], sizeof rr->numbuf[ni], "%lld", (long long)json_integer_value(v));
			s = slice_make(rr->numbuf[ni], strlen(rr->numbuf[ni]));
			ni++;
		} else {
			s = SLICE_NULL;
		}
		put(rr, rec, slot, s, &ts);
	}
	return finish(rr, rec, ts);
}

void record_reader_free(struct record_reader *rr)
{
	free(rr->colmap);
	rr->colmap = NULL;
	if (rr->json)
		json_decref(rr->json);
	rr->json = NULL;
}

enum field_id {
	FI_USER, FI_DEVICE_ID, FI_DEVICE_TYPE, FI_COMMAND, FI_USER_AGENT, FI_SERVER, FI_CLIENT_IP,
	FI_SERVER_IP, FI_METHOD, FI_EAS_ERROR, FI_ACCESS_STATE, FI_DEVICE_OS, FI_MAILBOX,
	FI_PROXIED_FROM, FI_QUERY_USER, FI_STATUS, FI_QUERY, FI_STEM, FI_USERNAME, FI_N
};

static const char *const field_names[FI_N] = {
	"user", "device_id", "device_type", "command", "user_agent", "server", "client_ip",
	"server_ip", "method", "eas_error", "access_state", "device_os", "mailbox",
	"proxied_from", "query_user", "w3c_sc_status", "w3c_cs_uri_query", "w3c_cs_uri_stem",
	"w3c_cs_username",
};

int record_field_lookup(const char *name)
{
	for (int i = 0; i < FI_N; i++)
		if (strcmp(name, field_names[i]) == 0)
			return i;
	return -1;
}

const char *record_field_names(void)
{
	return "user, device_id, device_type, command, user_agent, server, client_ip, server_ip, "
	       "method, eas_error, access_state, device_os, mailbox, proxied_from, query_user, "
	       "w3c_sc_status, w3c_cs_uri_query, w3c_cs_uri_stem, w3c_cs_username";
}

struct slice record_field(const struct eas_record *r, int id)
{
	struct slice v;
	switch (id) {
	case FI_USER: v = r->user; break;
	case FI_DEVICE_ID: v = r->devid; break;
	case FI_DEVICE_TYPE: v = r->devtype; break;
	case FI_COMMAND: v = r->cmd; break;
	case FI_USER_AGENT: v = r->agent; break;
	case FI_SERVER: v = r->server; break;
	case FI_CLIENT_IP: v = r->w[W3C_C_IP]; break;
	case FI_SERVER_IP: v = r->w[W3C_S_IP]; break;
	case FI_METHOD: v = r->w[W3C_CS_METHOD]; break;
	case FI_EAS_ERROR: v = r->eas_error; break;
	case FI_ACCESS_STATE: v = r->access; break;
	case FI_DEVICE_OS: v = r->devos; break;
	case FI_MAILBOX: v = r->mbx; break;
	case FI_PROXIED_FROM: v = r->prxfrom; break;
	case FI_QUERY_USER: v = r->query_user; break;
	case FI_STATUS: v = r->w[W3C_SC_STATUS]; break;
	case FI_QUERY: v = r->w[W3C_CS_URI_QUERY]; break;
	case FI_STEM: v = r->w[W3C_CS_URI_STEM]; break;
	case FI_USERNAME: v = r->w[W3C_CS_USERNAME]; break;
	default: v = SLICE_NULL;
	}
	return slice_is_null(v) ? SLICE_LIT("") : v;
}
