/* devset: per-bucket sets of device ids, sparse (open addressing) or dense
 * (bitmap), whichever is smaller. */
#include "devset.h"

#include <stdlib.h>
#include <string.h>

struct dbucket {
	uint32_t bucket;
	uint8_t tix;
	bool dense;
	uint32_t n;      /* members */
	uint32_t cap;    /* sparse: slots (a power of two); dense: 64-bit words */
	uint32_t maxdev; /* largest member + 1 */
	union {
		uint32_t *slot; /* device + 1; 0 empty */
		uint64_t *bits;
	} u;
};

int devset_init(struct devset *d)
{
	memset(d, 0, sizeof *d);
	return u64map_init(&d->idx);
}

void devset_free(struct devset *d)
{
	for (size_t i = 0; i < d->nb; i++)
		free(d->b[i].dense ? (void *)d->b[i].u.bits : (void *)d->b[i].u.slot);
	free(d->b);
	u64map_free(&d->idx);
	free(d->last);
	memset(d, 0, sizeof *d);
}

static inline uint32_t slot_of(uint32_t dev, uint32_t mask)
{
	return (uint32_t)(((uint64_t)dev * 0x9E3779B97F4A7C15ull) >> 32) & mask;
}

static int to_dense(struct dbucket *b, uint32_t words)
{
	uint64_t *bits = calloc(words, sizeof *bits);
	if (!bits)
		return -1;
	for (uint32_t i = 0; i < b->cap; i++)
		if (b->u.slot[i]) {
			uint32_t v = b->u.slot[i] - 1;
			bits[v >> 6] |= 1ull << (v & 63);
		}
	free(b->u.slot);
	b->u.bits = bits;
	b->cap = words;
	b->dense = true;
	return 0;
}

static int sparse_grow(struct dbucket *b)
{
	uint32_t nc = b->cap ? b->cap * 2 : 8;
	uint32_t *ns = calloc(nc, sizeof *ns);
	if (!ns)
		return -1;
	for (uint32_t i = 0; i < b->cap; i++)
		if (b->u.slot[i]) {
			uint32_t j = slot_of(b->u.slot[i] - 1, nc - 1);
			while (ns[j])
				j = (j + 1) & (nc - 1);
			ns[j] = b->u.slot[i];
		}
	free(b->u.slot);
	b->u.slot = ns;
	b->cap = nc;
	return 0;
}

/* Adds dev to b. Returns 1 when new, 0 when there, -1 out of memory. */
static int bucket_add(struct dbucket *b, uint32_t dev)
{
	if (dev + 1 > b->maxdev)
		b->maxdev = dev + 1;
	if (b->dense) {
		uint32_t w = dev >> 6;
		if (w >= b->cap) {
			uint32_t nc = b->cap * 2 > w + 1 ? b->cap * 2 : w + 1;
			uint64_t *nb = realloc(b->u.bits, (size_t)nc * sizeof *nb);
			if (!nb)
				return -1;
			memset(nb + b->cap, 0, (size_t)(nc - b->cap) * sizeof *nb);
			b->u.bits = nb;
			b->cap = nc;
		}
		uint64_t m = 1ull << (dev & 63);
		if (b->u.bits[w] & m)
			return 0;
		b->u.bits[w] |= m;
		b->n++;
		return 1;
	}
	if (b->cap == 0 && sparse_grow(b) < 0)
		return -1;
	uint32_t mask = b->cap - 1, j = slot_of(dev, mask);
	while (b->u.slot[j]) {
		if (b->u.slot[j] == dev + 1)
			return 0;
		j = (j + 1) & mask;
	}
	b->u.slot[j] = dev + 1;
	b->n++;
	if (b->n * 2 > b->cap) {
		/* the next hash table against a bitmap up to the largest id */
		uint64_t sparse_bytes = (uint64_t)b->cap * 2 * sizeof(uint32_t);
		uint32_t words = b->maxdev / 64 + 1;
		if ((uint64_t)words * 8 <= sparse_bytes)
			return to_dense(b, words) < 0 ? -1 : 1;
		if (sparse_grow(b) < 0)
			return -1;
	}
	return 1;
}

static bool bucket_has(const struct dbucket *b, uint32_t dev)
{
	if (b->dense)
		return (dev >> 6) < b->cap && (b->u.bits[dev >> 6] >> (dev & 63) & 1);
	if (b->cap == 0)
		return false;
	uint32_t mask = b->cap - 1, j = slot_of(dev, mask);
	while (b->u.slot[j]) {
		if (b->u.slot[j] == dev + 1)
			return true;
		j = (j + 1) & mask;
	}
	return false;
}

/* Calls fn on each member. */
static void bucket_each(const struct dbucket *b, void (*fn)(uint32_t dev, void *arg), void *arg)
{
	if (b->dense) {
		for (uint32_t w = 0; w < b->cap; w++)
			for (uint64_t m = b->u.bits[w]; m; m &= m - 1)
				fn(w * 64 + (uint32_t)__builtin_ctzll(m), arg);
		return;
	}
	for (uint32_t i = 0; i < b->cap; i++)
		if (b->u.slot[i])
			fn(b->u.slot[i] - 1, arg);
}

