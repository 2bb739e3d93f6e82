/* utf8: lower-casing and validation. */
#include "utf8.h"

size_t utf8_seq_len(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0) {
		if (n < 2 || (p[1] & 0xC0) != 0x80)
			return 0;
		return 2;
	}
	if (c < 0xF0) {
		if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && p[1] < 0xA0)
			return 0; /* overlong */
		if (c == 0xED && p[1] >= 0xA0)
			return 0; /* surrogate */
		return 3;
	}
	if (c < 0xF5) {
		if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && p[1] < 0x90)
			return 0;
		if (c == 0xF4 && p[1] >= 0x90)
			return 0;
		return 4;
	}
	return 0;
}

bool utf8_valid(struct slice s)
{
	const unsigned char *p = (const unsigned char *)s.p;
	size_t i = 0;
	while (i < s.n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t l = utf8_seq_len(p + i, s.n - i);
		if (l == 0)
			return false;
		i += l;
	}
	return true;
}

/* Simple lower-case mapping for two-byte code points (U+0080..U+07FF). */
static unsigned lower2(unsigned cp)
{
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 0x20;
	if (cp >= 0x100 && cp <= 0x137)
		return (cp & 1) ? cp : cp + 1;
	if (cp >= 0x139 && cp <= 0x148)
		return (cp & 1) ? cp + 1 : cp;
	if (cp >= 0x14A && cp <= 0x177)
		return (cp & 1) ? cp : cp + 1;
	if (cp == 0x178)
		return 0xFF;
	if (cp >= 0x179 && cp <= 0x17E)
		return (cp & 1) ? cp + 1 : cp;
	if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2)
		return cp + 0x20;
	if (cp >= 0x410 && cp <= 0x42F)
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 0x50;
	return cp;
}

void utf8_lower(struct slice s, char *out)
{
	const unsigned char *p = (const unsigned char *)s.p;
	size_t i = 0;
	while (i < s.n) {
		unsigned c = p[i];
		if (c < 0x80) {
			out[i] = (char)ascii_lower((int)c);
			i++;
			continue;
		}
		size_t l = utf8_seq_len(p + i, s.n - i);
		if (l == 2) {
			unsigned cp = ((c & 0x1F) << 6) | (p[i + 1] & 0x3F);
			unsigned lc = lower2(cp);
			if (lc < 0x80 || lc > 0x7FF)
				lc = cp;
			out[i] = (char)(0xC0 | (lc >> 6));
			out[i + 1] = (char)(0x80 | (lc & 0x3F));
			i += 2;
			continue;
		}
		if (l == 0)
			l = 1;
		memcpy(out + i, p + i, l);
		i += l;
	}
}
