/* test_dict.c: the dictionary API the coder uses (src/dict.h), on the
** hand-written fixtures in tests/data/dict and on the ../shared files:
** verb forms and lookups, patterns and their markers, synsets (nested),
** actors with dates (P2 and P1 rules), agents, discards, issues, failures. */
#include "dyad.h"
#include "dict.h"
#include "harness.h"
#include <unistd.h>
#include <pthread.h>

#define FX "tests/data/dict/"

static dyad_dicts *load(const char *const *files, unsigned flags) {
    dyad_dicts *d = dyad_dicts_new(flags);
    for (size_t i = 0; files[i]; i++) {
        dyad_status st = dyad_dicts_add_file(d, files[i], DYAD_DK_AUTO);
        CHECKF(st == DYAD_OK, "%s: %s", files[i], dyad_dicts_errmsg(d));
    }
    CHECK(dyad_dicts_freeze(d) == DYAD_OK);
    return d;
}

static const char *write_tmp(const char *name, const char *text) {
    static char path[4][256];
    static int k;
    char *p = path[k++ & 3];
    snprintf(p, 256, "/tmp/dyad-test-dict-%d-%s", (int)getpid(), name);
    FILE *f = fopen(p, "w");
    fputs(text, f);
    fclose(f);
    return p;
}

static void test_verbs_cameo2(void) {
    const char *files[] = {FX "good.verbs.txt", NULL};
    dyad_dicts *d = load(files, 0);
    CHECK(dict_verbs_format(d) == DICT_VERBS_CAMEO2);
    /* listed forms only (braces), no generated MEETED */
    const dict_verb_form *f = dict_verb_lookup(d, "MET", NULL, 0);
    CHECKF(f && !strcmp(f->code.active, "040") && (f->flags & DICT_VF_LISTED), "MET");
    size_t n;
    CHECK(dict_verb_forms(d, "MEETED", &n) == NULL && n == 0);
    /* regular forms of TALK (§2.5) */
    f = dict_verb_lookup(d, "TALKED", NULL, 0);
    CHECKF(f && (f->flags & DICT_VF_GENERATED) && f->line == 14, "TALKED line %u", f ? f->line : 0);
    CHECK(dict_verb_lookup(d, "TALKING", NULL, 0) != NULL);
    CHECK(dict_verb_lookup(d, "TALKS", NULL, 0) != NULL);
    /* +BEEF_UP [041]: particle verb; BEEF alone has no entry */
    const char *up[] = {"UP"}, *down[] = {"DOWN"};
    f = dict_verb_lookup(d, "BEEFED", up, 1);
    CHECKF(f && !strcmp(f->code.text, "041") && f->nback == 1 && !strcmp(f->back[0], "UP"), "BEEFED UP");
    CHECK(dict_verb_lookup(d, "BEEF", NULL, 0) == NULL);
    CHECK(dict_verb_lookup(d, "BEEF", down, 1) == NULL);
    CHECK(dict_verb_lookup(d, "BEEF", up, 1) != NULL);
    /* WIRE_+TAP: front words; P2's lookup never reaches it, the forms list does */
    CHECK(dict_verb_lookup(d, "TAP", NULL, 0) == NULL);
    f = dict_verb_forms(d, "TAPPED", &n);
    CHECKF(n == 1 && f->nfront == 1 && !strcmp(f->front[0], "WIRE"), "TAPPED n=%zu", n);
    /* the block and its patterns */
    const dict_block *b = dict_block_get(d, "MEET");
    CHECK(b && b->npatterns == 2 && !strcmp(b->code.text, "040") && !strcmp(b->primary, "MEET"));
    size_t np;
    const dict_pattern *P = dict_patterns(d, &np);
    CHECK(np == 3);
    const dict_pattern *p = &P[b->first_pattern];
    CHECK(p->nupper == 0 && p->nlower == 7);
    static const uint8_t kinds[] = {DICT_PT_PP_OPEN, DICT_PT_WORD, DICT_PT_NP_OPEN, DICT_PT_WORD,
                                    DICT_PT_WORD, DICT_PT_NP_CLOSE, DICT_PT_PP_CLOSE};
    for (int i = 0; i < 7 && i < p->nlower; i++) CHECKF(p->lower[i].kind == kinds[i], "tok %d", i);
    CHECK(!strcmp(p->lower[1].text, "WITH") && !strcmp(p->lower[4].text, "MINISTER"));
    CHECK(!strcmp(p->code.text, "043") && p->line == 17);
    CHECK(!strcmp(p->text, "* (WITH {FOREIGN MINISTER}) [043]"));
    p++;
    CHECK(p->nupper == 1 && p->upper[0].kind == DICT_PT_SYNSET && p->upper[0].synset >= 0);
    CHECK(!strcmp(p->code.active, "044") && !strcmp(p->code.passive, "045"));
    /* synsets: plurals (§1.4, ARMS -> ARMES), nesting */
    const dict_synset *s = dict_synset_get(d, "&WEAPON");
    CHECK(s && s->nmembers == 4 && s == dict_synset_get(d, "WEAPON"));
    if (s && s->nmembers == 4) {
        CHECK(!strcmp(s->members[0].plural, "GUNS"));
        CHECK(!strcmp(s->members[2].plural, "ARMES"));
        CHECK(s->members[3].plural == NULL && s->members[3].nwords == 2 && s->members[3].trailing_us);
    }
    const dict_synset *s2 = dict_synset_get(d, "&ARMS_");
    CHECK(s2 && s2->nmembers == 2 && s2->members[0].nested >= 0 && s2->nflat == 5);
    CHECK(dict_synset_get(d, "ARMS") == s2);          /* trailing `_` optional */
    size_t nt;
    const dict_transform *t = dict_transforms(d, &nt);
    CHECK(nt == 1 && !strcmp(t->lhs, "a (b . CARRY) MEET") && !strcmp(t->rhs, "a b 112"));
    dyad_dicts_free(d);
}

