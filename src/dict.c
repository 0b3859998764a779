/*
** dict.c: the dictionary set: loading files and folders (the format loaders
** live in dict_verbs.c, dict_actors.c, dict_misc.c), freezing into read-only
** indexes (hash maps over phrases, forms sorted by verb word), the lookups
** the coder uses (src/dict.h), dates, statistics and the CLI lookup.
*/
#include "dict_int.h"
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ------------------------------------------------------------------ dates */

int32_t dict_date_ordinal(int y, int m, int d) {
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > mdays[m - 1] + (m == 2 && leap)) return 0;
    long a = (14 - m) / 12, yy = y + 4800 - a, mm = m + 12 * a - 3;
    long jdn = d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045;
    return (int32_t)(jdn - 2305813);
}

static int digits(const char *z, size_t n) {
    for (size_t i = 0; i < n; i++) if (!isdigit((unsigned char)z[i])) return 0;
    return 1;
}
static int num(const char *z, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (z[i] - '0');
    return v;
}

int32_t dict_parse_date(const char *z, size_t n) {
    if (n > 7) {
        if (n != 8 || !digits(z, 8)) return 0;
        return dict_date_ordinal(num(z, 4), num(z + 4, 2), num(z + 6, 2));
    }
    if (n < 6 || !digits(z, n)) return 0;
    int yy = num(z, 2);
    return dict_date_ordinal(yy <= 30 ? 2000 + yy : 1900 + yy, num(z + 2, 2), num(z + 4, 2));
}

int32_t dict_parse_iso_date(const char *z) {
    size_t n = strlen(z);
    if (n == 10 && z[4] == '-' && z[7] == '-' && digits(z, 4) && digits(z + 5, 2) && digits(z + 8, 2))
        return dict_date_ordinal(num(z, 4), num(z + 5, 2), num(z + 8, 2));
    if (n == 8 && digits(z, 8)) return dict_date_ordinal(num(z, 4), num(z + 4, 2), num(z + 6, 2));
    return 0;
}

const dict_actor_code *dict_actor_code_p2(const dict_actor *a, int32_t date) {
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const dict_actor_code *c = &a->codes[i];
        switch (c->kind) {
        case DICT_DATE_NONE: case DICT_DATE_BARE: return c;
        case DICT_DATE_BEFORE: if (date < c->to) return c; break;
        case DICT_DATE_AFTER: if (date >= c->from) return c; break;
        case DICT_DATE_RANGE: if (c->from <= date && date < c->to) return c; break;
        }
    }
    return NULL;
}

const dict_actor_code *dict_actor_code_p1(const dict_actor *a, int32_t date) {
    const dict_actor_code *dflt = NULL;
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const dict_actor_code *c = &a->codes[i];
        switch (c->kind) {
        case DICT_DATE_NONE: dflt = c; break;
        case DICT_DATE_BEFORE: if (date <= c->to) return c; break;
        case DICT_DATE_AFTER: if (date >= c->from) return c; break;
        case DICT_DATE_RANGE: if (c->from <= date && date <= c->to) return c; break;
        case DICT_DATE_BARE: if (date == c->from) return c; break;
        }
    }
    return dflt;
}

/* -------------------------------------------------------------- the set */

dyad_dicts *dyad_dicts_new(unsigned flags) {
    dyad_dicts *d = dyad_calloc(1, sizeof *d);
    if (!d) return NULL;
    d->flags = flags;
    arena_init(&d->A);
    d->diags = (dvec)DVEC(char *);
    d->files = (dvec)DVEC(dyad_dict_stats);
    d->actors = (dvec)DVEC(dict_actor);
    d->acodes = (dvec)DVEC(dict_actor_code);
    d->arecs = (dvec)DVEC(actor_rec);
    d->arefs = (dvec)DVEC(actor_ref);
    d->agents = (dvec)DVEC(dict_agent);
    d->forms = (dvec)DVEC(dict_verb_form);
    d->blocks = (dvec)DVEC(dict_block);
    d->patterns = (dvec)DVEC(dict_pattern);
    d->synsets = (dvec)DVEC(dict_synset);
    d->transforms = (dvec)DVEC(dict_transform);
    d->discards = (dvec)DVEC(dict_discard);
    d->issues = (dvec)DVEC(dict_issue);
    return d;
}

void dyad_dicts_free(dyad_dicts *d) {
    if (!d) return;
    if (d->map) {                      /* everything lives in the mapping */
        dict_cache_unmap(d);
        arena_free(&d->A);
        dyad_free(d);
        return;
    }
    dvec *vs[] = {&d->diags, &d->files, &d->actors, &d->acodes, &d->arecs, &d->arefs,
                  &d->agents, &d->forms, &d->blocks, &d->patterns, &d->synsets,
                  &d->transforms, &d->discards, &d->issues};
    for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++) dvec_free(vs[i]);
    dmap *ms[] = {&d->actor_map, &d->actor_first_map, &d->agent_map, &d->agent_first_map,
                  &d->form_map, &d->block_map, &d->synset_map, &d->discard_map, &d->issue_map};
    for (size_t i = 0; i < sizeof ms / sizeof ms[0]; i++) dmap_free(ms[i]);
    dyad_free(d->actor_first); dyad_free(d->actor_first_cnt);
    dyad_free(d->agent_first); dyad_free(d->agent_first_cnt);
    arena_free(&d->A);
    dyad_free(d);
}

