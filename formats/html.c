/* html: the reports as one self-contained page. The markup is written by
 * hand, well-formed XML as well as HTML: void elements closed with "/>",
 * attribute values quoted, only the five XML entities (as &#39; for '), and
 * an inline script and style without '<' or '&'. Every text that comes from
 * the reports goes through html_escape. */
#include "html.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "outbuf.h"
#include "timeutil.h"
#include "utf8.h"

#define FFFD "\xEF\xBF\xBD"
#define ELLIP "\xE2\x80\xA6"
#define NDASH "\xE2\x80\x93"
#define MDOT "\xC2\xB7"

#define DEFAULT_TITLE "Exchange ActiveSync report"
#define DEFAULT_MAX_ROWS 200
#define TOP_N 15          /* bars in a top-N chart */
#define MAX_POINTS 1000   /* points of a time series before hours are pooled */

struct page {
	struct outbuf *o;
	const struct html_input *in;
	const struct captable *r[HTML_NREPORTS]; /* NULL when absent */
	const char *zone;
	bool oom;
};

/* ------------------------------------------------------------------ */
/* Output helpers                                                      */

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void pf(struct outbuf *o, const char *fmt, ...)
{
	char b[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b, sizeof b, fmt, ap);
	va_end(ap);
	if (n > 0)
		out_bytes(o, b, (size_t)n < sizeof b ? (size_t)n : sizeof b - 1);
}

static void S(struct outbuf *o, const char *s)
{
	out_str(o, s);
}

void html_escape(struct outbuf *o, struct slice s)
{
	const unsigned char *p = (const unsigned char *)s.p;
	size_t i = 0, start = 0;
	while (i < s.n) {
		unsigned char c = p[i];
		const char *rep = NULL;
		size_t adv = 1;
		if (c < 0x80) {
			switch (c) {
			case '&': rep = "&amp;"; break;
			case '<': rep = "&lt;"; break;
			case '>': rep = "&gt;"; break;
			case '"': rep = "&quot;"; break;
			case '\'': rep = "&#39;"; break;
			default:
				if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
					rep = FFFD;
			}
		} else {
			size_t l = utf8_seq_len(p + i, s.n - i);
			if (l == 0)
				rep = FFFD; /* one invalid byte */
			else if ((l == 2 && c == 0xC2 && p[i + 1] < 0xA0) || /* C1 controls */
				 (l == 3 && c == 0xEF && p[i + 1] == 0xBF && p[i + 2] >= 0xBE)) { /* U+FFFE, U+FFFF */
				rep = FFFD;
				adv = l;
			} else {
				adv = l;
			}
		}
		if (rep) {
			out_bytes(o, s.p + start, i - start);
			out_str(o, rep);
			i += adv;
			start = i;
		} else {
			i += adv;
		}
	}
	out_bytes(o, s.p + start, s.n - start);
}

static void E(struct outbuf *o, const char *s)
{
	html_escape(o, slice_make(s, strlen(s)));
}

/* Estimated width in pixels of the character at p (l bytes) in the 11px
 * sans-serif of the charts: a little generous, so labels cut by it fit. */
static double char_px(const char *p, size_t l)
{
	if (l >= 3)
		return 11.5; /* CJK and symbols: about square */
	if (l == 2)
		return 7.5;
	unsigned char c = (unsigned char)*p;
	if (strchr("il.,:;|!'`", c))
		return 3.2;
	if (strchr("fjtrI()[]/\\ -{}\"", c))
		return 4.3;
	if (strchr("mwMW@%", c))
		return 10.2;
	if (c >= 'A' && c <= 'Z')
		return 7.9;
	return 7.0;
}

/* s cut to fit px pixels (the cut marked with an ellipsis), escaped. */
static void esc_fit(struct outbuf *o, struct slice s, double px)
{
	double w = 0;
	size_t i = 0, cut = 0;
	bool cutting = false;
	while (i < s.n) {
		size_t l = utf8_seq_len((const unsigned char *)s.p + i, s.n - i);
		if (!l)
			l = 1;
		w += char_px(s.p + i, l);
		if (w > px - 8 && !cutting) {
			cut = i;
			cutting = true;
		}
		if (w > px)
			break;
		i += l;
	}
	if (i >= s.n) {
		html_escape(o, s);
		return;
	}
	html_escape(o, slice_make(s.p, cut));
	S(o, ELLIP);
}

/* Estimated width of s, as esc_fit measures. */
static double text_px(struct slice s)
{
	double w = 0;
	for (size_t i = 0; i < s.n;) {
		size_t l = utf8_seq_len((const unsigned char *)s.p + i, s.n - i);
		if (!l)
			l = 1;
		w += char_px(s.p + i, l);
		i += l;
	}
	return w;
}

/* 1234567 as "1,234,567". */
static void group(char *b, size_t cap, uint64_t v)
{
	char d[32];
	int n = snprintf(d, sizeof d, "%llu", (unsigned long long)v);
	size_t k = 0;
	for (int i = 0; i < n && k + 2 < cap; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			b[k++] = ',';
		b[k++] = d[i];
	}
	b[k] = '\0';
}

static void out_group(struct outbuf *o, uint64_t v)
{
	char b[40];
	group(b, sizeof b, v);
	S(o, b);
}

/* Short form for axis ticks and bar labels: 950, 9.5, 12k, 1.5M. */
static void compact(char *b, size_t cap, double v)
{
	static const char *const suf[] = {"", "k", "M", "G", "T"};
	int k = 0;
	double a = fabs(v);
	while (a >= 999.5 && k < 4) {
		a /= 1000;
		v /= 1000;
		k++;
	}
	if (k == 0 && v == floor(v))
		snprintf(b, cap, "%.0f", v);
	else if (a < 9.95)
		snprintf(b, cap, "%.1f%s", v, suf[k]);
	else
		snprintf(b, cap, "%.0f%s", v, suf[k]);
	/* "2.0k" reads better as "2k" */
	char *dot = strstr(b, ".0");
	if (dot && (dot[2] == '\0' || (dot[2] >= 'A' && dot[2] <= 'z')))
		memmove(dot, dot + 2, strlen(dot + 2) + 1);
}

static void pct(char *b, size_t cap, double part, double whole)
{
	if (whole <= 0)
		snprintf(b, cap, "0%%");
	else if (part / whole * 100 < 0.1 && part > 0)
		snprintf(b, cap, "<0.1%%");
	else
		snprintf(b, cap, "%.1f%%", part / whole * 100);
}

/* "hits" for any count but one, "hit" for one. */
static void unit_for(struct outbuf *o, double v, const char *unit)
{
	size_t n = strlen(unit);
	if (llround(v) == 1 && n > 1 && unit[n - 1] == 's')
		n--;
	html_escape(o, slice_make(unit, n));
}

/* ------------------------------------------------------------------ */
/* Sorting with a context (stable merge sort of indices)               */

typedef int (*cmp_fn)(const void *ctx, size_t a, size_t b);

static void msort_rec(size_t *a, size_t *tmp, size_t n, cmp_fn cmp, const void *ctx)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	msort_rec(a, tmp, h, cmp, ctx);
	msort_rec(a + h, tmp, n - h, cmp, ctx);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = cmp(ctx, a[j], a[i]) < 0 ? a[j++] : a[i++];
	while (i < h)
		tmp[k++] = a[i++];
	while (j < n)
		tmp[k++] = a[j++];
	memcpy(a, tmp, n * sizeof *a);
}

static int msort(size_t *a, size_t n, cmp_fn cmp, const void *ctx)
{
	if (n < 2)
		return 0;
	size_t *tmp = malloc(n * sizeof *tmp);
	if (!tmp)
		return -1;
	msort_rec(a, tmp, n, cmp, ctx);
	free(tmp);
	return 0;
}

static size_t *iota(size_t n)
{
	size_t *a = malloc((n ? n : 1) * sizeof *a);
	if (a)
		for (size_t i = 0; i < n; i++)
			a[i] = i;
	return a;
}

/* Rows by a number column, largest first (ties keep report order). */
struct by_num {
	const double *v;
};

static int cmp_desc(const void *ctx, size_t a, size_t b)
{
	const struct by_num *c = ctx;
	return c->v[a] > c->v[b] ? -1 : c->v[a] < c->v[b] ? 1 : 0;
}

/* ------------------------------------------------------------------ */
/* Reading the reports                                                 */

static bool is_total_row(const struct captable *t, size_t r)
{
	return slice_eq(captable_cell(t, r, 0), "*** Total ***");
}

/* "YYYY-MM-DD" as a day number. */
static bool parse_date(struct slice s, int64_t *days)
{
	if (s.n != 10 || s.p[4] != '-' || s.p[7] != '-')
		return false;
	int v[3] = {0, 0, 0}, k = 0;
	for (size_t i = 0; i < s.n; i++) {
		if (s.p[i] == '-') {
			k++;
			continue;
		}
		if (s.p[i] < '0' || s.p[i] > '9')
			return false;
		v[k] = v[k] * 10 + (s.p[i] - '0');
	}
	if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
		return false;
	*days = days_from_civil(v[0], (unsigned)v[1], (unsigned)v[2]);
	return true;
}

