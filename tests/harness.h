/*
** harness.h: the ~30-line unit-test harness (after Redis's testhelp.h).
** CHECK(cond) counts a check; CHECKF adds a printf-style note naming the
** failing input. TEST_END() prints "NAME: N passed, N failed" and returns
** the exit status. shared_path() locates ../shared data (NULL if absent:
** such tests SKIP and say so).
*/
#ifndef DYAD_HARNESS_H
#define DYAD_HARNESS_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int t_pass, t_fail, t_skip;
#define CHECK(c) CHECKF(c, "%s", "")
#define CHECKF(c, ...) do { if (c) t_pass++; else { t_fail++; \
    fprintf(stderr, "%s:%d: CHECK(%s) failed: ", __FILE__, __LINE__, #c); \
    fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)
#define SKIP(why) do { t_skip++; fprintf(stderr, "SKIP %s:%d: %s\n", __FILE__, __LINE__, why); } while (0)
#define TEST_END() (printf("%s: %d passed, %d failed, %d skipped\n", __FILE__, t_pass, t_fail, t_skip), \
    t_fail ? 1 : 0)

/* Path of a file under the shared data folder, or NULL when it is absent. */
static inline const char *shared_path(const char *rel) {
    static char buf[4][1024]; static int k;
    const char *root = getenv("SHARED"); struct stat st;
    char *b = buf[k++ & 3];
    snprintf(b, 1024, "%s/%s", root && *root ? root : "../shared", rel);
    return stat(b, &st) == 0 ? b : NULL;
}
#endif
