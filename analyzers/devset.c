/* devset: packed (bucket, device, tier) keys. */
#include "devset.h"

#include <stdlib.h>
#include <string.h>

static uint64_t pack(uint32_t bucket, unsigned tix, uint32_t dev)
{
	return (uint64_t)bucket << 33 | (uint64_t)dev << 1 | (tix & 1);
}

int devset_init(struct devset *d)
{
	d->last = NULL;
	d->nlast = 0;
	return u64set_init(&d->s);
}

void devset_free(struct devset *d)
{
	u64set_free(&d->s);
	free(d->last);
	d->last = NULL;
	d->nlast = 0;
}

int devset_add(struct devset *d, uint32_t bucket, unsigned tix, uint32_t dev)
{
	if (bucket > DEVSET_MAX_BUCKET)
		bucket = DEVSET_MAX_BUCKET;
	size_t slot = (size_t)dev * 2 + (tix & 1);
	if (slot >= d->nlast) {
		size_t n = d->nlast ? d->nlast : 1024;
		while (n <= slot)
			n *= 2;
		uint32_t *l = realloc(d->last, n * sizeof *l);
		if (!l)
			return -1;
		memset(l + d->nlast, 0, (n - d->nlast) * sizeof *l);
		d->last = l;
		d->nlast = n;
	}
	if (d->last[slot] == bucket + 1)
		return 0;
	d->last[slot] = bucket + 1;
	return u64set_add(&d->s, pack(bucket, tix, dev)) < 0 ? -1 : 0;
}

struct mctx {
	struct devset *d;
	const uint32_t *devmap;
	uint32_t (*bmap)(uint32_t, void *);
	void *arg;
	int rc;
};

static void merge_one(uint64_t k, void *arg)
{
	struct mctx *m = arg;
	uint32_t b = (uint32_t)(k >> 33), dev = (uint32_t)(k >> 1), tix = (uint32_t)(k & 1);
	if (m->bmap)
		b = m->bmap(b, m->arg);
	if (devset_add(m->d, b, tix, m->devmap[dev]) < 0)
		m->rc = -1;
}

int devset_merge(struct devset *d, const struct devset *src, const uint32_t *devmap,
		 uint32_t (*bucket_map)(uint32_t, void *), void *arg)
{
	struct mctx m = {d, devmap, bucket_map, arg, 0};
	u64set_each(&src->s, merge_one, &m);
	return m.rc;
}

struct cctx {
	uint64_t *keys;
	size_t n;
	const bool *count;
};

static void collect(uint64_t k, void *arg)
{
	struct cctx *c = arg;
	if (c->count[k & 1])
		c->keys[c->n++] = k;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

int devset_counts(const struct devset *d, const bool count_tier[2],
		  void (*fn)(uint32_t bucket, uint64_t n, void *arg), void *arg)
{
	struct cctx c = {malloc((d->s.count + 1) * sizeof(uint64_t)), 0, count_tier};
	if (!c.keys)
		return -1;
	u64set_each(&d->s, collect, &c);
	qsort(c.keys, c.n, sizeof *c.keys, cmp_u64);
	size_t i = 0;
	while (i < c.n) {
		uint32_t b = (uint32_t)(c.keys[i] >> 33);
		uint64_t n = 0;
		uint64_t prev_dev = UINT64_MAX;
		for (; i < c.n && (uint32_t)(c.keys[i] >> 33) == b; i++) {
			uint64_t dev = c.keys[i] >> 1;
			if (dev != prev_dev)
				n++;
			prev_dev = dev;
		}
		fn(b, n, arg);
	}
	free(c.keys);
	return 0;
}

struct sctx {
	json_t *a;
	int rc;
};

static void save_one(uint64_t k, void *arg)
{
	struct sctx *c = arg;
	if (json_array_append_new(c->a, json_integer((json_int_t)(k >> 33))) < 0 ||
	    json_array_append_new(c->a, json_integer((json_int_t)(k & ((1ull << 33) - 1)))) < 0)
		c->rc = -1;
}

json_t *devset_save(const struct devset *d)
{
	struct sctx c = {json_array(), 0};
	if (!c.a)
		return NULL;
	u64set_each(&d->s, save_one, &c);
	if (c.rc < 0) {
		json_decref(c.a);
		return NULL;
	}
	return c.a;
}

int devset_load(struct devset *d, const json_t *j)
{
	if (!json_is_array(j) || json_array_size(j) % 2)
		return -1;
	for (size_t i = 0; i < json_array_size(j); i += 2) {
		const json_t *b = json_array_get(j, i), *v = json_array_get(j, i + 1);
		if (!json_is_integer(b) || !json_is_integer(v))
			return -1;
		json_int_t bb = json_integer_value(b), vv = json_integer_value(v);
		if (bb < 0 || bb > DEVSET_MAX_BUCKET || vv < 0 || vv >= ((json_int_t)1 << 33))
			return -1;
		if (u64set_add(&d->s, (uint64_t)bb << 33 | (uint64_t)vv) < 0)
			return -1;
	}
	return 0;
}
