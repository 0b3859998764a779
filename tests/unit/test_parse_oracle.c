/* test_parse_oracle.c: the arc-hybrid transition system and its dynamic
** oracle. On projective gold trees, following any zero-cost action must
** rebuild the gold tree exactly; after a wrong action, the oracle's minimum
** cost must equal the arcs actually lost. Uses tiny built-in trees, and all
** of EWT dev when ../shared is present. */
#include "dyad.h"
#include "harness.h"
#include "model.h"

static unsigned rng = 7;
static unsigned next_rand(void) { rng = rng * 1103515245u + 12345u; return rng >> 8; }

/* Run the oracle from the initial state; `noise` in percent = chance of a
** random valid action. Returns the number of correct labeled arcs; *best is
** what the oracle promised after the first mistake (n if none). */
static int run(int n, const int *head, const int *lab, int nlab, int root, int noise, int *promised) {
    uint64_t *word = calloc(2 * ((size_t)n + 2), sizeof *word);
    int *tag = calloc((size_t)n + 2, sizeof *tag), *gh = calloc((size_t)n + 2, sizeof *gh);
    uint8_t coarse[256];
    for (int i = 0; i < 256; i++) coarse[i] = (uint8_t)i;
    for (int d = 1; d <= n; d++) gh[d] = head[d] == 0 ? n + 1 : head[d];
    pstate st;
    pstate_init(&st, n, word, tag, coarse, nlab, root, 2);
    int na = 1 + 2 * nlab, cost[256], lost = 0;
    while (!parse_done(&st)) {
        parse_costs(&st, gh, lab, cost);
        int zero[256], nz = 0, valid[256], nv = 0, minc = 1 << 30;
        for (int a = 0; a < na; a++) if (cost[a] < minc) minc = cost[a];
        for (int a = 0; a < na; a++) {
            if (cost[a] == minc) zero[nz++] = a;
            if (parse_valid(&st, a)) valid[nv++] = a;
        }
        int a = zero[next_rand() % (unsigned)nz];
        if (noise && (int)(next_rand() % 100) < noise) a = valid[next_rand() % (unsigned)nv];
        lost += cost[a] - minc;
        parse_apply(&st, a);
    }
    int right = 0;
    for (int d = 1; d <= n; d++) right += st.head[d] == gh[d] && st.lab[d] == lab[d];
    *promised = n - lost;
    pstate_free(&st);
    free(word); free(tag); free(gh);
    return right;
}

static int projective(const int *head, int n) {
    for (int d = 1; d <= n; d++) {
        int h = head[d];
        if (!h) continue;
        int lo = h < d ? h : d, hi = h < d ? d : h;
        for (int k = lo + 1; k < hi; k++) {
            int a = k, s = 0;
            while (a && a != h && s++ <= n) a = head[a];
            if (a != h) return 0;
        }
    }
    return 1;
}

int main(void) {
    /* "Rebels attacked the town , the army said ." with labels 0=root 1..4 */
    int head[] = {0, 2, 0, 4, 2, 8, 7, 8, 2, 2};
    int lab[] = {0, 1, 0, 2, 3, 4, 2, 1, 3, 4};
    int p;
    CHECK(run(9, head, lab, 5, 0, 0, &p) == 9);
    for (int k = 0; k < 200; k++) {
        int r = run(9, head, lab, 5, 0, 30, &p);
        CHECKF(r == p, "noisy run %d: %d right, oracle promised %d", k, r, p);
    }
    /* lifting: 1 <- 3 (root), 2 <- 1, 4 <- 3, 5 <- 1 crosses 3: 5 goes to 1's head */
    int nph[] = {0, 3, 1, 0, 3, 1}, want[] = {0, 3, 1, 0, 3, 3};
    CHECK(!projective(nph, 5));
    CHECK(parse_lift_nonproj(nph, 5) == 1);
    CHECK(!memcmp(nph, want, sizeof want));
    CHECK(parse_lift_nonproj(nph, 5) == 0);
    const char *path = shared_path("data/ud/en_ewt/en_ewt-ud-dev.conllu");
    if (!path) { SKIP("../shared/data/ud/en_ewt absent"); return TEST_END(); }
    dyad_conllu *r;
    dyad_sentence *s = dyad_sentence_new();
    CHECK(dyad_conllu_open(path, 0, &r) == DYAD_OK);
    char labs[64][32]; int nlab = 1;
    strcpy(labs[0], "root");
    int got, nproj = 0, exact = 0, noisy = 0, kept = 0, nonproj = 0, lifted = 0;
    while (dyad_conllu_next(r, s, &got) == DYAD_OK && got) {
        int n = dyad_sentence_len(s);
        dyad_token *t = dyad_sentence_tokens(s);
        int *h = calloc((size_t)n + 2, sizeof *h), *l = calloc((size_t)n + 2, sizeof *l);
        for (int i = 0; i < n; i++) {
            h[i + 1] = t[i].head;
            int j;
            for (j = 0; j < nlab; j++) if (!strcmp(labs[j], t[i].deprel)) break;
            if (j == nlab && nlab < 64) { snprintf(labs[nlab], 32, "%s", t[i].deprel); nlab++; }
            l[i + 1] = j < 64 ? j : 0;
        }
        if (!projective(h, n)) {       /* lifted: projective, one root, rebuilt by the oracle */
            int roots0 = 0, roots1 = 0;
            for (int d = 1; d <= n; d++) roots0 += h[d] == 0;
            int lifts = parse_lift_nonproj(h, n);
            for (int d = 1; d <= n; d++) roots1 += h[d] == 0;
            nonproj++;
            lifted += lifts > 0 && projective(h, n) && roots1 == roots0 && run(n, h, l, 64, 0, 0, &p) == n;
        } else {
            nproj++;
            exact += run(n, h, l, 64, 0, 0, &p) == n;
            int rr = run(n, h, l, 64, 0, 10, &p);
            noisy++;
            kept += rr == p;
        }
        free(h); free(l);
    }
    CHECKF(nproj > 1800 && exact == nproj, "%d of %d projective trees rebuilt", exact, nproj);
    CHECKF(kept == noisy, "oracle exact after mistakes on %d of %d", kept, noisy);
    CHECKF(nonproj > 20 && lifted == nonproj, "%d of %d non-projective trees lifted to projective ones", lifted, nonproj);
    dyad_sentence_free(s);
    dyad_conllu_close(r);
    return TEST_END();
}
