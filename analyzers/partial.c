/* partial: save and merge run states. */
#include "partial.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../formats/atomic.h"

static const char *const key_names[KEY_N] = {"devices", "users", "agents", "servers"};

static json_t *stats_json(const struct stats *s)
{
	json_t *sk = json_object(), *fl = json_object();
	for (int i = 0; i < SKIP_N; i++)
		json_object_set_new(sk, skip_reason_name((enum skip_reason)i), jnum((int64_t)s->skipped[i]));
	for (int i = 0; i < FILT_N; i++)
		json_object_set_new(fl, filter_reason_name((enum filter_reason)i), jnum((int64_t)s->filtered[i]));
	return json_pack("{sIsIsIsIsIsIsIsIsIsIsIsososIsIsI}", "files", (json_int_t)s->files, "files_failed",
			 (json_int_t)s->files_failed, "bytes", (json_int_t)s->bytes, "lines", (json_int_t)s->lines,
			 "directives", (json_int_t)s->directives, "blank", (json_int_t)s->blank, "non_eas",
			 (json_int_t)s->non_eas, "records", (json_int_t)s->records, "records_fe",
			 (json_int_t)s->tier_records[0], "records_be", (json_int_t)s->tier_records[1], "bad_base64",
			 (json_int_t)s->bad_base64, "skipped", sk, "filtered", fl, "first_ts", (json_int_t)s->first_ts,
			 "last_ts", (json_int_t)s->last_ts, "has_records", (json_int_t)(s->first_ts <= s->last_ts));
}

static int stats_from(const json_t *j, struct stats *s)
{
	json_int_t v[14];
	json_t *sk, *fl;
	if (json_unpack((json_t *)j, "{sIsIsIsIsIsIsIsIsIsIsIsosos?Is?Is?I}", "files", &v[0], "files_failed", &v[1],
			"bytes", &v[2], "lines", &v[3], "directives", &v[4], "blank", &v[5], "non_eas", &v[6],
			"records", &v[7], "records_fe", &v[8], "records_be", &v[9], "bad_base64", &v[10],
			"skipped", &sk, "filtered", &fl, "first_ts", &v[11], "last_ts", &v[12], "has_records",
			&v[13]) < 0)
		return -1;
	memset(s, 0, sizeof *s);
	s->files = (uint64_t)v[0];
	s->files_failed = (uint64_t)v[1];
	s->bytes = (uint64_t)v[2];
	s->lines = (uint64_t)v[3];
	s->directives = (uint64_t)v[4];
	s->blank = (uint64_t)v[5];
	s->non_eas = (uint64_t)v[6];
	s->records = (uint64_t)v[7];
	s->tier_records[0] = (uint64_t)v[8];
	s->tier_records[1] = (uint64_t)v[9];
	s->bad_base64 = (uint64_t)v[10];
	if (v[13]) {
		s->first_ts = v[11];
		s->last_ts = v[12];
	} else {
		s->first_ts = 1;
		s->last_ts = 0;
	}
	for (int i = 0; i < SKIP_N; i++) {
		json_t *x = json_object_get(sk, skip_reason_name((enum skip_reason)i));
		if (x && jget_u64(x, &s->skipped[i]) < 0)
			return -1;
	}
	for (int i = 0; i < FILT_N; i++) {
		json_t *x = json_object_get(fl, filter_reason_name((enum filter_reason)i));
		if (x && jget_u64(x, &s->filtered[i]) < 0)
			return -1;
	}
	return 0;
}

