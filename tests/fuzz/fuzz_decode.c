/* fuzz_decode: the query and Log decoders in both modes: eas_query_parse
 * (plain and base64 forms), eas_log_parse, compat_match/compat_decode (the
 * cmdlet's backtracking grammar) and record_decode with compat off and on,
 * then the record writers (TSV and JSON Lines).
 *
 * Input: byte 0 options, byte 1 the user name's length, byte 2 the user
 * agent's length; the name and the agent are taken from the end, the query
 * is what lies between (any bytes: a query read back from JSON can hold
 * spaces, tabs, newlines and NULs).
 *   byte 0 bits 0-1  stem: front end, back end, Proxy (back end), not EAS
 *          bit  2    decode every value (easlog-parse's "all")
 *          bit  3    method OPTIONS
 *          bit  4    no date field (the date comes from #Date)
 *          bit  5    the query is null ("-")
 *
 * Oracles: every slice lies inside the query, the scratch or the fields;
 * the decoder's scratch is never outgrown; compat_match is deterministic
 * and its captures are in range, in offset order per group, CliA followed
 * by CliC and SrvA by SrvC and SrvAA (the pairing walk relies on it); Pa is
 * 0..1000 or -1; the JSON line parses (jansson) as an object with every
 * column, the TSV line has one line end and a tab between columns. */
#define _GNU_SOURCE
#include <jansson.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../formats/compat.h"
#include "../../formats/eas_log.h"
#include "../../formats/eas_query.h"
#include "../../formats/outbuf.h"
#include "../../formats/record.h"
#include "../../formats/record_io.h"
#include "fuzz.h"

static struct compat cw;
static struct record_decoder dec[2];
static int outfd = -1;
static struct outbuf ob; /* one for all runs: its 256 KB buffer is not remade each time */
static int ncols;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	compat_init(&cw);
	record_decoder_init(&dec[0], false);
	record_decoder_init(&dec[1], true);
	outfd = memfd_create("fuzz-decode-out", MFD_CLOEXEC);
	/* the number of columns, from the TSV header */
	if (outfd < 0 || outbuf_init(&ob, outfd) < 0)
		abort();
	record_tsv_header(&ob);
	ncols = 1;
	for (size_t i = 0; i < ob.len; i++)
		ncols += ob.buf[i] == '\t';
	ob.len = 0;
	return 0;
}

static void check_log(const struct eas_log *l, struct slice v)
{
	FUZZ_CHECK(l->present == !slice_is_null(v), "Log present");
	struct slice s[] = {l->error, l->pa, l->access, l->prxfrom, l->mbx, l->devos, l->host};
	for (size_t i = 0; i < sizeof s / sizeof *s; i++) {
		FUZZ_CHECK(fuzz_inside(s[i], v.p, v.n), "Log slice %zu outside the value", i);
		fuzz_touch(s[i]);
	}
	int pa = eas_log_pa(l);
	FUZZ_CHECK(pa >= -1 && pa <= 1000, "Pa %d", pa);
	FUZZ_CHECK(l->unknown <= l->tokens, "unknown %u of %u tokens", l->unknown, l->tokens);
	FUZZ_CHECK(l->eas_status >= -1 && l->heartbeat >= -1, "S/Hb");
	FUZZ_CHECK(l->proto <= 1000, "proto %u", l->proto);
}

