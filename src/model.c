/*
** model.c: the model file (header with magic, version, payload size and
** CRC-32, then typed sections), loading with full validation, the frozen
** u64->u32 maps, and dyad_parse_sentence: tag, lemmatize, parse.
*/
#include "model.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#define HDR 32

static size_t pad8(size_t n) { return (n + 7) & ~(size_t)7; }

static dyad_status errf(char *err, size_t errlen, dyad_status st, const char *fmt, ...) {
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return st;
}

/* ---- kv maps ---- */
int kv_view(const void *mem, size_t size, kv_map *out) {
    if (size < 8 || ((uintptr_t)mem & 7)) return -1;
    const uint32_t *h = mem;
    uint32_t cap = h[0], n = h[1];
    if (!cap || (cap & (cap - 1)) || cap > (1u << 26) || n >= cap) return -1;
    if (size != 8 + (size_t)cap * 8 + pad8((size_t)cap * 4)) return -1;
    out->mask = cap - 1;
    out->keys = (const uint64_t *)((const char *)mem + 8);
    out->vals = (const uint32_t *)((const char *)mem + 8 + (size_t)cap * 8);
    uint32_t used = 0;
    for (uint32_t i = 0; i < cap; i++) used += out->keys[i] != 0;
    return used == n ? 0 : -1;
}

int kv_get(const kv_map *m, uint64_t key, uint32_t *val) {
    if (!m->keys) return 0;
    uint32_t i = (uint32_t)key & m->mask;
    while (m->keys[i]) {
        if (m->keys[i] == key) { *val = m->vals[i]; return 1; }
        i = (i + 1) & m->mask;
    }
    return 0;
}

int kv_build(const uint64_t *keys, const uint32_t *vals, uint32_t n, void **mem, size_t *size) {
    uint32_t cap = 16;
    while (cap < n * 2 + 1) cap *= 2;
    size_t sz = 8 + (size_t)cap * 8 + pad8((size_t)cap * 4);
    char *b = dyad_calloc(1, sz);
    if (!b) return -1;
    uint32_t *h = (uint32_t *)b;
    uint64_t *k = (uint64_t *)(b + 8);
    uint32_t *v = (uint32_t *)(b + 8 + (size_t)cap * 8);
    uint32_t used = 0;
    for (uint32_t j = 0; j < n; j++) {
        uint64_t key = keys[j] ? keys[j] : 1;
        uint32_t i = (uint32_t)key & (cap - 1);
        while (k[i] && k[i] != key) i = (i + 1) & (cap - 1);
        if (!k[i]) used++;
        k[i] = key;
        v[i] = vals[j];
    }
    h[0] = cap; h[1] = used;
    *mem = b;
    *size = sz;
    return 0;
}

/* ---- file image ---- */
void *model_image(const msect *s, int n, uint32_t version, size_t *size) {
    size_t total = HDR;
    for (int i = 0; i < n; i++) total += 16 + pad8(s[i].size);
    unsigned char *b = dyad_calloc(1, total);
    if (!b) return NULL;
    memcpy(b, MODEL_MAGIC, 8);
    uint32_t ver = version, ns = (uint32_t)n;
    uint64_t pl = total - HDR;
    memcpy(b + 8, &ver, 4);
    memcpy(b + 12, &ns, 4);
    memcpy(b + 16, &pl, 8);
    size_t p = HDR;
    for (int i = 0; i < n; i++) {
        uint64_t sz = s[i].size;
        memcpy(b + p, &s[i].id, 4);
        memcpy(b + p + 8, &sz, 8);
        if (s[i].size) memcpy(b + p + 16, s[i].data, s[i].size);
        p += 16 + pad8(s[i].size);
    }
    uint32_t crc = (uint32_t)crc32(0L, b + HDR, (uInt)(total - HDR));
    memcpy(b + 24, &crc, 4);
    *size = total;
    return b;
}

static int str_ok(const dyad_model *m, uint32_t off) { return off < m->npool; }

