/* input: plain and gzip byte sources. */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define IN_BLOCK (1u << 20)

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
	z_stream zs;
	bool zinit;
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
		if (inflateInit2(&in->zs, 15 + 16) != Z_OK) {
			snprintf(err, errlen, "cannot initialise zlib");
			input_close(in);
			return NULL;
		}
		in->zinit = true;
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

static ssize_t read_gzip(struct input *in, char *buf, size_t cap)
{
	z_stream *zs = &in->zs;
	zs->next_out = (unsigned char *)buf;
	zs->avail_out = (uInt)(cap > UINT32_MAX ? UINT32_MAX : cap);
	while (zs->avail_out > 0) {
		if (fill(in) < 0) {
			in->failed = true;
			if (cap - zs->avail_out > 0)
				break;
			return -1;
		}
		size_t avail = in->in_len - in->in_pos;
		if (in->member_end) {
			if (avail == 0 && in->eof)
				return (ssize_t)(cap - zs->avail_out); /* clean end */
			if (avail == 0)
				continue;
			if (in->inbuf[in->in_pos] != 0x1f) {
				if (cap - zs->avail_out > 0)
					return (ssize_t)(cap - zs->avail_out);
				return gz_fail(in, "garbage after gzip member");
			}
			inflateReset(zs);
			in->member_end = false;
		}
		if (avail == 0 && in->eof) {
			if (cap - zs->avail_out > 0)
				return (ssize_t)(cap - zs->avail_out);
			return gz_fail(in, "truncated gzip data (unexpected end of file)");
		}
		zs->next_in = in->inbuf + in->in_pos;
		zs->avail_in = (uInt)avail;
		int rc = inflate(zs, Z_NO_FLUSH);
		size_t used = avail - zs->avail_in;
		in->in_pos += used;
		in->consumed += used;
		if (rc == Z_STREAM_END) {
			in->member_end = true;
			continue;
		}
		if (rc == Z_BUF_ERROR && used == 0 && zs->avail_out > 0)
			continue; /* needs more input */
		if (rc != Z_OK && rc != Z_BUF_ERROR) {
			if (cap - zs->avail_out > 0) {
				/* hand over the good bytes first; report on the next call */
				in->in_pos = in->in_len;
				in->eof = true;
				in->member_end = false;
				snprintf(in->err, sizeof in->err, "corrupt gzip data (%s) at compressed byte %llu",
					 zs->msg ? zs->msg : "inflate error", (unsigned long long)in->consumed);
				in->failed = true;
				return (ssize_t)(cap - zs->avail_out);
			}
			char what[160];
			snprintf(what, sizeof what, "corrupt gzip data (%s)", zs->msg ? zs->msg : "inflate error");
			return gz_fail(in, what);
		}
	}
	return (ssize_t)(cap - zs->avail_out);
}

ssize_t input_read(struct input *in, char *buf, size_t cap)
{
	if (in->failed)
		return -1;
	if (cap == 0)
		return 0;
	return in->gzip ? read_gzip(in, buf, cap) : read_plain(in, buf, cap);
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
	if (in->zinit)
		inflateEnd(&in->zs);
	if (in->own_fd)
		close(in->fd);
	free(in->inbuf);
	free(in);
}
