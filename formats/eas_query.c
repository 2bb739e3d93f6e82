/* eas_query: plain and base64 query decoding. */
#include "eas_query.h"

#include "base64.h"
#include "pct.h"
#include "scan.h"

static const char *const commands[23] = {
	"Sync", "SendMail", "SmartForward", "SmartReply", "GetAttachment", NULL, NULL, NULL, NULL,
	"FolderSync", "FolderCreate", "FolderDelete", "FolderUpdate", "MoveItems", "GetItemEstimate",
	"MeetingResponse", "Search", "Settings", "Ping", "ItemOperations", "Provision",
	"ResolveRecipients", "ValidateCert",
};

const char *eas_command_name(int code)
{
	if (code < 0 || code >= (int)(sizeof commands / sizeof *commands))
		return NULL;
	return commands[code];
}

/* Decodes the base64 header (version, command, locale, device id, policy
 * key, device type, then tag/length/value parameters). */
static bool parse_binary(const unsigned char *b, size_t n, struct eas_query *q)
{
	size_t i = 0;
	if (n < 7)
		return false;
	unsigned ver = b[i++];
	if (ver != 121 && ver != 140 && ver != 141 && ver != 160 && ver != 161)
		return false;
	int cmd = b[i++];
	if (!eas_command_name(cmd))
		return false;
	unsigned locale = b[i] | (unsigned)b[i + 1] << 8;
	i += 2;
	size_t dl = b[i++];
	if (i + dl > n)
		return false;
	struct slice devid = slice_make((const char *)b + i, dl);
	i += dl;
	if (i >= n)
		return false;
	size_t pl = b[i++];
	if (pl != 0 && pl != 4)
		return false;
	if (i + pl > n)
		return false;
	uint32_t pk = 0;
	if (pl == 4) /* byte order unconfirmed (spec Q8): little-endian like the locale */
		pk = b[i] | (uint32_t)b[i + 1] << 8 | (uint32_t)b[i + 2] << 16 | (uint32_t)b[i + 3] << 24;
	i += pl;
	if (i >= n)
		return false;
	size_t tl = b[i++];
	if (i + tl > n)
		return false;
	struct slice devtype = slice_make((const char *)b + i, tl);
	i += tl;
	struct slice user = SLICE_NULL;
	while (i < n) {
		if (i + 2 > n)
			return false;
		unsigned tag = b[i], len = b[i + 1];
		i += 2;
		if (i + len > n)
			return false;
		if (tag == 8)
			user = slice_make((const char *)b + i, len);
		i += len;
	}
	q->proto = ver;
	q->cmd_code = cmd;
	q->cmd = slice_make(commands[cmd], strlen(commands[cmd]));
	q->locale = locale;
	q->devid = devid;
	q->devtype = devtype;
	q->has_policy_key = pl == 4;
	q->policy_key = pk;
	if (!slice_is_null(user))
		q->user = user;
	return true;
}

/* Is param (name=value) the parameter name (lower case, any case in the log)?
 * Then *val is its value. */
static inline bool param_is(struct slice param, const char *name, size_t n, struct slice *val)
{
	if (param.n <= n || param.p[n] != '=' || !mem_eq_ci(param.p, name, n))
		return false;
	*val = slice_make(param.p + n + 1, param.n - n - 1);
	return true;
}

/* The parameters easlog reads, by their first letter; the rest (CorrelationID,
 * cafeReqId, X-ARR-..., empty ones) are passed over. Later occurrences win. */
static void plain_param(struct eas_query *q, struct slice p)
{
	struct slice v;
	switch (p.p[0] | 0x20) {
	case 'c':
		if (param_is(p, "Cmd", 3, &v))
			q->cmd = v;
		break;
	case 'l':
		if (param_is(p, "Log", 3, &v))
			q->log = v;
		break;
	case 'u':
		if (param_is(p, "User", 4, &v))
			q->user = v;
		break;
	case 'd':
		if (param_is(p, "DeviceId", 8, &v))
			q->devid = v;
		else if (param_is(p, "DeviceType", 10, &v))
			q->devtype = v;
		break;
	}
}

static void parse_plain(struct slice s, struct eas_query *q)
{
	const char *p = s.p, *end = s.p + s.n;
	struct bscan sc;
	bscan_init(&sc, p, end, '&');
	while (p < end) {
		const char *amp = bscan_next(&sc);
		const char *e = amp ? amp : end;
		if (e > p)
			plain_param(q, slice_make(p, (size_t)(e - p)));
		p = amp ? amp + 1 : end;
	}
}

void eas_query_parse(struct slice s, struct eas_query *q, char *scratch)
{
	memset(q, 0, sizeof *q);
	q->cmd_code = -1;
	if (slice_is_null(s))
		return;
	const char *amp = memchr(s.p, '&', s.n);
	struct slice head = slice_make(s.p, amp ? (size_t)(amp - s.p) : s.n);
	/* A first segment without '=' (other than base64 padding) is the base64 form. */
	size_t body = head.n;
	while (body > 0 && head.p[body - 1] == '=')
		body--;
	if (head.n >= 8 && !memchr(head.p, '=', body)) {
		q->has_pct = true; /* values come from the decoded blob: check them */
		/* percent-decode (or copy) into scratch, then decode in place:
		 * base64 output never overtakes its input */
		size_t bn = pct_decode(head, scratch, false);
		long n = base64_decode(slice_make(scratch, bn), (unsigned char *)scratch);
		const unsigned char *out = (const unsigned char *)scratch;
		if (n >= 0 && parse_binary(out, (size_t)n, q)) {
			q->base64 = true;
		} else {
			q->bad_base64 = true;
		}
		if (amp)
			parse_plain(slice_make(amp + 1, s.n - head.n - 1), q);
		return;
	}
	q->has_pct = memchr(s.p, '%', s.n) != NULL;
	parse_plain(s, q);
}
