/* timeutil: calendar arithmetic on UTC seconds (no libc time zone state),
 * log date/time parsing, ISO 8601 formatting, and local-zone offsets. */
#ifndef EASLOG_TIMEUTIL_H
#define EASLOG_TIMEUTIL_H

#include "slice.h"

/* Days since 1970-01-01 of a proleptic Gregorian date. */
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);
void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d);

/* Parses a W3C date ("YYYY-MM-DD", 1- or 2-digit month and day accepted) and
 * time ("HH:MM:SS", optional ".fraction", ignored) into UTC seconds. */
bool parse_log_time(struct slice date, struct slice time, int64_t *ts);

/* Parses a command-line time: "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]" or with
 * 'T' and an optional trailing 'Z'. local: the wall time is in the TZ zone
 * (mktime), else UTC. Returns false when it does not parse. */
bool parse_user_time(const char *s, bool local, int64_t *ts);

/* "YYYY-MM-DDTHH:MM:SSZ" into out (21 bytes with the NUL). */
void format_iso(int64_t ts, char out[21]);

/* "YYYY-MM-DD" into out (11 bytes). */
void format_date(int64_t days, char out[11]);

/* Day of week of a day number, Sunday = 0. */
static inline unsigned weekday(int64_t days)
{
	int64_t w = (days + 4) % 7; /* 1970-01-01 was a Thursday */
	return (unsigned)(w < 0 ? w + 7 : w);
}

static inline int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/* Offset (seconds east of UTC) of the process's TZ zone at UTC time ts,
 * cached per UTC hour. Not thread-safe across zones: call tz_select() once. */
int tz_select(const char *zone); /* 0 ok, -1 unknown zone */
long tz_offset(int64_t ts);

#endif
