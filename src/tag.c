/*
** tag.c: the part-of-speech tagger: a greedy left-to-right averaged
** perceptron over joint UPOS+XPOS classes, with word, affix, shape and
** context features, and a dictionary for frequent unambiguous words.
*/
#include "model.h"
#include <string.h>

static uint64_t hstr(const char *s, size_t n, uint64_t salt) { return ap_hash(s, n) ^ salt; }

void tok_info_fill(tok_info *ti, const char *form) {
    size_t n = strlen(form);
    char low[128], shape[16];
    size_t m = n < sizeof low - 1 ? n : sizeof low - 1;
    int sh = 0, upper = 0, lower = 0;
    char last = 0; int run = 0;
    memset(ti, 0, sizeof *ti);
    for (size_t i = 0; i < m; i++) {
        char c = form[i];
        char s;
        if (c >= 'A' && c <= 'Z') { low[i] = (char)(c + 32); s = 'X'; upper++; }
        else if (c >= 'a' && c <= 'z') { low[i] = c; s = 'x'; lower++; }
        else if (c >= '0' && c <= '9') { low[i] = c; s = 'd'; ti->has_digit = 1; }
        else { low[i] = c; s = (unsigned char)c >= 0x80 ? 'u' : c; if (c == '-') ti->has_hyphen = 1; }
        if (s == last) run++; else { run = 1; last = s; }
        if (run <= 2 && sh < (int)sizeof shape - 1) shape[sh++] = s;
    }
    low[m] = '\0';
    ti->len = (int)n;
    ti->form = hstr(form, n, 0);
    ti->lower = hstr(low, m, 0);
    ti->shape = hstr(shape, (size_t)sh, 7);
    ti->upper_first = n && form[0] >= 'A' && form[0] <= 'Z';
    ti->all_upper = upper > 0 && lower == 0;
    for (int k = 0; k < 4; k++)
        ti->pre[k] = hstr(low, m < (size_t)k + 1 ? m : (size_t)k + 1, 11 + (uint64_t)k);
    for (int k = 0; k < 5; k++) {
        size_t l = m < (size_t)k + 1 ? m : (size_t)k + 1;
        ti->suf[k] = hstr(low + m - l, l, 23 + (uint64_t)k);
    }
}

uint64_t tok_lower_hash(const char *form, size_t n) {
    char low[128];
    size_t m = n < sizeof low - 1 ? n : sizeof low - 1;
    for (size_t i = 0; i < m; i++) low[i] = form[i] >= 'A' && form[i] <= 'Z' ? (char)(form[i] + 32) : form[i];
    return hstr(low, m, 0);
}

uint64_t tag_dict_key(const tok_info *t) { return ap_key(99, t->form, 0, 0); }

#define NONE 0x5555ULL
#define LOW(j) ((j) < 0 ? NONE + (uint64_t)(-(j)) : (j) >= n ? NONE + 7 + (uint64_t)((j) - n) : ti[j].lower)
#define SUF3(j) ((j) < 0 || (j) >= n ? NONE : ti[j].suf[2])
#define SHAPE(j) ((j) < 0 || (j) >= n ? NONE : ti[j].shape)

int tag_features(const tok_info *ti, int n, int i, const int *tags, uint64_t *keys) {
    const tok_info *w = &ti[i];
    uint64_t t1 = i >= 1 ? (uint64_t)tags[i - 1] : 300, t2 = i >= 2 ? (uint64_t)tags[i - 2] : 301;
    uint64_t flags = (uint64_t)(w->upper_first | w->has_digit << 1 | w->has_hyphen << 2 |
                                w->all_upper << 3 | (i == 0) << 4);
    int k = 0;
    keys[k++] = ap_key(1, 0, 0, 0);
    keys[k++] = ap_key(2, w->lower, 0, 0);
    keys[k++] = ap_key(3, w->form, 0, 0);
    for (int j = 0; j < 4; j++) keys[k++] = ap_key(4 + (uint64_t)j, w->suf[j], 0, 0);
    for (int j = 0; j < 3; j++) keys[k++] = ap_key(8 + (uint64_t)j, w->pre[j], 0, 0);
    keys[k++] = ap_key(11, w->shape, 0, 0);
    keys[k++] = ap_key(12, flags, 0, 0);
    keys[k++] = ap_key(13, t1, 0, 0);
    keys[k++] = ap_key(14, t1, t2, 0);
    keys[k++] = ap_key(15, t1, w->lower, 0);
    keys[k++] = ap_key(16, LOW(i - 1), 0, 0);
    keys[k++] = ap_key(17, SUF3(i - 1), 0, 0);
    keys[k++] = ap_key(18, LOW(i - 2), 0, 0);
    keys[k++] = ap_key(19, LOW(i + 1), 0, 0);
    keys[k++] = ap_key(20, SUF3(i + 1), 0, 0);
    keys[k++] = ap_key(21, LOW(i + 2), 0, 0);
    keys[k++] = ap_key(22, LOW(i - 1), w->lower, 0);
    keys[k++] = ap_key(23, w->lower, LOW(i + 1), 0);
    keys[k++] = ap_key(24, t1, w->suf[2], 0);
    keys[k++] = ap_key(25, SHAPE(i + 1), 0, 0);
    keys[k++] = ap_key(26, SHAPE(i - 1), 0, 0);
    keys[k++] = ap_key(27, LOW(i - 1), LOW(i + 1), 0);
    keys[k++] = ap_key(28, t1, LOW(i + 1), 0);
    keys[k++] = ap_key(29, flags, w->suf[2], 0);
    keys[k++] = ap_key(30, w->shape, SHAPE(i + 1), SHAPE(i - 1));
    keys[k++] = ap_key(31, t1, w->shape, 0);
    keys[k++] = ap_key(32, i + 1 < n ? ti[i + 1].suf[1] : NONE, 0, 0);
    keys[k++] = ap_key(33, LOW(i + 1), LOW(i + 2), 0);
    keys[k++] = ap_key(34, w->suf[4], 0, 0);
    keys[k++] = ap_key(35, w->pre[3], 0, 0);
    keys[k++] = ap_key(36, (uint64_t)(i > 0 && ti[i - 1].upper_first), (uint64_t)w->upper_first,
                       (uint64_t)((i + 1 < n && ti[i + 1].upper_first) | (i == 0) << 1));
    keys[k++] = ap_key(37, w->lower, flags, 0);
    keys[k++] = ap_key(38, LOW(i - 1), t1, 0);
    keys[k++] = ap_key(39, t1, t2, w->lower);
    if (w->amb) {            /* feature set 2: ambiguity classes (never 0 there) */
        keys[k++] = ap_key(50, w->amb, 0, 0);
        keys[k++] = ap_key(51, w->amb, t1, 0);
        keys[k++] = ap_key(52, i + 1 < n ? ti[i + 1].amb : 7, 0, 0);
        keys[k++] = ap_key(53, i > 0 ? ti[i - 1].amb : 7, 0, 0);
        keys[k++] = ap_key(54, w->amb, i + 1 < n ? ti[i + 1].amb : 7, 0);
    }
    if (w->clu) {            /* feature set 5: word classes (TOK_CLU_ON is never 0) */
        uint64_t cp = i > 0 ? ti[i - 1].clu : 1, cn = i + 1 < n ? ti[i + 1].clu : 2;
        keys[k++] = ap_key(60, TOK_CLU_FINE(w->clu), 0, 0);
        keys[k++] = ap_key(61, TOK_CLU_COARSE(w->clu), 0, 0);
        keys[k++] = ap_key(62, TOK_CLU_FINE(cp), cp == 1, 0);
        keys[k++] = ap_key(63, TOK_CLU_FINE(cn), cn == 2, 0);
        keys[k++] = ap_key(64, TOK_CLU_FINE(w->clu), t1, 0);
        keys[k++] = ap_key(65, TOK_CLU_COARSE(cp) + (cp == 1) * 9999, TOK_CLU_COARSE(w->clu),
                           TOK_CLU_COARSE(cn) + (cn == 2) * 9999);
    }
    return k;
}