const char *dyad_dicts_errmsg(const dyad_dicts *d) { return d ? d->errmsg : "no dictionary set"; }
size_t dyad_dicts_ndiag(const dyad_dicts *d) { return d ? d->diags.n : 0; }
const char *dyad_dicts_diag(const dyad_dicts *d, size_t i) {
    return d && i < d->diags.n ? DV_AT(d->diags, char *, i) : NULL;
}
size_t dyad_dicts_nskipped(const dyad_dicts *d) { return d ? d->nskipped : 0; }
size_t dyad_dicts_nfiles(const dyad_dicts *d) { return d ? d->files.n : 0; }
const dyad_dict_stats *dyad_dicts_file_stats(const dyad_dicts *d, size_t i) {
    return d && i < d->files.n ? &DV_AT(d->files, dyad_dict_stats, i) : NULL;
}

/* Kind from the file name (case-insensitive), else from the content. */
static dyad_dict_kind guess_kind(const char *path, const char *buf, size_t len) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char low[256];
    size_t n = strlen(base);
    if (n >= sizeof low) n = sizeof low - 1;
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)base[i]);
    low[n] = '\0';
    if (strstr(low, "verb") || !strncmp(low, "cameo", 5)) return DYAD_DK_VERBS;
    if (strstr(low, "actor")) return DYAD_DK_ACTORS;
    if (strstr(low, "agent")) return DYAD_DK_AGENTS;
    if (strstr(low, "discard")) return DYAD_DK_DISCARDS;
    if (strstr(low, "issue")) return DYAD_DK_ISSUES;
    size_t m = len < 65536 ? len : 65536;
    char *z = dyad_malloc(m + 2);
    if (!z) return DYAD_DK_AUTO;
    z[0] = '\n';
    memcpy(z + 1, buf, m);
    z[m + 1] = '\0';
    for (size_t i = 0; i <= m; i++) if (!z[i]) z[i] = ' ';
    dyad_dict_kind k = DYAD_DK_AUTO;
    if (strstr(z, "\n---") && strstr(z, "\n- ")) k = DYAD_DK_VERBS;
    else if (strstr(z, "<ISSUE")) k = DYAD_DK_ISSUES;
    else if (strstr(z, "[~")) k = DYAD_DK_AGENTS;
    else if (strstr(z, "\n\t[") || strstr(z, "\n+")) k = DYAD_DK_ACTORS;
    dyad_free(z);
    return k;
}

/* CAMEO 2.0 patterns have (PREP ...) and {NOUN PHRASE} groups; legacy ones
** never do (counted: CAMEO.2.0 1098 lines with " (", the 150430 file 2, both
** of them inside # comments). */
static dict_verb_format guess_verb_format(const char *buf, size_t len) {
    size_t i = 0;
    while (i < len) {
        const char *s = buf + i, *nl = memchr(s, '\n', len - i);
        size_t n = nl ? (size_t)(nl - s) : len - i;
        if (n > 2 && s[0] == '-' && s[1] != '-') {
            const char *h = memchr(s, '#', n);
            size_t m = h ? (size_t)(h - s) : n;
            for (size_t j = 1; j + 1 < m; j++)
                if ((s[j] == ' ' || s[j] == '\t') && (s[j + 1] == '(' || s[j + 1] == '{'))
                    return DICT_VERBS_CAMEO2;
        }
        i += n + 1;
    }
    return DICT_VERBS_LEGACY;
}

static const char *kind_name(dyad_dict_kind k, dict_verb_format vf) {
    switch (k) {
    case DYAD_DK_ACTORS: return "actors";
    case DYAD_DK_AGENTS: return "agents";
    case DYAD_DK_DISCARDS: return "discards";
    case DYAD_DK_ISSUES: return "issues";
    default: return vf == DICT_VERBS_CAMEO2 ? "verbs (CAMEO 2.0)" : "verbs (legacy)";
    }
}

