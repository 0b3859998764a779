/*
** penn.c: Penn Treebank bracketed trees in, tokens + a UD-style dependency
** tree out (head rules of our own, docs/penn-to-ud.md), with the phrase
** structure kept beside the sentence (dyad_phrases). Also the reverse
** direction: a constituent tree rebuilt from a UD tree, for the coder, after
** a table of named repairs of parser slips (aRepair; each can be switched off).
*/
#include "penn.h"
#include "rdate.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------ the tree */

dyad_phrases *dyad_phrases_new(void) {
    dyad_phrases *p = dyad_calloc(1, sizeof *p);
    if (p) p->root = -1;
    return p;
}

void dyad_phrases_free(dyad_phrases *p) {
    if (!p) return;
    dyad_free(p->n);
    dyad_free(p);
}

void pt_clear(dyad_phrases *p) { p->nn = 0; p->root = -1; }

int dyad_phrases_len(const dyad_phrases *p) { return p ? p->nn : 0; }

int pt_add(dyad_phrases *p, int parent, const char *label, size_t nlabel, int tok) {
    if (p->nn == p->cap) {
        int cap = p->cap ? p->cap * 2 : 64;
        pt_node *n = dyad_realloc(p->n, (size_t)cap * sizeof *n);
        if (!n) return -1;
        p->n = n;
        p->cap = cap;
    }
    int i = p->nn++;
    pt_node *x = &p->n[i];
    if (nlabel > sizeof x->label - 1) nlabel = sizeof x->label - 1;
    for (size_t k = 0; k < nlabel; k++) x->label[k] = (char)toupper((unsigned char)label[k]);
    x->label[nlabel] = 0;
    x->tok = tok;
    x->parent = parent;
    x->child = x->last = x->next = -1;
    if (parent >= 0) {
        pt_node *pa = &p->n[parent];
        if (pa->last >= 0) p->n[pa->last].next = i; else pa->child = i;
        pa->last = i;
    } else if (p->root < 0) {
        p->root = i;
    }
    return i;
}

/* ------------------------------------------------------------ tags */

static int is_punct_tag(const char *t) {
    return !strcmp(t, ",") || !strcmp(t, ".") || !strcmp(t, ":") || !strcmp(t, "``") ||
           !strcmp(t, "''") || !strcmp(t, "-LRB-") || !strcmp(t, "-RRB-") || !strcmp(t, "HYPH") ||
           !strcmp(t, "NFP") || !strcmp(t, "#");
}

static const char *upos_of(const char *x) {
    if (!strncmp(x, "NNP", 3)) return "PROPN";
    if (!strncmp(x, "NN", 2)) return "NOUN";
    if (!strncmp(x, "VB", 2)) return "VERB";
    if (!strcmp(x, "MD")) return "AUX";
    if (!strncmp(x, "JJ", 2)) return "ADJ";
    if (!strncmp(x, "RB", 2) || !strcmp(x, "WRB")) return "ADV";
    if (!strcmp(x, "IN")) return "ADP";
    if (!strcmp(x, "TO") || !strcmp(x, "POS") || !strcmp(x, "RP")) return "PART";
    if (!strcmp(x, "DT") || !strcmp(x, "PDT") || !strcmp(x, "WDT")) return "DET";
    if (!strncmp(x, "PRP", 3) || !strncmp(x, "WP", 2) || !strcmp(x, "EX")) return "PRON";
    if (!strcmp(x, "CD")) return "NUM";
    if (!strcmp(x, "CC")) return "CCONJ";
    if (!strcmp(x, "UH")) return "INTJ";
    if (!strcmp(x, "$") || !strcmp(x, "SYM")) return "SYM";
    if (is_punct_tag(x)) return "PUNCT";
    return "X";
}

/* Base label: "NP-TMP" -> "NP", "NP=2" -> "NP"; "-LRB-" stays. */
static void base_label(const char *l, char *out) {
    size_t k = 0;
    if (l[0] != '-') while (l[k] && l[k] != '-' && l[k] != '=' && k < 15) { out[k] = l[k]; k++; }
    else while (l[k] && k < 15) { out[k] = l[k]; k++; }
    out[k] = 0;
}

/* ------------------------------------------------------------ reader */

