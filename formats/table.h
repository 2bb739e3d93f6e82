/* table: writes a report's rows as CSV (RFC 4180 with formula neutralising,
 * or Export-ActiveSyncLog's own CSV dialect), TSV or JSON Lines. */
#ifndef EASLOG_TABLE_H
#define EASLOG_TABLE_H

#include "captable.h"
#include "outbuf.h"

enum table_format {
	TF_CSV,        /* RFC 4180, UTF-8 without BOM, LF; =+-@ TAB CR neutralised */
	TF_CSV_COMPAT, /* the cmdlet's: BOM, CRLF, quoted only when a comma is inside */
	TF_TSV,        /* header line, backslash escapes */
	TF_JSON,       /* one object per row */
	TF_CAPTURE,    /* into the struct captable at cap (o unused): header, cells as text */
};

/* Parses "csv", "tsv" or "json"; returns -1 for anything else. */
int table_format_parse(const char *s);

struct table {
	struct outbuf *o;
	enum table_format fmt;
	const char *const *cols;
	int ncols;
	int col; /* next column of the current row */
	struct captable *cap; /* TF_CAPTURE: where the rows go (set before table_begin) */
};

/* Starts a table and writes its header (the BOM first in compat CSV). */
void table_begin(struct table *t, struct outbuf *o, enum table_format fmt,
		 const char *const *cols, int ncols);

void table_str(struct table *t, struct slice s);
void table_cstr(struct table *t, const char *s);
void table_u64(struct table *t, uint64_t v);
void table_i64(struct table *t, int64_t v);
/* A number already formatted (a ratio): bare in JSON. */
void table_num(struct table *t, const char *s);
/* An empty cell (null in JSON). */
void table_null(struct table *t);
void table_end_row(struct table *t);

#endif
