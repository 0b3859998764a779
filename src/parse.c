/*
** parse.c: the dependency parser: greedy arc-hybrid transitions (SHIFT,
** LEFT_l, RIGHT_l; ROOT at the end of the buffer, so exactly one root)
** scored by an averaged perceptron with Zhang & Nivre (2011) style rich
** non-local features, and the dynamic oracle costs used in training.
*/
#include "model.h"
#include <string.h>

void parse_coarse(const char *const *upos, int ntag, uint8_t *coarse) {
    for (int i = 0; i < 256; i++) coarse[i] = (uint8_t)i;
    for (int i = 0; i < ntag && i < 254; i++)
        for (int j = 0; j <= i; j++)
            if (!strcmp(upos[i], upos[j])) { coarse[i] = (uint8_t)j; break; }
}

int pstate_init(pstate *st, int n, const uint64_t *word, const int *tag, const uint8_t *coarse,
                int nlab, int root_label, int fset) {
    size_t m = (size_t)n + 2;
    char *blk = dyad_malloc(m * (2 * sizeof(uint64_t) + 10 * sizeof(int)));
    if (!blk) return -1;
    memset(st, 0, sizeof *st);
    st->ls = (uint64_t *)blk;
    st->rs = st->ls + m;
    int *p = (int *)(st->rs + m);
    st->stack = p; p += m;
    st->head = p; p += m;
    st->lab = p; p += m;
    st->l1 = p; p += m;
    st->l2 = p; p += m;
    st->r1 = p; p += m;
    st->r2 = p; p += m;
    st->nl = p; p += m;
    st->nr = p;
    memset(st->ls, 0, 2 * m * sizeof(uint64_t));
    memset(st->head, 0xff, 2 * m * sizeof(int));          /* head, lab = -1 */
    memset(st->l1, 0, 6 * m * sizeof(int));
    st->n = n; st->sp = 0; st->b = 1;
    st->word = word; st->sfx = fset >= 2 ? word + n + 2 : NULL;
    st->amb = fset >= 3 ? word + 2 * ((size_t)n + 2) : NULL;
    st->alt = fset >= 4 ? word + 3 * ((size_t)n + 2) : NULL; st->tag = tag; st->coarse = coarse;
    st->clu = fset >= 5 ? word + 4 * ((size_t)n + 2) : NULL;
    st->nlab = nlab; st->root_label = root_label;
    return 0;
}

void pstate_free(pstate *st) {
    dyad_free(st->ls);
    st->ls = NULL;
}

int parse_nclass(int nlab, int fset) { return 1 + 2 * nlab + (fset >= 5 ? 3 : 0); }

void parse_share(float *sc, int nlab, int nclass) {
    int na = 1 + 2 * nlab;
    if (nclass < na + 3) return;
    sc[0] += sc[na];
    for (int a = 1; a <= nlab; a++) sc[a] += sc[na + 1];
    for (int a = nlab + 1; a < na; a++) sc[a] += sc[na + 2];
}

int parse_done(const pstate *st) { return st->b == st->n + 1 && st->sp == 0; }

int parse_valid(const pstate *st, int a) {
    int L = st->nlab;
    if (a == 0) return st->b <= st->n;
    if (a <= L) {
        int l = a - 1;
        if (st->sp < 1) return 0;
        if (st->b == st->n + 1) return st->sp == 1 && l == st->root_label;
        return l != st->root_label;
    }
    if (a <= 2 * L) return st->sp >= 2 && a - 1 - L != st->root_label;
    return 0;
}

static void add_arc(pstate *st, int h, int d, int l) {
    st->head[d] = h;
    st->lab[d] = l;
    if (d < h) {
        st->nl[h]++;
        st->ls[h] |= 1ULL << l;
        if (!st->l1[h] || d < st->l1[h]) { st->l2[h] = st->l1[h]; st->l1[h] = d; }
        else if (!st->l2[h] || d < st->l2[h]) st->l2[h] = d;
    } else {
        st->nr[h]++;
        st->rs[h] |= 1ULL << l;
        if (!st->r1[h] || d > st->r1[h]) { st->r2[h] = st->r1[h]; st->r1[h] = d; }
        else if (!st->r2[h] || d > st->r2[h]) st->r2[h] = d;
    }
}