static void test_regular_forms(void) {
    const char *v2 = write_tmp("forms2.verbs.txt",
        "####### VERB PATTERNS #######\n--- X [010] ---\nPLAY\nAGREE\nMAKE\nPASS\nFIX\n- * (TO) [011]\n");
    const char *v1 = write_tmp("forms1.verbs.txt",
        "<!-- legacy -->\n--- X [010] ---\nPLAY\nAGREE\nMAKE\nPASS\nFIX\n- * + [011]\n");
    const char *f2[] = {v2, NULL}, *f1[] = {v1, NULL};
    dyad_dicts *d = load(f2, 0);
    static const char *const p2[] = {"PLAIES", "PLAYED", "PLAYING", "AGREES", "AGREED", "AGREEING",
                                     "MAKES", "MAKED", "MAKING", "PASSES", "PASSED", "PASSING",
                                     "FIXES", "FIXED", "FIXING"};
    for (size_t i = 0; i < sizeof p2 / sizeof p2[0]; i++) CHECKF(dict_verb_lookup(d, p2[i], NULL, 0) != NULL,
        "P2 form %s", p2[i]);
    CHECK(dict_verbs_format(d) == DICT_VERBS_CAMEO2);
    dyad_dicts_free(d);
    d = load(f1, 0);
    static const char *const p1[] = {"PLAYS", "PLAYED", "PLAYING", "AGREES", "AGREED", "AGREING",
                                     "MAKES", "MAKED", "MAKING", "PASSS", "PASSED", "PASSING"};
    for (size_t i = 0; i < sizeof p1 / sizeof p1[0]; i++)
        CHECKF(dict_verb_lookup(d, p1[i], NULL, 0) != NULL, "P1 form %s", p1[i]);
    CHECK(dict_verbs_format(d) == DICT_VERBS_LEGACY);
    dyad_dicts_free(d);
    remove(v1);
    remove(v2);
}