/* The hour (hours since the epoch, in the report's zone) of a Date,Hour
 * row; with cdate < 0, of a row whose column chour is a Start time
 * ("YYYY-MM-DDTHH:MM:SS" and a zone suffix, as easlog-hits --report series
 * writes it: the wall time counts). */
static bool row_hour(const struct captable *t, size_t r, int cdate, int chour, int64_t *h)
{
	int64_t d;
	if (cdate < 0) {
		struct slice st = captable_cell(t, r, chour);
		if (st.n < 13 || st.p[10] != 'T' || st.p[11] < '0' || st.p[11] > '2' || st.p[12] < '0' ||
		    st.p[12] > '9' || !parse_date(slice_make(st.p, 10), &d))
			return false;
		int hr = (st.p[11] - '0') * 10 + (st.p[12] - '0');
		if (hr > 23)
			return false;
		*h = d * 24 + hr;
		return true;
	}
	if (!parse_date(captable_cell(t, r, cdate), &d))
		return false;
	struct slice hs = captable_cell(t, r, chour);
	if (hs.n == 0 || hs.n > 2)
		return false;
	uint64_t hr = captable_u64(t, r, chour);
	if (hr > 23 || (hs.p[0] < '0' || hs.p[0] > '9'))
		return false;
	*h = d * 24 + (int64_t)hr;
	return true;
}

static const char *const wd_names[7] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
static const char *const wd_short[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

/* ------------------------------------------------------------------ */
/* Figures                                                             */

static void fig_open(struct page *pg, const char *id, const char *caption, const char *cls)
{
	pf(pg->o, "<figure id=\"%s\" class=\"%s\"><figcaption>", id, cls);
	E(pg->o, caption);
	S(pg->o, "</figcaption>\n");
}

static void fig_close(struct page *pg, const char *note)
{
	if (note) {
		S(pg->o, "<p class=\"note\">");
		E(pg->o, note);
		S(pg->o, "</p>");
	}
	S(pg->o, "</figure>\n");
}

static void svg_open(struct page *pg, int w, int h, const char *label)
{
	pf(pg->o,
	   "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	   "role=\"img\" aria-label=\"",
	   w, h, w, h);
	E(pg->o, label);
	S(pg->o, "\">\n");
}

/* A "nice" axis: step and top for values up to max, about want ticks. */
static void nice_axis(double max, int want, double *step, double *top)
{
	if (!(max > 0)) {
		*step = 1;
		*top = want;
		return;
	}
	double raw = max / want, mag = pow(10, floor(log10(raw))), f = raw / mag;
	double s = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
	if (s < 1 && max >= 1)
		s = 1;
	*step = s;
	*top = ceil(max / s - 1e-9) * s;
	if (*top <= 0)
		*top = s;
}

/* ------------------------------------------------------------------ */
/* Time series (line charts)                                           */

struct tseries {
	struct slice name;
	double *v;    /* npoints values */
	double total; /* for the tooltip */
};

struct timeaxis {
	int64_t h0;   /* first bucket's hour (aligned) */
	size_t n;     /* buckets */
	int bucket;   /* hours per bucket */
};

static void timeaxis_make(struct timeaxis *ax, int64_t first, int64_t last)
{
	static const int steps[] = {1, 2, 3, 6, 12, 24, 168};
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		int b = steps[i];
		/* 168: weeks start on Monday (day 4 since the epoch) */
		int64_t off = b == 168 ? 96 : 0;
		int64_t a0 = floor_div(first - off, b) * b + off, a1 = floor_div(last - off, b) * b + off;
		ax->h0 = a0;
		ax->bucket = b;
		ax->n = (size_t)((a1 - a0) / b + 1);
		if (ax->n <= MAX_POINTS)
			return;
	}
}

static size_t timeaxis_ix(const struct timeaxis *ax, int64_t h)
{
	return (size_t)((h - ax->h0) / ax->bucket);
}

static void hour_label(char *b, size_t cap, int64_t h, int step, bool with_wd)
{
	int64_t d = floor_div(h, 24);
	int64_t y;
	unsigned m, dd;
	civil_from_days(d, &y, &m, &dd);
	if (step < 24 && h - d * 24 != 0)
		snprintf(b, cap, "%02d:00", (int)(h - d * 24));
	else if (with_wd)
		snprintf(b, cap, "%s %02u-%02u", wd_short[weekday(d)], m, dd);
	else
		snprintf(b, cap, "%02u-%02u", m, dd);
}

/* Legend entries laid out in rows: returns the number of rows; with draw,
 * writes them (y of the first row's baseline at top). */
static int legend(struct page *pg, const struct tseries *s, size_t ns, int x0, int x1, int top, bool draw)
{
	int x = x0, rows = 1;
	for (size_t i = 0; i < ns; i++) {
		double tw = text_px(s[i].name);
		int w = 22 + (int)(tw > 220 ? 220 : tw) + 16;
		if (x + w > x1 && x > x0) {
			x = x0;
			rows++;
		}
		if (draw) {
			int y = top + (rows - 1) * 18;
			pf(pg->o, "<g class=\"lg\"><line class=\"s%zu%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", i % 10,
			   i >= 10 ? " dash" : "", x, y - 4, x + 16, y - 4);
			pf(pg->o, "<text x=\"%d\" y=\"%d\">", x + 22, y);
			esc_fit(pg->o, s[i].name, 220);
			S(pg->o, "</text></g>\n");
		}
		x += w;
	}
	return rows;
}

