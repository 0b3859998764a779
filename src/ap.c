/*
** ap.c: averaged perceptron (see ap.h). Training: an open-addressing map
** from 64-bit feature key to a feature, each feature a small growable array
** of (class, weight, running total, timestamp). Freezing averages weights,
** prunes near-zero ones and lays the table out as one serializable block.
*/
#include "ap.h"
#include "dyad.h"
#include <math.h>
#include <string.h>

typedef struct ap_ent { float w; uint8_t cls; int32_t ts; double tot; } ap_ent;
typedef struct ap_feat { uint64_t key; ap_ent *e; uint16_t n, cap; } ap_feat;

struct ap_train {
    uint32_t nclass;
    uint32_t *slot;      /* [cap] feature index + 1, 0 = empty */
    uint32_t cap;
    ap_feat *f;
    uint32_t nf, fcap;
    int32_t t;           /* instances seen */
};

ap_train *ap_train_new(uint32_t nclass) {
    ap_train *a = dyad_calloc(1, sizeof *a);
    if (!a) return NULL;
    a->nclass = nclass;
    a->cap = 1u << 16;
    a->slot = dyad_calloc(a->cap, sizeof *a->slot);
    if (!a->slot) { dyad_free(a); return NULL; }
    a->t = 1;
    return a;
}

void ap_train_free(ap_train *a) {
    if (!a) return;
    for (uint32_t i = 0; i < a->nf; i++) dyad_free(a->f[i].e);
    dyad_free(a->f);
    dyad_free(a->slot);
    dyad_free(a);
}

static ap_feat *find(const ap_train *a, uint64_t key) {
    uint32_t m = a->cap - 1, i = (uint32_t)key & m;
    for (;;) {
        uint32_t s = a->slot[i];
        if (!s) return NULL;
        if (a->f[s - 1].key == key) return &a->f[s - 1];
        i = (i + 1) & m;
    }
}

static int grow(ap_train *a) {
    uint32_t ncap = a->cap * 2, m = ncap - 1;
    uint32_t *ns = dyad_calloc(ncap, sizeof *ns);
    if (!ns) return -1;
    for (uint32_t k = 0; k < a->nf; k++) {
        uint32_t i = (uint32_t)a->f[k].key & m;
        while (ns[i]) i = (i + 1) & m;
        ns[i] = k + 1;
    }
    dyad_free(a->slot);
    a->slot = ns;
    a->cap = ncap;
    return 0;
}

static ap_feat *intern(ap_train *a, uint64_t key) {
    ap_feat *f = find(a, key);
    if (f) return f;
    if ((uint64_t)(a->nf + 1) * 2 > a->cap && grow(a)) return NULL;
    if (a->nf == a->fcap) {
        uint32_t nc = a->fcap ? a->fcap * 2 : 4096;
        ap_feat *nf = dyad_realloc(a->f, (size_t)nc * sizeof *nf);
        if (!nf) return NULL;
        a->f = nf;
        a->fcap = nc;
    }
    uint32_t m = a->cap - 1, i = (uint32_t)key & m;
    while (a->slot[i]) i = (i + 1) & m;
    a->slot[i] = a->nf + 1;
    f = &a->f[a->nf++];
    memset(f, 0, sizeof *f);
    f->key = key;
    return f;
}

void ap_train_score(const ap_train *a, const uint64_t *keys, int n, float *scores) {
    for (int k = 0; k < n; k++) {
        const ap_feat *f = find(a, keys[k]);
        if (!f) continue;
        for (int j = 0; j < f->n; j++) scores[f->e[j].cls] += f->e[j].w;
    }
}

static int bump(ap_train *a, ap_feat *f, int cls, float d) {
    int j;
    for (j = 0; j < f->n; j++) if (f->e[j].cls == cls) break;
    if (j == f->n) {
        if (f->n == f->cap) {
            uint16_t nc = f->cap ? (uint16_t)(f->cap * 2) : 2;
            if (nc > 256) nc = 256;
            ap_ent *ne = dyad_realloc(f->e, (size_t)nc * sizeof *ne);
            if (!ne) return -1;
            f->e = ne;
            f->cap = nc;
        }
        f->e[j].w = 0; f->e[j].cls = (uint8_t)cls; f->e[j].ts = a->t; f->e[j].tot = 0;
        f->n++;
    }
    ap_ent *e = &f->e[j];
    e->tot += (double)(a->t - e->ts) * e->w;
    e->ts = a->t;
    e->w += d;
    return 0;
}

