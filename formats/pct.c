/* pct: percent-decoding. */
#include "pct.h"

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = ascii_lower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

size_t pct_decode(struct slice s, char *out, bool plus_space)
{
	size_t o = 0;
	for (size_t i = 0; i < s.n; i++) {
		unsigned char c = (unsigned char)s.p[i];
		if (c == '%' && i + 2 < s.n) {
			int h = hexval((unsigned char)s.p[i + 1]);
			int l = hexval((unsigned char)s.p[i + 2]);
			if (h >= 0 && l >= 0) {
				out[o++] = (char)(h * 16 + l);
				i += 2;
				continue;
			}
		}
		out[o++] = (plus_space && c == '+') ? ' ' : (char)c;
	}
	return o;
}

/* SWAR: a byte of x equal to c shows up as a zero byte of x ^ c*0x01..01. */
static inline uint64_t has_byte(uint64_t x, unsigned char c)
{
	uint64_t v = x ^ (0x0101010101010101ull * c);
	return (v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull;
}

bool pct_needed(struct slice s, bool plus_space)
{
	size_t i = 0;
	for (; i + 8 <= s.n; i += 8) {
		uint64_t x;
		memcpy(&x, s.p + i, 8);
		if (has_byte(x, '%') || (plus_space && has_byte(x, '+')))
			return true;
	}
	for (; i < s.n; i++)
		if (s.p[i] == '%' || (plus_space && s.p[i] == '+'))
			return true;
	return false;
}
