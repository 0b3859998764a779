/*
** code_nominal.c: nominal events. A human coder also codes event nouns ("the
** visit of X to Y", "Baku sent a protest note to Paris"); nouns, codes and
** target prepositions come from data/nominal-events.tsv, and the phrases found
** in the UD tree are resolved by the coder's own NE rule (code_phrase_actor).
*/
#include "code_nominal.h"
#include "code.h"
#include "penn.h"
#include "arena.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

enum { OF_NONE = 0, OF_SOURCE, OF_TARGET };

enum { ROW_NOUN = 0, ROW_LIGHT, ROW_BLOCK };

typedef struct nom_row {
    int light;              /* ROW_*: noun, light verb, or blocking verb */
    const char *lemma;      /* lower case: the noun (HEAD of "MOD HEAD") or verb */
    const char *mod;        /* required compound/amod dependent, "" if none */
    const char *verb;       /* upper-case dictionary verb giving the code, or NULL */
    const char *code;       /* CAMEO code when no verb, or NULL */
    int of;                 /* OF_*: what "the N of X" names */
    const char *to;         /* ",to,in,": target prepositions */
    int line;
} nom_row;

struct nominal_coder {
    const dyad_dicts *d;
    arena tab;              /* rows and their strings (coder lifetime) */
    nom_row *row;
    int nrow;
    char name[128];         /* base name of the table, for evidence */
    arena mem;              /* per sentence */
    dyad_event *ev;
    int nev, evcap;
    int *buf;               /* phrase token scratch */
    int bufcap;
};

/* ================================================================ table */

static char *lower_dup(arena *a, const char *z, size_t n) {
    char *p = arena_strndup(a, z, n);
    if (p) for (char *q = p; *q; q++) *q = (char)tolower((unsigned char)*q);
    return p;
}

static int all_digits_code(const char *z) {
    if (!isdigit((unsigned char)z[0])) return 0;
    for (; *z; z++) if (!isdigit((unsigned char)*z) && *z != ':') return 0;
    return 1;
}

