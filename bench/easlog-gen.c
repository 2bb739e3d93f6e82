/*
 * easlog-gen.c - deterministic benchmark corpus generator for easlog.
 *
 * Writes realistic multi-server Exchange IIS W3C logs (CRLF lines, IIS
 * header blocks, one file per server per UTC day) for Exchange ActiveSync
 * analysis benchmarks and tests:
 *
 *   OUT/<SERVER>/W3SVC1/u_exYYMMDD.log   Default Web Site: Exchange 2010 CAS
 *                                        (query carries &Log=) or the
 *                                        Exchange 2013+ front end (no Log)
 *   OUT/<SERVER>/W3SVC2/u_exYYMMDD.log   Exchange 2013+ back end ("Exchange
 *                                        Back End", port 444, stem
 *                                        /Microsoft-Server-ActiveSync/Proxy/
 *                                        default.eas, &Log=PrxFrom:...)
 *
 * Population: N users CONTOSO\userNNNN with 1-3 devices each (iPhone, iPad,
 * Samsung native mail, Gmail, KSAndroid, Outlook for iOS/Android, Windows
 * Mail, Windows Phone, Nine, TouchDown, Nokia), stable device ids, per-device
 * User= form and parameter order, ~1% MS-ASHTTP base64 queries.  Command,
 * status and &Log= token mixes follow the Exchange 2010 / 2013 / 2016+
 * formats (see shared/spec/export-activesynclog.md sections 3-4).  Noise
 * lines (OWA, EWS, Autodiscover, MAPI, ECP, RPC, OAB, health probes) and
 * malformed lines (missing field, extra token, line cut short) are mixed in.
 * Times follow a diurnal UTC profile, weekends quieter; lines are sorted by
 * time in every file; some files get a repeated header block (IIS restart),
 * one server changes its #Fields layout mid-file on one day.
 *
 * Output depends only on the arguments (own xoshiro256** PRNG, no time()).
 *
 * Build:  cc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Werror \
 *            bench/easlog-gen.c -o easlog-gen
 * Usage:  easlog-gen -o DIR [--seed N] [--size MB | --lines N] [--servers N]
 *            [--users N] [--days N] [--start YYYY-MM-DD]
 *            [--exchange 2010|2013|2016|mixed] [--bad PCT] [--noise PCT]
 *
 * --exchange mixed (default): the first half of the servers (rounded down)
 * are Exchange 2010 CAS (IIS 7.5, 14 fields, Log on the W3SVC1 line); the
 * rest are Exchange 2013+ with front end + back end; when there are two or
 * more of those, the first logs in the Exchange 2013 format and the others
 * in the 2016+ format.  With two or more servers the last one uses an
 * extended field set (s-sitename s-computername ... cs-host ... sc-bytes
 * cs-bytes) and the one before it adds sc-bytes cs-bytes mid-file on day
 * DAYS/2 (new header block), keeping the new layout afterwards.
 * Without --size/--lines the volume follows the population (about 250
 * requests per device per weekday).  A one-line summary goes to stderr.
 *
 * testdata/sample was made with
 *   easlog-gen --seed 7 --servers 3 --users 12 --days 2 --lines 850 \
 *              --exchange mixed --noise 5 --bad 0.5 -o testdata/sample
 * followed by gzip -9n on the EXCH03 files.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* PRNG: splitmix64 seeding, xoshiro256**                              */

typedef struct { uint64_t s[4]; } Rng;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void rng_seed(Rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl64(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t rnext(Rng *r)
{
    uint64_t *s = r->s;
    uint64_t res = rotl64(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl64(s[3], 45);
    return res;
}

/* uniform in [0, n) */
static inline uint32_t rbelow(Rng *r, uint32_t n)
{
    return (uint32_t)(((rnext(r) >> 32) * (uint64_t)n) >> 32);
}
/* uniform in [lo, hi] */
static inline uint32_t rrange(Rng *r, uint32_t lo, uint32_t hi)
{
    return lo + rbelow(r, hi - lo + 1);
}
static inline double runi(Rng *r) { return (double)(rnext(r) >> 11) * 0x1.0p-53; }
static inline int rchance(Rng *r, double p) { return runi(r) < p; }

/* libm-free log/exp (the build line has no -lm) */
static double flog(double x)
{
    uint64_t b;
    memcpy(&b, &x, 8);
    int e = (int)((b >> 52) & 0x7ff) - 1023;
    b = (b & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;
    double m;
    memcpy(&m, &b, 8);
    if (m > 1.4142135623730951) { m *= 0.5; e++; }
    double t = (m - 1.0) / (m + 1.0), t2 = t * t;
    double s = t * (2.0 + t2 * (2.0 / 3 + t2 * (2.0 / 5 + t2 * (2.0 / 7 + t2 * (2.0 / 9 + t2 * (2.0 / 11))))));
    return s + e * 0.6931471805599453;
}

static double fexp(double x)
{
    if (x < -700) return 0.0;
    if (x > 700) x = 700;
    double kf = x * 1.4426950408889634;
    int k = (int)kf;
    if (kf < k) k--;
    double r = x - k * 0.6931471805599453;
    double p = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720 + r * (1.0 / 5040 + r / 40320)))))));
    uint64_t b = (uint64_t)(k + 1023) << 52;
    double sc;
    memcpy(&sc, &b, 8);
    return p * sc;
}

static double rgauss(Rng *r)
{
    double s = runi(r) + runi(r) + runi(r) + runi(r) + runi(r) + runi(r);
    return (s - 3.0) * 1.4142135623730951;
}
static double rlognorm(Rng *r, double median, double sigma) { return median * fexp(sigma * rgauss(r)); }
static double rexpo(Rng *r, double mean) { return -mean * flog(1.0 - runi(r)); }

static uint32_t clampu(double v, uint32_t lo, uint32_t hi)
{
    if (!(v >= lo)) return lo;
    if (v >= hi) return hi;
    return (uint32_t)v;
}

static int rpick(Rng *r, const uint16_t *w, int n)
{
    uint32_t tot = 0;
    for (int i = 0; i < n; i++) tot += w[i];
    uint32_t x = rbelow(r, tot);
    for (int i = 0; i < n; i++) {
        if (x < w[i]) return i;
        x -= w[i];
    }
    return n - 1;
}

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define PICK(r, a) ((a)[rbelow((r), (uint32_t)NELEM(a))])

/* ------------------------------------------------------------------ */
/* string appenders (all write through a char cursor)                  */

static const char HEXL[] = "0123456789abcdef";
static const char HEXU[] = "0123456789ABCDEF";
static const char ALNUM[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

#define AP(o, lit) (memcpy((o), (lit), sizeof(lit) - 1), (o) + sizeof(lit) - 1)

static inline char *ap_mem(char *o, const char *s, size_t n)
{
    memcpy(o, s, n);
    return o + n;
}
static inline char *ap_str(char *o, const char *s) { return ap_mem(o, s, strlen(s)); }

static char *ap_u(char *o, uint64_t v)
{
    char t[24];
    int i = 0;
    do {
        t[i++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (i) *o++ = t[--i];
    return o;
}
static char *ap_i(char *o, int64_t v)
{
    if (v < 0) {
        *o++ = '-';
        return ap_u(o, (uint64_t)(-(v + 1)) + 1);
    }
    return ap_u(o, (uint64_t)v);
}
static inline char *ap_2(char *o, unsigned v)
{
    o[0] = (char)('0' + v / 10);
    o[1] = (char)('0' + v % 10);
    return o + 2;
}
/* n random hex digits */
static char *ap_rhex(char *o, Rng *r, int n, int upper)
{
    const char *h = upper ? HEXU : HEXL;
    while (n > 0) {
        uint64_t v = rnext(r);
        for (int k = 0; k < 16 && n > 0; k++, n--) {
            *o++ = h[v & 15];
            v >>= 4;
        }
    }
    return o;
}
static char *ap_rdig(char *o, Rng *r, int n, int nonzero_first)
{
    for (int i = 0; i < n; i++)
        *o++ = (char)('0' + ((i == 0 && nonzero_first) ? 1 + rbelow(r, 9) : rbelow(r, 10)));
    return o;
}
static char *ap_ralnum(char *o, Rng *r, int n)
{
    for (int i = 0; i < n; i++) *o++ = ALNUM[rbelow(r, 36)];
    return o;
}
static char *ap_guid(char *o, Rng *r)
{
    uint64_t a = rnext(r), b = rnext(r);
    for (int i = 0; i < 32; i++) {
        if (i == 8 || i == 12 || i == 16 || i == 20) *o++ = '-';
        unsigned nib;
        if (i == 12) nib = 4;
        else if (i == 16) nib = 8 + (unsigned)(b & 3);
        else nib = (unsigned)((i < 16 ? a >> (4 * i) : b >> (4 * (i - 16) + 2)) & 15);
        *o++ = HEXL[nib];
    }
    return o;
}
/* .NET "HH:mm:ss.FFFFFFF" of a 100ns tick count within a day */
static char *ap_tm(char *o, int64_t ticks)
{
    const int64_t day = 864000000000LL;
    ticks %= day;
    if (ticks < 0) ticks += day;
    uint64_t sec = (uint64_t)(ticks / 10000000), frac = (uint64_t)(ticks % 10000000);
    o = ap_2(o, (unsigned)(sec / 3600));
    *o++ = ':';
    o = ap_2(o, (unsigned)(sec / 60 % 60));
    *o++ = ':';
    o = ap_2(o, (unsigned)(sec % 60));
    if (frac) {
        char d[7];
        for (int i = 6; i >= 0; i--) {
            d[i] = (char)('0' + frac % 10);
            frac /= 10;
        }
        int n = 7;
        while (n > 0 && d[n - 1] == '0') n--;
        *o++ = '.';
        o = ap_mem(o, d, (size_t)n);
    }
    return o;
}
/* "n.ddddd" style float made of random digits */
static char *ap_rfloat(char *o, Rng *r, uint32_t ipart, int ndec)
{
    o = ap_u(o, ipart);
    *o++ = '.';
    o = ap_rdig(o, r, ndec, 0);
    while (o[-1] == '0' && o[-2] != '.') o--;
    return o;
}

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static char *ap_b64(char *o, const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8 | s[i + 2];
        *o++ = B64[v >> 18];
        *o++ = B64[(v >> 12) & 63];
        *o++ = B64[(v >> 6) & 63];
        *o++ = B64[v & 63];
    }
    if (n - i == 1) {
        uint32_t v = (uint32_t)s[i] << 16;
        *o++ = B64[v >> 18];
        *o++ = B64[(v >> 12) & 63];
        *o++ = '=';
        *o++ = '=';
    } else if (n - i == 2) {
        uint32_t v = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8;
        *o++ = B64[v >> 18];
        *o++ = B64[(v >> 12) & 63];
        *o++ = B64[(v >> 6) & 63];
        *o++ = '=';
    }
    return o;
}

/* ------------------------------------------------------------------ */
/* calendar                                                            */

static int64_t days_from_civil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int *y, unsigned *m, unsigned *d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t yy = (int64_t)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (*m <= 2));
}

/* ------------------------------------------------------------------ */
/* IIS fields and layouts                                              */

enum {
    F_DATE, F_TIME, F_SITE, F_COMP, F_SIP, F_METHOD, F_STEM, F_QUERY, F_PORT, F_USER,
    F_CIP, F_UA, F_REF, F_HOST, F_STATUS, F_SUB, F_W32, F_SCB, F_CSB, F_TT, NFIELD
};
static const char *const FNAME[NFIELD] = {
    "date", "time", "s-sitename", "s-computername", "s-ip", "cs-method", "cs-uri-stem",
    "cs-uri-query", "s-port", "cs-username", "c-ip", "cs(User-Agent)", "cs(Referer)",
    "cs-host", "sc-status", "sc-substatus", "sc-win32-status", "sc-bytes", "cs-bytes",
    "time-taken"
};

#define FB(f) (1u << (f))
#define M_IIS75 (FB(F_DATE) | FB(F_TIME) | FB(F_SIP) | FB(F_METHOD) | FB(F_STEM) | FB(F_QUERY) | \
                 FB(F_PORT) | FB(F_USER) | FB(F_CIP) | FB(F_UA) | FB(F_STATUS) | FB(F_SUB) |     \
                 FB(F_W32) | FB(F_TT))
#define M_IIS85 (M_IIS75 | FB(F_REF))
#define M_BYTES (FB(F_SCB) | FB(F_CSB))
#define M_EXT (FB(F_SITE) | FB(F_COMP) | FB(F_HOST) | M_BYTES)

enum { L_75, L_85, L_75B, L_85B, L_75X, L_85X, NLAYOUT };
static const uint32_t LAYMASK[NLAYOUT] = {
    M_IIS75, M_IIS85, M_IIS75 | M_BYTES, M_IIS85 | M_BYTES, M_IIS75 | M_EXT, M_IIS85 | M_EXT
};

typedef struct {
    int n;
    uint8_t f[NFIELD];
    char fields[512];
    size_t flen;
} Layout;

typedef struct {
    const char *p[NFIELD];
    uint32_t n[NFIELD];
} Rec;

#define SETF(r, f, s, len) ((r)->p[f] = (s), (r)->n[f] = (uint32_t)(len))
#define SETS(r, f, s) SETF(r, f, s, strlen(s))
#define SETL(r, f, lit) SETF(r, f, lit, sizeof(lit) - 1)

/* ------------------------------------------------------------------ */
/* output files                                                        */

