/* jsonio: the pieces of a partial-result document (jansson): numbers, byte
 * strings (base64 when not UTF-8), number arrays, and input positions
 * translated from a partial's own file list to the merged one. */
#ifndef EASLOG_JSONIO_H
#define EASLOG_JSONIO_H

#include <jansson.h>

#include "../formats/slice.h"
#include "intern.h"

/* The kinds of interned keys (analyzer.h): a partial holds a table of each. */
enum key_kind { KEY_DEV, KEY_USER, KEY_AGENT, KEY_SERVER, KEY_N };

/* What a loader needs of the document: positions translated from the
 * partial's own file list to the merged input order, and the sizes of its
 * key tables (ids that do not index them make the document malformed). */
struct load_ctx {
	const uint32_t *file_map; /* partial's file index -> merged index */
	size_t nfiles;
	size_t nkeys[KEY_N];      /* entries in each key table */
};

/* Whether id indexes the document's key table of kind (lc NULL: none does). */
static inline bool key_ok(const struct load_ctx *lc, enum key_kind kind, int64_t id)
{
	return lc && id >= 0 && (uint64_t)id < lc->nkeys[kind];
}

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
/* An array of distinct byte strings into the empty interner in, each taking
 * its index as id: 0, 1 when a is not such an array (a string twice: ids would
 * not line up), -1 out of memory. */
int jget_table(const json_t *a, struct intern *in);
/* A key id of kind: -1 also when it does not index the document's table. */
int jget_id(const json_t *j, const struct load_ctx *lc, enum key_kind kind, uint32_t *out);

/* Appends x to array a (steals the reference); returns 0 or -1. */
int jpush(json_t *a, json_t *x);

#endif
