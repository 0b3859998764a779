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
/* (dict section: see src/dict.h for the implementation notes)            */

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
