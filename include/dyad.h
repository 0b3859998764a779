/*
** dyad.h: the public interface of libdyad, news text to CAMEO event data.
**
** This header is the reference manual: anything not declared here is not API.
** The pipeline is   ingest -> segment -> tag+parse -> code -> resolve -> write
** and each stage has one section below.
**
** Conventions that hold for the whole header:
**   - Functions that can fail return dyad_status (DYAD_OK == 0). Details of the
**     last failure are available from the handle (dyad_*_errmsg) when one exists.
**   - Text is passed as pointer + length and is never assumed NUL-terminated,
**     unless a parameter is documented as a C string (`const char *z`).
**   - Pointers returned by a handle are BORROWED: valid until the handle is
**     changed or freed, unless a comment says OWNED (free with dyad_free).
**   - Every free/close function accepts NULL.
**   - The library never prints, exits or aborts because of bad input.
*/
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

/* ---------------------------------------------------------------- common */

typedef enum dyad_status {
    DYAD_OK = 0,
    DYAD_NOMEM,      /* allocation failed */
    DYAD_EINVAL,     /* invalid argument */
    DYAD_EIO,        /* file missing, unreadable, or a directory */
    DYAD_EPARSE,     /* malformed input (message says file:line) */
    DYAD_ENOTFOUND,  /* lookup found nothing */
    DYAD_ECORRUPT,   /* bad magic, version or checksum (model, cache) */
    DYAD_ELIMIT      /* input over a configured limit */
} dyad_status;

/** A static English description of a status. Never NULL. */
const char *dyad_strerror(dyad_status st);

/** The library version string (DYAD_VERSION of the build). */
const char *dyad_version(void);

/** Allocation wrappers every module uses; dyad_free accepts NULL. Memory
** handed to the caller as OWNED is released with dyad_free. */
void *dyad_malloc(size_t n);
void *dyad_calloc(size_t n, size_t size);
void *dyad_realloc(void *p, size_t n);
void  dyad_free(void *p);

/** Test hook: make the Nth allocation from now fail (0 disables). */
void dyad_alloc_fail_after(long n);

/* ----------------------------------------------------------- dictionaries */
/* (dict section: the loaded structures the coder reads are in src/dict.h) */
/* A dictionary set: the verb, actor, agent, discard and issue files, loaded
** as published (formats: docs/dictionaries.md). Build it with
** dyad_dicts_new + dyad_dicts_add_* + dyad_dicts_freeze (or dyad_dicts_open);
** once frozen it is immutable and may be shared read-only by any number of
** threads. Malformed lines are reported as "file:line: message". */
typedef struct dyad_dicts dyad_dicts;

enum {
    DYAD_DICT_LENIENT = 1,  /* skip malformed lines (each is counted and kept
                               as a diagnostic) instead of failing */
    DYAD_DICT_LINT    = 2   /* also record lint warnings: duplicate entries,
                               conflicting codes, undefined synsets */
};

typedef enum dyad_dict_kind {
    DYAD_DK_AUTO = 0,       /* guess from the file name, then the content */
    DYAD_DK_VERBS,          /* either verb format, detected from the content */
    DYAD_DK_VERBS_CAMEO2,   /* PETRARCH-2 verb format (CAMEO.2.0.txt) */
    DYAD_DK_VERBS_LEGACY,   /* PETRARCH-1/TABARI verb format */
    DYAD_DK_ACTORS,
    DYAD_DK_AGENTS,
    DYAD_DK_DISCARDS,
    DYAD_DK_ISSUES
} dyad_dict_kind;

/** A new, empty set (OWNED: dyad_dicts_free). NULL on no memory. */
dyad_dicts *dyad_dicts_new(unsigned flags);
void dyad_dicts_free(dyad_dicts *d);
/** Load one file. DYAD_EIO if it cannot be read, DYAD_EPARSE on a malformed
** line (strict mode), DYAD_EINVAL if frozen or the kind cannot be guessed.
** The message is in dyad_dicts_errmsg. */
dyad_status dyad_dicts_add_file(dyad_dicts *d, const char *path, dyad_dict_kind kind);
/** Load a named set from a folder: "production" (NULL too: CAMEO.2.0.txt, the
** three Phoenix.*.actors.txt, Phoenix.agents.txt, Phoenix.discards.txt,
** Phoenix.IssueCoding.txt: P2's defaults) or "validate" (PETR.Validate.*.txt). */
dyad_status dyad_dicts_add_dir(dyad_dicts *d, const char *dir, const char *set);
/** Build the indexes; afterwards the set is read-only. Idempotent. */
dyad_status dyad_dicts_freeze(dyad_dicts *d);
/** new + add_dir + freeze. *out is set even on failure (for the message). */
dyad_status dyad_dicts_open(const char *dir, const char *set, unsigned flags,
                            dyad_dicts **out);
/** The last failure as "file:line: message" (or a plain message); "" if none. */
const char *dyad_dicts_errmsg(const dyad_dicts *d);
/** Diagnostics collected so far ("file:line: message"): malformed lines
** skipped in lenient mode, and lint warnings with DYAD_DICT_LINT. */
size_t dyad_dicts_ndiag(const dyad_dicts *d);
const char *dyad_dicts_diag(const dyad_dicts *d, size_t i);
/** Number of malformed lines skipped (lenient mode). */
size_t dyad_dicts_nskipped(const dyad_dicts *d);

