/* test_code.c: the event coder on small dictionaries written here (legacy
** PETRARCH-1 format) and, when ../shared is present, on the production
** CAMEO.2.0 + Phoenix dictionaries (the behaviours of formats.md §0). Checks
** events, their evidence, options, the CoNLL-U (UD-only) path and errors. */
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

static dyad_coder *C;
static dyad_sentence *S;
static dyad_phrases *P;
static const dyad_event *EV;
static int NEV;
static const char *NOTE;

/* code a Penn tree; returns the events as "SRC|TGT|CODE;..." sorted as produced */
static const char *code(const char *tree, const char *date, const dyad_code_opts *o) {
    static char out[2048];
    out[0] = 0;
    char err[256];
    if (dyad_penn_read(tree, strlen(tree), S, P, err, sizeof err) != DYAD_OK) return "PARSE-ERROR";
    if (dyad_code_sentence(C, S, P, date, NULL, o, &EV, &NEV, &NOTE) != DYAD_OK) return "CODE-ERROR";
    for (int i = 0; i < NEV; i++) {
        size_t k = strlen(out);
        snprintf(out + k, sizeof out - k, "%s%s|%s|%s", i ? ";" : "", EV[i].source, EV[i].target, EV[i].code);
    }
    return out;
}

#define EXPECT(tree, date, o, want) do { const char *got_ = code(tree, date, o); \
    CHECKF(!strcmp(got_, want), "%s: got [%s] want [%s]", tree, got_, want); } while (0)

