/*
** cmd_eval.c: `dyad eval GOLD.jsonl`, the coder measured on hand-coded
** sentences (docs/eval.md). Each gold sentence is coded as its own
** one-sentence article (id, date, text) through the driver of `dyad code`
** (dyad_engine + dyad_doc, duplicate filter off), and the events are scored
** as ../shared/tools/score-news scores them: per sentence, the sets of
** (source[:3], target[:3], code[:2]) triples; micro precision, recall and F1
** over all sentences, for triples and for roots alone; and the share of
** no-event sentences where nothing was reported.
*/
#include "cli.h"
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f) {
    fputs("usage: dyad eval GOLD.jsonl [--dicts DIR] [--model FILE] [--coder news|p1]\n"
          "                 [--json] [-v]\n\n"
          "Codes each sentence of a gold file (one JSON object a line: id, date, text,\n"
          "events [{source, target, code}]; docs/eval.md) as its own article, as\n"
          "`dyad code --input jsonl --no-filter` does, and scores the events as\n"
          "score-news does: per sentence the sets of (source[:3], target[:3], code[:2])\n"
          "triples. Prints the line\n"
          "  triples P/R/F1 p/r/f roots P/R/F1 p/r/f quiet q/n (n gold events, n reported)\n"
          "then the triples by CAMEO root (gold, reported, correct, P, R).\n"
          "  --dicts DIR    dictionaries (default $DYAD_DICTS, else ./dicts; production set)\n"
          "  --model FILE   parser model (default $DYAD_MODEL, else models/en_ewt.dyadm)\n"
          "  --coder NAME   news (default, as dyad code) or p1 (PETRARCH-1's semantics)\n"
          "  --json         one JSON object with every figure instead\n"
          "  -v             also each sentence whose triples differ from the gold: id,\n"
          "                 text, gold and reported triples, each event's evidence\n"
          "A malformed gold line stops the run with file:line: message (exit 2).\n", f);
}

/* A triple as score-news forms it: first 3 characters of the source and
** target codes (upper case), first 2 of the event code (stripped). */
typedef struct trip { char s[16], t[16], r[12]; } trip;

typedef struct gold {
    char *id, *text;      /* OWNED */
    char date[11];
    long line;
    trip *g;              /* the gold triples, a set */
    int ng;
} gold;

typedef struct rootcount { char root[12]; long gold, reported, correct; } rootcount;

typedef struct tally {
    long tp, ng, np, rtp, rng, rnp, quiet, nquiet;
    rootcount *roots;
    int nroots, cap;
} tally;

/* The first n UTF-8 characters of z (upper-cased where ASCII) into out. */
static void first_chars(char *out, size_t cap, const char *z, size_t len, int n, int upper) {
    size_t o = 0;
    int chars = 0;
    for (size_t i = 0; i < len && o + 1 < cap; i++) {
        unsigned char c = (unsigned char)z[i];
        if ((c & 0xC0) != 0x80 && chars++ == n) break;   /* a new character */
        out[o++] = upper ? (char)toupper(c) : (char)c;
    }
    out[o] = '\0';
}

static void make_trip(trip *t, const char *src, const char *tgt, const char *code) {
    first_chars(t->s, sizeof t->s, src, strlen(src), 3, 1);
    first_chars(t->t, sizeof t->t, tgt, strlen(tgt), 3, 1);
    size_t n = strlen(code);
    while (n && isspace((unsigned char)code[n - 1])) n--;
    while (n && isspace((unsigned char)*code)) { code++; n--; }
    first_chars(t->r, sizeof t->r, code, n, 2, 0);
}

static int trip_cmp(const void *a, const void *b) {
    const trip *x = a, *y = b;
    int r = strcmp(x->s, y->s);
    if (!r) r = strcmp(x->t, y->t);
    if (!r) r = strcmp(x->r, y->r);
    return r;
}

/* Sort and drop duplicates: a set. */
static int trip_set(trip *t, int n) {
    if (n <= 1) return n;
    qsort(t, (size_t)n, sizeof *t, trip_cmp);
    int m = 1;
    for (int i = 1; i < n; i++) if (trip_cmp(&t[i], &t[m - 1])) t[m++] = t[i];
    return m;
}

