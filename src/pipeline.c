/*
** pipeline.c: the end-to-end job, one article at a time:
**   segment -> tag+parse -> code -> resolve (event date, code tables, actor parts)
** A dyad_engine holds the read-only resources (dictionaries, model) shared by
** every thread; a dyad_doc is one worker's per-article state and results.
*/
#include "dyad.h"
#include "arena.h"
#include "pipeline.h"
#include "code_nominal.h"
#include "code_news.h"
#include "code.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

struct dyad_engine {
    const dyad_dicts *dicts;   /* own_dicts, or the caller's (opts.dicts) */
    dyad_dicts *own_dicts;
    dyad_model *model;         /* NULL with opts.no_model */
    dyad_code_opts code;
    dyad_engine_opts opts;
};

struct dyad_doc {
    const dyad_engine *eng;
    dyad_segmenter *seg;
    dyad_sentence *sent;
    dyad_coder *coder;
    nominal_coder *nominal;    /* event nouns (NULL with opts.no_nominal) */
    news_coder *news;          /* the news coder (opts.coder == DYAD_CODER_NEWS) */
    arena mem;                 /* per-article strings (reset per article) */
    dyad_coded *ev;            /* events of the current article */
    size_t nev, cap;
    dyad_doc_stats stats;
    const char *error;         /* article-level error, or NULL */
    dyad_code_opts code;       /* the engine's, unless dyad_doc_set_opts */
    int one_sentence;          /* dyad_doc_opts.one_sentence */
    dyad_sentence *part;       /* one_sentence: a segment, before joining */
    dyad_sentence *given;      /* dyad_doc_code_parsed: the caller's sentence, */
    const dyad_phrases *given_ps; /* its phrases */
    int given_tree;            /* 1: code its tree as given (no DYAD_DOC_PARSE) */
};

void dyad_engine_opts_default(dyad_engine_opts *o) {
    memset(o, 0, sizeof *o);
    o->max_sentence_tokens = 250;
    o->article_seconds = 30.0;
    o->filter = 1;
}

dyad_status dyad_engine_open(const dyad_engine_opts *o, dyad_engine **out, char *err, size_t nerr) {
    *out = NULL;
    if (nerr) err[0] = '\0';
    dyad_engine *e = dyad_calloc(1, sizeof *e);
    if (!e) return DYAD_NOMEM;
    if (o) e->opts = *o; else dyad_engine_opts_default(&e->opts);
    if (e->opts.max_sentence_tokens <= 0) e->opts.max_sentence_tokens = 250;
    if (e->opts.article_seconds <= 0) e->opts.article_seconds = 30.0;
    dyad_code_opts_default(&e->code);
    e->code.pronouns = 1;   /* news: bind pronouns to their antecedents (formats.md §8.3) */
    e->code.negation = 1;   /* news: "did not invade" is no event */
    const char *dir = e->opts.dicts_dir ? e->opts.dicts_dir : "dicts";
    dyad_status st = DYAD_OK;
    if (e->opts.dicts) e->dicts = e->opts.dicts;
    else st = dyad_dicts_open(dir, e->opts.dict_set, 0, &e->own_dicts);
    if (st) {
        snprintf(err, nerr, "dictionaries: %s", e->own_dicts ? dyad_dicts_errmsg(e->own_dicts) : dyad_strerror(st));
        dyad_engine_free(e);
        return st;
    }
    if (!e->dicts) e->dicts = e->own_dicts;
    if (e->opts.no_model) { *out = e; return DYAD_OK; }
    const char *mp = e->opts.model_path ? e->opts.model_path : "models/en_ewt.dyadm";
    char merr[512] = "";
    st = dyad_model_load(mp, &e->model, merr, sizeof merr);
    if (st) {
        snprintf(err, nerr, "model: %s", merr[0] ? merr : dyad_strerror(st));
        dyad_engine_free(e);
        return st;
    }
    *out = e;
    return DYAD_OK;
}

void dyad_engine_free(dyad_engine *e) {
    if (!e) return;
    dyad_dicts_free(e->own_dicts);
    dyad_model_free(e->model);
    dyad_free(e);
}

const dyad_dicts *dyad_engine_dicts(const dyad_engine *e) { return e->dicts; }