static void time_chart(struct page *pg, const char *id, const char *caption, const char *ylabel,
		       const struct timeaxis *ax, const struct tseries *s, size_t ns, bool peak, const char *note)
{
	struct outbuf *o = pg->o;
	const int W = 1160, ml = 58, mr = 18, ph = 230, mb = 38;
	int lrows = legend(pg, s, ns, ml, W - mr, 0, false);
	int mt = 14 + lrows * 18 + 4;
	int H = mt + ph + mb;
	double max = 0;
	for (size_t k = 0; k < ns; k++)
		for (size_t i = 0; i < ax->n; i++)
			if (s[k].v[i] > max)
				max = s[k].v[i];
	double step, top;
	nice_axis(max, 5, &step, &top);
	double pw = W - ml - mr;
	int64_t span = (int64_t)(ax->n - 1) * ax->bucket; /* hours from the first to the last point */

	fig_open(pg, id, caption, "wide");
	svg_open(pg, W, H, caption);
	legend(pg, s, ns, ml, W - mr, 14, true);
	/* y axis */
	S(o, "<g class=\"ax\">");
	for (double v = 0; v <= top + step / 2; v += step) {
		double y = mt + ph - v / top * ph;
		char b[24];
		compact(b, sizeof b, v);
		pf(o, "<line class=\"gl\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/><text x=\"%d\" y=\"%.1f\" "
		      "text-anchor=\"end\">%s</text>",
		   ml, y, W - mr, y, ml - 6, y + 4, b);
	}
	pf(o, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">", mt + ph / 2,
	   mt + ph / 2);
	E(o, ylabel);
	S(o, "</text>\n");
	/* x axis: ticks on hours, days or weeks, at most about 12 */
	static const int tsteps[] = {1, 2, 3, 6, 12, 24, 48, 168, 336, 672, 1344, 2688, 5376, 8736};
	int tstep = tsteps[sizeof tsteps / sizeof *tsteps - 1];
	for (size_t i = 0; i < sizeof tsteps / sizeof *tsteps; i++)
		if (span / tsteps[i] <= 12) {
			tstep = tsteps[i];
			break;
		}
	int64_t off = tstep >= 168 ? 96 : 0;
	int64_t t = floor_div(ax->h0 - off, tstep) * tstep + off;
	if (t < ax->h0)
		t += tstep;
	bool with_wd = tstep == 24 && span <= 10 * 24;
	for (; t <= ax->h0 + span; t += tstep) {
		double x = span > 0 ? ml + (double)(t - ax->h0) / (double)span * pw : ml + pw / 2;
		char b[32];
		hour_label(b, sizeof b, t, tstep, with_wd);
		pf(o, "<line class=\"gl\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/><text x=\"%.1f\" y=\"%d\" "
		      "text-anchor=\"middle\">%s</text>",
		   x, mt, x, mt + ph + 4, x, mt + ph + 18, b);
	}
	pf(o, "<line class=\"base\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", ml, mt + ph, W - mr, mt + ph);
	{
		char b[96];
		if (ax->bucket == 1)
			snprintf(b, sizeof b, "time (%s), one point per hour", pg->zone);
		else
			snprintf(b, sizeof b, "time (%s), one point per %d hours", pg->zone, ax->bucket);
		pf(o, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", ml + pw / 2, mt + ph + 34);
		E(o, b);
		S(o, "</text>");
	}
	S(o, "</g>\n");
	/* the lines */
	for (size_t k = 0; k < ns; k++) {
		pf(o, "<polyline class=\"l s%zu%s\" points=\"", k % 10, k >= 10 ? " dash" : "");
		for (size_t i = 0; i < ax->n; i++) {
			double x = ax->n > 1 ? ml + (double)i / (double)(ax->n - 1) * pw : ml + pw / 2;
			double y = mt + ph - s[k].v[i] / top * ph;
			pf(o, i ? " %.1f,%.1f" : "%.1f,%.1f", x, y);
		}
		S(o, "\"><title>");
		html_escape(o, s[k].name);
		char b[40];
		group(b, sizeof b, (uint64_t)llround(s[k].total));
		if (peak)
			pf(o, ": at most %s in an hour</title></polyline>\n", b);
		else
			pf(o, ": %s in all</title></polyline>\n", b);
		if (ax->n == 1)
			pf(o, "<circle class=\"f%zu\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"/>", k % 10, ml + pw / 2,
			   mt + ph - s[k].v[0] / top * ph);
	}
	S(o, "</svg>\n");
	fig_close(pg, note);
}

/* Cells compared as bytes (then by length). */
struct cell_ctx {
	const struct captable *t;
	int c;
};

static int cmp_slice(struct slice p, struct slice q)
{
	size_t n = p.n < q.n ? p.n : q.n;
	int d = n ? memcmp(p.p, q.p, n) : 0;
	return d ? d : (p.n > q.n) - (p.n < q.n);
}

static int cmp_cell(const void *ctx, size_t a, size_t b)
{
	const struct cell_ctx *x = ctx;
	return cmp_slice(captable_cell(x->t, a, x->c), captable_cell(x->t, b, x->c));
}

/* Hits (and errors) and unique devices over time: per server when the
 * per-server series are given, else the Hourly report's totals. */
static void time_charts(struct page *pg)
{
	const struct captable *h = pg->r[HTML_HOURLY];
	const struct captable *sh = pg->in->server_hourly;
	int cd = h ? captable_col(h, "Date") : -1, ch = h ? captable_col(h, "Hour") : -1;
	int chits = h ? captable_col(h, "Hits") : -1, cdev = h ? captable_col(h, "Unique Devices") : -1;
	int cerr = h ? captable_col(h, "Errors") : -1;
	int sd = -1, sH = -1, shits = -1, sdev = -1, ssrv = -1;
	if (sh && sh->nrows > 0) {
		ssrv = captable_col(sh, "Server");
		sd = captable_col(sh, "Date");
		sH = captable_col(sh, "Hour");
		if (sd < 0 || sH < 0) { /* the series form: Start */
			sd = -1;
			sH = captable_col(sh, "Start");
		}
		shits = captable_col(sh, "Hits");
		sdev = captable_col(sh, "Unique Devices");
		if (ssrv < 0 || sH < 0 || shits < 0)
			sh = NULL;
	} else {
		sh = NULL;
	}
	bool totals = h && cd >= 0 && ch >= 0 && (chits >= 0 || cdev >= 0);
	if (!totals && !sh) {
		if (h && captable_col(h, "Day") >= 0)
			S(pg->o, "<p class=\"note\">The Hourly report pools the dates by weekday: there is no time "
				 "series to draw; the heat map has it all.</p>\n");
		return;
	}
	/* the hours covered */
	int64_t first = INT64_MAX, last = INT64_MIN, hr;
	if (totals)
		for (size_t r = 0; r < h->nrows; r++)
			if (row_hour(h, r, cd, ch, &hr)) {
				first = hr < first ? hr : first;
				last = hr > last ? hr : last;
			}
	if (sh)
		for (size_t r = 0; r < sh->nrows; r++)
			if (row_hour(sh, r, sd, sH, &hr)) {
				first = hr < first ? hr : first;
				last = hr > last ? hr : last;
			}
	if (first > last)
		return;
	struct timeaxis ax;
	timeaxis_make(&ax, first, last);

	size_t ns = 0, nh, nd, *idx = NULL, *sid = NULL;
	struct tseries *ser = NULL;
	double *vals = NULL;
	if (sh) {
		struct cell_ctx cc = {sh, ssrv};
		idx = iota(sh->nrows);
		sid = malloc(sh->nrows * sizeof *sid);
		if (!idx || !sid || msort(idx, sh->nrows, cmp_cell, &cc) < 0)
			goto oom;
		for (size_t i = 0; i < sh->nrows; i++) {
			if (i == 0 || cmp_cell(&cc, idx[i - 1], idx[i]) != 0)
				ns++;
			sid[idx[i]] = ns - 1;
		}
		nh = ns;
		nd = sdev >= 0 ? ns : 0;
	} else {
		nh = (chits >= 0) + (cerr >= 0);
		nd = cdev >= 0;
	}
	ser = calloc(nh + nd, sizeof *ser);
	vals = calloc((nh + nd) * ax.n, sizeof *vals);
	if (!ser || !vals)
		goto oom;
	for (size_t k = 0; k < nh + nd; k++)
		ser[k].v = vals + k * ax.n;
	struct tseries *hs = ser, *ds = ser + nh;
	if (sh) {
		for (size_t i = 0; i < sh->nrows; i++) {
			size_t r = idx[i];
			struct slice name = captable_cell(sh, r, ssrv);
			hs[sid[r]].name = name;
			if (nd)
				ds[sid[r]].name = name;
			if (!row_hour(sh, r, sd, sH, &hr))
				continue;
			size_t x = timeaxis_ix(&ax, hr);
			double v = captable_double(sh, r, shits);
			hs[sid[r]].v[x] += v;
			hs[sid[r]].total += v;
			if (nd) {
				double d = captable_double(sh, r, sdev);
				if (d > ds[sid[r]].v[x])
					ds[sid[r]].v[x] = d;
				if (d > ds[sid[r]].total)
					ds[sid[r]].total = d;
			}
		}
	} else {
		size_t k = 0;
		int hc[2] = {-1, -1};
		if (chits >= 0) {
			hs[k].name = SLICE_LIT("Hits");
			hc[k++] = chits;
		}
		if (cerr >= 0) {
			hs[k].name = SLICE_LIT("Errors");
			hc[k++] = cerr;
		}
		if (nd)
			ds[0].name = SLICE_LIT("Unique devices");
		for (size_t r = 0; r < h->nrows; r++) {
			if (!row_hour(h, r, cd, ch, &hr))
				continue;
			size_t x = timeaxis_ix(&ax, hr);
			for (size_t j = 0; j < nh; j++) {
				double v = captable_double(h, r, hc[j]);
				hs[j].v[x] += v;
				hs[j].total += v;
			}
			if (nd) {
				double d = captable_double(h, r, cdev);
				if (d > ds[0].v[x])
					ds[0].v[x] = d;
				if (d > ds[0].total)
					ds[0].total = d;
			}
		}
	}
	char cap[128], per[32];
	if (ax.bucket == 1)
		snprintf(per, sizeof per, "hour");
	else
		snprintf(per, sizeof per, "%d hours", ax.bucket);
	if (nh) {
		snprintf(cap, sizeof cap, sh ? "Hits per %s, by server" : cerr >= 0 ? "Hits and errors per %s" : "Hits per %s",
			 per);
		time_chart(pg, "chart-hits", cap, "hits", &ax, hs, nh, false,
			   sh ? "One line per server; the tooltips give each server's total." : NULL);
	}
	if (nd) {
		if (ax.bucket == 1)
			snprintf(cap, sizeof cap, "Unique devices per hour%s", sh ? ", by server" : "");
		else
			snprintf(cap, sizeof cap, "Unique devices in the busiest hour of every %d hours%s", ax.bucket,
				 sh ? ", by server" : "");
		time_chart(pg, "chart-devices", cap, "unique devices", &ax, ds, nd, true,
			   sh ? "One line per server; a device seen on two servers in an hour counts on both." : NULL);
	}
	free(idx);
	free(sid);
	free(ser);
	free(vals);
	return;
oom:
	pg->oom = true;
	free(idx);
	free(sid);
	free(ser);
	free(vals);
}

/* ------------------------------------------------------------------ */
/* Weekday x hour heat map                                             */

static void heatmap(struct page *pg)
{
	const struct captable *h = pg->r[HTML_HOURLY];
	if (!h)
		return;
	int cd = captable_col(h, "Date"), cday = captable_col(h, "Day"), ch = captable_col(h, "Hour");
	int cv = captable_col(h, "Hits");
	const char *what = "hits";
	if (cv < 0) {
		cv = captable_col(h, "Sync Related Requests");
		what = "sync related requests";
	}
	if (ch < 0 || cv < 0 || (cd < 0 && cday < 0))
		return;
	double cell[7][24] = {{0}};
	uint64_t ndays[7] = {0};
	int64_t lastday = INT64_MIN;
	bool any = false;
	for (size_t r = 0; r < h->nrows; r++) {
		int wd = -1;
		uint64_t hr = captable_u64(h, r, ch);
		if (hr > 23 || captable_cell(h, r, ch).n == 0)
			continue;
		if (cd >= 0) {
			int64_t d;
			if (!parse_date(captable_cell(h, r, cd), &d))
				continue;
			wd = (int)weekday(d);
			if (d != lastday) {
				ndays[wd]++;
				lastday = d;
			}
		} else {
			struct slice dn = captable_cell(h, r, cday);
			for (int k = 0; k < 7; k++)
				if (slice_eq(dn, wd_names[k]))
					wd = k;
			if (wd < 0)
				continue;
		}
		cell[wd][hr] += captable_double(h, r, cv);
		any = true;
	}
	if (!any)
		return;
	double max = 0;
	for (int d = 0; d < 7; d++)
		for (int k = 0; k < 24; k++)
			if (cell[d][k] > max)
				max = cell[d][k];
	struct outbuf *o = pg->o;
	const int W = 1160, ml = 46, mt = 22, cw = 45, chh = 26;
	int H = mt + 7 * chh + 46;
	char cap[128];
	snprintf(cap, sizeof cap, "%s by weekday and hour (%s)", cv == captable_col(h, "Hits") ? "Hits" : "Sync related requests",
		 pg->zone);
	fig_open(pg, "chart-heatmap", cap, "wide");
	svg_open(pg, W, H, cap);
	S(o, "<g class=\"ax\">");
	for (int k = 0; k < 24; k++)
		pf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%02d</text>", ml + k * cw + cw / 2, mt - 8, k);
	S(o, "</g>\n");
	for (int row = 0; row < 7; row++) {
		int d = (row + 1) % 7; /* Monday first */
		int y = mt + row * chh;
		pf(o, "<text class=\"wd\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", ml - 6, y + chh / 2 + 4,
		   wd_short[d]);
		for (int k = 0; k < 24; k++) {
			double v = cell[d][k], a = max > 0 ? v / max : 0;
			char b[24], g[40];
			compact(b, sizeof b, v);
			group(g, sizeof g, (uint64_t)llround(v));
			if (v > 0)
				pf(o, "<rect class=\"hm\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill-opacity=\"%.2f\">",
				   ml + k * cw + 1, y + 1, cw - 2, chh - 2, 0.08 + 0.92 * a);
			else
				pf(o, "<rect class=\"hz\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">", ml + k * cw + 1,
				   y + 1, cw - 2, chh - 2);
			pf(o, "<title>%s %02d:00" NDASH "%02d:00: %s ", wd_names[d], k, (k + 1) % 24, g);
			unit_for(o, v, what);
			if (cd >= 0 && ndays[d] > 1)
				pf(o, " over %llu %ss (%.1f a day)", (unsigned long long)ndays[d], wd_names[d],
				   v / (double)ndays[d]);
			S(o, "</title></rect>");
			pf(o, "<text class=\"%s\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
			   a > 0.55 ? "hv in" : "hv", ml + k * cw + cw / 2, y + chh / 2 + 4, v > 0 ? b : "");
		}
	}
	/* the scale */
	int ly = mt + 7 * chh + 14;
	S(o, "<defs><linearGradient id=\"hmscale\"><stop offset=\"0\" class=\"st0\"/><stop offset=\"1\" "
	     "class=\"st1\"/></linearGradient></defs>");
	char b[24];
	compact(b, sizeof b, max);
	pf(o, "<g class=\"ax\"><text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text><rect x=\"%d\" y=\"%d\" width=\"200\" "
	      "height=\"10\" fill=\"url(#hmscale)\"/><text x=\"%d\" y=\"%d\">%s %s</text>",
	   ml + 40, ly + 9, ml + 46, ly, ml + 252, ly + 9, b, what);
	if (cd >= 0)
		pf(o, "<text x=\"%d\" y=\"%d\">each cell sums that weekday and hour over the whole time span</text>",
		   ml + 420, ly + 9);
	S(o, "</g>\n</svg>\n");
	fig_close(pg, NULL);
}

/* ------------------------------------------------------------------ */
/* Bar charts                                                          */

enum bar_cls { B_ACCENT, B_ERR, B_WARN, B_OK, B_MUTE };
static const char *const bar_cls_name[] = {"ba", "be", "bw", "bo", "bm"};

struct bar {
	struct slice label;
	struct slice tip;   /* more for the tooltip (may be empty) */
	double v;
	char note[64];      /* after the value */
	enum bar_cls cls;
};

static void bar_chart(struct page *pg, const char *id, const char *caption, const struct bar *b, size_t n,
		      const char *unit, const char *note)
{
	struct outbuf *o = pg->o;
	fig_open(pg, id, caption, "half");
	if (n == 0) {
		fig_close(pg, "Nothing to show: the report has no rows for this.");
		return;
	}
	const int W = 560, lw = 224, mt = 4, rh = 21, vw = 112;
	int H = mt + (int)n * rh + 26;
	double max = 0;
	for (size_t i = 0; i < n; i++)
		if (b[i].v > max)
			max = b[i].v;
	double step, top;
	nice_axis(max, 4, &step, &top);
	double pw = W - lw - vw;
	svg_open(pg, W, H, caption);
	S(o, "<g class=\"ax\">");
	for (double v = 0; v <= top + step / 2; v += step) {
		double x = lw + v / top * pw;
		char t[24];
		compact(t, sizeof t, v);
		pf(o, "<line class=\"gl\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/><text x=\"%.1f\" y=\"%d\" "
		      "text-anchor=\"middle\">%s</text>",
		   x, mt, x, mt + (int)n * rh + 2, x, mt + (int)n * rh + 16, t);
	}
	pf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", W - 4, mt + (int)n * rh + 16);
	E(o, unit);
	S(o, "</text></g>\n");
	for (size_t i = 0; i < n; i++) {
		int y = mt + (int)i * rh;
		double w = top > 0 ? b[i].v / top * pw : 0;
		char g[40], t[24];
		group(g, sizeof g, (uint64_t)llround(b[i].v));
		compact(t, sizeof t, b[i].v);
		S(o, "<g><title>");
		html_escape(o, b[i].label);
		if (b[i].tip.n) {
			S(o, " " MDOT " ");
			html_escape(o, b[i].tip);
		}
		pf(o, ": %s ", g);
		unit_for(o, b[i].v, unit);
		if (b[i].note[0]) {
			S(o, " ");
			E(o, b[i].note);
		}
		S(o, "</title>");
		pf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", lw - 6, y + 15);
		esc_fit(o, b[i].label, lw - 10);
		pf(o, "</text><rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>", bar_cls_name[b[i].cls],
		   lw, y + 3, w > 0 && w < 1 ? 1.0 : w, rh - 6);
		pf(o, "<text class=\"bv\" x=\"%.1f\" y=\"%d\">%s", lw + w + 4, y + 15, t);
		if (b[i].note[0]) {
			S(o, " ");
			E(o, b[i].note);
		}
		S(o, "</text></g>\n");
	}
	S(o, "</svg>\n");
	fig_close(pg, note);
}

/* The n largest (by v) of b[0..nb), sorted largest first; the rest summed
 * into one "others" bar when keep_others. Returns the new count. */
static size_t top_bars(struct page *pg, struct bar *b, size_t nb, size_t n, bool keep_others, const char *others)
{
	size_t *idx = iota(nb);
	double *v = malloc((nb ? nb : 1) * sizeof *v);
	struct bar *tmp = malloc((nb ? nb : 1) * sizeof *tmp);
	if (!idx || !v || !tmp) {
		pg->oom = true;
		free(idx);
		free(v);
		free(tmp);
		return 0;
	}
	for (size_t i = 0; i < nb; i++)
		v[i] = b[i].v;
	struct by_num c = {v};
	if (msort(idx, nb, cmp_desc, &c) < 0)
		pg->oom = true;
	for (size_t i = 0; i < nb; i++)
		tmp[i] = b[idx[i]];
	size_t out = nb;
	if (nb > n) {
		if (keep_others) {
			struct bar rest = {.label = slice_make(others, strlen(others)), .cls = B_MUTE};
			for (size_t i = n - 1; i < nb; i++)
				rest.v += tmp[i].v;
			snprintf(rest.note, sizeof rest.note, "(%zu more)", nb - (n - 1));
			tmp[n - 1] = rest;
		}
		out = n;
	}
	memcpy(b, tmp, out * sizeof *b);
	free(idx);
	free(v);
	free(tmp);
	return out;
}

/* ------------------------------------------------------------------ */
/* Servers, status codes, compliance                                   */

static struct slice server_label(const struct captable *t, size_t r)
{
	static const char *const cols[] = {"Server", "Host", "IP Address"};
	for (int k = 0; k < 3; k++) {
		struct slice s = captable_cell(t, r, captable_col(t, cols[k]));
		if (s.n)
			return s;
	}
	return SLICE_LIT("(unnamed)");
}

static void servers_chart(struct page *pg)
{
	const struct captable *t = pg->r[HTML_SERVERS];
	int ch = t ? captable_col(t, "Hits") : -1;
	if (ch < 0 || t->nrows == 0)
		return;
	int ce = captable_col(t, "Errors");
	struct bar *b = calloc(t->nrows, sizeof *b);
	if (!b) {
		pg->oom = true;
		return;
	}
	for (size_t r = 0; r < t->nrows; r++) {
		b[r].label = server_label(t, r);
		b[r].v = captable_double(t, r, ch);
		b[r].cls = B_ACCENT;
		if (ce >= 0) {
			char p[16];
			double e = captable_double(t, r, ce);
			pct(p, sizeof p, e, b[r].v);
			snprintf(b[r].note, sizeof b[r].note, "(%s errors)", p);
		}
	}
	size_t n = top_bars(pg, b, t->nrows, 20, true, "other servers");
	bar_chart(pg, "chart-servers", "Hits by server", b, n, "hits",
		  ce >= 0 ? "In brackets: the share of the server's hits that were errors." : NULL);
	free(b);
}

static enum bar_cls http_cls(uint64_t st)
{
	return st < 300 ? B_OK : st < 400 ? B_ACCENT : st < 500 ? B_WARN : B_ERR;
}

static void status_charts(struct page *pg)
{
	const struct captable *t = pg->r[HTML_STATUSCODES];
	if (!t || t->nrows == 0)
		return;
	int ck = captable_col(t, "Kind"), cs = captable_col(t, "Status"), css = captable_col(t, "SubStatus");
	int cw = captable_col(t, "Win32 Status"), ce = captable_col(t, "EAS Error"), ch = captable_col(t, "Hits");
	int cr = captable_col(t, "Ratio");
	if (ch < 0)
		return;
	struct bar *b = calloc(t->nrows, sizeof *b);
	char (*lab)[64] = calloc(t->nrows, sizeof *lab);
	if (!b || !lab) {
		pg->oom = true;
		free(b);
		free(lab);
		return;
	}
	for (int pass = 0; pass < 2; pass++) {
		const char *kind = pass == 0 ? "http" : "eas";
		size_t n = 0;
		for (size_t r = 0; r < t->nrows; r++) {
			struct slice k = captable_cell(t, r, ck);
			if (ck >= 0 ? !slice_eq(k, kind) : pass == 1)
				continue;
			struct bar *x = &b[n++];
			memset(x, 0, sizeof *x);
			x->v = captable_double(t, r, ch);
			struct slice st = captable_cell(t, r, cs), sub = captable_cell(t, r, css), w32 = captable_cell(t, r, cw);
			if (pass == 0) {
				uint64_t w = captable_u64(t, r, cw);
				snprintf(lab[r], sizeof lab[r], "%.*s%s%.*s", (int)(st.n < 12 ? st.n : 12), st.p,
					 sub.n && !slice_eq(sub, "0") ? "." : "",
					 sub.n && !slice_eq(sub, "0") ? (int)(sub.n < 12 ? sub.n : 12) : 0, sub.p);
				x->label = slice_make(lab[r], strlen(lab[r]));
				if (w && w32.n) {
					size_t l = strlen(lab[r]);
					snprintf(lab[r] + l, sizeof lab[r] - l, " (Win32 %.*s)", (int)(w32.n < 12 ? w32.n : 12),
						 w32.p);
					x->label = slice_make(lab[r], strlen(lab[r]));
				}
				x->cls = http_cls(captable_u64(t, r, cs));
			} else {
				struct slice err = captable_cell(t, r, ce);
				x->label = err.n ? err : st;
				if (err.n && st.n)
					snprintf(x->note, sizeof x->note, "[status %.*s]", (int)(st.n < 12 ? st.n : 12), st.p);
				x->cls = B_WARN;
			}
			if (cr >= 0) {
				double ratio = captable_double(t, r, cr);
				char p[16];
				pct(p, sizeof p, ratio, 1.0);
				size_t l = strlen(x->note);
				snprintf(x->note + l, sizeof x->note - l, "%s(%s)", l ? " " : "", p);
			}
		}
		n = top_bars(pg, b, n, 12, true, "others");
		if (pass == 0)
			bar_chart(pg, "chart-http", "HTTP status mix", b, n, "hits",
				  "Status.SubStatus (and the Win32 status when there is one); in brackets the share "
				  "of the HTTP hits.");
		else if (ck >= 0)
			bar_chart(pg, "chart-eas", "EAS status mix", b, n, "hits",
				  "EAS errors and statuses from the Log data; in brackets the share of the hits.");
	}
	free(b);
	free(lab);
}

static void compliance_chart(struct page *pg)
{
	const struct captable *t = pg->r[HTML_COMPLIANCE];
	int cn = t ? captable_col(t, "Compliance Type") : -1, cv = t ? captable_col(t, "Total") : -1;
	if (cn < 0 || cv < 0 || t->nrows == 0)
		return;
	struct outbuf *o = pg->o;
	double sum = 0;
	for (size_t r = 0; r < t->nrows; r++)
		sum += captable_double(t, r, cv);
	const int W = 560, bx = 10, bw = W - 20, by = 8, bh = 30, rh = 20;
	size_t rows = (t->nrows + 1) / 2;
	int H = by + bh + 16 + (int)rows * rh;
	const char *cap = "Policy compliance of the devices";
	fig_open(pg, "chart-policy", cap, "half");
	svg_open(pg, W, H, cap);
	double x = bx;
	for (size_t r = 0; r < t->nrows; r++) {
		struct slice name = captable_cell(t, r, cn);
		const char *cls = slice_eq(name, "Compliant")             ? "pc"
				  : slice_eq(name, "Partially Compliant") ? "pp"
				  : slice_eq(name, "Not Compliant")       ? "pn"
				  : slice_eq(name, "Externally Managed")  ? "pe"
				  : slice_eq(name, "Unknown")             ? "pu"
									  : "pi";
		double v = captable_double(t, r, cv), w = sum > 0 ? v / sum * bw : 0;
		char p[16], g[40];
		pct(p, sizeof p, v, sum);
		group(g, sizeof g, (uint64_t)llround(v));
		if (w > 0) {
			pf(o, "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>", cls, x, by, w, bh);
			html_escape(o, name);
			pf(o, ": %s (%s)</title></rect>", g, p);
			if (w > 40)
				pf(o, "<text class=\"in\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x + w / 2,
				   by + bh / 2 + 4, p);
			x += w;
		}
		int lx = bx + (int)(r % 2) * (bw / 2), ly = by + bh + 16 + (int)(r / 2) * rh;
		pf(o, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"/><text x=\"%d\" y=\"%d\">", cls, lx,
		   ly - 10, lx + 18, ly);
		esc_fit(o, name, bw / 2 - 110);
		pf(o, ": %s (%s)</text>\n", g, p);
	}
	if (sum == 0)
		pf(o, "<rect class=\"hz\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>", bx, by, bw, bh);
	S(o, "</svg>\n");
	fig_close(pg, "Devices by their last policy state, as in PolicyCompliance.csv.");
}

/* ------------------------------------------------------------------ */
/* Users and user agents: groups by a key made from a cell              */

struct group {
	char *key;
	size_t klen;
	size_t rep;       /* row whose label shows (the one with the largest value) */
	double rep_v;
	double v, v2;     /* summed value, summed second value */
	uint64_t rows;
};

struct group_ctx {
	const struct group *g;
};

static int cmp_group_key(const void *ctx, size_t a, size_t b)
{
	const struct group *g = ((const struct group_ctx *)ctx)->g;
	return cmp_slice(slice_make(g[a].key, g[a].klen), slice_make(g[b].key, g[b].klen));
}

/* The account of a user name as the Users report keys it: DOMAIN\user,
 * user@domain and user are one account; ASCII case ignored. */
static size_t account_key(struct slice u, char *out)
{
	const char *bs = NULL;
	for (size_t i = u.n; i-- > 0;)
		if (u.p[i] == '\\') {
			bs = u.p + i;
			break;
		}
	if (bs) {
		u = slice_make(bs + 1, u.n - (size_t)(bs + 1 - u.p));
	} else {
		const char *at = u.n ? memchr(u.p, '@', u.n) : NULL;
		if (at)
			u.n = (size_t)(at - u.p);
	}
	for (size_t i = 0; i < u.n; i++)
		out[i] = (char)ascii_lower((unsigned char)u.p[i]);
	return u.n;
}

/* The family of a user agent: up to its first '/', without the device
 * model of Apple's (Apple-iPhone14C5 -> Apple-iPhone) and Android's native
 * clients (Android-SAMSUNG-SM-G950F -> Android-SAMSUNG). */
static size_t agent_family(struct slice a, char *out)
{
	size_t n = 0;
	while (n < a.n && a.p[n] != '/')
		n++;
	if (n > 6 && memcmp(a.p, "Apple-", 6) == 0) {
		size_t k = 6;
		while (k < n && ((a.p[k] >= 'a' && a.p[k] <= 'z') || (a.p[k] >= 'A' && a.p[k] <= 'Z')))
			k++;
		n = k;
	} else if (n > 8 && memcmp(a.p, "Android-", 8) == 0) {
		size_t k = 8;
		while (k < n && a.p[k] != '-')
			k++;
		n = k;
	}
	while (n > 0 && a.p[n - 1] == ' ')
		n--;
	memcpy(out, a.p, n);
	return n;
}

/* Groups the rows of t by keyf(cell of column ck), summing columns cv and
 * cv2 (cv2 < 0: counts rows). Returns the groups (*ng of them), or NULL. */
static struct group *group_rows(struct page *pg, const struct captable *t, int ck, int cv, int cv2,
				size_t (*keyf)(struct slice, char *), size_t *ng)
{
	*ng = 0;
	size_t n = t->nrows;
	struct group *g = calloc(n ? n : 1, sizeof *g);
	size_t *idx = iota(n);
	if (!g || !idx)
		goto oom;
	size_t m = 0;
	for (size_t r = 0; r < n; r++) {
		if (is_total_row(t, r))
			continue;
		struct slice s = captable_cell(t, r, ck);
		g[m].key = malloc(s.n + 1);
		if (!g[m].key)
			goto oom_g;
		g[m].klen = keyf(s, g[m].key);
		g[m].rep = r;
		g[m].rep_v = g[m].v = captable_double(t, r, cv);
		g[m].v2 = cv2 >= 0 ? captable_double(t, r, cv2) : 1;
		g[m].rows = 1;
		m++;
	}
	struct group_ctx c = {g};
	if (msort(idx, m, cmp_group_key, &c) < 0)
		goto oom_g;
	struct group *out = calloc(m ? m : 1, sizeof *out);
	if (!out)
		goto oom_g;
	size_t k = 0;
	for (size_t i = 0; i < m; i++) {
		struct group *x = &g[idx[i]];
		if (k > 0 && cmp_slice(slice_make(out[k - 1].key, out[k - 1].klen), slice_make(x->key, x->klen)) == 0) {
			struct group *y = &out[k - 1];
			y->v += x->v;
			y->v2 += x->v2;
			y->rows++;
			if (x->rep_v > y->rep_v) {
				y->rep_v = x->rep_v;
				y->rep = x->rep;
			}
			free(x->key);
		} else {
			out[k++] = *x;
		}
	}
	free(g);
	free(idx);
	*ng = k;
	return out;
oom_g:
	for (size_t i = 0; i < n; i++)
		free(g[i].key);
oom:
	free(g);
	free(idx);
	pg->oom = true;
	return NULL;
}

static void free_groups(struct group *g, size_t n)
{
	for (size_t i = 0; g && i < n; i++)
		free(g[i].key);
	free(g);
}

/* Top devices (user x device rows) by column cv. */
static void top_devices(struct page *pg, const char *id, const char *cap, int cv, const char *unit)
{
	const struct captable *t = pg->r[HTML_USERS];
	int cu = captable_col(t, "User Name"), cid = captable_col(t, "Device ID"), ct = captable_col(t, "Device Type");
	struct bar *b = calloc(t->nrows ? t->nrows : 1, sizeof *b);
	char (*lab)[96] = calloc(t->nrows ? t->nrows : 1, sizeof *lab);
	if (!b || !lab) {
		pg->oom = true;
		free(b);
		free(lab);
		return;
	}
	size_t n = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		if (is_total_row(t, r))
			continue;
		struct slice u = captable_cell(t, r, cu), ty = captable_cell(t, r, ct), dv = captable_cell(t, r, cid);
		/* "user · type": built from valid text only, escaped when written */
		struct bar *x = &b[n++];
		x->v = captable_double(t, r, cv);
		x->cls = cv == captable_col(t, "Errors") ? B_ERR : B_ACCENT;
		if (u.n == 0)
			u = SLICE_LIT("(no user)");
		size_t l = u.n < 60 ? u.n : 60;
		memcpy(lab[r], u.p, l);
		if (ty.n) {
			memcpy(lab[r] + l, " " MDOT " ", 4);
			l += 4;
			size_t tl = ty.n < sizeof lab[r] - l ? ty.n : sizeof lab[r] - l;
			memcpy(lab[r] + l, ty.p, tl);
			l += tl;
		}
		x->label = slice_make(lab[r], l);
		x->tip = dv.n ? dv : SLICE_LIT("no device id");
	}
	n = top_bars(pg, b, n, TOP_N, false, NULL);
	while (n > 0 && b[n - 1].v <= 0)
		n--;
	bar_chart(pg, id, cap, b, n, unit, "User and device type; the tooltips give the device id.");
	free(b);
	free(lab);
}

