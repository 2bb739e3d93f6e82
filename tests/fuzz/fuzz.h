/* fuzz: what the libFuzzer targets in tests/fuzz share. Each target defines
 * LLVMFuzzerTestOneInput (and may define LLVMFuzzerInitialize); the same
 * source links either with libFuzzer (clang -fsanitize=fuzzer, make fuzz) or
 * with replay.c, a plain main that runs saved inputs (the regression test).
 * A broken invariant prints what broke and aborts, so libFuzzer saves the
 * input as a crash. */
#ifndef EASLOG_FUZZ_H
#define EASLOG_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../formats/slice.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define FUZZ_CHECK(cond, ...)                                                    \
	do {                                                                     \
		if (!(cond)) {                                                   \
			fprintf(stderr, "%s:%d: invariant broken: %s: ", __FILE__, \
				__LINE__, #cond);                                \
			fprintf(stderr, __VA_ARGS__);                            \
			fputc('\n', stderr);                                     \
			abort();                                                 \
		}                                                                \
	} while (0)

/* A slice is null, or lies inside [lo, lo + n) of one of the given buffers. */
static inline int fuzz_inside(struct slice s, const void *lo, size_t n)
{
	const char *a = lo;
	return s.p == NULL || (s.p >= a && s.n <= n && s.p + s.n <= a + n);
}

/* Touches every byte of a slice (ASan then checks it is readable). */
static inline unsigned fuzz_touch(struct slice s)
{
	unsigned h = 0;
	for (size_t i = 0; i < s.n; i++)
		h = h * 31 + (unsigned char)s.p[i];
	return h;
}

#endif
