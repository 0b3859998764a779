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
/** A copy of C string z (OWNED: dyad_free); NULL on no memory. */
char *dyad_strdup(const char *z);

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

/** Write a compiled cache of a frozen set to `path` (EIO on failure). It
** records each source file's size and mtime. */
dyad_status dyad_dicts_compile(const dyad_dicts *d, const char *path);
/** Load a compiled cache (mmap). DYAD_EIO if missing; DYAD_ECORRUPT if it is
** not a cache, was made by another build, is damaged, or is stale (a source
** file changed: the message says which). *out is set even on failure. */
dyad_status dyad_dicts_open_compiled(const char *path, dyad_dicts **out);

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

/* CoNLL-U (https://universaldependencies.org/format.html). A reader walks a
** buffer sentence by sentence. Kept per word: ID order, FORM, LEMMA, UPOS,
** XPOS, FEATS, HEAD, DEPREL, MISC, and the "# sent_id" / "# text" comments
** ("# newdoc id" is kept by the reader: dyad_conllu_doc);
** multiword-token lines (1-2), empty nodes (1.1), DEPS and other comments
** are skipped. Heads given as "_" read as -1 (unattached). A sentence whose
** heads are out of range, partial or cyclic, with a bad ID sequence, wrong
** column count, invalid UTF-8, NUL byte or a line over 1 MiB is an error
** (DYAD_EPARSE, errmsg "name:line: what"); the reader then skips to the next
** blank line, so the caller may go on reading. */
typedef struct dyad_conllu dyad_conllu;
enum { DYAD_CONLLU_AUTO = 0,  /* CoNLL-U if the first data line starts "N\t" */
       DYAD_CONLLU_CONLLU = 1,
       DYAD_CONLLU_TEXT = 2 }; /* tokenized text: a sentence a line, tokens
                                  separated by spaces/tabs */
/** Open a file (path NULL or "-" = stdin), read whole. *out OWNED. */
dyad_status dyad_conllu_open(const char *path, int mode, dyad_conllu **out);
/** Read from memory (copied); `name` (may be NULL) prefixes error messages. */
dyad_status dyad_conllu_open_mem(const char *buf, size_t n, const char *name, int mode,
                                 dyad_conllu **out);
/** Next sentence into s (cleared first): *got = 1, or 0 at the end. */
dyad_status dyad_conllu_next(dyad_conllu *r, dyad_sentence *s, int *got);
/** The last error ("name:line: message"), "" if none. Never NULL. */
const char *dyad_conllu_errmsg(const dyad_conllu *r);
/** The id of the document of the last sentence read: the latest "# newdoc
** id = X" comment (truncated to 255 bytes), "" if none or "# newdoc" alone. */
const char *dyad_conllu_doc(const dyad_conllu *r);
/** 1-based line number where the last sentence read started. */
long dyad_conllu_line(const dyad_conllu *r);
void dyad_conllu_close(dyad_conllu *r);
/** Write s as CoNLL-U (with sent_id/text comments and a closing blank line). */
dyad_status dyad_conllu_write(FILE *f, dyad_sentence *s);
/** Check that s's heads form one tree: each head in 0..n, no cycle, exactly
** one root. DYAD_OK or DYAD_EPARSE. */
dyad_status dyad_sentence_check_tree(dyad_sentence *s);

/* The tagger, lemmatizer and parser: one model file (see docs/parser.md).
** Loading checks magic, version, size and checksum: DYAD_ECORRUPT otherwise. */
typedef struct dyad_model dyad_model;
dyad_status dyad_model_load(const char *path, dyad_model **out, char *err, size_t errlen);
void dyad_model_free(dyad_model *m);
/** Tag (UPOS, XPOS, lemma, FEATS) and parse (HEAD, DEPREL) s in place; only
** the forms are read. Safe to call from several threads on one model. */
dyad_status dyad_parse_sentence(const dyad_model *m, dyad_sentence *s);
/** Tag only (UPOS, XPOS, lemma, FEATS). */
dyad_status dyad_tag_sentence(const dyad_model *m, dyad_sentence *s);