static void set_err(char *err, size_t nerr, const char *fmt, size_t a) {
    if (err && nerr) snprintf(err, nerr, fmt, a);
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static dyad_status penn_to_ud(dyad_phrases *p, dyad_sentence *s);

dyad_status dyad_penn_read(const char *z, size_t n, dyad_sentence *s, dyad_phrases *ps,
                           char *err, size_t nerr) {
    if (!s) return DYAD_EINVAL;
    if (n > PT_MAX_INPUT) { set_err(err, nerr, "tree of %zu bytes is over the limit", n); return DYAD_ELIMIT; }
    dyad_phrases local = {0};
    local.root = -1;
    dyad_phrases *p = ps ? ps : &local;
    pt_clear(p);
    dyad_sentence_clear(s);
    int stack[PT_MAX_DEPTH];
    int sp = 0, done = 0;
    dyad_status st = DYAD_OK;
    char word[1024];
    size_t i = 0;
    while (i < n) {
        char c = z[i];
        if (is_space(c)) { i++; continue; }
        if (c == 0) { set_err(err, nerr, "NUL byte at offset %zu", i); st = DYAD_EPARSE; goto out; }
        if (done) { set_err(err, nerr, "unbalanced brackets: text after the tree at offset %zu", i); st = DYAD_EPARSE; goto out; }
        if (c == '(') {
            i++;
            while (i < n && is_space(z[i])) i++;
            size_t b = i;
            while (i < n && z[i] != '(' && z[i] != ')' && !is_space(z[i]) && z[i]) i++;
            if (sp == PT_MAX_DEPTH) { set_err(err, nerr, "tree deeper than %zu levels", (size_t)PT_MAX_DEPTH); st = DYAD_ELIMIT; goto out; }
            const char *lab = z + b;
            size_t nl = i - b;
            if (nl == 0 && sp == 0) { lab = "ROOT"; nl = 4; }
            int nd = pt_add(p, sp ? stack[sp - 1] : -1, lab, nl, -1);
            if (nd < 0) { st = DYAD_NOMEM; goto out; }
            if (sp == 0 && p->root != nd) { set_err(err, nerr, "more than one tree (offset %zu)", b); st = DYAD_EPARSE; goto out; }
            stack[sp++] = nd;
        } else if (c == ')') {
            if (sp == 0) { set_err(err, nerr, "unbalanced brackets: ')' at offset %zu", i); st = DYAD_EPARSE; goto out; }
            sp--;
            if (sp == 0) done = 1;
            i++;
        } else {
            size_t b = i;
            while (i < n && z[i] != '(' && z[i] != ')' && !is_space(z[i]) && z[i]) i++;
            if (sp == 0) { set_err(err, nerr, "word outside brackets at offset %zu", b); st = DYAD_EPARSE; goto out; }
            size_t nw = i - b < sizeof word - 1 ? i - b : sizeof word - 1;
            memcpy(word, z + b, nw);
            word[nw] = 0;
            int top = stack[sp - 1];
            if (dyad_sentence_len(s) >= PT_MAX_TOKENS) { set_err(err, nerr, "more than %zu tokens", (size_t)PT_MAX_TOKENS); st = DYAD_ELIMIT; goto out; }
            int tok = dyad_sentence_len(s);
            pt_node *t = &p->n[top];
            if (t->tok < 0 && t->child < 0) {
                t->tok = tok;
            } else {  /* a second word under one tag, or a word among phrases */
                char lab[16] = "X";
                if (t->tok >= 0) memcpy(lab, t->label, 16);
                if (pt_add(p, top, lab, strlen(lab), tok) < 0) { st = DYAD_NOMEM; goto out; }
                t = &p->n[top];
            }
            char tag[16] = "X";
            if (t->tok >= 0) memcpy(tag, t->label, 16);
            dyad_token tk = {0};
            tk.form = word;
            tk.xpos = tag;
            tk.upos = upos_of(tag);
            tk.head = -1;
            tk.deprel = "dep";
            if ((st = dyad_sentence_add(s, &tk)) != DYAD_OK) goto out;
        }
    }
    if (p->root < 0) { set_err(err, nerr, "empty tree (%zu brackets)", 0); st = DYAD_EPARSE; goto out; }
    if (!done) { set_err(err, nerr, "unbalanced brackets: %zu unclosed at the end", (size_t)sp); st = DYAD_EPARSE; goto out; }
    if (dyad_sentence_len(s) == 0) { set_err(err, nerr, "tree without words (%zu)", 0); st = DYAD_EPARSE; goto out; }
    st = penn_to_ud(p, s);
out:
    if (p == &local) dyad_free(local.n);
    return st;
}

/* ------------------------------------------------------------ head rules */

static const char *ntag(const dyad_phrases *p, int c) { return p->n[c].label; }
static int is_leaf(const dyad_phrases *p, int c) { return p->n[c].tok >= 0 && p->n[c].child < 0; }
static int lab_is(const dyad_phrases *p, int c, const char *l) {
    char b[16]; base_label(ntag(p, c), b); return !strcmp(b, l);
}
static int starts(const char *s, const char *pre) { return !strncmp(s, pre, strlen(pre)); }

static int nominal_leaf(const char *t) {
    return starts(t, "NN") || !strcmp(t, "PRP") || !strcmp(t, "CD") || !strcmp(t, "$") ||
           !strcmp(t, "EX") || !strcmp(t, "WP") || !strcmp(t, "FW") || !strcmp(t, "NX");
}

static int is_be(const char *w) {
    static const char *be[] = {"is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'m", NULL};
    for (int i = 0; be[i]; i++) if (!strcasecmp(w, be[i])) return 1;
    return 0;
}

/* The head child of phrase nd (a child index), per docs/penn-to-ud.md. */
static int head_child(const dyad_phrases *p, int nd, dyad_sentence *s) {
    char L[16];
    base_label(ntag(p, nd), L);
    int first = p->n[nd].child, c;
    if (first < 0) return -1;
    int firstnp = -1;
    for (c = first; c >= 0; c = p->n[c].next) if (!is_punct_tag(ntag(p, c))) { firstnp = c; break; }
    if (firstnp < 0) firstnp = first;
    if (!strcmp(L, "ROOT")) return firstnp;
    if (!strcmp(L, "S") || !strcmp(L, "SINV") || !strcmp(L, "SQ") || !strcmp(L, "SBARQ")) {
        for (c = first; c >= 0; c = p->n[c].next) if (lab_is(p, c, "VP")) return c;
        for (c = first; c >= 0; c = p->n[c].next) if (lab_is(p, c, "S") || lab_is(p, c, "SQ")) return c;
        return firstnp;
    }
    if (!strcmp(L, "VP")) {
        int v = -1;
        for (c = first; c >= 0; c = p->n[c].next)
            if (is_leaf(p, c) && (starts(ntag(p, c), "VB") || !strcmp(ntag(p, c), "MD") || !strcmp(ntag(p, c), "TO"))) { v = c; break; }
        if (v >= 0) {
            for (c = p->n[v].next; c >= 0; c = p->n[c].next) if (lab_is(p, c, "VP")) return c;
            const char *w = dyad_sentence_tokens(s)[p->n[v].tok].form;
            if (is_be(w) && !p->n[v].next) return v;
            if (is_be(w))
                for (c = p->n[v].next; c >= 0; c = p->n[c].next)
                    if (lab_is(p, c, "NP") || lab_is(p, c, "ADJP")) return c;
            if (!strcmp(ntag(p, v), "TO") || !strcmp(ntag(p, v), "MD")) {
                for (c = p->n[v].next; c >= 0; c = p->n[c].next) if (!is_punct_tag(ntag(p, c))) return c;
            }
            return v;
        }
        for (c = first; c >= 0; c = p->n[c].next) if (lab_is(p, c, "VP")) return c;
        return firstnp;
    }
    if (!strcmp(L, "NP") || !strcmp(L, "NX") || !strcmp(L, "WHNP") || !strcmp(L, "NAC")) {
        if (lab_is(p, first, "NP")) {
            int cc = 0, pos = 0;
            for (c = first; c >= 0; c = p->n[c].next) {
                if (!strcmp(ntag(p, c), "CC")) cc = 1;
                if (!strcmp(ntag(p, c), "POS")) pos = 1;
            }
            int nn = 0;
            for (c = p->n[first].next; c >= 0; c = p->n[c].next) if (is_leaf(p, c) && nominal_leaf(ntag(p, c))) nn = 1;
            if (cc || (!pos && !nn)) return first;
        }
        int last = -1;
        for (c = first; c >= 0; c = p->n[c].next) {
            if (is_leaf(p, c) && nominal_leaf(ntag(p, c))) last = c;
            if (!is_leaf(p, c) && (lab_is(p, c, "PP") || lab_is(p, c, "SBAR") || lab_is(p, c, "VP"))) break;
            if (!strcmp(ntag(p, c), ",")) break;
        }
        if (last >= 0) return last;
        for (c = first; c >= 0; c = p->n[c].next) if (lab_is(p, c, "NP")) last = c;
        if (last >= 0) return last;
        for (c = first; c >= 0; c = p->n[c].next) if (!is_punct_tag(ntag(p, c))) last = c;
        return last >= 0 ? last : first;
    }
    if (!strcmp(L, "PP") || !strcmp(L, "WHPP")) {
        int seen = 0;
        for (c = first; c >= 0; c = p->n[c].next) {
            if (is_leaf(p, c) && (!strcmp(ntag(p, c), "IN") || !strcmp(ntag(p, c), "TO") || !strcmp(ntag(p, c), "RB"))) { seen = 1; continue; }
            if (seen && !is_leaf(p, c)) return c;
        }
        return firstnp;
    }
    if (!strcmp(L, "SBAR")) {
        for (c = first; c >= 0; c = p->n[c].next)
            if (lab_is(p, c, "S") || lab_is(p, c, "SQ") || lab_is(p, c, "SINV") || lab_is(p, c, "FRAG")) return c;
        return firstnp;
    }
    if (!strcmp(L, "ADJP") || !strcmp(L, "ADVP") || !strcmp(L, "WHADVP")) {
        int last = -1;
        const char *want = !strcmp(L, "ADJP") ? "JJ" : "RB";
        for (c = first; c >= 0; c = p->n[c].next) if (is_leaf(p, c) && starts(ntag(p, c), want)) last = c;
        return last >= 0 ? last : firstnp;
    }
    return firstnp;
}

/* The dependency relation of child c of phrase nd whose head child is hc. */
static const char *rel_of(const dyad_phrases *p, int nd, int c, int hc, int after_cc, dyad_sentence *s) {
    char L[16], C[16], H[16];
    base_label(ntag(p, nd), L);
    base_label(ntag(p, c), C);
    base_label(ntag(p, hc), H);
    int leaf = is_leaf(p, c);
    int before = 0;
    for (int k = p->n[nd].child; k >= 0; k = p->n[k].next) { if (k == hc) break; if (k == c) { before = 1; break; } }
    if (leaf && is_punct_tag(C)) return "punct";
    if (leaf && !strcmp(C, "CC")) return "cc";
    if (after_cc && (!strcmp(C, H) || (C[0] == 'N' && H[0] == 'N'))) return "conj";
    if (leaf && !strcmp(C, "POS")) return "case";
    if (leaf && (!strcmp(C, "PRP$") || !strcmp(C, "WP$"))) return "nmod:poss";
    if (leaf && (!strcmp(C, "DT") || !strcmp(C, "PDT") || !strcmp(C, "WDT"))) return "det";
    if (!strcmp(L, "PP") || !strcmp(L, "WHPP")) return leaf && (!strcmp(C, "IN") || !strcmp(C, "TO")) ? "case" : "dep";
    if (!strcmp(L, "SBAR")) return leaf || starts(C, "WH") ? "mark" : "dep";
    if (!strcmp(L, "VP") || !strcmp(L, "S") || !strcmp(L, "SINV") || !strcmp(L, "SQ") || !strcmp(L, "ROOT")) {
        if (leaf && !strcmp(C, "MD")) return "aux";
        if (leaf && !strcmp(C, "TO")) return "mark";
        if (leaf && starts(C, "VB") && before) {
            if (!lab_is(p, hc, "VP") && !starts(H, "VB")) return "cop";
            if (is_be(dyad_sentence_tokens(s)[p->n[c].tok].form) && lab_is(p, hc, "VP")) {
                int hv = p->n[hc].child;
                if (hv >= 0 && !strcmp(ntag(p, hv), "VBN")) return "aux:pass";
            }
            return "aux";
        }
        if (leaf && starts(C, "RB")) return "advmod";
        if (!strcmp(C, "ADVP")) return "advmod";
        if (!strcmp(C, "NP")) {
            if (strstr(ntag(p, c), "TMP")) return "obl:tmod";
            return before ? "nsubj" : "obj";
        }
        if (!strcmp(C, "PP")) return "obl";
        if (!strcmp(C, "S")) {
            int f = p->n[c].child;
            return f >= 0 && lab_is(p, f, "VP") ? "xcomp" : (before ? "advcl" : "ccomp");
        }
        if (!strcmp(C, "SBAR")) {
            int f = p->n[c].child;
            if (f >= 0 && is_leaf(p, f) && !strcmp(ntag(p, f), "IN")) {
                const char *w = dyad_sentence_tokens(s)[p->n[f].tok].form;
                if (strcasecmp(w, "that") && strcasecmp(w, "whether") && strcasecmp(w, "if")) return "advcl";
            }
            return before ? "advcl" : "ccomp";
        }
        if (!strcmp(C, "ADJP")) return "xcomp";
        if (!strcmp(C, "PRT") || (leaf && !strcmp(C, "RP"))) return "compound:prt";
        if (!strcmp(C, "VP")) return "conj";
        return "dep";
    }
    if (!strcmp(L, "NP") || !strcmp(L, "NX") || !strcmp(L, "WHNP") || !strcmp(L, "NAC")) {
        if (leaf && (starts(C, "JJ") || !strcmp(C, "VBN") || !strcmp(C, "VBG"))) return "amod";
        if (!strcmp(C, "ADJP")) return "amod";
        if ((leaf && !strcmp(C, "CD")) || !strcmp(C, "QP")) return "nummod";
        if (!strcmp(C, "NP")) {
            for (int k = p->n[c].child; k >= 0; k = p->n[k].next) if (!strcmp(ntag(p, k), "POS")) return "nmod:poss";
            return before ? "compound" : "appos";
        }
        if (leaf && nominal_leaf(C)) return before ? "compound" : "appos";
        if (!strcmp(C, "PP")) return "nmod";
        if (!strcmp(C, "SBAR")) return "acl:relcl";
        if (!strcmp(C, "VP")) return "acl";
        if (!strcmp(C, "PRN")) return "appos";
        if (leaf && starts(C, "RB")) return "advmod";
        return "dep";
    }
    if (leaf && starts(C, "RB")) return "advmod";
    if (!strcmp(C, "PP")) return "obl";
    return "dep";
}

/* Fill heads and deprels bottom-up; each phrase's lexical head is its head
** child's; every other child's lexical head attaches to it. */
static dyad_status penn_to_ud(dyad_phrases *p, dyad_sentence *s) {
    int nn = p->nn;
    int *lex = dyad_malloc((size_t)nn * sizeof *lex);
    if (!lex) return DYAD_NOMEM;
    dyad_token *tk = dyad_sentence_tokens(s);
    for (int i = nn - 1; i >= 0; i--) {
        pt_node *x = &p->n[i];
        if (x->child < 0) { lex[i] = x->tok; continue; }
        int hc = head_child(p, i, s);
        if (hc >= 0 && lex[hc] < 0) {  /* head child without words: any child with one */
            for (int c = x->child; c >= 0; c = p->n[c].next) if (lex[c] >= 0) { hc = c; break; }
        }
        lex[i] = hc >= 0 ? lex[hc] : -1;
        if (x->tok >= 0 && lex[i] < 0) lex[i] = x->tok;
        int after_cc = 0;
        for (int c = x->child; c >= 0; c = p->n[c].next) {
            if (!strcmp(p->n[c].label, "CC") || !strcmp(p->n[c].label, "CONJP")) after_cc = 1;
            if (c == hc || lex[c] < 0 || lex[i] < 0) continue;
            int after = 0;
            for (int k = x->child; k >= 0 && k != c; k = p->n[k].next) if (k == hc) after = 1;
            tk[lex[c]].head = lex[i] + 1;
            tk[lex[c]].deprel = rel_of(p, i, c, hc, after && after_cc, s);
        }
        if (x->tok >= 0 && x->tok != lex[i]) { tk[x->tok].head = lex[i] + 1; tk[x->tok].deprel = "dep"; }
    }
    int r = lex[p->root];
    if (r >= 0) { tk[r].head = 0; tk[r].deprel = "root"; }
    for (int i = 0; i < dyad_sentence_len(s); i++) {
        if (tk[i].head < 0) { tk[i].head = r >= 0 && r != i ? r + 1 : 0; if (!tk[i].head) tk[i].deprel = "root"; }
        if (!strcmp(tk[i].upos, "VERB") && (starts(tk[i].deprel, "aux") || !strcmp(tk[i].deprel, "cop"))) tk[i].upos = "AUX";
    }
    dyad_free(lex);
    return DYAD_OK;
}

/* ------------------------------------------------------------ UD -> phrases */

typedef struct ud_ctx {
    dyad_phrases *p;
    const dyad_token *t;
    int n;
    int *kids, *kstart;   /* dependents of each token (0-based), by position */
    char *done;
    int depth;
} ud_ctx;

static const char *leaf_tag(const dyad_token *t) {
    if (t->xpos && strcmp(t->xpos, "_")) return t->xpos;
    const char *u = t->upos ? t->upos : "X";
    if (!strcmp(u, "NOUN")) return "NN";
    if (!strcmp(u, "PROPN")) return "NNP";
    if (!strcmp(u, "VERB") || !strcmp(u, "AUX")) return "VB";
    if (!strcmp(u, "ADJ")) return "JJ";
    if (!strcmp(u, "ADV")) return "RB";
    if (!strcmp(u, "ADP") || !strcmp(u, "SCONJ")) return "IN";
    if (!strcmp(u, "DET")) return "DT";
    if (!strcmp(u, "PRON")) return "PRP";
    if (!strcmp(u, "NUM")) return "CD";
    if (!strcmp(u, "CCONJ")) return "CC";
    if (!strcmp(u, "PUNCT")) return ",";
    if (!strcmp(u, "PART")) return !strcasecmp(t->form, "to") ? "TO" : "RP";
    return "FW";
}

/* deprel is r or a subtype of it; UD v1's "nsubjpass", "auxpass",
** "csubjpass" count as nsubj, aux, csubj. */
static int rel_is(const dyad_token *t, const char *r) {
    if (t->deprel[0] != r[0]) return 0;   /* most calls: cheap reject */
    size_t k = strlen(r);
    return !strncmp(t->deprel, r, k) && (t->deprel[k] == 0 || t->deprel[k] == ':' || !strcmp(t->deprel + k, "pass"));
}

/* A temporal nominal: obl:tmod / nmod:tmod, or UD 2.14's obl:unmarked
** (which merged tmod and npmod; EWT 2.16 and our parser use it). */
static int is_tmod(const dyad_token *t) {
    return strstr(t->deprel, "tmod") || !strcmp(t->deprel, "obl:unmarked");
}

static int leaf(ud_ctx *u, int parent, int tok) {
    const char *tag = leaf_tag(&u->t[tok]);
    u->done[tok] = 1;
    return pt_add(u->p, parent, tag, strlen(tag), tok);
}

static int is_verbal(const dyad_token *t) {
    return !strcmp(t->upos, "VERB") || !strcmp(t->upos, "AUX") || starts(t->xpos, "VB") || !strcmp(t->xpos, "MD");
}
static int is_nominal(const dyad_token *t) {
    return !strcmp(t->upos, "NOUN") || !strcmp(t->upos, "PROPN") || !strcmp(t->upos, "PRON") ||
           !strcmp(t->upos, "NUM") || !strcmp(t->upos, "SYM") || starts(t->xpos, "NN") || !strcmp(t->xpos, "PRP");
}

static dyad_status emit(ud_ctx *u, int h, int parent, int skip_case);
static int is_nominal(const dyad_token *t);

/* Emit the subtree of h as leaves in token order (Penn's flat modifiers). */
static dyad_status emit_flat(ud_ctx *u, int h, int parent) {
    if (u->done[h]) return DYAD_OK;
    if (++u->depth > PT_MAX_DEPTH) { u->depth--; return DYAD_ELIMIT; }
    int *kid = u->kids + u->kstart[h];
    int nk = u->kstart[h + 1] - u->kstart[h];
    dyad_status st = DYAD_OK;
    int i = 0, conj = 0;
    for (int j = 0; j < nk; j++) if (rel_is(&u->t[kid[j]], "conj")) conj = 1;
    if (conj && !is_nominal(&u->t[h]) && strcmp(u->p->n[parent].label, "ADJP")) {
        /* coordinated modifiers ("awful and evil"): Penn's ADJP */
        parent = pt_add(u->p, parent, "ADJP", 4, -1);
        if (parent < 0) { u->depth--; return DYAD_NOMEM; }
    }
    for (; i < nk && kid[i] < h && !st; i++) st = emit_flat(u, kid[i], parent);
    if (!st && leaf(u, parent, h) < 0) st = DYAD_NOMEM;
    for (; i < nk && !st; i++) st = emit_flat(u, kid[i], parent);
    u->depth--;
    return st;
}

static int rel_is(const dyad_token *t, const char *r);

/* A modifier Penn keeps flat inside the noun phrase: its subtree holds no
** case marker (no PP), no clause, no possessive. */
static int flat_mod_d(ud_ctx *u, int d, int depth);
static int flat_mod(ud_ctx *u, int d) { return flat_mod_d(u, d, 0); }
static int flat_mod_d(ud_ctx *u, int d, int depth) {
    const dyad_token *t = u->t;
    if (depth > PT_MAX_DEPTH) return 0;
    if (!(rel_is(&t[d], "compound") || rel_is(&t[d], "flat") || rel_is(&t[d], "amod") ||
          rel_is(&t[d], "nummod") || rel_is(&t[d], "det") || rel_is(&t[d], "fixed") ||
          rel_is(&t[d], "name") || rel_is(&t[d], "advmod")))
        return 0;
    int *kid = u->kids + u->kstart[d];
    int nk = u->kstart[d + 1] - u->kstart[d];
    for (int i = 0; i < nk; i++) {
        const dyad_token *k = &t[kid[i]];
        if (rel_is(k, "case") || rel_is(k, "nsubj") || rel_is(k, "cop") || rel_is(k, "acl") || rel_is(k, "nmod")) return 0;
        if (!flat_mod_d(u, kid[i], depth + 1) && !rel_is(k, "conj") && !rel_is(k, "cc") && !rel_is(k, "punct")) return 0;
    }
    return 1;
}

/* Does the subtree of d hold a possessive marker or a preposition? */
static int has_pos_d(ud_ctx *u, int d, int depth) {
    int *kid = u->kids + u->kstart[d];
    int nk = u->kstart[d + 1] - u->kstart[d];
    if (depth > PT_MAX_DEPTH) return 1;
    for (int i = 0; i < nk; i++) {
        if (rel_is(&u->t[kid[i]], "case")) return 1;
        if (has_pos_d(u, kid[i], depth + 1)) return 1;
    }
    return 0;
}
static int has_pos(ud_ctx *u, int d) { return has_pos_d(u, d, 0); }

/* Does d have a preposition (a case dependent other than 's)? */
static int has_case(ud_ctx *u, int d) {
    int *kid = u->kids + u->kstart[d];
    int nk = u->kstart[d + 1] - u->kstart[d];
    for (int i = 0; i < nk; i++)
        if (rel_is(&u->t[kid[i]], "case") && strcmp(leaf_tag(&u->t[kid[i]]), "POS")) return 1;
    return 0;
}

static void subtree_span(ud_ctx *u, int d, int *lo, int *hi, int *comma, int depth);

/* A caseless proper-noun modifier right after its head, its subtree
** contiguous and without prepositions: the rest of one name, flat in Penn. */
static int name_part(ud_ctx *u, int h, int d) {
    const dyad_token *t = u->t;
    if (!(rel_is(&t[d], "nmod") || rel_is(&t[d], "appos") || rel_is(&t[d], "flat") || rel_is(&t[d], "compound"))) return 0;
    if (!strcmp(t[d].deprel, "nmod:poss") || strcmp(t[d].upos, "PROPN")) return 0;
    if (strcmp(t[h].upos, "PROPN") && strcmp(t[h].upos, "NOUN")) return 0;
    if (has_pos(u, d)) return 0;
    int lo = d, hi = d, comma = 0;
    subtree_span(u, d, &lo, &hi, &comma, 0);
    return lo == h + 1 && !comma;
}

/* A nominal that heads its own noun phrase (not part of another's name). */
static int np_worthy(const dyad_token *t) {
    /* a bare subject or object is a noun phrase whatever its tag ("Fornost/JJ") */
    if ((rel_is(t, "nsubj") || rel_is(t, "obj") || rel_is(t, "dobj") || rel_is(t, "iobj")) &&
        !starts(t->xpos, "VB") && strcmp(t->upos, "VERB") && strcmp(t->upos, "AUX") &&
        strcmp(t->upos, "PUNCT") && strcmp(t->xpos, "PRP$"))
        return 1;
    if (!is_nominal(t) || !strcmp(t->upos, "NUM")) return 0;
    if (!strcmp(t->xpos, "PRP$") || !strcmp(t->xpos, "WP$") || !strcmp(t->xpos, "WP") || !strcmp(t->xpos, "WDT")) return 0;
    static const char *no[] = {"compound", "flat", "fixed", "goeswith", "nummod", "det", "case", "mark", "name", "mwe", NULL};
    for (int i = 0; no[i]; i++) if (rel_is(t, no[i])) return 0;
    return 1;
}

/* Emit dependents k of h in [from, to) of the kid list under parent, except those
** flagged in `taken`. */
static dyad_status emit_dep(ud_ctx *u, int d, int parent) {
    if (!strcmp(u->p->n[parent].label, "NP") && flat_mod(u, d)) {
        int *kid = u->kids + u->kstart[d];
        int nk = u->kstart[d + 1] - u->kstart[d], conj = 0;
        for (int i = 0; i < nk; i++) if (rel_is(&u->t[kid[i]], "conj")) conj = 1;
        if (conj && !is_nominal(&u->t[d])) {   /* "awful and evil": an ADJP */
            int a = pt_add(u->p, parent, "ADJP", 4, -1);
            if (a < 0) return DYAD_NOMEM;
            parent = a;
        }
        return emit_flat(u, d, parent);
    }
    return emit(u, d, parent, 0);
}

/* does d's subtree hold a coordination? */
static int has_conj(ud_ctx *u, int d, int depth) {
    int *kid = u->kids + u->kstart[d];
    int nk = u->kstart[d + 1] - u->kstart[d];
    if (depth > PT_MAX_DEPTH) return 1;
    for (int i = 0; i < nk; i++)
        if (rel_is(&u->t[kid[i]], "conj") || rel_is(&u->t[kid[i]], "cc") || has_conj(u, kid[i], depth + 1)) return 1;
    return 0;
}

/* token span of d's subtree, and whether it holds a comma */
static void subtree_span(ud_ctx *u, int d, int *lo, int *hi, int *comma, int depth) {
    if (depth > PT_MAX_DEPTH) return;
    if (d < *lo) *lo = d;
    if (d > *hi) *hi = d;
    if (!strcmp(u->t[d].form, ",")) *comma = 1;
    int *kid = u->kids + u->kstart[d];
    int nk = u->kstart[d + 1] - u->kstart[d];
    for (int i = 0; i < nk; i++) subtree_span(u, kid[i], lo, hi, comma, depth + 1);
}

/* A clause: S( subject stuff , VP(aux VP(aux VP(head ...))) ). */
static dyad_status emit_clause(ud_ctx *u, int h, int parent, int *kid, int nk) {
    const dyad_token *t = u->t;
    int S = pt_add(u->p, parent, "S", 1, -1);
    if (S < 0) return DYAD_NOMEM;
    int lastsubj = -1;
    for (int i = 0; i < nk; i++)
        if (kid[i] < h && (rel_is(&t[kid[i]], "nsubj") || rel_is(&t[kid[i]], "csubj") || rel_is(&t[kid[i]], "expl"))) lastsubj = i;
    int i = 0;
    /* "minister , in remarks published on Monday , urged": a comma-enclosed
    ** prepositional or nominal parenthetical between the only subject and the
    ** verb is inside the subject NP in Penn, NP( NP(subject) , PP , ) */
    if (lastsubj == 0 && rel_is(&t[kid[0]], "nsubj")) {
        int lo = kid[0], hi = kid[0], comma = 0, j = 1, words = 0, ok = 1;
        subtree_span(u, kid[0], &lo, &hi, &comma, 0);
        int first = -1, last = -1;
        for (; j < nk && kid[j] < h; j++) {
            const dyad_token *d = &t[kid[j]];
            if (rel_is(d, "aux") || rel_is(d, "cop") || rel_is(d, "mark")) break;
            int l2 = kid[j], h2 = kid[j], c2 = 0;
            subtree_span(u, kid[j], &l2, &h2, &c2, 0);
            if (first < 0) first = l2;
            last = h2;
            if (rel_is(d, "punct")) continue;
            if (!is_nominal(d) || rel_is(d, "nsubj") || !(has_case(u, kid[j]) || rel_is(d, "appos"))) ok = 0;
            words++;
        }
        if (ok && words && first == hi + 1 &&
            last >= 0 && !strcmp(t[last].form, ",") && (!strcmp(t[hi].form, ",") || !strcmp(t[first].form, ","))) {
            int np = pt_add(u->p, S, "NP", 2, -1);
            if (np < 0) return DYAD_NOMEM;
            for (int k = 0; k < j; k++) {
                dyad_status st = rel_is(&t[kid[k]], "punct") ? (leaf(u, np, kid[k]) < 0 ? DYAD_NOMEM : DYAD_OK)
                                                            : emit_dep(u, kid[k], np);
                if (st) return st;
            }
            i = j;
            lastsubj = -1;
        }
    }
    for (; i <= lastsubj; i++) {
        /* two adjacent subjects without prepositions ("Bree | Prime Minister
        ** Romendacil"): a tagger/parser split of one name, one flat NP */
        if (i < lastsubj && rel_is(&t[kid[i]], "nsubj") && rel_is(&t[kid[i + 1]], "nsubj") &&
            is_nominal(&t[kid[i]]) && is_nominal(&t[kid[i + 1]]) && !has_pos(u, kid[i]) && !has_pos(u, kid[i + 1]) &&
            !has_conj(u, kid[i], 0) && !has_conj(u, kid[i + 1], 0)) {
            int lo1 = kid[i], hi1 = kid[i], lo2 = kid[i + 1], hi2 = kid[i + 1], c1 = 0, c2 = 0;
            subtree_span(u, kid[i], &lo1, &hi1, &c1, 0);
            subtree_span(u, kid[i + 1], &lo2, &hi2, &c2, 0);
            if (hi1 + 1 == lo2 && !c1 && !c2) {
                int np = pt_add(u->p, S, "NP", 2, -1);
                if (np < 0) return DYAD_NOMEM;
                dyad_status st = emit_flat(u, kid[i], np);
                if (!st) st = emit_flat(u, kid[i + 1], np);
                if (st) return st;
                i++;
                continue;
            }
        }
        dyad_status st = emit_dep(u, kid[i], S);
        if (st) return st;
    }
    /* a comma right after a subject that holds a comma closes its parenthetical:
    ** Penn keeps it inside the subject NP */
    if (lastsubj >= 0 && i < nk && kid[i] < h && rel_is(&t[kid[i]], "punct") && !strcmp(t[kid[i]].form, ",")) {
        int sn = u->p->n[S].last, lo = kid[lastsubj], hi = kid[lastsubj], comma = 0;
        subtree_span(u, kid[lastsubj], &lo, &hi, &comma, 0);
        if (sn >= 0 && !strcmp(u->p->n[sn].label, "NP") && comma && kid[i] == hi + 1) {
            if (leaf(u, sn, kid[i]) < 0) return DYAD_NOMEM;
            i++;
        }
    }
    /* trailing punctuation and right-side conj verbs stay at clause level */
    int rend = nk;
    while (rend > 0 && kid[rend - 1] > h && (rel_is(&t[kid[rend - 1]], "punct") || (rel_is(&t[kid[rend - 1]], "conj") && is_verbal(&t[kid[rend - 1]])) || rel_is(&t[kid[rend - 1]], "cc") || rel_is(&t[kid[rend - 1]], "parataxis"))) rend--;
    int cur = S;
    for (; i < nk && kid[i] < h; i++) {
        const dyad_token *d = &t[kid[i]];
        int auxish = rel_is(d, "aux") || rel_is(d, "cop") || (rel_is(d, "mark") && !strcmp(leaf_tag(d), "TO"));
        if (auxish && u->kstart[kid[i] + 1] == u->kstart[kid[i]]) {
            int vp = pt_add(u->p, cur, "VP", 2, -1);
            if (vp < 0) return DYAD_NOMEM;
            const char *tag = leaf_tag(d);
            if (rel_is(d, "cop") && !starts(tag, "VB")) tag = "VBZ";
            u->done[kid[i]] = 1;
            if (pt_add(u->p, vp, tag, strlen(tag), kid[i]) < 0) return DYAD_NOMEM;
            cur = vp;
        } else {
            dyad_status st = emit_dep(u, kid[i], cur);
            if (st) return st;
        }
    }
    const char *lab = is_verbal(&t[h]) ? "VP" : is_nominal(&t[h]) ? "NP" : "ADJP";
    int ph = pt_add(u->p, cur, lab, strlen(lab), -1);
    if (ph < 0) return DYAD_NOMEM;
    if (leaf(u, ph, h) < 0) return DYAD_NOMEM;
    for (; i < rend; i++) { dyad_status st = emit_dep(u, kid[i], ph); if (st) return st; }
    for (; i < nk; i++) { dyad_status st = emit_dep(u, kid[i], S); if (st) return st; }
    return DYAD_OK;
}

static dyad_status emit(ud_ctx *u, int h, int parent, int skip_case) {
    if (u->done[h]) return DYAD_OK;
    if (++u->depth > PT_MAX_DEPTH) { u->depth--; return DYAD_ELIMIT; }
    const dyad_token *t = u->t;
    int *kid = u->kids + u->kstart[h];
    int nk = u->kstart[h + 1] - u->kstart[h];
    dyad_status st = DYAD_OK;
    u->done[h] = 1;
    if (nk == 0) {
        u->done[h] = 0;
        int at = parent;
        if (np_worthy(&t[h])) {  /* a bare nominal argument is still an NP */
            const char *nl = is_tmod(&t[h]) ? "NP-TMP" : "NP";   /* Penn's temporal NP */
            at = pt_add(u->p, parent, nl, strlen(nl), -1);
            if (at < 0) { u->depth--; return DYAD_NOMEM; }
        }
        st = leaf(u, at, h) < 0 ? DYAD_NOMEM : DYAD_OK;
        u->depth--;
        return st;
    }
    int clause = 0, ncase = 0, nconj = 0;
    for (int i = 0; i < nk; i++) {
        const dyad_token *d = &t[kid[i]];
        if (rel_is(d, "nsubj") || rel_is(d, "csubj") || rel_is(d, "cop") || rel_is(d, "aux") || rel_is(d, "expl")) clause = 1;
        if (rel_is(d, "case") && kid[i] < h && strcmp(leaf_tag(d), "POS")) ncase++;
        if (rel_is(d, "conj")) nconj++;
    }
    if (is_verbal(&t[h])) clause = 1;
    const char *rel = t[h].deprel;
    if (!skip_case && ncase && !clause) {
        /* PP( IN..., NP(rest) ), the words kept in order: punctuation before
        ** the preposition stays outside the PP (", according to X"), an adverb,
        ** preconjunct or marker before it leads the PP ("somewhat like", "both
        ** in", "while in detention"),
        ** and a multi-word preposition keeps its words ("according/case to/fixed") */
        int c1 = -1;
        for (int i = 0; i < nk && c1 < 0; i++)
            if (kid[i] < h && rel_is(&t[kid[i]], "case") && strcmp(leaf_tag(&t[kid[i]]), "POS")) c1 = kid[i];
        for (int i = 0; i < nk && kid[i] < c1; i++)
            if (rel_is(&t[kid[i]], "punct") && leaf(u, parent, kid[i]) < 0) { st = DYAD_NOMEM; goto out; }
        int pp = pt_add(u->p, parent, "PP", 2, -1);
        if (pp < 0) { st = DYAD_NOMEM; goto out; }
        for (int i = 0; i < nk && kid[i] < c1 && !st; i++)
            if (rel_is(&t[kid[i]], "advmod") || rel_is(&t[kid[i]], "cc") || rel_is(&t[kid[i]], "mark"))
                st = emit_flat(u, kid[i], pp);
        for (int i = 0; i < nk && !st; i++)
            if (kid[i] < h && rel_is(&t[kid[i]], "case") && strcmp(leaf_tag(&t[kid[i]]), "POS"))
                st = emit_flat(u, kid[i], pp);
        if (st) goto out;
        u->done[h] = 0;
        st = emit(u, h, pp, 1);
        goto out;
    }
    if (clause) {
        int wrap = parent;
        if (starts(rel, "acl:") || !strcmp(rel, "relcl")) {   /* a relative clause: SBAR */
            wrap = pt_add(u->p, parent, "SBAR", 4, -1);
            if (wrap < 0) { st = DYAD_NOMEM; goto out; }
        }
        if (rel_is(&t[h], "acl") && !strcmp(rel, "acl") && is_verbal(&t[h])) {
            /* reduced relative: a bare VP */
            int vp = pt_add(u->p, parent, "VP", 2, -1);
            if (vp < 0) { st = DYAD_NOMEM; goto out; }
            for (int i = 0; i < nk && kid[i] < h; i++) if ((st = emit_dep(u, kid[i], vp))) goto out;
            if (leaf(u, vp, h) < 0) { st = DYAD_NOMEM; goto out; }
            for (int i = 0; i < nk; i++) if (kid[i] > h && (st = emit_dep(u, kid[i], vp))) goto out;
            goto out;
        }
        st = emit_clause(u, h, wrap, kid, nk);
        goto out;
    }
    if (nconj && is_nominal(&t[h]) && !clause) {
        /* "Neither A nor B": a negative preconjunct negates the clause, so it
        ** stays outside the coordination, as in Penn's NP( NP(DT Neither) NP(A
        ** nor B) ), where verb patterns ("NEITHER *") see it; "both" and
        ** "either" stay flat determiners of the coordination */
        for (int i = 0; i < nk && kid[i] < h; i++) {
            if (strcmp(t[kid[i]].deprel, "cc:preconj") || u->done[kid[i]] || strcasecmp(t[kid[i]].form, "neither"))
                continue;
            int outer = pt_add(u->p, parent, "NP", 2, -1);
            int np0 = outer >= 0 ? pt_add(u->p, outer, "NP", 2, -1) : -1;
            if (np0 < 0 || leaf(u, np0, kid[i]) < 0) { st = DYAD_NOMEM; goto out; }
            u->done[h] = 0;
            st = emit(u, h, outer, skip_case);
            goto out;
        }
        /* bare conjuncts and flat modifiers: Penn's flat (NP A and B) */
        int flat = 1, lastc = -1, shared[8], nshared = 0;
        for (int i = 0; i < nk; i++) if (rel_is(&t[kid[i]], "conj")) lastc = kid[i];
        for (int i = 0; i < nk && flat; i++) {
            const dyad_token *d = &t[kid[i]];
            if (u->done[kid[i]]) continue;   /* the preposition, already in the PP */
            if (rel_is(d, "conj")) {
                int *k2 = u->kids + u->kstart[kid[i]];
                int n2 = u->kstart[kid[i] + 1] - u->kstart[kid[i]];
                for (int j = 0; j < n2; j++) {
                    if (rel_is(&t[k2[j]], "cc") || rel_is(&t[k2[j]], "punct")) continue;
                    /* "lawmakers and officials in Fornost": a PP after the last
                    ** bare conjunct modifies the whole coordination in Penn */
                    if (kid[i] == lastc && k2[j] > kid[i] && nshared < 8 && has_case(u, k2[j]) &&
                        (rel_is(&t[k2[j]], "nmod") || rel_is(&t[k2[j]], "obl")) && strcmp(t[k2[j]].deprel, "nmod:poss")) {
                        shared[nshared++] = k2[j];
                        continue;
                    }
                    flat = 0;
                }
            } else if (!rel_is(d, "cc") && !rel_is(d, "punct") && !flat_mod(u, kid[i])) {
                /* and so does one on the first conjunct after the last one: UD
                ** hangs a shared dependent on the first conjunct ("Lawmakers and
                ** officials in/nmod(Lawmakers) Fornost") */
                if (lastc >= 0 && kid[i] > lastc && nshared < 8 && has_case(u, kid[i]) &&
                    (rel_is(d, "nmod") || rel_is(d, "obl")) && strcmp(d->deprel, "nmod:poss"))
                    shared[nshared++] = kid[i];
                else
                    flat = 0;
            } else if (rel_is(d, "det") && kid[i] < h) flat = 0;   /* "the A and B": NP and NP */
            else if ((rel_is(d, "compound") || rel_is(d, "flat")) && !strcmp(d->upos, "PROPN") &&
                     !strcmp(t[h].upos, "PROPN"))
                flat = 0;   /* "Minas Tirith and Osgiliath": a multi-word name is an NP of its own */
        }
        /* "A and B , and C and D": two coordinations, NP( NP(A and B) , and NP(C and D) ) */
        int brk = -1, ccs = 0;
        for (int i = 0; i < nk && flat && !nshared; i++) {
            if (!rel_is(&t[kid[i]], "conj")) { if (rel_is(&t[kid[i]], "cc")) { if (brk >= 0) brk = -2; else ccs++; } continue; }
            int *k2 = u->kids + u->kstart[kid[i]];
            int n2 = u->kstart[kid[i] + 1] - u->kstart[kid[i]], comma = 0, cc = 0;
            for (int j = 0; j < n2 && k2[j] < kid[i]; j++) {
                if (rel_is(&t[k2[j]], "punct") && !strcmp(t[k2[j]].form, ",")) comma = 1;
                if (rel_is(&t[k2[j]], "cc")) cc = 1;
            }
            if (comma && cc && ccs && brk == -1) brk = i;
            else if (cc) ccs++;
        }
        if (flat && brk >= 0) {
            int outer = pt_add(u->p, parent, "NP", 2, -1);
            int np1 = outer >= 0 ? pt_add(u->p, outer, "NP", 2, -1) : -1;
            if (np1 < 0) { st = DYAD_NOMEM; goto out; }
            for (int i = brk; i < nk; i++) u->done[kid[i]] = 1;
            u->done[h] = 0;
            st = emit_flat(u, h, np1);
            for (int i = brk; i < nk; i++) u->done[kid[i]] = 0;
            /* the break conjunct's comma and coordinator at the outer level */
            int *k2 = u->kids + u->kstart[kid[brk]];
            int n2 = u->kstart[kid[brk] + 1] - u->kstart[kid[brk]];
            for (int j = 0; j < n2 && k2[j] < kid[brk] && !st; j++)
                if ((rel_is(&t[k2[j]], "punct") || rel_is(&t[k2[j]], "cc")) && leaf(u, outer, k2[j]) < 0) st = DYAD_NOMEM;
            int np2 = st ? -1 : pt_add(u->p, outer, "NP", 2, -1);
            if (!st && np2 < 0) st = DYAD_NOMEM;
            for (int i = brk; i < nk && !st; i++) st = emit_flat(u, kid[i], np2);
            goto out;
        }
        if (flat) {
            int np = pt_add(u->p, parent, "NP", 2, -1), outer = np;
            if (np >= 0 && nshared) np = pt_add(u->p, outer, "NP", 2, -1);
            if (np < 0) { st = DYAD_NOMEM; goto out; }
            /* the head's words after the first shared PP ("… in the City !") follow it */
            int s0 = u->n;
            for (int k = 0; k < nshared; k++) if (shared[k] < s0) s0 = shared[k];
            for (int k = 0; k < nshared; k++) u->done[shared[k]] = 1;
            for (int i = 0; i < nk; i++) if (kid[i] > s0) u->done[kid[i]] = 1;
            u->done[h] = 0;
            st = emit_flat(u, h, np);
            for (int k = 0; k < nshared; k++) u->done[shared[k]] = 0;
            for (int i = 0; i < nk; i++) if (kid[i] > s0) u->done[kid[i]] = 0;
            for (int p = s0; p < u->n && !st; p++) {
                int sh = 0;
                for (int k = 0; k < nshared; k++) if (shared[k] == p) sh = 1;
                if (sh) st = emit(u, p, outer, 0);
                else if (t[p].head == h + 1) st = emit_dep(u, p, outer);
            }
            goto out;
        }
    }
    if (nconj && is_nominal(&t[h])) {
        /* NP( NP(h ...) , CC NP(conj) ... ) */
        int np = pt_add(u->p, parent, "NP", 2, -1);
        if (np < 0) { st = DYAD_NOMEM; goto out; }
        int in = pt_add(u->p, np, "NP", 2, -1);
        if (in < 0) { st = DYAD_NOMEM; goto out; }
        int i = 0;
        for (; i < nk && kid[i] < h; i++) if ((st = emit_dep(u, kid[i], in))) goto out;
        if (leaf(u, in, h) < 0) { st = DYAD_NOMEM; goto out; }
        int seen = 0;   /* a conjunct emitted: later dependents follow it, outside h's NP */
        for (; i < nk; i++) {
            const dyad_token *d = &t[kid[i]];
            if (rel_is(d, "conj")) {
                seen = 1;
                /* its own cc/punct dependents before it go to the coordination level */
                int *k2 = u->kids + u->kstart[kid[i]];
                int n2 = u->kstart[kid[i] + 1] - u->kstart[kid[i]];
                for (int j = 0; j < n2 && k2[j] < kid[i]; j++)
                    if ((rel_is(&t[k2[j]], "cc") || rel_is(&t[k2[j]], "punct")) && leaf(u, np, k2[j]) < 0) { st = DYAD_NOMEM; goto out; }
                if ((st = emit_dep(u, kid[i], np))) goto out;
            } else if (rel_is(d, "cc") || rel_is(d, "punct")) {
                if (leaf(u, np, kid[i]) < 0) { st = DYAD_NOMEM; goto out; }
            } else if ((st = emit_dep(u, kid[i], seen ? np : in))) goto out;
        }
        goto out;
    }
    {
        const char *lab = is_nominal(&t[h]) && strcmp(t[h].upos, "NUM") ? "NP" : !strcmp(t[h].upos, "NUM") ? "QP" : !strcmp(t[h].upos, "ADV") ? "ADVP" : !strcmp(t[h].upos, "ADJ") ? "ADJP" : "XP";
        if (!strcmp(lab, "NP") && is_tmod(&t[h]) && !skip_case) lab = "NP-TMP";
        if (!strcmp(t[h].upos, "ADP") || !strcmp(t[h].upos, "SCONJ")) lab = "PP";
        /* a possessive nominal ("Arnor 's") is an NP holding the POS */
        int ph = pt_add(u->p, parent, lab, strlen(lab), -1);
        if (ph < 0) { st = DYAD_NOMEM; goto out; }
        /* Penn's NP -> NP PP / NP SBAR / NP , NP: a head with phrasal
        ** modifiers on its right gets an inner NP of its own words */
        int outer = ph, nested = 0;
        if (!strcmp(lab, "NP"))
            for (int i = 0; i < nk; i++)
                if (kid[i] > h && !name_part(u, h, kid[i]) &&
                    ((rel_is(&t[kid[i]], "nmod") && strcmp(t[kid[i]].deprel, "nmod:poss")) ||
                     rel_is(&t[kid[i]], "acl") || rel_is(&t[kid[i]], "appos") || rel_is(&t[kid[i]], "obl")))
                    nested = 1;
        if (nested && (ph = pt_add(u->p, outer, "NP", 2, -1)) < 0) { st = DYAD_NOMEM; goto out; }
        int i = 0;
        for (; i < nk && kid[i] < h; i++) {
            if (rel_is(&t[kid[i]], "case") && skip_case && strcmp(leaf_tag(&t[kid[i]]), "POS")) continue;
            /* prenominal words are flat in Penn, possessives excepted */
            if (!strcmp(lab, "NP") && !has_pos(u, kid[i]) && !rel_is(&t[kid[i]], "acl") && !rel_is(&t[kid[i]], "conj")) {
                if ((st = emit_flat(u, kid[i], ph))) goto out;
                continue;
            }
            if ((st = emit_dep(u, kid[i], ph))) goto out;
        }
        if (leaf(u, ph, h) < 0) { st = DYAD_NOMEM; goto out; }
        int in_inner = 1, npp = 0;
        /* an object's second and later PPs go to the verb, as CoreNLP attaches them */
        int lift = (rel_is(&t[h], "obj") || rel_is(&t[h], "dobj")) && parent >= 0 &&
                   !strcmp(u->p->n[parent].label, "VP");
        int vpar = parent;
        /* and so do an oblique's ("with the parliament of Gondor in Eriador") */
        int obl = rel_is(&t[h], "obl") || (!strcmp(t[h].deprel, "nmod") && t[h].head >= 1 && t[h].head <= u->n &&
                                             is_verbal(&t[t[h].head - 1]));   /* UD v1 */
        if (!lift && obl && parent >= 0 && !strcmp(u->p->n[parent].label, "PP") &&
            u->p->n[parent].parent >= 0 && !strcmp(u->p->n[u->p->n[parent].parent].label, "VP")) {
            lift = 1;
            vpar = u->p->n[parent].parent;
        }
        for (; i < nk; i++) {
            const dyad_token *d = &t[kid[i]];
            if (in_inner && nested && !(rel_is(d, "case") || rel_is(d, "flat") || rel_is(d, "compound") || rel_is(d, "nummod") || rel_is(d, "amod")))
                in_inner = 0;
            int target = in_inner ? ph : outer;
            if (name_part(u, h, kid[i])) {   /* "Bree <- Prime Minister Romendacil": one name */
                if ((st = emit_flat(u, kid[i], ph))) goto out;
                continue;
            }
            if (rel_is(d, "nmod") && strcmp(d->deprel, "nmod:poss") && has_case(u, kid[i]) && npp++ >= 1 && lift)
                target = vpar;
            if ((st = emit_dep(u, kid[i], target))) goto out;
        }
    }
out:
    u->depth--;
    return st;
}

/* ------------------------------------------------------------ tree repairs */
/* Parser slips mended before the phrases are built (docs/penn-to-ud.md,
** "Repairs"): each pass is a general rule that rewrites heads, relations or
** tags of a private copy of the tokens; they run in the order of the table
** aRepair below, and any of them can be switched off (pt_repairs_set_off). */

/* What the passes share: counts taken on the parser's tree before any
** repair, and scratch space. */
typedef struct repair_ctx {
    const int *ncl;      /* per token: nsubj, aux, cop, mark, obj dependents */
    int *nsub, *ndep;    /* scratch of n ints each (tagging_slips) */
} repair_ctx;

/* A proper noun the tagger took for a verb ("Pyongyang/VBG fired"): a
** capitalised verb-tagged subject without clause dependents of its own,
** not an -ing/-ed form. */
static int is_mistagged_subject(const dyad_token *t, int i, const int *nclause) {
    const dyad_token *x = &t[i];
    if (!(starts(x->xpos, "VB") || !strcmp(x->upos, "VERB"))) return 0;
    if (!rel_is(x, "nsubj") || nclause[i]) return 0;
    if (!(x->form[0] >= 'A' && x->form[0] <= 'Z')) return 0;
    size_t L = strlen(x->form);
    if (L >= 3 && !strcasecmp(x->form + L - 3, "ing")) return 0;
    if (L >= 2 && !strcasecmp(x->form + L - 2, "ed")) return 0;
    return 1;
}

/* Pass mistagged_subject: such a subject is a proper noun. */
static void mistagged_subject(dyad_token *t, int n, repair_ctx *ctx) {
    for (int i = 0; i < n; i++)
        if (is_mistagged_subject(t, i, ctx->ncl)) { t[i].xpos = "NNP"; t[i].upos = "PROPN"; }
}

static int is_cap(const char *w) { return w[0] >= 'A' && w[0] <= 'Z'; }
static int is_modifier_tag(const dyad_token *x) {
    return starts(x->xpos, "JJ") || starts(x->xpos, "RB") || !strcmp(x->upos, "ADJ") || !strcmp(x->upos, "ADV");
}

/* Tagging slips of a parser that does not know a name (docs/penn-to-ud.md,
** "Tagging slips"), repaired on the private copy t before phrases are built:
** - a capitalised verb-tagged first word without clause dependents whose
**   subjectless finite verb follows as parataxis/conj/dep, or as an xcomp, which
**   a finite verb cannot be ("Pyongyang/VBG on Thursday , fired/parataxis"):
**   the later verb is the root, the word its subject;
** - an adjective or adverb heading a subject or object, or coordinated with
**   a nominal argument ("Fornost/JJ and Gondor", "lawmakers and official/JJ"),
**   is a noun;
** - a capitalised bare adverb/adjective right before a finite verb that has no
**   subject ("Osgiliath/RB welcomed") is that verb's subject. */
static void tagging_slips(dyad_token *t, int n, repair_ctx *ctx) {
    const int *ncl = ctx->ncl;
    int *nsub = ctx->nsub, *ndep = ctx->ndep;
    for (int i = 0; i < n; i++) { nsub[i] = 0; ndep[i] = 0; }
    for (int i = 0; i < n; i++) {
        int h = t[i].head;
        if (h < 1 || h > n) continue;
        ndep[h - 1]++;
        if (rel_is(&t[i], "nsubj") || rel_is(&t[i], "csubj") || rel_is(&t[i], "expl")) nsub[h - 1]++;
    }
    /* the verb-tagged first word */
    if (n > 2 && (starts(t[0].xpos, "VB") || !strcmp(t[0].upos, "VERB")) && is_cap(t[0].form) && !ncl[0] &&
        !nsub[0]) {
        size_t L = strlen(t[0].form);
        int ing = (L >= 3 && !strcasecmp(t[0].form + L - 3, "ing")) || (L >= 2 && !strcasecmp(t[0].form + L - 2, "ed"));
        int v = -1;
        for (int i = 1; i < n && v < 0; i++)
            if (t[i].head == 1 && is_verbal(&t[i]) && !nsub[i] &&
                (rel_is(&t[i], "parataxis") || rel_is(&t[i], "conj") || rel_is(&t[i], "dep") ||
                 rel_is(&t[i], "xcomp")) &&
                (starts(t[i].xpos, "VBD") || starts(t[i].xpos, "VBZ") || starts(t[i].xpos, "VBP")))
                v = i;
        if (!ing && v > 0) {
            t[v].head = t[0].head;
            t[v].deprel = t[0].deprel;
            t[0].head = v + 1;
            t[0].deprel = "nsubj";
            t[0].xpos = "NNP";
            t[0].upos = "PROPN";
            for (int i = v + 1; i < n; i++) if (t[i].head == 1) t[i].head = v + 1;
            nsub[v]++;
        }
    }
    for (int i = 0; i < n; i++) {
        if (!is_modifier_tag(&t[i])) continue;
        int h = t[i].head, arg = rel_is(&t[i], "nsubj") || rel_is(&t[i], "obj") || rel_is(&t[i], "dobj") || rel_is(&t[i], "iobj");
        if (!arg && rel_is(&t[i], "conj") && h >= 1 && h <= n && is_nominal(&t[h - 1]) &&
            (rel_is(&t[h - 1], "nsubj") || rel_is(&t[h - 1], "obj") || rel_is(&t[h - 1], "dobj")))
            arg = 1;
        if (!arg) continue;
        t[i].upos = is_cap(t[i].form) ? "PROPN" : "NOUN";
        t[i].xpos = is_cap(t[i].form) ? "NNP" : "NN";
    }
    for (int v = 1; v < n; v++) {
        const char *x = t[v].xpos;
        if (!(!strcmp(x, "VBD") || !strcmp(x, "VBZ") || !strcmp(x, "VBP")) || nsub[v]) continue;
        int d = v - 1;
        size_t L = strlen(t[d].form);
        if (t[d].head != v + 1 || ndep[d] || !is_cap(t[d].form) || (L >= 2 && !strcasecmp(t[d].form + L - 2, "ly"))) continue;
        if (!(is_modifier_tag(&t[d]) || starts(t[d].xpos, "NN"))) continue;
        if (!(rel_is(&t[d], "advmod") || rel_is(&t[d], "amod") || rel_is(&t[d], "dep") || rel_is(&t[d], "compound"))) continue;
        if (d > 0 && strcmp(t[d - 1].upos, "PUNCT") && strcmp(t[d - 1].upos, "CCONJ")) continue;
        t[d].deprel = "nsubj";
        t[d].xpos = "NNP";
        t[d].upos = "PROPN";
        nsub[v]++;
    }
}

/* Token span of d's subtree in t (walking heads; cycles bounded). */
static void slip_span(const dyad_token *t, int n, int d, int *lo, int *hi) {
    *lo = *hi = d;
    for (int i = 0; i < n; i++) {
        int a = i, steps = 0;
        while (a != d && t[a].head >= 1 && t[a].head <= n && steps++ < n) a = t[a].head - 1;
        if (a == d) { if (i < *lo) *lo = i; if (i > *hi) *hi = i; }
    }
}

#define SLIP_MAX_TOKENS 200   /* the quadratic repair below is skipped beyond */

/* "awful/amod(warned) and cool minister Calimehtar/conj(awful) warned": an
** adjective modifies a noun, never a verb, and is coordinated with another
** modifier, not with a noun phrase. When an adjective hung on a verb that has
** no subject is "coordinated" with a nominal before that verb whose phrase
** starts, right after the coordinator, with an adjective of its own, the two
** adjectives are the coordination ("awful and cool", Penn's ADJP) modifying
** that adjective's noun, and the nominal is the verb's subject. */
static void adjective_conjunct_subject(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int a = 0; a + 3 < n; a++) {
        int v = t[a].head - 1, C = -1, cc = a + 1, f = a + 2, lo, hi, subj = 0, steps = 0;
        if (v <= a || v >= n || !rel_is(&t[a], "amod") || !is_verbal(&t[v]) ||
            !(starts(t[a].xpos, "JJ") || !strcmp(t[a].upos, "ADJ")))
            continue;
        for (int k = a + 1; k < v; k++)
            if (t[k].head == a + 1 && rel_is(&t[k], "conj") && is_nominal(&t[k]) && !is_verbal(&t[k])) C = k;
        if (C < 0 || !rel_is(&t[cc], "cc") || t[cc].head != C + 1 || f >= C) continue;
        for (int k = 0; k < n; k++)
            if (t[k].head == v + 1 && (rel_is(&t[k], "nsubj") || rel_is(&t[k], "csubj") || rel_is(&t[k], "expl"))) subj = 1;
        if (subj || !rel_is(&t[f], "amod") || !(starts(t[f].xpos, "JJ") || !strcmp(t[f].upos, "ADJ"))) continue;
        slip_span(t, n, C, &lo, &hi);
        if (lo != cc || hi >= v) continue;
        int N = t[f].head - 1, w = N;   /* the adjective's noun, inside the nominal's phrase */
        while (w >= 0 && w != C && steps++ < n) w = t[w].head - 1;
        if (w != C || N <= f) continue;
        for (int k = a + 1; k < n; k++) if (t[k].head == a + 1 && k != C) N = -1;   /* nothing else on the adjective */
        if (N < 0) continue;
        t[C].head = v + 1;
        t[C].deprel = "nsubj";
        t[a].head = N + 1;
        t[f].head = a + 1;
        t[f].deprel = "conj";
        t[cc].head = f + 1;
    }
}

