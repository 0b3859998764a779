/* test_ap.c: the averaged perceptron's frozen tables (src/ap.c). A table
** frozen with 3-byte entries (AP_PACKED, feature set 5) must score exactly as
** the 4-byte one; ap_view must refuse malformed blocks of both layouts;
** pruning drops small weights. */
#include "ap.h"
#include "dyad.h"
#include "harness.h"

static unsigned rng = 12345;
static unsigned next_rand(void) { rng = rng * 1103515245u + 12345u; return rng >> 8; }

int main(void) {
    enum { NC = 40, NK = 300 };
    ap_train *a = ap_train_new(NC);
    CHECK(a != NULL);
    uint64_t keys[8];
    int upd = 1;
    /* random updates over a few hundred keys, with negative and positive weights */
    for (int it = 0; it < 20000; it++) {
        for (int k = 0; k < 8; k++) keys[k] = ap_key(1, next_rand() % NK, (uint64_t)k, 0);
        int g = (int)(next_rand() % NC), p = (int)(next_rand() % NC);
        upd &= ap_train_update(a, keys, 8, g, p) == 0;
        ap_train_tick(a);
    }
    CHECK(upd);
    ap_table t4, t3, tp;
    void *m4 = NULL, *m3 = NULL, *mp = NULL;
    size_t s4 = 0, s3 = 0, sp = 0;
    CHECK(ap_freeze(a, 0.0f, 0, &t4, &m4, &s4) == 0);
    CHECK(ap_freeze(a, 0.0f, AP_PACKED, &t3, &m3, &s3) == 0);
    CHECKF(t3.nent == t4.nent && t3.ent3 && !t3.ent && t4.ent && !t4.ent3, "%u %u", t3.nent, t4.nent);
    CHECKF(s3 < s4 && s4 - s3 >= (size_t)t4.nent - 8, "sizes %zu %zu", s3, s4);
    int same = 1;
    for (int q = 0; q < 2000; q++) {
        float sc4[NC] = {0}, sc3[NC] = {0};
        for (int k = 0; k < 8; k++) keys[k] = ap_key(1, next_rand() % (NK + 50), (uint64_t)k, 0);
        ap_score(&t4, keys, 8, sc4);
        ap_score(&t3, keys, 8, sc3);
        for (int c = 0; c < NC; c++) same &= sc4[c] == sc3[c];
    }
    CHECK(same);
    /* the view of a copy works; a class out of range or a short block is refused */
    ap_table v;
    void *cp = dyad_malloc(s3);
    memcpy(cp, m3, s3);
    CHECK(ap_view(cp, s3, &v) == 0 && v.ent3 && v.nent == t3.nent);
    CHECK(ap_view(cp, s3 - 8, &v) == -1);
    uint32_t cap = ((uint32_t *)cp)[1];
    unsigned char *ents = (unsigned char *)cp + 16 + ((size_t)cap + 1) * 8;
    ents[2] = NC + 5;                       /* the first entry's class */
    CHECK(ap_view(cp, s3, &v) == -1);
    ((uint32_t *)cp)[0] &= 0x7fffffffu;     /* the same bytes read as 4-byte entries: wrong size */
    CHECK(ap_view(cp, s3, &v) == -1);
    dyad_free(cp);
    /* pruning keeps fewer entries, packed too */
    CHECK(ap_freeze(a, 2.0f, AP_PACKED, &tp, &mp, &sp) == 0 && tp.nent < t3.nent && sp < s3);
    dyad_free(m4); dyad_free(m3); dyad_free(mp);
    ap_train_free(a);
    return TEST_END();
}