void parse_apply(pstate *st, int a) {
    int L = st->nlab;
    if (a == 0) { st->stack[st->sp++] = st->b++; return; }
    int s0 = st->stack[--st->sp];
    if (a <= L) add_arc(st, st->b, s0, a - 1);
    else add_arc(st, st->stack[st->sp - 1], s0, a - 1 - L);
}

void parse_costs(const pstate *st, const int *gh, const int *gl, int *costs) {
    int L = st->nlab, n = st->n, b = st->b, sp = st->sp;
    int s0 = sp >= 1 ? st->stack[sp - 1] : 0, s1 = sp >= 2 ? st->stack[sp - 2] : 0;
    for (int a = 0; a <= 2 * L; a++) costs[a] = 1 << 20;
    if (parse_valid(st, 0)) {
        int c = 0, g = gh[b];
        if (g < b && g != s0 && st->head[g] == -1) c++;
        if (g == n + 1 && sp >= 1) c++;      /* a root pushed on anything stays off ROOT */
        for (int k = 0; k < sp; k++) if (gh[st->stack[k]] == b) c++;
        costs[0] = c;
    }
    if (sp >= 1) {
        int kids = 0;
        for (int d = b; d <= n; d++) if (gh[d] == s0) kids++;
        int g = gh[s0];
        /* s0's arc from ROOT is still reachable only from the stack bottom */
        int groot = g == n + 1, reach = !groot || sp == 1;
        int cl = kids + ((reach && g != b && (g == s1 || g > b)) ? 1 : 0);
        int cr = kids + (reach && g >= b ? 1 : 0);
        for (int l = 0; l < L; l++) {
            if (parse_valid(st, 1 + l)) costs[1 + l] = cl + (g == b && gl[s0] != l);
            if (parse_valid(st, 1 + L + l)) costs[1 + L + l] = cr + (s1 && g == s1 && gl[s0] != l);
        }
    }
}

/* Is the arc into d non-projective (a word between d and its head that does
** not descend from the head)? Root arcs never are. */
static int arc_nonproj(const int *head, int n, int d) {
    int h = head[d];
    if (h == 0) return 0;
    int lo = h < d ? h : d, hi = h < d ? d : h;
    for (int k = lo + 1; k < hi; k++) {
        int a = k, steps = 0;
        while (a != 0 && a != h && steps++ <= n) a = head[a];
        if (a != h) return 1;
    }
    return 0;
}

/* Projectivize a tree by lifting (Nivre & Nilsson 2005, without encoding the
** lift in the label): while an arc is non-projective, the shortest such arc
** (h, d) becomes (head of h, d), its label kept. The head of a non-projective
** arc is never the root word, so the tree keeps one root. Returns the lifts. */
int parse_lift_nonproj(int *head, int n) {
    int lifts = 0;
    for (;;) {
        int best = 0, blen = 0;
        for (int d = 1; d <= n; d++) {
            int len = head[d] > d ? head[d] - d : d - head[d];
            if ((!best || len < blen) && arc_nonproj(head, n, d)) { best = d; blen = len; }
        }
        if (!best || head[head[best]] == 0 || lifts > 4 * n) return lifts;
        head[best] = head[head[best]];
        lifts++;
    }
}

#define W(x) (st->word[x])
#define T(x) ((uint64_t)st->tag[x])
#define SFX(x) (st->sfx[x])
#define AMB(x) (st->amb[x])
#define ALT(x) (st->alt[x])
#define FI(x) TOK_CLU_FINE(st->clu[x])
#define CO(x) (TOK_CLU_COARSE(st->clu[x]) + 5000)
#define C(x) ((uint64_t)st->coarse[st->tag[x]] + 1000)
#define LB(x) ((x) ? (uint64_t)(st->lab[x] + 1) : 0)
#define K(...) ap_key(__VA_ARGS__)

