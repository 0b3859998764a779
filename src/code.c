/*
** code.c: the event coder. A sentence's phrase structure (a Penn tree, or
** one rebuilt from its UD tree) is flattened into PETRARCH-1's token list of
** words and bracket markers, noun phrases become coded NEs, verbs are found
** and their legacy patterns matched linearly (formats.md §13). Every event
** keeps its evidence: token spans and the dictionary lines that fired.
*/
#include "code.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { T_W = 0, T_O, T_C };

enum { LK_OTHER = 0, LK_NE, LK_NEC, LK_VP, LK_COMMA, LK_VB, LK_VBN, LK_FINAL };

typedef struct lt {
    uint8_t k;          /* T_W word, T_O open marker, T_C close marker */
    uint8_t lk;         /* LK_*: the label's kind, for fast tests */
    uint8_t hb;         /* words: word_bit() of the word */
    uint8_t del;        /* deleted by comma-clause deletion */
    const char *lab;    /* marker label ("NE", "NEC", "VP", "VBD", ",") */
    const char *w;      /* word, upper case */
    int tok;            /* sentence token (words), -1 otherwise */
    int partner;        /* the other marker of a bracket */
    int ne;             /* NE open/close: NE index; else -1 */
} lt;

typedef struct ne_t {
    int w0, nw;         /* words in c->words */
    int tok0, tok1;     /* token span (end exclusive), -1 if none */
    const char *code;   /* "ARNGOV", "---", "---GOV" */
    const char *entry;  /* evidence, formatted on demand (NULL until then) */
    const char *ref_file[4];   /* actor and agent entries that made the code */
    uint32_t ref_line[4];
    int nref;
} ne_t;

/* an NE under construction: words and raw compounds */
enum { NB_WORD, NB_CSTART, NB_MSEP, NB_CEND };
typedef struct nb_item { int kind; const char *w; int tok; } nb_item;

struct dyad_coder {
    const dyad_dicts *d;
    cp_pattern *pat;
    size_t npat;
    arena mem;               /* per sentence */
    dyad_phrases *ud;        /* phrases rebuilt from UD trees */
    const dyad_phrases *p;   /* the tree being coded */
    dyad_sentence *s;
    lt *t; int nt, tcap;
    const char **words; int nw, wcap;
    int dateline;            /* the top NE held a raw compound */
    ne_t *ne; int nne, necap;
    nb_item *nb; int nnb, nbcap;
    dyad_event *ev; int nev, evcap;
    int *stack; int nstack, stcap;
    char *iscomp;            /* per phrase node */
    int *ord, *pos, *send;   /* pre-order: node at rank, rank of node, last rank in subtree */
    int32_t date;
    const dyad_code_opts *o;
    int oom;
    struct disc *disc;       /* discards, bucketed (coder lifetime) */
    int *dbucket, ndisc, dshort;
    uint32_t *porder;        /* pattern try order (coder lifetime) */
    int capnodes;            /* capacity of ord/pos/send/iscomp/nf */
    unsigned char *nf;       /* NF_* per phrase node */
    const char **uw;         /* upper-cased token forms, per sentence */
    int capuw;
    dyad_code_opts defaults;
    nb_item tmp[512];        /* scratch for one NE's words */
};

/* ================================================================ setup */

static int discards_prepare(dyad_coder *c, arena *a);

static char *mdup(arena *a, const char *z, size_t n) { return arena_strndup(a, z, n); }

static void upcase(char *z) { for (; *z; z++) *z = (char)toupper((unsigned char)*z); }

/* Prepare a legacy pattern (§13.4): text before `[`, `_ ` -> ` `, split at
** `*`; each word keeps the separator on the verb's side. */
/* the filter bit of a word: FNV-1a, 7 bits */
static unsigned word_bit(const char *w) {
    uint32_t h = 2166136261u;
    for (; *w; w++) h = (h ^ (unsigned char)*w) * 16777619u;
    return (h ^ (h >> 15)) & 127u;
}

static int prep_pattern(dyad_coder *c, const dict_pattern *dp, cp_pattern *cp, arena *a, int cameo2) {
    memset(cp, 0, sizeof *cp);
    cp->src = dp;
    const char *txt = dp->text ? dp->text : "";
    if (cameo2) {
        /* P2's {noun phrase} and (PP) groups read linearly: their words in order */
        if (dp->flags & (DICT_PAT_P2_IGNORED | DICT_PAT_UNDEF_SYN)) { cp->dead = 1; return 0; }
    } else {
        if (dp->flags & (DICT_PAT_UNDEF_SYN | DICT_PAT_BRACE_P1)) { cp->dead = 1; return 0; }
        if (strchr(txt, '{')) { cp->dead = 1; return 0; }
    }
    size_t n = strcspn(txt, "[");
    char *b = mdup(a, txt, n);
    if (!b) return -1;
    upcase(b);
    if (cameo2) {
        const char *st = strchr(b, '*');
        if (st) { st++; while (*st == ' ' || *st == '\t') st++; cp->ppfirst = *st == '('; }
        for (char *q = b; *q; q++) if (*q == '{' || *q == '}' || *q == '(' || *q == ')') *q = ' ';
    }
    for (char *q = b; *q; q++) if (q[0] == '_' && q[1] == ' ') q[0] = ' ';
    char *star = strchr(b, '*');
    if (!star) { cp->dead = 1; return 0; }
    *star = 0;
    char *up = b, *lo = star + 1;
    /* count words */
    cp_word *w = arena_zalloc(a, sizeof(cp_word) * (strlen(up) + strlen(lo) + 2));
    if (!w) return -1;
    /* UPPER: the separator after each word (toward `*`) */
    int k = 0;
    size_t L = strlen(up);
    for (size_t i = 0; i < L;) {
        while (i < L && (up[i] == ' ' || up[i] == '_' || up[i] == '\t')) i++;
        if (i >= L) break;
        size_t s0 = i;
        while (i < L && up[i] != ' ' && up[i] != '_' && up[i] != '\t') i++;
        w[k].w = mdup(a, up + s0, i - s0);
        w[k].vsep = i < L && up[i] == '_' ? '_' : ' ';
        k++;
    }
    cp->up = w; cp->nup = k;
    cp_word *w2 = w + k;
    int m = 0;
    L = strlen(lo);
    char prev = ' ';
    for (size_t i = 0; i < L;) {
        if (lo[i] == ' ' || lo[i] == '\t') { if (prev != '_') prev = ' '; i++; continue; }
        if (lo[i] == '_') { prev = '_'; i++; continue; }
        size_t s0 = i;
        while (i < L && lo[i] != ' ' && lo[i] != '_' && lo[i] != '\t') i++;
        w2[m].w = mdup(a, lo + s0, i - s0);
        w2[m].vsep = prev;
        prev = ' ';
        m++;
    }
    /* the separator right after `*` counts for the first LOWER word */
    if (m > 0 && lo[0] == '_') w2[0].vsep = '_';
    cp->lo = w2; cp->nlo = m;
    for (int i = 0; i < k + m; i++) {
        if (!w[i].w) return -1;
        if (w[i].w[0] != '&' && w[i].w[1]) {
            unsigned hb = word_bit(w[i].w);
            cp->need[hb >> 6] |= 1ull << (hb & 63);
        }
        if (w[i].w[0] == '&') {
            w[i].syn = dict_synset_get(c->d, w[i].w);
            if (!w[i].syn) cp->dead = 1;
            else {
                /* the members' first and last words (and plurals): a word
                ** outside this filter cannot start a member match */
                uint64_t *sb = w[i].sb;
                for (uint32_t q = 0; q < w[i].syn->nmembers; q++) {
                    const dict_syn_member *mb = &w[i].syn->members[q];
                    const char *fw[3] = {mb->nwords ? mb->words[0] : mb->text,
                                         mb->nwords ? mb->words[mb->nwords - 1] : NULL, mb->plural};
                    if (mb->nested >= 0) { fw[0] = mb->text; fw[1] = NULL; }
                    for (int z = 0; z < 3; z++) {
                        if (!fw[z]) continue;
                        char uw[128];
                        size_t fl = strlen(fw[z]);
                        if (fl >= sizeof uw) { sb[0] = sb[1] = ~0ull; continue; }
                        for (size_t y = 0; y <= fl; y++) uw[y] = (char)toupper((unsigned char)fw[z][y]);
                        unsigned hb = word_bit(uw);
                        sb[hb >> 6] |= 1ull << (hb & 63);
                    }
                }
                if (cp->nsyn < 4) { cp->syn[cp->nsyn][0] = sb[0]; cp->syn[cp->nsyn][1] = sb[1]; cp->nsyn++; }
            }
        }
    }
    return 0;
}