#define OBUF (1u << 20)
#define OSLACK (96u * 1024)

typedef struct {
    int fd;
    char *buf;
    size_t len;
    int last_hdr; /* second of day of the last header block, -1 = file not open */
    int layout;
} Out;

enum { SV2010, SV2013, SV2016 };

typedef struct {
    char name[16], fqdn[48], fqdnu[48], host444[48], ip[20], ll6[40], ll6enc[64], healthmbx[64];
    size_t namelen, fqdnlen, fqdnulen, host444len, iplen, ll6len, ll6enclen, healthmbxlen;
    int flavor;
    int lay0, lay1, chday, cht; /* layout change: lay1 from day chday, second cht */
    int restart_t;              /* this day: IIS restart second, -1 none */
    const char *iis;
    Out out[2];
} Server;

/* ------------------------------------------------------------------ */
/* population                                                          */

enum {
    FA_IPHONE, FA_IPAD, FA_SAMSUNG, FA_GMAIL, FA_KSANDROID, FA_OUTLOOK, FA_WINMAIL,
    FA_WP8, FA_NINE, FA_TOUCHDOWN, FA_NOKIA, NFAM
};
static const uint16_t FAMW[NFAM] = {340, 80, 150, 65, 10, 220, 50, 10, 20, 20, 5};

enum { TY_EM, TY_CA, TY_CO, TY_TA, TY_NT };
static const char *const TYNAME[] = {"Em", "Ca", "Co", "Ta", "Nt"};

typedef struct {
    char fid[4];
    uint8_t fidlen, ty, filt;
    uint32_t sk;
} Folder;

enum { UF_BARE, UF_DOM, UF_UPN, UF_FQDOM };

typedef struct {
    uint32_t user;
    uint8_t fam, uform, cmdfirst, b64, proto, pa, lcdom, badpw, nfold, hbn;
    uint16_t hb[3];
    uint32_t pk;
    char id[40], type[24], agent[72], devos[40], model[40], clientid[24];
    uint8_t idlen, typelen, agentlen, devoslen, modellen, clientidlen;
    char ip[2][40];
    uint8_t iplen[2];
    uint32_t sst;
    Folder f[7];
} Device;

typedef struct {
    uint8_t home;    /* home server (2013+ back end), or 2010 server group member */
    uint8_t is2010;
    uint8_t mbx;     /* 2010 mailbox server number 1..3 */
    char name[16];   /* user0001 */
    uint8_t namelen;
    uint32_t rid;
} User;

/* ------------------------------------------------------------------ */
/* commands and requests                                               */

enum {
    C_PING, C_SYNC, C_FOLDERSYNC, C_GIE, C_SENDMAIL, C_SMARTREPLY, C_SMARTFWD, C_SETTINGS,
    C_SEARCH, C_ITEMOPS, C_PROVISION, C_MEETRESP, C_GETATT, C_MOVEITEMS, C_RESOLVE,
    C_FOLDERUPDATE, C_FOLDERCREATE, C_OPTIONS, NCMD
};
static const char *const CMDNAME[NCMD] = {
    "Ping", "Sync", "FolderSync", "GetItemEstimate", "SendMail", "SmartReply", "SmartForward",
    "Settings", "Search", "ItemOperations", "Provision", "MeetingResponse", "GetAttachment",
    "MoveItems", "ResolveRecipients", "FolderUpdate", "FolderCreate", ""
};
static const uint8_t CMDCODE[NCMD] = {18, 0, 9, 14, 1, 3, 2, 17, 16, 19, 20, 15, 4, 13, 21, 12, 10, 0};
static const uint16_t CMDW[NCMD] = {450, 300, 50, 40, 20, 10, 5, 20, 10, 20, 10, 8, 3, 12, 8, 2, 1, 16};

enum {
    E_NONE, E_401, E_449, E_142, E_143, E_403, E_500, E_503, E_451, E_PINGCOLL, E_SSNF,
    E_OVERBUDGET
};

typedef struct {
    int cmd, err, http, sub, w32, ver;
    uint32_t tt;   /* back-end (or 2010 CAS) processing time, ms */
    int rto, hb;
    int nf;
    uint8_t fi[4], st[4], hascli[4], hassrv[4];
    uint32_t sk[4];
    uint16_t cli[4][7], srv[4][8];
    int oof, srch, att, unc, ssp, rr, provinit, settingsinfo, mi, nms, ssnf;
    uint32_t attb, uncb, sspb;
    uint32_t scb, csb;
    int64_t cticks; /* completion instant, 100ns ticks in the day */
    char guid[40];
} Req;

/* ------------------------------------------------------------------ */
/* global state                                                        */

static struct {
    /* options */
    uint64_t seed;
    double size_mb;
    uint64_t target_lines;
    int nserv, nusers, ndays, exch;
    int64_t day0;
    double bad, noise;
    const char *out;

    Rng r;
    Layout lay[NLAYOUT];
    Server *srv;
    int *g10, n10, *g13, n13;
    User *users;
    Device *dev;
    int ndev;
    double *cum;
    char userfmt_w;
    char polguid2010[40], polguid[40], oabguid[40], sid[64];
    size_t sidlen;
    char dc[2][24];

    /* current day */
    int dayidx;
    char date[12], yymmdd[8];

    /* counters */
    uint64_t lines, bytes, files, events, eas_lines, eas_bytes;
    double p_noise, p_bad;
    int stop;
    char tbuf[9];

    char arena[1 << 16];
} G;

/* ------------------------------------------------------------------ */
/* output                                                              */

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "easlog-gen: %s%s%s: %s\n", msg, arg ? " " : "", arg ? arg : "",
            errno ? strerror(errno) : "error");
    exit(1);
}

static void mkdirs(const char *path)
{
    char tmp[4096];
    size_t n = strlen(path);
    if (n >= sizeof tmp) {
        errno = ENAMETOOLONG;
        die("path too long", path);
    }
    memcpy(tmp, path, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (tmp[i] == '/' || tmp[i] == 0) {
            char c = tmp[i];
            tmp[i] = 0;
            if (mkdir(tmp, 0777) != 0 && errno != EEXIST) die("cannot create directory", tmp);
            tmp[i] = c;
        }
    }
}

static void out_flush(Out *o)
{
    size_t off = 0;
    while (off < o->len) {
        ssize_t w = write(o->fd, o->buf + off, o->len - off);
        if (w < 0) {
            if (errno == EINTR) continue;
            die("write failed", NULL);
        }
        off += (size_t)w;
    }
    o->len = 0;
}

static void out_close(Out *o)
{
    if (o->last_hdr < 0) return;
    out_flush(o);
    if (close(o->fd) != 0) die("close failed", NULL);
    o->fd = -1;
    o->last_hdr = -1;
}

static void write_header(Server *s, Out *o, int t, int lay)
{
    char *b = o->buf + o->len, *p = b;
    p = AP(p, "#Software: Microsoft Internet Information Services ");
    p = ap_str(p, s->iis);
    p = AP(p, "\r\n#Version: 1.0\r\n#Date: ");
    p = ap_mem(p, G.date, 10);
    *p++ = ' ';
    p = ap_2(p, (unsigned)(t / 3600));
    *p++ = ':';
    p = ap_2(p, (unsigned)(t / 60 % 60));
    *p++ = ':';
    p = ap_2(p, (unsigned)(t % 60));
    p = AP(p, "\r\n#Fields: ");
    p = ap_mem(p, G.lay[lay].fields, G.lay[lay].flen);
    p = AP(p, "\r\n");
    o->len += (size_t)(p - b);
    G.bytes += (uint64_t)(p - b);
    G.lines += 4;
    o->last_hdr = t;
    o->layout = lay;
}

static void open_out(Server *s, int site, int t, int lay)
{
    Out *o = &s->out[site];
    char path[4096];
    snprintf(path, sizeof path, "%s/%s/W3SVC%d", G.out, s->name, site + 1);
    mkdirs(path);
    snprintf(path, sizeof path, "%s/%s/W3SVC%d/u_ex%s.log", G.out, s->name, site + 1, G.yymmdd);
    o->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (o->fd < 0) die("cannot create", path);
    o->len = 0;
    G.files++;
    write_header(s, o, t, lay);
}

enum { BAD_NONE, BAD_MISSING, BAD_EXTRA, BAD_CUT };

/* write one data line; t = second of day */
static void put_line(Server *s, int site, int t, const Rec *r, int is_eas)
{
    Out *o = &s->out[site];
    int lay = (G.dayidx > s->chday || (G.dayidx == s->chday && t >= s->cht)) ? s->lay1 : s->lay0;
    if (o->last_hdr < 0)
        open_out(s, site, t, lay);
    else if (lay != o->layout || (s->restart_t >= 0 && t >= s->restart_t && o->last_hdr < s->restart_t))
        write_header(s, o, t, lay);
    if (o->len > OBUF - OSLACK) out_flush(o);

    const Layout *L = &G.lay[lay];
    int bad = BAD_NONE, k = -1;
    if (G.p_bad > 0 && rchance(&G.r, G.p_bad)) {
        bad = 1 + (int)rbelow(&G.r, 3);
        k = 2 + (int)rbelow(&G.r, (uint32_t)(L->n - 2));
    }
    char *b = o->buf + o->len, *p = b;
    for (int i = 0; i < L->n; i++) {
        int f = L->f[i];
        if (bad == BAD_MISSING && i == k) continue;
        if (p != b) *p++ = ' ';
        if (bad == BAD_EXTRA && i == k && f == F_QUERY && r->n[f] > 8) {
            /* raw space pasted into the query (copy/paste damage) */
            uint32_t cut = r->n[f] / 2;
            for (uint32_t j = cut; j < r->n[f]; j++)
                if (r->p[f][j] == '&') { cut = j + 1; break; }
            p = ap_mem(p, r->p[f], cut);
            *p++ = ' ';
            p = ap_mem(p, r->p[f] + cut, r->n[f] - cut);
            continue;
        }
        p = ap_mem(p, r->p[f], r->n[f]);
        if (bad == BAD_EXTRA && i == k) p = AP(p, " -");
    }
    if (bad == BAD_CUT) {
        size_t len = (size_t)(p - b);
        p = b + len / 4 + rbelow(&G.r, (uint32_t)(len / 2 + 1));
    }
    *p++ = '\r';
    *p++ = '\n';
    size_t n = (size_t)(p - b);
    o->len += n;
    G.bytes += n;
    G.lines++;
    if (is_eas) {
        G.eas_lines++;
        G.eas_bytes += n;
    }
}

/* ------------------------------------------------------------------ */
/* population setup                                                    */

struct iosrel { const char *ver, *build, *ua; };
static const struct iosrel IOS[] = {
    {"17.3.1", "21D61", "2104.61"}, {"17.4", "21E219", "2105.219"}, {"17.2.1", "21C66", "2103.66"},
    {"17.1.2", "21B101", "2102.101"}, {"16.7.5", "20H307", "2008.307"}, {"16.6.1", "20G81", "2007.81"},
    {"15.8", "19H370", "1908.370"}, {"17.3.1", "21D61", "2104.61"}, {"17.3.1", "21D61", "2104.61"},
};
static const char *const IPHONES[] = {
    "iPhone12C1", "iPhone12C8", "iPhone13C2", "iPhone13C3", "iPhone14C2", "iPhone14C5",
    "iPhone14C7", "iPhone15C2", "iPhone15C4", "iPhone16C1", "iPhone11C8", "iPhone14C5"
};
static const char *const IPADS[] = {"iPad7C5", "iPad12C1", "iPad13C1", "iPad13C16", "iPad14C1", "iPad13C18"};
static const char *const SAMSUNGS[] = {
    "SM-G950F", "SM-G991B", "SM-S911B", "SM-A525F", "SM-A536B", "SM-G973F", "SM-S918B", "SM-T870",
    "SM-A546B", "SM-G781B"
};
static const char *const SAMVER[] = {"101.7", "101.60001", "101.70000", "102.10000", "102.40000"};
static const char *const ANDROIDVER[] = {"11", "12", "13", "13", "14", "14", "10"};
static const char *const GMAILVER[] = {
    "Android-Mail/2024.01.14.599053498.Release", "Android-Mail/2023.12.03.588241361.Release",
    "Android-Mail/2024.02.11.603528173.Release"
};
static const char *const WINBUILD[] = {"10.0.19045", "10.0.22631", "10.0.22621", "10.0.19044"};

static void dev_ip(Device *d, int k, Rng *r)
{
    char *o = d->ip[k];
    uint32_t x = rbelow(r, 100);
    if (x < 60) {
        static const char *const pre[] = {"198.51.100.", "203.0.113.", "192.0.2."};
        o = ap_str(o, PICK(r, pre));
        o = ap_u(o, rrange(r, 1, 254));
    } else if (x < 94) {
        o = AP(o, "10.");
        o = ap_u(o, rrange(r, 20, 23));
        *o++ = '.';
        o = ap_u(o, rbelow(r, 256));
        *o++ = '.';
        o = ap_u(o, rrange(r, 1, 254));
    } else {
        o = AP(o, "2001:db8:");
        o = ap_rhex(o, r, 1 + (int)rbelow(r, 4), 0);
        *o++ = ':';
        o = ap_rhex(o, r, 4, 0);
        o = AP(o, "::");
        o = ap_rhex(o, r, 3, 0);
        *o++ = ':';
        o = ap_rhex(o, r, 4, 0);
        if (o[-4] == '0') o[-4] = 'a';
    }
    d->iplen[k] = (uint8_t)(o - d->ip[k]);
}