static void top_users(struct page *pg, const char *id, const char *cap, int cv, const char *unit)
{
	const struct captable *t = pg->r[HTML_USERS];
	int cu = captable_col(t, "User Name");
	size_t ng;
	struct group *g = group_rows(pg, t, cu, cv, -1, account_key, &ng);
	if (!g)
		return;
	struct bar *b = calloc(ng ? ng : 1, sizeof *b);
	if (!b) {
		pg->oom = true;
		free_groups(g, ng);
		return;
	}
	for (size_t i = 0; i < ng; i++) {
		b[i].label = captable_cell(t, g[i].rep, cu);
		if (b[i].label.n == 0)
			b[i].label = SLICE_LIT("(no user)");
		b[i].v = g[i].v;
		b[i].cls = cv == captable_col(t, "Errors") ? B_ERR : B_ACCENT;
		snprintf(b[i].note, sizeof b[i].note, "(%llu device%s)", (unsigned long long)g[i].rows,
			 g[i].rows == 1 ? "" : "s");
	}
	size_t n = top_bars(pg, b, ng, TOP_N, false, NULL);
	while (n > 0 && b[n - 1].v <= 0)
		n--;
	bar_chart(pg, id, cap, b, n, unit,
		  "DOMAIN\\user, user@domain and user count as one account (as the Users report keys them); "
		  "in brackets the account's devices.");
	free(b);
	free_groups(g, ng);
}

