/*
** dict_cache.c: the compiled dictionary cache (`dyad dict compile`). A frozen
** set is written as one image whose pointers are file offsets, plus a table
** of those pointer slots; loading reads it into one anonymous mapping, checks
** magic, layout, checksum and the source files' size and mtime, relocates.
*/
#include "dict_int.h"
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_MAGIC "DYADDCT1"

typedef struct cmap { uint64_t off, cap, n; uint64_t keys, vals; } cmap;  /* a dmap */
typedef struct carr { uint64_t off, n; } carr;

typedef struct cache_hdr {
    char magic[8];
    uint32_t layout;          /* hash of the struct sizes: same build ABI */
    uint32_t nsrc;
    uint64_t size;            /* file size */
    uint64_t hash;            /* image_hash: the body and this header (hash zeroed) */
    uint64_t reloc_off, nreloc;
    uint64_t src_off;         /* nsrc cache_src records */
    carr actors, agents, forms, blocks, patterns, synsets, transforms, discards, issues,
         files, diags, actor_first, agent_first;
    uint64_t actor_first_cnt, agent_first_cnt;
    cmap actor_map, actor_first_map, agent_map, agent_first_map, form_map, block_map,
         synset_map, discard_map, issue_map;
    uint32_t vformat, flags;
    uint64_t nskipped;
} cache_hdr;

typedef struct cache_src { uint64_t path; int64_t size, mtime_s, mtime_ns; } cache_src;

static uint32_t layout_sig(void) {
    size_t v[] = {sizeof(void *), sizeof(cache_hdr), sizeof(dict_actor), sizeof(dict_actor_code),
                  sizeof(dict_agent), sizeof(dict_verb_form), sizeof(dict_block),
                  sizeof(dict_pattern), sizeof(dict_ptok), sizeof(dict_synset),
                  sizeof(dict_syn_member), sizeof(dict_transform), sizeof(dict_discard),
                  sizeof(dict_issue), sizeof(dyad_dict_stats), 1};
    return (uint32_t)dict_hash((const char *)v, sizeof v);
}

/* A 4-lane 64-bit multiply-xorshift hash: checks a 20 MB image in ~2 ms.
** Not cryptographic: it catches damage, not tampering. */
static uint64_t body_hash(const unsigned char *p, size_t n) {
    uint64_t a = 0x9E3779B97F4A7C15ULL, b = 0xC2B2AE3D27D4EB4FULL, c = 0x165667B19E3779F9ULL,
             d = 0x27D4EB2F165667C5ULL;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        uint64_t w[4];
        memcpy(w, p + i, 32);
        a = (a ^ w[0]) * 0xff51afd7ed558ccdULL; a ^= a >> 31;
        b = (b ^ w[1]) * 0xc4ceb9fe1a85ec53ULL; b ^= b >> 29;
        c = (c ^ w[2]) * 0xff51afd7ed558ccdULL; c ^= c >> 31;
        d = (d ^ w[3]) * 0xc4ceb9fe1a85ec53ULL; d ^= d >> 29;
    }
    uint64_t h = a ^ (b * 3) ^ (c * 5) ^ (d * 7) ^ n;
    for (; i < n; i++) h = (h ^ p[i]) * 0x100000001b3ULL;
    return h;
}

/* The image's checksum: the body, and the header with its hash field zeroed
** (a damaged header, e.g. a smaller relocation count, must not pass). */
static uint64_t image_hash(const unsigned char *img, size_t len) {
    cache_hdr t;
    memcpy(&t, img, sizeof t);
    t.hash = 0;
    return body_hash(img + sizeof t, len - sizeof t) ^
           (body_hash((const unsigned char *)&t, sizeof t) * 0x9E3779B97F4A7C15ULL);
}

/* ----------------------------------------------------------------- writer */

typedef struct wbuf {
    char *buf; size_t len, cap;
    uint64_t *rel; size_t nrel, caprel;
    const void **pk; uint64_t *pv; size_t pcap, pn;   /* pointer -> offset */
    int err;
} wbuf;

