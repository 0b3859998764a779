/*
** rdate.c: event-date resolution (prefix rdate_). Finds the expression in a
** sentence that says when something happened ("on December 22", "on
** Saturday", "yesterday", "two days ago", "in March", ISO dates) and
** resolves it against the publication date; else the publication date.
*/
#include "dyad.h"
#include "ingest.h"
#include "rdate.h"
#include <string.h>

/* ---- calendar arithmetic (proleptic Gregorian, days since 1970-01-01) */

static long days_from_civil(long y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int mdays(long y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}
static int valid(long y, int m, int d) { return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= mdays(y, m); }

/* 0 = Monday ... 6 = Sunday */
static int weekday(long days) { long w = (days + 3) % 7; return (int)(w < 0 ? w + 7 : w); }

/* Write YYYY-MM-DD; returns 0 (and writes "") outside years 1..9999. */
static int put_date(char *out, long days) {
    long y;
    int m, d;
    civil_from_days(days, &y, &m, &d);
    out[0] = '\0';
    if (y < 1 || y > 9999) return 0;
    int v[3] = {(int)y, m, d};
    out[0] = (char)('0' + v[0] / 1000), out[1] = (char)('0' + v[0] / 100 % 10);
    out[2] = (char)('0' + v[0] / 10 % 10), out[3] = (char)('0' + v[0] % 10), out[4] = '-';
    out[5] = (char)('0' + v[1] / 10), out[6] = (char)('0' + v[1] % 10), out[7] = '-';
    out[8] = (char)('0' + v[2] / 10), out[9] = (char)('0' + v[2] % 10), out[10] = '\0';
    return 1;
}

/* ---- words of the sentence */

typedef struct word { uint32_t s, e; int num; } word;  /* num: value if all digits (+ordinal), else -1 */

static int lc(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int isal(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int isdg(int c) { return c >= '0' && c <= '9'; }

static int weq(const char *z, const word *w, const char *lit) {
    size_t n = w->e - w->s, i;
    for (i = 0; i < n; i++)
        if (!lit[i] || lc((unsigned char)z[w->s + i]) != lit[i]) return 0;
    return lit[i] == '\0';
}

static const char *const months[] = {"january", "february", "march", "april", "may", "june", "july",
                                     "august", "september", "october", "november", "december"};
static const char *const mabbr[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const wdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

/* Month number of a capitalized month word (full or abbreviated), else 0. */
static int month_of(const char *z, const word *w) {
    if (!(z[w->s] >= 'A' && z[w->s] <= 'Z')) return 0;  /* "may", "march" as verbs */
    for (int i = 0; i < 12; i++)
        if (weq(z, w, months[i]) || weq(z, w, mabbr[i]) || (i == 8 && weq(z, w, "sept"))) return i + 1;
    return 0;
}

static int wday_of(const char *z, const word *w) {
    if (!(z[w->s] >= 'A' && z[w->s] <= 'Z')) return -1;
    for (int i = 0; i < 7; i++)
        if (weq(z, w, wdays[i])) return i;
    return -1;
}

int rdate_calendar_word(const char *w, size_t n) {
    if (n && w[n - 1] == '.') n--;                 /* "Dec." */
    if (n == 0 || n > 16) return 0;
    word x = {0, (uint32_t)n, -1};
    int m = month_of(w, &x);
    if (m) return m;
    int d = wday_of(w, &x);
    return d >= 0 ? 13 + d : 0;
}

static int small_number(const char *z, const word *w) {
    static const char *const nums[] = {"zero", "one", "two", "three", "four", "five", "six", "seven",
                                       "eight", "nine", "ten", "eleven", "twelve"};
    if (w->num >= 0) return w->num;
    if (weq(z, w, "a") || weq(z, w, "an")) return 1;
    if (weq(z, w, "several") || weq(z, w, "few")) return -1;
    for (int i = 0; i < 13; i++)
        if (weq(z, w, nums[i])) return i;
    return -1;
}

static size_t split_words(const char *z, size_t n, word *a, size_t max) {
    size_t k = 0, i = 0;
    while (i < n && k < max) {
        if (!isal((unsigned char)z[i]) && !isdg((unsigned char)z[i])) { i++; continue; }
        size_t j = i;
        while (j < n && (isal((unsigned char)z[j]) || isdg((unsigned char)z[j]))) j++;
        a[k].s = (uint32_t)i;
        a[k].e = (uint32_t)j;
        a[k].num = -1;
        size_t d = i;
        long v = 0;
        while (d < j && isdg((unsigned char)z[d]) && v < 100000) v = v * 10 + (z[d++] - '0');
        if (d > i) {
            const char *suf = z + d;
            size_t ns = j - d;
            if (ns == 0 || (ns == 2 && (!strncmp(suf, "st", 2) || !strncmp(suf, "nd", 2) ||
                                        !strncmp(suf, "rd", 2) || !strncmp(suf, "th", 2))))
                a[k].num = (int)v;
        }
        k++;
        i = j;
    }
    return k;
}

/* ---- resolution */

typedef struct cand { long days; uint32_t s, e; int prec; int rank; } cand;

static void offer(cand *best, long days, uint32_t s, uint32_t e, int prec, int rank) {
    if (best->rank && best->rank <= rank) return;  /* keep the better (lower rank), earlier one */
    best->days = days;
    best->s = s;
    best->e = e;
    best->prec = prec;
    best->rank = rank;
}

/* Year for a month/day without a year: of the publication year and the
** years before and after, the one that puts the date nearest to the
** publication date ("December 30" in a January article is last year's;
** "September 11" in an August article is this year's, even if ahead). */
static long guess_year(long pub, long py, int m, int d) {
    long best = py, dist = -1;
    for (long y = py - 1; y <= py + 1; y++) {
        if (!valid(y, m, d)) continue;
        long k = days_from_civil(y, m, d) - pub;
        if (k < 0) k = -k;
        if (dist < 0 || k < dist) { dist = k; best = y; }
    }
    return best;
}

dyad_status dyad_event_date(const char *z, size_t n, const char *pub_date, dyad_when *out) {
    if (!out || (!z && n)) return DYAD_EINVAL;
    memset(out, 0, sizeof *out);
    int have_pub = pub_date && ing_valid_date(pub_date, strlen(pub_date));
    long pub = 0, py = 0;
    int pm = 0, pd = 0;
    if (have_pub) {
        py = (pub_date[0] - '0') * 1000 + (pub_date[1] - '0') * 100 + (pub_date[2] - '0') * 10 + (pub_date[3] - '0');
        pm = (pub_date[5] - '0') * 10 + pub_date[6] - '0';
        pd = (pub_date[8] - '0') * 10 + pub_date[9] - '0';
        pub = days_from_civil(py, pm, pd);
        memcpy(out->date, pub_date, 10);
        out->precision = DYAD_WHEN_DAY;
    }
    word w[256];
    size_t nw = split_words(z, n, w, 256);
    cand best = {0, 0, 0, 0, 0};
    for (size_t i = 0; i < nw; i++) {
        const word *a = &w[i], *b = i + 1 < nw ? &w[i + 1] : NULL, *c = i + 2 < nw ? &w[i + 2] : NULL;
        const word *prev = i ? &w[i - 1] : NULL;
        int m;
        /* ISO 2021-12-22 */
        if (a->num >= 1000 && a->e - a->s == 4 && b && c && b->s == a->e + 1 && c->s == b->e + 1 &&
            ((z[a->e] == '-' && z[b->e] == '-') || (z[a->e] == '/' && z[b->e] == '/')) &&
            b->e - b->s == 2 && c->e - c->s == 2 && b->num >= 0 && c->num >= 0) {  /* or 2021/12/22 */
            if (valid(a->num, b->num, c->num)) offer(&best, days_from_civil(a->num, b->num, c->num), a->s, c->e, DYAD_WHEN_DAY, 1);
            i += 2;
            continue;
        }
        /* Month Day [, Year]   (December 22, Dec. 22, December 22nd, 2021) */
        if ((m = month_of(z, a)) && b && b->num >= 1 && b->num <= 31 && b->e - b->s <= 4) {
            int d = b->num;
            long y;
            uint32_t e = b->e;
            if (c && c->num >= 1000 && c->num <= 9999 && c->e - c->s == 4) { y = c->num; e = c->e; }
            else if (have_pub) y = guess_year(pub, py, m, d);
            else continue;
            if (valid(y, m, d)) offer(&best, days_from_civil(y, m, d), prev && weq(z, prev, "on") ? prev->s : a->s, e, DYAD_WHEN_DAY, 1);
            continue;
        }
        /* Day Month [Year]   (22 December 2021, 22nd of December) */
        if (a->num >= 1 && a->num <= 31 && b) {
            const word *mw = b;
            if (weq(z, b, "of") && c) mw = c;
            if ((m = month_of(z, mw))) {
                const word *yw = mw + 1 < w + nw ? mw + 1 : NULL;
                long y;
                uint32_t e = mw->e;
                if (yw && yw->num >= 1000 && yw->num <= 9999 && yw->e - yw->s == 4) { y = yw->num; e = yw->e; }
                else if (have_pub) y = guess_year(pub, py, m, a->num);
                else continue;
                if (valid(y, m, a->num)) offer(&best, days_from_civil(y, m, a->num), prev && weq(z, prev, "on") ? prev->s : a->s, e, DYAD_WHEN_DAY, 1);
                continue;
            }
        }
        if (!have_pub) continue;
        /* weekdays: "on Saturday", "Saturday": the most recent one, publication day included */
        int wd = wday_of(z, a);
        if (wd >= 0) {
            int next = prev && (weq(z, prev, "next") || weq(z, prev, "coming"));
            long diff = (weekday(pub) - wd + 7) % 7;
            /* on or before publication: in news "said Wednesday" in a Wednesday
            ** article is that day (678 of 3,003 weekday mentions in the corpus) */
            long days = next ? pub + (diff ? 7 - diff : 7) : pub - diff;
            if (prev && weq(z, prev, "last")) days = pub - (diff ? diff : 7);
            uint32_t s = prev && (weq(z, prev, "on") || weq(z, prev, "last") || next) ? prev->s : a->s;
            offer(&best, days, s, a->e, DYAD_WHEN_DAY, 2);
            continue;
        }
        if (weq(z, a, "yesterday")) { offer(&best, pub - 1, a->s, a->e, DYAD_WHEN_DAY, 2); continue; }
        if (weq(z, a, "today") || weq(z, a, "tonight")) { offer(&best, pub, a->s, a->e, DYAD_WHEN_DAY, 2); continue; }
        if (weq(z, a, "tomorrow")) { offer(&best, pub + 1, a->s, a->e, DYAD_WHEN_DAY, 2); continue; }
        if (b && weq(z, a, "last") && weq(z, b, "night")) { offer(&best, pub - 1, a->s, b->e, DYAD_WHEN_DAY, 2); continue; }
        if (b && weq(z, a, "this") && (weq(z, b, "morning") || weq(z, b, "afternoon") || weq(z, b, "evening"))) {
            offer(&best, pub, a->s, b->e, DYAD_WHEN_DAY, 2);
            continue;
        }
        /* this week / month / year, earlier this week: the publication's */
        if (b && weq(z, a, "this") && (weq(z, b, "week") || weq(z, b, "month") || weq(z, b, "year"))) {
            uint32_t st = prev && weq(z, prev, "earlier") ? prev->s : a->s;
            if (weq(z, b, "week")) offer(&best, pub, st, b->e, DYAD_WHEN_WEEK, 3);
            else if (weq(z, b, "month")) offer(&best, days_from_civil(py, pm, 1), st, b->e, DYAD_WHEN_MONTH, 3);
            else offer(&best, days_from_civil(py, 1, 1), st, b->e, DYAD_WHEN_YEAR, 3);
            continue;
        }
        /* "on the 22nd": that day of the publication month, or of the month before */
        if (b && c && weq(z, a, "on") && weq(z, b, "the") && c->num >= 1 && c->num <= 31 &&
            c->e - c->s >= 3 && !(i + 3 < nw && month_of(z, &w[i + 3])) &&
            !(i + 4 < nw && weq(z, &w[i + 3], "of") && month_of(z, &w[i + 4]))) {
            long y = py;
            int mm = pm;
            if (c->num > pd) { mm = pm == 1 ? 12 : pm - 1; y = pm == 1 ? py - 1 : py; }
            if (valid(y, mm, c->num)) offer(&best, days_from_civil(y, mm, c->num), a->s, c->e, DYAD_WHEN_DAY, 2);
            i += 2;
            continue;
        }
        /* last week / month / year */
        if (b && weq(z, a, "last")) {
            if (weq(z, b, "week")) { offer(&best, pub - 7, a->s, b->e, DYAD_WHEN_WEEK, 3); continue; }
            if (weq(z, b, "month")) {
                long y = pm == 1 ? py - 1 : py;
                int mm = pm == 1 ? 12 : pm - 1;
                offer(&best, days_from_civil(y, mm, 1), a->s, b->e, DYAD_WHEN_MONTH, 3);
                continue;
            }
            if (weq(z, b, "year")) { offer(&best, days_from_civil(py - 1, 1, 1), a->s, b->e, DYAD_WHEN_YEAR, 3); continue; }
        }
        /* N days / weeks / months / years ago */
        if (b && c && weq(z, c, "ago")) {
            int k = small_number(z, a);
            if (k >= 0) {
                if (weq(z, b, "day") || weq(z, b, "days")) offer(&best, pub - k, a->s, c->e, DYAD_WHEN_DAY, 2);
                else if (weq(z, b, "week") || weq(z, b, "weeks")) offer(&best, pub - 7L * k, a->s, c->e, DYAD_WHEN_WEEK, 3);
                else if (weq(z, b, "month") || weq(z, b, "months")) {
                    long mi = py * 12 + (pm - 1) - k;
                    offer(&best, days_from_civil(mi / 12, (int)(mi % 12) + 1, 1), a->s, c->e, DYAD_WHEN_MONTH, 3);
                } else if ((weq(z, b, "year") || weq(z, b, "years")) && py - k >= 1)  /* same day, N years back */
                    offer(&best, days_from_civil(py - k, pm, pm == 2 && pd == 29 && !leap(py - k) ? 28 : pd),
                          a->s, c->e, DYAD_WHEN_YEAR, 3);
                i += 2;
                continue;
            }
        }
        /* in March: the most recent March (this one if not after publication) */
        if (b && (weq(z, a, "in") || weq(z, a, "since") || weq(z, a, "during")) && (m = month_of(z, b)) &&
            b->e - b->s >= 3 && !(c && c->num >= 1 && c->num <= 31 && c->e - c->s <= 2)) {
            long y = m <= pm ? py : py - 1;
            if (c && c->num >= 1000 && c->num <= 9999 && c->e - c->s == 4) y = c->num;
            offer(&best, days_from_civil(y, m, 1), a->s, (c && c->num >= 1000 && c->e - c->s == 4) ? c->e : b->e,
                  DYAD_WHEN_MONTH, 3);
            continue;
        }
    }
    char tmp[11];
    if (best.rank && put_date(tmp, best.days)) {
        memcpy(out->date, tmp, sizeof tmp);
        out->start = best.s;
        out->end = best.e;
        out->precision = best.prec;
        out->from_text = 1;
    }
    return DYAD_OK;
}
