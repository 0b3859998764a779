/*
** norm.c: text normalization for ingest (module prefix norm_). Repairs
** UTF-8 (invalid -> U+FFFD, NUL dropped, both counted), composes NFC with
** utf8proc, maps typographic punctuation to ASCII, and builds the case- and
** accent-folded keys the dictionaries are matched on.
*/
#include "dyad.h"
#include "norm.h"
#include <string.h>
#include <utf8proc.h>

/* Length of the valid UTF-8 sequence at p (1..4), or 0 if invalid. */
size_t norm_utf8_len(const unsigned char *p, size_t n) {
    unsigned c = p[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && p[1] < 0xA0) return 0;  /* overlong */
        if (c == 0xED && p[1] >= 0xA0) return 0; /* surrogate */
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && p[1] < 0x90) return 0;  /* overlong */
        if (c == 0xF4 && p[1] >= 0x90) return 0; /* > U+10FFFF */
        return 4;
    }
    return 0;
}

static int32_t decode(const unsigned char *p, size_t k) {
    switch (k) {
    case 1: return p[0];
    case 2: return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3: return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    default: return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    }
}

/* ASCII replacement of a typographic code point, NULL to keep it, "" to drop. */
static const char *ascii_punct(int32_t c) {
    switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: return "-";
    case 0x2014: case 0x2015: return "--";
    case 0x2026: return "...";
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: return " ";
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD: return "";
    case 0x2028: case 0x2029: return "\n";
    }
    if (c >= 0x2000 && c <= 0x200A) return " ";
    return NULL;
}

/* Growable output buffer. */
typedef struct buf { char *p; size_t n, cap; int oom; } buf;

static void put(buf *b, const void *z, size_t n) {
    if (b->oom) return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n + 1) cap *= 2;
        char *p = dyad_realloc(b->p, cap);
        if (!p) { b->oom = 1; return; }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, z, n);
    b->n += n;
    b->p[b->n] = '\0';
}

