/*
** dict_read.c: the plumbing under the dictionary loaders: growable arrays,
** the string map, the physical-line reader (CRLF, NUL bytes, UTF-8, huge
** lines), the §1.2 comment-stripping reader, and error reporting.
*/
#include "dict_int.h"
#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- dvec */

void *dvec_push(dvec *a) {
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 16;
        void *v = dyad_realloc(a->v, cap * a->size);
        if (!v) return NULL;
        a->v = v; a->cap = cap;
    }
    void *p = (char *)a->v + a->n++ * a->size;
    memset(p, 0, a->size);
    return p;
}

void dvec_free(dvec *a) { dyad_free(a->v); a->v = NULL; a->n = a->cap = 0; }

/* ---------------------------------------------------------------- dmap */

/* 8 bytes at a time, then a final mix (keys are short phrases). */
uint64_t dict_hash(const char *z, size_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ n, w;
    while (n >= 8) {
        memcpy(&w, z, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
        z += 8; n -= 8;
    }
    w = 0;
    memcpy(&w, z, n);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 29;
    h *= 0xff51afd7ed558ccdULL;
    return h ^ (h >> 32);
}

/* hv[j] = hash (high 32 bits) | value: growing never re-hashes a key, and
** most probes are settled without a string compare. Load factor <= 1/2. */
#define HV(h, v) (((uint64_t)(uint32_t)(h) << 32) | (v))

static int dmap_grow(dmap *m) {
    size_t cap = m->cap ? m->cap * 2 : 64;
    const char **keys = dyad_calloc(cap, sizeof *keys);
    uint64_t *hv = dyad_calloc(cap, sizeof *hv);
    if (!keys || !hv) { dyad_free(keys); dyad_free(hv); return -1; }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i]) continue;
        size_t j = (size_t)(m->hv[i] >> 32) & (cap - 1);
        while (keys[j]) j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i]; hv[j] = m->hv[i];
    }
    dyad_free(m->keys); dyad_free(m->hv);
    m->keys = keys; m->hv = hv; m->cap = cap;
    return 0;
}

int dmap_put(dmap *m, const char *key, uint32_t val) {
    if ((m->n + 1) * 2 >= m->cap && dmap_grow(m)) return -1;
    size_t len = strlen(key);
    uint32_t h = (uint32_t)dict_hash(key, len);
    size_t j = h & (m->cap - 1);
    while (m->keys[j]) {
        if ((uint32_t)(m->hv[j] >> 32) == h && !strcmp(m->keys[j], key)) { m->hv[j] = HV(h, val); return 0; }
        j = (j + 1) & (m->cap - 1);
    }
    m->keys[j] = key; m->hv[j] = HV(h, val); m->n++;
    return 0;
}

int dmap_get(const dmap *m, const char *key, size_t len, uint32_t *val) {
    if (!m->cap) return 0;
    uint32_t h = (uint32_t)dict_hash(key, len);
    size_t j = h & (m->cap - 1);
    while (m->keys[j]) {
        if ((uint32_t)(m->hv[j] >> 32) == h && !strncmp(m->keys[j], key, len) && m->keys[j][len] == '\0') {
            *val = (uint32_t)m->hv[j];
            return 1;
        }
        j = (j + 1) & (m->cap - 1);
    }
    return 0;
}

void dmap_free(dmap *m) {
    dyad_free(m->keys); dyad_free(m->hv);
    memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------------- strings */

char *dict_strdup(dyad_dicts *d, const char *z, size_t n) { return arena_strndup(&d->A, z, n); }

static int is_blank(int c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }

char *dict_trim(char *z) {
    while (is_blank((unsigned char)*z)) z++;
    size_t n = strlen(z);
    while (n && is_blank((unsigned char)z[n - 1])) z[--n] = '\0';
    return z;
}

int dict_split_words(dyad_dicts *d, const char *z, size_t n, int us,
                     const char ***words, uint8_t **sep, int *trailing_us) {
    enum { MAXW = 256 };
    size_t st[MAXW], ln[MAXW];
    uint8_t sp[MAXW];
    int cnt = 0;
    if (trailing_us) *trailing_us = 0;
    *words = NULL;
    if (sep) *sep = NULL;
    for (size_t i = 0; i < n;) {
        while (i < n && (is_blank((unsigned char)z[i]) || (us && z[i] == '_'))) i++;
        if (i >= n) break;
        size_t b = i;
        while (i < n && !is_blank((unsigned char)z[i]) && !(us && z[i] == '_')) i++;
        if (cnt == MAXW) {              /* absurdly many words: keep the rest as one */
            ln[cnt - 1] = n - st[cnt - 1];
            sp[cnt - 1] = 0;
            break;
        }
        st[cnt] = b;
        ln[cnt] = i - b;
        sp[cnt] = (i < n) ? (z[i] == '_' ? '_' : ' ') : 0;
        cnt++;
    }
    if (cnt == 0) return 0;
    const char **w = arena_alloc(&d->A, cnt * sizeof *w);
    uint8_t *s = sep ? arena_alloc(&d->A, cnt) : NULL;
    if (!w || (sep && !s)) return -1;
    for (int k = 0; k < cnt; k++)
        if (!(w[k] = arena_strndup(&d->A, z + st[k], ln[k]))) return -1;
    /* a separator after the last word is "trailing" (ARNOR_), not a join */
    if (trailing_us && (sp[cnt - 1] == '_' || (us && z[n - 1] == '_'))) *trailing_us = 1;
    sp[cnt - 1] = 0;
    if (s) memcpy(s, sp, cnt);
    *words = w;
    if (sep) *sep = s;
    return cnt;
}

char *dict_join(dyad_dicts *d, const char *const *w, size_t n) {
    size_t len = 0;
    for (size_t i = 0; i < n; i++) len += strlen(w[i]) + 1;
    char *out = arena_alloc(&d->A, len + 1), *p = out;
    if (!out) return NULL;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(w[i]);
        if (i) *p++ = ' ';
        memcpy(p, w[i], l); p += l;
    }
    *p = '\0';
    return out;
}

