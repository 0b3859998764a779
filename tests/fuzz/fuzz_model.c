/*
** fuzz_model.c: the parser model loader on arbitrary bytes: once as given
** (magic, version, size and checksum checks), then with a repaired header
** (right magic, version, payload size and CRC-32) so the section checks are
** reached; a model that loads must then tag and parse without fault.
*/
#include "fuzz_util.h"
#include "model.h"
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define HDR 32  /* model.c: magic[8] version u32, nsections u32, payload u64, crc u32, pad */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void run(const dyad_model *m) {
    static const char *words[] = {"The", "army", "said", "rebels", "attacked", "Kabul", "'s", "airport", ".",
                                  "", "\xff\xfe", "2099-99-99", "--", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"};
    dyad_sentence *s = dyad_sentence_new();
    if (!s) return;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        dyad_token t = {words[i], NULL, NULL, NULL, NULL, NULL, NULL, -1, 0, 0};
        if (dyad_sentence_add(s, &t) != DYAD_OK) break;
    }
    if (dyad_parse_sentence(m, s) == DYAD_OK) {
        int n = dyad_sentence_len(s);
        dyad_token *t = dyad_sentence_tokens(s);
        for (int i = 0; i < n; i++)
            if (t[i].head < 0 || t[i].head > n || !t[i].deprel || !t[i].upos || !t[i].lemma) abort();
    }
    dyad_sentence_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char path[64], err[256];
    int fd = fuzz_memfile(data, size, path, sizeof path);
    if (fd >= 0) {
        dyad_model *m = NULL;
        if (dyad_model_load(path, &m, err, sizeof err) == DYAD_OK) run(m);
        dyad_model_free(m);
        close(fd);
    }
    if (size < HDR) return 0;
    uint64_t *img = malloc((size + 7) / 8 * 8);  /* 8-byte aligned copy */
    if (!img) return 0;
    unsigned char *b = (unsigned char *)img;
    memcpy(b, data, size);
    uint32_t ver = MODEL_VERSION, crc = (uint32_t)crc32(0L, b + HDR, (uInt)(size - HDR));
    uint64_t pl = size - HDR;
    memcpy(b, MODEL_MAGIC, 8);
    memcpy(b + 8, &ver, 4);
    memcpy(b + 16, &pl, 8);
    memcpy(b + 24, &crc, 4);
    dyad_model m;
    if (model_from_image(&m, b, size, err, sizeof err) == DYAD_OK) run(&m);
    free(img);
    return 0;
}