static uint64_t bucket(int d) {
    return d <= 4 ? (uint64_t)d : d <= 6 ? 5 : d <= 10 ? 6 : 7;
}

int parse_features(const pstate *st, uint64_t *keys) {
    int n = st->n, sp = st->sp;
    int s0 = sp >= 1 ? st->stack[sp - 1] : 0, s1 = sp >= 2 ? st->stack[sp - 2] : 0;
    int s2 = sp >= 3 ? st->stack[sp - 3] : 0;
    int b0 = st->b, b1 = b0 + 1 <= n + 1 ? b0 + 1 : 0, b2 = b0 + 2 <= n + 1 ? b0 + 2 : 0;
    int s0l = s0 ? st->l1[s0] : 0, s0l2 = s0 ? st->l2[s0] : 0;
    int s0r = s0 ? st->r1[s0] : 0, s0r2 = s0 ? st->r2[s0] : 0;
    int b0l = st->l1[b0], b0l2 = st->l2[b0];
    int s1l = s1 ? st->l1[s1] : 0, s1r = s1 ? st->r1[s1] : 0;
    uint64_t d = s0 ? bucket(b0 - s0) : 0, d1 = s1 ? bucket(s0 - s1) : 0;
    uint64_t s0wt = K(0, W(s0), T(s0), 0), b0wt = K(0, W(b0), T(b0), 0);
    uint64_t s1wt = K(0, W(s1), T(s1), 0);
    uint64_t vr0 = s0 ? (uint64_t)st->nr[s0] : 99, vl0 = s0 ? (uint64_t)st->nl[s0] : 99;
    uint64_t vlb = (uint64_t)st->nl[b0];
    uint64_t sr0 = s0 ? st->rs[s0] : 0, sl0 = s0 ? st->ls[s0] : 0, slb = st->ls[b0];
    int k = 0;
    keys[k++] = K(1, s0wt, 0, 0);
    keys[k++] = K(2, W(s0), 0, 0);
    keys[k++] = K(3, T(s0), 0, 0);
    keys[k++] = K(4, b0wt, 0, 0);
    keys[k++] = K(5, W(b0), 0, 0);
    keys[k++] = K(6, T(b0), 0, 0);
    keys[k++] = K(7, W(b1), T(b1), 0);
    keys[k++] = K(8, W(b1), 0, 0);
    keys[k++] = K(9, T(b1), 0, 0);
    keys[k++] = K(10, W(b2), 0, 0);
    keys[k++] = K(11, T(b2), 0, 0);
    keys[k++] = K(12, s1wt, 0, 0);
    keys[k++] = K(13, W(s1), 0, 0);
    keys[k++] = K(14, T(s1), 0, 0);
    keys[k++] = K(15, T(s2), 0, 0);
    keys[k++] = K(16, s0wt, b0wt, 0);
    keys[k++] = K(17, s0wt, W(b0), 0);
    keys[k++] = K(18, W(s0), b0wt, 0);
    keys[k++] = K(19, s0wt, T(b0), 0);
    keys[k++] = K(20, T(s0), b0wt, 0);
    keys[k++] = K(21, W(s0), W(b0), 0);
    keys[k++] = K(22, T(s0), T(b0), 0);
    keys[k++] = K(23, T(b0), T(b1), 0);
    keys[k++] = K(24, s1wt, s0wt, 0);
    keys[k++] = K(25, W(s1), W(s0), 0);
    keys[k++] = K(26, T(s1), T(s0), 0);
    keys[k++] = K(27, T(s1), W(s0), 0);
    keys[k++] = K(28, W(s1), T(s0), 0);
    keys[k++] = K(29, T(b0), T(b1), T(b2));
    keys[k++] = K(30, T(s0), T(b0), T(b1));
    keys[k++] = K(31, T(s1), T(s0), T(b0));
    keys[k++] = K(32, T(s0), T(s0l), T(b0));
    keys[k++] = K(33, T(s0), T(s0r), T(b0));
    keys[k++] = K(34, T(s0), T(b0), T(b0l));
    keys[k++] = K(35, T(s2), T(s1), T(s0));
    keys[k++] = K(36, T(s1), T(s1r), T(s0));
    keys[k++] = K(37, T(s1), T(s0), T(s0l));
    keys[k++] = K(38, T(s1), T(s0), T(s0r));
    keys[k++] = K(39, W(s0), d, 0);
    keys[k++] = K(40, T(s0), d, 0);
    keys[k++] = K(41, W(b0), d, 0);
    keys[k++] = K(42, T(b0), d, 0);
    keys[k++] = K(43, W(s0), W(b0), d);
    keys[k++] = K(44, T(s0), T(b0), d);
    keys[k++] = K(45, T(s1), T(s0), d1);
    keys[k++] = K(46, W(s1), W(s0), d1);
    keys[k++] = K(47, W(s0), vr0, 0);
    keys[k++] = K(48, T(s0), vr0, 0);
    keys[k++] = K(49, W(s0), vl0, 0);
    keys[k++] = K(50, T(s0), vl0, 0);
    keys[k++] = K(51, W(b0), vlb, 0);
    keys[k++] = K(52, T(b0), vlb, 0);
    keys[k++] = K(53, T(s1), s1 ? (uint64_t)st->nr[s1] : 99, 0);
    keys[k++] = K(54, W(s0l), 0, 0);
    keys[k++] = K(55, T(s0l), 0, 0);
    keys[k++] = K(56, LB(s0l), 0, 0);
    keys[k++] = K(57, W(s0r), 0, 0);
    keys[k++] = K(58, T(s0r), 0, 0);
    keys[k++] = K(59, LB(s0r), 0, 0);
    keys[k++] = K(60, W(b0l), 0, 0);
    keys[k++] = K(61, T(b0l), 0, 0);
    keys[k++] = K(62, LB(b0l), 0, 0);
    keys[k++] = K(63, LB(s1r), T(s1), 0);
    keys[k++] = K(64, W(s0l2), 0, 0);
    keys[k++] = K(65, T(s0l2), 0, 0);
    keys[k++] = K(66, LB(s0l2), 0, 0);
    keys[k++] = K(67, W(s0r2), 0, 0);
    keys[k++] = K(68, T(s0r2), 0, 0);
    keys[k++] = K(69, LB(s0r2), 0, 0);
    keys[k++] = K(70, W(b0l2), 0, 0);
    keys[k++] = K(71, T(b0l2), 0, 0);
    keys[k++] = K(72, LB(b0l2), 0, 0);
    keys[k++] = K(73, T(s0), T(s0l), T(s0l2));
    keys[k++] = K(74, T(s0), T(s0r), T(s0r2));
    keys[k++] = K(75, T(b0), T(b0l), T(b0l2));
    keys[k++] = K(76, W(s0), sr0, 0);
    keys[k++] = K(77, T(s0), sr0, 0);
    keys[k++] = K(78, W(s0), sl0, 0);
    keys[k++] = K(79, T(s0), sl0, 0);
    keys[k++] = K(80, W(b0), slb, 0);
    keys[k++] = K(81, T(b0), slb, 0);
    keys[k++] = K(82, T(s1l), LB(s1l), T(s1));
    keys[k++] = K(83, T(s0), LB(s0l), LB(s0r));
    keys[k++] = K(84, T(s1), s1 ? st->rs[s1] : 0, T(s0));
    keys[k++] = K(85, T(s0), T(b0), (uint64_t)(sp > 3 ? 3 : sp));
    keys[k++] = K(86, C(s0), C(b0), 0);
    keys[k++] = K(87, C(s1), C(s0), 0);
    keys[k++] = K(88, C(s0), C(b0), C(b1));
    keys[k++] = K(89, C(s1), C(s0), C(b0));
    keys[k++] = K(90, C(s0), C(s0l), C(b0));
    keys[k++] = K(91, W(s0), C(b0), d);
    keys[k++] = K(92, C(s0), W(b0), d);
    keys[k++] = K(93, W(b0), W(b1), 0);
    keys[k++] = K(94, C(s2), C(s1), C(s0));
    keys[k++] = K(95, C(s0), C(s0r), C(b0));
    keys[k++] = K(96, C(s1), C(s0), d1);
    keys[k++] = K(97, W(s1), C(s0), d1);
    keys[k++] = K(98, C(s1), W(s0), d1);
    if (st->sfx) {
        keys[k++] = K(99, SFX(b0), 0, 0);
        keys[k++] = K(100, SFX(s0), 0, 0);
        keys[k++] = K(101, SFX(b0), T(s0), 0);
        keys[k++] = K(102, SFX(s0), T(b0), 0);
        keys[k++] = K(103, SFX(b1), 0, 0);
        keys[k++] = K(104, SFX(s0), SFX(b0), 0);
    }
    if (st->amb) {             /* feature set 3: the tag sets words were seen with */
        keys[k++] = K(105, AMB(s0), 0, 0);
        keys[k++] = K(106, AMB(b0), 0, 0);
        keys[k++] = K(107, AMB(b1), 0, 0);
        keys[k++] = K(108, AMB(s0), AMB(b0), 0);
        keys[k++] = K(109, AMB(b0), T(s0), 0);
        keys[k++] = K(110, AMB(s0), T(b0), 0);
        keys[k++] = K(111, AMB(s1), AMB(s0), 0);
        keys[k++] = K(112, AMB(b0), T(b0), 0);
    }
    if (st->alt) {             /* feature set 4: the tagger's runner-up and margin */
        keys[k++] = K(113, T(s0), ALT(s0), 0);
        keys[k++] = K(114, T(b0), ALT(b0), 0);
        keys[k++] = K(115, T(b1), ALT(b1), 0);
        keys[k++] = K(116, ALT(s0), T(b0), 0);
        keys[k++] = K(117, T(s0), ALT(b0), 0);
        keys[k++] = K(118, ALT(s1), T(s0), 0);
    }
    if (st->clu) {             /* feature set 5: word classes from unlabeled text */
        keys[k++] = K(119, FI(s0), 0, 0);
        keys[k++] = K(120, FI(b0), 0, 0);
        keys[k++] = K(121, FI(b1), 0, 0);
        keys[k++] = K(122, FI(s1), 0, 0);
        keys[k++] = K(123, FI(s0), T(b0), 0);
        keys[k++] = K(124, T(s0), FI(b0), 0);
        keys[k++] = K(125, CO(s0), CO(b0), d);
        keys[k++] = K(126, CO(s1), CO(s0), 0);
        keys[k++] = K(127, FI(s0), FI(b0), 0);
        keys[k++] = K(128, CO(s0), CO(b0), CO(b1));
    }
    return k;
}

int parse_run(const ap_table *t, int nlab, int root_label, const uint64_t *word, const int *tag,
              const uint8_t *coarse, int fset, int n, int *head, int *lab) {
    pstate st;
    if (pstate_init(&st, n, word, tag, coarse, nlab, root_label, fset)) return -1;
    uint64_t keys[PARSE_MAX_FEATS];
    float sc[256];
    int na = 1 + 2 * nlab;
    while (!parse_done(&st)) {
        int nk = parse_features(&st, keys);
        memset(sc, 0, (size_t)t->nclass * sizeof *sc);
        ap_score(t, keys, nk, sc);
        parse_share(sc, nlab, (int)t->nclass);
        int best = -1;
        for (int a = 0; a < na; a++)
            if (parse_valid(&st, a) && (best < 0 || sc[a] > sc[best])) best = a;
        parse_apply(&st, best);
    }
    for (int i = 1; i <= n; i++) {
        head[i] = st.head[i] == n + 1 ? 0 : st.head[i];
        lab[i] = st.lab[i];
    }
    pstate_free(&st);
    return 0;
}