typedef struct dyad_train_opts {
    int tag_epochs, parse_epochs, folds; /* 0 = defaults */
    float prune;  /* drop parser weights below this magnitude (0 = default) */
    void (*progress)(const char *msg, void *ctx); /* may be NULL */
    void *ctx;
    int projectivize; /* lift the arcs of non-projective training trees (else such trees are skipped) */
    const char *unlabeled; /* feature set 5: raw text (one chunk a line) for the word classes, or NULL */
    /* more treebanks, each a NULL-terminated list or NULL: training files read
    ** after train_path, in order (a file listed twice counts twice), and dev
    ** files read after dev_path (model selection on all of them) */
    const char *const *train_more, *const *dev_more;
    /* the parser's weight of each training file (train_path, then train_more),
    ** or NULL for 1 each: every epoch the parser learns from each sentence of
    ** a file of weight w < 1 with probability w (0: never); the taggers, the
    ** lexicon and the word classes learn from every sentence, and the news
    ** attribution copies always count (docs/parser.md) */
    const double *train_weight;
} dyad_train_opts;
/** Train a model from CoNLL-U files (dev may be NULL: used to report
** figures through progress) and write it to out_path. Deterministic. */
dyad_status dyad_train(const char *train_path, const char *dev_path, const char *out_path,
                       const dyad_train_opts *o, char *err, size_t errlen);
/** The same with a feature set: 1 = base (dyad_train), 2 = also ambiguity
** classes in the tagger and word suffixes in the parser, 3 = also ambiguity
** classes in the parser, 4 = also the tagger's runner-up tags in the parser,
** 5 = also word classes learned from unlabeled text (opts->unlabeled) in the
** tagger and the parser (docs/parser.md). */
dyad_status dyad_train_features(const char *train_path, const char *dev_path, const char *out_path,
                                const dyad_train_opts *o, int features, char *err, size_t errlen);

/* -------------------------------------------------------------- coder    */
/* Penn Treebank trees (penn.c). A bracketed tree is read into a sentence:
** tokens (form, Penn tag as xpos, UPOS) and a UD-style dependency tree made
** by our head rules (docs/penn-to-ud.md). The phrase structure itself can be
** kept beside it in a dyad_phrases, which the coder uses when present. */
typedef struct dyad_phrases dyad_phrases;
/** A new empty phrase structure (OWNED: dyad_phrases_free). NULL on no memory. */
dyad_phrases *dyad_phrases_new(void);
void dyad_phrases_free(dyad_phrases *p);
/** Number of nodes (0 when empty or NULL). */
int dyad_phrases_len(const dyad_phrases *p);
/** Read one bracketed tree z[0..n) into s (cleared first) and, if ps is not
** NULL, ps. "(ROOT (S ...))" and "( (S ...))" are both accepted. Unbalanced
** brackets, text after the tree, NUL bytes and an empty tree give
** DYAD_EPARSE; over PT limits (4 MiB, depth 400, 20000 words) DYAD_ELIMIT;
** err (may be NULL) gets a message with the byte offset. */
dyad_status dyad_penn_read(const char *z, size_t n, dyad_sentence *s, dyad_phrases *ps,
                           char *err, size_t nerr);

/* Coding options: the <Config> records of validation files (formats.md §9.3,
** §13.2). dyad_code_opts_default gives P1's defaults. */
typedef struct dyad_code_opts {
    int require_dyad;              /* 1: drop events with a `---` side */
    int new_actor_length;          /* >0: null NEs of <= N words become "WORDS" */
    int comma_min, comma_max;      /* internal comma clauses (max 0: off) */
    int comma_bmin, comma_bmax;    /* initial clause (bmax 0: off) */
    int comma_emin, comma_emax;    /* terminal clause (emax 0: off) */
    int pronouns;                  /* 1: bind HE/HIM/HIMSELF... to an antecedent
                                      NP (formats.md §8.3); P1 does not (0) */
    int negation;                  /* 1: a verb right after NOT/N'T/NEVER gives no
                                      event unless a pattern matched; P1: 0 */
} dyad_code_opts;
void dyad_code_opts_default(dyad_code_opts *o);

/* Validation files (valxml.c, formats.md §9): <Environment>, <Config> and
** <Sentence> records, read with libxml2 after a pre-pass that repairs the
** quirks of real files (self-closed <Sentence/> followed by content, `#`
** text outside comments, spaces around `=`). UniversalPetrarch's dialect is
** read too: evaluate="true" marks the records to run, and an <Environment>
** dictionary entry may list several files separated by commas. */
typedef struct dyad_triple { const char *source, *target, *code; } dyad_triple;

