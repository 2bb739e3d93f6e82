/* w3c: the W3C extended log format as IIS writes it. Owns directive state
 * (#Fields column map, #Date) and splits a data line into field slices. */
#ifndef EASLOG_W3C_H
#define EASLOG_W3C_H

#include "slice.h"

/* The columns easlog understands; every other column is read and ignored. */
enum w3c_field {
	W3C_DATE,
	W3C_TIME,
	W3C_S_SITENAME,
	W3C_S_COMPUTERNAME,
	W3C_S_IP,
	W3C_CS_METHOD,
	W3C_CS_URI_STEM,
	W3C_CS_URI_QUERY,
	W3C_S_PORT,
	W3C_CS_USERNAME,
	W3C_C_IP,
	W3C_CS_VERSION,
	W3C_CS_USER_AGENT,
	W3C_CS_REFERER,
	W3C_CS_HOST,
	W3C_SC_STATUS,
	W3C_SC_SUBSTATUS,
	W3C_SC_WIN32_STATUS,
	W3C_SC_BYTES,
	W3C_CS_BYTES,
	W3C_TIME_TAKEN,
	W3C_NFIELDS
};

/* Lower-case W3C name of a field ("cs(user-agent)"). */
const char *w3c_field_name(enum w3c_field f);

/* Field id of a #Fields name (ASCII case-insensitive), or -1. */
int w3c_field_lookup(struct slice name);

#define W3C_MAX_COLS 256

enum w3c_kind {
	W3C_DATA,         /* fields are in r->f */
	W3C_DIRECTIVE,    /* a '#' line (state may have changed) */
	W3C_BLANK,        /* empty or only spaces */
	W3C_NO_FIELDS,    /* data line before any #Fields in this file */
	W3C_FIELD_COUNT,  /* token count differs from the #Fields count */
};

struct w3c_reader {
	int ncols;                     /* columns of the current #Fields; 0 = none yet */
	signed char colmap[W3C_MAX_COLS]; /* column -> enum w3c_field, or -1 */
	bool has[W3C_NFIELDS];         /* which fields the current #Fields has */
	char date_directive[11];       /* "YYYY-MM-DD" from the last #Date, or "" */
	unsigned fields_changes;       /* #Fields lines seen in this file */
	int ntok;                      /* tokens on the last data line */
};

enum w3c_directive { W3C_DIR_OTHER, W3C_DIR_FIELDS, W3C_DIR_DATE };

/* Which directive a '#' line is. */
enum w3c_directive w3c_directive_kind(const char *line, size_t len);

/* Forgets all state: a new file starts. */
void w3c_reset(struct w3c_reader *r);

/* Classifies line and, for W3C_DATA (and W3C_FIELD_COUNT), fills
 * f[W3C_NFIELDS] with slices into it (null when absent or "-"). Tokens are
 * separated by runs of spaces; tabs belong to the token. */
enum w3c_kind w3c_parse_line(struct w3c_reader *r, const char *line, size_t len, struct slice *f);

/* Splits a line on runs of spaces into at most max tokens; returns the
 * number of tokens found (which may exceed max: only max are stored). */
int w3c_split(const char *line, size_t len, struct slice *tok, int max);

#endif
