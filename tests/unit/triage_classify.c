/* Unit tests of the triage pieces in analyzers/classify.c: the latency
 * histogram, median and MAD, natural order, user agent rules. */
#include <math.h>
#include <stdlib.h>

#include "../../analyzers/classify.h"
#include "test.h"

static void test_latency(void)
{
	CHECK_U64(lat_bin(0), 0, "0 ms has a bin of its own");
	CHECK_U64(lat_value(0), 0, "bin 0 is 0 ms");
	bool exact = true, mono = true, close = true;
	unsigned prev = 0;
	for (uint64_t t = 1; t < 50; t++)
		exact &= lat_value(lat_bin(t)) == t;
	CHECK(exact, "below 50 ms every time is its own bin's value");
	double worst = 0;
	for (uint64_t t = 1; t <= 20000000; t += t / 50 + 1) {
		unsigned b = lat_bin(t);
		mono &= b >= prev;
		prev = b;
		/* the bin's middle is within 1% of every time in it; rounding
		 * to a millisecond adds up to half of one */
		double err = fabs((double)lat_value(b) - (double)t) - 0.5;
		if (err / (double)t > worst)
			worst = err / (double)t;
	}
	close = worst <= 0.01;
	CHECK(mono, "bins grow with the time");
	CHECK(close, "representative values within 1%% + 0.5 ms up to 20 000 s (worst %.4f)", worst);
	CHECK_U64(lat_bin(UINT64_MAX), LAT_BINS - 1, "huge times land in the last bin");
	CHECK_U64(lat_bin(600000) < LAT_BINS - 1, 1, "10 minutes is below the last bin");

	static uint64_t counts[LAT_BINS];
	/* 100 samples: 1..100 ms */
	for (uint64_t t = 1; t <= 100; t++)
		counts[lat_bin(t)]++;
	uint64_t p50 = lat_quantile(counts, 100, 0.5), p95 = lat_quantile(counts, 100, 0.95);
	CHECK(p50 == 50, "median of 1..100 ms is 50 (nearest rank), got %llu", (unsigned long long)p50);
	CHECK(p95 >= 94 && p95 <= 96, "95th percentile of 1..100 ms is 95 within 1%%, got %llu",
	      (unsigned long long)p95);
	CHECK_U64(lat_quantile(counts, 0, 0.5), 0, "no samples: 0");
}

static void test_robust(void)
{
	double v[] = {5, 1, 3, 2, 4};
	double m = median_d(v, 5);
	CHECK(m == 3, "median of 1..5 is 3, got %g", m);
	double w[] = {4, 1, 3, 2};
	CHECK(median_d(w, 4) == 2.5, "median of an even count is the mean of the middle two");
	double x[] = {10, 10, 10, 10, 100};
	m = median_d(x, 5);
	double mad = mad_d(x, 5, m);
	CHECK(m == 10 && mad == 0, "one outlier moves neither median (%g) nor MAD (%g)", m, mad);
	double y[] = {1, 2, 3, 4, 5, 6, 7};
	m = median_d(y, 7);
	CHECK(mad_d(y, 7, m) == 2, "MAD of 1..7 is 2");
	CHECK(median_d(NULL, 0) == 0, "median of nothing is 0");
}

static int ncmp(const char *a, const char *b)
{
	return natural_cmp(slice_make(a, strlen(a)), slice_make(b, strlen(b)));
}

static void test_natural(void)
{
	CHECK(ncmp("iOS 9.2", "iOS 16.7.5") < 0, "iOS 9.2 before iOS 16.7.5");
	CHECK(ncmp("iOS 17.3.1", "iOS 17.10") < 0, "17.3.1 before 17.10");
	CHECK(ncmp("Android", "Android 5") < 0, "a prefix first");
	CHECK(ncmp("EXCH2", "EXCH10") < 0, "EXCH2 before EXCH10");
	CHECK(ncmp("Exchange", "iOS") < 0 && ncmp("iOS", "Windows") < 0, "case does not split the order");
	CHECK(ncmp("a07", "a7") != 0 && ncmp("a07", "a7") == -ncmp("a7", "a07"), "equal values: bytes decide, both ways");
	CHECK(ncmp("same", "same") == 0, "equal strings are equal");
}

