/* partial: a run's state as a versioned JSON document (--partial) and the
 * merge of any number of them (--merge) into what one run over all their
 * inputs gives. The format is documented in easlog(7). */
#ifndef EASLOG_PARTIAL_H
#define EASLOG_PARTIAL_H

#include <jansson.h>

#include "driver.h"

#define PARTIAL_FORMAT "easlog-partial"
#define PARTIAL_VERSION 1

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