static void setstr(char *dst, uint8_t *len, const char *s)
{
    size_t n = strlen(s);
    memcpy(dst, s, n + 1);
    *len = (uint8_t)n;
}

static void make_device(Device *d, uint32_t user, Rng *r)
{
    memset(d, 0, sizeof *d);
    d->user = user;
    d->fam = (uint8_t)rpick(r, FAMW, NFAM);
    d->pa = (uint8_t)(rchance(r, 0.88) ? 1 : rchance(r, 0.66) ? 2 : rchance(r, 0.85) ? 3 : 4);
    d->pk = (uint32_t)(rnext(r) >> 32) | 0x10000000u;
    d->lcdom = rchance(r, 0.08);
    d->badpw = rchance(r, 0.005);
    d->sst = rrange(r, 1, 60);
    char *o;
    uint32_t u = rbelow(r, 100);
    switch (d->fam) {
    case FA_IPHONE:
    case FA_IPAD: {
        const char *model = d->fam == FA_IPHONE ? PICK(r, IPHONES) : PICK(r, IPADS);
        const struct iosrel *v = &PICK(r, IOS);
        setstr(d->type, &d->typelen, d->fam == FA_IPHONE ? "iPhone" : "iPad");
        setstr(d->model, &d->modellen, model);
        o = AP(d->agent, "Apple-");
        o = ap_str(o, model);
        *o++ = '/';
        o = ap_str(o, v->ua);
        d->agentlen = (uint8_t)(o - d->agent);
        o = AP(d->devos, "iOS+");
        o = ap_str(o, v->ver);
        *o++ = '+';
        o = ap_str(o, v->build);
        d->devoslen = (uint8_t)(o - d->devos);
        if (rchance(r, 0.45)) {
            o = AP(d->id, "Appl");
            o = ap_ralnum(o, r, 11);
        } else
            o = ap_ralnum(d->id, r, 26);
        d->uform = u < 45 ? UF_BARE : u < 80 ? UF_UPN : UF_DOM;
        d->cmdfirst = 0;
        d->proto = rchance(r, 0.7) ? 161 : rchance(r, 0.5) ? 160 : 141;
        d->hb[0] = 1680; d->hb[1] = 900; d->hb[2] = 600; d->hbn = 3;
        break;
    }
    case FA_SAMSUNG: {
        const char *m = PICK(r, SAMSUNGS);
        o = AP(d->type, "SAMSUNG");
        for (const char *c = m; *c; c++)
            if (*c != '-') *o++ = *c;
        *o = 0;
        d->typelen = (uint8_t)(o - d->type);
        setstr(d->model, &d->modellen, m);
        o = AP(d->agent, "Android-SAMSUNG-");
        o = ap_str(o, m);
        *o++ = '/';
        o = ap_str(o, PICK(r, SAMVER));
        d->agentlen = (uint8_t)(o - d->agent);
        o = AP(d->devos, "Android+");
        o = ap_str(o, PICK(r, ANDROIDVER));
        d->devoslen = (uint8_t)(o - d->devos);
        if (rchance(r, 0.5)) {
            o = AP(d->id, "SEC");
            o = ap_rhex(o, r, 13, 1);
        } else {
            o = AP(d->id, "androidc");
            o = ap_rdig(o, r, 10, 1);
        }
        d->uform = u < 50 ? UF_DOM : u < 80 ? UF_BARE : UF_UPN;
        d->cmdfirst = 1;
        d->proto = rchance(r, 0.6) ? 160 : 141;
        d->hb[0] = 470; d->hb[1] = 540; d->hb[2] = 900; d->hbn = 3;
        break;
    }
    case FA_GMAIL:
    case FA_KSANDROID:
        setstr(d->type, &d->typelen, d->fam == FA_GMAIL ? "Android" : "KSAndroid");
        setstr(d->agent, &d->agentlen, d->fam == FA_GMAIL ? PICK(r, GMAILVER) : "KSAndroid/5.1.1-EAS-1.3");
        setstr(d->model, &d->modellen, d->fam == FA_GMAIL ? "Pixel+7" : "KSAndroid");
        o = AP(d->devos, "Android+");
        o = ap_str(o, d->fam == FA_GMAIL ? PICK(r, ANDROIDVER) : "5.1.1");
        d->devoslen = (uint8_t)(o - d->devos);
        o = AP(d->id, "androidc");
        o = ap_rdig(o, r, 9 + (int)rbelow(r, 2), 1);
        d->uform = d->fam == FA_KSANDROID ? UF_FQDOM : u < 50 ? UF_DOM : u < 75 ? UF_BARE : UF_UPN;
        d->cmdfirst = 1;
        d->proto = 141;
        d->hb[0] = 540; d->hb[1] = 600; d->hb[2] = 1680; d->hbn = d->fam == FA_KSANDROID ? 3 : 2;
        break;
    case FA_OUTLOOK:
        setstr(d->type, &d->typelen, "Outlook");
        setstr(d->agent, &d->agentlen, "Outlook-iOS-Android/1.0");
        setstr(d->model, &d->modellen, "Outlook+for+iOS+and+Android");
        setstr(d->devos, &d->devoslen, rchance(r, 0.6) ? "iOS+17.3.1" : "Android+14");
        if (rchance(r, 0.8))
            o = ap_rhex(d->id, r, 32, 0);
        else
            o = ap_rhex(d->id, r, 16, 1);
        o = ap_ralnum(d->clientid, r, 19);
        d->clientidlen = 19;
        d->uform = u < 50 ? UF_UPN : u < 80 ? UF_BARE : UF_DOM;
        d->cmdfirst = 1;
        d->proto = 160;
        d->hb[0] = 600; d->hb[1] = 540; d->hbn = 2;
        break;
    case FA_WINMAIL: {
        const char *bld = PICK(r, WINBUILD);
        setstr(d->type, &d->typelen, "WindowsMail");
        o = AP(d->agent, "MSFT-WIN-3/");
        o = ap_str(o, bld);
        d->agentlen = (uint8_t)(o - d->agent);
        setstr(d->model, &d->modellen, "Windows");
        o = AP(d->devos, "Windows+");
        o = ap_str(o, bld);
        d->devoslen = (uint8_t)(o - d->devos);
        o = ap_rhex(d->id, r, 32, 1);
        d->uform = u < 50 ? UF_UPN : UF_DOM;
        d->cmdfirst = 0;
        d->proto = 161;
        d->hb[0] = 900; d->hb[1] = 1680; d->hbn = 2;
        break;
    }
    case FA_WP8:
        setstr(d->type, &d->typelen, "WP8");
        setstr(d->agent, &d->agentlen, "MSFT-WP/8.10.14219");
        setstr(d->model, &d->modellen, "Lumia+930");
        setstr(d->devos, &d->devoslen, "Windows+Phone+8.10.14219");
        o = ap_rhex(d->id, r, 32, 1);
        d->uform = UF_DOM;
        d->cmdfirst = 0;
        d->proto = 141;
        d->hb[0] = 1680; d->hbn = 1;
        break;
    case FA_NINE:
        setstr(d->type, &d->typelen, "Android");
        setstr(d->agent, &d->agentlen, rchance(r, 0.5) ? "Nine/4.9.4b" : "Nine/4.9.6a");
        setstr(d->model, &d->modellen, "Nine");
        setstr(d->devos, &d->devoslen, "Android+13");
        o = AP(d->id, "Nine");
        o = ap_rhex(d->id + 4, r, 12, 1);
        d->uform = u < 60 ? UF_UPN : UF_DOM;
        d->cmdfirst = 1;
        d->proto = rchance(r, 0.7) ? 141 : 160;
        d->hb[0] = 600; d->hb[1] = 900; d->hbn = 2;
        break;
    case FA_TOUCHDOWN:
        setstr(d->type, &d->typelen, "TouchDown");
        setstr(d->agent, &d->agentlen, "TouchDown(MSRPC)/8.5.00096");
        setstr(d->model, &d->modellen, "TouchDown");
        setstr(d->devos, &d->devoslen, "Android+12");
        o = ap_rhex(d->id, r, 16, 0);
        d->uform = UF_DOM;
        d->cmdfirst = 1;
        d->proto = rchance(r, 0.5) ? 141 : 121;
        d->hb[0] = 900; d->hbn = 1;
        break;
    default: /* FA_NOKIA */
        setstr(d->type, &d->typelen, "NokiaEmail");
        setstr(d->agent, &d->agentlen, "NokiaE721/2.02(0)MailforExchange+3gpp-gba");
        setstr(d->model, &d->modellen, "NokiaE72-1");
        setstr(d->devos, &d->devoslen, "Symbian+9.3");
        o = AP(d->id, "IMEI");
        o = ap_rdig(o, r, 15, 1);
        d->uform = UF_BARE;
        d->cmdfirst = 0;
        d->proto = 121;
        d->hb[0] = 1680; d->hbn = 1;
        break;
    }
    d->idlen = (uint8_t)strlen(d->id);
    /* MS-ASHTTP base64 queries: ~1% of the devices */
    if (d->fam != FA_OUTLOOK && d->proto >= 121 && rchance(r, d->fam == FA_NINE ? 0.4 : 0.006)) d->b64 = 1;
    dev_ip(d, 0, r);
    dev_ip(d, 1, r);

    /* folders: Inbox, Calendar, Contacts, then optional */
    int n = 0;
    Folder *f = d->f;
    memcpy(f[n].fid, "5", 2); f[n].ty = TY_EM; f[n].filt = (uint8_t)rrange(r, 2, 5); n++;
    memcpy(f[n].fid, "1", 2); f[n].ty = TY_CA; f[n].filt = (uint8_t)rrange(r, 4, 7); n++;
    memcpy(f[n].fid, "2", 2); f[n].ty = TY_CO; f[n].filt = 0; n++;
    if (d->fam == FA_OUTLOOK || rchance(r, 0.4)) { memcpy(f[n].fid, "7", 2); f[n].ty = TY_EM; f[n].filt = f[0].filt; n++; }
    if (d->fam == FA_IPHONE || d->fam == FA_IPAD || d->fam == FA_WINMAIL) {
        memcpy(f[n].fid, "3", 2); f[n].ty = TY_TA; f[n].filt = 8; n++;
        if (rchance(r, 0.5)) { memcpy(f[n].fid, "4", 2); f[n].ty = TY_NT; f[n].filt = 0; n++; }
    }
    if (rchance(r, 0.35)) {
        char *q = f[n].fid;
        q = ap_u(q, rrange(r, 10, 60));
        *q = 0;
        f[n].ty = TY_EM;
        f[n].filt = f[0].filt;
        n++;
    }
    for (int i = 0; i < n; i++) {
        f[i].fidlen = (uint8_t)strlen(f[i].fid);
        f[i].sk = rrange(r, 1, 999999999);
    }
    d->nfold = (uint8_t)n;
}