dyad_doc *dyad_doc_new(const dyad_engine *e) {
    dyad_doc *d = dyad_calloc(1, sizeof *d);
    if (!d) return NULL;
    d->eng = e;
    d->code = e->code;
    arena_init(&d->mem);
    d->seg = dyad_segmenter_new();
    d->sent = dyad_sentence_new();
    d->coder = dyad_coder_new(e->dicts);
    int news = e->opts.coder == DYAD_CODER_NEWS;
    if (news) d->news = news_new(e->dicts);
    if (!e->opts.no_nominal) d->nominal = nominal_new(e->dicts, NULL, 0, NULL, NULL, 0);
    if (!d->seg || !d->sent || !d->coder || (news && !d->news) ||
        (!e->opts.no_nominal && !d->nominal)) { dyad_doc_free(d); return NULL; }
    return d;
}

void dyad_doc_free(dyad_doc *d) {
    if (!d) return;
    dyad_segmenter_free(d->seg);
    dyad_sentence_free(d->sent);
    dyad_sentence_free(d->part);
    dyad_coder_free(d->coder);
    nominal_free(d->nominal);
    news_free(d->news);
    arena_free(&d->mem);
    dyad_free(d->ev);
    dyad_free(d);
}

size_t pipe_span_text(const char *text, const dyad_token *tok, int ntok, int a, int b,
                      char *buf, size_t cap) {
    if (cap == 0) return 0;
    buf[0] = '\0';
    if (a < 0 || b > ntok || a >= b) return 0;
    uint32_t s = tok[a].start, e = tok[b - 1].end;
    size_t n = e > s ? e - s : 0;
    if (n >= cap) n = cap - 1;
    memcpy(buf, text + s, n);
    buf[n] = '\0';
    return n;
}

static const char *keep(dyad_doc *d, const char *z, size_t n) {
    const char *p = arena_strndup(&d->mem, z ? z : "", z ? n : 0);
    if (!p) d->stats.nomem = 1;
    return p ? p : "";
}
static const char *keep0(dyad_doc *d, const char *z) { return keep(d, z, z ? strlen(z) : 0); }

/* The text of tokens [x,y) at byte span sp of the article; when the tokens
** carry no spans (a parse given as such), their forms joined by spaces. */
static const char *span_text(dyad_doc *d, const dyad_article *a, const dyad_token *t, int n,
                             int x, int y, dyad_span sp) {
    if (sp.end > sp.start && sp.end <= a->text_len) return keep(d, a->text + sp.start, sp.end - sp.start);
    if (x < 0 || y > n || x >= y) return "";
    size_t len = 0;
    for (int k = x; k < y; k++) len += strlen(t[k].form) + 1;
    char *p = arena_alloc(&d->mem, len);
    if (!p) { d->stats.nomem = 1; return ""; }
    char *q = p;
    for (int k = x; k < y; k++) {
        if (k > x) *q++ = ' ';
        size_t m = strlen(t[k].form);
        memcpy(q, t[k].form, m);
        q += m;
    }
    *q = '\0';
    return p;
}

/* Byte span of token span [a,b) in the article, or {0,0}. */
static dyad_span tok_span(const dyad_token *t, int n, int a, int b) {
    dyad_span sp = {0, 0};
    if (a >= 0 && b <= n && a < b) { sp.start = t[a].start; sp.end = t[b - 1].end; }
    return sp;
}

static int same_event(const dyad_coded *x, const dyad_coded *y) {
    return !strcmp(x->event_date, y->event_date) && !strcmp(x->source, y->source) &&
           !strcmp(x->target, y->target) && !strcmp(x->code, y->code);
}

