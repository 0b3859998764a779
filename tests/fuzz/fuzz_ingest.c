/*
** fuzz_ingest.c: the article reader and the normalizer on arbitrary bytes.
** The first byte picks the input format (articles, JSONL, plain text).
*/
#include "fuzz_util.h"
#include "dyad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    char *out = NULL;
    size_t outlen = 0;
    dyad_norm_stats st = {0, 0};
    if (dyad_normalize((const char *)data + 1, size - 1, DYAD_NORM_DEFAULT, &out, &outlen, &st) == DYAD_OK) {
        char key[256];
        dyad_fold_key(out, outlen, key, sizeof key);
    }
    dyad_free(out);

    char path[64];
    int fd = fuzz_memfile(data + 1, size - 1, path, sizeof path);
    if (fd < 0) return 0;
    dyad_reader_opts opts = {0};
    opts.format = (dyad_input_format)(data[0] % 3);
    opts.date = "2020-01-01";
    opts.max_article = 1 << 16;
    dyad_reader *r = NULL;
    if (dyad_reader_open(path, &opts, &r) == DYAD_OK) {
        dyad_article a;
        int guard = 0;
        while (dyad_reader_next(r, &a) == DYAD_OK && ++guard < 100000) {}
    }
    dyad_reader_close(r);
    close(fd);
    return 0;
}
