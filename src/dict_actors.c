/*
** dict_actors.c: loaders for the actor files (formats.md §4: primary lines,
** `+` synonyms, tab code lines with date restrictions and ranges) and the
** agent files (§5: plurals, {…} plurals, !SET! substitution markers).
*/
#include "dict_int.h"
#include <ctype.h>
#include <string.h>

/* ------------------------------------------------------------ actor codes */

static int digits_only(const char *z, size_t n) {
    for (size_t i = 0; i < n; i++) if (!isdigit((unsigned char)z[i])) return 0;
    return 1;
}

/* A dictionary date; more than 8 digits: P2 reads the first 8 (lint). */
static int32_t date_of(dict_file *f, const char *z, size_t n) {
    if (n > 8 && digits_only(z, n)) {
        dict_lint(f->d, f->path, f->lineno, "date '%.*s' has %zu digits: read as %.8s", (int)n, z, n, z);
        n = 8;
    }
    return dict_parse_date(z, n);
}

/* Parse one "[CODE dates]" body (without brackets) into a code slot. */
static int parse_code(dict_file *f, const char *z, size_t n, uint8_t flags, uint32_t rec) {
    dyad_dicts *d = f->d;
    while (n && isspace((unsigned char)*z)) { z++; n--; }
    while (n && isspace((unsigned char)z[n - 1])) n--;
    if (!n) return dict_bad(f, "empty actor code []");
    size_t i = 0;
    while (i < n && !isspace((unsigned char)z[i])) i++;
    char dates[128];
    size_t dn = 0;
    for (size_t j = i; j < n; j++) {
        if (isspace((unsigned char)z[j])) continue;
        if (dn + 1 >= sizeof dates) return dict_bad(f, "date restriction too long");
        dates[dn++] = z[j];
    }
    dates[dn] = '\0';
    dict_actor_code c;
    memset(&c, 0, sizeof c);
    c.flags = flags;
    c.record = rec;
    c.file = f->path;
    c.line = f->lineno;
    if (dn) {
        const char *dash = strchr(dates, '-');
        if (dates[0] == '<' || dates[0] == '>') {
            if (dash) return dict_bad(f, "date range with '%c' in [%.*s]", dates[0], (int)n, z);
            c.kind = dates[0] == '<' ? DICT_DATE_BEFORE : DICT_DATE_AFTER;
            int32_t o = date_of(f, dates + 1, dn - 1);
            if (!o) return dict_bad(f, "bad date '%s' in [%.*s]", dates + 1, (int)n, z);
            if (c.kind == DICT_DATE_BEFORE) c.to = o; else c.from = o;
        } else if (dash) {
            c.kind = DICT_DATE_RANGE;
            c.from = date_of(f, dates, (size_t)(dash - dates));
            c.to = date_of(f, dash + 1, strlen(dash + 1));
            if (!c.from || !c.to)
                return dict_bad(f, "bad date range '%s' in [%.*s]", dates, (int)n, z);
            if (c.to < c.from)
                dict_lint(d, f->path, f->lineno, "date range %s ends before it starts", dates);
        } else {
            c.kind = DICT_DATE_BARE;
            c.from = c.to = date_of(f, dates, dn);
            if (!c.from) return dict_bad(f, "bad date '%s' in [%.*s]", dates, (int)n, z);
        }
    }
    c.code = dict_strdup(d, z, i);
    c.dates = dict_strdup(d, dates, dn);
    dict_actor_code *slot = dvec_push(&d->acodes);
    if (!c.code || !c.dates || !slot) return dict_nomem(d);
    *slot = c;
    return 1;
}

/* A run of "[...]" groups (z holds nothing else but blanks). Returns the
** number of codes added (>= 0) or -1; malformed groups are reported. */
static int parse_code_groups(dict_file *f, const char *z, uint8_t flags, uint32_t rec, int *added) {
    *added = 0;
    while (*z) {
        while (isspace((unsigned char)*z)) z++;
        if (!*z) break;
        if (*z != '[') {
            dict_lint(f->d, f->path, f->lineno, "text '%s' after the codes (ignored)", z);
            break;
        }
        const char *e = strchr(z, ']');
        if (!e) return dict_bad(f, "'[' without a closing ']'") ? -1 : 1;
        const char *o = memchr(z + 1, '[', (size_t)(e - z - 1));
        if (o) return dict_bad(f, "'[' inside a [CODE]") ? -1 : 1;
        int r = parse_code(f, z + 1, (size_t)(e - z - 1), flags, rec);
        if (r < 0) return -1;
        if (r == 0) return 1;   /* skipped (lenient) */
        (*added)++;
        z = e + 1;
    }
    return 0;
}