static void users_charts(struct page *pg)
{
	const struct captable *t = pg->r[HTML_USERS];
	int ch = t ? captable_col(t, "Hits") : -1;
	if (ch < 0 || captable_col(t, "User Name") < 0)
		return;
	top_devices(pg, "chart-top-devices", "Top devices by hits", ch, "hits");
	top_users(pg, "chart-top-users", "Top users by hits", ch, "hits");
	int ce = captable_col(t, "Errors");
	if (ce >= 0) {
		top_devices(pg, "chart-top-devices-errors", "Top devices by errors", ce, "errors");
		top_users(pg, "chart-top-users-errors", "Top users by errors", ce, "errors");
	}
}

static void agents_charts(struct page *pg)
{
	const struct captable *t = pg->r[HTML_USERAGENTS];
	int ca = t ? captable_col(t, "User Agent") : -1, ch = t ? captable_col(t, "Hits") : -1;
	if (ca < 0 || ch < 0 || t->nrows == 0)
		return;
	int cd = captable_col(t, "Unique Devices");
	size_t ng;
	struct group *g = group_rows(pg, t, ca, ch, cd, agent_family, &ng);
	if (!g)
		return;
	size_t nb = ng > t->nrows ? ng : t->nrows;
	struct bar *b = calloc(nb ? nb : 1, sizeof *b);
	if (!b) {
		pg->oom = true;
		free_groups(g, ng);
		return;
	}
	for (size_t i = 0; i < ng; i++) {
		b[i].label = slice_make(g[i].key, g[i].klen);
		/* the key is a prefix of a cell: show the cell's own bytes */
		b[i].label = slice_make(captable_cell(t, g[i].rep, ca).p, g[i].klen);
		if (b[i].label.n == 0)
			b[i].label = SLICE_LIT("(none)");
		b[i].v = g[i].v;
		b[i].cls = B_ACCENT;
		if (cd >= 0)
			snprintf(b[i].note, sizeof b[i].note, "(%.0f device%s)", g[i].v2, g[i].v2 == 1 ? "" : "s");
	}
	size_t n = top_bars(pg, b, ng, TOP_N, true, "other families");
	bar_chart(pg, "chart-agent-families", "User agent families by hits", b, n, "hits",
		  "A family is the agent up to its first '/', without the Apple and Android device model; in brackets "
		  "the devices seen with it.");
	free_groups(g, ng);
	n = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		memset(&b[n], 0, sizeof b[n]);
		b[n].label = captable_cell(t, r, ca);
		if (b[n].label.n == 0)
			b[n].label = SLICE_LIT("(none)");
		b[n].v = captable_double(t, r, ch);
		b[n].cls = B_ACCENT;
		if (cd >= 0) {
			uint64_t d = captable_u64(t, r, cd);
			snprintf(b[n].note, sizeof b[n].note, "(%llu device%s)", (unsigned long long)d, d == 1 ? "" : "s");
		}
		n++;
	}
	n = top_bars(pg, b, n, TOP_N, false, NULL);
	bar_chart(pg, "chart-agents", "Top user agents by hits", b, n, "hits", "The full agent strings are in the tooltips.");
	free(b);
}

