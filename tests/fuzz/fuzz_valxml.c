/*
** fuzz_valxml.c: the validation XML reader (pre-pass + libxml2) on arbitrary
** bytes: records, environment and lookups by id.
*/
#include "fuzz_util.h"
#include "dyad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char path[64], err[512];
    int fd = fuzz_memfile(data, size, path, sizeof path);
    if (fd < 0) return 0;
    dyad_valfile *v = NULL;
    if (dyad_valfile_read(path, &v, err, sizeof err) == DYAD_OK && v) {
        int n = dyad_valfile_count(v);
        for (int i = 0; i < n; i++) {
            const dyad_valrecord *r = dyad_valfile_record(v, i);
            if (!r || !r->id || !r->text || !r->parse) __builtin_trap();
            for (int j = 0; j < r->nexpected; j++)
                if (!r->expected[j].source || !r->expected[j].code) __builtin_trap();
            if (i < 4) (void)dyad_valfile_find(v, r->id);
        }
        (void)dyad_valfile_env(v, "Verbfile");
    }
    dyad_valfile_free(v);
    close(fd);
    return 0;
}
