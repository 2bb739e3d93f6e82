/* state: per-file partials on disk. Every entry is replaced atomically, and
 * each one describes a prefix of its file by itself, so a run killed at any
 * point leaves a state the next run can use. */
#include "state.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../formats/atomic.h"
#include "partial.h"

#define STATE_FORMAT "easlog-state"
#define STATE_VERSION 1
#define TAIL_CHECK 4096  /* bytes before the resume offset that must not have changed */
#define LIVE_SECONDS 600 /* a file written to this recently may still complete its last line */

struct entry {
	json_t *doc;     /* the whole state document, or NULL */
	json_t *partial; /* borrowed from doc */
	uint64_t dev, ino, size, mtime_ns, offset, lines, tail;
	const char *fields, *date;
	bool resumable;
};

static void entry_name(const char *dir, const char *path, char *out, size_t cap)
{
	uint64_t h = hash_bytes(path, strlen(path));
	snprintf(out, cap, "%s/%016llx.json", dir, (unsigned long long)h);
}

/* A hash of the bytes before off, so a rewritten file is not resumed. */
static uint64_t tail_hash(const char *path, uint64_t off)
{
	if (off == 0)
		return 0;
	uint64_t start = off > TAIL_CHECK ? off - TAIL_CHECK : 0;
	char buf[TAIL_CHECK];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 1;
	ssize_t n = pread(fd, buf, (size_t)(off - start), (off_t)start);
	close(fd);
	if (n != (ssize_t)(off - start))
		return 1;
	return (hash_bytes(buf, (size_t)n) & 0x3FFFFFFFFFFFFFFFull) | 2; /* never 0 or 1; fits JSON */
}

static uint64_t getu(json_t *d, const char *k)
{
	json_t *v = json_object_get(d, k);
	return json_is_integer(v) && json_integer_value(v) >= 0 ? (uint64_t)json_integer_value(v) : 0;
}

static bool load_entry(const char *file, const char *path, const struct driver_opts *o, const json_t *options,
		       struct entry *e)
{
	memset(e, 0, sizeof *e);
	json_t *d = json_load_file(file, JSON_ALLOW_NUL, NULL);
	if (!d)
		return false;
	const char *fmt = json_string_value(json_object_get(d, "format"));
	const char *p = json_string_value(json_object_get(d, "path"));
	json_t *partial = json_object_get(d, "partial");
	char why[600];
	if (!fmt || strcmp(fmt, STATE_FORMAT) != 0 || getu(d, "version") != STATE_VERSION || !p ||
	    strcmp(p, path) != 0 || !partial || partial_check(o, partial, options, why, sizeof why)) {
		json_decref(d);
		return false;
	}
	e->doc = d;
	e->partial = partial;
	e->dev = getu(d, "dev");
	e->ino = getu(d, "ino");
	e->size = getu(d, "size");
	e->mtime_ns = getu(d, "mtime_ns");
	e->offset = getu(d, "offset");
	e->lines = getu(d, "lines");
	e->tail = getu(d, "tail");
	e->fields = json_string_value(json_object_get(d, "fields"));
	e->date = json_string_value(json_object_get(d, "date"));
	e->resumable = json_is_true(json_object_get(d, "resumable"));
	return true;
}

static uint64_t mtime_ns(const struct stat *st)
{
	return (uint64_t)st->st_mtim.tv_sec * 1000000000u + (uint64_t)st->st_mtim.tv_nsec;
}

/* Runs the driver over one file, from the start or resuming. */
static int run_one(const struct driver_opts *o, const char *path, struct resume *rs, struct driver_result *r)
{
	struct driver_opts o1 = *o;
	o1.resume = rs;
	o1.jobs = 1;
	char *paths[1] = {(char *)path};
	struct walk_list one = {paths, 1, 1, 0};
	return driver_run(&o1, &one, r);
}

static int write_entry(const char *prog, const char *file, const char *path, const struct stat *st,
		       const struct resume *rs, json_t *partial)
{
	json_t *d = json_pack("{sssisssIsIsIsIsIsIsIsbss?ss?so}", "format", STATE_FORMAT, "version", STATE_VERSION,
			      "path", path, "dev", (json_int_t)st->st_dev, "ino", (json_int_t)st->st_ino, "size",
			      (json_int_t)st->st_size, "mtime_ns", (json_int_t)mtime_ns(st), "offset",
			      (json_int_t)rs->end_offset, "lines", (json_int_t)rs->end_lines, "tail",
			      (json_int_t)tail_hash(path, rs->end_offset), "resumable", rs->resumable, "fields",
			      rs->fields, "date", rs->date, "partial", json_incref(partial));
	if (!d) {
		fprintf(stderr, "%s: out of memory\n", prog);
		return -1;
	}
	struct atomic_file af;
	int rc = 0;
	if (atomic_begin(&af, file) < 0) {
		rc = -1;
	} else if (partial_dump_fd(d, af.fd) < 0) {
		atomic_abort(&af);
		rc = -1;
	} else if (atomic_commit(&af, true) < 0) {
		rc = -1;
	}
	if (rc < 0)
		fprintf(stderr, "%s: %s: cannot write the state: %s\n", prog, file, strerror(errno));
	json_decref(d);
	return rc;
}

