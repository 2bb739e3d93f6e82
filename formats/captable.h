/* captable: a report captured in memory, as its writer emitted it: the
 * header and every row as strings (numbers formatted exactly as in the CSV),
 * with a kind per cell (text, number, empty). Filled through the table
 * writer (TF_CAPTURE in table.h), so whatever reads a capture (the HTML
 * page) sees the very values the CSV reports hold. */
#ifndef EASLOG_CAPTABLE_H
#define EASLOG_CAPTABLE_H

#include "slice.h"

enum cap_kind { CAP_STR, CAP_NUM, CAP_NULL };

struct capcell {
	size_t off;        /* into text: the cell's bytes, then a NUL */
	uint32_t len;
	uint8_t kind;      /* enum cap_kind */
};

struct captable {
	char **cols;        /* the header (owned copies) */
	int ncols;
	size_t nrows;       /* complete rows */
	struct capcell *cells; /* nrows * ncols, row-major */
	size_t ncells, cellcap;
	char *text;         /* every cell's bytes, NUL-terminated */
	size_t tlen, tcap;
	int col;            /* cells in the row being filled */
	bool oom;           /* an allocation failed: the capture is incomplete */
};

/* An empty capture (no header, no rows). Zero-filling does the same. */
void captable_init(struct captable *c);
void captable_free(struct captable *c);

/* Starts over with the header cols (copied). Returns 0, or -1 (oom set). */
int captable_begin(struct captable *c, const char *const *cols, int ncols);

/* Appends a cell to the current row (a null slice is an empty cell). Cells
 * past the header's count are dropped. */
void captable_add(struct captable *c, struct slice s, enum cap_kind kind);

/* Ends the row; missing cells are empty (CAP_NULL). */
void captable_end_row(struct captable *c);

/* Returns 0 when everything was captured, -1 after an allocation failure. */
static inline int captable_status(const struct captable *c)
{
	return c->oom ? -1 : 0;
}

/* The column named name (exact bytes), or -1. */
int captable_col(const struct captable *c, const char *name);

/* A cell: its bytes (NUL-terminated at p[n]) and kind. col < 0 or out of
 * range gives an empty slice of kind CAP_NULL. */
struct slice captable_cell(const struct captable *c, size_t row, int col);
enum cap_kind captable_kind(const struct captable *c, size_t row, int col);

/* The cell as an unsigned number (0 when empty or not a number) and as a
 * double (0.0 likewise). */
uint64_t captable_u64(const struct captable *c, size_t row, int col);
double captable_double(const struct captable *c, size_t row, int col);

#endif
