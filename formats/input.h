/* input: one byte source per log file: a plain file or stdin read in large
 * blocks, or gzip (recognised by its magic bytes, multi-member) inflated. */
#ifndef EASLOG_INPUT_H
#define EASLOG_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct input;

/* Opens path ("-" is stdin). Returns NULL and writes a message (without the
 * file name) to err when the file cannot be opened or read at all. */
struct input *input_open(const char *path, char *err, size_t errlen);

/* Reads up to cap bytes of decoded data. Returns the count, 0 at a clean end,
 * or -1 when the data is damaged or unreadable: input_error() then says why and
 * where (compressed byte offset). Bytes returned before the -1 are good. */
ssize_t input_read(struct input *in, char *buf, size_t cap);

const char *input_error(const struct input *in);
bool input_is_gzip(const struct input *in);

/* Bytes consumed from the underlying file so far (compressed for gzip). */
uint64_t input_raw_bytes(const struct input *in);

void input_close(struct input *in);

#endif
