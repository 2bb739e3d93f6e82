/* lines: line splitting with buffer reuse. */
#include "lines.h"

#include <stdlib.h>
#include <string.h>

#define LR_INITIAL (4u << 20)

int lines_init(struct line_reader *lr, struct input *in)
{
	if (!lr->buf) {
		lr->buf = malloc(LR_INITIAL);
		if (!lr->buf)
			return -1;
		lr->cap = LR_INITIAL;
	}
	lr->in = in;
	lr->data = lr->buf;
	lr->start = lr->end = 0;
	lr->dropped = 0;
	lr->base = 0;
	lr->hold_partial = false;
	lr->eof = false;
	lr->damaged = false;
	lr->at_start = true;
	lr->lineno = 0;
	size_t n;
	if (input_map(in, &lr->data, &n)) {
		lr->end = n;
		lr->eof = true;
		if (n >= 3 && (unsigned char)lr->data[0] == 0xEF && (unsigned char)lr->data[1] == 0xBB &&
		    (unsigned char)lr->data[2] == 0xBF)
			lr->start = 3;
		lr->at_start = false;
	}
	return 0;
}

/* Reads more data after the unconsumed tail; grows the buffer when the tail
 * fills it. Returns bytes read, 0 at end, -1 out of memory. */
static long refill(struct line_reader *lr)
{
	if (lr->eof)
		return 0;
	if (lr->start > 0) {
		memmove(lr->buf, lr->buf + lr->start, lr->end - lr->start);
		lr->end -= lr->start;
		lr->base += lr->start;
		lr->start = 0;
	}
	if (lr->end == lr->cap) {
		size_t ncap = lr->cap * 2;
		char *nb = realloc(lr->buf, ncap);
		if (!nb)
			return -1;
		lr->buf = lr->data = nb;
		lr->cap = ncap;
	}
	ssize_t r = input_read(lr->in, lr->buf + lr->end, lr->cap - lr->end);
	if (r < 0) {
		lr->damaged = true;
		lr->eof = true;
		return 0;
	}
	if (r == 0) {
		lr->eof = true;
		return 0;
	}
	lr->end += (size_t)r;
	if (lr->at_start && lr->end - lr->start >= 3) {
		const unsigned char *b = (const unsigned char *)lr->buf + lr->start;
		if (lr->base == 0 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) /* at the file's start only */
			lr->start += 3;
		lr->at_start = false;
	}
	return r;
}

#define DROP_EVERY (8u << 20)

int lines_next(struct line_reader *lr, char **line, size_t *len)
{
	size_t scan = lr->start;
	if (lr->data != lr->buf && lr->start - lr->dropped >= DROP_EVERY) {
		input_unmap_before(lr->in, lr->start);
		lr->dropped = lr->start;
	}
	for (;;) {
		char *nl = memchr(lr->data + scan, '\n', lr->end - scan);
		if (nl) {
			char *p = lr->data + lr->start;
			size_t n = (size_t)(nl - p);
			lr->start += n + 1;
			if (n > 0 && p[n - 1] == '\r')
				n--;
			*line = p;
			*len = n;
			lr->lineno++;
			return 1;
		}
		if (lr->eof)
			break;
		size_t have = lr->end - lr->start;
		long r = refill(lr);
		if (r < 0)
			return -1;
		/* only the new bytes need scanning: the old ones are at [0, have)
		 * now, and a BOM dropped by refill moved start to 3 */
		scan = have > lr->start ? have : lr->start;
		if (lr->at_start && lr->eof && lr->end - lr->start < 3)
			lr->at_start = false;
	}
	if (lr->start < lr->end && !lr->damaged && !lr->hold_partial) {
		char *p = lr->data + lr->start;
		size_t n = lr->end - lr->start;
		lr->start = lr->end;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		*line = p;
		*len = n;
		lr->lineno++;
		return 1;
	}
	return 0;
}

size_t lines_cut_tail(const struct line_reader *lr)
{
	return lr->damaged ? lr->end - lr->start : 0;
}

int lines_seek(struct line_reader *lr, uint64_t off)
{
	if (lr->data == lr->buf || off > lr->end)
		return -1;
	lr->start = (size_t)off;
	return 0;
}

void lines_free(struct line_reader *lr)
{
	free(lr->buf);
	lr->buf = NULL;
	lr->cap = 0;
}