/* fuzz_dict finding: each '+' doubles a phrase's forms; a 4 KB file with lines
** of pluses took the loader over 10 s under ASan. Over 1,024 forms the line is refused (strict) or skipped
** (lenient) with file:line; 6 pluses (64 forms, the Phoenix file's largest) load. */
static void test_issue_expansion_cap(void) {
    const char *p = write_tmp("plus.issues.txt",
        "<ISSUE CATEGORY=\"T\">\nA+B+C+D+E+F+G [SIX]\nERIADOR +++++++++++++++++++++++++++++++++++++++++ [ERI]\n"
        "GONDOR+ARNOR [GA]\n</ISSUE>\n");
    dyad_dicts *d = dyad_dicts_new(0);
    CHECK(dyad_dicts_add_file(d, p, DYAD_DK_ISSUES) == DYAD_EPARSE);
    CHECKF(strstr(dyad_dicts_errmsg(d), "plus.issues.txt:3: issue phrase expands to more than 1024 forms") != NULL,
           "%s", dyad_dicts_errmsg(d));
    dyad_dicts_free(d);
    d = dyad_dicts_new(DYAD_DICT_LENIENT);
    CHECK(dyad_dicts_add_file(d, p, DYAD_DK_ISSUES) == DYAD_OK && dyad_dicts_freeze(d) == DYAD_OK);
    CHECK(dyad_dicts_nskipped(d) == 1 && dyad_dicts_ndiag(d) == 1);
    CHECK(dict_issue_get(d, "A-B C-D E F-G") && dict_issue_get(d, "A B C D E F G") && dict_issue_get(d, "GONDOR-ARNOR"));
    size_t n;
    dict_issues(d, &n);
    CHECKF(n == 64 + 2, "issues %zu", n);
    dyad_dicts_free(d);
    remove(p);
}

static void test_verbs_legacy(void) {
    const char *path = shared_path("data/petrarch/PETR.Validate.verbs.txt");
    if (!path) { SKIP("../shared absent"); return; }
    const char *files[] = {path, NULL};
    dyad_dicts *d = load(files, 0);
    CHECK(dict_verbs_format(d) == DICT_VERBS_LEGACY);
    /* &ACCORDSYN holds &TIETYPES (3) + CLOSER + NEARER + &CURRENCY (10) */
    const dict_synset *s = dict_synset_get(d, "&ACCORDSYN");
    CHECKF(s && s->nmembers == 4 && s->nflat == 15, "ACCORDSYN %u/%u", s ? s->nmembers : 0, s ? s->nflat : 0);
    /* KLM_NOP_+RST [002] in block ABANDON */
    size_t n;
    const dict_verb_form *f = dict_verb_forms(d, "RST", &n);
    CHECK(n >= 1 && f[0].nfront == 2 && !strcmp(f[0].front[1], "NOP") && !strcmp(f[0].code.text, "002"));
    CHECK(dict_verb_lookup(d, "ABANDONING", NULL, 0) != NULL);
    /* - SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS [111]: separators on the verb side */
    const dict_block *b = dict_block_get(d, "ACCORD");
    size_t np;
    const dict_pattern *P = dict_patterns(d, &np);
    CHECK(b && b->npatterns >= 3);
    if (b && b->npatterns >= 3) {
        const dict_pattern *p = &P[b->first_pattern];
        CHECK(p->nupper == 2 && p->upper[0].sep == '_' && p->upper[1].kind == DICT_PT_TARGET &&
              p->upper[1].sep == ' ');
        CHECK(p->nlower == 3 && p->lower[0].sep == ' ' && p->lower[1].kind == DICT_PT_SYNSET &&
              p->lower[1].sep == '_' && p->lower[2].sep == '_');
        CHECK(!strcmp(p->code.text, "111"));
        p += 2;                                   /* - IN_*  [075] */
        CHECK(p->nupper == 1 && p->upper[0].sep == '_' && p->nlower == 0);
        p++;                                      /* - IN_ *  [075A] (P1: "_ " is a space) */
        CHECK(p->nupper == 1 && p->upper[0].sep == ' ' && !strcmp(p->code.text, "075A"));
    }
    /* - * DIPLXMATIC [###]: the hashes are the code, not a comment */
    int found = 0;
    for (size_t i = 0; i < np; i++) if (!strcmp(P[i].code.text, "###")) found++;
    CHECK(found >= 1);
    dyad_dicts_free(d);
}

