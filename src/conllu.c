/*
** conllu.c: CoNLL-U reader and writer for dyad_sentence, and the tree check.
** The reader holds the whole input in memory and walks it line by line;
** malformed sentences give "name:line: message" and are skipped whole.
** Also reads tokenized text (a sentence a line) for `dyad parse`.
*/
#include "dyad.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINE (1u << 20)
#define MAX_WORDS 10000

struct dyad_conllu {
    char *buf;          /* the input, NUL-terminated copy */
    size_t n, pos;      /* size, read offset */
    long line;          /* lines consumed so far */
    long start_line;    /* first line of the last sentence */
    int mode;           /* DYAD_CONLLU_CONLLU or _TEXT */
    char name[256];
    char err[512];
    char doc[256];      /* id of the latest "# newdoc id = X" (truncated), "" if none */
};

static void seterr(dyad_conllu *r, long line, const char *msg, const char *arg) {
    snprintf(r->err, sizeof r->err, "%s:%ld: %s%s", r->name, line, msg, arg ? arg : "");
}

/* Length of a valid UTF-8 prefix; equals n when all of it is valid. */
static size_t utf8_valid(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) { i++; continue; }
        size_t k; unsigned min;
        if ((c & 0xE0) == 0xC0) { k = 1; min = 0x80; c &= 0x1F; }
        else if ((c & 0xF0) == 0xE0) { k = 2; min = 0x800; c &= 0x0F; }
        else if ((c & 0xF8) == 0xF0) { k = 3; min = 0x10000; c &= 0x07; }
        else return i;
        unsigned v = c;
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (s[i + j] & 0xC0) != 0x80) return i;
            v = (v << 6) | (s[i + j] & 0x3F);
        }
        if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return i;
        i += k + 1;
    }
    return n;
}

static int detect_mode(const char *b, size_t n) {
    size_t i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && b[e] != '\n') e++;
        size_t j = i;
        while (j < e && (b[j] == ' ' || b[j] == '\t' || b[j] == '\r')) j++;
        if (j < e && b[i] != '#') {
            size_t k = i;
            while (k < e && b[k] >= '0' && b[k] <= '9') k++;
            return (k > i && k < e && (b[k] == '\t' || b[k] == '-' || b[k] == '.'))
                   ? DYAD_CONLLU_CONLLU : DYAD_CONLLU_TEXT;
        }
        if (j < e && b[i] == '#') return DYAD_CONLLU_CONLLU;
        i = e + 1;
    }
    return DYAD_CONLLU_CONLLU;
}

dyad_status dyad_conllu_open_mem(const char *buf, size_t n, const char *name, int mode,
                                 dyad_conllu **out) {
    *out = NULL;
    if (!buf && n) return DYAD_EINVAL;
    dyad_conllu *r = dyad_calloc(1, sizeof *r);
    if (!r) return DYAD_NOMEM;
    r->buf = dyad_malloc(n + 1);
    if (!r->buf) { dyad_free(r); return DYAD_NOMEM; }
    if (n) memcpy(r->buf, buf, n);
    r->buf[n] = '\0';
    r->n = n;
    snprintf(r->name, sizeof r->name, "%s", name ? name : "<memory>");
    r->mode = mode == DYAD_CONLLU_AUTO ? detect_mode(r->buf, n) : mode;
    *out = r;
    return DYAD_OK;
}

dyad_status dyad_conllu_open(const char *path, int mode, dyad_conllu **out) {
    *out = NULL;
    int is_stdin = !path || !strcmp(path, "-");
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) return DYAD_EIO;
    size_t cap = 1 << 16, n = 0;
    char *b = dyad_malloc(cap);
    dyad_status st = DYAD_OK;
    while (b) {
        if (n == cap) {
            char *nb = dyad_realloc(b, cap * 2);
            if (!nb) { dyad_free(b); b = NULL; break; }
            b = nb; cap *= 2;
        }
        size_t k = fread(b + n, 1, cap - n, f);
        n += k;
        if (k == 0) { if (ferror(f)) st = DYAD_EIO; break; }
    }
    if (!is_stdin) fclose(f);
    if (!b) return DYAD_NOMEM;
    if (st == DYAD_OK) st = dyad_conllu_open_mem(b, n, is_stdin ? "<stdin>" : path, mode, out);
    dyad_free(b);
    return st;
}