static size_t ptr_slot(const wbuf *w, const void *p) {
    uintptr_t x = (uintptr_t)p;
    return (size_t)((x >> 3) * 0x9E3779B97F4A7C15ULL) & (w->pcap - 1);
}
static int pmap_get(const wbuf *w, const void *p, uint64_t *off) {
    if (!w->pcap) return 0;
    for (size_t j = ptr_slot(w, p); w->pk[j]; j = (j + 1) & (w->pcap - 1))
        if (w->pk[j] == p) { *off = w->pv[j]; return 1; }
    return 0;
}
static void pmap_put(wbuf *w, const void *p, uint64_t off) {
    if (w->err) return;
    if ((w->pn + 1) * 2 >= w->pcap) {
        size_t cap = w->pcap ? w->pcap * 2 : 1024;
        const void **k = dyad_calloc(cap, sizeof *k);
        uint64_t *v = dyad_calloc(cap, sizeof *v);
        if (!k || !v) { dyad_free(k); dyad_free(v); w->err = 1; return; }
        const void **ok = w->pk; uint64_t *ov = w->pv; size_t oc = w->pcap;
        w->pk = k; w->pv = v; w->pcap = cap;
        for (size_t i = 0; i < oc; i++) {
            if (!ok[i]) continue;
            size_t j = ptr_slot(w, ok[i]);
            while (k[j]) j = (j + 1) & (cap - 1);
            k[j] = ok[i]; v[j] = ov[i];
        }
        dyad_free(ok); dyad_free(ov);
    }
    size_t j = ptr_slot(w, p);
    while (w->pk[j] && w->pk[j] != p) j = (j + 1) & (w->pcap - 1);
    if (!w->pk[j]) w->pn++;
    w->pk[j] = p; w->pv[j] = off;
}

/* Append n bytes (copied from p, or zeros), aligned; returns the offset. */
static uint64_t w_raw(wbuf *w, const void *p, size_t n, size_t align) {
    if (w->err) return 0;
    size_t off = (w->len + align - 1) & ~(align - 1);
    if (off + n > w->cap) {
        size_t cap = w->cap ? w->cap : 1 << 20;
        while (cap < off + n) cap *= 2;
        char *b = dyad_realloc(w->buf, cap);
        if (!b) { w->err = 1; return 0; }
        w->buf = b; w->cap = cap;
    }
    memset(w->buf + w->len, 0, off - w->len);
    if (p) memcpy(w->buf + off, p, n); else memset(w->buf + off, 0, n);
    w->len = off + n;
    return off;
}

/* Store target offset in the pointer slot at `slot` and remember the slot. */
static void w_ptr(wbuf *w, uint64_t slot, uint64_t target) {
    if (w->err) return;
    memcpy(w->buf + slot, &target, 8);
    if (!target) return;
    if (w->nrel == w->caprel) {
        size_t cap = w->caprel ? w->caprel * 2 : 4096;
        uint64_t *r = dyad_realloc(w->rel, cap * sizeof *r);
        if (!r) { w->err = 1; return; }
        w->rel = r; w->caprel = cap;
    }
    w->rel[w->nrel++] = slot;
}

static uint64_t w_str(wbuf *w, const char *s) {
    uint64_t off;
    if (!s) return 0;
    if (pmap_get(w, s, &off)) return off;
    off = w_raw(w, s, strlen(s) + 1, 1);
    pmap_put(w, s, off);
    return off;
}
static uint64_t w_strarr(wbuf *w, const char *const *a, size_t n) {
    uint64_t off;
    if (!a || !n) return 0;
    if (pmap_get(w, a, &off)) return off;
    off = w_raw(w, NULL, n * 8, 8);
    pmap_put(w, a, off);
    for (size_t i = 0; i < n; i++) w_ptr(w, off + i * 8, w_str(w, a[i]));
    return off;
}
static uint64_t w_bytes(wbuf *w, const void *p, size_t n) {
    uint64_t off;
    if (!p || !n) return 0;
    if (pmap_get(w, p, &off)) return off;
    off = w_raw(w, p, n, 1);
    pmap_put(w, p, off);
    return off;
}
#define PTR(base, T, field, target) w_ptr(w, (base) + offsetof(T, field), (target))