static void legacy_tests(void) {
    snprintf(dir, sizeof dir, "/tmp/dyad_test_code.%d", (int)getpid());
    char cmd[300];
    snprintf(cmd, sizeof cmd, "mkdir -p %s", dir);
    if (system(cmd) != 0) { SKIP("cannot make a temp dir"); return; }
    put("verbs.txt",
        "--- INVADE [192] ---\nINVADE\n\n"
        "--- ARREST [173] ---\nARREST\n- * POLICE [174]\n\n"
        "--- LEFT [032:033] ---\nLEFT\n\n"
        "--- RESTORE [064] ---\nRESTORE\n- * FULL_DIPLOMATIC [065]\n- WILL NOT * [081]\n\n");
    put("actors.txt",
        "GERMANY [DEU]\n+BONN\nFRANCE [FRA]\nGOLLUM\n\t[HOB <950601]\n\t[HOBGOV 19950601-19990815]\n"
        "GONDOR [GON]\nZZZLAST [ZZZ]\n");
    put("agents.txt", "POLICE {} [~COP]\nSOLDIER [~MIL]\n");
    put("discards.txt", "BASEBALL\n");
    dyad_dicts *d = dyad_dicts_new(0);
    char p[512];
    const char *names[] = {"verbs.txt", "actors.txt", "agents.txt", "discards.txt"};
    dyad_dict_kind kinds[] = {DYAD_DK_VERBS_LEGACY, DYAD_DK_ACTORS, DYAD_DK_AGENTS, DYAD_DK_DISCARDS};
    int ok = d != NULL;
    for (int i = 0; ok && i < 4; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        ok = dyad_dicts_add_file(d, p, kinds[i]) == DYAD_OK;
        if (!ok) fprintf(stderr, "%s\n", dyad_dicts_errmsg(d));
    }
    CHECK(ok && dyad_dicts_freeze(d) == DYAD_OK);
    C = dyad_coder_new(d);
    CHECK(C != NULL);
    if (!C) { dyad_dicts_free(d); return; }

    dyad_code_opts o;
    dyad_code_opts_default(&o);
    const char *gif = "(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France))) (. .)))";
    EXPECT(gif, "20150813", &o, "DEU|FRA|192");
    /* evidence: token spans and dictionary lines */
    CHECK(NEV == 1 && EV[0].src_start == 0 && EV[0].src_end == 1 && EV[0].tgt_start == 2 && EV[0].tgt_end == 3);
    CHECK(NEV == 1 && EV[0].verb_start == 1 && EV[0].verb_end == 2);
    CHECKF(NEV == 1 && !strcmp(EV[0].src_entry, "actors.txt:1") && !strcmp(EV[0].tgt_entry, "actors.txt:3"),
           "%s %s", NEV ? EV[0].src_entry : "", NEV ? EV[0].tgt_entry : "");
    CHECKF(NEV == 1 && !strcmp(EV[0].pattern, "verbs.txt:2"), "%s", NEV ? EV[0].pattern : "");
    /* synonym, passive with BY (the pair is reversed) */
    EXPECT("(ROOT (S (NP (NNP France)) (VP (VBD was) (VP (VBN invaded) (PP (IN by) (NP (NNP Bonn))))) (. .)))",
           "20150813", &o, "DEU|FRA|192");
    /* compound subject; date-restricted codes chosen by the sentence date */
    const char *comp = "(ROOT (S (NP (NNP Germany) (CC and) (NNP France)) (VP (VBD arrested) (NP (NNP Gollum))) (. .)))";
    EXPECT(comp, "19960101", &o, "DEU|HOBGOV|173;FRA|HOBGOV|173");
    EXPECT(comp, "19940101", &o, "DEU|HOB|173;FRA|HOB|173");
    /* agent appended to the actor; pattern word in the object */
    EXPECT("(ROOT (S (NP (NNP Gondor) (NN police)) (VP (VBD arrested) (NP (NNP France))) (. .)))", "20150813", &o, "GONCOP|FRA|173");
    EXPECT("(ROOT (S (NP (NNP Germany)) (VP (VBD arrested) (NP (NNP France) (NN police))) (. .)))", "20150813", &o, "DEU|FRACOP|174");
    /* paired code */
    EXPECT("(ROOT (S (NP (NNP Germany)) (VP (VBD left) (NP (NNP France))) (. .)))", "20150813", &o, "DEU|FRA|032;FRA|DEU|033");
    /* upper and lower pattern parts; `_` demands adjacency */
    EXPECT("(ROOT (S (NP (NNP Germany)) (VP (VB restore) (NP (JJ full) (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP France))))))",
           "20150813", &o, "DEU|FRA|065");
    EXPECT("(ROOT (S (NP (NNP Germany)) (VP (VB restore) (NP (JJ full) (JJ formal) (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP France))))))",
           "20150813", &o, "DEU|FRA|064");
    EXPECT("(ROOT (S (NP (NNP Germany)) (VP (MD will) (RB not) (VP (VB restore) (NP (NNS ties)) (PP (IN with) (NP (NNP France)))))))",
           "20150813", &o, "DEU|FRA|081");
    /* require_dyad */
    const char *half = "(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNS villages))) (. .)))";
    EXPECT(half, "20150813", &o, "");
    o.require_dyad = 0;
    EXPECT(half, "20150813", &o, "DEU|---|192");
    o.new_actor_length = 2;
    EXPECT(half, "20150813", &o, "DEU|\"VILLAGES\"|192");
    dyad_code_opts_default(&o);
    /* unknown verb, no events; a dateline-free empty tree */
    EXPECT("(ROOT (S (NP (NNP Germany)) (VP (VBD greeted) (NP (NNP France)))))", "20150813", &o, "");
    /* discard by text */
    {
        char err[256];
        CHECK(dyad_penn_read(gif, strlen(gif), S, P, err, sizeof err) == DYAD_OK);
        CHECK(dyad_code_sentence(C, S, P, "20150813", "Germany invaded the baseball team.", &o, &EV, &NEV, &NOTE) == DYAD_OK);
        CHECKF(NEV == 0 && NOTE && !strcmp(NOTE, "sentencediscard"), "%s", NOTE ? NOTE : "(null)");
    }
    /* the UD-only path: a hand-made UD tree, no phrase structure */
    {
        dyad_sentence *u = dyad_sentence_new();
        const char *form[] = {"Germany", "invaded", "France", "."};
        const char *upos[] = {"PROPN", "VERB", "PROPN", "PUNCT"};
        const char *xpos[] = {"NNP", "VBD", "NNP", "."};
        const char *rel[] = {"nsubj", "root", "obj", "punct"};
        int head[] = {2, 0, 2, 2};
        for (int i = 0; i < 4; i++) {
            dyad_token t = {0};
            t.form = form[i]; t.upos = upos[i]; t.xpos = xpos[i]; t.deprel = rel[i]; t.head = head[i];
            CHECK(dyad_sentence_add(u, &t) == DYAD_OK);
        }
        CHECK(dyad_code_sentence(C, u, NULL, "20150813", NULL, &o, &EV, &NEV, &NOTE) == DYAD_OK);
        CHECKF(NEV == 1 && !strcmp(EV[0].source, "DEU") && !strcmp(EV[0].target, "FRA") && !strcmp(EV[0].code, "192"),
               "nev=%d", NEV);
        /* a cyclic / broken UD tree does not crash */
        dyad_sentence_tokens(u)[0].head = 3;
        dyad_sentence_tokens(u)[2].head = 1;
        dyad_sentence_tokens(u)[1].head = 1;
        CHECK(dyad_code_sentence(C, u, NULL, "20150813", NULL, &o, &EV, &NEV, &NOTE) == DYAD_OK);
        dyad_sentence_clear(u);
        CHECK(dyad_code_sentence(C, u, NULL, "20150813", NULL, &o, &EV, &NEV, &NOTE) == DYAD_OK && NEV == 0);
        dyad_sentence_free(u);
    }
    /* random UD trees (any heads: cycles, self-loops, out of range) and random
    ** bracket strings: the coder returns a status and never crashes */
    {
        static const char *forms[] = {"Germany", "France", "invaded", "arrested", "and", ",", "the", "police",
                                      "Gollum", "'s", "of", "by", "was", "not", "he", "him", "to", "."};
        static const char *xp[] = {"NNP", "NNP", "VBD", "VBN", "CC", ",", "DT", "NN", "NNP", "POS", "IN", "IN",
                                   "VBD", "RB", "PRP", "PRP", "TO", "."};
        static const char *up[] = {"PROPN", "PROPN", "VERB", "VERB", "CCONJ", "PUNCT", "DET", "NOUN", "PROPN",
                                   "PART", "ADP", "ADP", "AUX", "PART", "PRON", "PRON", "PART", "PUNCT"};
        static const char *rels[] = {"nsubj", "obj", "dobj", "nmod", "case", "conj", "cc", "punct", "aux", "cop",
                                     "acl:relcl", "acl", "nmod:poss", "compound", "amod", "root", "nsubjpass",
                                     "xcomp", "ccomp", "appos", "nmod:tmod", "mark", "det", "flat"};
        unsigned seed = 12345;
        int rok = 1;
        dyad_sentence *u = dyad_sentence_new();
        for (int round = 0; round < 1500 && rok; round++) {
            dyad_sentence_clear(u);
            seed = seed * 1103515245u + 12345u;
            int n = 1 + (int)(seed >> 16) % 24;
            for (int i = 0; i < n; i++) {
                seed = seed * 1103515245u + 12345u;
                int f = (int)(seed >> 16) % 18;
                seed = seed * 1103515245u + 12345u;
                dyad_token t = {0};
                t.form = forms[f]; t.xpos = xp[f]; t.upos = up[f];
                t.deprel = rels[(seed >> 16) % 24];
                seed = seed * 1103515245u + 12345u;
                t.head = (int)((seed >> 16) % (unsigned)(n + 3)) - 1;   /* -1 .. n+1 */
                if (dyad_sentence_add(u, &t) != DYAD_OK) rok = 0;
            }
            o.pronouns = round & 1;
            o.negation = (round >> 1) & 1;
            dyad_status st = dyad_code_sentence(C, u, NULL, "19960101", "the baseball", &o, &EV, &NEV, &NOTE);
            if (st != DYAD_OK && st != DYAD_ELIMIT) rok = 0;
            for (int k = 0; k < NEV && rok; k++) if (!EV[k].source || !EV[k].target || !EV[k].code) rok = 0;
        }
        dyad_code_opts_default(&o);
        dyad_sentence_free(u);
        CHECK(rok);
        /* random bracket strings through the Penn reader and the coder */
        static const char *piece[] = {"(", ")", "(NP ", "(VP ", "(S ", "(NNP Germany)", "(VBD invaded)",
                                      "(CC and)", "(, ,)", "(POS 's)", "(PP (IN of) ", "(NN police)", " "};
        int okp = 1;
        for (int round = 0; round < 1500 && okp; round++) {
            char buf[512];
            size_t k = 0;
            seed = seed * 1103515245u + 12345u;
            int m = 1 + (int)(seed >> 16) % 40;
            for (int i = 0; i < m; i++) {
                seed = seed * 1103515245u + 12345u;
                const char *pz = piece[(seed >> 16) % 13];
                size_t L = strlen(pz);
                if (k + L + 1 >= sizeof buf) break;
                memcpy(buf + k, pz, L);
                k += L;
            }
            buf[k] = 0;
            char err[256];
            if (dyad_penn_read(buf, k, S, P, err, sizeof err) != DYAD_OK) continue;
            if (dyad_code_sentence(C, S, P, "19960101", NULL, &o, &EV, &NEV, &NOTE) != DYAD_OK) okp = 0;
            if (dyad_code_sentence(C, S, NULL, "19960101", NULL, &o, &EV, &NEV, &NOTE) != DYAD_OK) okp = 0;
        }
        CHECK(okp);
    }
    /* allocation failures inside the coder: a status, never a crash */
    {
        int nomem = 0;
        for (long k = 1; k < 40; k++) {
            char err[256];
            if (dyad_penn_read(comp, strlen(comp), S, P, err, sizeof err) != DYAD_OK) continue;
            dyad_coder *c2 = dyad_coder_new(d);
            if (!c2) continue;
            dyad_alloc_fail_after(k);
            dyad_status st = dyad_code_sentence(c2, S, P, "19960101", NULL, &o, &EV, &NEV, &NOTE);
            dyad_alloc_fail_after(0);
            if (st == DYAD_NOMEM) nomem++;
            dyad_coder_free(c2);
        }
        CHECK(nomem > 0);
    }
    CHECK(dyad_code_sentence(NULL, S, P, "20150813", NULL, &o, &EV, &NEV, &NOTE) == DYAD_EINVAL);
    CHECK(dyad_coder_new(NULL) == NULL);
    dyad_coder_free(C);
    C = NULL;
    dyad_dicts_free(d);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
}