/* "Ithilen/nmod:poss(warned) 's awful and evil minister Calimehtar warned": a
** possessive determines the noun phrase it stands before, never a verb; a
** possessor the parser hung on a verb belongs to the nominal dependent of that
** verb whose phrase starts right after the possessor's words. */
static void possessor_of_verb(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int x = 0; x + 1 < n; x++) {
        int v = t[x].head - 1, lo, hi, N = -1;
        if (v < 0 || v >= n || strcmp(t[x].deprel, "nmod:poss") || !is_verbal(&t[v])) continue;
        slip_span(t, n, x, &lo, &hi);
        for (int k = hi + 1; k < n && N < 0; k++) {
            int l2, h2;
            if (k == v || t[k].head != v + 1 || !is_nominal(&t[k]) || is_verbal(&t[k])) continue;
            slip_span(t, n, k, &l2, &h2);
            if (l2 == hi + 1) N = k;
        }
        /* not across a bracket or comma: "Poland 's ( Poland chose" */
        if (N < 0 || !strcmp(t[hi + 1].upos, "PUNCT") || starts(t[hi + 1].xpos, "-") || !strcmp(t[hi + 1].form, ","))
            continue;
        t[x].head = N + 1;
    }
}

/* Several caseless nominal arguments side by side before their verb ("Ithilen
** 's | awful and cool minister | Calimehtar warned", "Fornost and the evil awful
** | Gondor welcomed"): English has one subject there, so the parser split one
** noun phrase. The one next to the verb heads it; an earlier one becomes its
** possessor or compound, or, when it ends in a conjunct, that conjunct's head is
** replaced by the later word. */
static void merge_split_subjects(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    unsigned char cnt[SLIP_MAX_TOKENS] = {0};   /* caseless arguments before their head */
    for (int i = 0; i < n; i++)
        if (t[i].head > i + 1 && t[i].head <= n && cnt[t[i].head - 1] < 2 &&
            (rel_is(&t[i], "nsubj") || rel_is(&t[i], "obj") || rel_is(&t[i], "dobj") || rel_is(&t[i], "iobj")))
            cnt[t[i].head - 1]++;
    for (int v = 0; v < n; v++) {
        if (cnt[v] < 2) continue;
        for (int guard = 0; guard < n; guard++) {
            int A = -1, B = -1;
            for (int i = 0; i < v; i++) {
                if (t[i].head != v + 1) continue;
                if (!(rel_is(&t[i], "nsubj") || rel_is(&t[i], "obj") || rel_is(&t[i], "dobj") || rel_is(&t[i], "iobj"))) continue;
                if (!is_nominal(&t[i]) || !strcmp(t[i].upos, "PRON") || starts(t[i].xpos, "PRP") || starts(t[i].xpos, "W")) continue;
                A = B; B = i;
            }
            if (A < 0) break;
            int alo, ahi, blo, bhi;
            slip_span(t, n, A, &alo, &ahi);
            slip_span(t, n, B, &blo, &bhi);
            /* between them only adjectives the parser hung on the verb ("evil
            ** awful/advmod Gondor"): they modify the later one */
            int gap = ahi + 1 < blo;
            for (int k = ahi + 1; k < blo && gap; k++)
                if (!(t[k].head == v + 1 && (rel_is(&t[k], "advmod") || rel_is(&t[k], "amod")) &&
                      (!strcmp(t[k].upos, "ADJ") || starts(t[k].xpos, "JJ"))))
                    gap = 0;
            if (ahi + 1 != blo && !gap) break;
            if (gap) {
                for (int k = ahi + 1; k < blo; k++) { t[k].head = B + 1; t[k].deprel = "amod"; }
                blo = ahi + 1;
            }
            int between = 1;   /* only auxiliaries and negation between B and the verb */
            for (int k = bhi + 1; k < v && between; k++)
                if (!(t[k].head == v + 1 && (rel_is(&t[k], "aux") || rel_is(&t[k], "advmod")))) between = 0;
            if (!between) break;
            int bad = 0;   /* no prepositions in either */
            for (int k = alo; k <= bhi && !bad; k++)
                if (rel_is(&t[k], "case") && strcmp(leaf_tag(&t[k]), "POS")) bad = 1;
            if (bad) break;
            int C = -1;
            for (int k = A + 1; k <= ahi; k++) if (t[k].head == A + 1 && rel_is(&t[k], "conj")) C = k;
            if (C >= 0) {
                int clo, chi;
                slip_span(t, n, C, &clo, &chi);
                if (chi + 1 != blo) C = -1;
            }
            if (C >= 0) {
                for (int k = 0; k < n; k++) if (t[k].head == C + 1) t[k].head = B + 1;
                t[B].head = A + 1;
                t[B].deprel = "conj";
                t[C].head = B + 1;
                t[C].deprel = is_nominal(&t[C]) ? "compound" : "amod";
            } else {
                int poss = 0;
                for (int k = A + 1; k <= ahi; k++) if (t[k].head == A + 1 && !strcmp(leaf_tag(&t[k]), "POS")) poss = 1;
                t[A].head = B + 1;
                t[A].deprel = poss ? "nmod:poss" : "compound";
            }
        }
    }
}