dyad_coder *dyad_coder_new(const dyad_dicts *d) {
    if (!d) return NULL;
    dyad_coder *c = dyad_calloc(1, sizeof *c);
    if (!c) return NULL;
    c->d = d;
    arena_init(&c->mem);
    c->ud = dyad_phrases_new();
    size_t np = 0;
    const dict_pattern *pats = dict_patterns(d, &np);
    c->pat = dyad_calloc(np + 1, sizeof *c->pat);
    if (!c->ud || !c->pat) { dyad_coder_free(c); return NULL; }
    c->npat = np;
    /* patterns live in their own arena that survives per-sentence resets:
    ** keep them in a dedicated block list hung off the coder */
    arena *pa = dyad_calloc(1, sizeof *pa);
    if (!pa) { dyad_coder_free(c); return NULL; }
    arena_init(pa);
    size_t nb = 0;
    const dict_block *blocks = dict_blocks(d, &nb);
    for (size_t i = 0; i < np; i++) {
        int cameo2 = pats[i].block < nb && blocks[pats[i].block].format == DICT_VERBS_CAMEO2;
        if (prep_pattern(c, &pats[i], &c->pat[i], pa, cameo2) < 0) { arena_free(pa); dyad_free(pa); dyad_coder_free(c); return NULL; }
    }
    /* the order patterns are tried in: file order (P1); for CAMEO 2.0 blocks,
    ** longer patterns first (P2 prefers the most specific continuation) */
    c->porder = arena_alloc(pa, (np + 1) * sizeof *c->porder);
    if (!c->porder) { arena_free(pa); dyad_free(pa); dyad_coder_free(c); return NULL; }
    for (size_t i = 0; i < np; i++) c->porder[i] = (uint32_t)i;
    for (size_t bi = 0; bi < nb; bi++) {
        if (blocks[bi].format != DICT_VERBS_CAMEO2) continue;
        uint32_t f = blocks[bi].first_pattern, m = blocks[bi].npatterns;
        if (f + m > np) continue;
        for (uint32_t x = 1; x < m; x++) {   /* stable insertion sort by length, descending */
            uint32_t v = c->porder[f + x];
            int key = 2 * (c->pat[v].nup + c->pat[v].nlo) + !c->pat[v].ppfirst;
            uint32_t y = x;
            while (y > 0) {
                const cp_pattern *pv = &c->pat[c->porder[f + y - 1]];
                if (2 * (pv->nup + pv->nlo) + !pv->ppfirst >= key) break;
                c->porder[f + y] = c->porder[f + y - 1];
                y--;
            }
            c->porder[f + y] = v;
        }
    }
    c->pat[np].src = (const dict_pattern *)(void *)pa;   /* sentinel holds the arena */
    if (discards_prepare(c, pa) < 0) { dyad_coder_free(c); return NULL; }
    dyad_code_opts_default(&c->defaults);
    return c;
}

void dyad_coder_free(dyad_coder *c) {
    if (!c) return;
    if (c->pat) {
        arena *pa = (arena *)(void *)c->pat[c->npat].src;
        if (pa) { arena_free(pa); dyad_free(pa); }
    }
    dyad_free(c->pat);
    dyad_phrases_free(c->ud);
    arena_free(&c->mem);
    dyad_free(c->t); dyad_free(c->words); dyad_free(c->ne);
    dyad_free(c->nb); dyad_free(c->ev); dyad_free(c->stack);
    dyad_free(c->iscomp); dyad_free(c->ord); dyad_free(c->pos); dyad_free(c->send);
    dyad_free(c->nf); dyad_free(c->uw);
    dyad_free(c);
}

#define GROW(arr, n, cap, extra) do { if ((n) + (extra) > (cap)) { \
        int nc_ = (cap) ? (cap) * 2 : 64; \
        while (nc_ < (n) + (extra)) { nc_ *= 2; } \
        void *p_ = dyad_realloc((arr), (size_t)nc_ * sizeof *(arr)); \
        if (!p_) { c->oom = 1; return -1; } \
        (arr) = p_; (cap) = nc_; } } while (0)

/* ================================================================ list */

static int push(dyad_coder *c, int k, const char *lab, const char *w, int tok, int ne) {
    GROW(c->t, c->nt, c->tcap, 1);
    lt *x = &c->t[c->nt];
    x->k = (uint8_t)k; x->del = 0; x->lab = lab; x->w = w; x->tok = tok; x->partner = -1; x->ne = ne;
    x->lk = LK_OTHER;
    x->hb = k == T_W && w ? (uint8_t)word_bit(w) : 0;
    if (lab) {
        if (lab[0] == 'N' && lab[1] == 'E') x->lk = lab[2] == 0 ? LK_NE : (lab[2] == 'C' && !lab[3]) ? LK_NEC : LK_OTHER;
        else if (lab[0] == 'V' && lab[1] == 'P' && !lab[2]) x->lk = LK_VP;
        else if (lab[0] == 'V' && lab[1] == 'B') x->lk = lab[2] == 'N' && !lab[3] ? LK_VBN : LK_VB;
        else if (lab[0] == ',' && !lab[1]) x->lk = LK_COMMA;
        else if ((lab[0] == '.' || lab[0] == '!' || lab[0] == '?') && !lab[1]) x->lk = LK_FINAL;
    }
    if (k == T_O) {
        if (c->nstack == c->stcap) {
            int nc = c->stcap ? c->stcap * 2 : 64;
            int *p = dyad_realloc(c->stack, (size_t)nc * sizeof *p);
            if (!p) { c->oom = 1; return -1; }
            c->stack = p; c->stcap = nc;
        }
        c->stack[c->nstack++] = c->nt;
    } else if (k == T_C && c->nstack > 0) {
        int o = c->stack[--c->nstack];
        x->partner = o;
        c->t[o].partner = c->nt;
        x->ne = c->t[o].ne;
    }
    return c->nt++;
}

static const char *lab_of(const dyad_coder *c, int nd) { return c->p->n[nd].label; }
/* A tree label as a marker: the parse's own "NE"/"NEC" must not pass for
** the coder's NE markers, which carry an NE index. */
static const char *tree_lab(const char *l) {
    return l[0] == 'N' && l[1] == 'E' && (!l[2] || (l[2] == 'C' && !l[3])) ? "NE-TREE" : l;
}
static int is_leafn(const dyad_coder *c, int nd) { return c->p->n[nd].tok >= 0 && c->p->n[nd].child < 0; }

/* the dictionary key of a word form (dyad_fold_key: case folded, diacritics
** stripped, so "Pécresse" gives "PECRESSE"), in the sentence arena; NULL on no memory */
static char *fold_dup(dyad_coder *c, const char *form) {
    size_t n = strlen(form);
    char buf[128];
    size_t k = dyad_fold_key(form, n, buf, sizeof buf);
    if (k < sizeof buf) return mdup(&c->mem, buf, k);
    char *w = arena_alloc(&c->mem, k + 1);
    if (w) dyad_fold_key(form, n, w, k + 1);
    return w;
}

/* the upper-cased (folded) form of token tok, made once per sentence */
static const char *word_of(dyad_coder *c, int tok) {
    if (c->uw[tok]) return c->uw[tok];
    const dyad_token *t = dyad_sentence_tokens(c->s) + tok;
    char *w = fold_dup(c, t->form);
    if (!w) { c->oom = 1; return ""; }
    return c->uw[tok] = w;
}

/* node flags, computed once per sentence in prepare_tree */
enum { NF_NP = 1, NF_PP = 2, NF_SBAR = 4, NF_POS = 8, NF_VP_OR_S = 16, NF_CC = 32, NF_N = 64 };


static int is_tag(const char *l, const char *t) { return !strncmp(l, t, strlen(t)); }
static int capital(const dyad_coder *c, int tok) {
    return isupper((unsigned char)dyad_sentence_tokens(c->s)[tok].form[0]);
}

/* The shared head of coordinated modifiers, or -1: an NP whose words are
** modifiers (adjectives, proper nouns; one coordinator among them, loose in
** the NP or in an ADJP of its own) and then common nouns ("Russian and Chinese
** companies", "the US and EU officials"), no common noun before the
** coordinator. Returns the child where the shared nouns start. */
static int shared_head(const dyad_coder *c, int P) {
    const dyad_phrases *p = c->p;
    int seen_cc = 0, mods_after = 0, head = -1, group = 0;
    for (int k = p->n[P].child; k >= 0; k = p->n[k].next) {
        const char *l = lab_of(c, k);
        if (!is_leafn(c, k)) {
            if (strcmp(l, "ADJP") || seen_cc || head >= 0) return -1;
            for (int a = p->n[k].child; a >= 0; a = p->n[a].next) {   /* "Japanese and South Korean" */
                const char *m = lab_of(c, a);
                if (!is_leafn(c, a)) return -1;
                if (!strcmp(m, "CC") || !strcmp(m, ",")) { seen_cc += !strcmp(m, "CC"); group = 0; continue; }
                if (!is_tag(m, "JJ") && !is_tag(m, "NNP")) return -1;
                if (!group++ && !capital(c, p->n[a].tok)) return -1;
                if (seen_cc) mods_after = 1;
            }
            continue;
        }
        if (head >= 0) {   /* the shared nouns run to the end */
            if (!is_tag(l, "NN")) return -1;
            continue;
        }
        if (!strcmp(l, "CC") || !strcmp(l, ",")) { if (!strcmp(l, "CC") && seen_cc++) return -1; group = 0; continue; }
        if (!strcmp(l, "DT")) continue;
        if (is_tag(l, "JJ") || is_tag(l, "NNP")) {
            /* each group names a people or a body: it starts with a capital
            ** ("Russian and Chinese", not "military and political") */
            if (!group++ && !capital(c, p->n[k].tok)) return -1;
            if (seen_cc) mods_after = 1;
            continue;
        }
        if (is_tag(l, "NN") && seen_cc && mods_after) { head = k; continue; }
        return -1;   /* a common noun before the coordinator, or anything else */
    }
    return seen_cc == 1 && mods_after ? head : -1;
}

