/*
** dict_misc.c: loaders for the discard list (formats.md §6: sentence and `+`
** story discards) and the issues list (§7: <ISSUE> categories, `~`/`~~`
** ignore phrases, `+`, `n:` and `v:` expansions).
*/
#include "dict_int.h"
#include <ctype.h>
#include <string.h>

static void upcase(char *z) { for (; *z; z++) *z = (char)toupper((unsigned char)*z); }

int dict_load_discards(dict_file *f) {
    dyad_dicts *d = f->d;
    int r;
    while ((r = dict_next_clean(f)) == 1) {
        char *z = f->line;
        int story = 0;
        if (*z == '+') { story = 1; z = dict_trim(z + 1); }
        if (!*z) { if (dict_bad(f, "story discard '+' without a phrase")) return -1; continue; }
        upcase(z);
        const char **words;
        int nw = dict_split_words(d, z, strlen(z), 0, &words, NULL, NULL);
        if (nw < 0) return dict_nomem(d);
        char *phrase = dict_join(d, words, (size_t)nw);
        dict_discard *e = dvec_push(&d->discards);
        if (!phrase || !e) return dict_nomem(d);
        e->phrase = phrase;
        e->words = words;
        e->nwords = (uint16_t)nw;
        e->story = (uint8_t)story;
        e->file = f->path;
        e->line = f->lineno;
        uint32_t v;
        if (dmap_get(&d->discard_map, phrase, strlen(phrase), &v)) {
            const dict_discard *o = &DV_AT(d->discards, dict_discard, v);
            dict_lint(d, f->path, f->lineno, "duplicate discard '%s' (first at %s:%u)%s", phrase,
                      o->file, (unsigned)o->line,
                      o->story != story ? ", with a different story/sentence scope" : "");
        } else if (dmap_put(&d->discard_map, phrase, (uint32_t)(d->discards.n - 1))) {
            return dict_nomem(d);
        }
        dict_stats_of(f)->discards++;
    }
    return r < 0 ? -1 : 0;
}

/* ----------------------------------------------------------------- issues */

/* A set of strings in insertion order; members are told apart by hash
** first, so a phrase's expansion costs no string compares beyond equal ones. */
typedef struct strlist { char **v; uint64_t *h; size_t n, cap; } strlist;

static int sl_push(strlist *l, const char *z) {
    size_t n = strlen(z);
    uint64_t h = dict_hash(z, n);
    for (size_t i = 0; i < l->n; i++) if (l->h[i] == h && !strcmp(l->v[i], z)) return 0;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        char **v = dyad_realloc(l->v, cap * sizeof *v);
        if (!v) return -1;
        l->v = v;
        uint64_t *hv = dyad_realloc(l->h, cap * sizeof *hv);
        if (!hv) return -1;
        l->h = hv; l->cap = cap;
    }
    char *c = dyad_malloc(n + 1);
    if (!c) return -1;
    memcpy(c, z, n + 1);
    l->h[l->n] = h;
    l->v[l->n++] = c;
    return 0;
}
static void sl_free(strlist *l) {
    for (size_t i = 0; i < l->n; i++) dyad_free(l->v[i]);
    dyad_free(l->v);
    dyad_free(l->h);
}

/* Expand one phrase (upper case) once; returns 1 if it changed (outputs in
** out), 0 if nothing applies. §7: `+` -> space and hyphen; N:w -> w, plural;
** V:w -> w, wS, wD + w-E+ING (w ends in E) or wED + wING. */
static int expand_once(const char *z, strlist *out) {
    char buf[2048];
    const char *plus = strchr(z, '+');
    size_t n = strlen(z);
    if (n + 8 >= sizeof buf) return 0;
    if (plus) {
        size_t k = (size_t)(plus - z);
        for (int i = 0; i < 2; i++) {
            memcpy(buf, z, k);
            buf[k] = i ? '-' : ' ';
            memcpy(buf + k + 1, plus + 1, n - k);
            if (sl_push(out, buf)) return -1;
        }
        return 1;
    }
    for (size_t i = 0; i + 1 < n; i++) {
        if ((z[i] != 'N' && z[i] != 'V') || z[i + 1] != ':') continue;
        if (i && z[i - 1] != ' ' && z[i - 1] != '-') continue;
        size_t ws = i + 2, we = ws;
        while (we < n && z[we] != ' ') we++;
        const char *w = z + ws;
        size_t wl = we - ws;
        static const char *const nsuf[] = {"", "S"}, *const vsuf[] = {"", "S", "ED", "ING"};
        int verb = z[i] == 'V';
        int cnt = verb ? 4 : 2;
        for (int s = 0; s < cnt; s++) {
            char word[512];
            if (wl + 4 >= sizeof word) return 0;
            memcpy(word, w, wl);
            word[wl] = '\0';
            const char *suf = verb ? vsuf[s] : nsuf[s];
            size_t L = wl;
            if (!verb && s == 1 && L && word[L - 1] == 'Y') { strcpy(word + L - 1, "IES"); }
            else if (verb && L && word[L - 1] == 'E' && s == 2) { strcpy(word + L, "D"); }
            else if (verb && L && word[L - 1] == 'E' && s == 3) { strcpy(word + L - 1, "ING"); }
            else strcpy(word + L, suf);
            snprintf(buf, sizeof buf, "%.*s%s%s", (int)i, z, word, z + we);
            if (sl_push(out, buf)) return -1;
        }
        return 1;
    }
    return 0;
}

