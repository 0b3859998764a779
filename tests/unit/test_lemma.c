/* test_lemma.c: the lemmatizer's suffix rules on words the lexicon does not
** know. A tiny treebank written here (nationality adjectives, proper nouns,
** plural nouns, past-tense verbs) trains a model; lemma_of must then keep
** the capitals of unknown nationality adjectives and proper nouns, lowercase
** common words, and never rewrite more than the suffix a rule matched. (A
** rule learned from "Belgian" -> "Belgian" once compared the lowercased form
** with the lemma and became "strip 7, append Belgian": "Georgian" came out
** "gBelgian", "Indonesian" "indonAsian".) Then the same words through the
** committed model (skipped when absent). */
#include "dyad.h"
#include "harness.h"
#include "model.h"
#include <unistd.h>

typedef struct w { const char *form, *lemma, *upos, *xpos; } w;

/* "The ADJ envoy arrived ." */
static const w adjs[] = {
    {"Belgian", "Belgian", "ADJ", "JJ"}, {"Asian", "Asian", "ADJ", "JJ"}, {"Italian", "Italian", "ADJ", "JJ"},
    {"Canadian", "Canadian", "ADJ", "JJ"}, {"Indian", "Indian", "ADJ", "JJ"}, {"Egyptian", "Egyptian", "ADJ", "JJ"},
    {"Collegian", "Collegian", "ADJ", "JJ"}, {"Syrian", "Syrian", "ADJ", "JJ"}, {"Iranian", "Iranian", "ADJ", "JJ"},
    {"Russian", "Russian", "ADJ", "JJ"}, {"Kenyan", "Kenyan", "ADJ", "JJ"}, {"Chinese", "Chinese", "ADJ", "JJ"},
    {"Best", "good", "ADJ", "JJS"}, {"new", "new", "ADJ", "JJ"}, {"old", "old", "ADJ", "JJ"},
    {"small", "small", "ADJ", "JJ"}, {"Large", "large", "ADJ", "JJ"}, {"Great", "great", "ADJ", "JJ"},
    {"Long", "long", "ADJ", "JJ"}, {"Young", "young", "ADJ", "JJ"},
};
/* "NNP visited NNP ." and "NNS attacked NNS ." */
static const w nnps[] = {
    {"Smith", "Smith", "PROPN", "NNP"}, {"Paris", "Paris", "PROPN", "NNP"}, {"Brussels", "Brussels", "PROPN", "NNP"},
    {"Obama", "Obama", "PROPN", "NNP"}, {"Kabul", "Kabul", "PROPN", "NNP"}, {"Moscow", "Moscow", "PROPN", "NNP"},
    {"Jones", "Jones", "PROPN", "NNP"}, {"Tehran", "Tehran", "PROPN", "NNP"}, {"Damascus", "Damascus", "PROPN", "NNP"},
    {"Cairo", "Cairo", "PROPN", "NNP"},
};
static const w nnss[] = {
    {"Rebels", "rebel", "NOUN", "NNS"}, {"villages", "village", "NOUN", "NNS"}, {"Soldiers", "soldier", "NOUN", "NNS"},
    {"towns", "town", "NOUN", "NNS"}, {"Leaders", "leader", "NOUN", "NNS"}, {"talks", "talk", "NOUN", "NNS"},
    {"Officials", "official", "NOUN", "NNS"}, {"cities", "city", "NOUN", "NNS"}, {"Militants", "militant", "NOUN", "NNS"},
    {"bases", "base", "NOUN", "NNS"},
};

