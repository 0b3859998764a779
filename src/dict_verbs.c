/*
** dict_verbs.c: the verb dictionary loader, both formats: CAMEO 2.0 / P2
** (formats.md §2: synsets before the VERB PATTERNS marker, blocks, verb
** lines, (PP)/{NP} patterns, transformations) and PETRARCH-1/TABARI (§3,
** §13.4: `<!-- -->` comments, synsets anywhere, linear `_`/space patterns).
*/
#include "dict_int.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct vstate {
    dict_file *f;
    dyad_dicts *d;
    dict_verb_format fmt;
    int in_syn;              /* CAMEO2: before the marker; legacy: after `&` */
    int record_patterns;     /* CAMEO2: cleared by a `<!` line */
    int64_t block;           /* current block, -1 before the first */
    int block_has_verb;
    int64_t synset;          /* synset receiving members, -1 none */
    dvec members;            /* dict_syn_member of the open synset */
    dmap seen;               /* LINT: form key -> form index */
} vstate;

/* Cut a `#` comment: a `#` at the start, after a blank or after `]` (so
** `[###]` keeps its hashes as a code, and `[193]# note` loses the note). */
static char *cut_comment(char *z) {
    for (char *h = z; *h; h++)
        if (*h == '#' && (h == z || h[-1] == ' ' || h[-1] == '\t' || h[-1] == ']')) { *h = '\0'; break; }
    return dict_trim(z);
}

/* ------------------------------------------------------------- synsets */

static int close_synset(vstate *v) {
    if (v->synset < 0) return 0;
    dict_synset *S = &DV_AT(v->d->synsets, dict_synset, v->synset);
    size_t n = v->members.n;
    dict_syn_member *m = arena_alloc(&v->d->A, (n ? n : 1) * sizeof *m);
    if (!m) return dict_nomem(v->d);
    if (n) memcpy(m, v->members.v, n * sizeof *m);
    S->members = m;
    S->nmembers = (uint32_t)n;
    if (!n) dict_lint(v->d, S->file, S->line, "synset %s has no members", S->name);
    v->members.n = 0;
    v->synset = -1;
    return 0;
}

static int open_synset(vstate *v, char *z) {
    if (close_synset(v)) return -1;
    char *name = cut_comment(z);
    if (!name[1] || strchr(name, ' ') || strchr(name, '\t'))
        return dict_bad(v->f, "synset name must be one word after '&'") ? -1 : 0;
    dict_synset *S = dvec_push(&v->d->synsets);
    if (!S) return dict_nomem(v->d);
    S->name = dict_strdup(v->d, name, strlen(name));
    S->file = v->f->path;
    S->line = v->f->lineno;
    if (!S->name) return dict_nomem(v->d);
    uint32_t old;
    if (dmap_get(&v->d->synset_map, S->name, strlen(S->name), &old)) {
        const dict_synset *o = &DV_AT(v->d->synsets, dict_synset, old);
        dict_lint(v->d, v->f->path, v->f->lineno, "synset %s defined again (first at %s:%u)",
                  S->name, o->file, (unsigned)o->line);
    }
    if (dmap_put(&v->d->synset_map, S->name, (uint32_t)(v->d->synsets.n - 1))) return dict_nomem(v->d);
    v->synset = (int64_t)(v->d->synsets.n - 1);
    dict_stats_of(v->f)->synsets++;
    return 0;
}

/* Plural of the last word (§1.4 synset rules): Y -> IES, S -> ES (replacing
** the S: ARMS -> ARMES), otherwise +S. */
static char *syn_plural(dyad_dicts *d, const char *z) {
    size_t n = strlen(z);
    char *p = arena_alloc(&d->A, n + 3);
    if (!p) return NULL;
    memcpy(p, z, n + 1);
    if (n && z[n - 1] == 'Y') strcpy(p + n - 1, "IES");
    else if (n && z[n - 1] == 'S') strcpy(p + n - 1, "ES");
    else strcpy(p + n, "S");
    return p;
}

