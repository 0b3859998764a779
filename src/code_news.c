/*
** code_news.c: the news coder (code_news.h). It reads the UD tree as it is:
**
**   predicate   a VERB whose form or lemma the verb dictionary codes; its
**               block's patterns may refine the code (the best-matching one:
**               most literal words found after the verb, in order)
**   source      the subject (nsubj), or for a passive the by-agent; a
**               subjectless conjunct, xcomp or participle takes its head's
**   target      the pattern's `+` phrase, else the object (obj, iobj), else a
**               prepositional phrase whose preposition suits the kind of
**               action (AGAINST always; WITH for meetings, ON for appeals...);
**               for a passive, the subject. Places never are actors.
**   actor       country (or IGO/NGO) of the phrase plus the role of its head:
**               a dictionary actor that is the head itself gives its full
**               code; one among the modifiers gives its country; the role
**               is the agent nearest the head; "hundreds of militants" and
**               "X, Secretary of Y" look into the of-phrase and apposition
**
** What gives no event: a negated, conditional, modal or questioned verb; a
** verb that is the complement of another coded verb ("urged Y to release Z":
** the appeal, not the release) or of a denial; a relative clause (background);
** a statement (CAMEO root 01) without an addressee or addressed to the media;
** two role-only sides of which neither is a political actor.
*/
#include "code_news.h"
#include "dict.h"
#include "arena.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXW 64           /* words of one noun phrase core */
#define NEWS_NAMES 64     /* names remembered per article */

typedef struct actor {
    char code[48];
    int start, end;       /* token span, end exclusive */
    const char *entry;    /* "file:line[+file:line]" */
    int named;            /* a dictionary actor (not an agent alone) */
    char role[8];         /* role trigram(s) of the head, "" if none */
    int common;           /* the head is a common noun ("the government"), not a name */
    int ref;              /* the head of the phrase it denotes (a pronoun's antecedent) */
} actor;

struct news_coder {
    const dyad_dicts *d;
    unsigned off;
    arena mem;            /* per sentence */
    int32_t date;
    int n;
    dyad_token *t;
    int *hd, *kid, *sib;  /* 0-based head (-1 none), first child, next sibling */
    const char **W, **L;  /* fold keys of form and lemma */
    unsigned char *blocked; /* verb may give no event (set by its governor) */
    int *speaker;         /* a reported verb's speaker (subject of the verb of saying), or -1 */
    dyad_event *ev;
    int nev, cap;
    int oom;
    /* the article so far: names already resolved ("Fijian Prime Minister
       Laisenia Qarase" makes a later "Qarase" FJIGOV) */
    struct { char word[32]; char code[48]; } names[NEWS_NAMES];
    int nnames;
};

static unsigned default_off;   /* developer switch, set before any coder is made */

void news_set_default_off(unsigned mask) { default_off = mask; }

int news_rule_mask(const char *list, unsigned *mask, const char **bad) {
    static const struct { const char *name; unsigned bit; } rules[] = {
        { "relcl", NEWS_RELCL }, { "inherit", NEWS_INHERIT }, { "symmetric", NEWS_SYMMETRIC },
        { "generic", NEWS_GENERIC }, { "oblique", NEWS_OBLIQUE }, { "names", NEWS_NAMES_OFF },
    };
    *mask = 0;
    for (const char *p = list; *p; ) {
        size_t n = strcspn(p, ",");
        int found = n == 3 && !strncmp(p, "all", 3);
        if (found) *mask = ~0u;
        for (size_t i = 0; !found && i < sizeof rules / sizeof rules[0]; i++)
            if (strlen(rules[i].name) == n && !strncmp(p, rules[i].name, n)) { *mask |= rules[i].bit; found = 1; }
        if (!found && n) { if (bad) *bad = p; return -1; }
        p += n + (p[n] == ',');
    }
    return 0;
}

news_coder *news_new(const dyad_dicts *d) {
    news_coder *c = dyad_calloc(1, sizeof *c);
    if (!c) return NULL;
    c->d = d;
    c->off = default_off;
    arena_init(&c->mem);
    return c;
}

void news_free(news_coder *c) {
    if (!c) return;
    arena_free(&c->mem);
    dyad_free(c->ev);
    dyad_free(c);
}

void news_begin_article(news_coder *c) { if (c) c->nnames = 0; }

static const char *name_recall(const news_coder *c, const char *w) {
    for (int i = c->nnames - 1; i >= 0; i--)
        if (!strcmp(c->names[i].word, w)) return c->names[i].code;
    return NULL;
}

static void name_remember(news_coder *c, const char *w, const char *code) {
    if (strlen(w) < 3 || strlen(w) >= sizeof c->names[0].word || strlen(code) >= sizeof c->names[0].code) return;
    if (name_recall(c, w)) return;
#ifdef NEWS_DEBUG
    fprintf(stderr, "news: remember %s = %s\n", w, code);
#endif
    int i = c->nnames < NEWS_NAMES ? c->nnames++ : NEWS_NAMES - 1;
    snprintf(c->names[i].word, sizeof c->names[i].word, "%s", w);
    snprintf(c->names[i].code, sizeof c->names[i].code, "%s", code);
}

/* ------------------------------------------------------------ the tree */

/* Relation test: "obl" matches obl and obl:tmod; "obl:agent" matches itself only. */
static int rel(const news_coder *c, int i, const char *r) {
    const char *d = c->t[i].deprel;
    size_t n = strlen(r);
    return !strncmp(d, r, n) && (d[n] == 0 || (d[n] == ':' && !strchr(r, ':')));
}
static int upos(const news_coder *c, int i, const char *u) { return !strcmp(c->t[i].upos, u); }
static int lem(const news_coder *c, int i, const char *w) { return !strcmp(c->L[i], w); }
static int word(const news_coder *c, int i, const char *w) { return !strcmp(c->W[i], w) || !strcmp(c->L[i], w); }
static int is_nominal(const news_coder *c, int i) {
    return upos(c, i, "NOUN") || upos(c, i, "PROPN") || upos(c, i, "PRON") || upos(c, i, "NUM");
}

/* first child of i with relation r, or -1 */
static int child(const news_coder *c, int i, const char *r) {
    for (int k = c->kid[i]; k >= 0; k = c->sib[k])
        if (rel(c, k, r)) return k;
    return -1;
}

/* the preposition (case child) of nominal i, as a fold key; "" if none. Two-word
** ones ("according to", "because of") give their first word. */
static const char *prep_of(const news_coder *c, int i) {
    for (int k = c->kid[i]; k >= 0; k = c->sib[k])
        if (rel(c, k, "case") && !upos(c, k, "PART")) return c->L[k];
    return "";
}

static int in_list(const char *w, const char *const *list) {
    for (; *list; list++) if (!strcmp(w, *list)) return 1;
    return 0;
}

/* ------------------------------------------------------------ word lists */

static const char *const place_nouns[] = {
    "STREET", "CITY", "TOWN", "VILLAGE", "AREA", "REGION", "PROVINCE", "DISTRICT",
    "LOCATION", "OUTSKIRTS", "OUTSKIRT", "RIVER", "COAST", "SQUARE", "ROAD", "HIGHWAY",
    "NEIGHBORHOOD", "NEIGHBOURHOOD", "SUBURB", "CENTRE", "CENTER", "SOUTH", "NORTH",
    "EAST", "WEST", "PART", "ISLAND", "SITE", "ZONE", "HOSPITAL", "SCHOOL", "PRISON",
    "JAIL", "CAMP", "HEADQUARTERS", "STUDIO", "HOME", "HOUSE", "RESIDENCE", "BUILDING",
    "PLANT", "FACILITY", "MARKET", "AIRPORT", "PORT", "BORDER", "TERRITORY", "CAPITAL",
    "STREETS", "AREAS", "PLACE", "COUNTRYSIDE", "VICINITY", "SPOT", "CORNER", "WATERS",
    NULL
};
/* government nouns the agent dictionary lacks (Phoenix.agents.txt has
   "GOVERNMENT OFFICIAL", "HIGH OFFICIAL"... but not "OFFICIAL" alone) */
typedef struct extra_role { const char *word, *role; } extra_role;
static const extra_role extra_roles[] = {
    { "OFFICIAL", "GOV" }, { "OFFICIALS", "GOV" },
    { "CRITIC", "OPP" }, { "CRITICS", "OPP" },             /* CAMEO OPP: opposition */
    { "ATTACKER", "UAF" }, { "ATTACKERS", "UAF" },         /* as GUNMEN, ~UAF in Phoenix */
    { "EDITORIAL", "MED" }, { "NEWSPAPER", "MED" },
    { NULL, NULL }
};
static const char *extra_role_of(const char *w) {
    for (const extra_role *r = extra_roles; r->word; r++)
        if (!strcmp(r->word, w)) return r->role;
    return NULL;
}
/* heads whose of-phrase is the actor: "hundreds of militants", "a convoy of
   forces"; kin and other relations are not ("the wife of the minister") */