dyad_status dyad_dicts_add_file(dyad_dicts *d, const char *path, dyad_dict_kind kind) {
    if (!d || !path) return DYAD_EINVAL;
    if (d->frozen) {
        snprintf(d->errmsg, sizeof d->errmsg, "%s: the dictionary set is already frozen", path);
        return DYAD_EINVAL;
    }
    struct stat sb;
    if (stat(path, &sb) != 0) {
        snprintf(d->errmsg, sizeof d->errmsg, "%s: cannot open: %s", path, strerror(errno));
        return DYAD_EIO;
    }
    if (S_ISDIR(sb.st_mode)) {
        snprintf(d->errmsg, sizeof d->errmsg, "%s: is a directory, not a dictionary file", path);
        return DYAD_EIO;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        snprintf(d->errmsg, sizeof d->errmsg, "%s: cannot open: %s", path, strerror(errno));
        return DYAD_EIO;
    }
    dict_file f;
    memset(&f, 0, sizeof f);
    f.d = d;
    size_t cap = sb.st_size > 0 ? (size_t)sb.st_size + 1 : 4096, len = 0;
    char *buf = dyad_malloc(cap);
    if (!buf) { fclose(fp); dict_nomem(d); return DYAD_NOMEM; }
    for (;;) {
        if (len == cap) {
            char *nb = dyad_realloc(buf, cap * 2);
            if (!nb) { dyad_free(buf); fclose(fp); dict_nomem(d); return DYAD_NOMEM; }
            buf = nb; cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len, fp);
        len += got;
        if (got == 0) break;
    }
    int rerr = ferror(fp);
    fclose(fp);
    if (rerr) {
        dyad_free(buf);
        snprintf(d->errmsg, sizeof d->errmsg, "%s: read error", path);
        return DYAD_EIO;
    }
    if (kind == DYAD_DK_AUTO) kind = guess_kind(path, buf, len);
    if (kind == DYAD_DK_AUTO) {
        dyad_free(buf);
        snprintf(d->errmsg, sizeof d->errmsg,
                 "%s: cannot tell which kind of dictionary this is (name it *verbs*, "
                 "*actors*, *agents*, *discards* or *issue*, or give the kind)", path);
        return DYAD_EINVAL;
    }
    dict_verb_format vf = DICT_VERBS_NONE;
    if (kind == DYAD_DK_VERBS) vf = guess_verb_format(buf, len);
    else if (kind == DYAD_DK_VERBS_CAMEO2) vf = DICT_VERBS_CAMEO2;
    else if (kind == DYAD_DK_VERBS_LEGACY) vf = DICT_VERBS_LEGACY;
    f.path = dict_strdup(d, path, strlen(path));
    dyad_dict_stats *st = dvec_push(&d->files);
    if (!f.path || !st) { dyad_free(buf); dict_nomem(d); return DYAD_NOMEM; }
    f.fileno = d->files.n - 1;
    st->file = f.path;
    st->kind = kind_name(kind, vf);
    uint32_t lines = 0;
    for (const char *p = buf; (p = memchr(p, '\n', len - (size_t)(p - buf))); p++) lines++;
    if (len && buf[len - 1] != '\n') lines++;
    st->lines = lines;
    f.buf = buf; f.len = len;
    int rc;
    switch (kind) {
    case DYAD_DK_ACTORS: rc = dict_load_actors(&f); break;
    case DYAD_DK_AGENTS: rc = dict_load_agents(&f); break;
    case DYAD_DK_DISCARDS: rc = dict_load_discards(&f); break;
    case DYAD_DK_ISSUES: rc = dict_load_issues(&f); break;
    default:
        if (d->vformat == DICT_VERBS_NONE) d->vformat = vf;
        rc = dict_load_verbs(&f, vf);
        break;
    }
    dyad_free(f.buf);
    dyad_free(f.line);
    if (rc) return strcmp(d->errmsg, "out of memory") ? DYAD_EPARSE : DYAD_NOMEM;
    return DYAD_OK;
}

static const char *const set_production[] = {
    "CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt",
    "Phoenix.IssueCoding.txt", NULL};
static const char *const set_validate[] = {
    "PETR.Validate.verbs.txt", "PETR.Validate.actors.txt", "PETR.Validate.agents.txt",
    "PETR.Validate.discards.txt", NULL};
static const char *const set_validate2[] = {
    "PETR.Validate.verbs.2.0.txt", "PETR.Validate.actors.txt", "PETR.Validate.agents.txt",
    "PETR.Validate.discards.txt", NULL};

dyad_status dyad_dicts_add_dir(dyad_dicts *d, const char *dir, const char *set) {
    if (!d || !dir) return DYAD_EINVAL;
    const char *const *names;
    if (!set || !strcmp(set, "production")) names = set_production;
    else if (!strcmp(set, "validate")) names = set_validate;
    else if (!strcmp(set, "validate2")) names = set_validate2;
    else {
        snprintf(d->errmsg, sizeof d->errmsg,
                 "unknown dictionary set '%s' (production, validate, validate2)", set);
        return DYAD_EINVAL;
    }
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        snprintf(d->errmsg, sizeof d->errmsg, "%s: no such dictionary folder", dir);
        return DYAD_EIO;
    }
    for (size_t i = 0; names[i]; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        dyad_status st = dyad_dicts_add_file(d, path, DYAD_DK_AUTO);
        if (st) return st;
    }
    return DYAD_OK;
}

dyad_status dyad_dicts_open(const char *dir, const char *set, unsigned flags, dyad_dicts **out) {
    dyad_dicts *d = dyad_dicts_new(flags);
    *out = d;
    if (!d) return DYAD_NOMEM;
    dyad_status st = dyad_dicts_add_dir(d, dir, set);
    if (!st) st = dyad_dicts_freeze(d);
    return st;
}

/* ---------------------------------------------------------------- freeze */