static void sent3(FILE *f, const char *a, const char *al, const char *au, const char *ax, const char *v,
                  const char *vl, const char *b, const char *bl, const char *bu, const char *bx) {
    fprintf(f, "1\t%s\t%s\t%s\t%s\t_\t2\tnsubj\t_\t_\n", a, al, au, ax);
    fprintf(f, "2\t%s\t%s\tVERB\tVBD\t_\t0\troot\t_\t_\n", v, vl);
    fprintf(f, "3\t%s\t%s\t%s\t%s\t_\t2\tobj\t_\t_\n", b, bl, bu, bx);
    fprintf(f, "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
}

static void write_treebank(FILE *f) {
    static const char *verbs[][2] = {{"attacked", "attack"}, {"visited", "visit"}, {"arrested", "arrest"},
                                     {"killed", "kill"}, {"warned", "warn"}, {"praised", "praise"}};
    for (int rep = 0; rep < 3; rep++) {
        for (size_t i = 0; i < sizeof adjs / sizeof *adjs; i++) {
            const w *a = &adjs[i];
            fprintf(f, "1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\t_\n");
            fprintf(f, "2\t%s\t%s\t%s\t%s\t_\t3\tamod\t_\t_\n", a->form, a->lemma, a->upos, a->xpos);
            fprintf(f, "3\tenvoy\tenvoy\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n");
            fprintf(f, "4\tarrived\tarrive\tVERB\tVBD\t_\t0\troot\t_\t_\n");
            fprintf(f, "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
        }
        for (size_t i = 0; i < sizeof nnps / sizeof *nnps; i++) {
            const w *a = &nnps[i], *b = &nnps[(i + 3) % 10];
            sent3(f, a->form, a->lemma, a->upos, a->xpos, verbs[i % 6][0], verbs[i % 6][1], b->form, b->lemma,
                  b->upos, b->xpos);
        }
        for (size_t i = 0; i < sizeof nnss / sizeof *nnss; i++) {
            const w *a = &nnss[i], *b = &nnss[(i + 1) % 10];
            const char *bf = b->form, *bl = b->lemma;
            char low[32];
            lemma_lower(bf, low, sizeof low);   /* objects in lowercase */
            sent3(f, a->form, a->lemma, a->upos, a->xpos, verbs[(i + 1) % 6][0], verbs[(i + 1) % 6][1], low, bl,
                  b->upos, b->xpos);
        }
    }
}

static int tag_of(const dyad_model *m, const char *upos, const char *xpos) {
    for (int i = 0; i < m->ntag; i++)
        if (!strcmp(m->tags[i].upos, upos) && !strcmp(m->tags[i].xpos, xpos)) return i;
    return -1;
}

/* The lemma of an unknown word differs from the form (compared in lowercase)
** in the last 6 bytes at most: the longest suffix a rule matches. */
static int suffix_only(const char *form, const char *lemma) {
    size_t n = strlen(form), i = 0;
    while (i < n && lemma[i] && (form[i] | 32) == (lemma[i] | 32)) i++;
    return n - i <= 6;
}

static void expect(const dyad_model *m, const char *form, const char *upos, const char *xpos, const char *want) {
    int tag = tag_of(m, upos, xpos);
    CHECKF(tag >= 0, "no class %s/%s", upos, xpos);
    if (tag < 0) return;
    char buf[256];
    const char *feats;
    const char *got = lemma_of(m, form, tag, buf, sizeof buf, &feats);
    CHECKF(!strcmp(got, want), "lemma of %s/%s: %s (want %s)", form, xpos, got, want);
    CHECKF(suffix_only(form, got), "lemma of %s/%s rewrote more than a suffix: %s", form, xpos, got);
}

static void trained(void) {
    char tb[] = "/tmp/dyad_lemma_tb_XXXXXX", mp[] = "/tmp/dyad_lemma_m_XXXXXX";
    int fd = mkstemp(tb), fd2 = mkstemp(mp);
    CHECK(fd >= 0 && fd2 >= 0);
    if (fd < 0 || fd2 < 0) return;
    close(fd2);
    FILE *f = fdopen(fd, "w");
    write_treebank(f);
    fclose(f);
    dyad_train_opts o;
    memset(&o, 0, sizeof o);
    o.tag_epochs = 1; o.parse_epochs = 1; o.folds = 2;
    char err[256] = "";
    dyad_status st = dyad_train(tb, NULL, mp, &o, err, sizeof err);
    CHECKF(st == DYAD_OK, "train: %s", err);
    dyad_model *m = NULL;
    if (st == DYAD_OK) CHECKF(dyad_model_load(mp, &m, err, sizeof err) == DYAD_OK, "%s", err);
    if (m) {
        /* known words: the lexicon */
        expect(m, "Belgian", "ADJ", "JJ", "Belgian");
        expect(m, "Best", "ADJ", "JJS", "good");
        /* unknown nationality adjectives keep their capital, whatever they end in */
        const char *nat[] = {"Georgian", "Brazilian", "Indonesian", "Australian", "Nigerian", "Norwegian",
                             "Ruritanian", "Malaysian", "Palestinian", "Ukrainian", "Armenian", "Fijian"};
        for (size_t i = 0; i < sizeof nat / sizeof *nat; i++) expect(m, nat[i], "ADJ", "JJ", nat[i]);
        /* capitalised common adjectives (sentence-initial) lowercase, as "Long", "Young" */
        expect(m, "Strong", "ADJ", "JJ", "strong");
        /* proper nouns keep their form: known, unknown, ending like a plural */
        expect(m, "Paris", "PROPN", "NNP", "Paris");
        const char *nnp[] = {"Georgia", "Tbilisi", "Saakashvili", "Indonesia", "Brazil", "Belgium", "Athens",
                             "Wales", "Texas", "McDonald", "NATO", "iPhone"};
        for (size_t i = 0; i < sizeof nnp / sizeof *nnp; i++) expect(m, nnp[i], "PROPN", "NNP", nnp[i]);
        /* plural nouns and past tenses: lowercase lemma, the suffix rewritten */
        expect(m, "protesters", "NOUN", "NNS", "protester");
        expect(m, "Protesters", "NOUN", "NNS", "protester");
        expect(m, "detained", "VERB", "VBD", "detain");
        dyad_model_free(m);
    }
    remove(tb);
    remove(mp);
}

static const char *model_path(void) {
    const char *p = getenv("DYAD_MODEL");
    return p && *p ? p : "models/en_ewt.dyadm";
}

/* The committed model: the same words in sentences, tagged by the model. */
static void committed(void) {
    dyad_model *m = NULL;
    char err[256];
    if (access(model_path(), R_OK) != 0) { SKIP("no committed model"); return; }
    CHECKF(dyad_model_load(model_path(), &m, err, sizeof err) == DYAD_OK, "%s", err);
    if (!m) return;
    static const char *const text[][2] = {
        {"Georgian police arrested 40 protesters .", "Georgian"},
        {"The Belgian , Brazilian and Indonesian envoys met .", "Belgian Brazilian Indonesian"},
        {"Ruritanian and Freedonian troops clashed near the border .", "Ruritanian Freedonian"},
        {"Saakashvili met Tymoshenko in Tbilisi .", "Saakashvili Tymoshenko Tbilisi"},
    };
    for (size_t k = 0; k < sizeof text / sizeof *text; k++) {
        dyad_sentence *s = dyad_sentence_new();
        dyad_conllu *r;
        int got;
        CHECK(dyad_conllu_open_mem(text[k][0], strlen(text[k][0]), "t", DYAD_CONLLU_TEXT, &r) == DYAD_OK);
        dyad_conllu_next(r, s, &got);
        dyad_conllu_close(r);
        CHECK(dyad_parse_sentence(m, s) == DYAD_OK);
        dyad_token *t = dyad_sentence_tokens(s);
        for (int i = 0; i < dyad_sentence_len(s); i++) {
            CHECKF(suffix_only(t[i].form, t[i].lemma), "%s: lemma %s", t[i].form, t[i].lemma);
            /* the words named keep their form (the EWT-only model of 2026-11-30,
            ** with no rules for capitalised forms, gave "georgian") */
            const char *p = strstr(text[k][1], t[i].form);
            size_t l = strlen(t[i].form);
            if (p && (p[l] == ' ' || !p[l]))
                CHECKF(!strcmp(t[i].lemma, t[i].form), "lemma of %s (%s): %s", t[i].form, t[i].upos, t[i].lemma);
        }
        dyad_sentence_free(s);
    }
    dyad_model_free(m);
}

int main(void) {
    trained();
    committed();
    return TEST_END();
}
