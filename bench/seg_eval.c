/*
** seg_eval.c: measure the segmenter on UD English EWT. Rebuilds each
** document's raw text from "# text", "# newdoc", "# newpar" and SpaceAfter=No,
** runs dyad_segment on it, and prints sentence F1 (exact span match), token
** F1 (exact span match) and throughput as `key: value` lines.
** usage: seg_eval [--errors N] FILE.conllu...
** (tests/unit/test_segment.c includes this file with SEG_EVAL_LIB defined
** to assert a floor on the same figures.)
*/
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct vec { dyad_span *a; size_t n, cap; } vec;
static void push(vec *v, uint32_t s, uint32_t e) {
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 256;
        v->a = realloc(v->a, v->cap * sizeof *v->a);
        if (!v->a) { perror("seg_eval"); exit(2); }
    }
    v->a[v->n].start = s;
    v->a[v->n].end = e;
    v->n++;
}

typedef struct doc { char *text; size_t n, cap; vec sents, toks; } doc;
static void append(doc *d, const char *z, size_t n) {
    if (d->n + n + 1 > d->cap) {
        while (d->n + n + 1 > d->cap) d->cap = d->cap ? d->cap * 2 : 4096;
        d->text = realloc(d->text, d->cap);
        if (!d->text) { perror("seg_eval"); exit(2); }
    }
    memcpy(d->text + d->n, z, n);
    d->n += n;
    d->text[d->n] = '\0';
}

/* all documents, kept for the timing loop */
static doc *docs;
static size_t ndocs, capdocs;
static long gold_s, pred_s, match_s, gold_t, pred_t, match_t;
static int show_errors;

static size_t matches(const vec *g, const dyad_span *p, size_t np) {
    size_t i = 0, j = 0, m = 0;
    while (i < g->n && j < np) {
        if (g->a[i].start == p[j].start && g->a[i].end == p[j].end) { m++; i++; j++; }
        else if (g->a[i].start < p[j].start || (g->a[i].start == p[j].start && g->a[i].end < p[j].end)) i++;
        else j++;
    }
    return m;
}

static void evaluate(dyad_segmenter *sg, doc *d) {
    if (!d->n) return;
    dyad_segment(sg, d->text, d->n);
    size_t ns = dyad_segment_count(sg), nt = dyad_segment_ntokens(sg);
    const dyad_seg_sentence *ss = dyad_segment_sentences(sg);
    dyad_span *ps = malloc((ns + 1) * sizeof *ps);
    for (size_t i = 0; i < ns; i++) { ps[i].start = ss[i].start; ps[i].end = ss[i].end; }
    gold_s += (long)d->sents.n;
    pred_s += (long)ns;
    match_s += (long)matches(&d->sents, ps, ns);
    gold_t += (long)d->toks.n;
    pred_t += (long)nt;
    match_t += (long)matches(&d->toks, dyad_segment_tokens(sg), nt);
    if (show_errors > 0) {  /* print gold sentences that were not found */
        size_t j = 0;
        for (size_t i = 0; i < d->sents.n && show_errors > 0; i++) {
            while (j < ns && ps[j].start < d->sents.a[i].start) j++;
            if (j < ns && ps[j].start == d->sents.a[i].start && ps[j].end == d->sents.a[i].end) continue;
            printf("SENT MISS: [%.*s]\n", (int)(d->sents.a[i].end - d->sents.a[i].start), d->text + d->sents.a[i].start);
            for (size_t q = 0; q < ns; q++)
                if (ps[q].end > d->sents.a[i].start && ps[q].start < d->sents.a[i].end)
                    printf("   PRED: [%.*s]\n", (int)(ps[q].end - ps[q].start), d->text + ps[q].start);
            show_errors--;
        }
        const dyad_span *pt = dyad_segment_tokens(sg);
        j = 0;
        for (size_t i = 0; i < d->toks.n && show_errors > 0; i++) {
            while (j < nt && pt[j].start < d->toks.a[i].start) j++;
            if (j < nt && pt[j].start == d->toks.a[i].start && pt[j].end == d->toks.a[i].end) continue;
            uint32_t s = d->toks.a[i].start, e = d->toks.a[i].end;
            printf("TOK MISS: gold [%.*s] pred [%.*s] in ...%.*s...\n", (int)(e - s), d->text + s,
                   j < nt ? (int)(pt[j].end - pt[j].start) : 0, j < nt ? d->text + pt[j].start : "",
                   (int)(e - s + 30 < 80 ? e - s + 30 : 80), d->text + (s > 15 ? s - 15 : 0));
            show_errors--;
        }
    }
    free(ps);
}

