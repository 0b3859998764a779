/*
** code_articles.c: `dyad code [FILE...]`, the main job: articles in (text,
** JSONL, plain text; files, stdin, gzip), events out (JSONL, TSV, Phoenix).
** Articles are coded in batches by -j worker threads, each with its own
** dyad_doc; output is written in input order, so -j never changes it.
*/
#include "cli.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define BATCH 64

static void usage(FILE *f) {
    fputs("usage: dyad code [OPTIONS] [FILE...]          (stdin when no FILE)\n"
          "       dyad code --parsed FILE.xml [...]       (pre-parsed sentences: see --parsed --help)\n\n"
          "Codes news articles into CAMEO events: segment, tag+parse, code, resolve.\n"
          "  --input FMT        articles (`date YYYY-MM-DD` + text, articles split by\n"
          "                     a form-feed line), jsonl (id, date, title, text,\n"
          "                     source), text (the whole input one article); default:\n"
          "                     jsonl for files named *.jsonl[.gz], else articles\n"
          "  --date YYYY-MM-DD  publication date for --input text / undated articles\n"
          "  --format FMT       jsonl (default; with evidence), tsv (PETRARCH2 event\n"
          "                     file columns), phoenix (Phoenix data set columns),\n"
          "                     text (readable, for people)\n"
          "  --dicts DIR        dictionaries (default $DYAD_DICTS, else ./dicts)\n"
          "  --set NAME         production (default) or validate\n"
          "  --model FILE       parser model (default $DYAD_MODEL, else models/en_ewt.dyadm)\n"
          "  --no-filter        keep duplicate (date, source, target, code) events\n"
          "  --coder NAME       news (default): the UD coder for real news (docs/coder.md);\n"
          "                     p1: PETRARCH-1's semantics, as the validation suite expects\n"
          "  --no-nominal       code verbs only, not event nouns (\"the visit of X to Y\")\n"
          "  -j N               worker threads (default 1); output order is unchanged\n"
          "  --max-tokens N     skip (and count) sentences longer than N tokens (250)\n"
          "  --article-seconds S  per-article time cap (30)\n"
          "  --quiet            no progress line even on a terminal\n"
          "Gzip input is detected. Bad articles become error records (JSONL) and are\n"
          "counted; the run ends with a summary on stderr and exits 1 if any failed.\n", f);
}

typedef struct job {
    dyad_article a;           /* strings below are owned copies */
    char *buf[6];
    char *out;                /* the article's output lines */
    size_t outlen;
    const char *error;        /* copy in errbuf */
    char errbuf[512];
    dyad_doc_stats st;
    size_t nev;
} job;

typedef struct run {
    const dyad_engine *eng;
    dyad_out_format fmt;
    job *jobs;
    int njobs;
    atomic_int next;
    int nomem;
} run;

static int job_fill(job *j, const dyad_article *a) {
    memset(j, 0, sizeof *j);
    j->a = *a;
    const char *src[6] = {a->id, a->date, a->title, a->text, a->source, a->file};
    for (int k = 0; k < 6; k++)
        if (!(j->buf[k] = dyad_strdup(src[k]))) return 0;
    j->a.id = j->buf[0]; j->a.date = j->buf[1]; j->a.title = j->buf[2];
    j->a.text = j->buf[3]; j->a.source = j->buf[4]; j->a.file = j->buf[5];
    if (a->error) { snprintf(j->errbuf, sizeof j->errbuf, "%s", a->error); j->a.error = j->errbuf; }
    return 1;
}

static void job_clear(job *j) {
    for (int k = 0; k < 6; k++) dyad_free(j->buf[k]);
    free(j->out);
    memset(j, 0, sizeof *j);
}

static void code_job(run *r, dyad_doc *d, job *j) {
    FILE *mf = open_memstream(&j->out, &j->outlen);
    if (!mf) { r->nomem = 1; return; }
    if (dyad_doc_code(d, &j->a) == DYAD_NOMEM) r->nomem = 1;
    j->st = *dyad_doc_get_stats(d);
    j->nev = dyad_doc_nevents(d);
    for (size_t i = 0; i < j->nev; i++) dyad_write_event(mf, r->fmt, dyad_doc_event(d, i));
    const char *err = dyad_doc_error(d);
    if (err) {
        snprintf(j->errbuf, sizeof j->errbuf, "%s", err);
        j->error = j->errbuf;
        dyad_write_error(mf, r->fmt, &j->a, err);
    }
    fclose(mf);
}

typedef struct worker { run *r; dyad_doc *doc; } worker;

static void *work(void *arg) {
    worker *w = arg;
    for (;;) {
        int i = atomic_fetch_add(&w->r->next, 1);
        if (i >= w->r->njobs) break;
        code_job(w->r, w->doc, &w->r->jobs[i]);
    }
    return NULL;
}