void dyad_conllu_close(dyad_conllu *r) {
    if (!r) return;
    dyad_free(r->buf);
    dyad_free(r);
}

const char *dyad_conllu_errmsg(const dyad_conllu *r) { return r ? r->err : ""; }
const char *dyad_conllu_doc(const dyad_conllu *r) { return r ? r->doc : ""; }
long dyad_conllu_line(const dyad_conllu *r) { return r ? r->start_line : 0; }

/* Next line as [*ls, *ls+*ll) without the newline or a trailing CR; 0 at end. */
static int next_line(dyad_conllu *r, char **ls, size_t *ll) {
    if (r->pos >= r->n) return 0;
    char *s = r->buf + r->pos;
    char *e = memchr(s, '\n', r->n - r->pos);
    size_t len = e ? (size_t)(e - s) : r->n - r->pos;
    r->pos += len + (e ? 1 : 0);
    r->line++;
    if (len && s[len - 1] == '\r') len--;
    *ls = s;
    *ll = len;
    return 1;
}

/* Skip to just after the next blank line (error recovery). */
static void skip_sentence(dyad_conllu *r) {
    char *l; size_t n;
    while (next_line(r, &l, &n)) if (n == 0) break;
}

/* Check a line's bytes: no NUL, valid UTF-8, not too long. NULL if fine. */
static const char *line_problem(const char *l, size_t n) {
    if (n > MAX_LINE) return "line longer than 1 MiB";
    if (memchr(l, '\0', n)) return "NUL byte";
    if (utf8_valid((const unsigned char *)l, n) != n) return "invalid UTF-8";
    return NULL;
}

