/* outbuf: buffered output to a file descriptor with sticky error tracking,
 * and the escapers every writer shares (TSV, JSON strings). */
#ifndef EASLOG_OUTBUF_H
#define EASLOG_OUTBUF_H

#include "slice.h"

struct outbuf {
	int fd;
	char *buf;
	size_t len, cap;
	int err; /* errno of the first failed write; 0 while all is well */
};

/* Returns 0, or -1 when out of memory. */
int outbuf_init(struct outbuf *o, int fd);

/* Writes out what is buffered; returns 0 or -1 (o->err set). */
int outbuf_flush(struct outbuf *o);

/* Flushes and frees the buffer (the fd is the caller's). Returns 0 or -1. */
int outbuf_close(struct outbuf *o);

void out_write_slow(struct outbuf *o, const char *p, size_t n);

static inline void out_bytes(struct outbuf *o, const char *p, size_t n)
{
	if (n == 0)
		return; /* p may be NULL (a null slice) */
	if (o->len + n <= o->cap) {
		memcpy(o->buf + o->len, p, n);
		o->len += n;
	} else {
		out_write_slow(o, p, n);
	}
}

static inline void out_char(struct outbuf *o, char c)
{
	if (o->len < o->cap)
		o->buf[o->len++] = c;
	else
		out_write_slow(o, &c, 1);
}

static inline void out_slice(struct outbuf *o, struct slice s)
{
	out_bytes(o, s.p, s.n);
}

static inline void out_str(struct outbuf *o, const char *s)
{
	out_bytes(o, s, strlen(s));
}

void out_u64(struct outbuf *o, uint64_t v);
void out_i64(struct outbuf *o, int64_t v);

/* TSV cell: backslash, tab, newline and CR written as \\ \t \n \r. */
void out_tsv(struct outbuf *o, struct slice s);

/* JSON string with quotes; bytes that are not valid UTF-8 become U+FFFD. */
void out_json_str(struct outbuf *o, struct slice s);

#endif
