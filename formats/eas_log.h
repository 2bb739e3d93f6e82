/* eas_log: the &Log= data Exchange appends to cs-uri-query (spec section 4),
 * read correctly: Exchange 2003, 2007/2010 and 2013+ forms, integers with or
 * without a colon, both Cli: layouts; unknown tokens skipped, never fatal. */
#ifndef EASLOG_EAS_LOG_H
#define EASLOG_EAS_LOG_H

#include "slice.h"

enum folder_type { FT_EM, FT_CA, FT_CO, FT_TA, FT_NT, FT_OTHER, FT_N };
enum cli_stat { CLI_ADDS, CLI_CHANGES, CLI_DELETES, CLI_FETCHES, CLI_N };
enum srv_stat { SRV_ADDS, SRV_CHANGES, SRV_DELETES, SRV_SOFTDELETES, SRV_ASSOCADDS, SRV_N };
enum oof_verb { OOF_NONE, OOF_GET, OOF_SET, OOF_OTHER };

const char *folder_type_name(enum folder_type t);

struct eas_log {
	bool present;            /* the query had a Log= value */
	unsigned proto;          /* V or Ver1: protocol version x10, 0 if none */
	unsigned nfolders;       /* folder groups seen (Fid/Ty) */
	uint64_t cli[FT_N][CLI_N]; /* client-side changes per folder type */
	uint64_t srv[FT_N][SRV_N]; /* server-side changes per folder type */
	bool has_cli, has_srv;
	long long eas_status;    /* S: -1 when absent */
	struct slice error;      /* Error: name, raw; null when absent */
	long long heartbeat;     /* Hb: seconds, -1 when absent */
	bool has_pk;
	uint64_t pk;             /* Pk: policy key */
	struct slice pa;         /* Pa: policy ack digits as logged; null when absent */
	enum oof_verb oof;
	uint64_t att, attb, ssp, sspb, unc, uncb;
	struct slice access;     /* As: e.g. AllowedG, BlockedP */
	struct slice prxfrom, mbx, devos, host;
	unsigned tokens, unknown; /* token counts, for diagnostics */
};

/* Parses the raw Log value (still URL-encoded). String values stay raw
 * slices into log; decode them with pct_decode(.., plus_space = true). */
void eas_log_parse(struct slice log, struct eas_log *out);

/* The Pa value as a small number: 0..1000 (saturated); -1 when absent or not digits. */
int eas_log_pa(const struct eas_log *l);

#endif