static const char *const kin_nouns[] = {
    "WIFE", "HUSBAND", "SON", "DAUGHTER", "MOTHER", "FATHER", "BROTHER", "SISTER",
    "FAMILY", "FRIEND", "COUSIN", "WIDOW", "RELATIVE", "CHILD", "CHILDREN", "PARENT",
    "NEPHEW", "NIECE", "UNCLE", "AUNT", "GRANDSON", "GRANDDAUGHTER", "LAWYER", "BODYGUARD",
    NULL
};
/* common nouns for people that take the role of their modifiers */
static const char *const person_nouns[] = {
    "PERSONNEL", "MEMBER", "OFFICER", "STAFF", "FORCE", "UNIT", "TROOP", "LEADER", "HEAD",
    "CHIEF", "SPOKESMAN", "SPOKESWOMAN", "SPOKESPERSON", "REPRESENTATIVE", "DELEGATION",
    "WORKER", "EMPLOYEE", "AGENT", "OFFICIAL", "SOURCE", "COMMANDER", "SECRETARY",
    "MINISTER", "ADVISER", "ADVISOR", "ENVOY", "DELEGATE", "SUPPORTER", "ACTIVIST",
    "FIGHTER", "GROUP", "PARTY", "COUNTERPART", "AUTHORITY", NULL
};
/* heads whose of-phrase is the actor: quantities and groups ("hundreds of
   militants", "a convoy of forces"); event nouns (-tion, -ment, -ing, -al)
   name the acted-on ("welcomed the election of X") */
static const char *const group_nouns[] = {
    "HUNDRED", "HUNDREDS", "THOUSAND", "THOUSANDS", "DOZEN", "DOZENS", "MILLION", "MILLIONS",
    "GROUP", "MEMBER", "MEMBERS", "CONVOY", "UNIT", "TEAM", "DELEGATION", "BAND", "NUMBER",
    "CROWD", "CONTINGENT", "BATTALION", "BRIGADE", "SQUAD", "SCORE", "SCORES", "COLUMN",
    "PARTY", "LEADER", "HEAD", "CHIEF", "GOVERNMENT", "ARMY", "OFFICIALS", "REPRESENTATIVES",
    NULL
};
/* verbs whose object is a topic, not a party: "discussed the situation" */
static const char *const topic_verbs[] = {
    "DISCUSS", "DEBATE", "CONSIDER", "REVIEW", "ADDRESS", "EXAMINE", "STUDY", "NEGOTIATE",
    NULL
};
/* prepositions of place and time: never a target */
static const char *const locative_preps[] = {
    "IN", "AT", "NEAR", "ACROSS", "THROUGHOUT", "INSIDE", "OUTSIDE", "AROUND", "WITHIN",
    "DURING", "AFTER", "BEFORE", "SINCE", "UNTIL", "AMONG", "AMID", "ALONG", "BESIDE",
    "BEHIND", "BEYOND", "UNDER", "ABOVE", "BELOW", "OVER", "VIA", "THROUGH", "ACCORDING",
    NULL
};
static const char *const modal_aux[] = { "COULD", "MIGHT", "MAY", "WOULD", "SHOULD", "MUST", NULL };
static const char *const cond_marks[] = { "IF", "UNLESS", "WHETHER", "LEST", NULL };
/* verbs whose clausal complement is not reported as done */
static const char *const irrealis_verbs[] = {
    "DENY", "REJECT", "REFUTE", "DISPUTE", "DOUBT", "WANT", "HOPE", "WISH", "URGE",
    "ASK", "CALL", "DEMAND", "REQUEST", "THREATEN", "PROPOSE", "SUGGEST", "RECOMMEND",
    "EXPECT", "FEAR", "SEEK", "TRY", "ATTEMPT", "INTEND", "PLAN", "PROMISE", "PLEDGE",
    "VOW", "AIM", "REFUSE", "DECLINE", "WARN", "ORDER", "ENCOURAGE", "INVITE", "PREPARE",
    "FAIL", "PREVENT", "STOP", "BAR", "REQUIRE", "FORBID",
    "CONSIDER", "PERSUADE", "FORCE", "ALLOW", "PERMIT", "PRESSURE", "PRESS", "APPEAL",
    "OFFER", "AGREE", "NEED", "WAIT", "STRUGGLE", "CLAIM", "ALLEGE", "ACCUSE", "BLAME",
    NULL
};
/* roles that make a side a political actor on its own */
static const char *const strong_roles[] = {
    "GOV", "MIL", "COP", "REB", "JUD", "LEG", "SPY", "UAF", "IMG", "INS", "OPP", "PTY",
    "ELI", "SEP", NULL
};
static const char *const function_words[] = {
    "AT", "IN", "ON", "TO", "FOR", "WITH", "BY", "FROM", "OF", "THE", "A", "AN",
    "AGAINST", "INTO", "OVER", "ABOUT", "AS", "UP", "OUT", "OFF", "DOWN", "AND", NULL
};

/* ------------------------------------------------------------ actors */

static const char *fileline(news_coder *c, const char *file, uint32_t line, const char *prev) {
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    char buf[512];
    int k = snprintf(buf, sizeof buf, "%s%s%s:%u", prev && *prev ? prev : "", prev && *prev ? "+" : "",
                     base, (unsigned)line);
    if (k < 0) return "";
    if ((size_t)k >= sizeof buf) k = (int)sizeof buf - 1;
    char *p = arena_strndup(&c->mem, buf, (size_t)k);
    if (!p) { c->oom = 1; return ""; }
    return p;
}

/* Collect the core of the noun phrase headed by h: h and its compound, flat,
** amod, nmod:poss (and their cores) and touching hyphens. */
static void core_mark(const news_coder *c, int h, unsigned char *in, int depth, unsigned char mark) {
    in[h] = mark;
    if (depth > 8) return;
    for (int k = c->kid[h]; k >= 0; k = c->sib[k]) {
        if (rel(c, k, "nmod:poss"))
            core_mark(c, k, in, depth + 1, 2);
        else if (rel(c, k, "compound") || rel(c, k, "flat") || rel(c, k, "amod") ||
                 rel(c, k, "nmod:desc") || rel(c, k, "goeswith") || rel(c, k, "fixed"))
            core_mark(c, k, in, depth + 1, mark);
        else if (rel(c, k, "punct") && !strcmp(c->W[k], "-"))
            in[k] = mark;
    }
}
/* in[i]: 1 for the core's words, 2 for those of a possessor ("Pakistan's") */
static void core_collect(const news_coder *c, int h, unsigned char *in, int depth) {
    core_mark(c, h, in, depth, 1);
}

typedef struct match { int a, b, poss; const dict_actor *act; const dict_agent *agt; } match;

/* Words of the core, one per token; a hyphen touching both neighbours joins
** them ("Al", "-", "Qaeda" -> "AL-QAEDA") in the merged list. ws/we: the token
** span of each word. */
static int core_words(const news_coder *c, const int *tok, int nt, int merge,
                      const char **w, int *ws, int *we, char *buf, size_t cap) {
    int nw = 0;
    size_t used = 0;
    for (int i = 0; i < nt && nw < MAXW; i++) {
        int j = tok[i];
        if (!strcmp(c->W[j], "-")) {
            int glue = merge && nw > 0 && i + 1 < nt && tok[i + 1] == j + 1 && we[nw - 1] == j - 1 &&
                       c->t[j - 1].end == c->t[j].start && c->t[j].end == c->t[j + 1].start;
            if (!glue) continue;
            size_t l1 = strlen(w[nw - 1]), l2 = strlen(c->W[j + 1]);
            if (used + l1 + l2 + 2 > cap) continue;
            char *p = buf + used;
            memcpy(p, w[nw - 1], l1);
            p[l1] = '-';
            memcpy(p + l1 + 1, c->W[j + 1], l2 + 1);
            used += l1 + l2 + 2;
            w[nw - 1] = p;
            we[nw - 1] = j + 1;
            i++;
            continue;
        }
        w[nw] = c->W[j];
        ws[nw] = we[nw] = j;
        nw++;
    }
    return nw;
}

/* The dictionary actors and agents in the core of h, left to right, longest
** first (both hyphen readings). */
static int core_matches(news_coder *c, int h, match *m, int maxm, int *core_lo, int *core_hi,
                        unsigned char **inp) {
    unsigned char *in = arena_zalloc(&c->mem, (size_t)c->n);
    *inp = in;
    int *tok = arena_alloc(&c->mem, (size_t)c->n * sizeof *tok);
    if (!in || !tok) { c->oom = 1; return 0; }
    core_collect(c, h, in, 0);
    int nt = 0;
    for (int i = 0; i < c->n; i++) if (in[i]) tok[nt++] = i;
    *core_lo = tok[0];
    *core_hi = tok[nt - 1] + 1;
    int nm = 0;
    char buf[1024];
    for (int merge = 1; merge >= 0; merge--) {
        const char *w[MAXW];
        int ws[MAXW], we[MAXW];
        int nw = core_words(c, tok, nt, merge, w, ws, we, buf, sizeof buf);
        for (int i = 0; i < nw && nm < maxm; ) {
            size_t la = 0, lg = 0;
            const dict_actor *a = dict_actor_match(c->d, w, (size_t)nw, (size_t)i, 1, &la);
            const dict_agent *g = dict_agent_match(c->d, w, (size_t)nw, (size_t)i, &lg);
            /* adjacent words only: a gap in the token order ends a phrase */
            while (la > 1 && we[i + la - 1] - ws[i] + 1 > (int)la * 3) la--, a = NULL;
            if (a && la > 0) {
                int dup = 0;
                for (int k = 0; k < nm; k++) if (m[k].a == ws[i] && m[k].b == we[i + la - 1] + 1 && m[k].act) dup = 1;
                if (!dup) { m[nm].a = ws[i]; m[nm].b = we[i + la - 1] + 1; m[nm].act = a; m[nm].agt = NULL; nm++; }
            }
            if (g && lg > 0 && nm < maxm) {
                int dup = 0;
                for (int k = 0; k < nm; k++) if (m[k].a == ws[i] && m[k].b == we[i + lg - 1] + 1 && m[k].agt) dup = 1;
                if (!dup) { m[nm].a = ws[i]; m[nm].b = we[i + lg - 1] + 1; m[nm].act = NULL; m[nm].agt = g; nm++; }
            }
            size_t step = la > lg ? la : lg;
            i += step ? (int)step : 1;
        }
    }
    return nm;
}

