/* atomic: temp file + rename. */
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SLOTS 16

/* Temporary paths the signal handler unlinks; set before use, cleared after. */
static char *volatile pending[SLOTS];

static void on_signal(int sig)
{
	for (int i = 0; i < SLOTS; i++)
		if (pending[i])
			unlink(pending[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

void atomic_signals(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

int atomic_begin(struct atomic_file *f, const char *path)
{
	memset(f, 0, sizeof *f);
	f->fd = -1;
	f->slot = -1;
	const char *slash = strrchr(path, '/');
	size_t dl = slash ? (size_t)(slash - path) + 1 : 0;
	size_t n = strlen(path) + 16;
	f->path = strdup(path);
	f->tmp = malloc(n);
	if (!f->path || !f->tmp) {
		free(f->path);
		free(f->tmp);
		errno = ENOMEM;
		return -1;
	}
	snprintf(f->tmp, n, "%.*s.%s.XXXXXX", (int)dl, path, path + dl);
	/* the signals that unlink pending files wait until this one is pending
	 * too: delivered between mkstemp and the slot, they would leave it */
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	f->fd = mkstemp(f->tmp);
	if (f->fd < 0) {
		int e = errno;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		free(f->path);
		free(f->tmp);
		f->path = f->tmp = NULL;
		errno = e;
		return -1;
	}
	/* mkstemp makes 0600; reports get the usual 0666 & ~umask */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(f->fd, 0666 & ~mask);
	for (int i = 0; i < SLOTS; i++)
		if (!pending[i]) {
			pending[i] = f->tmp;
			f->slot = i;
			break;
		}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return 0;
}

static void release(struct atomic_file *f)
{
	if (f->slot >= 0)
		pending[f->slot] = NULL;
	f->slot = -1;
	free(f->path);
	free(f->tmp);
	f->path = f->tmp = NULL;
}

int atomic_commit(struct atomic_file *f, bool force)
{
	int rc = 0, e = 0;
	if (fsync(f->fd) < 0 && errno != EINVAL && errno != EROFS) {
		rc = -1;
		e = errno;
	}
	if (close(f->fd) < 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	f->fd = -1;
	if (rc == 0) {
		if (force) {
			if (rename(f->tmp, f->path) < 0) {
				rc = -1;
				e = errno;
			}
		} else if (link(f->tmp, f->path) < 0) {
			/* link never replaces: the no-clobber check and the move are one step */
			rc = -1;
			e = errno;
		}
	}
	unlink(f->tmp); /* after link, or after a failure; a no-op after rename */
	release(f);
	errno = e;
	return rc;
}

void atomic_abort(struct atomic_file *f)
{
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
	if (f->tmp)
		unlink(f->tmp);
	release(f);
}
