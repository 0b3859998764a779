/*
** fuzz_segment.c: the segmenter, sentence filling and event-date resolution
** on arbitrary bytes, raw and normalized. Checks the span invariants.
*/
#include "dyad.h"
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(dyad_segmenter *sg, const char *z, size_t n, dyad_sentence *s) {
    if (dyad_segment(sg, z, n) != DYAD_OK) return;
    size_t ns = dyad_segment_count(sg), nt = dyad_segment_ntokens(sg);
    const dyad_seg_sentence *ss = dyad_segment_sentences(sg);
    const dyad_span *tk = dyad_segment_tokens(sg);
    uint32_t last = 0;
    size_t covered = 0;
    for (size_t i = 0; i < nt; i++) {  /* tokens: non-empty, in order, inside the text */
        if (tk[i].start < last || tk[i].end <= tk[i].start || tk[i].end > n) abort();
        last = tk[i].end;
    }
    for (size_t i = 0; i < ns; i++) {  /* sentences tile the token array */
        if (ss[i].tok != covered || ss[i].ntok == 0) abort();
        covered += ss[i].ntok;
        if (ss[i].start != tk[ss[i].tok].start || ss[i].end != tk[ss[i].tok + ss[i].ntok - 1].end) abort();
        if (i < 4 && dyad_segment_fill(sg, z, i, s) == DYAD_OK && dyad_sentence_len(s) != (int)ss[i].ntok) abort();
        dyad_when w;
        if (dyad_event_date(z + ss[i].start, ss[i].end - ss[i].start, "2021-12-26", &w) != DYAD_OK) abort();
        if (w.from_text && (w.end < w.start || w.end > ss[i].end - ss[i].start)) abort();
    }
    if (covered != nt) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dyad_segmenter *sg = dyad_segmenter_new();
    dyad_sentence *s = dyad_sentence_new();
    if (sg && s) {
        check(sg, (const char *)data, size, s);
        char *norm = NULL;
        size_t nn = 0;
        if (dyad_normalize((const char *)data, size, DYAD_NORM_DEFAULT, &norm, &nn, NULL) == DYAD_OK)
            check(sg, norm, nn, s);
        dyad_free(norm);
    }
    dyad_sentence_free(s);
    dyad_segmenter_free(sg);
    return 0;
}