static int is_spokes(const char *phrase) { return !strncmp(phrase, "SPOKES", 6); }

static int is_place_noun(const news_coder *c, int h) {
    return upos(c, h, "NOUN") && (in_list(c->L[h], place_nouns) || in_list(c->W[h], place_nouns));
}

/* A country or bloc trigram at the start of code (not "---"). */
static int has_entity(const char *code) {
    return strlen(code) >= 3 && strncmp(code, "---", 3) != 0;
}

static int np_actor(news_coder *c, int h, actor *out, int depth);

/* dst = a followed by b, cut to cap - 1 bytes (codes are short; a longer
   one is malformed dictionary data, kept as far as it fits) */
static void code_join(char *dst, size_t cap, const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la > cap - 1) la = cap - 1;
    if (lb > cap - 1 - la) lb = cap - 1 - la;
    memcpy(dst, a, la);
    memcpy(dst + la, b, lb);
    dst[la + lb] = '\0';
}

static int ends_with(const char *w, const char *suf) {
    size_t n = strlen(w), k = strlen(suf);
    return n > k + 2 && !strcmp(w + n - k, suf);
}
static int event_noun(const char *w) {
    return ends_with(w, "TION") || ends_with(w, "MENT") || ends_with(w, "ING") || ends_with(w, "SAL") ||
           ends_with(w, "VAL") || ends_with(w, "TIONS") || ends_with(w, "MENTS");
}

/* Fill out from the of/for-phrases and appositions of h when the core
** lacks a country or a role. */
static void np_extend(news_coder *c, int h, actor *out, int depth) {
    for (int k = c->kid[h]; k >= 0; k = c->sib[k]) {
        int of = rel(c, k, "nmod") && (!strcmp(prep_of(c, k), "OF") || !strcmp(prep_of(c, k), "FOR") ||
                                        !strcmp(prep_of(c, k), "FROM"));
        int ap = rel(c, k, "appos");
        if (!of && !ap) continue;
        actor sub;
        if (!np_actor(c, k, &sub, depth + 1)) continue;
        if (!out->code[0] && in_list(c->L[h], kin_nouns)) return;
        if (!out->code[0] && of && !in_list(c->L[h], group_nouns) && !in_list(c->W[h], group_nouns) &&
            !event_noun(c->W[h]))
            return;
        if (!out->code[0]) {            /* "hundreds of militants": the phrase is its of-phrase */
            *out = sub;
            out->start = out->start < sub.start ? out->start : sub.start;
            return;
        }
        if (!has_entity(out->code) && has_entity(sub.code)) {
            char code[48];
            snprintf(code, sizeof code, "%.3s%s", sub.code, out->code + 3);
            memcpy(out->code, code, sizeof code);
            out->named = 1;
            if (sub.entry[0]) {
                char buf[512];
                snprintf(buf, sizeof buf, "%s%s%s", out->entry, out->entry[0] ? "+" : "", sub.entry);
                out->entry = arena_strndup(&c->mem, buf, strlen(buf));
                if (!out->entry) { c->oom = 1; out->entry = ""; }
            }
            return;
        }
    }
}

/* The actor of the noun phrase headed by h, or 0 if it is none. */
static int np_actor(news_coder *c, int h, actor *out, int depth) {
    memset(out, 0, sizeof *out);
    out->entry = "";
    if (depth > 3 || h < 0) return 0;
    if (upos(c, h, "PRON") || upos(c, h, "DET") || (upos(c, h, "NUM") && c->kid[h] < 0)) return 0;
    if (is_place_noun(c, h)) return 0;
    match m[24];
    int lo = h, hi = h + 1;
    unsigned char *in = NULL;
    int nm = core_matches(c, h, m, 24, &lo, &hi, &in);
    if (!in) return 0;
    /* A role comes from the head's own words: not from a possessor ("the
       government's decision" is no government), and for a common noun only
       from its own phrase or a title it carries ("army personnel",
       "intelligence co-operation" is no spy) */
    for (int i = 0; i < nm; i++) {
        if (!m[i].agt) continue;
        int poss = 0;
        for (int j = m[i].a; j < m[i].b; j++) if (in[j] == 2) poss = 1;
        int own = h >= m[i].a && h < m[i].b;
        if ((poss && upos(c, h, "NOUN")) || (!own && upos(c, h, "NOUN") && !in_list(c->L[h], person_nouns) &&
                     !in_list(c->W[h], person_nouns)))
            m[i].agt = NULL;
    }
    const match *name = NULL, *head_name = NULL, *agent = NULL;
    for (int i = 0; i < nm; i++) {
        if (m[i].act) {
            if (h >= m[i].a && h < m[i].b) { if (!head_name || m[i].b - m[i].a > head_name->b - head_name->a) head_name = &m[i]; }
            else if (!name) name = &m[i];
        } else if (m[i].agt) {
            /* the agent nearest the head: containing it, else the rightmost before it */
            if (h >= m[i].a && h < m[i].b) agent = &m[i];
            else if (!(agent && h >= agent->a && h < agent->b) && m[i].b <= h + 1 &&
                     (!agent || m[i].b >= agent->b)) agent = &m[i];
        }
    }
    /* a spokesman speaks for the body named before him: "Foreign Ministry spokesman" */
    if (agent && is_spokes(agent->agt->phrase))
        for (int i = 0; i < nm; i++)
            if (m[i].agt && &m[i] != agent && m[i].b <= agent->a) agent = &m[i];
    char entity[48] = "", role[16] = "", prefix[8] = "";
    const char *entry = "";
    const char *xr = extra_role_of(c->W[h]);
    if (!xr) xr = extra_role_of(c->L[h]);
    if (!agent && !head_name && upos(c, h, "NOUN") && xr) {
        snprintf(role, sizeof role, "%s", xr);
        entry = "code_news.c:extra_roles";
    }
    /* "the Brazilian Senate": an institution the dictionary knows under one
       country (SENATE: USA) belongs to the country its modifier names */
    const char *other = NULL;
    if (head_name && name && name != head_name) {
        const dict_actor_code *hc = dict_actor_code_p2(head_name->act, c->date);
        const dict_actor_code *mc = dict_actor_code_p2(name->act, c->date);
        if (hc && mc && strlen(mc->code) == 3 && has_entity(hc->code) && has_entity(mc->code) &&
            strncmp(hc->code, mc->code, 3) && strncmp(hc->code, "IGO", 3) && strncmp(hc->code, "NGO", 3))
            other = mc->code;
    }
    if (head_name) name = head_name;
    if (name) {
        const dict_actor_code *ac = dict_actor_code_p2(name->act, c->date);
        if (!ac) ac = dict_actor_code_p1(name->act, c->date);
        if (ac && ac->code[0] && ac->code[0] != '~') {
            if (name == head_name) snprintf(entity, sizeof entity, "%s", ac->code);
            else snprintf(entity, sizeof entity, "%.3s", ac->code);
            if (other) memcpy(entity, other, 3);
            entry = fileline(c, ac->file, ac->line, NULL);
        } else name = NULL;
    }
    if (agent) {
        const char *g = agent->agt->code;
        size_t gl = strlen(g);
        if (g[0] == '~') snprintf(role, sizeof role, "%s", g + 1);
        else if (gl > 0 && g[gl - 1] == '~') snprintf(prefix, sizeof prefix, "%.*s", (int)(gl - 1 < 6 ? gl - 1 : 6), g);
        else snprintf(role, sizeof role, "%s", g);
        entry = fileline(c, agent->agt->file, agent->agt->line, entry);
        /* "State Department spokesman": the body's own code gives the role */
        if (is_spokes(agent->agt->phrase) && name && name != head_name && strlen(entity) == 3) {
            const dict_actor_code *nc = dict_actor_code_p2(name->act, c->date);
            if (nc && strlen(nc->code) >= 6 && nc->code[3] != '~') snprintf(role, sizeof role, "%.3s", nc->code + 3);
        }
    }
    if (!name && !agent) {
        if (upos(c, h, "PROPN") && depth == 0) { /* an unknown name: maybe its apposition knows */ }
        else if (!upos(c, h, "NOUN") && !upos(c, h, "PROPN") && !upos(c, h, "NUM")) return 0;
    }
    /* compose */
    if (name == head_name && name) {
        if (strlen(entity) > 3 || !role[0]) code_join(out->code, sizeof out->code, entity, "");
        else code_join(out->code, sizeof out->code, entity, role);
    } else if (name && (role[0] || prefix[0])) {
        if (prefix[0]) code_join(out->code, sizeof out->code, prefix, entity);
        else code_join(out->code, sizeof out->code, entity, role);
    } else if (name) {
        /* a country among the modifiers of a head that is no actor: "Australia's
           economy", "the Iraq War": the phrase is no actor */
        name = NULL;
    } else if (prefix[0]) snprintf(out->code, sizeof out->code, "%s", prefix);
    else if (role[0]) snprintf(out->code, sizeof out->code, "---%s", role);
    int recalled = 0;   /* a name seen earlier in the article with its title */
    if (!out->code[0] && upos(c, h, "PROPN") && !(c->off & NEWS_NAMES_OFF)) {
        const char *r = name_recall(c, c->W[h]);
        for (int k = c->kid[h]; !r && k >= 0; k = c->sib[k])
            if (rel(c, k, "flat") && upos(c, k, "PROPN")) r = name_recall(c, c->W[k]);
        if (r) {
            snprintf(out->code, sizeof out->code, "%s", r);
            entry = "code_news.c:article_names";
            recalled = 1;
        }
    }
    out->named = name != NULL || recalled;
    out->common = upos(c, h, "NOUN");
    out->ref = h;
    snprintf(out->role, sizeof out->role, "%.7s", role);
    out->entry = entry;
    out->start = lo;
    out->end = hi;
    /* remember the person's surname: the last of two or more name words that
       are neither a title nor a nationality ("Laisenia Qarase" -> QARASE;
       a lone "Queen" is no name) */
    if (upos(c, h, "PROPN") && has_entity(out->code) && strlen(out->code) > 3 && !(c->off & NEWS_NAMES_OFF)) {
        int nname = 0, last = -1;
        for (int i = lo; i < hi; i++) {
            if (!upos(c, i, "PROPN") || !in[i]) continue;
            int title = 0;    /* a title or a nationality, not the person's name */
            for (int k = 0; k < nm; k++)
                if (i >= m[k].a && i < m[k].b && (m[k].agt || (m[k].act && &m[k] != head_name))) title = 1;
            if (!title) { nname++; last = i; }
        }
        if (nname >= 2) name_remember(c, c->W[last], out->code);
    }
    if (!has_entity(out->code) || !out->code[0]) np_extend(c, h, out, depth);
    if (!out->code[0]) return 0;
    if (out->code[0] == '-' && !out->role[0] && strlen(out->code) > 3)
        snprintf(out->role, sizeof out->role, "%.3s", out->code + 3);
    return 1;
}

