/*
** ingest.c: the streaming article reader (module prefix ing_). Pulls one
** article at a time out of a file or stdin, plain or gzip, in the article
** text format, JSON Lines, or plain text; a bad article becomes an error
** record and the stream goes on. Memory is bounded by the article cap.
*/
#include "dyad.h"
#include "ingest.h"
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define IBUF_SIZE (64 * 1024)
#define DEFAULT_MAX_ARTICLE (8u * 1024 * 1024)

typedef struct sbuf { char *p; size_t n, cap; } sbuf;

struct dyad_reader {
    gzFile gz;
    char *name;               /* as opened; "-" for stdin */
    dyad_reader_opts opts;
    char defdate[11];         /* opts.date, validated */
    unsigned char *ibuf;      /* input buffer */
    size_t ipos, ilen;
    int eof, ioerr, done;
    sbuf line;                /* current line, without its '\n' */
    int line_over;            /* the current line was longer than the cap */
    int pending;              /* r->line holds an unconsumed line */
    int over;                 /* the current article went over the cap */
    long lineno;
    sbuf text, title;         /* raw text of the current article */
    char *ntext, *ntitle;     /* normalized, OWNED */
    char id[256], date[11], errbuf[512];
    char *source;             /* OWNED copy */
    long narticles, nfailed;
    char errmsg[512];
};

static int sb_put(sbuf *b, const char *z, size_t n) {
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1) cap *= 2;
        char *p = dyad_realloc(b->p, cap);
        if (!p) return -1;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, z, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 0;
}

static void seterr(dyad_reader *r, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->errmsg, sizeof r->errmsg, fmt, ap);
    va_end(ap);
}

/* Refill the input buffer. Returns bytes read, 0 at end or error. */
static size_t fill(dyad_reader *r) {
    if (r->eof) return 0;
    int k = gzread(r->gz, r->ibuf, IBUF_SIZE);
    if (k > 0) { r->ipos = 0; r->ilen = (size_t)k; return (size_t)k; }
    int err = Z_OK;
    const char *msg = gzerror(r->gz, &err);
    r->eof = 1;
    if (k < 0 || (err != Z_OK && err != Z_STREAM_END)) {
        r->ioerr = 1;
        if (err == Z_ERRNO) msg = strerror(errno);
        seterr(r, "%s:%ld: read error: %s", r->name, r->lineno + 1,
               msg && *msg ? msg : "unknown");
    }
    return 0;
}

/* Read the next line into r->line (at most cap bytes kept; longer lines set
** line_over). Returns 1 with a line, 0 at end of input, -1 on no memory. */
static int read_line(dyad_reader *r, size_t cap) {
    if (r->pending) { r->pending = 0; return 1; }
    r->line.n = 0;
    if (r->line.p) r->line.p[0] = '\0';
    r->line_over = 0;
    int got = 0;
    for (;;) {
        if (r->ipos >= r->ilen && !fill(r)) break;
        got = 1;
        unsigned char *p = r->ibuf + r->ipos;
        size_t avail = r->ilen - r->ipos;
        unsigned char *nl = memchr(p, '\n', avail);
        size_t take = nl ? (size_t)(nl - p) : avail;
        if (!r->line_over) {
            size_t room = r->line.n < cap ? cap - r->line.n : 0;
            size_t k = take < room ? take : room;
            if (sb_put(&r->line, (const char *)p, k) < 0) return -1;
            if (k < take) r->line_over = 1;
        }
        r->ipos += take + (nl ? 1 : 0);
        if (nl) break;
    }
    if (!got) return 0;
    r->lineno++;
    if (!r->line.p && sb_put(&r->line, "", 0) < 0) return -1;
    if (r->lineno == 1 && r->line.n >= 3 && !memcmp(r->line.p, "\xEF\xBB\xBF", 3)) {  /* byte-order mark */
        memmove(r->line.p, r->line.p + 3, r->line.n - 2);
        r->line.n -= 3;
    }
    if (r->line.n && r->line.p[r->line.n - 1] == '\r') r->line.p[--r->line.n] = '\0';
    return 1;
}

static int is_blank(const char *z, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)z[i])) return 0;
    return 1;
}

/* A separator line: only a form feed (and other white space). */
static int is_separator(const char *z, size_t n) {
    return memchr(z, '\f', n) && is_blank(z, n);
}

int ing_valid_date(const char *z, size_t n) {
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (n != 10 || z[4] != '-' || z[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)z[i])) return 0;
    int y = atoi(z), m = (z[5] - '0') * 10 + z[6] - '0', d = (z[8] - '0') * 10 + z[9] - '0';
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
    return 1;
}