/* Parse the table text; 0, or -1 with err set ("" on no memory). */
static int table_parse(nominal_coder *n, const char *z, size_t len, char *err, size_t nerr) {
    int cap = 0, line = 0, header = 0;
    size_t i = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && z[e] != '\n') e++;
        line++;
        const char *ln = z + i;
        size_t L = e - i;
        i = e + 1;
        if (L && ln[L - 1] == '\r') L--;
        if (L == 0 || ln[0] == '#') continue;
        if (memchr(ln, '\0', L)) { snprintf(err, nerr, "%s:%d: NUL byte", n->name, line); return -1; }
        const char *f[6];
        size_t fl[6];
        int nf = 0;
        for (size_t k = 0, s0 = 0; k <= L && nf < 6; k++)
            if (k == L || ln[k] == '\t') { f[nf] = ln + s0; fl[nf] = k - s0; nf++; s0 = k + 1; }
        if (!header) {
            header = 1;
            if (nf < 5 || fl[0] != 4 || memcmp(f[0], "kind", 4)) {
                snprintf(err, nerr, "%s:%d: expected the header line \"kind<TAB>lemma<TAB>code<TAB>of<TAB>to...\"", n->name, line);
                return -1;
            }
            continue;
        }
        if (nf < 5) { snprintf(err, nerr, "%s:%d: %d fields, 5 or 6 expected", n->name, line, nf); return -1; }
        int light;
        if (fl[0] == 4 && !memcmp(f[0], "noun", 4)) light = ROW_NOUN;
        else if (fl[0] == 5 && !memcmp(f[0], "light", 5)) light = ROW_LIGHT;
        else if (fl[0] == 5 && !memcmp(f[0], "block", 5)) light = ROW_BLOCK;
        else { snprintf(err, nerr, "%s:%d: kind must be noun, light or block", n->name, line); return -1; }
        if (fl[1] == 0 || fl[1] > 60) { snprintf(err, nerr, "%s:%d: bad lemma", n->name, line); return -1; }
        if (n->nrow == cap) {
            int nc = cap ? cap * 2 : 32;
            nom_row *p = arena_alloc(&n->tab, (size_t)nc * sizeof *p);
            if (!p) { err[0] = 0; return -1; }
            if (n->nrow) memcpy(p, n->row, (size_t)n->nrow * sizeof *p);
            n->row = p;
            cap = nc;
        }
        nom_row *r = &n->row[n->nrow];
        memset(r, 0, sizeof *r);
        r->light = light;
        r->line = line;
        const char *sp = memchr(f[1], ' ', fl[1]);
        if (sp) {
            r->mod = lower_dup(&n->tab, f[1], (size_t)(sp - f[1]));
            r->lemma = lower_dup(&n->tab, sp + 1, fl[1] - (size_t)(sp - f[1]) - 1);
        } else {
            r->mod = "";
            r->lemma = lower_dup(&n->tab, f[1], fl[1]);
        }
        char code[64];
        snprintf(code, sizeof code, "%.*s", (int)(fl[2] < 63 ? fl[2] : 63), f[2]);
        if (!light) {
            if (all_digits_code(code)) r->code = arena_strndup(&n->tab, code, strlen(code));
            else if (code[0] && strcmp(code, "-")) {
                for (char *q = code; *q; q++) *q = (char)toupper((unsigned char)*q);
                r->verb = arena_strndup(&n->tab, code, strlen(code));
            } else { snprintf(err, nerr, "%s:%d: a noun needs a VERB or a CAMEO code", n->name, line); return -1; }
            char *colon = strchr(code, ':');
            if (colon) *colon = 0;
            if (r->code && !dyad_cameo_lookup(code)) {
                snprintf(err, nerr, "%s:%d: %.*s is not a CAMEO code", n->name, line, (int)fl[2], f[2]);
                return -1;
            }
            if (fl[3] == 6 && !memcmp(f[3], "source", 6)) r->of = OF_SOURCE;
            else if (fl[3] == 6 && !memcmp(f[3], "target", 6)) r->of = OF_TARGET;
            else if (fl[3] == 1 && f[3][0] == '-') r->of = OF_NONE;
            else { snprintf(err, nerr, "%s:%d: of must be source, target or -", n->name, line); return -1; }
        }
        char to[128];
        if (fl[4] == 1 && f[4][0] == '-') snprintf(to, sizeof to, ",");
        else snprintf(to, sizeof to, ",%.*s,", (int)(fl[4] < 120 ? fl[4] : 120), f[4]);
        r->to = lower_dup(&n->tab, to, strlen(to));
        if (!r->lemma || !r->mod || !r->to || (!light && !r->verb && !r->code)) { err[0] = 0; return -1; }
        n->nrow++;
    }
    if (!header) { snprintf(err, nerr, "%s: empty table (no header line)", n->name); return -1; }
    return 0;
}

nominal_coder *nominal_new(const dyad_dicts *d, const char *tsv, size_t len, const char *name,
                           char *err, size_t nerr) {
    char dummy[8];
    if (!err || nerr == 0) { err = dummy; nerr = sizeof dummy; }
    err[0] = 0;
    if (!tsv) { tsv = nominal_builtin_tsv; len = strlen(tsv); name = nominal_builtin_name; }
    nominal_coder *n = dyad_calloc(1, sizeof *n);
    if (!n) return NULL;
    n->d = d;
    arena_init(&n->tab);
    arena_init(&n->mem);
    const char *b = name ? strrchr(name, '/') : NULL;
    snprintf(n->name, sizeof n->name, "%s", b ? b + 1 : name ? name : "nominal-events.tsv");
    if (table_parse(n, tsv, len, err, nerr) < 0) {
        if (err[0] && name && strcmp(name, n->name)) {   /* messages name the path as given */
            char tmp[512];
            snprintf(tmp, sizeof tmp, "%s%s", name, err + strlen(n->name));
            snprintf(err, nerr, "%s", tmp);
        }
        nominal_free(n);
        return NULL;
    }
    return n;
}

void nominal_free(nominal_coder *n) {
    if (!n) return;
    arena_free(&n->tab);
    arena_free(&n->mem);
    dyad_free(n->ev);
    dyad_free(n->buf);
    dyad_free(n);
}

int nominal_rows(const nominal_coder *n) { return n ? n->nrow : 0; }

/* ================================================================ tree */

