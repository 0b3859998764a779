/*
** cameo.c: lookups in the CAMEO code table (prefix cameo_): code -> name,
** root, GDELT QuadClass, Goldstein score, PLOVER category. The table is
** data (data/cameo-events.tsv) compiled into src/cameo_tables.c.
*/
#include "dyad.h"
#include "cameo.h"
#include <stdlib.h>
#include <string.h>

static int cmp(const void *key, const void *row) {
    return strcmp((const char *)key, ((const dyad_cameo_code *)row)->code);
}

const dyad_cameo_code *dyad_cameo_lookup(const char *code) {
    if (!code) return NULL;
    return bsearch(code, cameo_table, cameo_table_len, sizeof cameo_table[0], cmp);
}

const dyad_cameo_code *dyad_cameo_nearest(const char *code) {
    char buf[8];
    if (!code) return NULL;
    size_t n = strlen(code);
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, code, n);
    buf[n] = '\0';
    for (; n >= 2; buf[--n] = '\0') {
        const dyad_cameo_code *c = dyad_cameo_lookup(buf);
        if (c) return c;
    }
    return NULL;
}

const dyad_cameo_code *dyad_cameo_table(size_t *n) {
    if (n) *n = cameo_table_len;
    return cameo_table;
}
