/*
** fuzz_dict.c: the dictionary loaders on arbitrary bytes. The first byte
** picks the kind (verbs either format, CAMEO 2.0, legacy, actors, agents,
** discards, issues) and the flags (lenient, lint); then freeze and a lookup.
*/
#include "fuzz_util.h"
#include "dyad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void hit(void *ctx, const dyad_dict_hit *h) { (void)ctx; (void)h; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const dyad_dict_kind kinds[] = {DYAD_DK_VERBS, DYAD_DK_VERBS_CAMEO2, DYAD_DK_VERBS_LEGACY,
                                           DYAD_DK_ACTORS, DYAD_DK_AGENTS, DYAD_DK_DISCARDS,
                                           DYAD_DK_ISSUES, DYAD_DK_AUTO};
    if (size == 0) return 0;
    dyad_dict_kind kind = kinds[data[0] & 7];
    unsigned flags = (data[0] >> 3) & 3;  /* DYAD_DICT_LENIENT | DYAD_DICT_LINT */
    char path[64];
    int fd = fuzz_memfile(data + 1, size - 1, path, sizeof path);
    if (fd < 0) return 0;
    dyad_dicts *d = dyad_dicts_new(flags);
    if (d && dyad_dicts_add_file(d, path, kind) == DYAD_OK && dyad_dicts_freeze(d) == DYAD_OK) {
        for (size_t i = 0; i < dyad_dicts_nfiles(d); i++) (void)dyad_dicts_file_stats(d, i);
        for (size_t i = 0; i < dyad_dicts_ndiag(d); i++) (void)dyad_dicts_diag(d, i);
        /* look up the first word of the input, on a date and without one */
        char w[64];
        size_t k = 0;
        for (size_t i = 1; i < size && k + 1 < sizeof w; i++) {
            if (data[i] == ' ' || data[i] == '\n' || data[i] == 0) { if (k) break; continue; }
            w[k++] = (char)data[i];
        }
        w[k] = 0;
        if (k) {
            (void)dyad_dicts_lookup(d, w, "2010-06-15", hit, NULL);
            (void)dyad_dicts_lookup(d, w, NULL, hit, NULL);
        }
    }
    if (d) (void)dyad_dicts_errmsg(d);
    dyad_dicts_free(d);
    close(fd);
    return 0;
}