/* pre-order ranks of the phrase tree, subtree ends, compounds (§13.1 step 2) */
static int prepare_tree(dyad_coder *c) {
    const dyad_phrases *p = c->p;
    int nn = p->nn;
    if (nn + 1 > c->capnodes) {
        dyad_free(c->ord); dyad_free(c->pos); dyad_free(c->send); dyad_free(c->iscomp);
        dyad_free(c->nf);
        int cap = (nn + 1) * 2;
        c->ord = dyad_malloc((size_t)cap * sizeof *c->ord);
        c->pos = dyad_malloc((size_t)cap * sizeof *c->pos);
        c->send = dyad_malloc((size_t)cap * sizeof *c->send);
        c->iscomp = dyad_malloc((size_t)cap);
        c->nf = dyad_malloc((size_t)cap);
        c->capnodes = cap;
        if (!c->ord || !c->pos || !c->send || !c->iscomp || !c->nf) { c->capnodes = 0; c->oom = 1; return -1; }
    }
    int ntok = dyad_sentence_len(c->s);
    if (ntok + 1 > c->capuw) {
        dyad_free(c->uw);
        c->capuw = (ntok + 1) * 2;
        c->uw = dyad_malloc((size_t)c->capuw * sizeof *c->uw);
        if (!c->uw) { c->capuw = 0; c->oom = 1; return -1; }
    }
    memset(c->uw, 0, (size_t)(ntok + 1) * sizeof *c->uw);
    memset(c->iscomp, 0, (size_t)nn + 1);
    for (int i = 0; i < nn; i++) {
        const char *l = p->n[i].label;
        unsigned char f = 0;
#define ENDS(k) (l[k] == 0 || l[k] == '-' || l[k] == '=')
        switch (l[0]) {
        case 'N': f |= NF_N; if (l[1] == 'P' && !l[2]) f |= NF_NP; break;
        case 'P': if (l[1] == 'P' && ENDS(2)) f |= NF_PP;
                  else if (l[1] == 'O' && l[2] == 'S' && !l[3]) f |= NF_POS;
                  break;
        case 'S': f |= NF_VP_OR_S; if (l[1] == 'B' && l[2] == 'A' && l[3] == 'R' && ENDS(4)) f |= NF_SBAR; break;
        case 'V': if (l[1] == 'P' && ENDS(2)) f |= NF_VP_OR_S; break;
        case 'C': if (l[1] == 'C' && !l[2] && p->n[i].tok >= 0 && p->n[i].child < 0) f |= NF_CC; break;
        default: break;
        }
#undef ENDS
        c->nf[i] = f;
    }
    int r = 0;
    for (int x = p->root; x >= 0 && r < nn;) {   /* pre-order without a stack */
        c->pos[x] = r;
        c->ord[r++] = x;
        if (p->n[x].child >= 0) { x = p->n[x].child; continue; }
        while (x >= 0 && p->n[x].next < 0) x = p->n[x].parent;
        if (x >= 0) x = p->n[x].next;
    }
    for (int i = r; i < nn; i++) c->ord[i] = -1;
    /* subtree ends: process in reverse pre-order (children first) */
    for (int i = r - 1; i >= 0; i--) {
        int x = c->ord[i];
        c->send[x] = p->n[x].last >= 0 ? c->send[p->n[x].last] : i;
    }
    /* compounds */
    for (int i = 0; i < r; i++) {
        int x = c->ord[i];
        if (!is_leafn(c, x) || strcmp(lab_of(c, x), "CC")) continue;
        int P = p->n[x].parent;
        if (P < 0 || (strcmp(lab_of(c, P), "NP") && strcmp(lab_of(c, P), "ADJP"))) continue;
        int bad = 0, ncc = 0, nN = 0;
        for (int j = c->pos[P]; j <= c->send[P]; j++) {
            unsigned char f = c->nf[c->ord[j]];
            if (f & NF_VP_OR_S) bad = 1;
            if (f & NF_CC) ncc++;
            if (f & NF_N) nN++;
        }
        if (!bad && ncc == 1 && nN >= 3 && !strcmp(lab_of(c, P), "NP")) c->iscomp[P] = 1;
        /* "Russian and Chinese companies", "(the Iraqi and US) governments":
        ** coordinated modifiers share the nouns after them */
        int Q = !strcmp(lab_of(c, P), "ADJP") ? p->n[P].parent : P;
        if (!bad && ncc == 1 && Q >= 0 && !strcmp(lab_of(c, Q), "NP") && shared_head(c, Q) >= 0) c->iscomp[Q] = 2;
    }
    return 0;
}

static int nb_add(dyad_coder *c, int kind, const char *w, int tok) {
    GROW(c->nb, c->nnb, c->nbcap, 1);
    c->nb[c->nnb].kind = kind; c->nb[c->nnb].w = w; c->nb[c->nnb].tok = tok;
    c->nnb++;
    return 0;
}

/* all words of a subtree (POS tokens dropped when skip_pos) */
static void nb_words(dyad_coder *c, int nd, int skip_pos, int allow_comp);

/* A compound of coordinated modifiers: each member is a modifier group and
** the shared nouns ("RUSSIAN COMPANIES", "CHINESE COMPANIES"). */
static void nb_shared_head(dyad_coder *c, int nd, int head) {
    const dyad_phrases *p = c->p;
    int leaves[64], nl = 0;
    for (int k = p->n[nd].child; k >= 0 && k != head; k = p->n[k].next) {
        if (is_leafn(c, k)) { if (nl < 64) leaves[nl++] = k; continue; }
        for (int a = p->n[k].child; a >= 0; a = p->n[a].next) if (nl < 64) leaves[nl++] = a;
    }
    nb_add(c, NB_CSTART, NULL, -1);
    int open = 0;
    for (int i = 0; i <= nl; i++) {
        const char *l = i < nl ? lab_of(c, leaves[i]) : "CC";
        if (!strcmp(l, "CC") || !strcmp(l, ",")) {
            if (!open) continue;
            for (int k = head; k >= 0; k = p->n[k].next) nb_add(c, NB_WORD, word_of(c, p->n[k].tok), p->n[k].tok);
            if (i < nl) nb_add(c, NB_MSEP, NULL, -1);
            open = 0;
            continue;
        }
        if (!strcmp(l, "DT")) continue;
        nb_add(c, NB_WORD, word_of(c, p->n[leaves[i]].tok), p->n[leaves[i]].tok);
        open = 1;
    }
    nb_add(c, NB_CEND, NULL, -1);
}

static void nb_compound(dyad_coder *c, int nd, int skip_pos) {
    const dyad_phrases *p = c->p;
    if (c->iscomp[nd] == 2) { nb_shared_head(c, nd, shared_head(c, nd)); return; }
    nb_add(c, NB_CSTART, NULL, -1);
    /* JJ words before the compound's first noun */
    int jj[32], njj = 0;
    for (int k = p->n[nd].child; k >= 0; k = p->n[k].next) {
        const char *l = lab_of(c, k);
        if (l[0] == 'N') break;
        if (!strncmp(l, "JJ", 2) && is_leafn(c, k) && njj < 32) jj[njj++] = k;
    }
    int first = 1, in_name = 0;
    for (int k = p->n[nd].child; k >= 0; k = p->n[k].next) {
        const char *l = lab_of(c, k);
        if (!strcmp(l, "NP") || (l[0] == 'N' && l[1] == 'P' && !is_leafn(c, k))) {
            if (!first) nb_add(c, NB_MSEP, NULL, -1);
            nb_words(c, k, skip_pos, 0);
            first = 0;
            in_name = 0;
        } else if (l[0] == 'N' && is_leafn(c, k)) {
            /* nouns side by side are one member: the flat "Japan and South
            ** Korea" has the members JAPAN and SOUTH KOREA (P1 made SOUTH and
            ** KOREA two, and lost a multi-word name; P2 reads the NP's words
            ** as one list, formats.md 8.3) */
            if (!in_name) {
                if (!first) nb_add(c, NB_MSEP, NULL, -1);
                for (int i = 0; i < njj; i++) nb_add(c, NB_WORD, word_of(c, p->n[jj[i]].tok), p->n[jj[i]].tok);
            }
            nb_add(c, NB_WORD, word_of(c, p->n[k].tok), p->n[k].tok);
            first = 0;
            in_name = 1;
        } else if (is_leafn(c, k) && (!strcmp(l, "CC") || !strcmp(l, ",") || !strcmp(l, ":"))) {
            in_name = 0;   /* a coordinator or comma ends a member */
        }
    }
    nb_add(c, NB_CEND, NULL, -1);
}

static void nb_words(dyad_coder *c, int nd, int skip_pos, int allow_comp) {
    const dyad_phrases *p = c->p;
    if (allow_comp && c->iscomp[nd]) { nb_compound(c, nd, skip_pos); return; }
    if (p->n[nd].tok >= 0) {
        if (!(skip_pos && !strcmp(lab_of(c, nd), "POS")))
            nb_add(c, NB_WORD, word_of(c, p->n[nd].tok), p->n[nd].tok);
    }
    for (int k = p->n[nd].child; k >= 0; k = p->n[k].next) nb_words(c, k, skip_pos, allow_comp);
}

static int new_ne(dyad_coder *c, const nb_item *it, int n, int drop_idx) {
    GROW(c->ne, c->nne, c->necap, 1);
    ne_t *e = &c->ne[c->nne];
    e->w0 = c->nw; e->nw = 0; e->tok0 = e->tok1 = -1; e->code = "---"; e->entry = NULL; e->nref = 0;
    for (int i = 0; i < n; i++) {
        if (i == drop_idx) continue;
        GROW(c->words, c->nw, c->wcap, 1);
        c->words[c->nw++] = it[i].w;
        e->nw++;
    }
    return c->nne++;
}

static int actor_words(const dyad_coder *c, const char **w, int nw);

/* "North and South Korea": a one-word member that is no actor alone but is
** one with the last member's words after its first ("NORTH KOREA", beside
** "SOUTH KOREA") borrows them: the coordination shares its head noun. Sets
** tail[m] to where the borrowed words start (else it stays -1). "Japan and
** South Korea" keeps JAPAN, an actor alone. */
static void elliptic_members(const dyad_coder *c, const nb_item *it, const int *ms, const int *me, int *tail,
                             int nm) {
    const char *w[16];
    int nl = 0, second = -1;
    if (nm < 2) return;
    for (int j = ms[nm - 1]; j < me[nm - 1]; j++) {   /* w[1..]: the last member's words after its first */
        if (it[j].kind != NB_WORD || !it[j].w) continue;
        if (nl == 1) second = j;
        if (nl >= 1 && nl < 16) w[nl] = it[j].w;
        nl++;
    }
    if (nl < 2) return;
    int nw = nl < 16 ? nl : 16;
    for (int m = 0; m + 1 < nm; m++) {
        int one = -1, count = 0;
        for (int j = ms[m]; j < me[m]; j++) if (it[j].kind == NB_WORD) { one = j; count++; }
        if (count != 1 || !it[one].w) continue;
        w[0] = it[one].w;
        if (actor_words(c, w, 1) == 1) continue;
        if (actor_words(c, w, nw) >= 2) tail[m] = second;
    }
}