static int has_trip(const trip *t, int n, const trip *x) {
    for (int i = 0; i < n; i++) if (!trip_cmp(&t[i], x)) return 1;
    return 0;
}

static int has_root(const trip *t, int n, int upto, const char *r) {
    for (int i = 0; i < n && i < upto; i++) if (!strcmp(t[i].r, r)) return 1;
    return 0;
}

static rootcount *root_of(tally *ty, const char *r) {
    for (int i = 0; i < ty->nroots; i++) if (!strcmp(ty->roots[i].root, r)) return &ty->roots[i];
    if (ty->nroots == ty->cap) {
        int cap = ty->cap ? ty->cap * 2 : 32;
        rootcount *p = realloc(ty->roots, (size_t)cap * sizeof *p);
        if (!p) return NULL;
        ty->roots = p;
        ty->cap = cap;
    }
    rootcount *rc = &ty->roots[ty->nroots++];
    memset(rc, 0, sizeof *rc);
    snprintf(rc->root, sizeof rc->root, "%s", r);
    return rc;
}

/* Add one sentence: gold set G, reported set S (both sets). 0 on no memory. */
static int score_sentence(tally *ty, const trip *G, int ng, const trip *S, int ns) {
    for (int i = 0; i < ng; i++) {
        rootcount *rc = root_of(ty, G[i].r);
        if (!rc) return 0;
        rc->gold++;
        if (has_trip(S, ns, &G[i])) { ty->tp++; rc->correct++; }
    }
    for (int i = 0; i < ns; i++) {
        rootcount *rc = root_of(ty, S[i].r);
        if (!rc) return 0;
        rc->reported++;
    }
    ty->ng += ng;
    ty->np += ns;
    /* roots alone: the sets of roots */
    for (int i = 0; i < ng; i++) {
        if (has_root(G, ng, i, G[i].r)) continue;
        ty->rng++;
        if (has_root(S, ns, ns, G[i].r)) ty->rtp++;
    }
    for (int i = 0; i < ns; i++) if (!has_root(S, ns, i, S[i].r)) ty->rnp++;
    if (ng == 0) {
        ty->nquiet++;
        if (ns == 0) ty->quiet++;
    }
    return 1;
}

static double ratio(long a, long b) { return b ? (double)a / (double)b : 0.0; }