/* NFC of valid UTF-8 (z,n) into *b, through utf8proc's code-point API so
** all memory comes from our allocator. */
static void nfc(buf *b, const char *z, size_t n) {
    utf8proc_ssize_t m = utf8proc_decompose((const utf8proc_uint8_t *)z, (utf8proc_ssize_t)n,
                                            NULL, 0, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (m < 0) { put(b, z, n); return; }  /* cannot happen on repaired input */
    utf8proc_int32_t *cp = dyad_malloc(((size_t)m + 1) * sizeof *cp);
    if (!cp) { b->oom = 1; return; }
    m = utf8proc_decompose((const utf8proc_uint8_t *)z, (utf8proc_ssize_t)n, cp, m,
                           UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (m >= 0) m = utf8proc_normalize_utf32(cp, m, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (m < 0) { dyad_free(cp); put(b, z, n); return; }
    m = utf8proc_reencode(cp, m, UTF8PROC_STABLE | UTF8PROC_COMPOSE); /* in place, bytes */
    if (m >= 0) put(b, cp, (size_t)m);
    else put(b, z, n);
    dyad_free(cp);
}

dyad_status dyad_normalize(const char *z, size_t n, unsigned flags, char **out,
                           size_t *outlen, dyad_norm_stats *st) {
    const unsigned char *p = (const unsigned char *)z;
    buf a = {0}, b = {0};
    int nonascii = 0;
    *out = NULL;
    if (outlen) *outlen = 0;
    /* Pass 1: repair bytes, newlines, ASCII punctuation. */
    put(&a, "", 0);
    size_t i = 0;
    while (i < n && !a.oom) {
        size_t j = i;
        while (j < n && p[j] >= 0x20 && p[j] < 0x80) j++;  /* fast run of plain ASCII */
        if (j > i) { put(&a, p + i, j - i); i = j; continue; }
        unsigned c = p[i];
        if (c == 0) { if (st) st->nul++; i++; continue; }
        if (c == '\r' && (flags & DYAD_NORM_NEWLINE)) {
            put(&a, "\n", 1);
            i += (i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (c < 0x80) { put(&a, p + i, 1); i++; continue; }
        size_t k = norm_utf8_len(p + i, n - i);
        if (!k) {
            if (st) st->invalid_utf8++;
            put(&a, "\xEF\xBF\xBD", 3);
            i++;
            /* a truncated sequence counts once: skip its continuation bytes */
            while (i < n && (p[i] & 0xC0) == 0x80 && !norm_utf8_len(p + i, n - i)) i++;
            nonascii = 1;
            continue;
        }
        const char *rep = (flags & DYAD_NORM_ASCII) ? ascii_punct(decode(p + i, k)) : NULL;
        if (rep) put(&a, rep, strlen(rep));
        else { put(&a, p + i, k); nonascii = 1; }
        i += k;
    }
    if (a.oom) { dyad_free(a.p); return DYAD_NOMEM; }
    if (!nonascii || !(flags & DYAD_NORM_NFC)) {
        *out = a.p;
        if (outlen) *outlen = a.n;
        return DYAD_OK;
    }
    /* Pass 2: NFC (composition can only shorten or keep; ASCII is stable). */
    put(&b, "", 0);
    nfc(&b, a.p, a.n);
    dyad_free(a.p);
    if (b.oom) { dyad_free(b.p); return DYAD_NOMEM; }
    *out = b.p;
    if (outlen) *outlen = b.n;
    return DYAD_OK;
}

static int32_t fold_one(int32_t c, void *data) {
    (void)data;
    const char *rep = ascii_punct(c);
    if (rep && strlen(rep) == 1) return (unsigned char)rep[0];
    return c;
}

size_t dyad_fold_key(const char *z, size_t n, char *out, size_t cap) {
    const unsigned char *p = (const unsigned char *)z;
    size_t i, len = 0;
    int ascii = 1;
    for (i = 0; i < n; i++)
        if (p[i] >= 0x80 || p[i] == 0) { ascii = 0; break; }
    if (ascii) {  /* fast path: upper-case ASCII */
        for (i = 0; i < n; i++) {
            unsigned c = p[i];
            if (c >= 'a' && c <= 'z') c -= 32;
            if (len + 1 < cap) out[len] = (char)c;
            len++;
        }
    } else {
        /* Repair first so utf8proc sees valid UTF-8, then fold. */
        char *fixed = NULL;
        size_t nfixed = 0;
        utf8proc_int32_t *cp = NULL;
        utf8proc_ssize_t m = -1;
        const int opts = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                         UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE;
        if (dyad_normalize(z, n, 0, &fixed, &nfixed, NULL) == DYAD_OK) {
            m = utf8proc_decompose_custom((const utf8proc_uint8_t *)fixed, (utf8proc_ssize_t)nfixed,
                                          NULL, 0, (utf8proc_option_t)opts, fold_one, NULL);
            if (m >= 0 && (cp = dyad_malloc(((size_t)m + 1) * sizeof *cp)) != NULL)
                m = utf8proc_decompose_custom((const utf8proc_uint8_t *)fixed, (utf8proc_ssize_t)nfixed,
                                              cp, m, (utf8proc_option_t)opts, fold_one, NULL);
            else
                m = -1;
        }
        for (utf8proc_ssize_t k = 0; k < m; k++) {
            utf8proc_int32_t c = cp[k];
            utf8proc_uint8_t tmp[4];
            if (c >= 'a' && c <= 'z') c -= 32;
            utf8proc_ssize_t w = utf8proc_encode_char(c, tmp);
            for (utf8proc_ssize_t q = 0; q < w; q++) {
                if (len + 1 < cap) out[len] = (char)tmp[q];
                len++;
            }
        }
        dyad_free(cp);
        dyad_free(fixed);
    }
    if (cap) out[len < cap ? len : cap - 1] = '\0';
    return len;
}