dyad_status dyad_reader_open(const char *path, const dyad_reader_opts *opts, dyad_reader **out) {
    dyad_reader *r = dyad_calloc(1, sizeof *r);
    *out = r;
    if (!r) return DYAD_NOMEM;
    if (opts) r->opts = *opts;
    r->opts.date = NULL;
    if (!r->opts.max_article) r->opts.max_article = DEFAULT_MAX_ARTICLE;
    if (!path) path = "-";
    size_t np = strlen(path);
    r->name = dyad_malloc(np + 1);
    r->ibuf = dyad_malloc(IBUF_SIZE);
    if (!r->name || !r->ibuf) return DYAD_NOMEM;
    memcpy(r->name, path, np + 1);
    if (opts && opts->date && *opts->date) {
        if (!ing_valid_date(opts->date, strlen(opts->date))) {
            seterr(r, "bad date '%s' (want YYYY-MM-DD)", opts->date);
            return DYAD_EINVAL;
        }
        memcpy(r->defdate, opts->date, 11);
    }
    if (r->opts.format > DYAD_INPUT_TEXT) { seterr(r, "unknown input format"); return DYAD_EINVAL; }
    if (!strcmp(path, "-")) {
        int fd = dup(0);
        if (fd < 0 || !(r->gz = gzdopen(fd, "rb"))) {
            if (fd >= 0) close(fd);
            seterr(r, "-: cannot read stdin: %s", strerror(errno));
            return DYAD_EIO;
        }
    } else {
        struct stat st;
        if (stat(path, &st) != 0) { seterr(r, "%s: %s", path, strerror(errno)); return DYAD_EIO; }
        if (S_ISDIR(st.st_mode)) { seterr(r, "%s: is a directory", path); return DYAD_EIO; }
        if (!(r->gz = gzopen(path, "rb"))) {
            seterr(r, "%s: %s", path, errno ? strerror(errno) : "cannot open");
            return DYAD_EIO;
        }
    }
    gzbuffer(r->gz, IBUF_SIZE);
    return DYAD_OK;
}

void dyad_reader_close(dyad_reader *r) {
    if (!r) return;
    if (r->gz) gzclose(r->gz);
    dyad_free(r->name);
    dyad_free(r->ibuf);
    dyad_free(r->line.p);
    dyad_free(r->text.p);
    dyad_free(r->title.p);
    dyad_free(r->ntext);
    dyad_free(r->ntitle);
    dyad_free(r->source);
    dyad_free(r);
}

const char *dyad_reader_errmsg(const dyad_reader *r) { return r ? r->errmsg : "out of memory"; }

void dyad_reader_counts(const dyad_reader *r, long *articles, long *failed) {
    if (articles) *articles = r->narticles;
    if (failed) *failed = r->nfailed;
}

/* Start a new article: reset the per-article state. */
static void begin(dyad_reader *r, dyad_article *a) {
    memset(a, 0, sizeof *a);
    r->text.n = r->title.n = 0;
    if (r->text.p) r->text.p[0] = '\0';
    if (r->title.p) r->title.p[0] = '\0';
    dyad_free(r->ntext);
    dyad_free(r->ntitle);
    dyad_free(r->source);
    r->ntext = r->ntitle = r->source = NULL;
    r->id[0] = '\0';
    memcpy(r->date, r->defdate, sizeof r->date);
    r->errbuf[0] = '\0';
    r->over = 0;
    a->line = r->lineno + 1;
    a->index = r->narticles + 1;
}

