/* partial: a run's state as a versioned JSON document (--partial) and the
 * merge of any number of them (--merge) into what one run over all their
 * inputs gives. The format is documented in easlog(7). */
#ifndef EASLOG_PARTIAL_H
#define EASLOG_PARTIAL_H

#include <jansson.h>

#include "driver.h"

#define PARTIAL_FORMAT "easlog-partial"
#define PARTIAL_VERSION 1

/* res as a partial document (a new reference), or NULL when out of memory. */
json_t *partial_document(const struct driver_opts *o, const struct driver_result *res, const json_t *options);

/* Checks a document against this run's options and reports; NULL when it
 * can be merged, else why not (why is the buffer for the message). */
const char *partial_check(const struct driver_opts *o, json_t *doc, const json_t *options, char *why, size_t cap);

/* Merges n documents (already checked; names for messages) into res, a
 * fresh result. Returns 0, 1 when one was malformed (named, left out), -1
 * when out of memory. With reload, docs[i] need only hold the "files" member:
 * reload(ctx, i) gives each whole document in turn (a new reference, or NULL
 * after saying why), so that one document at a time is in memory. */
typedef json_t *(*partial_reload)(void *ctx, size_t i);
int partial_merge_docs(const char *prog, const struct driver_opts *o, json_t **docs, const char *const *names,
		       size_t n, struct driver_result *res, partial_reload reload, void *ctx);

/* Writes doc (compact JSON and a newline) to fd. Returns 0, or -1 with errno. */
int partial_dump_fd(const json_t *doc, int fd);

/* Writes res to path ("-": stdout) atomically. options describes the
 * options that shape the state; merging demands equal ones. Returns 0, or
 * -1 after a message. */
int partial_write(const char *prog, const struct driver_opts *o, const struct driver_result *res,
		  const json_t *options, const char *path);

/* Reads the partials named in inputs (files; "-" is stdin) and merges them
 * into res, a fresh result. Returns 0, 1 when an input was unusable (the
 * message names it; the rest are merged), or -1 when out of memory. */
int partial_merge(const char *prog, const struct driver_opts *o, const struct walk_list *inputs,
		  const json_t *options, struct driver_result *res);

#endif