/* ------------------------------------------------------------------ */
/* The tables                                                          */

struct table_def {
	enum html_report r;
	const char *id, *title, *file;
};

static const struct table_def tables[] = {
	{HTML_SERVERS, "table-servers", "Servers", "Servers.csv"},
	{HTML_STATUSCODES, "table-statuscodes", "Status codes", "StatusCodes.csv"},
	{HTML_COMPLIANCE, "table-compliance", "Policy compliance", "PolicyCompliance.csv"},
	{HTML_USERAGENTS, "table-useragents", "User agents", "UserAgents.csv"},
	{HTML_USERS, "table-users", "Users and devices", "Users.csv"},
	{HTML_HOURLY, "table-hourly", "Hourly", "Hourly.csv"},
};

static void file_name(struct page *pg, const char *file)
{
	if (pg->in->prefix)
		E(pg->o, pg->in->prefix);
	S(pg->o, file);
}

static void report_table(struct page *pg, const struct table_def *d)
{
	const struct captable *t = pg->r[d->r];
	struct outbuf *o = pg->o;
	size_t max = pg->in->max_rows ? pg->in->max_rows : DEFAULT_MAX_ROWS;
	size_t n = 0, *idx = iota(t->nrows);
	if (!idx) {
		pg->oom = true;
		return;
	}
	for (size_t r = 0; r < t->nrows; r++)
		if (!is_total_row(t, r))
			idx[n++] = r;
	size_t all = n;
	int ch = captable_col(t, "Hits");
	bool capped = n > max;
	if (capped && ch >= 0) {
		double *v = malloc(t->nrows * sizeof *v);
		if (!v) {
			pg->oom = true;
			free(idx);
			return;
		}
		for (size_t r = 0; r < t->nrows; r++)
			v[r] = captable_double(t, r, ch);
		struct by_num c = {v};
		if (msort(idx, n, cmp_desc, &c) < 0)
			pg->oom = true;
		free(v);
	}
	if (capped)
		n = max;
	pf(o, "<section id=\"%s\" class=\"tab%s\"><h3>", d->id, t->ncols > 12 ? " many" : "");
	E(o, d->title);
	S(o, " <span class=\"file\">");
	file_name(pg, d->file);
	S(o, "</span></h3>\n<p class=\"note\">");
	if (capped) {
		char a[40], m[40];
		group(a, sizeof a, all);
		group(m, sizeof m, max);
		if (ch >= 0)
			pf(o, "The %s rows with the most hits (most first) of %s; ", m, a);
		else
			pf(o, "The first %s rows of %s; ", m, a);
		S(o, "every row is in ");
		file_name(pg, d->file);
		S(o, ". ");
	} else {
		out_group(o, all);
		pf(o, " row%s. ", all == 1 ? "" : "s");
	}
	S(o, "Click a column heading to sort.</p>\n<div class=\"scroll\"><table class=\"sortable\"><thead><tr>");
	for (int c = 0; c < t->ncols; c++) {
		/* numeric columns: the first data row says */
		bool num = n > 0 && captable_kind(t, idx[0], c) == CAP_NUM;
		S(o, num ? "<th class=\"n\" scope=\"col\">" : "<th scope=\"col\">");
		E(o, t->cols[c]);
		S(o, "</th>");
	}
	S(o, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		size_t r = idx[i];
		S(o, "<tr>");
		for (int c = 0; c < t->ncols; c++) {
			enum cap_kind k = captable_kind(t, r, c);
			S(o, k == CAP_NUM ? "<td class=\"n\">" : "<td>");
			html_escape(o, captable_cell(t, r, c));
			S(o, "</td>");
		}
		S(o, "</tr>\n");
	}
	S(o, "</tbody></table></div></section>\n");
	free(idx);
}