typedef struct tree {
    dyad_token *t;
    int n;
} tree;

static int head_of(const tree *T, int i) {   /* 0-based head, -1 for root or broken */
    int h = T->t[i].head;
    return h >= 1 && h <= T->n && h - 1 != i ? h - 1 : -1;
}
static const char *rel(const tree *T, int i) { return T->t[i].deprel ? T->t[i].deprel : "_"; }
static int rel_is(const tree *T, int i, const char *r) { return !strcmp(rel(T, i), r); }
/* "nmod", "nmod:poss" ... : relation r or one of its subtypes */
static int rel_base(const tree *T, int i, const char *r) {
    size_t L = strlen(r);
    const char *x = rel(T, i);
    return !strncmp(x, r, L) && (x[L] == 0 || x[L] == ':');
}

/* the lemma in lower case into buf (the form when the lemma is unknown) */
static const char *lemma_lc(const tree *T, int i, char *buf, size_t cap) {
    const char *l = T->t[i].lemma;
    if (!l || !strcmp(l, "_") || !*l) l = T->t[i].form ? T->t[i].form : "";
    size_t k = 0;
    for (; l[k] && k + 1 < cap; k++) buf[k] = (char)tolower((unsigned char)l[k]);
    buf[k] = 0;
    return buf;
}

/* the case marker ("of", "to", "'s") of dependent i, lower case, or "" */
static const char *case_of(const tree *T, int i, char *buf, size_t cap) {
    buf[0] = 0;
    for (int k = 0; k < T->n; k++)
        if (head_of(T, k) == i && (rel_is(T, k, "case") || rel_is(T, k, "mark")))
            return lemma_lc(T, k, buf, cap);
    return buf;
}

/* does the comma list ",to,in," hold word w? */
static int in_list(const char *list, const char *w) {
    if (!*w) return 0;
    size_t L = strlen(w);
    for (const char *p = strstr(list, w); p; p = strstr(p + 1, w))
        if (p[-1] == ',' && p[L] == ',') return 1;
    return 0;
}

static const nom_row *verb_row(const nominal_coder *n, const tree *T, int v, int kind) {
    char b[64];
    lemma_lc(T, v, b, sizeof b);
    for (int r = 0; r < n->nrow; r++)
        if (n->row[r].light == kind && !strcmp(n->row[r].lemma, b)) return &n->row[r];
    return NULL;
}
static const nom_row *light_row(const nominal_coder *n, const tree *T, int v) { return verb_row(n, T, v, ROW_LIGHT); }

/* Is noun i's event cancelled, denied, only planned or negated? It is when
** a verb governing it (through light verbs and xcomp chains: "offered to
** host talks", "cancelled its visit", "planned to pay a visit") is a block
** row, its light verb is negated ("did not pay a visit"), or the noun has
** the determiner "no" or a block adjective ("an upcoming visit"). */
static int blocked(const nominal_coder *n, const tree *T, int i) {
    char b[16];
    for (int k = 0; k < T->n; k++) {
        if (head_of(T, k) != i) continue;
        if (rel_is(T, k, "det") && !strcmp(lemma_lc(T, k, b, sizeof b), "no")) return 1;
        if (rel_base(T, k, "amod") && verb_row(n, T, k, ROW_BLOCK)) return 1;   /* "an upcoming visit" */
    }
    int x = i;
    for (int guard = 0; guard < 8; guard++) {
        int v = head_of(T, x);
        if (v < 0) return 0;
        if (verb_row(n, T, v, ROW_BLOCK)) return 1;
        for (int k = 0; k < T->n && light_row(n, T, v); k++)   /* "did not pay a visit" */
            if (head_of(T, k) == v && (rel_is(T, k, "advmod") || rel_is(T, k, "neg")) &&
                (!strcmp(lemma_lc(T, k, b, sizeof b), "not") || !strcmp(b, "n't") || !strcmp(b, "never")))
                return 1;
        if (!(rel_is(T, x, "obj") || rel_is(T, x, "xcomp") || rel_is(T, x, "nsubj:pass") || rel_is(T, x, "compound")))
            return 0;
        x = v;
    }
    return 0;
}