static void setup(void)
{
    Rng pr;
    rng_seed(&pr, G.seed ^ 0x5eed0f00d1e5ULL);
    rng_seed(&G.r, G.seed * 0x9e3779b97f4a7c15ULL + 0x1234567ULL);

    for (int l = 0; l < NLAYOUT; l++) {
        Layout *L = &G.lay[l];
        char *p = L->fields;
        L->n = 0;
        for (int f = 0; f < NFIELD; f++)
            if (LAYMASK[l] & FB(f)) {
                if (L->n) *p++ = ' ';
                p = ap_str(p, FNAME[f]);
                L->f[L->n++] = (uint8_t)f;
            }
        L->flen = (size_t)(p - L->fields);
    }

    /* servers */
    G.srv = calloc((size_t)G.nserv, sizeof(Server));
    G.g10 = calloc((size_t)G.nserv, sizeof(int));
    G.g13 = calloc((size_t)G.nserv, sizeof(int));
    if (!G.srv || !G.g10 || !G.g13) die("out of memory", NULL);
    int n2010 = G.exch == 2010 ? G.nserv : G.exch == 0 ? G.nserv / 2 : 0;
    int ext = G.nserv >= 2 ? G.nserv - 1 : -1;
    int chg = G.nserv >= 2 ? G.nserv - 2 : 0;
    for (int i = 0; i < G.nserv; i++) {
        Server *s = &G.srv[i];
        char *o;
        o = AP(s->name, "EXCH");
        o = ap_2(o, (unsigned)((i + 1) % 100));
        if (i + 1 >= 100) { o = s->name + 4; o = ap_u(o, (uint64_t)i + 1); }
        *o = 0;
        s->namelen = (size_t)(o - s->name);
        o = ap_mem(s->fqdn, s->name, s->namelen);
        o = AP(o, ".contoso.com");
        s->fqdnlen = (size_t)(o - s->fqdn);
        o = ap_mem(s->fqdnu, s->name, s->namelen);
        o = AP(o, ".CONTOSO.COM");
        s->fqdnulen = (size_t)(o - s->fqdnu);
        o = s->host444;
        for (size_t k = 0; k < s->namelen; k++) *o++ = (char)(s->name[k] | 0x20);
        o = AP(o, ".contoso.com:444");
        s->host444len = (size_t)(o - s->host444);
        o = AP(s->ip, "10.0.1.");
        o = ap_u(o, 10 + (uint64_t)i % 240);
        s->iplen = (size_t)(o - s->ip);
        o = AP(s->ll6, "fe80::");
        char *h = o;
        o = ap_rhex(o, &pr, 4, 0); *o++ = ':';
        o = ap_rhex(o, &pr, 4, 0); *o++ = ':';
        o = ap_rhex(o, &pr, 4, 0); *o++ = ':';
        o = ap_rhex(o, &pr, 4, 0);
        if (*h == '0') *h = 'c';
        o = AP(o, "%12");
        s->ll6len = (size_t)(o - s->ll6);
        o = s->ll6enc;
        for (size_t k = 0; k < s->ll6len; k++) {
            char c = s->ll6[k];
            if (c == ':') o = AP(o, "%3a");
            else if (c == '%') o = AP(o, "%25");
            else *o++ = c;
        }
        s->ll6enclen = (size_t)(o - s->ll6enc);
        o = AP(s->healthmbx, "HealthMailbox");
        o = ap_rhex(o, &pr, 32, 0);
        o = AP(o, "@contoso.com");
        s->healthmbxlen = (size_t)(o - s->healthmbx);
        if (i < n2010) {
            s->flavor = SV2010;
            G.g10[G.n10++] = i;
        } else {
            s->flavor = G.exch == 2013 ? SV2013 : G.exch == 2016 ? SV2016
                      : (G.exch == 0 && i == n2010 && G.nserv - n2010 >= 2) ? SV2013 : SV2016;
            G.g13[G.n13++] = i;
        }
        s->iis = s->flavor == SV2010 ? "7.5" : s->flavor == SV2013 ? "8.5" : "10.0";
        int base = s->flavor == SV2010 ? L_75 : L_85;
        if (i == ext) base = s->flavor == SV2010 ? L_75X : L_85X;
        s->lay0 = s->lay1 = base;
        s->chday = G.ndays + 1;
        s->cht = 0;
        if (i == chg && G.nserv >= 2) {
            s->lay1 = s->flavor == SV2010 ? L_75B : L_85B;
            s->chday = G.ndays / 2;
            s->cht = (int)rrange(&pr, 10 * 3600, 15 * 3600);
        }
        for (int k = 0; k < 2; k++) {
            s->out[k].fd = -1;
            s->out[k].last_hdr = -1;
            s->out[k].buf = malloc(OBUF);
            if (!s->out[k].buf) die("out of memory", NULL);
        }
    }

    /* organisation constants */
    {
        char *o = ap_guid(G.polguid2010, &pr);
        *o = 0;
        o = ap_guid(G.polguid, &pr);
        *o = 0;
        o = ap_guid(G.oabguid, &pr);
        *o = 0;
        o = AP(G.sid, "S-1-5-21-");
        o = ap_u(o, rrange(&pr, 1000000000u, 4000000000u)); *o++ = '-';
        o = ap_u(o, rrange(&pr, 100000000u, 999999999u)); *o++ = '-';
        o = ap_u(o, rrange(&pr, 1000000000u, 4000000000u)); *o++ = '-';
        *o = 0;
        G.sidlen = (size_t)(o - G.sid);
        strcpy(G.dc[0], "DC01");
        strcpy(G.dc[1], "DC02");
    }

    /* users and devices */
    int width = 4;
    for (int n = G.nusers; n >= 10000; n /= 10) width++;
    G.users = calloc((size_t)G.nusers, sizeof(User));
    G.dev = calloc((size_t)G.nusers * 3, sizeof(Device));
    G.cum = calloc((size_t)G.nusers * 3, sizeof(double));
    if (!G.users || !G.dev || !G.cum) die("out of memory", NULL);
    double share10 = G.nserv ? (double)G.n10 / G.nserv : 0;
    double acc = 0;
    for (int i = 0; i < G.nusers; i++) {
        User *u = &G.users[i];
        char num[16];
        int nl = snprintf(num, sizeof num, "%0*d", width, i + 1);
        char *o = AP(u->name, "user");
        o = ap_mem(o, num, (size_t)nl);
        u->namelen = (uint8_t)(o - u->name);
        u->is2010 = G.n13 == 0 || (G.n10 > 0 && runi(&pr) < share10);
        u->home = (uint8_t)(u->is2010 ? G.g10[rbelow(&pr, (uint32_t)G.n10)] : G.g13[rbelow(&pr, (uint32_t)G.n13)]);
        u->mbx = (uint8_t)rrange(&pr, 1, 3);
        u->rid = 1100 + (uint32_t)i * 3 + rbelow(&pr, 3);
        int nd = rchance(&pr, 0.62) ? 1 : rchance(&pr, 0.75) ? 2 : 3;
        for (int k = 0; k < nd; k++) {
            Device *d = &G.dev[G.ndev];
            make_device(d, (uint32_t)i, &pr);
            double w = rlognorm(&pr, 1.0, 0.45);
            if (rchance(&pr, 0.003)) w *= 12; /* misbehaving device */
            if (d->badpw) w *= 3;
            acc += w;
            G.cum[G.ndev] = acc;
            G.ndev++;
        }
    }
    /* small populations: make sure one device uses a base64 query */
    int nb64 = 0;
    for (int i = 0; i < G.ndev; i++) nb64 += G.dev[i].b64;
    for (int i = G.ndev - 1; i >= 0 && !nb64; i--)
        if (G.dev[i].fam != FA_OUTLOOK && G.dev[i].proto >= 121) G.dev[i].b64 = nb64 = 1;
}

static Device *pick_device(void)
{
    double x = runi(&G.r) * G.cum[G.ndev - 1];
    int lo = 0, hi = G.ndev - 1;
    while (lo < hi) {
        int mid = (lo + hi) >> 1;
        if (G.cum[mid] > x) hi = mid;
        else lo = mid + 1;
    }
    return &G.dev[lo];
}

/* ------------------------------------------------------------------ */
/* request model                                                       */

static void plan_request(Req *q, Device *d, int fe2010, int maxv)
{
    Rng *r = &G.r;
    memset(q, 0, sizeof *q);
    q->cmd = rpick(r, CMDW, NCMD);
    if (q->cmd == C_GETATT && d->proto > 121) q->cmd = C_ITEMOPS;
    q->ver = q->cmd == C_OPTIONS ? 0 : (d->proto < maxv ? d->proto : maxv);
    q->http = 200;
    q->err = E_NONE;
    q->hb = d->hb[rbelow(r, d->hbn)];

    /* status / errors */
    if ((d->badpw && rchance(r, 0.6)) || rchance(r, 0.012)) {
        q->err = E_401;
        q->http = 401;
        if (d->badpw || rchance(r, 0.3)) { q->sub = 1; q->w32 = 1326; }
        else { q->sub = 2; q->w32 = 5; }
    } else if (q->cmd != C_OPTIONS && q->cmd != C_PROVISION) {
        double x = runi(r);
        if (fe2010 && x < 0.006) { q->err = E_449; q->http = 449; }
        else if (!fe2010 && x < 0.003) q->err = E_142;
        else if (x < 0.0065) q->err = E_143;
        else if (x < 0.008) { q->err = E_403; q->http = 403; }
        else if (x < 0.0105 || (q->cmd == C_SENDMAIL && x < 0.04)) { q->err = E_500; q->http = 500; }
        else if (x < 0.0125) { q->err = E_503; q->http = 503; }
        else if (fe2010 && x < 0.0135) { q->err = E_451; q->http = 451; }
        else if (x < 0.0145) q->err = E_OVERBUDGET;
    }

    /* timing */
    double tt;
    switch (q->cmd) {
    case C_PING:
        if (q->err == E_NONE && rchance(r, 0.015)) q->err = E_PINGCOLL;
        if (q->err != E_NONE) tt = rlognorm(r, 200, 0.8);
        else if (rchance(r, q->hb <= 600 ? 0.55 : 0.03)) {
            q->rto = 1;
            tt = q->hb * 1000.0 + rrange(r, 2, 1400);
        } else {
            double lim = q->hb < 600 ? q->hb : 600;
            tt = rexpo(r, 170000.0);
            if (tt > lim * 1000.0) tt = rrange(r, 1000, (uint32_t)(lim * 1000));
        }
        break;
    case C_SYNC: tt = rlognorm(r, 140, 1.0); break;
    case C_FOLDERSYNC: tt = rlognorm(r, 90, 0.8); break;
    case C_GIE: tt = rlognorm(r, 60, 0.7); break;
    case C_SENDMAIL: case C_SMARTREPLY: case C_SMARTFWD: tt = rlognorm(r, 700, 0.9); break;
    case C_SEARCH: tt = rlognorm(r, 600, 1.0); break;
    case C_ITEMOPS: case C_GETATT: tt = rlognorm(r, 250, 1.1); break;
    case C_OPTIONS: tt = rlognorm(r, 12, 0.8); break;
    default: tt = rlognorm(r, 110, 0.8); break;
    }
    if (q->err == E_401) tt = rrange(r, 0, 31);
    if (q->err == E_449 && rchance(r, 0.2)) tt = 19999;
    q->tt = clampu(tt, 0, 3600000);

    /* per-command details */
    switch (q->cmd) {
    case C_SYNC:
    case C_GIE: {
        uint32_t x = rbelow(r, 100);
        int nf = x < 72 ? 1 : x < 88 ? 2 : x < 96 ? 3 : 4;
        if (nf > d->nfold) nf = d->nfold;
        q->nf = nf;
        uint32_t pick = rbelow(r, 100);
        int first = pick < 70 ? 0 : pick < 82 ? 1 : pick < 88 ? 2 : (int)rbelow(r, d->nfold);
        for (int i = 0; i < nf; i++) q->fi[i] = (uint8_t)((first + i) % d->nfold);
        if (q->cmd == C_SYNC && q->err == E_NONE && rchance(r, 0.01)) { q->err = E_SSNF; q->ssnf = 1; }
        for (int i = 0; i < nf; i++) {
            Folder *f = &d->f[q->fi[i]];
            int first_sync = rchance(r, 0.004);
            q->st[i] = first_sync ? 'F' : (q->ssnf && i == 0) ? 'R' : 'S';
            q->sk[i] = first_sync ? 0 : f->sk;
            if (q->cmd == C_SYNC && q->err == E_NONE) f->sk++;
            if (q->cmd != C_SYNC) continue;
            uint16_t *s = q->srv[i], *c = q->cli[i];
            if (first_sync) {
                s[0] = (uint16_t)rrange(r, 20, 400);
            } else if (rchance(r, 0.62)) {
                int em = f->ty == TY_EM;
                s[0] = (uint16_t)(em ? rbelow(r, 4) : rbelow(r, 2));
                s[1] = (uint16_t)(rchance(r, 0.35) ? rrange(r, 1, 5) : 0);
                s[2] = (uint16_t)(rchance(r, 0.15) ? rrange(r, 1, 3) : 0);
                s[3] = (uint16_t)(rchance(r, 0.03) ? 1 : 0);
                s[6] = (uint16_t)(f->ty == TY_CA && rchance(r, 0.2) ? rrange(r, 1, 3) : 0);
                if (!(s[0] | s[1] | s[2] | s[3] | s[6])) s[0] = 1;
            }
            q->hassrv[i] = (s[0] | s[1] | s[2] | s[3] | s[4] | s[6]) != 0;
            if (!first_sync && rchance(r, 0.22)) {
                c[0] = (uint16_t)(rchance(r, 0.15) ? 1 : 0);
                c[1] = (uint16_t)(rchance(r, 0.7) ? rrange(r, 1, 6) : 0);
                c[2] = (uint16_t)(rchance(r, 0.3) ? rrange(r, 1, 3) : 0);
                c[3] = (uint16_t)(rchance(r, 0.1) ? 1 : 0);
                if (!(c[0] | c[1] | c[2] | c[3])) c[1] = 1;
            }
            q->hascli[i] = (c[0] | c[1] | c[2] | c[3]) != 0;
        }
        break;
    }
    case C_PING:
        /* Outlook-style clients list their Ping folders */
        if (d->fam == FA_OUTLOOK && q->err == E_NONE) {
            q->nf = d->nfold < 4 ? d->nfold : 4;
            for (int i = 0; i < q->nf; i++) {
                q->fi[i] = (uint8_t)i;
                q->sk[i] = d->f[i].sk;
            }
        }
        break;
    case C_SETTINGS:
        if (rchance(r, 0.35)) q->oof = rchance(r, 0.85) ? 1 : 2;
        else q->settingsinfo = 1;
        break;
    case C_SEARCH: q->srch = rbelow(r, 10) < 6 ? 1 : rchance(r, 0.9) ? 2 : 3; break;
    case C_ITEMOPS:
    case C_GETATT: {
        uint32_t x = rbelow(r, 100);
        if (q->cmd == C_GETATT || x < 55) {
            q->att = 1 + (rchance(r, 0.15) ? 1 : 0);
            q->attb = clampu(rlognorm(r, 90000, 1.3), 200, 40000000);
        } else if (x < 58) {
            q->unc = 1;
            q->uncb = clampu(rlognorm(r, 4000, 2.0), 12, 20000000);
        } else if (x < 59) {
            q->ssp = 1;
            q->sspb = clampu(rlognorm(r, 60000, 1.5), 100, 20000000);
        }
        break;
    }
    case C_PROVISION: q->provinit = rchance(r, 0.35); break;
    case C_RESOLVE: q->rr = (int)rrange(r, 1, 4); break;
    case C_MOVEITEMS: q->mi = (int)rrange(r, 1, 6); break;
    default: break;
    }
    q->nms = rchance(r, 0.02);
    /* a rejected or failed request moves no items */
    if (q->http != 200 || q->err == E_142 || q->err == E_143) {
        if (q->http == 449 || q->http == 451 || q->http == 403 || q->http == 503 || q->http == 401) q->nf = 0;
        memset(q->hascli, 0, sizeof q->hascli);
        memset(q->hassrv, 0, sizeof q->hassrv);
        q->oof = q->srch = q->att = q->unc = q->ssp = q->rr = q->mi = q->settingsinfo = 0;
        q->attb = 0;
    }

    /* bytes */
    double scb, csb;
    switch (q->cmd) {
    case C_SYNC: scb = rlognorm(r, 900, 1.4); csb = rlognorm(r, 180, 0.5); break;
    case C_SENDMAIL: case C_SMARTREPLY: case C_SMARTFWD: scb = rlognorm(r, 280, 0.3); csb = rlognorm(r, 9000, 1.6); break;
    case C_ITEMOPS: case C_GETATT: scb = q->att ? q->attb * 1.34 + 400 : rlognorm(r, 6000, 1.3); csb = rlognorm(r, 240, 0.3); break;
    case C_FOLDERSYNC: scb = rlognorm(r, 600, 1.2); csb = 150; break;
    case C_SEARCH: scb = rlognorm(r, 4000, 1.2); csb = rlognorm(r, 300, 0.3); break;
    case C_OPTIONS: scb = rlognorm(r, 560, 0.05); csb = rlognorm(r, 250, 0.2); break;
    default: scb = rlognorm(r, 320, 0.4); csb = rlognorm(r, 260, 0.4); break;
    }
    if (q->http != 200) { scb = rlognorm(r, 400, 0.3); }
    q->scb = clampu(scb, 120, 2000000000u);
    q->csb = clampu(csb + 150, 100, 2000000000u);
}

