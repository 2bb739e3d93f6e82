/* record_io: easlog-parse's output, the normalised records as TSV (with a
 * header line) or JSON Lines, and the reader that turns them back into
 * records, so every report tool can read easlog-parse output on stdin. */
#ifndef EASLOG_RECORD_IO_H
#define EASLOG_RECORD_IO_H

#include "outbuf.h"
#include "record.h"

/* The TSV header line's first bytes, which identify easlog-parse output. */
#define RECORD_TSV_MAGIC "timestamp\tserver\ttier\t"

void record_tsv_header(struct outbuf *o);
void record_write_tsv(struct outbuf *o, const struct eas_record *r);
void record_write_json(struct outbuf *o, const struct eas_record *r);

enum record_format { RF_W3C, RF_TSV, RF_JSON };

/* Which format a file whose first line is this holds. */
enum record_format record_sniff(const char *line, size_t len);

struct record_reader {
	int ncols;
	short *colmap;     /* column -> slot, -1 to ignore */
	void *json;        /* the current JSON line's document */
	char datebuf[11];
	char numbuf[64][24]; /* JSON numbers as text */
	char err[256];
};

/* Reads the TSV header line. Returns 0, or -1 with r->err set. */
int record_reader_header(struct record_reader *rr, char *line, size_t len);

/* Fills rec's raw values, date, server, file and line from one TSV line
 * (unescaped in place) or JSON line. Returns 0, or -1 with rr->err set. */
int record_read_tsv(struct record_reader *rr, char *line, size_t len, struct eas_record *rec);
int record_read_json(struct record_reader *rr, const char *line, size_t len, struct eas_record *rec);

void record_reader_free(struct record_reader *rr);



/* --match support: the id of a record column usable with record_field()
 * (string-valued columns and the raw w3c_* ones), or -1. */
int record_field_lookup(const char *name);

/* The value of column id for r (empty when absent). */
struct slice record_field(const struct eas_record *r, int id);

/* Comma-separated names accepted by record_field_lookup, for messages. */
const char *record_field_names(void);
#endif
