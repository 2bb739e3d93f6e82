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

#include "../analyzers/classify.h"
#include "../analyzers/partial.h"
#include "../analyzers/state.h"
#include "../formats/input.h"
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
	m[c->nmatches] = (struct match_filter){id, re};
	c->matches = m;
	const char **ma = realloc(c->match_args, (size_t)(c->nmatches + 1) * sizeof *ma);
	if (!ma)
		return -1;
	ma[c->nmatches++] = arg;
	c->match_args = ma;
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
	case OPT_PARTIAL:
		c->partial = arg;
		return 1;
	case OPT_MERGE:
		c->merge = true;
		return 1;
	case OPT_STATE:
		c->state = arg;
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
	if (c->merge && c->state) {
		fprintf(stderr, "%s: --state reads logs; --merge reads partial results: choose one\n", c->prog);
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
	walk_sort(&c->files);
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

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A sorted JSON array of strings (filters given in any order are equal). */
static json_t *sorted_strings(const char **v, int n)
{
	const char **t = malloc((size_t)(n + 1) * sizeof *t);
	json_t *a = json_array();
	if (!t || !a) {
		free(t);
		json_decref(a);
		return NULL;
	}
	for (int i = 0; i < n; i++)
		t[i] = v[i];
	qsort(t, (size_t)n, sizeof *t, cmp_cstr);
	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_string(t[i]));
	free(t);
	return a;
}

/* The options that shape a run's state: partials merge only when equal. */
static json_t *options_json(const struct common *c)
{
	const struct driver_opts *d = &c->d;
	static const char *const tiers[] = {"auto", "fe", "be", "all"};
	json_t *o = json_pack("{sbsssbsbss?sososososososo}", "compat", d->ro.compat, "tiers", tiers[d->ro.tiers],
			 "by_weekday", d->ro.by_weekday, "list", d->ro.list, "tz", c->tz_arg, "start",
			 d->have_start ? json_integer(d->start) : json_null(), "end",
			 d->have_end ? json_integer(d->end) : json_null(), "users", sorted_strings(d->users, d->nusers),
			 "devices", sorted_strings(d->devices, d->ndevices), "device_types",
			 sorted_strings(d->devtypes, d->ndevtypes), "commands", sorted_strings(d->cmds, d->ncmds),
			 "match", sorted_strings(c->match_args, c->nmatches));
	/* the triage options that shape an analyzer's state (the others apply
	 * when the report is written, so partials merge across them) */
	const struct triage_opts *t = d->ro.triage;
	bool shaped = false;
	for (int i = 0; i < d->nops; i++)
		shaped |= d->ops[i] == &series_ops || d->ops[i] == &baseline_ops;
	if (o && t && shaped && json_object_set_new(o, "triage", json_pack("{sIss}", "interval", (json_int_t)t->interval, "group",
								     group_kind_name(t->group))) < 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

int common_run(struct common *c, struct driver_result *res)
{
	if (!c->merge && !c->state)
		return driver_run(&c->d, &c->files, res);
	json_t *opts = options_json(c);
	if (!opts) {
		fprintf(stderr, "%s: out of memory\n", c->prog);
		return -1;
	}
	int rc = c->state ? state_run(c->prog, &c->d, &c->files, opts, c->state, res)
			  : partial_merge(c->prog, &c->d, &c->files, opts, res);
	json_decref(opts);
	if (rc < 0)
		return -1;
	if (rc > 0)
		res->failed = true;
	return 0;
}

int common_partial_out(struct common *c, const struct driver_result *res)
{
	if (!c->partial)
		return 0;
	json_t *opts = options_json(c);
	int rc = opts ? partial_write(c->prog, &c->d, res, opts, c->partial) : -1;
	if (!opts)
		fprintf(stderr, "%s: out of memory\n", c->prog);
	json_decref(opts);
	return rc < 0 ? -1 : 1;
}

void common_version(const char *prog)
{
	printf("%s %s (gzip: %s)\n", prog, EASLOG_VERSION, input_inflater());
}

void common_free(struct common *c)
{
	for (int i = 0; i < c->nmatches; i++)
		pcre2_code_free(c->matches[i].re);
	free(c->matches);
	free(c->match_args);
	free(c->d.users);
	free(c->d.devices);
	free(c->d.devtypes);
	free(c->d.cmds);
	walk_free(&c->files);
}