static doc *new_doc(void) {
    if (ndocs == capdocs) {
        capdocs = capdocs ? capdocs * 2 : 64;
        docs = realloc(docs, capdocs * sizeof *docs);
        if (!docs) { perror("seg_eval"); exit(2); }
    }
    doc *d = &docs[ndocs++];
    memset(d, 0, sizeof *d);
    return d;
}

/* Locate FORM at or after *cur in the sentence text; returns its offset. */
static size_t locate(const char *txt, size_t *cur, const char *form) {
    size_t c = *cur, n = strlen(form);
    while (txt[c] == ' ') c++;
    if (strncmp(txt + c, form, n) != 0) {
        const char *p = strstr(txt + *cur, form);
        if (p) c = (size_t)(p - txt);
    }
    *cur = c + n;
    return c;
}

static void read_file(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); exit(2); }
    char *line = NULL, *txt = NULL;
    size_t cap = 0, cur = 0, base = 0;
    ssize_t k;
    doc *d = new_doc();
    int par = 0, no_space_last = 0, mwt_hi = 0, mwt_lo = 0;
    size_t mwt_pos = 0;
    char mwt_form[512], mwt_cat[512];
    dyad_span parts[16];
    int nparts = 0;
    while ((k = getline(&line, &cap, f)) > 0) {
        if (line[k - 1] == '\n') line[--k] = '\0';
        if (!strncmp(line, "# newdoc", 8)) { if (d->n) d = new_doc(); par = 0; continue; }
        if (!strncmp(line, "# newpar", 8)) { par = 1; continue; }
        if (!strncmp(line, "# text = ", 9)) {
            free(txt);
            txt = strdup(line + 9);
            if (d->n) append(d, par ? "\n\n" : (no_space_last ? "" : " "), par ? 2 : (no_space_last ? 0 : 1));
            par = 0;
            base = d->n;
            append(d, txt, strlen(txt));
            push(&d->sents, (uint32_t)base, (uint32_t)d->n);
            cur = 0;
            continue;
        }
        if (line[0] == '#' || !txt) continue;
        if (!line[0]) { free(txt); txt = NULL; continue; }
        char *col[10];
        int nc = 0;
        char *p = line;
        while (nc < 10) { col[nc++] = p; p = strchr(p, '\t'); if (!p) break; *p++ = '\0'; }
        if (nc < 10) continue;
        if (strchr(col[0], '.')) continue;  /* empty node */
        int no_space = strstr(col[9], "SpaceAfter=No") != NULL;
        char *dash = strchr(col[0], '-');
        if (dash) {
            mwt_lo = atoi(col[0]);
            mwt_hi = atoi(dash + 1);
            snprintf(mwt_form, sizeof mwt_form, "%s", col[1]);
            mwt_cat[0] = '\0';
            nparts = 0;
            mwt_pos = locate(txt, &cur, col[1]);
            no_space_last = no_space;
            continue;
        }
        int id = atoi(col[0]);
        if (mwt_hi && id >= mwt_lo && id <= mwt_hi) {
            /* words of a multiword token: their spans when they spell it */
            size_t before = strlen(mwt_cat), wl = strlen(col[1]);
            strncat(mwt_cat, col[1], sizeof mwt_cat - strlen(mwt_cat) - 1);
            if (nparts < 16) { parts[nparts].start = (uint32_t)before; parts[nparts].end = (uint32_t)(before + wl); nparts++; }
            if (id == mwt_hi) {
                if (!strcmp(mwt_cat, mwt_form))
                    for (int q = 0; q < nparts; q++)
                        push(&d->toks, (uint32_t)(base + mwt_pos + parts[q].start), (uint32_t)(base + mwt_pos + parts[q].end));
                else
                    push(&d->toks, (uint32_t)(base + mwt_pos), (uint32_t)(base + mwt_pos + strlen(mwt_form)));
                mwt_hi = 0;
            }
            continue;
        }
        size_t at = locate(txt, &cur, col[1]);
        push(&d->toks, (uint32_t)(base + at), (uint32_t)(base + at + strlen(col[1])));
        no_space_last = no_space;
    }
    free(line);
    free(txt);
    fclose(f);
}