static int add_member(vstate *v, char *z) {
    char *t = cut_comment(z + 1);
    if (!*t) return dict_bad(v->f, "empty synset member '+'") ? -1 : 0;
    dict_syn_member *m = dvec_push(&v->members);
    if (!m) return dict_nomem(v->d);
    dyad_dicts *d = v->d;
    m->text = dict_strdup(d, t, strlen(t));
    m->nested = -1;
    m->file = v->f->path;
    m->line = v->f->lineno;
    const char **w;
    uint8_t *sep;
    int tus;
    int nw = dict_split_words(d, t, strlen(t), 1, &w, &sep, &tus);
    if (!m->text || nw < 0) return dict_nomem(d);
    m->words = w;
    m->sep = sep;
    m->nwords = (uint16_t)nw;
    m->trailing_us = (uint8_t)(t[strlen(t) - 1] == '_');
    const dict_synset *S = &DV_AT(d->synsets, dict_synset, v->synset);
    int plural;
    if (t[0] == '&' || nw == 0) plural = 0;
    else if (v->fmt == DICT_VERBS_CAMEO2) plural = !m->trailing_us && nw == 1;
    else plural = !m->trailing_us && S->name[strlen(S->name) - 1] != '_';
    if (plural) {
        char *joined = dict_join(d, w, (size_t)nw);
        if (!joined || !(m->plural = syn_plural(d, joined))) return dict_nomem(d);
    }
    dict_stats_of(v->f)->members++;
    return 0;
}

/* --------------------------------------------------------------- blocks */

static int block_header(vstate *v, char *z) {
    char *t = cut_comment(z);
    char *p = t + 3;
    while (*p == '-') p++;
    while (isspace((unsigned char)*p)) p++;
    size_t nl = 0;
    while (p[nl] && !isspace((unsigned char)p[nl]) && p[nl] != '[') nl++;
    if (nl == 0 || !strncmp(p, "---", 3))
        return dict_bad(v->f, "block header needs the form --- NAME [CODE] ---") ? -1 : 0;
    dict_evcode code = {"---", "---", "---"};
    char *lb = strchr(p, '[');
    if (lb) {
        char *rb = strchr(lb, ']');
        if (!rb) return dict_bad(v->f, "'[' without a closing ']' in block header") ? -1 : 0;
        dict_evcode_parse(v->d, lb + 1, (size_t)(rb - lb - 1), &code);
    }
    if (close_synset(v)) return -1;
    if (v->fmt == DICT_VERBS_LEGACY) v->in_syn = 0;
    dict_block *B = dvec_push(&v->d->blocks);
    if (!B) return dict_nomem(v->d);
    B->name = dict_strdup(v->d, p, nl);
    B->code = code;
    B->format = (uint8_t)v->fmt;
    B->first_pattern = (uint32_t)v->d->patterns.n;
    B->file = v->f->path;
    B->line = v->f->lineno;
    if (!B->name) return dict_nomem(v->d);
    v->block = (int64_t)(v->d->blocks.n - 1);
    v->block_has_verb = 0;
    dict_stats_of(v->f)->blocks++;
    return 0;
}

/* ------------------------------------------------------------- patterns */

typedef struct tokbuf { dict_ptok t[256]; size_t n; } tokbuf;

static int push_tok(vstate *v, tokbuf *b, uint8_t kind, const char *z, size_t n, uint8_t sep) {
    if (b->n == 256) return dict_bad(v->f, "pattern with more than 256 tokens") ? -1 : 1;
    dict_ptok *t = &b->t[b->n++];
    memset(t, 0, sizeof *t);          /* padding included: the cache hashes it */
    t->kind = kind;
    t->sep = sep;
    t->synset = -1;
    if (kind == DICT_PT_WORD && n == 1) {
        switch (z[0]) {
        case '$': t->kind = DICT_PT_SOURCE; break;
        case '+': t->kind = DICT_PT_TARGET; break;
        case '%': t->kind = DICT_PT_COMPOUND; break;
        case '^': t->kind = DICT_PT_SKIP; break;
        }
    }
    if (kind == DICT_PT_WORD && z[0] == '&' && n > 1) t->kind = DICT_PT_SYNSET;
    if (!(t->text = dict_strdup(v->d, z, n))) return dict_nomem(v->d);
    return 0;
}

