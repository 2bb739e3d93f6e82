/* pct_decode/pct_needed (URL escapes as IIS and Exchange write them) and
 * base64_decode (RFC 4648 standard alphabet, for MS-ASHTTP base64 queries). */
#include <stdlib.h>

#include "../../formats/base64.h"
#include "../../formats/pct.h"
#include "test.h"

static char out[256];

/* Decodes s into out (NUL-terminated for printing); returns the length. */
static size_t pct(const char *s, bool plus)
{
	memset(out, '#', sizeof out);
	size_t n = pct_decode(slice_make(s, strlen(s)), out, plus);
	out[n] = '\0';
	return n;
}

static void test_pct(void)
{
	CHECK(pct("a%20b", false) == 3 && strcmp(out, "a b") == 0, "%%20 is a space ('%s')", out);
	CHECK(pct("%41%4a%4A%5c%5C", false) == 5 && strcmp(out, "AJJ\\\\") == 0, "hex digits in either case ('%s')",
	      out);
	CHECK(pct("contoso%5Cjdoe", false) == 12 && strcmp(out, "contoso\\jdoe") == 0, "DOMAIN%%5Cuser ('%s')", out);
	CHECK(pct("%41", false) == 1 && strcmp(out, "A") == 0, "an escape that ends the string ('%s')", out);
	CHECK(pct("100%", false) == 4 && strcmp(out, "100%") == 0, "a trailing %% is kept ('%s')", out);
	CHECK(pct("x%4", false) == 3 && strcmp(out, "x%4") == 0, "%%4 at the end is kept ('%s')", out);
	CHECK(pct("%4", false) == 2 && strcmp(out, "%4") == 0, "%%4 alone is kept ('%s')", out);
	CHECK(pct("%", false) == 1 && strcmp(out, "%") == 0, "%% alone is kept ('%s')", out);
	CHECK(pct("$%Y%zz%g1%1g", false) == 12 && strcmp(out, "$%Y%zz%g1%1g") == 0,
	      "%% not followed by two hex digits is kept ('%s')", out);
	CHECK(pct("%%41", false) == 2 && strcmp(out, "%A") == 0, "%%%%41 is %% then A ('%s')", out);
	CHECK(pct("User%domain.com", false) == 15 && strcmp(out, "User%domain.com") == 0,
	      "the bare %% of NOTES 3.11 ('%s')", out);
	CHECK(pct("iOS+9.2+13C71", false) == 13 && strcmp(out, "iOS+9.2+13C71") == 0, "'+' kept without plus_space");
	CHECK(pct("iOS+9.2+13C71", true) == 13 && strcmp(out, "iOS 9.2 13C71") == 0, "'+' is a space with plus_space");
	CHECK(pct("a%2Bb+c", true) == 5 && strcmp(out, "a+b c") == 0, "an escaped plus stays a plus ('%s')", out);
	CHECK(pct("%25", true) == 1 && strcmp(out, "%") == 0, "%%25 is %% ('%s')", out);
	CHECK(pct("", true) == 0 && out[0] == '\0', "the empty string");
	CHECK(pct("a%00b", false) == 3 && out[0] == 'a' && out[1] == '\0' && out[2] == 'b', "%%00 is a NUL byte");
	CHECK(pct("%C3%84%c3%b6", false) == 4 && memcmp(out, "\xC3\x84\xC3\xB6", 4) == 0, "UTF-8 bytes");
	/* decoding never grows: a buffer of exactly s.n bytes is enough */
	const char *src = "%zz%4";
	char *exact = malloc(strlen(src));
	size_t n = pct_decode(slice_make(src, strlen(src)), exact, true);
	CHECK(n == 5 && memcmp(exact, "%zz%4", 5) == 0, "decodes into exactly s.n bytes");
	free(exact);

	CHECK(pct_needed(SLICE_LIT("a%20b"), false) && !pct_needed(SLICE_LIT("plain"), true) &&
		      pct_needed(SLICE_LIT("a+b"), true) && !pct_needed(SLICE_LIT("a+b"), false) &&
		      !pct_needed(SLICE_LIT(""), true),
	      "pct_needed on short strings");
	CHECK(pct_needed(SLICE_LIT("0123456789abcdefg%"), false) && pct_needed(SLICE_LIT("0123456789abcdef+x"), true) &&
		      !pct_needed(SLICE_LIT("0123456789abcdef0123456789"), true) &&
		      pct_needed(SLICE_LIT("01234567%9abcdef"), false),
	      "pct_needed finds %% and + anywhere in longer strings");
}

