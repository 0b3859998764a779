/*
** dict_int.h: private pieces shared by the dictionary modules (dict.c: the
** set, indexes and lookups; dict_read.c: line reading and errors;
** dict_verbs.c, dict_actors.c, dict_misc.c: one loader per format).
** Nothing here is seen by the coder: it reads src/dict.h.
*/
#ifndef DYAD_DICT_INT_H
#define DYAD_DICT_INT_H
#include "dict.h"
#include "arena.h"
#include <stdarg.h>

#define DICT_MAX_LINE 65536   /* longer physical lines are malformed */

/* A growable array of fixed-size items (dyad_realloc). */
typedef struct dvec { void *v; size_t n, cap, size; } dvec;
void *dvec_push(dvec *a);            /* zeroed new slot, NULL on no memory */
void  dvec_free(dvec *a);
#define DVEC(T) { NULL, 0, 0, sizeof(T) }
#define DV_AT(a, T, i) (((T *)(a).v)[i])

/* Open-addressing map: NUL-terminated string key -> uint32 value. Keys are
** borrowed (they live in the set's arena). */
typedef struct dmap { const char **keys; uint64_t *hv; size_t cap, n; } dmap;
int  dmap_put(dmap *m, const char *key, uint32_t val);   /* -1 no memory; replaces */
int  dmap_get(const dmap *m, const char *key, size_t len, uint32_t *val); /* 1 found */
void dmap_free(dmap *m);
uint64_t dict_hash(const char *z, size_t n);

/* Loading-time records kept until freeze. */
typedef struct actor_rec {
    uint32_t first_code, ncodes;
    const char *root;
    int unflushed;
} actor_rec;
typedef struct actor_ref { uint32_t actor, rec; } actor_ref;

struct dyad_dicts {
    unsigned flags;
    int frozen;
    void *map; size_t maplen;     /* loaded from a compiled cache (dict_cache.c) */
    arena A;                      /* every string and frozen array */
    char errmsg[1024];
    dvec diags;                   /* char * (arena) */
    size_t nskipped;
    dvec files;                   /* dyad_dict_stats */
    dict_verb_format vformat;
    /* actors */
    dvec actors;                  /* dict_actor (codes filled at freeze) */
    dvec acodes;                  /* dict_actor_code */
    dvec arecs;                   /* actor_rec */
    dvec arefs;                   /* actor_ref */
    dmap actor_map;               /* phrase -> actor index */
    const dict_actor **actor_first; size_t nactor_first; /* sorted for by_first */
    dmap actor_first_map;         /* first word -> start in actor_first */
    uint32_t *actor_first_cnt;    /* per group start: count; maxlen */
    /* agents */
    dvec agents;                  /* dict_agent */
    dmap agent_map;               /* phrase -> LAST agent index */
    const dict_agent **agent_first; size_t nagent_first;
    dmap agent_first_map;
    uint32_t *agent_first_cnt;
    /* verbs */
    dvec forms;                   /* dict_verb_form, file order; sorted at freeze */
    dict_verb_form *sforms;       /* sorted by word (stable) */
    dmap form_map;                /* word -> first index in sforms */
    dvec blocks;                  /* dict_block */
    dmap block_map;
    dvec patterns;                /* dict_pattern */
    dvec synsets;                 /* dict_synset (members in arena) */
    dmap synset_map;              /* name -> index */
    dvec transforms;              /* dict_transform */
    /* discards, issues */
    dvec discards;
    dmap discard_map;
    dvec issues;
    dmap issue_map;
};

/* One file being loaded. */
typedef struct dict_file {
    dyad_dicts *d;
    const char *path;             /* interned in the arena */
    dyad_dict_stats *st;          /* its stats slot (index stable: see fileno) */
    size_t fileno;
    char *buf; size_t len;        /* whole file (owned) */
    size_t pos;                   /* next byte */
    uint32_t lineno;              /* line number of the line last returned */
    int in_xml_comment;           /* §1.2 rule 3 state */
    char *line;                   /* last line returned (NUL-terminated, owned) */
    size_t linecap;
} dict_file;

/* Read the next physical line: CR stripped; checks size, NUL bytes and
** UTF-8. Returns 1 with f->line set, 0 at end of file, -1 on a fatal error
** (strict mode: message set). A malformed line in lenient mode is counted
** and skipped transparently. */
int dict_next_raw(dict_file *f);
/* The §1.2 comment-stripping reader (actors, agents, discards, issues):
** returns 1 with f->line holding the cleaned, trimmed content. */
int dict_next_clean(dict_file *f);
/* Report a malformed line f->lineno. Strict: sets the message, returns -1.
** Lenient: records a diagnostic, counts it, returns 0 (skip the line). */
int dict_bad(dict_file *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A lint warning (only kept with DYAD_DICT_LINT). */
void dict_lint(dyad_dicts *d, const char *file, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int dict_nomem(dyad_dicts *d);   /* sets "out of memory", returns -1 */
dyad_dict_stats *dict_stats_of(dict_file *f);

/* String helpers (all allocate from d->A; NULL on no memory). */
char *dict_strdup(dyad_dicts *d, const char *z, size_t n);
char *dict_trim(char *z);                    /* in place; returns start */
/* Split z[0..n) on blanks (and `_` if us) into words; stores words/seps in
** the arena. Returns the count (0 if none), -1 on no memory. Trailing `_`
** sets *trailing_us. */
int dict_split_words(dyad_dicts *d, const char *z, size_t n, int us,
                     const char ***words, uint8_t **sep, int *trailing_us);
char *dict_join(dyad_dicts *d, const char *const *w, size_t n);  /* single spaces */
void dict_evcode_parse(dyad_dicts *d, const char *z, size_t n, dict_evcode *c);

void dict_cache_unmap(dyad_dicts *d);

/* Loaders: return 0, or -1 with d->errmsg set (strict failure / no memory). */
int dict_load_verbs(dict_file *f, dict_verb_format fmt);
int dict_load_actors(dict_file *f);
int dict_load_agents(dict_file *f);
int dict_load_discards(dict_file *f);
int dict_load_issues(dict_file *f);
#endif
