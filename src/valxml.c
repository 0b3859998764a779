/*
** valxml.c: the validation XML reader (formats.md §9). A small pre-pass
** repairs the quirks of real files, libxml2 (network and entities off,
** recover mode) builds the tree, and one walk in document order collects
** the <Environment>, applies <Config> records and copies each <Sentence>.
*/
#include "dyad.h"
#include "arena.h"
#include "dict.h"
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define VAL_MAX_FILE (256u << 20)

typedef struct env_item { const char *name, *value; } env_item;

struct dyad_valfile {
    arena mem;
    dyad_valrecord *rec;
    int nrec, cap;
    env_item env[32];
    int nenv;
    char **include;    /* categories; NULL = all */
    int ninclude;
    char **exclude;
    int nexclude;
    dyad_code_opts opts;
};

void dyad_code_opts_default(dyad_code_opts *o) {
    o->require_dyad = 1;
    o->new_actor_length = 0;
    o->comma_min = 2; o->comma_max = 8;
    o->comma_bmin = 0; o->comma_bmax = 0;
    o->comma_emin = 2; o->comma_emax = 8;
    o->pronouns = 0;
    o->negation = 0;
}

/* ---------------------------------------------------------------- pre-pass */

static int at(const char *b, size_t n, size_t i, const char *lit) {
    size_t k = strlen(lit);
    return i + k <= n && !memcmp(b + i, lit, k);
}

/* Repair in a copy: `<Sentence .../>` followed by content gets its `/`
** blanked and a `</Sentence>` is supplied before the next record if the file
** has none; `#` lines outside comments and <Parse> are blanked. Newlines are
** kept so libxml2's line numbers stay true. Returns OWNED text. */
static char *prepass(const char *b, size_t n, size_t *outn) {
    size_t cap = n + n / 8 + 64, o = 0;
    char *out = dyad_malloc(cap);
    if (!out) return NULL;
    int in_comment = 0, in_parse = 0, open_selfclosed = 0, bol = 1;
    for (size_t i = 0; i < n;) {
        if (o + 32 > cap) {
            cap *= 2;
            char *p = dyad_realloc(out, cap);
            if (!p) { dyad_free(out); return NULL; }
            out = p;
        }
        char c = b[i];
        if (c == 0) { out[o++] = ' '; i++; bol = 0; continue; }
        if (in_comment) {
            if (at(b, n, i, "-->")) { in_comment = 0; memcpy(out + o, "-->", 3); o += 3; i += 3; bol = 0; continue; }
            out[o++] = c; i++; bol = c == '\n';
            continue;
        }
        if (at(b, n, i, "<!--")) { in_comment = 1; memcpy(out + o, "<!--", 4); o += 4; i += 4; bol = 0; continue; }
        if (at(b, n, i, "<Parse")) in_parse = 1;
        if (at(b, n, i, "</Parse")) in_parse = 0;
        if (bol && !in_parse) {
            size_t j = i;
            while (j < n && (b[j] == ' ' || b[j] == '\t')) j++;
            if (j < n && b[j] == '#') {   /* a `#` comment line: blank it */
                while (i < n && b[i] != '\n') { out[o++] = ' '; i++; }
                continue;
            }
        }
        if ((at(b, n, i, "<Sentence ") || at(b, n, i, "<Sentence\t") || at(b, n, i, "<Sentence>") ||
             at(b, n, i, "<Sentence\n"))) {
            if (open_selfclosed) { memcpy(out + o, "</Sentence>", 11); o += 11; open_selfclosed = 0; }
            size_t j = i;
            while (j < n && b[j] != '>') j++;
            if (j < n && j > i && b[j - 1] == '/') {
                /* self-closed: keep open if content and a </Sentence> (or
                ** anything but another record) follows */
                size_t k = j + 1;
                while (k < n && isspace((unsigned char)b[k])) k++;
                if (k < n && !at(b, n, k, "<Sentence") && !at(b, n, k, "</Sentences")) {
                    if (j - i + 1 + o + 32 > cap) {
                        cap = cap * 2 + (j - i);
                        char *p = dyad_realloc(out, cap);
                        if (!p) { dyad_free(out); return NULL; }
                        out = p;
                    }
                    memcpy(out + o, b + i, j - 1 - i); o += j - 1 - i;
                    out[o++] = ' '; out[o++] = '>';
                    i = j + 1;
                    open_selfclosed = 1;
                    bol = 0;
                    continue;
                }
            }
        }
        if (at(b, n, i, "</Sentence>")) open_selfclosed = 0;
        if (at(b, n, i, "</Sentences") && open_selfclosed) {
            memcpy(out + o, "</Sentence>", 11); o += 11; open_selfclosed = 0;
        }
        out[o++] = c; i++;
        bol = c == '\n';
    }
    *outn = o;
    return out;
}