static void classify(const struct classifier *c, const char *agent, const char *devos, struct ua_class *u)
{
	classifier_match(c, slice_make(agent, strlen(agent)), slice_make(devos, strlen(devos)), u);
}

static void test_rules(void)
{
	struct classifier c;
	char err[600];
	classifier_init(&c);
	CHECK(classifier_add_line(&c, "# a comment", "t:1", err, sizeof err) == 0, "comment");
	CHECK(classifier_add_line(&c, "   ", "t:2", err, sizeof err) == 0, "blank line");
	CHECK(classifier_add_line(&c, "iOS\tApple Mail\tiOS $1", "t:3", err, sizeof err) < 0 &&
		      strstr(err, "t:3: want platform<TAB>client<TAB>os-template<TAB>regex"),
	      "three fields are an error naming the line: %s", err);
	CHECK(classifier_add_line(&c, "a\tb\t$2\t^(x)", "t:4", err, sizeof err) < 0 && strstr(err, "$2"),
	      "a template beyond the captures: %s", err);
	CHECK(classifier_add_line(&c, "a\tb\tc\t^(x", "t:5", err, sizeof err) < 0 && strstr(err, "t:5: regex"),
	      "a bad regex: %s", err);
	CHECK(classifier_add_line(&c, "a\tb$\tc\tx", "t:6", err, sizeof err) < 0, "a lone $: %s", err);
	CHECK(c.n == 0, "no rule kept from bad lines");
	CHECK(classifier_add_line(&c, "Phone\t\t\tClient $$1\t\tOS $2.$1\t^Agent/([0-9]+)\\.([0-9]+)\\t", "t:7", err,
				  sizeof err) == 1,
	      "aligned columns (runs of TABs): %s", err);
	CHECK(classifier_add_line(&c, "Phone\tOther\t$1\t\\t(.+)$", "t:8", err, sizeof err) == 1, "a DevOS rule");
	CHECK(classifier_add_line(&c, "Never\tx\tx\t^Agent/", "t:9", err, sizeof err) == 1, "a later rule");
	struct ua_class u;
	classify(&c, "Agent/16.2", "", &u);
	CHECK_STR(u.family, "Phone", "platform");
	CHECK_STR(u.client, "Client $1", "$$ is a dollar sign");
	CHECK_STR(u.os, "OS 2.16", "captures in any order");
	classify(&c, "Else/1", "Some OS 1.0", &u);
	CHECK_STR(u.os, "Some OS 1.0", "the regex sees the DevOS after a TAB");
	classify(&c, "Else/1", "", &u);
	CHECK(strcmp(u.family, "unknown") == 0 && strcmp(u.client, "unknown") == 0 && strcmp(u.os, "unknown") == 0,
	      "no rule matches: unknown, unknown, unknown");
	classifier_free(&c);
	classifier_init(&c);
	CHECK(classifier_add_line(&c, "x\t $1 \t$1\t^(z*)", "t:10", err, sizeof err) == 1, "empty capture rule");
	classify(&c, "abc", "", &u);
	CHECK_STR(u.client, "unknown", "a template that comes out empty reads unknown");
	classifier_free(&c);
	classifier_init(&c);
	CHECK(classifier_load(&c, "/nonexistent/rules", err, sizeof err) < 0 && strstr(err, "cannot open '/nonexistent/rules'"),
	      "a missing file: %s", err);
	classifier_free(&c);
}

static void test_groups(void)
{
	CHECK(group_kind_parse("agent-family") == GROUP_AGENT_FAMILY, "agent-family");
	CHECK(group_kind_parse("device-type") == GROUP_DEVTYPE, "device-type");
	CHECK(group_kind_parse("Server") < 0 && group_kind_parse("") < 0, "names are exact");
	CHECK_STR(group_kind_header(GROUP_OS), "OS", "header");
	struct slice d = group_display(GROUP_DEVTYPE, SLICE_LIT(""), NULL);
	CHECK(d.n == 6 && memcmp(d.p, "(none)", 6) == 0, "an empty value shows as (none)");
}

int main(void)
{
	test_latency();
	test_robust();
	test_natural();
	test_rules();
	test_groups();
	return test_done();
}
