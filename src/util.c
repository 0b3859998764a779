/*
** util.c: status strings, version, and the one allocation wrapper every
** module goes through (the place where tests inject allocation failures).
*/
#include "dyad.h"
#include <stdlib.h>
#include <string.h>

static long fail_countdown = 0; /* >0: fail when it reaches 0 */

void dyad_alloc_fail_after(long n) { fail_countdown = n; }

static int should_fail(void) {
    if (fail_countdown <= 0) return 0;
    return --fail_countdown == 0;
}

void *dyad_malloc(size_t n) { return should_fail() ? NULL : malloc(n ? n : 1); }
void *dyad_calloc(size_t n, size_t size) {
    return should_fail() ? NULL : calloc(n ? n : 1, size ? size : 1);
}
void *dyad_realloc(void *p, size_t n) { return should_fail() ? NULL : realloc(p, n ? n : 1); }
void dyad_free(void *p) { free(p); }

char *dyad_strdup(const char *z) {
    size_t n = strlen(z);
    char *p = dyad_malloc(n + 1);
    if (p) memcpy(p, z, n + 1);
    return p;
}

const char *dyad_version(void) { return DYAD_VERSION; }

const char *dyad_strerror(dyad_status st) {
    switch (st) {
    case DYAD_OK: return "ok";
    case DYAD_NOMEM: return "out of memory";
    case DYAD_EINVAL: return "invalid argument";
    case DYAD_EIO: return "input/output error";
    case DYAD_EPARSE: return "malformed input";
    case DYAD_ENOTFOUND: return "not found";
    case DYAD_ECORRUPT: return "corrupt or incompatible file";
    case DYAD_ELIMIT: return "input over a limit";
    }
    return "unknown status";
}