/* ------------------------------------------------------------------ */
/* The page                                                            */

static const char style[] =
	":root{--bg:#fff;--fg:#1f2328;--mute:#59636e;--grid:#e3e7eb;--panel:#f6f8fa;--line:#d0d7de;"
	"--acc:#2f6fd0;--ok:#2da44e;--warn:#d98b00;--err:#cf222e;--heat:#1f5fbf;"
	"--c0:#4269d0;--c1:#e8a30c;--c2:#e5533d;--c3:#3fa795;--c4:#3ca951;--c5:#e46aa2;--c6:#8f5fd6;"
	"--c7:#6b9de8;--c8:#9c6b4e;--c9:#7d828c;--on-heat:#fff}\n"
	"@media screen and (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--mute:#9198a1;"
	"--grid:#262c36;--panel:#151b23;--line:#3d444d;--acc:#4c8df6;--ok:#3fb950;--warn:#e3b341;--err:#f85149;"
	"--heat:#58a6ff;--c0:#6d95f0;--c1:#f2c14e;--c2:#ff7b63;--c3:#5fd0bb;--c4:#56d364;--c5:#ff8fc2;"
	"--c6:#b48cf5;--c7:#9ec5ff;--c8:#c99672;--c9:#a0a7b1;--on-heat:#0d1117}}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;background:var(--bg);color:var(--fg);"
	"font:14px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif}\n"
	"header,main,footer{max-width:1200px;margin:0 auto;padding:0 16px}\n"
	"h1{font-size:22px;margin:18px 0 2px}h2{font-size:18px;margin:22px 0 8px}"
	"h3{font-size:15px;margin:18px 0 4px}\n"
	".span{color:var(--mute);margin:0 0 10px}\n"
	"nav{font-size:13px;margin:0 0 10px}nav a{color:var(--acc);margin-right:12px;text-decoration:none}\n"
	".facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(108px,1fr));gap:8px;margin:0 0 8px}\n"
	".facts div{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:6px 10px}\n"
	".facts dt{color:var(--mute);font-size:12px}.facts dd{margin:0;font-size:19px;font-weight:600;"
	"font-variant-numeric:tabular-nums}.facts dd small{display:block;font-size:11px;font-weight:400;color:var(--mute)}\n"
	".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(470px,1fr));gap:12px}\n"
	"figure{margin:0;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px 10px;"
	"break-inside:avoid}\nfigure.wide{grid-column:1/-1}\n"
	"figcaption{font-weight:600;margin-bottom:4px}\n"
	"svg{display:block;width:100%;height:auto;font:11px system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif}\n"
	"svg text{fill:var(--fg)}.ax text{fill:var(--mute)}.gl{stroke:var(--grid)}.base{stroke:var(--line)}\n"
	".l{fill:none;stroke-width:1.6;stroke-linejoin:round}.lg line{stroke-width:3}.dash{stroke-dasharray:6 3}\n"
	".s0{stroke:var(--c0)}.s1{stroke:var(--c1)}.s2{stroke:var(--c2)}.s3{stroke:var(--c3)}.s4{stroke:var(--c4)}"
	".s5{stroke:var(--c5)}.s6{stroke:var(--c6)}.s7{stroke:var(--c7)}.s8{stroke:var(--c8)}.s9{stroke:var(--c9)}\n"
	".f0{fill:var(--c0)}.f1{fill:var(--c1)}.f2{fill:var(--c2)}.f3{fill:var(--c3)}.f4{fill:var(--c4)}"
	".f5{fill:var(--c5)}.f6{fill:var(--c6)}.f7{fill:var(--c7)}.f8{fill:var(--c8)}.f9{fill:var(--c9)}\n"
	".ba{fill:var(--acc)}.be{fill:var(--err)}.bw{fill:var(--warn)}.bo{fill:var(--ok)}.bm{fill:var(--c9)}\n"
	".bv{fill:var(--mute)}.hm{fill:var(--heat)}.hz{fill:var(--grid)}.hv{font-size:10px}svg text.in{fill:var(--on-heat)}\n"
	".st0{stop-color:var(--heat);stop-opacity:.08}.st1{stop-color:var(--heat);stop-opacity:1}\n"
	".pc{fill:var(--ok)}.pp{fill:var(--warn)}.pn{fill:var(--err)}.pe{fill:var(--c0)}.pu{fill:var(--c9)}"
	".pi{fill:var(--c6)}\n"
	".note{color:var(--mute);font-size:12px;margin:4px 0}\n"
	".file{color:var(--mute);font-weight:400;font-size:12px;font-family:ui-monospace,monospace}\n"
	".scroll{overflow:auto;max-height:560px;border:1px solid var(--line);border-radius:6px}\n"
	"table{border-collapse:collapse;font-size:12px;font-variant-numeric:tabular-nums}\n"
	"th,td{padding:3px 8px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}\n"
	"td.n,th.n{text-align:right}\n"
	"th{position:sticky;top:0;background:var(--panel);cursor:pointer;user-select:none}\n"
	"th[aria-sort=descending]::after{content:\" \\25BE\"}th[aria-sort=ascending]::after{content:\" \\25B4\"}\n"
	"tbody tr:hover{background:var(--panel)}\n"
	/* the tables are laid out when scrolled to: a fast first screen */
	"section.tab{content-visibility:auto;contain-intrinsic-size:auto 640px}\n"
	"footer{color:var(--mute);font-size:12px;margin-top:24px;padding-bottom:24px}\n"
	"@page{size:A4;margin:12mm}@page land{size:A4 landscape;margin:10mm}\n"
	"@media print{body{font-size:9pt;background:#fff;color:#000}header,main,footer{max-width:none;padding:0}"
	"nav{display:none}.grid{grid-template-columns:1fr 1fr;gap:3mm}figure{page-break-inside:avoid}"
	".note{font-size:7.5pt}svg{font-size:10px}"
	".scroll{overflow:visible;max-height:none;border:0}th{position:static}table{font-size:6.5pt;width:100%}"
	"th,td{padding:1px 3px}th{white-space:normal}td:not(.n){white-space:normal;overflow-wrap:anywhere;min-width:14mm}"
	"section.many{page:land}section.many table{font-size:5.5pt}section.tab{content-visibility:visible}"
	"h2{page-break-before:always}"
	"h2:first-of-type{page-break-before:auto}section{page-break-inside:auto}}\n";

