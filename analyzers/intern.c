/* intern: hash table + arena. */
#include "intern.h"

#include <stdlib.h>

struct arena_chunk {
	struct arena_chunk *next;
	char data[];
};

#define CHUNK (1u << 20)

/* A small, fast 64-bit hash: 8-byte words mixed with multiply-xorshift. */
uint64_t hash_bytes(const void *vp, size_t n)
{
	const unsigned char *p = vp;
	uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xff51afd7ed558ccdull);
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
		h ^= h >> 31;
		p += 8;
		n -= 8;
	}
	uint64_t w = 0;
	memcpy(&w, p, n);
	h = (h ^ w) * 0x94d049bb133111ebull;
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 32;
	return h;
}

int intern_init(struct intern *in)
{
	memset(in, 0, sizeof *in);
	in->mask = 1023;
	in->table = calloc(in->mask + 1, sizeof *in->table);
	return in->table ? 0 : -1;
}

void intern_free(struct intern *in)
{
	struct arena_chunk *c = in->chunks;
	while (c) {
		struct arena_chunk *n = c->next;
		free(c);
		c = n;
	}
	free(in->table);
	free(in->ent);
	memset(in, 0, sizeof *in);
}

const char *intern_keep(struct intern *in, struct slice s)
{
	static const char empty[1] = "";
	if (s.n == 0)
		return empty;
	if (!in->chunks || in->chunk_used + s.n > in->chunk_cap) {
		size_t cap = s.n > CHUNK ? s.n : CHUNK;
		struct arena_chunk *c = malloc(sizeof *c + cap);
		if (!c)
			return NULL;
		c->next = in->chunks;
		in->chunks = c;
		in->chunk_used = 0;
		in->chunk_cap = cap;
	}
	char *p = in->chunks->data + in->chunk_used;
	memcpy(p, s.p, s.n);
	in->chunk_used += s.n;
	return p;
}

static int grow_table(struct intern *in)
{
	size_t nm = in->mask * 2 + 1;
	uint32_t *nt = calloc(nm + 1, sizeof *nt);
	if (!nt)
		return -1;
	for (uint32_t id = 0; id < in->count; id++) {
		size_t i = in->ent[id].hash & nm;
		while (nt[i])
			i = (i + 1) & nm;
		nt[i] = id + 1;
	}
	free(in->table);
	in->table = nt;
	in->mask = nm;
	return 0;
}

int64_t intern_find(const struct intern *in, struct slice s)
{
	uint32_t h = (uint32_t)hash_bytes(s.p, s.n);
	size_t i = h & in->mask;
	for (;;) {
		uint32_t v = in->table[i];
		if (!v)
			return -1;
		const struct intern_ent *e = &in->ent[v - 1];
		if (e->hash == h && e->n == s.n && (s.n == 0 || memcmp(e->p, s.p, s.n) == 0))
			return v - 1;
		i = (i + 1) & in->mask;
	}
}

int64_t intern_get(struct intern *in, struct slice s, bool *added)
{
	uint32_t h = (uint32_t)hash_bytes(s.p, s.n);
	size_t i = h & in->mask;
	if (added)
		*added = false;
	for (;;) {
		uint32_t v = in->table[i];
		if (!v)
			break;
		const struct intern_ent *e = &in->ent[v - 1];
		if (e->hash == h && e->n == s.n && (s.n == 0 || memcmp(e->p, s.p, s.n) == 0))
			return v - 1;
		i = (i + 1) & in->mask;
	}
	if (s.n > UINT32_MAX || in->count == UINT32_MAX - 1)
		return -1;
	if (in->count == in->entcap) {
		uint32_t nc = in->entcap ? in->entcap * 2 : 256;
		struct intern_ent *ne = realloc(in->ent, nc * sizeof *ne);
		if (!ne)
			return -1;
		in->ent = ne;
		in->entcap = nc;
	}
	const char *p = intern_keep(in, s);
	if (!p)
		return -1;
	uint32_t id = in->count++;
	in->ent[id] = (struct intern_ent){p, (uint32_t)s.n, h};
	in->table[i] = id + 1;
	if (added)
		*added = true;
	if ((size_t)in->count * 2 > in->mask && grow_table(in) < 0)
		return -1;
	return id;
}
