/* state: incremental runs for cron (--state DIR): one partial result per
 * input file, keyed by path, device, inode, size and mtime, so that a later
 * run reads only new files and the grown tails of files still being written. */
#ifndef EASLOG_STATE_H
#define EASLOG_STATE_H

#include <jansson.h>

#include "driver.h"

/* Reads files into res, using and updating the state in dir (created when
 * missing). Returns 0, or -1 when out of memory or dir is unusable
 * (reported). Unreadable inputs mark res failed, as a plain run does. */
int state_run(const char *prog, const struct driver_opts *o, const struct walk_list *files,
	      const json_t *options, const char *dir, struct driver_result *res);

#endif