/* ---------------------------------------------------------------- walk */

static char *adup(dyad_valfile *v, const char *z) {
    if (!z) z = "";
    return arena_strndup(&v->mem, z, strlen(z));
}

static char *trimmed_text(dyad_valfile *v, xmlNode *x) {
    xmlChar *t = xmlNodeGetContent(x);
    const char *s = t ? (const char *)t : "";
    while (isspace((unsigned char)*s)) s++;
    size_t k = strlen(s);
    while (k && isspace((unsigned char)s[k - 1])) k--;
    char *r = arena_strndup(&v->mem, s, k);
    xmlFree(t);
    return r;
}

static char *attr(dyad_valfile *v, xmlNode *x, const char *name) {
    xmlChar *a = xmlGetProp(x, (const xmlChar *)name);
    if (!a) return NULL;
    const char *s = (const char *)a;
    while (isspace((unsigned char)*s)) s++;
    size_t k = strlen(s);
    while (k && isspace((unsigned char)s[k - 1])) k--;
    char *r = arena_strndup(&v->mem, s, k);
    xmlFree(a);
    return r;
}

static int is_el(xmlNode *x, const char *name) {
    return x->type == XML_ELEMENT_NODE && !strcmp((const char *)x->name, name);
}

static int split_words(dyad_valfile *v, const char *s, char ***out) {
    int n = 0, cap = 0;
    char **w = NULL;
    while (*s) {
        while (*s && isspace((unsigned char)*s)) s++;
        const char *b = s;
        while (*s && !isspace((unsigned char)*s)) s++;
        if (s == b) break;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **p = arena_alloc(&v->mem, (size_t)cap * sizeof *p);
            if (!p) return -1;
            if (n) memcpy(p, w, (size_t)n * sizeof *p);
            w = p;
        }
        w[n++] = arena_strndup(&v->mem, b, (size_t)(s - b));
    }
    *out = w;
    return n;
}

static void apply_config(dyad_valfile *v, xmlNode *x) {
    char *opt = attr(v, x, "option"), *val = attr(v, x, "value");
    if (!opt || !val) return;
    dyad_code_opts *o = &v->opts;
    int iv = atoi(val);
    int falsy = 0;
    for (const char *p = val; *p; p++) if (!strncasecmp(p, "false", 5)) falsy = 1;
    if (!strcasecmp(opt, "require_dyad")) o->require_dyad = !falsy;
    else if (!strcasecmp(opt, "new_actor_length")) o->new_actor_length = iv;
    else if (!strcasecmp(opt, "comma_min")) o->comma_min = iv;
    else if (!strcasecmp(opt, "comma_max")) o->comma_max = iv;
    else if (!strcasecmp(opt, "comma_bmin")) o->comma_bmin = iv;
    else if (!strcasecmp(opt, "comma_bmax")) o->comma_bmax = iv;
    else if (!strcasecmp(opt, "comma_emin")) o->comma_emin = iv;
    else if (!strcasecmp(opt, "comma_emax")) o->comma_emax = iv;
}

/* YYYYMMDD from "YYYYMMDD", "YYMMDD" (YY <= 30: 20YY) or "YYYY-MM-DD". */
static char *norm_date(dyad_valfile *v, const char *d) {
    char buf[16];
    size_t k = 0;
    for (const char *p = d; *p && k < 12; p++) if (isdigit((unsigned char)*p)) buf[k++] = *p;
    buf[k] = 0;
    if (k == 6) {
        char y[3] = {buf[0], buf[1], 0};
        char out[32];
        snprintf(out, sizeof out, "%s%.6s", atoi(y) <= 30 ? "20" : "19", buf);
        return adup(v, out);
    }
    return adup(v, buf);
}

static int in_list(char **l, int n, const char *w) {
    for (int i = 0; i < n; i++) if (!strcmp(l[i], w)) return 1;
    return 0;
}