static void bad(dyad_reader *r, dyad_article *a, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void bad(dyad_reader *r, dyad_article *a, const char *fmt, ...) {
    if (r->errbuf[0]) return;  /* keep the first problem */
    int k = snprintf(r->errbuf, sizeof r->errbuf, "%s:%ld: ", r->name, a->line);
    va_list ap;
    va_start(ap, fmt);
    if (k > 0 && (size_t)k < sizeof r->errbuf) vsnprintf(r->errbuf + k, sizeof r->errbuf - (size_t)k, fmt, ap);
    va_end(ap);
}

/* Append a line to the article text, enforcing the cap. */
static int add_text(dyad_reader *r, dyad_article *a, const char *z, size_t n) {
    size_t max = r->opts.max_article;
    if (r->over) return 0;
    if (r->text.n + n + 1 > max + 1) {
        bad(r, a, "article over %zu bytes (skipped)", max);
        r->over = 1;  /* stop storing */
        return 0;
    }
    if (r->text.n && sb_put(&r->text, "\n", 1) < 0) return -1;
    return sb_put(&r->text, z, n);
}

/* Normalize and publish the current article into *a. */
static dyad_status finish(dyad_reader *r, dyad_article *a) {
    size_t nt = 0;
    if (r->over) r->text.n = 0;
    while (r->text.n && isspace((unsigned char)r->text.p[r->text.n - 1])) r->text.n--;
    if (dyad_normalize(r->text.p ? r->text.p : "", r->text.n, DYAD_NORM_DEFAULT, &r->ntext, &nt,
                       &a->norm) != DYAD_OK ||
        dyad_normalize(r->title.p ? r->title.p : "", r->title.n, DYAD_NORM_DEFAULT, &r->ntitle, NULL,
                       &a->norm) != DYAD_OK)
        return DYAD_NOMEM;
    if (!r->id[0]) {  /* NAME:INDEX with the file's base name */
        const char *base = strrchr(r->name, '/');
        base = base && base[1] ? base + 1 : r->name;
        snprintf(r->id, sizeof r->id, "%s:%ld", strcmp(r->name, "-") ? base : "stdin", a->index);
    }
    if (!r->errbuf[0] && nt == 0) bad(r, a, "article has no text");
    a->id = r->id;
    a->date = r->date;
    a->title = r->ntitle;
    a->text = r->ntext;
    a->text_len = nt;
    a->source = r->source ? r->source : "";
    a->file = r->name;
    a->error = r->errbuf[0] ? r->errbuf : NULL;
    r->narticles++;
    if (a->error) r->nfailed++;
    return DYAD_OK;
}

/* The article text format. */
static dyad_status next_articles(dyad_reader *r, dyad_article *a) {
    size_t cap = r->opts.max_article + 1;
    int k;
    /* skip blank lines and empty blocks */
    while ((k = read_line(r, cap)) == 1 && is_blank(r->line.p, r->line.n)) {}
    if (k < 0) return DYAD_NOMEM;
    if (k == 0) {
        if (!r->ioerr) return DYAD_ENOTFOUND;
        begin(r, a);
        bad(r, a, "%s", strchr(r->errmsg, ' ') ? strchr(r->errmsg, ' ') + 1 : r->errmsg);
        r->done = 1;
        return finish(r, a);
    }
    begin(r, a);
    a->line = r->lineno;
    const char *z = r->line.p;
    size_t n = r->line.n;
    if (z[0] == '\f') { z++; n--; }  /* "\fdate ..." : separator glued to the line */
    while (n && isspace((unsigned char)*z)) { z++; n--; }
    if (r->line_over) bad(r, a, "line over %zu bytes (article skipped)", r->opts.max_article);
    if (n >= 4 && !memcmp(z, "date", 4) && (n == 4 || isspace((unsigned char)z[4]))) {
        z += 4; n -= 4;
        while (n && (*z == ' ' || *z == '\t')) { z++; n--; }
        size_t d = 0;
        while (d < n && !isspace((unsigned char)z[d])) d++;
        if (ing_valid_date(z, d)) memcpy(r->date, z, 10), r->date[10] = '\0';
        else bad(r, a, "bad date '%.*s' (want date YYYY-MM-DD)", (int)(d > 40 ? 40 : d), z);
        z += d; n -= d;
        while (n && isspace((unsigned char)*z)) { z++; n--; }
    }
    if (n && !r->line_over && add_text(r, a, z, n) < 0) return DYAD_NOMEM;
    for (;;) {
        k = read_line(r, cap);
        if (k < 0) return DYAD_NOMEM;
        if (k == 0) break;
        if (is_separator(r->line.p, r->line.n)) break;
        if (r->line.n && r->line.p[0] == '\f') {  /* separator glued to the next article */
            r->pending = 1;
            break;
        }
        if (r->line_over) bad(r, a, "line %ld over %zu bytes (article skipped)", r->lineno, r->opts.max_article);
        else if (add_text(r, a, r->line.p, r->line.n) < 0) return DYAD_NOMEM;
    }
    if (r->ioerr) {
        bad(r, a, "%s (article cut short)", strchr(r->errmsg, ' ') ? strchr(r->errmsg, ' ') + 1 : r->errmsg);
        r->done = 1;
    }
    return finish(r, a);
}

static const char *jstr(json_t *o, const char *key, size_t *n) {
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v)) return NULL;
    *n = json_string_length(v);
    return json_string_value(v);
}

