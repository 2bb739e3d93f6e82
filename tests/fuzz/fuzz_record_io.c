/* fuzz_record_io: the record reader (formats/record_io.h), which lets every
 * report tool read easlog-parse output.
 *
 * Input: byte 0 options, the rest as below.
 *   bit 0 = 0  reader: the rest is a stream of easlog-parse output, read as
 *              the driver reads it (first line sniffed: TSV header, JSON, or
 *              neither), every record then decoded in both modes;
 *              bit 1: the real TSV header goes first;
 *              bit 2: the lines are JSON (a '{' goes first)
 *   bit 0 = 1  round trip: the rest is one W3C data line (Exchange 2016
 *              layout, or a layout without date under a #Date when bit 1 is
 *              set); its record, written as TSV and read back, must decode to
 *              a record that writes the same TSV line; likewise for JSON when
 *              every value is valid UTF-8 (JSON writes U+FFFD for the rest).
 *
 * Oracles: no crash or leak, values inside the line, decoding within its
 * scratch, and the round trips above: easlog-parse | TOOL == TOOL. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>

#include "../../formats/outbuf.h"
#include "../../formats/record.h"
#include "../../formats/record_io.h"
#include "../../formats/utf8.h"
#include "../../formats/w3c.h"
#include "fuzz.h"

static struct record_decoder dec[2];
static struct record_reader rr;
static char *header;
static size_t header_len;
static int outfd = -1;
static struct outbuf ob; /* one for all runs: its 256 KB buffer is not remade each time */

/* Everything an outbuf wrote to outfd since the last call, in a malloc'd buffer. */
static char *take(struct outbuf *o, size_t *n)
{
	FUZZ_CHECK(outbuf_flush(o) == 0, "write");
	off_t end = lseek(outfd, 0, SEEK_CUR);
	char *b = malloc((size_t)end + 1);
	FUZZ_CHECK(pread(outfd, b, (size_t)end, 0) == (ssize_t)end, "read back");
	b[end] = '\0';
	*n = (size_t)end;
	if (ftruncate(outfd, 0) < 0 || lseek(outfd, 0, SEEK_SET) < 0)
		abort();
	return b;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	record_decoder_init(&dec[0], false);
	record_decoder_init(&dec[1], true);
	dec[0].all = dec[1].all = true;
	outfd = memfd_create("fuzz-record-io", MFD_CLOEXEC);
	if (outfd < 0 || outbuf_init(&ob, outfd) < 0)
		abort();
	record_tsv_header(&ob);
	header = take(&ob, &header_len);
	header[--header_len] = '\0'; /* without its newline */
	return 0;
}

static void decode_checked(struct eas_record *rec, int compat)
{
	struct record_decoder *d = &dec[compat];
	if (!record_time(d, rec))
		return;
	FUZZ_CHECK(record_decode(d, rec) == 0, "out of memory");
	FUZZ_CHECK(d->used <= d->cap, "scratch %zu of %zu", d->used, d->cap);
	fuzz_touch(rec->user);
	fuzz_touch(rec->devid);
	fuzz_touch(rec->agent);
	fuzz_touch(rec->eas_error);
}

static void reader(const uint8_t *data, size_t size, unsigned opt)
{
	/* the stream, with what the options put first */
	size_t cap = size + header_len + 2;
	char *s = malloc(cap);
	size_t n = 0;
	if (opt & 2) {
		memcpy(s, header, header_len);
		n = header_len;
		s[n++] = '\n';
	}
	if (opt & 4)
		s[n++] = '{';
	memcpy(s + n, data, size);
	n += size;
	enum record_format fmt = RF_W3C;
	size_t pos = 0;
	for (uint64_t lineno = 1; pos < n; lineno++) {
		char *nl = memchr(s + pos, '\n', n - pos);
		size_t len = nl ? (size_t)(nl - (s + pos)) : n - pos;
		/* an exact copy: ASan sees any read past the line */
		char *line = malloc(len ? len : 1);
		memcpy(line, s + pos, len);
		pos += len + 1;
		if (lineno == 1) {
			fmt = record_sniff(line, len);
			if (fmt == RF_TSV) {
				int rc = record_reader_header(&rr, line, len);
				free(line);
				if (rc < 0) {
					FUZZ_CHECK(rr.err[0] != '\0', "header refused without a message");
					break;
				}
				FUZZ_CHECK(rr.ncols >= 1, "columns %d", rr.ncols);
				continue;
			}
		}
		if (fmt == RF_W3C) {
			free(line);
			break;
		}
		if (len == 0) {
			free(line);
			continue;
		}
		struct eas_record rec;
		memset(&rec, 0, sizeof rec);
		int rc = fmt == RF_TSV ? record_read_tsv(&rr, line, len, &rec) : record_read_json(&rr, line, len, &rec);
		if (rc < 0) {
			FUZZ_CHECK(rr.err[0] != '\0', "record refused without a message");
			FUZZ_CHECK(memchr(rr.err, '\0', sizeof rr.err) != NULL, "message not terminated");
		} else {
			rec.file = "fuzz";
			rec.line = lineno;
			if (fmt == RF_TSV)
				for (int i = 0; i < W3C_NFIELDS; i++)
					FUZZ_CHECK(fuzz_inside(rec.w[i], line, len), "field %d outside the line", i);
			FUZZ_CHECK(!slice_is_null(rec.date), "a record without a date");
			fuzz_touch(rec.server);
			rec.tier = stem_tier(rec.w[W3C_CS_URI_STEM]);
			decode_checked(&rec, 0);
			decode_checked(&rec, 1);
		}
		free(line);
	}
	free(s);
}