/* A comma right before a rejoined clause, left on the nominal it followed,
** opens the clause (Penn: "Gondor , SBAR"), so it cuts the clause's UPPER. */
static void clause_comma(dyad_token *t, int n, int v) {
    int lo, hi;
    slip_span(t, n, v, &lo, &hi);
    if (lo > 0 && !strcmp(t[lo - 1].form, ",") && t[lo - 1].head != v + 1) {
        t[lo - 1].head = v + 1;
        t[lo - 1].deprel = "punct";
    }
}

/* "celebrated ... after/obl a hafling/obl | was reported/conj": a subjectless
** verb right after a nominal introduced by a subordinating preposition is that
** nominal's clause, "after [a hafling was reported]": the nominal becomes its
** subject, the preposition its marker, the verb an adverbial clause. */
static void rejoin_clause(dyad_token *t, int n, repair_ctx *ctx) {
    static const char *subord[] = {"after", "before", "until", "since", "because", "while", NULL};
    if (n > SLIP_MAX_TOKENS) return;
    for (int v = 1; v < n; v++) {
        /* also an adverbial clause without marker whose verb is finite
        ** ("after/nmod a hafling | was/aux reported/advcl"): a finite clause has
        ** a subject (a participle clause, "angered by ...", has none and is
        ** not one) */
        int adv = rel_is(&t[v], "advcl");
        if (!is_verbal(&t[v]) || !(rel_is(&t[v], "conj") || rel_is(&t[v], "parataxis") || rel_is(&t[v], "dep") || adv))
            continue;
        int subj = 0, cc = 0, pass = 0, fin = !strcmp(t[v].xpos, "VBD") || !strcmp(t[v].xpos, "VBZ") || !strcmp(t[v].xpos, "VBP");
        for (int k = 0; k < n; k++) {
            if (t[k].head != v + 1) continue;
            if (rel_is(&t[k], "nsubj") || rel_is(&t[k], "csubj") || rel_is(&t[k], "expl")) subj = 1;
            if (rel_is(&t[k], "cc") || rel_is(&t[k], "mark")) cc = 1;
            if (!strncmp(t[k].deprel, "aux:pass", 8) || !strcmp(t[k].deprel, "auxpass")) pass = 1;
            if (rel_is(&t[k], "aux") && (!strcmp(t[k].xpos, "VBD") || !strcmp(t[k].xpos, "VBZ") || !strcmp(t[k].xpos, "VBP") ||
                                         !strcmp(t[k].xpos, "MD")))
                fin = 1;
        }
        if (subj || cc || (adv && !fin)) continue;
        int vlo, vhi;
        slip_span(t, n, v, &vlo, &vhi);
        if (vlo < 2) continue;
        /* the nearest nominal whose span ends right before the verb's and
        ** that a subordinating preposition introduces; or the verb's own
        ** oblique right before it ("after crowds/obl burned") */
        int N = -1, mk = -1;
        for (int k = v - 1; k >= 0 && N < 0; k--) {
            if (t[k].head != v + 1) continue;
            if (!is_nominal(&t[k]) || !(rel_is(&t[k], "obl") || rel_is(&t[k], "nmod")) || !strcmp(t[k].deprel, "nmod:poss")) break;
            int lo, hi;
            slip_span(t, n, k, &lo, &hi);
            if (hi != v - 1 || lo != vlo) break;
            for (int c = lo; c < k; c++)
                if (t[c].head == k + 1 && rel_is(&t[c], "case"))
                    for (int j = 0; subord[j]; j++) if (!strcasecmp(t[c].form, subord[j])) mk = c;
            if (mk >= 0) N = k;
            break;
        }
        if (N >= 0) {
            t[mk].head = v + 1;
            t[mk].deprel = "mark";
            t[N].deprel = "nsubj";
            t[v].deprel = "advcl";
            for (int k = 0; k < mk; k++)   /* "five years/npmod after": the clause's measure */
                if (t[k].head == N + 1 && strstr(t[k].deprel, "npmod")) t[k].head = v + 1;
            /* the clause modifies the nearest verb above it */
            for (int a = t[v].head, steps = 0; a >= 1 && a <= n && steps < n; a = t[a - 1].head, steps++)
                if (is_verbal(&t[a - 1])) { t[v].head = a; break; }
            clause_comma(t, n, v);
            continue;
        }
        for (int k = vlo - 1; k >= 0 && N < 0; k--) {
            if (!is_nominal(&t[k]) || !(rel_is(&t[k], "obl") || rel_is(&t[k], "nmod")) || !strcmp(t[k].deprel, "nmod:poss")) continue;
            int lo, hi;
            slip_span(t, n, k, &lo, &hi);
            if (hi != vlo - 1) continue;
            for (int c = lo; c < k; c++)
                if (t[c].head == k + 1 && rel_is(&t[c], "case"))
                    for (int j = 0; subord[j]; j++) if (!strcasecmp(t[c].form, subord[j])) mk = c;
            if (mk >= 0) N = k;
        }
        if (N < 0) continue;
        /* the clause modifies the verb that governed the nominal */
        for (int a = t[N].head, steps = 0; a >= 1 && a <= n && steps < n; a = t[a - 1].head, steps++)
            if (is_verbal(&t[a - 1]) && a - 1 != v) { t[v].head = a; break; }
        t[mk].head = v + 1;
        t[mk].deprel = "mark";
        t[N].head = v + 1;
        t[N].deprel = pass ? "nsubj:pass" : "nsubj";
        t[v].deprel = "advcl";
        for (int k = 0; k < mk; k++)   /* "five years/npmod after": the clause's measure */
            if (t[k].head == N + 1 && strstr(t[k].deprel, "npmod")) t[k].head = v + 1;
        clause_comma(t, n, v);
    }
}

/* Does token k have a preposition (a case dependent other than 's)? */
static int has_case_tok(const dyad_token *t, int n, int k) {
    for (int c = 0; c < k; c++)
        if (t[c].head == k + 1 && rel_is(&t[c], "case") && strcmp(leaf_tag(&t[c]), "POS")) return 1;
    (void)n;
    return 0;
}

