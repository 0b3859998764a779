/*
** train.c: dyad_train, the whole model from a CoNLL-U treebank: tag classes
** and labels, tag dictionary, lexicon and lemma rules, the tagger (also
** k-fold jackknifed so the parser trains on predicted tags), and the parser
** (dynamic oracle, exploration), keeping the epoch that parses dev best.
** Single-threaded with a fixed-seed PRNG: same input, same bytes.
*/
#include "cluster.h"
#include "model.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tsent {
    int n;
    char **form, **lemma, **feats;
    int *tag, *ptag, *ptag1, *head, *lab; /* gold tag class, predicted (jackknifed: final, pass 1), gold arcs */
    uint64_t *palt;                       /* jackknifed runner-up tags (tag_run_alt; feature set 4) */
    tok_info *ti;
    int projective;
    float pweight;                        /* the parser's weight of its file (--parser-weight) */
} tsent;

typedef struct trainer {
    tsent *s; int ns, cap;
    int norig;                /* sentences read (the rest are augment()'s copies) */
    tsent *dev; int ndev;
    char up[256][32], xp[256][32];
    uint64_t tagh[256];
    int ntag;
    char labs[MAX_LABELS][40];
    int nlab, root, punct;
    int fset;                 /* feature set (model version) */
    uint8_t coarse[256];
    uint64_t rng;
    char *err; size_t errlen;
    const dyad_train_opts *o;
    /* string pool */
    char *pool; size_t npool, cpool;
    uint64_t *ih; uint32_t *io; uint32_t icap, nint;
} trainer;

static void say(trainer *t, const char *fmt, ...) {
    if (!t->o || !t->o->progress) return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    t->o->progress(buf, t->o->ctx);
}

static uint64_t rnd(trainer *t) {
    t->rng ^= t->rng >> 12; t->rng ^= t->rng << 25; t->rng ^= t->rng >> 27;
    return t->rng * 2685821657736338717ULL;
}

static void shuffle(trainer *t, int *a, int n) {
    for (int i = n - 1; i > 0; i--) {
        int j = (int)(rnd(t) % (uint64_t)(i + 1));
        int x = a[i]; a[i] = a[j]; a[j] = x;
    }
}

static char *xstrdup(const char *z) {
    size_t n = strlen(z);
    char *p = dyad_malloc(n + 1);
    if (p) memcpy(p, z, n + 1);
    return p;
}

/* Intern a string in the pool; returns its offset (UINT32_MAX on no memory). */
static uint32_t intern(trainer *t, const char *z) {
    size_t n = strlen(z);
    uint64_t h = ap_hash(z, n);
    if ((t->nint + 1) * 2 > t->icap) {
        uint32_t nc = t->icap ? t->icap * 2 : 4096;
        uint64_t *nh = dyad_calloc(nc, sizeof *nh);
        uint32_t *no = dyad_calloc(nc, sizeof *no);
        if (!nh || !no) { dyad_free(nh); dyad_free(no); return UINT32_MAX; }
        for (uint32_t i = 0; i < t->icap; i++) {
            if (!t->ih[i]) continue;
            uint32_t j = (uint32_t)t->ih[i] & (nc - 1);
            while (nh[j]) j = (j + 1) & (nc - 1);
            nh[j] = t->ih[i]; no[j] = t->io[i];
        }
        dyad_free(t->ih); dyad_free(t->io);
        t->ih = nh; t->io = no; t->icap = nc;
    }
    uint32_t j = (uint32_t)h & (t->icap - 1);
    while (t->ih[j]) {
        if (t->ih[j] == h && !strcmp(t->pool + t->io[j], z)) return t->io[j];
        j = (j + 1) & (t->icap - 1);
    }
    if (t->npool + n + 1 > t->cpool) {
        size_t nc = t->cpool ? t->cpool * 2 : 65536;
        while (nc < t->npool + n + 1) nc *= 2;
        char *np = dyad_realloc(t->pool, nc);
        if (!np) return UINT32_MAX;
        t->pool = np; t->cpool = nc;
    }
    uint32_t off = (uint32_t)t->npool;
    memcpy(t->pool + off, z, n + 1);
    t->npool += n + 1;
    t->ih[j] = h; t->io[j] = off; t->nint++;
    return off;
}

static int tclass(trainer *t, const char *up, const char *xp, int add) {
    char key[80];
    snprintf(key, sizeof key, "%s\t%s", up, xp);
    uint64_t h = ap_hash(key, strlen(key));
    for (int i = 0; i < t->ntag; i++) if (t->tagh[i] == h) return i;
    if (!add || t->ntag >= 250) return 0;
    snprintf(t->up[t->ntag], 32, "%s", up);
    snprintf(t->xp[t->ntag], 32, "%s", xp);
    t->tagh[t->ntag] = h;
    return t->ntag++;
}

static int label_id(trainer *t, const char *z, int add) {
    for (int i = 0; i < t->nlab; i++) if (!strcmp(t->labs[i], z)) return i;
    if (!add || t->nlab >= MAX_LABELS) return 0;
    snprintf(t->labs[t->nlab], 40, "%s", z);
    return t->nlab++;
}

static int projective(const int *head, int n) {
    for (int d = 1; d <= n; d++) {
        int h = head[d];
        if (h == 0) continue;
        int lo = h < d ? h : d, hi = h < d ? d : h;
        for (int k = lo + 1; k < hi; k++) {   /* k must descend from h */
            int a = k, steps = 0;
            while (a != 0 && a != h && steps++ <= n) a = head[a];
            if (a != h) return 0;
        }
    }
    return 1;
}

/* Zeroes *x and allocates its arrays for n words (tags, heads and labels
** share one block); 0 on no memory (free what was made with free_sents_one). */
static int tsent_alloc(tsent *x, int n) {
    memset(x, 0, sizeof *x);
    x->n = n;
    x->pweight = 1.0f;
    x->form = dyad_calloc((size_t)n, sizeof(char *));
    x->lemma = dyad_calloc((size_t)n, sizeof(char *));
    x->feats = dyad_calloc((size_t)n, sizeof(char *));
    x->tag = dyad_calloc((size_t)(6 * (n + 2)), sizeof(int));
    x->ti = dyad_calloc((size_t)n, sizeof(tok_info));
    x->palt = dyad_calloc((size_t)n + 2, sizeof(uint64_t));
    if (!x->form || !x->lemma || !x->feats || !x->tag || !x->ti || !x->palt) return 0;
    x->ptag = x->tag + (n + 2);
    x->ptag1 = x->ptag + (n + 2);
    x->head = x->ptag1 + (n + 2);
    x->lab = x->head + (n + 2);
    return 1;
}

static void free_sents_one(tsent *s) {
    for (int k = 0; k < s->n; k++) {
        if (s->form) dyad_free(s->form[k]);
        if (s->lemma) dyad_free(s->lemma[k]);
        if (s->feats) dyad_free(s->feats[k]);
    }
    dyad_free(s->form); dyad_free(s->lemma); dyad_free(s->feats);
    dyad_free(s->tag); dyad_free(s->ti); dyad_free(s->palt);
}

static void free_sents(tsent *s, int n) {
    for (int i = 0; i < n; i++) free_sents_one(&s[i]);
    dyad_free(s);
}