/* P/R/F1 as score-news computes them (same operations, same rounding). */
static void prf(long tp, long ng, long np, double *p, double *r, double *f) {
    *p = ratio(tp, np);
    *r = ratio(tp, ng);
    *f = *p + *r != 0.0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

static void summary_line(const tally *ty, char *out, size_t cap) {
    double p, r, f, rp, rr, rf;
    prf(ty->tp, ty->ng, ty->np, &p, &r, &f);
    prf(ty->rtp, ty->rng, ty->rnp, &rp, &rr, &rf);
    snprintf(out, cap, "triples P/R/F1 %.3f/%.3f/%.3f roots P/R/F1 %.3f/%.3f/%.3f quiet %ld/%ld "
             "(%ld gold events, %ld reported)", p, r, f, rp, rr, rf, ty->quiet, ty->nquiet, ty->ng, ty->np);
}

/* ---------------------------------------------------------------- gold file */

static int valid_date(const char *z, size_t n) {
    if (n != 10 || z[4] != '-' || z[7] != '-') return 0;
    for (int i = 0; i < 10; i++) if (i != 4 && i != 7 && !isdigit((unsigned char)z[i])) return 0;
    int y = atoi(z), m = atoi(z + 5), d = atoi(z + 8);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

/* A code field of an event: string, integer (as score-news's str()), null or absent. */
static int code_field(json_t *ev, const char *key, char *out, size_t cap) {
    json_t *v = json_object_get(ev, key);
    out[0] = '\0';
    if (!v || json_is_null(v)) return 1;
    if (json_is_string(v)) { snprintf(out, cap, "%s", json_string_value(v)); return 1; }
    if (json_is_integer(v)) { snprintf(out, cap, "%lld", (long long)json_integer_value(v)); return 1; }
    return 0;
}

typedef struct golds { gold *g; int n, cap; } golds;

static void golds_free(golds *gs) {
    for (int i = 0; i < gs->n; i++) { free(gs->g[i].id); free(gs->g[i].text); free(gs->g[i].g); }
    free(gs->g);
}

/* One gold line into *g; NULL, or the error message (in err). */
static const char *read_line(json_t *o, gold *g, char *err, size_t nerr) {
    if (!json_is_object(o)) return "a gold line is a JSON object";
    json_t *id = json_object_get(o, "id");
    if (!json_is_string(id) || !json_string_length(id)) return "no \"id\" string";
    json_t *text = json_object_get(o, "text");
    if (!json_is_string(text)) return "no \"text\" string";
    if (!json_string_length(text)) return "empty \"text\"";
    json_t *date = json_object_get(o, "date");
    if (!json_is_string(date)) return "no \"date\" (YYYY-MM-DD)";
    const char *dz = json_string_value(date);
    size_t dn = json_string_length(date);
    if (!(dn >= 10 && valid_date(dz, 10) && (dn == 10 || dz[10] == 'T' || dz[10] == ' '))) {
        snprintf(err, nerr, "bad date '%.40s' (want YYYY-MM-DD)", dz);
        return err;
    }
    memcpy(g->date, dz, 10);
    g->date[10] = '\0';
    json_t *evs = json_object_get(o, "events");
    if (evs && !json_is_null(evs) && !json_is_array(evs)) return "\"events\" is not a list";
    size_t nev = json_is_array(evs) ? json_array_size(evs) : 0;
    g->g = malloc((nev + 1) * sizeof *g->g);
    if (!g->g) return "out of memory";
    for (size_t k = 0; k < nev; k++) {
        json_t *e = json_array_get(evs, k);
        char src[256], tgt[256], code[64];
        if (!json_is_object(e)) { snprintf(err, nerr, "event %zu is not an object", k + 1); return err; }
        static const char *keys[] = {"source", "target", "code"};
        char *bufs[] = {src, tgt, code};
        size_t caps[] = {sizeof src, sizeof tgt, sizeof code};
        for (int q = 0; q < 3; q++)
            if (!code_field(e, keys[q], bufs[q], caps[q])) {
                snprintf(err, nerr, "event %zu: \"%s\" is not a string", k + 1, keys[q]);
                return err;
            }
        trip t;
        make_trip(&t, src, tgt, code);
        if (t.r[0]) g->g[g->ng++] = t;   /* an event without a code is not counted */
    }
    g->ng = trip_set(g->g, g->ng);
    g->id = strdup(json_string_value(id));
    /* the text as the article reader hands it out: trailing space cut, normalized */
    const char *tz = json_string_value(text);
    size_t tn = json_string_length(text);
    while (tn && isspace((unsigned char)tz[tn - 1])) tn--;
    if (!g->id || dyad_normalize(tz, tn, DYAD_NORM_DEFAULT, &g->text, NULL, NULL) != DYAD_OK)
        return "out of memory";
    return NULL;
}

/* Read the whole gold file; on a bad line print file:line: message. Exit status. */
static int read_gold(const char *path, golds *gs) {
    FILE *f = fopen(path, "rb");
    if (!f) { cli_error("eval: %s: cannot open", path); return EXIT_FAIL; }
    char *line = NULL, err[256];
    size_t lcap = 0;
    ssize_t len;
    long lineno = 0;
    int rc = EXIT_OK_;
    while (rc == EXIT_OK_ && (len = getline(&line, &lcap, f)) >= 0) {
        lineno++;
        size_t n = (size_t)len;
        while (n && isspace((unsigned char)line[n - 1])) n--;
        size_t b = 0;
        while (b < n && isspace((unsigned char)line[b])) b++;
        if (b == n) continue;   /* blank line */
        /* repair the bytes first, as the article reader does (jansson refuses bad UTF-8) */
        char *fixed = NULL;
        size_t nfixed = 0;
        if (dyad_normalize(line + b, n - b, 0, &fixed, &nfixed, NULL) != DYAD_OK) { rc = EXIT_FAIL; break; }
        json_error_t je;
        json_t *o = json_loadb(fixed, nfixed, JSON_ALLOW_NUL, &je);
        dyad_free(fixed);
        if (!o) { cli_error("%s:%ld: bad JSON: %s", path, lineno, je.text); rc = EXIT_DATA; break; }
        if (gs->n == gs->cap) {
            int cap = gs->cap ? gs->cap * 2 : 256;
            gold *p = realloc(gs->g, (size_t)cap * sizeof *p);
            if (!p) { json_decref(o); rc = EXIT_FAIL; break; }
            gs->g = p;
            gs->cap = cap;
        }
        gold *g = &gs->g[gs->n++];
        memset(g, 0, sizeof *g);
        g->line = lineno;
        const char *msg = read_line(o, g, err, sizeof err);
        json_decref(o);
        for (int i = 0; !msg && i < gs->n - 1; i++)
            if (!strcmp(gs->g[i].id, g->id)) {
                snprintf(err, sizeof err, "duplicate id \"%.100s\" (first on line %ld)", g->id, gs->g[i].line);
                msg = err;
            }
        if (msg) { cli_error("%s:%ld: %s", path, lineno, msg); rc = EXIT_DATA; }
    }
    if (rc == EXIT_OK_ && ferror(f)) { cli_error("eval: %s: read error", path); rc = EXIT_FAIL; }
    if (rc == EXIT_OK_ && gs->n == 0) { cli_error("%s: no gold sentences", path); rc = EXIT_DATA; }
    free(line);
    fclose(f);
    return rc;
}

/* ---------------------------------------------------------------- output */

static json_t *trips_json(const trip *t, int n) {
    json_t *a = json_array();
    for (int i = 0; i < n; i++) json_array_append_new(a, json_pack("[sss]", t[i].s, t[i].t, t[i].r));
    return a;
}

/* A differing sentence, for -v: as text into f, or as JSON into arr. */
static void show_sentence(FILE *f, json_t *arr, const char *path, const gold *g, const trip *S, int ns,
                          const dyad_doc *doc) {
    size_t nev = dyad_doc_nevents(doc);
    if (arr) {
        json_t *o = json_object(), *evs = json_array();
        json_object_set_new(o, "id", json_string(g->id));
        json_object_set_new(o, "line", json_integer(g->line));
        json_object_set_new(o, "text", json_string(g->text));
        json_object_set_new(o, "gold", trips_json(g->g, g->ng));
        json_object_set_new(o, "reported", trips_json(S, ns));
        for (size_t k = 0; k < nev; k++) {
            const dyad_coded *c = dyad_doc_event(doc, k);
            json_array_append_new(evs, json_pack("{ss ss ss ss ss ss ss ss ss}", "source", c->source,
                                                 "target", c->target, "code", c->code,
                                                 "source_text", c->source_text, "target_text", c->target_text,
                                                 "verb_text", c->verb_text, "source_entry", c->source_entry,
                                                 "target_entry", c->target_entry, "pattern", c->pattern));
        }
        json_object_set_new(o, "events", evs);
        json_array_append_new(arr, o);
        return;
    }
    fprintf(f, "\n%s (%s:%ld)\n  text: ", g->id, path, g->line);
    for (const char *q = g->text; *q; q++) fputc(*q == '\n' ? ' ' : *q, f);
    fputs("\n  gold:", f);
    for (int i = 0; i < g->ng; i++) fprintf(f, " %s|%s|%s", g->g[i].s, g->g[i].t, g->g[i].r);
    if (!g->ng) fputs(" (none)", f);
    fputs("\n  reported:", f);
    for (int i = 0; i < ns; i++) fprintf(f, " %s|%s|%s", S[i].s, S[i].t, S[i].r);
    if (!ns) fputs(" (none)", f);
    fputc('\n', f);
    for (size_t k = 0; k < nev; k++) {
        const dyad_coded *c = dyad_doc_event(doc, k);
        fprintf(f, "  event %s|%s|%s: source \"%s\" [%s], verb \"%s\", target \"%s\" [%s], pattern %s\n",
                c->source, c->target, c->code, c->source_text, c->source_entry, c->verb_text,
                c->target_text, c->target_entry, c->pattern);
    }
}

static int root_cmp(const void *a, const void *b) {
    return strcmp(((const rootcount *)a)->root, ((const rootcount *)b)->root);
}

static const char *root_name(const char *root) {
    const dyad_cameo_code *c = dyad_cameo_lookup(root);
    return c ? c->root_name : "";
}

static void print_text(const tally *ty, const char *line) {
    printf("%s\n\ntriples by CAMEO root (a triple is correct when the gold has it)\n", line);
    printf("%-4s %-38s %6s %8s %7s %6s %6s\n", "root", "name", "gold", "reported", "correct", "P", "R");
    for (int i = 0; i < ty->nroots; i++) {
        const rootcount *rc = &ty->roots[i];
        printf("%-4s %-38s %6ld %8ld %7ld %6.3f %6.3f\n", rc->root, root_name(rc->root), rc->gold,
               rc->reported, rc->correct, ratio(rc->correct, rc->reported), ratio(rc->correct, rc->gold));
    }
    printf("%-4s %-38s %6ld %8ld %7ld %6.3f %6.3f\n", "all", "", ty->ng, ty->np, ty->tp,
           ratio(ty->tp, ty->np), ratio(ty->tp, ty->ng));
}

static json_t *prf_json(long tp, long ng, long np) {
    double p, r, f;
    prf(tp, ng, np, &p, &r, &f);
    return json_pack("{sf sf sf sI sI sI}", "p", p, "r", r, "f1", f, "correct", (json_int_t)tp,
                     "gold", (json_int_t)ng, "reported", (json_int_t)np);
}

static int print_json(const tally *ty, const char *line, const char *path, int nsent, long failed,
                      json_t *differing) {
    json_t *roots = json_array();
    for (int i = 0; i < ty->nroots; i++) {
        const rootcount *rc = &ty->roots[i];
        json_array_append_new(roots, json_pack("{ss ss sI sI sI sf sf}", "root", rc->root, "name",
                                               root_name(rc->root), "gold", (json_int_t)rc->gold,
                                               "reported", (json_int_t)rc->reported, "correct",
                                               (json_int_t)rc->correct, "p", ratio(rc->correct, rc->reported),
                                               "r", ratio(rc->correct, rc->gold)));
    }
    json_t *o = json_object();
    json_object_set_new(o, "gold_file", json_string(path));
    json_object_set_new(o, "summary", json_string(line));
    json_object_set_new(o, "sentences", json_integer(nsent));
    json_object_set_new(o, "triples", prf_json(ty->tp, ty->ng, ty->np));
    json_object_set_new(o, "roots", prf_json(ty->rtp, ty->rng, ty->rnp));
    json_object_set_new(o, "quiet", json_pack("{sI sI}", "quiet", (json_int_t)ty->quiet,
                                              "no_event_sentences", (json_int_t)ty->nquiet));
    json_object_set_new(o, "by_root", roots);
    json_object_set_new(o, "failed_articles", json_integer(failed));
    if (differing) json_object_set(o, "differing", differing);
    int rc = json_dumpf(o, stdout, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    json_decref(o);
    return rc == 0 && putchar('\n') != EOF;
}

/* ---------------------------------------------------------------- command */

int cmd_eval(int argc, char **argv) {
    const char *file = NULL, *dicts = NULL, *model = NULL, *coder = "news";
    int json = 0, verbose = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return 0; }
        if (cli_opt_value(argc, argv, &i, "--dicts", &dicts)) continue;
        if (cli_opt_value(argc, argv, &i, "--model", &model)) continue;
        if (cli_opt_value(argc, argv, &i, "--coder", &coder)) continue;
        if (!strcmp(a, "--json")) { json = 1; continue; }
        if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) { verbose = 1; continue; }
        if (a[0] == '-' && a[1]) { cli_error("eval: unknown option %s", a); usage(stderr); return EXIT_USAGE; }
        if (file) { cli_error("eval: only one GOLD file"); return EXIT_USAGE; }
        file = a;
    }
    if (!file) { usage(stderr); return EXIT_USAGE; }
    if (strcmp(coder, "news") && strcmp(coder, "p1")) { cli_error("eval: --coder must be `news` or `p1`"); return EXIT_USAGE; }
    golds gs = {0};
    int rc = read_gold(file, &gs);
    if (rc) { golds_free(&gs); return rc; }
    /* the engine of `dyad code --no-filter`: production dictionaries, default model */
    dyad_engine_opts eo;
    dyad_engine_opts_default(&eo);
    eo.dicts_dir = cli_dicts_dir(dicts);
    eo.model_path = model ? model : getenv("DYAD_MODEL");
    eo.filter = 0;
    eo.coder = !strcmp(coder, "p1") ? DYAD_CODER_P1 : DYAD_CODER_NEWS;
    dyad_engine *eng = NULL;
    char err[1024];
    dyad_status st = dyad_engine_open(&eo, &eng, err, sizeof err);
    if (st) {
        cli_error("eval: %s%s", err, strncmp(err, "model", 5) ? " (dictionaries: --dicts DIR, or `make dicts`)"
                                                              : " (or --model FILE)");
        golds_free(&gs);
        return cli_exit_status(st);
    }
    dyad_doc *doc = dyad_doc_new(eng);
    tally ty = {0};
    trip *S = NULL;
    int scap = 0;
    long failed = 0;
    char *vbuf = NULL;            /* -v text, printed after the figures */
    size_t vlen = 0;
    FILE *vf = verbose && !json ? open_memstream(&vbuf, &vlen) : NULL;
    json_t *differing = verbose && json ? json_array() : NULL;
    if (!doc || (verbose && !json && !vf)) { cli_error("out of memory"); rc = EXIT_FAIL; goto out; }
    for (int i = 0; i < gs.n; i++) {
        const gold *g = &gs.g[i];
        dyad_article a;
        memset(&a, 0, sizeof a);
        a.id = g->id;
        a.date = g->date;
        a.title = a.source = "";
        a.text = g->text;
        a.text_len = strlen(g->text);
        a.file = file;
        a.line = g->line;
        a.index = i + 1;
        if (dyad_doc_code(doc, &a) == DYAD_NOMEM) { cli_error("out of memory"); rc = EXIT_FAIL; goto out; }
        if (dyad_doc_error(doc)) {
            failed++;
            cli_error("%s (%s:%ld): %s", g->id, file, g->line, dyad_doc_error(doc));
        }
        size_t nev = dyad_doc_nevents(doc);
        if ((int)nev + 1 > scap) {
            scap = (int)nev + 16;
            trip *p = realloc(S, (size_t)scap * sizeof *p);
            if (!p) { cli_error("out of memory"); rc = EXIT_FAIL; goto out; }
            S = p;
        }
        int ns = 0;
        for (size_t k = 0; k < nev; k++) {
            const dyad_coded *c = dyad_doc_event(doc, k);
            make_trip(&S[ns], c->source, c->target, c->code);
            if (S[ns].r[0] && S[ns].r[0] != '-') ns++;   /* as score-news: no code, no event */
        }
        ns = trip_set(S, ns);
        if (!score_sentence(&ty, g->g, g->ng, S, ns)) { cli_error("out of memory"); rc = EXIT_FAIL; goto out; }
        int same = ns == g->ng;
        for (int k = 0; same && k < ns; k++) if (trip_cmp(&S[k], &g->g[k])) same = 0;
        if (verbose && !same) show_sentence(vf, differing, file, g, S, ns, doc);
    }
    qsort(ty.roots, (size_t)ty.nroots, sizeof *ty.roots, root_cmp);
    char line[512];
    summary_line(&ty, line, sizeof line);
    if (json) {
        if (!print_json(&ty, line, file, gs.n, failed, differing)) rc = EXIT_FAIL;
    } else {
        print_text(&ty, line);
        if (vf) {
            fclose(vf);
            vf = NULL;
            if (vlen) printf("\nsentences whose triples differ from the gold:\n");
            fwrite(vbuf, 1, vlen, stdout);
        }
    }
    if (fflush(stdout) != 0) rc = EXIT_FAIL;
    if (!rc && failed) rc = EXIT_FAIL;
out:
    if (vf) fclose(vf);
    free(vbuf);
    json_decref(differing);
    free(S);
    free(ty.roots);
    dyad_doc_free(doc);
    dyad_engine_free(eng);
    golds_free(&gs);
    return rc;
}
