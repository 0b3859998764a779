/*
** cluster.c: exchange clustering of words into classes (see cluster.h).
**
** The objective is the log-likelihood of a class bigram model, up to terms
** that do not depend on the classes:
**     sum_{c,d} f(N(c,d)) - sum_c f(NL(c)) - sum_d f(NR(d)),  f(x) = x log x
** where N(c,d) counts class c followed by class d, NL(c) counts c on the
** left of a bigram and NR(d) d on the right. Moving word w out of its class
** and into class b changes only row b and column b, so the gain of every
** candidate b is summed over the classes of w's neighbours: one pass costs
** about k times the number of distinct (word, neighbour class) pairs.
*/
#include "cluster.h"
#include "dyad.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct vocab { uint32_t cap, n; uint64_t *key; uint32_t *cnt; } vocab;

static uint32_t vslot(const vocab *v, uint64_t key) {
    uint32_t i = (uint32_t)(key ^ key >> 29) & (v->cap - 1);
    while (v->key[i] && v->key[i] != key) i = (i + 1) & (v->cap - 1);
    return i;
}

static int vocab_count(vocab *v, const uint64_t *tok, size_t ntok) {
    v->cap = 1024;
    for (;;) {  /* a table sized from a first count would need two passes: grow instead */
        v->key = dyad_calloc(v->cap, sizeof *v->key);
        v->cnt = dyad_calloc(v->cap, sizeof *v->cnt);
        if (!v->key || !v->cnt) return -1;
        v->n = 0;
        size_t i;
        for (i = 0; i < ntok; i++) {
            uint64_t k = tok[i] ? tok[i] : 2;  /* 0 marks an empty slot */
            uint32_t s = vslot(v, k);
            if (!v->key[s]) {
                if (4 * (v->n + 1) > 3 * v->cap) break;
                v->key[s] = k; v->n++;
            }
            if (v->cnt[s] < UINT32_MAX) v->cnt[s]++;
        }
        if (i == ntok) return 0;
        dyad_free(v->key); dyad_free(v->cnt);
        v->cap *= 2;
    }
}