/* ------------------------------------------------------------------ */
/* query and &Log= builders                                            */

static char *q_user(char *o, const Device *d, const User *u)
{
    switch (d->uform) {
    case UF_DOM: o = AP(o, "CONTOSO%5C"); break;
    case UF_FQDOM: o = AP(o, "contoso.com%5C"); break;
    default: break;
    }
    o = ap_mem(o, u->name, u->namelen);
    if (d->uform == UF_UPN) o = AP(o, "@contoso.com");
    return o;
}

static char *q_base64(char *o, const Device *d, const Req *q)
{
    unsigned char b[256];
    size_t n = 0;
    b[n++] = (unsigned char)(q->ver ? q->ver : d->proto);
    b[n++] = CMDCODE[q->cmd];
    b[n++] = 0x09;
    b[n++] = 0x04;
    b[n++] = d->idlen;
    memcpy(b + n, d->id, d->idlen);
    n += d->idlen;
    if (q->cmd == C_PROVISION && q->provinit) b[n++] = 0;
    else {
        b[n++] = 4;
        b[n++] = (unsigned char)(d->pk);
        b[n++] = (unsigned char)(d->pk >> 8);
        b[n++] = (unsigned char)(d->pk >> 16);
        b[n++] = (unsigned char)(d->pk >> 24);
    }
    b[n++] = d->typelen;
    memcpy(b + n, d->type, d->typelen);
    n += d->typelen;
    switch (q->cmd) {
    case C_SMARTREPLY:
    case C_SMARTFWD:
        b[n++] = 1; b[n++] = 1; b[n++] = '5';
        b[n++] = 3; b[n++] = 4; memcpy(b + n, "5:12", 4); n += 4;
        /* fall through */
    case C_SENDMAIL:
        b[n++] = 7; b[n++] = 1; b[n++] = 1;
        break;
    case C_GETATT:
        b[n++] = 0; b[n++] = 6; memcpy(b + n, "5:12:1", 6); n += 6;
        break;
    default:
        break;
    }
    return ap_b64(o, b, n);
}

static char *q_params(char *o, const Device *d, const User *u, const Req *q)
{
    if (d->b64 && q->cmd != C_OPTIONS) return q_base64(o, d, q);
    int hascmd = q->cmd != C_OPTIONS;
    if (d->cmdfirst && hascmd) {
        o = AP(o, "Cmd=");
        o = ap_str(o, CMDNAME[q->cmd]);
        *o++ = '&';
    }
    o = AP(o, "User=");
    o = q_user(o, d, u);
    o = AP(o, "&DeviceId=");
    o = ap_mem(o, d->id, d->idlen);
    o = AP(o, "&DeviceType=");
    o = ap_mem(o, d->type, d->typelen);
    if (!d->cmdfirst && hascmd) {
        o = AP(o, "&Cmd=");
        o = ap_str(o, CMDNAME[q->cmd]);
    }
    if (q->ver && q->ver <= 121) { /* EAS 12.x carries these on the URI */
        switch (q->cmd) {
        case C_SMARTREPLY:
        case C_SMARTFWD:
            o = AP(o, "&ItemId=5%3a");
            o = ap_u(o, 100 + (q->sk[0] % 900));
            o = AP(o, "&CollectionId=5");
            /* fall through */
        case C_SENDMAIL:
            o = AP(o, "&SaveInSent=T");
            break;
        case C_GETATT:
            o = AP(o, "&AttachmentName=5%3a");
            o = ap_u(o, 10 + (q->attb % 400));
            o = AP(o, "%3a1");
            break;
        default:
            break;
        }
    }
    return o;
}

/* numeric Log token: Name<v>_ (2010/2013) or Name:<v>_ (2016+) */
static inline char *tokn(char *o, const char *name, size_t nl, uint64_t v, int colon)
{
    o = ap_mem(o, name, nl);
    if (colon) *o++ = ':';
    o = ap_u(o, v);
    *o++ = '_';
    return o;
}
#define TOKN(o, lit, v, c) tokn((o), (lit), sizeof(lit) - 1, (v), (c))

static char *log_folders(char *o, const Device *d, const Req *q, int fl)
{
    int c = fl == SV2016;
    for (int i = 0; i < q->nf; i++) {
        const Folder *f = &d->f[q->fi[i]];
        o = AP(o, "Fid:");
        o = ap_mem(o, f->fid, f->fidlen);
        *o++ = '_';
        if (q->cmd != C_PING) {
            o = AP(o, "Ty:");
            o = ap_str(o, TYNAME[f->ty]);
            *o++ = '_';
            o = TOKN(o, "Filt", f->filt, c);
            o = AP(o, "St:");
            *o++ = (char)q->st[i];
            *o++ = '_';
        }
        o = AP(o, "Sk:");
        o = ap_u(o, q->sk[i]);
        *o++ = '_';
        if (q->cmd == C_GIE) continue;
        uint32_t sst = d->sst + (uint32_t)i * 7 % 23;
        o = TOKN(o, "Sst", sst, c);
        o = TOKN(o, "SsCmt", sst, c);
        if (q->hascli[i]) {
            const uint16_t *v = q->cli[i];
            o = AP(o, "Cli:");
            o = ap_u(o, v[0]); *o++ = 'a';
            o = ap_u(o, v[1]); *o++ = 'c';
            o = ap_u(o, v[2]); *o++ = 'd';
            o = ap_u(o, v[3]); *o++ = 'f';
            o = ap_u(o, v[4]); *o++ = 'e';
            if (fl != SV2010) {
                o = ap_u(o, v[5]); *o++ = 's';
                o = ap_u(o, v[6]); o = AP(o, "fs");
            }
            *o++ = '_';
        }
        if (q->hassrv[i]) {
            const uint16_t *v = q->srv[i];
            o = AP(o, "Srv:");
            o = ap_u(o, v[0]); *o++ = 'a';
            o = ap_u(o, v[1]); *o++ = 'c';
            o = ap_u(o, v[2]); *o++ = 'd';
            o = ap_u(o, v[3]); *o++ = 's';
            o = ap_u(o, v[4]); *o++ = 'e';
            o = ap_u(o, v[5]); *o++ = 'r';
            o = ap_u(o, v[6]); *o++ = 'A';
            o = ap_u(o, v[7]); o = AP(o, "sd");
            *o++ = '_';
        }
        if (q->cmd == C_PING) o = c ? AP(o, "BR:1_BPR:0_") : AP(o, "BR1_BPR0_");
    }
    return o;
}

static char *budget2010(char *o, const Req *q)
{
    Rng *r = &G.r;
    o = AP(o, "Budget:(");
    *o++ = rchance(r, 0.6) ? 'A' : 'D';
    o = AP(o, ")Conn%3a");
    o = ap_u(o, rrange(r, 0, 3));
    o = AP(o, "%2cHangingConn%3a");
    o = ap_u(o, q->cmd == C_PING ? rrange(r, 0, 1) : 0);
    o = AP(o, "%2cAD%3a%24null%2f%24null%2f");
    o = ap_u(o, rbelow(r, 3));
    o = AP(o, "%25%2cCAS%3a%24null%2f%24null%2f");
    o = ap_u(o, rbelow(r, 12));
    o = AP(o, "%25%2cAB%3a%24null%2f%24null%2f0%25%2cRPC%3a%24null%2f%24null%2f");
    o = ap_u(o, rbelow(r, 8));
    o = AP(o, "%25%2cFC%3a1000%2f0%2cPolicy%3aDefaultThrottlingPolicy%5F");
    o = ap_mem(o, G.polguid2010, 36);
    o = AP(o, "%2cNorm");
    if (rchance(r, 0.12)) {
        o = AP(o, "%5bResources%3a(Mdb)MBDB0");
        o = ap_u(o, rrange(r, 1, 4));
        o = AP(o, "(Health%3a-1%25%2cHistLoad%3a0)%2c(DC)CONTOSO.COM(Health%3a-1%25%2cHistLoad%3a0)%2c%5d");
    }
    *o++ = '_';
    return o;
}

static char *budget_owner2016(char *o, const Device *d, const User *u, Rng *r)
{
    o = AP(o, "Owner%3a");
    o = ap_mem(o, G.sid, G.sidlen);
    o = ap_u(o, u->rid);
    o = AP(o, "%5F");
    o = ap_mem(o, d->id, d->idlen);
    o = AP(o, "%5F");
    o = ap_mem(o, d->type, d->typelen);
    o = AP(o, "%2cConn%3a");
    o = ap_u(o, rbelow(r, 2));
    o = AP(o, "%2cMaxConn%3a10%2cMaxBurst%3a480000%2cBalance%3a");
    o = ap_u(o, rchance(r, 0.8) ? 480000 : rrange(r, 300000, 479999));
    o = AP(o, "%2cCutoff%3a600000%2cRechargeRate%3a1800000%2cPolicy%3aGlobalThrottlingPolicy%5F");
    o = ap_mem(o, G.polguid, 36);
    o = AP(o, "%2cIsServiceAccount%3aFalse%2cLiveTime%3a00%3a");
    o = ap_2(o, rbelow(r, 60));
    o = AP(o, "%3a");
    o = ap_2(o, rbelow(r, 60));
    *o++ = '.';
    o = ap_rdig(o, r, 7, 0);
    return o;
}