static int cmp_span(const void *a, const void *b) {
    const dyad_span *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

static double f1(long g, long p, long m) {
    double pr = p ? (double)m / (double)p : 0, rc = g ? (double)m / (double)g : 0;
    return pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0;
}

/* Read the files and score the segmenter on them (totals in the globals). */
static size_t seg_eval_files(int nfiles, char **files, dyad_segmenter *sg) {
    size_t bytes = 0;
    for (int i = 0; i < nfiles; i++) read_file(files[i]);
    for (size_t k = 0; k < ndocs; k++) {
        /* a few MWT words may have been pushed out of order: sort the gold */
        qsort(docs[k].toks.a, docs[k].toks.n, sizeof(dyad_span), cmp_span);
        evaluate(sg, &docs[k]);
        bytes += docs[k].n;
    }
    return bytes;
}

static void seg_eval_free(void) {
    for (size_t k = 0; k < ndocs; k++) { free(docs[k].text); free(docs[k].sents.a); free(docs[k].toks.a); }
    free(docs);
    docs = NULL;
    ndocs = capdocs = 0;
}

#ifndef SEG_EVAL_LIB
int main(int argc, char **argv) {
    int i = 1;
    if (i + 1 < argc && !strcmp(argv[i], "--errors")) { show_errors = atoi(argv[i + 1]); i += 2; }
    if (i >= argc) {
        fprintf(stderr, "usage: seg_eval [--errors N] FILE.conllu...\n"
                        "(UD English EWT is in ../shared/data/ud/en_ewt)\n");
        return 2;
    }
    dyad_segmenter *sg = dyad_segmenter_new();
    size_t bytes = seg_eval_files(argc - i, argv + i, sg);
    /* throughput: repeat until about a second has passed */
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    double secs = 0;
    size_t done = 0;
    do {
        for (size_t k = 0; k < ndocs; k++) dyad_segment(sg, docs[k].text, docs[k].n);
        done += bytes;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    } while (secs < 1.0);
    printf("seg_docs: %zu\n", ndocs);
    printf("seg_sentences_gold: %ld\nseg_sentences_pred: %ld\n", gold_s, pred_s);
    printf("seg_sentence_precision: %.4f\nseg_sentence_recall: %.4f\n",
           pred_s ? (double)match_s / (double)pred_s : 0, gold_s ? (double)match_s / (double)gold_s : 0);
    printf("seg_sentence_f1: %.4f\n", f1(gold_s, pred_s, match_s));
    printf("seg_tokens_gold: %ld\nseg_tokens_pred: %ld\n", gold_t, pred_t);
    printf("seg_token_f1: %.4f\n", f1(gold_t, pred_t, match_t));
    printf("seg_mb_per_s: %.1f\n", (double)done / 1e6 / secs);
    dyad_segmenter_free(sg);
    seg_eval_free();
    return 0;
}
#endif