/* "..., a senior Bree official said today.": a closing reporting clause (its
** own subject, after a comma, up to the sentence end, no comma inside) that the
** parser hung inside the sentence is, as in Penn, the top clause: its verb
** becomes the root, the old root its ccomp, the comma and the final stop its. */
static void raise_report(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS || n < 4) return;
    int root = -1, nroot = 0;
    for (int i = 0; i < n; i++) if (t[i].head == 0) { root = i; nroot++; }
    if (nroot != 1) return;
    int end = n - 1;
    if (!strcmp(t[end].upos, "PUNCT") && strcmp(t[end].form, ",")) end--;
    for (int v = 2; v <= end; v++) {
        if (v == root || !is_verbal(&t[v]) || !(rel_is(&t[v], "parataxis") || rel_is(&t[v], "conj") || rel_is(&t[v], "ccomp")))
            continue;
        int lo, hi, subj = 0, obj = 0, a = end, steps = 0;
        while (a != v && t[a].head >= 1 && t[a].head <= n && steps++ < n) a = t[a].head - 1;
        if (a != v) continue;   /* the sentence end is not in its subtree */
        slip_span(t, n, v, &lo, &hi);
        /* its own opening comma, even if the parser gave it to the subject */
        if (!strcmp(t[lo].form, ",") && (t[lo].head == v + 1 || rel_is(&t[lo], "punct"))) lo++;
        if (hi != end || lo < 2 || lo > v) continue;
        int X = -1, xlo = lo;
        if (strcmp(t[lo - 1].form, ",")) {
            /* ", the Osgiliath newspaper/appos | al-Raya/nsubj said": a caseless
            ** nominal between the comma and the subject is the subject's head */
            for (int k = lo - 1; k > 0 && X < 0; k--) {
                int l2, h2;
                if (!is_nominal(&t[k]) || has_case_tok(t, n, k)) continue;
                slip_span(t, n, k, &l2, &h2);
                if (!strcmp(t[l2].form, ",") && t[l2].head == k + 1) l2++;   /* its own opening comma */
                if (h2 == lo - 1 && l2 >= 1 && !strcmp(t[l2 - 1].form, ",")) { X = k; xlo = l2; }
                else if (h2 >= lo) break;
            }
            if (X < 0 || !rel_is(&t[lo], "nsubj") || t[lo].head != v + 1) continue;
        }
        int comma = 0;
        for (int k = lo; k <= hi; k++) if (!strcmp(t[k].form, ",")) comma = 1;
        for (int k = lo; k <= hi; k++) {
            if (t[k].head != v + 1) continue;
            if (rel_is(&t[k], "nsubj") && k < v) subj = 1;
            if (rel_is(&t[k], "obj") || rel_is(&t[k], "dobj") || rel_is(&t[k], "ccomp") || rel_is(&t[k], "cc")) obj = 1;
        }
        if (comma || !subj || obj) continue;
        if (X >= 0) {
            t[X].head = v + 1;
            t[X].deprel = "nsubj";
            t[lo].head = X + 1;
            t[lo].deprel = "appos";
            lo = xlo;
        }
        t[v].head = 0;
        t[v].deprel = "root";
        t[root].head = v + 1;
        t[root].deprel = "ccomp";
        t[lo - 1].head = v + 1;
        t[lo - 1].deprel = "punct";
        if (end < n - 1) { t[n - 1].head = v + 1; t[n - 1].deprel = "punct"; }
        return;
    }
}

/* "condemned an attack ... on Thursday and promised/amod aid": a past-tense
** or participle verb taken as the modifier of the next noun, yet carrying its
** own coordinator, is a verb coordinated with the clause above it: it becomes
** a conj of the nearest verb governing the noun, the noun its object. */
static void split_verb_modifier(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int v = 1; v + 1 < n; v++) {
        if (!(rel_is(&t[v], "amod") || rel_is(&t[v], "compound")) || t[v].head != v + 2) continue;
        if (!(!strcmp(t[v].xpos, "VBD") || !strcmp(t[v].xpos, "VBN"))) continue;
        int cc = -1;
        for (int k = 0; k < v; k++) if (t[k].head == v + 1 && rel_is(&t[k], "cc")) cc = k;
        if (cc != v - 1) continue;
        int N = v + 1, a = t[N].head, steps = 0, verb = -1;
        while (a >= 1 && a <= n && steps++ < n) {
            if (is_verbal(&t[a - 1]) && a - 1 < v) { verb = a - 1; break; }
            a = t[a - 1].head;
        }
        if (verb < 0) continue;
        t[v].head = verb + 1;
        t[v].deprel = "conj";
        t[v].xpos = "VBD";
        t[v].upos = "VERB";
        t[N].head = v + 1;
        t[N].deprel = "obj";
        /* the coordinated verb phrase runs to the right: later dependents of the
        ** first verb ("... promised raids | to the villages") are the new verb's */
        for (int k = N + 1; k < n; k++)
            if (t[k].head == verb + 1 && !rel_is(&t[k], "punct") && !rel_is(&t[k], "parataxis") && !rel_is(&t[k], "conj"))
                t[k].head = v + 1;
    }
}

/* "Turkey/root condemned/amod attacks/obj(Turkey) by Syria": a noun takes no
** object, so a nominal root with an object whose past-tense or participle
** "modifier" stands right after the root is a clause the parser missed: that
** verb heads it, the root is its subject, the object its own, and the root's
** later dependents are the verb's. So too a reduced relative right after a
** nominal root, with an object of its own, in a sentence without another
** predicate. */
static void nominal_root_verb(dyad_token *t, int n, repair_ctx *ctx) {
    for (int r = 0; r + 2 < n; r++) {
        int v = r + 1, o = -1;
        if (t[r].head != 0 || !is_nominal(&t[r]) || is_verbal(&t[r])) continue;
        if (!(!strcmp(t[v].xpos, "VBD") || !strcmp(t[v].xpos, "VBN"))) continue;
        if (rel_is(&t[v], "acl") && t[v].head == r + 1 && !strcmp(t[n - 1].form, ".")) {
            /* "The government issue/root condemned/acl an attack/obj(condemned) .":
            ** a sentence (it ends in a full stop, no headline) whose only
            ** predicate is a reduced relative with an object of its own */
            for (int k = v + 1; k < n && o < 0; k++)
                if (t[k].head == v + 1 && (rel_is(&t[k], "obj") || rel_is(&t[k], "dobj"))) o = k;
            for (int k = 0; k < n && o >= 0; k++)
                if (k != v && t[k].head == r + 1 && (is_verbal(&t[k]) || rel_is(&t[k], "cop"))) o = -1;
            if (o < 0) continue;
        } else {
            if (!rel_is(&t[v], "amod")) continue;
            o = t[v].head - 1;
            if (o <= v || o >= n || t[o].head != r + 1 || !(rel_is(&t[o], "obj") || rel_is(&t[o], "dobj"))) continue;
        }
        for (int k = v + 1; k < n; k++) if (t[k].head == r + 1) t[k].head = v + 1;
        t[v].head = 0;
        t[v].deprel = "root";
        t[v].xpos = "VBD";
        t[v].upos = "VERB";
        t[r].head = v + 1;
        t[r].deprel = "nsubj";
        t[o].head = v + 1;
        return;
    }
}

/* "five years after crowds burned/acl(crowds) down its embassy/obj": a
** participle "modifier" with an object of its own, of a nominal introduced by
** a subordinating preposition, is that nominal's clause. Rebuilt as the
** parser's other reading of it, which the rules below repair: the measure the
** nominal modifies is the verb's subject, the verb a clause coordinated with
** the first head above the measure that precedes it ("about to restore ties
** ... almost five years/nsubj after crowds | burned/conj(about)"). */
static void participle_clause(dyad_token *t, int n, repair_ctx *ctx) {
    static const char *subord[] = {"after", "before", "until", "since", NULL};
    if (n > SLIP_MAX_TOKENS) return;
    for (int v = 2; v < n; v++) {
        int N = t[v].head - 1, M, obj = 0, mk = 0, num = 0;
        if (N < 0 || N != v - 1 || !rel_is(&t[v], "acl") || !(starts(t[v].xpos, "VBN") || starts(t[v].xpos, "VBD")) ||
            !is_nominal(&t[N]) || strcmp(t[N].deprel, "nmod"))
            continue;
        M = t[N].head - 1;
        if (M < 0 || M >= N || !is_nominal(&t[M]) || t[M].head < 1) continue;
        for (int k = 0; k < n; k++) {
            if (t[k].head == v + 1 && k > v && (rel_is(&t[k], "obj") || rel_is(&t[k], "dobj"))) obj = 1;
            if (t[k].head == N + 1 && k < N && rel_is(&t[k], "case"))
                for (int j = 0; subord[j]; j++) if (!strcasecmp(t[k].form, subord[j])) mk = 1;
            if (t[k].head == M + 1 && k < M && rel_is(&t[k], "nummod")) num = 1;
        }
        if (!obj || !mk || !num) continue;
        /* coordinated with the first head above the measure that precedes it
        ** (a clause follows what it modifies; a later report verb is not it) */
        int a = t[M].head, steps = 0;
        while (a > M && a <= n && steps++ < n) a = t[a - 1].head;
        if (a < 1 || a > M) continue;
        t[v].head = a;
        t[v].deprel = "conj";
        t[v].xpos = "VBD";
        t[M].head = v + 1;
        t[M].deprel = "nsubj";
        clause_comma(t, n, v);   /* ", almost five years after": the comma opens the clause */
    }
}

/* "almost five years after Calenardhon crowds burned": the parser took the
** measure ("five years") for the subject and "after crowds" for its modifier;
** the nominal after the subordinating preposition is the subject, the measure
** modifies the clause, and a clause the parser coordinated without a
** coordinator is an adverbial clause of the verb just before it. */
static void rejoin_measure(dyad_token *t, int n, repair_ctx *ctx) {
    static const char *subord[] = {"after", "before", "until", "since", NULL};
    if (n > SLIP_MAX_TOKENS) return;
    unsigned char hasubj[SLIP_MAX_TOKENS] = {0};
    for (int i = 0; i < n; i++)
        if (t[i].head > i + 1 && t[i].head <= n && rel_is(&t[i], "nsubj")) hasubj[t[i].head - 1] = 1;
    for (int v = 2; v < n; v++) {
        if (!hasubj[v] || !is_verbal(&t[v])) continue;
        int S = -1, cc = 0;
        for (int k = 0; k < n; k++) {
            if (t[k].head != v + 1) continue;
            if (rel_is(&t[k], "nsubj") && k < v) S = k;
            if (rel_is(&t[k], "cc") || rel_is(&t[k], "mark")) cc = 1;
        }
        if (S < 0 || cc || !is_nominal(&t[S])) continue;
        int slo, shi, num = 0, N = -1, mk = -1;
        slip_span(t, n, S, &slo, &shi);
        if (shi != v - 1) continue;
        for (int k = slo; k <= shi; k++) {
            if (t[k].head != S + 1) continue;
            if (rel_is(&t[k], "nummod") && k < S) num = 1;
            if (rel_is(&t[k], "nmod") && k > S && is_nominal(&t[k])) {
                int lo, hi;
                slip_span(t, n, k, &lo, &hi);
                if (hi != shi) continue;
                for (int c = lo; c < k; c++)
                    if (t[c].head == k + 1 && rel_is(&t[c], "case"))
                        for (int j = 0; subord[j]; j++) if (!strcasecmp(t[c].form, subord[j])) { mk = c; N = k; }
            }
        }
        if (N < 0) continue;
        int conjv = (rel_is(&t[v], "conj") || rel_is(&t[v], "parataxis") || rel_is(&t[v], "dep")) && t[v].head >= 1 &&
                    t[v].head <= n;
        int to = conjv ? t[v].head - 1 : -1, gov = to;
        if (conjv) {   /* the nearest verb before the clause inside the governing verb's subtree */
            int h = to;
            for (int k = slo - 1; k > h; k--) {
                int a = k, steps = 0;
                while (a != h && t[a].head >= 1 && t[a].head <= n && steps++ < n) a = t[a].head - 1;
                if (a == h && is_verbal(&t[k]) && !rel_is(&t[k], "parataxis") && !rel_is(&t[k], "aux") &&
                    !rel_is(&t[k], "cop"))
                    { to = k; break; }
            }
            /* an adverbial clause modifies a predicate, not a noun ("ties/conj
            ** head | almost five years after crowds burned"): the nearest verb
            ** above the noun, also where the parser's head is kept below */
            for (int steps = 0; is_nominal(&t[to]) && !is_verbal(&t[to]) && t[to].head >= 1 && t[to].head <= n && steps < n;
                 steps++)
                to = t[to].head - 1;
            if (is_nominal(&t[to]) && !is_verbal(&t[to])) to = gov;
            else if (is_nominal(&t[gov]) && !is_verbal(&t[gov])) gov = to;
        }
        if (!num) {
            /* "ties/nsubj with Gondor after crowds burned": not the clause's
            ** subject but the object of the verb before it */
            int hasobj = 0;
            if (to < 0 || !is_verbal(&t[to])) continue;
            for (int k = 0; k < n; k++) if (t[k].head == to + 1 && (rel_is(&t[k], "obj") || rel_is(&t[k], "dobj"))) hasobj = 1;
            if (hasobj || to > S) continue;
            t[S].head = to + 1;
            t[S].deprel = "obj";
            for (int k = 0; k < mk; k++)   /* "five years/npmod after": the clause's measure */
                if (t[k].head == N + 1 && strstr(t[k].deprel, "npmod")) t[k].head = v + 1;
        } else {
            t[S].deprel = "obl:npmod";
        }
        t[mk].head = v + 1;
        t[mk].deprel = "mark";
        t[N].head = v + 1;
        t[N].deprel = "nsubj";
        if (conjv) {
            /* a clause coordinated at the level of a parenthetical that
            ** interrupts that verb ("restore , it seems , ties ... after crowds
            ** burned"): it stays where the parser put it (Penn: the
            ** parenthetical's VP closes before it) */
            int at = to;
            for (int k = to + 1; k < slo && gov != to; k++)
                if (t[k].head == to + 1 && rel_is(&t[k], "parataxis")) at = gov;
            t[v].head = at + 1;
            t[v].deprel = "advcl";
        }
    }
}

/* "Arnor has celebrated/nsubj ... after a hafling was reported/root": a
** verb with a subject of its own cannot be another verb's nominal subject;
** the parser inverted the clauses. The subject verb takes its head's place,
** its former head becomes a clause coordinated with it (rejoin_clause then
** finds its subordinator) and gives it the closing punctuation. */
static void invert_verb_subject(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int x = 0; x < n; x++) {
        if (!rel_is(&t[x], "nsubj") || !(starts(t[x].xpos, "VB") || !strcmp(t[x].upos, "VERB"))) continue;
        int v = t[x].head - 1, own = 0;
        if (v <= x || v >= n) continue;
        for (int k = 0; k < x; k++) if (t[k].head == x + 1 && rel_is(&t[k], "nsubj")) own = 1;
        if (!own) continue;
        t[x].head = t[v].head;
        t[x].deprel = t[v].deprel;
        t[v].head = x + 1;
        t[v].deprel = "conj";
        for (int k = v + 1; k < n; k++)
            if (t[k].head == v + 1 && !strcmp(t[k].upos, "PUNCT") && k == n - 1) t[k].head = x + 1;
    }
}

/* "will not wire/VB tap/NN(obj) the links(obj)": a base-form verb with two
** objects, the first a bare lower-case singular noun right after it, is a
** two-word verb (PETRARCH's WIRE_+TAP): the noun is the verb heading the
** clause and the second object, the first verb its auxiliary-like
** predecessor, as in Penn's (VP (VB wire) (VP (VB tap) NP)). */
static void two_word_verb(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int v = 0; v + 2 < n; v++) {
        if (!(!strcmp(t[v].xpos, "VB") || !strcmp(t[v].xpos, "VBP"))) continue;
        int o = v + 1, second = -1, deps = 0;
        /* or "wire tap/compound(links) the/det(links) communication links/obj":
        ** a compound stands inside its head's phrase, after its determiner, so
        ** one before the determiner is no part of it */
        if (t[o].head >= 1 && t[o].head <= n && t[o].head - 1 > o + 1 && rel_is(&t[o], "compound") &&
            t[t[o].head - 1].head == v + 1 && (rel_is(&t[t[o].head - 1], "obj") || rel_is(&t[t[o].head - 1], "dobj")) &&
            t[o + 1].head == t[o].head && rel_is(&t[o + 1], "det")) {
            t[o].head = v + 1;
            t[o].deprel = "obj";
        }
        if (t[o].head != v + 1 || !(rel_is(&t[o], "obj") || rel_is(&t[o], "dobj")) || strcmp(t[o].xpos, "NN") ||
            !(t[o].form[0] >= 'a' && t[o].form[0] <= 'z'))
            continue;
        for (int k = 0; k < n; k++) {
            int isobj = k > o && (rel_is(&t[k], "obj") || rel_is(&t[k], "dobj"));
            /* the second object on the verb, or already on the noun ("tap/NN -> links/obj") */
            if (isobj && second < 0 && (t[k].head == v + 1 || t[k].head == o + 1)) second = k;
            else if (t[k].head == o + 1) deps++;
        }
        if (deps || second < 0) continue;
        for (int k = 0; k < n; k++) if (t[k].head == v + 1 && k != o) t[k].head = o + 1;
        t[second].head = o + 1;
        t[o].head = t[v].head;
        t[o].deprel = t[v].deprel;
        t[o].xpos = "VB";
        t[o].upos = "VERB";
        t[v].head = o + 1;
        t[v].deprel = "aux";
    }
}

/* "Eriador 's death and injury toll": a possessed noun whose compound is
** coordinated is read as CoreNLP reads it, (Eriador 's death) and (injury
** toll): the first conjunct heads a possessed noun phrase coordinated with the
** head noun, which keeps the later conjuncts as its compounds. */
static void split_possessed_coordination(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int c = 1; c + 2 < n; c++) {
        if (!rel_is(&t[c], "compound") || !is_nominal(&t[c])) continue;
        int h = t[c].head - 1;
        if (h <= c || h >= n || !is_nominal(&t[h])) continue;
        int poss = -1, c2 = -1, cc = -1, other = 0;
        for (int k = 0; k < n; k++) {
            if (t[k].head == h + 1 && k < c && !strcmp(t[k].deprel, "nmod:poss")) poss = k;
            else if (t[k].head == h + 1 && k < h && k != c) other = 1;
            if (t[k].head == c + 1 && rel_is(&t[k], "conj")) c2 = k;
        }
        if (poss < 0 || c2 < 0 || other || c2 != h - 1) continue;
        /* the coordinator: on the first conjunct (UD v1) or the second (v2) */
        if (rel_is(&t[c + 1], "cc") && (t[c + 1].head == c + 1 || t[c + 1].head == c2 + 1)) cc = c + 1;
        if (cc < 0) continue;
        t[c].head = t[h].head;
        t[c].deprel = t[h].deprel;
        t[poss].head = c + 1;
        t[h].head = c + 1;
        t[h].deprel = "conj";
        t[c2].head = h + 1;
        t[c2].deprel = "compound";
        t[cc].head = h + 1;
        for (int k = 0; k < n; k++) if (t[k].head == h + 1 && k < c) t[k].head = c + 1;
    }
}

