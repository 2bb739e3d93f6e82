/* compat: Export-ActiveSyncLog's reading of cs-uri-query, reproduced exactly:
 * its backtracking query/Log grammar (spec 3.3, all captures kept) and the
 * Users pairing walk (spec 3.4), in time linear in the query length. */
#ifndef EASLOG_COMPAT_H
#define EASLOG_COMPAT_H

#include "slice.h"

enum compat_group {
	CG_CMD,
	CG_DEVICEID,
	CG_DEVICETYPE,
	CG_TY,
	CG_CLIA,
	CG_CLIC,
	CG_SRVA,
	CG_SRVC,
	CG_SRVAA,
	CG_OOF,
	CG_SSP,
	CG_UNC,
	CG_ATT,
	CG_ATTB,
	CG_PA,
	CG_NGROUPS
};

struct compat_cap {
	uint32_t start, end; /* byte offsets into the query, end exclusive */
	uint8_t group;       /* enum compat_group */
};

/* What the cmdlet takes from one query. Slices point into the query. */
struct compat_result {
	bool matched;
	struct slice cmd, devid, devtype; /* last capture; empty (not null) when none */
	struct slice oof;
	uint32_t ssp, unc, att, attb, pa; /* last capture, uint.Parse (overflow -> 0) */
	/* the pairing walk */
	uint64_t items_sent, items_recv;
	uint64_t emails_sent;
	uint64_t sent[4], recv[4]; /* Ca, Co, Ta, Nt */
};

/* Reusable workspace: grows to the longest query seen, never per line. */
struct compat {
	struct compat_cap *caps;
	size_t ncaps, capcap;
	void *frames;
	size_t nframes, framecap;
	uint64_t *fail_a, *fail_b; /* memo bitsets */
	uint32_t *next_eq, *next_amp; /* built lazily for long adversarial queries */
	size_t memo_words, arr_len;
};

void compat_init(struct compat *c);
void compat_free(struct compat *c);

/* Matches query against the grammar. Returns 1 when it matches (captures
 * are then in c->caps, in capture order), 0 when not, -1 out of memory. */
int compat_match(struct compat *c, struct slice query);

/* Matches and computes everything the reports use. Returns -1 only when out of memory. */
int compat_decode(struct compat *c, struct slice query, struct compat_result *out);

const char *compat_group_name(enum compat_group g);

#endif
