/* slice: a (pointer, length) view into a buffer owned by someone else, and the
 * small pure helpers on it (compare, case folding, unsigned number parsing). */
#ifndef EASLOG_SLICE_H
#define EASLOG_SLICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A null value (W3C "-", or absent) has p == NULL; an empty one has p != NULL, n == 0. */
struct slice {
	const char *p;
	size_t n;
};

#define SLICE_NULL ((struct slice){NULL, 0})
#define SLICE_LIT(s) ((struct slice){(s), sizeof(s) - 1})

static inline struct slice slice_make(const char *p, size_t n)
{
	return (struct slice){p, n};
}

static inline bool slice_is_null(struct slice s)
{
	return s.p == NULL;
}

/* Null and empty both count as empty. */
static inline bool slice_empty(struct slice s)
{
	return s.n == 0;
}

static inline int ascii_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static inline bool slice_eq(struct slice a, const char *lit)
{
	size_t n = strlen(lit);
	return a.n == n && (n == 0 || memcmp(a.p, lit, n) == 0);
}

/* Equal ignoring ASCII case; lit is the usual spelling, so equal bytes
 * (the common case) cost one compare each. */
static inline bool mem_eq_ci(const char *a, const char *lit, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)lit[i];
		if (x != y && ((x ^ y) != 0x20 || (unsigned char)((x | 0x20) - 'a') > 'z' - 'a'))
			return false;
	}
	return true;
}

static inline bool slice_eq_ci(struct slice a, const char *lit)
{
	size_t n = strlen(lit);
	return a.n == n && mem_eq_ci(a.p, lit, n);
}

static inline bool slice_prefix_ci(struct slice a, const char *lit)
{
	size_t n = strlen(lit);
	return a.n >= n && mem_eq_ci(a.p, lit, n);
}
int slice_cmp(struct slice a, struct slice b);

/* Parses all of s as unsigned decimal. Returns false (and *out = 0) when s is
 * empty, has a non-digit, or overflows 64 bits. */
bool parse_u64(struct slice s, uint64_t *out);

/* Same, but 32 bits wide: the cmdlet's uint.TryParse. */
bool parse_u32(struct slice s, uint32_t *out);

/* Leading decimal digits of p[0..n): value saturated at UINT64_MAX, digit count in *ndig. */
uint64_t scan_u64(const char *p, size_t n, size_t *ndig);

/* memchr for data where the byte is usually near: a short loop first,
 * memchr for the rest (its call cost only pays off on long runs). */
static inline const char *find_byte(const char *p, const char *end, char c)
{
	const char *stop = end - p > 24 ? p + 24 : end;
	for (; p < stop; p++)
		if (*p == c)
			return p;
	return p < end ? memchr(p, c, (size_t)(end - p)) : NULL;
}

/* Finds c in [p, p+n) scanning backwards; NULL when absent. */
const char *mem_rchr(const char *p, int c, size_t n);

#endif