/* "restore , it seems , complete ties": a comma-enclosed pronoun-subject
** clause the parser made a clause of its own and gave the words after it: those
** words belong to the verb before the parenthetical, which takes the clause
** as its parataxis (Penn's PRN). */
static void parenthetical_clause(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int v = 3; v + 2 < n; v++) {
        if (!is_verbal(&t[v]) ||
            !(rel_is(&t[v], "parataxis") || rel_is(&t[v], "ccomp") || rel_is(&t[v], "conj") || t[v].head == 0))
            continue;
        if (t[v - 1].head != v + 1 || !(rel_is(&t[v - 1], "nsubj") || rel_is(&t[v - 1], "expl")) ||
            strcmp(t[v - 1].upos, "PRON"))
            continue;
        if (strcmp(t[v - 2].form, ",") || strcmp(t[v + 1].form, ",")) continue;
        int pv = -1;
        for (int k = v - 3; k >= 0 && pv < 0; k--) if (is_verbal(&t[k]) && !rel_is(&t[k], "aux") && !rel_is(&t[k], "cop")) pv = k;
        if (pv < 0) continue;
        int a = pv, X = -1, steps = 0;   /* pv must not lie inside the clause */
        while (a != v && t[a].head >= 1 && t[a].head <= n && steps++ < n) { X = a; a = t[a].head - 1; }
        if (a == v) {
            /* "Arnor is said/advcl(seems) to restore , it seems/root , ties": the
            ** parser made the parenthetical the main clause and the clause
            ** before it, with its own subject and no marker, its adverbial: that
            ** clause is the main one (it takes the parenthetical's place), when
            ** it holds every word before the parenthetical */
            int lo, hi, own = 0, other = 0;
            if (X < 0 || !is_verbal(&t[X]) || !(rel_is(&t[X], "advcl") || rel_is(&t[X], "ccomp"))) continue;
            slip_span(t, n, X, &lo, &hi);
            for (int k = 0; k < n; k++) {
                if (t[k].head == X + 1 && rel_is(&t[k], "nsubj") && k < X) own = 1;
                if (t[k].head == X + 1 && rel_is(&t[k], "mark")) other = 1;
                if (t[k].head == v + 1 && k < v - 2 && k != X) other = 1;
            }
            if (!own || other || lo != 0 || (hi != v - 2 && hi != v - 3)) continue;
            t[X].head = t[v].head;
            t[X].deprel = t[v].deprel;
            t[v].head = X + 1;
            t[v - 1].deprel = "nsubj";   /* the parenthetical's "it" */
            if (t[n - 1].head == v + 1 && !strcmp(t[n - 1].upos, "PUNCT")) t[n - 1].head = X + 1;   /* the final stop */
        }
        /* a clause the parser coordinated with the parenthetical stays at the
        ** parenthetical's level: its conjunct shares the parenthetical's head */
        for (int k = v + 2; k < n; k++)
            if (t[k].head == v + 1) t[k].head = rel_is(&t[k], "conj") && is_verbal(&t[k]) ? t[v].head : pv + 1;
        t[v - 2].head = v + 1;
        t[v - 2].deprel = "punct";
        t[v + 1].head = v + 1;
        t[v + 1].deprel = "punct";
        t[v].head = pv + 1;
        t[v].deprel = "parataxis";
    }
}

/* ", a senior official said on/case Saturday/conj(seems)": a prepositional
** phrase the parser hung on a word before a clause that ends right before the
** phrase, its arc crossing that clause's own: English phrases nest, so it
** modifies the verb of the clause it follows. */
static void uncross_pp(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int k = 2; k < n; k++) {
        int h = t[k].head - 1, lo, hi;
        if (h < 0 || h >= k - 1) continue;
        int V = -1, cross = 0;
        for (int j = h + 1; j < k && !cross; j++)
            if (t[j].head - 1 < h) cross = 1;   /* an arc from between leaves to the left: crossing */
        if (!cross || !is_nominal(&t[k]) || !has_case_tok(t, n, k)) continue;
        slip_span(t, n, k, &lo, &hi);
        for (int j = lo - 1; j > h && V < 0; j--) {
            int vlo, vhi;
            if (!is_verbal(&t[j]) || rel_is(&t[j], "aux") || rel_is(&t[j], "cop")) continue;
            slip_span(t, n, j, &vlo, &vhi);
            if (vhi == lo - 1) V = j;
            else if (vhi < lo - 1) break;   /* the nearest clause does not reach the phrase */
        }
        if (V < 0) continue;
        t[k].head = V + 1;
        t[k].deprel = "obl";
    }
}

/* A coordinator attaches to the conjunct after it, so a caseless nominal
** modifier whose words begin with one is a conjunct of its head: "Japan ,
** Vietnam and South Korea/nmod(Japan)" is a coordination of three. */
static void coordinated_modifier(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int x = 2; x < n; x++) {
        int h = t[x].head - 1, lo, hi;
        if (h < 0 || h >= x || !(rel_is(&t[x], "nmod") || rel_is(&t[x], "appos") || rel_is(&t[x], "dep")) ||
            !strcmp(t[x].deprel, "nmod:poss"))
            continue;
        int cc = 0;
        for (int k = h + 1; k < x && !cc; k++) cc = rel_is(&t[k], "cc");
        if (!cc || !is_nominal(&t[h]) || !is_nominal(&t[x]) || has_case_tok(t, n, x)) continue;
        slip_span(t, n, x, &lo, &hi);
        if (lo <= h || !(rel_is(&t[lo], "cc"))) continue;
        t[x].deprel = "conj";
        t[lo].head = x + 1;
    }
}

/* "Japan/compound and South/compound Korea": a compound with a coordinator
** of its own is the start of a second conjunct, and the compound before the
** coordinator is the first: (Japan) and (South Korea), one name each; the
** head's modifiers before the first conjunct go with it ("the United States
** and South Korea"). ("North and South Korea" is read so too: NORTH is then
** no actor, as it is no name.) */
static void coordinated_compound(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int x = 2; x < n; x++) {
        int h = t[x].head - 1, cc = x - 1, a = -1;
        if (h <= x || t[cc].head != x + 1 || !rel_is(&t[cc], "cc") || !rel_is(&t[x], "compound") || !is_nominal(&t[h]))
            continue;
        for (int k = cc - 1; k >= 0 && a < 0; k--) {
            int lo, hi;
            if (t[k].head != h + 1) continue;
            if (!rel_is(&t[k], "compound") || !is_nominal(&t[k])) break;
            slip_span(t, n, k, &lo, &hi);
            if (hi == cc - 1) a = k;
            break;
        }
        if (a < 0) continue;
        for (int k = 0; k < a; k++) if (t[k].head == h + 1) t[k].head = a + 1;
        t[a].head = t[h].head;
        t[a].deprel = t[h].deprel;
        t[h].head = a + 1;
        t[h].deprel = "conj";
        t[cc].head = h + 1;
    }
}

/* "Japan , Vietnam and/cc(South) South/compound Korea/conj(Japan)": a
** coordinator joins conjuncts, so one hung on the first word of a conjunct's
** phrase (a compound, name or modifier word of it) belongs to the conjunct
** itself and stands before its phrase (Penn: (CC and) (NNP South) (NNP Korea)),
** not inside it, where it made "and South Korea" one name. */
static void cc_to_conjunct(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int c = 0; c + 2 < n; c++) {
        int x = t[c].head - 1, N, lo, hi;
        if (x != c + 1 || !rel_is(&t[c], "cc") || rel_is(&t[x], "conj")) continue;
        if (!(rel_is(&t[x], "compound") || rel_is(&t[x], "flat") || rel_is(&t[x], "amod") || rel_is(&t[x], "nummod") ||
              rel_is(&t[x], "det")))
            continue;
        N = t[x].head - 1;
        if (N <= x || N >= n || !rel_is(&t[N], "conj") || !is_nominal(&t[N])) continue;
        slip_span(t, n, N, &lo, &hi);
        if (lo != c) continue;
        t[c].head = N + 1;
    }
}

/* Do two arcs cross (heads from t, or from `heads` when given)? */
static int crossing(const dyad_token *t, int n, const int *heads) {
    for (int i = 0; i < n; i++) {
        int h = heads ? heads[i] : t[i].head;
        if (h < 1 || h > n || h == i + 1) continue;
        int a = i < h - 1 ? i : h - 1, b = i < h - 1 ? h - 1 : i;
        for (int j = a + 1; j < b; j++) {
            int g = heads ? heads[j] : t[j].head;
            if (g < 1 || g > n) continue;
            if (g - 1 < a || g - 1 > b) return 1;   /* an arc from inside (a,b) to outside */
        }
    }
    return 0;
}

/* "Lions/root , tigers , and Gondor/nsubj welcomed/conj": a nominal head
** whose conjunct is a verb with its own subject right after the coordinator
** is the start of that verb's coordinated subject: the subject joins the
** coordination, the verb heads the clause and takes the nominal's later
** dependents. */
static void subject_coordination(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int r = 0; r < n; r++) {
        if (!is_nominal(&t[r]) || is_verbal(&t[r])) continue;
        for (int v = r + 2; v < n; v++) {
            if (t[v].head != r + 1 || !rel_is(&t[v], "conj") || !is_verbal(&t[v])) continue;
            int sj = -1, cc = -1;
            for (int k = r + 1; k < v; k++) {
                if (t[k].head != v + 1) continue;
                if (rel_is(&t[k], "nsubj")) sj = k;
                if (rel_is(&t[k], "cc")) cc = k;
            }
            if (sj < 0 || cc < 0 || cc > sj) continue;
            int lo, hi;
            slip_span(t, n, sj, &lo, &hi);
            if (hi != v - 1) continue;
            for (int k = r + 1; k < sj; k++)   /* the coordinator and commas before the subject */
                if (t[k].head == v + 1 && (rel_is(&t[k], "cc") || rel_is(&t[k], "punct"))) t[k].head = sj + 1;
            t[sj].head = r + 1;
            t[sj].deprel = "conj";
            t[v].head = t[r].head;
            t[v].deprel = t[r].deprel;
            t[r].head = v + 1;
            t[r].deprel = "nsubj";
            for (int k = v + 1; k < n; k++) if (t[k].head == r + 1) t[k].head = v + 1;
            break;
        }
    }
}

/* "he said government/obj proposed/acl to take up": a bare singular noun
** object (no determiner or other dependent) followed by an -ed verb the
** parser made its reduced relative, though that verb takes a complement of
** its own, is the subject of a complement clause: Penn's (SBAR (S NP VP)). */
static void object_clause(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int o = 1; o + 1 < n; o++) {
        int a = o + 1;
        if (!(rel_is(&t[o], "obj") || rel_is(&t[o], "dobj")) || strcmp(t[o].xpos, "NN")) continue;
        if (t[a].head != o + 1 || strcmp(t[a].deprel, "acl") || !is_verbal(&t[a])) continue;
        size_t L = strlen(t[a].form);
        if (L < 3 || strcasecmp(t[a].form + L - 2, "ed")) continue;
        int deps = 0, comp = 0, by = 0;
        for (int k = 0; k < n; k++) {
            if (t[k].head == o + 1 && k != a) deps++;
            if (t[k].head == a + 1 && (rel_is(&t[k], "xcomp") || rel_is(&t[k], "ccomp") || rel_is(&t[k], "obj") ||
                                       rel_is(&t[k], "dobj")))
                comp = 1;
            if (t[k].head == a + 1 && (rel_is(&t[k], "obl") || rel_is(&t[k], "nmod"))) {
                for (int c = 0; c < k; c++)
                    if (t[c].head == k + 1 && !strcasecmp(t[c].form, "by")) by = 1;   /* a passive agent */
            }
        }
        if (deps || !comp || by) continue;
        t[a].head = t[o].head;
        t[a].deprel = "ccomp";
        t[a].xpos = "VBD";
        t[o].head = a + 1;
        t[o].deprel = "nsubj";
    }
}

/* "On improvement of ... health centres/, he said": the comma closing a
** fronted phrase, right before a clause's subject, belongs to the clause
** (Penn: S-level), so it cuts the verb's UPPER sequence. */
static void fronted_comma(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int sj = 2; sj < n; sj++) {
        if (!rel_is(&t[sj], "nsubj") || t[sj].head < 1 || t[sj].head > n) continue;
        int v = t[sj].head - 1, lo, hi;
        if (v < sj) continue;
        slip_span(t, n, sj, &lo, &hi);
        int c = lo - 1;
        if (c < 1 || strcmp(t[c].form, ",") || t[c].head == v + 1) continue;
        t[c].head = v + 1;
        t[c].deprel = "punct";
    }
}

/* "with Eriador/compound next week": a proper-noun compound before an
** adjective of the same head breaks English premodifier order, so it ends a
** phrase: the name takes the preposition and the relation, and "next week"
** (a temporal adjective: next, last, this, ...) is a temporal nominal of its own. */
static void split_name_before_adjective(dyad_token *t, int n, repair_ctx *ctx) {
    static const char *tadj[] = {"next", "last", "this", "past", "previous", "coming", "following", "same", NULL};
    if (n > SLIP_MAX_TOKENS) return;
    for (int a = 1; a + 1 < n; a++) {
        int N = t[a].head - 1, X = a - 1, c = -1, ok = 0;
        if (!rel_is(&t[a], "amod") || N != a + 1 || !is_nominal(&t[N])) continue;
        for (int j = 0; tadj[j]; j++) if (!strcasecmp(t[a].form, tadj[j])) ok = 1;
        if (!ok || t[X].head != N + 1 || !rel_is(&t[X], "compound") || strcmp(t[X].upos, "PROPN")) continue;
        if (!(rel_is(&t[N], "obl") || rel_is(&t[N], "nmod")) || t[N].head < 1) continue;
        for (int k = 0; k < X; k++) if (t[k].head == N + 1 && rel_is(&t[k], "case")) c = k;
        if (c < 0 || c != X - 1) continue;
        t[X].head = t[N].head;
        t[X].deprel = t[N].deprel;
        t[c].head = X + 1;
        t[N].deprel = "obl:tmod";
        if (t[N].head >= 1 && t[N].head <= n && !is_verbal(&t[t[N].head - 1]))
            for (int h = t[N].head, steps = 0; h >= 1 && h <= n && steps < n; h = t[h - 1].head, steps++)
                if (is_verbal(&t[h - 1])) { t[N].head = h; break; }
    }
}

/* "celebrated Eid at United Arab Emirates with/nmod Gondor": a name takes
** few PP modifiers; a PP (not an of-phrase) on a proper-noun oblique of a verb,
** or on a proper noun in a PP of the verb's object, modifies the verb, as
** CoreNLP attaches it. */
static void lift_name_pp(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int k = 1; k < n; k++) {
        int h = t[k].head - 1;
        if (h < 0 || h >= k || strcmp(t[k].deprel, "nmod") || strcmp(t[h].upos, "PROPN")) continue;
        int v = t[h].head - 1, c = -1;
        /* the name's PP may itself hang on the verb's object ("celebrated Eid
        ** at/nmod(Eid) Osgiliath with/nmod(Osgiliath) Gondor") */
        if (!strcmp(t[h].deprel, "nmod") && v >= 0 && v < h && (rel_is(&t[v], "obj") || rel_is(&t[v], "dobj")) &&
            has_case_tok(t, n, h))
            v = t[v].head - 1;
        else if (!rel_is(&t[h], "obl"))
            continue;
        if (v < 0 || v >= n || !is_verbal(&t[v])) continue;
        for (int j = h + 1; j < k; j++) if (t[j].head == k + 1 && rel_is(&t[j], "case")) c = j;
        if (c < 0 || !strcasecmp(t[c].form, "of")) continue;
        t[k].head = v + 1;
        t[k].deprel = "obl";
    }
}

/* "the parliament of Gondor in/nmod Eriador", "the reopening of guest houses
** in/nmod Bree": a PP right after an of-phrase of the same noun modifies the
** of-phrase's noun, as CoreNLP nests it. */
static void nest_after_of(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int p2 = 2; p2 < n; p2++) {
        int N = t[p2].head - 1;
        if (N < 0 || N >= p2 || strcmp(t[p2].deprel, "nmod") || !is_nominal(&t[N]) || !has_case_tok(t, n, p2)) continue;
        int p1 = -1;
        for (int k = N + 1; k < p2; k++)
            if (t[k].head == N + 1 && !strcmp(t[k].deprel, "nmod")) p1 = k;
        if (p1 < 0 || !is_nominal(&t[p1])) continue;
        int of = 0, lo, hi, l2, h2;
        for (int c = N + 1; c < p1; c++) if (t[c].head == p1 + 1 && !strcasecmp(t[c].form, "of")) of = 1;
        if (!of) continue;
        slip_span(t, n, p1, &lo, &hi);
        slip_span(t, n, p2, &l2, &h2);
        if (hi + 1 != l2) continue;
        t[p2].head = p1 + 1;
    }
}

/* A month or weekday name ("December", "Dec.", "Monday"), as the date resolver reads them. */
static int month_or_day(const char *w) { return rdate_calendar_word(w, strlen(w)) != 0; }

int pt_date_word(const dyad_token *t, int n, int d) {
    if (month_or_day(t[d].form)) return 1;
    if (strcmp(t[d].xpos, "CD")) return 0;
    return (d > 0 && month_or_day(t[d - 1].form)) || (d + 1 < n && month_or_day(t[d + 1].form));
}

/* "a visit made on December 22 to the Azerbaijani Khankandi city/nmod(22)": a
** date takes no prepositional modifier but an of-phrase ("December 22 of last
** year"), so a PP the parser hung on a date belongs to the date's own head,
** as its oblique (or nominal modifier, under a noun). */
static void pp_off_date(dyad_token *t, int n, repair_ctx *ctx) {
    for (int i = 0; i < n; i++) {
        int d = t[i].head - 1, c = -1;
        if (d < 0 || d >= n || !rel_is(&t[i], "nmod") || !pt_date_word(t, n, d)) continue;
        for (int k = 0; k < i; k++) if (t[k].head == i + 1 && rel_is(&t[k], "case")) { c = k; break; }
        if (c < 0 || !strcasecmp(t[c].form, "of")) continue;
        int h = t[d].head - 1;
        if (h < 0 || h >= n || h == i) continue;
        t[i].head = h + 1;
        t[i].deprel = is_verbal(&t[h]) ? "obl" : "nmod";
    }
}