static unsigned char bin[256];

static long b64(const char *s)
{
	memset(bin, 0xAA, sizeof bin);
	return base64_decode(slice_make(s, strlen(s)), bin);
}

static void test_base64(void)
{
	CHECK(b64("TWFu") == 3 && memcmp(bin, "Man", 3) == 0, "TWFu is Man");
	CHECK(b64("TWE=") == 2 && memcmp(bin, "Ma", 2) == 0, "one padding '='");
	CHECK(b64("TQ==") == 1 && bin[0] == 'M', "two padding '='");
	CHECK(b64("TWE") == 2 && memcmp(bin, "Ma", 2) == 0, "padding is optional (3 chars)");
	CHECK(b64("TQ") == 1 && bin[0] == 'M', "padding is optional (2 chars)");
	CHECK(b64("") == 0, "the empty string decodes to nothing");
	CHECK(b64("T") == -1 && b64("TWFuT") == -1 && b64("TWFuT=") == -1, "a dangling single character is an error");
	CHECK(b64("TQ===") == -1 && b64("====") == -1, "more than two '=' is an error");
	CHECK(b64("TW=u") == -1 && b64("=TWF") == -1, "padding in the middle is an error");
	CHECK(b64("TW!u") == -1 && b64("TW u") == -1 && b64("TWFu\n") == -1 && b64("TW.u") == -1,
	      "bytes outside the alphabet are errors");
	CHECK(b64("TW-u") == -1 && b64("TW_u") == -1, "the URL-safe alphabet is not accepted");
	CHECK(b64("+/+/") == 3 && bin[0] == 0xFB && bin[1] == 0xFF && bin[2] == 0xBF, "'+' is 62 and '/' is 63");
	CHECK(b64("AAEC") == 3 && bin[0] == 0 && bin[1] == 1 && bin[2] == 2 && bin[3] == 0xAA,
	      "writes exactly the decoded bytes");

	/* in place, as eas_query does: the spec 3.6 MS-ASHTTP sample */
	static const unsigned char want[] = {0x8C, 0x00, 0x09, 0x04, 0x0A, 'v', '1', '4', '0', 'D', 'e', 'v', 'i', 'c',
					     'e',  0x00, 0x0A, 'S',  'm',  'a', 'r', 't', 'P', 'h', 'o', 'n', 'e'};
	char buf[] = "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l";
	long n = base64_decode(slice_make(buf, strlen(buf)), (unsigned char *)buf);
	CHECK(n == (long)sizeof want && memcmp(buf, want, sizeof want) == 0, "in-place decoding of the MS-ASHTTP sample (%ld bytes)",
	      n);

	/* the output bound of the header: s.n * 3 / 4 + 3 bytes (ASan checks the heap copy) */
	const char *s = "jQAJBBBOaW5lNDM4M0FGMzQ2ODYwBAAAAAAHQW5kcm9pZAcBAA==";
	size_t cap = strlen(s) * 3 / 4 + 3;
	unsigned char *o = malloc(cap);
	n = base64_decode(slice_make(s, strlen(s)), o);
	CHECK(n == 37 && o[0] == 0x8D && o[4] == 0x10 && memcmp(o + 5, "Nine4383AF346860", 16) == 0 && o[36] == 0x00,
	      "the Nine sample decodes within s.n*3/4+3 bytes (%ld bytes)", n);
	free(o);
}

int main(void)
{
	test_pct();
	test_base64();
	return test_done();
}
