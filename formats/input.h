/* input: one byte source per log file: a plain file or stdin read in large
 * blocks, or gzip (recognised by its magic bytes, multi-member) inflated. */
#ifndef EASLOG_INPUT_H
#define EASLOG_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct input;

/* Whether gzip inputs are inflated by a thread of their own (default true). */
extern bool input_threads;

/* Which gzip decoder the build uses: "zlib" or "isa-l". */
const char *input_inflater(void);

/* Opens path ("-" is stdin). Returns NULL and writes a message (without the
 * file name) to err when the file cannot be opened or read at all. */
struct input *input_open(const char *path, char *err, size_t errlen);

/* Reads up to cap bytes of decoded data. Returns the count, 0 at a clean end,
 * or -1 when the data is damaged or unreadable: input_error() then says why and
 * where (compressed byte offset). Bytes returned before the -1 are good. */
ssize_t input_read(struct input *in, char *buf, size_t cap);

/* For a plain regular file: maps all of it (private, writable copy-on-write)
 * and returns 1 with *p and *n set; the mapping lives until input_close.
 * Returns 0 when the input must be read with input_read instead. */
int input_map(struct input *in, char **p, size_t *n);

/* Drops mapped pages before offset off from the process's memory (they stay
 * in the page cache): keeps RSS bounded on large files. */
void input_unmap_before(struct input *in, size_t off);

const char *input_error(const struct input *in);
bool input_is_gzip(const struct input *in);

/* Bytes consumed from the underlying file so far (compressed for gzip). */
uint64_t input_raw_bytes(const struct input *in);

void input_close(struct input *in);

#endif
