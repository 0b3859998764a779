/* test_cluster.c: exchange clustering (src/cluster.c). On a toy language
** whose words fall into distributional groups (determiners, nouns, verbs,
** adverbs), the classes must be exactly those groups; the result must not
** depend on anything but the input; rare words get no class; bad arguments
** and empty input are handled. */
#include "cluster.h"
#include "harness.h"
#include "model.h"

static const char *det[] = {"the", "a", "this", "every"};
static const char *noun[] = {"cat", "dog", "bird", "fish", "horse"};
static const char *verb[] = {"runs", "sleeps", "eats", "swims"};
static const char *adv[] = {"quickly", "slowly", "often"};

static uint64_t h(const char *w) { return tok_lower_hash(w, strlen(w)); }

/* "D N V ADV ." in every combination, a sentence boundary after each: six
** groups with the boundary and ".". */
static size_t corpus(uint64_t *tok) {
    size_t n = 0;
    for (int d = 0; d < 4; d++)
        for (int a = 0; a < 5; a++)
            for (int v = 0; v < 4; v++)
                for (int r = 0; r < 3; r++) {
                    tok[n++] = h(det[d]); tok[n++] = h(noun[a]); tok[n++] = h(verb[v]);
                    tok[n++] = h(adv[r]); tok[n++] = h(".");
                    tok[n++] = CLUSTER_BOUNDARY;
                }
    return n;
}

static int cls_of(const cluster_words *c, const char *w) {
    for (uint32_t i = 0; i < c->n; i++) if (c->word[i] == h(w)) return c->cls[i];
    return -1;
}

/* All words of a group share one class, which no other group has. */
static int group_ok(const cluster_words *c, const char **g, int ng, int *cls) {
    *cls = cls_of(c, g[0]);
    for (int i = 1; i < ng; i++) if (cls_of(c, g[i]) != *cls) return 0;
    return *cls >= 0;
}

int main(void) {
    static uint64_t tok[4 * 5 * 4 * 3 * 6 + 8];
    size_t n = corpus(tok);
    cluster_words c, c2;
    CHECK(cluster_run(tok, n, 3, 6, 20, &c) == 0);
    CHECKF(c.n == 4 + 5 + 4 + 3 + 1, "%u words", c.n);   /* the boundary is not a word */
    int cd, cn, cv, ca;
    CHECK(group_ok(&c, det, 4, &cd));
    CHECK(group_ok(&c, noun, 5, &cn));
    CHECK(group_ok(&c, verb, 4, &cv));
    CHECK(group_ok(&c, adv, 3, &ca));
    CHECKF(cd != cn && cd != cv && cd != ca && cn != cv && cn != ca && cv != ca,
           "classes %d %d %d %d", cd, cn, cv, ca);
    CHECKF(c.moves == 0 && c.iterations < 20, "%d passes, %u moves in the last", c.iterations, c.moves);
    /* most frequent first: "." (240 times) */
    CHECK(c.word[0] == h("."));

    CHECK(cluster_run(tok, n, 3, 6, 20, &c2) == 0);   /* deterministic */
    CHECK(c2.n == c.n && !memcmp(c2.word, c.word, c.n * sizeof *c.word)
          && !memcmp(c2.cls, c.cls, c.n * sizeof *c.cls));
    cluster_free(&c2);

    /* a word seen twice stays out with min_count 3 */
    tok[n++] = h("zebra"); tok[n++] = CLUSTER_BOUNDARY;
    tok[n++] = h("zebra"); tok[n++] = CLUSTER_BOUNDARY;
    CHECK(cluster_run(tok, n, 3, 6, 20, &c2) == 0);
    CHECK(c2.n == c.n && cls_of(&c2, "zebra") < 0);
    cluster_free(&c2);
    CHECK(cluster_run(tok, n, 2, 6, 20, &c2) == 0);
    CHECK(c2.n == c.n + 1 && cls_of(&c2, "zebra") >= 0);
    cluster_free(&c2);

    /* more classes than words; one token; nothing; bad k */
    CHECK(cluster_run(tok, n, 1, 64, 5, &c2) == 0 && c2.n == c.n + 1);
    cluster_free(&c2);
    CHECK(cluster_run(tok, 1, 1, 2, 5, &c2) == 0 && c2.n == 1);
    cluster_free(&c2);
    CHECK(cluster_run(tok, 0, 1, 2, 5, &c2) == 0 && c2.n == 0);
    cluster_free(&c2);
    CHECK(cluster_run(tok, n, 1, 1, 5, &c2) == -1);
    CHECK(cluster_run(tok, n, 1, 5000, 5, &c2) == -1);
    cluster_free(&c);
    return TEST_END();
}
