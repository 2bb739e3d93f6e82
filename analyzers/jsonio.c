/* jsonio: partial-result values. */
#include "jsonio.h"

#include <stdlib.h>

#include "../formats/base64.h"
#include "../formats/utf8.h"

json_t *jnum(int64_t v)
{
	return json_integer((json_int_t)v);
}

static const char b64chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

json_t *jbytes(struct slice s)
{
	if (utf8_valid(s))
		return json_stringn(s.n ? s.p : "", s.n);
	size_t n = (s.n + 2) / 3 * 4;
	char *b = malloc(n + 1);
	if (!b)
		return NULL;
	const unsigned char *p = (const unsigned char *)s.p;
	size_t o = 0;
	for (size_t i = 0; i < s.n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < s.n ? (uint32_t)p[i + 1] << 8 : 0) |
			     (i + 2 < s.n ? p[i + 2] : 0);
		b[o++] = b64chars[v >> 18 & 63];
		b[o++] = b64chars[v >> 12 & 63];
		b[o++] = i + 1 < s.n ? b64chars[v >> 6 & 63] : '=';
		b[o++] = i + 2 < s.n ? b64chars[v & 63] : '=';
	}
	json_t *j = json_pack("{s:s#}", "b64", b, (int)o);
	free(b);
	return j;
}

json_t *jnums(const uint64_t *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		if (jpush(a, jnum((int64_t)v[i])) < 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}

int jpush(json_t *a, json_t *x)
{
	if (!a || !x) {
		json_decref(x);
		return -1;
	}
	return json_array_append_new(a, x) == 0 ? 0 : -1;
}

int jget_i64(const json_t *j, int64_t *v)
{
	if (!json_is_integer(j))
		return -1;
	*v = (int64_t)json_integer_value(j);
	return 0;
}

int jget_u64(const json_t *j, uint64_t *v)
{
	int64_t x;
	/* jnums() writes a uint64_t as int64: 2^63 and more (a sum of huge
	 * byte counts, a time before 1970 kept as uint64_t) come back negative */
	if (jget_i64(j, &x) < 0)
		return -1;
	*v = (uint64_t)x;
	return 0;
}

int jget_id(const json_t *j, const struct load_ctx *lc, enum key_kind kind, uint32_t *out)
{
	int64_t v;
	if (jget_i64(j, &v) < 0 || !key_ok(lc, kind, v))
		return -1;
	*out = (uint32_t)v;
	return 0;
}

int jget_nums(const json_t *j, uint64_t *v, size_t n)
{
	if (!json_is_array(j) || json_array_size(j) != n)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (jget_u64(json_array_get(j, i), &v[i]) < 0)
			return -1;
	return 0;
}

int jget_table(const json_t *a, struct intern *in)
{
	if (!json_is_array(a))
		return 1;
	for (size_t i = 0; i < json_array_size(a); i++) {
		struct slice s;
		bool added;
		if (jget_bytes(json_array_get(a, i), in, &s) < 0)
			return 1;
		int64_t id = intern_get(in, s, &added);
		if (id < 0)
			return -1;
		if (!added || (size_t)id != i)
			return 1;
	}
	return 0;
}

int jget_bytes(const json_t *j, struct intern *arena, struct slice *out)
{
	if (json_is_string(j)) {
		struct slice s = slice_make(json_string_value(j), json_string_length(j));
		const char *p = intern_keep(arena, s);
		if (!p)
			return -1;
		*out = slice_make(p, s.n);
		return 0;
	}
	const json_t *b = json_is_object(j) ? json_object_get(j, "b64") : NULL;
	if (!json_is_string(b))
		return -1;
	struct slice enc = slice_make(json_string_value(b), json_string_length(b));
	unsigned char *tmp = malloc(enc.n + 4);
	if (!tmp)
		return -1;
	long n = base64_decode(enc, tmp);
	const char *p = n >= 0 ? intern_keep(arena, slice_make((const char *)tmp, (size_t)n)) : NULL;
	free(tmp);
	if (!p)
		return -1;
	*out = slice_make(p, (size_t)n);
	return 0;
}