static struct dbucket *bucket_for(struct devset *d, uint32_t bucket, unsigned tix)
{
	uint32_t ix;
	bool added;
	if (u64map_get(&d->idx, (uint64_t)bucket << 1 | (tix & 1), (uint32_t)d->nb, &ix, &added) < 0)
		return NULL;
	if (added) {
		if (d->nb == d->capb) {
			size_t nc = d->capb ? d->capb * 2 : 64;
			struct dbucket *nb = realloc(d->b, nc * sizeof *nb);
			if (!nb)
				return NULL;
			d->b = nb;
			d->capb = nc;
		}
		d->b[d->nb++] = (struct dbucket){.bucket = bucket, .tix = (uint8_t)(tix & 1)};
	}
	return &d->b[ix];
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
	struct dbucket *b = bucket_for(d, bucket, tix);
	if (!b)
		return -1;
	int r = bucket_add(b, dev);
	if (r > 0)
		d->entries++;
	return r < 0 ? -1 : 0;
}

struct mctx {
	struct devset *d;
	const uint32_t *devmap;
	uint32_t bucket;
	unsigned tix;
	int rc;
};

static void merge_one(uint32_t dev, void *arg)
{
	struct mctx *m = arg;
	if (devset_add(m->d, m->bucket, m->tix, m->devmap ? m->devmap[dev] : dev) < 0)
		m->rc = -1;
}

int devset_merge(struct devset *d, const struct devset *src, const uint32_t *devmap,
		 uint32_t (*bucket_map)(uint32_t, void *), void *arg)
{
	struct mctx m = {d, devmap, 0, 0, 0};
	for (size_t i = 0; i < src->nb && m.rc == 0; i++) {
		const struct dbucket *b = &src->b[i];
		m.bucket = bucket_map ? bucket_map(b->bucket, arg) : b->bucket;
		m.tix = b->tix;
		bucket_each(b, merge_one, &m);
	}
	return m.rc;
}

struct inter {
	const struct dbucket *other;
	uint64_t n;
};

static void count_common(uint32_t dev, void *arg)
{
	struct inter *x = arg;
	x->n += bucket_has(x->other, dev);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

int devset_counts(const struct devset *d, const bool count_tier[2],
		  void (*fn)(uint32_t bucket, uint64_t n, void *arg), void *arg)
{
	uint32_t *keys = malloc((d->nb + 1) * sizeof *keys);
	if (!keys)
		return -1;
	size_t nk = 0;
	for (size_t i = 0; i < d->nb; i++)
		if (count_tier[d->b[i].tix])
			keys[nk++] = d->b[i].bucket;
	qsort(keys, nk, sizeof *keys, cmp_u32);
	for (size_t i = 0; i < nk; i++) {
		if (i > 0 && keys[i] == keys[i - 1])
			continue;
		const struct dbucket *t[2] = {NULL, NULL};
		for (unsigned tix = 0; tix < 2; tix++) {
			uint32_t ix;
			if (count_tier[tix] && u64map_find(&d->idx, (uint64_t)keys[i] << 1 | tix, &ix))
				t[tix] = &d->b[ix];
		}
		uint64_t n = (t[0] ? t[0]->n : 0) + (t[1] ? t[1]->n : 0);
		if (t[0] && t[1]) {
			/* a device seen on both tiers counts once */
			const struct dbucket *small = t[0]->n <= t[1]->n ? t[0] : t[1];
			struct inter x = {small == t[0] ? t[1] : t[0], 0};
			bucket_each(small, count_common, &x);
			n -= x.n;
		}
		fn(keys[i], n, arg);
	}
	free(keys);
	return 0;
}

struct sctx {
	json_t *a;
	uint32_t bucket;
	unsigned tix;
	int rc;
};

static void save_one(uint32_t dev, void *arg)
{
	struct sctx *c = arg;
	if (json_array_append_new(c->a, json_integer((json_int_t)c->bucket)) < 0 ||
	    json_array_append_new(c->a, json_integer((json_int_t)dev * 2 + c->tix)) < 0)
		c->rc = -1;
}

json_t *devset_save(const struct devset *d)
{
	struct sctx c = {json_array(), 0, 0, 0};
	if (!c.a)
		return NULL;
	for (size_t i = 0; i < d->nb && c.rc == 0; i++) {
		c.bucket = d->b[i].bucket;
		c.tix = d->b[i].tix;
		bucket_each(&d->b[i], save_one, &c);
	}
	if (c.rc < 0) {
		json_decref(c.a);
		return NULL;
	}
	return c.a;
}

int devset_load(struct devset *d, const json_t *j, size_t ndev, unsigned shift, size_t nb)
{
	if (!json_is_array(j) || json_array_size(j) % 2)
		return -1;
	for (size_t i = 0; i < json_array_size(j); i += 2) {
		const json_t *b = json_array_get(j, i), *v = json_array_get(j, i + 1);
		if (!json_is_integer(b) || !json_is_integer(v))
			return -1;
		json_int_t bb = json_integer_value(b), vv = json_integer_value(v);
		if (bb < 0 || bb > DEVSET_MAX_BUCKET || vv < 0 || (uint64_t)(vv >> 1) >= ndev ||
		    (uint64_t)bb >> shift >= nb)
			return -1;
		if (devset_add(d, (uint32_t)bb, (unsigned)(vv & 1), (uint32_t)(vv >> 1)) < 0)
			return -1;
	}
	return 0;
}
