/* test: the unit tests' tiny harness: CHECK prints "ok"/"not ok" lines that
 * tests/run.sh counts; a test program exits 1 when any check failed. */
#ifndef EASLOG_TEST_H
#define EASLOG_TEST_H

#include <stdio.h>
#include <string.h>

static int test_failed, test_count;

#define CHECK(cond, ...)                                                        \
	do {                                                                    \
		test_count++;                                                   \
		if (cond) {                                                     \
			printf("ok %d ", test_count);                           \
		} else {                                                        \
			test_failed++;                                          \
			printf("not ok %d %s:%d: ", test_count, __FILE__, __LINE__); \
		}                                                               \
		printf(__VA_ARGS__);                                            \
		putchar('\n');                                                  \
	} while (0)

#define CHECK_STR(got, want, name)                                              \
	do {                                                                    \
		const char *g_ = (got), *w_ = (want);                           \
		CHECK(strcmp(g_, w_) == 0, "%s: got '%s', want '%s'", name, g_, w_); \
	} while (0)

#define CHECK_U64(got, want, name)                                                      \
	do {                                                                            \
		unsigned long long g_ = (unsigned long long)(got), w_ = (unsigned long long)(want); \
		CHECK(g_ == w_, "%s: got %llu, want %llu", name, g_, w_);               \
	} while (0)

static inline int test_done(void)
{
	return test_failed ? 1 : 0;
}

#endif