/* h and its conjuncts: up to max actors. */
static const char *const personal_pronouns[] = { "HE", "SHE", "HIM", "HER", NULL };
static const char *const group_pronouns[] = { "IT", "THEY", "THEM", NULL };

/* A personal pronoun stands for the nearest subject before it in the
** sentence that is an actor ("Bush held a conference where he praised ..."). */
static int antecedent(news_coder *c, int h) {
    int subject = rel(c, h, "nsubj");
    for (int pass = 0; pass < 2; pass++)       /* a subject before it, else any actor */
        for (int i = h - 1; i >= 0; i--) {
            if (upos(c, i, "PRON") || !(upos(c, i, "NOUN") || upos(c, i, "PROPN"))) continue;
            if (pass == 0 && !rel(c, i, "nsubj")) continue;
            if (pass == 1 && (subject || !(rel(c, i, "nsubj") || rel(c, i, "obj") || rel(c, i, "nmod:poss") ||
                                           rel(c, i, "iobj") || rel(c, i, "appos"))))
                continue;
            /* "prosecutors accuse him": an object pronoun is not its own clause's subject */
            if (c->hd[i] >= 0 && c->hd[h] == c->hd[i] && !subject) continue;
            actor a;
            if (np_actor(c, i, &a, 0) && (a.named || a.role[0])) return i;
        }
    return -1;
}

static const char *const first_person[] = { "I", "WE", "ME", "US", NULL };
static const char *const say_verbs[] = {
    "SAY", "TELL", "ADD", "STATE", "DECLARE", "ANNOUNCE", "CONTINUE", "INSIST", "WRITE", NULL
};

/* "I condemn the killing," said Gilani: the first person of a quote is the
** subject of the one verb of saying in the sentence. */
static int speaker(news_coder *c, int h) {
    int found = -1;
    for (int v = 0; v < c->n; v++) {
        if (!upos(c, v, "VERB") || !in_list(c->L[v], say_verbs)) continue;
        int sj = child(c, v, "nsubj");
        if (sj < 0 || sj == h || upos(c, sj, "PRON")) continue;
        if (found >= 0) return -1;              /* two speakers: ambiguous */
        found = sj;
    }
    return found;
}

/* A coordination the parser flattened into compounds and flats: "Japan and
** South Korea" as Japan/nsubj and/cc South/compound Korea/flat, "Japanese and
** South Korean officials" as Japanese/amod and/cc South Korean/compound
** officials. Each segment between the commas and conjunctions must start with a
** dictionary actor; words after the last one's actor give every one its role.
** Returns the number of actors (2 or more), or 0. */
static int flat_coordination(news_coder *c, int h, actor *out, int max) {
    unsigned char *in = arena_zalloc(&c->mem, (size_t)c->n);
    if (!in) { c->oom = 1; return 0; }
    core_collect(c, h, in, 0);
    int lo = h, hi = h;
    for (int i = 0; i < c->n; i++) if (in[i]) { if (i < lo) lo = i; if (i > hi) hi = i; }
    int cut[16], ncut = 0;
    for (int k = lo + 1; k < hi && ncut < 15; k++)
        if (!in[k] && (upos(c, k, "CCONJ") || !strcmp(c->W[k], ","))) cut[ncut++] = k;
    if (ncut == 0) return 0;
    cut[ncut] = hi + 1;
    int n = 0, a = lo;
    char role[16] = "";
    const char *rentry = "";
    for (int s = 0; s <= ncut && n < max; s++) {
        int b = cut[s];                       /* segment [a, b) */
        while (a < b && (upos(c, a, "CCONJ") || !strcmp(c->W[a], ",") || upos(c, a, "DET"))) a++;
        const char *w[MAXW];
        int nw = 0;
        for (int i = a; i < b && nw < MAXW; i++) if (strcmp(c->W[i], "-")) w[nw++] = c->W[i];
        size_t len = 0;
        const dict_actor *x = nw ? dict_actor_match(c->d, w, (size_t)nw, 0, 1, &len) : NULL;
        const dict_actor_code *xc = x ? dict_actor_code_p2(x, c->date) : NULL;
        if (!xc || !xc->code[0] || xc->code[0] == '~') return 0;
        if ((int)len < nw) {                  /* the rest must be the head's role */
            if (s != ncut) return 0;
            size_t lg = 0;
            const dict_agent *g = dict_agent_match(c->d, w, (size_t)nw, len, &lg);
            if ((int)len + 1 == nw && extra_role_of(w[len])) {
                snprintf(role, sizeof role, "%s", extra_role_of(w[len]));
                rentry = "code_news.c:extra_roles";
            } else {
                if (!g || (int)(len + lg) != nw || g->code[0] != '~') return 0;
                snprintf(role, sizeof role, "%s", g->code + 1);
                rentry = fileline(c, g->file, g->line, NULL);
            }
        }
        memset(&out[n], 0, sizeof out[n]);
        snprintf(out[n].code, sizeof out[n].code, "%s", xc->code);
        out[n].start = a;
        out[n].end = b;
        out[n].ref = a;
        out[n].entry = fileline(c, xc->file, xc->line, NULL);
        out[n].named = 1;
        n++;
        a = b + 1;
    }
    if (n < 2) return 0;
    if (role[0])
        for (int i = 0; i < n; i++) {
            char code[48];
            snprintf(code, sizeof code, "%.3s%.12s", out[i].code, role);
            memcpy(out[i].code, code, sizeof code);
            snprintf(out[i].role, sizeof out[i].role, "%.7s", role);
            char buf[512];
            int k = snprintf(buf, sizeof buf, "%s+%s", out[i].entry, rentry);
            if (k > 0 && (size_t)k < sizeof buf) {
                const char *e = arena_strndup(&c->mem, buf, (size_t)k);
                if (e) out[i].entry = e; else c->oom = 1;
            }
        }
    return n;
}