/* Group ptrs[0..n) (file order) by first word, in place: each group is
** contiguous, longest phrase first, then file order (a stable counting sort,
** then a stable insertion sort by length inside each group). The map gets
** first word -> group start, cnt[start] = group size. */
static int build_first(dmap *m, uint32_t **cntp, const void **ptrs, size_t n,
                       const char *(*first)(const void *), unsigned (*nw)(const void *)) {
    uint32_t *cnt = dyad_calloc(n ? n : 1, sizeof *cnt);
    uint32_t *gid = dyad_malloc((n ? n : 1) * sizeof *gid);
    uint32_t *gsize = dyad_calloc(n ? n : 1, sizeof *gsize);    /* <= n groups */
    uint32_t *gstart = dyad_malloc((n ? n : 1) * sizeof *gstart);
    const void **out = dyad_malloc((n ? n : 1) * sizeof *out);
    int rc = -1;
    *cntp = cnt;
    if (!cnt || !gid || !gsize || !gstart || !out) goto done;
    uint32_t ng = 0, v;
    for (size_t i = 0; i < n; i++) {
        const char *w = first(ptrs[i]);
        if (!dmap_get(m, w, strlen(w), &v)) {
            v = ng++;
            if (dmap_put(m, w, v)) goto done;
        }
        gid[i] = v;
        gsize[v]++;
    }
    for (uint32_t g = 0, at = 0; g < ng; g++) { gstart[g] = at; at += gsize[g]; }
    for (size_t i = 0; i < n; i++) out[gstart[gid[i]]++] = ptrs[i];
    for (uint32_t g = 0; g < ng; g++) {
        uint32_t s0 = gstart[g] - gsize[g], e = gstart[g];
        for (uint32_t k = s0 + 1; k < e; k++) {      /* stable: longest first */
            const void *x = out[k];
            uint32_t j = k;
            while (j > s0 && nw(out[j - 1]) < nw(x)) { out[j] = out[j - 1]; j--; }
            out[j] = x;
        }
        cnt[s0] = gsize[g];
        if (dmap_put(m, first(out[s0]), s0)) goto done;
    }
    memcpy(ptrs, out, n * sizeof *out);
    rc = 0;
done:
    dyad_free(gid); dyad_free(gsize); dyad_free(gstart); dyad_free(out);
    return rc;
}
static const char *actor_first_word(const void *p) { return ((const dict_actor *)p)->words[0]; }
static const char *agent_first_word(const void *p) { return ((const dict_agent *)p)->words[0]; }
static unsigned actor_nwords(const void *p) { return ((const dict_actor *)p)->nwords; }
static unsigned agent_nwords(const void *p) { return ((const dict_agent *)p)->nwords; }

static int freeze_actors(dyad_dicts *d) {
    size_t na = d->actors.n;
    dict_actor *A = d->actors.v;
    uint32_t *count = dyad_calloc(na ? na : 1, sizeof *count);
    uint32_t *nunfl = dyad_calloc(na ? na : 1, sizeof *nunfl);
    uint32_t *nrefs = dyad_calloc(na ? na : 1, sizeof *nrefs);
    if (!count || !nunfl || !nrefs) { dyad_free(count); dyad_free(nunfl); dyad_free(nrefs); return -1; }
    actor_ref *R = d->arefs.v;
    actor_rec *RC = d->arecs.v;
    for (size_t i = 0; i < d->arefs.n; i++) {
        count[R[i].actor] += RC[R[i].rec].ncodes;
        nrefs[R[i].actor]++;
        if (RC[R[i].rec].unflushed) nunfl[R[i].actor]++;
    }
    dict_actor_code **fill = dyad_calloc(na ? na : 1, sizeof *fill);
    if (!fill) { dyad_free(count); dyad_free(nunfl); dyad_free(nrefs); return -1; }
    int rc = 0;
    for (size_t a = 0; a < na && !rc; a++) {
        if (count[a]) {
            fill[a] = arena_alloc(&d->A, count[a] * sizeof(dict_actor_code));
            if (!fill[a]) rc = -1;
        }
        A[a].codes = fill[a];
        A[a].ncodes = 0;
        if (nrefs[a] && nunfl[a] == nrefs[a]) A[a].flags |= DICT_ACT_UNFLUSHED;
    }
    for (size_t i = 0; i < d->arefs.n && !rc; i++) {
        dict_actor *a = &A[R[i].actor];
        const actor_rec *r = &RC[R[i].rec];
        if (!a->root) a->root = r->root;
        if (r->ncodes)
            memcpy(fill[R[i].actor] + a->ncodes, &DV_AT(d->acodes, dict_actor_code, r->first_code),
                   r->ncodes * sizeof(dict_actor_code));
        a->ncodes += r->ncodes;
    }
    dyad_free(fill); dyad_free(count); dyad_free(nunfl); dyad_free(nrefs);
    if (rc) return rc;
    d->actor_first = dyad_malloc((na ? na : 1) * sizeof *d->actor_first);
    if (!d->actor_first) return -1;
    for (size_t a = 0; a < na; a++) d->actor_first[a] = &A[a];
    d->nactor_first = na;
    return build_first(&d->actor_first_map, &d->actor_first_cnt,
                       (const void **)d->actor_first, na, actor_first_word, actor_nwords);
}