/* The partial of one input: reused, extended by its new tail, or made anew. */
static json_t *one_file(const char *prog, const struct driver_opts *o, const json_t *options, const char *dir,
			const char *path, bool *failed)
{
	char file[PATH_MAX + 64];
	struct stat st;
	struct driver_result r;
	struct resume rs = {0};
	struct entry e = {0};
	json_t *doc = NULL;
	if (strcmp(path, "-") == 0 || stat(path, &st) < 0 || !S_ISREG(st.st_mode)) {
		/* stdin and the unreadable: no state, read (and report) as usual */
		if (run_one(o, path, &rs, &r) < 0)
			return NULL;
		*failed |= r.failed;
		doc = partial_document(o, &r, options);
		driver_result_free(o, &r);
		return doc;
	}
	entry_name(dir, path, file, sizeof file);
	bool have = load_entry(file, path, o, options, &e);
	bool same_file = have && e.dev == (uint64_t)st.st_dev && e.ino == (uint64_t)st.st_ino;
	if (same_file && e.size == (uint64_t)st.st_size && e.mtime_ns == mtime_ns(&st)) {
		doc = json_incref(e.partial); /* unchanged */
		json_decref(e.doc);
		return doc;
	}
	bool resume = same_file && e.resumable && e.offset > 0 && (uint64_t)st.st_size >= e.offset &&
		      tail_hash(path, e.offset) == e.tail;
	rs.hold_partial = time(NULL) - st.st_mtim.tv_sec < LIVE_SECONDS;
	if (resume) {
		rs.offset = e.offset;
		rs.lines = e.lines;
		rs.fields = e.fields ? strdup(e.fields) : NULL;
		rs.date = e.date ? strdup(e.date) : NULL;
	}
	if (run_one(o, path, &rs, &r) < 0)
		goto out;
	if (rs.cannot_seek) {
		/* the file is not what it was: read it whole */
		driver_result_free(o, &r);
		free(rs.fields);
		free(rs.date);
		rs = (struct resume){.hold_partial = rs.hold_partial};
		resume = false;
		if (run_one(o, path, &rs, &r) < 0)
			goto out;
	}
	*failed |= r.failed;
	if (resume) {
		/* the stored prefix plus the new tail, one file read once */
		struct driver_result head;
		json_t *docs[1] = {e.partial};
		const char *names[1] = {file};
		r.st.files = r.st.files ? r.st.files - 1 : 0;
		int rc = partial_merge_docs(prog, o, docs, names, 1, &head, NULL, NULL);
		if (rc == 0 && driver_result_merge(o, &head, &r) == 0)
			doc = partial_document(o, &head, options);
		if (rc >= 0)
			driver_result_free(o, &head);
	} else {
		doc = partial_document(o, &r, options);
	}
	bool rfailed = r.failed;
	driver_result_free(o, &r);
	/* a file that could not be read in full is read again next time */
	if (doc && !rfailed && write_entry(prog, file, path, &st, &rs, doc) < 0)
		*failed = true;
out:
	free(rs.fields);
	free(rs.date);
	json_decref(e.doc);
	return doc;
}

/* Removes entries of files that are no longer inputs. */
static void prune(const char *dir, char **keep, size_t n)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l != 21 || strcmp(de->d_name + 16, ".json") != 0)
			continue;
		bool used = false;
		for (size_t i = 0; i < n && !used; i++)
			used = strcmp(strrchr(keep[i], '/') + 1, de->d_name) == 0;
		if (!used) {
			char p[PATH_MAX + 64];
			snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
			unlink(p);
		}
	}
	closedir(d);
}

int state_run(const char *prog, const struct driver_opts *o, const struct walk_list *files,
	      const json_t *options, const char *dir, struct driver_result *res)
{
	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		fprintf(stderr, "%s: %s: cannot create the state directory: %s\n", prog, dir, strerror(errno));
		return -1;
	}
	json_t **docs = calloc(files->n + 1, sizeof *docs);
	char **names = calloc(files->n + 1, sizeof *names);
	if (!docs || !names) {
		free(docs);
		free(names);
		fprintf(stderr, "%s: out of memory\n", prog);
		return -1;
	}
	bool failed = false;
	int rc = 0;
	for (size_t i = 0; i < files->n && rc == 0; i++) {
		names[i] = malloc(strlen(dir) + 32);
		if (!names[i]) {
			rc = -1;
			break;
		}
		entry_name(dir, files->paths[i], names[i], strlen(dir) + 32);
		if (!(docs[i] = one_file(prog, o, options, dir, files->paths[i], &failed)))
			rc = -1;
	}
	if (rc == 0) {
		rc = partial_merge_docs(prog, o, docs, (const char *const *)names, files->n, res, NULL, NULL);
		if (rc > 0)
			res->failed = true;
		rc = rc < 0 ? -1 : 0;
		res->failed |= failed;
		if (rc == 0)
			prune(dir, names, files->n);
	} else {
		fprintf(stderr, "%s: out of memory\n", prog);
	}
	for (size_t i = 0; i < files->n; i++) {
		json_decref(docs[i]);
		free(names[i]);
	}
	free(docs);
	free(names);
	return rc;
}