/* CAMEO 2.0 half: blank-separated tokens with (PP ...) and {NP ...} groups. */
static int tok_cameo2(vstate *v, const char *z, tokbuf *b) {
    int pp = 0, np = 0, r;
    const char *p = z;
    while (*p) {
        while (isspace((unsigned char)*p)) p++;
        if (!*p) break;
        const char *e = p;
        while (*e && !isspace((unsigned char)*e)) e++;
        const char *s = p;
        while (s < e && (*s == '(' || *s == '{')) {
            if ((*s == '(' && (pp || np)) || (*s == '{' && np)) {
                dict_lint(v->d, v->f->path, v->f->lineno, "nested '%c' in pattern (ignored)", *s);
                s++;
                continue;
            }
            if (*s == '(') pp = 1; else np = 1;
            if ((r = push_tok(v, b, *s == '(' ? DICT_PT_PP_OPEN : DICT_PT_NP_OPEN, s, 1, ' '))) return r;
            s++;
        }
        const char *we = e;
        while (we > s && (we[-1] == ')' || we[-1] == '}')) we--;
        if (we > s && (r = push_tok(v, b, DICT_PT_WORD, s, (size_t)(we - s), ' '))) return r;
        for (const char *c = we; c < e; c++) {
            if ((*c == ')' && (!pp || np)) || (*c == '}' && !np)) {
                dict_lint(v->d, v->f->path, v->f->lineno, "unbalanced '%c' in pattern (ignored)", *c);
                continue;
            }
            if (*c == ')') pp = 0; else np = 0;
            if ((r = push_tok(v, b, *c == ')' ? DICT_PT_PP_CLOSE : DICT_PT_NP_CLOSE, c, 1, ' '))) return r;
        }
        p = e;
    }
    if (np) {
        dict_lint(v->d, v->f->path, v->f->lineno, "unclosed '{' in pattern (closed at the end)");
        if ((r = push_tok(v, b, DICT_PT_NP_CLOSE, "}", 1, ' '))) return r;
    }
    if (pp) {
        dict_lint(v->d, v->f->path, v->f->lineno, "unclosed '(' in pattern (closed at the end)");
        if ((r = push_tok(v, b, DICT_PT_PP_CLOSE, ")", 1, ' '))) return r;
    }
    return 0;
}

/* Legacy half: words separated by blanks or `_`; sep = the separator on the
** verb side (upper: after the word, lower: before it). */
static int tok_legacy(vstate *v, const char *z, int upper, tokbuf *b) {
    size_t n = strlen(z), i = 0;
    int r;
    while (i < n) {
        size_t s = i;
        while (s < n && (z[s] == ' ' || z[s] == '\t' || z[s] == '_')) s++;
        if (s >= n) break;
        size_t e = s;
        while (e < n && z[e] != ' ' && z[e] != '\t' && z[e] != '_') e++;
        uint8_t sep;
        if (upper) sep = (e < n && z[e] == '_') ? '_' : ' ';
        else sep = (s > 0 && z[s - 1] == '_') ? '_' : ' ';
        if ((r = push_tok(v, b, DICT_PT_WORD, z + s, e - s, sep))) return r;
        i = e;
    }
    return 0;
}

