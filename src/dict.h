/*
** dict.h: the loaded dictionary set (verbs, synsets, actors, agents, discards,
** issues) as the coder sees it. A set is built by the loaders in dict*.c,
** frozen by dyad_dicts_freeze(), and from then on is immutable: any number
** of threads may read it without locks. Formats: ../shared/docs/formats.md.
*/
#ifndef DYAD_DICT_H
#define DYAD_DICT_H
#include "dyad.h"
#include <stdint.h>

/*
** Conventions for everything below.
**   - Every string and array is BORROWED from the set and lives as long as it.
**   - Dictionary words keep the case they have in the file (formats.md §1.1:
**     a lower-case entry can never match an upper-cased sentence). Lookups
**     compare bytes exactly, so pass UPPER-CASE words.
**   - A phrase is its words joined by single spaces; `_` and blanks in the
**     source both separate words. sep[i] records what followed word i in the
**     file: '_' (P1/TABARI: the next word must be adjacent), ' ' (P1: words
**     may intervene) or 0 after the last word. P2 ignores sep entirely.
**   - Every entry carries its source as file (path as given) and 1-based line.
**   - Event codes are kept as written, never mapped to integers (that table,
**     formats.md §2.7, belongs to the coder).
*/

/* ------------------------------------------------------------------ dates */

/* Day ordinal used for every date comparison: Julian Day Number - 2305813,
** so 1601-01-01 == 1 (formats.md §4.3). 0 means "invalid date". */
int32_t dict_date_ordinal(int year, int month, int day);
/* A dictionary date: YYYYMMDD when longer than 7 characters, else YYMMDD with
** YY <= 30 meaning 20YY (so "2004017" reads as 2020-04-01, as P2 does).
** Returns the ordinal, or 0 if the text is not a valid date. */
int32_t dict_parse_date(const char *z, size_t n);
/* "YYYY-MM-DD" or "YYYYMMDD" (a sentence date) -> ordinal, 0 if invalid. */
int32_t dict_parse_iso_date(const char *z);

/* ----------------------------------------------------------------- actors */

typedef enum dict_date_kind {
    DICT_DATE_NONE = 0,  /* unrestricted code */
    DICT_DATE_BEFORE,    /* "<D":   to = D */
    DICT_DATE_AFTER,     /* ">D":   from = D */
    DICT_DATE_RANGE,     /* "A-B":  from = A, to = B */
    DICT_DATE_BARE       /* "D" alone: from = to = D (P2: always holds, §4.4) */
} dict_date_kind;

enum {
    DICT_CODE_PRIMARY   = 1, /* written on the primary line, not a tab line */
    DICT_CODE_UNFLUSHED = 2  /* from the last record of its file, which P1 and
                                P2 never store (formats.md §4.2 QUIRK) */
};

typedef struct dict_actor_code {
    const char *code;      /* "RUSGOV", "pse", "---": as written */
    const char *dates;     /* restriction with blanks removed ("<950601",
                              "19950601-19990815"); "" when unrestricted */
    uint8_t kind;          /* dict_date_kind */
    uint8_t flags;         /* DICT_CODE_* */
    int32_t from, to;      /* ordinals, see dict_date_kind (0 = unused) */
    uint32_t record;       /* index of its record (see dict_actor.root) */
    const char *file;
    uint32_t line;
} dict_actor_code;

enum {
    DICT_ACT_SYNONYM   = 1, /* first written as a `+` synonym line */
    DICT_ACT_UNFLUSHED = 2  /* appears only in the last record of its file(s):
                               P1/P2 would not know this phrase at all */
};

typedef struct dict_actor {
    const char *phrase;          /* "VLADIMIR PUTIN" (trailing `_` dropped) */
    const char *const *words;    /* nwords words */
    const uint8_t *sep;          /* see conventions */
    uint16_t nwords;
    uint16_t flags;              /* DICT_ACT_* */
    const dict_actor_code *codes;/* the code lists of every record naming this
                                    phrase, concatenated in load order (§4.1) */
    uint32_t ncodes;
    const char *root;            /* primary phrase of the first record */
    const char *file;            /* where the phrase is first written */
    uint32_t line;
} dict_actor;