json_t *partial_document(const struct driver_opts *o, const struct driver_result *res, const json_t *options)
{
	json_t *doc = json_pack("{sssisOsb}", "format", PARTIAL_FORMAT, "version", PARTIAL_VERSION, "options",
				options, "failed", res->failed);
	json_t *files = json_array(), *keys = json_object(), *an = json_object();
	if (!doc || !files || !keys || !an)
		goto fail;
	for (size_t i = 0; i < res->nfiles; i++)
		if (jpush(files, jbytes(slice_make(res->files[i], strlen(res->files[i])))) < 0)
			goto fail;
	for (int k = 0; k < KEY_N; k++) {
		json_t *a = json_array();
		for (uint32_t id = 0; a && id < res->k[k].count; id++)
			if (jpush(a, jbytes(intern_str(&res->k[k], id))) < 0) {
				json_decref(a);
				a = NULL;
			}
		if (!a || json_object_set_new(keys, key_names[k], a) < 0)
			goto fail;
	}
	for (int i = 0; i < o->nops; i++) {
		json_t *a = o->ops[i]->save(res->an[i]);
		if (!a || json_object_set_new(an, o->ops[i]->name, a) < 0)
			goto fail;
	}
	json_t *st = stats_json(&res->st);
	if (!st || json_object_set_new(doc, "stats", st) < 0 || json_object_set_new(doc, "files", files) < 0 ||
	    json_object_set_new(doc, "keys", keys) < 0 || json_object_set_new(doc, "analyzers", an) < 0) {
		json_decref(doc);
		return NULL;
	}
	return doc;
fail:
	json_decref(doc);
	json_decref(files);
	json_decref(keys);
	json_decref(an);
	return NULL;
}

int partial_dump_fd(const json_t *doc, int fd)
{
	/* compact: partials travel between machines; one buffer, not one
	 * write(2) per JSON token as json_dumpfd does */
	char *text = json_dumps(doc, JSON_COMPACT);
	if (!text) {
		errno = ENOMEM;
		return -1;
	}
	size_t n = strlen(text), off = 0;
	text[n++] = '\n'; /* over the NUL: the length is known */
	while (off < n) {
		ssize_t w = write(fd, text + off, n - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			free(text);
			return -1;
		}
		off += (size_t)w;
	}
	free(text);
	return 0;
}