/* emit the NE built in c->nb; with raw compounds, a NEC of split NEs */
static int emit_ne(dyad_coder *c, int *had_comp) {
    int n = c->nnb;
    nb_item *it = c->nb;
    int ncomp = 0;
    if (c->oom) return -1;
    for (int i = 0; i < n; i++) if (it[i].kind == NB_CSTART) ncomp++;
    if (had_comp) *had_comp = ncomp > 0;
    /* member ranges per compound */
    int cs[4] = {0}, ce[4] = {0}, firstc = -1;
    int nc = 0, open = -1;
    for (int i = 0; i < n && nc < 4; i++) {
        if (it[i].kind == NB_CSTART && open < 0) { open = i; }
        if (it[i].kind == NB_CEND && open >= 0) {
            cs[nc] = open; ce[nc] = i; nc++;
            if (firstc < 0) firstc = open;
            open = -1;
        }
    }
    if (ncomp > 4) nc = 0;
    nb_item *tmp = c->tmp;
    if (nc == 0) {
        int m = 0;
        for (int i = 0; i < n && m < 512; i++) if (it[i].kind == NB_WORD) tmp[m++] = it[i];
        int e = new_ne(c, tmp, m, -1);
        if (e < 0) return -1;
        c->ne[e].tok0 = -1;
        for (int i = 0; i < m; i++) {
            if (c->ne[e].tok0 < 0 || tmp[i].tok < c->ne[e].tok0) c->ne[e].tok0 = tmp[i].tok;
            if (tmp[i].tok + 1 > c->ne[e].tok1) c->ne[e].tok1 = tmp[i].tok + 1;
        }
        push(c, T_O, "NE", NULL, -1, e);
        for (int i = 0; i < c->ne[e].nw; i++) push(c, T_W, NULL, c->words[c->ne[e].w0 + i], tmp[i].tok, -1);
        push(c, T_C, "NE", NULL, -1, e);
        return 0;
    }
    /* members of each compound */
    int mstart[4][32], mend[4][32], nm[4], tail[4][32];
    for (int k = 0; k < nc; k++) {
        nm[k] = 0;
        int b = cs[k] + 1;
        for (int i = cs[k] + 1; i <= ce[k]; i++) {
            if (it[i].kind == NB_MSEP || it[i].kind == NB_CEND) {
                if (nm[k] < 32) { mstart[k][nm[k]] = b; mend[k][nm[k]] = i; tail[k][nm[k]] = -1; nm[k]++; }
                b = i + 1;
            }
        }
        if (nm[k] == 0) return 0;
        elliptic_members(c, it, mstart[k], mend[k], tail[k], nm[k]);
    }
    /* the word just before the first compound is dropped */
    int drop = -1;
    if (firstc > 0 && it[firstc - 1].kind == NB_WORD) drop = firstc - 1;
    push(c, T_O, "NEC", NULL, -1, -1);
    int idx[4] = {0, 0, 0, 0};
    for (int guard = 0; guard < 64; guard++) {
        int m = 0;
        int k = 0;
        for (int i = 0; i < n && m < 512;) {
            if (k < nc && i == cs[k]) {
                for (int j = mstart[k][idx[k]]; j < mend[k][idx[k]] && m < 512; j++)
                    if (it[j].kind == NB_WORD) tmp[m++] = it[j];
                int tl = tail[k][idx[k]], last = nm[k] - 1;   /* "North [Korea]" */
                for (int j = tl; tl >= 0 && j < mend[k][last] && m < 512; j++)
                    if (it[j].kind == NB_WORD) tmp[m++] = it[j];
                i = ce[k] + 1;
                k++;
                continue;
            }
            if (it[i].kind == NB_WORD && i != drop) tmp[m++] = it[i];
            i++;
        }
        int e = new_ne(c, tmp, m, -1);
        if (e < 0) return -1;
        for (int i = 0; i < m; i++) {
            if (c->ne[e].tok0 < 0 || tmp[i].tok < c->ne[e].tok0) c->ne[e].tok0 = tmp[i].tok;
            if (tmp[i].tok + 1 > c->ne[e].tok1) c->ne[e].tok1 = tmp[i].tok + 1;
        }
        push(c, T_O, "NE", NULL, -1, e);
        for (int i = 0; i < m; i++) push(c, T_W, NULL, tmp[i].w, tmp[i].tok, -1);
        push(c, T_C, "NE", NULL, -1, e);
        /* next combination: the first compound varies slowest */
        int q = nc - 1;
        while (q >= 0 && ++idx[q] == nm[q]) { idx[q] = 0; q--; }
        if (q < 0) break;
    }
    push(c, T_C, "NEC", NULL, -1, -1);
    return 0;
}

static void emit_node(dyad_coder *c, int nd, int in_np);

static int subtree_has(dyad_coder *c, int nd, unsigned char flag, int skip_self) {
    for (int j = c->pos[nd] + (skip_self ? 1 : 0); j <= c->send[nd]; j++)
        if (c->nf[c->ord[j]] & flag) return 1;
    return 0;
}

/* rule c of §13.1 step 3: returns 1 and fills c->nb when it applies */
static int rule_c(dyad_coder *c, int N) {
    int pp = -1;
    for (int j = c->pos[N] + 1; j <= c->send[N]; j++) if (c->nf[c->ord[j]] & NF_PP) { pp = c->ord[j]; break; }
    if (pp < 0) return 0;
    int Q = c->p->n[pp].parent;
    if (Q < 0 || strcmp(lab_of(c, Q), "NP")) return 0;
    int fc = c->p->n[Q].child;
    if (fc < 0 || (strcmp(lab_of(c, fc), "NP") && !c->iscomp[fc])) return 0;
    int inw = -1;
    for (int j = c->send[fc] + 1; j <= c->send[Q]; j++) {
        int x = c->ord[j];
        if (is_leafn(c, x) && !strcmp(lab_of(c, x), "IN")) { inw = j; break; }
    }
    if (inw < 0) return 0;
    int obj = -1;
    for (int j = inw + 1; j <= c->send[Q]; j++) {
        int x = c->ord[j];
        if (!strcmp(lab_of(c, x), "NP") || c->iscomp[x]) { obj = x; break; }
    }
    if (obj < 0 || subtree_has(c, obj, NF_PP, 1)) return 0;
    c->nnb = 0;
    nb_words(c, fc, 0, 1);
    int x = c->ord[inw];
    nb_add(c, NB_WORD, word_of(c, c->p->n[x].tok), c->p->n[x].tok);
    nb_words(c, obj, 0, 1);
    /* SBR words after the object, inside Q */
    for (int j = c->send[obj] + 1; j <= c->send[Q]; j++) {
        int y = c->ord[j];
        if (c->nf[y] & NF_SBAR) { nb_words(c, y, 0, 0); j = c->send[y]; }
    }
    return 1;
}

static void emit_np(dyad_coder *c, int N) {
    const dyad_phrases *p = c->p;
    int hadc = 0;
    if (c->iscomp[N]) {
        /* a compound is not an NP for rules b-d: a bracket of member NEs */
        c->nnb = 0;
        nb_compound(c, N, 0);
        emit_ne(c, NULL);
        return;
    }
    if (subtree_has(c, N, NF_POS, 1)) {
        c->nnb = 0;
        nb_words(c, N, 1, 1);
        emit_ne(c, &hadc);
        if (hadc) c->dateline = 1;
        return;
    }
    if (rule_c(c, N)) { emit_ne(c, NULL); return; }
    int inner = 0;
    for (int j = c->pos[N] + 1; j <= c->send[N]; j++) {
        int x = c->ord[j];
        if (!strcmp(lab_of(c, x), "NP") || c->iscomp[x]) { inner = 1; break; }
    }
    if (!inner && !c->iscomp[N]) {
        c->nnb = 0;
        nb_words(c, N, 0, 0);
        emit_ne(c, NULL);
        return;
    }
    if (c->iscomp[N]) {
        /* a compound bracket of member NEs */
        c->nnb = 0;
        nb_compound(c, N, 0);
        /* reuse emit_ne's splitting: a lone compound splits into its members */
        emit_ne(c, NULL);
        return;
    }
    push(c, T_O, "NP", NULL, -1, -1);
    for (int k = p->n[N].child; k >= 0; k = p->n[k].next) emit_node(c, k, 1);
    push(c, T_C, "NP", NULL, -1, -1);
}

static void emit_node(dyad_coder *c, int nd, int in_np) {
    const dyad_phrases *p = c->p;
    const pt_node *x = &p->n[nd];
    if (c->oom) return;
    if (x->child < 0) {
        if (x->tok < 0) return;
        /* a tagged word: one token carrying its tag (P1's "(TAG word)") */
        push(c, T_W, tree_lab(x->label), word_of(c, x->tok), x->tok, -1);
        return;
    }
    if (!strcmp(x->label, "NP")) { emit_np(c, nd); return; }
    if (in_np && (c->nf[nd] & NF_SBAR)) {
        push(c, T_O, "SBR", NULL, -1, -1);
        c->nnb = 0;
        nb_words(c, nd, 0, 0);
        for (int i = 0; i < c->nnb; i++) if (c->nb[i].kind == NB_WORD) push(c, T_W, NULL, c->nb[i].w, c->nb[i].tok, -1);
        push(c, T_C, "SBR", NULL, -1, -1);
        return;
    }
    push(c, T_O, tree_lab(x->label), NULL, -1, -1);
    for (int k = x->child; k >= 0; k = p->n[k].next) emit_node(c, k, in_np);
    push(c, T_C, tree_lab(x->label), NULL, -1, -1);
}

/* ================================================================ NE codes */