static const char layout_2016[] =
	"#Fields: date time s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query s-port "
	"cs-username c-ip cs-version cs(User-Agent) cs(Cookie) cs(Referer) cs-host sc-status sc-substatus "
	"sc-win32-status sc-bytes cs-bytes time-taken";
static const char layout_nodate[] =
	"#Fields: time s-ip cs-method cs-uri-stem cs-uri-query cs-username c-ip cs(User-Agent) sc-status "
	"sc-substatus sc-win32-status time-taken";

static bool all_utf8(const struct eas_record *r)
{
	for (int i = 0; i < W3C_NFIELDS; i++)
		if (!utf8_valid(r->w[i]))
			return false;
	return utf8_valid(r->server) && utf8_valid(r->date);
}

/* Writes rec in format json (or TSV), reads it back into back, re-decodes
 * and writes again: the two lines must be equal. */
static void round_trip(struct eas_record *rec, bool json, int compat)
{
	struct outbuf *o = &ob;
	(json ? record_write_json : record_write_tsv)(o, rec);
	size_t n1;
	char *l1 = take(o, &n1);
	FUZZ_CHECK(n1 > 0 && l1[n1 - 1] == '\n', "no line end");
	char *copy = malloc(n1);
	memcpy(copy, l1, n1 - 1);
	static struct record_reader r2;
	if (!json) {
		char *h = malloc(header_len);
		memcpy(h, header, header_len);
		FUZZ_CHECK(record_reader_header(&r2, h, header_len) == 0, "the real header: %s", r2.err);
		free(h);
	}
	struct eas_record back;
	memset(&back, 0, sizeof back);
	int rc = json ? record_read_json(&r2, copy, n1 - 1, &back) : record_read_tsv(&r2, copy, n1 - 1, &back);
	FUZZ_CHECK(rc == 0, "%s written, not read back: %s\n%.*s", json ? "JSON" : "TSV", r2.err, (int)(n1 - 1), l1);
	back.file = rec->file;
	back.tier = stem_tier(back.w[W3C_CS_URI_STEM]);
	FUZZ_CHECK(back.tier == rec->tier, "tier");
	FUZZ_CHECK(back.line == rec->line, "line %llu, want %llu", (unsigned long long)back.line,
		   (unsigned long long)rec->line);
	struct record_decoder *d = &dec[compat];
	FUZZ_CHECK(record_time(d, &back), "the time read back does not parse");
	FUZZ_CHECK(back.ts == rec->ts, "time %lld, want %lld", (long long)back.ts, (long long)rec->ts);
	FUZZ_CHECK(record_decode(d, &back) == 0, "out of memory");
	if (compat)
		FUZZ_CHECK(back.compat_counted == rec->compat_counted, "compat counted %d, want %d",
			   back.compat_counted, rec->compat_counted);
	(json ? record_write_json : record_write_tsv)(o, &back);
	size_t n2;
	char *l2 = take(o, &n2);
	FUZZ_CHECK(n1 == n2 && memcmp(l1, l2, n1) == 0, "%s round trip differs:\n%.*s%.*s", json ? "JSON" : "TSV",
		   (int)n1, l1, (int)n2, l2);
	free(l1);
	free(l2);
	free(copy);
	if (json)
		record_reader_free(&r2);
	/* the decoded record of the original must still be intact for the next pass */
	record_decode(d, rec);
}

static void trip(const uint8_t *data, size_t size, unsigned opt)
{
	char *line = malloc(size ? size : 1);
	memcpy(line, data, size);
	struct w3c_reader w;
	memset(&w, 0, sizeof w);
	w3c_reset(&w);
	struct slice f[W3C_NFIELDS];
	const char *layout = (opt & 2) ? layout_nodate : layout_2016;
	w3c_parse_line(&w, layout, strlen(layout), f);
	w3c_parse_line(&w, "#Date: 2024-03-04 00:00:00", 26, f);
	struct eas_record rec;
	memset(&rec, 0, sizeof rec);
	if (w3c_parse_line(&w, line, size, rec.w) != W3C_DATA)
		goto out;
	rec.tier = stem_tier(rec.w[W3C_CS_URI_STEM]);
	if (rec.tier == TIER_NONE)
		goto out;
	rec.date = rec.w[W3C_DATE];
	if (slice_is_null(rec.date))
		rec.date = slice_make(w.date_directive, strlen(w.date_directive));
	rec.server = slice_is_null(rec.w[W3C_S_COMPUTERNAME]) ? SLICE_LIT("fuzz") : rec.w[W3C_S_COMPUTERNAME];
	rec.file = "fuzz.log";
	rec.line = 12;
	for (int compat = 0; compat < 2; compat++) {
		if (!record_time(&dec[compat], &rec))
			goto out;
		FUZZ_CHECK(record_decode(&dec[compat], &rec) == 0, "out of memory");
		round_trip(&rec, false, compat);
		if (all_utf8(&rec))
			round_trip(&rec, true, compat);
	}
out:
	free(line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned opt = data[0];
	if (opt & 1)
		trip(data + 1, size - 1, opt);
	else
		reader(data + 1, size - 1, opt);
	return 0;
}
