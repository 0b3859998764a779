/* test_util.c: status strings and the allocation-failure hook. */
#include "dyad.h"
#include "harness.h"

int main(void) {
    CHECK(strcmp(dyad_strerror(DYAD_OK), "ok") == 0);
    CHECK(strcmp(dyad_strerror(DYAD_NOMEM), "out of memory") == 0);
    CHECK(strcmp(dyad_strerror((dyad_status)999), "unknown status") == 0);
    CHECK(strcmp(dyad_version(), DYAD_VERSION) == 0);
    dyad_alloc_fail_after(2);
    void *a = dyad_malloc(8), *b = dyad_malloc(8), *c = dyad_malloc(8);
    CHECKF(a != NULL && b == NULL && c != NULL, "a=%p b=%p c=%p", a, (void *)b, c);
    dyad_free(a); dyad_free(c); dyad_free(NULL);
    return TEST_END();
}
