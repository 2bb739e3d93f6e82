/* pct: URL percent-decoding as IIS and Exchange write it (%XX, and '+' for a
 * space where the writer used form encoding). Invalid escapes are kept as is. */
#ifndef EASLOG_PCT_H
#define EASLOG_PCT_H

#include "slice.h"

/* Decodes s into out (room for s.n bytes is enough: decoding never grows).
 * plus_space: turn '+' into ' '. Returns the decoded length. A '%' not
 * followed by two hex digits is copied literally. */
size_t pct_decode(struct slice s, char *out, bool plus_space);

/* True when decoding s would change it (contains '%' or, with plus_space, '+'). */
bool pct_needed(struct slice s, bool plus_space);

#endif