static dyad_status add_event(dyad_doc *d, const dyad_article *a, int sentno, const dyad_seg_sentence *ss,
                             const dyad_when *when, const dyad_event *ev) {
    dyad_token *t = dyad_sentence_tokens(d->sent);
    int n = dyad_sentence_len(d->sent);
    dyad_coded c;
    memset(&c, 0, sizeof c);
    c.article_id = a->id;
    c.news_source = a->source;
    c.sentence = sentno;
    c.pub_date = a->date;
    memcpy(c.event_date, when->date, sizeof c.event_date);
    c.when = *when;
    c.source = keep0(d, ev->source);
    c.target = keep0(d, ev->target);
    c.code = keep0(d, ev->code);
    if (d->eng->opts.filter)
        for (size_t i = 0; i < d->nev; i++)
            if (same_event(&d->ev[i], &c)) { d->stats.filtered++; return DYAD_OK; }
    dyad_actor_split(c.source, &c.source_parts);
    dyad_actor_split(c.target, &c.target_parts);
    c.cameo = dyad_cameo_nearest(c.code);
    c.text = keep(d, a->text + ss->start, ss->end - ss->start);
    c.sent_span.start = ss->start;
    c.sent_span.end = ss->end;
    c.source_span = tok_span(t, n, ev->src_start, ev->src_end);
    c.target_span = tok_span(t, n, ev->tgt_start, ev->tgt_end);
    c.verb_span = tok_span(t, n, ev->verb_start, ev->verb_end);
    c.source_text = span_text(d, a, t, n, ev->src_start, ev->src_end, c.source_span);
    c.target_text = span_text(d, a, t, n, ev->tgt_start, ev->tgt_end, c.target_span);
    c.verb_text = span_text(d, a, t, n, ev->verb_start, ev->verb_end, c.verb_span);
    c.source_entry = keep0(d, ev->src_entry);
    c.target_entry = keep0(d, ev->tgt_entry);
    c.pattern = keep0(d, ev->pattern);
    c.issues = "";
    if (d->nev == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        dyad_coded *p = dyad_realloc(d->ev, cap * sizeof *p);
        if (!p) return DYAD_NOMEM;
        d->ev = p;
        d->cap = cap;
    }
    d->ev[d->nev++] = c;
    return DYAD_OK;
}

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* YYYY-MM-DD -> YYYYMMDD (the coder's date form); "" stays "". */
static void compact_date(const char *iso, char out[9]) {
    size_t k = 0;
    for (const char *p = iso; *p && k < 8; p++)
        if (*p >= '0' && *p <= '9') out[k++] = *p;
    out[k] = '\0';
}

/* Sentence i of the article into d->sent: the segmenter's; with one_sentence
** all its tokens as one; or a copy of the sentence given to dyad_doc_code_parsed. */
static dyad_status fill_sentence(dyad_doc *d, const dyad_article *a, size_t i) {
    if (!d->given && !d->one_sentence) return dyad_segment_fill(d->seg, a->text, i, d->sent);
    dyad_sentence_clear(d->sent);
    dyad_status st = DYAD_OK;
    if (d->given) {
        dyad_token *t = dyad_sentence_tokens(d->given);
        for (int k = 0; !st && k < dyad_sentence_len(d->given); k++) st = dyad_sentence_add(d->sent, &t[k]);
    } else {
        if (!d->part && !(d->part = dyad_sentence_new())) return DYAD_NOMEM;
        for (size_t j = 0; !st && j < dyad_segment_count(d->seg); j++) {
            st = dyad_segment_fill(d->seg, a->text, j, d->part);
            dyad_token *t = dyad_sentence_tokens(d->part);
            for (int k = 0; !st && k < dyad_sentence_len(d->part); k++) st = dyad_sentence_add(d->sent, &t[k]);
        }
    }
    return st ? st : dyad_sentence_set_text(d->sent, a->text);
}

dyad_status dyad_doc_code(dyad_doc *d, const dyad_article *a) {
    const dyad_engine *e = d->eng;
    arena_reset(&d->mem);
    d->nev = 0;
    d->error = NULL;
    memset(&d->stats, 0, sizeof d->stats);
    if (a->error) { d->error = keep0(d, a->error); return DYAD_OK; }
    if (!a->date[0]) { d->error = "no publication date"; return DYAD_OK; }
    if (!e->model && !d->given_tree) { d->error = "no parser model (the engine was opened without one)"; return DYAD_OK; }
    dyad_status st = d->given ? DYAD_OK : dyad_segment(d->seg, a->text, a->text_len);
    if (st) { d->error = dyad_strerror(st); return st == DYAD_NOMEM ? st : DYAD_OK; }
    char date8[9];
    compact_date(a->date, date8);
    news_begin_article(d->news);
    double t0 = now_s();
    size_t ns = d->given ? 1 : dyad_segment_count(d->seg);
    const dyad_seg_sentence *ss = dyad_segment_sentences(d->seg);
    dyad_seg_sentence whole;   /* the article as one sentence (given, one_sentence) */
    if (d->given || d->one_sentence) {
        size_t nt = d->given ? (size_t)dyad_sentence_len(d->given) : dyad_segment_ntokens(d->seg);
        whole = (dyad_seg_sentence){0, (uint32_t)a->text_len, 0, (uint32_t)nt, 0};
        ss = &whole;
        if (ns > 1) ns = 1;
    }
    for (size_t i = 0; i < ns; i++) {
        d->stats.sentences++;
        if (ss[i].flags & DYAD_SENT_DATELINE) { d->stats.skipped_dateline++; continue; }
        if (ss[i].ntok > (uint32_t)e->opts.max_sentence_tokens) { d->stats.skipped_long++; continue; }
        if (now_s() - t0 > e->opts.article_seconds) {
            d->stats.skipped_time += ns - i;
            d->error = "article time cap reached; later sentences not coded";
            break;
        }
        st = fill_sentence(d, a, i);
        if (!st && !d->given_tree) st = dyad_parse_sentence(e->model, d->sent);
        if (st == DYAD_NOMEM) return st;
        if (st) { d->stats.failed++; continue; }
        const dyad_event *ev;
        int nev = 0;
        const char *note = NULL;
        const char *stext = dyad_sentence_text(d->sent);
        const dyad_phrases *ps = d->given_tree ? d->given_ps : NULL;
        st = dyad_code_sentence(d->coder, d->sent, ps, date8, stext, &d->code, &ev, &nev, &note);
        if (d->news) {
            /* the PETRARCH-1 pass above finds discards and the phrases the
               nominal coder resolves actors on; its own events are not used */
            nev = 0;
            if (!st && !note) st = news_code(d->news, d->sent, date8, &ev, &nev);
        }
        if (st == DYAD_NOMEM) return st;
        if (st) { d->stats.failed++; continue; }
        if (note && !strcmp(note, "storydiscard")) {  /* the whole story is out */
            d->nev = 0;
            d->stats.story_discarded = 1;
            break;
        }
        const dyad_event *nom = NULL;   /* event nouns, after the verbs */
        int nnom = 0;
        if (d->nominal && !note) {
            st = nominal_code(d->nominal, d->coder, d->sent, date8, &nom, &nnom);
            if (st == DYAD_NOMEM) return st;
        }
        if (nev == 0 && nnom == 0) continue;
        dyad_when when;
        dyad_event_date(a->text + ss[i].start, ss[i].end - ss[i].start, a->date, &when);
        if (when.end > when.start) {  /* spans relative to the article */
            when.start += ss[i].start;
            when.end += ss[i].start;
        }
        size_t first = d->nev;
        for (int k = 0; k < nev; k++) {
            st = add_event(d, a, (int)i + 1, &ss[i], &when, &ev[k]);
            if (st) return st;
        }
        for (int k = 0; k < nnom; k++) {
            st = add_event(d, a, (int)i + 1, &ss[i], &when, &nom[k]);
            if (st) return st;
        }
        /* Issues last: the call reuses the coder's buffers that ev and nom point into. */
        const char *issues = keep0(d, dyad_code_issues(d->coder, stext));
        for (size_t k = first; k < d->nev; k++) d->ev[k].issues = issues;
    }
    return d->stats.nomem ? DYAD_NOMEM : DYAD_OK;
}

size_t dyad_doc_nevents(const dyad_doc *d) { return d->nev; }
const dyad_coded *dyad_doc_event(const dyad_doc *d, size_t i) { return i < d->nev ? &d->ev[i] : NULL; }
const dyad_doc_stats *dyad_doc_get_stats(const dyad_doc *d) { return &d->stats; }
const char *dyad_doc_error(const dyad_doc *d) { return d->error; }

void dyad_doc_set_opts(dyad_doc *d, const dyad_doc_opts *o) {
    d->code = o && o->code ? *o->code : d->eng->code;
    d->one_sentence = o ? o->one_sentence : 0;
}

dyad_status dyad_doc_code_parsed(dyad_doc *d, const dyad_article *a, dyad_sentence *s,
                                 const dyad_phrases *ps, unsigned flags) {
    if (!d || !a || !s) return DYAD_EINVAL;
    d->given = s;
    d->given_tree = !(flags & DYAD_DOC_PARSE);
    d->given_ps = ps;
    dyad_status st = dyad_doc_code(d, a);
    d->given = NULL;
    d->given_ps = NULL;
    d->given_tree = 0;
    return st;
}
