/* slice: comparisons and number parsing on borrowed byte ranges. */
#include "slice.h"

int slice_cmp(struct slice a, struct slice b)
{
	size_t n = a.n < b.n ? a.n : b.n;
	int c = n ? memcmp(a.p, b.p, n) : 0;
	if (c)
		return c;
	return (a.n > b.n) - (a.n < b.n);
}

bool parse_u64(struct slice s, uint64_t *out)
{
	uint64_t v = 0;
	*out = 0;
	if (s.n == 0)
		return false;
	if (s.n <= 19) { /* cannot overflow: no check per digit */
		for (size_t i = 0; i < s.n; i++) {
			unsigned d = (unsigned char)s.p[i] - '0';
			if (d > 9)
				return false;
			v = v * 10 + d;
		}
		*out = v;
		return true;
	}
	for (size_t i = 0; i < s.n; i++) {
		unsigned d = (unsigned char)s.p[i] - '0';
		if (d > 9)
			return false;
		if (v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

bool parse_u32(struct slice s, uint32_t *out)
{
	uint64_t v;
	*out = 0;
	if (s.n > 10 || !parse_u64(s, &v) || v > UINT32_MAX)
		return false;
	*out = (uint32_t)v;
	return true;
}

uint64_t scan_u64(const char *p, size_t n, size_t *ndig)
{
	uint64_t v = 0;
	size_t i = 0;
	for (; i < n; i++) {
		unsigned d = (unsigned char)p[i] - '0';
		if (d > 9)
			break;
		if (v > (UINT64_MAX - d) / 10)
			v = UINT64_MAX;
		else
			v = v * 10 + d;
	}
	*ndig = i;
	return v;
}

const char *mem_rchr(const char *p, int c, size_t n)
{
	while (n > 0) {
		n--;
		if ((unsigned char)p[n] == (unsigned char)c)
			return p + n;
	}
	return NULL;
}
