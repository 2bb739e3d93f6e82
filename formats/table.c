/* table: report writers. */
#include "table.h"

#include <stdio.h>
#include <string.h>

int table_format_parse(const char *s)
{
	if (strcmp(s, "csv") == 0)
		return TF_CSV;
	if (strcmp(s, "tsv") == 0)
		return TF_TSV;
	if (strcmp(s, "json") == 0)
		return TF_JSON;
	return -1;
}

static const char *eol(const struct table *t)
{
	return t->fmt == TF_CSV_COMPAT ? "\r\n" : "\n";
}

void table_begin(struct table *t, struct outbuf *o, enum table_format fmt,
		 const char *const *cols, int ncols)
{
	t->o = o;
	t->fmt = fmt;
	t->cols = cols;
	t->ncols = ncols;
	t->col = 0;
	if (fmt == TF_CAPTURE) {
		captable_begin(t->cap, cols, ncols);
		return;
	}
	if (fmt == TF_JSON)
		return;
	if (fmt == TF_CSV_COMPAT)
		out_str(o, "\xEF\xBB\xBF");
	for (int i = 0; i < ncols; i++) {
		if (i)
			out_char(o, fmt == TF_TSV ? '\t' : ',');
		out_str(o, cols[i]);
	}
	out_str(o, eol(t));
}

static void sep(struct table *t)
{
	if (t->fmt == TF_JSON) {
		out_str(t->o, t->col == 0 ? "{" : ",");
		out_json_str(t->o, slice_make(t->cols[t->col], strlen(t->cols[t->col])));
		out_char(t->o, ':');
	} else if (t->col > 0) {
		out_char(t->o, t->fmt == TF_TSV ? '\t' : ',');
	}
	t->col++;
}

static void csv_quoted(struct outbuf *o, struct slice s, bool neutralise)
{
	out_char(o, '"');
	if (neutralise)
		out_char(o, '\'');
	size_t start = 0;
	for (size_t i = 0; i < s.n; i++)
		if (s.p[i] == '"') {
			out_bytes(o, s.p + start, i + 1 - start);
			out_char(o, '"');
			start = i + 1;
		}
	out_bytes(o, s.p + start, s.n - start);
	out_char(o, '"');
}

/* TF_CAPTURE: one cell into the capture. */
static void capture(struct table *t, struct slice s, enum cap_kind kind)
{
	t->col++;
	captable_add(t->cap, s, kind);
}

static void capture_num(struct table *t, bool neg, uint64_t mag)
{
	char b[24];
	int n = snprintf(b, sizeof b, "%s%llu", neg ? "-" : "", (unsigned long long)mag);
	capture(t, slice_make(b, (size_t)n), CAP_NUM);
}

void table_str(struct table *t, struct slice s)
{
	if (t->fmt == TF_CAPTURE) {
		capture(t, s, CAP_STR);
		return;
	}
	sep(t);
	switch (t->fmt) {
	case TF_CAPTURE: /* handled above */
		break;
	case TF_JSON:
		out_json_str(t->o, s);
		break;
	case TF_TSV:
		out_tsv(t->o, s);
		break;
	case TF_CSV_COMPAT:
		if (s.n && memchr(s.p, ',', s.n))
			csv_quoted(t->o, s, false);
		else
			out_slice(t->o, s);
		break;
	case TF_CSV: {
		/* OWASP: a cell starting with = + - @ TAB CR is prefixed with ' and quoted */
		bool formula = s.n > 0 && memchr("=+-@\t\r", s.p[0], 6) != NULL; /* not strchr: it finds a NUL */
		bool quote = formula;
		for (size_t i = 0; i < s.n && !quote; i++)
			quote = s.p[i] == ',' || s.p[i] == '"' || s.p[i] == '\n' || s.p[i] == '\r';
		if (quote)
			csv_quoted(t->o, s, formula);
		else
			out_slice(t->o, s);
		break;
	}
	}
}

void table_cstr(struct table *t, const char *s)
{
	table_str(t, slice_make(s, strlen(s)));
}

void table_u64(struct table *t, uint64_t v)
{
	if (t->fmt == TF_CAPTURE) {
		capture_num(t, false, v);
		return;
	}
	sep(t);
	out_u64(t->o, v);
}

void table_i64(struct table *t, int64_t v)
{
	if (t->fmt == TF_CAPTURE) {
		capture_num(t, v < 0, v < 0 ? 0 - (uint64_t)v : (uint64_t)v);
		return;
	}
	sep(t);
	out_i64(t->o, v);
}

void table_num(struct table *t, const char *s)
{
	if (t->fmt == TF_CAPTURE) {
		capture(t, slice_make(s, strlen(s)), CAP_NUM);
		return;
	}
	sep(t);
	out_str(t->o, s);
}

void table_null(struct table *t)
{
	if (t->fmt == TF_CAPTURE) {
		capture(t, SLICE_NULL, CAP_NULL);
		return;
	}
	sep(t);
	if (t->fmt == TF_JSON)
		out_str(t->o, "null");
}

void table_end_row(struct table *t)
{
	if (t->fmt == TF_CAPTURE)
		captable_end_row(t->cap);
	else if (t->fmt == TF_JSON)
		out_str(t->o, t->col ? "}\n" : "{}\n");
	else
		out_str(t->o, eol(t));
	t->col = 0;
}