/* formats.md §0: what PETRARCH2's own tests check, with its dictionaries */
static void production_tests(void) {
    const char *pd = shared_path("data/petrarch/CAMEO.2.0.txt");
    if (!pd) { SKIP("../shared/data/petrarch absent: production-dictionary tests skipped"); return; }
    char dd[1024];
    snprintf(dd, sizeof dd, "%s", pd);
    *strrchr(dd, '/') = 0;
    dyad_dicts *d = NULL;
    dyad_status st = dyad_dicts_open(dd, "production", 0, &d);
    CHECKF(st == DYAD_OK, "%s", d ? dyad_dicts_errmsg(d) : "");
    if (st) { dyad_dicts_free(d); return; }
    C = dyad_coder_new(d);
    dyad_code_opts o;
    dyad_code_opts_default(&o);
    EXPECT("(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France))) (. .)))", "20150813", &o, "DEU|FRA|192");
    EXPECT("(ROOT (S (NP (NNP Germany)) (VP (VBD arrested) (NP (NNP France))) (. .)))", "20150813", &o, "DEU|FRA|173");
    /* date-restricted codes: Carl XVI Gustaf */
    const char *carl = "(ROOT (S (NP (NNP Carl) (NNP XVI) (NNP Gustaf)) (VP (VBD invaded) (NP (NNP France))) (. .)))";
    EXPECT(carl, "20150813", &o, "SWEGOV|FRA|192");
    EXPECT(carl, "19720813", &o, "SWEELI|FRA|192");
    EXPECT(carl, "19010813", &o, "SWEELI|FRA|192");
    /* noun-phrase meanings */
    EXPECT("(ROOT (S (NP (DT The) (NNP Islamic) (NNP State)) (VP (VBD invaded) (NP (NNP France))) (. .)))", "20150813", &o, "IMGMUSISI|FRA|192");
    EXPECT("(ROOT (S (NP (DT The) (NNP North) (NNP Atlantic) (NNP Treaty) (NNP Organization)) (VP (VBD invaded) (NP (NNP France))) (. .)))",
           "20150813", &o, "IGOWSTNAT|FRA|192");
    EXPECT("(ROOT (S (NP (NP (NNP Barack) (NNP Obama)) (CC and) (NP (NNP Vladimir) (NNP Putin))) (VP (VBD invaded) (NP (NNP France))) (. .)))",
           "20150813", &o, "USAGOV|FRA|192;RUSGOV|FRA|192");
    EXPECT("(ROOT (S (NP (NP (DT The) (NNS rebels)) (PP (IN from) (NP (NNP Syria)))) (VP (VBD invaded) (NP (NNP France))) (. .)))",
           "20150813", &o, "SYRREB|FRA|192");
    EXPECT("(ROOT (S (NP (NP (DT The) (NNP US) (NN commander)) (PP (IN in) (NP (NNP Iraq)))) (VP (VBD invaded) (NP (NNP France))) (. .)))",
           "20150813", &o, "USAMIL|FRA|192");
    EXPECT("(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNS markets)) (PP (TO to) (NP (DT the) (JJ Turkish) (NN market)))) (. .)))",
           "20150813", &o, "DEU|TUR|192");
    /* CAMEO 2.0 patterns read linearly: a noun beats a PP of the same length,
    ** longer patterns first, synsets (&WEAPON) */
    EXPECT("(ROOT (S (NP (NNP Russia)) (VP (VBD rushed) (NP (NN aid)) (PP (TO to) (NP (NNP Syria)))) (. .)))",
           "20150813", &o, "RUS|SYR|070");
    /* "troops" is an agent only: an agent-only target is kept (---MIL) */
    EXPECT("(ROOT (S (NP (NNP Russia)) (VP (VBD rushed) (NP (NNS troops)) (PP (TO to) (NP (DT the) (NN border)))) (. .)))",
           "20150813", &o, "RUS|---MIL|154");
    EXPECT("(ROOT (S (NP (NNP Russia)) (VP (VBD rushed) (NP (NNS weapons)) (PP (TO to) (NP (NNP Syria)))) (. .)))",
           "20150813", &o, "RUS|SYR|194");
    /* negation (off in P1): "did not invade" gives no event when it is on */
    const char *neg = "(ROOT (S (NP (NNP Germany)) (VP (VBD did) (RB not) (VP (VB invade) (NP (NNP France)))) (. .)))";
    EXPECT(neg, "20150813", &o, "DEU|FRA|192");
    o.negation = 1;
    EXPECT(neg, "20150813", &o, "");
    EXPECT("(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France))) (. .)))", "20150813", &o, "DEU|FRA|192");
    o.negation = 0;
    /* pronouns (formats.md §8.3): "him" skips its own clause and binds to
    ** Obama (BLORKED is no verb); P1 (pronouns off) leaves it a null actor, dropped by require_dyad */
    const char *pro = "(ROOT (S (NP (NNP Obama)) (VP (VBD blorked) (SBAR (IN that) (S (NP (NNP Putin)) "
                      "(VP (MD would) (VP (VB arrest) (NP (PRP him))))))) (. .)))";
    EXPECT(pro, "20150813", &o, "");
    o.pronouns = 1;
    EXPECT(pro, "20150813", &o, "USAGOV|RUSGOV|173");
    /* a reflexive binds in its own clause: "himself" is Putin, so the event is
    ** Putin on Putin and dropped; unbound it is a null target (kept without require_dyad) */
    const char *refl = "(ROOT (S (NP (NNP Putin)) (VP (VBD arrested) (NP (PRP himself))) (. .)))";
    o.require_dyad = 0;
    EXPECT(refl, "20150813", &o, "");
    o.pronouns = 0;
    EXPECT(refl, "20150813", &o, "RUSGOV|---|173");
    o.pronouns = 1;
    o.require_dyad = 1;
    o.pronouns = 0;
    /* issues (formats.md §7): plurals, attached punctuation blocks a match, ignore phrases */
    const char *iss = dyad_code_issues(C, "Two schools and a school are near the teacher .");
    CHECKF(!strcmp(iss, "SCHOOLS,2;TEACHERS,1"), "%s", iss);
    iss = dyad_code_issues(C, "near the teacher.");
    CHECKF(!strcmp(iss, ""), "%s", iss);
    iss = dyad_code_issues(C, "a school gets a head start");
    CHECKF(!strcmp(iss, ""), "%s", iss);
    dyad_coder_free(C);
    C = NULL;
    dyad_dicts_free(d);
}

int main(void) {
    S = dyad_sentence_new();
    P = dyad_phrases_new();
    legacy_tests();
    production_tests();
    dyad_sentence_free(S);
    dyad_phrases_free(P);
    return TEST_END();
}
