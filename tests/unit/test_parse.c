/* test_parse.c: the committed model: loading and corruption (truncated,
** flipped, checksum-valid garbage), parser invariants (one root, a tree,
** every token attached), the news-attribution golden set, odd input, and
** the accuracy floor on UD English EWT dev (skipped without ../shared). */
#include "dyad.h"
#include "harness.h"
#include <unistd.h>
#include <zlib.h>

/* Floors: the figures reached on EWT dev by the committed model, minus 0.3. */
#define DEV_UPOS_FLOOR 95.19
#define DEV_LAS_FLOOR 82.00
#define DEV_UAS_FLOOR 85.28

static const char *model_path(void) {
    const char *p = getenv("DYAD_MODEL");
    return p && *p ? p : "models/en_ewt.dyadm";
}

static unsigned char *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc((size_t)sz + 1);
    *n = fread(b, 1, (size_t)sz, f);
    fclose(f);
    return b;
}

static void spit(const char *path, const unsigned char *b, size_t n) {
    FILE *f = fopen(path, "wb");
    fwrite(b, 1, n, f);
    fclose(f);
}

static dyad_sentence *words(const char *text) {
    dyad_sentence *s = dyad_sentence_new();
    dyad_conllu *r;
    int got;
    if (dyad_conllu_open_mem(text, strlen(text), "t", DYAD_CONLLU_TEXT, &r) == DYAD_OK) {
        dyad_conllu_next(r, s, &got);
        dyad_conllu_close(r);
    }
    return s;
}

/* One root, heads in range, no cycle, every token attached with a relation. */
static int invariants(dyad_sentence *s) {
    int n = dyad_sentence_len(s);
    dyad_token *t = dyad_sentence_tokens(s);
    if (dyad_sentence_check_tree(s) != DYAD_OK) return 0;
    for (int i = 0; i < n; i++) {
        if (t[i].head < 0 || !t[i].deprel || !strcmp(t[i].deprel, "_")) return 0;
        if ((t[i].head == 0) != !strcmp(t[i].deprel, "root")) return 0;
        if (!t[i].upos || !strcmp(t[i].upos, "_") || !t[i].lemma || !t[i].lemma[0]) return 0;
    }
    return 1;
}

static void corruption(const char *path) {
    size_t n;
    unsigned char *img = slurp(path, &n);
    char tmp[] = "/tmp/dyad_model_XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0 || !img) { CHECK(0); free(img); return; }
    close(fd);
    dyad_model *m;
    char err[256];
    size_t cuts[] = {0, 1, 8, 31, 32, 33, 100, n / 2, n - 8, n - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        spit(tmp, img, cuts[i]);
        dyad_status st = dyad_model_load(tmp, &m, err, sizeof err);
        CHECKF(st == DYAD_ECORRUPT && m == NULL && strstr(err, tmp), "truncated to %zu: %d %s", cuts[i], st, err);
    }
    /* flipped bytes: magic, version, size, checksum, payload */
    size_t pos[] = {0, 7, 8, 16, 24, 40, 1000, n / 3, n / 2 + 13, n - 1};
    for (size_t i = 0; i < sizeof pos / sizeof pos[0]; i++) {
        img[pos[i]] ^= 0x5a;
        spit(tmp, img, n);
        dyad_status st = dyad_model_load(tmp, &m, err, sizeof err);
        CHECKF(st == DYAD_ECORRUPT && m == NULL, "byte %zu flipped: %d %s", pos[i], st, err);
        img[pos[i]] ^= 0x5a;
    }
    /* flips with a recomputed checksum: load may fail (ECORRUPT) or succeed,
    ** and parsing with whatever loads must not crash (ASan checks that) */
    unsigned seed = 12345;
    int loaded = 0, refused = 0;
    dyad_sentence *s = words("Rebels attacked the town , the army said .");
    for (int k = 0; k < 40; k++) {
        seed = seed * 1103515245u + 12345u;
        size_t p = 32 + (size_t)(seed >> 4) % (k < 20 ? 4096 : n - 32);
        unsigned char old = img[p];
        img[p] ^= (unsigned char)(1u << (seed % 8));
        uint32_t crc = (uint32_t)crc32(0L, img + 32, (uInt)(n - 32));
        unsigned char save[4];
        memcpy(save, img + 24, 4);
        memcpy(img + 24, &crc, 4);
        spit(tmp, img, n);
        dyad_status st = dyad_model_load(tmp, &m, err, sizeof err);
        if (st == DYAD_OK) { loaded++; dyad_parse_sentence(m, s); dyad_model_free(m); }
        else { refused++; CHECKF(st == DYAD_ECORRUPT, "status %d", st); }
        img[p] = old;
        memcpy(img + 24, save, 4);
    }
    CHECKF(loaded + refused == 40 && refused > 0, "%d loaded, %d refused", loaded, refused);
    CHECK(dyad_model_load("/nonexistent/model", &m, err, sizeof err) == DYAD_EIO && m == NULL);
    CHECK(dyad_model_load("/tmp", &m, err, sizeof err) != DYAD_OK && m == NULL);
    dyad_sentence_free(s);
    remove(tmp);
    free(img);
}