static void check_compat(struct slice q)
{
	int m = compat_match(&cw, q);
	FUZZ_CHECK(m == 0 || m == 1, "compat_match %d", m);
	size_t nc = cw.ncaps;
	if (m == 0)
		FUZZ_CHECK(nc == 0, "captures without a match");
	static struct compat_cap *copy;
	static size_t copycap;
	if (copycap < nc + 1) {
		copycap = (nc + 1) * 2;
		copy = realloc(copy, copycap * sizeof *copy);
	}
	if (nc)
		memcpy(copy, cw.caps, nc * sizeof *copy);
	uint32_t lastend[CG_NGROUPS];
	for (int g = 0; g < CG_NGROUPS; g++)
		lastend[g] = 0;
	for (size_t i = 0; i < nc; i++) {
		const struct compat_cap *c = &copy[i];
		FUZZ_CHECK(c->group < CG_NGROUPS, "group %u", c->group);
		FUZZ_CHECK(c->start <= c->end && c->end <= q.n, "capture %u..%u of %zu", c->start, c->end, q.n);
		FUZZ_CHECK(c->start >= lastend[c->group], "group %s: capture at %u before the previous end %u",
			   compat_group_name((enum compat_group)c->group), c->start, lastend[c->group]);
		lastend[c->group] = c->end;
		if (c->group == CG_CLIA)
			FUZZ_CHECK(i + 1 < nc && copy[i + 1].group == CG_CLIC, "CliA without CliC after it");
		if (c->group == CG_SRVA)
			FUZZ_CHECK(i + 2 < nc && copy[i + 1].group == CG_SRVC && copy[i + 2].group == CG_SRVAA,
				   "SrvA without SrvC, SrvAA after it");
	}
	/* the same answer again: the workspace is reset between queries */
	int m2 = compat_match(&cw, q);
	FUZZ_CHECK(m2 == m && cw.ncaps == nc && (nc == 0 || memcmp(cw.caps, copy, nc * sizeof *copy) == 0),
		   "compat_match is not deterministic");
	struct compat_result r;
	FUZZ_CHECK(compat_decode(&cw, q, &r) == m, "compat_decode");
	FUZZ_CHECK(r.matched == (m == 1), "matched");
	struct slice s[] = {r.cmd, r.devid, r.devtype, r.oof};
	for (size_t i = 0; i < sizeof s / sizeof *s; i++) {
		FUZZ_CHECK(s[i].p != NULL, "compat slice %zu null", i);
		FUZZ_CHECK(s[i].n == 0 || fuzz_inside(s[i], q.p, q.n), "compat slice %zu outside", i);
	}
}