int ap_train_update(ap_train *a, const uint64_t *keys, int n, int gold, int pred) {
    if (gold == pred) return 0;
    for (int k = 0; k < n; k++) {
        ap_feat *f = intern(a, keys[k]);
        if (!f || bump(a, f, gold, 1.0f) || bump(a, f, pred, -1.0f)) return -1;
    }
    return 0;
}

void ap_train_tick(ap_train *a) { a->t++; }

static size_t pad8(size_t n) { return (n + 7) & ~(size_t)7; }

/* Block layout: u32 nclass (bit 31: packed entries), cap, nent, scale (float
** bits); slots[cap+1] (check, off); entries[nent] (int16 w, u8 class, u8 0;
** packed: int16 w, u8 class), padded to 8. */
#define PACKED_BIT 0x80000000u
static size_t block_size(uint32_t cap, uint32_t nent, int packed) {
    return 16 + ((size_t)cap + 1) * 8 + pad8((size_t)nent * (packed ? 3 : 4));
}

int ap_view(const void *mem, size_t size, ap_table *out) {
    if (size < 16 || ((uintptr_t)mem & 7)) return -1;
    const uint32_t *h = mem;
    uint32_t nclass = h[0] & ~PACKED_BIT, cap = h[1], nent = h[2];
    int packed = (h[0] & PACKED_BIT) != 0;
    float scale;
    memcpy(&scale, &h[3], 4);
    if (nclass == 0 || nclass > 256 || cap == 0 || cap > (1u << 28) || nent > (1u << 30)
        || !isfinite(scale) || !(scale > 0) || block_size(cap, nent, packed) != size) return -1;
    out->nclass = nclass;
    out->cap = cap;
    out->nent = nent;
    out->scale = scale;
    out->slot = (const ap_qslot *)((const char *)mem + 16);
    out->ent = packed ? NULL : (const ap_qent *)((const char *)mem + 16 + ((size_t)cap + 1) * 8);
    out->ent3 = packed ? (const uint8_t *)mem + 16 + ((size_t)cap + 1) * 8 : NULL;
    if (out->slot[0].off != 0 || out->slot[cap].off != nent || out->slot[cap].check != 0) return -1;
    uint32_t empty = 0;
    for (uint32_t i = 0; i < cap; i++) {
        if (out->slot[i + 1].off < out->slot[i].off) return -1;
        empty += out->slot[i].check == 0;
    }
    if (!empty) return -1;   /* probing must always stop */
    for (uint32_t i = 0; i < nent; i++)
        if ((packed ? out->ent3[3 * (size_t)i + 2] : out->ent[i].cls) >= nclass) return -1;
    return 0;
}

