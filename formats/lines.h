/* lines: splits an input's bytes into lines in one reused buffer: LF or CRLF,
 * a UTF-8 BOM at the start dropped, a last line without newline, any length. */
#ifndef EASLOG_LINES_H
#define EASLOG_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input.h"

struct line_reader {
	struct input *in;
	char *buf;        /* the reused buffer (read mode) */
	size_t cap;
	char *data;       /* buf, or the mapped file (map mode) */
	size_t start, end;
	size_t dropped;   /* map mode: offset up to which pages were released */
	uint64_t base;    /* file offset of data[0] */
	bool hold_partial; /* leave an unterminated last line unread (it may still grow) */
	bool eof;
	bool damaged;   /* the input reported an error; see input_error() */
	bool at_start;  /* BOM check pending */
	uint64_t lineno; /* number of the line last returned (1-based) */
};

/* Binds lr to in, keeping lr's buffer from an earlier file (or allocating it).
 * Returns 0, or -1 when out of memory. */
int lines_init(struct line_reader *lr, struct input *in);

/* Next line: *line points into lr's buffer or the mapped file (valid until
 * the next call; writable, changes stay private), without its line end and
 * not NUL-terminated. Returns 1 for a line, 0 at the end of
 * good data, -1 out of memory. At the end, lr->damaged tells whether the
 * input broke; *partial then holds the count of bytes of a cut last line. */
int lines_next(struct line_reader *lr, char **line, size_t *len);

/* The bytes of a line cut off by damage (returned once after the last line);
 * 0 when there was none. */
size_t lines_cut_tail(const struct line_reader *lr);

/* Skips to file offset off (the start of a line) of a mapped file. Returns
 * 0, or -1 when the input is not mapped or off is past its end. */
int lines_seek(struct line_reader *lr, uint64_t off);

/* The file offset of the first byte not yet returned. */
static inline uint64_t lines_offset(const struct line_reader *lr)
{
	return lr->base + lr->start;
}

void lines_free(struct line_reader *lr);

#endif
