/* fuzz_base64: the base64 decoder (formats/base64.h) of MS-ASHTTP queries.
 *   1. the input as base64 text, into an output of exactly the documented
 *      room (s.n * 3 / 4 + 3): same answer as a reference decoder written
 *      from the header's contract, quad by quad;
 *   2. the input as bytes: encoded (with and without padding) and decoded
 *      again it comes back unchanged;
 *   3. decoding in place (output over the input, as eas_query_parse does)
 *      gives the same bytes. */
#include "../../formats/base64.h"
#include "fuzz.h"

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int val(unsigned char c)
{
	const char *p = c ? strchr(alphabet, c) : NULL;
	return p ? (int)(p - alphabet) : -1;
}

/* The contract: trailing '=' (at most two) optional; any other byte outside
 * the alphabet is an error; a dangling single character is an error. */
static long ref_decode(const unsigned char *s, size_t n, unsigned char *out)
{
	size_t pad = 0;
	while (pad < n && s[n - 1 - pad] == '=')
		pad++;
	if (pad > 2)
		return -1;
	size_t body = n - pad;
	if (body % 4 == 1)
		return -1;
	long o = 0;
	for (size_t i = 0; i < body; i += 4) {
		size_t k = body - i < 4 ? body - i : 4;
		uint32_t acc = 0;
		for (size_t j = 0; j < 4; j++) {
			int v = j < k ? val(s[i + j]) : 0;
			if (v < 0)
				return -1;
			acc = acc << 6 | (uint32_t)v;
		}
		unsigned char b[3] = {(unsigned char)(acc >> 16), (unsigned char)(acc >> 8), (unsigned char)acc};
		for (size_t j = 0; j + 1 < k; j++)
			out[o++] = b[j];
	}
	return o;
}

static size_t encode(const uint8_t *d, size_t n, char *out, int padded)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i += 3) {
		uint32_t acc = (uint32_t)d[i] << 16;
		if (i + 1 < n)
			acc |= (uint32_t)d[i + 1] << 8;
		if (i + 2 < n)
			acc |= d[i + 2];
		size_t k = n - i < 3 ? n - i : 3;
		for (size_t j = 0; j < 4; j++) {
			if (j <= k)
				out[o++] = alphabet[(acc >> (18 - 6 * j)) & 63];
			else if (padded)
				out[o++] = '=';
		}
	}
	return o;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* 1: the input as text */
	size_t room = size * 3 / 4 + 3;
	unsigned char *out = malloc(room);
	unsigned char *want = malloc(room + 3);
	long got = base64_decode(slice_make((const char *)data, size), out);
	long ref = ref_decode(data, size, want);
	FUZZ_CHECK(got == ref, "decoded length %ld, the reference %ld", got, ref);
	if (got > 0)
		FUZZ_CHECK(memcmp(out, want, (size_t)got) == 0, "decoded bytes differ");
	FUZZ_CHECK(got <= (long)room, "wrote %ld bytes, room %zu", got, room);

	/* 3: in place */
	char *copy = malloc(size ? size : 1);
	memcpy(copy, data, size);
	long inplace = base64_decode(slice_make(copy, size), (unsigned char *)copy);
	FUZZ_CHECK(inplace == got, "in place: %ld, want %ld", inplace, got);
	if (got > 0)
		FUZZ_CHECK(memcmp(copy, want, (size_t)got) == 0, "in place: bytes differ");
	free(copy);
	free(out);
	free(want);

	/* 2: the input as bytes */
	if (size > 4096)
		return 0;
	char *enc = malloc(size / 3 * 4 + 8);
	unsigned char *back = malloc(size + 3);
	for (int padded = 0; padded < 2; padded++) {
		size_t en = encode(data, size, enc, padded);
		long bn = base64_decode(slice_make(enc, en), back);
		FUZZ_CHECK(bn == (long)size, "round trip: %ld bytes of %zu (padded %d)", bn, size, padded);
		FUZZ_CHECK(size == 0 || memcmp(back, data, size) == 0, "round trip: bytes differ");
	}
	free(enc);
	free(back);
	return 0;
}
