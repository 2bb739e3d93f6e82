/* captable: reports captured in memory. */
#include "captable.h"

#include <stdlib.h>

void captable_init(struct captable *c)
{
	memset(c, 0, sizeof *c);
}

static void free_cols(struct captable *c)
{
	for (int i = 0; i < c->ncols; i++)
		free(c->cols[i]);
	free(c->cols);
	c->cols = NULL;
	c->ncols = 0;
}

void captable_free(struct captable *c)
{
	free_cols(c);
	free(c->cells);
	free(c->text);
	memset(c, 0, sizeof *c);
}

int captable_begin(struct captable *c, const char *const *cols, int ncols)
{
	free_cols(c);
	c->nrows = c->ncells = c->tlen = 0;
	c->col = 0;
	c->oom = false;
	if (ncols <= 0)
		return 0;
	c->cols = calloc((size_t)ncols, sizeof *c->cols);
	if (!c->cols) {
		c->oom = true;
		return -1;
	}
	c->ncols = ncols;
	for (int i = 0; i < ncols; i++) {
		size_t n = strlen(cols[i]);
		c->cols[i] = malloc(n + 1);
		if (!c->cols[i]) {
			c->oom = true;
			return -1;
		}
		memcpy(c->cols[i], cols[i], n + 1);
	}
	return 0;
}

static bool grow(void **p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return true;
	size_t n = *cap ? *cap : 256;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, n * elem);
	if (!q)
		return false;
	*p = q;
	*cap = n;
	return true;
}

void captable_add(struct captable *c, struct slice s, enum cap_kind kind)
{
	if (c->oom || c->col >= c->ncols)
		return;
	if (s.n > UINT32_MAX - 1)
		s.n = UINT32_MAX - 1;
	if (!grow((void **)&c->cells, &c->cellcap, c->ncells + 1, sizeof *c->cells) ||
	    !grow((void **)&c->text, &c->tcap, c->tlen + s.n + 1, 1)) {
		c->oom = true;
		return;
	}
	struct capcell *cell = &c->cells[c->ncells++];
	cell->off = c->tlen;
	cell->len = (uint32_t)s.n;
	cell->kind = (uint8_t)kind;
	if (s.n)
		memcpy(c->text + c->tlen, s.p, s.n);
	c->text[c->tlen + s.n] = '\0';
	c->tlen += s.n + 1;
	c->col++;
}

void captable_end_row(struct captable *c)
{
	if (c->oom)
		return;
	while (c->col < c->ncols) {
		captable_add(c, SLICE_NULL, CAP_NULL);
		if (c->oom)
			return;
	}
	c->col = 0;
	if (c->ncols > 0)
		c->nrows++;
}

int captable_col(const struct captable *c, const char *name)
{
	for (int i = 0; i < c->ncols; i++)
		if (strcmp(c->cols[i], name) == 0)
			return i;
	return -1;
}

static const struct capcell *cell_at(const struct captable *c, size_t row, int col)
{
	if (col < 0 || col >= c->ncols || row >= c->nrows)
		return NULL;
	return &c->cells[row * (size_t)c->ncols + (size_t)col];
}

struct slice captable_cell(const struct captable *c, size_t row, int col)
{
	const struct capcell *x = cell_at(c, row, col);
	if (!x)
		return slice_make("", 0);
	return slice_make(c->text + x->off, x->len);
}

enum cap_kind captable_kind(const struct captable *c, size_t row, int col)
{
	const struct capcell *x = cell_at(c, row, col);
	return x ? (enum cap_kind)x->kind : CAP_NULL;
}

uint64_t captable_u64(const struct captable *c, size_t row, int col)
{
	struct slice s = captable_cell(c, row, col);
	uint64_t v = 0;
	for (size_t i = 0; i < s.n; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return 0;
		v = v * 10 + (uint64_t)(s.p[i] - '0');
	}
	return v;
}

double captable_double(const struct captable *c, size_t row, int col)
{
	struct slice s = captable_cell(c, row, col);
	if (s.n == 0)
		return 0.0;
	char *end;
	double v = strtod(s.p, &end);
	return end == s.p ? 0.0 : v;
}