typedef struct dyad_valrecord {
    const char *id, *category, *date;  /* date normalised to YYYYMMDD */
    int date_ok;                       /* date is a real calendar day (not 2099-99-99) */
    const char *text, *parse;          /* "" when absent */
    int line;                          /* line of <Sentence> in the file */
    int sentence;                      /* to be run: evaluate="true" (UniversalPetrarch) or,
                                          without that attribute, sentence="true" (any case) */
    int included;                      /* category in <Include> (or no Include) */
    int noevents;                      /* noevents="True" */
    const char *error;                 /* error="TYPE", else NULL */
    int nexpected;
    const dyad_triple *expected;       /* as written in the file */
    dyad_code_opts opts;               /* options in force for this record */
} dyad_valrecord;

typedef struct dyad_valfile dyad_valfile;
/** Read a validation file (OWNED: dyad_valfile_free). On failure *out may
** still be set; the message ("file:line: message") is in err. */
dyad_status dyad_valfile_read(const char *path, dyad_valfile **out, char *err, size_t nerr);
void dyad_valfile_free(dyad_valfile *v);
int dyad_valfile_count(const dyad_valfile *v);
const dyad_valrecord *dyad_valfile_record(const dyad_valfile *v, int i);
/** An <Environment> element's text ("Verbfile", "Actorfile", ...); NULL if absent.
** As written: "A.txt, B.txt" names two files (split on commas, spaces trimmed). */
const char *dyad_valfile_env(const dyad_valfile *v, const char *name);
/** The first record whose id equals `id` after normalisation (upper case,
** `_` and `-` equal); NULL if none. */
const dyad_valrecord *dyad_valfile_find(const dyad_valfile *v, const char *id);

/* The event coder (code*.c): PETRARCH-1's coding of a sentence (formats.md
** §13), run on the phrase structure given with the sentence or rebuilt from
** its UD tree. Each event carries its evidence. */
typedef struct dyad_event {
    const char *source, *target, *code;   /* "ARNGOV", "---", "\"INJURY TOLL\"", "064" */
    int src_start, src_end;     /* token span of the source NE (0-based, end
                                   exclusive); -1 when it has no tokens */
    int tgt_start, tgt_end;
    int verb_start, verb_end;
    const char *src_entry;      /* actor/agent entries as "file:line[+file:line]", or "" */
    const char *tgt_entry;
    const char *pattern;        /* "file:line" of the pattern, else of the verb form */
} dyad_event;

typedef struct dyad_coder dyad_coder;
/** A coder over a frozen dictionary set (BORROWED: must outlive the coder).
** OWNED: dyad_coder_free. NULL on no memory. */
dyad_coder *dyad_coder_new(const dyad_dicts *d);
void dyad_coder_free(dyad_coder *c);
/** Code one sentence dated `date` (YYYYMMDD). ps may be NULL (the UD tree of
** s is used); text (may be NULL) is used for discards only. On DYAD_OK,
** *ev and *nev hold the events (BORROWED until the next call) and *note is NULL
** or the record-level outcome: "bad_input_parse", "dateline",
** "sentencediscard", "storydiscard". */
dyad_status dyad_code_sentence(dyad_coder *c, dyad_sentence *s, const dyad_phrases *ps,
                               const char *date, const char *text,
                               const dyad_code_opts *o, const dyad_event **ev,
                               int *nev, const char **note);
/** The issues of a sentence's text (formats.md §7; the issues file of the
** dictionary set): "CODE,n;CODE,n" in order of appearance, "" when none or
** when an ignore phrase occurs. BORROWED until the next call on c. */
const char *dyad_code_issues(dyad_coder *c, const char *text);


/* ------------------------------------------------------------- ingest    */
/* Ingest reads article files one article at a time (memory stays flat
** however large the input), normalizes the text (UTF-8 repaired, NFC,
** typographic punctuation to ASCII), and segments it into sentences and
** tokens as byte spans into that normalized text. Details: docs/ingest.md. */

/** Text normalization options (bit flags) for dyad_normalize. */
#define DYAD_NORM_NFC    0x1u   /* Unicode NFC composition */
#define DYAD_NORM_ASCII  0x2u   /* curly quotes, dashes, odd spaces, ellipsis -> ASCII */
#define DYAD_NORM_NEWLINE 0x4u  /* CR LF and lone CR -> LF */
#define DYAD_NORM_DEFAULT (DYAD_NORM_NFC | DYAD_NORM_ASCII | DYAD_NORM_NEWLINE)

