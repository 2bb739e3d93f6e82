/* base64: the standard alphabet decoder (RFC 4648 section 4) used for
 * MS-ASHTTP base64-encoded query strings. Never reads or writes out of bounds. */
#ifndef EASLOG_BASE64_H
#define EASLOG_BASE64_H

#include "slice.h"

/* Decodes s into out (room for s.n * 3 / 4 + 3 bytes). Padding '=' is
 * optional at the end; any other byte outside the alphabet, padding in the
 * middle, or a dangling single character is an error. Returns the decoded
 * length, or -1 on error. */
long base64_decode(struct slice s, unsigned char *out);

#endif