void dict_evcode_parse(dyad_dicts *d, const char *z, size_t n, dict_evcode *c) {
    while (n && is_blank((unsigned char)*z)) { z++; n--; }
    while (n && is_blank((unsigned char)z[n - 1])) n--;
    c->text = dict_strdup(d, z, n);
    const char *colon = memchr(z, ':', n);
    size_t na = colon ? (size_t)(colon - z) : n;
    c->active = na ? dict_strdup(d, z, na) : "---";
    if (colon && (size_t)(colon - z) + 1 < n)
        c->passive = dict_strdup(d, colon + 1, n - na - 1);
    else
        c->passive = "---";
    if (!c->text) c->text = "";
    if (!c->active) c->active = "---";
    if (!c->passive) c->passive = "---";
}

/* -------------------------------------------------------------- errors */

dyad_dict_stats *dict_stats_of(dict_file *f) {
    return &DV_AT(f->d->files, dyad_dict_stats, f->fileno);
}

int dict_nomem(dyad_dicts *d) {
    snprintf(d->errmsg, sizeof d->errmsg, "out of memory");
    return -1;
}

static void add_diag(dyad_dicts *d, const char *msg) {
    char **slot = dvec_push(&d->diags);
    if (slot) *slot = dict_strdup(d, msg, strlen(msg));
    if (slot && !*slot) d->diags.n--;
}

int dict_bad(dict_file *f, const char *fmt, ...) {
    char msg[768], full[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(full, sizeof full, "%s:%u: %s", f->path, (unsigned)f->lineno, msg);
    if (f->d->flags & DYAD_DICT_LENIENT) {
        add_diag(f->d, full);
        f->d->nskipped++;
        dict_stats_of(f)->skipped++;
        return 0;
    }
    snprintf(f->d->errmsg, sizeof f->d->errmsg, "%s", full);
    return -1;
}

void dict_lint(dyad_dicts *d, const char *file, uint32_t line, const char *fmt, ...) {
    if (!(d->flags & DYAD_DICT_LINT)) return;
    char msg[768], full[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(full, sizeof full, "%s:%u: %s", file, (unsigned)line, msg);
    add_diag(d, full);
}

/* --------------------------------------------------------- line reading */

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n) {
    unsigned c = s[0];
    if (c < 0x80) return 1;
    size_t len; unsigned min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
    else return 0;
    if (n < len) return 0;
    unsigned cp = c & (0x3F >> (len - 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

int dict_next_raw(dict_file *f) {
    for (;;) {
        if (f->pos >= f->len) return 0;
        const char *s = f->buf + f->pos;
        const char *nl = memchr(s, '\n', f->len - f->pos);
        size_t n = nl ? (size_t)(nl - s) : f->len - f->pos;
        f->pos += n + (nl ? 1 : 0);
        f->lineno++;
        if (n && s[n - 1] == '\r') n--;
        if (n > DICT_MAX_LINE) {
            if (dict_bad(f, "line longer than %d bytes (%zu)", DICT_MAX_LINE, n)) return -1;
            continue;
        }
        const char *bad = NULL;
        for (size_t i = 0; i < n;) {
            if (i + 8 <= n) {           /* fast path: 8 ASCII non-NUL bytes */
                uint64_t w;
                memcpy(&w, s + i, 8);
                if (!(((w - 0x0101010101010101ULL) | w) & 0x8080808080808080ULL)) { i += 8; continue; }
            }
            unsigned char c = (unsigned char)s[i];
            if (c == 0) { bad = "NUL byte in line"; break; }
            if (c < 0x80) { i++; continue; }
            size_t l = utf8_len((const unsigned char *)s + i, n - i);
            if (!l) { bad = "invalid UTF-8"; break; }
            i += l;
        }
        if (bad) {
            if (dict_bad(f, "%s", bad)) return -1;
            continue;
        }
        if (n + 1 > f->linecap) {
            size_t cap = n + 1 < 256 ? 256 : n + 1;
            char *p = dyad_realloc(f->line, cap);
            if (!p) return dict_nomem(f->d);
            f->line = p; f->linecap = cap;
        }
        memcpy(f->line, s, n);
        f->line[n] = '\0';
        return 1;
    }
}

/* formats.md §1.2. */
int dict_next_clean(dict_file *f) {
    int r;
    while ((r = dict_next_raw(f)) == 1) {
        char *t = dict_trim(f->line);
        if (f->in_xml_comment == 1) {            /* inside a multi-line <!-- */
            if (strstr(t, "-->")) f->in_xml_comment = 2;
            continue;
        }
        if (f->in_xml_comment == 2) {            /* QUIRK: returned unfiltered */
            f->in_xml_comment = 0;
            if (*t == '\0') continue;
        } else {
            if (*t == '\0' || *t == '#' || (t[0] == '<' && t[1] == '!')) continue;
            char *h = strchr(t, '#');
            if (h) *h = '\0';
            char *open = strstr(t, "<!--");
            if (open) {
                char *close = strstr(open + 4, "-->");
                if (!close) { f->in_xml_comment = 1; continue; }
                memmove(open, close + 3, strlen(close + 3) + 1);
            }
            t = dict_trim(t);
            if (*t == '\0') continue;
        }
        if (t != f->line) memmove(f->line, t, strlen(t) + 1);
        return 1;
    }
    return r;
}
