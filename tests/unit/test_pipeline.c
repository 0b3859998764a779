/* test_pipeline.c: the engine/doc driver with a dictionary set of the
** caller's (borrowed, not freed by the engine), without a model (parses
** given: dyad_doc_code_parsed), per-doc coding options, and, with the
** committed model, one-sentence articles and DYAD_DOC_PARSE. Dictionaries
** are written here (legacy PETRARCH-1 format). */
#include "dyad.h"
#include "harness.h"
#include <unistd.h>

static char dir[256];

static void put(const char *name, const char *text) {
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    if (f) { fputs(text, f); fclose(f); }
}

static dyad_dicts *make_dicts(void) {
    snprintf(dir, sizeof dir, "/tmp/dyad_test_pipeline.%d", (int)getpid());
    char cmd[300];
    snprintf(cmd, sizeof cmd, "mkdir -p %s", dir);
    if (system(cmd) != 0) return NULL;
    put("verbs.txt", "--- INVADE [192] ---\nINVADE\n\n--- PRAISE [051] ---\nPRAISE\n");
    put("actors.txt", "GERMANY [DEU]\nFRANCE [FRA]\n");
    dyad_dicts *d = dyad_dicts_new(0);
    char p[512];
    int ok = d != NULL;
    snprintf(p, sizeof p, "%s/verbs.txt", dir);
    ok = ok && dyad_dicts_add_file(d, p, DYAD_DK_VERBS_LEGACY) == DYAD_OK;
    snprintf(p, sizeof p, "%s/actors.txt", dir);
    ok = ok && dyad_dicts_add_file(d, p, DYAD_DK_ACTORS) == DYAD_OK;
    ok = ok && dyad_dicts_freeze(d) == DYAD_OK;
    if (!ok) { dyad_dicts_free(d); return NULL; }
    return d;
}

static void article(dyad_article *a, const char *text) {
    memset(a, 0, sizeof *a);
    a->id = "t1";
    a->date = "2015-08-13";
    a->title = a->source = "";
    a->text = text;
    a->text_len = strlen(text);
    a->file = "test";
}

/* the doc's events as "SRC|TGT|CODE;..." */
static const char *events(const dyad_doc *d) {
    static char out[1024];
    out[0] = 0;
    for (size_t i = 0; i < dyad_doc_nevents(d); i++) {
        const dyad_coded *e = dyad_doc_event(d, i);
        size_t k = strlen(out);
        snprintf(out + k, sizeof out - k, "%s%s|%s|%s", i ? ";" : "", e->source, e->target, e->code);
    }
    return out;
}

static void given_parses(dyad_dicts *dicts) {
    dyad_engine_opts eo;
    dyad_engine_opts_default(&eo);
    eo.dicts = dicts;
    eo.no_model = 1;
    eo.coder = DYAD_CODER_P1;
    dyad_engine *e = NULL;
    char err[256];
    CHECK(dyad_engine_open(&eo, &e, err, sizeof err) == DYAD_OK);
    if (!e) return;
    CHECK(dyad_engine_dicts(e) == dicts);
    dyad_doc *d = dyad_doc_new(e);
    dyad_sentence *s = dyad_sentence_new();
    dyad_phrases *ps = dyad_phrases_new();
    CHECK(d && s && ps);
    dyad_article a;
    article(&a, "Germany invaded France.");
    /* raw text needs the model the engine has not loaded: an article error */
    CHECK(dyad_doc_code(d, &a) == DYAD_OK);
    CHECK(dyad_doc_error(d) && strstr(dyad_doc_error(d), "no parser model"));
    CHECK(dyad_doc_code_parsed(d, &a, s, ps, DYAD_DOC_PARSE) == DYAD_OK && dyad_doc_error(d));
    const char *gif = "(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France))) (. .)))";
    CHECK(dyad_penn_read(gif, strlen(gif), s, ps, err, sizeof err) == DYAD_OK);
    CHECK(dyad_doc_code_parsed(d, &a, s, ps, 0) == DYAD_OK);
    CHECKF(!dyad_doc_error(d) && !strcmp(events(d), "DEU|FRA|192"), "%s", events(d));
    /* Penn tokens have no byte spans: the evidence quotes the forms */
    const dyad_coded *c = dyad_doc_event(d, 0);
    CHECK(c && !strcmp(c->source_text, "Germany") && !strcmp(c->target_text, "France") &&
          !strcmp(c->verb_text, "invaded"));
    CHECKF(c && !strcmp(c->source_entry, "actors.txt:1") && !strcmp(c->target_entry, "actors.txt:2"),
           "%s %s", c ? c->source_entry : "", c ? c->target_entry : "");
    CHECK(c && !strcmp(c->article_id, "t1") && !strcmp(c->pub_date, "2015-08-13") && c->sentence == 1);
    CHECK(dyad_doc_get_stats(d)->sentences == 1);
    /* the same sentence without its phrases: rebuilt from the UD tree */
    CHECK(dyad_doc_code_parsed(d, &a, s, NULL, 0) == DYAD_OK && !strcmp(events(d), "DEU|FRA|192"));
    /* the caller's sentence is not changed */
    CHECK(dyad_sentence_len(s) == 4 && !strcmp(dyad_sentence_tokens(s)[1].form, "invaded"));
    /* per-doc coding options: require_dyad off gives the half event */
    const char *half = "(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNS villages))) (. .)))";
    CHECK(dyad_penn_read(half, strlen(half), s, ps, err, sizeof err) == DYAD_OK);
    CHECK(dyad_doc_code_parsed(d, &a, s, ps, 0) == DYAD_OK && dyad_doc_nevents(d) == 0);
    dyad_code_opts o;
    dyad_code_opts_default(&o);
    o.require_dyad = 0;
    dyad_doc_opts dopts = {&o, 0};
    dyad_doc_set_opts(d, &dopts);
    CHECK(dyad_doc_code_parsed(d, &a, s, ps, 0) == DYAD_OK);
    CHECKF(!strcmp(events(d), "DEU|---|192"), "%s", events(d));
    dyad_doc_set_opts(d, NULL);   /* back to the engine's */
    CHECK(dyad_doc_code_parsed(d, &a, s, ps, 0) == DYAD_OK && dyad_doc_nevents(d) == 0);
    /* bad arguments and bad articles */
    CHECK(dyad_doc_code_parsed(d, &a, NULL, NULL, 0) == DYAD_EINVAL);
    a.date = "";
    CHECK(dyad_doc_code_parsed(d, &a, s, ps, 0) == DYAD_OK && dyad_doc_error(d) && dyad_doc_nevents(d) == 0);
    dyad_phrases_free(ps);
    dyad_sentence_free(s);
    dyad_doc_free(d);
    dyad_engine_free(e);   /* must not free the borrowed dictionaries */
    CHECK(dyad_dicts_nfiles(dicts) == 2);
}