/* P1 phrase match (§13.3): first word at pos; `_` = next word, ` ` = gap. */
static int phrase_match(const char *const *ew, const uint8_t *sep, int enw,
                        const char **w, int nw, int pos, const char *used, int *last, char *mark) {
    if (pos >= nw || strcmp(ew[0], w[pos])) return 0;
    int cur = pos, at[64], na = 0;
    at[na++] = pos;
    for (int i = 1; i < enw; i++) {
        if (sep && sep[i - 1] == ' ') {
            int q = cur + 1;
            while (q < nw && (strcmp(w[q], ew[i]) || (used && used[q]))) q++;
            if (q >= nw) return 0;
            cur = q;
        } else {
            if (cur + 1 >= nw || strcmp(w[cur + 1], ew[i])) return 0;
            cur++;
        }
        if (na < 64) at[na++] = cur;
    }
    if (mark) for (int i = 0; i < na; i++) mark[at[i]] = 1;
    *last = cur;
    return 1;
}

/* The most words an actor entry matches at w[0] (contiguous from the start), 0 if none. */
static int actor_words(const dyad_coder *c, const char **w, int nw) {
    size_t n = 0;
    int best = 0;
    const dict_actor *const *cand = dict_actors_by_first(c->d, w[0], &n);
    for (size_t k = 0; k < n; k++) {
        int last;
        if (phrase_match(cand[k]->words, cand[k]->sep, cand[k]->nwords, w, nw, 0, NULL, &last, NULL) && last + 1 > best)
            best = last + 1;
    }
    return best;
}

/* "base:line" into buf (at most n bytes with the NUL); returns the length */
static size_t put_fileline(char *buf, size_t n, const char *file, uint32_t line) {
    const char *f = file ? file : "?";
    const char *b = strrchr(f, '/');
    if (b) f = b + 1;
    size_t L = strlen(f), k = 0;
    char num[16];
    int d = 0;
    do { num[d++] = (char)('0' + line % 10); line /= 10; } while (line && d < 15);
    if (L + 1 + (size_t)d + 1 > n) return 0;
    memcpy(buf, f, L); k = L;
    buf[k++] = ':';
    while (d) buf[k++] = num[--d];
    buf[k] = 0;
    return k;
}

static char *fileline(dyad_coder *c, const char *file, uint32_t line) {
    char buf[512];
    size_t k = put_fileline(buf, sizeof buf, file, line);
    return mdup(&c->mem, buf, k);
}

/* case-insensitive equality, with the common mismatch decided on the first byte */
static int ieq(const char *a, const char *b) {
    if (toupper((unsigned char)a[0]) != toupper((unsigned char)b[0])) return 0;
    return !strcasecmp(a, b);
}

/* Code one NE (§13.3): the first actor from the left, then agents. */
static void code_ne(dyad_coder *c, ne_t *e) {
    static const char *no_words[1];  /* no word seen yet: c->words is NULL (NULL + 0 is UB) */
    const char **w = c->words ? c->words + e->w0 : no_words;
    int nw = e->nw;
    char used[512];
    if (nw > 512) nw = 512;
    memset(used, 0, (size_t)nw);
    const dict_actor *act = NULL;
    for (int i = 0; i < nw && !act; i++) {
        size_t n = 0;
        const dict_actor *const *cand = dict_actors_by_first(c->d, w[i], &n);
        for (size_t k = 0; k < n; k++) {
            int last;
            if (phrase_match(cand[k]->words, cand[k]->sep, cand[k]->nwords, w, nw, i, NULL, &last, used)) {
                act = cand[k];
                break;
            }
        }
    }
    char code[256];
    size_t cl = 0;
    int have = 0;
    e->nref = 0;
    if (act) {
        const dict_actor_code *ac = dict_actor_code_p1(act, c->date);
        const char *z = ac ? ac->code : "---";
        cl = strlen(z);
        if (cl >= sizeof code) cl = sizeof code - 1;
        memcpy(code, z, cl);
        e->ref_file[0] = ac ? ac->file : act->file;
        e->ref_line[0] = ac ? ac->line : act->line;
        e->nref = 1;
        have = 1;
    }
    int stop = 0;
    for (int i = 0; i < nw; i++) {
        if (used[i]) continue;
        size_t n = 0;
        const dict_agent *const *cand = dict_agents_by_first(c->d, w[i], &n);
        for (size_t k = 0; k < n; k++) {
            int last;
            if (!phrase_match(cand[k]->words, cand[k]->sep, cand[k]->nwords, w, nw, i, used, &last, NULL)) continue;
            if (!have) { memcpy(code, "---", 3); cl = 3; have = 1; }
            const char *ac = cand[k]->code;
            while (*ac == ' ') ac++;
            size_t L = strlen(ac);
            int pre = 0;
            if (ac[0] == '~') { ac++; L--; }
            else if (L && ac[L - 1] == '~') { L--; pre = 1; }
            while (L && ac[L - 1] == ' ') L--;
            if (!stop && L) {
                code[cl] = 0;
                for (size_t q = 0; q + L <= cl; q += 3)
                    if (!memcmp(code + q, ac, L)) { stop = 1; break; }
                if (!stop && cl + L < sizeof code) {
                    if (pre) { memmove(code + L, code, cl); memcpy(code, ac, L); }
                    else memcpy(code + cl, ac, L);
                    cl += L;
                    if (e->nref < 4) {
                        e->ref_file[e->nref] = cand[k]->file;
                        e->ref_line[e->nref] = cand[k]->line;
                        e->nref++;
                    }
                }
            }
            i = last;
            break;
        }
    }
    if (have) e->code = mdup(&c->mem, code, cl);
}

/* "actors.txt:12+agents.txt:40": the NE's evidence, made when an event needs it */
static const char *ne_entry(dyad_coder *c, ne_t *e) {
    if (e->entry) return e->entry;
    char buf[1024];
    size_t k = 0;
    for (int i = 0; i < e->nref; i++) {
        if (i && k + 1 < sizeof buf) buf[k++] = '+';
        k += put_fileline(buf + k, sizeof buf - k, e->ref_file[i], e->ref_line[i]);
    }
    buf[k] = 0;
    e->entry = mdup(&c->mem, buf, k);
    return e->entry ? e->entry : "";
}

static int is_null_code(const char *code) { return code[0] == '-' && code[1] == '-' && code[2] == '-'; }

/* code_phrase_actor (code.h): code_ne on the folded forms of tokens toks of s */
int code_phrase_actor(dyad_coder *c, dyad_sentence *s, const int *toks, int ntok,
                      const char *date, const char **code, const char **entry) {
    *code = "---";
    *entry = "";
    if (!c || !s || ntok <= 0) return 0;
    if (date) c->date = dict_parse_iso_date(date);
    const dyad_token *t = dyad_sentence_tokens(s);
    int n = dyad_sentence_len(s);
    GROW(c->words, c->nw, c->wcap, ntok);
    GROW(c->ne, c->nne, c->necap, 1);
    ne_t *e = &c->ne[c->nne];
    memset(e, 0, sizeof *e);
    e->w0 = c->nw; e->code = "---"; e->tok0 = e->tok1 = -1;
    for (int i = 0; i < ntok; i++) {
        if (toks[i] < 0 || toks[i] >= n) continue;
        const char *w = fold_dup(c, t[toks[i]].form);
        if (!w) { c->oom = 1; return -1; }
        c->words[c->nw++] = w;
        e->nw++;
    }
    code_ne(c, e);
    *code = e->code;
    *entry = e->nref ? ne_entry(c, e) : "";
    return 0;
}

/* ---------------------------------------------------------------- pronouns */

static int pronoun_kind(const char *w) {
    static const char *plain[] = {"HE", "HIM", "SHE", "HER", "THEY", "THEM", NULL};
    static const char *refl[] = {"HIMSELF", "HERSELF", "THEMSELVES", NULL};
    for (int i = 0; plain[i]; i++) if (!strcmp(w, plain[i])) return 1;
    for (int i = 0; refl[i]; i++) if (!strcmp(w, refl[i])) return 2;
    return 0;
}

/* the leaf node of token tok */
static int leaf_of(const dyad_coder *c, int tok) {
    for (int i = 0; i < c->p->nn; i++) if (c->p->n[i].tok == tok && c->p->n[i].child < 0) return i;
    return -1;
}

/* first coded NE whose tokens lie inside node nd's subtree */
static const ne_t *ne_in(const dyad_coder *c, int nd) {
    int lo = 1 << 30, hi = -1;
    for (int j = c->pos[nd]; j <= c->send[nd]; j++) {
        int t = c->p->n[c->ord[j]].tok;
        if (t >= 0) { if (t < lo) lo = t; if (t > hi) hi = t; }
    }
    for (int i = 0; i < c->nne; i++) {
        const ne_t *e = &c->ne[i];
        if (e->tok0 >= lo && e->tok1 <= hi + 1 && e->tok0 >= 0 && !is_null_code(e->code)) return e;
    }
    return NULL;
}

/* Bind a lone pronoun NE to an antecedent (formats.md §8.3): walk up from
** its NP; at each level L take the first NP child of L's parent. A plain
** pronoun starts only above its own clause; a reflexive gives up at an NP. */
static void bind_pronoun(dyad_coder *c, ne_t *e) {
    if (e->nw != 1 || !is_null_code(e->code) || e->tok0 < 0) return;
    int kind = pronoun_kind(c->words[e->w0]);
    if (!kind) return;
    int lf = leaf_of(c, e->tok0);
    if (lf < 0) return;
    int np = c->p->n[lf].parent;
    if (np < 0) return;
    int passed = kind == 2;
    for (int L = c->p->n[np].parent, guard = 0; L >= 0 && guard < 1000; L = c->p->n[L].parent, guard++) {
        int up = c->p->n[L].parent;
        if (up < 0) break;
        if (kind == 2 && !strcmp(c->p->n[L].label, "NP")) return;
        if (passed) {
            for (int k = c->p->n[up].child; k >= 0; k = c->p->n[k].next) {
                if (strcmp(c->p->n[k].label, "NP") || k == np) continue;
                if (c->pos[k] <= c->pos[np] && c->send[k] >= c->pos[np]) continue;  /* holds the pronoun */
                const ne_t *a = ne_in(c, k);
                if (a) { e->code = a->code; e->nref = a->nref; memcpy(e->ref_file, a->ref_file, sizeof e->ref_file); memcpy(e->ref_line, a->ref_line, sizeof e->ref_line); }
                return;
            }
        }
        if (c->p->n[L].label[0] == 'S') passed = 1;
    }
}