static char *log_common_tail(char *o, const Device *d, const User *u, const Req *q, int fl,
                             const Server *fe, const Server *be)
{
    Rng *r = &G.r;
    int c = fl == SV2016;
    /* Ping / timing */
    if (q->cmd == C_PING) {
        o = TOKN(o, "Hb", (uint64_t)q->hb, c);
        if (q->rto) o = TOKN(o, "Rto", c ? 2 : 1, c);
        if (q->err == E_NONE) o = TOKN(o, "Cpo", rrange(r, 200, 2000), c);
    }
    if (q->err == E_449) {
        o = TOKN(o, "Ers", 1, c);
        o = TOKN(o, "Cpo", q->tt > 300 ? q->tt - rrange(r, 50, 250) : q->tt, c);
    }
    if (q->cmd == C_PING || q->err == E_449 || rchance(r, 0.3)) o = TOKN(o, "Fet", q->tt, c);
    if (q->ssp) { o = TOKN(o, "Ssp", 1, c); o = TOKN(o, "Sspb", q->sspb, c); }
    if (q->unc) { o = TOKN(o, "Unc", 1, c); o = TOKN(o, "Uncb", q->uncb, c); }
    if (q->att) { o = TOKN(o, "Att", (uint64_t)q->att, c); o = TOKN(o, "Attb", q->attb, c); }
    if (q->cmd == C_PROVISION) {
        if (q->provinit) o = TOKN(o, "Pk", 0, c);
        else { o = TOKN(o, "Pk", d->pk, c); o = TOKN(o, "Pa", d->pa, c); }
    } else if (q->err == E_449 || q->err == E_142) {
        o = TOKN(o, "Pk", 0, c);
    } else if (q->err == E_143 || (fl != SV2010 && q->cmd != C_PING && rchance(r, 0.25))) {
        o = TOKN(o, "Pk", d->pk, c);
    }
    if (q->oof) o = q->oof == 1 ? AP(o, "Oof:Get_") : AP(o, "Oof:Set_");
    if (q->settingsinfo) {
        o = AP(o, "DevModel:");
        o = ap_mem(o, d->model, d->modellen);
        o = AP(o, "_DevOS:");
        o = ap_mem(o, d->devos, d->devoslen);
        o = AP(o, "_DevLang:");
        o = ap_str(o, rchance(r, 0.8) ? "en" : rchance(r, 0.5) ? "de" : "fr");
        o = AP(o, "_DevAgent:");
        for (int i = 0; i < d->agentlen; i++) {
            if (d->agent[i] == '/') o = AP(o, "%2f");
            else if (d->agent[i] == '(') o = AP(o, "%28");
            else if (d->agent[i] == ')') o = AP(o, "%29");
            else *o++ = d->agent[i];
        }
        *o++ = '_';
    } else if (fl != SV2010 && (q->err == E_143 || q->cmd == C_MEETRESP || rchance(r, 0.08))) {
        o = AP(o, "DevOS:");
        o = ap_mem(o, d->devos, d->devoslen);
        *o++ = '_';
    }
    /* status and errors */
    switch (q->err) {
    case E_PINGCOLL: o = TOKN(o, "S", 3, c); o = AP(o, "Error:PingCollisionDetected_"); break;
    case E_SSNF: o = TOKN(o, "S", 3, c); o = AP(o, "Error:SyncStateNotFound_"); break;
    case E_142: o = TOKN(o, "S", 142, c); o = AP(o, "Error:DeviceNotProvisioned_"); break;
    case E_143: o = TOKN(o, "S", 143, c); o = AP(o, "Error:PolicyRefresh_"); break;
    case E_449: o = AP(o, "Error:DeviceNotProvisioned_"); break;
    case E_403:
        if (rchance(r, 0.5)) { o = TOKN(o, "S", 129, c); o = AP(o, "Error:DeviceIsBlockedForThisUser_"); }
        else { o = TOKN(o, "S", 126, c); o = AP(o, "Error:UserDisabledForSync_"); }
        break;
    case E_500: o = TOKN(o, "E", 1, c); o = AP(o, "Error:ServerError_"); break;
    case E_503: o = AP(o, "Error:ServerBusy_"); break;
    case E_OVERBUDGET: o = AP(o, "Error:OverBudget_BkOffRsn:Overbudget_"); break;
    default: break;
    }
    if (q->rr) o = TOKN(o, "RR", (uint64_t)q->rr, c);
    if (q->srch) {
        o = AP(o, "SrchP:");
        o = ap_str(o, q->srch == 1 ? "Mbx" : q->srch == 2 ? "GAL" : "Doc");
        *o++ = '_';
    }
    if (q->unc) o = TOKN(o, "ItOfd", 1, c);
    if (q->cmd == C_MEETRESP) o = TOKN(o, "MRi", 1, c);
    if (q->mi) o = TOKN(o, "Mi", (uint64_t)q->mi, c);
    /* access state */
    if (q->err == E_449) o = AP(o, "As:BlockedP_");
    else if (q->err == E_403) o = AP(o, "As:BlockedI_");
    else if (fl != SV2010 || rchance(r, 0.1)) o = AP(o, "As:AllowedG_");
    if (q->cmd == C_SENDMAIL || q->cmd == C_SMARTREPLY || q->cmd == C_SMARTFWD)
        if (q->err == E_NONE) o = TOKN(o, "Ms", 1, c);
    /* mailbox server, DC, throttling */
    o = AP(o, "Mbx:");
    if (fl == SV2010) {
        o = AP(o, "MAIL");
        o = ap_u(o, G.users[d->user].mbx);
        o = AP(o, ".contoso.com_");
    } else {
        o = ap_mem(o, be->fqdn, be->fqdnlen);
        *o++ = '_';
        if (c) {
            o = AP(o, "Cafe:");
            o = ap_mem(o, fe->fqdnu, fe->fqdnulen);
            *o++ = '_';
        }
    }
    if (fl != SV2010 || rchance(r, 0.5)) {
        o = AP(o, "Dc:");
        o = ap_str(o, G.dc[(d->user + (uint32_t)(fl != SV2010)) & 1]);
        o = AP(o, ".contoso.com_");
    }
    o = c ? AP(o, "Throttle:0_") : AP(o, "Throttle0_");
    if (c && (q->err == E_OVERBUDGET || (q->cmd == C_PING && rchance(r, 0.3)))) {
        o = AP(o, "SBkOffD:L%2f-");
        o = ap_u(o, rrange(r, 100, 900));
        *o++ = '_';
    }
    (void)u;
    return o;
}

/* Exchange 2010 CAS: whole Log on the W3SVC1 line */
static char *log_2010(char *o, const Device *d, const User *u, const Req *q)
{
    Rng *r = &G.r;
    o = AP(o, "&Log=V");
    o = ap_u(o, (uint64_t)q->ver);
    *o++ = '_';
    if (q->err == E_451) {
        o = AP(o, "RdirTo:https%3a%2f%2fmail");
        o = ap_u(o, rrange(r, 2, 3));
        o = AP(o, ".contoso.com%2fMicrosoft-Server-ActiveSync_");
    }
    if (q->ssnf || (q->err == E_449 && rchance(r, 0.5))) o = AP(o, "Ssnf:T_");
    if (q->cmd == C_GIE) o = TOKN(o, "Fc", (uint64_t)q->nf, 0);
    o = log_folders(o, d, q, SV2010);
    uint32_t ldap = q->cmd == C_OPTIONS ? rrange(r, 4, 9) : rbelow(r, 5);
    if (ldap) {
        o = TOKN(o, "LdapC", ldap, 0);
        if (rchance(r, 0.6)) o = TOKN(o, "LdapL", rrange(r, 1, 30), 0);
    }
    if (q->cmd != C_OPTIONS) {
        uint32_t rpc = q->cmd == C_SYNC ? rrange(r, 4, 90) : rrange(r, 1, 40);
        o = TOKN(o, "RpcC", rpc, 0);
        o = TOKN(o, "RpcL", rpc + rbelow(r, rpc * 3 + 10), 0);
    }
    o = log_common_tail(o, d, u, q, SV2010, NULL, NULL);
    /* the budget snapshot is on most lines, nearly always on long (hanging) ones */
    if (rchance(r, q->http != 200 ? 0.8 : 0.4)) o = budget2010(o, q);
    return o;
}

/* Exchange 2013 / 2016+ back end */
static char *log_be(char *o, const Device *d, const User *u, const Req *q, const Server *fe,
                    const Server *be, int t)
{
    Rng *r = &G.r;
    int fl = be->flavor, c = fl == SV2016;
    o = AP(o, "&Log=");
    if (c) o = AP(o, "SC1:1_");
    o = AP(o, "PrxFrom:");
    if (fl == SV2013 && fe == be) o = ap_mem(o, be->ll6enc, be->ll6enclen);
    else o = ap_mem(o, fe->ip, fe->iplen);
    *o++ = '_';
    if (q->ver || !c) {
        *o++ = 'V';
        o = ap_u(o, (uint64_t)q->ver);
        *o++ = '_';
    }
    if (c && q->ver) o = TOKN(o, "Ver1", (uint64_t)q->ver, 1);
    o = AP(o, "HH:mail.contoso.com_SmtpAdrs:");
    o = ap_mem(o, u->name, u->namelen);
    o = AP(o, "%40contoso.com_");
    if (q->nms) o = TOKN(o, "NMS", 1, c);
    if (q->ssnf) o = AP(o, "Ssnf:T_");
    if (q->cmd == C_GIE) o = TOKN(o, "Fc", (uint64_t)q->nf, c);
    o = log_folders(o, d, q, fl);
    o = log_common_tail(o, d, u, q, fl, fe, be);
    /* long requests carry the full Budget / ActivityContextData snapshot */
    int big = q->cmd == C_PING ? 0 : (q->tt >= 30000 || q->http != 200);
    int want_acd = rchance(r, big ? 0.6 : q->cmd == C_PING ? 0.25 : 0.15);
    int want_bud = rchance(r, big ? 0.6 : q->cmd == C_PING ? 0.15 : 0.08);
    if (!c) {
        o = AP(o, "DBL1_CmdHC");
        o = ap_i(o, (int32_t)(uint32_t)rnext(r));
        *o++ = '_';
        if (q->cmd == C_SYNC) {
            o = AP(o, "SyncHC");
            o = ap_i(o, (int32_t)(uint32_t)rnext(r));
            *o++ = '_';
        }
        if (want_acd) {
            o = AP(o, "ActivityContextData:ActivityID%3d");
            o = ap_mem(o, q->guid, 36);
            o = AP(o, "%3bI32%3aADS.C%5b");
            o = ap_str(o, G.dc[d->user & 1]);
            o = AP(o, "%5d%3d");
            o = ap_u(o, rrange(r, 1, 3));
            o = AP(o, "%3bF%3aADS.AL%5b");
            o = ap_str(o, G.dc[d->user & 1]);
            o = AP(o, "%5d%3d");
            o = ap_rfloat(o, r, rbelow(r, 3), 5);
            o = AP(o, "%3bS%3aWLM.BT%3dEas_");
        }
        if (!want_bud) return o;
        o = AP(o, "Budget:(D)Owner%3aSid%7e");
        o = ap_mem(o, G.sid, G.sidlen);
        o = ap_u(o, u->rid);
        o = AP(o, "%7eEas%7efalse%2cConn%3a");
        o = ap_u(o, rrange(r, 0, 1));
        o = AP(o, "%2cMaxConn%3aUnlimited%2cMaxBurst%3a480000%2cBalance%3a480000%2cCutoff%3a600000%2cRechargeRate%3a1800000%2cPolicy%3aGlobalThrottlingPolicy%5F");
        o = ap_mem(o, G.polguid, 36);
        o = AP(o, "%2cIsServiceAccount%3aFalse%2cLiveTime%3a00%3a00%3a");
        o = ap_2(o, rbelow(r, 60));
        *o++ = '.';
        o = ap_rdig(o, r, 7, 0);
        *o++ = '_';
        return o;
    }
    /* 2016+: hash codes on some lines, timestamps, Budget, ActivityContextData */
    if (q->cmd == C_SYNC && rchance(r, 0.5)) {
        o = AP(o, "CmdHC:");
        o = ap_i(o, (int32_t)(uint32_t)rnext(r));
        *o++ = '_';
    }
    /* request timestamps: on every Ping, on about half of the other lines */
    if (q->cmd == C_PING || rchance(r, 0.5)) {
        int64_t cpl = q->cticks - (int64_t)rrange(r, 20000, 90000);
        int64_t rcv = q->cticks - (int64_t)q->tt * 10000 - (int64_t)rrange(r, 1000, 30000);
        if (rcv > cpl) rcv = cpl - 10000;
        int64_t st = rcv + rrange(r, 8000, 60000);
        if (st > cpl) st = cpl;
        o = AP(o, "TmRcv:");
        o = ap_tm(o, rcv);
        o = AP(o, "_TmSt:");
        o = ap_tm(o, st);
        o = AP(o, "_TmFin:");
        int64_t fin = q->cmd == C_PING ? st : cpl - rrange(r, 0, 5000);
        o = ap_tm(o, fin < st ? st : fin);
        o = AP(o, "_TmCmpl:");
        o = ap_tm(o, cpl);
        if (q->cmd == C_PING && q->tt > 2000) {
            o = AP(o, "_TmCnt:");
            o = ap_tm(o, cpl - rrange(r, 2000000, 9000000));
        }
        *o++ = '_';
    }
    if (want_bud) {
        o = AP(o, "Budget:(A)");
        o = budget_owner2016(o, d, u, r);
        if (q->cmd == C_PING) {
            o = AP(o, "%3b(D)");
            o = budget_owner2016(o, d, u, r);
        }
        *o++ = '_';
    }
    if (!want_acd) return o;
    o = AP(o, "ActivityContextData:ActivityID%3d");
    o = ap_mem(o, q->guid, 36);
    const char *dc = G.dc[(d->user + 1) & 1];
    o = AP(o, "%3bI32%3aADS.C%5b");
    o = ap_str(o, dc);
    o = AP(o, "%5d%3d");
    o = ap_u(o, rrange(r, 1, 4));
    o = AP(o, "%3bF%3aADS.AL%5b");
    o = ap_str(o, dc);
    o = AP(o, "%5d%3d");
    o = ap_rfloat(o, r, rbelow(r, 4), 5);
    if (q->cmd != C_PING || rchance(r, 0.5)) {
        o = AP(o, "%3bI32%3aATE.C%5b");
        o = ap_str(o, dc);
        o = AP(o, ".contoso.com%5d%3d1%3bF%3aATE.AL%5b");
        o = ap_str(o, dc);
        o = AP(o, ".contoso.com%5d%3d0");
    }
    o = AP(o, "%3bS%3aWLM.Bal%3d");
    o = ap_u(o, rchance(r, 0.85) ? 480000 : rrange(r, 300000, 479999));
    o = AP(o, "%3bS%3aWLM.BT%3dEas_");
    (void)t;
    return o;
}

/* ------------------------------------------------------------------ */
/* events                                                              */

static void rec_common(Rec *r, const Server *s, int site)
{
    SETF(r, F_DATE, G.date, 10);
    SETF(r, F_TIME, G.tbuf, 8);
    SETS(r, F_SITE, site ? "W3SVC2" : "W3SVC1");
    SETF(r, F_COMP, s->name, s->namelen);
    SETF(r, F_SIP, s->ip, s->iplen);
    SETL(r, F_REF, "-");
    if (site) SETF(r, F_HOST, s->host444, s->host444len);
    else SETL(r, F_HOST, "mail.contoso.com");
    SETL(r, F_SUB, "0");
    SETL(r, F_W32, "0");
}

static char *set_num(Rec *r, int f, char *a, uint64_t v)
{
    char *e = ap_u(a, v);
    SETF(r, f, a, e - a);
    return e;
}

