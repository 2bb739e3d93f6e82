/* record: the one normalised EAS request every analyzer and writer sees,
 * built from raw W3C values (from a log line or from easlog-parse output)
 * by the same decoding, so both paths give identical records. */
#ifndef EASLOG_RECORD_H
#define EASLOG_RECORD_H

#include "compat.h"
#include "eas_log.h"
#include "eas_query.h"
#include "w3c.h"

enum tier { TIER_NONE, TIER_FE, TIER_BE };

/* The EAS commands easlog knows by name (MS-ASHTTP, legacy names, Options). */
#define EAS_COMMANDS                                                                      \
	X(SYNC, "Sync") X(SENDMAIL, "SendMail") X(SMARTFORWARD, "SmartForward")           \
	X(SMARTREPLY, "SmartReply") X(GETATTACHMENT, "GetAttachment")                     \
	X(GETHIERARCHY, "GetHierarchy") X(CREATECOLLECTION, "CreateCollection")           \
	X(DELETECOLLECTION, "DeleteCollection") X(MOVECOLLECTION, "MoveCollection")       \
	X(FOLDERSYNC, "FolderSync") X(FOLDERCREATE, "FolderCreate")                       \
	X(FOLDERDELETE, "FolderDelete") X(FOLDERUPDATE, "FolderUpdate")                   \
	X(MOVEITEMS, "MoveItems") X(GETITEMESTIMATE, "GetItemEstimate")                   \
	X(MEETINGRESPONSE, "MeetingResponse") X(SEARCH, "Search") X(SETTINGS, "Settings") \
	X(PING, "Ping") X(ITEMOPERATIONS, "ItemOperations") X(PROVISION, "Provision")     \
	X(RESOLVERECIPIENTS, "ResolveRecipients") X(VALIDATECERT, "ValidateCert")         \
	X(FIND, "Find") X(OPTIONS, "Options")

enum eas_cmd {
	CMD_NONE = -1,
#define X(id, name) CMD_##id,
	EAS_COMMANDS
#undef X
	CMD_N
};

/* Canonical name of a command id. */
const char *eas_cmd_name(enum eas_cmd c);

/* The id of a command name in any case, or CMD_NONE. */
enum eas_cmd eas_cmd_lookup(struct slice name);

/* "fe", "be" or "-". */
const char *tier_name(enum tier t);

/* Tier of a cs-uri-stem: front end for /Microsoft-Server-ActiveSync and
 * .../default.eas, back end for .../Proxy and .../Proxy/default.eas (any
 * case), TIER_NONE for anything else. */
enum tier stem_tier(struct slice stem);

struct eas_record {
	/* Raw W3C values (null when absent or "-"): slices into the line. */
	struct slice w[W3C_NFIELDS];
	struct slice date;      /* w[W3C_DATE], or the #Date directive's date */
	struct slice server;    /* server identity (s-computername, --server, or path) */
	const char *file;       /* input name, for diagnostics and output */
	uint64_t line;          /* physical line number in file */
	uint32_t file_idx;      /* position of file among the inputs */

	enum tier tier;
	int64_t ts;             /* UTC seconds */
	bool ts_ok;             /* ts parsed (always, for records handed on) */

	uint64_t status, substatus, win32, time_taken, bytes_sent, bytes_recv; /* 0 when absent or not a number */

	struct eas_query q;
	struct eas_log log;

	/* Normalised, percent-decoded values (slices into the decoder's scratch
	 * or the line): empty when unknown, never null. */
	struct slice user;        /* cs-username, else the query's User */
	struct slice query_user;  /* the query's User, decoded */
	struct slice devid, devtype;
	struct slice cmd;         /* canonical name for known commands ("Sync") */
	enum eas_cmd cmd_id;      /* CMD_NONE when unknown or absent */
	struct slice agent;       /* '+' read as space */
	struct slice eas_error, devos;
	struct slice access, prxfrom, mbx; /* decoded only when the decoder's "all" is set */

	/* Export-ActiveSyncLog's own reading, filled only in compat mode. */
	bool compat_counted;      /* the cmdlet would count this line */
	struct compat_result compat;
	enum eas_cmd compat_cmd;  /* compat.cmd as a command id (any case) */
};

/* Scratch space and workspace reused from record to record. */
struct record_decoder {
	char *scratch;
	size_t cap, used;
	bool compat;              /* also compute the cmdlet's reading */
	bool all;                 /* decode every value (else the ones reports use) */
	struct compat cw;
	char date[16];            /* the last date parsed, and its day number */
	size_t date_len;
	int64_t date_days;
};

void record_decoder_init(struct record_decoder *d, bool compat);
void record_decoder_free(struct record_decoder *d);

/* Parses the timestamp from r->date and r->w[W3C_TIME] into r->ts. Returns
 * false when either is missing or does not parse. */
bool record_time(struct record_decoder *d, struct eas_record *r);

/* Decodes everything after the stem and time: numbers, query, Log,
 * normalised values and, in compat mode, the cmdlet's reading. r->w,
 * r->date, r->tier and r->ts must be set. Returns 0, or -1 out of memory. */
int record_decode(struct record_decoder *d, struct eas_record *r);

/* The record's place in input order (file, then line): "first seen" and
 * tie-breaks use it, so parallel runs give the same output as one thread. */
static inline uint64_t record_pos(const struct eas_record *r)
{
	return (uint64_t)r->file_idx << 40 | (r->line & ((1ull << 40) - 1));
}

/* Protocol version x10 from Log (V/Ver1) or the base64 header; 0 if unknown. */
unsigned record_proto(const struct eas_record *r);

/* Policy acknowledgement (Pa) from Log: -1 when absent. */
int record_pa(const struct eas_record *r);


#endif
