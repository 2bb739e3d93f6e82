/* The W3C reader: w3c_split and w3c_parse_line (spec 3.2): runs of spaces,
 * leading and trailing spaces, tabs inside tokens, "-" as null, #Fields with
 * odd spacing and case, directive values with trailing comments, #Date. */
#include "../../formats/w3c.h"
#include "test.h"

#define LINE(s) (s), sizeof(s) - 1

static struct slice tok[8];

static int split(const char *s, int max)
{
	for (int i = 0; i < 8; i++)
		tok[i] = SLICE_NULL;
	return w3c_split(s, strlen(s), tok, max);
}

static bool is(struct slice s, const char *want)
{
	return !slice_is_null(s) && s.n == strlen(want) && memcmp(s.p, want, s.n) == 0;
}

static void test_split(void)
{
	CHECK(split("a b  c", 8) == 3 && is(tok[0], "a") && is(tok[1], "b") && is(tok[2], "c"),
	      "split: runs of spaces separate once");
	CHECK(split("   lead and trail   ", 8) == 3 && is(tok[0], "lead") && is(tok[2], "trail"),
	      "split: leading and trailing spaces make no tokens");
	CHECK(split("tab\tinside x\t", 8) == 2 && is(tok[0], "tab\tinside") && is(tok[1], "x\t"),
	      "split: tabs belong to the token");
	CHECK(split("", 8) == 0 && split("    ", 8) == 0, "split: empty and all-space lines have no tokens");
	CHECK(split("a b c d e", 2) == 5 && is(tok[0], "a") && is(tok[1], "b") && slice_is_null(tok[2]),
	      "split: counts every token but stores only max");
	CHECK(split("- x", 8) == 2 && is(tok[0], "-"), "split: '-' is a token like any other");
}

static void test_fields(void)
{
	struct w3c_reader r;
	struct slice f[W3C_NFIELDS];
	w3c_reset(&r);
	CHECK(w3c_parse_line(&r, LINE("2016-08-21 00:01:43 x"), f) == W3C_NO_FIELDS,
	      "a data line before any #Fields is W3C_NO_FIELDS");

	CHECK(w3c_parse_line(&r, LINE("#Fields: date time cs-uri-stem"), f) == W3C_DIRECTIVE && r.ncols == 3 &&
		      r.colmap[0] == W3C_DATE && r.colmap[1] == W3C_TIME && r.colmap[2] == W3C_CS_URI_STEM &&
		      r.has[W3C_DATE] && !r.has[W3C_CS_USERNAME],
	      "#Fields: the column map");

	w3c_reset(&r);
	CHECK(w3c_parse_line(&r, LINE("#  fIELDS \t:\tdate\t time  CS-URI-STEM   Cs(User-Agent)  "), f) ==
			  W3C_DIRECTIVE &&
		      r.ncols == 4 && r.colmap[2] == W3C_CS_URI_STEM && r.colmap[3] == W3C_CS_USER_AGENT,
	      "#Fields with spaces and tabs around the name and the colon, any case, trailing spaces (got %d columns)",
	      r.ncols);

	w3c_reset(&r);
	w3c_parse_line(&r, LINE("#Fields:date time"), f);
	CHECK(r.ncols == 2, "#Fields: without a space after the colon (got %d columns)", r.ncols);

	w3c_reset(&r);
	w3c_parse_line(&r, LINE("#Fields: date time s-sitename s-ip "), f);
	CHECK(r.ncols == 4, "#Fields with a trailing space has no empty last column (got %d)", r.ncols);

	w3c_reset(&r);
	CHECK(w3c_parse_line(&r, LINE("#Field: date time"), f) == W3C_DIRECTIVE && r.ncols == 0,
	      "#Field: is not #Fields:");
	CHECK(w3c_parse_line(&r, LINE("#Fieldsx: date"), f) == W3C_DIRECTIVE && r.ncols == 0,
	      "#Fieldsx: is not #Fields:");
	CHECK(w3c_parse_line(&r, LINE("#Fields date time"), f) == W3C_DIRECTIVE && r.ncols == 0,
	      "#Fields without a colon is not #Fields:");
	CHECK(w3c_parse_line(&r, LINE("  #Fields: date time"), f) == W3C_NO_FIELDS,
	      "a line with spaces before # is a data line");

	w3c_reset(&r);
	w3c_parse_line(&r, LINE("#Fields: date time c-ip X-Forwarded-For cs-username"), f);
	CHECK(r.colmap[2] == W3C_C_IP && r.colmap[3] == -1 && r.colmap[4] == W3C_CS_USERNAME,
	      "unknown columns map to -1 and keep their place");
	CHECK(w3c_parse_line(&r, LINE("2016-08-21 00:01:43 192.0.2.1 198.51.100.1,+192.0.2.2 CONTOSO\\jdoe"), f) ==
			  W3C_DATA &&
		      is(f[W3C_C_IP], "192.0.2.1") && is(f[W3C_CS_USERNAME], "CONTOSO\\jdoe") &&
		      slice_is_null(f[W3C_CS_URI_STEM]),
	      "a data line: known columns filled, unknown skipped, absent ones null");
	CHECK(w3c_parse_line(&r, LINE("2016-08-21 00:01:43 - x --"), f) == W3C_DATA && slice_is_null(f[W3C_C_IP]) &&
		      is(f[W3C_CS_USERNAME], "--"),
	      "'-' is null, '--' is a value");
	CHECK(w3c_parse_line(&r, LINE("   2016-08-21   00:01:43 a  b c   "), f) == W3C_DATA && is(f[W3C_DATE], "2016-08-21") &&
		      is(f[W3C_CS_USERNAME], "c"),
	      "leading, repeated and trailing spaces");
	CHECK(w3c_parse_line(&r, LINE("2016-08-21 00:01:43 a\tb c d"), f) == W3C_DATA && is(f[W3C_C_IP], "a\tb"),
	      "a tab inside a token does not split it");
	CHECK(w3c_parse_line(&r, LINE("2016-08-21 00:01:43 a b c d"), f) == W3C_FIELD_COUNT && r.ntok == 6,
	      "one token too many is W3C_FIELD_COUNT (ntok %d)", r.ntok);
	CHECK(w3c_parse_line(&r, LINE("2016-08-21 00:01:43 a b"), f) == W3C_FIELD_COUNT && r.ntok == 4,
	      "one token too few is W3C_FIELD_COUNT (ntok %d)", r.ntok);
	CHECK(w3c_parse_line(&r, LINE(""), f) == W3C_BLANK && w3c_parse_line(&r, LINE("    "), f) == W3C_BLANK,
	      "empty and all-space lines are W3C_BLANK");

	/* a new #Fields replaces the map */
	w3c_parse_line(&r, LINE("#Fields: time cs-username"), f);
	CHECK(r.ncols == 2 && r.colmap[1] == W3C_CS_USERNAME && !r.has[W3C_C_IP] && r.has[W3C_TIME] &&
		      r.fields_changes == 2,
	      "a second #Fields replaces the first (fields_changes %u)", r.fields_changes);

	/* spec 3.1: when a name appears twice the later column wins */
	w3c_parse_line(&r, LINE("#Fields: cs-username cs-username"), f);
	CHECK(w3c_parse_line(&r, LINE("first second"), f) == W3C_DATA && is(f[W3C_CS_USERNAME], "second"),
	      "a repeated column: the later one wins");

	w3c_reset(&r);
	CHECK(r.ncols == 0 && r.date_directive[0] == '\0' && w3c_parse_line(&r, LINE("a b"), f) == W3C_NO_FIELDS,
	      "w3c_reset forgets #Fields");
}

