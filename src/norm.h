/*
** norm.h: internals of the normalization module shared with ingest and
** segment (the public entry points are dyad_normalize / dyad_fold_key).
*/
#ifndef DYAD_NORM_H
#define DYAD_NORM_H
#include <stddef.h>

/* Length (1..4) of the valid UTF-8 sequence starting at p (n bytes
** available), or 0 if the bytes there are not valid UTF-8. */
size_t norm_utf8_len(const unsigned char *p, size_t n);
#endif
