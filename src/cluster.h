/*
** cluster.h: word classes from unlabeled text, for the tagger's and the
** parser's features (dyad train --features 5). Exchange clustering
** (Kneser & Ney 1993; Martin, Liermann & Ney 1998): every word sits in one
** of K classes, and words move one at a time to the class that most raises
** the likelihood of a class bigram model, until nothing moves. Words are
** 64-bit hashes (the tagger's lowercased-form hash), so no strings are kept.
** Deterministic: the same token stream gives the same classes.
*/
#ifndef DYAD_CLUSTER_H
#define DYAD_CLUSTER_H
#include <stddef.h>
#include <stdint.h>

/* A token stream: word hashes, CLUSTER_BOUNDARY between sentences. */
#define CLUSTER_BOUNDARY 1ULL
typedef struct cluster_words {
    uint32_t n;          /* words with a class */
    uint64_t *word;      /* [n] word hashes, most frequent first */
    uint16_t *cls;       /* [n] class, 0 .. k-1 */
    int iterations;      /* passes made */
    uint32_t moves;      /* moves in the last pass */
} cluster_words;

/* Cluster the words seen at least min_count times in tok[0..ntok) into k
** classes (2 <= k <= 4096), for at most max_iter passes. Rarer words share
** one pseudo-word, which takes part in the clustering but is not returned.
** 0 on success, -1 on no memory or bad arguments. Free with cluster_free. */
int cluster_run(const uint64_t *tok, size_t ntok, uint32_t min_count, int k, int max_iter,
                cluster_words *out);
void cluster_free(cluster_words *c);
#endif