dyad_status model_from_image(dyad_model *m, const void *img, size_t size, char *err, size_t errlen) {
    const unsigned char *b = img;
#define BAD(...) errf(err, errlen, DYAD_ECORRUPT, __VA_ARGS__)
    if (size < HDR || memcmp(b, MODEL_MAGIC, 8)) return BAD("not a dyad parser model (bad magic)");
    uint32_t ver, ns, crc;
    uint64_t pl;
    memcpy(&ver, b + 8, 4); memcpy(&ns, b + 12, 4); memcpy(&pl, b + 16, 8); memcpy(&crc, b + 24, 4);
    if (ver < 1 || ver > MODEL_VERSION) return BAD("model version %u, this build reads versions 1 to %u", ver, MODEL_VERSION);
    if (pl != size - HDR) return BAD("model truncated or padded: %llu payload bytes, header says %llu",
                                     (unsigned long long)(size - HDR), (unsigned long long)pl);
    if ((uint32_t)crc32(0L, b + HDR, (uInt)pl) != crc) return BAD("model checksum mismatch");
    const void *sec[SEC_COUNT + 1] = {0};
    size_t ssz[SEC_COUNT + 1] = {0};
    size_t p = HDR;
    for (uint32_t i = 0; i < ns; i++) {
        uint32_t id; uint64_t sz;
        if (size - p < 16) return BAD("section table overruns the file");
        memcpy(&id, b + p, 4); memcpy(&sz, b + p + 8, 8);
        if (sz > size - p - 16 || pad8(sz) > size - p - 16) return BAD("section %u overruns the file", id);
        if (id >= 1 && id <= SEC_COUNT) { sec[id] = b + p + 16; ssz[id] = sz; }
        p += 16 + pad8(sz);
    }
    for (int id = 1; id <= (ver >= 5 ? SEC_CLU : ver >= 2 ? SEC_AMB : SEC_TAGGER2); id++)
        if (!sec[id]) return BAD("model lacks section %d", id);
    memset(m, 0, sizeof *m);
    m->fset = (int)ver;
    m->pool = sec[SEC_POOL]; m->npool = ssz[SEC_POOL];
    if (!m->npool || m->pool[m->npool - 1]) return BAD("bad string pool");
    const uint32_t *meta = sec[SEC_META];
    if (ssz[SEC_META] < 16) return BAD("bad meta section");
    m->ntag = (int)meta[0]; m->nlab = (int)meta[1]; m->root_label = (int)meta[2]; m->punct_label = (int)meta[3];
    if (m->ntag < 1 || m->ntag > 250 || m->nlab < 2 || m->nlab > MAX_LABELS || m->root_label >= m->nlab
        || m->root_label < 0 || m->punct_label < -1 || m->punct_label >= m->nlab
        || ssz[SEC_META] != 16 + 4 * (size_t)(3 * m->ntag + m->nlab)) return BAD("bad meta section");
    const uint32_t *o = meta + 4;
    for (int i = 0; i < 3 * m->ntag + m->nlab; i++) if (!str_ok(m, o[i])) return BAD("bad string offset");
    for (int i = 0; i < m->ntag; i++) {
        m->tags[i].upos = m->pool + o[3 * i];
        m->tags[i].xpos = m->pool + o[3 * i + 1];
        m->tags[i].feats = m->pool + o[3 * i + 2];
    }
    for (int i = 0; i < m->nlab; i++) m->labels[i] = m->pool + o[3 * m->ntag + i];
    {
        const char *up[256];
        for (int i = 0; i < m->ntag; i++) up[i] = m->tags[i].upos;
        parse_coarse(up, m->ntag, m->coarse);
    }
    int tnc = tag_nclass(m->ntag, (int)ver);
    if (ap_view(sec[SEC_TAGGER], ssz[SEC_TAGGER], &m->tagger) || m->tagger.nclass != (uint32_t)tnc)
        return BAD("bad tagger section");
    if (ap_view(sec[SEC_TAGGER2], ssz[SEC_TAGGER2], &m->tagger2) || m->tagger2.nclass != (uint32_t)tnc)
        return BAD("bad tagger section");
    if (ap_view(sec[SEC_PARSER], ssz[SEC_PARSER], &m->parser)
        || m->parser.nclass != (uint32_t)parse_nclass(m->nlab, (int)ver)) return BAD("bad parser section");
    if (kv_view(sec[SEC_TAGDICT], ssz[SEC_TAGDICT], &m->tagdict)) return BAD("bad tag dictionary");
    if (ver >= 2 && kv_view(sec[SEC_AMB], ssz[SEC_AMB], &m->amb)) return BAD("bad ambiguity classes");
    if (ver >= 5 && kv_view(sec[SEC_CLU], ssz[SEC_CLU], &m->clu)) return BAD("bad word classes");
    for (uint32_t i = 0; i <= m->tagdict.mask; i++)
        if (m->tagdict.keys[i] && m->tagdict.vals[i] >= (uint32_t)m->ntag) return BAD("bad tag dictionary");
    m->lexv = sec[SEC_LEXV];
    m->nlexv = (uint32_t)(ssz[SEC_LEXV] / 8);
    for (uint32_t i = 0; i < 2 * m->nlexv; i++) if (!str_ok(m, m->lexv[i])) return BAD("bad lexicon");
    if (kv_view(sec[SEC_LEX], ssz[SEC_LEX], &m->lex)) return BAD("bad lexicon");
    for (uint32_t i = 0; i <= m->lex.mask; i++)
        if (m->lex.keys[i] && m->lex.vals[i] >= m->nlexv) return BAD("bad lexicon");
    if (kv_view(sec[SEC_RULES], ssz[SEC_RULES], &m->rules)) return BAD("bad lemma rules");
    for (uint32_t i = 0; i <= m->rules.mask; i++)
        if (m->rules.keys[i] && !str_ok(m, m->rules.vals[i] & 0xFFFFFF)) return BAD("bad lemma rules");
#undef BAD
    return DYAD_OK;
}