static int has_child(const tree *T, int v, const char *r) {
    for (int k = 0; k < T->n; k++) if (head_of(T, k) == v && rel_base(T, k, r)) return 1;
    return 0;
}

/* Relations that start a clause of their own: not part of an actor phrase. */
static int clause_rel(const tree *T, int k) {
    static const char *r[] = {"acl", "advcl", "parataxis", "ccomp", "xcomp", "punct", "dep", "list", NULL};
    for (int i = 0; r[i]; i++) if (rel_base(T, k, r[i])) return 1;
    return 0;
}

/* The phrase of dependent h: h's subtree in text order without clauses,
** punctuation and h's own case marker or conjunction (noconj: nor h's conjuncts, "Israel"
** of "between Israel and Hamas"). Returns the token count in n->buf. */
static int phrase(nominal_coder *n, const tree *T, int h, int noconj, int excl) {
    int m = 0;
    for (int k = 0; k < T->n; k++) {
        if (k != h && head_of(T, k) == h && (rel_is(T, k, "case") || rel_is(T, k, "mark") || rel_is(T, k, "cc")))
            continue;
        int x = k, ok = 0;
        for (int guard = 0; guard <= T->n && x >= 0; guard++) {
            if (x == h) { ok = 1; break; }
            if (clause_rel(T, x) || x == excl) break;
            if (noconj && head_of(T, x) == h && (rel_is(T, x, "conj") || rel_is(T, x, "cc"))) break;
            x = head_of(T, x);
        }
        if (ok) n->buf[m++] = k;
    }
    return m;
}

typedef struct side {
    const char *code, *entry;
    int t0, t1;        /* token span, end exclusive */
} side;

/* Resolve the phrase of h; 1 if it names an actor (code not "---"). */
static int resolve2(nominal_coder *n, dyad_coder *c, dyad_sentence *s, const tree *T, int h,
                    int noconj, int excl, const char *date, side *out, int *oom) {
    if (h < 0) return 0;
    int m = phrase(n, T, h, noconj, excl);
    if (m == 0) return 0;
    const char *code, *entry;
    if (code_phrase_actor(c, s, n->buf, m, date, &code, &entry) < 0) { *oom = 1; return 0; }
    if (!strcmp(code, "---")) return 0;
    out->code = code;
    out->entry = entry;
    out->t0 = n->buf[0];
    out->t1 = n->buf[m - 1] + 1;
    return 1;
}
static int resolve(nominal_coder *n, dyad_coder *c, dyad_sentence *s, const tree *T, int h,
                   const char *date, side *out, int *oom) {
    return resolve2(n, c, s, T, h, 0, -1, date, out, oom);
}


/* ================================================================ events */

static int add_event(nominal_coder *n, const side *a, const side *b, const char *code,
                     int v0, int v1, const char *pattern) {
    if (!strcmp(a->code, b->code) || !*code || !strcmp(code, "---")) return 0;
    for (int i = 0; i < n->nev; i++)
        if (!strcmp(n->ev[i].source, a->code) && !strcmp(n->ev[i].target, b->code) && !strcmp(n->ev[i].code, code))
            return 0;
    if (n->nev == n->evcap) {
        int nc = n->evcap ? n->evcap * 2 : 8;
        dyad_event *p = dyad_realloc(n->ev, (size_t)nc * sizeof *p);
        if (!p) return -1;
        n->ev = p;
        n->evcap = nc;
    }
    dyad_event *e = &n->ev[n->nev++];
    memset(e, 0, sizeof *e);
    e->source = a->code; e->target = b->code; e->code = code;
    e->src_start = a->t0; e->src_end = a->t1;
    e->tgt_start = b->t0; e->tgt_end = b->t1;
    e->verb_start = v0; e->verb_end = v1;
    e->src_entry = a->entry; e->tgt_entry = b->entry;
    e->pattern = pattern;
    return 0;
}