/* Read a treebank and append its sentences to *out (*nout of them so far);
** tags and labels are added to the inventories when add; pweight is the
** parser's weight of its sentences. On failure *out keeps what was read (the
** caller frees it). */
static dyad_status load(trainer *t, const char *path, int add, float pweight, tsent **out, int *nout) {
    dyad_conllu *r;
    dyad_status st = dyad_conllu_open(path, DYAD_CONLLU_CONLLU, &r);
    if (st) { snprintf(t->err, t->errlen, "%s: cannot read", path); return st; }
    dyad_sentence *s = dyad_sentence_new();
    tsent *v = *out; int nv = *nout, cv = *nout, n0 = *nout;
    int got;
    if (!s) { dyad_conllu_close(r); return DYAD_NOMEM; }
    for (;;) {
        st = dyad_conllu_next(r, s, &got);
        if (st == DYAD_EPARSE || st == DYAD_ELIMIT) { say(t, "skipped: %s", dyad_conllu_errmsg(r)); continue; }
        if (st) break;
        if (!got) break;
        int n = dyad_sentence_len(s);
        dyad_token *tk = dyad_sentence_tokens(s);
        if (dyad_sentence_check_tree(s) != DYAD_OK) { say(t, "skipped a sentence without a tree at line %ld", dyad_conllu_line(r)); continue; }
        if (nv == cv) {
            cv = cv ? cv * 2 : 1024;
            tsent *nvv = dyad_realloc(v, (size_t)cv * sizeof *nvv);
            if (!nvv) { st = DYAD_NOMEM; break; }
            v = nvv;
        }
        tsent *x = &v[nv];
        nv++;
        if (!tsent_alloc(x, n)) { st = DYAD_NOMEM; break; }
        for (int k = 0; k < n; k++) {
            x->form[k] = xstrdup(tk[k].form);
            x->lemma[k] = xstrdup(tk[k].lemma);
            x->feats[k] = xstrdup(tk[k].feats);
            if (!x->form[k] || !x->lemma[k] || !x->feats[k]) { st = DYAD_NOMEM; break; }
            x->tag[k] = tclass(t, tk[k].upos, tk[k].xpos, add);
            x->head[k + 1] = tk[k].head;
            const char *d = tk[k].deprel;
            x->lab[k + 1] = label_id(t, d, add);
            tok_info_fill(&x->ti[k], tk[k].form);
        }
        if (st) break;
        x->projective = projective(x->head, n);
        x->pweight = pweight;
    }
    dyad_sentence_free(s);
    dyad_conllu_close(r);
    *out = v; *nout = nv;
    if (st) { snprintf(t->err, t->errlen, "%s: %s", path, dyad_strerror(st)); return st; }
    say(t, "%s: %d sentences", path, nv - n0);
    return DYAD_OK;
}