dyad_status dyad_model_load(const char *path, dyad_model **out, char *err, size_t errlen) {
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) return errf(err, errlen, DYAD_EIO, "%s: cannot open (build it with `make model`)", path);
    struct stat sb;  /* a directory opens and "seeks" to a huge size */
    if (fstat(fileno(f), &sb) || !S_ISREG(sb.st_mode)) {
        fclose(f);
        return errf(err, errlen, DYAD_EIO, "%s: not a regular file", path);
    }
    if (fseek(f, 0, SEEK_END)) { fclose(f); return errf(err, errlen, DYAD_EIO, "%s: not a regular file", path); }
    long sz = ftell(f);
    if (sz < 0 || fseek(f, 0, SEEK_SET)) { fclose(f); return errf(err, errlen, DYAD_EIO, "%s: not a regular file", path); }
    void *img = dyad_malloc((size_t)sz + 8);
    dyad_model *m = dyad_calloc(1, sizeof *m);
    if (!img || !m) { fclose(f); dyad_free(img); dyad_free(m); return errf(err, errlen, DYAD_NOMEM, "out of memory"); }
    size_t got = fread(img, 1, (size_t)sz, f);
    fclose(f);
    if (got != (size_t)sz) { dyad_free(img); dyad_free(m); return errf(err, errlen, DYAD_EIO, "%s: read error", path); }
    char e2[200];
    dyad_status st = model_from_image(m, img, (size_t)sz, e2, sizeof e2);
    if (st) {
        dyad_free(img); dyad_free(m);
        return errf(err, errlen, st, "%s: %s", path, e2);
    }
    m->file = img;
    *out = m;
    return DYAD_OK;
}

void dyad_model_free(dyad_model *m) {
    if (!m) return;
    dyad_free(m->file);
    dyad_free(m);
}