/* "celebrated Iftar at Osgiliath with the parliament of Gondor in/obl
** Eriador": a verb has one place, and this one has it already ("at
** Osgiliath"); a second place right after another oblique's of-phrase is the
** place of that phrase's noun, as CoreNLP nests it. */
static void second_place(dyad_token *t, int n, repair_ctx *ctx) {
    static const char *loc[] = {"in", "at", NULL};
    if (n > SLIP_MAX_TOKENS) return;
    for (int p2 = 3; p2 < n; p2++) {
        int V = t[p2].head - 1, l2, h2, c2 = -1;
        if (V < 0 || V >= p2 || !(rel_is(&t[p2], "obl") || !strcmp(t[p2].deprel, "nmod")) || !is_verbal(&t[V]) ||
            !is_nominal(&t[p2]))
            continue;
        for (int k = V + 1; k < p2 && c2 < 0; k++)   /* its preposition: a place's */
            if (t[k].head == p2 + 1 && rel_is(&t[k], "case"))
                for (int j = 0; loc[j]; j++) if (!strcasecmp(t[k].form, loc[j])) c2 = k;
        if (c2 < 0) continue;
        slip_span(t, n, p2, &l2, &h2);
        if (l2 != c2) continue;
        int p1 = -1, of = -1, place = 0;
        for (int k = V + 1; k < l2; k++) {
            if (t[k].head != V + 1 || !is_nominal(&t[k]) || !(rel_is(&t[k], "obl") || !strcmp(t[k].deprel, "nmod")))
                continue;
            int lo, hi;
            slip_span(t, n, k, &lo, &hi);
            if (hi + 1 == l2) p1 = k;
            else if (t[lo].head == k + 1)   /* an earlier place of the verb */
                for (int j = 0; loc[j]; j++) if (!strcasecmp(t[lo].form, loc[j])) place = 1;
        }
        if (p1 < 0 || !place) continue;
        for (int k = p1 + 1; k < l2; k++) {
            int lo, hi;
            if (t[k].head != p1 + 1 || strcmp(t[k].deprel, "nmod") || !is_nominal(&t[k])) continue;
            slip_span(t, n, k, &lo, &hi);
            if (hi + 1 == l2 && t[lo].head == k + 1 && !strcasecmp(t[lo].form, "of")) of = k;
        }
        if (of < 0) continue;
        t[p2].head = of + 1;
        t[p2].deprel = "nmod";
    }
}

/* "agrees with the Philippines and France that/mark disputes should be
** resolved/acl:relcl": a clause with its own subject and the marker "that"
** is a content clause, and a name takes none: it is the complement of the
** nearest verb above the name. */
static void name_content_clause(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int v = 1; v < n; v++) {
        int h = t[v].head - 1, mk = 0, subj = 0;
        if (h < 0 || h >= v || !rel_is(&t[v], "acl") || strcmp(t[h].upos, "PROPN")) continue;
        for (int k = h + 1; k < v; k++) {
            if (t[k].head != v + 1) continue;
            if (rel_is(&t[k], "mark") && !strcasecmp(t[k].form, "that")) mk = 1;
            if (rel_is(&t[k], "nsubj") || rel_is(&t[k], "expl")) subj = 1;
        }
        if (!mk || !subj) continue;
        for (int a = t[h].head, steps = 0; a >= 1 && a <= n && steps < n; a = t[a - 1].head, steps++)
            if (is_verbal(&t[a - 1])) { t[v].head = a; t[v].deprel = "ccomp"; break; }
    }
}

/* "of/case(Dol) Dol/compound Amroth": a preposition leads its whole noun
** phrase (Penn's PP), so a case word hung on a compound or flat word that
** starts its head's phrase belongs to that head. */
static void case_to_head(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int c = 0; c + 2 < n; c++) {
        int x = t[c].head - 1, N, lo, hi;
        if (x != c + 1 || !rel_is(&t[c], "case") || !strcmp(t[c].upos, "PART")) continue;
        if (!(rel_is(&t[x], "compound") || rel_is(&t[x], "flat"))) continue;
        N = t[x].head - 1;
        if (N <= x || N >= n || !is_nominal(&t[N])) continue;
        slip_span(t, n, N, &lo, &hi);
        if (lo != c) continue;
        t[c].head = N + 1;
    }
}

/* Conjuncts are joined by a coordinator or a comma; a "conjunct" right after
** its head's phrase with neither is no coordination: with a preposition of its
** own it is the head's PP ("the Prince of/conj Dol Amroth"), a bare proper noun
** after a proper noun is the rest of the name ("Bree | Prime Minister
** Romendacil/conj": an apposition, which the rebuild keeps in one name). */
static void bare_conjunct(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int x = 1; x < n; x++) {
        int h = t[x].head - 1, lo, hi, hhi, joined = 0, cs = -1;
        if (h < 0 || h >= x || !rel_is(&t[x], "conj") || !is_nominal(&t[x]) || !is_nominal(&t[h])) continue;
        slip_span(t, n, x, &lo, &hi);
        for (int k = lo; k < x; k++) {   /* a comma or coordinator anywhere before it joins it */
            if (rel_is(&t[k], "cc") || rel_is(&t[k], "punct") || !strcmp(t[k].upos, "PUNCT") || !strcmp(t[k].upos, "CCONJ"))
                joined = 1;
            if (t[k].head == x + 1 && rel_is(&t[k], "case") && k == lo) cs = k;
        }
        if (joined) continue;
        /* nothing between the head's own words and the conjunct's */
        hhi = h;
        for (int k = h + 1; k < lo; k++) {
            int a = k, steps = 0;
            while (a != h && t[a].head >= 1 && t[a].head <= n && steps++ < n) a = t[a].head - 1;
            if (a != h || !strcmp(t[k].upos, "PUNCT") || !strcmp(t[k].upos, "CCONJ")) { hhi = -1; break; }
            hhi = k;
        }
        if (hhi < 0 || hhi + 1 != lo) continue;
        if (cs >= 0) t[x].deprel = "nmod";
        else if (!strcmp(t[x].upos, "PROPN") && !strcmp(t[h].upos, "PROPN") && x == hi) t[x].deprel = "appos";
    }
}

/* "Arnor , Calenardhon/conj(Arnor) and Gondor/conj(Calenardhon)": in a list
** every conjunct is a conjunct of the first; a conjunct joined to one that
** has no coordinator of its own (only a comma) belongs to the list's head. */
static void flatten_conjuncts(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int x = 2; x < n; x++) {
        int y = t[x].head - 1, cc = 0;
        if (y < 0 || y >= x || !rel_is(&t[x], "conj") || !rel_is(&t[y], "conj")) continue;
        int z = t[y].head - 1;
        if (z < 0 || z >= y || !is_nominal(&t[x]) || !is_nominal(&t[y]) || !is_nominal(&t[z])) continue;
        for (int k = z + 1; k < y; k++) if (t[k].head == y + 1 && rel_is(&t[k], "cc")) cc = 1;
        if (cc) continue;
        t[x].head = z + 1;
    }
}

/* "Mordor , Rohan/appos(Mordor) , Fornost/appos(Rohan) and Bree/conj(Fornost)":
** a list of names read as a chain of appositions. An apposition renames one
** thing, a coordinator joins several: a comma-led proper-noun apposition from
** which a chain of comma-led proper-noun appositions or conjuncts leads to a
** conjunct with a coordinator of its own is a member of that list. It becomes
** a conjunct, and flatten_conjuncts hangs the members on the list's head, as
** Penn's (NP A , B , C and D). A parenthetical apposition that holds a
** coordination ("the Quartet , Russia and the United States , said") is closed
** by a comma, or followed by more of the head's phrase ("Queen Elizabeth II ,
** the UK and Commonwealth Realms head/appos of state"): a single apposition
** so closed stays one (two comma-led links or more make a list either way). */
static int comma_led(const dyad_token *t, int n, int y) {
    int lo, hi;
    slip_span(t, n, y, &lo, &hi);
    return (lo < y && !strcmp(t[lo].form, ",") && t[lo].head == y + 1) || (lo > 0 && !strcmp(t[lo - 1].form, ","));
}
static void appositive_list(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int x = 1; x < n; x++) {
        int g = t[x].head - 1, y = x, ok = 0, links = -1, lo, hi;
        if (g < 0 || g >= x || !rel_is(&t[x], "appos") || strcmp(t[x].upos, "PROPN") || strcmp(t[g].upos, "PROPN") ||
            !comma_led(t, n, x))
            continue;
        for (int steps = 0; steps < n && !ok && y >= 0; steps++, links++) {
            int next = -1;
            for (int k = y + 1; k < n && next < 0 && !ok; k++) {
                if (t[k].head != y + 1 || !(rel_is(&t[k], "conj") || rel_is(&t[k], "appos"))) continue;
                int cc = 0;
                for (int j = y + 1; j < k; j++) if (t[j].head == k + 1 && rel_is(&t[j], "cc")) cc = 1;
                if (cc && rel_is(&t[k], "conj") && is_nominal(&t[k])) ok = 1;
                else if (!cc && !strcmp(t[k].upos, "PROPN") && comma_led(t, n, k)) next = k;
                else break;
            }
            y = next;
        }
        slip_span(t, n, x, &lo, &hi);
        if (ok && !links && ((hi > x && !strcmp(t[hi].form, ",")) || (hi + 1 < n && !strcmp(t[hi + 1].form, ","))))
            ok = 0;   /* a parenthetical apposition */
        if (ok && !links && hi + 1 < n) {   /* "the UK and Commonwealth Realms | head/appos of state": not the list's end */
            int a = hi + 1, steps = 0;
            while (a != g && t[a].head >= 1 && t[a].head <= n && steps++ < n) a = t[a].head - 1;
            if (a == g) ok = 0;
        }
        if (ok) t[x].deprel = "conj";
    }
}

/* "between Calenardhon and Gondor , and Gondor/conj(Calenardhon) and
** Dagolath/conj(Gondor)": UD's analysis of two coordinations joined by ", and"
** ((A and B) , and (C and D)) hangs D on C. The rebuild makes the two groups
** from a flat list whose coordinators show where the second starts (Penn's
** NP( NP(A and B) , and NP(C and D) ), PETRARCH-1's compound of A and B), so a
** conjunct with its own coordinator, of a conjunct opened by a comma and a
** coordinator, of a head that already has a conjunct with a coordinator,
** joins the list's head. */
static void nested_coordination(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int x = 2; x < n; x++) {
        int y = t[x].head - 1, z, ccx = 0, ccy = 0, comma = 0, first = 0;
        if (y < 0 || y >= x || !rel_is(&t[x], "conj") || !rel_is(&t[y], "conj")) continue;
        z = t[y].head - 1;
        if (z < 0 || z >= y || !is_nominal(&t[x]) || !is_nominal(&t[y]) || !is_nominal(&t[z])) continue;
        for (int k = y + 1; k < x; k++) if (t[k].head == x + 1 && rel_is(&t[k], "cc")) ccx = 1;
        for (int k = z + 1; k < y; k++) {
            if (t[k].head == y + 1 && rel_is(&t[k], "cc")) ccy = 1;
            if (t[k].head == y + 1 && !strcmp(t[k].form, ",")) comma = 1;
            if (t[k].head == z + 1 && rel_is(&t[k], "conj"))
                for (int j = z + 1; j < k; j++) if (t[j].head == k + 1 && rel_is(&t[j], "cc")) first = 1;
        }
        if (!ccx || !ccy || !comma || !first) continue;
        t[x].head = z + 1;
    }
}

/* "condemned an attack on Thursday/obl and promised/conj(Thursday) aid": a
** verb with an object and a coordinator of its own is coordinated with a verb,
** not with a noun: it joins the nearest verb above that noun. */
static void verb_conjunct_of_noun(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int v = 2; v < n; v++) {
        int h = t[v].head - 1, cc = 0, obj = 0, cl = 0;
        if (h < 0 || h >= v || !rel_is(&t[v], "conj") || !is_verbal(&t[v]) || !is_nominal(&t[h])) continue;
        if (!(starts(t[v].xpos, "VBD") || starts(t[v].xpos, "VBN") || starts(t[v].xpos, "VBZ") || starts(t[v].xpos, "VBP")))
            continue;
        for (int k = 0; k < n; k++) {
            if (t[k].head == v + 1 && k < v && rel_is(&t[k], "cc")) cc = 1;
            if (t[k].head == v + 1 && k > v && (rel_is(&t[k], "obj") || rel_is(&t[k], "dobj"))) obj = 1;
            if (t[k].head == h + 1 && (rel_is(&t[k], "cop") || rel_is(&t[k], "nsubj"))) cl = 1;
        }
        if (!cc || !obj || cl) continue;
        for (int a = t[h].head, steps = 0; a >= 1 && a <= n && steps < n; a = t[a - 1].head, steps++)
            if (is_verbal(&t[a - 1])) { t[v].head = a; break; }
    }
}

/* "with Gxndor ,/flat(Gxndor) several years/conj(,)": a comma heads nothing
** and is no word of a name; arcs the parser hung on one are a slip: its
** dependents are its head's (a conjunct stays a conjunct, now of that head),
** and it becomes that head's punctuation. */
static void comma_heads_nothing(dyad_token *t, int n, repair_ctx *ctx) {
    for (int p = 0; p < n; p++) {
        int h = t[p].head, deps = 0;
        if ((strcmp(t[p].form, ",") && strcmp(t[p].form, ";")) || h < 1 || h > n) continue;
        for (int k = 0; k < n; k++) if (t[k].head == p + 1) deps = 1;
        if (!deps && rel_is(&t[p], "punct")) continue;
        for (int k = 0; k < n; k++) if (t[k].head == p + 1) t[k].head = h;
        t[p].deprel = "punct";
    }
}

/* "ties with human rights activists of/case Gonzo GMO/obj(restore)": an
** object takes no preposition, and an of-phrase modifies the noun right
** before it; so an "object" led by "of" is the nmod of the nearest nominal
** inside the verb's phrase whose own phrase ends right before "of". */
static void of_object(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int o = 2; o < n; o++) {
        int v = t[o].head - 1, lo, hi, N = -1;
        if (v < 0 || v >= o || !(rel_is(&t[o], "obj") || rel_is(&t[o], "dobj")) || !is_nominal(&t[o])) continue;
        slip_span(t, n, o, &lo, &hi);
        /* its first word "of", a case word of it or of a word of its name ("of/case(Gonzo) Gonzo GMO") */
        if (lo <= v + 1 || !rel_is(&t[lo], "case") || strcasecmp(t[lo].form, "of")) continue;
        for (int k = lo - 1; k > v && N < 0; k--) {
            int l2, h2, a = k, steps = 0;
            if (!is_nominal(&t[k])) continue;
            slip_span(t, n, k, &l2, &h2);
            if (h2 != lo - 1) continue;
            while (a != v && t[a].head >= 1 && t[a].head <= n && steps++ < n) a = t[a].head - 1;
            if (a == v) N = k;
        }
        if (N < 0) continue;
        t[o].head = N + 1;
        t[o].deprel = "nmod";
    }
}

/* "Russian police/compound arrested/amod students/root .": a sentence that
** ends in a full stop has a predicate; when its only verb form is a
** past-tense or participle "modifier" of the nominal root standing right
** after a caseless nominal compound of that root, the -ed word is the verb
** ("police-arrested students" would be no sentence): it heads the clause, the
** compound (with the root's words before it) is its subject, the root its
** object, and the root's later dependents are the verb's. */
static void compound_subject_verb(dyad_token *t, int n, repair_ctx *ctx) {
    int r = -1, nroot = 0;
    for (int i = 0; i < n; i++) if (t[i].head == 0) { r = i; nroot++; }
    if (nroot != 1 || r < 2 || r + 1 >= n || strcmp(t[n - 1].form, ".") || !is_nominal(&t[r]) || is_verbal(&t[r]))
        return;
    int v = r - 1, s = r - 2;
    if (t[v].head != r + 1 || !rel_is(&t[v], "amod") || !(!strcmp(t[v].xpos, "VBD") || !strcmp(t[v].xpos, "VBN")))
        return;
    if (t[s].head != r + 1 || !rel_is(&t[s], "compound") || !is_nominal(&t[s])) return;
    for (int k = 0; k < n; k++) {
        if (k != v && (is_verbal(&t[k]) || rel_is(&t[k], "cop"))) return;   /* another predicate */
        if (t[k].head == v + 1) return;                                     /* the modifier's own words */
    }
    for (int k = 0; k < s; k++) if (t[k].head == r + 1) t[k].head = s + 1;
    for (int k = r + 1; k < n; k++)
        if (t[k].head == r + 1) {
            t[k].head = v + 1;
            if (!strcmp(t[k].deprel, "nmod")) t[k].deprel = "obl";
        }
    t[v].head = 0;
    t[v].deprel = "root";
    t[v].xpos = "VBD";
    t[v].upos = "VERB";
    t[s].head = v + 1;
    t[s].deprel = "nsubj";
    t[r].head = v + 1;
    t[r].deprel = "obj";
}

/* "Dagolath 's/root first Deputy/list Prime Minister Telemar/list
** left/list(Dagolath) for Minas Tirith": UD's "list" joins items of a
** structureless list; a subjectless finite verb among a nominal root's list
** items is the sentence's predicate, and the nominal items before it are one
** noun phrase, its subject: the last of them heads it (the root becomes its
** possessor or compound, the other items its compounds), the verb takes the
** root's place and its dependents after the verb. */
static void list_clause(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int r = 0; r + 2 < n; r++) {
        if (t[r].head != 0 || !is_nominal(&t[r]) || is_verbal(&t[r])) continue;
        int v = -1, H = r, bad = 0, poss = 0;
        for (int k = r + 1; k < n && v < 0 && !bad; k++) {
            if (t[k].head != r + 1 || !rel_is(&t[k], "list")) continue;
            if (is_verbal(&t[k])) {
                if (!(!strcmp(t[k].xpos, "VBD") || !strcmp(t[k].xpos, "VBZ") || !strcmp(t[k].xpos, "VBP"))) bad = 1;
                else v = k;
            } else if (is_nominal(&t[k])) H = k;
            else bad = 1;
        }
        if (bad || v < 0 || H == r || H != v - 1) continue;
        for (int k = 0; k < n; k++) {
            if (t[k].head == v + 1 && (rel_is(&t[k], "nsubj") || rel_is(&t[k], "expl"))) bad = 1;
            if (t[k].head == r + 1 && k < r && !rel_is(&t[k], "det") && !rel_is(&t[k], "amod") && !rel_is(&t[k], "compound"))
                bad = 1;
            if (t[k].head == r + 1 && k > r && !strcmp(leaf_tag(&t[k]), "POS")) poss = 1;
        }
        if (bad) continue;
        for (int k = r + 1; k < n; k++) {
            if (t[k].head != r + 1 || k == H || k == v) continue;
            if (k < v && rel_is(&t[k], "list")) { t[k].head = H + 1; t[k].deprel = "compound"; }
            else if (k > v) t[k].head = v + 1;
        }
        t[v].head = 0;
        t[v].deprel = "root";
        t[H].head = v + 1;
        t[H].deprel = "nsubj";
        t[r].head = H + 1;
        t[r].deprel = poss ? "nmod:poss" : "compound";
        return;
    }
}

