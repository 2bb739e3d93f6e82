/* outbuf: buffered writes and escaping. */
#include "outbuf.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define OUT_CAP (256u << 10)

int outbuf_init(struct outbuf *o, int fd)
{
	o->fd = fd;
	o->len = 0;
	o->err = 0;
	o->cap = OUT_CAP;
	o->buf = malloc(o->cap);
	return o->buf ? 0 : -1;
}

static void write_all(struct outbuf *o, const char *p, size_t n)
{
	while (n > 0 && !o->err) {
		ssize_t w = write(o->fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			o->err = errno;
			return;
		}
		p += w;
		n -= (size_t)w;
	}
}

int outbuf_flush(struct outbuf *o)
{
	if (o->len > 0)
		write_all(o, o->buf, o->len);
	o->len = 0;
	return o->err ? -1 : 0;
}

int outbuf_close(struct outbuf *o)
{
	int rc = outbuf_flush(o);
	free(o->buf);
	o->buf = NULL;
	o->cap = 0;
	return rc;
}

void out_write_slow(struct outbuf *o, const char *p, size_t n)
{
	outbuf_flush(o);
	if (n >= o->cap) {
		write_all(o, p, n);
		return;
	}
	memcpy(o->buf, p, n);
	o->len = n;
}

void out_u64(struct outbuf *o, uint64_t v)
{
	char b[24];
	int i = 24;
	do {
		b[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	out_bytes(o, b + i, (size_t)(24 - i));
}

void out_i64(struct outbuf *o, int64_t v)
{
	if (v < 0) {
		out_char(o, '-');
		out_u64(o, (uint64_t)0 - (uint64_t)v);
	} else {
		out_u64(o, (uint64_t)v);
	}
}

/* Offset of the first byte of s at or after i that TSV must escape. */
static size_t tsv_next(struct slice s, size_t i)
{
#if defined(__SSE2__)
	const __m128i bs = _mm_set1_epi8('\\'), tab = _mm_set1_epi8('\t');
	const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
	for (; i + 16 <= s.n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s.p + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, bs), _mm_cmpeq_epi8(v, tab)),
					 _mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, cr)));
		int bits = _mm_movemask_epi8(m);
		if (bits)
			return i + (size_t)__builtin_ctz((unsigned)bits);
	}
#endif
	for (; i < s.n; i++) {
		char c = s.p[i];
		if (c == '\\' || c == '\t' || c == '\n' || c == '\r')
			return i;
	}
	return s.n;
}

void out_tsv(struct outbuf *o, struct slice s)
{
	size_t start = 0;
	for (size_t i = tsv_next(s, 0); i < s.n; i = tsv_next(s, start)) {
		char c = s.p[i];
		out_bytes(o, s.p + start, i - start);
		out_char(o, '\\');
		out_char(o, c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
		start = i + 1;
	}
	out_bytes(o, s.p + start, s.n - start);
}

void out_json_str(struct outbuf *o, struct slice s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s.p;
	out_char(o, '"');
	size_t start = 0, i = 0;
	while (i < s.n) {
		unsigned c = p[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
			i++;
			continue;
		}
		size_t l = c >= 0x80 ? utf8_seq_len(p + i, s.n - i) : 1;
		if (c >= 0x80 && l > 0) {
			i += l;
			continue;
		}
		out_bytes(o, s.p + start, i - start);
		if (c >= 0x80) {
			out_str(o, "\xEF\xBF\xBD");
		} else if (c == '"' || c == '\\') {
			out_char(o, '\\');
			out_char(o, (char)c);
		} else if (c == '\n') {
			out_str(o, "\\n");
		} else if (c == '\t') {
			out_str(o, "\\t");
		} else if (c == '\r') {
			out_str(o, "\\r");
		} else {
			char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
			out_bytes(o, u, 6);
		}
		i++;
		start = i;
	}
	out_bytes(o, s.p + start, s.n - start);
	out_char(o, '"');
}