static int freeze_agents(dyad_dicts *d) {
    size_t n = d->agents.n, k = 0;
    dict_agent *G = d->agents.v;
    d->agent_first = dyad_malloc((n ? n : 1) * sizeof *d->agent_first);
    if (!d->agent_first) return -1;
    for (size_t i = 0; i < n; i++) {
        uint32_t v;
        if (dmap_get(&d->agent_map, G[i].phrase, strlen(G[i].phrase), &v) && v == i)
            d->agent_first[k++] = &G[i];
    }
    d->nagent_first = k;
    return build_first(&d->agent_first_map, &d->agent_first_cnt,
                       (const void **)d->agent_first, k, agent_first_word, agent_nwords);
}

typedef struct form_key { const char *word; uint32_t idx; } form_key;
static int cmp_form_key(const void *a, const void *b) {
    const form_key *x = a, *y = b;
    int c = strcmp(x->word, y->word);
    if (c) return c;
    return x->idx < y->idx ? -1 : x->idx > y->idx;   /* stable: file order */
}

/* Forms sorted by verb word (file order within a word), and word -> first. */
static int freeze_forms(dyad_dicts *d) {
    size_t n = d->forms.n;
    form_key *key = dyad_malloc((n ? n : 1) * sizeof *key);
    d->sforms = arena_alloc(&d->A, (n ? n : 1) * sizeof *d->sforms);
    if (!key || !d->sforms) { dyad_free(key); return -1; }
    for (size_t i = 0; i < n; i++) key[i] = (form_key){DV_AT(d->forms, dict_verb_form, i).word, (uint32_t)i};
    qsort(key, n, sizeof *key, cmp_form_key);
    for (size_t i = 0; i < n; i++) d->sforms[i] = DV_AT(d->forms, dict_verb_form, key[i].idx);
    dyad_free(key);
    for (size_t i = 0; i < n; i++)
        if (i == 0 || strcmp(d->sforms[i].word, d->sforms[i - 1].word))
            if (dmap_put(&d->form_map, d->sforms[i].word, (uint32_t)i)) return -1;
    return 0;
}

static int synset_lookup(const dyad_dicts *d, const char *name, uint32_t *v) {
    const char *z = name[0] == '&' ? name : NULL;
    char buf[512];
    if (!z) {
        if (strlen(name) + 2 > sizeof buf) return 0;
        buf[0] = '&';
        strcpy(buf + 1, name);
        z = buf;
    }
    size_t n = strlen(z);
    if (dmap_get(&d->synset_map, z, n, v)) return 1;
    if (n > 1 && z[n - 1] == '_') return dmap_get(&d->synset_map, z, n - 1, v);
    char b2[520];
    if (n + 2 > sizeof b2) return 0;
    memcpy(b2, z, n);
    b2[n] = '_';
    return dmap_get(&d->synset_map, b2, n + 1, v);
}

static int flatten(dyad_dicts *d, uint32_t s, uint8_t *seen, dvec *out) {
    dict_synset *S = &DV_AT(d->synsets, dict_synset, s);
    seen[s] = 1;
    for (uint32_t i = 0; i < S->nmembers; i++) {
        const dict_syn_member *m = &S->members[i];
        if (m->nested >= 0) {
            if (!seen[m->nested] && flatten(d, (uint32_t)m->nested, seen, out)) return -1;
            continue;
        }
        const dict_syn_member **slot = dvec_push(out);
        if (!slot) return -1;
        *slot = m;
    }
    seen[s] = 0;
    return 0;
}

static int freeze_synsets(dyad_dicts *d) {
    size_t n = d->synsets.n;
    for (size_t s = 0; s < n; s++) {
        dict_synset *S = &DV_AT(d->synsets, dict_synset, s);
        for (uint32_t i = 0; i < S->nmembers; i++) {
            dict_syn_member *m = (dict_syn_member *)&S->members[i];
            if (m->text[0] != '&') continue;
            uint32_t v;
            if (synset_lookup(d, m->text, &v)) m->nested = (int32_t)v;
            else dict_lint(d, m->file, m->line, "undefined synset %s in synset %s", m->text, S->name);
        }
    }
    uint8_t *seen = dyad_calloc(n ? n : 1, 1);
    if (!seen) return -1;
    for (size_t s = 0; s < n; s++) {
        dvec out = DVEC(const dict_syn_member *);
        dict_synset *S = &DV_AT(d->synsets, dict_synset, s);
        if (flatten(d, (uint32_t)s, seen, &out)) { dvec_free(&out); dyad_free(seen); return -1; }
        const dict_syn_member **flat = arena_alloc(&d->A, (out.n ? out.n : 1) * sizeof *flat);
        if (!flat) { dvec_free(&out); dyad_free(seen); return -1; }
        if (out.n) memcpy(flat, out.v, out.n * sizeof *flat);
        S->flat = flat;
        S->nflat = (uint32_t)out.n;
        dvec_free(&out);
    }
    dyad_free(seen);
    /* resolve &NAME in patterns */
    for (size_t p = 0; p < d->patterns.n; p++) {
        dict_pattern *P = &DV_AT(d->patterns, dict_pattern, p);
        for (int half = 0; half < 2; half++) {
            dict_ptok *t = (dict_ptok *)(half ? P->lower : P->upper);
            size_t nt = half ? P->nlower : P->nupper;
            for (size_t i = 0; i < nt; i++) {
                if (t[i].kind != DICT_PT_SYNSET) continue;
                uint32_t v;
                if (synset_lookup(d, t[i].text, &v)) t[i].synset = (int32_t)v;
                else {
                    t[i].synset = -1;
                    P->flags |= DICT_PAT_UNDEF_SYN;
                    dict_lint(d, P->file, P->line, "undefined synset %s", t[i].text);
                }
            }
        }
    }
    return 0;
}

