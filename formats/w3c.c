/* w3c: directives and field splitting. */
#include "w3c.h"

#include "scan.h"

static const char *const names[W3C_NFIELDS] = {
	[W3C_DATE] = "date",
	[W3C_TIME] = "time",
	[W3C_S_SITENAME] = "s-sitename",
	[W3C_S_COMPUTERNAME] = "s-computername",
	[W3C_S_IP] = "s-ip",
	[W3C_CS_METHOD] = "cs-method",
	[W3C_CS_URI_STEM] = "cs-uri-stem",
	[W3C_CS_URI_QUERY] = "cs-uri-query",
	[W3C_S_PORT] = "s-port",
	[W3C_CS_USERNAME] = "cs-username",
	[W3C_C_IP] = "c-ip",
	[W3C_CS_VERSION] = "cs-version",
	[W3C_CS_USER_AGENT] = "cs(user-agent)",
	[W3C_CS_REFERER] = "cs(referer)",
	[W3C_CS_HOST] = "cs-host",
	[W3C_SC_STATUS] = "sc-status",
	[W3C_SC_SUBSTATUS] = "sc-substatus",
	[W3C_SC_WIN32_STATUS] = "sc-win32-status",
	[W3C_SC_BYTES] = "sc-bytes",
	[W3C_CS_BYTES] = "cs-bytes",
	[W3C_TIME_TAKEN] = "time-taken",
};

const char *w3c_field_name(enum w3c_field f)
{
	return names[f];
}

int w3c_field_lookup(struct slice name)
{
	for (int i = 0; i < W3C_NFIELDS; i++)
		if (slice_eq_ci(name, names[i]))
			return i;
	return -1;
}

void w3c_reset(struct w3c_reader *r)
{
	r->ncols = 0;
	r->date_directive[0] = '\0';
	r->fields_changes = 0;
	for (int i = 0; i < W3C_NFIELDS; i++)
		r->has[i] = false;
}

int w3c_split(const char *line, size_t len, struct slice *tok, int max)
{
	const char *p = line, *end = line + len;
	int n = 0;
	for (;;) {
		while (p < end && *p == ' ')
			p++;
		if (p >= end)
			break;
		const char *sp = memchr(p, ' ', (size_t)(end - p));
		const char *e = sp ? sp : end;
		if (n < max)
			tok[n] = slice_make(p, (size_t)(e - p));
		n++;
		p = e;
	}
	return n;
}

static bool is_ws(char c)
{
	return c == ' ' || c == '\t';
}

/* "#" spaces NAME spaces ":" -> the value after the colon, or a null slice. */
static struct slice directive(const char *line, size_t len, const char *name)
{
	size_t i = 1, nl = strlen(name);
	while (i < len && is_ws(line[i]))
		i++;
	if (len - i < nl || !slice_prefix_ci(slice_make(line + i, len - i), name))
		return SLICE_NULL;
	i += nl;
	while (i < len && is_ws(line[i]))
		i++;
	if (i >= len || line[i] != ':')
		return SLICE_NULL;
	i++;
	return slice_make(line + i, len - i);
}

enum w3c_directive w3c_directive_kind(const char *line, size_t len)
{
	if (len == 0 || line[0] != '#')
		return W3C_DIR_OTHER;
	if (!slice_is_null(directive(line, len, "fields")))
		return W3C_DIR_FIELDS;
	if (!slice_is_null(directive(line, len, "date")))
		return W3C_DIR_DATE;
	return W3C_DIR_OTHER;
}

static void set_fields(struct w3c_reader *r, struct slice v)
{
	const char *p = v.p, *end = v.p + v.n;
	int n = 0;
	for (int i = 0; i < W3C_NFIELDS; i++)
		r->has[i] = false;
	while (p < end) {
		while (p < end && is_ws(*p))
			p++;
		if (p >= end)
			break;
		const char *s = p;
		while (p < end && !is_ws(*p))
			p++;
		int id = w3c_field_lookup(slice_make(s, (size_t)(p - s)));
		if (n < W3C_MAX_COLS)
			r->colmap[n] = (signed char)id;
		if (id >= 0)
			r->has[id] = true;
		n++;
	}
	r->ncols = n > W3C_MAX_COLS ? W3C_MAX_COLS : n;
	r->fields_changes++;
}

static void set_date(struct w3c_reader *r, struct slice v)
{
	size_t i = 0;
	while (i < v.n && is_ws(v.p[i]))
		i++;
	size_t j = i;
	while (j < v.n && !is_ws(v.p[j]) && j - i < 10)
		j++;
	memcpy(r->date_directive, v.p + i, j - i);
	r->date_directive[j - i] = '\0';
}

enum w3c_kind w3c_parse_line(struct w3c_reader *r, const char *line, size_t len, struct slice *f)
{
	if (len > 0 && line[0] == '#') {
		struct slice v = directive(line, len, "fields");
		if (!slice_is_null(v))
			set_fields(r, v);
		else if (!slice_is_null(v = directive(line, len, "date")))
			set_date(r, v);
		return W3C_DIRECTIVE;
	}
	const char *p = line, *end = line + len;
	while (p < end && *p == ' ')
		p++;
	if (p == end)
		return W3C_BLANK;
	if (r->ncols == 0)
		return W3C_NO_FIELDS;
	for (int i = 0; i < W3C_NFIELDS; i++)
		f[i] = SLICE_NULL;
	/* every space in one pass: a token is what lies between two of them */
	struct bscan sc;
	bscan_init(&sc, p, end, ' ');
	int n = 0;
	for (;;) {
		const char *sp = bscan_next(&sc);
		const char *e = sp ? sp : end;
		if (e > p) {
			if (n < r->ncols) {
				int id = r->colmap[n];
				if (id >= 0) {
					size_t tl = (size_t)(e - p);
					f[id] = (tl == 1 && *p == '-') ? SLICE_NULL : slice_make(p, tl);
				}
			}
			n++;
		}
		if (!sp)
			break;
		p = sp + 1;
	}
	r->ntok = n;
	return n == r->ncols ? W3C_DATA : W3C_FIELD_COUNT;
}