/* ================================================================ commas */

static int is_comma(const dyad_coder *c, int i) {
    const lt *x = &c->t[i];
    return x->k == T_W && x->lk == LK_COMMA && !x->del;
}

static int nwords_between(const dyad_coder *c, int a, int b) {
    int n = 0;
    for (int i = a; i < b; i++)
        if (c->t[i].k == T_W && !c->t[i].del && isalpha((unsigned char)c->t[i].w[0])) n++;
    return n;
}

/* delete every complete bracket inside [a, b); words too */
static void delete_span(dyad_coder *c, int a, int b) {
    for (int i = a; i < b; i++) {
        lt *x = &c->t[i];
        if (x->k == T_W) x->del = 1;
        else if (x->partner >= a && x->partner < b) x->del = 1;
    }
}

static void comma_delete(dyad_coder *c) {
    const dyad_code_opts *o = c->o;
    int nt = c->nt;
    /* E: the sentence-final punctuation, else the last word */
    int E = -1;
    for (int i = nt - 1; i >= 0; i--) {
        if (c->t[i].k == T_W) { if (c->t[i].lk == LK_FINAL) E = i; break; }
    }
    if (E < 0) { for (int i = nt - 1; i >= 0; i--) if (c->t[i].k == T_W) { E = i; break; } }
    if (E < 0) return;
    int commas[256], nc = 0;
    for (int i = 0; i < E && nc < 256; i++) if (is_comma(c, i)) commas[nc++] = i;
    if (nc == 0) return;
    if (o->comma_bmax != 0) {
        int n = nwords_between(c, 0, commas[0]);
        if (n >= o->comma_bmin && n <= o->comma_bmax) delete_span(c, 2, commas[0]);
    }
    if (o->comma_emax != 0) {
        int last = -1;
        for (int i = E - 1; i >= 0; i--) if (is_comma(c, i)) { last = i; break; }
        if (last >= 0) {
            int n = nwords_between(c, last, E);
            if (n >= o->comma_emin && n <= o->comma_emax) delete_span(c, last + 1, E);
        }
    }
    if (o->comma_max != 0) {
        nc = 0;
        for (int i = 0; i < E && nc < 256; i++) if (is_comma(c, i)) commas[nc++] = i;
        for (int k = 0; k + 1 < nc; k++) {
            int a = commas[k], b = commas[k + 1];
            if (c->t[a].del) continue;
            int n = nwords_between(c, a, b);
            if (n >= o->comma_min && n <= o->comma_max) delete_span(c, a, b);
        }
    }
    /* dangling commas */
    int first = -1, last = -1;
    for (int i = 0; i < E; i++) if (is_comma(c, i)) { if (first < 0) first = i; last = i; }
    if (first >= 0 && nwords_between(c, 0, first) == 0) delete_span(c, first, first + 1);
    if (last >= 0 && !c->t[last].del && nwords_between(c, last, E) == 0) delete_span(c, last, last + 1);
}

/* ================================================================ verbs */


static int seq_keep(const lt *x) {
    if (x->del) return 0;
    if (x->k == T_W) return 1;
    return x->lk == LK_NE || x->lk == LK_NEC;
}

typedef struct match_state {
    int src, tgt;        /* token index of the NE/NEC open marker bound, -1 */
    int pct;             /* % bound NEC open marker */
} match_state;

static int word_at(const dyad_coder *c, const int *seq, int n, int j) {
    return j < n && c->t[seq[j]].k == T_W;
}

/* Synset member match at j in direction dir (+1 LOWER, -1 UPPER: words in
** text order going left). Returns words consumed (0 = no match). */
static int syn_match(const dyad_coder *c, const dict_synset *sy, const int *seq, int n, int j, int dir) {
    for (uint32_t m = 0; m < sy->nmembers; m++) {
        const dict_syn_member *mb = &sy->members[m];
        for (int pl = 0; pl < 2; pl++) {
            if (pl && !mb->plural) continue;
            if (mb->nwords <= 1 || pl) {
                const char *mw = pl ? mb->plural : mb->nwords ? mb->words[0] : mb->text;
                if (mb->nested >= 0 && !pl) mw = mb->text;
                if (word_at(c, seq, n, j) && ieq(c->t[seq[j]].w, mw)) return 1;
                if (pl && mb->nwords > 1) {
                    /* plural of a multi-word member: last word pluralised */
                }
                continue;
            }
            /* multi-word: consecutive words in text order */
            int k = mb->nwords;
            int ok = 1, jj = j, got = 0;
            for (int i = 0; i < k && ok; i++) {
                int wi = dir > 0 ? i : k - 1 - i;
                while (jj < n && c->t[seq[jj]].k != T_W) { jj++; got++; }
                if (jj >= n || !ieq(c->t[seq[jj]].w, mb->words[wi])) ok = 0;
                jj++; got++;
            }
            if (ok) return got;
        }
    }
    return 0;
}

/* Match one part (§13.5 step 4). pw in matching order. */
static int match_part(dyad_coder *c, const cp_word *pw, int k, const int *seq, int n, int upper, match_state *ms) {
    if (k == 0) return 1;
    if (n == 0) return 0;
    int j = 0, wi = 0, inNE = 0, inNEC = 0, curNE = -1, curNEC = -1;
    while (wi < k) {
        if (j >= n) return 0;
        const lt *x = &c->t[seq[j]];
        if (x->k != T_W) {
            if (x->lk == LK_NE) {
                inNE = !inNE;
                curNE = x->k == T_O ? seq[j] : x->partner;
            } else {
                inNEC = !inNEC;
                curNEC = x->k == T_O ? seq[j] : x->partner;
            }
            j++;
            continue;
        }
        const cp_word *p = &pw[wi];
        char vs = p->vsep;
        int matched = 0, adv = 1;
        if (p->w[0] && !p->w[1]) {
            if (inNE) {
                switch (p->w[0]) {
                case '$': ms->src = curNE; break;
                case '+': ms->tgt = curNE; break;
                case '^':
                    if (!upper) {
                        /* skip to the NE's end */
                        int e = c->t[curNE].partner;
                        while (j < n && seq[j] != e) j++;
                        adv = 0;
                    } else adv = 0;
                    break;
                case '%':
                    if (upper && inNEC && curNEC >= 0) { ms->src = curNEC; ms->tgt = curNEC; ms->pct = curNEC; }
                    break;
                default: break;
                }
                matched = 1;
            } else {
                if (vs == ' ') { j++; continue; }
                return 0;
            }
        } else if (p->w[0] == '&' && p->syn) {
            int got = (p->sb[x->hb >> 6] >> (x->hb & 63)) & 1 ? syn_match(c, p->syn, seq, n, j, upper ? -1 : 1) : 0;
            if (got) { matched = 1; adv = got; }
        } else if (!strcmp(x->w, p->w)) {
            matched = 1;
        }
        if (matched) {
            wi++;
            j += adv;
            continue;
        }
        if (vs == ' ') { j++; continue; }
        return 0;
    }
    return 1;
}

/* slot codes: an NE's code, or a compound's members' non-null codes */
static int slot_codes(dyad_coder *c, int open, const char **out, int *ne_of, int max) {
    int n = 0;
    const lt *x = &c->t[open];
    if (x->lk == LK_NE) {
        ne_t *e = &c->ne[x->ne];
        const char *code = e->code;
        if (!strcmp(code, "---") && c->o->new_actor_length > 0) {
            if (e->nw <= c->o->new_actor_length && e->nw > 0) {
                char buf[512] = "\"";
                for (int i = 0; i < e->nw; i++) {
                    size_t L = strlen(buf);
                    snprintf(buf + L, sizeof buf - L, "%s%s", i ? " " : "", c->words[e->w0 + i]);
                }
                size_t L = strlen(buf);
                snprintf(buf + L, sizeof buf - L, "\"");
                code = mdup(&c->mem, buf, strlen(buf));
            }
        }
        /* split codes holding `/` */
        const char *s0 = code;
        while (n < max) {
            const char *sl = strchr(s0, '/');
            size_t L = sl ? (size_t)(sl - s0) : strlen(s0);
            out[n] = mdup(&c->mem, s0, L);
            ne_of[n] = x->ne;
            n++;
            if (!sl) break;
            s0 = sl + 1;
        }
        return n;
    }
    int end = x->partner;
    for (int i = open + 1; i < end && n < max; i++) {
        const lt *y = &c->t[i];
        if (y->k == T_O && y->lk == LK_NE && !y->del) {
            const char *tmp[16];
            int tne[16];
            int m = slot_codes(c, i, tmp, tne, 16);
            for (int k = 0; k < m && n < max; k++) {
                if (!strcmp(tmp[k], "---")) continue;
                out[n] = tmp[k]; ne_of[n] = tne[k]; n++;
            }
        }
    }
    if (n == 0) { out[0] = "---"; ne_of[0] = -1; n = 1; }
    return n;
}

static int ne_null(dyad_coder *c, int open) {
    const lt *x = &c->t[open];
    if (x->lk != LK_NE) return 0;
    return is_null_code(c->ne[x->ne].code);
}

static int add_event(dyad_coder *c, const char *s, const char *t, const char *code, int sne, int tne,
                     int vt0, int vt1, const char *pfile, uint32_t pline) {
    for (int i = 0; i < c->nev; i++)
        if (!strcmp(c->ev[i].source, s) && !strcmp(c->ev[i].target, t) && !strcmp(c->ev[i].code, code)) return 0;
    GROW(c->ev, c->nev, c->evcap, 1);
    dyad_event *e = &c->ev[c->nev++];
    e->source = s; e->target = t; e->code = code;
    e->src_start = sne >= 0 ? c->ne[sne].tok0 : -1;
    e->src_end = sne >= 0 ? c->ne[sne].tok1 : -1;
    e->tgt_start = tne >= 0 ? c->ne[tne].tok0 : -1;
    e->tgt_end = tne >= 0 ? c->ne[tne].tok1 : -1;
    e->verb_start = vt0; e->verb_end = vt1;
    e->src_entry = sne >= 0 ? ne_entry(c, &c->ne[sne]) : "";
    e->tgt_entry = tne >= 0 ? ne_entry(c, &c->ne[tne]) : "";
    e->pattern = fileline(c, pfile, pline);
    return 0;
}

