/*
** model.h: internals of the tagger/lemmatizer/parser model shared by
** model.c (file format, loading, dyad_parse_sentence), tag.c, lemma.c,
** parse.c and train.c. See docs/parser.md for the algorithms.
*/
#ifndef DYAD_MODEL_H
#define DYAD_MODEL_H
#include "ap.h"
#include "dyad.h"

#define MODEL_MAGIC "DYADPRS\x01"
/* Version = feature set: 1 = the base features; 2 = also ambiguity classes in the
** tagger and suffixes in the parser (section SEC_AMB); 3 = also ambiguity classes
** in the parser; 4 = also the tagger's runner-up in the parser; 5 = also word
** classes from unlabeled text in both (section SEC_CLU, cluster.c). Bump when
** either changes. */
#define MODEL_VERSION 5u
#define MAX_LABELS 64

/* Frozen u64 -> u32 map (open addressing; key 0 = empty). Block layout:
** u32 cap, u32 n, keys[cap] u64, vals[cap] u32. */
typedef struct kv_map { uint32_t mask; const uint64_t *keys; const uint32_t *vals; } kv_map;
int kv_view(const void *mem, size_t size, kv_map *out);
int kv_get(const kv_map *m, uint64_t key, uint32_t *val);
/* Build a block from n (key, val) pairs (keys distinct, nonzero). OWNED block. */
int kv_build(const uint64_t *keys, const uint32_t *vals, uint32_t n, void **mem, size_t *size);

typedef struct tag_class { const char *upos, *xpos, *feats; } tag_class;

struct dyad_model {
    void *file;              /* the whole file (OWNED), or NULL when built in memory */
    const char *pool; size_t npool;
    int ntag, nlab, root_label, punct_label;
    int fset;                /* feature set = file version (1 to 3) */
    tag_class tags[256];
    const char *labels[MAX_LABELS];
    ap_table tagger, tagger2, parser;
    kv_map tagdict;          /* word (exact) -> tag class, frequent unambiguous words */
    kv_map amb;              /* lowercased word -> ambiguity class (tok_info.amb) */
    kv_map clu;              /* lowercased word -> word classes (tok_info.clu), feature set 5 */
    kv_map lex;              /* (form, tag) -> index into lexv */
    const uint32_t *lexv; uint32_t nlexv; /* pairs (lemma offset, feats offset) */
    kv_map rules;            /* (tag, suffix) -> strip<<24 | append offset */
    uint8_t coarse[256];     /* tag class -> coarse class (see parse_coarse) */
};

/* Per-token hashes computed once per sentence. */
typedef struct tok_info {
    uint64_t form, lower, shape, pre[4], suf[5];
    uint32_t amb;          /* ambiguity class: hash of the classes seen with the word (0 unknown) */
    uint32_t clu;          /* word classes (feature set 5, else 0): TOK_CLU_ON | coarse << 16 | fine,
                           ** each 1-based, 0 for a word without a class */
    int len, upper_first, has_digit, has_hyphen, all_upper;
} tok_info;
void tok_info_fill(tok_info *ti, const char *form);
/* tok_info.lower of the n bytes at form (the key of the amb and clu maps). */
uint64_t tok_lower_hash(const char *form, size_t n);
#define TOK_CLU_ON 0x80000000u
#define TOK_CLU_FINE(c) ((uint64_t)((c) & 0xffffu))
#define TOK_CLU_COARSE(c) ((uint64_t)(((c) >> 16) & 0x7fffu))
/* The ambiguity class of a word never seen in training: its shape's kind. */
static inline uint32_t tok_amb_unknown(const tok_info *t) {
    return 2u + (uint32_t)t->upper_first + 2u * (uint32_t)t->all_upper + 4u * (uint32_t)t->has_digit
           + 8u * (uint32_t)t->has_hyphen;
}

/* Tagger. tags[0..i) are the previous predictions. Returns feature count. */
#define TAG_MAX_FEATS 64
int tag_features(const tok_info *ti, int n, int i, const int *tags, uint64_t *keys);
/* Word hash key for the tag dictionary. */
uint64_t tag_dict_key(const tok_info *t);
/* Second pass: also the first pass's tags rtags[] (right context). */
int tag_features2(const tok_info *ti, int n, int i, const int *tags, const int *rtags, uint64_t *keys);
/* From feature set 5 each tagger class c also scores the weights of a class
** ntag + share[c] that all classes of its UPOS share (share = the parser's
** coarse map), so the table has 2 * ntag classes; what makes a word a NOUN is
** learned across NN, NNS, ... at once. */
int tag_nclass(int ntag, int fset);
void tag_share(float *sc, int ntag, const uint8_t *share);
/* Tag the sentence with a frozen tagger (and optional dictionary); rtags
** NULL for the first pass, else the first pass's tags. tags != rtags. share:
** NULL, or the class -> shared class map of a 2 * ntag table. */
void tag_run(const ap_table *t, const kv_map *dict, const uint8_t *share, const tok_info *ti, int n,
             const int *rtags, int *tags);
/* The same, also giving each word's runner-up: alt[i] = class * 4 + margin bucket
** (0-2), or TAG_ALT_SURE for a wide margin or a dictionary word (feature set 4). */
#define TAG_ALT_SURE 4095u
void tag_run_alt(const ap_table *t, const kv_map *dict, const uint8_t *share, const tok_info *ti, int n,
                 const int *rtags, int *tags, uint64_t *alt);

