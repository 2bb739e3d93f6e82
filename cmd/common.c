/* common: shared option handling for the tools. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "common.h"

#include <errno.h>
#include <pcre2.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../formats/record_io.h"
#include "../formats/timeutil.h"

int common_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

void common_init(struct common *c, const char *prog)
{
	memset(c, 0, sizeof *c);
	c->prog = prog;
	c->d.prog = prog;
	c->d.jobs = common_cpus();
	c->d.ro.tiers = TIERS_AUTO;
	signal(SIGPIPE, SIG_IGN);
}

static int push(const char ***list, int *n, const char *v)
{
	const char **l = realloc(*list, (size_t)(*n + 1) * sizeof *l);
	if (!l)
		return -1;
	l[(*n)++] = v;
	*list = l;
	return 0;
}

static int add_match(struct common *c, const char *arg)
{
	const char *eq = strchr(arg, '=');
	if (!eq) {
		fprintf(stderr, "%s: --match wants FIELD=REGEX, got '%s'\n", c->prog, arg);
		return -1;
	}
	char field[64];
	size_t fl = (size_t)(eq - arg);
	if (fl >= sizeof field)
		fl = sizeof field - 1;
	memcpy(field, arg, fl);
	field[fl] = '\0';
	int id = record_field_lookup(field);
	if (id < 0) {
		fprintf(stderr, "%s: --match: unknown field '%s' (fields: %s)\n", c->prog, field,
			record_field_names());
		return -1;
	}
	int errcode;
	PCRE2_SIZE erroff;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)(eq + 1), PCRE2_ZERO_TERMINATED, 0, &errcode, &erroff, NULL);
	if (!re) {
		PCRE2_UCHAR msg[160];
		pcre2_get_error_message(errcode, msg, sizeof msg);
		fprintf(stderr, "%s: --match %s: %s at offset %zu\n", c->prog, arg, (char *)msg, (size_t)erroff);
		return -1;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* falls back to the interpreter when JIT is absent */
	struct match_filter *m = realloc(c->matches, (size_t)(c->nmatches + 1) * sizeof *m);
	if (!m) {
		pcre2_code_free(re);
		return -1;
	}
	m[c->nmatches++] = (struct match_filter){id, re};
	c->matches = m;
	c->d.matches = m;
	c->d.nmatches = c->nmatches;
	return 0;
}

int common_option(struct common *c, int opt, const char *arg)
{
	struct driver_opts *d = &c->d;
	int rc = 0;
	switch (opt) {
	case OPT_START:
		c->start_arg = arg;
		return 1;
	case OPT_END:
		c->end_arg = arg;
		return 1;
	case OPT_LOCAL:
		c->local = true;
		return 1;
	case OPT_SERVER:
		d->server = arg;
		return 1;
	case OPT_USER:
		rc = push(&d->users, &d->nusers, arg);
		break;
	case OPT_DEVICE:
		rc = push(&d->devices, &d->ndevices, arg);
		break;
	case OPT_DEVICE_TYPE:
		rc = push(&d->devtypes, &d->ndevtypes, arg);
		break;
	case OPT_CMD:
		rc = push(&d->cmds, &d->ncmds, arg);
		break;
	case OPT_MATCH:
		return add_match(c, arg) < 0 ? -1 : 1;
	case OPT_STATS:
		c->stats = true;
		return 1;
	case 'v':
		d->verbose = true;
		return 1;
	case OPT_STRICT:
		c->strict = true;
		return 1;
	case 'j': {
		char *end;
		long n = strtol(arg, &end, 10);
		if (*end || n < 1 || n > 256) {
			fprintf(stderr, "%s: -j wants a number from 1 to 256, got '%s'\n", c->prog, arg);
			return -1;
		}
		d->jobs = (int)n;
		return 1;
	}
	case OPT_COMPAT:
		d->ro.compat = true;
		return 1;
	case OPT_TIER:
		if (strcmp(arg, "auto") == 0)
			d->ro.tiers = TIERS_AUTO;
		else if (strcmp(arg, "fe") == 0)
			d->ro.tiers = TIERS_FE;
		else if (strcmp(arg, "be") == 0)
			d->ro.tiers = TIERS_BE;
		else if (strcmp(arg, "all") == 0)
			d->ro.tiers = TIERS_ALL;
		else {
			fprintf(stderr, "%s: --tier wants auto, fe, be or all, got '%s'\n", c->prog, arg);
			return -1;
		}
		return 1;
	case OPT_TZ:
		c->tz_arg = arg; /* selected after --start/--end are read in TZ */
		d->ro.tz = true;
		return 1;
	default:
		return 0;
	}
	if (rc < 0) {
		fprintf(stderr, "%s: out of memory\n", c->prog);
		return -1;
	}
	return 1;
}