static int find(dyad_sentence *s, const char *form) {
    int n = dyad_sentence_len(s);
    for (int i = 0; i < n; i++) if (!strcmp(dyad_sentence_tokens(s)[i].form, form)) return i + 1;
    return 0;
}

static void golden(const dyad_model *m) {
    FILE *f = fopen("tests/data/parse/attribution.tsv", "r");
    CHECK(f != NULL);
    if (!f) return;
    char line[1024];
    int total = 0, good = 0, past = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        line[strcspn(line, "\n")] = 0;
        char *ev = line, *rv = strchr(ev, '\t');
        if (!rv) continue;
        *rv++ = 0;
        char *text = strchr(rv, '\t');
        if (!text) continue;
        *text++ = 0;
        dyad_sentence *s = words(text);
        CHECK(dyad_parse_sentence(m, s) == DYAD_OK);
        CHECKF(invariants(s), "%s", text);
        int e = find(s, ev), r = find(s, rv);
        dyad_token *t = dyad_sentence_tokens(s);
        int ok = e && r &&
                 ((t[e - 1].head == r && (!strcmp(t[e - 1].deprel, "ccomp") || !strcmp(t[e - 1].deprel, "parataxis")))
                  || (t[r - 1].head == e && !strcmp(t[r - 1].deprel, "parataxis")));
        if (!ok) fprintf(stderr, "attribution missed: %s (%s %d %s; %s %d %s)\n", text, ev,
                         e ? t[e - 1].head : -9, e ? t[e - 1].deprel : "?", rv, r ? t[r - 1].head : -9,
                         r ? t[r - 1].deprel : "?");
        /* the reporting verb is tagged as a past-tense verb */
        int vbd = r && !strcmp(t[r - 1].xpos, "VBD") && !strcmp(t[r - 1].upos, "VERB");
        if (!vbd) fprintf(stderr, "attribution verb not VBD: %s: %s tagged %s\n", text, rv, r ? t[r - 1].xpos : "?");
        past += vbd;
        total++;
        good += ok;
        dyad_sentence_free(s);
    }
    fclose(f);
    /* the committed model misses 2 of 25 (reduced-relative readings of
    ** "the two sides signed ..." and "the two leaders met ..."; docs/parser.md) */
    CHECKF(total >= 20 && good >= total - 2, "attributions: %d of %d", good, total);
    /* feature set 5 tags "the foreign ministry announced/VBN on Friday" (its
    ** taggers learn from EWT only, where such tails are rare): one miss allowed */
    CHECKF(past >= total - 1, "reporting verbs tagged VBD: %d of %d", past, total);
    /* a nationality adjective before the subject keeps its capital (it was
    ** "gBelgian" until 2026-12-07). This model reads "arrested" as a
    ** participle modifying "protesters" (the EWT + GUM model of `make
    ** model-gum` as the root verb: docs/parser.md) */
    {
        dyad_sentence *g = words("Georgian police arrested 40 protesters .");
        CHECK(dyad_parse_sentence(m, g) == DYAD_OK && invariants(g));
        CHECKF(!strcmp(dyad_sentence_tokens(g)[0].lemma, "Georgian"), "lemma of Georgian: %s",
               dyad_sentence_tokens(g)[0].lemma);
        dyad_sentence_free(g);
    }
    /* lemmas of dictionary forms */
    dyad_sentence *s = words("Rebels were attacking villages and killed two soldiers in clashes .");
    CHECK(dyad_parse_sentence(m, s) == DYAD_OK);
    const char *want[] = {"rebel", "be", "attack", "village", "and", "kill", "two", "soldier", "in", "clash", "."};
    for (int i = 0; i < 11; i++)
        CHECKF(!strcmp(dyad_sentence_tokens(s)[i].lemma, want[i]), "lemma of %s: %s", dyad_sentence_tokens(s)[i].form,
               dyad_sentence_tokens(s)[i].lemma);
    dyad_sentence_free(s);
}

