/* test_dict_fuzz.c: deterministic mutation test of the dictionary loaders.
** Each hand-written fixture is damaged in 400 seeded ways (bytes replaced by
** the format's special characters, NUL, 0xFF, newlines; lines cut; bytes
** deleted) and loaded strict and lenient, under every kind; the result must
** be DYAD_OK or DYAD_EPARSE (strict) / DYAD_OK (lenient), and a lenient set
** must answer lookups and survive a cache round trip. Run it under ASan. */
#include "dyad.h"
#include "dict.h"
#include "harness.h"
#include <unistd.h>

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint32_t rnd(uint32_t n) {
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    return (uint32_t)(rng % n);
}

static char *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *b = malloc(1 << 16);
    *n = fread(b, 1, (1 << 16) - 1, f);
    fclose(f);
    return b;
}

static void on_hit(void *ctx, const dyad_dict_hit *h) { (*(int *)ctx) += h->line > 0; }

int main(void) {
    static const char *const fx[] = {"good.verbs.txt", "good.actors.txt", "good.agents.txt",
                                     "good.discards.txt", "good.issues.txt", "lint.verbs.txt", "crlf.actors.txt"};
    static const dyad_dict_kind kinds[] = {DYAD_DK_VERBS_CAMEO2, DYAD_DK_VERBS_LEGACY, DYAD_DK_ACTORS,
                                           DYAD_DK_AGENTS, DYAD_DK_DISCARDS, DYAD_DK_ISSUES};
    static const char special[] = "[](){}*+_#&!~<>-:=$%^ \t\n\r\032";
    char path[256], cache[256];
    snprintf(path, sizeof path, "/tmp/dyad-test-fuzz-%d.txt", (int)getpid());
    snprintf(cache, sizeof cache, "/tmp/dyad-test-fuzz-%d.cache", (int)getpid());
    int bad = 0, loaded = 0, failed_strict = 0;
    for (int round = 0; round < 400; round++) {
        char src[256];
        snprintf(src, sizeof src, "tests/data/dict/%s", fx[round % 7]);
        size_t n;
        char *b = slurp(src, &n);
        if (!b) { CHECKF(0, "cannot read %s", src); break; }
        int edits = 1 + (int)rnd(6);
        for (int e = 0; e < edits && n > 0; e++) {
            size_t at = rnd((uint32_t)n);
            switch (rnd(5)) {
            case 0: b[at] = special[rnd(sizeof special - 1)]; break;
            case 1: b[at] = (char)(rnd(2) ? 0 : 0xFF); break;
            case 2: n = at; break;                                   /* truncate */
            case 3: memmove(b + at, b + at + 1, n - at - 1); n--; break;  /* delete */
            default:                                                 /* duplicate a byte */
                if (n + 1 < (1 << 16)) { memmove(b + at + 1, b + at, n - at); n++; }
            }
        }
        FILE *f = fopen(path, "wb");
        fwrite(b, 1, n, f);
        fclose(f);
        free(b);
        dyad_dict_kind k = kinds[rnd(6)];
        dyad_dicts *d = dyad_dicts_new(0);
        dyad_status st = dyad_dicts_add_file(d, path, k);
        if (st != DYAD_OK && st != DYAD_EPARSE) bad++;
        if (st == DYAD_EPARSE) {
            failed_strict++;
            if (!strstr(dyad_dicts_errmsg(d), path)) bad++;     /* file:line: message */
        }
        dyad_dicts_free(d);
        d = dyad_dicts_new(DYAD_DICT_LENIENT | DYAD_DICT_LINT);
        st = dyad_dicts_add_file(d, path, k);
        if (st == DYAD_OK) st = dyad_dicts_freeze(d);
        if (st != DYAD_OK) { bad++; fprintf(stderr, "round %d: %s\n", round, dyad_dicts_errmsg(d)); }
        else {
            loaded++;
            int hits = 0;
            static const char *const q[] = {"GONDOR", "MEET", "POLICE", "&WEAPON", "MONTHS LATER",
                                             "SCHOOLS", "MINAS TIRITH", "BEEFED UP", ""};
            for (size_t i = 0; i < sizeof q / sizeof q[0]; i++)
                dyad_dicts_lookup(d, q[i], rnd(2) ? "2000-01-01" : NULL, on_hit, &hits);
            const char *w[] = {"GONDOR", "MINAS", "TIRITH", "POLICE"};
            size_t len;
            dict_actor_match(d, w, 4, rnd(4), 1, &len);
            dict_agent_match(d, w, 4, rnd(4), &len);
            dict_verb_lookup(d, "MEET", w, 2);
            if (round % 20 == 0) {
                dyad_dicts *c;
                if (dyad_dicts_compile(d, cache) != DYAD_OK) bad++;
                else if (dyad_dicts_open_compiled(cache, &c) != DYAD_OK) { bad++; dyad_dicts_free(c); }
                else {
                    int h2 = 0;
                    dyad_dicts_lookup(c, "GONDOR", NULL, on_hit, &h2);
                    dyad_dicts_free(c);
                }
            }
        }
        dyad_dicts_free(d);
    }
    remove(path);
    remove(cache);
    CHECKF(bad == 0, "%d unexpected results", bad);
    CHECKF(loaded == 400 && failed_strict > 100, "loaded %d, strict failures %d", loaded, failed_strict);
    return TEST_END();
}