int ap_freeze(const ap_train *a, float prune, int flags, ap_table *out, void **mem, size_t *memsize) {
    int packed = (flags & AP_PACKED) != 0;
    /* averaged weights: the largest magnitude sets the scale */
    double T = (double)a->t, maxw = 0;
    for (uint32_t k = 0; k < a->nf; k++)
        for (int j = 0; j < a->f[k].n; j++) {
            const ap_ent *e = &a->f[k].e[j];
            double v = fabs((e->tot + (T - e->ts) * e->w) / T);
            if (v > maxw) maxw = v;
        }
    float scale = maxw > 0 ? (float)(maxw / 32767.0) : 1.0f;
    if (prune < scale * 0.5f) prune = scale * 0.5f;   /* below that it rounds to 0 */
    uint32_t nkeep = 0, nent = 0;
    uint8_t *keep = dyad_calloc(a->nf ? a->nf : 1, 1);
    if (!keep) return -1;
    for (uint32_t k = 0; k < a->nf; k++) {
        const ap_feat *f = &a->f[k];
        int c = 0;
        for (int j = 0; j < f->n; j++) {   /* the same float value as below */
            const ap_ent *e = &f->e[j];
            if (fabsf((float)((e->tot + (T - e->ts) * e->w) / T)) >= prune) c++;
        }
        if (c) { keep[k] = 1; nkeep++; nent += (uint32_t)c; }
    }
    uint32_t cap = nkeep + nkeep / 3 + 1024;
    size_t size = block_size(cap, nent, packed);
    char *b = dyad_calloc(1, size);
    uint32_t *slotfeat = dyad_calloc(cap, sizeof *slotfeat);
    if (!b || !slotfeat) { dyad_free(keep); dyad_free(b); dyad_free(slotfeat); return -1; }
    uint32_t *h = (uint32_t *)b;
    h[0] = a->nclass | (packed ? PACKED_BIT : 0); h[1] = cap; h[2] = nent;
    memcpy(&h[3], &scale, 4);
    ap_qslot *slot = (ap_qslot *)(b + 16);
    ap_qent *ent = (ap_qent *)(b + 16 + ((size_t)cap + 1) * 8);
    uint8_t *ent3 = (uint8_t *)ent;
    /* place keys (feature index order, linear probing) */
    for (uint32_t k = 0; k < a->nf; k++) {
        if (!keep[k]) continue;
        uint64_t key = a->f[k].key;
        uint32_t c = ap_check(key), i = ap_slot(key, cap);
        int dup = 0;
        while (slot[i].check) { if (slot[i].check == c) { dup = 1; break; } i = i + 1 == cap ? 0 : i + 1; }
        if (dup) continue;              /* keys alike in their check and slot: keep the first */
        slot[i].check = c;
        slotfeat[i] = k + 1;
    }
    /* entries in slot order, classes ascending */
    uint32_t e = 0;
    for (uint32_t i = 0; i < cap; i++) {
        slot[i].off = e;
        if (!slotfeat[i]) continue;
        const ap_feat *f = &a->f[slotfeat[i] - 1];
        float avg[256];
        uint8_t has[256] = {0};
        for (int j = 0; j < f->n; j++) {
            const ap_ent *en = &f->e[j];
            avg[en->cls] = (float)((en->tot + (T - en->ts) * en->w) / T);
            has[en->cls] = 1;
        }
        for (uint32_t c = 0; c < a->nclass; c++) {
            if (!has[c] || fabsf(avg[c]) < prune || e == nent) continue;
            long q = lrintf(avg[c] / scale);
            if (q == 0) continue;
            int16_t w = (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
            if (packed) {
                uint16_t u = (uint16_t)w;
                ent3[3 * (size_t)e] = (uint8_t)(u & 0xff);
                ent3[3 * (size_t)e + 1] = (uint8_t)(u >> 8);
                ent3[3 * (size_t)e + 2] = (uint8_t)c;
            } else {
                ent[e].w = w;
                ent[e].cls = (uint8_t)c;
            }
            e++;
        }
    }
    slot[cap].off = e;
    slot[cap].check = 0;
    h[2] = e;
    size_t nsize = block_size(cap, e, packed);
    char *tail = (char *)ent + (size_t)e * (packed ? 3 : 4);
    memset(tail, 0, size - (size_t)(tail - b));
    dyad_free(keep); dyad_free(slotfeat);
    *mem = b;
    *memsize = nsize;
    return ap_view(b, nsize, out);
}

void ap_score(const ap_table *t, const uint64_t *keys, int n, float *scores) {
    uint32_t slot[512];
    if (n > 512) n = 512;
    for (int k = 0; k < n; k++) {
        slot[k] = ap_slot(keys[k], t->cap);
        __builtin_prefetch(&t->slot[slot[k]]);
    }
    for (int k = 0; k < n; k++) {
        uint32_t c = ap_check(keys[k]), i = slot[k];
        while (t->slot[i].check && t->slot[i].check != c) i = i + 1 == t->cap ? 0 : i + 1;
        if (t->slot[i].check) {
            slot[k] = i;
            if (t->ent3) __builtin_prefetch(t->ent3 + 3 * (size_t)t->slot[i].off);
            else __builtin_prefetch(&t->ent[t->slot[i].off]);
        } else slot[k] = UINT32_MAX;
    }
    if (t->ent3) {
        for (int k = 0; k < n; k++) {
            uint32_t i = slot[k];
            if (i == UINT32_MAX) continue;
            const uint8_t *e = t->ent3 + 3 * (size_t)t->slot[i].off, *end = t->ent3 + 3 * (size_t)t->slot[i + 1].off;
            for (; e < end; e += 3) scores[e[2]] += (float)(int16_t)(uint16_t)(e[0] | e[1] << 8);
        }
        return;
    }
    for (int k = 0; k < n; k++) {
        uint32_t i = slot[k];
        if (i == UINT32_MAX) continue;
        const ap_qent *e = t->ent + t->slot[i].off, *end = t->ent + t->slot[i + 1].off;
        for (; e < end; e++) scores[e->cls] += (float)e->w;
    }
}