/* The phrase `z` as a new or existing actor; returns its index or -1. */
static int64_t actor_for(dict_file *f, const char *z, size_t n, int synonym, int *dup) {
    dyad_dicts *d = f->d;
    const char **words;
    uint8_t *sep;
    int tus;
    int nw = dict_split_words(d, z, n, 1, &words, &sep, &tus);
    if (nw < 0) return dict_nomem(d);
    if (nw == 0) return -2;
    if (nw > 65535) return -3;
    char *phrase = dict_join(d, words, (size_t)nw);
    if (!phrase) return dict_nomem(d);
    uint32_t v;
    *dup = 0;
    if (dmap_get(&d->actor_map, phrase, strlen(phrase), &v)) { *dup = 1; return v; }
    dict_actor *a = dvec_push(&d->actors);
    if (!a) return dict_nomem(d);
    a->phrase = phrase;
    a->words = words;
    a->sep = sep;
    a->nwords = (uint16_t)nw;
    a->flags = synonym ? DICT_ACT_SYNONYM : 0;
    a->file = f->path;
    a->line = f->lineno;
    if (dmap_put(&d->actor_map, phrase, (uint32_t)(d->actors.n - 1))) return dict_nomem(d);
    return (int64_t)(d->actors.n - 1);
}

static int add_ref(dyad_dicts *d, int64_t actor, uint32_t rec) {
    actor_ref *r = dvec_push(&d->arefs);
    if (!r) return dict_nomem(d);
    r->actor = (uint32_t)actor;
    r->rec = rec;
    return 0;
}

int dict_load_actors(dict_file *f) {
    dyad_dicts *d = f->d;
    dyad_dict_stats *st;
    int64_t cur_rec = -1;
    int r;
    while ((r = dict_next_clean(f)) == 1) {
        char *z = f->line;
        st = dict_stats_of(f);
        if (z[0] == '[') {                                   /* code line */
            if (cur_rec < 0) { if (dict_bad(f, "code line before any actor")) return -1; continue; }
            int added;
            uint32_t first = (uint32_t)d->acodes.n;
            int rc = parse_code_groups(f, z, 0, (uint32_t)cur_rec, &added);
            if (rc < 0) return -1;
            actor_rec *R = &DV_AT(d->arecs, actor_rec, cur_rec);
            if (rc == 1) { d->acodes.n = first; continue; }  /* skipped line */
            R->ncodes += (uint32_t)added;
            for (uint32_t i = first; i < d->acodes.n; i++)
                if (DV_AT(d->acodes, dict_actor_code, i).kind) st->dated++;
            st->codes += (uint32_t)added;
            continue;
        }
        if (z[0] == '+') {                                   /* synonym */
            if (cur_rec < 0) { if (dict_bad(f, "synonym line before any actor")) return -1; continue; }
            if (strchr(z, '[') || strchr(z, ']'))
                dict_lint(d, f->path, f->lineno, "bracket in a synonym: P2 reads it as part of the phrase");
            int dup;
            int64_t a = actor_for(f, z + 1, strlen(z + 1), 1, &dup);
            if (a == -1) return -1;
            if (a == -2) { if (dict_bad(f, "empty synonym")) return -1; continue; }
            if (a == -3) { if (dict_bad(f, "synonym too long")) return -1; continue; }
            if (dup) {
                const dict_actor *A = &DV_AT(d->actors, dict_actor, a);
                dict_lint(d, f->path, f->lineno, "duplicate actor phrase '%s' (first at %s:%u)",
                          A->phrase, A->file, (unsigned)A->line);
            }
            if (add_ref(d, a, (uint32_t)cur_rec)) return -1;
            st->synonyms++;
            continue;
        }
        /* primary line: phrase, then optional [CODE ...] groups */
        char *br = strchr(z, '[');
        if (!br && strchr(z, ']')) { if (dict_bad(f, "']' without '['")) return -1; continue; }
        size_t plen = br ? (size_t)(br - z) : strlen(z);
        actor_rec *R = dvec_push(&d->arecs);
        if (!R) return dict_nomem(d);
        uint32_t rec = (uint32_t)(d->arecs.n - 1);
        R->first_code = (uint32_t)d->acodes.n;
        int dup;
        int64_t a = actor_for(f, z, plen, 0, &dup);
        if (a == -1) return -1;
        if (a < 0) {
            d->arecs.n--;
            if (dict_bad(f, a == -2 ? "actor line without a phrase" : "actor phrase too long")) return -1;
            continue;
        }
        R = &DV_AT(d->arecs, actor_rec, rec);
        R->root = DV_AT(d->actors, dict_actor, a).phrase;
        if (br) {
            int added;
            int rc = parse_code_groups(f, br, DICT_CODE_PRIMARY, rec, &added);
            if (rc < 0) return -1;
            if (rc == 1) {                 /* skipped: keep the phrase, drop its codes */
                d->acodes.n = R->first_code;
                added = 0;
            }
            R->ncodes = (uint32_t)added;
            for (uint32_t i = R->first_code; i < d->acodes.n; i++)
                if (DV_AT(d->acodes, dict_actor_code, i).kind) st->dated++;
            st->codes += (uint32_t)added;
        }
        if (dup) {
            const dict_actor *A = &DV_AT(d->actors, dict_actor, a);
            dict_lint(d, f->path, f->lineno, "duplicate actor phrase '%s' (first at %s:%u)",
                      A->phrase, A->file, (unsigned)A->line);
        }
        if (add_ref(d, a, rec)) return -1;
        cur_rec = rec;
        st->actors++;
    }
    if (r < 0) return -1;
    if (cur_rec >= 0) {                       /* §4.2 QUIRK: never flushed by P1/P2 */
        actor_rec *R = &DV_AT(d->arecs, actor_rec, cur_rec);
        R->unflushed = 1;
        for (uint32_t i = 0; i < R->ncodes; i++)
            DV_AT(d->acodes, dict_actor_code, R->first_code + i).flags |= DICT_CODE_UNFLUSHED;
    }
    return 0;
}