static dyad_status add_sentence(dyad_valfile *v, xmlNode *x) {
    if (v->nrec == v->cap) {
        int cap = v->cap ? v->cap * 2 : 256;
        dyad_valrecord *r = dyad_realloc(v->rec, (size_t)cap * sizeof *r);
        if (!r) return DYAD_NOMEM;
        v->rec = r;
        v->cap = cap;
    }
    dyad_valrecord *r = &v->rec[v->nrec];
    memset(r, 0, sizeof *r);
    r->id = attr(v, x, "id");
    if (!r->id) r->id = adup(v, "");
    r->category = attr(v, x, "category");
    if (!r->category) r->category = attr(v, x, "source");
    if (!r->category) r->category = adup(v, "");
    char *d = attr(v, x, "date");
    r->date = norm_date(v, d ? d : "");
    r->date_ok = dict_parse_iso_date(r->date) != 0;
    /* UniversalPetrarch's files mark the records to run evaluate="true";
    ** when that attribute is present it decides, else sentence="true" */
    char *sent = attr(v, x, "sentence"), *eval = attr(v, x, "evaluate");
    if (eval) r->sentence = !strcasecmp(eval, "true");
    else r->sentence = sent && !strcasecmp(sent, "true");
    r->line = (int)xmlGetLineNo(x);
    r->text = adup(v, "");
    r->parse = adup(v, "");
    r->opts = v->opts;
    r->included = 1;
    if (v->include) {
        /* an id-prefix category not listed is excluded; "valid" is ignored */
        r->included = in_list(v->include, v->ninclude, r->category);
    }
    if (v->exclude && in_list(v->exclude, v->nexclude, r->category)) r->included = 0;
    int ncap = 0;
    dyad_triple *ex = NULL;
    for (xmlNode *c = x->children; c; c = c->next) {
        if (is_el(c, "EventCoding")) {
            char *ne = attr(v, c, "noevents");
            char *er = attr(v, c, "error");
            if (ne && !strcasecmp(ne, "true")) { r->noevents = 1; continue; }
            if (er) { r->error = er; continue; }
            if (r->nexpected == ncap) {
                ncap = ncap ? ncap * 2 : 8;
                dyad_triple *p = arena_alloc(&v->mem, (size_t)ncap * sizeof *p);
                if (!p) return DYAD_NOMEM;
                if (r->nexpected) memcpy(p, ex, (size_t)r->nexpected * sizeof *p);
                ex = p;
            }
            dyad_triple *t = &ex[r->nexpected++];
            t->source = attr(v, c, "sourcecode");
            t->target = attr(v, c, "targetcode");
            t->code = attr(v, c, "eventcode");
            if (!t->source) t->source = adup(v, "");
            if (!t->target) t->target = adup(v, "");
            if (!t->code) t->code = adup(v, "");
        } else if (is_el(c, "Text")) {
            r->text = trimmed_text(v, c);
        } else if (is_el(c, "Parse")) {
            r->parse = trimmed_text(v, c);
        }
    }
    r->expected = ex;
    if (!r->id || !r->text || !r->parse || !r->date) return DYAD_NOMEM;
    v->nrec++;
    return DYAD_OK;
}

static dyad_status walk(dyad_valfile *v, xmlNode *x, int in_env) {
    for (; x; x = x->next) {
        if (x->type != XML_ELEMENT_NODE) continue;
        const char *nm = (const char *)x->name;
        if (!strcmp(nm, "Sentence")) {
            dyad_status st = add_sentence(v, x);
            if (st) return st;
        } else if (!strcmp(nm, "Config")) {
            if (!in_env) apply_config(v, x);   /* P1: the Environment's own is ignored */
        } else if (!strcmp(nm, "Environment")) {
            for (xmlNode *c = x->children; c; c = c->next) {
                if (c->type != XML_ELEMENT_NODE || !strcmp((const char *)c->name, "Config")) continue;
                char *t = trimmed_text(v, c);
                if (!t) return DYAD_NOMEM;
                if (!strcmp((const char *)c->name, "Include")) {
                    int k = split_words(v, t, &v->include);
                    if (k < 0) return DYAD_NOMEM;
                    v->ninclude = k;
                } else if (!strcmp((const char *)c->name, "Exclude")) {
                    int k = split_words(v, t, &v->exclude);
                    if (k < 0) return DYAD_NOMEM;
                    v->nexclude = k;
                }
                if (v->nenv < 32) {
                    v->env[v->nenv].name = adup(v, (const char *)c->name);
                    v->env[v->nenv].value = t;
                    v->nenv++;
                }
            }
        } else {
            dyad_status st = walk(v, x->children, in_env);
            if (st) return st;
        }
    }
    return DYAD_OK;
}