static void w_evcode(wbuf *w, uint64_t base, const dict_evcode *c) {
    w_ptr(w, base + offsetof(dict_evcode, text), w_str(w, c->text));
    w_ptr(w, base + offsetof(dict_evcode, active), w_str(w, c->active));
    w_ptr(w, base + offsetof(dict_evcode, passive), w_str(w, c->passive));
}

static uint64_t w_codes(wbuf *w, const dict_actor_code *c, size_t n) {
    if (!c || !n) return 0;
    uint64_t off = w_raw(w, c, n * sizeof *c, 8);
    for (size_t i = 0; i < n; i++) {
        uint64_t b = off + i * sizeof *c;
        PTR(b, dict_actor_code, code, w_str(w, c[i].code));
        PTR(b, dict_actor_code, dates, w_str(w, c[i].dates));
        PTR(b, dict_actor_code, file, w_str(w, c[i].file));
    }
    return off;
}

static uint64_t w_ptoks(wbuf *w, const dict_ptok *t, size_t n) {
    if (!t || !n) return 0;
    uint64_t off = w_raw(w, t, n * sizeof *t, 8);
    for (size_t i = 0; i < n; i++) PTR(off + i * sizeof *t, dict_ptok, text, w_str(w, t[i].text));
    return off;
}

static void w_map(wbuf *w, const dmap *m, cmap *out) {
    out->cap = m->cap;
    out->n = m->n;
    out->keys = out->vals = 0;
    if (!m->cap) return;
    out->keys = w_raw(w, NULL, m->cap * 8, 8);
    for (size_t i = 0; i < m->cap; i++) w_ptr(w, out->keys + i * 8, w_str(w, m->keys[i]));
    out->vals = w_raw(w, m->hv, m->cap * sizeof *m->hv, 8);
}