/* "nominal-events.tsv:12[+CAMEO.2.0.txt:5581]" and the code of row r */
static int row_code(nominal_coder *n, const nom_row *r, const char **code, const char **pattern) {
    char buf[512];
    const char *cz = r->code;
    int k = snprintf(buf, sizeof buf, "%s:%d", n->name, r->line);
    if (r->verb) {
        const dict_verb_form *f = dict_verb_lookup(n->d, r->verb, NULL, 0);
        if (!f) return 0;   /* the verb is not in these dictionaries: no code */
        cz = f->code.text && *f->code.text ? f->code.text : NULL;
        if (!cz) {
            size_t nb = 0;
            const dict_block *b = dict_blocks(n->d, &nb);
            if (f->block < nb) cz = b[f->block].code.text;
        }
        if (!cz || !*cz) return 0;
        const char *file = f->file ? f->file : "?";
        const char *sl = strrchr(file, '/');
        if (k > 0 && (size_t)k < sizeof buf)
            snprintf(buf + k, sizeof buf - (size_t)k, "+%s:%u", sl ? sl + 1 : file, (unsigned)f->line);
    }
    *code = cz;
    *pattern = arena_strndup(&n->mem, buf, strlen(buf));
    return *pattern != NULL;
}

/* The row for noun i: a "MOD HEAD" row whose MOD is a compound/amod
** dependent of i first, then the plain row. *modtok gets the MOD token. */
static const nom_row *noun_row(const nominal_coder *n, const tree *T, int i, int *modtok) {
    char l[64], ml[64];
    lemma_lc(T, i, l, sizeof l);
    const nom_row *plain = NULL;
    *modtok = -1;
    for (int r = 0; r < n->nrow; r++) {
        const nom_row *x = &n->row[r];
        if (x->light || strcmp(x->lemma, l)) continue;
        if (!x->mod[0]) { if (!plain) plain = x; continue; }
        for (int k = 0; k < T->n; k++)
            if (head_of(T, k) == i && (rel_is(T, k, "compound") || rel_base(T, k, "amod")) &&
                !strcmp(lemma_lc(T, k, ml, sizeof ml), x->mod)) { *modtok = k; return x; }
    }
    return plain;
}

/* Does s descend from a (or equal it)? */
static int descends(const tree *T, int s, int a) {
    for (int x = s, steps = 0; x >= 0 && steps <= T->n; x = head_of(T, x), steps++) if (x == a) return 1;
    return 0;
}

/* The subject of k set off by commas on both sides after noun i ("the visit
** of X, the party's candidate ..., made on May 2 to Y"): an apposition the
** parser took for the subject of the reduced relative. A subject with no
** comma before the verb ("the visit of X, Azerbaijan made to Y") is one. */
static int comma_subject(const tree *T, int i, int k) {
    int sj = -1;
    for (int x = 0; x < T->n && sj < 0; x++) if (head_of(T, x) == k && rel_is(T, x, "nsubj")) sj = x;
    if (sj <= i || sj + 1 >= k || !T->t[k - 1].form || strcmp(T->t[k - 1].form, ",")) return 0;
    int left = sj;
    for (int x = i + 1; x < sj; x++) if (descends(T, x, sj)) { left = x; break; }
    if (T->t[left].form && !strcmp(T->t[left].form, ",")) return 1;   /* the comma hangs on the subject */
    return left > 0 && T->t[left - 1].form && !strcmp(T->t[left - 1].form, ",");
}

/* A reduced relative the parser attached to the clause instead of the noun
** ("condemned the visit of X, made on May 2 to Y": "made" as parataxis of
** "condemned", or as a conjunct of "visit" itself): a past participle (or
** past form) of a light verb, later than noun i, a dependent of i's head (or
** a conjunct of i) with no auxiliary and no subject of its own (but an
** apposition taken for one, see comma_subject). -1 if none. */
static int stray_participle(const nominal_coder *n, const tree *T, int i) {
    int v = head_of(T, i);
    for (int k = i + 1; k < T->n; k++) {
        int own = head_of(T, k) == i && rel_is(T, k, "conj");
        if ((v < 0 || head_of(T, k) != v) && !own) continue;
        if (!(rel_is(T, k, "parataxis") || rel_base(T, k, "advcl") || rel_is(T, k, "conj"))) continue;
        /* VBD too: with no subject and no auxiliary a past form is the
        ** participle the tagger mistook ("visit ..., made on May 2 to Y") */
        if (!T->t[k].xpos || (strcmp(T->t[k].xpos, "VBN") && strcmp(T->t[k].xpos, "VBD"))) continue;
        if (has_child(T, k, "aux") || !light_row(n, T, k)) continue;
        if (has_child(T, k, "nsubj") && !comma_subject(T, i, k)) continue;
        return k;
    }
    return -1;
}

