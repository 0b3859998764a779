/*
** ap.h: averaged perceptron over hashed sparse features, shared by the tagger
** and the parser. Training keeps per-feature sparse (class, weight) lists;
** ap_freeze turns them into a compact read-only table (ap_table) that the
** model file stores as is and that scoring reads with prefetching.
*/
#ifndef DYAD_AP_H
#define DYAD_AP_H
#include <stddef.h>
#include <stdint.h>

/* Feature keys are 64-bit hashes built with ap_key. 0 is reserved. */
static inline uint64_t ap_mix(uint64_t h) {
    h ^= h >> 33; h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h ? h : 1;
}
static inline uint64_t ap_key(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
    uint64_t h = tmpl * 0x9E3779B97F4A7C15ULL;
    h = (h ^ a) * 0x100000001b3ULL + 0x51ed27;
    h = (h ^ (b + 0x7f4a7c15)) * 0xff51afd7ed558ccdULL;
    h = (h ^ (c + 0x2545f491)) * 0xc4ceb9fe1a85ec53ULL;
    return ap_mix(h);
}
/* FNV-1a of a byte string, then mixed. */
static inline uint64_t ap_hash(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 0x100000001b3ULL; }
    return ap_mix(h);
}

/* Frozen, read-only table: open addressing (linear probing, load <= 3/4)
** on 32-bit checks; weights quantized to int16 (one scale per table, which
** argmax ignores). */
typedef struct ap_qslot { uint32_t check, off; } ap_qslot; /* check 0 = empty */
typedef struct ap_qent { int16_t w; uint8_t cls, pad; } ap_qent;  /* weight / scale */
typedef struct ap_table {
    uint32_t nclass;
    uint32_t cap;           /* slots */
    const ap_qslot *slot;   /* [cap+1]: entries of slot i are off(i) .. off(i+1) */
    const ap_qent *ent;     /* [nent] */
    const uint8_t *ent3;    /* or, packed (AP_PACKED), [3 * nent]: int16 weight (little-endian), class */
    float scale;
    uint32_t nent;
} ap_table;

/* Home slot of a key in a table of cap slots, and its check value. */
static inline uint32_t ap_slot(uint64_t key, uint32_t cap) {
    return (uint32_t)(((key & 0xffffffffu) * (uint64_t)cap) >> 32);
}
static inline uint32_t ap_check(uint64_t key) {
    uint32_t c = (uint32_t)(key >> 32);
    return c ? c : 1;
}

/* Add the weights of features keys[0..n) to scores[0..nclass), in units of
** t->scale. */
void ap_score(const ap_table *t, const uint64_t *keys, int n, float *scores);

/* Training state. */
typedef struct ap_train ap_train;
ap_train *ap_train_new(uint32_t nclass);
void ap_train_free(ap_train *a);
/* Scores from the current (not averaged) weights. */
void ap_train_score(const ap_train *a, const uint64_t *keys, int n, float *scores);
/* One perceptron update: +1 for gold, -1 for pred (no-op when equal). */
int ap_train_update(ap_train *a, const uint64_t *keys, int n, int gold, int pred);
/* Count one training instance (for averaging). */
void ap_train_tick(ap_train *a);
/* Averaged weights as a frozen table whose arrays live in one OWNED block
** (*mem, free with dyad_free). Entries with |w| < prune are dropped; with
** AP_PACKED they take 3 bytes instead of 4 (the same weights, a quarter
** smaller). Deterministic: depends only on the sequence of updates. */
#define AP_PACKED 1
int ap_freeze(const ap_train *a, float prune, int flags, ap_table *out, void **mem, size_t *memsize);
/* Build a table view over a serialized block (as written from ap_freeze's
** memory); checks every bound. 0 on success, -1 if the block is malformed. */
int ap_view(const void *mem, size_t size, ap_table *out);
#endif