/* "restore complete/xcomp(restore) , full diplomatic ties/conj": an
** adjective complement of a verb that has no object, then a comma and a
** nominal the parser joined to a clause above without a coordinator, its
** words after the comma adjectives: the adjectives are coordinated
** modifiers of that noun ("complete , full diplomatic ties", Penn's one NP),
** which is the verb's object. (A resultative adjective, "make it complete",
** follows an object; a copular verb's subject precedes it.) */
static void adjective_list_object(dyad_token *t, int n, repair_ctx *ctx) {
    if (n > SLIP_MAX_TOKENS) return;
    for (int a = 1; a + 3 < n; a++) {
        int v = t[a].head - 1, c = a + 1, N = -1, obj = 0, deps = 0;
        if (v < 0 || v != a - 1 || !rel_is(&t[a], "xcomp") || !(starts(t[a].xpos, "JJ") || !strcmp(t[a].upos, "ADJ")))
            continue;
        if (!starts(t[v].xpos, "VB") || strcmp(t[c].form, ",")) continue;
        for (int k = a + 2; k < n && N < 0; k++) {
            if (is_nominal(&t[k])) N = k;
            else if (!(starts(t[k].xpos, "JJ") || !strcmp(t[k].upos, "ADJ"))) break;
        }
        if (N < 0 || N == a + 2) continue;
        for (int k = a + 2; k < N; k++) if (t[k].head != N + 1 || !rel_is(&t[k], "amod")) N = -1;
        if (N < 0 || !(rel_is(&t[N], "conj") || rel_is(&t[N], "parataxis") || rel_is(&t[N], "dep") || rel_is(&t[N], "appos")))
            continue;
        for (int k = 0; k < n; k++) {
            if (t[k].head == v + 1 && (rel_is(&t[k], "obj") || rel_is(&t[k], "dobj") || rel_is(&t[k], "ccomp"))) obj = 1;
            if (t[k].head == a + 1) deps = 1;
            if (t[k].head == N + 1 && (rel_is(&t[k], "cc") || rel_is(&t[k], "nsubj") || rel_is(&t[k], "cop"))) obj = 1;
        }
        if (obj || deps) continue;
        t[a].head = N + 1;
        t[a].deprel = "amod";
        t[c].head = a + 1;
        t[c].deprel = "punct";
        t[N].head = v + 1;
        t[N].deprel = "obj";
    }
}

/* "Neither/cc:preconj Galadriel nor Gollum": a preconjunct is no second
** coordinator of the phrase; Penn tags it as a determiner of the coordination
** ((NP (DT Neither) ...)), and PETRARCH-1's compound test wants one CC. */
static void preconjunct_determiner(dyad_token *t, int n, repair_ctx *ctx) {
    for (int i = 0; i + 1 < n; i++) {
        int h = t[i].head - 1;
        if (h <= i || h >= n || strcmp(t[i].deprel, "cc:preconj") || !is_nominal(&t[h])) continue;
        t[i].xpos = "DT";
        t[i].upos = "DET";
    }
}

/* The passes, in the order they run (the order matters: later passes read
** the trees earlier ones leave, e.g. rejoin_clause finds the clauses
** invert_verb_subject makes). Each names the slip it mends and a sentence the
** parser gets wrong so; tests/unit/test_repairs.c runs every one by name,
** with its pass on and off, on a tree of that sentence. */
typedef struct repair {
    pt_repair_info info;                                  /* name, rule, example */
    void (*xRepair)(dyad_token *t, int n, repair_ctx *ctx);
} repair;

static const repair aRepair[] = {
    {{"mistagged_subject",
      "a capitalised verb-tagged subject, not -ing/-ed, without clause dependents of its own is a proper noun",
      "Gollum did allow talks"}, mistagged_subject},
    {{"comma_heads_nothing",
      "a comma or semicolon heads nothing: its dependents go to its head, and it becomes punctuation",
      "Rohan met Gondor , Arnor ."}, comma_heads_nothing},
    {{"tagging_slips",
      "a verb-tagged first word is the subject of the subjectless finite verb after it; an adjective or adverb "
      "as argument is a noun; a capitalised bare one before a subjectless finite verb is its subject",
      "Pyongyang on Monday fired shells at Seoul ."}, tagging_slips},
    {{"nominal_root_verb",
      "a nominal root with an object and an -ed \"modifier\" right after it (or a reduced relative with an "
      "object in a full-stop sentence): the -ed word heads the clause, the root its subject",
      "Turkey condemned attacks by Syria ."}, nominal_root_verb},
    {{"compound_subject_verb",
      "a full-stop sentence whose only verb is an -ed amod of the root after a compound: the verb heads it, "
      "the compound its subject, the root its object",
      "Russian police arrested students in Moscow ."}, compound_subject_verb},
    {{"list_clause",
      "a subjectless finite verb among a nominal root's list items is the predicate, the items before it "
      "one subject",
      "Gondor 's minister Telemar left for Rohan ."}, list_clause},
    {{"of_object",
      "an object led by \"of\" is the nmod of the nominal whose phrase ends right before it",
      "Rohan met leaders of Gondor Army ."}, of_object},
    {{"adjective_list_object",
      "an adjective xcomp of an objectless verb, a comma, then adjectives and a nominal joined above: "
      "coordinated modifiers of that nominal, the verb's object",
      "Arnor is about to restore complete , full diplomatic ties with Gondor ."}, adjective_list_object},
    {{"adjective_conjunct_subject",
      "an adjective on a subjectless verb \"coordinated\" with a nominal before the verb that starts with an "
      "adjective: the adjectives are coordinated, the nominal the subject",
      "Ithilen 's awful and cool minister Calimehtar warned Gondor"}, adjective_conjunct_subject},
    {{"possessor_of_verb",
      "a possessor hung on a verb determines the verb's nominal dependent whose phrase starts right after it",
      "Ithilen 's evil minister warned Gondor"}, possessor_of_verb},
    {{"merge_split_subjects",
      "caseless nominal arguments side by side before their verb are one subject, headed by the one next "
      "to the verb",
      "Rohan 's brave and wise minister Eomer warned Gondor"}, merge_split_subjects},
    {{"subject_coordination",
      "a nominal root coordinated with a verb whose subject follows the coordinator: the coordination is the "
      "verb's subject, the verb the root",
      "Lions , tigers , and Rohan welcomed talks ."}, subject_coordination},
    {{"invert_verb_subject",
      "a verb with a subject of its own as another verb's nsubj: it is the main clause, its former head a "
      "clause coordinated with it",
      "Rohan has celebrated with Gondor after a raid was reported ."}, invert_verb_subject},
    {{"uncross_pp",
      "a PP hung across a clause that ends right before it modifies that clause's verb",
      "Rohan met Gondor , an official said on Saturday ."}, uncross_pp},
    {{"pp_off_date",
      "a PP (not an of-phrase) on a date belongs to the date's head",
      "Rohan flew on December 22 to Gondor"}, pp_off_date},
    {{"parenthetical_clause",
      "a comma-enclosed pronoun-subject clause given the words after it: they go back to the verb before it, "
      "which takes the clause as parataxis",
      "Rohan will restore , it seems , full ties ."}, parenthetical_clause},
    {{"participle_clause",
      "a VBN/VBD acl with an object, of a nominal after after/before/until/since under a measure: the "
      "measure's clause, coordinated above it",
      "Rohan will restore ties two years after crowds burned it , an official said ."}, participle_clause},
    {{"rejoin_clause",
      "a subjectless verb right after a nominal introduced by after/before/until/since/because/while: the "
      "nominal its subject, the preposition its marker",
      "Rohan met Gondor after a raid was reported ."}, rejoin_clause},
    {{"rejoin_measure",
      "a measure as subject whose after/before/until/since PP ends before the verb: the PP's nominal is the "
      "subject, the measure an npmod",
      "Rohan left Gondor two years after crowds burned it"}, rejoin_measure},
    {{"raise_report",
      "a closing reporting clause (own subject, after a comma, to the sentence end) hung inside the sentence "
      "is the top clause",
      "Rohan met Gondor , an official said today ."}, raise_report},
    {{"split_verb_modifier",
      "a VBD/VBN modifier of the next noun with its own coordinator is a verb coordinated with the nearest "
      "verb above, the noun its object",
      "Rohan condemned the raid and promised aid to Gondor"}, split_verb_modifier},
    {{"two_word_verb",
      "a base-form verb with two objects, the first a bare lower-case singular noun right after it, is a "
      "two-word verb (WIRE_+TAP)",
      "Soldiers will not wire tap the links ."}, two_word_verb},
    {{"object_clause",
      "a bare singular noun object followed by an -ed reduced relative with a complement and no by-phrase: "
      "a complement clause, the noun its subject",
      "he said government proposed to take it ."}, object_clause},
    {{"fronted_comma",
      "the comma closing a fronted phrase, right before a clause's subject, is the clause's punctuation",
      "On health of Rohan , he said ."}, fronted_comma},
    {{"split_name_before_adjective",
      "a proper-noun compound before a temporal adjective of the same head ends the name: \"next week\" is a "
      "temporal nominal of the verb",
      "Rohan met Gondor with Arnor next week ."}, split_name_before_adjective},
    {{"lift_name_pp",
      "a PP (not an of-phrase) on a proper-noun oblique of a verb, or on a name in a PP of its object, "
      "modifies the verb",
      "Rohan met at Paris with Gondor ."}, lift_name_pp},
    {{"nest_after_of",
      "a PP right after an of-phrase of the same noun nests in the of-phrase's noun",
      "Rohan met the parliament of Gondor in Arnor ."}, nest_after_of},
    {{"second_place",
      "a second in/at place of a verb that has one, right after an oblique's of-phrase, is the of-phrase "
      "noun's",
      "Rohan met at Paris with the parliament of Arnor in Zorbia ."}, second_place},
    {{"name_content_clause",
      "a that-clause with its own subject hung on a name is the complement of the nearest verb above",
      "Rohan agrees with Gondor that talks should resume ."}, name_content_clause},
    {{"split_possessed_coordination",
      "a possessed noun whose compound is coordinated: (X 's A) and (B C), as CoreNLP reads it",
      "Rohan 's death and injury toll has risen ."}, split_possessed_coordination},
    {{"coordinated_modifier",
      "a caseless nominal modifier (nmod, appos, dep) whose words begin with a coordinator is a conjunct of "
      "its head",
      "China condemned Japan , Vietnam and South Korea ."}, coordinated_modifier},
    {{"coordinated_compound",
      "a compound with a coordinator of its own after another compound of the same noun: (A) and (B C), the "
      "first heading the coordination",
      "China condemned Japan and South Korea ."}, coordinated_compound},
    {{"cc_to_conjunct",
      "a coordinator hung on the first compound/flat/modifier word of a conjunct belongs to the conjunct",
      "China condemned Japan , Vietnam and South Korea"}, cc_to_conjunct},
    {{"case_to_head",
      "a preposition on the first compound/flat word of a phrase belongs to the phrase's head",
      "Rohan warned of the Prince of Dol Amroth ."}, case_to_head},
    {{"bare_conjunct",
      "a nominal conj with no comma or coordinator before it: with a preposition an nmod, a proper noun after "
      "a proper noun an appos (one name)",
      "Rohan Prime Minister Eomer met Gondor ."}, bare_conjunct},
    {{"appositive_list",
      "a comma-led proper-noun apposition leading through comma-led links to a conjunct with a coordinator "
      "is a conjunct (a list)",
      "Mordor , Rohan , Fornost and Bree welcomed Gondor"}, appositive_list},
    {{"flatten_conjuncts",
      "a conjunct of a conjunct that has only a comma is a conjunct of the list's first member",
      "Rohan , Zorbia and the evil Gondor welcomed talks ."}, flatten_conjuncts},
    {{"nested_coordination",
      "A and B , and C and D: D, hung on C, joins the list's head, so the rebuild makes two coordinations",
      "spur reconciliation between Arnor and Gondor , and Rohan and Bree"}, nested_coordination},
    {{"verb_conjunct_of_noun",
      "a finite verb with a coordinator and an object, coordinated with a noun, is coordinated with the "
      "nearest verb above that noun",
      "Rohan condemned the raid on Thursday and promised aid ."}, verb_conjunct_of_noun},
    {{"preconjunct_determiner",
      "a preconjunct (cc:preconj) before a nominal is a determiner (DT), so the coordination has one CC",
      "Both Rohan and Gondor met Zorbia"}, preconjunct_determiner},
};
#define NREPAIR ((int)(sizeof aRepair / sizeof aRepair[0]))
_Static_assert(sizeof aRepair / sizeof aRepair[0] <= 64, "one bit of a uint64_t mask per pass");

static uint64_t repairs_off;   /* pt_from_ud's default: bit i turns aRepair[i] off */

int pt_repair_count(void) { return NREPAIR; }

const pt_repair_info *pt_repair_get(int i) { return i >= 0 && i < NREPAIR ? &aRepair[i].info : NULL; }

int pt_repair_find(const char *z, size_t n) {
    for (int i = 0; i < NREPAIR; i++)
        if (strlen(aRepair[i].info.zName) == n && !memcmp(aRepair[i].info.zName, z, n)) return i;
    return -1;
}

int pt_repairs_mask(const char *zList, uint64_t *pMask, const char **pzBad, size_t *pnBad) {
    uint64_t m = 0;
    const char *z = zList ? zList : "";
    *pMask = 0;
    while (*z) {
        size_t k = strcspn(z, ", ");
        if (k == 3 && !memcmp(z, "all", 3)) m |= NREPAIR == 64 ? ~(uint64_t)0 : ((uint64_t)1 << NREPAIR) - 1;
        else if (k > 0) {
            int i = pt_repair_find(z, k);
            if (i < 0) { if (pzBad) *pzBad = z; if (pnBad) *pnBad = k; return -1; }
            m |= (uint64_t)1 << i;
        }
        z += k;
        if (*z) z++;
    }
    *pMask = m;
    return 0;
}

void pt_repairs_set_off(uint64_t mask) { repairs_off = mask; }

uint64_t pt_repairs_off(void) { return repairs_off; }

dyad_status pt_repair(dyad_token *t, int n, uint64_t off) {
    if (n <= 0) return DYAD_OK;
    int *ncl = dyad_calloc((size_t)n, sizeof *ncl);
    int *nsub = dyad_malloc((size_t)n * 2 * sizeof *nsub);
    int *oh = dyad_malloc((size_t)n * sizeof *oh);
    const char **orel = dyad_malloc((size_t)n * sizeof *orel);
    if (!ncl || !nsub || !oh || !orel) {
        dyad_free(ncl); dyad_free(nsub); dyad_free(oh); dyad_free(orel);
        return DYAD_NOMEM;
    }
    for (int i = 0; i < n; i++) {
        int h = t[i].head;
        if (h >= 1 && h <= n && (rel_is(&t[i], "nsubj") || rel_is(&t[i], "aux") || rel_is(&t[i], "cop") ||
                                 rel_is(&t[i], "mark") || rel_is(&t[i], "dobj") || rel_is(&t[i], "obj")))
            ncl[h - 1]++;
    }
    for (int i = 0; i < n; i++) { oh[i] = t[i].head; orel[i] = t[i].deprel; }   /* the parser's arcs */
    repair_ctx ctx = {ncl, nsub, nsub + n};
    for (int i = 0; i < NREPAIR; i++)
        if (!(off >> i & 1)) aRepair[i].xRepair(t, n, &ctx);
    /* a repair must not make a projective tree cross (its words would come
    ** out of order): then the parser's arcs stand */
    int changed = 0;
    for (int i = 0; i < n; i++) if (t[i].head != oh[i]) changed = 1;
    if (changed && n <= SLIP_MAX_TOKENS && crossing(t, n, NULL) && !crossing(t, n, oh))
        for (int i = 0; i < n; i++) { t[i].head = oh[i]; t[i].deprel = orel[i]; }
    dyad_free(ncl);
    dyad_free(nsub);
    dyad_free(oh);
    dyad_free(orel);
    return DYAD_OK;
}

dyad_status pt_from_ud(dyad_phrases *p, const dyad_sentence *s) {
    pt_clear(p);
    int n = dyad_sentence_len(s);
    if (n <= 0) return DYAD_EINVAL;
    const dyad_token *t0 = dyad_sentence_tokens((dyad_sentence *)s);
    /* a private copy of the tokens, repaired */
    dyad_token *t = dyad_malloc((size_t)n * sizeof *t);
    if (!t) return DYAD_NOMEM;
    memcpy(t, t0, (size_t)n * sizeof *t);
    dyad_status st = pt_repair(t, n, repairs_off);
    if (st) { dyad_free(t); return st; }
    ud_ctx u = {0};
    u.p = p; u.t = t; u.n = n;
    u.kids = dyad_malloc((size_t)n * sizeof *u.kids);
    u.kstart = dyad_calloc((size_t)n + 2, sizeof *u.kstart);
    u.done = dyad_calloc((size_t)n + 1, 1);
    if (!u.kids || !u.kstart || !u.done) { st = DYAD_NOMEM; goto out; }
    /* kids of token h (0-based) at [kstart[h], kstart[h+1]), by position */
    {
        int acc = 0;
        int *cnt = dyad_calloc((size_t)n + 1, sizeof *cnt);
        if (!cnt) { st = DYAD_NOMEM; goto out; }
        for (int i = 0; i < n; i++) if (t[i].head >= 1 && t[i].head <= n && t[i].head != i + 1) cnt[t[i].head - 1]++;
        for (int h = 0; h < n; h++) { u.kstart[h] = acc; acc += cnt[h]; }
        u.kstart[n] = acc;
        memset(cnt, 0, (size_t)n * sizeof *cnt);
        for (int i = 0; i < n; i++) if (t[i].head >= 1 && t[i].head <= n && t[i].head != i + 1) {
            int h = t[i].head - 1;
            u.kids[u.kstart[h] + cnt[h]++] = i;   /* i increasing: kids sorted by position */
        }
        dyad_free(cnt);
    }
    int root = pt_add(p, -1, "ROOT", 4, -1);
    if (root < 0) { st = DYAD_NOMEM; goto out; }
    for (int i = 0; i < n && !st; i++)
        if (t[i].head <= 0 || t[i].head > n || t[i].head == i + 1) st = emit(&u, i, root, 0);
    /* tokens unreachable from a root (cycles): attach as leaves */
    for (int i = 0; i < n && !st; i++) if (!u.done[i] && leaf(&u, root, i) < 0) st = DYAD_NOMEM;
out:
    dyad_free(u.kids);
    dyad_free(u.kstart);
    dyad_free(u.done);
    dyad_free(t);
    return st;
}