static char *set_user(Rec *r, char *a, const Device *d, const User *u, int be)
{
    char *s = a;
    if (!be && (d->uform == UF_UPN)) {
        a = ap_mem(a, u->name, u->namelen);
        a = AP(a, "@contoso.com");
    } else {
        if (d->uform == UF_FQDOM && !be) a = AP(a, "contoso.com\\");
        else if (d->lcdom && !be) a = AP(a, "contoso\\");
        else a = AP(a, "CONTOSO\\");
        a = ap_mem(a, u->name, u->namelen);
    }
    SETF(r, F_USER, s, a - s);
    return a;
}

static void ev_eas(int t)
{
    Rng *r = &G.r;
    Device *d = pick_device();
    User *u = &G.users[d->user];
    Server *fe, *be = NULL;
    if (u->is2010) fe = &G.srv[G.g10[rbelow(r, (uint32_t)G.n10)]];
    else {
        fe = &G.srv[G.g13[rbelow(r, (uint32_t)G.n13)]];
        be = &G.srv[u->home];
    }
    Req q;
    plan_request(&q, d, fe->flavor == SV2010, (be ? be : fe)->flavor == SV2016 ? 161 : 141);
    q.cticks = (int64_t)t * 10000000 + rbelow(r, 10000000);
    {
        char *e = ap_guid(q.guid, r);
        *e = 0;
    }

    char *a = G.arena;
    char params[1024];
    char *pe = q_params(params, d, u, &q);
    size_t plen = (size_t)(pe - params);
    int cip = rchance(r, 0.85) ? 0 : 1;

    Rec fr;
    rec_common(&fr, fe, 0);
    SETS(&fr, F_METHOD, q.cmd == C_OPTIONS ? "OPTIONS" : "POST");
    SETL(&fr, F_STEM, "/Microsoft-Server-ActiveSync/default.eas");
    SETL(&fr, F_PORT, "443");
    SETF(&fr, F_CIP, d->ip[cip], d->iplen[cip]);
    SETF(&fr, F_UA, d->agent, d->agentlen);
    {
        char *qs = a;
        a = ap_mem(a, params, plen);
        if (fe->flavor == SV2010) {
            if (q.http != 401) a = log_2010(a, d, u, &q);
        } else if (fe->flavor == SV2016) {
            a = AP(a, "&CorrelationID=<empty>;");
            if (d->fam == FA_OUTLOOK) {
                a = AP(a, "&ClientId=");
                a = ap_mem(a, d->clientid, d->clientidlen);
            }
            a = AP(a, "&cafeReqId=");
            a = ap_mem(a, q.guid, 36);
            *a++ = ';';
        }
        SETF(&fr, F_QUERY, qs, a - qs);
    }
    if (q.http == 401) SETL(&fr, F_USER, "-");
    else a = set_user(&fr, a, d, u, 0);
    a = set_num(&fr, F_STATUS, a, (uint64_t)q.http);
    if (q.sub) a = set_num(&fr, F_SUB, a, (uint64_t)q.sub);
    if (q.w32) a = set_num(&fr, F_W32, a, (uint64_t)q.w32);
    a = set_num(&fr, F_SCB, a, q.scb);
    a = set_num(&fr, F_CSB, a, q.csb);
    uint32_t fett = q.tt;
    int to_be = be && q.http != 401 && !(q.http == 503 && rchance(r, 0.5));
    if (to_be) fett += rrange(r, 2, 15);
    a = set_num(&fr, F_TT, a, fett);
    put_line(fe, 0, t, &fr, 1);

    if (!to_be) return;
    Rec br;
    rec_common(&br, be, 1);
    SETF(&br, F_METHOD, fr.p[F_METHOD], fr.n[F_METHOD]);
    SETL(&br, F_STEM, "/Microsoft-Server-ActiveSync/Proxy/default.eas");
    SETL(&br, F_PORT, "444");
    if (be->flavor == SV2013 && fe == be) {
        SETF(&br, F_SIP, be->ll6, be->ll6len);
        SETF(&br, F_CIP, be->ll6, be->ll6len);
    } else
        SETF(&br, F_CIP, fe->ip, fe->iplen);
    SETF(&br, F_UA, d->agent, d->agentlen);
    {
        char *qs = a;
        a = ap_mem(a, params, plen);
        a = log_be(a, d, u, &q, fe, be, t);
        SETF(&br, F_QUERY, qs, a - qs);
    }
    a = set_user(&br, a, d, u, 1);
    SETF(&br, F_STATUS, fr.p[F_STATUS], fr.n[F_STATUS]);
    SETF(&br, F_SUB, fr.p[F_SUB], fr.n[F_SUB]);
    SETF(&br, F_W32, fr.p[F_W32], fr.n[F_W32]);
    SETF(&br, F_SCB, fr.p[F_SCB], fr.n[F_SCB]);
    a = set_num(&br, F_CSB, a, q.csb + 40 + rbelow(r, 60));
    a = set_num(&br, F_TT, a, q.tt);
    put_line(be, 1, t, &br, 1);
}

static const char *const UA_OUTLOOK[] = {
    "Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.17328;+Pro)",
    "Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.5435;+Pro)",
    "Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.10407;+Pro)",
    "Microsoft+Office/15.0+(Windows+NT+6.1;+Microsoft+Outlook+15.0.5603;+Pro)",
    "MacOutlook/16.82.24021116+(Intelx64+Mac+OS+X+14.3.1+(Build+23D60))",
};
static const char *const UA_BROWSER[] = {
    "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/122.0.0.0+Safari/537.36+Edg/122.0.0.0",
    "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/122.0.0.0+Safari/537.36",
    "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64;+rv:123.0)+Gecko/20100101+Firefox/123.0",
    "Mozilla/5.0+(Macintosh;+Intel+Mac+OS+X+10_15_7)+AppleWebKit/605.1.15+(KHTML,+like+Gecko)+Version/17.3.1+Safari/605.1.15",
};
static const char *const UA_EWS[] = {
    "ExchangeServicesClient/15.00.0913.015",
    "Mac+OS+X/14.3.1+(23D60);+ExchangeWebServices/10.0+(269);+Mail/16.0+(3774.400.31)",
    "MacOutlook/16.82.24021116+(Intelx64+Mac+OS+X+14.3.1+(Build+23D60))",
    "Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.17328;+Pro)",
};
static const char *const OWA_ACTIONS[] = {
    "GetItem", "FindItem", "FindConversation", "GetConversationItems", "SubscribeToNotification",
    "GetOwaUserConfiguration", "GetAccessTokenforResource", "UpdateItem", "GetFolderMruConfiguration"
};

static char *cafe_suffix(char *a, const Server *s, int lead_amp)
{
    if (s->flavor != SV2016) return a;
    a = lead_amp ? AP(a, "&CorrelationID=<empty>;&cafeReqId=") : AP(a, "CorrelationID=<empty>;&cafeReqId=");
    a = ap_guid(a, &G.r);
    *a++ = ';';
    return a;
}

static void ev_noise(int t)
{
    Rng *r = &G.r;
    Server *s = &G.srv[rbelow(r, (uint32_t)G.nserv)];
    int site = s->flavor != SV2010 && rchance(r, 0.3);
    const User *u = &G.users[rbelow(r, (uint32_t)G.nusers)];
    Rec rec;
    rec_common(&rec, s, site);
    char *a = G.arena, *qs;
    const char *ua = PICK(r, UA_OUTLOOK);
    int authuser = 1, status = 200, sub = 0, w32 = 0;
    uint32_t tt = clampu(rlognorm(r, 30, 1.2), 0, 600000);
    uint32_t scb = clampu(rlognorm(r, 2500, 1.3), 150, 50000000), csb = clampu(rlognorm(r, 900, 0.8), 150, 5000000);
    const char *meth = "POST", *stem;
    char cipbuf[40];
    const char *cip = NULL;
    qs = a;

    if (site) { /* Exchange Back End */
        uint32_t k = rbelow(r, 100);
        if (k < 40) {
            stem = "/mapi/emsmdb/";
            a = AP(a, "mailboxId=");
            a = ap_guid(a, r);
            a = AP(a, "@contoso.com&CorrelationID=<empty>;&cafeReqId=");
            a = ap_guid(a, r);
            *a++ = ';';
            if (rchance(r, 0.2)) tt = rrange(r, 20000, 60000);
        } else if (k < 60) {
            stem = "/EWS/Exchange.asmx";
            ua = PICK(r, UA_EWS);
        } else if (k < 75) {
            stem = "/owa/service.svc";
            a = AP(a, "action=");
            a = ap_str(a, PICK(r, OWA_ACTIONS));
            a = AP(a, "&UA=0&ID=-");
            a = ap_u(a, rrange(r, 2, 120));
            a = AP(a, "&AC=1");
            ua = PICK(r, UA_BROWSER);
        } else if (k < 85) {
            stem = "/PowerShell/";
            a = AP(a, "clientApplication=ActiveMonitor;PSVersion=5.1.14393.5582");
            ua = "Microsoft+WinRM+Client";
        } else if (k < 93) {
            stem = "/Autodiscover/Autodiscover.xml";
        } else {
            meth = rchance(r, 0.5) ? "RPC_IN_DATA" : "RPC_OUT_DATA";
            stem = "/rpc/rpcproxy.dll";
            a = ap_guid(a, r);
            a = AP(a, "@contoso.com:6001");
            ua = "MSRPC";
            tt = rrange(r, 1000, 900000);
        }
        SETL(&rec, F_PORT, "444");
        const Server *fe = &G.srv[G.g13[rbelow(r, (uint32_t)G.n13)]];
        SETF(&rec, F_CIP, fe->ip, fe->iplen);
        cip = "";
    } else {
        uint32_t k = rbelow(r, 100);
        int is10 = s->flavor == SV2010;
        if (k < 22) {
            if (is10) {
                stem = "/owa/ev.owa";
                a = AP(a, "oeh=1&ns=PendingRequest&ev=PendingNotificationRequest&UA=0&cid=");
                a = ap_guid(a, r);
                tt = rrange(r, 100, 60000);
            } else {
                stem = "/owa/service.svc";
                a = AP(a, "action=");
                a = ap_str(a, PICK(r, OWA_ACTIONS));
                a = AP(a, "&UA=0&ID=-");
                a = ap_u(a, rrange(r, 2, 120));
                a = AP(a, "&AC=1");
                a = cafe_suffix(a, s, 1);
                SETL(&rec, F_REF, "https://mail.contoso.com/owa/");
            }
            ua = PICK(r, UA_BROWSER);
        } else if (k < 27) {
            meth = "GET";
            if (rchance(r, 0.5)) {
                stem = "/owa/";
                authuser = 0;
                status = 302;
            } else {
                stem = "/owa/auth/logon.aspx";
                a = AP(a, "url=https%3a%2f%2fmail.contoso.com%2fowa%2f&reason=0");
                authuser = 0;
            }
            ua = PICK(r, UA_BROWSER);
        } else if (k < 42) {
            stem = "/EWS/Exchange.asmx";
            a = cafe_suffix(a, s, 1);
            ua = PICK(r, UA_EWS);
        } else if (k < 52) {
            stem = rchance(r, 0.7) ? "/Autodiscover/Autodiscover.xml" : "/autodiscover/autodiscover.xml";
            a = cafe_suffix(a, s, 1);
            SETL(&rec, F_HOST, "autodiscover.contoso.com");
        } else if (k < 68) {
            if (is10) {
                meth = rchance(r, 0.5) ? "RPC_IN_DATA" : "RPC_OUT_DATA";
                stem = "/rpc/rpcproxy.dll";
                a = AP(a, "MAIL");
                a = ap_u(a, u->mbx);
                a = AP(a, ".contoso.com:6001");
                ua = "MSRPC";
                tt = rrange(r, 1000, 900000);
            } else if (rchance(r, 0.75)) {
                stem = "/mapi/emsmdb/";
                a = AP(a, "mailboxId=");
                a = ap_guid(a, r);
                a = AP(a, "@contoso.com");
                a = cafe_suffix(a, s, 1);
                if (rchance(r, 0.2)) tt = rrange(r, 20000, 60000);
            } else {
                meth = rchance(r, 0.5) ? "RPC_IN_DATA" : "RPC_OUT_DATA";
                stem = "/rpc/rpcproxy.dll";
                a = ap_guid(a, r);
                a = AP(a, "@contoso.com:6001");
                a = cafe_suffix(a, s, 1);
                ua = "MSRPC";
                tt = rrange(r, 1000, 900000);
            }
        } else if (k < 73) {
            if (rchance(r, 0.5)) {
                meth = "GET";
                stem = "/ecp/";
            } else {
                stem = "/ecp/DDI/DDIService.svc/GetList";
                a = AP(a, "schema=MailboxService&msExchEcpCanary=");
                a = ap_rhex(a, r, 40, 0);
                a = cafe_suffix(a, s, 1);
            }
            ua = PICK(r, UA_BROWSER);
        } else if (k < 78) {
            meth = "GET";
            stem = "/OAB/";
            {
                /* /OAB/<guid>/oab.xml is built into the arena after the query */
                char *st = a;
                a = AP(a, "/OAB/");
                a = ap_mem(a, G.oabguid, 36);
                a = AP(a, "/oab.xml");
                SETF(&rec, F_STEM, st, a - st);
                qs = a;
                stem = NULL;
            }
            status = rchance(r, 0.6) ? 304 : 200;
        } else if (k < 90 && !is10) {
            /* Managed Availability probe on the EAS stem: no Cmd/User/DeviceId */
            meth = "GET";
            stem = "/Microsoft-Server-ActiveSync/default.eas";
            a = cafe_suffix(a, s, 1);
            ua = "AMProbe/Local/ClientAccess";
            cip = "::1";
            authuser = 2;
        } else {
            meth = "GET";
            stem = PICK(r, ((const char *const[]){"/owa/healthcheck.htm", "/ews/healthcheck.htm",
                                                  "/Microsoft-Server-ActiveSync/healthcheck.htm",
                                                  "/oab/healthcheck.htm"}));
            if (is10) stem = "/owa/auth/logon.aspx";
            ua = "-";
            authuser = 0;
            a = ap_mem(cipbuf, "10.0.0.", 7);
            a = ap_u(a, rrange(r, 2, 4));
            *a = 0;
            cip = cipbuf;
            a = qs;
            tt = rbelow(r, 3);
            scb = 180 + rbelow(r, 40);
            csb = 120 + rbelow(r, 40);
        }
        SETL(&rec, F_PORT, "443");
    }
    if (stem) SETS(&rec, F_STEM, stem);
    if (a == qs) SETL(&rec, F_QUERY, "-");
    else SETF(&rec, F_QUERY, qs, a - qs);
    SETS(&rec, F_METHOD, meth);
    SETS(&rec, F_UA, ua);
    if (!cip) {
        const Device *d = &G.dev[rbelow(r, (uint32_t)G.ndev)];
        SETF(&rec, F_CIP, d->ip[0], d->iplen[0]);
    } else if (*cip)
        SETS(&rec, F_CIP, cip);
    /* 401 challenges on authenticated endpoints */
    if (authuser == 1 && !site && rchance(r, 0.12)) {
        status = 401;
        sub = rchance(r, 0.8) ? 2 : 1;
        w32 = sub == 2 ? 5 : 1326;
        authuser = 0;
        tt = rbelow(r, 20);
        scb = clampu(rlognorm(r, 1300, 0.15), 900, 7000);
    } else if (status == 200 && rchance(r, 0.004)) {
        status = rchance(r, 0.5) ? 500 : 503;
    }
    if (authuser == 1) {
        char *us = a;
        a = AP(a, "CONTOSO\\");
        a = ap_mem(a, u->name, u->namelen);
        SETF(&rec, F_USER, us, a - us);
    } else if (authuser == 2) {
        char *us = a;
        a = ap_mem(a, s->healthmbx, s->healthmbxlen);
        SETF(&rec, F_USER, us, a - us);
    } else
        SETL(&rec, F_USER, "-");
    a = set_num(&rec, F_STATUS, a, (uint64_t)status);
    if (sub) a = set_num(&rec, F_SUB, a, (uint64_t)sub);
    if (w32) a = set_num(&rec, F_W32, a, (uint64_t)w32);
    a = set_num(&rec, F_SCB, a, scb);
    a = set_num(&rec, F_CSB, a, csb);
    a = set_num(&rec, F_TT, a, tt);
    put_line(s, site, t, &rec, 0);
}