typedef struct dyad_norm_stats {
    size_t invalid_utf8;   /* invalid byte sequences replaced by U+FFFD */
    size_t nul;            /* NUL bytes removed */
} dyad_norm_stats;

/** Normalize UTF-8 text: invalid sequences become U+FFFD, NUL bytes are
** dropped (both counted in *st, which is ADDED to; st may be NULL), then
** the FLAGS transformations. Never fails on bad bytes.
** @param z,n    input text (any bytes)
** @param flags  DYAD_NORM_* bits
** @param out    OUT: OWNED NUL-terminated result (dyad_free)
** @param outlen OUT: its length in bytes (may be NULL)
** @return DYAD_OK or DYAD_NOMEM. */
dyad_status dyad_normalize(const char *z, size_t n, unsigned flags, char **out,
                           size_t *outlen, dyad_norm_stats *st);

/** The dictionary match key of a phrase: case folded, diacritics stripped,
** compatibility-decomposed, then upper-cased where ASCII, so "Pécresse"
** and "PECRESSE" give the same key "PECRESSE". Writes at most CAP bytes
** (NUL-terminated when cap > 0) and returns the full key length (like
** snprintf): call again with a bigger buffer when the result >= cap. */
size_t dyad_fold_key(const char *z, size_t n, char *buf, size_t cap);

/** Input formats of the article reader. */
typedef enum dyad_input_format {
    DYAD_INPUT_ARTICLES = 0, /* `date YYYY-MM-DD` + text; articles split by a form-feed line */
    DYAD_INPUT_JSONL,        /* one JSON object a line: id, date, title, text, source */
    DYAD_INPUT_TEXT          /* plain text, the whole input one article (date from options) */
} dyad_input_format;

/** One article as the reader hands it out. All strings BORROWED from the
** reader, valid until the next dyad_reader_next or close; never NULL. */
typedef struct dyad_article {
    const char *id;      /* from the input, else "NAME:INDEX" */
    const char *date;    /* publication date "YYYY-MM-DD", "" if unknown */
    const char *title;   /* "" if none */
    const char *text;    /* normalized text (DYAD_NORM_DEFAULT), NUL-terminated */
    size_t text_len;     /* bytes in text */
    const char *source;  /* "" if none */
    const char *file;    /* input name as opened ("-" for stdin) */
    long line;           /* 1-based input line where the article starts */
    long index;          /* 1-based article number within the input */
    const char *error;   /* NULL, or why this article is bad ("file:line: msg");
                         ** a bad article is still handed out, text may be "" */
    dyad_norm_stats norm; /* repairs made in this article's title and text */
} dyad_article;

typedef struct dyad_reader dyad_reader;

/** Reader options; zero-initialize, then set what you need. */
typedef struct dyad_reader_opts {
    dyad_input_format format;
    const char *date;        /* default publication date (plain text, undated articles) */
    size_t max_article;      /* bytes; 0 = 8 MiB. Bigger articles are errors */
} dyad_reader_opts;

/** Open PATH (NULL or "-" = stdin) for reading; gzip input is detected
** and decompressed. A missing file or a directory gives DYAD_EIO, a bad
** option (e.g. opts->date not YYYY-MM-DD) DYAD_EINVAL; *out is then a
** reader holding the message (dyad_reader_errmsg), to be closed, or NULL
** on DYAD_NOMEM. */
dyad_status dyad_reader_open(const char *path, const dyad_reader_opts *opts,
                             dyad_reader **out);
/** The next article into *a. DYAD_OK: *a filled (check a->error);
** DYAD_ENOTFOUND: end of input; DYAD_NOMEM. A read error (truncated gzip,
** I/O error) ends the stream after handing out the article it cut short,
** with a->error set. */
dyad_status dyad_reader_next(dyad_reader *r, dyad_article *a);
/** The reader's last error message ("" if none). BORROWED. */
const char *dyad_reader_errmsg(const dyad_reader *r);
/** Totals so far: articles handed out, and how many carried an error. */
void dyad_reader_counts(const dyad_reader *r, long *articles, long *failed);
void dyad_reader_close(dyad_reader *r);

/* Sentence segmentation and tokenization (news, UD English EWT token
** conventions). Tokens and sentences are byte spans into the text given to
** dyad_segment, normally a dyad_article's normalized text. */
typedef struct dyad_span { uint32_t start, end; } dyad_span;