typedef struct wrank { uint64_t key; uint32_t cnt; } wrank;
static int wrank_cmp(const void *x, const void *y) {
    const wrank *a = x, *b = y;
    if (a->cnt != b->cnt) return a->cnt > b->cnt ? -1 : 1;
    return a->key < b->key ? -1 : a->key > b->key;
}
static int u64_cmp(const void *x, const void *y) {
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* Bigrams of word ids as CSR lists in both directions. */
typedef struct graph {
    uint32_t nw;
    uint32_t *ro, *rv, *rc;   /* right neighbours of w: rv[ro[w] .. ro[w+1]), counts rc */
    uint32_t *lo, *lv, *lc;   /* left neighbours */
    int64_t *nl, *nr;         /* w as the left / right word of a bigram */
} graph;

static void graph_free(graph *g) {
    dyad_free(g->ro); dyad_free(g->rv); dyad_free(g->rc);
    dyad_free(g->lo); dyad_free(g->lv); dyad_free(g->lc);
    dyad_free(g->nl); dyad_free(g->nr);
}

static int graph_build(graph *g, const uint32_t *id, size_t ntok, uint32_t nw) {
    memset(g, 0, sizeof *g);
    g->nw = nw;
    size_t np = ntok > 1 ? ntok - 1 : 0, nd = 0;
    uint64_t *pair = dyad_malloc((np ? np : 1) * sizeof *pair);
    if (!pair) return -1;
    for (size_t i = 0; i < np; i++) pair[i] = (uint64_t)id[i] << 32 | id[i + 1];
    qsort(pair, np, sizeof *pair, u64_cmp);
    for (size_t i = 0; i < np; i++) if (!i || pair[i] != pair[i - 1]) nd++;
    g->ro = dyad_calloc((size_t)nw + 1, sizeof *g->ro);
    g->lo = dyad_calloc((size_t)nw + 2, sizeof *g->lo);
    g->rv = dyad_malloc((nd ? nd : 1) * sizeof *g->rv);
    g->rc = dyad_malloc((nd ? nd : 1) * sizeof *g->rc);
    g->lv = dyad_malloc((nd ? nd : 1) * sizeof *g->lv);
    g->lc = dyad_malloc((nd ? nd : 1) * sizeof *g->lc);
    g->nl = dyad_calloc(nw, sizeof *g->nl);
    g->nr = dyad_calloc(nw, sizeof *g->nr);
    if (!g->ro || !g->lo || !g->rv || !g->rc || !g->lv || !g->lc || !g->nl || !g->nr) {
        dyad_free(pair);
        return -1;
    }
    size_t k = 0;
    for (size_t i = 0; i < np; i++) {  /* sorted by (left, right): the right lists directly */
        uint32_t a = (uint32_t)(pair[i] >> 32), b = (uint32_t)pair[i];
        g->nl[a]++; g->nr[b]++;
        if (i && pair[i] == pair[i - 1]) { g->rc[k - 1]++; continue; }
        g->rv[k] = b; g->rc[k] = 1; k++;
        g->ro[a + 1]++; g->lo[b + 2]++;
    }
    for (uint32_t w = 0; w < nw; w++) g->ro[w + 1] += g->ro[w];
    for (uint32_t w = 0; w <= nw; w++) g->lo[w + 1] += g->lo[w];
    for (uint32_t a = 0; a < nw; a++)   /* counting sort by the right word */
        for (uint32_t j = g->ro[a]; j < g->ro[a + 1]; j++) {
            uint32_t p = g->lo[g->rv[j] + 1]++;
            g->lv[p] = a; g->lc[p] = g->rc[j];
        }
    dyad_free(pair);
    return 0;
}

typedef struct state {
    int k;
    uint32_t *cls;
    int64_t *nb, *nbt;        /* [k*k] N(c,d) and its transpose */
    int64_t *ncl, *ncr;       /* NL(c), NR(c) */
    const double *f;          /* f[x] = x log x, x <= fmax */
    int64_t fmax;
    int64_t *r, *l;           /* scratch [k]: w's bigram counts with each class */
    uint32_t *nzr, *nzl;      /* classes with r / l nonzero */
} state;

static inline double F(const state *s, int64_t x) { return x <= s->fmax ? s->f[x] : (double)x * log((double)x); }

/* Add (sign +1) or remove (-1) word w with neighbour sums r/l to class c. */
static void place(state *s, const graph *g, uint32_t w, uint32_t c, int64_t self, int nr, int nl, int sign) {
    int k = s->k;
    for (int i = 0; i < nr; i++) {
        uint32_t d = s->nzr[i];
        s->nb[(size_t)c * k + d] += sign * s->r[d];
        s->nbt[(size_t)d * k + c] += sign * s->r[d];
    }
    for (int i = 0; i < nl; i++) {
        uint32_t d = s->nzl[i];
        s->nb[(size_t)d * k + c] += sign * s->l[d];
        s->nbt[(size_t)c * k + d] += sign * s->l[d];
    }
    s->nb[(size_t)c * k + c] += sign * self;
    s->nbt[(size_t)c * k + c] += sign * self;
    s->ncl[c] += sign * g->nl[w];
    s->ncr[c] += sign * g->nr[w];
}

/* The objective's change when w (out of every class) joins class b. */
static double gain(const state *s, const graph *g, uint32_t w, uint32_t b, int64_t self, int nr, int nl) {
    int k = s->k;
    const int64_t *row = s->nb + (size_t)b * k, *col = s->nbt + (size_t)b * k;
    double x = 0;
    for (int i = 0; i < nr; i++) { uint32_t d = s->nzr[i]; x += F(s, row[d] + s->r[d]) - F(s, row[d]); }
    for (int i = 0; i < nl; i++) { uint32_t d = s->nzl[i]; x += F(s, col[d] + s->l[d]) - F(s, col[d]); }
    int64_t bb = row[b], rb = s->r[b], lb = s->l[b];   /* the (b,b) cell takes r, l and self at once */
    x += F(s, bb + rb + lb + self) - F(s, bb + rb) - F(s, bb + lb) + F(s, bb);
    x -= F(s, s->ncl[b] + g->nl[w]) - F(s, s->ncl[b]) + F(s, s->ncr[b] + g->nr[w]) - F(s, s->ncr[b]);
    return x;
}

/* One pass over the words; returns the number of moves. */
static uint32_t pass(state *s, const graph *g) {
    int k = s->k;
    uint32_t moves = 0;
    for (uint32_t w = 0; w < g->nw; w++) {
        int nr = 0, nl = 0;
        int64_t self = 0;
        for (uint32_t j = g->ro[w]; j < g->ro[w + 1]; j++) {
            uint32_t v = g->rv[j], c = s->cls[v];
            if (v == w) { self = g->rc[j]; continue; }
            if (!s->r[c]) s->nzr[nr++] = c;
            s->r[c] += g->rc[j];
        }
        for (uint32_t j = g->lo[w]; j < g->lo[w + 1]; j++) {
            uint32_t v = g->lv[j], c = s->cls[v];
            if (v == w) continue;
            if (!s->l[c]) s->nzl[nl++] = c;
            s->l[c] += g->lc[j];
        }
        uint32_t a = s->cls[w];
        place(s, g, w, a, self, nr, nl, -1);
        /* stay unless another class gains more (ties: the lower class) */
        uint32_t best = a;
        double bestg = gain(s, g, w, a, self, nr, nl) + 1e-9;
        for (int b = 0; b < k; b++) {
            if ((uint32_t)b == a) continue;
            double x = gain(s, g, w, (uint32_t)b, self, nr, nl);
            if (x > bestg) { best = (uint32_t)b; bestg = x; }
        }
        place(s, g, w, best, self, nr, nl, +1);
        if (best != a) { s->cls[w] = best; moves++; }
        for (int i = 0; i < nr; i++) s->r[s->nzr[i]] = 0;
        for (int i = 0; i < nl; i++) s->l[s->nzl[i]] = 0;
    }
    return moves;
}

int cluster_run(const uint64_t *tok, size_t ntok, uint32_t min_count, int k, int max_iter,
                cluster_words *out) {
    memset(out, 0, sizeof *out);
    if (k < 2 || k > 4096 || ntok >= UINT32_MAX) return -1;
    int rc = -1;
    vocab v = {0};
    wrank *wr = NULL;
    uint32_t *id = NULL;
    graph g = {0};
    state s = {0};
    double *f = NULL;
    if (vocab_count(&v, tok, ntok)) goto done;
    wr = dyad_malloc((v.n ? v.n : 1) * sizeof *wr);
    if (!wr) goto done;
    uint32_t nv = 0;
    for (uint32_t i = 0; i < v.cap; i++) if (v.key[i]) { wr[nv].key = v.key[i]; wr[nv].cnt = v.cnt[i]; nv++; }
    qsort(wr, nv, sizeof *wr, wrank_cmp);
    uint32_t nf = 0;  /* frequent words: ids 0 .. nf-1 in rank order; the rest share id nf */
    while (nf < nv && wr[nf].cnt >= min_count) nf++;
    for (uint32_t i = 0; i < v.cap; i++) v.cnt[i] = UINT32_MAX;   /* reuse: key -> id */
    for (uint32_t i = 0; i < nf; i++) v.cnt[vslot(&v, wr[i].key)] = i;
    id = dyad_malloc((ntok ? ntok : 1) * sizeof *id);
    if (!id) goto done;
    for (size_t i = 0; i < ntok; i++) {
        uint32_t x = v.cnt[vslot(&v, tok[i] ? tok[i] : 2)];
        id[i] = x == UINT32_MAX ? nf : x;
    }
    if (graph_build(&g, id, ntok, nf + 1)) goto done;
    s.k = k;
    s.fmax = (int64_t)ntok;
    f = dyad_malloc(((size_t)ntok + 1) * sizeof *f);
    s.cls = dyad_malloc(((size_t)nf + 1) * sizeof *s.cls);
    s.nb = dyad_calloc((size_t)k * k, sizeof *s.nb);
    s.nbt = dyad_calloc((size_t)k * k, sizeof *s.nbt);
    s.ncl = dyad_calloc((size_t)k, sizeof *s.ncl);
    s.ncr = dyad_calloc((size_t)k, sizeof *s.ncr);
    s.r = dyad_calloc((size_t)k, sizeof *s.r);
    s.l = dyad_calloc((size_t)k, sizeof *s.l);
    s.nzr = dyad_malloc((size_t)k * sizeof *s.nzr);
    s.nzl = dyad_malloc((size_t)k * sizeof *s.nzl);
    if (!f || !s.cls || !s.nb || !s.nbt || !s.ncl || !s.ncr || !s.r || !s.l || !s.nzr || !s.nzl) goto done;
    f[0] = 0;
    for (size_t x = 1; x <= ntok; x++) f[x] = (double)x * log((double)x);
    s.f = f;
    for (uint32_t w = 0; w <= nf; w++) s.cls[w] = w % (uint32_t)k;  /* the k most frequent words apart */
    for (uint32_t a = 0; a <= nf; a++)
        for (uint32_t j = g.ro[a]; j < g.ro[a + 1]; j++) {
            uint32_t c = s.cls[a], d = s.cls[g.rv[j]];
            s.nb[(size_t)c * k + d] += g.rc[j];
            s.nbt[(size_t)d * k + c] += g.rc[j];
        }
    for (uint32_t w = 0; w <= nf; w++) { s.ncl[s.cls[w]] += g.nl[w]; s.ncr[s.cls[w]] += g.nr[w]; }
    for (int it = 0; it < max_iter; it++) {
        out->moves = pass(&s, &g);
        out->iterations = it + 1;
        if (!out->moves) break;
    }
    uint32_t n = 0;
    for (uint32_t i = 0; i < nf; i++) n += wr[i].key != CLUSTER_BOUNDARY && wr[i].key != 2;
    out->word = dyad_malloc((n ? n : 1) * sizeof *out->word);
    out->cls = dyad_malloc((n ? n : 1) * sizeof *out->cls);
    if (!out->word || !out->cls) { cluster_free(out); goto done; }
    for (uint32_t i = 0; i < nf; i++) {
        if (wr[i].key == CLUSTER_BOUNDARY || wr[i].key == 2) continue;
        out->word[out->n] = wr[i].key;
        out->cls[out->n] = (uint16_t)s.cls[i];
        out->n++;
    }
    rc = 0;
done:
    dyad_free(v.key); dyad_free(v.cnt); dyad_free(wr); dyad_free(id); dyad_free(f);
    graph_free(&g);
    dyad_free(s.cls); dyad_free(s.nb); dyad_free(s.nbt); dyad_free(s.ncl); dyad_free(s.ncr);
    dyad_free(s.r); dyad_free(s.l); dyad_free(s.nzr); dyad_free(s.nzl);
    return rc;
}

void cluster_free(cluster_words *c) {
    dyad_free(c->word); dyad_free(c->cls);
    memset(c, 0, sizeof *c);
}
