/* test_dict_cache.c: the compiled dictionary cache. A set loaded from the
** cache must equal the set loaded from the files, entry by entry (round
** trip); a changed source makes it stale; a damaged, truncated or foreign
** file is refused with DYAD_ECORRUPT, never a crash. */
#include "dyad.h"
#include "dict.h"
#include "harness.h"
#include <unistd.h>
#include <sys/stat.h>

static int same_str(const char *a, const char *b) { return (!a && !b) || (a && b && !strcmp(a, b)); }

/* Compare everything reachable from the coder's API; returns mismatches. */
static int compare(const dyad_dicts *a, const dyad_dicts *b) {
    int bad = 0;
    size_t na, nb;
    const dict_block *ba = dict_blocks(a, &na), *bb = dict_blocks(b, &nb);
    bad += na != nb;
    for (size_t i = 0; i < na && i < nb; i++)
        bad += !same_str(ba[i].name, bb[i].name) || !same_str(ba[i].code.text, bb[i].code.text) ||
               ba[i].npatterns != bb[i].npatterns || !same_str(ba[i].primary, bb[i].primary);
    const dict_pattern *pa = dict_patterns(a, &na), *pb = dict_patterns(b, &nb);
    bad += na != nb;
    for (size_t i = 0; i < na && i < nb; i++) {
        bad += !same_str(pa[i].text, pb[i].text) || pa[i].nupper != pb[i].nupper ||
               pa[i].nlower != pb[i].nlower || pa[i].line != pb[i].line || !same_str(pa[i].file, pb[i].file);
        for (size_t j = 0; j < pa[i].nlower && j < pb[i].nlower; j++)
            bad += !same_str(pa[i].lower[j].text, pb[i].lower[j].text) ||
                   pa[i].lower[j].synset != pb[i].lower[j].synset;
    }
    const dict_synset *sa = dict_synsets(a, &na), *sb = dict_synsets(b, &nb);
    bad += na != nb;
    for (size_t i = 0; i < na && i < nb; i++) {
        bad += sa[i].nflat != sb[i].nflat || sa[i].nmembers != sb[i].nmembers;
        for (size_t j = 0; j < sa[i].nflat && j < sb[i].nflat; j++)
            bad += !same_str(sa[i].flat[j]->text, sb[i].flat[j]->text) ||
                   !same_str(sa[i].flat[j]->plural, sb[i].flat[j]->plural);
    }
    const dict_transform *ta = dict_transforms(a, &na), *tb = dict_transforms(b, &nb);
    bad += na != nb;
    for (size_t i = 0; i < na && i < nb; i++) bad += !same_str(ta[i].rhs, tb[i].rhs);
    const dict_issue *ia = dict_issues(a, &na);
    dict_issues(b, &nb);
    bad += na != nb;
    for (size_t i = 0; i < na; i++) {
        const dict_issue *x = dict_issue_get(b, ia[i].phrase);
        bad += !x || x != dict_issue_get(b, x->phrase);
    }
    const dict_discard *da = dict_discards(a, &na);
    for (size_t i = 0; i < na; i++) {
        const dict_discard *x = dict_discard_get(b, da[i].phrase), *y = dict_discard_get(a, da[i].phrase);
        bad += !x || x->story != y->story || x->line != y->line;
    }
    return bad;
}

static int compare_actors(const dyad_dicts *a, const dyad_dicts *b, const char *const *phrases) {
    int bad = 0;
    for (size_t i = 0; phrases[i]; i++) {
        const dict_actor *x = dict_actor_get(a, phrases[i]), *y = dict_actor_get(b, phrases[i]);
        if (!x || !y) { bad += x != y; continue; }
        bad += x->ncodes != y->ncodes || x->nwords != y->nwords || !same_str(x->root, y->root) ||
               x->line != y->line || !same_str(x->file, y->file) || x->flags != y->flags;
        for (uint32_t j = 0; j < x->ncodes && j < y->ncodes; j++)
            bad += !same_str(x->codes[j].code, y->codes[j].code) ||
                   !same_str(x->codes[j].dates, y->codes[j].dates) || x->codes[j].from != y->codes[j].from ||
                   x->codes[j].line != y->codes[j].line;
        size_t n1, n2;
        dict_actors_by_first(a, x->words[0], &n1);
        dict_actors_by_first(b, y->words[0], &n2);
        bad += n1 != n2;
    }
    return bad;
}

static const char *tmp_path(const char *name) {
    static char buf[8][256];
    static int k;
    char *p = buf[k++ & 7];
    snprintf(p, 256, "/tmp/dyad-test-cache-%d-%s", (int)getpid(), name);
    return p;
}

static void copy_file(const char *from, const char *to) {
    FILE *a = fopen(from, "rb"), *b = fopen(to, "wb");
    char buf[8192];
    size_t n;
    while (a && b && (n = fread(buf, 1, sizeof buf, a)) > 0) fwrite(buf, 1, n, b);
    if (a) fclose(a);
    if (b) fclose(b);
}