static void test_actors(void) {
    const char *files[] = {FX "good.actors.txt", NULL};
    dyad_dicts *d = load(files, 0);
    const dict_actor *a = dict_actor_get(d, "GONDOR");
    CHECKF(a && a->ncodes == 2 && !strcmp(a->codes[0].code, "GON") && !strcmp(a->codes[1].code, "GONX"),
           "GONDOR appends the later record's list");
    a = dict_actor_get(d, "MINAS TIRITH");
    CHECK(a && a->ncodes == 1 && (a->flags & DICT_ACT_SYNONYM) && !strcmp(a->root, "GONDOR"));
    const char *words[] = {"THE", "MINAS", "TIRITH", "SAID"};
    size_t len;
    a = dict_actor_match(d, words, 4, 1, 1, &len);
    CHECK(a && len == 2 && !strcmp(a->phrase, "MINAS TIRITH"));
    CHECK(dict_actor_match(d, words, 4, 0, 1, &len) == NULL && len == 0);
    a = dict_actor_get(d, "HAMFAST GAMGEE");
    CHECK(a && a->ncodes == 4);
    if (a && a->ncodes == 4) {
        CHECK(a->codes[0].kind == DICT_DATE_BEFORE && !strcmp(a->codes[0].dates, "<950601"));
        CHECK(a->codes[1].kind == DICT_DATE_RANGE && !strcmp(a->codes[1].dates, "19950601-19990815"));
        CHECK(a->codes[1].line == 6 && a->codes[3].kind == DICT_DATE_NONE);
        int32_t d1990 = dict_parse_iso_date("1990-01-01"), d950601 = dict_parse_iso_date("1995-06-01"),
                d990815 = dict_parse_iso_date("1999-08-15");
        CHECK(!strcmp(dict_actor_code_p2(a, d1990)->code, "HOB"));
        CHECK(!strcmp(dict_actor_code_p2(a, d950601)->code, "HOBGOV"));  /* < is strict */
        CHECK(!strcmp(dict_actor_code_p1(a, d950601)->code, "HOB"));     /* <= in P1 */
        CHECK(!strcmp(dict_actor_code_p2(a, d990815)->code, "HOBELI"));  /* end exclusive */
        CHECK(!strcmp(dict_actor_code_p1(a, d990815)->code, "HOBGOV"));  /* inclusive */
    }
    a = dict_actor_get(d, "ARNOR");
    CHECK(a && a->ncodes == 2 && (a->codes[0].flags & DICT_CODE_PRIMARY));
    if (a) {
        CHECK(dict_actor_code_p2(a, dict_parse_iso_date("2000-01-01")) == NULL);
        CHECK(dict_actor_code_p1(a, dict_parse_iso_date("1987-07-01")) == &a->codes[1]);
    }
    a = dict_actor_get(d, "LAST ONE");
    CHECK(a && (a->flags & DICT_ACT_UNFLUSHED) && (a->codes[0].flags & DICT_CODE_UNFLUSHED));
    size_t n;
    const dict_actor *const *g = dict_actors_by_first(d, "HAMFAST", &n);
    CHECK(g && n == 1 && g[0] == dict_actor_get(d, "HAMFAST GAMGEE"));
    dyad_dicts_free(d);
}

