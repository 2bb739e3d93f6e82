/* utf8: the text rules keys and writers need: lower-casing for keys (ASCII plus
 * the simple one-to-one mappings of Latin-1, Latin Extended-A, Greek and
 * Cyrillic, as .NET's ToLowerInvariant does for them) and validity checks. */
#ifndef EASLOG_UTF8_H
#define EASLOG_UTF8_H

#include "slice.h"

/* Writes the lower-cased s to out (room for s.n bytes; length never changes).
 * Bytes that are not valid UTF-8 are copied unchanged. */
void utf8_lower(struct slice s, char *out);

/* Length of the valid UTF-8 sequence starting at p[0..n), or 0 when invalid. */
size_t utf8_seq_len(const unsigned char *p, size_t n);

/* True when s is entirely valid UTF-8 (no overlongs, no surrogates). */
bool utf8_valid(struct slice s);

#endif