int partial_write(const char *prog, const struct driver_opts *o, const struct driver_result *res,
		  const json_t *options, const char *path)
{
	json_t *doc = partial_document(o, res, options);
	if (!doc) {
		fprintf(stderr, "%s: out of memory\n", prog);
		return -1;
	}
	int rc = 0;
	if (strcmp(path, "-") == 0) {
		if (partial_dump_fd(doc, STDOUT_FILENO) < 0 && errno != EPIPE) {
			fprintf(stderr, "%s: cannot write the partial result: %s\n", prog, strerror(errno));
			rc = -1;
		}
	} else {
		struct atomic_file af;
		if (atomic_begin(&af, path) < 0) {
			fprintf(stderr, "%s: %s: cannot create: %s\n", prog, path, strerror(errno));
			rc = -1;
		} else if (partial_dump_fd(doc, af.fd) < 0) {
			int e = errno;
			atomic_abort(&af);
			fprintf(stderr, "%s: %s: cannot write: %s\n", prog, path, strerror(e));
			rc = -1;
		} else if (atomic_commit(&af, true) < 0) {
			fprintf(stderr, "%s: %s: cannot write: %s\n", prog, path, strerror(errno));
			rc = -1;
		}
	}
	json_decref(doc);
	return rc;
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The index of path in the sorted union (it is there). */
static uint32_t find_path(char **all, size_t n, const char *path)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(all[mid], path);
		if (c == 0)
			return (uint32_t)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* A document's paths as C strings, kept in arena. */
static int doc_files(json_t *doc, struct intern *arena, char ***out, size_t *n)
{
	json_t *files = json_object_get(doc, "files");
	if (!json_is_array(files))
		return -1;
	*n = json_array_size(files);
	*out = calloc(*n + 1, sizeof **out);
	if (!*out)
		return -1;
	for (size_t i = 0; i < *n; i++) {
		struct slice s;
		if (jget_bytes(json_array_get(files, i), arena, &s) < 0)
			return -1;
		char *c = malloc(s.n + 1);
		if (!c)
			return -1;
		memcpy(c, s.p, s.n);
		c[s.n] = '\0';
		(*out)[i] = c;
	}
	return 0;
}

/* Checks a document against the merge's options; NULL when fine, else why not. */
const char *partial_check(const struct driver_opts *o, json_t *doc, const json_t *options, char *why, size_t cap)
{
	const char *fmt = json_string_value(json_object_get(doc, "format"));
	json_t *ver = json_object_get(doc, "version");
	if (!fmt || strcmp(fmt, PARTIAL_FORMAT) != 0)
		return "not an easlog partial result";
	if (!json_is_integer(ver) || json_integer_value(ver) != PARTIAL_VERSION) {
		char *v = json_dumps(ver, JSON_ENCODE_ANY);
		snprintf(why, cap, "partial format version %s, this easlog reads version %d", v ? v : "(none)",
			 PARTIAL_VERSION);
		free(v);
		return why;
	}
	if (!json_equal(json_object_get(doc, "options"), (json_t *)options)) {
		char *a = json_dumps(json_object_get(doc, "options"), JSON_COMPACT | JSON_SORT_KEYS);
		char *b = json_dumps(options, JSON_COMPACT | JSON_SORT_KEYS);
		snprintf(why, cap, "made with other options (%s) than this merge (%s)", a ? a : "?", b ? b : "?");
		free(a);
		free(b);
		return why;
	}
	json_t *an = json_object_get(doc, "analyzers");
	for (int i = 0; i < o->nops; i++)
		if (!json_object_get(an, o->ops[i]->name)) {
			snprintf(why, cap, "holds no %s state (made by a tool without that report)", o->ops[i]->name);
			return why;
		}
	return NULL;
}

/* One document into a fresh result with its own key ids. */
static int load_doc(const struct driver_opts *o, json_t *doc, const struct load_ctx *lc, struct driver_result *r)
{
	if (driver_result_init(o, r) < 0)
		return -1;
	json_t *keys = json_object_get(doc, "keys"), *an = json_object_get(doc, "analyzers");
	int failed = 0;
	if (stats_from(json_object_get(doc, "stats"), &r->st) < 0 ||
	    json_unpack(doc, "{s:b}", "failed", &failed) < 0)
		return 1;
	r->failed = failed;
	for (int k = 0; k < KEY_N; k++) {
		int rc = jget_table(json_object_get(keys, key_names[k]), &r->k[k]);
		if (rc != 0)
			return rc;
	}
	/* the loaders refuse ids that do not index these tables */
	struct load_ctx klc = *lc;
	for (int k = 0; k < KEY_N; k++)
		klc.nkeys[k] = r->k[k].count;
	for (int i = 0; i < o->nops; i++)
		if (o->ops[i]->load(r->an[i], json_object_get(an, o->ops[i]->name), &klc) < 0)
			return 1;
	return 0;
}

int partial_merge_docs(const char *prog, const struct driver_opts *o, json_t **docs, const char *const *names,
		       size_t n, struct driver_result *res, partial_reload reload, void *ctx)
{
	int status = 0;
	char ***files = calloc(n + 1, sizeof *files);
	size_t *nfiles = calloc(n + 1, sizeof *nfiles);
	bool *ok = calloc(n + 1, sizeof *ok);
	struct intern arena;
	char **all = NULL;
	size_t nall = 0;
	bool arena_ok = intern_init(&arena) == 0;
	if (!files || !nfiles || !ok || !arena_ok || driver_result_init(o, res) < 0)
		goto oom;
	/* the merged input order needs every document's files first */
	for (size_t i = 0; i < n; i++) {
		if (!docs[i])
			continue;
		if (doc_files(docs[i], &arena, &files[i], &nfiles[i]) < 0) {
			fprintf(stderr, "%s: %s: malformed file list; left out of the merge\n", prog, names[i]);
			status = 1;
			continue;
		}
		ok[i] = true;
		nall += nfiles[i];
	}
	all = calloc(nall + 1, sizeof *all);
	if (!all)
		goto oom;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; ok[i] && j < nfiles[i]; j++)
			all[k++] = files[i][j];
	qsort(all, nall, sizeof *all, cmp_path);
	size_t uniq = 0;
	for (size_t i = 0; i < nall; i++)
		if (uniq == 0 || strcmp(all[uniq - 1], all[i]) != 0)
			all[uniq++] = all[i];
	for (size_t i = 0; i < n; i++) {
		if (!ok[i])
			continue;
		uint32_t *map = calloc(nfiles[i] + 1, sizeof *map);
		if (!map)
			goto oom;
		for (size_t j = 0; j < nfiles[i]; j++)
			map[j] = find_path(all, uniq, files[i][j]);
		json_t *doc = reload ? reload(ctx, i) : json_incref(docs[i]);
		if (!doc) {
			free(map);
			status = 1;
			continue;
		}
		struct load_ctx lc = {map, nfiles[i], {0}};
		struct driver_result one;
		int rc = load_doc(o, doc, &lc, &one);
		free(map);
		json_decref(doc);
		if (rc == 0 && driver_result_merge(o, res, &one) < 0)
			rc = -1;
		driver_result_free(o, &one);
		if (rc < 0)
			goto oom;
		if (rc > 0) {
			fprintf(stderr, "%s: %s: malformed partial result; left out of the merge\n", prog, names[i]);
			status = 1;
		}
	}
	res->files = calloc(uniq + 1, sizeof *res->files);
	for (size_t i = 0; res->files && i < uniq; i++)
		if ((res->files[i] = strdup(all[i])))
			res->nfiles = i + 1;
	driver_result_finish(o, res);
	goto out;
oom:
	fprintf(stderr, "%s: out of memory\n", prog);
	status = -1;
out:
	for (size_t i = 0; files && i < n; i++) {
		for (size_t j = 0; files[i] && j < nfiles[i]; j++)
			free(files[i][j]);
		free(files[i]);
	}
	free(all);
	free(files);
	free(nfiles);
	free(ok);
	if (arena_ok)
		intern_free(&arena);
	return status;
}

