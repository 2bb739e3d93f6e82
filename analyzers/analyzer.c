/* analyzer: helpers shared by the report modules. */
#include "analyzer.h"

#include <stdlib.h>

int grow_zero(void **arr, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return 0;
	size_t nc = *cap ? *cap : 64;
	while (nc < need)
		nc *= 2;
	char *p = realloc(*arr, nc * elem);
	if (!p)
		return -1;
	memset(p + *cap * elem, 0, (nc - *cap) * elem);
	*arr = p;
	*cap = nc;
	return 0;
}

static const struct intern *sort_in;

static int cmp_ids(const void *a, const void *b)
{
	return slice_cmp(intern_str(sort_in, *(const uint32_t *)a), intern_str(sort_in, *(const uint32_t *)b));
}

void sort_ids_by_string(uint32_t *ids, size_t n, const struct intern *in)
{
	/* emit runs on one thread after the workers have finished */
	sort_in = in;
	qsort(ids, n, sizeof *ids, cmp_ids);
}
