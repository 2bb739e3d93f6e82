/* scan: finds every occurrence of one byte in a range, 64 bytes at a time
 * (SSE2 on x86-64, a portable loop elsewhere): the splitter under the W3C
 * fields, the query parameters and the Log tokens. */
#ifndef EASLOG_SCAN_H
#define EASLOG_SCAN_H

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define SCAN_NO_OVERREAD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define SCAN_NO_OVERREAD 1
#endif
#endif

struct bscan {
	const char *blk;  /* start of the current 64-byte block */
	const char *end;
	uint64_t mask;    /* occurrences in the block not yet returned */
	char c;
};

/* Occurrences of c in the 16 bytes at p, of which only end - p are data. */
static inline uint64_t bscan16(const char *p, const char *end, char c)
{
#if defined(__SSE2__)
	if (end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		return (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
	}
#if !defined(SCAN_NO_OVERREAD)
	/* A tail that stays inside one page cannot fault: load 16 bytes and
	 * drop the bits past the end (not under sanitizers, which would
	 * rightly call it an overread). */
	if (((uintptr_t)p & 4095) <= 4096 - 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		uint64_t m = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
		return m & ((1u << (end - p)) - 1);
	}
#endif
#endif
	uint64_t m = 0;
	int n = end - p >= 16 ? 16 : (int)(end - p);
	for (int i = 0; i < n; i++)
		m |= (uint64_t)(p[i] == c) << i;
	return m;
}

static inline uint64_t bscan_block(const char *p, const char *end, char c)
{
#if defined(__SSE2__)
	if (end - p >= 64) {
		__m128i n = _mm_set1_epi8(c);
		uint64_t a = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), n));
		uint64_t b = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 16)), n));
		uint64_t d = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 32)), n));
		uint64_t e = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 48)), n));
		return a | b << 16 | d << 32 | e << 48;
	}
#endif
	uint64_t m = 0;
	for (int i = 0; i < 64 && p + i < end; i += 16)
		m |= bscan16(p + i, end, c) << i;
	return m;
}

static inline void bscan_init(struct bscan *s, const char *p, const char *end, char c)
{
	s->blk = p;
	s->end = end;
	s->c = c;
	s->mask = p < end ? bscan_block(p, end, c) : 0;
}

/* The next occurrence, or NULL when there is none left. */
static inline const char *bscan_next(struct bscan *s)
{
	while (s->mask == 0) {
		s->blk += 64;
		if (s->blk >= s->end)
			return NULL;
		s->mask = bscan_block(s->blk, s->end, s->c);
	}
	unsigned b = (unsigned)__builtin_ctzll(s->mask);
	s->mask &= s->mask - 1;
	return s->blk + b;
}

#endif