/* ------------------------------------------------------------------ */
/* time profile and main loop                                          */

static const double HW_WEEKDAY[24] = {
    0.22, 0.16, 0.13, 0.12, 0.14, 0.26, 0.52, 0.92, 1.25, 1.35, 1.32, 1.26,
    1.12, 1.22, 1.27, 1.22, 1.12, 0.96, 0.76, 0.62, 0.52, 0.45, 0.38, 0.29
};
static const double HW_WEEKEND[24] = {
    0.26, 0.19, 0.15, 0.14, 0.14, 0.16, 0.22, 0.30, 0.40, 0.50, 0.56, 0.58,
    0.56, 0.54, 0.54, 0.53, 0.52, 0.52, 0.51, 0.50, 0.48, 0.43, 0.37, 0.30
};

static double hour_weight(int day, int h)
{
    static double sw = 0, se = 0;
    if (sw == 0)
        for (int i = 0; i < 24; i++) { sw += HW_WEEKDAY[i]; se += HW_WEEKEND[i]; }
    int64_t z = G.day0 + day;
    int wd = (int)(((z % 7) + 11) % 7); /* 0 = Sunday (1970-01-01 was a Thursday) */
    if (wd == 0 || wd == 6) return HW_WEEKEND[h] / se * 0.35;
    return HW_WEEKDAY[h] / sw;
}

static int parse_date(const char *s, int64_t *out)
{
    int y;
    unsigned m, d;
    char tail;
    if (sscanf(s, "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) return -1;
    if (y < 1970 || y > 2099 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
    int64_t z = days_from_civil(y, m, d);
    int y2;
    unsigned m2, d2;
    civil_from_days(z, &y2, &m2, &d2);
    if (y2 != y || m2 != m || d2 != d) return -1;
    *out = z;
    return 0;
}

static void usage(FILE *f)
{
    fputs("usage: easlog-gen -o DIR [options]\n"
          "Deterministic generator of Exchange ActiveSync IIS W3C logs (benchmark corpus).\n"
          "Writes DIR/<SERVER>/W3SVC1/u_exYYMMDD.log (Exchange 2010 CAS or 2013+ front end)\n"
          "and DIR/<SERVER>/W3SVC2/u_exYYMMDD.log (Exchange 2013+ back end, /Proxy/ stem).\n"
          "\n"
          "  -o, --out DIR          output directory (created)\n"
          "      --seed N           PRNG seed (default 1)\n"
          "      --size MB          stop at about MB megabytes (2^20) of log text\n"
          "      --lines N          stop at about N physical lines\n"
          "                         (default: natural volume, ~250 requests/device/weekday)\n"
          "      --servers N        number of servers EXCH01.. (default 4)\n"
          "      --users N          number of users CONTOSO\\userNNNN (default 2000)\n"
          "      --days N           number of UTC days (default 1)\n"
          "      --start YYYY-MM-DD first day (default 2024-03-04)\n"
          "      --exchange V       2010, 2013, 2016 or mixed (default mixed)\n"
          "      --bad PCT          percent of malformed lines (default 0.1)\n"
          "      --noise PCT        percent of non-EAS lines (default 5)\n"
          "  -h, --help             this help\n"
          "Same arguments give byte-identical output.\n",
          f);
}

static double parse_num(const char *s, const char *opt, double lo, double hi)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= lo && v <= hi)) {
        fprintf(stderr, "easlog-gen: bad value for --%s: %s\n", opt, s);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv)
{
    G.seed = 1;
    G.nserv = 4;
    G.nusers = 2000;
    G.ndays = 1;
    G.exch = 0;
    G.bad = 0.1;
    G.noise = 5;
    parse_date("2024-03-04", &G.day0);

    static const struct option lopts[] = {
        {"seed", required_argument, 0, 1},    {"size", required_argument, 0, 2},
        {"lines", required_argument, 0, 3},   {"servers", required_argument, 0, 4},
        {"users", required_argument, 0, 5},   {"days", required_argument, 0, 6},
        {"start", required_argument, 0, 7},   {"exchange", required_argument, 0, 8},
        {"bad", required_argument, 0, 9},     {"noise", required_argument, 0, 10},
        {"out", required_argument, 0, 'o'},   {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}
    };
    int c;
    while ((c = getopt_long(argc, argv, "o:h", lopts, NULL)) != -1) {
        switch (c) {
        case 1: {
            char *end;
            errno = 0;
            G.seed = strtoull(optarg, &end, 0);
            if (errno || end == optarg || *end) {
                fprintf(stderr, "easlog-gen: bad value for --seed: %s\n", optarg);
                return 2;
            }
            break;
        }
        case 2: G.size_mb = parse_num(optarg, "size", 0.001, 1e7); break;
        case 3: G.target_lines = (uint64_t)parse_num(optarg, "lines", 1, 1e13); break;
        case 4: G.nserv = (int)parse_num(optarg, "servers", 1, 200); break;
        case 5: G.nusers = (int)parse_num(optarg, "users", 1, 1000000); break;
        case 6: G.ndays = (int)parse_num(optarg, "days", 1, 3660); break;
        case 7:
            if (parse_date(optarg, &G.day0) != 0) {
                fprintf(stderr, "easlog-gen: bad value for --start: %s\n", optarg);
                return 2;
            }
            break;
        case 8:
            if (!strcmp(optarg, "2010")) G.exch = 2010;
            else if (!strcmp(optarg, "2013")) G.exch = 2013;
            else if (!strcmp(optarg, "2016")) G.exch = 2016;
            else if (!strcmp(optarg, "mixed")) G.exch = 0;
            else {
                fprintf(stderr, "easlog-gen: bad value for --exchange: %s (2010, 2013, 2016, mixed)\n", optarg);
                return 2;
            }
            break;
        case 9: G.bad = parse_num(optarg, "bad", 0, 100); break;
        case 10: G.noise = parse_num(optarg, "noise", 0, 99); break;
        case 'o': G.out = optarg; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "easlog-gen: unexpected argument: %s\n", argv[optind]);
        usage(stderr);
        return 2;
    }
    if (!G.out) {
        fprintf(stderr, "easlog-gen: -o DIR is required\n");
        usage(stderr);
        return 2;
    }
    mkdirs(G.out);
    setup();

    /* noise share is per line; an EAS request writes ~1 (2010) or ~2 (2013+) lines */
    double share10 = (double)G.n10 / G.nserv;
    double lpe = share10 * 1.0 + (1 - share10) * 1.97;
    double f = G.noise / 100.0;
    G.p_noise = f * lpe / (1 - f + f * lpe);
    G.p_bad = G.bad / 100.0;

    int targeted = G.size_mb > 0 || G.target_lines > 0;
    uint64_t tbytes = G.size_mb > 0 ? (uint64_t)(G.size_mb * 1048576.0) : UINT64_MAX;
    uint64_t tlines = G.target_lines > 0 ? G.target_lines : UINT64_MAX;
    int bymode = G.size_mb > 0 && (G.target_lines == 0 || (double)tbytes / 600.0 < (double)tlines);
    double guess = bymode ? (1 - G.p_noise) * (share10 * 560 + (1 - share10) * 1150) + G.p_noise * 330
                          : (1 - G.p_noise) * lpe + G.p_noise;
    double natural = (double)G.ndev * 250.0 / (1 - G.p_noise);

    double totw = 0;
    for (int d = 0; d < G.ndays; d++)
        for (int h = 0; h < 24; h++) totw += hour_weight(d, h);
    double usedw = 0;

    static uint32_t bins[3600];
    for (int day = 0; day < G.ndays && !G.stop; day++) {
        int y;
        unsigned mo, dd;
        civil_from_days(G.day0 + day, &y, &mo, &dd);
        G.dayidx = day;
        snprintf(G.date, sizeof G.date, "%04d-%02u-%02u", y, mo, dd);
        snprintf(G.yymmdd, sizeof G.yymmdd, "%02d%02u%02u", y % 100, mo, dd);
        for (int i = 0; i < G.nserv; i++) {
            Server *s = &G.srv[i];
            s->restart_t = -1;
            if (rchance(&G.r, 0.12) || (i == 0 && day == G.ndays - 1))
                s->restart_t = (int)rrange(&G.r, 2 * 3600, 22 * 3600);
        }
        for (int h = 0; h < 24 && !G.stop; h++) {
            double w = hour_weight(day, h);
            double nev;
            if (targeted) {
                uint64_t produced = bymode ? G.bytes : G.lines;
                uint64_t target = bymode ? tbytes : tlines;
                if (produced >= target) { G.stop = 1; break; }
                double upe = guess;
                if (G.events >= 200) upe = (double)produced / (double)G.events;
                else if (G.events > 0) upe = (guess * (200 - G.events) + (double)produced) / 200.0;
                double remw = totw - usedw;
                nev = (double)(target - produced) / upe * (w / (remw > 1e-12 ? remw : w));
            } else
                nev = natural * w;
            usedw += w;
            uint32_t n = (uint32_t)(nev + runi(&G.r));
            memset(bins, 0, sizeof bins);
            for (uint32_t i = 0; i < n; i++) bins[rbelow(&G.r, 3600)]++;
            for (int sec = 0; sec < 3600 && !G.stop; sec++) {
                if (!bins[sec]) continue;
                int t = h * 3600 + sec;
                char *tp = G.tbuf;
                tp = ap_2(tp, (unsigned)h);
                *tp++ = ':';
                tp = ap_2(tp, (unsigned)(sec / 60));
                *tp++ = ':';
                ap_2(tp, (unsigned)(sec % 60));
                for (uint32_t k = 0; k < bins[sec]; k++) {
                    if (rchance(&G.r, G.p_noise)) ev_noise(t);
                    else ev_eas(t);
                    G.events++;
                    if (G.bytes >= tbytes || G.lines >= tlines) { G.stop = 1; break; }
                }
            }
        }
        for (int i = 0; i < G.nserv; i++) {
            out_close(&G.srv[i].out[0]);
            out_close(&G.srv[i].out[1]);
        }
    }
    fprintf(stderr, "easlog-gen: %llu files, %llu lines, %llu bytes (%llu EAS lines, avg %.0f bytes) in %s\n",
            (unsigned long long)G.files, (unsigned long long)G.lines, (unsigned long long)G.bytes,
            (unsigned long long)G.eas_lines, G.eas_lines ? (double)G.eas_bytes / (double)G.eas_lines : 0.0,
            G.out);
    return 0;
}