#define DYAD_SENT_HEADLINE 0x1u  /* a line without final punctuation (title, heading) */
#define DYAD_SENT_DATELINE 0x2u  /* "BAKU, Dec 26 (Trend) -": not a clause, skip when coding */

typedef struct dyad_seg_sentence {
    uint32_t start, end;  /* byte span of the sentence */
    uint32_t tok, ntok;   /* its tokens: dyad_segment_tokens()[tok .. tok + ntok) */
    unsigned flags;       /* DYAD_SENT_* */
} dyad_seg_sentence;

typedef struct dyad_segmenter dyad_segmenter;  /* reusable; one per thread */

/** A new segmenter (OWNED: dyad_segmenter_free), NULL on no memory. */
dyad_segmenter *dyad_segmenter_new(void);
void dyad_segmenter_free(dyad_segmenter *sg);
/** Segment text z[0..n) (any bytes; rules assume normalized UTF-8),
** replacing the previous result. DYAD_OK, DYAD_NOMEM (result empty),
** DYAD_ELIMIT (n >= 4 GiB). The text is not kept: spans index into it. */
dyad_status dyad_segment(dyad_segmenter *sg, const char *z, size_t n);
/** The result of the last dyad_segment (BORROWED, valid until the next). */
size_t dyad_segment_count(const dyad_segmenter *sg);
const dyad_seg_sentence *dyad_segment_sentences(const dyad_segmenter *sg);
size_t dyad_segment_ntokens(const dyad_segmenter *sg);
const dyad_span *dyad_segment_tokens(const dyad_segmenter *sg);
/** Fill OUT (cleared first) with sentence I's tokens: form, byte span, head
** -1, MISC SpaceAfter=No where tokens touch, and "# text". Z must be the
** text that was segmented. DYAD_EINVAL if i is out of range. */
dyad_status dyad_segment_fill(const dyad_segmenter *sg, const char *z, size_t i,
                              dyad_sentence *out);

/* Event dates: the day a sentence says its event happened. */
#define DYAD_WHEN_DAY   1   /* a day: "on December 22", "yesterday", "on Saturday" */
#define DYAD_WHEN_WEEK  2   /* about a week: "last week" (pub - 7 days), "two weeks ago" */
#define DYAD_WHEN_MONTH 3   /* a month: "in March" (its 1st day), "last month" */
#define DYAD_WHEN_YEAR  4   /* a year: "last year" (January 1st) */

typedef struct dyad_when {
    char date[11];        /* YYYY-MM-DD; "" if neither text nor publication date gives one */
    uint32_t start, end;  /* byte span of the justifying expression (0,0 if none) */
    int precision;        /* DYAD_WHEN_*; 0 when date is "" */
    int from_text;        /* 1: resolved from the sentence; 0: the publication date */
} dyad_when;

/** Resolve the event date of sentence z[0..n) published on PUB_DATE
** ("YYYY-MM-DD"; NULL or invalid: only absolute dates with a year resolve).
** Understands ISO dates, "December 22[, 2021]", "Dec. 22", "22 December 2021"
** (no year: the year putting the date nearest to publication),
** weekdays (the most recent one, publication day included; "last Monday"
** strictly before, "next Monday" after),
** yesterday / today / tonight / tomorrow / last night, last / this week /
** month / year, "on the 22nd", "N days / weeks / months / years ago",
** "in March" (the most recent March). Impossible dates (Feb 30) are ignored. A day-precise absolute date
** wins over a relative one, then the first in the sentence. Else *out is
** the publication date with from_text 0. DYAD_EINVAL only for NULL out. */
dyad_status dyad_event_date(const char *z, size_t n, const char *pub_date, dyad_when *out);

/* CAMEO event codes as data: name, root, GDELT QuadClass, Goldstein score,
** PLOVER category (data/cameo-events.tsv, sources in data/SOURCES.md). */
typedef struct dyad_cameo_code {
    const char *code;            /* "0211" */
    const char *name;            /* "Appeal for economic cooperation" */
    const char *root;            /* "02" */
    const char *root_name;       /* "APPEAL" */
    const char *plover;          /* PLOVER event ("REQUEST"), "" for roots 01, 02 and a few more */
    const char *plover_mode;     /* "" if none */
    const char *plover_context;  /* ";"-separated, "" if none */
    int quad_class;              /* GDELT: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
    int level;                   /* 1 root (2 digits), 2 (3 digits), 3 (4 digits) */
    double goldstein;            /* -10 .. +10 */
} dyad_cameo_code;