/* ----------------------------------------------------------------- agents */

/* §1.4, agents: ends Y -> IES; ends S -> +ES; else +S (on the last word). */
static char *agent_plural(dyad_dicts *d, const char *z, size_t n) {
    char *p = arena_alloc(&d->A, n + 3);
    if (!p) return NULL;
    memcpy(p, z, n);
    if (n && (z[n - 1] == 'Y' || z[n - 1] == 'y')) { memcpy(p + n - 1, "IES", 4); }
    else if (n && (z[n - 1] == 'S' || z[n - 1] == 's')) { memcpy(p + n, "ES", 3); }
    else { p[n] = 'S'; p[n + 1] = '\0'; }
    return p;
}

static int store_agent(dict_file *f, const char *z, size_t n, const char *code, uint16_t flags) {
    dyad_dicts *d = f->d;
    const char **words;
    uint8_t *sep;
    int tus;
    int nw = dict_split_words(d, z, n, 1, &words, &sep, &tus);
    if (nw < 0) return dict_nomem(d);
    if (nw == 0) return dict_bad(f, "agent line without a phrase") ? -1 : 1;
    char *phrase = dict_join(d, words, (size_t)nw);
    dict_agent *g = dvec_push(&d->agents);
    if (!phrase || !g) return dict_nomem(d);
    g->phrase = phrase;
    g->words = words;
    g->sep = sep;
    g->nwords = (uint16_t)nw;
    g->flags = flags;
    g->code = code;
    g->file = f->path;
    g->line = f->lineno;
    uint32_t v;
    if (dmap_get(&d->agent_map, phrase, strlen(phrase), &v)) {
        const dict_agent *o = &DV_AT(d->agents, dict_agent, v);
        if (strcmp(o->code, code))
            dict_lint(d, f->path, f->lineno, "agent '%s' redefined with code %s (was %s at %s:%u)",
                      phrase, code, o->code, o->file, (unsigned)o->line);
        else if (!(flags & DICT_AGT_PLURAL))
            dict_lint(d, f->path, f->lineno, "duplicate agent '%s' (first at %s:%u)", phrase,
                      o->file, (unsigned)o->line);
    }
    if (dmap_put(&d->agent_map, phrase, (uint32_t)(d->agents.n - 1))) return dict_nomem(d);
    dict_stats_of(f)->agent_forms++;
    return 0;
}

typedef struct subst_set { const char *name; char **items; size_t nitems; } subst_set;