/* Sorting by a click on a heading; no '<' nor '&' (the page is XML too). */
static const char script[] =
	"(function () {\n"
	"  function key(c, num) {\n"
	"    var t = c.textContent;\n"
	"    if (!num) return t.toLowerCase();\n"
	"    var v = parseFloat(t);\n"
	"    return isNaN(v) ? -Infinity : v;\n"
	"  }\n"
	"  document.querySelectorAll('table.sortable th').forEach(function (th) {\n"
	"    th.tabIndex = 0;\n"
	"    function sort() {\n"
	"      var tb = th.closest('table').tBodies[0], i = th.cellIndex, num = th.classList.contains('n');\n"
	"      var cur = th.getAttribute('aria-sort');\n"
	"      var desc = num ? cur !== 'descending' : cur === 'ascending';\n"
	"      var rows = Array.prototype.map.call(tb.rows, function (r, k) { return [key(r.cells[i], num), k, r]; });\n"
	"      rows.sort(function (a, b) {\n"
	"        var d = a[0] === b[0] ? 0 : (a[0] > b[0] ? 1 : -1);\n"
	"        return (desc ? -d : d) || a[1] - b[1];\n"
	"      });\n"
	"      rows.forEach(function (x) { tb.appendChild(x[2]); });\n"
	"      th.parentNode.querySelectorAll('th').forEach(function (o) { o.removeAttribute('aria-sort'); });\n"
	"      th.setAttribute('aria-sort', desc ? 'descending' : 'ascending');\n"
	"    }\n"
	"    th.addEventListener('click', sort);\n"
	"    th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sort(); });\n"
	"  });\n"
	"})();\n";

static void fact(struct page *pg, const char *name, uint64_t v, const char *small)
{
	S(pg->o, "<div><dt>");
	E(pg->o, name);
	S(pg->o, "</dt><dd>");
	out_group(pg->o, v);
	if (small) {
		S(pg->o, " <small>");
		E(pg->o, small);
		S(pg->o, "</small>");
	}
	S(pg->o, "</dd></div>\n");
}

static double column_sum(const struct captable *t, const char *col, bool *found)
{
	int c = t ? captable_col(t, col) : -1;
	*found = c >= 0;
	double s = 0;
	for (size_t r = 0; c >= 0 && r < t->nrows; r++)
		if (!is_total_row(t, r))
			s += captable_double(t, r, c);
	return s;
}

static void head(struct page *pg)
{
	const struct html_input *in = pg->in;
	struct outbuf *o = pg->o;
	const char *title = in->title ? in->title : DEFAULT_TITLE;
	char f[21] = "", l[21] = "";
	bool span = in->first_ts <= in->last_ts;
	if (span) {
		format_iso(in->first_ts, f);
		format_iso(in->last_ts, l);
	}
	S(o, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n"
	     "<meta charset=\"utf-8\"/>\n"
	     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
	     "<meta name=\"color-scheme\" content=\"light dark\"/>\n");
	if (in->generator) {
		S(o, "<meta name=\"generator\" content=\"");
		E(o, in->generator);
		S(o, "\"/>\n");
	}
	S(o, "<title>");
	E(o, title);
	if (span)
		pf(o, ", %.10s " NDASH " %.10s", f, l);
	S(o, "</title>\n<style>\n");
	S(o, style);
	S(o, "</style>\n</head>\n<body>\n<header>\n<h1>");
	E(o, title);
	S(o, "</h1>\n<p class=\"span\">");
	if (span) {
		int64_t d0 = floor_div(in->first_ts, 86400), d1 = floor_div(in->last_ts, 86400);
		pf(o, "%.10s %.8s " NDASH " %.10s %.8s UTC " MDOT " %lld day%s", f, f + 11, l, l + 11,
		   (long long)(d1 - d0 + 1), d1 == d0 ? "" : "s");
	} else {
		S(o, "No ActiveSync request in the logs read.");
	}
	if (pg->in->hours_zone) {
		S(o, " " MDOT " hours in ");
		E(o, pg->zone);
	}
	S(o, "</p>\n<dl class=\"facts\">\n");
	bool has_hits, has_err;
	double hits = column_sum(pg->r[HTML_SERVERS], "Hits", &has_hits);
	double errs = column_sum(pg->r[HTML_SERVERS], "Errors", &has_err);
	if (!has_hits)
		hits = column_sum(pg->r[HTML_HOURLY], "Hits", &has_hits);
	if (!has_err)
		errs = column_sum(pg->r[HTML_HOURLY], "Errors", &has_err);
	fact(pg, "Servers", in->servers, NULL);
	if (has_hits)
		fact(pg, "Hits", (uint64_t)llround(hits), NULL);
	if (has_err) {
		char p[24], b[40];
		pct(p, sizeof p, errs, hits);
		snprintf(b, sizeof b, "%s of hits", p);
		fact(pg, "Errors", (uint64_t)llround(errs), b);
	}
	if (in->users != UINT64_MAX)
		fact(pg, "Users", in->users, NULL);
	fact(pg, "Devices", in->devices, NULL);
	fact(pg, "User/device rows", in->user_devices, NULL);
	fact(pg, "EAS records", in->records, NULL);
	fact(pg, "Lines read", in->lines, NULL);
	{
		char b[48];
		snprintf(b, sizeof b, "%llu failed", (unsigned long long)in->files_failed);
		fact(pg, "Files", in->files, b);
	}
	{
		char b[120], x[40], y[40];
		group(x, sizeof x, in->non_eas);
		group(y, sizeof y, in->filtered);
		snprintf(b, sizeof b, "non-EAS %s, filtered %s", x, y);
		fact(pg, "Skipped lines", in->skipped, b);
	}
	S(o, "</dl>\n<nav><a href=\"#charts\">Charts</a>");
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
		if (pg->r[tables[i].r]) {
			pf(o, "<a href=\"#%s\">", tables[i].id);
			E(o, tables[i].title);
			S(o, "</a>");
		}
	S(o, "</nav>\n</header>\n");
}

int html_write(int fd, const struct html_input *in)
{
	struct outbuf out;
	if (outbuf_init(&out, fd) < 0) {
		errno = ENOMEM;
		return -1;
	}
	struct page pg = {.o = &out, .in = in, .zone = in->hours_zone ? in->hours_zone : "UTC"};
	for (int i = 0; i < HTML_NREPORTS; i++)
		pg.r[i] = in->report[i] && in->report[i]->ncols > 0 ? in->report[i] : NULL;
	head(&pg);
	S(&out, "<main>\n<h2 id=\"charts\">Charts</h2>\n<div class=\"grid\">\n");
	time_charts(&pg);
	heatmap(&pg);
	servers_chart(&pg);
	compliance_chart(&pg);
	status_charts(&pg);
	users_charts(&pg);
	agents_charts(&pg);
	S(&out, "</div>\n<h2 id=\"reports\">Reports</h2>\n");
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
		if (pg.r[tables[i].r])
			report_table(&pg, &tables[i]);
	S(&out, "</main>\n<footer><p>");
	if (in->generator) {
		S(&out, "Made by ");
		E(&out, in->generator);
		S(&out, ". ");
	}
	S(&out, "Charts and tables show the six reports as written to the CSV files, which hold every row. "
		"Hits are ActiveSync requests; times are UTC");
	if (in->hours_zone) {
		S(&out, ", the hours of the Hourly report in ");
		E(&out, pg.zone);
	}
	S(&out, ".</p></footer>\n<script>\n");
	S(&out, script);
	S(&out, "</script>\n</body>\n</html>\n");
	int err = out.err;
	outbuf_close(&out);
	if (!err)
		err = out.err;
	if (pg.oom && !err)
		err = ENOMEM;
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}