static void test_dates(void) {
    CHECK(dict_date_ordinal(1601, 1, 1) == 1);
    CHECK(dict_date_ordinal(1601, 1, 2) == 2);
    CHECK(dict_date_ordinal(2000, 2, 29) > 0 && dict_date_ordinal(1900, 2, 29) == 0);
    CHECK(dict_date_ordinal(2001, 2, 29) == 0 && dict_date_ordinal(2001, 13, 1) == 0);
    CHECK(dict_parse_date("2004017", 7) == dict_date_ordinal(2020, 4, 1));   /* §4.3 */
    CHECK(dict_parse_date("300101", 6) == dict_date_ordinal(2030, 1, 1));
    CHECK(dict_parse_date("310101", 6) == dict_date_ordinal(1931, 1, 1));
    CHECK(dict_parse_date("19950601", 8) == dict_date_ordinal(1995, 6, 1));
    CHECK(dict_parse_date("990230", 6) == 0 && dict_parse_date("99013", 5) == 0);
    CHECK(dict_parse_date("9901x1", 6) == 0);
    CHECK(dict_parse_iso_date("2015-01-01") == dict_date_ordinal(2015, 1, 1));
    CHECK(dict_parse_iso_date("20150101") == dict_date_ordinal(2015, 1, 1));
    CHECK(dict_parse_iso_date("2015-1-01") == 0 && dict_parse_iso_date("") == 0);
    /* 2015-01-01 and 1995-01-01 one ordinal apart from their neighbours */
    CHECK(dict_date_ordinal(2015, 1, 1) - dict_date_ordinal(2014, 12, 31) == 1);
    CHECK(dict_date_ordinal(2001, 1, 1) - dict_date_ordinal(2000, 1, 1) == 366);
}

static void test_agents_discards_issues(void) {
    const char *files[] = {FX "good.agents.txt", FX "good.discards.txt", FX "good.issues.txt", NULL};
    dyad_dicts *d = load(files, 0);
    const dict_agent *g = dict_agent_get(d, "POLICE");
    CHECK(g && !strcmp(g->code, "~COP") && dict_agent_get(d, "POLICES") == NULL);
    g = dict_agent_get(d, "ATTORNEYS GENERAL");
    CHECK(g && (g->flags & DICT_AGT_LISTED) && !strcmp(g->code, "~GOVATG"));
    CHECK(dict_agent_get(d, "ARMIES") != NULL && dict_agent_get(d, "BUSES") != NULL);
    g = dict_agent_get(d, "CONGRESSWOMAN");
    CHECK(g && (g->flags & DICT_AGT_SUBST) && !strcmp(g->code, "~LEG") && g->line == 6);
    CHECK(dict_agent_get(d, "CONGRESSMEN") == NULL);     /* no plural for substitutions */
    g = dict_agent_get(d, "HUMAN RIGHTS BODY");
    CHECK(g && !strcmp(g->code, "NGO~"));
    const char *w[] = {"FRENCH", "ATTORNEY", "GENERAL"};
    size_t len;
    g = dict_agent_match(d, w, 3, 1, &len);
    CHECK(g && len == 2);
    const dict_discard *x = dict_discard_get(d, "WORLD GOLF CHAMPIONSHIPS");
    CHECK(x && x->story == 1 && x->line == 3);
    x = dict_discard_get(d, "MONTHS LATER");
    CHECK(x && x->story == 0 && x->nwords == 2);
    const dict_issue *is = dict_issue_get(d, "SCHOOLS");
    CHECK(is && !strcmp(is->code, "SCHOOLS") && !strcmp(is->category, "EDUCATION"));
    CHECK(dict_issue_get(d, "PRE K") && dict_issue_get(d, "PRE-K"));
    CHECK(dict_issue_get(d, "ARRESTED STUDENTS") && dict_issue_get(d, "ARRESTING STUDENT"));
    is = dict_issue_get(d, "A HEAD START");
    CHECK(is && is->kind == DICT_ISSUE_IGNORE);
    is = dict_issue_get(d, "IGNORE ME");
    CHECK(is && is->kind == DICT_ISSUE_IGNORE_STORY);
    size_t n;
    dict_issues(d, &n);
    CHECKF(n == 2 + 2 + 8 + 2, "issues %zu", n);
    dyad_dicts_free(d);
}

static int hits;
static char last_code[64], last_where[512];
static void on_hit(void *ctx, const dyad_dict_hit *h) {
    (void)ctx;
    if (strcmp(h->what, "actor")) return;
    hits++;
    snprintf(last_code, sizeof last_code, "%s", h->code);
    snprintf(last_where, sizeof last_where, "%s:%u", h->file, (unsigned)h->line);
}

