/* jsonio: the pieces of a partial-result document (jansson): numbers, byte
 * strings (base64 when not UTF-8), number arrays, and input positions
 * translated from a partial's own file list to the merged one. */
#ifndef EASLOG_JSONIO_H
#define EASLOG_JSONIO_H

#include <jansson.h>

#include "../formats/slice.h"
#include "intern.h"

/* Translates positions of a loaded partial into the merged input order. */
struct load_ctx {
	const uint32_t *file_map; /* partial's file index -> merged index */
	size_t nfiles;
};

static inline uint64_t pos_remap(const struct load_ctx *lc, uint64_t pos)
{
	uint64_t f = pos >> 40;
	if (lc && f < lc->nfiles)
		f = lc->file_map[f];
	return f << 40 | (pos & ((1ull << 40) - 1));
}

/* A number (counts, times, positions: all below 2^63). */
json_t *jnum(int64_t v);
/* A byte string: a JSON string when valid UTF-8, else {"b64": "..."}. */
json_t *jbytes(struct slice s);
/* An array of n numbers. */
json_t *jnums(const uint64_t *v, size_t n);

/* Readers: return 0, or -1 when j is not of the expected shape. */
int jget_i64(const json_t *j, int64_t *v);
int jget_u64(const json_t *j, uint64_t *v);
int jget_nums(const json_t *j, uint64_t *v, size_t n);
/* The bytes of a jbytes() value, kept in arena (valid while it lives). */
int jget_bytes(const json_t *j, struct intern *arena, struct slice *out);

/* Appends x to array a (steals the reference); returns 0 or -1. */
int jpush(json_t *a, json_t *x);

#endif
