/* intern: string interning: each distinct byte string gets a dense id
 * (0, 1, 2, ...) once; the strings live in an arena owned by the table. */
#ifndef EASLOG_INTERN_H
#define EASLOG_INTERN_H

#include "../formats/slice.h"

struct intern {
	uint32_t *table;   /* open addressing: id + 1, 0 = empty */
	size_t mask;
	struct intern_ent { const char *p; uint32_t n; uint32_t hash; } *ent;
	uint32_t count, entcap;
	struct arena_chunk *chunks;
	size_t chunk_used, chunk_cap;
};

uint64_t hash_bytes(const void *p, size_t n);

/* Returns 0, or -1 when out of memory. */
int intern_init(struct intern *in);
void intern_free(struct intern *in);

/* Id of s, adding it when new; -1 when out of memory. *added tells which. */
int64_t intern_get(struct intern *in, struct slice s, bool *added);

/* Id of s if present, else -1. */
int64_t intern_find(const struct intern *in, struct slice s);

/* The string of id (valid until intern_free). */
static inline struct slice intern_str(const struct intern *in, uint32_t id)
{
	return slice_make(in->ent[id].p, in->ent[id].n);
}

/* Copies bytes into the table's arena (for strings analyzers keep beside ids). */
const char *intern_keep(struct intern *in, struct slice s);

#endif