static int write_image(const dyad_dicts *d, wbuf *w, cache_hdr *h) {
    memset(h, 0, sizeof *h);
    w_raw(w, NULL, sizeof *h, 8);                      /* header placeholder: offset 0 */
    /* actors: the array first (register element addresses for actor_first) */
    size_t n = d->actors.n;
    const dict_actor *A = d->actors.v;
    h->actors.n = n;
    h->actors.off = n ? w_raw(w, A, n * sizeof *A, 8) : 0;
    for (size_t i = 0; i < n; i++) pmap_put(w, &A[i], h->actors.off + i * sizeof *A);
    for (size_t i = 0; i < n && !w->err; i++) {
        uint64_t b = h->actors.off + i * sizeof *A;
        PTR(b, dict_actor, phrase, w_str(w, A[i].phrase));
        PTR(b, dict_actor, words, w_strarr(w, A[i].words, A[i].nwords));
        PTR(b, dict_actor, sep, w_bytes(w, A[i].sep, A[i].nwords));
        PTR(b, dict_actor, codes, w_codes(w, A[i].codes, A[i].ncodes));
        PTR(b, dict_actor, root, w_str(w, A[i].root));
        PTR(b, dict_actor, file, w_str(w, A[i].file));
    }
    n = d->agents.n;
    const dict_agent *G = d->agents.v;
    h->agents.n = n;
    h->agents.off = n ? w_raw(w, G, n * sizeof *G, 8) : 0;
    for (size_t i = 0; i < n; i++) pmap_put(w, &G[i], h->agents.off + i * sizeof *G);
    for (size_t i = 0; i < n && !w->err; i++) {
        uint64_t b = h->agents.off + i * sizeof *G;
        PTR(b, dict_agent, phrase, w_str(w, G[i].phrase));
        PTR(b, dict_agent, words, w_strarr(w, G[i].words, G[i].nwords));
        PTR(b, dict_agent, sep, w_bytes(w, G[i].sep, G[i].nwords));
        PTR(b, dict_agent, code, w_str(w, G[i].code));
        PTR(b, dict_agent, file, w_str(w, G[i].file));
    }
    for (int k = 0; k < 2; k++) {           /* actor_first / agent_first pointer arrays */
        size_t m = k ? d->nagent_first : d->nactor_first;
        const void *const *src = k ? (const void *const *)d->agent_first : (const void *const *)d->actor_first;
        carr *c = k ? &h->agent_first : &h->actor_first;
        c->n = m;
        c->off = m ? w_raw(w, NULL, m * 8, 8) : 0;
        for (size_t i = 0; i < m; i++) {
            uint64_t t = 0;
            pmap_get(w, src[i], &t);
            w_ptr(w, c->off + i * 8, t);
        }
        const uint32_t *cnt = k ? d->agent_first_cnt : d->actor_first_cnt;
        uint64_t co = m ? w_raw(w, cnt, m * sizeof *cnt, 8) : 0;
        if (k) h->agent_first_cnt = co; else h->actor_first_cnt = co;
    }
    n = d->forms.n;
    h->forms.n = n;
    h->forms.off = n ? w_raw(w, d->sforms, n * sizeof *d->sforms, 8) : 0;
    for (size_t i = 0; i < n && !w->err; i++) {
        const dict_verb_form *F = &d->sforms[i];
        uint64_t b = h->forms.off + i * sizeof *F;
        PTR(b, dict_verb_form, word, w_str(w, F->word));
        PTR(b, dict_verb_form, front, w_strarr(w, F->front, F->nfront));
        PTR(b, dict_verb_form, back, w_strarr(w, F->back, F->nback));
        w_evcode(w, b + offsetof(dict_verb_form, code), &F->code);
        PTR(b, dict_verb_form, file, w_str(w, F->file));
    }
    n = d->blocks.n;
    const dict_block *B = d->blocks.v;
    h->blocks.n = n;
    h->blocks.off = n ? w_raw(w, B, n * sizeof *B, 8) : 0;
    for (size_t i = 0; i < n && !w->err; i++) {
        uint64_t b = h->blocks.off + i * sizeof *B;
        PTR(b, dict_block, name, w_str(w, B[i].name));
        w_evcode(w, b + offsetof(dict_block, code), &B[i].code);
        PTR(b, dict_block, primary, w_str(w, B[i].primary));
        PTR(b, dict_block, file, w_str(w, B[i].file));
    }
    n = d->patterns.n;
    const dict_pattern *P = d->patterns.v;
    h->patterns.n = n;
    h->patterns.off = n ? w_raw(w, P, n * sizeof *P, 8) : 0;
    for (size_t i = 0; i < n && !w->err; i++) {
        uint64_t b = h->patterns.off + i * sizeof *P;
        PTR(b, dict_pattern, upper, w_ptoks(w, P[i].upper, P[i].nupper));
        PTR(b, dict_pattern, lower, w_ptoks(w, P[i].lower, P[i].nlower));
        w_evcode(w, b + offsetof(dict_pattern, code), &P[i].code);
        PTR(b, dict_pattern, text, w_str(w, P[i].text));
        PTR(b, dict_pattern, file, w_str(w, P[i].file));
    }
    n = d->synsets.n;
    const dict_synset *S = d->synsets.v;
    h->synsets.n = n;
    h->synsets.off = n ? w_raw(w, S, n * sizeof *S, 8) : 0;
    for (size_t i = 0; i < n && !w->err; i++) {       /* members first, then flat */
        uint64_t b = h->synsets.off + i * sizeof *S;
        const dict_syn_member *M = S[i].members;
        size_t nm = S[i].nmembers;
        uint64_t mo = nm ? w_raw(w, M, nm * sizeof *M, 8) : 0;
        for (size_t j = 0; j < nm; j++) {
            uint64_t mb = mo + j * sizeof *M;
            pmap_put(w, &M[j], mb);
            PTR(mb, dict_syn_member, text, w_str(w, M[j].text));
            PTR(mb, dict_syn_member, words, w_strarr(w, M[j].words, M[j].nwords));
            PTR(mb, dict_syn_member, sep, w_bytes(w, M[j].sep, M[j].nwords));
            PTR(mb, dict_syn_member, plural, w_str(w, M[j].plural));
            PTR(mb, dict_syn_member, file, w_str(w, M[j].file));
        }
        PTR(b, dict_synset, members, mo);
        PTR(b, dict_synset, name, w_str(w, S[i].name));
        PTR(b, dict_synset, file, w_str(w, S[i].file));
    }
    for (size_t i = 0; i < n && !w->err; i++) {
        uint64_t b = h->synsets.off + i * sizeof *S;
        uint64_t fo = S[i].nflat ? w_raw(w, NULL, S[i].nflat * 8, 8) : 0;
        for (size_t j = 0; j < S[i].nflat; j++) {
            uint64_t t = 0;
            pmap_get(w, S[i].flat[j], &t);
            w_ptr(w, fo + j * 8, t);
        }
        PTR(b, dict_synset, flat, fo);
    }
    n = d->transforms.n;
    const dict_transform *T = d->transforms.v;
    h->transforms.n = n;
    h->transforms.off = n ? w_raw(w, T, n * sizeof *T, 8) : 0;
    for (size_t i = 0; i < n && !w->err; i++) {
        uint64_t b = h->transforms.off + i * sizeof *T;
        PTR(b, dict_transform, text, w_str(w, T[i].text));
        PTR(b, dict_transform, lhs, w_str(w, T[i].lhs));
        PTR(b, dict_transform, rhs, w_str(w, T[i].rhs));
        PTR(b, dict_transform, file, w_str(w, T[i].file));
    }
    n = d->discards.n;
    const dict_discard *X = d->discards.v;
    h->discards.n = n;
    h->discards.off = n ? w_raw(w, X, n * sizeof *X, 8) : 0;
    for (size_t i = 0; i < n && !w->err; i++) {
        uint64_t b = h->discards.off + i * sizeof *X;
        PTR(b, dict_discard, phrase, w_str(w, X[i].phrase));
        PTR(b, dict_discard, words, w_strarr(w, X[i].words, X[i].nwords));
        PTR(b, dict_discard, file, w_str(w, X[i].file));
    }
    n = d->issues.n;
    const dict_issue *I = d->issues.v;
    h->issues.n = n;
    h->issues.off = n ? w_raw(w, I, n * sizeof *I, 8) : 0;
    for (size_t i = 0; i < n && !w->err; i++) {
        uint64_t b = h->issues.off + i * sizeof *I;
        PTR(b, dict_issue, phrase, w_str(w, I[i].phrase));
        PTR(b, dict_issue, words, w_strarr(w, I[i].words, I[i].nwords));
        PTR(b, dict_issue, code, w_str(w, I[i].code));
        PTR(b, dict_issue, category, w_str(w, I[i].category));
        PTR(b, dict_issue, file, w_str(w, I[i].file));
    }
    n = d->files.n;
    const dyad_dict_stats *FS = d->files.v;
    h->files.n = n;
    h->files.off = n ? w_raw(w, FS, n * sizeof *FS, 8) : 0;
    for (size_t i = 0; i < n && !w->err; i++) {
        uint64_t b = h->files.off + i * sizeof *FS;
        PTR(b, dyad_dict_stats, file, w_str(w, FS[i].file));
        PTR(b, dyad_dict_stats, kind, w_str(w, FS[i].kind));
    }
    n = d->diags.n;
    h->diags.n = n;
    h->diags.off = n ? w_raw(w, NULL, n * 8, 8) : 0;
    for (size_t i = 0; i < n; i++) w_ptr(w, h->diags.off + i * 8, w_str(w, DV_AT(d->diags, char *, i)));
    w_map(w, &d->actor_map, &h->actor_map);
    w_map(w, &d->actor_first_map, &h->actor_first_map);
    w_map(w, &d->agent_map, &h->agent_map);
    w_map(w, &d->agent_first_map, &h->agent_first_map);
    w_map(w, &d->form_map, &h->form_map);
    w_map(w, &d->block_map, &h->block_map);
    w_map(w, &d->synset_map, &h->synset_map);
    w_map(w, &d->discard_map, &h->discard_map);
    w_map(w, &d->issue_map, &h->issue_map);
    /* the source files and their identity (size, mtime) */
    h->nsrc = (uint32_t)d->files.n;
    h->src_off = w_raw(w, NULL, d->files.n * sizeof(cache_src), 8);
    for (size_t i = 0; i < d->files.n && !w->err; i++) {
        struct stat sb;
        const char *path = FS[i].file;
        if (stat(path, &sb) != 0) { w->err = 2; break; }
        cache_src cs = {w_str(w, path), (int64_t)sb.st_size, (int64_t)sb.st_mtim.tv_sec,
                        (int64_t)sb.st_mtim.tv_nsec};
        if (!w->err) memcpy(w->buf + h->src_off + i * sizeof cs, &cs, sizeof cs);
    }
    h->vformat = (uint32_t)d->vformat;
    h->flags = d->flags;
    h->nskipped = d->nskipped;
    w_raw(w, "", 1, 1);                               /* strings always end inside the image */
    h->reloc_off = w_raw(w, w->rel, w->nrel * 8, 8);
    h->nreloc = w->nrel;
    memcpy(h->magic, CACHE_MAGIC, 8);
    h->layout = layout_sig();
    h->size = w->len;
    if (!w->err) {
        h->hash = 0;
        memcpy(w->buf, h, sizeof *h);
        h->hash = image_hash((const unsigned char *)w->buf, w->len);
        memcpy(w->buf, h, sizeof *h);
    }
    return w->err;
}