static int np_actors(news_coder *c, int h, actor *out, int max) {
    int n = 0;
    if (h < 0) return 0;
    if ((n = flat_coordination(c, h, out, max)) > 0) return n;
    /* "it", "they" as subjects only ("it will send troops"); as objects they
       are mostly things ("calling it a despicable act") */
    int group = upos(c, h, "PRON") && in_list(c->W[h], group_pronouns) && !strcmp(c->t[h].deprel, "nsubj");
    if (upos(c, h, "PRON") && (in_list(c->W[h], personal_pronouns) || in_list(c->W[h], first_person) || group)) {
        int a = in_list(c->W[h], first_person) ? speaker(c, h) : antecedent(c, h);
        actor t;
        /* "it", "they": a country or organisation named before, not a person */
        if (group && (a < 0 || !np_actor(c, a, &t, 0) || !t.named || upos(c, a, "PRON"))) return 0;
        if (a < 0 || !np_actor(c, a, &out[0], 0)) return 0;
        out[0].ref = a;
        out[0].start = h;           /* the evidence points at the pronoun */
        out[0].end = h + 1;
        return 1;
    }
    if (np_actor(c, h, &out[n], 0)) {
        /* "Spanish and French police", "Australia and East Timor officials":
           one actor per conjoined modifier, each with the head's role */
        for (int m = c->kid[h]; m >= 0; m = c->sib[m]) {
            if (!(rel(c, m, "amod") || rel(c, m, "compound") || rel(c, m, "nmod:poss"))) continue;
            if (child(c, m, "conj") < 0) continue;
            actor base = out[n];
            int k0 = n;
            for (int x = m; x >= 0 && n < max; x = (x == m ? c->kid[m] : c->sib[x])) {
                if (x != m && !rel(c, x, "conj")) continue;
                actor a;
                if (!np_actor(c, x, &a, 1) || !has_entity(a.code)) continue;
                out[n] = base;
                snprintf(out[n].code, sizeof out[n].code, "%.3s%.40s", a.code, base.code + 3);
                out[n].named = 1;
                out[n].ref = x;
                n++;
            }
            if (n > k0) return n;
            n = k0;
            break;
        }
        n++;
    }
    for (int k = c->kid[h]; k >= 0 && n < max; k = c->sib[k])
        if (rel(c, k, "conj") && is_nominal(c, k) && np_actor(c, k, &out[n], 0)) n++;
    /* "the foreign ministers of Japan and South Korea": one actor per member
       of the of-phrase, each with the head's role */
    if (n == 1 && has_entity(out[0].code) && out[0].role[0])
        for (int k = c->kid[h]; k >= 0; k = c->sib[k]) {
            if (!rel(c, k, "nmod") || strcmp(prep_of(c, k), "OF") || child(c, k, "conj") < 0) continue;
            actor m[8];
            int nm = np_actors(c, k, m, 8);
            if (nm < 2) break;
            actor base = out[0];
            n = 0;
            for (int i = 0; i < nm && n < max; i++) {
                if (!has_entity(m[i].code)) continue;
                out[n] = base;
                snprintf(out[n].code, sizeof out[n].code, "%.3s%.40s", m[i].code, base.code + 3);
                out[n].ref = m[i].ref;
                n++;
            }
            if (n == 0) { out[0] = base; n = 1; }
            break;
        }
    /* "the Australian Minister and the Attorney General": a conjunct with a
       role only takes the country its conjuncts share */
    const char *shared = NULL;
    for (int i = 0; i < n; i++)
        if (has_entity(out[i].code) && strncmp(out[i].code, "IGO", 3) && strncmp(out[i].code, "NGO", 3)) {
            if (shared && strncmp(shared, out[i].code, 3)) { shared = NULL; break; }
            shared = out[i].code;
        }
    for (int i = 0; shared && i < n; i++)
        if (!has_entity(out[i].code) && !(c->off & NEWS_INHERIT)) {
            char code[48];
            snprintf(code, sizeof code, "%.3s%.40s", shared, out[i].code + 3);
            memcpy(out[i].code, code, sizeof code);
        }
    return n;
}

/* ------------------------------------------------------------ verbs */

/* the verb's own clause: tokens of its subtree minus other clauses */
static void clause_collect(const news_coder *c, int v, int i, unsigned char *in, int depth) {
    in[i] = 1;
    if (depth >= 2) return;   /* patterns name the verb's phrases and their heads' words */
    for (int k = c->kid[i]; k >= 0; k = c->sib[k]) {
        if (i == v && (rel(c, k, "conj") || rel(c, k, "parataxis") || rel(c, k, "advcl") ||
                       rel(c, k, "ccomp") || rel(c, k, "csubj") || rel(c, k, "list") ||
                       rel(c, k, "punct") || rel(c, k, "cc") || rel(c, k, "nsubj") ||
                       rel(c, k, "discourse")))
            continue;
        if (rel(c, k, "acl:relcl") || rel(c, k, "parataxis")) continue;
        clause_collect(c, v, k, in, depth + 1);
    }
}

typedef struct pmatch {
    const dict_pattern *p;
    int score;
    int tgt, src;         /* nominal heads named by `+` / `$`, or -1 */
} pmatch;

/* Does token j match dictionary word w? */
static int tok_is(const news_coder *c, int j, const char *w) { return word(c, j, w); }

/* literal words (split on `_`) matched at seq[j..]: returns count or 0 */
static int match_literal(const news_coder *c, const int *seq, int ns, int j, const char *text) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", text);
    int k = 0;
    for (char *p = strtok(buf, "_ "); p; p = strtok(NULL, "_ ")) {
        if (j + k >= ns || !tok_is(c, seq[j + k], p)) return 0;
        k++;
    }
    return k;
}

static int match_synset(const news_coder *c, const dict_synset *sy, const int *seq, int ns, int j) {
    for (uint32_t m = 0; m < sy->nflat; m++) {
        const dict_syn_member *mb = sy->flat[m];
        if (mb->nwords == 0 || j + mb->nwords > ns) continue;
        int ok = 1;
        for (int k = 0; ok && k < mb->nwords; k++) ok = tok_is(c, seq[j + k], mb->words[k]);
        if (ok) return mb->nwords;
    }
    return 0;
}

/* The nominal a matched preposition token introduces. */
static int pp_object(const news_coder *c, int v, int prep) {
    if (prep < 0) return -1;
    int h = c->hd[prep];
    return h >= 0 && is_nominal(c, h) && c->hd[h] == v ? h : -1;
}

/* Is token j inside a prepositional phrase of v whose preposition pattern p
** does not name? ("criticized Russia over the detention" is no match for
** "* &DETENTION": the topic of a criticism is not its object.) */
static int in_unnamed_pp(const news_coder *c, int v, int j, const dict_pattern *p) {
    for (int x = j, d = 0; x >= 0 && x != v && d < 64; x = c->hd[x], d++) {
        if (!(rel(c, x, "obl") || rel(c, x, "nmod") || rel(c, x, "advcl"))) continue;
        const char *prep = prep_of(c, x);
        if (!prep[0]) continue;
        int named = 0;
        for (int i = 0; i < p->nlower && !named; i++)
            if (p->lower[i].kind == DICT_PT_WORD && !strcmp(p->lower[i].text, prep)) named = 1;
        if (!named) return 1;
    }
    return 0;
}

static void try_pattern(const news_coder *c, int v, const dict_pattern *p, const int *after, int na,
                        const int *before, int nb, pmatch *best) {
    size_t nsyn = 0;
    const dict_synset *syns = dict_synsets(c->d, &nsyn);
    int score = 0, content = 0, pos = 0, last = -1, tgt = -1, src = -1, slots = 0;
    for (int i = 0; i < p->nupper; i++) {   /* literal words before the verb */
        const dict_ptok *pt = &p->upper[i];
        if (pt->kind != DICT_PT_WORD) continue;
        int found = 0;
        for (int j = 0; j < nb && !found; j++) {
            int k = match_literal(c, before, nb, j, pt->text);
            if (k) { found = 1; score += k; if (!in_list(pt->text, function_words)) content++; }
        }
        if (!found) return;
    }
    for (int i = 0; i < p->nlower; i++) {
        const dict_ptok *pt = &p->lower[i];
        if (pt->kind == DICT_PT_WORD || pt->kind == DICT_PT_SYNSET) {
            int found = 0;
            for (int j = pos; j < na && !found; j++) {
                int k = 0;
                if (pt->kind == DICT_PT_WORD) k = match_literal(c, after, na, j, pt->text);
                else if (pt->synset >= 0 && (size_t)pt->synset < nsyn) k = match_synset(c, &syns[pt->synset], after, na, j);
                if (k && in_unnamed_pp(c, v, after[j], p)) k = 0;
                if (k) {
                    found = 1; score += k; pos = j + k; last = after[j + k - 1];
                    if (pt->kind == DICT_PT_SYNSET || !in_list(pt->text, function_words)) content++;
                }
            }
            if (!found) return;
        } else if (pt->kind == DICT_PT_TARGET || pt->kind == DICT_PT_SOURCE) {
            int h = -1;
            if (last >= 0 && upos(c, last, "ADP")) h = pp_object(c, v, last);
            else if (last < 0) h = child(c, v, "obj");
            if (pt->kind == DICT_PT_TARGET) tgt = h; else src = h;
            slots++;
        }
    }
    if (!content && !(slots && (tgt >= 0 || src >= 0))) return;   /* "(AT)": says nothing */
    if (score > best->score) { best->p = p; best->score = score; best->tgt = tgt; best->src = src; }
}

/* ------------------------------------------------------------ events */

static int is_code(const char *code);
static int symmetric(const news_coder *c, int v);


static int strong(const actor *a) {
    if (a->named || has_entity(a->code)) return 1;
    char r[4];
    snprintf(r, sizeof r, "%.3s", a->role);
    return in_list(r, strong_roles);
}