int common_finish(struct common *c, int argc, char **argv, int *status)
{
	struct driver_opts *d = &c->d;
	*status = EXIT_USAGE;
	if (c->start_arg) {
		if (!parse_user_time(c->start_arg, c->local, &d->start)) {
			fprintf(stderr, "%s: --start: cannot read '%s' (YYYY-MM-DD[ HH:MM[:SS]])\n", c->prog, c->start_arg);
			return -1;
		}
		d->have_start = true;
	}
	if (c->end_arg) {
		if (!parse_user_time(c->end_arg, c->local, &d->end)) {
			fprintf(stderr, "%s: --end: cannot read '%s' (YYYY-MM-DD[ HH:MM[:SS]])\n", c->prog, c->end_arg);
			return -1;
		}
		d->have_end = true;
	}
	if (d->have_start && d->have_end && d->start > d->end) {
		fprintf(stderr, "%s: --start is after --end\n", c->prog);
		return -1;
	}
	if (d->ro.compat && d->ro.tiers != TIERS_AUTO) {
		fprintf(stderr, "%s: --tier does not apply with --compat (the cmdlet counts front-end lines only)\n",
			c->prog);
		return -1;
	}
	if (c->tz_arg && tz_select(c->tz_arg) < 0) {
		fprintf(stderr, "%s: --tz: unknown time zone '%s'\n", c->prog, c->tz_arg);
		return -1;
	}
	*status = 1;
	if (optind >= argc) {
		if (walk_operand(&c->files, "-", c->prog) < 0)
			goto oom;
		return 0;
	}
	for (int i = optind; i < argc; i++)
		if (walk_operand(&c->files, argv[i], c->prog) < 0)
			goto oom;
	return 0;
oom:
	fprintf(stderr, "%s: out of memory\n", c->prog);
	return -1;
}

int common_status(const struct common *c, const struct driver_result *res)
{
	if (res->failed || c->files.errors)
		return 1;
	if (c->strict && stats_skipped(&res->st) > 0)
		return 1;
	return 0;
}

void common_stats(const struct common *c, const struct driver_result *res)
{
	if (c->stats)
		stats_print(stderr, c->prog, &res->st);
	uint64_t sk = stats_skipped(&res->st);
	if (sk && !c->d.verbose)
		fprintf(stderr, "%s: %llu line%s skipped (--verbose names them, --stats counts by reason)\n",
			c->prog, (unsigned long long)sk, sk == 1 ? "" : "s");
}

int common_close_stdout(const char *prog, int status, int err)
{
	if (err == EPIPE)
		return status;
	if (err) {
		fprintf(stderr, "%s: write error: %s\n", prog, strerror(err));
		return 1;
	}
	return status;
}

void common_free(struct common *c)
{
	for (int i = 0; i < c->nmatches; i++)
		pcre2_code_free(c->matches[i].re);
	free(c->matches);
	free(c->d.users);
	free(c->d.devices);
	free(c->d.devtypes);
	free(c->d.cmds);
	walk_free(&c->files);
}
