/* test_nominal.c: nominal events (code_nominal.c) on UD trees written here,
** with small dictionaries of our own: actors from possessives, of-, by- and
** to-phrases, light verbs, a misattached participle, accented names (the
** coder's dyad_fold_key matching), what must not be coded, table errors,
** broken trees and allocation failures. */
#include "dyad.h"
#include "code_nominal.h"
#include "harness.h"
#include <unistd.h>

static char dir[256];
static dyad_coder *C;
static nominal_coder *N;
static dyad_sentence *S;

static void put(const char *name, const char *text) {
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    if (f) { fputs(text, f); fclose(f); }
}

/* Fill S from "form/lemma/UPOS/XPOS/head/deprel ..." (one token a field group). */
static int sent(const char *spec) {
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", spec);
    dyad_sentence_clear(S);
    for (char *save = NULL, *tk = strtok_r(buf, " ", &save); tk; tk = strtok_r(NULL, " ", &save)) {
        char *f[6];
        int nf = 0;
        for (char *s2 = NULL, *x = strtok_r(tk, "/", &s2); x && nf < 6; x = strtok_r(NULL, "/", &s2)) f[nf++] = x;
        if (nf != 6) return -1;
        dyad_token t = {0};
        t.form = f[0]; t.lemma = f[1]; t.upos = f[2]; t.xpos = f[3]; t.head = atoi(f[4]); t.deprel = f[5];
        if (dyad_sentence_add(S, &t) != DYAD_OK) return -1;
    }
    return 0;
}

static const dyad_event *NEV_EV;
static int NEV_N;

/* verb events then nominal events of S as "SRC|TGT|CODE;..." (verb events first, then "#", then nominal) */
static const char *code(const char *spec) {
    static char out[2048];
    out[0] = 0;
    if (sent(spec)) return "SPEC-ERROR";
    const dyad_event *ev;
    int nev;
    const char *note;
    if (dyad_code_sentence(C, S, NULL, "20211226", NULL, NULL, &ev, &nev, &note) != DYAD_OK) return "CODE-ERROR";
    for (int i = 0; i < nev; i++) {
        size_t k = strlen(out);
        snprintf(out + k, sizeof out - k, "%s%s|%s|%s", i ? ";" : "", ev[i].source, ev[i].target, ev[i].code);
    }
    size_t k = strlen(out);
    snprintf(out + k, sizeof out - k, "#");
    if (nominal_code(N, C, S, "20211226", &NEV_EV, &NEV_N) != DYAD_OK) return "NOMINAL-ERROR";
    for (int i = 0; i < NEV_N; i++) {
        k = strlen(out);
        snprintf(out + k, sizeof out - k, "%s%s|%s|%s", i ? ";" : "", NEV_EV[i].source, NEV_EV[i].target, NEV_EV[i].code);
    }
    return out;
}

/* EXPECT_ALL: verb and nominal events; EXPECT: the nominal ones ("#..."),
** so that the verb coder's own changes do not move these checks */
#define EXPECT_ALL(spec, want) do { const char *got_ = code(spec); \
    CHECKF(!strcmp(got_, want), "%s\n  got [%s] want [%s]", spec, got_, want); } while (0)
#define EXPECT(spec, want) do { const char *got_ = code(spec); const char *h_ = strchr(got_, '#'); \
    const char *w_ = strchr(want, '#'); \
    CHECKF(h_ && w_ && !strcmp(h_, w_), "%s\n  got [%s] want [%s]", spec, got_, want); } while (0)

/* the table line of a built-in row, for evidence checks */
static int table_line(const char *prefix) {
    int line = 1;
    for (const char *p = nominal_builtin_tsv; *p; p++) {
        if ((p == nominal_builtin_tsv || p[-1] == '\n') && !strncmp(p, prefix, strlen(prefix))) return line;
        if (*p == '\n') line++;
    }
    return -1;
}

