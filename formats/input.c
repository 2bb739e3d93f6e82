/* input: plain and gzip byte sources. */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef HAVE_ISAL
#include <isa-l/igzip_lib.h>
#else
#include <zlib.h>
#endif
#include <pthread.h>

#define IN_BLOCK (1u << 20)

bool input_threads = true;

struct gzpipe;
static int inflate_begin(struct input *in);
static int pipe_start(struct input *in);

struct input {
	int fd;
	bool own_fd;
	bool gzip;
	bool eof;        /* underlying fd reached its end */
	bool failed;
	bool member_end; /* inflate finished a member; next bytes decide */
	unsigned char *inbuf; /* compressed bytes (gzip), or the first plain block */
	size_t in_len, in_pos;
	uint64_t raw;         /* bytes read from fd */
	uint64_t consumed;    /* compressed bytes handed to inflate */
#ifdef HAVE_ISAL
	struct inflate_state is;
#else
	z_stream zs;
#endif
	bool zinit;
	bool deferred;        /* damage found after good bytes: report next */
	struct gzpipe *pipe;
	char *map;            /* the whole plain file, when mapped */
	size_t map_len, dropped;
	char err[256];
};

static ssize_t read_full(int fd, unsigned char *buf, size_t cap)
{
	size_t got = 0;
	while (got < cap) {
		ssize_t r = read(fd, buf + got, cap - got);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

static int fill(struct input *in)
{
	if (in->in_pos < in->in_len || in->eof)
		return 0;
	ssize_t r = read_full(in->fd, in->inbuf, IN_BLOCK);
	if (r < 0) {
		snprintf(in->err, sizeof in->err, "read error: %s", strerror(errno));
		return -1;
	}
	in->in_len = (size_t)r;
	in->in_pos = 0;
	in->raw += (uint64_t)r;
	if (r == 0)
		in->eof = true;
	return 0;
}

struct input *input_open(const char *path, char *err, size_t errlen)
{
	struct input *in = calloc(1, sizeof *in);
	if (!in) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (strcmp(path, "-") == 0) {
		in->fd = 0;
	} else {
		in->fd = open(path, O_RDONLY | O_CLOEXEC);
		if (in->fd < 0) {
			snprintf(err, errlen, "%s", strerror(errno));
			free(in);
			return NULL;
		}
		in->own_fd = true;
	}
	/* A plain regular file is mapped, not read: no copy through the kernel. */
	struct stat st;
	unsigned char magic[2];
	if (in->own_fd && fstat(in->fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 2 &&
	    (uint64_t)st.st_size < ((uint64_t)1 << 46) && pread(in->fd, magic, 2, 0) == 2 &&
	    !(magic[0] == 0x1f && magic[1] == 0x8b)) {
		void *m = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_PRIVATE, in->fd, 0);
		if (m != MAP_FAILED) {
			madvise(m, (size_t)st.st_size, MADV_SEQUENTIAL);
			in->map = m;
			in->map_len = (size_t)st.st_size;
			in->raw = in->map_len;
			in->eof = true;
			return in;
		}
	}
	in->inbuf = malloc(IN_BLOCK);
	if (!in->inbuf) {
		snprintf(err, errlen, "out of memory");
		input_close(in);
		return NULL;
	}
	if (fill(in) < 0) {
		snprintf(err, errlen, "%s", in->err);
		input_close(in);
		return NULL;
	}
	if (in->in_len >= 2 && in->inbuf[0] == 0x1f && in->inbuf[1] == 0x8b) {
		in->gzip = true;
		if (inflate_begin(in) < 0) {
			snprintf(err, errlen, "cannot initialise the gzip decoder");
			input_close(in);
			return NULL;
		}
		in->zinit = true;
		if (input_threads)
			pipe_start(in); /* without the thread, reads inflate in line */
	}
	return in;
}

static ssize_t read_plain(struct input *in, char *buf, size_t cap)
{
	if (in->in_pos < in->in_len) {
		size_t n = in->in_len - in->in_pos;
		if (n > cap)
			n = cap;
		memcpy(buf, in->inbuf + in->in_pos, n);
		in->in_pos += n;
		return (ssize_t)n;
	}
	if (in->eof)
		return 0;
	ssize_t r = read_full(in->fd, (unsigned char *)buf, cap);
	if (r < 0) {
		snprintf(in->err, sizeof in->err, "read error at byte %llu: %s",
			 (unsigned long long)in->raw, strerror(errno));
		in->failed = true;
		return -1;
	}
	in->raw += (uint64_t)r;
	if (r == 0)
		in->eof = true;
	return r;
}

static ssize_t gz_fail(struct input *in, const char *what)
{
	snprintf(in->err, sizeof in->err, "%s at compressed byte %llu", what,
		 (unsigned long long)in->consumed);
	in->failed = true;
	return -1;
}

/* One inflate call over the buffered compressed bytes: ISA-L's igzip when
 * built with it, else zlib. */
enum { STEP_OK, STEP_MEMBER_END, STEP_ERROR };

static int inflate_begin(struct input *in)
{
#ifdef HAVE_ISAL
	isal_inflate_init(&in->is);
	in->is.crc_flag = ISAL_GZIP;
	return 0;
#else
	return inflateInit2(&in->zs, 15 + 16) == Z_OK ? 0 : -1;
#endif
}

static void inflate_next_member(struct input *in)
{
#ifdef HAVE_ISAL
	isal_inflate_reset(&in->is);
	in->is.crc_flag = ISAL_GZIP;
#else
	inflateReset(&in->zs);
#endif
}

static void inflate_end(struct input *in)
{
#ifndef HAVE_ISAL
	inflateEnd(&in->zs);
#else
	(void)in;
#endif
}

static int inflate_step(struct input *in, unsigned char *out, size_t cap, size_t *used, size_t *made,
			const char **msg)
{
	size_t avail = in->in_len - in->in_pos;
	uint32_t ocap = cap > UINT32_MAX ? UINT32_MAX : (uint32_t)cap;
#ifdef HAVE_ISAL
	struct inflate_state *st = &in->is;
	st->next_in = in->inbuf + in->in_pos;
	st->avail_in = (uint32_t)avail;
	st->next_out = out;
	st->avail_out = ocap;
	int rc = isal_inflate(st);
	*used = avail - st->avail_in;
	*made = ocap - st->avail_out;
	if (rc < 0) {
		*msg = rc == ISAL_INCORRECT_CHECKSUM ? "incorrect data check"
		       : rc == ISAL_INVALID_WRAPPER  ? "invalid gzip header"
						     : "invalid deflate data";
		return STEP_ERROR;
	}
	return st->block_state == ISAL_BLOCK_FINISH ? STEP_MEMBER_END : STEP_OK;
#else
	z_stream *zs = &in->zs;
	zs->next_in = in->inbuf + in->in_pos;
	zs->avail_in = (uInt)avail;
	zs->next_out = out;
	zs->avail_out = ocap;
	int rc = inflate(zs, Z_NO_FLUSH);
	*used = avail - zs->avail_in;
	*made = ocap - zs->avail_out;
	if (rc == Z_STREAM_END)
		return STEP_MEMBER_END;
	if (rc == Z_OK || rc == Z_BUF_ERROR)
		return STEP_OK;
	*msg = zs->msg ? zs->msg : "inflate error";
	return STEP_ERROR;
#endif
}

/* Decodes up to cap bytes; the good bytes before damage come out first,
 * the -1 on the following call. */
static ssize_t read_gzip(struct input *in, char *buf, size_t cap)
{
	size_t got = 0;
	while (got < cap) {
		if (fill(in) < 0) {
			in->failed = true;
			return got ? (ssize_t)got : -1;
		}
		size_t avail = in->in_len - in->in_pos;
		if (in->member_end) {
			if (avail == 0 && in->eof)
				return (ssize_t)got; /* clean end */
			if (avail == 0)
				continue;
			if (in->inbuf[in->in_pos] != 0x1f) {
				if (got)
					return (ssize_t)got;
				return gz_fail(in, "garbage after gzip member");
			}
			inflate_next_member(in);
			in->member_end = false;
		}
		if (avail == 0 && in->eof) {
			if (got)
				return (ssize_t)got;
			return gz_fail(in, "truncated gzip data (unexpected end of file)");
		}
		size_t used, made;
		const char *msg = NULL;
		int rc = inflate_step(in, (unsigned char *)buf + got, cap - got, &used, &made, &msg);
		in->in_pos += used;
		in->consumed += used;
		got += made;
		if (rc == STEP_MEMBER_END) {
			in->member_end = true;
			continue;
		}
		if (rc == STEP_ERROR) {
			char what[160];
			snprintf(what, sizeof what, "corrupt gzip data (%s)", msg);
			if (got) {
				/* hand over the good bytes; report on the next call */
				gz_fail(in, what);
				in->failed = false;
				in->deferred = true;
				return (ssize_t)got;
			}
			return gz_fail(in, what);
		}
		if (used == 0 && made == 0 && in->in_pos < in->in_len)
			return gz_fail(in, "corrupt gzip data (no progress)");
	}
	return (ssize_t)got;
}

/* The gzip pipeline: a thread inflates into a few blocks ahead of the
 * reader, so decompression runs on one core and parsing on another. */
#define NSLOT 4
#define SLOT_SIZE (1u << 20)

struct gzpipe {
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	char *buf[NSLOT];
	size_t len[NSLOT];
	unsigned head, count;
	size_t off;
	bool done, failed, stop;
};

static ssize_t gz_direct(struct input *in, char *buf, size_t cap)
{
	if (in->deferred) {
		in->deferred = false;
		in->failed = true;
		return -1;
	}
	return read_gzip(in, buf, cap);
}

static void *gz_thread(void *arg)
{
	struct input *in = arg;
	struct gzpipe *g = in->pipe;
	for (;;) {
		pthread_mutex_lock(&g->mu);
		while (g->count == NSLOT && !g->stop)
			pthread_cond_wait(&g->cv, &g->mu);
		unsigned slot = (g->head + g->count) % NSLOT;
		bool stop = g->stop;
		pthread_mutex_unlock(&g->mu);
		if (stop)
			break;
		ssize_t r = gz_direct(in, g->buf[slot], SLOT_SIZE);
		pthread_mutex_lock(&g->mu);
		if (r > 0) {
			g->len[slot] = (size_t)r;
			g->count++;
		} else {
			g->failed = r < 0;
			g->done = true;
		}
		pthread_cond_broadcast(&g->cv);
		bool end = g->done;
		pthread_mutex_unlock(&g->mu);
		if (end)
			break;
	}
	return NULL;
}

static int pipe_start(struct input *in)
{
	struct gzpipe *g = calloc(1, sizeof *g);
	if (!g)
		return -1;
	for (int i = 0; i < NSLOT; i++)
		if (!(g->buf[i] = malloc(SLOT_SIZE)))
			goto fail;
	pthread_mutex_init(&g->mu, NULL);
	pthread_cond_init(&g->cv, NULL);
	in->pipe = g;
	if (pthread_create(&g->th, NULL, gz_thread, in) != 0) {
		in->pipe = NULL;
		pthread_mutex_destroy(&g->mu);
		pthread_cond_destroy(&g->cv);
		goto fail;
	}
	return 0;
fail:
	for (int i = 0; i < NSLOT; i++)
		free(g->buf[i]);
	free(g);
	return -1;
}

static ssize_t pipe_read(struct input *in, char *buf, size_t cap)
{
	struct gzpipe *g = in->pipe;
	pthread_mutex_lock(&g->mu);
	while (g->count == 0 && !g->done)
		pthread_cond_wait(&g->cv, &g->mu);
	if (g->count == 0) {
		bool failed = g->failed;
		pthread_mutex_unlock(&g->mu);
		return failed ? -1 : 0;
	}
	unsigned slot = g->head;
	size_t avail = g->len[slot] - g->off;
	pthread_mutex_unlock(&g->mu);
	/* the head slot is the reader's until it is released below */
	size_t n = avail < cap ? avail : cap;
	memcpy(buf, g->buf[slot] + g->off, n);
	pthread_mutex_lock(&g->mu);
	g->off += n;
	if (g->off == g->len[slot]) {
		g->off = 0;
		g->head = (g->head + 1) % NSLOT;
		g->count--;
		pthread_cond_broadcast(&g->cv);
	}
	pthread_mutex_unlock(&g->mu);
	return (ssize_t)n;
}

static void pipe_stop(struct input *in)
{
	struct gzpipe *g = in->pipe;
	pthread_mutex_lock(&g->mu);
	g->stop = true;
	pthread_cond_broadcast(&g->cv);
	pthread_mutex_unlock(&g->mu);
	pthread_join(g->th, NULL);
	pthread_mutex_destroy(&g->mu);
	pthread_cond_destroy(&g->cv);
	for (int i = 0; i < NSLOT; i++)
		free(g->buf[i]);
	free(g);
	in->pipe = NULL;
}

ssize_t input_read(struct input *in, char *buf, size_t cap)
{
	if (cap == 0)
		return 0;
	if (in->pipe) /* the decoding thread owns in->failed; the pipe says it */
		return pipe_read(in, buf, cap);
	if (in->failed)
		return -1;
	if (!in->gzip)
		return read_plain(in, buf, cap);
	return gz_direct(in, buf, cap);
}

int input_map(struct input *in, char **p, size_t *n)
{
	if (!in->map)
		return 0;
	*p = in->map;
	*n = in->map_len;
	return 1;
}

void input_unmap_before(struct input *in, size_t off)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	off = off / page * page;
	if (!in->map || off <= in->dropped)
		return;
	madvise(in->map + in->dropped, off - in->dropped, MADV_DONTNEED);
	in->dropped = off;
}

const char *input_inflater(void)
{
#ifdef HAVE_ISAL
	return "isa-l";
#else
	return "zlib";
#endif
}

const char *input_error(const struct input *in)
{
	return in->err;
}

bool input_is_gzip(const struct input *in)
{
	return in->gzip;
}

uint64_t input_raw_bytes(const struct input *in)
{
	return in->raw;
}

void input_close(struct input *in)
{
	if (!in)
		return;
	if (in->pipe)
		pipe_stop(in);
	if (in->zinit)
		inflate_end(in);
	if (in->map)
		munmap(in->map, in->map_len);
	if (in->own_fd)
		close(in->fd);
	free(in->inbuf);
	free(in);
}