/* ---- news attributions ----
** EWT is web text and has few news attributions ("Rebels attacked the town,
** the army said."). Every 8th training sentence that is a declarative clause
** ending in "." gets a copy with ", SOURCE VERB [EXTRA]" before the period,
** annotated as EWT does: the reporting verb is a parataxis of the main
** predicate, its subject an nsubj, the comma its punct. Built-in templates,
** written for this project; added after the lexicon is built. */
typedef struct atok { const char *form, *lemma, *upos, *xpos, *feats, *rel; int head; } atok;
/* head: index within the template (1-based), 0 = the reporting verb, -1 = the clause's root */
static const atok src_np[][3] = {
    {{"the", "the", "DET", "DT", "Definite=Def|PronType=Art", "det", 2}, {"army", "army", "NOUN", "NN", "Number=Sing", "nsubj", 0}},
    {{"officials", "official", "NOUN", "NNS", "Number=Plur", "nsubj", 0}},
    {{"police", "police", "NOUN", "NNS", "Number=Plur", "nsubj", 0}},
    {{"a", "a", "DET", "DT", "Definite=Ind|PronType=Art", "det", 2}, {"spokesman", "spokesman", "NOUN", "NN", "Number=Sing", "nsubj", 0}},
    {{"the", "the", "DET", "DT", "Definite=Def|PronType=Art", "det", 2}, {"ministry", "ministry", "NOUN", "NN", "Number=Sing", "nsubj", 0}},
    {{"witnesses", "witness", "NOUN", "NNS", "Number=Plur", "nsubj", 0}},
    {{"state", "state", "NOUN", "NN", "Number=Sing", "compound", 2}, {"media", "media", "NOUN", "NNS", "Number=Plur", "nsubj", 0}},
    {{"the", "the", "DET", "DT", "Definite=Def|PronType=Art", "det", 2}, {"government", "government", "NOUN", "NN", "Number=Sing", "nsubj", 0}},
    {{"he", "he", "PRON", "PRP", "Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs", "nsubj", 0}},
    {{"the", "the", "DET", "DT", "Definite=Def|PronType=Art", "det", 3}, {"foreign", "foreign", "ADJ", "JJ", "Degree=Pos", "amod", 3},
     {"minister", "minister", "NOUN", "NN", "Number=Sing", "nsubj", 0}},
    {{"local", "local", "ADJ", "JJ", "Degree=Pos", "amod", 2}, {"media", "media", "NOUN", "NNS", "Number=Plur", "nsubj", 0}},
    {{"the", "the", "DET", "DT", "Definite=Def|PronType=Art", "det", 2}, {"agency", "agency", "NOUN", "NN", "Number=Sing", "nsubj", 0}},
};
static const atok rep_verb[] = {
    {"said", "say", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin", "parataxis", -1},
    {"said", "say", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin", "parataxis", -1},
    {"said", "say", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin", "parataxis", -1},
    {"reported", "report", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin", "parataxis", -1},
    {"announced", "announce", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin", "parataxis", -1},
    {"told", "tell", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin", "parataxis", -1},
    {"added", "add", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin", "parataxis", -1},
    {"says", "say", "VERB", "VBZ", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin", "parataxis", -1},
};
static const atok extra[][3] = {
    {{0}},
    {{"on", "on", "ADP", "IN", "_", "case", 2}, {"Tuesday", "Tuesday", "PROPN", "NNP", "Number=Sing", "obl", 0}},
    {{"in", "in", "ADP", "IN", "_", "case", 3}, {"a", "a", "DET", "DT", "Definite=Ind|PronType=Art", "det", 3},
     {"statement", "statement", "NOUN", "NN", "Number=Sing", "obl", 0}},
    {{"on", "on", "ADP", "IN", "_", "case", 2}, {"Friday", "Friday", "PROPN", "NNP", "Number=Sing", "obl", 0}},
};
static const atok told_obj[] = {
    {"reporters", "reporter", "NOUN", "NNS", "Number=Plur", "obj", 0},
    {"Reuters", "Reuters", "PROPN", "NNP", "Number=Sing", "obj", 0},
};

static int find_class(trainer *t, const char *up, const char *xp) {
    char key[80];
    snprintf(key, sizeof key, "%s\t%s", up, xp);
    uint64_t h = ap_hash(key, strlen(key));
    for (int i = 0; i < t->ntag; i++) if (t->tagh[i] == h) return i;
    return -1;
}
static int find_label(trainer *t, const char *z) {
    for (int i = 0; i < t->nlab; i++) if (!strcmp(t->labs[i], z)) return i;
    return -1;
}

static dyad_status push_sent(trainer *t, tsent *x) {
    if (t->ns == t->cap) {
        int nc = t->cap * 2 + 16;
        tsent *nv = dyad_realloc(t->s, (size_t)nc * sizeof *nv);
        if (!nv) { free_sents_one(x); return DYAD_NOMEM; }
        t->s = nv; t->cap = nc;
    }
    t->s[t->ns++] = *x;
    return DYAD_OK;
}

/* "SOURCE said [that] CLAUSE ." from a sentence "CLAUSE ."; its root becomes
** the ccomp of "said". DYAD_EINVAL if a tag or label is missing. */
static dyad_status embed(trainer *t, const tsent *o, int root, int a) {
    const atok *np = src_np[(a * 7) % 12];
    int npn = 0; while (npn < 3 && np[npn].form) npn++;
    const atok said = {"said", "say", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin", "root", 0};
    const atok that = {"that", "that", "SCONJ", "IN", "_", "mark", 0};
    int use_that = a % 2, n = o->n;
    int pre = npn + 1 + use_that, m = pre + n, vpos = npn + 1;
    tsent x;
    if (!tsent_alloc(&x, m)) { free_sents_one(&x); return DYAD_NOMEM; }
    char buf[256];
    for (int d = 0; d < m; d++) {
        const char *f, *l, *fe; int cls, hd, lb;
        if (d < pre) {
            const atok *q = d < npn ? &np[d] : d == npn ? &said : &that;
            f = q->form; l = q->lemma; fe = q->feats;
            cls = find_class(t, q->upos, q->xpos);
            lb = find_label(t, q->rel);
            if (d < npn) hd = np[d].head ? np[d].head : vpos;
            else if (d == npn) hd = 0;
            else hd = pre + root;
        } else {
            int j = d - pre;
            f = o->form[j]; l = o->lemma[j]; fe = o->feats[j]; cls = o->tag[j];
            lb = o->lab[j + 1];
            hd = o->head[j + 1] == 0 ? vpos : pre + o->head[j + 1];
            if (j + 1 == root) lb = find_label(t, "ccomp");
            if (j == n - 1) hd = vpos;           /* the period goes to the new root */
            if (j == 0 && strcmp(t->up[cls], "PROPN") && strcmp(f, "I") && f[0] >= 'A' && f[0] <= 'Z'
                && strlen(f) < sizeof buf) {
                memcpy(buf, f, strlen(f) + 1);
                buf[0] = (char)(buf[0] + 32);
                f = buf;
            }
        }
        if (cls < 0 || lb < 0) { free_sents_one(&x); return DYAD_EINVAL; }
        x.form[d] = xstrdup(f); x.lemma[d] = xstrdup(l); x.feats[d] = xstrdup(fe);
        if (!x.form[d] || !x.lemma[d] || !x.feats[d]) { free_sents_one(&x); return DYAD_NOMEM; }
        x.tag[d] = cls; x.head[d + 1] = hd; x.lab[d + 1] = lb;
        tok_info_fill(&x.ti[d], f);
    }
    x.projective = projective(x.head, m);
    if (!x.projective) { free_sents_one(&x); return DYAD_EINVAL; }
    return push_sent(t, &x);
}

static dyad_status augment(trainer *t) {
    int ns0 = t->ns, added = 0;
    atok tail[12];
    if (getenv("DYAD_NO_AUGMENT")) return DYAD_OK;   /* development aid: measure what it costs */
    for (int i = 0; i < ns0; i++) {
        tsent *o = &t->s[i];
        int n = o->n, root = 0;
        if (n < 4 || n > 40 || !o->projective || strcmp(o->form[n - 1], ".") || o->head[n] == 0) continue;
        for (int d = 1; d <= n; d++) if (o->head[d] == 0) root = d;
        if (!root || o->head[n] != root || strcmp(t->up[o->tag[root - 1]], "VERB")) continue;
        int dep_on_period = 0;
        for (int d = 1; d < n; d++) dep_on_period |= o->head[d] == n;
        if (dep_on_period) continue;
        if (i % 8 == 5) {
            dyad_status est = embed(t, o, root, added);
            if (est == DYAD_OK) added++;
            else if (est == DYAD_NOMEM) return est;
            continue;
        }
        if (i % 8 != 3) continue;
        /* the tail: "," NP VERB [OBJ] [EXTRA]; heads relative as in atok */
        int k = 0, a = added;
        const atok *np = src_np[a % 12];
        const atok *vb = &rep_verb[(a / 12) % 8];
        int npn = 0; while (npn < 3 && np[npn].form) npn++;
        int vpos = 1 + npn + 1;                      /* 1-based within the tail */
        tail[k++] = (atok){",", ",", "PUNCT", ",", "_", "punct", vpos};
        for (int j = 0; j < npn; j++) {
            tail[k] = np[j];
            tail[k].head = np[j].head ? 1 + np[j].head : vpos;
            k++;
        }
        tail[k++] = *vb;
        if (!strcmp(vb->form, "told")) { tail[k] = told_obj[a % 2]; tail[k].head = vpos; k++; }
        const atok *ex = extra[(a / 3) % 4];
        int exn = 0; while (exn < 3 && ex[exn].form) exn++;
        int exbase = k;
        for (int j = 0; j < exn; j++) {
            tail[k] = ex[j];
            tail[k].head = ex[j].head ? exbase + ex[j].head : vpos;
            k++;
        }
        int m = n - 1 + k + 1;                       /* words before ".", tail, "." */
        tsent x;
        int okk = tsent_alloc(&x, m);
        for (int d = 0; okk && d < m; d++) {
            const char *f, *l, *fe; int cls, hd, lb;
            if (d < n - 1) {
                f = o->form[d]; l = o->lemma[d]; fe = o->feats[d]; cls = o->tag[d];
                hd = o->head[d + 1]; lb = o->lab[d + 1];
            } else if (d < n - 1 + k) {
                const atok *q = &tail[d - (n - 1)];
                f = q->form; l = q->lemma; fe = q->feats;
                cls = find_class(t, q->upos, q->xpos);
                lb = find_label(t, q->rel);
                hd = q->head < 0 ? root : (n - 1) + q->head;
            } else {
                f = o->form[n - 1]; l = o->lemma[n - 1]; fe = o->feats[n - 1]; cls = o->tag[n - 1];
                hd = root; lb = o->lab[n];
            }
            if (cls < 0 || lb < 0) { okk = 0; break; }
            x.form[d] = xstrdup(f); x.lemma[d] = xstrdup(l); x.feats[d] = xstrdup(fe);
            if (!x.form[d] || !x.lemma[d] || !x.feats[d]) { okk = 0; break; }
            x.tag[d] = cls; x.head[d + 1] = hd; x.lab[d + 1] = lb;
            tok_info_fill(&x.ti[d], f);
        }
        if (okk) x.projective = projective(x.head, m);
        if (!okk || !x.projective) { free_sents_one(&x); continue; }
        if (push_sent(t, &x)) return DYAD_NOMEM;
        added++;
    }
    say(t, "added %d news-attribution sentences", added);
    return DYAD_OK;
}

/* ---- tagger ---- */
static int tag_dict_ok(trainer *t, tsent *s, int i, const kv_map *dict, uint32_t *v) {
    (void)t; (void)s;
    return dict && kv_get(dict, tag_dict_key(&s->ti[i]), v);
}

/* Train a tagger on sentences idx[0..n) (in that order per epoch, reshuffled). */
static dyad_status train_tagger(trainer *t, const int *idx0, int n, int epochs, const kv_map *dict,
                                int stage, float prune, ap_table *out, void **mem, size_t *memsize) {
    int nc = tag_nclass(t->ntag, t->fset);
    const uint8_t *share = nc > t->ntag ? t->coarse : NULL;
    ap_train *a = ap_train_new((uint32_t)nc);
    int *idx = dyad_malloc((size_t)(n ? n : 1) * sizeof *idx);
    float *sc = dyad_malloc(256 * sizeof *sc);
    int *pred = dyad_malloc(1024 * sizeof *pred);
    dyad_status st = DYAD_OK;
    if (!a || !idx || !sc || !pred) { st = DYAD_NOMEM; goto done; }
    memcpy(idx, idx0, (size_t)n * sizeof *idx);
    uint64_t keys[TAG_MAX_FEATS];
    for (int e = 0; e < epochs; e++) {
        shuffle(t, idx, n);
        long right = 0, tot = 0;
        for (int q = 0; q < n; q++) {
            tsent *s = &t->s[idx[q]];
            if (s->n > 1024) continue;
            for (int i = 0; i < s->n; i++) {
                uint32_t v;
                if (tag_dict_ok(t, s, i, dict, &v)) { pred[i] = (int)v; continue; }
                int nk = stage == 2 ? tag_features2(s->ti, s->n, i, pred, s->ptag1, keys)
                                    : tag_features(s->ti, s->n, i, pred, keys);
                memset(sc, 0, (size_t)nc * sizeof *sc);
                ap_train_score(a, keys, nk, sc);
                tag_share(sc, t->ntag, share);
                int best = 0, g = s->tag[i];
                for (int c = 1; c < t->ntag; c++) if (sc[c] > sc[best]) best = c;
                if (ap_train_update(a, keys, nk, g, best)
                    || (share && ap_train_update(a, keys, nk, t->ntag + share[g], t->ntag + share[best]))) {
                    st = DYAD_NOMEM; goto done;
                }
                ap_train_tick(a);
                right += best == s->tag[i]; tot++;
                pred[i] = s->tag[i] == best ? best : best;   /* greedy: condition on predictions */
            }
        }
        say(t, "  tagger epoch %d: train accuracy %.2f%%", e + 1, tot ? 100.0 * right / tot : 0.0);
    }
    if (ap_freeze(a, prune, t->fset >= 5 ? AP_PACKED : 0, out, mem, memsize)) st = DYAD_NOMEM;
done:
    ap_train_free(a);
    dyad_free(idx); dyad_free(sc); dyad_free(pred);
    return st;
}

/* ---- lexicon and rules ---- */
typedef struct lrec { uint64_t key; const char *a, *b; int strip; } lrec;
static int lrec_cmp(const void *x, const void *y) {
    const lrec *p = x, *q = y;
    if (p->key != q->key) return p->key < q->key ? -1 : 1;
    int c = strcmp(p->a, q->a);
    if (c) return c;
    if (p->strip != q->strip) return p->strip - q->strip;
    return strcmp(p->b, q->b);
}

/* From sorted records, the most frequent (a, b, strip) per key (first on ties). */
static lrec *majority(lrec *r, size_t n, size_t *nout, int min_count) {
    lrec *o = dyad_malloc((n ? n : 1) * sizeof *o);
    if (!o) return NULL;
    size_t k = 0, i = 0;
    while (i < n) {
        size_t j = i, best = i, bestc = 0;
        while (j < n && r[j].key == r[i].key) {
            size_t m = j;
            while (m < n && r[m].key == r[j].key && !strcmp(r[m].a, r[j].a) && r[m].strip == r[j].strip
                   && !strcmp(r[m].b, r[j].b)) m++;
            if (m - j > bestc) { bestc = m - j; best = j; }
            j = m;
        }
        if ((int)(j - i) >= min_count) o[k++] = r[best];
        i = j;
    }
    *nout = k;
    return o;
}

static dyad_status build_lexicon(trainer *t, void **lex, size_t *lexsz, uint32_t **lexv, size_t *nlexv,
                                 void **rules, size_t *rulesz, uint32_t *tagfeats) {
    size_t ntok = 0;
    for (int i = 0; i < t->ns; i++) ntok += (size_t)t->s[i].n;
    lrec *r = dyad_malloc((ntok ? ntok : 1) * sizeof *r);
    if (!r) return DYAD_NOMEM;
    size_t k = 0;
    for (int i = 0; i < t->ns; i++)
        for (int j = 0; j < t->s[i].n; j++) {
            r[k].key = lemma_lex_key(t->s[i].form[j], t->s[i].tag[j]);
            r[k].a = t->s[i].lemma[j]; r[k].b = t->s[i].feats[j]; r[k].strip = 0;
            k++;
        }
    qsort(r, k, sizeof *r, lrec_cmp);
    size_t nl;
    lrec *lx = majority(r, k, &nl, 1);
    /* tag defaults for FEATS */
    for (int c = 0; c < t->ntag; c++) {
        size_t m = 0;
        for (int i = 0; i < t->ns; i++)
            for (int j = 0; j < t->s[i].n; j++)
                if (t->s[i].tag[j] == c) { r[m].key = 1; r[m].a = t->s[i].feats[j]; r[m].b = ""; r[m].strip = 0; m++; }
        qsort(r, m, sizeof *r, lrec_cmp);
        size_t nm;
        lrec *mj = majority(r, m, &nm, 1);
        if (!mj) { dyad_free(r); dyad_free(lx); return DYAD_NOMEM; }
        tagfeats[c] = intern(t, nm ? mj[0].a : "_");
        dyad_free(mj);
    }
    uint64_t *keys = dyad_malloc((nl ? nl : 1) * sizeof *keys);
    uint32_t *vals = dyad_malloc((nl ? nl : 1) * sizeof *vals);
    *lexv = dyad_malloc((nl ? nl : 1) * 2 * sizeof **lexv);
    if (!lx || !keys || !vals || !*lexv) { dyad_free(r); dyad_free(lx); dyad_free(keys); dyad_free(vals); return DYAD_NOMEM; }
    for (size_t i = 0; i < nl; i++) {
        keys[i] = lx[i].key; vals[i] = (uint32_t)i;
        (*lexv)[2 * i] = intern(t, lx[i].a);
        (*lexv)[2 * i + 1] = intern(t, lx[i].b);
    }
    *nlexv = nl;
    int bad = kv_build(keys, vals, (uint32_t)nl, lex, lexsz);
    dyad_free(keys); dyad_free(vals);
    if (bad) { dyad_free(r); dyad_free(lx); return DYAD_NOMEM; }
    /* suffix rules from word types: one record per type and suffix length */
    lrec *tr = dyad_malloc((ntok ? ntok : 1) * sizeof *tr);
    size_t ntr = 0;
    if (!tr) { dyad_free(r); dyad_free(lx); return DYAD_NOMEM; }
    /* types: first occurrence of each (form, tag) key with its majority lemma */
    uint64_t *seen = NULL; uint32_t scap = 1; while (scap < nl * 2 + 2) scap *= 2;
    seen = dyad_calloc(scap, sizeof *seen);
    if (!seen) { dyad_free(r); dyad_free(lx); dyad_free(tr); return DYAD_NOMEM; }
    char low[256];
    lrec *rr = dyad_malloc((nl * 7 + 1) * sizeof *rr);
    char **bufs = dyad_calloc(nl * 7 + 1, sizeof *bufs);
    size_t nrr = 0;
    if (!rr || !bufs) { dyad_free(r); dyad_free(lx); dyad_free(tr); dyad_free(seen); dyad_free(rr); dyad_free(bufs); return DYAD_NOMEM; }
    for (int i = 0; i < t->ns; i++)
        for (int j = 0; j < t->s[i].n; j++) {
            const char *form = t->s[i].form[j];
            int tag = t->s[i].tag[j];
            uint64_t key = lemma_lex_key(form, tag);
            uint32_t p = (uint32_t)key & (scap - 1);
            int dup = 0;
            while (seen[p]) { if (seen[p] == key) { dup = 1; break; } p = (p + 1) & (scap - 1); }
            if (dup) continue;
            seen[p] = key;
            /* majority lemma for this key: binary search lx */
            size_t lo = 0, hi = nl;
            while (lo < hi) { size_t mid = (lo + hi) / 2; if (lx[mid].key < key) lo = mid + 1; else hi = mid; }
            if (lo >= nl || lx[lo].key != key) continue;
            const char *lemma = lx[lo].a;
            size_t n = strlen(form);
            if (n >= sizeof low) continue;
            lemma_lower(form, low, sizeof low);
            /* the rule rewrites the form as written when that shares more with
            ** the lemma than the lowercased form does ("Belgian" -> "Belgian":
            ** keep case, strip nothing), and always for proper nouns */
            size_t cf = 0, cl = 0, ll = strlen(lemma);
            while (cf < n && cf < ll && form[cf] == lemma[cf]) cf++;
            while (cl < n && cl < ll && low[cl] == lemma[cl]) cl++;
            int keep = !strcmp(t->up[tag], "PROPN") || cf > cl;
            size_t c = keep ? cf : cl, strip = n - c;
            size_t kmax = n < 6 ? n : 6;
            /* only suffixes that contain the part rewritten: no rule changes
            ** letters it did not match */
            for (size_t q = strip; q <= kmax; q++) {
                rr[nrr].key = lemma_rule_key(tag, low + n - q, q, lemma_is_cap(form));
                rr[nrr].a = ""; rr[nrr].b = lemma + c; rr[nrr].strip = (int)strip | keep << 7;
                nrr++;
            }
        }
    (void)tr; (void)ntr;
    qsort(rr, nrr, sizeof *rr, lrec_cmp);
    size_t nru;
    lrec *ru = majority(rr, nrr, &nru, 2);
    keys = dyad_malloc((nru ? nru : 1) * sizeof *keys);
    vals = dyad_malloc((nru ? nru : 1) * sizeof *vals);
    dyad_status st = DYAD_OK;
    if (!ru || !keys || !vals) st = DYAD_NOMEM;
    for (size_t i = 0; !st && i < nru; i++) {
        keys[i] = ru[i].key;
        uint32_t off = intern(t, ru[i].b);
        if (off >= (1u << 24)) { st = DYAD_ELIMIT; break; }
        vals[i] = ((uint32_t)ru[i].strip << 24) | off;
    }
    if (!st && kv_build(keys, vals, (uint32_t)nru, rules, rulesz)) st = DYAD_NOMEM;
    say(t, "lexicon: %zu (form, tag) entries, %zu suffix rules", nl, nru);
    dyad_free(keys); dyad_free(vals); dyad_free(ru); dyad_free(rr); dyad_free(bufs);
    dyad_free(seen); dyad_free(tr); dyad_free(r); dyad_free(lx);
    return st;
}

/* ---- ambiguity classes ----
** The classes a (lowercased) word was seen with, as one 32-bit hash. Training
** tokens get theirs with their own sentence left out, so rare words look
** as unknown as they will at test time. */
typedef struct wcount { uint64_t w; int c, n; } wcount;
static int wc_cmp(const void *x, const void *y) {
    const wcount *p = x, *q = y;
    if (p->w != q->w) return p->w < q->w ? -1 : 1;
    return p->c - q->c;
}
static uint32_t amb_hash(uint64_t h) { uint32_t v = (uint32_t)ap_mix(h); return v ? v : 1; }

static dyad_status build_amb(trainer *t, void **mem, size_t *size) {
    size_t ntok = 0;
    for (int i = 0; i < t->ns; i++) ntok += (size_t)t->s[i].n;
    wcount *r = dyad_malloc((ntok ? ntok : 1) * sizeof *r);
    if (!r) return DYAD_NOMEM;
    size_t k = 0;
    for (int i = 0; i < t->ns; i++)
        for (int j = 0; j < t->s[i].n; j++) { r[k].w = t->s[i].ti[j].lower; r[k].c = t->s[i].tag[j]; r[k].n = 1; k++; }
    qsort(r, k, sizeof *r, wc_cmp);
    size_t u = 0;                                   /* merge runs into counts */
    for (size_t i = 0; i < k; i++) {
        if (u && r[u - 1].w == r[i].w && r[u - 1].c == r[i].c) r[u - 1].n++;
        else r[u++] = r[i];
    }
    /* per training token: classes with a count left after removing its sentence */
    for (int i = 0; i < t->ns; i++) {
        tsent *s = &t->s[i];
        for (int j = 0; j < s->n; j++) {
            uint64_t w = s->ti[j].lower;
            size_t lo = 0, hi = u;
            while (lo < hi) { size_t mid = (lo + hi) / 2; if (r[mid].w < w) lo = mid + 1; else hi = mid; }
            uint64_t h = 0x9e37; int any = 0;
            for (size_t q = lo; q < u && r[q].w == w; q++) {
                int own = 0;
                for (int x = 0; x < s->n; x++) own += s->ti[x].lower == w && s->tag[x] == r[q].c;
                if (r[q].n - own > 0) { h = (h ^ (uint64_t)(r[q].c + 1)) * 0x100000001b3ULL; any = 1; }
            }
            s->ti[j].amb = any ? amb_hash(h) : tok_amb_unknown(&s->ti[j]);
        }
    }
    /* the map for tagging: all counts */
    uint64_t *keys = dyad_malloc((u ? u : 1) * sizeof *keys);
    uint32_t *vals = dyad_malloc((u ? u : 1) * sizeof *vals);
    if (!keys || !vals) { dyad_free(r); dyad_free(keys); dyad_free(vals); return DYAD_NOMEM; }
    uint32_t nk = 0;
    for (size_t q = 0; q < u;) {
        uint64_t w = r[q].w, h = 0x9e37;
        for (; q < u && r[q].w == w; q++) h = (h ^ (uint64_t)(r[q].c + 1)) * 0x100000001b3ULL;
        keys[nk] = w; vals[nk] = amb_hash(h); nk++;
    }
    int bad = kv_build(keys, vals, nk, mem, size);
    say(t, "ambiguity classes for %u words", nk);
    dyad_free(r); dyad_free(keys); dyad_free(vals);
    return bad ? DYAD_NOMEM : DYAD_OK;
}

/* ---- tag dictionary ---- */
/* ---- word classes (feature set 5) ----
** Two exchange clusterings (cluster.c) of the words seen at least CLU_MIN times
** in the training sentences and, with --unlabeled, in a raw text file
** (normalized and segmented as dyad code does, one chunk per line): CLU_FINE and
** CLU_COARSE classes. Word classes use no labels, so no jackknifing. */
#define CLU_FINE 512
#define CLU_COARSE 64
#define CLU_MIN 3
#define CLU_ITER 10

typedef struct tokbuf { uint64_t *v; size_t n, cap; } tokbuf;
static int tokbuf_push(tokbuf *b, uint64_t x) {
    if (b->n == b->cap) {
        size_t c = b->cap ? 2 * b->cap : 1 << 16;
        uint64_t *v = dyad_realloc(b->v, c * sizeof *v);
        if (!v) return -1;
        b->v = v; b->cap = c;
    }
    b->v[b->n++] = x;
    return 0;
}

static dyad_status read_unlabeled(trainer *t, const char *path, tokbuf *b) {
    FILE *f = fopen(path, "rb");
    if (!f) { snprintf(t->err, t->errlen, "%s: cannot open the unlabeled text", path); return DYAD_EIO; }
    dyad_segmenter *sg = dyad_segmenter_new();
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    dyad_status st = sg ? DYAD_OK : DYAD_NOMEM;
    while (!st && (len = getline(&line, &cap, f)) > 0) {
        char *z = NULL;
        size_t n = 0;
        if (dyad_normalize(line, (size_t)len, DYAD_NORM_DEFAULT, &z, &n, NULL) != DYAD_OK) continue;
        if (dyad_segment(sg, z, n) == DYAD_OK) {
            const dyad_seg_sentence *ss = dyad_segment_sentences(sg);
            const dyad_span *tk = dyad_segment_tokens(sg);
            for (size_t i = 0; i < dyad_segment_count(sg) && !st; i++) {
                for (uint32_t k = ss[i].tok; k < ss[i].tok + ss[i].ntok && !st; k++)
                    if (tokbuf_push(b, tok_lower_hash(z + tk[k].start, tk[k].end - tk[k].start))) st = DYAD_NOMEM;
                if (!st && tokbuf_push(b, CLUSTER_BOUNDARY)) st = DYAD_NOMEM;
            }
        }
        dyad_free(z);
    }
    if (!st && ferror(f)) { snprintf(t->err, t->errlen, "%s: cannot read the unlabeled text", path); st = DYAD_EIO; }
    free(line);
    fclose(f);
    dyad_segmenter_free(sg);
    return st;
}

static dyad_status build_clusters(trainer *t, void **mem, size_t *size) {
    tokbuf b = {0};
    dyad_status st = DYAD_OK;
    for (int i = 0; i < t->norig && !st; i++) {
        for (int j = 0; j < t->s[i].n && !st; j++) if (tokbuf_push(&b, t->s[i].ti[j].lower)) st = DYAD_NOMEM;
        if (!st && tokbuf_push(&b, CLUSTER_BOUNDARY)) st = DYAD_NOMEM;
    }
    const char *un = t->o ? t->o->unlabeled : NULL;
    if (!st && un && *un) st = read_unlabeled(t, un, &b);
    cluster_words fine = {0}, coarse = {0};
    uint64_t *keys = NULL;
    uint32_t *vals = NULL;
    if (!st) {
        say(t, "word classes from %zu tokens%s%s", b.n, un && *un ? " with " : "", un && *un ? un : "");
        if (cluster_run(b.v, b.n, CLU_MIN, CLU_FINE, CLU_ITER, &fine)
            || cluster_run(b.v, b.n, CLU_MIN, CLU_COARSE, CLU_ITER, &coarse)) st = DYAD_NOMEM;
    }
    if (!st) {
        say(t, "  %u words: %d classes after %d passes (%u moves in the last), %d after %d (%u)", fine.n,
            CLU_FINE, fine.iterations, fine.moves, CLU_COARSE, coarse.iterations, coarse.moves);
        keys = dyad_malloc((fine.n ? fine.n : 1) * sizeof *keys);
        vals = dyad_malloc((fine.n ? fine.n : 1) * sizeof *vals);
        if (!keys || !vals) st = DYAD_NOMEM;
    }
    for (uint32_t i = 0; !st && i < fine.n; i++) {  /* same stream and cut: same words, same order */
        if (coarse.n != fine.n || coarse.word[i] != fine.word[i]) { st = DYAD_EINVAL; break; }
        keys[i] = fine.word[i];
        vals[i] = (uint32_t)(coarse.cls[i] + 1) << 16 | (uint32_t)(fine.cls[i] + 1);
    }
    if (!st && kv_build(keys, vals, fine.n, mem, size)) st = DYAD_NOMEM;
    if (!st) {
        kv_map m;
        if (kv_view(*mem, *size, &m)) st = DYAD_NOMEM;
        for (int i = 0; i < t->ns && !st; i++)
            for (int j = 0; j < t->s[i].n; j++) {
                uint32_t v;
                t->s[i].ti[j].clu = TOK_CLU_ON | (kv_get(&m, t->s[i].ti[j].lower, &v) ? v : 0);
            }
    }
    dyad_free(b.v); dyad_free(keys); dyad_free(vals);
    cluster_free(&fine); cluster_free(&coarse);
    return st;
}

static dyad_status build_tagdict(trainer *t, void **mem, size_t *size) {
    size_t ntok = 0;
    for (int i = 0; i < t->ns; i++) ntok += (size_t)t->s[i].n;
    lrec *r = dyad_malloc((ntok ? ntok : 1) * sizeof *r);
    if (!r) return DYAD_NOMEM;
    size_t k = 0;
    for (int i = 0; i < t->ns; i++)
        for (int j = 0; j < t->s[i].n; j++) {
            r[k].key = tag_dict_key(&t->s[i].ti[j]);
            r[k].a = ""; r[k].b = ""; r[k].strip = t->s[i].tag[j];
            k++;
        }
    qsort(r, k, sizeof *r, lrec_cmp);
    uint64_t *keys = dyad_malloc((k ? k : 1) * sizeof *keys);
    uint32_t *vals = dyad_malloc((k ? k : 1) * sizeof *vals);
    if (!keys || !vals) { dyad_free(r); dyad_free(keys); dyad_free(vals); return DYAD_NOMEM; }
    uint32_t nd = 0;
    size_t i = 0;
    while (i < k) {
        size_t j = i, best = 0, bestc = 0;
        while (j < k && r[j].key == r[i].key) {
            size_t m = j;
            while (m < k && r[m].key == r[j].key && r[m].strip == r[j].strip) m++;
            if (m - j > bestc) { bestc = m - j; best = j; }
            j = m;
        }
        if (j - i >= 20 && bestc * 1000 >= (j - i) * 995) { keys[nd] = r[i].key; vals[nd] = (uint32_t)r[best].strip; nd++; }
        i = j;
    }
    say(t, "tag dictionary: %u words", nd);
    int bad = kv_build(keys, vals, nd, mem, size);
    dyad_free(r); dyad_free(keys); dyad_free(vals);
    return bad ? DYAD_NOMEM : DYAD_OK;
}

/* ---- parser ---- */
typedef struct pbuf { uint64_t *word; int *gh; float *sc; int *cost; } pbuf;

static void fill_words(const tsent *s, uint64_t *word, int *ptag, const int *tags) {
    int nn = s->n + 2;
    word[0] = word[nn] = 0x1111; ptag[0] = 254;
    word[s->n + 1] = word[nn + s->n + 1] = 0x2222; ptag[s->n + 1] = 255;
    word[2 * nn] = 0x1111; word[2 * nn + s->n + 1] = 0x2222;
    word[3 * nn] = 0x1111; word[3 * nn + s->n + 1] = 0x2222;
    word[4 * nn] = 0x1111fff0; word[4 * nn + s->n + 1] = 0x2222fff1;   /* as model.c's run() */
    for (int i = 0; i < s->n; i++) {
        word[i + 1] = s->ti[i].lower; word[nn + i + 1] = s->ti[i].suf[2]; word[2 * nn + i + 1] = s->ti[i].amb;
        word[3 * nn + i + 1] = s->palt[i]; word[4 * nn + i + 1] = s->ti[i].clu;
        ptag[i + 1] = tags[i];
    }
}

static dyad_status parse_epoch(trainer *t, ap_train *a, int *idx, int epoch, double *acc) {
    int na = 1 + 2 * t->nlab, nc = parse_nclass(t->nlab, t->fset);
    uint64_t keys[PARSE_MAX_FEATS];
    float sc[256];
    int cost[256];
    long right = 0, tot = 0;
    shuffle(t, idx, t->ns);
    for (int q = 0; q < t->ns; q++) {
        tsent *s = &t->s[idx[q]];
        if (!s->projective || s->n > 500) continue;
        /* a file of parser weight w < 1: each epoch learns from each of its
        ** sentences with probability w, drawn from a hash of the sentence's
        ** number and the epoch (the exploration's generator is left alone) */
        if (s->pweight < 1.0f) {
            uint64_t h = ap_mix((uint64_t)idx[q] * 0x9E3779B97F4A7C15ULL + (uint64_t)epoch + 1);
            if ((double)(h >> 11) * (1.0 / 9007199254740992.0) >= s->pweight) continue;
        }
        int n = s->n;
        uint64_t *word = dyad_malloc((size_t)(n + 2) * PARSE_WORD_BLOCKS * sizeof *word);
        int *ptag = dyad_malloc((size_t)(n + 2) * 3 * sizeof *ptag);
        if (!word || !ptag) { dyad_free(word); dyad_free(ptag); return DYAD_NOMEM; }
        int *gh = ptag + (n + 2), *gl = gh + (n + 2);
        fill_words(s, word, ptag, s->ptag);
        for (int d = 1; d <= n; d++) { gh[d] = s->head[d] == 0 ? n + 1 : s->head[d]; gl[d] = s->lab[d]; }
        pstate st;
        if (pstate_init(&st, n, word, ptag, t->coarse, t->nlab, t->root, t->fset)) { dyad_free(word); dyad_free(ptag); return DYAD_NOMEM; }
        while (!parse_done(&st)) {
            int nk = parse_features(&st, keys);
            memset(sc, 0, (size_t)nc * sizeof *sc);
            ap_train_score(a, keys, nk, sc);
            parse_share(sc, t->nlab, nc);
            parse_costs(&st, gh, gl, cost);
            int pred = -1, gold = -1, minc = 1 << 30;
            for (int x = 0; x < na; x++) if (cost[x] < minc) minc = cost[x];
            for (int x = 0; x < na; x++) {
                if (cost[x] >= (1 << 20)) continue;
                if (pred < 0 || sc[x] > sc[pred]) pred = x;
                if (cost[x] == minc && (gold < 0 || sc[x] > sc[gold])) gold = x;
            }
            if (cost[pred] > minc && (ap_train_update(a, keys, nk, gold, pred)
                || (nc > na && ap_train_update(a, keys, nk, na + parse_kind(gold, t->nlab), na + parse_kind(pred, t->nlab))))) {
                pstate_free(&st); dyad_free(word); dyad_free(ptag); return DYAD_NOMEM;
            }
            ap_train_tick(a);
            right += cost[pred] == minc; tot++;
            int follow = gold;
            if (epoch > 0 && (rnd(t) % 100) < 90) follow = pred;
            parse_apply(&st, follow);
        }
        pstate_free(&st);
        dyad_free(word); dyad_free(ptag);
    }
    *acc = tot ? 100.0 * right / tot : 0;
    return DYAD_OK;
}

/* Assemble the sections; parser/tagger blocks given. Returns an OWNED image. */
typedef struct parts {
    void *tagger; size_t tagsz;
    void *tagger2; size_t tag2sz;
    void *amb; size_t ambsz;
    void *clu; size_t clusz;
    void *parser; size_t parsz;
    void *dict; size_t dictsz;
    void *lex; size_t lexsz;
    uint32_t *lexv; size_t nlexv;
    void *rules; size_t rulesz;
    uint32_t *meta; size_t metasz;
} parts;

static void *image(trainer *t, const parts *p, size_t *size) {
    msect s[11] = {
        {SEC_META, p->meta, p->metasz}, {SEC_POOL, t->pool, t->npool},
        {SEC_TAGGER, p->tagger, p->tagsz}, {SEC_PARSER, p->parser, p->parsz},
        {SEC_TAGDICT, p->dict, p->dictsz}, {SEC_LEX, p->lex, p->lexsz},
        {SEC_LEXV, p->lexv, p->nlexv * 8}, {SEC_RULES, p->rules, p->rulesz},
        {SEC_TAGGER2, p->tagger2, p->tag2sz}, {SEC_AMB, p->amb, p->ambsz},
        {SEC_CLU, p->clu, p->clusz},
    };
    return model_image(s, t->fset >= 5 ? 11 : t->fset >= 2 ? 10 : 9, (uint32_t)t->fset, size);
}

static int uni_eq(const char *a, const char *b) {
    size_t i = 0;
    for (; a[i] && a[i] != ':' && b[i] && b[i] != ':'; i++) if (a[i] != b[i]) return 0;
    return (a[i] == 0 || a[i] == ':') && (b[i] == 0 || b[i] == ':');
}

/* Tag and parse dev with the model image; UPOS and LAS percentages. */
static dyad_status eval_dev(trainer *t, const void *img, size_t size, double *upos, double *las, double *uas) {
    dyad_model m;
    char e[200];
    dyad_status st = model_from_image(&m, img, size, e, sizeof e);
    if (st) { snprintf(t->err, t->errlen, "internal: %s", e); return st; }
    dyad_sentence *s = dyad_sentence_new();
    if (!s) return DYAD_NOMEM;
    long tot = 0, cu = 0, cl = 0, ch = 0;
    for (int i = 0; i < t->ndev; i++) {
        tsent *g = &t->dev[i];
        dyad_sentence_clear(s);
        for (int k = 0; k < g->n; k++) {
            dyad_token tk = {0};
            tk.form = g->form[k]; tk.head = -1;
            if ((st = dyad_sentence_add(s, &tk))) break;
        }
        if (!st) st = dyad_parse_sentence(&m, s);
        if (st) break;
        dyad_token *tk = dyad_sentence_tokens(s);
        for (int k = 0; k < g->n; k++) {
            tot++;
            cu += !strcmp(tk[k].upos, t->up[g->tag[k]]);
            if (tk[k].head == g->head[k + 1]) {
                ch++;
                cl += uni_eq(tk[k].deprel, t->labs[g->lab[k + 1]]);
            }
        }
    }
    dyad_sentence_free(s);
    *upos = tot ? 100.0 * cu / tot : 0;
    *las = tot ? 100.0 * cl / tot : 0;
    *uas = tot ? 100.0 * ch / tot : 0;
    return st;
}

dyad_status dyad_train(const char *train_path, const char *dev_path, const char *out_path,
                       const dyad_train_opts *o, char *err, size_t errlen) {
    return dyad_train_features(train_path, dev_path, out_path, o, 1, err, errlen);
}

dyad_status dyad_train_features(const char *train_path, const char *dev_path, const char *out_path,
                                const dyad_train_opts *o, int features, char *err, size_t errlen) {
    static char dummy[8];
    trainer T, *t = &T;
    memset(t, 0, sizeof *t);
    t->err = err && errlen ? err : dummy; t->errlen = err && errlen ? errlen : sizeof dummy;
    t->err[0] = '\0';
    t->o = o;
    t->rng = 0x2545F4914F6CDD1DULL;
    int tag_epochs = o && o->tag_epochs > 0 ? o->tag_epochs : 8;
    int parse_epochs = o && o->parse_epochs > 0 ? o->parse_epochs : 15;
    int folds = o && o->folds > 0 ? o->folds : 5;
    float prune = o && o->prune > 0 ? o->prune : 0.0f;
    t->fset = features > 0 ? features : 1;
    if (t->fset > (int)MODEL_VERSION) {
        snprintf(t->err, t->errlen, "feature set %d unknown (1 to %u)", t->fset, MODEL_VERSION);
        return DYAD_EINVAL;
    }
    parts P; memset(&P, 0, sizeof P);
    void *best = NULL; size_t bestsz = 0;
    int *idx = NULL;
    ap_train *pa = NULL;
    /* the training treebanks in the order given (a file given twice is read
    ** twice: its sentences weigh double), then the dev treebanks */
    const double *tw = o ? o->train_weight : NULL;
    dyad_status st = load(t, train_path, 1, tw ? (float)tw[0] : 1.0f, &t->s, &t->ns);
    for (int i = 0; !st && o && o->train_more && o->train_more[i]; i++)
        st = load(t, o->train_more[i], 1, tw ? (float)tw[i + 1] : 1.0f, &t->s, &t->ns);
    if (st) goto out;
    if (t->ns == 0) { snprintf(t->err, t->errlen, "%s: no sentences", train_path); st = DYAD_EPARSE; goto out; }
    if (dev_path && (st = load(t, dev_path, 0, 1.0f, &t->dev, &t->ndev))) goto out;
    for (int i = 0; dev_path && o && o->dev_more && o->dev_more[i]; i++)
        if ((st = load(t, o->dev_more[i], 0, 1.0f, &t->dev, &t->ndev))) goto out;
    if (o && o->projectivize) {
        int lifted = 0, arcs = 0;
        for (int i = 0; i < t->ns; i++) {
            tsent *x = &t->s[i];
            if (x->projective) continue;
            arcs += parse_lift_nonproj(x->head, x->n);
            x->projective = projective(x->head, x->n);
            lifted += x->projective;
        }
        say(t, "projectivized %d sentences (%d arcs lifted)", lifted, arcs);
    }
    t->root = label_id(t, "root", 1);
    t->punct = label_id(t, "punct", 0);
    if (t->nlab < 2) { snprintf(t->err, t->errlen, "%s: fewer than 2 relations", train_path); st = DYAD_EPARSE; goto out; }
    /* dev tags/labels unknown to train map to class 0 (counted as errors anyway) */
    {
        const char *up[256];
        for (int i = 0; i < t->ntag; i++) up[i] = t->up[i];
        parse_coarse(up, t->ntag, t->coarse);
    }
    say(t, "read %d training sentences, %d dev; %d tag classes, %d relations", t->ns, t->ndev, t->ntag, t->nlab);
    if (intern(t, "_") == UINT32_MAX) { st = DYAD_NOMEM; goto out; }
    uint32_t tagfeats[256];
    if ((st = build_lexicon(t, &P.lex, &P.lexsz, &P.lexv, &P.nlexv, &P.rules, &P.rulesz, tagfeats))) goto out;
    if ((st = build_tagdict(t, &P.dict, &P.dictsz))) goto out;
    t->cap = t->norig = t->ns;
    if ((st = augment(t))) goto out;
    if (t->fset >= 2 && (st = build_amb(t, &P.amb, &P.ambsz))) goto out;
    if (t->fset >= 5 && (st = build_clusters(t, &P.clu, &P.clusz))) goto out;
    kv_map dict;
    if (kv_view(P.dict, P.dictsz, &dict)) { st = DYAD_NOMEM; goto out; }
    P.metasz = 16 + 4 * (size_t)(3 * t->ntag + t->nlab);
    P.meta = dyad_calloc(1, P.metasz);
    idx = dyad_malloc((size_t)t->ns * sizeof *idx);
    if (!P.meta || !idx) { st = DYAD_NOMEM; goto out; }
    P.meta[0] = (uint32_t)t->ntag; P.meta[1] = (uint32_t)t->nlab;
    P.meta[2] = (uint32_t)t->root; P.meta[3] = (uint32_t)t->punct;
    for (int c = 0; c < t->ntag; c++) {
        P.meta[4 + 3 * c] = intern(t, t->up[c]);
        P.meta[4 + 3 * c + 1] = intern(t, t->xp[c]);
        P.meta[4 + 3 * c + 2] = tagfeats[c];
    }
    for (int l = 0; l < t->nlab; l++) P.meta[4 + 3 * t->ntag + l] = intern(t, t->labs[l]);
    for (size_t i = 0; i < P.metasz / 4; i++) if (P.meta[i] == UINT32_MAX) { st = DYAD_NOMEM; goto out; }
    /* jackknifed tags: pass 1 (ptag1) for pass 2's training, pass 2 (ptag)
    ** for the parser's training data */
    /* from feature set 5 the tagger learns from the treebank's sentences only
    ** (augment()'s copies cost 0.1-0.2 dev UPOS); the copies are tagged by
    ** the fold taggers all the same, for the parser */
    int tag_ns = t->fset >= 5 ? t->norig : t->ns;
    const uint8_t *share = t->fset >= 5 ? t->coarse : NULL;
    for (int stage = 1; stage <= 2; stage++) {
        for (int f = 0; f < folds; f++) {
            int n = 0;
            for (int i = 0; i < tag_ns; i++) if (i % folds != f) idx[n++] = i;
            ap_table tb; void *mem; size_t msz;
            say(t, "tagger pass %d, fold %d/%d", stage, f + 1, folds);
            if ((st = train_tagger(t, idx, n, tag_epochs, &dict, stage, 0.0f, &tb, &mem, &msz))) goto out;
            long right = 0, tot = 0;
            for (int i = f; i < t->ns; i += folds) {
                tsent *s = &t->s[i];
                if (stage == 1) tag_run(&tb, &dict, share, s->ti, s->n, NULL, s->ptag1);
                else tag_run_alt(&tb, &dict, share, s->ti, s->n, s->ptag1, s->ptag, s->palt);
                int *p = stage == 1 ? s->ptag1 : s->ptag;
                for (int k = 0; k < s->n; k++) { right += p[k] == s->tag[k]; tot++; }
            }
            say(t, "  held-out fold tag accuracy %.2f%%", tot ? 100.0 * right / tot : 0.0);
            dyad_free(mem);
        }
        for (int i = 0; i < t->ns; i++) idx[i] = i;
        say(t, "tagger pass %d on all training data", stage);
        ap_table tagger;
        /* development aid: prune the final taggers (1.0: a third of their size, but
        ** -0.2 dev LAS through the tags; docs/parser.md) */
        float tprune = getenv("DYAD_TAG_PRUNE") ? (float)atof(getenv("DYAD_TAG_PRUNE")) : 0.0f;
        if ((st = train_tagger(t, idx, tag_ns, tag_epochs, &dict, stage, tprune, &tagger,
                               stage == 1 ? &P.tagger : &P.tagger2, stage == 1 ? &P.tagsz : &P.tag2sz))) goto out;
        say(t, "  %u weights", tagger.nent);
    }
    /* parser */
    pa = ap_train_new((uint32_t)parse_nclass(t->nlab, t->fset));
    if (!pa) { st = DYAD_NOMEM; goto out; }
    /* the epoch kept: the best dev LAS, or from feature set 5 the best dev UAS + LAS
    ** (issue 4 sets targets on both; LAS alone ties often over the last epochs) */
    double best_score = -1, best_las = 0;
    int best_epoch = 0;
    for (int e = 0; e < parse_epochs; e++) {
        double acc;
        if ((st = parse_epoch(t, pa, idx, e, &acc))) goto out;
        ap_table ptb;
        dyad_free(P.parser); P.parser = NULL;
        if (ap_freeze(pa, prune, t->fset >= 5 ? AP_PACKED : 0, &ptb, &P.parser, &P.parsz)) { st = DYAD_NOMEM; goto out; }
        if (t->ndev || e == parse_epochs - 1) {
            size_t isz;
            void *img = image(t, &P, &isz);
            if (!img) { st = DYAD_NOMEM; goto out; }
            double up = 0, las = 0, uas = 0;
            if (t->ndev && (st = eval_dev(t, img, isz, &up, &las, &uas))) { dyad_free(img); goto out; }
            say(t, "parser epoch %d: oracle agreement %.2f%%; dev UPOS %.2f UAS %.2f LAS %.2f; %zu entries",
                e + 1, acc, up, uas, las, (size_t)ptb.nent);
            if (getenv("DYAD_SAVE_EPOCHS")) {   /* development aid: OUT.epochN for each epoch */
                char pth[1024];
                snprintf(pth, sizeof pth, "%s.epoch%d", out_path, e + 1);
                FILE *f = fopen(pth, "wb");
                if (f) { fwrite(img, 1, isz, f); fclose(f); }
            }
            double score = t->fset >= 5 ? las + uas : las;
            if (!t->ndev || score > best_score) {
                dyad_free(best); best = img; bestsz = isz; best_score = score; best_las = las; best_epoch = e + 1;
            } else dyad_free(img);
        }
    }
    if (getenv("DYAD_PRUNE_SWEEP") && t->ndev) {   /* development aid: size/accuracy trade-off */
        static const float th[] = {0.05f, 0.4f, 0.7f, 0.8f, 0.9f, 1.0f, 1.2f, 1.6f, 2.0f, 2.5f, 3.0f, 4.0f};
        for (int i = 0; i < 12; i++) {
            ap_table ptb; size_t isz;
            dyad_free(P.parser); P.parser = NULL;
            if (ap_freeze(pa, th[i], t->fset >= 5 ? AP_PACKED : 0, &ptb, &P.parser, &P.parsz)) { st = DYAD_NOMEM; goto out; }
            void *img = image(t, &P, &isz);
            double up = 0, las = 0, uas = 0;
            if (!img || (st = eval_dev(t, img, isz, &up, &las, &uas))) { dyad_free(img); goto out; }
            say(t, "prune %.2f: %zu entries, %zu bytes: dev UAS %.2f LAS %.2f", th[i], (size_t)ptb.nent, isz, uas, las);
            if (!strcmp(getenv("DYAD_PRUNE_SWEEP"), "save")) {   /* OUT.prune2.0 and so on, to time them */
                char pth[1024];
                snprintf(pth, sizeof pth, "%s.prune%.1f", out_path, th[i]);
                FILE *f = fopen(pth, "wb");
                if (f) { fwrite(img, 1, isz, f); fclose(f); }
            }
            dyad_free(img);
        }
    }
    say(t, "best epoch %d (dev LAS %.2f); writing %s (%zu bytes)", best_epoch, best_las, out_path, bestsz);
    {
        FILE *f = fopen(out_path, "wb");
        if (!f) { snprintf(t->err, t->errlen, "%s: cannot create", out_path); st = DYAD_EIO; goto out; }
        int ok = fwrite(best, 1, bestsz, f) == bestsz;
        ok &= fclose(f) == 0;
        if (!ok) { snprintf(t->err, t->errlen, "%s: write failed", out_path); st = DYAD_EIO; }
    }
out:
    if (st && !t->err[0]) snprintf(t->err, t->errlen, "%s", dyad_strerror(st));
    ap_train_free(pa);
    dyad_free(best); dyad_free(idx);
    dyad_free(P.tagger); dyad_free(P.tagger2); dyad_free(P.amb); dyad_free(P.clu); dyad_free(P.parser); dyad_free(P.dict); dyad_free(P.lex);
    dyad_free(P.lexv); dyad_free(P.rules); dyad_free(P.meta);
    dyad_free(t->pool); dyad_free(t->ih); dyad_free(t->io);
    free_sents(t->s, t->ns);
    free_sents(t->dev, t->ndev);
    return st;
}