static void test_date(void)
{
	struct w3c_reader r;
	struct slice f[W3C_NFIELDS];
	w3c_reset(&r);
	CHECK(w3c_parse_line(&r, LINE("#Date: 2016-08-21 00:00:00"), f) == W3C_DIRECTIVE &&
		      strcmp(r.date_directive, "2016-08-21") == 0,
	      "#Date: the date part ('%s')", r.date_directive);
	w3c_parse_line(&r, LINE("#Date: 2016-08-22 00:00:00  // when the first entry was recorded"), f);
	CHECK(strcmp(r.date_directive, "2016-08-22") == 0, "#Date with a trailing comment ('%s')", r.date_directive);
	w3c_parse_line(&r, LINE("# date :2016-08-23"), f);
	CHECK(strcmp(r.date_directive, "2016-08-23") == 0, "# date : in another case and spacing ('%s')",
	      r.date_directive);
	w3c_parse_line(&r, LINE("#Version: 1.0   // the log file version"), f);
	w3c_parse_line(&r, LINE("#Software: Microsoft Internet Information Services 10.0"), f);
	w3c_parse_line(&r, LINE("#Remark: #Date: 1999-01-01"), f);
	CHECK(strcmp(r.date_directive, "2016-08-23") == 0 && r.ncols == 0,
	      "other directives (with comments) change nothing ('%s')", r.date_directive);
	w3c_parse_line(&r, LINE("#Fields: time cs-uri-stem"), f);
	CHECK(w3c_parse_line(&r, LINE("10:00:00 /Microsoft-Server-ActiveSync"), f) == W3C_DATA &&
		      slice_is_null(f[W3C_DATE]) && is(f[W3C_TIME], "10:00:00") &&
		      strcmp(r.date_directive, "2016-08-23") == 0,
	      "no date field: the line has no date, the reader keeps #Date's");
	w3c_reset(&r);
	CHECK(r.date_directive[0] == '\0', "w3c_reset forgets #Date");
}

static void test_names(void)
{
	CHECK(w3c_field_lookup(SLICE_LIT("CS(User-Agent)")) == W3C_CS_USER_AGENT, "field names ignore case");
	CHECK(w3c_field_lookup(SLICE_LIT("sc-win32-status")) == W3C_SC_WIN32_STATUS &&
		      w3c_field_lookup(SLICE_LIT("s-computername")) == W3C_S_COMPUTERNAME &&
		      w3c_field_lookup(SLICE_LIT("cs-host")) == W3C_CS_HOST &&
		      w3c_field_lookup(SLICE_LIT("sc-bytes")) == W3C_SC_BYTES &&
		      w3c_field_lookup(SLICE_LIT("cs-bytes")) == W3C_CS_BYTES,
	      "the extended field set is known");
	CHECK(w3c_field_lookup(SLICE_LIT("date-local")) == -1 && w3c_field_lookup(SLICE_LIT("dat")) == -1 &&
		      w3c_field_lookup(SLICE_LIT("")) == -1,
	      "other names are unknown");
	CHECK(strcmp(w3c_field_name(W3C_CS_USER_AGENT), "cs(user-agent)") == 0, "w3c_field_name is lower case");
}

int main(void)
{
	test_split();
	test_fields();
	test_date();
	test_names();
	return test_done();
}