static void odd(const dyad_model *m) {
    dyad_sentence *s = dyad_sentence_new();
    CHECK(dyad_parse_sentence(m, s) == DYAD_OK);     /* empty */
    dyad_token t = {0};
    t.form = "Hello"; t.head = -1;
    dyad_sentence_add(s, &t);
    CHECK(dyad_parse_sentence(m, s) == DYAD_OK && invariants(s));
    dyad_sentence_clear(s);
    char *big = malloc(20000);
    memset(big, 'x', 19999);
    big[19999] = 0;
    const char *forms[] = {"\xe2\x80\x9c", "Ça", "va", "\xf0\x9f\x98\x80", "_", big, "123,456.78", "U.S.", "--"};
    for (int k = 0; k < 300; k++) { t.form = forms[k % 9]; dyad_sentence_add(s, &t); }
    CHECK(dyad_parse_sentence(m, s) == DYAD_OK && invariants(s));
    free(big);
    /* allocation failures: an error, never a crash */
    for (long k = 1; k < 12; k++) {
        dyad_alloc_fail_after(k);
        dyad_status st = dyad_parse_sentence(m, s);
        dyad_alloc_fail_after(0);
        CHECK(st == DYAD_OK || st == DYAD_NOMEM);
    }
    dyad_sentence_free(s);
}

static void dev(const dyad_model *m) {
    const char *path = shared_path("data/ud/en_ewt/en_ewt-ud-dev.conllu");
    if (!path) { SKIP("../shared/data/ud/en_ewt absent: no accuracy floor"); return; }
    dyad_conllu *r;
    CHECK(dyad_conllu_open(path, 0, &r) == DYAD_OK);
    dyad_sentence *g = dyad_sentence_new(), *p = dyad_sentence_new();
    long tot = 0, upos = 0, las = 0, uas = 0, broken = 0;
    int got;
    while (dyad_conllu_next(r, g, &got) == DYAD_OK && got) {
        int n = dyad_sentence_len(g);
        dyad_token *gt = dyad_sentence_tokens(g);
        dyad_sentence_clear(p);
        for (int i = 0; i < n; i++) {
            dyad_token t = {0};
            t.form = gt[i].form; t.head = -1;
            dyad_sentence_add(p, &t);
        }
        dyad_parse_sentence(m, p);
        if (!invariants(p)) broken++;
        dyad_token *pt = dyad_sentence_tokens(p);
        for (int i = 0; i < n; i++) {
            tot++;
            upos += !strcmp(pt[i].upos, gt[i].upos);
            size_t a = strcspn(pt[i].deprel, ":"), b = strcspn(gt[i].deprel, ":");
            uas += pt[i].head == gt[i].head;
            las += pt[i].head == gt[i].head && a == b && !strncmp(pt[i].deprel, gt[i].deprel, a);
        }
    }
    double u = 100.0 * upos / (tot ? tot : 1), l = 100.0 * las / (tot ? tot : 1), h = 100.0 * uas / (tot ? tot : 1);
    printf("EWT dev: %ld words, UPOS %.2f, UAS %.2f, LAS %.2f\n", tot, u, h, l);
    CHECKF(tot > 25000 && broken == 0, "%ld words, %ld sentences break the invariants", tot, broken);
    CHECKF(u >= DEV_UPOS_FLOOR, "UPOS %.2f below floor %.2f", u, DEV_UPOS_FLOOR);
    CHECKF(l >= DEV_LAS_FLOOR, "LAS %.2f below floor %.2f", l, DEV_LAS_FLOOR);
    CHECKF(h >= DEV_UAS_FLOOR, "UAS %.2f below floor %.2f", h, DEV_UAS_FLOOR);
    dyad_sentence_free(g); dyad_sentence_free(p);
    dyad_conllu_close(r);
}

int main(void) {
    dyad_model *m = NULL;
    char err[256];
    dyad_status st = dyad_model_load(model_path(), &m, err, sizeof err);
    CHECKF(st == DYAD_OK, "%s", err);
    if (st == DYAD_OK) {
        corruption(model_path());
        golden(m);
        odd(m);
        dev(m);
    }
    dyad_model_free(m);
    return TEST_END();
}
