/* analyzer: the one interface every report module implements (create, add a
 * record, merge another instance, emit, destroy), and the per-record keys
 * the driver interns once for all of them. */
#ifndef EASLOG_ANALYZER_H
#define EASLOG_ANALYZER_H

#include "../formats/record.h"
#include "../formats/table.h"
#include "intern.h"
#include "jsonio.h"

enum tier_mode { TIERS_AUTO, TIERS_FE, TIERS_BE, TIERS_ALL };

/* Options that change what reports compute. */
struct report_opts {
	bool compat;              /* Export-ActiveSyncLog's exact output */
	enum tier_mode tiers;     /* which tier's lines count as hits */
	bool by_weekday;          /* Hourly: the pooled 168-row form */
	bool tz;                  /* Hourly: hours in the TZ zone, not UTC */
	bool list;                /* PolicyCompliance: name the devices */
	const struct triage_opts *triage; /* devices, series, baseline, classify (classify.h); NULL: defaults */
};

/* enum key_kind (KEY_DEV ... KEY_N): in jsonio.h, whose loaders check ids. */

/* A record's interned keys (ids in the worker's interners), -1 when absent. */
struct keys {
	int64_t id[KEY_N];
	int64_t day;   /* UTC day number of the record */
	unsigned tix;  /* tier index: 0 front end, 1 back end */
};

/* What emit needs beside the analyzer itself. */
struct emit_ctx {
	const struct report_opts *o;
	const struct intern *k;   /* the interners, indexed by enum key_kind */
	bool count_tier[2];       /* tiers whose lines are hits */
	const char *prog;         /* the tool, for warnings */
};

/* a + b, or UINT64_MAX when that does not fit: sums of counts and byte
 * counts stick at the maximum instead of wrapping to small numbers. */
static inline uint64_t sat_add(uint64_t a, uint64_t b)
{
	uint64_t s;
	return __builtin_add_overflow(a, b, &s) ? UINT64_MAX : s;
}

/* Sum over the tiers that count. */
static inline uint64_t tier_sum(const struct emit_ctx *c, const uint64_t v[2])
{
	return sat_add(c->count_tier[0] ? v[0] : 0, c->count_tier[1] ? v[1] : 0);
}

struct analyzer_ops {
	const char *name;   /* "users", "servers", ... */
	const char *file;   /* "Users.csv", ... */
	void *(*create)(const struct report_opts *o);
	/* Returns 0, or -1 when out of memory. */
	int (*add)(void *a, const struct eas_record *r, const struct keys *k);
	/* Adds src into dst; map[kind][src id] is the dst id. src stays valid. */
	int (*merge)(void *dst, const void *src, uint32_t *const map[KEY_N]);
	/* Writes the report. Returns 0, or -1 when out of memory. */
	int (*emit)(void *a, struct table *t, const struct emit_ctx *c);
	void (*destroy)(void *a);
	/* Partial results: the state as JSON (key ids index the document's
	 * key lists), and back into a fresh instance; load returns 0, or -1
	 * when the JSON is not what save writes. */
	json_t *(*save)(const void *a);
	int (*load)(void *a, const json_t *j, const struct load_ctx *lc);
};

extern const struct analyzer_ops users_ops, servers_ops, hourly_ops, statuscodes_ops,
	compliance_ops, useragents_ops;
extern const struct analyzer_ops devices_ops, series_ops, baseline_ops, classify_ops;

/* Growable array helper: ensures (*arr)[0..need) exists, zero-filling new
 * elements. Returns 0 or -1. */
int grow_zero(void **arr, size_t *cap, size_t need, size_t elem);

/* Sorts ids by their strings in kind's interner, byte order. */
void sort_ids_by_string(uint32_t *ids, size_t n, const struct intern *in);

#endif
