/*
** actorcode.c: split a CAMEO/Phoenix actor code ("AZEGOVMIL") into its
** trigrams: the entity (country, international body, region or known group),
** the role (GOV, MIL, REB, ...) and the remaining attributes, as the Phoenix
** data set's SourceActorEntity / Role / Attribute columns do.
*/
#include "dyad.h"
#include "actorcode.h"
#include <string.h>

/* Kinds of trigram that are roles (or agents) rather than entities. */
static int is_role_kind(const char *kind) {
    return strncmp(kind, "role_", 5) == 0 || strcmp(kind, "agent_phoenix") == 0;
}

/* All table rows for trigram t (sorted by code): first index and count. */
static size_t find_rows(const char *t, size_t *count) {
    size_t lo = 0, hi = actor_table_len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strncmp(actor_table[mid].code, t, 3) < 0) lo = mid + 1; else hi = mid;
    }
    size_t n = 0;
    while (lo + n < actor_table_len && strncmp(actor_table[lo + n].code, t, 3) == 0) n++;
    *count = n;
    return lo;
}

/* The row of trigram t whose kind is (want_role ? a role : an entity), or NULL. */
static const actor_trigram *pick(const char *t, int want_role) {
    size_t n, i = find_rows(t, &n);
    for (size_t k = 0; k < n; k++)
        if (is_role_kind(actor_table[i + k].kind) == want_role) return &actor_table[i + k];
    return NULL;
}

static int is_trigram_code(const char *z, size_t n) {
    if (n == 0 || n % 3 != 0) return 0;
    for (size_t i = 0; i < n; i++)
        if (z[i] < 'A' || z[i] > 'Z') return 0;
    return 1;
}

dyad_status dyad_actor_split(const char *code, dyad_actor_parts *out) {
    if (!code || !out) return DYAD_EINVAL;
    memset(out, 0, sizeof *out);
    size_t n = strlen(code);
    if (!is_trigram_code(code, n) || n > 3 * 8) return DYAD_EINVAL;  /* "---", quoted names, ... */
    size_t i = 0;
    const actor_trigram *e = pick(code, 0);
    if (e) {
        memcpy(out->entity, code, 3);
        out->entity_kind = e->kind;
        out->entity_name = e->name;
        i = 3;
    }
    for (; i < n; i += 3) {
        const actor_trigram *r = pick(code + i, 1);
        if (r && !out->role[0]) {
            memcpy(out->role, code + i, 3);
            out->role_name = r->name;
            continue;
        }
        size_t len = strlen(out->attributes);
        if (len) out->attributes[len++] = ' ';
        memcpy(out->attributes + len, code + i, 3);
        out->attributes[len + 3] = '\0';
    }
    return DYAD_OK;
}

const char *dyad_actor_trigram_name(const char *trigram, int role) {
    if (!trigram || strlen(trigram) != 3) return NULL;
    const actor_trigram *t = pick(trigram, role ? 1 : 0);
    return t ? t->name : NULL;
}