/* A partial result from path ("-": standard input), checked against the
 * merge; NULL after saying why it is left out. */
static json_t *load_checked(const char *prog, const struct driver_opts *o, const char *path, const json_t *options)
{
	json_error_t je;
	json_t *doc = strcmp(path, "-") == 0 ? json_loadf(stdin, JSON_ALLOW_NUL, &je)
					     : json_load_file(path, JSON_ALLOW_NUL, &je);
	char why[600];
	const char *bad = NULL;
	if (!doc) {
		snprintf(why, sizeof why, "not readable as JSON (%s, line %d)", je.text, je.line);
		bad = why;
	} else {
		bad = partial_check(o, doc, options, why, sizeof why);
	}
	if (bad) {
		fprintf(stderr, "%s: %s: %s; left out of the merge\n", prog, path, bad);
		json_decref(doc);
		return NULL;
	}
	return doc;
}

/* The documents of a merge are read twice, their file lists first, then
 * each in turn (standard input, which cannot be read again, is kept). */
struct reread {
	const char *prog;
	const struct driver_opts *o;
	const struct walk_list *inputs;
	const json_t *options;
	json_t **kept;
};

static json_t *reread(void *ctx, size_t i)
{
	struct reread *r = ctx;
	if (r->kept[i])
		return json_incref(r->kept[i]);
	return load_checked(r->prog, r->o, r->inputs->paths[i], r->options);
}

int partial_merge(const char *prog, const struct driver_opts *o, const struct walk_list *inputs,
		  const json_t *options, struct driver_result *res)
{
	int status = 0;
	json_t **lists = calloc(inputs->n + 1, sizeof *lists);
	json_t **kept = calloc(inputs->n + 1, sizeof *kept);
	if (!lists || !kept) {
		free(lists);
		free(kept);
		fprintf(stderr, "%s: out of memory\n", prog);
		return -1;
	}
	for (size_t i = 0; i < inputs->n; i++) {
		json_t *doc = load_checked(prog, o, inputs->paths[i], options);
		if (!doc) {
			status = 1;
			continue;
		}
		json_t *files = json_object_get(doc, "files");
		lists[i] = json_object();
		if (!lists[i] || (files && json_object_set(lists[i], "files", files) < 0)) {
			json_decref(doc);
			status = -1;
			break;
		}
		if (strcmp(inputs->paths[i], "-") == 0)
			kept[i] = doc;
		else
			json_decref(doc);
	}
	struct reread rr = {prog, o, inputs, options, kept};
	int rc = status < 0 ? -1
			    : partial_merge_docs(prog, o, lists, (const char *const *)inputs->paths, inputs->n, res,
						 reread, &rr);
	if (status < 0)
		fprintf(stderr, "%s: out of memory\n", prog);
	for (size_t i = 0; i < inputs->n; i++) {
		json_decref(lists[i]);
		json_decref(kept[i]);
	}
	free(lists);
	free(kept);
	return rc < 0 ? -1 : rc > status ? rc : status;
}