static int parse_int(const char *s, size_t n, long *out) {
    if (n == 0 || n > 9) return 0;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

dyad_status dyad_sentence_check_tree(dyad_sentence *s) {
    int n = dyad_sentence_len(s);
    dyad_token *t = dyad_sentence_tokens(s);
    int roots = 0;
    for (int i = 0; i < n; i++) {
        if (t[i].head < 0 || t[i].head > n || t[i].head == i + 1) return DYAD_EPARSE;
        if (t[i].head == 0) roots++;
    }
    if (n && roots != 1) return DYAD_EPARSE;
    for (int i = 0; i < n; i++) {       /* walk up: a cycle never reaches 0 */
        int h = t[i].head, steps = 0;
        while (h != 0 && steps <= n) { h = t[h - 1].head; steps++; }
        if (h != 0) return DYAD_EPARSE;
    }
    return DYAD_OK;
}

/* Heads must be all given or all "_", within 0..n, and acyclic. */
static const char *check_heads(dyad_sentence *s, int any_head, int all_head) {
    int n = dyad_sentence_len(s);
    dyad_token *t = dyad_sentence_tokens(s);
    if (!any_head) return NULL;
    if (!all_head) return "some heads given, some missing";
    for (int i = 0; i < n; i++)
        if (t[i].head > n) return "head out of range";
    for (int i = 0; i < n; i++) {
        int h = t[i].head, steps = 0;
        while (h != 0 && steps <= n) { h = t[h - 1].head; steps++; }
        if (h != 0) return "cycle in the heads";
    }
    return NULL;
}

static dyad_status fail(dyad_conllu *r, dyad_sentence *s, long line, const char *msg,
                        const char *arg, int in_sentence) {
    seterr(r, line, msg, arg);
    if (in_sentence) skip_sentence(r);
    dyad_sentence_clear(s);
    return DYAD_EPARSE;
}

static dyad_status next_text(dyad_conllu *r, dyad_sentence *s, int *got) {
    char *l; size_t n;
    while (next_line(r, &l, &n)) {
        const char *p = line_problem(l, n);
        if (p) return fail(r, s, r->line, p, NULL, 0);
        size_t i = 0;
        r->start_line = r->line;
        while (i < n) {
            while (i < n && (l[i] == ' ' || l[i] == '\t')) i++;
            size_t j = i;
            while (j < n && l[j] != ' ' && l[j] != '\t') j++;
            if (j > i) {
                if (dyad_sentence_len(s) >= MAX_WORDS) {
                    seterr(r, r->line, "more than 10000 tokens in a sentence", NULL);
                    dyad_sentence_clear(s);
                    return DYAD_ELIMIT;
                }
                dyad_token t = {0};
                t.form = dyad_sentence_strdup(s, l + i, j - i);
                t.head = -1;
                if (!t.form || dyad_sentence_add(s, &t) != DYAD_OK) return DYAD_NOMEM;
            }
            i = j;
        }
        if (dyad_sentence_len(s)) { *got = 1; return DYAD_OK; }
    }
    return DYAD_OK;
}

dyad_status dyad_conllu_next(dyad_conllu *r, dyad_sentence *s, int *got) {
    *got = 0;
    r->err[0] = '\0';
    dyad_sentence_clear(s);
    if (r->mode == DYAD_CONLLU_TEXT) return next_text(r, s, got);
    char *l; size_t n;
    int started = 0, any_head = 0, all_head = 1;
    while (next_line(r, &l, &n)) {
        if (n == 0) {
            if (!started) continue;
            break;
        }
        if (!started) { started = 1; r->start_line = r->line; }
        const char *p = line_problem(l, n);
        if (p) return fail(r, s, r->line, p, NULL, 1);
        if (l[0] == '#' && n >= 8 && !memcmp(l, "# newdoc", 8) && (n == 8 || l[8] == ' ')) {
            /* a new document: "# newdoc" or "# newdoc id = X" */
            size_t k = 8;
            r->doc[0] = '\0';
            while (k < n && l[k] == ' ') k++;
            if (n - k >= 2 && !memcmp(l + k, "id", 2)) {
                k += 2;
                while (k < n && l[k] == ' ') k++;
                if (k < n && l[k] == '=') {
                    k++;
                    while (k < n && l[k] == ' ') k++;
                    size_t m = n - k < sizeof r->doc - 1 ? n - k : sizeof r->doc - 1;
                    memcpy(r->doc, l + k, m);
                    r->doc[m] = '\0';
                }
            }
            continue;
        }
        if (l[0] == '#') {
            const char *key = NULL;
            size_t klen = 0;
            if (n >= 9 && !memcmp(l, "# sent_id", 9)) { key = "id"; klen = 9; }
            else if (n >= 6 && !memcmp(l, "# text", 6)) { key = "text"; klen = 6; }
            size_t k = klen;
            while (key && k < n && l[k] == ' ') k++;
            if (key && (k >= n || l[k] != '=')) key = NULL;   /* "# textual note" */
            if (key) {
                k++;
                if (k < n && l[k] == ' ') k++;
                const char *v = dyad_sentence_strdup(s, l + k, n - k);
                if (!v) return DYAD_NOMEM;
                dyad_status st = key[0] == 'i' ? dyad_sentence_set_id(s, v)
                                                : dyad_sentence_set_text(s, v);
                if (st) return st;
            }
            continue;
        }
        /* split into 10 columns */
        const char *col[10]; size_t cl[10];
        int nc = 0;
        size_t i = 0;
        for (;;) {
            size_t j = i;
            while (j < n && l[j] != '\t') j++;
            if (nc < 10) { col[nc] = l + i; cl[nc] = j - i; }
            nc++;
            if (j >= n) break;
            i = j + 1;
        }
        if (nc != 10) {
            char buf[48];
            snprintf(buf, sizeof buf, "%d", nc);
            return fail(r, s, r->line, "expected 10 tab-separated columns, found ", buf, 1);
        }
        long id;
        if (memchr(col[0], '-', cl[0]) || memchr(col[0], '.', cl[0])) continue; /* MWT, empty */
        if (!parse_int(col[0], cl[0], &id))
            return fail(r, s, r->line, "bad ID column", NULL, 1);
        if (id != dyad_sentence_len(s) + 1)
            return fail(r, s, r->line, "IDs must run 1, 2, 3, ...", NULL, 1);
        if (id > MAX_WORDS) {
            seterr(r, r->line, "more than 10000 words in a sentence", NULL);
            skip_sentence(r);
            dyad_sentence_clear(s);
            return DYAD_ELIMIT;
        }
        for (int c = 1; c < 10; c++)
            if (cl[c] == 0) return fail(r, s, r->line, "empty column", NULL, 1);
        dyad_token t = {0};
        const char **dst[] = {NULL, &t.form, &t.lemma, &t.upos, &t.xpos, &t.feats};
        for (int c = 1; c <= 5; c++) {
            *dst[c] = dyad_sentence_strdup(s, col[c], cl[c]);
            if (!*dst[c]) return DYAD_NOMEM;
        }
        t.deprel = dyad_sentence_strdup(s, col[7], cl[7]);
        t.misc = dyad_sentence_strdup(s, col[9], cl[9]);
        if (!t.deprel || !t.misc) return DYAD_NOMEM;
        long h;
        if (cl[6] == 1 && col[6][0] == '_') { t.head = -1; all_head = 0; }
        else if (parse_int(col[6], cl[6], &h)) { t.head = (int)h; any_head = 1; }
        else return fail(r, s, r->line, "bad HEAD column", NULL, 1);
        if (t.head > MAX_WORDS) return fail(r, s, r->line, "head out of range", NULL, 1);
        dyad_status st = dyad_sentence_add(s, &t);
        if (st) return st;
    }
    if (!started) return DYAD_OK;
    if (dyad_sentence_len(s) == 0)
        return fail(r, s, r->start_line, "sentence without words", NULL, 0);
    const char *p = check_heads(s, any_head, all_head);
    if (p) return fail(r, s, r->start_line, "sentence starting here: ", p, 0);
    *got = 1;
    return DYAD_OK;
}

static void put_field(FILE *f, const char *z) {
    if (!z || !*z) { fputc('_', f); return; }
    for (; *z; z++) {      /* tabs and newlines would break the format */
        char c = *z;
        fputc(c == '\t' || c == '\n' || c == '\r' ? ' ' : c, f);
    }
}

dyad_status dyad_conllu_write(FILE *f, dyad_sentence *s) {
    const char *id = dyad_sentence_id(s), *text = dyad_sentence_text(s);
    if (id) { fputs("# sent_id = ", f); put_field(f, id); fputc('\n', f); }
    if (text) { fputs("# text = ", f); put_field(f, text); fputc('\n', f); }
    int n = dyad_sentence_len(s);
    dyad_token *t = dyad_sentence_tokens(s);
    for (int i = 0; i < n; i++) {
        fprintf(f, "%d\t", i + 1);
        put_field(f, t[i].form); fputc('\t', f);
        put_field(f, t[i].lemma); fputc('\t', f);
        put_field(f, t[i].upos); fputc('\t', f);
        put_field(f, t[i].xpos); fputc('\t', f);
        put_field(f, t[i].feats); fputc('\t', f);
        if (t[i].head >= 0) fprintf(f, "%d\t", t[i].head); else fputs("_\t", f);
        put_field(f, t[i].deprel);
        fputs("\t_\t", f);
        put_field(f, t[i].misc);
        fputc('\n', f);
    }
    fputc('\n', f);
    return ferror(f) ? DYAD_EIO : DYAD_OK;
}