static int pattern_line(vstate *v, char *z) {
    dyad_dicts *d = v->d;
    dyad_dict_stats *st = dict_stats_of(v->f);
    if (v->block < 0) return dict_bad(v->f, "pattern before any --- block header") ? -1 : 0;
    char *t = cut_comment(z + 1);
    char *lb = strrchr(t, '[');
    if (!lb) return dict_bad(v->f, "pattern without a [CODE]") ? -1 : 0;
    char *rb = strchr(lb, ']');
    if (!rb) return dict_bad(v->f, "'[' without a closing ']' in pattern") ? -1 : 0;
    for (char *q = rb + 1; *q; q++)
        if (!isspace((unsigned char)*q))
            return dict_bad(v->f, "text after the pattern's [CODE]") ? -1 : 0;
    if (lb > t && !isspace((unsigned char)lb[-1]) && v->fmt == DICT_VERBS_CAMEO2)
        dict_lint(v->d, v->f->path, v->f->lineno,
                  "the pattern's [CODE] is not separated by a blank (P2 misreads it)");
    *lb = '\0';
    if (strchr(t, '[') || strchr(t, ']')) return dict_bad(v->f, "two [CODE]s in a pattern") ? -1 : 0;
    char *star = strchr(t, '*');
    if (!star) return dict_bad(v->f, "pattern without '*' (the verb's place)") ? -1 : 0;
    dict_pattern P;
    memset(&P, 0, sizeof P);
    dict_evcode_parse(d, lb + 1, (size_t)(rb - lb - 1), &P.code);
    {   /* text = the line after '-' before '#', trimmed, code included */
        char *body = dict_trim(t);
        size_t bl = strlen(body), cl = (size_t)(rb - lb - 1);
        char *x = arena_alloc(&d->A, bl + cl + 4);
        if (!x) return dict_nomem(d);
        memcpy(x, body, bl);
        x[bl] = ' '; x[bl + 1] = '[';
        memcpy(x + bl + 2, lb + 1, cl);
        x[bl + 2 + cl] = ']'; x[bl + 3 + cl] = '\0';
        P.text = x;
    }
    star = strchr(t, '*');
    *star = '\0';
    char *upper = t, *lower = star + 1;
    char *star2 = strchr(lower, '*');
    if (star2) { if (v->fmt == DICT_VERBS_CAMEO2) *star2 = '\0';
                 else return dict_bad(v->f, "pattern with two '*'") ? -1 : 0; }
    if (v->fmt == DICT_VERBS_LEGACY) {
        if (strchr(upper, '{') || strchr(lower, '{')) P.flags |= DICT_PAT_BRACE_P1;
        for (char *q = upper; (q = strstr(q, "_ ")); ) { *q = ' '; }
        for (char *q = lower; (q = strstr(q, "_ ")); ) { *q = ' '; }
    }
    tokbuf *ub = dyad_malloc(sizeof *ub), *lbf = dyad_malloc(sizeof *lbf);
    if (!ub || !lbf) { dyad_free(ub); dyad_free(lbf); return dict_nomem(d); }
    ub->n = lbf->n = 0;
    int r;
    if (v->fmt == DICT_VERBS_CAMEO2) {
        r = tok_cameo2(v, upper, ub);
        if (!r) r = tok_cameo2(v, lower, lbf);
    } else {
        /* the separator before `*` belongs to the last upper word */
        size_t un = strlen(upper);
        r = tok_legacy(v, upper, 1, ub);
        if (!r && ub->n) ub->t[ub->n - 1].sep = (un && upper[un - 1] == '_') ? '_' : ' ';
        if (!r) r = tok_legacy(v, lower, 0, lbf);
    }
    if (!r) {
        dict_ptok *u = arena_alloc(&d->A, (ub->n ? ub->n : 1) * sizeof *u);
        dict_ptok *l = arena_alloc(&d->A, (lbf->n ? lbf->n : 1) * sizeof *l);
        dict_pattern *slot = dvec_push(&d->patterns);
        if (!u || !l || !slot) r = dict_nomem(d);
        else {
            memcpy(u, ub->t, ub->n * sizeof *u);
            memcpy(l, lbf->t, lbf->n * sizeof *l);
            P.upper = u; P.nupper = (uint16_t)ub->n;
            P.lower = l; P.nlower = (uint16_t)lbf->n;
            P.block = (uint32_t)v->block;
            P.file = v->f->path;
            P.line = v->f->lineno;
            if (v->fmt == DICT_VERBS_CAMEO2 && !v->record_patterns) P.flags |= DICT_PAT_P2_IGNORED;
            *slot = P;
            DV_AT(d->blocks, dict_block, v->block).npatterns++;
            st->patterns++;
        }
    }
    dyad_free(ub);
    dyad_free(lbf);
    return r < 0 ? -1 : 0;
}

