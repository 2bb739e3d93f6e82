/* u64set: open-addressing hash set of integers. */
#include "u64set.h"

#include <stdlib.h>

int u64set_init(struct u64set *s)
{
	s->mask = 255;
	s->count = 0;
	s->slot = calloc(s->mask + 1, sizeof *s->slot);
	return s->slot ? 0 : -1;
}

void u64set_free(struct u64set *s)
{
	free(s->slot);
	s->slot = NULL;
	s->count = 0;
}

static int grow(struct u64set *s)
{
	size_t nm = s->mask * 2 + 1;
	uint64_t *ns = calloc(nm + 1, sizeof *ns);
	if (!ns)
		return -1;
	for (size_t i = 0; i <= s->mask; i++) {
		uint64_t v = s->slot[i];
		if (!v)
			continue;
		size_t j = mix64(v - 1) & nm;
		while (ns[j])
			j = (j + 1) & nm;
		ns[j] = v;
	}
	free(s->slot);
	s->slot = ns;
	s->mask = nm;
	return 0;
}

int u64set_add(struct u64set *s, uint64_t k)
{
	uint64_t v = k + 1;
	size_t i = mix64(k) & s->mask;
	for (;;) {
		if (s->slot[i] == v)
			return 0;
		if (!s->slot[i])
			break;
		i = (i + 1) & s->mask;
	}
	if (v == 0)
		return -1; /* UINT64_MAX is not storable; keys never use it */
	s->slot[i] = v;
	s->count++;
	if (s->count * 10 > s->mask * 7 && grow(s) < 0)
		return -1;
	return 1;
}

void u64set_each(const struct u64set *s, void (*fn)(uint64_t k, void *arg), void *arg)
{
	for (size_t i = 0; i <= s->mask; i++)
		if (s->slot[i])
			fn(s->slot[i] - 1, arg);
}

int u64map_init(struct u64map *m)
{
	m->mask = 255;
	m->count = 0;
	m->key = calloc(m->mask + 1, sizeof *m->key);
	m->val = calloc(m->mask + 1, sizeof *m->val);
	if (!m->key || !m->val) {
		u64map_free(m);
		return -1;
	}
	return 0;
}

void u64map_free(struct u64map *m)
{
	free(m->key);
	free(m->val);
	m->key = NULL;
	m->val = NULL;
	m->count = 0;
}

static int map_grow(struct u64map *m)
{
	size_t nm = m->mask * 2 + 1;
	uint64_t *nk = calloc(nm + 1, sizeof *nk);
	uint32_t *nv = calloc(nm + 1, sizeof *nv);
	if (!nk || !nv) {
		free(nk);
		free(nv);
		return -1;
	}
	for (size_t i = 0; i <= m->mask; i++) {
		if (!m->key[i])
			continue;
		size_t j = mix64(m->key[i] - 1) & nm;
		while (nk[j])
			j = (j + 1) & nm;
		nk[j] = m->key[i];
		nv[j] = m->val[i];
	}
	free(m->key);
	free(m->val);
	m->key = nk;
	m->val = nv;
	m->mask = nm;
	return 0;
}

int u64map_get(struct u64map *m, uint64_t k, uint32_t val_if_new, uint32_t *val, bool *added)
{
	size_t i = mix64(k) & m->mask;
	*added = false;
	for (;;) {
		if (m->key[i] == k + 1) {
			*val = m->val[i];
			return 0;
		}
		if (!m->key[i])
			break;
		i = (i + 1) & m->mask;
	}
	m->key[i] = k + 1;
	m->val[i] = val_if_new;
	*val = val_if_new;
	*added = true;
	m->count++;
	if (m->count * 10 > m->mask * 7 && map_grow(m) < 0)
		return -1;
	return 0;
}

int u64map_find(const struct u64map *m, uint64_t k, uint32_t *val)
{
	size_t i = mix64(k) & m->mask;
	for (;;) {
		if (m->key[i] == k + 1) {
			*val = m->val[i];
			return 1;
		}
		if (!m->key[i])
			return 0;
		i = (i + 1) & m->mask;
	}
}