/* Exact phrase (words separated by single spaces). NULL if absent. */
const dict_actor *dict_actor_get(const dyad_dicts *d, const char *phrase);

/* Longest actor phrase equal to words[start], words[start+1], ... (P2, §8.3).
** With need_codes, entries whose code list is empty are passed over (P2 then
** tries shorter prefixes). Returns NULL if none; *len = words matched. */
const dict_actor *dict_actor_match(const dyad_dicts *d, const char *const *words,
                                   size_t nwords, size_t start, int need_codes,
                                   size_t *len);

/* Every actor phrase whose first word is `word`, longest first, then in file
** order (P1's candidate order, §13.3; use sep[] for its gaps). *n = count. */
const dict_actor *const *dict_actors_by_first(const dyad_dicts *d, const char *word,
                                              size_t *n);

/* P2's choice (§4.4): the first code in list order whose condition holds on
** ordinal `date` (no dates: always; <D: d<D; >D: d>=D; bare D: always;
** A-B: A<=d<B). NULL if none holds: P2 then matches with an empty code. */
const dict_actor_code *dict_actor_code_p2(const dict_actor *a, int32_t date);
/* P1/TABARI's choice (§13.3): restricted codes in file order with inclusive
** bounds; else the last unrestricted code; else NULL (meaning `---`). */
const dict_actor_code *dict_actor_code_p1(const dict_actor *a, int32_t date);

/* ----------------------------------------------------------------- agents */

enum {
    DICT_AGT_PLURAL   = 1, /* a plural: generated (§1.4) or listed in {...} */
    DICT_AGT_SUBST    = 2, /* made by splicing a !SET! item (§5 rule 4) */
    DICT_AGT_LISTED   = 4  /* plural came from {...} */
};

typedef struct dict_agent {
    const char *phrase;          /* "ATTORNEYS GENERAL" */
    const char *const *words;
    const uint8_t *sep;
    uint16_t nwords;
    uint16_t flags;              /* DICT_AGT_* */
    const char *code;            /* "~GOV", "NGO~", "~COP" (trimmed) */
    const char *file;
    uint32_t line;
} dict_agent;

/* Same contracts as the actor functions. A phrase defined twice resolves to
** its LAST definition (P2 assignment, §5 rule 7). */
const dict_agent *dict_agent_get(const dyad_dicts *d, const char *phrase);
const dict_agent *dict_agent_match(const dyad_dicts *d, const char *const *words,
                                   size_t nwords, size_t start, size_t *len);
const dict_agent *const *dict_agents_by_first(const dyad_dicts *d, const char *word,
                                              size_t *n);

/* ------------------------------------------------------------------ verbs */

typedef enum dict_verb_format {
    DICT_VERBS_NONE = 0,   /* no verb file loaded */
    DICT_VERBS_CAMEO2,     /* PETRARCH-2: CAMEO.2.0.txt, PETR.Validate.verbs.2.0.txt */
    DICT_VERBS_LEGACY      /* PETRARCH-1/TABARI: PETR.Validate.verbs.txt,
                              CAMEO.verbpatterns.150430.txt */
} dict_verb_format;

/* An event code as written: "032:033" -> active "032", passive "033";
** "020" -> "020", "---"; ":1234" -> "---", "1234"; "" or missing -> "---". */
typedef struct dict_evcode {
    const char *text;      /* between the brackets, e.g. "032:033", "+++" */
    const char *active;
    const char *passive;
} dict_evcode;

enum {
    DICT_VF_STEM      = 1,  /* the first token of its verb line (P1 stores it
                               only for the block's primary line, §13.4) */
    DICT_VF_LISTED    = 2,  /* listed in {...} on the line */
    DICT_VF_GENERATED = 4,  /* a regular form we generated (§2.5 / §13.4) */
    DICT_VF_PRIMARY   = 8   /* its line is the block's first verb line (P1's
                               "primary verb", §13.4) */
};

