/* eas_query: what an ActiveSync request's cs-uri-query says, in plain form
 * (Cmd=, User=, DeviceId=, DeviceType=, Log=, names in any case) or in the
 * MS-ASHTTP base64 form (spec 3.6), decoded to one shape. */
#ifndef EASLOG_EAS_QUERY_H
#define EASLOG_EAS_QUERY_H

#include "slice.h"

struct eas_query {
	/* Raw (still percent-encoded) values: into the query, or into the
	 * caller's scratch for base64. Null when the parameter is absent. */
	struct slice cmd, user, devid, devtype, log;
	bool base64;       /* the query was the base64 form */
	bool has_pct;      /* a '%' occurs in the query: values may need decoding */
	bool bad_base64;   /* it looked like base64 but did not decode: an error for this record */
	unsigned proto;    /* protocol version x10 from the base64 header, 0 if none */
	int cmd_code;      /* base64 command code, -1 if none */
	unsigned locale;
	bool has_policy_key;
	uint32_t policy_key;
};

/* Name of an MS-ASHTTP command code (spec 5.1), or NULL. */
const char *eas_command_name(int code);

/* Parses q. scratch must have room for q.n bytes; base64 values point into
 * it and stay valid as long as it does. */
void eas_query_parse(struct slice q, struct eas_query *out, char *scratch);

#endif