dyad_status dyad_dicts_freeze(dyad_dicts *d) {
    if (!d) return DYAD_EINVAL;
    if (d->frozen) return DYAD_OK;
    if (freeze_actors(d) || freeze_agents(d) || freeze_forms(d) || freeze_synsets(d)) {
        dict_nomem(d);
        return DYAD_NOMEM;
    }
    for (size_t b = 0; b < d->blocks.n; b++) {
        dict_block *B = &DV_AT(d->blocks, dict_block, b);
        uint32_t v;
        if (!dmap_get(&d->block_map, B->name, strlen(B->name), &v))
            if (dmap_put(&d->block_map, B->name, (uint32_t)b)) { dict_nomem(d); return DYAD_NOMEM; }
    }
    /* the raw vectors are no longer needed once copied */
    dvec_free(&d->arefs);
    dvec_free(&d->arecs);
    d->frozen = 1;
    return DYAD_OK;
}

/* -------------------------------------------------------------- lookups */

const dict_actor *dict_actor_get(const dyad_dicts *d, const char *phrase) {
    uint32_t v;
    if (!d || !dmap_get(&d->actor_map, phrase, strlen(phrase), &v)) return NULL;
    return &DV_AT(d->actors, dict_actor, v);
}

/* Join words[start..start+k) with spaces into buf (cap bytes); 0 if too long. */
static size_t join_words(char *buf, size_t cap, const char *const *words, size_t start, size_t k) {
    size_t len = 0;
    for (size_t i = 0; i < k; i++) {
        size_t l = strlen(words[start + i]);
        if (len + l + 2 > cap) return 0;
        if (i) buf[len++] = ' ';
        memcpy(buf + len, words[start + i], l);
        len += l;
    }
    buf[len] = '\0';
    return len;
}

static size_t group_maxlen(const dmap *m, const uint32_t *cnt, const void *const *ptrs,
                           int is_actor, const char *word, size_t *start, size_t *count) {
    uint32_t v;
    if (!dmap_get(m, word, strlen(word), &v)) return 0;
    *start = v; *count = cnt[v];
    return is_actor ? ((const dict_actor *)ptrs[v])->nwords : ((const dict_agent *)ptrs[v])->nwords;
}

const dict_actor *dict_actor_match(const dyad_dicts *d, const char *const *words,
                                   size_t nwords, size_t start, int need_codes, size_t *len) {
    if (len) *len = 0;
    if (!d || !d->frozen || start >= nwords) return NULL;
    size_t gs, gc;
    size_t maxlen = group_maxlen(&d->actor_first_map, d->actor_first_cnt,
                                 (const void *const *)d->actor_first, 1, words[start], &gs, &gc);
    if (maxlen > nwords - start) maxlen = nwords - start;
    char buf[2048];
    for (size_t k = maxlen; k >= 1; k--) {
        size_t n = join_words(buf, sizeof buf, words, start, k);
        uint32_t v;
        if (!n || !dmap_get(&d->actor_map, buf, n, &v)) continue;
        const dict_actor *a = &DV_AT(d->actors, dict_actor, v);
        if (need_codes && a->ncodes == 0) continue;
        if (len) *len = k;
        return a;
    }
    return NULL;
}

const dict_actor *const *dict_actors_by_first(const dyad_dicts *d, const char *word, size_t *n) {
    size_t gs, gc;
    *n = 0;
    if (!d || !d->frozen) return NULL;
    if (!group_maxlen(&d->actor_first_map, d->actor_first_cnt, (const void *const *)d->actor_first,
                      1, word, &gs, &gc)) return NULL;
    *n = gc;
    return d->actor_first + gs;
}

const dict_agent *dict_agent_get(const dyad_dicts *d, const char *phrase) {
    uint32_t v;
    if (!d || !dmap_get(&d->agent_map, phrase, strlen(phrase), &v)) return NULL;
    return &DV_AT(d->agents, dict_agent, v);
}

const dict_agent *dict_agent_match(const dyad_dicts *d, const char *const *words,
                                   size_t nwords, size_t start, size_t *len) {
    if (len) *len = 0;
    if (!d || !d->frozen || start >= nwords) return NULL;
    size_t gs, gc;
    size_t maxlen = group_maxlen(&d->agent_first_map, d->agent_first_cnt,
                                 (const void *const *)d->agent_first, 0, words[start], &gs, &gc);
    if (maxlen > nwords - start) maxlen = nwords - start;
    char buf[2048];
    for (size_t k = maxlen; k >= 1; k--) {
        size_t n = join_words(buf, sizeof buf, words, start, k);
        uint32_t v;
        if (!n || !dmap_get(&d->agent_map, buf, n, &v)) continue;
        if (len) *len = k;
        return &DV_AT(d->agents, dict_agent, v);
    }
    return NULL;
}