typedef struct dict_verb_form {
    const char *word;            /* the key: the verb word itself ("BEEFED") */
    const char *const *front;    /* words before the verb ("WIRE" of WIRE_+TAP) */
    const char *const *back;     /* particles after it ("UP" of +BEEF_UP) */
    uint8_t nfront, nback;
    uint16_t flags;              /* DICT_VF_* */
    dict_evcode code;            /* the line's [CODE], else the block's code */
    uint32_t block;              /* index into dict_blocks() */
    const char *file;
    uint32_t line;
} dict_verb_form;

/* Every form keyed on `word`, in file order (CAMEO2 files: P2 keeps the
** FIRST definition of a path; legacy: P1 lets a later block win, and tries
** the latest multi-word entry first). *n = count; NULL when there is none.
** The returned forms are contiguous and sorted by nothing but file order. */
const dict_verb_form *dict_verb_forms(const dyad_dicts *d, const char *word, size_t *n);

/* P2's lookup (§2.6): the form keyed on `word` whose particle words (back)
** equal a prefix walk of particles[0..np) (each particle may be used or
** skipped in order), preferring the longest match and, among equals, the
** first in the file; front words are not checked. With np = 0 this is the
** plain verb's entry. NULL if the verb is unknown or exists only in compounds. */
const dict_verb_form *dict_verb_lookup(const dyad_dicts *d, const char *word,
                                       const char *const *particles, size_t np);

typedef enum dict_ptok_kind {
    DICT_PT_WORD = 0,  /* a literal word (P2: also any token holding `_`) */
    DICT_PT_SYNSET,    /* &NAME: synset index in .synset (-1 if undefined) */
    DICT_PT_SOURCE,    /* $ */
    DICT_PT_TARGET,    /* + */
    DICT_PT_COMPOUND,  /* % */
    DICT_PT_SKIP,      /* ^ */
    DICT_PT_PP_OPEN,   /* "(" of a prepositional phrase (CAMEO2) */
    DICT_PT_PP_CLOSE,  /* ")" */
    DICT_PT_NP_OPEN,   /* "{" of a noun phrase (CAMEO2) */
    DICT_PT_NP_CLOSE   /* "}" */
} dict_ptok_kind;

typedef struct dict_ptok {
    uint8_t kind;          /* dict_ptok_kind */
    uint8_t sep;           /* the separator on its VERB side: for an upper
                              token the one after it (the last upper token:
                              the one before `*`), for a lower token the one
                              before it (the first: the one after `*`).
                              '_' = must be adjacent (P1), ' ' = words may
                              intervene. CAMEO2 patterns: always ' '. */
    int32_t synset;        /* DICT_PT_SYNSET: index, -1 undefined */
    const char *text;      /* as written: "POLICE", "&MILITARY", "$", "(" */
} dict_ptok;

enum {
    DICT_PAT_P2_IGNORED = 1, /* after a `<!` line: P2 records no patterns (§2.2) */
    DICT_PAT_UNDEF_SYN  = 2, /* uses an undefined synset (P1 drops it, §13.4) */
    DICT_PAT_BRACE_P1   = 4  /* legacy pattern holding `{`: P1 drops it */
};

typedef struct dict_pattern {
    const dict_ptok *upper;      /* before `*`, in written order */
    const dict_ptok *lower;      /* after `*`, code excluded */
    uint16_t nupper, nlower;
    uint16_t flags;              /* DICT_PAT_* */
    dict_evcode code;
    uint32_t block;
    const char *text;            /* the line after `-`, before `#`, trimmed */
    const char *file;
    uint32_t line;
} dict_pattern;

typedef struct dict_block {
    const char *name;            /* "ACCELERATE", "EXPLAIN_VERBAL" */
    dict_evcode code;            /* header code (legacy: first bracket, `---` if none) */
    const char *primary;         /* word of the first verb line (P1 primary), or NULL */
    uint8_t format;              /* dict_verb_format of its file */
    uint32_t first_pattern, npatterns; /* slice of dict_patterns() */
    const char *file;
    uint32_t line;
} dict_block;