int dict_load_agents(dict_file *f) {
    dyad_dicts *d = f->d;
    subst_set sets[64];
    size_t nsets = 0;
    int r, rc = 0;
    while ((r = dict_next_clean(f)) == 1) {
        char *z = f->line;
        dyad_dict_stats *st = dict_stats_of(f);
        char *bang = strchr(z, '!');
        if (bang && strchr(z, '=')) {                        /* !NAME! = a, b, c */
            char *b2 = strchr(bang + 1, '!');
            char *eq = strchr(z, '=');
            if (!b2 || b2 > eq || b2 == bang + 1) {
                if (dict_bad(f, "substitution set needs the form !NAME! = ITEM, ITEM")) { rc = -1; break; }
                continue;
            }
            if (nsets == 64) {
                if (dict_bad(f, "more than 64 substitution sets")) { rc = -1; break; }
                continue;
            }
            subst_set *S = &sets[nsets];
            S->name = dict_strdup(d, bang + 1, (size_t)(b2 - bang - 1));
            size_t cnt = 1;
            for (char *p = eq + 1; *p; p++) if (*p == ',') cnt++;
            S->items = arena_alloc(&d->A, cnt * sizeof *S->items);
            if (!S->name || !S->items) { rc = dict_nomem(d); break; }
            S->nitems = 0;
            char *p = eq + 1;
            for (;;) {
                char *c = strchr(p, ',');
                if (c) *c = '\0';
                char *t = dict_trim(p);
                if (*t && !(S->items[S->nitems++] = dict_strdup(d, t, strlen(t)))) { rc = dict_nomem(d); break; }
                if (!c) break;
                p = c + 1;
            }
            if (rc) break;
            if (!S->nitems) {
                if (dict_bad(f, "substitution set !%s! has no items", S->name)) { rc = -1; break; }
                continue;
            }
            nsets++;
            st->subst_sets++;
            continue;
        }
        char *br = strchr(z, '[');
        if (!br) {          /* P2 skips it with a warning */
            dict_lint(d, f->path, f->lineno, "agent line without [CODE] (skipped, as P2 does)");
            continue;
        }
        char *close = strchr(br, ']');
        if (!close) {       /* P2 takes [ .. end minus one character */
            dict_lint(d, f->path, f->lineno, "'[' without a closing ']' (P2 drops the last character)");
            close = br + strlen(br) - 1;
            if (close <= br) close = br + 1;
        }
        *close = '\0';
        char *code = dict_trim(br + 1);
        if (!*code) {
            if (dict_bad(f, "empty agent code []")) { rc = -1; break; }
            continue;
        }
        if (strchr(code, ' ') || strchr(code, '\t')) {
            if (dict_bad(f, "agent code '%s' holds a blank", code)) { rc = -1; break; }
            continue;
        }
        const char *icode = dict_strdup(d, code, strlen(code));
        if (!icode) { rc = dict_nomem(d); break; }
        *br = '\0';
        char *phrase = dict_trim(z);
        char *b1 = strchr(phrase, '!');
        if (b1) {                                            /* !SET! splice */
            char *b2 = strchr(b1 + 1, '!');
            if (!b2) {
                if (dict_bad(f, "unclosed substitution marker '!'")) { rc = -1; break; }
                continue;
            }
            size_t nl = (size_t)(b2 - b1 - 1), k;
            for (k = 0; k < nsets; k++)
                if (strlen(sets[k].name) == nl && !strncmp(sets[k].name, b1 + 1, nl)) break;
            if (k == nsets) {
                if (dict_bad(f, "undefined substitution set !%.*s!", (int)nl, b1 + 1)) { rc = -1; break; }
                continue;
            }
            st->agents++;
            for (size_t i = 0; i < sets[k].nitems && !rc; i++) {
                char buf[1024];
                int len = snprintf(buf, sizeof buf, "%.*s%s%s", (int)(b1 - phrase), phrase,
                                   sets[k].items[i], b2 + 1);
                if (len < 0 || (size_t)len >= sizeof buf) { rc = dict_bad(f, "agent phrase too long"); break; }
                int s = store_agent(f, buf, (size_t)len, icode, DICT_AGT_SUBST);
                if (s < 0) rc = -1;
            }
            if (rc) break;
            continue;
        }
        char *lb = strchr(phrase, '{');
        if (lb) {                                            /* explicit plural */
            char *rb = strchr(lb, '}');
            if (!rb) {
                if (dict_bad(f, "'{' without a closing '}'")) { rc = -1; break; }
                continue;
            }
            *rb = '\0';
            char *plural = dict_trim(lb + 1);
            *lb = '\0';
            char *ph = dict_trim(phrase);
            int s = store_agent(f, ph, strlen(ph), icode, 0);
            if (s < 0) { rc = -1; break; }
            if (s > 0) continue;
            st->agents++;
            if (*plural && store_agent(f, plural, strlen(plural), icode,
                                       DICT_AGT_PLURAL | DICT_AGT_LISTED) < 0) { rc = -1; break; }
            continue;
        }
        if (strchr(phrase, '}')) {
            if (dict_bad(f, "'}' without '{'")) { rc = -1; break; }
            continue;
        }
        size_t pl = strlen(phrase);
        while (pl && phrase[pl - 1] == '_') pl--;           /* a trailing `_` disappears */
        int s = store_agent(f, phrase, pl, icode, 0);
        if (s < 0) { rc = -1; break; }
        if (s > 0) continue;
        st->agents++;
        char *pp = agent_plural(d, phrase, pl);
        if (!pp) { rc = dict_nomem(d); break; }
        if (store_agent(f, pp, strlen(pp), icode, DICT_AGT_PLURAL) < 0) { rc = -1; break; }
    }
    if (r < 0) return -1;
    return rc;
}