/* ---- running ---- */
static dyad_status run(const dyad_model *m, dyad_sentence *s, int parse) {
    int n = dyad_sentence_len(s);
    if (n == 0) return DYAD_OK;
    dyad_token *t = dyad_sentence_tokens(s);
    size_t nn = (size_t)n + 2;
    char *blk = dyad_malloc(nn * (sizeof(tok_info) + PARSE_WORD_BLOCKS * sizeof(uint64_t) + 5 * sizeof(int)));
    if (!blk) return DYAD_NOMEM;
    tok_info *ti = (tok_info *)blk;
    uint64_t *word = (uint64_t *)(ti + nn);
    int *tags = (int *)(word + PARSE_WORD_BLOCKS * nn), *ptag = tags + nn, *head = ptag + nn, *lab = head + nn;
    int *tags1 = lab + nn;
    for (int i = 0; i < n; i++) {
        uint32_t v;
        tok_info_fill(&ti[i], t[i].form ? t[i].form : "_");
        if (m->fset >= 2) ti[i].amb = kv_get(&m->amb, ti[i].lower, &v) ? v : tok_amb_unknown(&ti[i]);
        if (m->fset >= 5) ti[i].clu = TOK_CLU_ON | (kv_get(&m->clu, ti[i].lower, &v) ? v : 0);
    }
    const uint8_t *share = m->fset >= 5 ? m->coarse : NULL;
    tag_run(&m->tagger, &m->tagdict, share, ti, n, NULL, tags1);
    tag_run_alt(&m->tagger2, &m->tagdict, share, ti, n, tags1, tags, m->fset >= 4 ? word + 3 * nn + 1 : NULL);
    char buf[256];
    for (int i = 0; i < n; i++) {
        const tag_class *c = &m->tags[tags[i]];
        const char *feats;
        const char *lem = lemma_of(m, t[i].form ? t[i].form : "_", tags[i], buf, sizeof buf, &feats);
        /* copies: the sentence owns its strings, it may outlive the model */
        t[i].upos = dyad_sentence_strdup(s, c->upos, strlen(c->upos));
        t[i].xpos = dyad_sentence_strdup(s, c->xpos, strlen(c->xpos));
        t[i].feats = dyad_sentence_strdup(s, feats, strlen(feats));
        t[i].lemma = dyad_sentence_strdup(s, lem, strlen(lem));
        if (!t[i].upos || !t[i].xpos || !t[i].feats || !t[i].lemma) { dyad_free(blk); return DYAD_NOMEM; }
    }
    if (parse) {
        word[0] = word[nn] = 0x1111; ptag[0] = 254;
        word[n + 1] = word[nn + n + 1] = 0x2222; ptag[n + 1] = 255;
        word[2 * nn] = 0x1111; word[2 * nn + n + 1] = 0x2222;
        word[3 * nn] = 0x1111; word[3 * nn + n + 1] = 0x2222;
        word[4 * nn] = 0x1111fff0; word[4 * nn + n + 1] = 0x2222fff1;
        for (int i = 0; i < n; i++) {
            word[i + 1] = ti[i].lower; word[nn + i + 1] = ti[i].suf[2]; word[2 * nn + i + 1] = ti[i].amb;
            word[4 * nn + i + 1] = ti[i].clu;
            ptag[i + 1] = tags[i];
        }
        if (parse_run(&m->parser, m->nlab, m->root_label, word, ptag, m->coarse, m->fset, n, head, lab)) {
            dyad_free(blk);
            return DYAD_NOMEM;
        }
        for (int i = 0; i < n; i++) {
            t[i].head = head[i + 1];
            const char *d = m->labels[lab[i + 1]];
            t[i].deprel = dyad_sentence_strdup(s, d, strlen(d));
            if (!t[i].deprel) { dyad_free(blk); return DYAD_NOMEM; }
        }
    }
    dyad_free(blk);
    return DYAD_OK;
}

dyad_status dyad_parse_sentence(const dyad_model *m, dyad_sentence *s) { return run(m, s, 1); }
dyad_status dyad_tag_sentence(const dyad_model *m, dyad_sentence *s) { return run(m, s, 0); }