/* A side without a country acted on by (or acting with) a government,
** police, army or court of a named country takes that country: "the Pakistani
** government arrested protesters" -> PAKGOV PAKOPP. */
static void inherit(const news_coder *c, const actor *s, actor *t) {
    if (c->off & NEWS_INHERIT) return;
    if (has_entity(t->code) || !has_entity(s->code) || !strncmp(s->code, "IGO", 3) ||
        !strncmp(s->code, "NGO", 3))
        return;
    char sr[4], tr[4];
    snprintf(sr, sizeof sr, "%.3s", s->code + 3);
    snprintf(tr, sizeof tr, "%.3s", t->code + 3);
    /* "the government", "the police", "parliament" of a sentence about one
       country's actor are that country's own */
    int state = t->common && (!strcmp(tr, "GOV") || !strcmp(tr, "LEG") || !strcmp(tr, "JUD") || !strcmp(tr, "COP"));
    if (!t->common) return;   /* a named person of unknown country stays so */
    if (!state && strcmp(sr, "GOV") && strcmp(sr, "COP") && strcmp(sr, "MIL") && strcmp(sr, "JUD")) return;
    char code[48];
    snprintf(code, sizeof code, "%.3s%s", s->code, t->code + 3);
    memcpy(t->code, code, sizeof code);
}

static void add_event(news_coder *c, const actor *s, const actor *t, const char *code, int v,
                      const char *pattern) {
    if (s->start == t->start && s->end == t->end) return;
    if (s->ref == t->ref) return;     /* "X ... calling it": one actor on both sides */
    if (!strcmp(s->code, t->code) && (!strong(s) || strlen(s->code) == 3)) return;
    if (!(c->off & NEWS_GENERIC) && !strong(s) && !strong(t)) return;
    for (int i = 0; i < c->nev; i++)
        if (!strcmp(c->ev[i].source, s->code) && !strcmp(c->ev[i].target, t->code) && !strcmp(c->ev[i].code, code))
            return;
    if (c->nev == c->cap) {
        int cap = c->cap ? c->cap * 2 : 16;
        dyad_event *p = dyad_realloc(c->ev, (size_t)cap * sizeof *p);
        if (!p) { c->oom = 1; return; }
        c->ev = p;
        c->cap = cap;
    }
    dyad_event *e = &c->ev[c->nev];
    const char *sc = arena_strndup(&c->mem, s->code, strlen(s->code));
    const char *tc = arena_strndup(&c->mem, t->code, strlen(t->code));
    const char *cc = arena_strndup(&c->mem, code, strlen(code));
    if (!sc || !tc || !cc) { c->oom = 1; return; }
    e->source = sc; e->target = tc; e->code = cc;
    e->src_start = s->start; e->src_end = s->end;
    e->tgt_start = t->start; e->tgt_end = t->end;
    e->verb_start = v; e->verb_end = v + 1;
    e->src_entry = s->entry; e->tgt_entry = t->entry;
    e->pattern = pattern;
    c->nev++;
}

/* one pair: the action, its reverse-direction code, and for meetings and
** agreements the same action the other way */
static void add_pair(news_coder *c, const actor *s0, const actor *t0, const char *active,
                     const char *passive, int v, const char *pat) {
    actor s = *s0, t = *t0;
    /* ISO 3166-1 where Phoenix differs: TMP (East Timor) is TLS
       (../shared/data/cameo/actor_codes.tsv notes it) */
    if (!strncmp(s.code, "TMP", 3)) memcpy(s.code, "TLS", 3);
    if (!strncmp(t.code, "TMP", 3)) memcpy(t.code, "TLS", 3);
    inherit(c, &s, &t);
    if (is_code(active)) add_event(c, &s, &t, active, v, pat);
    if (is_code(passive)) add_event(c, &t, &s, passive, v, pat);
    if (!(c->off & NEWS_SYMMETRIC) && is_code(active) && !is_code(passive) && symmetric(c, v))
        add_event(c, &t, &s, active, v, pat);
}

static int is_code(const char *code) { return code && code[0] && strcmp(code, "---") != 0; }

/* joint actions: both sides do them ("X met Y" is Y meeting X too) */
static const char *const joint_verbs[] = {
    "MEET", "TALK", "NEGOTIATE", "SIGN", "CONFER", "CONSULT", "DISCUSS", "COOPERATE",
    "CO-OPERATE", "COLLABORATE", "RECONCILE", "CONVERSE", "PARTNER", NULL
};
static int symmetric(const news_coder *c, int v) {
    return in_list(c->L[v], joint_verbs);
}

/* prepositions that can introduce the target of an action of this root */
static int oblique_ok(const char *prep, const char *code) {
    if (!strcmp(prep, "AGAINST")) return 1;
    int root = atoi((char[3]){code[0], code[1], 0});
    switch (root) {
    case 2: return !strcmp(prep, "ON") || !strcmp(prep, "TO");
    case 3: case 4: case 5: case 6: return !strcmp(prep, "WITH") || !strcmp(prep, "TO");
    case 7: case 8: return !strcmp(prep, "TO");
    case 10: return !strcmp(prep, "FROM") || !strcmp(prep, "ON");
    case 17: return !strcmp(prep, "ON");
    case 18: case 19: case 20: return !strcmp(prep, "ON") || !strcmp(prep, "AT");
    default: return 0;
    }
}

static int negated(const news_coder *c, int v) {
    for (int k = c->kid[v]; k >= 0; k = c->sib[k]) {
        if ((rel(c, k, "advmod") || rel(c, k, "neg")) &&
            (lem(c, k, "NOT") || lem(c, k, "NEVER") || word(c, k, "N'T") || word(c, k, "NT")))
            return 1;
        if (rel(c, k, "aux") && word(c, k, "CAN'T")) return 1;
    }
    return strstr(c->t[v].feats, "Polarity=Neg") != NULL;
}

static int irrealis(const news_coder *c, int v) {
    for (int k = c->kid[v]; k >= 0; k = c->sib[k]) {
        if (rel(c, k, "mark") && in_list(c->L[k], cond_marks)) return 1;
        if (rel(c, k, "aux") && in_list(c->L[k], modal_aux)) return 1;
    }
    return 0;
}

/* the subject of v: its own, else that of the verb it hangs on */
static int subject_of(const news_coder *c, int v, int depth) {
    if (depth > 6 || v < 0) return -1;
    int s = child(c, v, "nsubj");
    if (s >= 0) {
        /* a relative pronoun stands for the noun the clause modifies */
        if ((upos(c, s, "PRON") || upos(c, s, "DET")) && rel(c, v, "acl:relcl") &&
            (lem(c, s, "WHO") || lem(c, s, "WHICH") || lem(c, s, "THAT")))
            return c->hd[v];
        return s;
    }
    int h = c->hd[v];
    if (h < 0) return -1;
    if (rel(c, v, "conj") && upos(c, h, "VERB")) return subject_of(c, h, depth + 1);
    if (rel(c, v, "xcomp")) {
        int o = child(c, h, "obj");
        if (o < 0) o = child(c, h, "iobj");
        return o >= 0 ? o : subject_of(c, h, depth + 1);
    }
    if (rel(c, v, "advcl") && child(c, v, "mark") < 0 &&
        (!strcmp(c->t[v].xpos, "VBG") || !strcmp(c->t[v].xpos, "VBN")) && upos(c, h, "VERB"))
        return subject_of(c, h, depth + 1);
    if ((rel(c, v, "acl") || rel(c, v, "amod")) && is_nominal(c, h)) return h;
    return -1;
}

static int is_passive(const news_coder *c, int v) {
    if (child(c, v, "aux:pass") >= 0 || child(c, v, "nsubj:pass") >= 0) return 1;
    if (rel(c, v, "acl") && !strcmp(c->t[v].xpos, "VBN")) return 1;
    if (rel(c, v, "conj") && !strcmp(c->t[v].xpos, "VBN") && child(c, v, "nsubj") < 0 &&
        c->hd[v] >= 0 && child(c, c->hd[v], "aux:pass") >= 0) return 1;
    return 0;
}

static int agent_of(const news_coder *c, int v) {
    for (int k = c->kid[v]; k >= 0; k = c->sib[k])
        if (rel(c, k, "obl:agent") || (rel(c, k, "obl") && !strcmp(prep_of(c, k), "BY"))) return k;
    /* "arrested in a joint operation by police", "killed in an ambush by
       gunmen": the by-phrase of an event noun in the verb's phrase */
    for (int k = c->kid[v]; k >= 0; k = c->sib[k]) {
        if (!rel(c, k, "obl")) continue;
        for (int x = c->kid[k]; x >= 0; x = c->sib[x]) {
            if (rel(c, x, "nmod") && !strcmp(prep_of(c, x), "BY")) return x;
            if (rel(c, x, "nmod"))
                for (int y = c->kid[x]; y >= 0; y = c->sib[y])
                    if (rel(c, y, "nmod") && !strcmp(prep_of(c, y), "BY")) return y;
        }
    }
    return -1;
}

/* Appeal verbs the CAMEO 2.0 verb dictionary lacks (it has no URGE, no CALL
** ON): CAMEO 020 "make an appeal or request", as the legacy TABARI dictionary
** (CAMEO.verbpatterns.150430.txt: URGE, CALLED_FOR [020]) and the CAMEO
** codebook have them. Used only when the dictionary has nothing better. */
typedef struct fallback_verb { const char *lemma, *particle, *code; } fallback_verb;
static const fallback_verb fallback_verbs[] = {
    { "CALL", "ON", "020" }, { "CALL", "UPON", "020" }, { "CALL", "FOR", "020" },
    { "URGE", NULL, "020" }, { "EXHORT", NULL, "020" }, { "APPEAL", NULL, "020" },
    { NULL, NULL, NULL }
};