dyad_status dyad_dicts_compile(const dyad_dicts *dc, const char *path) {
    dyad_dicts *d = (dyad_dicts *)dc;   /* only errmsg is written */
    if (!d || !path) return DYAD_EINVAL;
    if (!d->frozen) {
        snprintf(d->errmsg, sizeof d->errmsg, "dict compile: the set is not frozen");
        return DYAD_EINVAL;
    }
    if (d->map) {
        snprintf(d->errmsg, sizeof d->errmsg, "dict compile: the set was itself loaded from a cache");
        return DYAD_EINVAL;
    }
    wbuf w;
    memset(&w, 0, sizeof w);
    cache_hdr h;
    int err = write_image(d, &w, &h);
    dyad_status st = DYAD_OK;
    if (err) {
        if (err == 2) snprintf(d->errmsg, sizeof d->errmsg, "dict compile: a source file vanished");
        else dict_nomem(d);
        st = err == 2 ? DYAD_EIO : DYAD_NOMEM;
    } else {
        char tmp[4200];
        snprintf(tmp, sizeof tmp, "%s.tmp%d", path, (int)getpid());
        FILE *f = fopen(tmp, "wb");
        int ok = f && fwrite(w.buf, 1, w.len, f) == w.len;
        if (f && fclose(f) != 0) ok = 0;
        if (!ok || rename(tmp, path) != 0) {
            snprintf(d->errmsg, sizeof d->errmsg, "%s: cannot write: %s", path, strerror(errno));
            remove(tmp);
            st = DYAD_EIO;
        }
    }
    dyad_free(w.buf); dyad_free(w.rel); dyad_free(w.pk); dyad_free(w.pv);
    return st;
}