const dict_block   *dict_blocks(const dyad_dicts *d, size_t *n);
const dict_pattern *dict_patterns(const dyad_dicts *d, size_t *n);
/* The block whose name is `name` (first one if repeated); NULL if none. */
const dict_block *dict_block_get(const dyad_dicts *d, const char *name);
/* The format of the (first) verb file loaded. */
dict_verb_format dict_verbs_format(const dyad_dicts *d);

/* --------------------------------------------------------------- synsets */

typedef struct dict_syn_member {
    const char *text;            /* after `+`, trimmed, as written ("CASH_") */
    const char *const *words;    /* split on `_` and blanks, empties dropped */
    const uint8_t *sep;
    uint16_t nwords;
    uint8_t trailing_us;         /* text ended in `_` */
    int32_t nested;              /* member is `&NAME`: that synset's index, else -1
                                    (P1 reads such a member as the literal word
                                    `&NAME`, §13.4: use members, not flat) */
    const char *plural;          /* §1.4 / §13.4 rule of the file's format; NULL if none */
    const char *file;
    uint32_t line;
} dict_syn_member;

typedef struct dict_synset {
    const char *name;            /* as written, with `&` and any trailing `_` */
    const dict_syn_member *members;   /* as written, in order */
    uint32_t nmembers;
    const dict_syn_member *const *flat; /* nested synsets expanded (cycle-safe),
                                           duplicates kept, in order */
    uint32_t nflat;
    const char *file;
    uint32_t line;
} dict_synset;

/* By name: "&CURRENCY" or "CURRENCY"; also tries the name with/without a
** trailing `_`. NULL if undefined. */
const dict_synset *dict_synset_get(const dyad_dicts *d, const char *name);
const dict_synset *dict_synsets(const dyad_dicts *d, size_t *n);

/* -------------------------------------------------------- transformations */

typedef struct dict_transform {
    const char *text;            /* after `~`, before `#`, trimmed */
    const char *lhs, *rhs;       /* split at `=`, trimmed, parentheses kept */
    const char *file;
    uint32_t line;
} dict_transform;
const dict_transform *dict_transforms(const dyad_dicts *d, size_t *n);

/* ------------------------------------------------------ discards, issues */

typedef struct dict_discard {
    const char *phrase;          /* upper-cased, single spaces ("MONTHS LATER") */
    const char *const *words;
    uint16_t nwords;
    uint8_t story;               /* 1: `+` story discard, 0: sentence discard */
    const char *file;
    uint32_t line;
} dict_discard;
const dict_discard *dict_discards(const dyad_dicts *d, size_t *n);
/* Exact phrase (upper case, single spaces); NULL if absent. */
const dict_discard *dict_discard_get(const dyad_dicts *d, const char *phrase);

typedef enum dict_issue_kind {
    DICT_ISSUE = 0,         /* phrase -> code */
    DICT_ISSUE_IGNORE,      /* `~`: clears the sentence's issues */
    DICT_ISSUE_IGNORE_STORY /* `~~` */
} dict_issue_kind;

typedef struct dict_issue {
    const char *phrase;          /* ONE expansion (§7), upper case, single spaces */
    const char *const *words;
    uint16_t nwords;
    uint8_t kind;                /* dict_issue_kind */
    const char *code;            /* "SCHOOLS"; "" for ignore phrases */
    const char *category;        /* CATEGORY of the enclosing <ISSUE>, or "" */
    const char *file;
    uint32_t line;
} dict_issue;
const dict_issue *dict_issues(const dyad_dicts *d, size_t *n);
/* First issue entry (expansion) equal to the phrase; NULL if absent. */
const dict_issue *dict_issue_get(const dyad_dicts *d, const char *phrase);

#endif /* DYAD_DICT_H */