const dict_agent *const *dict_agents_by_first(const dyad_dicts *d, const char *word, size_t *n) {
    size_t gs, gc;
    *n = 0;
    if (!d || !d->frozen) return NULL;
    if (!group_maxlen(&d->agent_first_map, d->agent_first_cnt, (const void *const *)d->agent_first,
                      0, word, &gs, &gc)) return NULL;
    *n = gc;
    return d->agent_first + gs;
}

const dict_verb_form *dict_verb_forms(const dyad_dicts *d, const char *word, size_t *n) {
    uint32_t v;
    *n = 0;
    if (!d || !d->frozen || !dmap_get(&d->form_map, word, strlen(word), &v)) return NULL;
    size_t k = v;
    while (k < d->forms.n && !strcmp(d->sforms[k].word, word)) k++;
    *n = k - v;
    return d->sforms + v;
}

/* Does some form have back[0..depth) == path[0..depth)? */
static int has_back_prefix(const dict_verb_form *f, size_t n, const char *const *path, size_t depth) {
    for (size_t i = 0; i < n; i++) {
        if (f[i].nback < depth) continue;
        size_t j = 0;
        while (j < depth && !strcmp(f[i].back[j], path[j])) j++;
        if (j == depth) return 1;
    }
    return 0;
}

const dict_verb_form *dict_verb_lookup(const dyad_dicts *d, const char *word,
                                       const char *const *particles, size_t np) {
    size_t n;
    const dict_verb_form *f = dict_verb_forms(d, word, &n);
    if (!f) return NULL;
    const char *path[64];
    size_t depth = 0;
    for (size_t i = 0; i < np && depth < 64; i++) {
        path[depth] = particles[i];
        if (has_back_prefix(f, n, path, depth + 1)) depth++;
    }
    for (size_t i = 0; i < n; i++) {
        if (f[i].nback != depth || f[i].nfront != 0) continue;
        size_t j = 0;
        while (j < depth && !strcmp(f[i].back[j], path[j])) j++;
        if (j == depth) return &f[i];
    }
    return NULL;
}

const dict_block *dict_blocks(const dyad_dicts *d, size_t *n) { *n = d->blocks.n; return d->blocks.v; }
const dict_pattern *dict_patterns(const dyad_dicts *d, size_t *n) { *n = d->patterns.n; return d->patterns.v; }
const dict_block *dict_block_get(const dyad_dicts *d, const char *name) {
    uint32_t v;
    if (!d || !dmap_get(&d->block_map, name, strlen(name), &v)) return NULL;
    return &DV_AT(d->blocks, dict_block, v);
}
dict_verb_format dict_verbs_format(const dyad_dicts *d) { return d ? d->vformat : DICT_VERBS_NONE; }

const dict_synset *dict_synset_get(const dyad_dicts *d, const char *name) {
    uint32_t v;
    if (!d || !synset_lookup(d, name, &v)) return NULL;
    return &DV_AT(d->synsets, dict_synset, v);
}
const dict_synset *dict_synsets(const dyad_dicts *d, size_t *n) { *n = d->synsets.n; return d->synsets.v; }
const dict_transform *dict_transforms(const dyad_dicts *d, size_t *n) { *n = d->transforms.n; return d->transforms.v; }
const dict_discard *dict_discards(const dyad_dicts *d, size_t *n) { *n = d->discards.n; return d->discards.v; }
const dict_discard *dict_discard_get(const dyad_dicts *d, const char *phrase) {
    uint32_t v;
    if (!d || !dmap_get(&d->discard_map, phrase, strlen(phrase), &v)) return NULL;
    return &DV_AT(d->discards, dict_discard, v);
}
const dict_issue *dict_issues(const dyad_dicts *d, size_t *n) { *n = d->issues.n; return d->issues.v; }
const dict_issue *dict_issue_get(const dyad_dicts *d, const char *phrase) {
    uint32_t v;
    if (!d || !dmap_get(&d->issue_map, phrase, strlen(phrase), &v)) return NULL;
    return &DV_AT(d->issues, dict_issue, v);
}

/* ------------------------------------------------------ lookup for people */

static void emit(dyad_dict_hit_fn fn, void *ctx, const char *what, const char *phrase,
                 const char *code, const char *detail, const char *file, uint32_t line) {
    dyad_dict_hit h = {what, phrase, code, detail, file, line};
    fn(ctx, &h);
}

static void describe_code(const dict_actor_code *c, char *buf, size_t cap) {
    if (c->kind == DICT_DATE_NONE) snprintf(buf, cap, "unrestricted");
    else snprintf(buf, cap, "dates %s", c->dates);
}

