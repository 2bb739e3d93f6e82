/* timeutil: dates and times. */
#include "timeutil.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Howard Hinnant's days_from_civil algorithm (public domain description). */
int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t yy = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yy + (*m <= 2);
}

static const unsigned char mdays[13] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

/* Reads 1..maxd digits at *i; returns -1 when none. */
static long digits(struct slice s, size_t *i, int maxd)
{
	long v = 0;
	int n = 0;
	while (*i < s.n && n < maxd && s.p[*i] >= '0' && s.p[*i] <= '9') {
		v = v * 10 + (s.p[*i] - '0');
		(*i)++;
		n++;
	}
	return n ? v : -1;
}

static bool parse_ymd(struct slice s, int64_t *days)
{
	size_t i = 0;
	long y = digits(s, &i, 4);
	if (y < 0 || i != 4 || i >= s.n || s.p[i++] != '-')
		return false;
	long m = digits(s, &i, 2);
	if (m < 1 || m > 12 || i >= s.n || s.p[i++] != '-')
		return false;
	long d = digits(s, &i, 2);
	if (d < 1 || d > mdays[m] || i != s.n)
		return false;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return false;
	*days = days_from_civil(y, (unsigned)m, (unsigned)d);
	return true;
}

static bool parse_hms(struct slice s, long *secs)
{
	size_t i = 0;
	long h = digits(s, &i, 2);
	if (h < 0 || h > 23 || i >= s.n || s.p[i++] != ':')
		return false;
	long mi = digits(s, &i, 2);
	if (mi < 0 || mi > 59)
		return false;
	long sec = 0;
	if (i < s.n && s.p[i] == ':') {
		i++;
		sec = digits(s, &i, 2);
		if (sec < 0 || sec > 59)
			return false;
		if (i < s.n && s.p[i] == '.') {
			i++;
			if (digits(s, &i, 9) < 0)
				return false;
		}
	}
	if (i != s.n)
		return false;
	*secs = h * 3600 + mi * 60 + sec;
	return true;
}

bool parse_log_time(struct slice date, struct slice time, int64_t *ts)
{
	int64_t days;
	long secs;
	if (!parse_ymd(date, &days) || !parse_hms(time, &secs))
		return false;
	*ts = days * 86400 + secs;
	return true;
}

bool parse_user_time(const char *s, bool local, int64_t *ts)
{
	size_t n = strlen(s);
	if (n > 0 && (s[n - 1] == 'Z' || s[n - 1] == 'z')) {
		if (local)
			return false;
		n--;
	}
	struct slice all = slice_make(s, n);
	size_t sep = 0;
	while (sep < n && s[sep] != ' ' && s[sep] != 'T')
		sep++;
	int64_t days;
	long secs = 0;
	if (!parse_ymd(slice_make(s, sep), &days))
		return false;
	if (sep < n && !parse_hms(slice_make(all.p + sep + 1, n - sep - 1), &secs))
		return false;
	if (!local) {
		*ts = days * 86400 + secs;
		return true;
	}
	int64_t y;
	unsigned m, d;
	civil_from_days(days, &y, &m, &d);
	struct tm tm = {0};
	tm.tm_year = (int)(y - 1900);
	tm.tm_mon = (int)m - 1;
	tm.tm_mday = (int)d;
	tm.tm_hour = (int)(secs / 3600);
	tm.tm_min = (int)(secs / 60 % 60);
	tm.tm_sec = (int)(secs % 60);
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	if (t == (time_t)-1 && !(tm.tm_year == 69 && tm.tm_mon == 11 && tm.tm_mday == 31))
		return false;
	*ts = (int64_t)t;
	return true;
}

static void put2(char *o, unsigned v)
{
	o[0] = (char)('0' + v / 10 % 10);
	o[1] = (char)('0' + v % 10);
}

void format_date(int64_t days, char out[11])
{
	int64_t y;
	unsigned m, d;
	civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999) {
		snprintf(out, 11, "%s", y < 0 ? "0000-01-01" : "9999-12-31");
		return;
	}
	put2(out, (unsigned)(y / 100));
	put2(out + 2, (unsigned)(y % 100));
	out[4] = '-';
	put2(out + 5, m);
	out[7] = '-';
	put2(out + 8, d);
	out[10] = '\0';
}

void format_iso(int64_t ts, char out[21])
{
	int64_t days = floor_div(ts, 86400);
	long secs = (long)(ts - days * 86400);
	format_date(days, out);
	out[10] = 'T';
	put2(out + 11, (unsigned)(secs / 3600));
	out[13] = ':';
	put2(out + 14, (unsigned)(secs / 60 % 60));
	out[16] = ':';
	put2(out + 17, (unsigned)(secs % 60));
	out[19] = 'Z';
	out[20] = '\0';
}

#define TZ_SLOTS 1024
static struct {
	int64_t hour[TZ_SLOTS];
	long off[TZ_SLOTS];
	bool used[TZ_SLOTS];
} tzc;
static pthread_mutex_t tz_lock = PTHREAD_MUTEX_INITIALIZER;

int tz_select(const char *zone)
{
	char path[512];
	if (zone[0] != ':' && zone[0] != '/' && !(zone[0] == 'U' && zone[1] == 'T' && zone[2] == 'C' && !zone[3])) {
		const char *dir = getenv("TZDIR");
		snprintf(path, sizeof path, "%s/%s", dir ? dir : "/usr/share/zoneinfo", zone);
		FILE *f = fopen(path, "r");
		if (!f)
			return -1;
		fclose(f);
	}
	setenv("TZ", zone, 1);
	tzset();
	for (int i = 0; i < TZ_SLOTS; i++)
		tzc.used[i] = false;
	return 0;
}

long tz_offset(int64_t ts)
{
	int64_t h = floor_div(ts, 3600);
	unsigned slot = (unsigned)((uint64_t)h % TZ_SLOTS);
	pthread_mutex_lock(&tz_lock);
	if (tzc.used[slot] && tzc.hour[slot] == h) {
		long off = tzc.off[slot];
		pthread_mutex_unlock(&tz_lock);
		return off;
	}
	time_t t = (time_t)ts;
	struct tm tm;
	long off = 0;
	if (localtime_r(&t, &tm))
		off = tm.tm_gmtoff;
	tzc.hour[slot] = h;
	tzc.off[slot] = off;
	tzc.used[slot] = true;
	pthread_mutex_unlock(&tz_lock);
	return off;
}