static void make_events(dyad_coder *c, int src, int tgt, const char *code, int passive,
                        int vt0, int vt1, const char *pfile, uint32_t pline) {
    const char *S[64], *T[64];
    int Sn[64], Tn[64];
    int ns = slot_codes(c, src, S, Sn, 64);
    int nt = slot_codes(c, tgt, T, Tn, 64);
    const char *colon = strchr(code, ':');
    char X[32], Y[32];
    if (colon) {
        snprintf(X, sizeof X, "%.*s", (int)(colon - code), code);
        snprintf(Y, sizeof Y, "%s", colon + 1);
        if (!strcmp(S[0], "---")) { for (int i = 0; i < nt; i++) { S[i] = T[i]; Sn[i] = Tn[i]; } ns = nt; }
        else if (!strcmp(T[0], "---")) { for (int i = 0; i < ns; i++) { T[i] = S[i]; Tn[i] = Sn[i]; } nt = ns; }
    } else {
        snprintf(X, sizeof X, "%s", code);
        Y[0] = 0;
    }
    const char *cx = mdup(&c->mem, X, strlen(X)), *cy = mdup(&c->mem, Y, strlen(Y));
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < nt; j++) {
            if (!strcmp(S[i], T[j])) continue;
            const char *a = S[i], *b = T[j];
            int an = Sn[i], bn = Tn[j];
            if (passive) { const char *t = a; a = b; b = t; int q = an; an = bn; bn = q; }
            int ok = !(c->o->require_dyad && (!strcmp(a, "---") || !strcmp(b, "---")));
            if (ok) add_event(c, a, b, cx, an, bn, vt0, vt1, pfile, pline);
            if (colon && !(c->o->require_dyad && (!strcmp(a, "---") || !strcmp(b, "---"))))
                add_event(c, b, a, cy, bn, an, vt0, vt1, pfile, pline);
        }
}

/* find the source in UPPER (§13.6): far end toward the verb */
static int find_source(dyad_coder *c, const int *up, int nup) {
    int firstne = -1;
    for (int j = nup - 1; j >= 0; j--) {
        const lt *x = &c->t[up[j]];
        if (x->k != T_O) continue;   /* text order: open markers come first */
        int o = up[j];
        if (x->lk == LK_NEC) return o;
        if (x->lk == LK_NE) {
            if (!ne_null(c, o)) return o;
            if (firstne < 0) firstne = o;
        }
    }
    return firstne;
}

static const char *first_code(dyad_coder *c, int open) {
    const lt *x = &c->t[open];
    if (x->lk == LK_NE) return c->ne[x->ne].code;
    return NULL;
}

static int find_target(dyad_coder *c, int src, const int *lo, int nlo, const int *up, int nup) {
    const char *sc = src >= 0 ? first_code(c, src) : NULL;
    /* 1: first compound or coded NE not the source's code */
    for (int j = 0; j < nlo; j++) {
        const lt *x = &c->t[lo[j]];
        if (x->k != T_O) continue;
        if (x->lk == LK_NEC) return lo[j];
        if (!ne_null(c, lo[j])) {
            const char *tc = c->ne[x->ne].code;
            if (sc && !is_null_code(sc) && !strncmp(tc, sc, strlen(sc))) continue;
            return lo[j];
        }
    }
    for (int j = 0; j < nlo; j++) {
        const lt *x = &c->t[lo[j]];
        if (x->k == T_O && x->lk == LK_NE && ne_null(c, lo[j])) return lo[j];
    }
    for (int j = 0; j < nup; j++) {
        const lt *x = &c->t[up[j]];
        if (x->k != T_C) continue;
        int o = x->partner;
        if (o == src) continue;
        if (x->lk == LK_NEC) return o;
        if (!ne_null(c, o)) {
            const char *tc = c->ne[x->ne].code;
            if (sc && !strcmp(tc, sc)) continue;
            return o;
        }
    }
    for (int j = 0; j < nup; j++) {
        const lt *x = &c->t[up[j]];
        if (x->k == T_C && x->lk == LK_NE && x->partner != src) return x->partner;
    }
    return -1;
}

static int is_vb_word(const dyad_coder *c, int i) {
    return i < c->nt && c->t[i].k == T_W && (c->t[i].lk == LK_VB || c->t[i].lk == LK_VBN);
}

/* previous / next non-deleted word index from i (exclusive), markers skipped */
static int prev_word(const dyad_coder *c, int i, int lim) {
    for (int k = i - 1; k >= lim; k--) if (c->t[k].k == T_W && !c->t[k].del) return k;
    return -1;
}
static int next_word(const dyad_coder *c, int i, int lim) {
    for (int k = i + 1; k < lim; k++) if (c->t[k].k == T_W && !c->t[k].del) return k;
    return -1;
}

static void code_verbs(dyad_coder *c) {
    size_t nblocks = 0;
    const dict_block *blocks = dict_blocks(c->d, &nblocks);
    int *up = dyad_malloc((size_t)(c->nt + 1) * sizeof *up);
    int *lo = dyad_malloc((size_t)(c->nt + 1) * sizeof *lo);
    if (!up || !lo) { dyad_free(up); dyad_free(lo); c->oom = 1; return; }
    uint64_t have[2] = {0, 0};   /* the sentence's words, for the pattern filter */
    for (int i = 0; i < c->nt; i++)
        if (c->t[i].k == T_W && !c->t[i].del) {
            unsigned hb = word_bit(c->t[i].w);
            have[hb >> 6] |= 1ull << (hb & 63);
        }
    for (int i = 2; i < c->nt; i++) {
        const lt *V = &c->t[i];
        if (V->del || V->k != T_O || V->lk != LK_VP || !is_vb_word(c, i + 1)) continue;
        int vend = V->partner >= 0 ? V->partner : c->nt - 1;
        /* 1. passive test */
        /* (a VBN that is not V's first word, a later BY, a WAS/IS/BEEN before it) */
        int vw = i + 1, passive = 0;
        int vbn = -1;
        for (int k = i + 2; k < vend; k++) if (c->t[k].k == T_W && c->t[k].lk == LK_VBN) { vbn = k; break; }
        if (vbn >= 0) {
            int by = 0, aux = 0;
            for (int k = vbn + 1; k < vend; k++) if (c->t[k].k == T_W && !strcmp(c->t[k].w, "BY")) { by = 1; break; }
            for (int k = i; k < vbn; k++)
                if (c->t[k].k == T_W && (c->t[k].lk == LK_VB || c->t[k].lk == LK_VBN) &&
                    (!strcmp(c->t[k].w, "WAS") || !strcmp(c->t[k].w, "IS") || !strcmp(c->t[k].w, "BEEN"))) aux = 1;
            if (by && aux) { passive = 1; vw = vbn; }
        }
        if (vw < 0) continue;
        /* 2. lookup */
        size_t nf = 0;
        const dict_verb_form *forms = dict_verb_forms(c->d, c->t[vw].w, &nf);
        if (!forms || !nf) continue;
        const dict_verb_form *hit = NULL;
        int first_w = vw, last_w = vw;
        for (size_t f = nf; f-- > 0 && !hit;) {
            const dict_verb_form *fm = &forms[f];
            if (!fm->nfront && !fm->nback) continue;
            int ok = 1, k = vw, fw = vw, lw = vw;
            for (int q = fm->nfront - 1; q >= 0 && ok; q--) {
                k = prev_word(c, k, 0);
                if (k < 0 || !ieq(c->t[k].w, fm->front[q])) ok = 0; else fw = k;
            }
            k = vw;
            for (int q = 0; q < fm->nback && ok; q++) {
                k = next_word(c, k, c->nt);
                if (k < 0 || !ieq(c->t[k].w, fm->back[q])) ok = 0; else lw = k;
            }
            if (ok) { hit = fm; first_w = fw; last_w = lw; }
        }
        if (!hit) {
            for (size_t f = nf; f-- > 0 && !hit;)
                if (!forms[f].nfront && !forms[f].nback) hit = &forms[f];
        }
        if (!hit) continue;
        const dict_block *blk = hit->block < nblocks ? &blocks[hit->block] : NULL;
        const char *vcode = hit->code.text && *hit->code.text ? hit->code.text : blk ? blk->code.text : "---";
        /* 3. sequences */
        int nup = 0, nlo = 0;
        for (int k = first_w - 1; k >= 2; k--) {
            const lt *x = &c->t[k];
            if (x->del) continue;
            if (x->k == T_W && x->lk == LK_COMMA) break;
            if (seq_keep(x)) up[nup++] = k;
        }
        for (int k = last_w + 1; k < vend; k++) if (seq_keep(&c->t[k])) lo[nlo++] = k;
        /* 4-5. patterns */
        const char *code = vcode;
        match_state ms = {-1, -1, -1};
        const char *pfile = hit->file;
        uint32_t pline = hit->line;
        int by_pattern = 0;
        if (blk) {
            for (uint32_t q = 0; q < blk->npatterns; q++) {
                const cp_pattern *cp = &c->pat[c->porder[blk->first_pattern + q]];
                if (cp->dead || (cp->need[0] & ~have[0]) || (cp->need[1] & ~have[1])) continue;
                int synok = 1;
                for (int z = 0; z < cp->nsyn && synok; z++)
                    if (!(cp->syn[z][0] & have[0]) && !(cp->syn[z][1] & have[1])) synok = 0;
                if (!synok) continue;
                match_state m2 = {-1, -1, -1};
                /* UPPER matched outward: its words right to left */
                cp_word rev[64];
                int nr = cp->nup < 64 ? cp->nup : 64;
                for (int r = 0; r < nr; r++) rev[r] = cp->up[cp->nup - 1 - r];
                if (!match_part(c, rev, nr, up, nup, 1, &m2)) continue;
                if (!match_part(c, cp->lo, cp->nlo, lo, nlo, 0, &m2)) continue;
                const char *pc = cp->src->code.text;
                if (pc && *pc && strcmp(pc, "---")) code = pc;
                ms = m2;
                pfile = cp->src->file;
                pline = cp->src->line;
                by_pattern = 1;
                break;
            }
        }
        if (!code || !*code || !strcmp(code, "---")) continue;
        /* optional negation: NOT / N'T / NEVER right before the verb's phrase
        ** (with no pattern to say what the negated verb means) gives no event */
        if (c->o->negation && !by_pattern) {
            int pw = prev_word(c, i, 2);
            if (pw >= 0 && (!strcmp(c->t[pw].w, "NOT") || !strcmp(c->t[pw].w, "N'T") || !strcmp(c->t[pw].w, "NEVER"))) {
                i = vend;
                continue;
            }
        }
        /* 6. source, target, events */
        int src = ms.src, tgt = ms.tgt;
        if (src < 0) src = find_source(c, up, nup);
        if (src >= 0 && tgt < 0) tgt = find_target(c, src, lo, nlo, up, nup);
        if (src >= 0 && tgt >= 0) {
            int vt = c->t[vw].tok;
            make_events(c, src, tgt, code, passive, c->t[first_w].tok < vt ? c->t[first_w].tok : vt,
                        (c->t[last_w].tok > vt ? c->t[last_w].tok : vt) + 1, pfile, pline);
        }
        i = vend;
    }
    dyad_free(up);
    dyad_free(lo);
}