static void test_production(void) {
    const char *dir = shared_path("data/petrarch");
    if (!dir) { SKIP("../shared absent"); return; }
    dyad_dicts *d;
    dyad_status st = dyad_dicts_open(dir, NULL, 0, &d);
    CHECKF(st == DYAD_OK, "%s", dyad_dicts_errmsg(d));
    CHECK(dyad_dicts_nfiles(d) == 7 && dyad_dicts_ndiag(d) == 0);
    /* acceptance: VLADIMIR PUTIN on two dates */
    hits = 0;
    CHECK(dyad_dicts_lookup(d, "Vladimir Putin", "2015-01-01", on_hit, NULL) == DYAD_OK);
    CHECK(hits == 1 && !strcmp(last_code, "RUSGOV") && strstr(last_where, "Phoenix.Countries.actors.txt:39574"));
    CHECK(dyad_dicts_lookup(d, "VLADIMIR_PUTIN", "1995-01-01", on_hit, NULL) == DYAD_OK);
    CHECK(!strcmp(last_code, "RUSELI") && strstr(last_where, "Phoenix.Countries.actors.txt:39571"));
    CHECK(dyad_dicts_lookup(d, "NO SUCH PHRASE XYZ", NULL, on_hit, NULL) == DYAD_ENOTFOUND);
    CHECK(dyad_dicts_lookup(d, "PUTIN", "2015-02-30", on_hit, NULL) == DYAD_EINVAL);
    /* P2's pytest facts (formats.md §0) */
    const dict_actor *a = dict_actor_get(d, "CROATIA");
    CHECKF(a && a->ncodes == 4, "CROATIA %u codes", a ? a->ncodes : 0);
    a = dict_actor_get(d, "UFFE ELLEMANN JENSEN");
    CHECK(a && a->ncodes == 2 && a->codes[1].kind == DICT_DATE_RANGE);
    a = dict_actor_get(d, "EL SISI");
    int sisi = 0;
    for (uint32_t i = 0; a && i < a->ncodes; i++) if (!strcmp(a->codes[i].dates, ">140608")) sisi++;
    CHECK(sisi == 1);
    const char *carl[] = {"CARL", "XVI", "GUSTAF"};
    size_t len;
    a = dict_actor_match(d, carl, 3, 0, 1, &len);
    CHECK(a && len == 3);
    if (a) {
        CHECK(!strcmp(dict_actor_code_p2(a, dict_parse_iso_date("2015-08-13"))->code, "SWEGOV"));
        CHECK(!strcmp(dict_actor_code_p2(a, dict_parse_iso_date("1972-08-13"))->code, "SWEELI"));
        CHECK(!strcmp(dict_actor_code_p2(a, dict_parse_iso_date("1901-08-13"))->code, "SWEELI"));
    }
    /* §2.1: 305 blocks with patterns; 6,763 verb keys in P2, 6,762 here
    ** because P2 reads `RECONVENE[---]` (no blank before the code) as the
    ** verb word RECONVENE[---], which we read as RECONVENE [---]. */
    size_t nb;
    const dict_block *B = dict_blocks(d, &nb);
    size_t withp = 0;
    for (size_t i = 0; i < nb; i++) {
        if (!B[i].npatterns) continue;
        size_t j = 0;
        while (j < i && !(B[j].npatterns && !strcmp(B[j].name, B[i].name))) j++;
        if (j == i) withp++;
    }
    CHECKF(withp == 305, "blocks with patterns %zu", withp);
    const dict_verb_form *f = dict_verb_lookup(d, "RECONVENE", NULL, 0);
    CHECK(f && !strcmp(f->code.text, "---"));
    const char *prt[] = {"FOR"};
    f = dict_verb_lookup(d, "ASKED", prt, 1);
    CHECKF(f && f->nback == 1 && !strcmp(f->code.text, "020"), "ASKED FOR");
    size_t nt;
    dict_transforms(d, &nt);
    CHECK(nt == 8);
    dyad_dicts_free(d);
}