/* "made on December 22 to Y/nmod(22)": the phrase with a case in list that
** the parser hung on a date dependent of v instead of on v. -1 if none. */
static int date_pp(const tree *T, int v, const char *list) {
    char b[64];
    for (int d = 0; d < T->n; d++) {
        if (head_of(T, d) != v || !rel_base(T, d, "obl") || !pt_date_word(T->t, T->n, d)) continue;
        for (int k = d + 1; k < T->n; k++)
            if (head_of(T, k) == d && rel_base(T, k, "nmod") && in_list(list, case_of(T, k, b, sizeof b))) return k;
    }
    return -1;
}

/* the first dependent of v with relation r (base) whose case is in list
** (NULL: any case); -1 if none */
static int child_with_case(const tree *T, int v, const char *r, const char *list) {
    char b[64];
    for (int k = 0; k < T->n; k++) {
        if (head_of(T, k) != v || !rel_base(T, k, r)) continue;
        if (!list || in_list(list, case_of(T, k, b, sizeof b))) return k;
    }
    return -1;
}

static int first_child(const tree *T, int v, const char *r) {
    for (int k = 0; k < T->n; k++) if (head_of(T, k) == v && rel_is(T, k, r)) return k;
    return -1;
}

/* "talks between X and Y" (TO holds "between"): X and Y, each way. 1 if found. */
static int between(nominal_coder *n, dyad_coder *c, dyad_sentence *s, const tree *T, int i,
                   const nom_row *r, const char *date, side *x, side *y, int *oom) {
    if (!in_list(r->to, "between")) return 0;
    int b = child_with_case(T, i, "nmod", ",between,");
    if (b < 0) return 0;
    int cj = first_child(T, b, "conj");
    if (cj < 0) return 0;
    return resolve2(n, c, s, T, b, 1, -1, date, x, oom) && resolve(n, c, s, T, cj, date, y, oom);
}