#define ISSUE_MAX_FORMS 1024   /* intermediate and final forms of one phrase */

static int issue_store(dict_file *f, const char *phrase, dict_issue_kind kind, const char *code,
                       const char *category) {
    dyad_dicts *d = f->d;
    const char **words;
    int nw = dict_split_words(d, phrase, strlen(phrase), 0, &words, NULL, NULL);
    if (nw < 0) return dict_nomem(d);
    char *ph = dict_join(d, words, (size_t)nw);
    dict_issue *e = dvec_push(&d->issues);
    if (!ph || !e) return dict_nomem(d);
    e->phrase = ph;
    e->words = words;
    e->nwords = (uint16_t)nw;
    e->kind = (uint8_t)kind;
    e->code = code;
    e->category = category;
    e->file = f->path;
    e->line = f->lineno;
    uint32_t v;
    if (dmap_get(&d->issue_map, ph, strlen(ph), &v)) {
        const dict_issue *o = &DV_AT(d->issues, dict_issue, v);
        if (strcmp(o->code, code))
            dict_lint(d, f->path, f->lineno, "issue phrase '%s' is %s here but %s at %s:%u",
                      ph, *code ? code : "an ignore phrase", *o->code ? o->code : "an ignore phrase",
                      o->file, (unsigned)o->line);
        else
            dict_lint(d, f->path, f->lineno, "duplicate issue phrase '%s' (first at %s:%u)",
                      ph, o->file, (unsigned)o->line);
    } else if (dmap_put(&d->issue_map, ph, (uint32_t)(d->issues.n - 1))) {
        return dict_nomem(d);
    }
    return 0;
}

int dict_load_issues(dict_file *f) {
    dyad_dicts *d = f->d;
    const char *category = "";
    int r;
    while ((r = dict_next_clean(f)) == 1) {
        char *z = f->line;
        dyad_dict_stats *st = dict_stats_of(f);
        if (z[0] == '~') {
            int story = z[1] == '~';
            char *t = dict_trim(z + 1 + story);
            if (!*t) { if (dict_bad(f, "ignore phrase '~' without words")) return -1; continue; }
            upcase(t);
            if (issue_store(f, t, story ? DICT_ISSUE_IGNORE_STORY : DICT_ISSUE_IGNORE, "", category))
                return -1;
            st->issue_ignores++;
            continue;
        }
        if (z[0] == '<') {                        /* <ISSUE CATEGORY="..." ...> or </ISSUE> */
            const char *c = strstr(z, "CATEGORY=\"");
            if (c) {
                c += 10;
                const char *e = strchr(c, '"');
                if (!e) { if (dict_bad(f, "unterminated CATEGORY=\"")) return -1; continue; }
                if (!(category = dict_strdup(d, c, (size_t)(e - c)))) return dict_nomem(d);
            } else if (!strncmp(z, "</ISSUE", 7)) {
                category = "";
            } else if (strncmp(z, "<ISSUE", 6)) {
                if (dict_bad(f, "unknown tag '%s'", z)) return -1;
            }
            continue;
        }
        char *br = strchr(z, '[');
        if (!br) {          /* P2 skips such lines */
            dict_lint(d, f->path, f->lineno, "issue line without [CODE] (skipped, as P2 does)");
            continue;
        }
        char *close = strchr(br, ']');
        if (!close) { if (dict_bad(f, "'[' without a closing ']'")) return -1; continue; }
        *close = '\0';
        char *code = dict_trim(br + 1);
        if (!*code) { if (dict_bad(f, "empty issue code []")) return -1; continue; }
        *br = '\0';
        char *phrase = dict_trim(z);
        if (!*phrase) { if (dict_bad(f, "issue line without a phrase")) return -1; continue; }
        const char *icode = dict_strdup(d, code, strlen(code));
        if (!icode) return dict_nomem(d);
        upcase(phrase);
        /* expand until nothing changes; each '+' doubles the forms, so a
        ** line of pluses is refused instead of taking seconds (the Phoenix
        ** file's largest phrase has 64 forms) */
        strlist todo = {0}, done = {0};
        int rc = sl_push(&todo, phrase), over = 0;
        for (size_t i = 0; i < todo.n && !rc; i++) {
            strlist out = {0};
            int e = expand_once(todo.v[i], &out);
            if (e < 0) rc = -1;
            else if (e == 0) rc = sl_push(&done, todo.v[i]);
            else for (size_t j = 0; j < out.n && !rc; j++) rc = sl_push(&todo, out.v[j]);
            sl_free(&out);
            if (todo.n > ISSUE_MAX_FORMS) { over = 1; break; }
        }
        for (size_t i = 0; i < done.n && !rc && !over; i++)
            rc = issue_store(f, done.v[i], DICT_ISSUE, icode, category);
        sl_free(&todo);
        sl_free(&done);
        if (rc) return d->errmsg[0] ? -1 : dict_nomem(d);
        if (over) {
            if (dict_bad(f, "issue phrase expands to more than %d forms ('+', N: and V: multiply them)",
                         ISSUE_MAX_FORMS))
                return -1;
            continue;
        }
        st->issues++;
    }
    return r < 0 ? -1 : 0;
}