/* ================================================================ discards */

/* Discards (§13.7): " PHRASE" anywhere in the upper-cased text, line breaks
** deleted; a trailing `_` wants a space or .!? after. Entries are bucketed
** by their first two characters, so a sentence costs one pass over its text. */
#define DB_SIZE 1024
typedef struct disc { const char *ph; int len, trail, story, next; } disc;

static unsigned db_key(unsigned char a, unsigned char b) { return (a * 31u + b) & (DB_SIZE - 1); }

static int discards_prepare(dyad_coder *c, arena *a) {
    size_t nd = 0;
    const dict_discard *ds = dict_discards(c->d, &nd);
    c->disc = arena_zalloc(a, (nd + 1) * sizeof *c->disc);
    c->dbucket = arena_alloc(a, DB_SIZE * sizeof *c->dbucket);
    if (!c->disc || !c->dbucket) return -1;
    for (int i = 0; i < DB_SIZE; i++) c->dbucket[i] = -1;
    c->ndisc = 0;
    c->dshort = -1;
    for (size_t i = 0; i < nd; i++) {
        const char *z = ds[i].phrase ? ds[i].phrase : "";
        size_t L = strlen(z);
        int trail = L > 0 && z[L - 1] == '_';
        if (trail) L--;
        if (L == 0) continue;
        char *u = mdup(a, z, L);
        if (!u) return -1;
        upcase(u);
        disc *d = &c->disc[c->ndisc];
        d->ph = u; d->len = (int)L; d->trail = trail; d->story = ds[i].story != 0;
        if (L >= 2) {
            unsigned k = db_key((unsigned char)u[0], (unsigned char)u[1]);
            d->next = c->dbucket[k];
            c->dbucket[k] = c->ndisc;
        } else {
            d->next = c->dshort;
            c->dshort = c->ndisc;
        }
        c->ndisc++;
    }
    return 0;
}

static int disc_at(const disc *d, const char *u, size_t i, size_t n) {
    if (i + (size_t)d->len > n || memcmp(u + i, d->ph, (size_t)d->len)) return 0;
    if (d->trail) {
        char a = u[i + (size_t)d->len];
        if (!(a == ' ' || a == '.' || a == '!' || a == '?')) return 0;
    }
    return 1;
}

static const char *discard_check(dyad_coder *c, const char *text) {
    if (!text || !*text || c->ndisc == 0) return NULL;
    size_t n = strlen(text);
    char *u = arena_alloc(&c->mem, n + 2);
    if (!u) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '\n' || text[i] == '\r') continue;
        u[k++] = (char)toupper((unsigned char)text[i]);
    }
    u[k] = 0;
    int sent = 0;
    for (size_t i = 1; i < k; i++) {
        if (u[i - 1] != ' ') continue;
        for (int j = c->dbucket[db_key((unsigned char)u[i], (unsigned char)u[i + 1])]; j >= 0; j = c->disc[j].next)
            if (disc_at(&c->disc[j], u, i, k)) { if (c->disc[j].story) return "storydiscard"; sent = 1; }
        for (int j = c->dshort; j >= 0; j = c->disc[j].next)
            if (disc_at(&c->disc[j], u, i, k)) { if (c->disc[j].story) return "storydiscard"; sent = 1; }
    }
    return sent ? "sentencediscard" : NULL;
}

const char *code_discard_note(dyad_coder *c, const char *text) {
    if (!c) return NULL;
    arena_reset(&c->mem);
    return discard_check(c, text);
}

/* ================================================================ issues */

const char *dyad_code_issues(dyad_coder *c, const char *text) {
    if (!c || !text) return "";
    size_t nd = 0;
    dict_issues(c->d, &nd);
    if (nd == 0) return "";
    /* upper-cased words, split on whitespace (punctuation stays attached) */
    size_t n = strlen(text);
    char *u = arena_alloc(&c->mem, n + 1);
    const char **w = arena_alloc(&c->mem, (n / 2 + 2) * sizeof *w);
    if (!u || !w) return "";
    int nw = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && isspace((unsigned char)text[i])) i++;
        if (i >= n) break;
        w[nw++] = u + i;
        while (i < n && !isspace((unsigned char)text[i])) { u[i] = (char)toupper((unsigned char)text[i]); i++; }
        if (i < n) u[i++] = 0;
    }
    u[n] = 0;
    const char *codes[64];
    int count[64], nc = 0, ignore = 0;
    char ph[1024];
    for (int i = 0; i < nw;) {
        int took = 0;
        size_t k = 0;
        for (int L = 1; L <= 8 && i + L <= nw; L++) {   /* the shortest phrase wins */
            size_t wl = strlen(w[i + L - 1]);
            if (k + wl + 2 > sizeof ph) break;
            if (L > 1) ph[k++] = ' ';
            memcpy(ph + k, w[i + L - 1], wl + 1);
            k += wl;
            const dict_issue *is = dict_issue_get(c->d, ph);
            if (!is) continue;
            if (is->kind != DICT_ISSUE) ignore = 1;
            else {
                int j = 0;
                while (j < nc && strcmp(codes[j], is->code)) j++;
                if (j == nc && nc < 64) { codes[nc] = is->code; count[nc] = 0; nc++; }
                if (j < nc) count[j]++;
            }
            took = L;
            break;
        }
        i += took ? took : 1;
    }
    if (ignore || nc == 0) return "";
    size_t cap = 32;
    for (int j = 0; j < nc; j++) cap += strlen(codes[j]) + 16;
    char *out = arena_alloc(&c->mem, cap);
    if (!out) return "";
    size_t o = 0;
    for (int j = 0; j < nc; j++)
        o += (size_t)snprintf(out + o, cap - o, "%s%s,%d", j ? ";" : "", codes[j], count[j]);
    return out;
}

/* ================================================================ driver */

dyad_status dyad_code_sentence(dyad_coder *c, dyad_sentence *s, const dyad_phrases *ps,
                               const char *date, const char *text,
                               const dyad_code_opts *o, const dyad_event **ev,
                               int *nev, const char **note) {
    *ev = NULL; *nev = 0; *note = NULL;
    if (!c || !s) return DYAD_EINVAL;
    arena_reset(&c->mem);
    c->nt = c->nw = c->nne = c->nnb = c->nev = c->nstack = 0;
    c->oom = 0;
    c->o = o ? o : &c->defaults;
    c->s = s;
    c->date = date ? dict_parse_iso_date(date) : 0;
    if (dyad_sentence_len(s) == 0) return DYAD_OK;
    if (!ps || ps->nn == 0) {
        dyad_status st = pt_from_ud(c->ud, s);
        if (st) return st;
        ps = c->ud;
    }
    c->p = ps;
    if ((*note = discard_check(c, text)) != NULL) return DYAD_OK;
    if (prepare_tree(c)) return DYAD_NOMEM;
    c->dateline = 0;
    /* ROOT and its first child */
    emit_node(c, ps->root, 0);
    if (c->oom) return DYAD_NOMEM;
    /* dateline: the first open markers are ROOT, NE, NEC */
    if (c->nt > 2 && c->t[1].k == T_O && !strcmp(c->t[1].lab, "NEC") && c->dateline) {
        *note = "dateline";
        return DYAD_OK;
    }
    for (int i = 0; i < c->nne; i++) code_ne(c, &c->ne[i]);
    if (c->o->pronouns) for (int i = 0; i < c->nne; i++) bind_pronoun(c, &c->ne[i]);
    comma_delete(c);
#ifdef CODE_DEBUG
    for (int i = 0; i < c->nt; i++) {
        const lt *x = &c->t[i];
        if (x->del) fputc('~', stderr);
        if (x->k == T_W) fprintf(stderr, "%s ", x->w);
        else if (x->k == T_O) fprintf(stderr, "(%s%s%s ", x->lab, x->ne >= 0 ? ":" : "", x->ne >= 0 ? c->ne[x->ne].code : "");
        else fprintf(stderr, ") ");
    }
    fputc('\n', stderr);
#endif
    code_verbs(c);
    if (c->oom) return DYAD_NOMEM;
    *ev = c->ev;
    *nev = c->nev;
    return DYAD_OK;
}
