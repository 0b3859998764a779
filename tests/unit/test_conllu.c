/* test_conllu.c: the CoNLL-U reader and writer: a round trip over all of UD
** English EWT (when ../shared is present) and every malformed-input case. */
#include "dyad.h"
#include "harness.h"

/* Read buf; return the status of the first next() and the sentence length. */
static dyad_status read1(const char *buf, int mode, dyad_sentence *s, int *got, char *msg, size_t cap) {
    dyad_conllu *r;
    dyad_status st = dyad_conllu_open_mem(buf, strlen(buf), "t.conllu", mode, &r);
    if (st) return st;
    st = dyad_conllu_next(r, s, got);
    snprintf(msg, cap, "%s", dyad_conllu_errmsg(r));
    dyad_conllu_close(r);
    return st;
}

#define L(id, form, head, rel) id "\t" form "\t" form "\tX\tX\t_\t" head "\t" rel "\t_\t_\n"

static void errors(void) {
    dyad_sentence *s = dyad_sentence_new();
    char msg[600];
    int got;
    /* a good sentence with comments, an MWT line, an empty node, CRLF */
    const char *good = "# newdoc id = x\r\n# sent_id = s1\r\n# text = don't go\r\n"
                       "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\r\n"
                       L("1", "do", "3", "aux") L("2", "n't", "3", "advmod") L("3", "go", "0", "root")
                       "2.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t0:root\t_\n\r\n";
    CHECK(read1(good, 0, s, &got, msg, sizeof msg) == DYAD_OK && got == 1);
    CHECK(dyad_sentence_len(s) == 3);
    CHECK(dyad_sentence_id(s) && !strcmp(dyad_sentence_id(s), "s1"));
    CHECK(dyad_sentence_text(s) && !strcmp(dyad_sentence_text(s), "don't go"));
    CHECK(!strcmp(dyad_sentence_tokens(s)[0].form, "do") && dyad_sentence_tokens(s)[0].head == 3);
    CHECK(!strcmp(dyad_sentence_tokens(s)[2].misc, "_"));
    CHECK(dyad_sentence_check_tree(s) == DYAD_OK);
    static const struct { const char *in; const char *want; } bad[] = {
        {L("1", "a", "2", "x") L("2", "b", "1", "y") "\n", "cycle"},
        {L("1", "a", "0", "root") L("2", "b", "7", "y") "\n", "out of range"},
        {L("1", "a", "0", "root") L("3", "b", "1", "y") "\n", "IDs"},
        {L("1", "a", "0", "root") "2\tb\tb\tX\n\n", "10 tab-separated"},
        {L("1", "a", "0", "root") L("2", "b", "_", "y") "\n", "some heads"},
        {L("1", "a", "x", "root") "\n", "bad HEAD"},
        {L("1", "a\xff", "0", "root") "\n", "invalid UTF-8"},
        {L("1", "a\xc0\xaf", "0", "root") "\n", "invalid UTF-8"},
        {L("1", "a", "0", "root") "\n" "x\n", "10 tab-separated"},
        {"# only a comment\n\n", "without words"},
        {L("1", "", "0", "root") "\n", "empty column"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dyad_status st = read1(bad[i].in, 0, s, &got, msg, sizeof msg);
        int skipped_ok = 0;
        if (i == 8) skipped_ok = 1;  /* first sentence fine, error on the next */
        if (skipped_ok) { CHECKF(st == DYAD_OK && got, "case %zu", i); continue; }
        CHECKF(st == DYAD_EPARSE && !got, "case %zu: status %d", i, st);
        CHECKF(strstr(msg, bad[i].want) && !strncmp(msg, "t.conllu:", 9), "case %zu: '%s'", i, msg);
        CHECK(dyad_sentence_len(s) == 0);
    }
    /* NUL byte (needs an explicit length) and recovery: the next sentence is read */
    {
        char buf[256];
        const char *a = L("1", "a", "0", "root");
        size_t n = strlen(a);
        memcpy(buf, a, n);
        buf[3] = '\0';
        memcpy(buf + n, "\n" L("1", "ok", "0", "root") "\n", strlen("\n" L("1", "ok", "0", "root") "\n") + 1);
        dyad_conllu *r;
        CHECK(dyad_conllu_open_mem(buf, n + strlen(buf + n), "nul", 1, &r) == DYAD_OK);
        dyad_status st = dyad_conllu_next(r, s, &got);
        CHECKF(st == DYAD_EPARSE && strstr(dyad_conllu_errmsg(r), "nul:1: NUL"), "%s", dyad_conllu_errmsg(r));
        st = dyad_conllu_next(r, s, &got);
        CHECK(st == DYAD_OK && got && !strcmp(dyad_sentence_tokens(s)[0].form, "ok"));
        CHECK(dyad_conllu_line(r) == 3);
        st = dyad_conllu_next(r, s, &got);
        CHECK(st == DYAD_OK && !got);
        dyad_conllu_close(r);
    }
    /* a huge line */
    {
        size_t n = (1u << 20) + 100;
        char *big = malloc(n + 64);
        memset(big, 'a', n);
        memcpy(big + n, "\n\n", 3);
        dyad_conllu *r;
        CHECK(dyad_conllu_open_mem(big, strlen(big), "big", 1, &r) == DYAD_OK);
        CHECK(dyad_conllu_next(r, s, &got) == DYAD_EPARSE && strstr(dyad_conllu_errmsg(r), "big:1: line longer"));
        CHECK(dyad_conllu_next(r, s, &got) == DYAD_OK && !got);
        dyad_conllu_close(r);
        free(big);
    }
    /* empty input, blank lines only, missing final newline */
    CHECK(read1("", 0, s, &got, msg, sizeof msg) == DYAD_OK && !got);
    CHECK(read1("\n\n\r\n", 1, s, &got, msg, sizeof msg) == DYAD_OK && !got);
    CHECK(read1("1\ta\ta\tX\tX\t_\t0\troot\t_\t_", 0, s, &got, msg, sizeof msg) == DYAD_OK && got);
    /* heads "_" = unattached */
    CHECK(read1(L("1", "a", "_", "_") L("2", "b", "_", "_"), 0, s, &got, msg, sizeof msg) == DYAD_OK && got
          && dyad_sentence_tokens(s)[1].head == -1);
    CHECK(dyad_sentence_check_tree(s) == DYAD_EPARSE);
    /* tokenized text, auto-detected */
    CHECK(read1("\n  Rebels attacked\tthe town .\n", 0, s, &got, msg, sizeof msg) == DYAD_OK && got);
    CHECK(dyad_sentence_len(s) == 5 && !strcmp(dyad_sentence_tokens(s)[4].form, ".")
          && dyad_sentence_tokens(s)[0].head == -1);
    CHECK(read1("1 2 3\n", 0, s, &got, msg, sizeof msg) == DYAD_OK && dyad_sentence_len(s) == 3);
    CHECK(read1("bad \xe2\x82 text\n", 2, s, &got, msg, sizeof msg) == DYAD_EPARSE && strstr(msg, "UTF-8"));
    /* tree check: two roots */
    CHECK(read1(L("1", "a", "0", "root") L("2", "b", "0", "root") "\n", 0, s, &got, msg, sizeof msg) == DYAD_OK);
    CHECK(dyad_sentence_check_tree(s) == DYAD_EPARSE);
    /* missing file */
    dyad_conllu *r;
    CHECK(dyad_conllu_open("/nonexistent/x.conllu", 0, &r) == DYAD_EIO && r == NULL);
    /* allocation failures never crash */
    for (long k = 1; k < 40; k++) {
        dyad_alloc_fail_after(k);
        dyad_conllu *rr;
        if (dyad_conllu_open_mem(good, strlen(good), "a", 0, &rr) == DYAD_OK) {
            dyad_conllu_next(rr, s, &got);
            dyad_conllu_close(rr);
        }
        dyad_alloc_fail_after(0);
    }
    CHECK(1);
    dyad_sentence_free(s);
}

/* The expected output: the input minus what dyad_sentence does not keep. */
static char *expected(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 24, n = 0;
    char *out = malloc(cap);
    char line[1 << 16];
    while (fgets(line, sizeof line, f)) {
        size_t l = strlen(line);
        if (line[0] == '#') {
            if (strncmp(line, "# sent_id = ", 12) && strncmp(line, "# text = ", 9)) continue;
        } else if (line[0] != '\n') {
            char *tab = strchr(line, '\t');
            if (!tab) continue;
            if (memchr(line, '-', (size_t)(tab - line)) || memchr(line, '.', (size_t)(tab - line))) continue;
            /* blank column 9 (DEPS) */
            char *p = line; int c = 0;
            while (c < 8 && p && (p = strchr(p, '\t')) != NULL) { p++; c++; }
            char *e = p ? strchr(p, '\t') : NULL;
            if (!e) continue;
            size_t el = strlen(e);
            memmove(p + 1, e, el + 1);
            p[0] = '_';
            l = strlen(line);
        }
        if (n + l + 1 > cap) { cap *= 2; out = realloc(out, cap); }
        memcpy(out + n, line, l);
        n += l;
    }
    fclose(f);
    out[n] = 0;
    *len = n;
    return out;
}

static void roundtrip(const char *rel) {
    const char *path = shared_path(rel);
    if (!path) { SKIP("../shared/data/ud/en_ewt absent: round trip not run"); return; }
    dyad_conllu *r;
    CHECK(dyad_conllu_open(path, 0, &r) == DYAD_OK);
    char *buf = NULL; size_t len = 0;
    FILE *mf = open_memstream(&buf, &len);
    dyad_sentence *s = dyad_sentence_new();
    int got, nsent = 0, errs = 0;
    for (;;) {
        dyad_status st = dyad_conllu_next(r, s, &got);
        if (st) { errs++; fprintf(stderr, "%s\n", dyad_conllu_errmsg(r)); if (st != DYAD_EPARSE) break; continue; }
        if (!got) break;
        nsent++;
        if (dyad_sentence_check_tree(s) != DYAD_OK) errs++;
        dyad_conllu_write(mf, s);
    }
    fclose(mf);
    size_t elen;
    char *exp = expected(path, &elen);
    CHECKF(errs == 0, "%s: %d errors", rel, errs);
    CHECKF(exp && elen == len && !memcmp(exp, buf, len), "%s: round trip differs (%zu vs %zu bytes)", rel, elen, len);
    if (exp && (elen != len || memcmp(exp, buf, len))) {
        size_t i = 0;
        while (i < len && i < elen && exp[i] == buf[i]) i++;
        fprintf(stderr, "first difference at byte %zu: want '%.60s' got '%.60s'\n", i, exp + i, buf + i);
    }
    CHECKF(nsent > 1000, "%s: %d sentences", rel, nsent);
    free(exp); free(buf);
    dyad_sentence_free(s);
    dyad_conllu_close(r);
}

/* "# newdoc id = X" names the document of its sentence and the following
** ones, until the next "# newdoc" (GUM's genres: dyad parse --doc-prefix). */
static void docs(void) {
    const char *buf = "# newdoc id = GUM_news_a\n# sent_id = 1\n" L("1", "a", "0", "root") "\n"
                      "# sent_id = 2\n" L("1", "b", "0", "root") "\n"
                      "# newdoc id=GUM_bio_b\n" L("1", "c", "0", "root") "\n"
                      "# newdoc\n" L("1", "d", "0", "root") "\n"
                      "# newdocs are not new documents\n" L("1", "e", "0", "root") "\n"
                      "# newdoc   id   =   GUM_news_c\n" L("1", "f", "0", "root") "\n";
    const char *want[] = {"GUM_news_a", "GUM_news_a", "GUM_bio_b", "", "", "GUM_news_c"};
    dyad_conllu *r;
    dyad_sentence *s = dyad_sentence_new();
    int got, k = 0;
    CHECK(dyad_conllu_open_mem(buf, strlen(buf), "d", 0, &r) == DYAD_OK);
    CHECK(!strcmp(dyad_conllu_doc(r), ""));
    while (dyad_conllu_next(r, s, &got) == DYAD_OK && got) {
        CHECKF(k < 6 && !strcmp(dyad_conllu_doc(r), want[k]), "sentence %d: doc '%s'", k + 1, dyad_conllu_doc(r));
        k++;
    }
    CHECK(k == 6);
    dyad_conllu_close(r);
    CHECK(!strcmp(dyad_conllu_doc(NULL), ""));
    dyad_sentence_free(s);
}

int main(void) {
    errors();
    docs();
    roundtrip("data/ud/en_ewt/en_ewt-ud-train.conllu");
    roundtrip("data/ud/en_ewt/en_ewt-ud-dev.conllu");
    roundtrip("data/ud/en_ewt/en_ewt-ud-test.conllu");
    return TEST_END();
}