static void with_model(dyad_dicts *dicts) {
    const char *mp = getenv("DYAD_MODEL");
    if (!mp || !*mp) mp = "models/en_ewt.dyadm";
    if (access(mp, R_OK) != 0) { SKIP("no parser model (make model)"); return; }
    dyad_engine_opts eo;
    dyad_engine_opts_default(&eo);
    eo.dicts = dicts;
    eo.model_path = mp;
    eo.filter = 0;
    eo.coder = DYAD_CODER_P1;
    dyad_engine *e = NULL;
    char err[256];
    CHECKF(dyad_engine_open(&eo, &e, err, sizeof err) == DYAD_OK, "%s", err);
    if (!e) return;
    dyad_doc *d = dyad_doc_new(e);
    CHECK(d != NULL);
    if (!d) { dyad_engine_free(e); return; }
    dyad_article a;
    article(&a, "Germany invaded France. France praised Germany.");
    CHECK(dyad_doc_code(d, &a) == DYAD_OK && dyad_doc_get_stats(d)->sentences == 2);
    CHECKF(!strcmp(events(d), "DEU|FRA|192;FRA|DEU|051"), "%s", events(d));
    CHECK(dyad_doc_nevents(d) == 2 && dyad_doc_event(d, 1)->sentence == 2);
    /* one_sentence: the same text is one sentence of 8 tokens */
    dyad_doc_opts o = {NULL, 1};
    dyad_doc_set_opts(d, &o);
    CHECK(dyad_doc_code(d, &a) == DYAD_OK && dyad_doc_get_stats(d)->sentences == 1);
    for (size_t i = 0; i < dyad_doc_nevents(d); i++) {
        const dyad_coded *c = dyad_doc_event(d, i);
        CHECK(c->sentence == 1 && c->sent_span.start == 0 && c->sent_span.end == a.text_len);
    }
    dyad_doc_set_opts(d, NULL);
    /* DYAD_DOC_PARSE: only the forms of the given sentence are read */
    dyad_sentence *s = dyad_sentence_new();
    const char *w[] = {"Germany", "invaded", "France", "."};
    for (int i = 0; s && i < 4; i++) {
        dyad_token t = {.form = w[i], .head = -1};
        CHECK(dyad_sentence_add(s, &t) == DYAD_OK);
    }
    article(&a, "Germany invaded France.");
    CHECK(dyad_doc_code_parsed(d, &a, s, NULL, DYAD_DOC_PARSE) == DYAD_OK);
    CHECKF(!strcmp(events(d), "DEU|FRA|192"), "%s", events(d));
    CHECK(s && dyad_sentence_tokens(s)[1].head == -1);   /* the caller's copy untouched */
    dyad_sentence_free(s);
    dyad_doc_free(d);
    dyad_engine_free(e);
}

int main(void) {
    dyad_dicts *d = make_dicts();
    CHECK(d != NULL);
    if (d) {
        given_parses(d);
        with_model(d);
    }
    dyad_dicts_free(d);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) fprintf(stderr, "cannot remove %s\n", dir);
    return TEST_END();
}
