/* test_ingest.c: the article reader (all formats, gzip, hostile input) and
** text normalization / fold keys. Writes its inputs to a temp directory. */
#include "dyad.h"
#include "harness.h"
#include <unistd.h>
#include <zlib.h>

static char dir[64];

static const char *put_file(const char *name, const char *z, size_t n) {
    static char path[4][256];
    static int k;
    char *p = path[k++ & 3];
    snprintf(p, 256, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    fwrite(z, 1, n, f);
    fclose(f);
    return p;
}
#define PUT(name, lit) put_file(name, lit, sizeof(lit) - 1)

/* Read every article of PATH; returns the count, fills up to 8 copies. */
typedef struct got { char id[64], date[11], title[64], text[256], source[64]; int err; long line; } got;
static int read_all(const char *path, dyad_input_format fmt, const char *date, got *g, int max,
                    dyad_norm_stats *st, dyad_status *open_st) {
    dyad_reader_opts o = {0};
    o.format = fmt;
    o.date = date;
    o.max_article = 4096;
    dyad_reader *r;
    dyad_status s = dyad_reader_open(path, &o, &r);
    if (open_st) *open_st = s;
    if (s != DYAD_OK) { dyad_reader_close(r); return -1; }
    dyad_article a;
    int n = 0;
    while ((s = dyad_reader_next(r, &a)) == DYAD_OK) {
        if (st) { st->invalid_utf8 += a.norm.invalid_utf8; st->nul += a.norm.nul; }
        if (n < max) {
            snprintf(g[n].id, sizeof g[n].id, "%s", a.id);
            snprintf(g[n].date, sizeof g[n].date, "%s", a.date);
            snprintf(g[n].title, sizeof g[n].title, "%s", a.title);
            snprintf(g[n].text, sizeof g[n].text, "%s", a.text);
            snprintf(g[n].source, sizeof g[n].source, "%s", a.source);
            g[n].err = a.error != NULL;
            g[n].line = a.line;
            if (a.error) fprintf(stderr, "  (expected?) %s\n", a.error);
        }
        n++;
    }
    CHECKF(s == DYAD_ENOTFOUND, "end status %d for %s", s, path);
    long na, nf;
    dyad_reader_counts(r, &na, &nf);
    CHECK(na == n);
    dyad_reader_close(r);
    return n;
}

static void test_articles(void) {
    got g[8];
    /* the sample's shape: leading space, text on the date line, no final newline */
    const char *p = PUT("a.txt", " date 2021-12-26 The Association\xe2\x80\x99s Friends condemned.\n\nSecond para.");
    int n = read_all(p, DYAD_INPUT_ARTICLES, NULL, g, 8, NULL, NULL);
    CHECK(n == 1);
    CHECK(!strcmp(g[0].date, "2021-12-26"));
    CHECKF(!strcmp(g[0].text, "The Association's Friends condemned.\n\nSecond para."), "[%s]", g[0].text);
    CHECK(!g[0].err);
    CHECK(strstr(g[0].id, "a.txt:1") != NULL);
    /* form-feed separated, undated article, bad date, blank block, CRLF */
    p = PUT("b.txt", "date 2004-11-13\nFirst text.\n\f\nUndated text.\n\f\ndate 2099-99-99\nBad date.\n\f\n\n\f\r\n"
                     "date 2005-02-28\r\nCRLF text.\r\n");
    const char *b_path = p;
    n = read_all(p, DYAD_INPUT_ARTICLES, NULL, g, 8, NULL, NULL);
    CHECKF(n == 4, "n=%d", n);
    CHECK(!strcmp(g[0].text, "First text.") && !strcmp(g[0].date, "2004-11-13") && g[0].line == 1);
    CHECK(!strcmp(g[1].text, "Undated text.") && g[1].date[0] == '\0' && !g[1].err);
    CHECK(g[2].err && !strcmp(g[2].text, "Bad date."));
    CHECK(!strcmp(g[3].text, "CRLF text.") && !strcmp(g[3].date, "2005-02-28") && !g[3].err);
    /* a UTF-8 byte-order mark before the date line */
    p = PUT("bom.txt", "\xEF\xBB\xBF" "date 2021-01-02 Text after a BOM.");
    n = read_all(p, DYAD_INPUT_ARTICLES, NULL, g, 8, NULL, NULL);
    CHECK(n == 1 && !g[0].err && !strcmp(g[0].date, "2021-01-02") && !strcmp(g[0].text, "Text after a BOM."));
    p = PUT("bom.jsonl", "\xEF\xBB\xBF{\"text\": \"x\"}\n");
    n = read_all(p, DYAD_INPUT_JSONL, NULL, g, 8, NULL, NULL);
    CHECK(n == 1 && !g[0].err && !strcmp(g[0].text, "x"));
    p = b_path;
    /* default date for undated articles */
    n = read_all(p, DYAD_INPUT_ARTICLES, "2020-01-02", g, 8, NULL, NULL);
    CHECK(n == 4 && !strcmp(g[1].date, "2020-01-02"));
    /* Feb 29 only in leap years */
    p = PUT("c.txt", "date 2021-02-29 x\n\f\ndate 2020-02-29 y\n\f\ndate 2021-13-01 z");
    n = read_all(p, DYAD_INPUT_ARTICLES, NULL, g, 8, NULL, NULL);
    CHECK(n == 3 && g[0].err && !g[1].err && g[2].err);
    /* empty file: no articles, no error */
    p = PUT("empty.txt", "");
    CHECK(read_all(p, DYAD_INPUT_ARTICLES, NULL, g, 8, NULL, NULL) == 0);
    /* date but no text: an error record */
    p = PUT("notext.txt", "date 2020-01-01\n");
    n = read_all(p, DYAD_INPUT_ARTICLES, NULL, g, 8, NULL, NULL);
    CHECK(n == 1 && g[0].err);
    /* an over-long article is an error, the next one is fine */
    char big[6000];
    memset(big, 'x', sizeof big);
    memcpy(big, "date 2020-01-01\n", 16);
    memcpy(big + sizeof big - 40, "\n\f\ndate 2020-01-02\nsmall article.\n", 34);
    p = put_file("big.txt", big, sizeof big - 6);
    n = read_all(p, DYAD_INPUT_ARTICLES, NULL, g, 8, NULL, NULL);
    CHECKF(n == 2 && g[0].err && !g[1].err && !strcmp(g[1].text, "small article."), "n=%d", n);
}

static void test_hostile(void) {
    got g[8];
    dyad_norm_stats st = {0};
    const char *p = PUT("h.txt", "date 2020-01-01\nNUL\0here and bad \xff\xfe utf8 \xe2\x82 end.");
    int n = read_all(p, DYAD_INPUT_ARTICLES, NULL, g, 8, &st, NULL);
    CHECK(n == 1 && !g[0].err);
    CHECK(st.nul == 1);
    CHECKF(st.invalid_utf8 == 3, "invalid=%zu", st.invalid_utf8);
    CHECKF(!strcmp(g[0].text, "NULhere and bad \xef\xbf\xbd\xef\xbf\xbd utf8 \xef\xbf\xbd end."), "[%s]", g[0].text);
    dyad_status s;
    CHECK(read_all(dir, DYAD_INPUT_ARTICLES, NULL, g, 8, NULL, &s) == -1 && s == DYAD_EIO);
    char missing[300];
    snprintf(missing, sizeof missing, "%s/nope.txt", dir);
    CHECK(read_all(missing, DYAD_INPUT_ARTICLES, NULL, g, 8, NULL, &s) == -1 && s == DYAD_EIO);
    CHECK(read_all(p, DYAD_INPUT_TEXT, "2020-1-1", g, 8, NULL, &s) == -1 && s == DYAD_EINVAL);
    /* gzip, whole and truncated */
    char gzpath[300];
    snprintf(gzpath, sizeof gzpath, "%s/g.txt.gz", dir);
    gzFile gz = gzopen(gzpath, "wb");
    for (int i = 0; i < 200; i++) gzprintf(gz, "date 2020-01-%02d\nArticle number %d is here.\n\f\n", i % 28 + 1, i);
    gzclose(gz);
    n = read_all(gzpath, DYAD_INPUT_ARTICLES, NULL, g, 8, NULL, NULL);
    CHECKF(n == 200, "n=%d", n);
    CHECK(!strcmp(g[1].text, "Article number 1 is here.") && !strcmp(g[1].date, "2020-01-02"));
    FILE *f = fopen(gzpath, "rb");
    char zb[8192];
    size_t zn = fread(zb, 1, sizeof zb, f);
    fclose(f);
    p = put_file("trunc.txt.gz", zb, zn / 2);
    dyad_reader_opts o = {0};
    dyad_reader *r;
    CHECK(dyad_reader_open(p, &o, &r) == DYAD_OK);
    dyad_article a;
    int nok = 0, nerr = 0;
    while (dyad_reader_next(r, &a) == DYAD_OK) { if (a.error) nerr++; else nok++; }
    CHECKF(nerr == 1 && nok > 0 && nok < 200, "ok=%d err=%d", nok, nerr);
    dyad_reader_close(r);
}

static void test_jsonl(void) {
    got g[8];
    const char *p = PUT("j.jsonl",
        "{\"id\": \"a1\", \"date\": \"2021-12-26\", \"title\": \"T\xe2\x80\x94itle\", \"text\": \"Body \\u201cq\\u201d.\", \"source\": \"S\"}\n"
        "not json at all\n"
        "\n"
        "[1,2]\n"
        "{\"id\": 7, \"date\": null, \"text\": \"No date.\"}\n"
        "{\"id\": \"x\", \"date\": \"2021-02-30\", \"text\": \"Bad date.\"}\n"
        "{\"id\": \"y\", \"title\": \"no text\"}\n"
        "{\"id\": \"z\", \"date\": \"2021-12-26T10:00:00Z\", \"text\": \"bad \xff byte and nul \\u0000 esc\"}");
    dyad_norm_stats st = {0};
    int n = read_all(p, DYAD_INPUT_JSONL, NULL, g, 8, &st, NULL);
    CHECKF(n == 7, "n=%d", n);
    CHECK(!strcmp(g[0].id, "a1") && !strcmp(g[0].date, "2021-12-26") && !strcmp(g[0].title, "T--itle"));
    CHECKF(!strcmp(g[0].text, "Body \"q\".") && !strcmp(g[0].source, "S") && !g[0].err, "[%s]", g[0].text);
    CHECK(g[1].err && g[1].line == 2);
    CHECK(g[2].err && g[2].line == 4);
    CHECK(!strcmp(g[3].id, "7") && !g[3].err && g[3].date[0] == '\0');
    CHECK(g[4].err);
    CHECK(g[5].err);
    CHECKF(!g[6].err && !strcmp(g[6].date, "2021-12-26") && !strcmp(g[6].text, "bad \xef\xbf\xbd byte and nul  esc"),
           "[%s]", g[6].text);
    CHECK(st.invalid_utf8 == 1 && st.nul == 1);
    /* plain text: one article, date from the options */
    p = PUT("t.txt", "Headline\n\nSome text here.\n");
    n = read_all(p, DYAD_INPUT_TEXT, "2021-12-26", g, 8, NULL, NULL);
    CHECK(n == 1 && !strcmp(g[0].date, "2021-12-26") && !strcmp(g[0].text, "Headline\n\nSome text here."));
}

static void test_norm(void) {
    char *out;
    size_t n;
    dyad_norm_stats st = {0};
    /* NFC: e + combining acute -> U+00E9 */
    CHECK(dyad_normalize("Pe\xcc\x81" "cresse", 10, DYAD_NORM_DEFAULT, &out, &n, &st) == DYAD_OK);
    CHECKF(!strcmp(out, "P\xc3\xa9" "cresse") && n == 9, "[%s]", out);
    dyad_free(out);
    CHECK(dyad_normalize("a\xe2\x80\xa6 b\xc2\xa0" "c\xe2\x80\x8b" "d \xe2\x80\x93 e\r\nf", 22, DYAD_NORM_DEFAULT, &out, &n, &st) == DYAD_OK);
    CHECKF(!strcmp(out, "a... b cd - e\nf"), "[%s]", out);
    dyad_free(out);
    /* without ASCII flag the quotes stay */
    CHECK(dyad_normalize("\xe2\x80\x9cq\xe2\x80\x9d", 7, DYAD_NORM_NFC, &out, &n, NULL) == DYAD_OK);
    CHECK(!strcmp(out, "\xe2\x80\x9cq\xe2\x80\x9d"));
    dyad_free(out);
    /* overlong and surrogate encodings are invalid */
    st.invalid_utf8 = 0;
    CHECK(dyad_normalize("\xc0\xaf|\xed\xa0\x80|\xf4\x90\x80\x80", 11, DYAD_NORM_DEFAULT, &out, &n, &st) == DYAD_OK);
    CHECKF(st.invalid_utf8 == 3 || st.invalid_utf8 == 4, "%zu", st.invalid_utf8);
    CHECK(strstr(out, "|") && strstr(out, "\xef\xbf\xbd"));
    dyad_free(out);
    /* fold keys */
    char k1[64], k2[64];
    dyad_fold_key("P\xc3\xa9" "cresse", 9, k1, sizeof k1);
    dyad_fold_key("PECRESSE", 8, k2, sizeof k2);
    CHECKF(!strcmp(k1, k2) && !strcmp(k1, "PECRESSE"), "[%s] [%s]", k1, k2);
    dyad_fold_key("Pe\xcc\x81" "cresse", 10, k1, sizeof k1);
    CHECK(!strcmp(k1, "PECRESSE"));
    CHECK(dyad_fold_key("Stra\xc3\x9f" "e", 7, k1, sizeof k1) == 7 && !strcmp(k1, "STRASSE"));
    CHECK(dyad_fold_key("Azerbaijan\xe2\x80\x99s", 14, k1, sizeof k1) == 12 && !strcmp(k1, "AZERBAIJAN'S"));
    CHECK(dyad_fold_key("united states", 13, k1, 4) == 13 && !strcmp(k1, "UNI"));
    CHECK(dyad_fold_key("\xc3\x8ele-de-France", 14, k1, sizeof k1) == 13 && !strcmp(k1, "ILE-DE-FRANCE"));
    /* allocation failure is reported, not fatal */
    dyad_alloc_fail_after(1);
    CHECK(dyad_normalize("abc", 3, DYAD_NORM_DEFAULT, &out, &n, NULL) == DYAD_NOMEM && !out);
    dyad_alloc_fail_after(0);
}

/* Every allocation failing in turn: a status, never a crash or a leak. */
static void test_alloc_failures(void) {
    const char *p = PUT("af.txt", "date 2020-01-01\nOne article \xe2\x80\x9cquoted\xe2\x80\x9d.\n\f\ndate 2020-01-02\nTwo.\n");
    const char *q = PUT("af.jsonl", "{\"id\":\"a\",\"date\":\"2020-01-01\",\"title\":\"T\",\"text\":\"X \\u00e9.\",\"source\":\"s\"}\n");
    int completed = 0;
    for (long k = 1; k <= 40; k++) {
        for (int f = 0; f < 2; f++) {
            dyad_reader_opts o = {0};
            o.format = f ? DYAD_INPUT_JSONL : DYAD_INPUT_ARTICLES;
            dyad_reader *r = NULL;
            dyad_alloc_fail_after(k);
            dyad_status st = dyad_reader_open(f ? q : p, &o, &r);
            dyad_article a;
            int n = 0;
            if (st == DYAD_OK)
                while ((st = dyad_reader_next(r, &a)) == DYAD_OK) n++;
            dyad_alloc_fail_after(0);
            CHECKF(st == DYAD_NOMEM || st == DYAD_ENOTFOUND, "k=%ld status %d", k, st);
            if (st == DYAD_ENOTFOUND && n == (f ? 1 : 2)) completed++;
            dyad_reader_close(r);
        }
    }
    CHECK(completed > 0);
}

static void test_shared(void) {
    const char *p = shared_path("data/samples/azerbaijan-2021-12-26.txt");
    if (!p) { SKIP("../shared absent: sample article"); return; }
    got g[2];
    int n = read_all(p, DYAD_INPUT_ARTICLES, NULL, g, 2, NULL, NULL);
    CHECK(n == 1 && !strcmp(g[0].date, "2021-12-26") && !strncmp(g[0].text, "The Association of Azerbaijan's", 31));
    p = shared_path("data/news/news.txt");
    const char *q = shared_path("data/news/news.jsonl");
    if (!p || !q) { SKIP("../shared absent: news corpus"); return; }
    dyad_reader_opts o = {0}, oj = {0};
    oj.format = DYAD_INPUT_JSONL;
    dyad_reader *r1, *r2;
    CHECK(dyad_reader_open(p, &o, &r1) == DYAD_OK && dyad_reader_open(q, &oj, &r2) == DYAD_OK);
    dyad_article a, b;
    long n1 = 0, same = 0, undated = 0;
    while (dyad_reader_next(r1, &a) == DYAD_OK && dyad_reader_next(r2, &b) == DYAD_OK) {
        n1++;
        if (!a.date[0]) undated++;
        if (!strcmp(a.text, b.text) && !strcmp(a.date, b.date) && !a.error && !b.error) same++;
    }
    CHECKF(n1 == 5550 && same == 5550 && undated == 39, "n=%ld same=%ld undated=%ld", n1, same, undated);
    dyad_reader_close(r1);
    dyad_reader_close(r2);
}

int main(void) {
    snprintf(dir, sizeof dir, "/tmp/dyad_ingest_XXXXXX");
    if (!mkdtemp(dir)) return 2;
    test_articles();
    test_hostile();
    test_jsonl();
    test_norm();
    test_alloc_failures();
    test_shared();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) fprintf(stderr, "cannot remove %s\n", dir);
    return TEST_END();
}
