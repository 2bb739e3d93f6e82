/* atomic: report files written whole or not at all: a temporary file in the
 * target directory, renamed over the target only when complete; temporary
 * files are removed on SIGINT/SIGTERM/SIGHUP. */
#ifndef EASLOG_ATOMIC_H
#define EASLOG_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>

struct atomic_file {
	char *path;  /* target */
	char *tmp;   /* temporary, in the same directory */
	int fd;
	int slot;    /* registry slot for the signal handler */
};

/* Installs the signal handlers (once). */
void atomic_signals(void);

/* Creates the temporary file for path. Returns 0, or -1 with errno set. */
int atomic_begin(struct atomic_file *f, const char *path);

/* fsyncs and closes the temporary file, then moves it to the target:
 * replacing an existing file only when force. Returns 0, or -1 with errno
 * (EEXIST when the target exists and !force); the target is then untouched. */
int atomic_commit(struct atomic_file *f, bool force);

/* Removes the temporary file (after an error). */
void atomic_abort(struct atomic_file *f);

#endif