/* Per-file statistics. */
typedef struct dyad_dict_stats {
    const char *file;       /* path as given */
    const char *kind;       /* "verbs (CAMEO 2.0)", "verbs (legacy)", "actors", ... */
    uint32_t lines;         /* physical lines */
    uint32_t verbs;         /* verb lines (entries) */
    uint32_t forms;         /* verb forms stored, generated ones included */
    uint32_t blocks;        /* `---` verb blocks */
    uint32_t patterns;      /* pattern lines */
    uint32_t synsets;       /* &NAME synonym sets */
    uint32_t members;       /* synset members */
    uint32_t transforms;    /* `~` transformation lines */
    uint32_t actors;        /* actor records (primary lines) */
    uint32_t synonyms;      /* `+` synonym phrases */
    uint32_t codes;         /* actor codes, dated ones included */
    uint32_t dated;         /* date-restricted actor codes */
    uint32_t agents;        /* agent lines (entries written in the file) */
    uint32_t agent_forms;   /* agent phrases stored (plurals, substitutions) */
    uint32_t subst_sets;    /* !NAME! = ... substitution sets */
    uint32_t discards;      /* discard entries */
    uint32_t issues;        /* issue lines with a code */
    uint32_t issue_ignores; /* `~` / `~~` ignore phrases */
    uint32_t skipped;       /* malformed lines skipped (lenient) */
} dyad_dict_stats;
size_t dyad_dicts_nfiles(const dyad_dicts *d);
const dyad_dict_stats *dyad_dicts_file_stats(const dyad_dicts *d, size_t i);

/* Lookup for people (the CLI): everything PHRASE resolves to. */
typedef struct dyad_dict_hit {
    const char *what;       /* "actor", "agent", "verb", "synset", "discard", "issue", "block" */
    const char *phrase;     /* the entry as stored */
    const char *code;       /* the code (for an actor: the one valid on the date) */
    const char *detail;     /* e.g. "19991231-080507 (P2 and P1 agree)"; may be "" */
    const char *file;
    uint32_t line;
} dyad_dict_hit;
typedef void (*dyad_dict_hit_fn)(void *ctx, const dyad_dict_hit *hit);
/** Call fn for each entry the (case-insensitive) phrase names, on `date`
** ("YYYY-MM-DD"; NULL = today's rules do not apply, all codes listed).
** DYAD_ENOTFOUND if there was none, DYAD_EINVAL for a bad date. */
dyad_status dyad_dicts_lookup(const dyad_dicts *d, const char *phrase,
                              const char *date, dyad_dict_hit_fn fn, void *ctx);

/** Write a compiled cache of a frozen set to `path` (EIO on failure). */
dyad_status dyad_dicts_compile(const dyad_dicts *d, const char *path);

/* ------------------------------------------------------- tag and parse   */
/* A sentence is tokens + a Universal Dependencies tree: the one internal
** representation every later stage reads, whether the tree came from our
** parser, a CoNLL-U file, or a Penn Treebank tree converted by head rules.
** Strings are owned by the sentence (its arena) and freed with it. */

typedef struct dyad_token {
    const char *form;     /* surface form, UTF-8 */
    const char *lemma;    /* lemma ("_" if unknown) */
    const char *upos;     /* UD universal POS ("_" if unknown) */
    const char *xpos;     /* Penn Treebank tag ("_" if unknown) */
    const char *feats;    /* UD features "A=B|C=D" ("_" if none) */
    const char *deprel;   /* UD relation, with subtype ("nsubj:pass") */
    const char *misc;     /* CoNLL-U MISC column ("_" if none) */
    int head;             /* head token, 1-based; 0 = root; -1 = unattached */
    uint32_t start, end;  /* byte span in the source text (0,0 if unknown) */
} dyad_token;

typedef struct dyad_sentence dyad_sentence;  /* opaque owner of the tokens */

/** A new empty sentence (OWNED: dyad_sentence_free). NULL on no memory. */
dyad_sentence *dyad_sentence_new(void);
void dyad_sentence_free(dyad_sentence *s);
/** Remove all tokens and comments; keeps the memory for reuse. */
void dyad_sentence_clear(dyad_sentence *s);
/** Number of tokens, and the token array (BORROWED, index 0 = token 1). */
int dyad_sentence_len(const dyad_sentence *s);
dyad_token *dyad_sentence_tokens(dyad_sentence *s);
/** Append a token; the strings are copied (NULL means "_"). */
dyad_status dyad_sentence_add(dyad_sentence *s, const dyad_token *t);
/** Copy a string into the sentence's arena (for filling token fields). */
const char *dyad_sentence_strdup(dyad_sentence *s, const char *z, size_t n);
/** The sentence id / text comments of CoNLL-U ("# sent_id", "# text"); may be NULL. */
const char *dyad_sentence_id(const dyad_sentence *s);
const char *dyad_sentence_text(const dyad_sentence *s);
dyad_status dyad_sentence_set_id(dyad_sentence *s, const char *z);
dyad_status dyad_sentence_set_text(dyad_sentence *s, const char *z);

/* -------------------------------------------------------------- coder    */

/* ------------------------------------------------------------- ingest    */

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
