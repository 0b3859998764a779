/*
** sent.c: dyad_sentence, tokens + a UD tree, the representation shared by
** the parser, the Penn/CoNLL-U readers and the coder. Strings live in the
** sentence's arena; the token array grows by doubling.
*/
#include "dyad.h"
#include "arena.h"
#include <string.h>

struct dyad_sentence {
    dyad_token *tok;
    int n, cap;
    const char *id, *text;
    arena mem;
};

dyad_sentence *dyad_sentence_new(void) {
    dyad_sentence *s = dyad_calloc(1, sizeof *s);
    if (s) arena_init(&s->mem);
    return s;
}

void dyad_sentence_free(dyad_sentence *s) {
    if (!s) return;
    arena_free(&s->mem);
    dyad_free(s->tok);
    dyad_free(s);
}

void dyad_sentence_clear(dyad_sentence *s) {
    s->n = 0;
    s->id = s->text = NULL;
    arena_reset(&s->mem);
}

int dyad_sentence_len(const dyad_sentence *s) { return s->n; }
dyad_token *dyad_sentence_tokens(dyad_sentence *s) { return s->tok; }
const char *dyad_sentence_id(const dyad_sentence *s) { return s->id; }
const char *dyad_sentence_text(const dyad_sentence *s) { return s->text; }

const char *dyad_sentence_strdup(dyad_sentence *s, const char *z, size_t n) {
    if (!z) return "_";
    return arena_strndup(&s->mem, z, n);
}

static const char *dup0(dyad_sentence *s, const char *z) {
    return z ? dyad_sentence_strdup(s, z, strlen(z)) : "_";
}

dyad_status dyad_sentence_set_id(dyad_sentence *s, const char *z) {
    s->id = z ? dup0(s, z) : NULL;
    return z && !s->id ? DYAD_NOMEM : DYAD_OK;
}

dyad_status dyad_sentence_set_text(dyad_sentence *s, const char *z) {
    s->text = z ? dup0(s, z) : NULL;
    return z && !s->text ? DYAD_NOMEM : DYAD_OK;
}

dyad_status dyad_sentence_add(dyad_sentence *s, const dyad_token *t) {
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 32;
        dyad_token *p = dyad_realloc(s->tok, (size_t)cap * sizeof *p);
        if (!p) return DYAD_NOMEM;
        s->tok = p;
        s->cap = cap;
    }
    dyad_token *d = &s->tok[s->n];
    *d = *t;
    d->form = dup0(s, t->form);
    d->lemma = dup0(s, t->lemma);
    d->upos = dup0(s, t->upos);
    d->xpos = dup0(s, t->xpos);
    d->feats = dup0(s, t->feats);
    d->deprel = dup0(s, t->deprel);
    d->misc = dup0(s, t->misc);
    if (!d->form || !d->lemma || !d->upos || !d->xpos || !d->feats || !d->deprel || !d->misc)
        return DYAD_NOMEM;
    s->n++;
    return DYAD_OK;
}