static void table_errors(const dyad_dicts *d) {
    char err[256];
    static const struct { const char *tsv, *want; } bad[] = {
        {"", "x.tsv: empty table"},
        {"# only a comment\n", "x.tsv: empty table"},
        {"lemma\tcode\n", "x.tsv:1: expected the header line"},
        {"kind\tlemma\tcode\tof\tto\nnoun\tvisit\tVISIT\tsource\n", "x.tsv:2: 4 fields"},
        {"kind\tlemma\tcode\tof\tto\n\nverb\tvisit\tVISIT\tsource\tto\n", "x.tsv:3: kind must be noun, light or block"},
        {"kind\tlemma\tcode\tof\tto\nnoun\tvisit\t999\tsource\tto\n", "x.tsv:2: 999 is not a CAMEO code"},
        {"kind\tlemma\tcode\tof\tto\nnoun\tvisit\t-\tsource\tto\n", "x.tsv:2: a noun needs a VERB or a CAMEO code"},
        {"kind\tlemma\tcode\tof\tto\nnoun\tvisit\tVISIT\tabout\tto\n", "x.tsv:2: of must be source, target or -"},
        {"kind\tlemma\tcode\tof\tto\nnoun\t\tVISIT\tsource\tto\n", "x.tsv:2: bad lemma"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nominal_coder *x = nominal_new(d, bad[i].tsv, strlen(bad[i].tsv), "data/x.tsv", err, sizeof err);
        CHECKF(x == NULL && strstr(err, bad[i].want) && !strncmp(err, "data/x.tsv", 10), "case %zu: [%s]", i, err);
        nominal_free(x);
    }
    /* a NUL byte inside the text is reported, not read past */
    static const char nul[] = "kind\tlemma\tcode\tof\tto\nnoun\tvi\0it\tVISIT\tsource\tto\n";
    nominal_coder *x = nominal_new(d, nul, sizeof nul - 1, "x.tsv", err, sizeof err);
    CHECKF(x == NULL && strstr(err, "x.tsv:2: NUL byte"), "[%s]", err);
    /* a good table of our own, CRLF line ends */
    const char *ok = "kind\tlemma\tcode\tof\tto\r\nnoun\tvisit\t042\tsource\tto\r\nlight\tpay\t-\t-\t-\r\n";
    x = nominal_new(d, ok, strlen(ok), "ok.tsv", err, sizeof err);
    CHECKF(x && nominal_rows(x) == 2, "[%s]", err);
    nominal_free(x);
    /* the built-in table parses */
    x = nominal_new(d, NULL, 0, NULL, err, sizeof err);
    CHECKF(x && nominal_rows(x) > 20, "[%s]", err);
    nominal_free(x);
}

int main(void) {
    snprintf(dir, sizeof dir, "/tmp/dyad_test_nominal.%d", (int)getpid());
    char cmd[300];
    snprintf(cmd, sizeof cmd, "mkdir -p %s", dir);
    if (system(cmd) != 0) { SKIP("cannot make a temp dir"); return TEST_END(); }
    put("verbs.txt",
        "--- VISIT [042:043] ---\nVISIT\n\n"
        "--- ATTACK [190] ---\nATTACK\n\n"
        "--- CONDEMN [111] ---\nCONDEMN\n\n"
        "--- ARREST [173] ---\nARREST\n\n");
    put("actors.txt", "GERMANY [DEU]\nFRANCE [FRA]\n+PARIS\n+FRENCH\nAZERBAIJAN [AZE]\n+BAKU\n+AZERBAIJANI\n"
                      "JEAN_DUPRE [FRAGOV]\nZZZLAST [ZZZ]\n");
    put("agents.txt", "PRESIDENTIAL_CANDIDATE [~PTY]\nMINISTER [~GOV]\n");
    dyad_dicts *d = dyad_dicts_new(0);
    const char *names[] = {"verbs.txt", "actors.txt", "agents.txt"};
    dyad_dict_kind kinds[] = {DYAD_DK_VERBS_LEGACY, DYAD_DK_ACTORS, DYAD_DK_AGENTS};
    int ok = d != NULL;
    for (int i = 0; ok && i < 3; i++) {
        char p[512];
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        ok = dyad_dicts_add_file(d, p, kinds[i]) == DYAD_OK;
        if (!ok) fprintf(stderr, "%s\n", dyad_dicts_errmsg(d));
    }
    CHECK(ok && dyad_dicts_freeze(d) == DYAD_OK);
    C = dyad_coder_new(d);
    S = dyad_sentence_new();
    char err[256] = "";
    N = nominal_new(d, NULL, 0, NULL, err, sizeof err);
    CHECKF(C && S && N, "[%s]", err);
    if (!C || !S || !N) goto out;

    /* a possessive actor, a to-phrase target; a visit noun is 042 only (no 043:
    ** the phrase does not say the place's actor hosted it) */
    const char *poss = "France/France/PROPN/NNP/3/nmod:poss 's/'s/PART/POS/1/case visit/visit/NOUN/NN/0/root "
                       "to/to/ADP/IN/5/case Azerbaijan/Azerbaijan/PROPN/NNP/3/nmod ././PUNCT/./3/punct";
    EXPECT(poss, "#FRA|AZE|042");
    /* evidence: spans, actor lines, the table line */
    CHECK(NEV_N == 1 && NEV_EV[0].src_start == 0 && NEV_EV[0].src_end == 1);
    CHECK(NEV_N == 1 && NEV_EV[0].tgt_start == 4 && NEV_EV[0].tgt_end == 5);
    CHECK(NEV_N == 1 && NEV_EV[0].verb_start == 2 && NEV_EV[0].verb_end == 3);
    CHECKF(NEV_N == 1 && !strcmp(NEV_EV[0].src_entry, "actors.txt:2") && !strcmp(NEV_EV[0].tgt_entry, "actors.txt:5"),
           "%s %s", NEV_EV[0].src_entry, NEV_EV[0].tgt_entry);
    {
        char want[128];
        snprintf(want, sizeof want, "nominal-events.tsv:%d", table_line("noun\tvisit\t"));
        CHECKF(NEV_N == 1 && !strcmp(NEV_EV[0].pattern, want), "%s, want %s", NEV_EV[0].pattern, want);
    }
    /* an of-phrase names the visitor; the target through a misattached
    ** participle ("made" tagged VBD, attached to the main verb) */
    EXPECT("Germany/Germany/PROPN/NNP/2/nsubj condemned/condemn/VERB/VBD/0/root the/the/DET/DT/4/det "
           "visit/visit/NOUN/NN/2/obj of/of/ADP/IN/8/case the/the/DET/DT/8/det French/French/ADJ/JJ/8/amod "
           "minister/minister/NOUN/NN/4/nmod ,/,/PUNCT/,/10/punct made/make/VERB/VBD/2/parataxis "
           "to/to/ADP/IN/12/case Baku/Baku/PROPN/NNP/10/obl ././PUNCT/./2/punct",
           "DEU|FRAGOV|111#FRAGOV|AZE|042");
    /* ... but a participle with its own subject is a clause of its own */
    EXPECT("Germany/Germany/PROPN/NNP/2/nsubj condemned/condemn/VERB/VBD/0/root the/the/DET/DT/4/det "
           "visit/visit/NOUN/NN/2/obj of/of/ADP/IN/6/case France/France/PROPN/NNP/4/nmod ,/,/PUNCT/,/9/punct "
           "Azerbaijan/Azerbaijan/PROPN/NNP/9/nsubj made/make/VERB/VBD/2/parataxis "
           "to/to/ADP/IN/11/case Baku/Baku/PROPN/NNP/9/obl ././PUNCT/./2/punct",
           "DEU|FRA|111#");
    /* ... unless that "subject" is an apposition set off by commas, the
    ** participle a conjunct of the noun, and the to-phrase hung on a date
    ** (the shared sample article with the feature-set-5 parser) */
    EXPECT("Germany/Germany/PROPN/NNP/2/nsubj condemned/condemn/VERB/VBD/0/root the/the/DET/DT/4/det "
           "visit/visit/NOUN/NN/2/obj of/of/ADP/IN/6/case France/France/PROPN/NNP/4/nmod ,/,/PUNCT/,/9/punct "
           "the/the/DET/DT/9/det minister/minister/NOUN/NN/11/nsubj ,/,/PUNCT/,/9/punct "
           "made/make/VERB/VBD/4/conj on/on/ADP/IN/14/case December/December/PROPN/NNP/14/nmod:unmarked "
           "22/22/NUM/CD/11/obl to/to/ADP/IN/16/case Baku/Baku/PROPN/NNP/14/nmod ././PUNCT/./2/punct",
           "DEU|FRA|111#FRA|AZE|042");
    /* a light verb: its subject is the actor, its to-phrase the target;
    ** a MOD HEAD row ("protest note") */
    EXPECT("Baku/Baku/PROPN/NNP/2/nsubj sent/send/VERB/VBD/0/root a/a/DET/DT/5/det protest/protest/NOUN/NN/5/compound "
           "note/note/NOUN/NN/2/obj to/to/ADP/IN/7/case Paris/Paris/PROPN/NNP/2/obl ././PUNCT/./2/punct",
           "#AZE|FRA|114");
    /* the same noun without its MOD is not an event; a plain "note" neither */
    EXPECT("Baku/Baku/PROPN/NNP/2/nsubj sent/send/VERB/VBD/0/root a/a/DET/DT/4/det "
           "note/note/NOUN/NN/2/obj to/to/ADP/IN/6/case Paris/Paris/PROPN/NNP/2/obl ././PUNCT/./2/punct", "#");
    /* "the attack of X": of names the target; the actor an adjective; on-phrase */
    EXPECT("the/the/DET/DT/3/det German/German/ADJ/JJ/3/amod attack/attack/NOUN/NN/0/root on/on/ADP/IN/5/case "
           "Paris/Paris/PROPN/NNP/3/nmod", "#");
    /* (GERMAN is not in our actors: no source, no event) */
    EXPECT("the/the/DET/DT/3/det French/French/ADJ/JJ/3/amod attack/attack/NOUN/NN/0/root on/on/ADP/IN/5/case "
           "Baku/Baku/PROPN/NNP/3/nmod", "#FRA|AZE|190");
    {   /* a noun whose code comes from the verb dictionary cites both lines */
        char want[128];
        snprintf(want, sizeof want, "nominal-events.tsv:%d+verbs.txt:5", table_line("noun\tattack\t"));
        CHECKF(NEV_N == 1 && !strcmp(NEV_EV[0].pattern, want), "%s, want %s", NEV_EV[0].pattern, want);
    }
    EXPECT("Germany/Germany/PROPN/NNP/3/nmod:poss 's/'s/PART/POS/1/case attack/attack/NOUN/NN/0/root of/of/ADP/IN/5/case "
           "France/France/PROPN/NNP/3/nmod", "#DEU|FRA|190");
    /* a by-phrase actor */
    EXPECT("the/the/DET/DT/2/det visit/visit/NOUN/NN/0/root to/to/ADP/IN/4/case Baku/Baku/PROPN/NNP/2/nmod "
           "by/by/ADP/IN/6/case Germany/Germany/PROPN/NNP/2/nmod", "#DEU|AZE|042");
    /* accented names match their dictionary entries (dyad_fold_key) */
    EXPECT("Jean/Jean/PROPN/NNP/2/compound Dupré/Dupré/PROPN/NNP/4/nmod:poss 's/'s/PART/POS/2/case "
           "visit/visit/NOUN/NN/0/root to/to/ADP/IN/6/case Bakû/Bakû/PROPN/NNP/4/nmod", "#FRAGOV|AZE|042");
    EXPECT_ALL("JEAN/Jean/PROPN/NNP/2/compound DUPRÉ/Dupré/PROPN/NNP/3/nsubj attacked/attack/VERB/VBD/0/root "
           "Germany/Germany/PROPN/NNP/3/obj", "FRAGOV|DEU|190#");
    /* an agent joins the actor (FRENCH PRESIDENTIAL CANDIDATE -> FRAPTY) */
    EXPECT("a/a/DET/DT/4/det French/French/ADJ/JJ/4/amod presidential/presidential/ADJ/JJ/4/amod "
           "candidate/candidate/NOUN/NN/7/nmod:poss 's/'s/PART/POS/4/case illegal/illegal/ADJ/JJ/7/amod "
           "visit/visit/NOUN/NN/0/root to/to/ADP/IN/9/case Azerbaijan/Azerbaijan/PROPN/NNP/7/nmod",
           "#FRAPTY|AZE|042");
    /* nothing to code: no actor, the same actor on both sides, a noun not in
    ** the table, a verb the dictionaries lack (ACCUSE for accusation), one
    ** phrase inside the other */
    EXPECT("the/the/DET/DT/2/det visit/visit/NOUN/NN/0/root to/to/ADP/IN/4/case Baku/Baku/PROPN/NNP/2/nmod", "#");
    EXPECT("France/France/PROPN/NNP/3/nmod:poss 's/'s/PART/POS/1/case visit/visit/NOUN/NN/0/root to/to/ADP/IN/5/case "
           "Paris/Paris/PROPN/NNP/3/nmod", "#");
    EXPECT("France/France/PROPN/NNP/3/nmod:poss 's/'s/PART/POS/1/case statement/statement/NOUN/NN/0/root "
           "to/to/ADP/IN/5/case Azerbaijan/Azerbaijan/PROPN/NNP/3/nmod", "#");
    EXPECT("France/France/PROPN/NNP/3/nmod:poss 's/'s/PART/POS/1/case accusation/accusation/NOUN/NN/0/root "
           "against/against/ADP/IN/5/case Azerbaijan/Azerbaijan/PROPN/NNP/3/nmod", "#");
    EXPECT("France/France/PROPN/NNP/3/nmod:poss 's/'s/PART/POS/1/case visit/visit/NOUN/NN/0/root "
           "to/to/ADP/IN/5/case Azerbaijan/Azerbaijan/PROPN/NNP/1/nmod", "#");
    /* of names the target of an arrest; by names the actor, on the noun or
    ** hung by the parser on the of-phrase (then not part of the target) */
    EXPECT("the/the/DET/DT/2/det arrest/arrest/NOUN/NN/0/root of/of/ADP/IN/4/case Germany/Germany/PROPN/NNP/2/nmod "
           "by/by/ADP/IN/6/case France/France/PROPN/NNP/2/nmod", "#FRA|DEU|173");
    EXPECT("the/the/DET/DT/2/det arrest/arrest/NOUN/NN/0/root of/of/ADP/IN/5/case German/German/ADJ/JJ/5/amod "
           "minister/minister/NOUN/NN/2/nmod by/by/ADP/IN/7/case France/France/PROPN/NNP/5/nmod", "#FRA|---GOV|173");
    CHECKF(NEV_N == 1 && NEV_EV[0].tgt_start == 3 && NEV_EV[0].tgt_end == 5 && NEV_EV[0].src_start == 6,
           "%d %d %d", NEV_N, NEV_N ? NEV_EV[0].tgt_start : -1, NEV_N ? NEV_EV[0].tgt_end : -1);
    /* talks: with-phrase of a light verb; between X and Y, both ways */
    EXPECT("Germany/Germany/PROPN/NNP/2/nsubj held/hold/VERB/VBD/0/root talks/talk/NOUN/NNS/2/obj "
           "with/with/ADP/IN/5/case France/France/PROPN/NNP/3/nmod", "#DEU|FRA|046");
    const char *betw = "talks/talk/NOUN/NNS/6/nsubj between/between/ADP/IN/3/case Germany/Germany/PROPN/NNP/1/nmod "
                       "and/and/CCONJ/CC/5/cc France/France/PROPN/NNP/3/conj began/begin/VERB/VBD/0/root";
    EXPECT(betw, "#DEU|FRA|046;FRA|DEU|046");
    CHECKF(NEV_N == 2 && NEV_EV[0].src_start == 2 && NEV_EV[0].src_end == 3 && NEV_EV[0].tgt_start == 4, "%d %d %d %d", NEV_N, NEV_EV[0].src_start, NEV_EV[0].src_end, NEV_EV[0].tgt_start);
    EXPECT("Baku/Baku/PROPN/NNP/2/nsubj offered/offer/VERB/VBD/0/root to/to/PART/TO/4/mark host/host/VERB/VB/2/xcomp "
           "talks/talk/NOUN/NNS/4/obj between/between/ADP/IN/7/case Germany/Germany/PROPN/NNP/5/nmod "
           "and/and/CCONJ/CC/9/cc France/France/PROPN/NNP/7/conj", "#");
    /* cancelled, planned, negated or offered events are not coded */
    EXPECT("France/France/PROPN/NNP/2/nsubj cancelled/cancel/VERB/VBD/0/root Germany/Germany/PROPN/NNP/5/nmod:poss "
           "'s/'s/PART/POS/3/case visit/visit/NOUN/NN/2/obj to/to/ADP/IN/7/case Baku/Baku/PROPN/NNP/5/nmod", "#");
    EXPECT("Germany/Germany/PROPN/NNP/2/nsubj planned/plan/VERB/VBD/0/root to/to/PART/TO/4/mark pay/pay/VERB/VB/2/xcomp "
           "a/a/DET/DT/6/det visit/visit/NOUN/NN/4/obj to/to/ADP/IN/8/case Baku/Baku/PROPN/NNP/4/obl", "#");
    EXPECT("Germany/Germany/PROPN/NNP/4/nsubj did/do/AUX/VBD/4/aux not/not/PART/RB/4/advmod pay/pay/VERB/VB/0/root "
           "a/a/DET/DT/6/det visit/visit/NOUN/NN/4/obj to/to/ADP/IN/8/case Baku/Baku/PROPN/NNP/4/obl", "#");
    EXPECT("Germany/Germany/PROPN/NNP/2/nsubj paid/pay/VERB/VBD/0/root a/a/DET/DT/4/det visit/visit/NOUN/NN/2/obj "
           "to/to/ADP/IN/6/case Baku/Baku/PROPN/NNP/2/obl", "#DEU|AZE|042");
    EXPECT("there/there/PRON/EX/2/expl was/be/VERB/VBD/0/root no/no/DET/DT/5/det German/German/ADJ/JJ/5/amod "
           "attack/attack/NOUN/NN/2/nsubj on/on/ADP/IN/7/case France/France/PROPN/NNP/5/nmod", "#");
    EXPECT("an/a/DET/DT/3/det upcoming/upcoming/ADJ/JJ/3/amod visit/visit/NOUN/NN/0/root by/by/ADP/IN/5/case "
           "Germany/Germany/PROPN/NNP/3/nmod to/to/ADP/IN/7/case Baku/Baku/PROPN/NNP/3/nmod", "#");
    /* a governing verb's negation says nothing about the noun's event */
    EXPECT("Germany/Germany/PROPN/NNP/4/nsubj did/do/AUX/VBD/4/aux not/not/PART/RB/4/advmod condemn/condemn/VERB/VB/0/root "
           "France/France/PROPN/NNP/7/nmod:poss 's/'s/PART/POS/5/case visit/visit/NOUN/NN/4/obj "
           "to/to/ADP/IN/9/case Baku/Baku/PROPN/NNP/7/nmod", "DEU|FRA|111#FRA|AZE|042");
    /* broken trees (cycles, heads out of range) and an empty sentence: no crash */
    CHECK(strcmp(code("France/France/PROPN/NNP/3/nmod:poss visit/visit/NOUN/NN/1/root to/to/ADP/IN/2/case "
                      "Baku/Baku/PROPN/NNP/2/nmod"), "NOMINAL-ERROR"));
    CHECK(strcmp(code("France/France/PROPN/NNP/99/nmod:poss visit/visit/NOUN/NN/-4/root Baku/Baku/PROPN/NNP/2/nmod"),
                 "NOMINAL-ERROR"));
    /* random trees over event nouns, light and block verbs, actors and
    ** relations (heads out of range, cycles): DYAD_OK, spans inside the sentence */
    {
        static const char *lem[] = {"visit", "talk", "attack", "note", "protest", "France", "Baku", "Germany",
                                    "pay", "send", "cancel", "make", "to", "of", "by", "between", "'s", "no",
                                    "and", "not", "Dupré", ",", "minister", "French"};
        static const char *rels[] = {"nsubj", "obj", "nmod", "nmod:poss", "case", "compound", "amod", "acl",
                                     "parataxis", "conj", "cc", "obl", "iobj", "det", "advmod", "xcomp",
                                     "nsubj:pass", "obl:agent", "root", "punct"};
        static const char *up[] = {"NOUN", "PROPN", "VERB", "ADP", "DET"};
        static const char *xp[] = {"NN", "NNP", "VBD", "VBN", "IN"};
        unsigned seed = 12345;
        int bad = 0, events = 0;
        for (int it = 0; it < 20000; it++) {
            dyad_sentence_clear(S);
            int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 12;
            for (int i = 0; i < n; i++) {
                dyad_token t = {0};
                unsigned r = (seed = seed * 1103515245u + 12345u) >> 8;
                t.form = t.lemma = lem[r % (sizeof lem / sizeof *lem)];
                t.deprel = rels[(r >> 5) % (sizeof rels / sizeof *rels)];
                t.upos = up[(r >> 10) % 5];
                t.xpos = xp[(r >> 13) % 5];
                t.head = (int)((r >> 16) % (unsigned)(n + 3)) - 1;
                dyad_sentence_add(S, &t);
            }
            if (it & 1) {   /* a good tree with one head or relation changed */
                sent(it & 2 ? poss : betw);
                dyad_token *tk = dyad_sentence_tokens(S);
                n = dyad_sentence_len(S);
                unsigned r = (seed = seed * 1103515245u + 12345u) >> 8;
                if (r & 1) tk[(r >> 1) % (unsigned)n].head = (int)((r >> 9) % (unsigned)(n + 3)) - 1;
                else tk[(r >> 1) % (unsigned)n].deprel = rels[(r >> 9) % (sizeof rels / sizeof *rels)];
            }
            const dyad_event *ev;
            int nev;
            const char *note;
            (void)dyad_code_sentence(C, S, NULL, "20211226", NULL, NULL, &ev, &nev, &note);  /* may reject it */
            if (nominal_code(N, C, S, "20211226", &NEV_EV, &NEV_N) != DYAD_OK) { bad++; continue; }
            events += NEV_N;
            for (int k = 0; k < NEV_N; k++) {
                const dyad_event *e = &NEV_EV[k];
                if (e->src_start < 0 || e->src_end > n || e->src_start >= e->src_end || e->tgt_start < 0 ||
                    e->tgt_end > n || e->verb_start < 0 || e->verb_end > n || !e->source[0] || !e->target[0])
                    bad++;
            }
        }
        CHECKF(bad == 0 && events > 0, "bad %d, events %d", bad, events);
    }
    dyad_sentence_clear(S);
    CHECK(nominal_code(N, C, S, "20211226", &NEV_EV, &NEV_N) == DYAD_OK && NEV_N == 0);
    CHECK(nominal_code(NULL, C, S, "20211226", &NEV_EV, &NEV_N) == DYAD_EINVAL);
    /* allocation failures: a status or a NULL, never a crash */
    {
        int nomem = 0;
        for (long k = 1; k < 30; k++) {
            if (sent(poss)) continue;
            const dyad_event *ev;
            int nev;
            const char *note;
            if (dyad_code_sentence(C, S, NULL, "20211226", NULL, NULL, &ev, &nev, &note) != DYAD_OK) continue;
            nominal_coder *n2 = nominal_new(d, NULL, 0, NULL, NULL, 0);
            if (!n2) continue;
            dyad_alloc_fail_after(k);
            dyad_status st = nominal_code(n2, C, S, "20211226", &ev, &nev);
            dyad_alloc_fail_after(0);
            if (st == DYAD_NOMEM) nomem++;
            nominal_free(n2);
        }
        for (long k = 1; k < 10; k++) {
            dyad_alloc_fail_after(k);
            nominal_coder *n2 = nominal_new(d, NULL, 0, NULL, NULL, 0);
            dyad_alloc_fail_after(0);
            nominal_free(n2);
        }
        CHECK(nomem > 0);
    }
    table_errors(d);
out:
    nominal_free(N);
    dyad_sentence_free(S);
    dyad_coder_free(C);
    dyad_dicts_free(d);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    return TEST_END();
}
