/* The compat matcher against a real backtracking regex engine: the captures
 * Perl's engine made for tests/compat-oracle.queries (see compat-oracle.pl)
 * must come out of compat_match() identically. Arguments: QUERIES EXPECTED
 * (defaults: the files under tests/). */
#include <stdlib.h>

#include "../../formats/compat.h"
#include "test.h"

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 20, len = 0;
	char *b = malloc(cap);
	size_t r;
	while (b && (r = fread(b + len, 1, cap - len, f)) > 0) {
		len += r;
		if (len == cap) {
			cap *= 2;
			b = realloc(b, cap);
		}
	}
	fclose(f);
	*n = len;
	return b;
}

/* Writes the oracle's format for one query into out. */
static size_t describe(struct compat *c, size_t qn, const char *q, size_t len, char *out, size_t cap)
{
	size_t o = 0;
	int m = compat_match(c, slice_make(q, len));
	o += (size_t)snprintf(out + o, cap - o, "Q %zu %s\n", qn, m == 1 ? "MATCH" : "NOMATCH");
	if (m == 1)
		for (int g = 0; g < CG_NGROUPS; g++)
			for (size_t i = 0; i < c->ncaps; i++)
				if (c->caps[i].group == g && o + 64 < cap)
					o += (size_t)snprintf(out + o, cap - o, "C %s %u %u\n", compat_group_name(g),
							      c->caps[i].start, c->caps[i].end);
	o += (size_t)snprintf(out + o, cap - o, "E\n");
	return o;
}

int main(int argc, char **argv)
{
	const char *qp = argc > 1 ? argv[1] : "tests/compat-oracle.queries";
	const char *ep = argc > 2 ? argv[2] : "tests/compat-oracle.expected";
	size_t qlen, elen;
	char *qs = slurp(qp, &qlen), *ex = slurp(ep, &elen);
	CHECK(qs && ex, "read %s and %s", qp, ep);
	if (!qs || !ex)
		return 1;
	struct compat c;
	compat_init(&c);
	size_t qn = 0, epos = 0, mismatches = 0;
	char *buf = malloc(1 << 20);
	for (size_t i = 0; i < qlen;) {
		char *nl = memchr(qs + i, '\n', qlen - i);
		size_t len = nl ? (size_t)(nl - (qs + i)) : qlen - i;
		qn++;
		size_t n = describe(&c, qn, qs + i, len, buf, 1 << 20);
		/* the expected block for this query ends at the next "E\n" */
		char *end = strstr(ex + epos, "\nE\n");
		size_t elen_q = end ? (size_t)(end - (ex + epos)) + 3 : 0;
		if (elen_q != n || memcmp(ex + epos, buf, n) != 0) {
			if (mismatches++ < 5)
				printf("# query %zu differs:\n# %.*s\n# want:\n%.*s# got:\n%.*s", qn, (int)len, qs + i,
				       (int)elen_q, ex + epos, (int)n, buf);
		}
		epos += elen_q;
		i += len + 1;
	}
	CHECK(mismatches == 0, "compat matcher agrees with the regex engine on %zu queries (%zu differ)", qn,
	      mismatches);
	CHECK(epos == elen, "expected file fully consumed");
	compat_free(&c);
	free(buf);
	free(qs);
	free(ex);
	return test_done();
}