static void code_noun(nominal_coder *n, dyad_coder *c, dyad_sentence *s, const tree *T, int i,
                      const char *date, int *oom) {
    int modtok;
    const nom_row *r = noun_row(n, T, i, &modtok);
    if (!r || blocked(n, T, i)) return;
    /* the clause the noun lives in: a light verb it is the object of, a
    ** participle (acl) that continues it */
    int lv = -1, acl = -1;
    int h = head_of(T, i);
    if (h >= 0 && (rel_is(T, i, "obj") || rel_is(T, i, "nsubj:pass")) && light_row(n, T, h)) lv = h;
    for (int k = 0; k < T->n && acl < 0; k++)
        if (head_of(T, k) == i && rel_base(T, k, "acl") && light_row(n, T, k)) acl = k;
    if (acl < 0 && lv < 0) acl = stray_participle(n, T, i);

    side src, tgt;
    int have_s = 0, have_t = 0;
    if (between(n, c, s, T, i, r, date, &src, &tgt, oom)) {
        const char *code, *pattern;
        if (*oom || !row_code(n, r, &code, &pattern) || strchr(code, ':')) return;
        if (add_event(n, &src, &tgt, code, i, i + 1, pattern) < 0 ||
            add_event(n, &tgt, &src, code, i, i + 1, pattern) < 0)
            *oom = 1;
        return;
    }
    /* source: possessive, by-phrase, of-phrase, light verb subject/agent,
    ** participle's agent, actor adjective/compound */
    have_s = resolve(n, c, s, T, child_with_case(T, i, "nmod:poss", NULL), date, &src, oom);
    if (!have_s) have_s = resolve(n, c, s, T, child_with_case(T, i, "nmod", ",by,"), date, &src, oom);
    if (!have_s && r->of == OF_SOURCE)
        have_s = resolve(n, c, s, T, child_with_case(T, i, "nmod", ",of,"), date, &src, oom);
    if (!have_s && lv >= 0) {
        int sj = rel_is(T, i, "obj") ? first_child(T, lv, "nsubj") : child_with_case(T, lv, "obl", ",by,");
        have_s = resolve(n, c, s, T, sj, date, &src, oom);
    }
    if (!have_s && acl >= 0) have_s = resolve(n, c, s, T, child_with_case(T, acl, "obl", ",by,"), date, &src, oom);
    /* "the expulsion of X by Y" with "by Y" hung on X by the parser */
    int ofobj = r->of == OF_TARGET ? child_with_case(T, i, "nmod", ",of,") : -1, byof = -1;
    if (!have_s && ofobj >= 0 && (byof = child_with_case(T, ofobj, "nmod", ",by,")) >= 0)
        have_s = resolve(n, c, s, T, byof, date, &src, oom);
    if (!have_s) byof = -1;
    for (int k = 0; k < T->n && !have_s; k++)
        if (head_of(T, k) == i && k != modtok && (rel_is(T, k, "amod") || rel_is(T, k, "compound")))
            have_s = resolve(n, c, s, T, k, date, &src, oom);
    if (!have_s || *oom) return;
    /* target: to/with/on-phrase of the noun, of-phrase, the participle's or
    ** light verb's phrase, an indirect object */
    have_t = resolve(n, c, s, T, child_with_case(T, i, "nmod", r->to), date, &tgt, oom);
    if (!have_t && r->of == OF_TARGET) have_t = resolve2(n, c, s, T, ofobj, 0, byof, date, &tgt, oom);
    if (!have_t && acl >= 0) have_t = resolve(n, c, s, T, child_with_case(T, acl, "obl", r->to), date, &tgt, oom);
    if (!have_t && acl >= 0) have_t = resolve(n, c, s, T, date_pp(T, acl, r->to), date, &tgt, oom);
    if (!have_t && lv >= 0) {
        have_t = resolve(n, c, s, T, child_with_case(T, lv, "obl", r->to), date, &tgt, oom);
        if (!have_t) have_t = resolve(n, c, s, T, first_child(T, lv, "iobj"), date, &tgt, oom);
    }
    if (!have_t || *oom) return;
    if (src.t0 < tgt.t1 && tgt.t0 < src.t1) return;   /* one phrase inside the other */
    const char *code, *pattern;
    if (!row_code(n, r, &code, &pattern)) return;
    int v0 = i, v1 = i + 1;
    if (modtok >= 0) { if (modtok < v0) v0 = modtok; if (modtok + 1 > v1) v1 = modtok + 1; }
    const char *colon = strchr(code, ':');
    if (!colon) { if (add_event(n, &src, &tgt, code, v0, v1, pattern) < 0) *oom = 1; return; }
    /* "042:043": the source visits (042), the target hosts the visit (043) */
    const char *x = arena_strndup(&n->mem, code, (size_t)(colon - code));
    const char *y = arena_strndup(&n->mem, colon + 1, strlen(colon + 1));
    if (!x || !y) { *oom = 1; return; }
    if (add_event(n, &src, &tgt, x, v0, v1, pattern) < 0) *oom = 1;
    else if (*y && add_event(n, &tgt, &src, y, v0, v1, pattern) < 0) *oom = 1;
}

dyad_status nominal_code(nominal_coder *n, dyad_coder *c, dyad_sentence *s, const char *date,
                         const dyad_event **ev, int *nev) {
    if (ev) *ev = NULL;
    if (nev) *nev = 0;
    if (!n || !c || !s || !ev || !nev) return DYAD_EINVAL;
    arena_reset(&n->mem);
    n->nev = 0;
    tree T = {dyad_sentence_tokens(s), dyad_sentence_len(s)};
    if (T.n <= 0 || T.n > NOMINAL_MAX_TOKENS) return DYAD_OK;
    if (T.n > n->bufcap) {
        int *p = dyad_realloc(n->buf, (size_t)T.n * sizeof *p);
        if (!p) return DYAD_NOMEM;
        n->buf = p;
        n->bufcap = T.n;
    }
    int oom = 0;
    for (int i = 0; i < T.n && !oom; i++)
        if (T.t[i].upos && !strcmp(T.t[i].upos, "NOUN")) code_noun(n, c, s, &T, i, date, &oom);
    if (oom) return DYAD_NOMEM;
    *ev = n->ev;
    *nev = n->nev;
    return DYAD_OK;
}