/* ---------------------------------------------------------------- verbs */

typedef struct compound { const char **front, **back; int nfront, nback; } compound;

/* "KLM_NOP_+RST_UP" -> front KLM NOP, verb RST, back UP. 0 ok, 1 bad. */
static int split_compound(vstate *v, const char *z, const char **verb, compound *c) {
    const char *plus = strchr(z, '+');
    if (!plus) return 1;
    if (strchr(plus + 1, '+')) return 1;
    const char **w;
    int n = dict_split_words(v->d, z, (size_t)(plus - z), 1, &w, NULL, NULL);
    if (n < 0) return -1;
    c->front = w; c->nfront = n;
    n = dict_split_words(v->d, plus + 1, strlen(plus + 1), 1, &w, NULL, NULL);
    if (n < 0) return -1;
    if (n == 0) return 1;
    *verb = w[0];
    c->back = w + 1;
    c->nback = n - 1;
    return 0;
}

static int add_form(vstate *v, const char *word, const compound *c, const dict_evcode *code,
                    uint16_t flags) {
    dyad_dicts *d = v->d;
    dict_verb_form *F = dvec_push(&d->forms);
    if (!F) return dict_nomem(d);
    F->word = word;
    F->front = c->front; F->nfront = (uint8_t)c->nfront;
    F->back = c->back; F->nback = (uint8_t)c->nback;
    F->flags = flags;
    F->code = *code;
    F->block = (uint32_t)v->block;
    F->file = v->f->path;
    F->line = v->f->lineno;
    dict_stats_of(v->f)->forms++;
    if (d->flags & DYAD_DICT_LINT) {
        char key[1024];
        size_t k = (size_t)snprintf(key, sizeof key, "%s", word);
        for (int i = 0; i < c->nback && k < sizeof key; i++) k += (size_t)snprintf(key + k, sizeof key - k, " %s", c->back[i]);
        if (k < sizeof key) k += (size_t)snprintf(key + k, sizeof key - k, " #");
        for (int i = 0; i < c->nfront && k < sizeof key; i++) k += (size_t)snprintf(key + k, sizeof key - k, " %s", c->front[i]);
        uint32_t old;
        if (dmap_get(&v->seen, key, strlen(key), &old)) {
            const dict_verb_form *o = &DV_AT(d->forms, dict_verb_form, old);
            if (strcmp(o->code.text, code->text))
                dict_lint(d, v->f->path, v->f->lineno,
                          "verb form %s coded [%s] here but [%s] at %s:%u (%s)", key, code->text,
                          o->code.text, o->file, (unsigned)o->line,
                          v->fmt == DICT_VERBS_CAMEO2 ? "P2 keeps the first" : "P1 keeps the last");
            else if (!(flags & DICT_VF_GENERATED))
                dict_lint(d, v->f->path, v->f->lineno, "duplicate verb form %s (first at %s:%u)",
                          key, o->file, (unsigned)o->line);
        } else {
            char *kk = dict_strdup(d, key, strlen(key));
            if (!kk || dmap_put(&v->seen, kk, (uint32_t)(d->forms.n - 1))) return dict_nomem(d);
        }
    }
    return 0;
}