int tag_features2(const tok_info *ti, int n, int i, const int *tags, const int *rtags, uint64_t *keys) {
    int k = tag_features(ti, n, i, tags, keys);
    uint64_t t1 = i >= 1 ? (uint64_t)tags[i - 1] : 300;
    uint64_t r1 = i + 1 < n ? (uint64_t)rtags[i + 1] : 302, r2 = i + 2 < n ? (uint64_t)rtags[i + 2] : 303;
    keys[k++] = ap_key(40, r1, 0, 0);
    keys[k++] = ap_key(41, r1, r2, 0);
    keys[k++] = ap_key(42, r1, ti[i].lower, 0);
    keys[k++] = ap_key(43, t1, r1, 0);
    keys[k++] = ap_key(44, r1, ti[i].suf[2], 0);
    keys[k++] = ap_key(45, (uint64_t)rtags[i], 0, 0);
    keys[k++] = ap_key(46, (uint64_t)rtags[i], ti[i].lower, 0);
    keys[k++] = ap_key(47, t1, (uint64_t)rtags[i], r1);
    if (ti[i].amb) keys[k++] = ap_key(48, ti[i].amb, r1, 0);
    return k;
}

int tag_nclass(int ntag, int fset) { return fset >= 5 ? 2 * ntag : ntag; }

void tag_share(float *sc, int ntag, const uint8_t *share) {
    if (share) for (int c = 0; c < ntag; c++) sc[c] += sc[ntag + share[c]];
}

void tag_run(const ap_table *t, const kv_map *dict, const uint8_t *share, const tok_info *ti, int n,
             const int *rtags, int *tags) {
    tag_run_alt(t, dict, share, ti, n, rtags, tags, NULL);
}

void tag_run_alt(const ap_table *t, const kv_map *dict, const uint8_t *share, const tok_info *ti, int n,
                 const int *rtags, int *tags, uint64_t *alt) {
    uint32_t ntag = share ? t->nclass / 2 : t->nclass;
    uint64_t keys[TAG_MAX_FEATS];
    float sc[256];
    for (int i = 0; i < n; i++) {
        uint32_t v;
        if (dict && kv_get(dict, tag_dict_key(&ti[i]), &v)) {
            tags[i] = (int)v;
            if (alt) alt[i] = TAG_ALT_SURE;
            continue;
        }
        int nk = rtags ? tag_features2(ti, n, i, tags, rtags, keys) : tag_features(ti, n, i, tags, keys);
        memset(sc, 0, t->nclass * sizeof *sc);
        ap_score(t, keys, nk, sc);
        tag_share(sc, (int)ntag, share);
        int best = 0;
        for (uint32_t c = 1; c < ntag; c++) if (sc[c] > sc[best]) best = (int)c;
        tags[i] = best;
        if (alt) {
            int sec = best ? 0 : 1;
            for (uint32_t c = 0; c < ntag; c++) if ((int)c != best && sc[c] > sc[sec]) sec = (int)c;
            /* the margin in weight units: below 16 a third of the tags are wrong,
            ** 16-32 a quarter, 32-64 one in 25, above it almost none (EWT dev) */
            float gap = (sc[best] - sc[sec]) * t->scale;
            alt[i] = gap >= 64 ? TAG_ALT_SURE : (uint64_t)sec * 4 + (gap < 16 ? 0 : gap < 32 ? 1 : 2);
        }
    }
}