dyad_status dyad_dicts_lookup(const dyad_dicts *d, const char *phrase, const char *date,
                              dyad_dict_hit_fn fn, void *ctx) {
    if (!d || !phrase || !fn || !d->frozen) return DYAD_EINVAL;
    int32_t ord = 0;
    if (date && !(ord = dict_parse_iso_date(date))) return DYAD_EINVAL;
    /* normalise: upper case, `_` and blanks -> single spaces */
    size_t n = strlen(phrase);
    char *norm = dyad_malloc(n + 1);
    if (!norm) return DYAD_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)phrase[i];
        if (c == '_' || isspace(c)) { if (k && norm[k - 1] != ' ') norm[k++] = ' '; }
        else norm[k++] = (char)toupper(c);
    }
    while (k && norm[k - 1] == ' ') k--;
    norm[k] = '\0';
    int hits = 0;
    char detail[512], cbuf[128];
    const dict_actor *a = dict_actor_get(d, norm);
    if (a) {
        if (ord) {
            const dict_actor_code *p2 = dict_actor_code_p2(a, ord), *p1 = dict_actor_code_p1(a, ord);
            if (p2) describe_code(p2, cbuf, sizeof cbuf);
            snprintf(detail, sizeof detail, "%s on %s (P2 rule; P1 rule gives %s)%s",
                     p2 ? cbuf : "no code valid", date, p1 ? p1->code : "---",
                     a->flags & DICT_ACT_UNFLUSHED ? " [last record of its file: P1/P2 never store it]" : "");
            emit(fn, ctx, "actor", a->phrase, p2 ? p2->code : "", detail,
                 p2 ? p2->file : a->file, p2 ? p2->line : a->line);
        } else {
            for (uint32_t i = 0; i < a->ncodes; i++) {
                describe_code(&a->codes[i], detail, sizeof detail);
                emit(fn, ctx, "actor", a->phrase, a->codes[i].code, detail, a->codes[i].file,
                     a->codes[i].line);
            }
            if (!a->ncodes) emit(fn, ctx, "actor", a->phrase, "", "no codes", a->file, a->line);
        }
        hits++;
    }
    const dict_agent *g = dict_agent_get(d, norm);
    if (g) {
        emit(fn, ctx, "agent", g->phrase, g->code, g->flags & DICT_AGT_PLURAL ? "plural" : "",
             g->file, g->line);
        hits++;
    }
    /* verbs: the phrase's words, keyed on any of them (front + key + back) */
    const char *words[64];
    char *copy = dyad_malloc(k + 1);
    if (!copy) { dyad_free(norm); return DYAD_NOMEM; }
    memcpy(copy, norm, k + 1);
    size_t nw = 0;
    char *save = NULL;                 /* strtok_r: the set is shared by threads */
    for (char *t = strtok_r(copy, " ", &save); t && nw < 64; t = strtok_r(NULL, " ", &save)) words[nw++] = t;
    for (size_t w = 0; w < nw; w++) {
        size_t nf;
        const dict_verb_form *f = dict_verb_forms(d, words[w], &nf);
        for (size_t i = 0; i < nf; i++) {
            if (f[i].nfront != w || f[i].nback != nw - w - 1) continue;
            size_t j = 0;
            while (j < w && !strcmp(f[i].front[j], words[j])) j++;
            if (j < w) continue;
            for (j = 0; j < f[i].nback && !strcmp(f[i].back[j], words[w + 1 + j]); j++) {}
            if (j < f[i].nback) continue;
            const dict_block *b = &DV_AT(d->blocks, dict_block, f[i].block);
            snprintf(detail, sizeof detail, "block %s (%s:%u)%s%s", b->name, b->file, (unsigned)b->line,
                     f[i].flags & DICT_VF_GENERATED ? ", generated form" : "",
                     f[i].flags & DICT_VF_LISTED ? ", listed form" : "");
            emit(fn, ctx, "verb", norm, f[i].code.text[0] ? f[i].code.text : "---", detail,
                 f[i].file, f[i].line);
            hits++;
        }
    }
    dyad_free(copy);
    const dict_block *b = dict_block_get(d, norm);
    if (b) {
        snprintf(detail, sizeof detail, "%u patterns", (unsigned)b->npatterns);
        emit(fn, ctx, "block", b->name, b->code.text, detail, b->file, b->line);
        hits++;
    }
    const dict_synset *s = norm[0] == '&' ? dict_synset_get(d, norm) : NULL;
    if (s) {
        snprintf(detail, sizeof detail, "%u members (%u with nested sets)", (unsigned)s->nmembers,
                 (unsigned)s->nflat);
        emit(fn, ctx, "synset", s->name, "", detail, s->file, s->line);
        hits++;
    }
    const dict_discard *dc = dict_discard_get(d, norm);
    if (dc) {
        emit(fn, ctx, "discard", dc->phrase, dc->story ? "story" : "sentence", "", dc->file, dc->line);
        hits++;
    }
    const dict_issue *is = dict_issue_get(d, norm);
    if (is) {
        emit(fn, ctx, "issue", is->phrase, is->kind == DICT_ISSUE ? is->code : "ignore",
             is->category, is->file, is->line);
        hits++;
    }
    dyad_free(norm);
    return hits ? DYAD_OK : DYAD_ENOTFOUND;
}