/* Regular forms (§2.5 for CAMEO2, §13.4 for legacy). */
static int regular_forms(vstate *v, const char *w, const compound *c, const dict_evcode *code,
                         uint16_t flags) {
    size_t n = strlen(w);
    if (!n) return 0;
    char f[3][600];
    if (n > 590) return 0;
    char last = w[n - 1];
    if (v->fmt == DICT_VERBS_CAMEO2) {
        if (last == 'S' || last == 'X' || last == 'Z') snprintf(f[0], 600, "%sES", w);
        else if (last == 'Y') snprintf(f[0], 600, "%.*sIES", (int)n - 1, w);
        else snprintf(f[0], 600, "%sS", w);
        snprintf(f[1], 600, last == 'E' ? "%sD" : "%sED", w);
        int vowel = n >= 2 && strchr("AEIOU", w[n - 2]) != NULL;
        if (last == 'E' && !vowel) snprintf(f[2], 600, "%.*sING", (int)n - 1, w);
        else snprintf(f[2], 600, "%sING", w);
    } else {
        snprintf(f[0], 600, "%sS", w);
        if (last == 'E') {
            snprintf(f[1], 600, "%sD", w);
            snprintf(f[2], 600, "%.*sING", (int)n - 1, w);
        } else {
            snprintf(f[1], 600, "%sED", w);
            snprintf(f[2], 600, "%sING", w);
        }
    }
    for (int i = 0; i < 3; i++) {
        const char *s = dict_strdup(v->d, f[i], strlen(f[i]));
        if (!s || add_form(v, s, c, code, (uint16_t)(flags | DICT_VF_GENERATED))) return dict_nomem(v->d);
    }
    return 0;
}

static int verb_line(vstate *v, char *z) {
    dyad_dicts *d = v->d;
    char *t = cut_comment(z);
    if (!*t) return 0;
    if (v->block < 0) return dict_bad(v->f, "verb line before any --- block header") ? -1 : 0;
    dict_block *B = &DV_AT(d->blocks, dict_block, v->block);
    dict_evcode code = B->code;
    char *lb = strchr(t, '[');
    if (lb) {
        char *rb = strchr(lb, ']');
        if (!rb) return dict_bad(v->f, "'[' without a closing ']'") ? -1 : 0;
        for (char *q = rb + 1; *q; q++)
            if (!isspace((unsigned char)*q)) return dict_bad(v->f, "text after the verb's [CODE]") ? -1 : 0;
        dict_evcode_parse(d, lb + 1, (size_t)(rb - lb - 1), &code);
        if (lb > t && !isspace((unsigned char)lb[-1]))
            dict_lint(d, v->f->path, v->f->lineno,
                      "[CODE] attached to a word: P2 reads the code as part of that word");
        *lb = '\0';
    }
    char *ob = strchr(t, '{'), *cb = strchr(t, '}');
    if ((ob && !cb) || (cb && !ob) || (ob && cb < ob))
        return dict_bad(v->f, "unbalanced '{' '}' in verb line") ? -1 : 0;
    int has_brace = ob != NULL;
    for (char *q = t; *q; q++) if (*q == '{' || *q == '}') *q = ' ';
    const char **tok;
    int nt = dict_split_words(d, t, strlen(t), 0, &tok, NULL, NULL);
    if (nt < 0) return dict_nomem(d);
    if (nt == 0) return dict_bad(v->f, "verb line without a verb") ? -1 : 0;
    if (!has_brace && nt > 1)
        dict_lint(d, v->f->path, v->f->lineno, "several verb forms without {...}");
    compound last = {NULL, NULL, 0, 0};
    const char *verb = tok[0];
    uint16_t primary = v->block_has_verb ? 0 : DICT_VF_PRIMARY;
    if (strchr(tok[0], '_')) {
        int r = split_compound(v, tok[0], &verb, &last);
        if (r < 0) return dict_nomem(d);
        if (r) return dict_bad(v->f, "multi-word verb '%s' needs one '+' before its verb word", tok[0]) ? -1 : 0;
    } else if (tok[0][0] == '+') {
        verb = tok[0] + 1;
        if (!*verb) return dict_bad(v->f, "verb line with a bare '+'") ? -1 : 0;
    }
    if (!v->block_has_verb) { B->primary = verb; v->block_has_verb = 1; }
    if (add_form(v, verb, &last, &code, (uint16_t)(DICT_VF_STEM | primary))) return -1;
    if (nt == 1 && !has_brace) {
        if (regular_forms(v, verb, &last, &code, primary)) return -1;
    }
    for (int i = 1; i < nt; i++) {
        const char *w = tok[i];
        if (strchr(w, '_')) {
            compound c = {NULL, NULL, 0, 0};
            int r = split_compound(v, w, &w, &c);
            if (r < 0) return dict_nomem(d);
            if (r) return dict_bad(v->f, "multi-word form '%s' needs one '+' before its verb word", tok[i]) ? -1 : 0;
            last = c;
        } else if (w[0] == '+') {
            w++;
        }
        if (add_form(v, w, &last, &code, (uint16_t)(DICT_VF_LISTED | primary))) return -1;
    }
    dict_stats_of(v->f)->verbs++;
    return 0;
}