static void test_failures(void) {
    /* every allocation failure is reported, never a crash or a leak */
    const char *files[] = {FX "good.verbs.txt", FX "good.actors.txt", FX "good.agents.txt",
                           FX "good.issues.txt", FX "good.discards.txt"};
    int nomem = 0, ok = 0;
    for (long k = 1; k < 3000; k++) {
        dyad_alloc_fail_after(k);
        dyad_dicts *d = dyad_dicts_new(DYAD_DICT_LINT);
        dyad_status st = d ? DYAD_OK : DYAD_NOMEM;
        for (size_t i = 0; i < 5 && !st; i++) st = dyad_dicts_add_file(d, files[i], DYAD_DK_AUTO);
        if (!st) st = dyad_dicts_freeze(d);
        dyad_alloc_fail_after(0);
        if (st == DYAD_NOMEM) nomem++;
        else if (st == DYAD_OK) { ok++; dyad_dicts_free(d); break; }
        else CHECKF(0, "k=%ld: unexpected status %d (%s)", k, st, dyad_dicts_errmsg(d));
        dyad_dicts_free(d);
    }
    CHECKF(nomem > 20 && ok == 1, "nomem=%d ok=%d", nomem, ok);
    dyad_dicts *d = dyad_dicts_new(0);
    CHECK(dyad_dicts_add_file(d, FX "missing.actors.txt", DYAD_DK_AUTO) == DYAD_EIO);
    CHECK(strstr(dyad_dicts_errmsg(d), "missing.actors.txt: cannot open") != NULL);
    CHECK(dyad_dicts_add_file(d, FX "bad_nostar.verbs.txt", DYAD_DK_AUTO) == DYAD_EPARSE);
    CHECK(!strcmp(dyad_dicts_errmsg(d), FX "bad_nostar.verbs.txt:3: pattern without '*' (the verb's place)"));
    CHECK(dyad_dicts_freeze(d) == DYAD_OK);
    CHECK(dyad_dicts_add_file(d, FX "good.actors.txt", DYAD_DK_AUTO) == DYAD_EINVAL);  /* frozen */
    dyad_dicts_free(d);
    dyad_dicts_free(NULL);
    d = dyad_dicts_new(DYAD_DICT_LENIENT);
    CHECK(dyad_dicts_add_file(d, FX "bad_date.actors.txt", DYAD_DK_AUTO) == DYAD_OK);
    CHECK(dyad_dicts_nskipped(d) == 1 && dyad_dicts_ndiag(d) == 1);
    CHECK(strstr(dyad_dicts_diag(d, 0), "bad_date.actors.txt:3: bad date") != NULL);
    dyad_dicts_free(d);
}

/* Readers on several threads share one frozen set (no locks). */
static const dyad_dicts *shared_set;
static void count_hit(void *ctx, const dyad_dict_hit *h) { (void)h; (*(int *)ctx)++; }
static void *reader(void *arg) {
    long bad = 0;
    const char *w[] = {"THE", "MINAS", "TIRITH", "SAID"};
    for (int i = 0; i < 20000; i++) {
        size_t len;
        const dict_actor *a = dict_actor_match(shared_set, w, 4, 1, 1, &len);
        if (!a || len != 2) bad++;
        if (i % 100 == 0) {
            int nh = 0;
            dyad_dicts_lookup(shared_set, "hamfast gamgee", "1999-08-15", count_hit, &nh);
            if (nh != 1) bad++;
        }
    }
    *(long *)arg = bad;
    return NULL;
}
static void test_threads(void) {
    const char *files[] = {FX "good.actors.txt", NULL};
    dyad_dicts *d = load(files, 0);
    shared_set = d;
    pthread_t t[4];
    long bad[4] = {0};
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, reader, &bad[i]);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    CHECK(bad[0] + bad[1] + bad[2] + bad[3] == 0);
    dyad_dicts_free(d);
}

int main(void) {
    test_threads();
    test_dates();
    test_verbs_cameo2();
    test_regular_forms();
    test_verbs_legacy();
    test_actors();
    test_agents_discards_issues();
    test_issue_expansion_cap();
    test_production();
    test_failures();
    return TEST_END();
}