/** The entry of CODE (a C string, e.g. "042"), or NULL if it is not a
** CAMEO code. Static storage: never freed. */
const dyad_cameo_code *dyad_cameo_lookup(const char *code);
/** The entry of CODE or else of its longest known prefix ("1731X" -> "173",
** "174K" -> "174"): for the synthetic codes of test dictionaries. NULL when
** not even the two-digit root is known. */
const dyad_cameo_code *dyad_cameo_nearest(const char *code);
/** All entries, sorted by code; *n gets the count. */
const dyad_cameo_code *dyad_cameo_table(size_t *n);

/* ---------------------------------------------------- resolve and write */
/* Actor codes are sequences of trigrams (data/actor-codes.tsv): an entity
** (country, international body, region, known group), then a role (GOV,
** MIL, REB, ...) and further attributes. */
typedef struct dyad_actor_parts {
    char entity[4];            /* "AZE", "" if the code starts with a role */
    char role[4];              /* first role trigram, "" if none */
    char attributes[3 * 8 + 8];/* remaining trigrams, space-separated */
    const char *entity_kind;   /* "country", "international", ... or NULL */
    const char *entity_name;   /* "Azerbaijan" or NULL */
    const char *role_name;     /* "Government" or NULL */
} dyad_actor_parts;

/** Split CODE ("AZEGOV") into *out. DYAD_EINVAL when it is not a sequence
** of at most 8 upper-case trigrams ("---", quoted new-actor names). */
dyad_status dyad_actor_split(const char *code, dyad_actor_parts *out);
/** The name of a trigram as an entity (role 0) or a role (role 1), or NULL. */
const char *dyad_actor_trigram_name(const char *trigram, int role);

/* The end-to-end pipeline: an engine holds the read-only resources
** (dictionaries, parser model) shared by every thread; a doc is one worker's
** state for coding articles one at a time. */
typedef struct dyad_engine dyad_engine;
typedef struct dyad_doc dyad_doc;

typedef struct dyad_engine_opts {
    const char *dicts_dir;     /* dictionary folder (NULL: "dicts") */
    const char *dict_set;      /* "production" (NULL) or "validate" */
    const char *model_path;    /* NULL: models/en_ewt.dyadm */
    int max_sentence_tokens;   /* longer sentences are skipped and counted (default 250) */
    double article_seconds;    /* per-article time cap (default 30 s) */
    int filter;                /* 1: one event per (date, source, target, code) per article */
    int no_nominal;            /* 1: no nominal events (event nouns, code_nominal.c); default 0 */
    int coder;                 /* dyad_coder_kind: DYAD_CODER_NEWS (default) codes UD trees for
                                  real news; DYAD_CODER_P1 is PETRARCH-1's semantics (the
                                  validation suite's) */
    const dyad_dicts *dicts;   /* a frozen set to code with instead of loading dicts_dir and
                                  dict_set (BORROWED: must outlive the engine); NULL: load */
    int no_model;              /* 1: load no parser model; only trees given to
                                  dyad_doc_code_parsed can be coded (dyad validate --parse given) */
} dyad_engine_opts;

typedef enum dyad_coder_kind {
    DYAD_CODER_NEWS = 0,       /* UD-tree coder for real news (code_news.c, docs/coder.md) */
    DYAD_CODER_P1 = 1          /* PETRARCH-1 on phrases rebuilt from UD (code.c, formats.md §13) */
} dyad_coder_kind;

void dyad_engine_opts_default(dyad_engine_opts *o);
/** Load dictionaries and model (OWNED: dyad_engine_free). On failure err
** says which resource and why ("model: ...", "dictionaries: file:line: ..."). */
dyad_status dyad_engine_open(const dyad_engine_opts *o, dyad_engine **out, char *err, size_t nerr);
void dyad_engine_free(dyad_engine *e);
const dyad_dicts *dyad_engine_dicts(const dyad_engine *e);