static void no_errors(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

dyad_status dyad_valfile_read(const char *path, dyad_valfile **out, char *err, size_t nerr) {
    *out = NULL;
    if (err && nerr) err[0] = 0;
    FILE *f = fopen(path, "rb");
    if (!f) { if (err) snprintf(err, nerr, "%s: cannot open", path); return DYAD_EIO; }
    size_t cap = 1 << 16, n = 0;
    char *buf = dyad_malloc(cap);
    dyad_status st = DYAD_OK;
    if (!buf) { fclose(f); return DYAD_NOMEM; }
    for (;;) {
        if (n == cap) {
            if (cap >= VAL_MAX_FILE) { st = DYAD_ELIMIT; break; }
            cap *= 2;
            char *p = dyad_realloc(buf, cap);
            if (!p) { st = DYAD_NOMEM; break; }
            buf = p;
        }
        size_t k = fread(buf + n, 1, cap - n, f);
        if (k == 0) break;
        n += k;
    }
    int rerr = ferror(f);
    fclose(f);
    if (rerr && !st) st = DYAD_EIO;
    if (st) {
        dyad_free(buf);
        if (err) snprintf(err, nerr, "%s: %s", path, st == DYAD_ELIMIT ? "file over 256 MiB" : dyad_strerror(st));
        return st;
    }
    if (n == 0) {
        dyad_free(buf);
        if (err) snprintf(err, nerr, "%s:1: empty file", path);
        return DYAD_EPARSE;
    }
    size_t pn = 0;
    char *pre = prepass(buf, n, &pn);
    dyad_free(buf);
    if (!pre) return DYAD_NOMEM;
    xmlSetGenericErrorFunc(NULL, no_errors);
    xmlDoc *doc = xmlReadMemory(pre, (int)pn, path, NULL,
                                XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
    dyad_free(pre);
    if (!doc || !xmlDocGetRootElement(doc)) {
        if (doc) xmlFreeDoc(doc);
        if (err) snprintf(err, nerr, "%s:1: not an XML document", path);
        return DYAD_EPARSE;
    }
    dyad_valfile *v = dyad_calloc(1, sizeof *v);
    if (!v) { xmlFreeDoc(doc); return DYAD_NOMEM; }
    arena_init(&v->mem);
    dyad_code_opts_default(&v->opts);
    st = walk(v, xmlDocGetRootElement(doc), 0);
    xmlFreeDoc(doc);
    *out = v;
    if (st) { if (err) snprintf(err, nerr, "%s: %s", path, dyad_strerror(st)); return st; }
    if (v->nrec == 0) {
        if (err) snprintf(err, nerr, "%s:1: no <Sentence> records", path);
        return DYAD_EPARSE;
    }
    return DYAD_OK;
}

void dyad_valfile_free(dyad_valfile *v) {
    if (!v) return;
    dyad_free(v->rec);
    arena_free(&v->mem);
    dyad_free(v);
}

int dyad_valfile_count(const dyad_valfile *v) { return v ? v->nrec : 0; }

const dyad_valrecord *dyad_valfile_record(const dyad_valfile *v, int i) {
    return v && i >= 0 && i < v->nrec ? &v->rec[i] : NULL;
}

const char *dyad_valfile_env(const dyad_valfile *v, const char *name) {
    for (int i = 0; v && i < v->nenv; i++) if (!strcmp(v->env[i].name, name)) return v->env[i].value;
    return NULL;
}

static int id_eq(const char *a, const char *b) {
    for (;; a++, b++) {
        int x = toupper((unsigned char)*a), y = toupper((unsigned char)*b);
        if (x == '_') x = '-';
        if (y == '_') y = '-';
        if (x != y) return 0;
        if (!x) return 1;
    }
}

const dyad_valrecord *dyad_valfile_find(const dyad_valfile *v, const char *id) {
    for (int i = 0; v && i < v->nrec; i++) if (id_eq(v->rec[i].id, id)) return &v->rec[i];
    return NULL;
}
