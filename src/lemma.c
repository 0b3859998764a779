/*
** lemma.c: the lemmatizer. A lexicon learned from the training lemmas,
** keyed by (form, tag) then (lowercased form, tag), gives lemma and FEATS;
** unknown words take the suffix rule (strip k bytes, append s) learned for
** the longest matching (tag, suffix) and the tag's usual FEATS.
*/
#include "model.h"
#include <string.h>

size_t lemma_lower(const char *z, char *buf, size_t cap) {
    size_t i = 0;
    for (; z[i] && i + 1 < cap; i++) {
        char c = z[i];
        buf[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    buf[i] = '\0';
    return i;
}

uint64_t lemma_lex_key(const char *form, int tag) {
    return ap_key(201, ap_hash(form, strlen(form)), (uint64_t)tag, 0);
}

uint64_t lemma_rule_key(int tag, const char *suffix, size_t k, int cap) {
    /* cap 0 gives the keys of models trained before the flag existed */
    return ap_key(202, ap_hash(suffix, k), (uint64_t)tag, k + (cap ? 16 : 0));
}

int lemma_is_cap(const char *form) {
    return form[0] >= 'A' && form[0] <= 'Z';
}

static int is_propn(const dyad_model *m, int tag) {
    return !strcmp(m->tags[tag].upos, "PROPN");
}

/* Unknown words: the rule of the longest suffix (lowercased, 0-6 bytes) seen
** with the tag and the form's capitalisation, else without the latter. A rule
** rewrites only the suffix it matched (strip <= k): a rule that took the whole
** word (form "Belgian", lemma "Belgian" compared in lowercase once gave "strip
** 7, append Belgian", so "Georgian" became "gBelgian") can never splice a
** training word into another. A rule's keep flag applies it to the form as
** written (the lemma keeps the capitals: "Georgian", "Americans" ->
** "American"), else to the lowercased form ("Rebels" -> "rebel"); proper
** nouns always keep theirs (in EWT and GUM train 12 of 20,661 PROPN lemmas
** are lowercased). */
const char *lemma_of(const dyad_model *m, const char *form, int tag, char *buf, size_t cap,
                     const char **feats) {
    uint32_t v;
    *feats = m->tags[tag].feats;
    if (kv_get(&m->lex, lemma_lex_key(form, tag), &v)) {
        *feats = m->pool + m->lexv[2 * v + 1];
        return m->pool + m->lexv[2 * v];
    }
    size_t n = lemma_lower(form, buf, cap);
    if (n == strlen(form) && kv_get(&m->lex, lemma_lex_key(buf, tag), &v)) {
        *feats = m->pool + m->lexv[2 * v + 1];
        return m->pool + m->lexv[2 * v];
    }
    if (n != strlen(form) || n == 0) { /* too long for buf: the form itself */
        return form;
    }
    size_t kmax = n < 6 ? n : 6;
    for (int c = lemma_is_cap(form); c >= 0; c--) {
        for (size_t k = kmax + 1; k-- > 0;) {
            if (!kv_get(&m->rules, lemma_rule_key(tag, buf + n - k, k, c), &v)) continue;
            size_t strip = (v >> 24) & 0x7F, off = v & 0xFFFFFF;
            if (strip > k) continue;
            const char *app = m->pool + off;
            size_t al = strlen(app);
            if (v >> 31 || is_propn(m, tag)) memcpy(buf, form, n + 1);
            /* a strip point inside a UTF-8 sequence ("\u00b4m" with the rule of "'m") would
            ** leave half a character: keep the word */
            if (n - strip + al + 1 > cap || ((unsigned char)buf[n - strip] & 0xC0) == 0x80) return buf;
            memcpy(buf + n - strip, app, al + 1);
            if (!buf[0]) memcpy(buf, form, n + 1);
            return buf;
        }
    }
    if (is_propn(m, tag)) memcpy(buf, form, n + 1);   /* no rule: a proper noun keeps its form */
    return buf;
}