static int transform_line(vstate *v, char *z) {
    char *t = cut_comment(z + 1);
    char *eq = strchr(t, '=');
    if (!eq) return dict_bad(v->f, "transformation without '='") ? -1 : 0;
    dict_transform *T = dvec_push(&v->d->transforms);
    if (!T) return dict_nomem(v->d);
    T->text = dict_strdup(v->d, t, strlen(t));
    *eq = '\0';
    char *l = dict_trim(t), *r = dict_trim(eq + 1);
    if (!*l || !*r) { v->d->transforms.n--; return dict_bad(v->f, "transformation with an empty side") ? -1 : 0; }
    T->lhs = dict_strdup(v->d, l, strlen(l));
    T->rhs = dict_strdup(v->d, r, strlen(r));
    T->file = v->f->path;
    T->line = v->f->lineno;
    if (!T->text || !T->lhs || !T->rhs) return dict_nomem(v->d);
    dict_stats_of(v->f)->transforms++;
    return 0;
}

int dict_load_verbs(dict_file *f, dict_verb_format fmt) {
    vstate v;
    memset(&v, 0, sizeof v);
    v.f = f; v.d = f->d; v.fmt = fmt;
    v.in_syn = fmt == DICT_VERBS_CAMEO2;
    v.record_patterns = 1;
    v.block = -1;
    v.synset = -1;
    v.members = (dvec)DVEC(dict_syn_member);
    int r, rc = 0, in_comment = 0;
    while (!rc && (r = dict_next_raw(f)) == 1) {
        char *z = f->line;
        while (isspace((unsigned char)*z)) z++;
        if (in_comment) {                              /* legacy multi-line <!-- */
            if (strstr(z, "-->")) in_comment = 0;
            continue;
        }
        if (z[0] == '<' && z[1] == '!') {
            if (fmt == DICT_VERBS_CAMEO2) v.record_patterns = 0;   /* §2.2 rule 1 */
            else if (!strstr(z, "-->")) in_comment = 1;
            if (fmt == DICT_VERBS_LEGACY && v.synset >= 0) { rc = close_synset(&v); v.in_syn = 0; }
            continue;
        }
        if (!strncmp(z, "####### VERB PATTERNS #######", 29)) {
            if (fmt == DICT_VERBS_CAMEO2) { v.in_syn = 0; rc = close_synset(&v); }
            continue;
        }
        int legacy_end = fmt == DICT_VERBS_LEGACY && v.synset >= 0 && z[0] != '+' &&
                         z[0] != '#' && z[0] != '\0';
        if (legacy_end) { rc = close_synset(&v); v.in_syn = 0; if (rc) break; }
        if (!*z || z[0] == '#') continue;
        if (!strncmp(z, "---", 3)) rc = block_header(&v, z);
        else if (z[0] == '-') rc = pattern_line(&v, z);
        else if (z[0] == '&') {
            if (fmt == DICT_VERBS_CAMEO2 && !v.in_syn)
                dict_lint(v.d, f->path, f->lineno, "synset defined after the VERB PATTERNS marker");
            rc = open_synset(&v, z);
            if (fmt == DICT_VERBS_LEGACY) v.in_syn = 1;
        } else if (z[0] == '+' && v.in_syn) {
            if (v.synset < 0) rc = dict_bad(f, "synset member before any &NAME") ? -1 : 0;
            else rc = add_member(&v, z);
        } else if (z[0] == '~') rc = transform_line(&v, z);
        else rc = verb_line(&v, z);
    }
    if (!rc && r < 0) rc = -1;
    if (!rc) rc = close_synset(&v);
    dvec_free(&v.members);
    dmap_free(&v.seen);
    return rc;
}