static const fallback_verb *verb_fallback(const news_coder *c, int v, int with_particle) {
    for (const fallback_verb *f = fallback_verbs; f->lemma; f++) {
        if (strcmp(c->L[v], f->lemma) || !f->particle != !with_particle) continue;
        if (!f->particle) return f;
        for (int k = v + 1; k < c->n && k <= v + 1; k++)
            if (!strcmp(c->W[k], f->particle)) return f;
        for (int k = c->kid[v]; k >= 0; k = c->sib[k])
            if (rel(c, k, "compound:prt") && !strcmp(c->W[k], f->particle)) return f;
    }
    return NULL;
}

static const dict_verb_form *verb_lookup(const news_coder *c, int v) {
    const char *parts[4] = { NULL, NULL, NULL, NULL };
    size_t np = 0;
    for (int k = c->kid[v]; k >= 0 && np < 4; k = c->sib[k])
        if (rel(c, k, "compound:prt")) parts[np++] = c->W[k];
    /* "call on X", "crack down on": the word right after the verb may be the
       particle of a dictionary compound even when the parser made it a preposition */
    if (np == 0 && v + 1 < c->n && (upos(c, v + 1, "ADP") || upos(c, v + 1, "ADV")))
        parts[np++] = c->W[v + 1];
    const dict_verb_form *f = dict_verb_lookup(c->d, c->W[v], parts, np);
    if (!f || (np && f->nback == 0)) {
        const dict_verb_form *g = dict_verb_lookup(c->d, c->L[v], parts, np);
        if (g && (!f || g->nback > f->nback)) f = g;
    }
    /* British spelling: the dictionary is American ("criticised", "vandalised") */
    size_t n = strlen(c->L[v]);
    if (!f && n > 4 && n < 60 && !strcmp(c->L[v] + n - 3, "ISE")) {
        char us[64];
        memcpy(us, c->L[v], n + 1);
        us[n - 2] = 'Z';
        f = dict_verb_lookup(c->d, us, parts, np);
    }
    return f;
}

/* A predicate the coder reads: a verb, or a passive participle the tagger
** took for an adjective ("ETA is blamed/ADJ by the authorities"). */
static int is_verb(const news_coder *c, int v) {
    return upos(c, v, "VERB") || (upos(c, v, "ADJ") && !strcmp(c->t[v].xpos, "VBN"));
}

static const char *const tell_verbs[] = {
    "TELL", "INFORM", "NOTIFY", "BRIEF", "ASSURE", "REMIND", "ADDRESS", "DESCRIBE", "THANK",
    "CALL", NULL
};
/* th is whom v addresses: an indirect object, a to-phrase, or the object of a
** verb of telling ("told Y", "described Y as"), not the object of "see". */
static int addressee(const news_coder *c, int v, int th) {
    if (th < 0) return 0;
    if (rel(c, th, "iobj") || !strcmp(prep_of(c, th), "TO")) return 1;
    return in_list(c->L[v], tell_verbs);
}

/* Code verb v; returns 1 if it gave an event. */
static int code_verb(news_coder *c, int v) {
    if (!is_verb(c, v) || rel(c, v, "amod") || c->blocked[v]) return 0;
    if (!(c->off & NEWS_RELCL) && rel(c, v, "acl:relcl")) return 0;
    if (negated(c, v) || irrealis(c, v)) return 0;
    const fallback_verb *fb = verb_fallback(c, v, 1);
    const dict_verb_form *f = fb ? NULL : verb_lookup(c, v);
    if (!f && !fb) fb = verb_fallback(c, v, 0);
    if (!f && !fb) return 0;
    /* the clause's words after and before the verb, for the patterns */
    unsigned char *in = arena_zalloc(&c->mem, (size_t)c->n);
    int *after = arena_alloc(&c->mem, (size_t)c->n * sizeof *after);
    int *before = arena_alloc(&c->mem, (size_t)c->n * sizeof *before);
    if (!in || !after || !before) { c->oom = 1; return 0; }
    clause_collect(c, v, v, in, 0);
    int na = 0, nb = 0;
    for (int i = 0; i < c->n; i++) {
        if (!in[i] || i == v || upos(c, i, "PUNCT")) continue;
        if (i > v) after[na++] = i; else before[nb++] = i;
    }
    size_t nblocks = 0, npat = 0;
    const dict_block *blocks = dict_blocks(c->d, &nblocks);
    const dict_pattern *pats = dict_patterns(c->d, &npat);
    pmatch best = { NULL, 0, -1, -1 };
    if (f && f->block < nblocks) {
        const dict_block *b = &blocks[f->block];
        for (uint32_t i = 0; i < b->npatterns && b->first_pattern + i < npat; i++) {
            const dict_pattern *p = &pats[b->first_pattern + i];
            if (p->flags & DICT_PAT_P2_IGNORED) continue;
            try_pattern(c, v, p, after, na, before, nb, &best);
        }
    }
    const char *active = best.p ? best.p->code.active : f ? f->code.active : fb->code;
    const char *passive = best.p ? best.p->code.passive : f ? f->code.passive : "---";
    const char *pat = best.p ? fileline(c, best.p->file, best.p->line, NULL)
                    : f ? fileline(c, f->file, f->line, NULL) : "code_news.c:fallback_verbs";
    if (!is_code(active) && !is_code(passive)) return 0;
    /* signing is agreeing: CAMEO 057 "sign formal agreement" (gold guidelines:
       "signed an agreement with -> 057"), where the dictionary's SIGN block
       gives an intent (0311 "{TRADE &TREATY}") */
    if (lem(c, v, "SIGN") && active[0] == '0' && active[1] == '3') {
        active = "057";
        if (is_code(passive)) passive = "057";
    }
    const char *code = is_code(active) ? active : passive;

    /* sources and targets */
    int pass = is_passive(c, v);
    int sh = -1, th = -1, from_obj = 0;
    if (pass) {
        int ag = agent_of(c, v);
        sh = ag;
        th = child(c, v, "nsubj:pass");
        if (th < 0) th = child(c, v, "nsubj");
        if (th < 0) th = subject_of(c, v, 0);
    } else {
        sh = best.src >= 0 ? best.src : subject_of(c, v, 0);
        if (best.tgt >= 0) th = best.tgt;
        /* "supplied a soldier to Afghanistan": of aid and material help the
           recipient is the target, the thing given is not */
        if (th < 0 && code[0] == '0' && (code[1] == '6' || code[1] == '7'))
            for (int k = c->kid[v]; k >= 0 && th < 0; k = c->sib[k]) {
                actor a;
                if (rel(c, k, "obl") && !strcmp(prep_of(c, k), "TO") && np_actor(c, k, &a, 0)) th = k;
                if (rel(c, k, "obj"))
                    for (int x = c->kid[k]; x >= 0 && th < 0; x = c->sib[x])
                        if (rel(c, x, "nmod") && !strcmp(prep_of(c, x), "TO") && np_actor(c, x, &a, 0)) th = x;
            }
        if (th < 0 && !in_list(c->L[v], topic_verbs)) { th = child(c, v, "obj"); from_obj = th >= 0; }
        if (th < 0) { th = child(c, v, "iobj"); from_obj = th >= 0; }
        /* "urged Washington to stop", "called on Qarase to stand down": the
           addressee of an appeal, demand or threat parsed as the subject of
           its complement clause */
        int r = (code[0] - '0') * 10 + (code[1] - '0');
        if (th < 0 && (r == 2 || r == 10 || r == 13))
            for (int k = c->kid[v]; k >= 0 && th < 0; k = c->sib[k])
                if (rel(c, k, "xcomp") || rel(c, k, "ccomp") || rel(c, k, "advcl")) {
                    int sj = child(c, k, "nsubj");
                    if (sj >= 0 && !upos(c, sj, "PRON")) th = sj, from_obj = 1;
                    /* "threatened to attack Iran": the threat is against the object */
                    else if (r == 13 && rel(c, k, "xcomp") && (sj = child(c, k, "obj")) >= 0) th = sj, from_obj = 1;
                }
        /* "offered to host talks between Israel and Hamas": an intent to
           meet or mediate is towards the parties of the talks it names */
        if (th < 0 && r == 3)
            for (int k = c->kid[v]; k >= 0 && th < 0; k = c->sib[k]) {
                int o = rel(c, k, "xcomp") ? child(c, k, "obj") : -1;
                for (int x = o >= 0 ? c->kid[o] : -1; x >= 0 && th < 0; x = c->sib[x])
                    if (rel(c, x, "nmod") && (!strcmp(prep_of(c, x), "BETWEEN") || !strcmp(prep_of(c, x), "WITH")))
                        th = x, from_obj = 1;
            }
        if (th < 0 && !(c->off & NEWS_OBLIQUE))
            for (int k = c->kid[v]; k >= 0 && th < 0; k = c->sib[k])
                if (rel(c, k, "obl") && !in_list(prep_of(c, k), locative_preps) &&
                    oblique_ok(prep_of(c, k), code))
                    th = k, from_obj = !strcmp(prep_of(c, k), "TO");
    }
    actor S[8], T[8];
    int ns = np_actors(c, sh, S, 8);
    int nt = th >= 0 && !(th == sh) ? np_actors(c, th, T, 8) : 0;
    /* "signed an agreement with South Korea": the object is no actor, its
       phrase names the other side */
    if (!nt && th >= 0 && !pass && !(c->off & NEWS_OBLIQUE))
        for (int k = c->kid[th]; k >= 0 && !nt; k = c->sib[k])
            if (rel(c, k, "nmod") && (!strcmp(prep_of(c, k), "WITH") || !strcmp(prep_of(c, k), "AGAINST") ||
                                      !strcmp(prep_of(c, k), "TO")) && oblique_ok(prep_of(c, k), code))
                nt = np_actors(c, k, T, 8);
#ifdef NEWS_DEBUG
    fprintf(stderr, "news: %s code %s pass %d src %s(%d actors%s%s) tgt %s(%d actors%s%s)\n", c->t[v].form, code, pass,
            sh >= 0 ? c->t[sh].form : "-", ns, ns ? " " : "", ns ? S[0].code : "",
            th >= 0 ? c->t[th].form : "-", nt, nt ? " " : "", nt ? T[0].code : "");
#endif
    /* "Germany said Italy attacked France": a party reporting another's hostile
       act accuses it (112); the act itself is the speaker's claim, not coded.
       Media and a speaker of the same country (an army reporting its own
       troops' arrests) report; their content is coded as it stands. */
    int r2 = (code[0] - '0') * 10 + (code[1] - '0');
    if (c->speaker[v] >= 0 && r2 >= 11 && ns) {
        actor P[4];
        int np = np_actors(c, c->speaker[v], P, 4);
        int made0 = c->nev;
        for (int i = 0; i < np; i++) {
            if (!has_entity(P[i].code) || strstr(P[i].code, "MED")) continue;
            for (int j = 0; j < ns; j++)
                if (has_entity(S[j].code) && strncmp(P[i].code, S[j].code, 3))
                    add_pair(c, &P[i], &S[j], "112", "---", v, pat);
        }
        if (c->nev > made0) return 1;
    }
    int root01 = code[0] == '0' && code[1] == '1';
    int made = c->nev;
    if (ns && nt) {
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < nt; j++) {
                /* a statement needs an addressee, and the media are none */
                if (root01 && (!from_obj || !addressee(c, v, th) ||
                               strstr(T[j].code, "MED") == T[j].code + 3 || !strncmp(T[j].code, "MED", 3)))
                    continue;
                add_pair(c, &S[i], &T[j], active, passive, v, pat);
            }
    } else if (ns > 1 && !nt && !(c->off & NEWS_SYMMETRIC) && is_code(active) && symmetric(c, v)) {
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < ns; j++)
                if (i != j) add_pair(c, &S[i], &S[j], active, "---", v, pat);
    }
    return c->nev > made || (ns && nt);
}

