/*
** fuzz_rdate.c: event-date resolution on arbitrary bytes. The first 10 bytes
** are the publication date (often invalid: 2099-99-99 and worse), the rest the
** sentence. Checks the span and the date's shape.
*/
#include "dyad.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char pub[11];
    size_t k = size < 10 ? size : 10;
    memcpy(pub, data, k);
    pub[k] = 0;
    const char *z = (const char *)data + k;
    size_t n = size - k;
    for (int round = 0; round < 2; round++) {
        dyad_when w;
        memset(&w, 0x5a, sizeof w);
        if (dyad_event_date(z, n, round ? NULL : pub, &w) != DYAD_OK) abort();
        size_t dl = strnlen(w.date, sizeof w.date);
        if (dl == sizeof w.date) abort();                  /* not terminated */
        if (dl != 0 && dl != 10) abort();
        if (dl == 10 && (w.date[4] != '-' || w.date[7] != '-')) abort();
        if (w.from_text && (w.end < w.start || w.end > n)) abort();
        if (dl == 0 && (w.precision != 0 || w.from_text)) abort();
    }
    return 0;
}
