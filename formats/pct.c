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

bool pct_needed(struct slice s, bool plus_space)
{
	if (s.n == 0)
		return false;
	if (memchr(s.p, '%', s.n))
		return true;
	return plus_space && memchr(s.p, '+', s.n);
}
