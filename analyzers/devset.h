/* devset: distinct devices per bucket (server-day, hour, agent) and tier,
 * exact. A bucket holds a small hash set of device ids while it is sparse
 * and a bitmap once that is smaller: memory never exceeds either form. */
#ifndef EASLOG_DEVSET_H
#define EASLOG_DEVSET_H

#include "u64set.h"

#define DEVSET_MAX_BUCKET ((1u << 31) - 1)

struct dbucket;

struct devset {
	struct dbucket *b;
	size_t nb, capb;
	struct u64map idx;  /* bucket << 1 | tier -> index in b */
	uint64_t entries;   /* distinct (bucket, tier, device) */
	/* The last bucket each (device, tier) was added with, plus one: logs
	 * are in time order, so most adds repeat it and skip the set. */
	uint32_t *last;
	size_t nlast;
};

int devset_init(struct devset *d);
void devset_free(struct devset *d);

/* Returns 0, or -1 when out of memory. bucket must be <= DEVSET_MAX_BUCKET. */
int devset_add(struct devset *d, uint32_t bucket, unsigned tix, uint32_t dev);

/* Adds src's entries with device ids translated by map (bucket_map may be
 * NULL: buckets kept; else called to translate). */
int devset_merge(struct devset *d, const struct devset *src, const uint32_t *devmap,
		 uint32_t (*bucket_map)(uint32_t b, void *arg), void *arg);

/* Calls fn(bucket, distinct devices) in ascending bucket order, counting
 * only the tiers that count (a device seen on both counts once). */
int devset_counts(const struct devset *d, const bool count_tier[2],
		  void (*fn)(uint32_t bucket, uint64_t n, void *arg), void *arg);

#include <jansson.h>

/* The entries as a flat array [bucket, device*2+tier, ...], and back;
 * load refuses (-1) a device not below ndev and a bucket whose bucket >>
 * shift is not below nb (the ids the merge maps). */
json_t *devset_save(const struct devset *d);
int devset_load(struct devset *d, const json_t *j, size_t ndev, unsigned shift, size_t nb);

#endif
