/* compliance_state: a device's policy compliance as the latest Pa value in
 * the logs, and its classes (shared by Users and PolicyCompliance). */
#ifndef EASLOG_COMPLIANCE_STATE_H
#define EASLOG_COMPLIANCE_STATE_H

#include <stdbool.h>
#include <stdint.h>

enum policy_class {
	POL_UNKNOWN, POL_COMPLIANT, POL_PARTIAL, POL_NOT, POL_EXTERNAL, POL_INVALID, POL_N
};

struct policy_state {
	bool have;
	int pa;
	int64_t ts;
	uint64_t pos;
};

/* The cmdlet keeps the Pa of the latest line (strictly later timestamp
 * wins, so the first of equal timestamps stays); merging keeps that rule. */
static inline void policy_update(struct policy_state *p, int pa, int64_t ts, uint64_t pos)
{
	if (!p->have || ts > p->ts || (ts == p->ts && pos < p->pos)) {
		p->have = true;
		p->pa = pa;
		p->ts = ts;
		p->pos = pos;
	}
}

static inline void policy_merge(struct policy_state *d, const struct policy_state *s)
{
	if (s->have)
		policy_update(d, s->pa, s->ts, s->pos);
}

/* compat: Pa 1-3 name a class, anything else is Unknown (Pa above 3 would
 * make the cmdlet fail); default: 4 is Externally Managed, above is Invalid. */
static inline enum policy_class policy_class(const struct policy_state *p, bool compat)
{
	if (!p->have)
		return POL_UNKNOWN;
	if (p->pa >= 1 && p->pa <= 3)
		return (enum policy_class)p->pa;
	if (compat)
		return POL_UNKNOWN;
	return p->pa == 4 ? POL_EXTERNAL : POL_INVALID;
}

static inline const char *policy_class_name(enum policy_class c)
{
	static const char *const n[POL_N] = {"Unknown", "Compliant", "Partially Compliant",
					     "Not Compliant", "Externally Managed", "Invalid"};
	return n[c];
}

static inline const char *policy_name(const struct policy_state *p, bool compat)
{
	return policy_class_name(policy_class(p, compat));
}

#endif