typedef struct totals {
    long articles, coded, failed, sentences, events, skipped_long, skipped_time, failed_sent, filtered;
    long inputs_failed;
    double t0;
} totals;

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Code the batch with all workers, then write it in order and free it. */
static int flush_batch(run *r, worker *w, int nw, totals *t, int progress) {
    atomic_store(&r->next, 0);
    pthread_t tid[64];
    int started = 0;
    for (int k = 1; k < nw; k++)
        if (pthread_create(&tid[k], NULL, work, &w[k]) == 0) started = k; else break;
    work(&w[0]);
    for (int k = 1; k <= started; k++) pthread_join(tid[k], NULL);
    for (int i = 0; i < r->njobs; i++) {
        job *j = &r->jobs[i];
        if (j->outlen) fwrite(j->out, 1, j->outlen, stdout);
        t->articles++;
        if (j->error) {
            t->failed++;
            if (strstr(j->error, j->a.id))   /* the id is file:line, which the message says */
                fprintf(stderr, "dyad: %s\n", j->error);
            else if (strstr(j->error, j->a.file))  /* the reader's messages say file:line already */
                fprintf(stderr, "dyad: %s: %s\n", j->a.id, j->error);
            else
                fprintf(stderr, "dyad: %s (%s:%ld): %s\n", j->a.id, j->a.file, j->a.line, j->error);
        } else t->coded++;
        t->sentences += (long)j->st.sentences;
        t->events += (long)j->nev;
        t->skipped_long += (long)j->st.skipped_long;
        t->skipped_time += (long)j->st.skipped_time;
        t->failed_sent += (long)j->st.failed;
        t->filtered += (long)j->st.filtered;
        job_clear(j);
    }
    r->njobs = 0;
    if (progress) {
        double dt = now_s() - t->t0;
        fprintf(stderr, "\r%ld articles, %.0f articles/s, %ld events   ", t->articles,
                dt > 0 ? t->articles / dt : 0.0, t->events);
    }
    return r->nomem ? EXIT_FAIL : 0;
}

/* A file named *.jsonl, *.jsonl.gz or *.ndjson holds one JSON article a line. */
static int jsonl_name(const char *path) {
    static const char *ext[] = {".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"};
    size_t n = strlen(path);
    for (size_t k = 0; k < sizeof ext / sizeof *ext; k++) {
        size_t e = strlen(ext[k]);
        if (n > e && !strcmp(path + n - e, ext[k])) return 1;
    }
    return 0;
}

