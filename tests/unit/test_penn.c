/* test_penn.c: the Penn Treebank reader and its head-rule conversion to UD
** (docs/penn-to-ud.md): tokens, heads and relations of known trees, and the
** malformed inputs that must fail cleanly (unbalanced, empty, NUL, huge,
** deep, allocation failures). */
#include "dyad.h"
#include "harness.h"

static dyad_sentence *S;
static dyad_phrases *P;
static char err[256];

static dyad_status rd(const char *z) { return dyad_penn_read(z, strlen(z), S, P, err, sizeof err); }

/* token i (1-based) has head h and relation rel */
static int arc(int i, int h, const char *rel) {
    dyad_token *t = dyad_sentence_tokens(S);
    return t[i - 1].head == h && !strcmp(t[i - 1].deprel, rel);
}

static void show(void) {
    dyad_token *t = dyad_sentence_tokens(S);
    for (int i = 0; i < dyad_sentence_len(S); i++)
        fprintf(stderr, "  %d %s %s %d %s\n", i + 1, t[i].form, t[i].xpos, t[i].head, t[i].deprel);
}

int main(void) {
    S = dyad_sentence_new();
    P = dyad_phrases_new();
    CHECK(S && P);

    /* a transitive clause */
    CHECK(rd("(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France))) (. .)))") == DYAD_OK);
    CHECK(dyad_sentence_len(S) == 4);
    dyad_token *t = dyad_sentence_tokens(S);
    CHECK(!strcmp(t[0].form, "Germany") && !strcmp(t[0].xpos, "NNP") && !strcmp(t[0].upos, "PROPN"));
    CHECK(!strcmp(t[1].upos, "VERB") && !strcmp(t[3].upos, "PUNCT"));
    CHECK(arc(2, 0, "root") && arc(1, 2, "nsubj") && arc(3, 2, "obj") && arc(4, 2, "punct"));
    CHECK(dyad_phrases_len(P) == 9);   /* ROOT S NP NNP VP VBD NP NNP . */

    /* passive with a by-phrase; auxiliary attaches to the participle */
    CHECK(rd("(ROOT (S (NP (NNP Eriador)) (VP (VBD was) (VP (VBN opposed) (PP (IN by) (NP (NNP Osgiliath)))))))") == DYAD_OK);
    if (!(arc(3, 0, "root") && arc(1, 3, "nsubj") && arc(2, 3, "aux:pass") && arc(5, 3, "obl") && arc(4, 5, "case"))) show();
    CHECK(arc(3, 0, "root") && arc(1, 3, "nsubj") && arc(2, 3, "aux:pass") && arc(5, 3, "obl") && arc(4, 5, "case"));

    /* possessive, determiner, compound, coordination */
    CHECK(rd("( (S (NP (NP (NNP Arnor) (POS 's)) (JJ foreign) (NN minister)) (VP (VBD met) "
             "(NP (NP (NNP Gondor)) (CC and) (NP (NNP Rohan))))))") == DYAD_OK);
    if (!(arc(1, 4, "nmod:poss") && arc(2, 1, "case") && arc(3, 4, "amod") && arc(4, 5, "nsubj") &&
          arc(6, 5, "obj") && arc(7, 6, "cc") && arc(8, 6, "conj"))) show();
    CHECK(arc(1, 4, "nmod:poss") && arc(2, 1, "case") && arc(3, 4, "amod") && arc(4, 5, "nsubj"));
    CHECK(arc(6, 5, "obj") && arc(7, 6, "cc") && arc(8, 6, "conj"));

    /* modal + infinitive complement + PP object */
    CHECK(rd("(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB try) (S (VP (TO to) (VP (VB help) (NP (NNP Gondor)))))))))") == DYAD_OK);
    if (!(arc(3, 0, "root") && arc(2, 3, "aux") && arc(5, 3, "xcomp") && arc(4, 5, "mark") && arc(6, 5, "obj"))) show();
    CHECK(arc(3, 0, "root") && arc(2, 3, "aux") && arc(5, 3, "xcomp") && arc(4, 5, "mark") && arc(6, 5, "obj"));

    /* every token has a head in range and exactly one root */
    {
        int roots = 0, ok = 1;
        for (int i = 0; i < dyad_sentence_len(S); i++) {
            int h = dyad_sentence_tokens(S)[i].head;
            if (h == 0) roots++;
            if (h < 0 || h > dyad_sentence_len(S) || h == i + 1) ok = 0;
        }
        CHECK(ok && roots == 1);
    }

    /* malformed input: clean errors with an offset, never a crash */
    CHECK(rd("(ROOT (S (NP (NNP Arnor)) (VP (VBD left)))") == DYAD_EPARSE);
    CHECKF(strstr(err, "unbalanced") != NULL, "%s", err);
    CHECK(rd("(ROOT (S (NP (NNP Arnor))) (VP (VBD left))))") == DYAD_EPARSE);
    CHECK(rd("(ROOT (S (NP (NNP Arnor)))) )") == DYAD_EPARSE);
    CHECK(rd("") == DYAD_EPARSE);
    CHECK(rd("   \n ") == DYAD_EPARSE);
    CHECK(rd("()") == DYAD_EPARSE);
    CHECK(rd("Arnor left") == DYAD_EPARSE);
    CHECK(rd("(ROOT (S)) (ROOT (S (NN a)))") == DYAD_EPARSE);
    CHECK(dyad_penn_read("(ROOT (NN a\0b))", 15, S, P, err, sizeof err) == DYAD_EPARSE);
    CHECK(dyad_penn_read("(A b)", 5, S, NULL, NULL, 0) == DYAD_OK);   /* no phrases, no err buffer */
    {
        /* deep nesting and huge input hit the limits */
        size_t n = 2000;
        char *deep = malloc(2 * n + 16);
        size_t k = 0;
        for (size_t i = 0; i < n; i++) deep[k++] = '(', deep[k++] = 'X';
        deep[k] = 0;
        CHECK(dyad_penn_read(deep, k, S, P, err, sizeof err) == DYAD_ELIMIT);
        free(deep);
        size_t big = (4u << 20) + 10;
        char *huge = malloc(big);
        memset(huge, ' ', big);
        huge[0] = '(';
        CHECK(dyad_penn_read(huge, big, S, P, err, sizeof err) == DYAD_ELIMIT);
        free(huge);
    }
    /* the sentence is reusable after an error */
    CHECK(rd("(ROOT (S (NP (NNP Gondor)) (VP (VBD left))))") == DYAD_OK && dyad_sentence_len(S) == 2);

    /* allocation failures: an error status, never a crash or leak */
    {
        const char *z = "(ROOT (S (NP (DT The) (NNS rebels) (PP (IN from) (NP (NNP Syria)))) (VP (VBD attacked) (NP (NNP France))) (. .)))";
        int failed = 0, ok = 0;
        for (long k = 1; k < 80; k++) {
            dyad_sentence *s2 = dyad_sentence_new();
            dyad_phrases *p2 = dyad_phrases_new();
            if (s2 && p2) {
                dyad_alloc_fail_after(k);
                dyad_status st = dyad_penn_read(z, strlen(z), s2, p2, err, sizeof err);
                dyad_alloc_fail_after(0);
                if (st == DYAD_NOMEM) failed++;
                else if (st == DYAD_OK) ok++;
            }
            dyad_sentence_free(s2);
            dyad_phrases_free(p2);
        }
        CHECKF(failed > 0 && ok > 0, "failed=%d ok=%d", failed, ok);
    }
    dyad_phrases_free(NULL);
    dyad_sentence_free(S);
    dyad_phrases_free(P);
    return TEST_END();
}