/* The writers: one JSON object with every column, one TSV line. */
static void check_output(const struct eas_record *rec)
{
	if (ftruncate(outfd, 0) < 0 || lseek(outfd, 0, SEEK_SET) < 0)
		abort();
	struct outbuf *o = &ob;
	record_write_json(o, rec);
	size_t jend = 0;
	FUZZ_CHECK(outbuf_flush(o) == 0, "write");
	jend = (size_t)lseek(outfd, 0, SEEK_CUR);
	record_write_tsv(o, rec);
	FUZZ_CHECK(outbuf_flush(o) == 0, "write");
	size_t total = (size_t)lseek(outfd, 0, SEEK_CUR);
	char *b = malloc(total + 1);
	FUZZ_CHECK(pread(outfd, b, total, 0) == (ssize_t)total, "read back");
	FUZZ_CHECK(jend > 0 && b[jend - 1] == '\n' && memchr(b, '\n', jend) == b + jend - 1,
		   "the JSON record is not one line");
	json_error_t je;
	json_t *doc = json_loadb(b, jend - 1, JSON_ALLOW_NUL, &je);
	/* valid JSON, beyond jansson's long long: unsigned 64-bit values */
	if (!doc && json_error_code(&je) == json_error_numeric_overflow)
		doc = json_loadb(b, jend - 1, JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL, &je);
	FUZZ_CHECK(doc != NULL, "JSON output does not parse: %s at %d", je.text, je.position);
	FUZZ_CHECK(json_is_object(doc) && (int)json_object_size(doc) == ncols, "JSON: %zu keys, want %d",
		   json_object_size(doc), ncols);
	json_decref(doc);
	const char *t = b + jend;
	size_t tn = total - jend;
	FUZZ_CHECK(tn > 0 && t[tn - 1] == '\n' && memchr(t, '\n', tn) == t + tn - 1, "the TSV record is not one line");
	int tabs = 0;
	for (size_t i = 0; i < tn; i++) {
		tabs += t[i] == '\t';
		FUZZ_CHECK(t[i] != '\r', "a CR in TSV");
	}
	FUZZ_CHECK(tabs == ncols - 1, "TSV: %d tabs, want %d", tabs, ncols - 1);
	free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	unsigned opt = data[0], ul = data[1], al = data[2];
	data += 3;
	size -= 3;
	if (ul + al > size)
		return 0;
	/* exact-size copies: ASan sees any read past a value */
	size_t qn = size - ul - al;
	char *q = malloc(qn ? qn : 1);
	char *user = malloc(ul ? ul : 1);
	char *agent = malloc(al ? al : 1);
	memcpy(q, data, qn);
	memcpy(user, data + qn, ul);
	memcpy(agent, data + qn + ul, al);
	struct slice query = (opt & 32) ? SLICE_NULL : slice_make(q, qn);

	/* the query alone */
	char *scratch = malloc(qn ? qn : 1);
	struct eas_query eq;
	eas_query_parse(query, &eq, scratch);
	struct slice qs[] = {eq.cmd, eq.user, eq.devid, eq.devtype, eq.log};
	for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
		FUZZ_CHECK(fuzz_inside(qs[i], q, qn) || fuzz_inside(qs[i], scratch, qn) ||
			   (eq.base64 && i == 0 && qs[i].p == eas_command_name(eq.cmd_code)),
			   "query slice %zu outside the query and the scratch", i);
		fuzz_touch(qs[i]);
	}
	FUZZ_CHECK(!(eq.base64 && eq.bad_base64), "base64 and bad base64");
	if (eq.base64)
		FUZZ_CHECK(eas_command_name(eq.cmd_code) && eq.proto >= 121 && eq.proto <= 161, "base64 header");
	struct eas_log lg;
	eas_log_parse(eq.log, &lg);
	check_log(&lg, eq.log);
	/* the whole input as a Log value too */
	eas_log_parse(slice_make(q, qn), &lg);
	check_log(&lg, slice_make(q, qn));
	check_compat(slice_make(q, qn));
	free(scratch);

	/* the record, in both modes */
	static const char *const stems[4] = {"/Microsoft-Server-ActiveSync/default.eas",
					     "/Microsoft-Server-ActiveSync/Proxy/default.eas",
					     "/microsoft-server-activesync/proxy", "/owa/"};
	for (int compat = 0; compat < 2; compat++) {
		struct eas_record rec;
		memset(&rec, 0, sizeof rec);
		rec.w[W3C_CS_URI_STEM] = slice_make(stems[opt & 3], strlen(stems[opt & 3]));
		rec.w[W3C_CS_URI_QUERY] = query;
		rec.w[W3C_CS_USERNAME] = ul ? slice_make(user, ul) : SLICE_NULL;
		rec.w[W3C_CS_USER_AGENT] = al ? slice_make(agent, al) : SLICE_NULL;
		rec.w[W3C_CS_METHOD] = (opt & 8) ? SLICE_LIT("OPTIONS") : SLICE_LIT("POST");
		rec.w[W3C_TIME] = SLICE_LIT("10:20:30");
		rec.w[W3C_SC_STATUS] = SLICE_LIT("200");
		if (!(opt & 16))
			rec.w[W3C_DATE] = SLICE_LIT("2024-03-04");
		rec.date = SLICE_LIT("2024-03-04");
		rec.server = SLICE_LIT("EXCH01");
		rec.file = "fuzz.log";
		rec.line = 7;
		rec.tier = stem_tier(rec.w[W3C_CS_URI_STEM]);
		struct record_decoder *d = &dec[compat];
		d->all = (opt & 4) != 0;
		FUZZ_CHECK(record_time(d, &rec), "record_time");
		FUZZ_CHECK(record_decode(d, &rec) == 0, "out of memory");
		FUZZ_CHECK(d->used <= d->cap, "scratch %zu of %zu", d->used, d->cap);
		struct slice rs[] = {rec.user, rec.query_user, rec.devid, rec.devtype, rec.cmd, rec.agent,
				     rec.eas_error, rec.devos, rec.access, rec.prxfrom, rec.mbx};
		for (size_t i = 0; i < sizeof rs / sizeof *rs; i++) {
			FUZZ_CHECK(rs[i].p != NULL, "record value %zu is null", i);
			fuzz_touch(rs[i]);
		}
		FUZZ_CHECK(rec.cmd_id >= CMD_NONE && rec.cmd_id < CMD_N, "cmd id");
		if (rec.cmd_id != CMD_NONE)
			FUZZ_CHECK(slice_eq(rec.cmd, eas_cmd_name(rec.cmd_id)), "command name");
		FUZZ_CHECK(record_pa(&rec) >= -1 && record_pa(&rec) <= 1000, "Pa");
		if (compat) {
			FUZZ_CHECK(!rec.compat_counted || (rec.tier == TIER_FE && !(opt & 16)), "compat counted");
			FUZZ_CHECK(rec.compat_cmd >= CMD_NONE && rec.compat_cmd < CMD_N, "compat cmd");
		}
		check_output(&rec);
	}
	free(q);
	free(user);
	free(agent);
	return 0;
}