static void test_fixtures(void) {
    static const char *const names[] = {"good.verbs.txt", "good.actors.txt", "good.agents.txt",
                                        "good.discards.txt", "good.issues.txt", NULL};
    const char *copies[5];
    dyad_dicts *d = dyad_dicts_new(0);
    for (int i = 0; names[i]; i++) {
        char from[256];
        snprintf(from, sizeof from, "tests/data/dict/%s", names[i]);
        copies[i] = tmp_path(names[i]);
        copy_file(from, copies[i]);
        CHECK(dyad_dicts_add_file(d, copies[i], DYAD_DK_AUTO) == DYAD_OK);
    }
    CHECK(dyad_dicts_freeze(d) == DYAD_OK);
    const char *cache = tmp_path("fx.cache");
    CHECK(dyad_dicts_compile(d, cache) == DYAD_OK);
    dyad_dicts *c;
    dyad_status st = dyad_dicts_open_compiled(cache, &c);
    CHECKF(st == DYAD_OK, "%s", dyad_dicts_errmsg(c));
    if (st == DYAD_OK) {
        CHECK(compare(d, c) == 0);
        static const char *const ph[] = {"GONDOR", "MINAS TIRITH", "HAMFAST GAMGEE", "ARNOR", "LAST ONE", NULL};
        CHECK(compare_actors(d, c, ph) == 0);
        const char *up[] = {"UP"};
        const dict_verb_form *f = dict_verb_lookup(c, "BEEFED", up, 1);
        CHECK(f && !strcmp(f->code.text, "041") && !strcmp(f->back[0], "UP"));
        const dict_agent *g = dict_agent_get(c, "CONGRESSWOMAN");
        CHECK(g && !strcmp(g->code, "~LEG"));
        const char *w[] = {"ATTORNEYS", "GENERAL"};
        size_t len;
        CHECK(dict_agent_match(c, w, 2, 0, &len) == dict_agent_get(c, "ATTORNEYS GENERAL") && len == 2);
        CHECK(dyad_dicts_nfiles(c) == 5 && dyad_dicts_file_stats(c, 0)->forms == dyad_dicts_file_stats(d, 0)->forms);
        CHECK(dyad_dicts_compile(c, tmp_path("again.cache")) == DYAD_EINVAL);
    }
    dyad_dicts_free(c);
    /* stale: a source file changes (size and mtime) */
    FILE *f = fopen(copies[1], "a");
    fputs("ROHAN [ROH]\n", f);
    fclose(f);
    st = dyad_dicts_open_compiled(cache, &c);
    CHECK(st == DYAD_ECORRUPT && strstr(dyad_dicts_errmsg(c), "stale cache") &&
          strstr(dyad_dicts_errmsg(c), "good.actors.txt"));
    dyad_dicts_free(c);
    CHECK(dyad_dicts_compile(d, cache) == DYAD_OK);     /* recompiled: fresh again */
    st = dyad_dicts_open_compiled(cache, &c);
    CHECK(st == DYAD_OK);
    dyad_dicts_free(c);
    /* damaged: one byte flipped in the middle; truncated; not a cache; missing */
    struct stat sb;
    stat(cache, &sb);
    FILE *g = fopen(cache, "r+b");
    fseek(g, (long)(sb.st_size / 2), SEEK_SET);
    int ch = fgetc(g);
    fseek(g, (long)(sb.st_size / 2), SEEK_SET);
    fputc(ch ^ 0x5A, g);
    fclose(g);
    st = dyad_dicts_open_compiled(cache, &c);
    CHECK(st == DYAD_ECORRUPT && strstr(dyad_dicts_errmsg(c), "checksum"));
    dyad_dicts_free(c);
    CHECK(truncate(cache, sb.st_size / 3) == 0);
    st = dyad_dicts_open_compiled(cache, &c);
    CHECK(st == DYAD_ECORRUPT);
    dyad_dicts_free(c);
    st = dyad_dicts_open_compiled(copies[0], &c);
    CHECK(st == DYAD_ECORRUPT && strstr(dyad_dicts_errmsg(c), "not a dyad dictionary cache"));
    dyad_dicts_free(c);
    st = dyad_dicts_open_compiled(tmp_path("nope.cache"), &c);
    CHECK(st == DYAD_EIO);
    dyad_dicts_free(c);
    remove(cache);
    for (int i = 0; names[i]; i++) remove(copies[i]);
    dyad_dicts_free(d);
}

static void test_production(void) {
    const char *dir = shared_path("data/petrarch");
    if (!dir) { SKIP("../shared absent"); return; }
    dyad_dicts *d;
    CHECK(dyad_dicts_open(dir, NULL, 0, &d) == DYAD_OK);
    const char *cache = tmp_path("prod.cache");
    CHECK(dyad_dicts_compile(d, cache) == DYAD_OK);
    dyad_dicts *c;
    dyad_status st = dyad_dicts_open_compiled(cache, &c);
    CHECKF(st == DYAD_OK, "%s", dyad_dicts_errmsg(c));
    if (st == DYAD_OK) {
        CHECK(compare(d, c) == 0);
        static const char *const ph[] = {"VLADIMIR PUTIN", "CROATIA", "UFFE ELLEMANN JENSEN", "EL SISI",
                                         "CARL XVI GUSTAF", "AFGHANISTAN", NULL};
        CHECK(compare_actors(d, c, ph) == 0);
        const dict_actor *a = dict_actor_get(c, "VLADIMIR PUTIN");
        CHECK(a && !strcmp(dict_actor_code_p2(a, dict_parse_iso_date("2015-01-01"))->code, "RUSGOV"));
        size_t n1, n2;
        dict_verb_forms(d, "SAID", &n1);
        dict_verb_forms(c, "SAID", &n2);
        CHECK(n1 > 0 && n1 == n2);
    }
    dyad_dicts_free(c);
    dyad_dicts_free(d);
    remove(cache);
}

int main(void) {
    test_fixtures();
    test_production();
    return TEST_END();
}