/* JSON Lines: one object a line. */
static dyad_status next_jsonl(dyad_reader *r, dyad_article *a) {
    size_t cap = r->opts.max_article + 1;
    int k;
    while ((k = read_line(r, cap)) == 1 && !r->line_over && is_blank(r->line.p, r->line.n)) {}
    if (k < 0) return DYAD_NOMEM;
    begin(r, a);
    a->line = r->lineno;
    if (k == 0) {
        if (!r->ioerr) return DYAD_ENOTFOUND;
        bad(r, a, "%s", strchr(r->errmsg, ' ') ? strchr(r->errmsg, ' ') + 1 : r->errmsg);
        r->done = 1;
        return finish(r, a);
    }
    if (r->ioerr) r->done = 1;  /* this is the last (maybe partial) line */
    if (r->line_over) {
        bad(r, a, "line over %zu bytes (skipped)", r->opts.max_article);
        return finish(r, a);
    }
    /* repair the bytes first: jansson rejects invalid UTF-8 outright */
    char *fixed = NULL;
    size_t nfixed = 0;
    if (dyad_normalize(r->line.p, r->line.n, 0, &fixed, &nfixed, &a->norm) != DYAD_OK)
        return DYAD_NOMEM;
    json_error_t je;
    json_t *o = json_loadb(fixed, nfixed, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
    dyad_free(fixed);
    if (!o) {
        bad(r, a, "bad JSON: %s%s", je.text, r->ioerr ? " (input cut short)" : "");
        return finish(r, a);
    }
    if (!json_is_object(o)) {
        bad(r, a, "JSON line is not an object");
        json_decref(o);
        return finish(r, a);
    }
    size_t n;
    const char *z;
    json_t *id = json_object_get(o, "id");
    if (json_is_string(id)) snprintf(r->id, sizeof r->id, "%s", json_string_value(id));
    else if (json_is_integer(id)) snprintf(r->id, sizeof r->id, "%lld", (long long)json_integer_value(id));
    json_t *dv = json_object_get(o, "date");
    if (json_is_string(dv) && json_string_length(dv) > 0) {  /* "" = undated, like null */
        z = json_string_value(dv);
        n = json_string_length(dv);
        if (n >= 10 && ing_valid_date(z, 10) && (n == 10 || z[10] == 'T' || z[10] == ' '))
            memcpy(r->date, z, 10), r->date[10] = '\0';
        else bad(r, a, "bad date '%.*s' (want YYYY-MM-DD)", (int)(n > 40 ? 40 : n), z);
    } else if (dv && !json_is_null(dv) && !json_is_string(dv)) bad(r, a, "\"date\" is not a string");
    if ((z = jstr(o, "title", &n)) && sb_put(&r->title, z, n) < 0) { json_decref(o); return DYAD_NOMEM; }
    if ((z = jstr(o, "source", &n))) {
        char *s = NULL;
        if (dyad_normalize(z, n, DYAD_NORM_DEFAULT, &s, NULL, NULL) != DYAD_OK) { json_decref(o); return DYAD_NOMEM; }
        r->source = s;
    }
    if ((z = jstr(o, "text", &n))) {
        if (sb_put(&r->text, z, n) < 0) { json_decref(o); return DYAD_NOMEM; }
    } else bad(r, a, "no \"text\" string");
    json_decref(o);
    return finish(r, a);
}

/* Plain text: the whole input is one article. */
static dyad_status next_text(dyad_reader *r, dyad_article *a) {
    size_t cap = r->opts.max_article + 1;
    int k, any = 0;
    begin(r, a);
    while ((k = read_line(r, cap)) == 1) {
        any = 1;
        if (r->line_over) bad(r, a, "line %ld over %zu bytes (article skipped)", r->lineno, r->opts.max_article);
        else if (add_text(r, a, r->line.p, r->line.n) < 0) return DYAD_NOMEM;
    }
    if (k < 0) return DYAD_NOMEM;
    r->done = 1;
    if (r->ioerr) {
        bad(r, a, "%s (article cut short)", strchr(r->errmsg, ' ') ? strchr(r->errmsg, ' ') + 1 : r->errmsg);
        any = 1;
    }
    if (!any) return DYAD_ENOTFOUND;
    return finish(r, a);
}

dyad_status dyad_reader_next(dyad_reader *r, dyad_article *a) {
    if (!r || !r->gz) return DYAD_EINVAL;
    if (r->done) return DYAD_ENOTFOUND;
    switch (r->opts.format) {
    case DYAD_INPUT_JSONL: return next_jsonl(r, a);
    case DYAD_INPUT_TEXT: return next_text(r, a);
    default: return next_articles(r, a);
    }
}