int cmd_code_articles(int argc, char **argv) {
    const char *input = NULL, *date = NULL, *fmt = "jsonl", *dicts = NULL, *set = NULL,
               *model = NULL, *jobs = "1", *maxtok = NULL, *secs = NULL, *coder = "news";
    int no_filter = 0, no_nominal = 0, quiet = 0, nfiles = 0;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) return EXIT_FAIL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); free(files); return 0; }
        if (cli_opt_value(argc, argv, &i, "--input", &input)) continue;
        if (cli_opt_value(argc, argv, &i, "--date", &date)) continue;
        if (cli_opt_value(argc, argv, &i, "--format", &fmt)) continue;
        if (cli_opt_value(argc, argv, &i, "--dicts", &dicts)) continue;
        if (cli_opt_value(argc, argv, &i, "--set", &set)) continue;
        if (cli_opt_value(argc, argv, &i, "--model", &model)) continue;
        if (cli_opt_value(argc, argv, &i, "-j", &jobs)) continue;
        if (cli_opt_value(argc, argv, &i, "--coder", &coder)) continue;
        if (cli_opt_value(argc, argv, &i, "--max-tokens", &maxtok)) continue;
        if (cli_opt_value(argc, argv, &i, "--article-seconds", &secs)) continue;
        if (!strcmp(a, "--no-filter")) { no_filter = 1; continue; }
        if (!strcmp(a, "--no-nominal")) { no_nominal = 1; continue; }
        if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) { quiet = 1; continue; }
        if (a[0] == '-' && a[1]) { cli_error("code: unknown option %s", a); usage(stderr); free(files); return EXIT_USAGE; }
        files[nfiles++] = a;
    }
    if (nfiles == 0) files[nfiles++] = "-";
    dyad_reader_opts ro = {0};
    if (!input) ro.format = DYAD_INPUT_ARTICLES;  /* per file below: *.jsonl[.gz] is JSONL */
    else if (!strcmp(input, "articles")) ro.format = DYAD_INPUT_ARTICLES;
    else if (!strcmp(input, "jsonl")) ro.format = DYAD_INPUT_JSONL;
    else if (!strcmp(input, "text")) ro.format = DYAD_INPUT_TEXT;
    else { cli_error("code: --input must be articles, jsonl or text"); free(files); return EXIT_USAGE; }
    ro.date = date;
    run r;
    memset(&r, 0, sizeof r);
    if (!strcmp(fmt, "jsonl")) r.fmt = DYAD_OUT_JSONL;
    else if (!strcmp(fmt, "tsv")) r.fmt = DYAD_OUT_TSV;
    else if (!strcmp(fmt, "phoenix")) r.fmt = DYAD_OUT_PHOENIX;
    else if (!strcmp(fmt, "text")) r.fmt = DYAD_OUT_TEXT;
    else { cli_error("code: --format must be jsonl, tsv, phoenix or text"); free(files); return EXIT_USAGE; }
    int nw = atoi(jobs);
    if (nw < 1 || nw > 64) { cli_error("code: -j must be 1..64"); free(files); return EXIT_USAGE; }

    dyad_engine_opts eo;
    dyad_engine_opts_default(&eo);
    eo.dicts_dir = cli_dicts_dir(dicts);
    eo.dict_set = set;
    eo.model_path = model ? model : getenv("DYAD_MODEL");   /* as dyad parse and dyad validate */
    eo.filter = !no_filter;
    eo.no_nominal = no_nominal;
    if (!strcmp(coder, "news")) eo.coder = DYAD_CODER_NEWS;
    else if (!strcmp(coder, "p1")) eo.coder = DYAD_CODER_P1;
    else { cli_error("code: --coder must be news or p1"); free(files); return EXIT_USAGE; }
    if (maxtok) eo.max_sentence_tokens = atoi(maxtok);
    if (secs) eo.article_seconds = atof(secs);
    dyad_engine *eng = NULL;
    char err[1024];
    dyad_status st = dyad_engine_open(&eo, &eng, err, sizeof err);
    if (st) {
        cli_error("code: %s%s", err,
                  strncmp(err, "model", 5) ? " (dictionaries: --dicts DIR, or `make dicts`)"
                                           : " (models/: `make model`, or --model FILE)");
        free(files);
        return cli_exit_status(st);
    }
    r.eng = eng;
    r.jobs = calloc(BATCH, sizeof *r.jobs);
    worker w[64];
    int ok = r.jobs != NULL;
    for (int k = 0; k < nw; k++) {
        w[k].r = &r;
        w[k].doc = dyad_doc_new(eng);
        if (!w[k].doc) ok = 0;
    }
    int rc = 0, progress = !quiet && isatty(2);
    totals t;
    memset(&t, 0, sizeof t);
    t.t0 = now_s();
    for (int fi = 0; ok && fi < nfiles && !rc; fi++) {
        dyad_reader *rd = NULL;
        if (!input) ro.format = jsonl_name(files[fi]) ? DYAD_INPUT_JSONL : DYAD_INPUT_ARTICLES;
        st = dyad_reader_open(files[fi], &ro, &rd);
        if (st) {
            cli_error("code: %s", rd ? dyad_reader_errmsg(rd) : dyad_strerror(st));
            t.inputs_failed++;
            dyad_reader_close(rd);
            continue;
        }
        dyad_article a;
        while ((st = dyad_reader_next(rd, &a)) == DYAD_OK) {
            if (!job_fill(&r.jobs[r.njobs++], &a)) { r.nomem = 1; break; }
            if (r.njobs == BATCH && (rc = flush_batch(&r, w, nw, &t, progress))) break;
        }
        if (st == DYAD_NOMEM) r.nomem = 1;
        dyad_reader_close(rd);
    }
    if (r.njobs && !rc) rc = flush_batch(&r, w, nw, &t, progress);
    if (progress) fputc('\n', stderr);
    if (!ok || r.nomem) { cli_error("code: out of memory"); rc = EXIT_FAIL; }
    fflush(stdout);
    double dt = now_s() - t.t0;
    fprintf(stderr,
            "dyad code: %ld articles read, %ld coded, %ld failed; %ld sentences (%ld too long, "
            "%ld not reached in time, %ld unparsable), %ld events (%ld duplicates filtered); "
            "%ld inputs unreadable; %.2f s\n",
            t.articles, t.coded, t.failed, t.sentences, t.skipped_long, t.skipped_time, t.failed_sent,
            t.events, t.filtered, t.inputs_failed, dt);
    for (int k = 0; k < nw; k++) dyad_doc_free(w[k].doc);
    free(r.jobs);
    free(files);
    dyad_engine_free(eng);
    if (rc) return rc;
    return t.failed || t.inputs_failed ? EXIT_FAIL : 0;
}
