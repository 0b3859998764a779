/*
** ingest.h: internals of the article reader shared with other modules
** (the public interface is the ingest section of include/dyad.h).
*/
#ifndef DYAD_INGEST_H
#define DYAD_INGEST_H
#include <stddef.h>

/* True if z[0..n) is a real calendar date YYYY-MM-DD (year >= 1). */
int ing_valid_date(const char *z, size_t n);
#endif
