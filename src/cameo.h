/*
** cameo.h: the generated CAMEO table (src/cameo_tables.c, made by
** tools/gen-cameo from data/cameo-events.tsv) shared with src/cameo.c.
*/
#ifndef DYAD_CAMEO_H
#define DYAD_CAMEO_H
#include "dyad.h"

extern const dyad_cameo_code cameo_table[];  /* sorted by code (strcmp) */
extern const size_t cameo_table_len;
#endif
