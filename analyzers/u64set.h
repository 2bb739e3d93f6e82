/* u64set: a set of 64-bit keys (distinct devices per bucket are packed into
 * one key), open addressing; memory grows with distinct keys only. */
#ifndef EASLOG_U64SET_H
#define EASLOG_U64SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct u64set {
	uint64_t *slot; /* key + 1; 0 = empty */
	size_t mask, count;
};

int u64set_init(struct u64set *s);
void u64set_free(struct u64set *s);

/* Adds k. Returns 1 when new, 0 when present, -1 out of memory. */
int u64set_add(struct u64set *s, uint64_t k);

/* Calls fn for each key (in table order). */
void u64set_each(const struct u64set *s, void (*fn)(uint64_t k, void *arg), void *arg);

static inline uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	x ^= x >> 33;
	return x;
}



/* u64map: 64-bit key -> 32-bit value (a row index), same layout. */
struct u64map {
	uint64_t *key; /* key + 1; 0 = empty */
	uint32_t *val;
	size_t mask, count;
};

int u64map_init(struct u64map *m);
void u64map_free(struct u64map *m);

/* The value of k, inserting val_if_new when absent (*added tells). Returns
 * 0, or -1 when out of memory. */
int u64map_get(struct u64map *m, uint64_t k, uint32_t val_if_new, uint32_t *val, bool *added);

/* 1 and *val when k is present, else 0. */
int u64map_find(const struct u64map *m, uint64_t k, uint32_t *val);

#endif