/* One coded event in its article. Strings BORROWED from the doc (valid until
** its next dyad_doc_code) or the article (article_id, pub_date). Spans are
** byte offsets into the article's normalized text. */
typedef struct dyad_coded {
    const char *article_id;
    const char *news_source;       /* the article's source ("" if none) */
    int sentence;                  /* 1-based sentence index in the article */
    const char *pub_date;          /* YYYY-MM-DD */
    char event_date[11];           /* YYYY-MM-DD */
    dyad_when when;                /* how the event date was found */
    const char *source, *target, *code;
    dyad_actor_parts source_parts, target_parts;
    const dyad_cameo_code *cameo;  /* the code's table entry (or its nearest parent); may be NULL */
    const char *text;              /* the sentence */
    dyad_span sent_span, source_span, target_span, verb_span;
    const char *source_text, *target_text, *verb_text;
    const char *source_entry, *target_entry;  /* dictionary entries, "file:line" */
    const char *pattern;           /* verb pattern (or verb form) that fired, "file:line" */
    const char *issues;            /* the sentence's issues "CODE,n;CODE,n" ("" if none) */
} dyad_coded;

typedef struct dyad_doc_stats {
    size_t sentences;        /* sentences segmented */
    size_t skipped_long;     /* over max_sentence_tokens */
    size_t skipped_dateline; /* datelines ("BAKU, Dec 26 (Trend) -") */
    size_t skipped_time;     /* not reached within the time cap */
    size_t failed;           /* sentences the parser or coder rejected */
    size_t filtered;         /* duplicate events dropped by the filter */
    int story_discarded;     /* a story discard matched: no events */
    int nomem;
} dyad_doc_stats;

/** A worker (OWNED: dyad_doc_free); NULL on no memory. */
dyad_doc *dyad_doc_new(const dyad_engine *e);
void dyad_doc_free(dyad_doc *d);
/** Code one article (the previous results are dropped). A bad article is
** data, not a failure: DYAD_OK with dyad_doc_error set. DYAD_NOMEM only. */
dyad_status dyad_doc_code(dyad_doc *d, const dyad_article *a);
size_t dyad_doc_nevents(const dyad_doc *d);
const dyad_coded *dyad_doc_event(const dyad_doc *d, size_t i);
const dyad_doc_stats *dyad_doc_get_stats(const dyad_doc *d);
/** Why the last article failed (or was cut short), or NULL. */
const char *dyad_doc_error(const dyad_doc *d);

/* Per-doc options, for callers that code one sentence per article with
** options of their own (dyad validate: each record's <Config> options). */
typedef struct dyad_doc_opts {
    const dyad_code_opts *code;   /* coding options (copied); NULL: the engine's */
    int one_sentence;             /* 1: an article's text is one sentence: tokenized,
                                     never split, never skipped as a dateline */
} dyad_doc_opts;
/** Set d's options for the articles coded from now on (NULL: the defaults). */
void dyad_doc_set_opts(dyad_doc *d, const dyad_doc_opts *o);

#define DYAD_DOC_PARSE 0x1u   /* tag and parse the sentence with the engine's model first */
/** Code sentence s, already tokenized, as article a's only sentence, through
** the same code -> resolve path as dyad_doc_code. Without DYAD_DOC_PARSE, s
** must carry its tree (heads), and ps (may be NULL) its phrase structure
** (dyad_penn_read); with it, only the forms are read. a->text is the
** sentence's text (discards, issues, event date); token spans index into it,
** and where they are unknown (0,0) the evidence quotes the forms. s is not
** changed. Results, errors and options as dyad_doc_code. */
dyad_status dyad_doc_code_parsed(dyad_doc *d, const dyad_article *a, dyad_sentence *s,
                                 const dyad_phrases *ps, unsigned flags);

/* Output formats for coded events. */
typedef enum dyad_out_format {
    DYAD_OUT_JSONL = 0,   /* one JSON object per event, with evidence (docs/output.md) */
    DYAD_OUT_TSV,         /* PETRARCH2's event-file columns */
    DYAD_OUT_PHOENIX,     /* the Phoenix data set's columns */
    DYAD_OUT_TEXT         /* for people: one readable line per event + its sentence */
} dyad_out_format;
/** Write one event as a line in FORMAT. DYAD_EIO on a write error. */
dyad_status dyad_write_event(FILE *f, dyad_out_format format, const dyad_coded *e);
/** Write an error record for a bad article (JSONL only; other formats
** write nothing: errors go to the run's summary). */
dyad_status dyad_write_error(FILE *f, dyad_out_format format, const dyad_article *a, const char *error);

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
