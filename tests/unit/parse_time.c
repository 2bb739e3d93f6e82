/* parse_log_time (W3C date and time, UTC: valid and invalid dates including
 * 29 February, fractional seconds) and parse_user_time (--start/--end).
 * Expected values are Unix times computed independently (Python calendar.timegm). */
#include <stdlib.h>
#include <time.h>

#include "../../formats/timeutil.h"
#include "test.h"

static int64_t ts;

static bool lt(const char *d, const char *t)
{
	ts = -12345;
	return parse_log_time(slice_make(d, strlen(d)), slice_make(t, strlen(t)), &ts);
}

static void test_valid(void)
{
	CHECK(lt("2016-08-21", "00:01:43") && ts == 1471737703, "2016-08-21 00:01:43 (%lld)", (long long)ts);
	CHECK(lt("2005-03-08", "09:00:08") && ts == 1110272408, "2005-03-08 09:00:08 (%lld)", (long long)ts);
	CHECK(lt("1970-01-01", "00:00:00") && ts == 0, "the epoch (%lld)", (long long)ts);
	CHECK(lt("1969-12-31", "23:59:59") && ts == -1, "just before the epoch (%lld)", (long long)ts);
	CHECK(lt("9999-12-31", "23:59:59") && ts == 253402300799LL, "9999-12-31 23:59:59 (%lld)", (long long)ts);
	CHECK(lt("2016-02-29", "00:00:00") && ts == 1456704000, "29 February in a leap year (%lld)", (long long)ts);
	CHECK(lt("2000-02-29", "12:00:00") && ts == 951825600, "29 February 2000 (divisible by 400) (%lld)",
	      (long long)ts);
	CHECK(lt("2016-8-1", "00:00:00") && ts == 1470009600, "one-digit month and day (%lld)", (long long)ts);
	CHECK(lt("2016-12-31", "23:59:59") && lt("2016-04-30", "00:00:00") && lt("2016-01-31", "00:00:00"),
	      "last days of months");
}

static void test_fraction(void)
{
	CHECK(lt("2016-08-21", "00:01:43.363") && ts == 1471737703, "fractional seconds are read and dropped (%lld)",
	      (long long)ts);
	CHECK(lt("2016-08-21", "00:01:43.9999999") && ts == 1471737703, "seven fraction digits, not rounded up (%lld)",
	      (long long)ts);
	CHECK(lt("2016-08-21", "00:01:43.0") && ts == 1471737703, "one fraction digit");
	CHECK(!lt("2016-08-21", "00:01:43.") && !lt("2016-08-21", "00:01:43.12a") && !lt("2016-08-21", "00:01:43,5"),
	      "a dot without digits, or junk after them, is not a time");
}

static void test_invalid(void)
{
	CHECK(!lt("2015-02-29", "00:00:00"), "29 February in a common year");
	CHECK(!lt("1900-02-29", "00:00:00"), "29 February 1900 (divisible by 100, not 400)");
	CHECK(!lt("2016-02-30", "00:00:00") && !lt("2016-04-31", "00:00:00") && !lt("2016-06-31", "00:00:00") &&
		      !lt("2016-01-32", "00:00:00"),
	      "days past the end of the month");
	CHECK(!lt("2016-13-01", "00:00:00") && !lt("2016-00-10", "00:00:00") && !lt("2016-01-00", "00:00:00"),
	      "month 13, month 0, day 0");
	CHECK(!lt("16-08-21", "00:00:00") && !lt("20160-08-21", "00:00:00") && !lt("2016/08/21", "00:00:00") &&
		      !lt("2016-08-21x", "00:00:00") && !lt(" 2016-08-21", "00:00:00") && !lt("", "00:00:00") &&
		      !lt("2016-08", "00:00:00") && !lt("2016-08-021", "00:00:00"),
	      "dates in other shapes");
	CHECK(!lt("2016-08-21", "24:00:00") && !lt("2016-08-21", "12:60:00") && !lt("2016-08-21", "12:00:60"),
	      "hour 24, minute 60, second 60");
	CHECK(!lt("2016-08-21", "12:00:00Z") && !lt("2016-08-21", "") && !lt("2016-08-21", "12") &&
		      !lt("2016-08-21", "12:00:00 ") && !lt("2016-08-21", "-1:00:00") && !lt("2016-08-21", "a2:00:00"),
	      "times in other shapes");
	CHECK(lt("2016-08-21", "12:00:00") && !lt("28/Jun/2017", "07:28:59"), "the Incapsula #Date form is not a date");
}

static bool ut(const char *s, bool local)
{
	ts = -12345;
	return parse_user_time(s, local, &ts);
}

static void test_user_time(void)
{
	CHECK(ut("2016-08-22", false) && ts == 1471824000, "YYYY-MM-DD is midnight UTC (%lld)", (long long)ts);
	CHECK(ut("2016-08-22 10:00", false) && ts == 1471860000, "YYYY-MM-DD HH:MM (%lld)", (long long)ts);
	CHECK(ut("2016-08-22 10:00:00", false) && ts == 1471860000, "YYYY-MM-DD HH:MM:SS");
	CHECK(ut("2016-08-22T10:00:00Z", false) && ts == 1471860000, "the ISO form with T and Z");
	CHECK(ut("2016-08-22T10:00", false) && ts == 1471860000, "T without Z");
	CHECK(!ut("2016-08-22 25:00", false) && !ut("2016-02-30", false) && !ut("yesterday", false) &&
		      !ut("", false) && !ut("2016-08-22 10:00 x", false),
	      "other forms are refused");
	setenv("TZ", "UTC-2", 1); /* POSIX: two hours east of UTC */
	tzset();
	CHECK(ut("2016-08-22", true) && ts == 1471816800, "local: midnight at UTC+2 is 22:00 UTC the day before (%lld)",
	      (long long)ts);
	CHECK(!ut("2016-08-22T00:00Z", true), "local with Z is refused");
	setenv("TZ", "EST5EDT,M3.2.0,M11.1.0", 1);
	tzset();
	CHECK(ut("2016-08-21 20:00", true) && ts == 1471824000, "local: 20:00 EDT is midnight UTC (%lld)", (long long)ts);
	CHECK(ut("2016-01-21 19:00", true) && ts == 1453420800, "local: 19:00 EST is midnight UTC (%lld)", (long long)ts);
}

int main(void)
{
	test_valid();
	test_fraction();
	test_invalid();
	test_user_time();
	return test_done();
}