/* ----------------------------------------------------------------- loader */

static int in_range(const cache_hdr *h, uint64_t off, uint64_t n, uint64_t size) {
    if (!n) return 1;
    return off >= sizeof *h && off <= h->size && n <= (h->size - off) / (size ? size : 1);
}

static void set_map(dmap *m, char *base, const cmap *c) {
    m->cap = c->cap;
    m->n = c->n;
    m->keys = c->cap ? (const char **)(base + c->keys) : NULL;
    m->hv = c->cap ? (uint64_t *)(base + c->vals) : NULL;
}
static void set_vec(dvec *v, char *base, const carr *c, size_t size) {
    v->v = c->n ? base + c->off : NULL;
    v->n = v->cap = c->n;
    v->size = size;
}

static dyad_status fail(dyad_dicts *d, dyad_status st, const char *path, const char *why) {
    snprintf(d->errmsg, sizeof d->errmsg, "%s: %s", path, why);
    return st;
}

dyad_status dyad_dicts_open_compiled(const char *path, dyad_dicts **out) {
    dyad_dicts *d = dyad_dicts_new(0);
    *out = d;
    if (!d) return DYAD_NOMEM;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        snprintf(d->errmsg, sizeof d->errmsg, "%s: cannot open: %s", path, strerror(errno));
        return DYAD_EIO;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || (size_t)sb.st_size < sizeof(cache_hdr)) {
        close(fd);
        return fail(d, DYAD_ECORRUPT, path, "not a dyad dictionary cache (too short)");
    }
    size_t len = (size_t)sb.st_size;
    /* The image is position-independent (mmap-able as is), but relocation
    ** writes to nearly every page, so copy-on-write faults on a file mapping
    ** cost more than reading it into anonymous (huge-page) memory. */
    char *base = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    size_t got = 0;
    if (base != MAP_FAILED) {
#ifdef MADV_HUGEPAGE
        madvise(base, len, MADV_HUGEPAGE);
#endif
        while (got < len) {
            ssize_t r = read(fd, base + got, len - got);
            if (r <= 0) break;
            got += (size_t)r;
        }
    }
    close(fd);
    if (base == MAP_FAILED) return fail(d, DYAD_NOMEM, path, "cannot allocate the cache image");
    d->map = base;
    d->maplen = len;
    if (got < len) return fail(d, DYAD_EIO, path, "read error");
    cache_hdr h;
    memcpy(&h, base, sizeof h);
    if (memcmp(h.magic, CACHE_MAGIC, 8)) return fail(d, DYAD_ECORRUPT, path, "not a dyad dictionary cache (bad magic)");
    if (h.layout != layout_sig()) return fail(d, DYAD_ECORRUPT, path, "cache made by an incompatible build");
    if (h.size != len) return fail(d, DYAD_ECORRUPT, path, "truncated cache");
    if (h.hash != image_hash((const unsigned char *)base, len))
        return fail(d, DYAD_ECORRUPT, path, "cache checksum mismatch");
    if (!in_range(&h, h.src_off, h.nsrc, sizeof(cache_src)) || !in_range(&h, h.reloc_off, h.nreloc, 8))
        return fail(d, DYAD_ECORRUPT, path, "bad cache table");
    /* stale? every source must still have its size and mtime */
    for (uint32_t i = 0; i < h.nsrc; i++) {
        cache_src cs;
        memcpy(&cs, base + h.src_off + i * sizeof cs, sizeof cs);
        if (cs.path < sizeof h || cs.path >= len) return fail(d, DYAD_ECORRUPT, path, "bad source table");
        const char *src = base + cs.path;
        struct stat ss;
        if (stat(src, &ss) != 0 || (int64_t)ss.st_size != cs.size ||
            (int64_t)ss.st_mtim.tv_sec != cs.mtime_s || (int64_t)ss.st_mtim.tv_nsec != cs.mtime_ns) {
            snprintf(d->errmsg, sizeof d->errmsg, "%s: stale cache: %s changed since it was compiled",
                     path, src);
            return DYAD_ECORRUPT;
        }
    }
    /* relocate */
    const uint64_t *rel = (const uint64_t *)(base + h.reloc_off);
    for (uint64_t i = 0; i < h.nreloc; i++) {
        uint64_t slot = rel[i], v;
        if (slot < sizeof h || slot > len - 8 || (slot & 7)) return fail(d, DYAD_ECORRUPT, path, "bad relocation");
        memcpy(&v, base + slot, 8);
        if (v < sizeof h || v >= len) return fail(d, DYAD_ECORRUPT, path, "bad pointer");
        char *p = base + v;
        memcpy(base + slot, &p, sizeof p);
    }
    const carr *arrs[] = {&h.actors, &h.agents, &h.forms, &h.blocks, &h.patterns, &h.synsets,
                          &h.transforms, &h.discards, &h.issues, &h.files, &h.diags,
                          &h.actor_first, &h.agent_first};
    size_t sizes[] = {sizeof(dict_actor), sizeof(dict_agent), sizeof(dict_verb_form),
                      sizeof(dict_block), sizeof(dict_pattern), sizeof(dict_synset),
                      sizeof(dict_transform), sizeof(dict_discard), sizeof(dict_issue),
                      sizeof(dyad_dict_stats), 8, 8, 8};
    for (size_t i = 0; i < sizeof arrs / sizeof arrs[0]; i++)
        if (!in_range(&h, arrs[i]->off, arrs[i]->n, sizes[i])) return fail(d, DYAD_ECORRUPT, path, "bad array");
    const cmap *maps[] = {&h.actor_map, &h.actor_first_map, &h.agent_map, &h.agent_first_map,
                          &h.form_map, &h.block_map, &h.synset_map, &h.discard_map, &h.issue_map};
    for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++)
        if ((maps[i]->cap & (maps[i]->cap - 1)) || maps[i]->n > maps[i]->cap ||
            !in_range(&h, maps[i]->keys, maps[i]->cap, 8) || !in_range(&h, maps[i]->vals, maps[i]->cap, 8))
            return fail(d, DYAD_ECORRUPT, path, "bad map");
    if (!in_range(&h, h.actor_first_cnt, h.actor_first.n, 4) || !in_range(&h, h.agent_first_cnt, h.agent_first.n, 4))
        return fail(d, DYAD_ECORRUPT, path, "bad index");
    set_vec(&d->actors, base, &h.actors, sizeof(dict_actor));
    set_vec(&d->agents, base, &h.agents, sizeof(dict_agent));
    set_vec(&d->forms, base, &h.forms, sizeof(dict_verb_form));
    d->sforms = d->forms.v;
    set_vec(&d->blocks, base, &h.blocks, sizeof(dict_block));
    set_vec(&d->patterns, base, &h.patterns, sizeof(dict_pattern));
    set_vec(&d->synsets, base, &h.synsets, sizeof(dict_synset));
    set_vec(&d->transforms, base, &h.transforms, sizeof(dict_transform));
    set_vec(&d->discards, base, &h.discards, sizeof(dict_discard));
    set_vec(&d->issues, base, &h.issues, sizeof(dict_issue));
    set_vec(&d->files, base, &h.files, sizeof(dyad_dict_stats));
    set_vec(&d->diags, base, &h.diags, sizeof(char *));
    d->actor_first = h.actor_first.n ? (const dict_actor **)(base + h.actor_first.off) : NULL;
    d->nactor_first = h.actor_first.n;
    d->actor_first_cnt = h.actor_first.n ? (uint32_t *)(base + h.actor_first_cnt) : NULL;
    d->agent_first = h.agent_first.n ? (const dict_agent **)(base + h.agent_first.off) : NULL;
    d->nagent_first = h.agent_first.n;
    d->agent_first_cnt = h.agent_first.n ? (uint32_t *)(base + h.agent_first_cnt) : NULL;
    set_map(&d->actor_map, base, &h.actor_map);
    set_map(&d->actor_first_map, base, &h.actor_first_map);
    set_map(&d->agent_map, base, &h.agent_map);
    set_map(&d->agent_first_map, base, &h.agent_first_map);
    set_map(&d->form_map, base, &h.form_map);
    set_map(&d->block_map, base, &h.block_map);
    set_map(&d->synset_map, base, &h.synset_map);
    set_map(&d->discard_map, base, &h.discard_map);
    set_map(&d->issue_map, base, &h.issue_map);
    d->vformat = (dict_verb_format)h.vformat;
    d->flags = h.flags;
    d->nskipped = h.nskipped;
    d->frozen = 1;
    return DYAD_OK;
}

void dict_cache_unmap(dyad_dicts *d) {
    if (d->map) munmap(d->map, d->maplen);
    d->map = NULL;
}