/* Visit v and then its dependents, heads before complements, so that a coded
** or negated verb can block the verbs it governs. */
static void visit(news_coder *c, int v, int depth) {
    if (depth > 60) return;
    int gave = 0;
    if (is_verb(c, v)) {
        gave = code_verb(c, v);
        int stop = gave || c->blocked[v] || negated(c, v) || irrealis(c, v) ||
                   in_list(c->L[v], irrealis_verbs);
        int sj = in_list(c->L[v], say_verbs) ? child(c, v, "nsubj") : -1;
        for (int k = c->kid[v]; k >= 0; k = c->sib[k]) {
            if (sj >= 0 && rel(c, k, "ccomp")) c->speaker[k] = sj;
            if (rel(c, k, "xcomp") && (stop || in_list(c->L[v], irrealis_verbs))) c->blocked[k] = 1;
            if (rel(c, k, "ccomp") && (c->blocked[v] || negated(c, v) || irrealis(c, v) ||
                                       in_list(c->L[v], irrealis_verbs)))
                c->blocked[k] = 1;
            if (rel(c, k, "conj") && c->blocked[v] && child(c, k, "nsubj") < 0) c->blocked[k] = 1;
            if (rel(c, k, "advcl") && in_list(c->L[v], irrealis_verbs)) c->blocked[k] = 1;
        }
    }
    /* "unable to contact", "likely to attack", "ready to sign": not done */
    if (upos(c, v, "ADJ"))
        for (int k = c->kid[v]; k >= 0; k = c->sib[k])
            if (rel(c, k, "xcomp")) c->blocked[k] = 1;
    for (int k = c->kid[v]; k >= 0; k = c->sib[k]) {
        if (rel(c, k, "xcomp") || rel(c, k, "ccomp")) {  /* their descendants inherit the block */
            if (c->blocked[v] && !upos(c, k, "VERB")) c->blocked[k] = 1;
        }
        visit(c, k, depth + 1);
    }
}

/* "The Indian government arrested protesters" parsed as one noun phrase:
** government/nsubj arrested/amod protesters/root, or police/compound
** arrested/amod protesters/root. A noun root with a subject (or a compounded
** noun) before an amod verb in the past is a clause: the verb becomes the
** root, the subject its subject, the noun its object. */
static void repair_participle_root(news_coder *c) {
    for (int r = 0; r < c->n; r++) {
        if (c->hd[r] >= 0 || !(upos(c, r, "NOUN") || upos(c, r, "PROPN"))) continue;
        int v = -1;
        for (int k = c->kid[r]; k >= 0; k = c->sib[k])
            if (rel(c, k, "amod") && upos(c, k, "VERB") && k < r && c->kid[k] < 0 &&
                (!strcmp(c->t[k].xpos, "VBD") || !strcmp(c->t[k].xpos, "VBN")))
                v = k;
        if (v < 0) continue;
        /* the subject: r's nsubj before v, else the noun compounded before v
           ("Georgian police/compound arrested/amod protesters") */
        int sj = child(c, r, "nsubj");
        if (sj < 0 || sj > v)
            for (int k = c->kid[r]; k >= 0; k = c->sib[k])
                if (k < v && rel(c, k, "compound") && (upos(c, k, "NOUN") || upos(c, k, "PROPN"))) sj = k;
        if (sj < 0 || sj > v) continue;
        for (int k = sj + 1; k < v; k++)       /* nothing but the subject's words before v */
            if (c->hd[k] != sj && c->hd[k] != r) return;
        int *kids = c->kid, *sib = c->sib;
        c->hd[v] = -1;
        c->t[v].deprel = "root";
        c->hd[sj] = v;
        c->t[sj].deprel = "nsubj";
        c->hd[r] = v;
        c->t[r].deprel = "obj";
        for (int i = 0; i < c->n; i++) kids[i] = sib[i] = -1;
        for (int i = c->n - 1; i >= 0; i--)
            if (c->hd[i] >= 0) { sib[i] = kids[c->hd[i]]; kids[c->hd[i]] = i; }
        return;
    }
}

dyad_status news_code(news_coder *c, dyad_sentence *s, const char *date,
                      const dyad_event **ev, int *nev) {
    if (!c || !s || !ev || !nev) return DYAD_EINVAL;
    *ev = NULL;
    *nev = 0;
    arena_reset(&c->mem);
    c->nev = 0;
    c->oom = 0;
    c->date = date ? dict_parse_iso_date(date) : 0;
    int n = dyad_sentence_len(s);
    if (n <= 0) return DYAD_OK;
    c->n = n;
    c->t = dyad_sentence_tokens(s);
    c->hd = arena_alloc(&c->mem, (size_t)n * sizeof *c->hd);
    c->kid = arena_alloc(&c->mem, (size_t)n * sizeof *c->kid);
    c->sib = arena_alloc(&c->mem, (size_t)n * sizeof *c->sib);
    c->W = arena_alloc(&c->mem, (size_t)n * sizeof *c->W);
    c->L = arena_alloc(&c->mem, (size_t)n * sizeof *c->L);
    c->blocked = arena_zalloc(&c->mem, (size_t)n);
    c->speaker = arena_alloc(&c->mem, (size_t)n * sizeof *c->speaker);
    if (c->speaker) for (int i = 0; i < n; i++) c->speaker[i] = -1;
    if (!c->hd || !c->kid || !c->sib || !c->W || !c->L || !c->blocked || !c->speaker) return DYAD_NOMEM;
    char buf[512];
    for (int i = 0; i < n; i++) {
        const dyad_token *t = &c->t[i];
        int h = t->head - 1;
        c->hd[i] = h >= 0 && h < n && h != i ? h : -1;
        c->kid[i] = c->sib[i] = -1;
        size_t k = dyad_fold_key(t->form, strlen(t->form), buf, sizeof buf);
        c->W[i] = arena_strndup(&c->mem, buf, k < sizeof buf ? k : sizeof buf - 1);
        const char *lm = t->lemma && strcmp(t->lemma, "_") ? t->lemma : t->form;
        k = dyad_fold_key(lm, strlen(lm), buf, sizeof buf);
        c->L[i] = arena_strndup(&c->mem, buf, k < sizeof buf ? k : sizeof buf - 1);
        if (!c->W[i] || !c->L[i]) return DYAD_NOMEM;
    }
    /* children in token order; a cycle (bad input) leaves its tokens unvisited */
    for (int i = n - 1; i >= 0; i--) {
        int h = c->hd[i];
        if (h < 0) continue;
        c->sib[i] = c->kid[h];
        c->kid[h] = i;
    }
    if (!strcmp(c->W[n - 1], "?")) return DYAD_OK;      /* a question reports nothing */
    repair_participle_root(c);
    for (int i = 0; i < n; i++)
        if (c->hd[i] < 0) visit(c, i, 0);
    if (c->oom) return DYAD_NOMEM;
    *ev = c->ev;
    *nev = c->nev;
    return DYAD_OK;
}