/* Parser (arc-hybrid, ROOT at the end of the buffer). */
#define PARSE_MAX_FEATS 160
typedef struct pstate {
    int n;                 /* words 1..n; n+1 = ROOT */
    int *stack, sp;        /* stack[0..sp) */
    int b;                 /* buffer front (1..n+1) */
    int *head, *lab;       /* [n+2] predicted arcs (-1 none) */
    int *l1, *l2, *r1, *r2;/* leftmost / rightmost two children (0 none) */
    int *nl, *nr;          /* left / right valency */
    uint64_t *ls, *rs;     /* label sets of left / right children */
    const uint64_t *word;  /* [n+2] word hashes (lower form); 0 and n+1 special */
    const uint64_t *sfx;   /* [n+2] = word + n + 2: suffix hashes; NULL with feature set 1 */
    const uint64_t *amb;   /* [n+2] = word + 2(n + 2): ambiguity classes; NULL below feature set 3 */
    const uint64_t *alt;   /* [n+2] = word + 3(n + 2): the tagger's runner-up (tag_run_alt); NULL below 4 */
    const uint64_t *clu;   /* [n+2] = word + 4(n + 2): word classes (tok_info.clu); NULL below 5 */
    const int *tag;        /* [n+2] tag classes */
    const uint8_t *coarse; /* [256] tag class -> coarse class (UPOS) */
    int nlab, root_label;
} pstate;
/* Allocate the state arrays for n words (one block, OWNED by st->stack). */
int pstate_init(pstate *st, int n, const uint64_t *word, const int *tag, const uint8_t *coarse,
                int nlab, int root_label, int fset);
void pstate_free(pstate *st);
int parse_features(const pstate *st, uint64_t *keys);
/* Valid actions: 0 SHIFT, 1+l LEFT_l, 1+nlab+l RIGHT_l. From feature set 5 the
** parser's table has three more classes, one per kind of action (SHIFT, any
** LEFT, any RIGHT), that every action of the kind shares: an action scores its
** own weights plus its kind's, so what makes a left arc likely is learned from
** all relations at once. */
int parse_nclass(int nlab, int fset);
/* Add the kinds' scores sc[1+2*nlab ..) to the actions' (no-op below 5). */
void parse_share(float *sc, int nlab, int nclass);
static inline int parse_kind(int a, int nlab) { return a == 0 ? 0 : a <= nlab ? 1 : 2; }
int parse_valid(const pstate *st, int action);
void parse_apply(pstate *st, int action);
int parse_done(const pstate *st);
/* Cost of every action (costs[0..1+2*nlab)) against gold heads gh[1..n]
** (ROOT = n+1) and labels gl[1..n]; invalid actions get a huge cost. */
void parse_costs(const pstate *st, const int *gh, const int *gl, int *costs);
/* Parse with a frozen table: fills head[1..n] (0 = root) and lab[1..n].
** word[0..n+2) are word hashes, word[n+2..2n+4) suffix hashes, word[2n+4..3n+6)
** ambiguity classes (feature set 3), then the runner-ups (4) and the word
** classes (5): PARSE_WORD_BLOCKS blocks of n + 2. */
#define PARSE_WORD_BLOCKS 5
int parse_run(const ap_table *t, int nlab, int root_label, const uint64_t *word, const int *tag,
              const uint8_t *coarse, int fset, int n, int *head, int *lab);
/* Make the tree head[1..n] (0 = root) projective by lifting arcs (dyad train
** --projectivize); labels are left alone. Returns the number of lifts. */
int parse_lift_nonproj(int *head, int n);
/* coarse[c] = the first class with c's UPOS; 254, 255 map to themselves. */
void parse_coarse(const char *const *upos, int ntag, uint8_t *coarse);

/* Lemma and features of a word given its tag class. Returns pool strings
** or writes the lemma into buf (size cap) and returns buf. */
const char *lemma_of(const dyad_model *m, const char *form, int tag, char *buf, size_t cap,
                     const char **feats);
uint64_t lemma_lex_key(const char *form, int tag);
/* Key of a suffix rule: tag, lowercased suffix of k bytes, whether the form
** starts with a capital. Value: strip (bits 24-30) | keep case (bit 31) |
** pool offset of the string appended (bits 0-23). */
uint64_t lemma_rule_key(int tag, const char *suffix, size_t k, int cap);
int lemma_is_cap(const char *form);
/* Lowercase ASCII of z into buf (NUL-terminated, truncated to cap-1). */
size_t lemma_lower(const char *z, char *buf, size_t cap);

/* Model file writing (train.c): sections written in order after the header. */
enum { SEC_META = 1, SEC_POOL, SEC_TAGGER, SEC_PARSER, SEC_TAGDICT, SEC_LEX, SEC_LEXV, SEC_RULES, SEC_TAGGER2,
       SEC_AMB, SEC_CLU, SEC_COUNT = SEC_CLU };
typedef struct msect { uint32_t id; const void *data; size_t size; } msect;

/* Build a model view over an in-memory image (the bytes a file would hold).
** The image must stay alive and 8-byte aligned; m->file is left NULL. */
dyad_status model_from_image(dyad_model *m, const void *img, size_t size, char *err, size_t errlen);
/* Serialize sections into one OWNED image: the bytes of a model file. */
void *model_image(const msect *s, int n, uint32_t version, size_t *size);
#endif
