/*
** code_nominal.h: nominal events (code_nominal.c): event nouns of a UD tree
** ("the visit of X to Y", "X's attack on Y", "sent a protest note to Y")
** coded from a table of our own (data/nominal-events.tsv, compiled into
** nominal_data.c), their actors resolved by the coder's NE rule.
*/
#ifndef DYAD_CODE_NOMINAL_H
#define DYAD_CODE_NOMINAL_H
#include "dyad.h"

typedef struct nominal_coder nominal_coder;

#define NOMINAL_MAX_TOKENS 1000

/* The table text compiled from data/nominal-events.tsv (nominal_data.c). */
extern const char nominal_builtin_tsv[];
extern const char nominal_builtin_name[];

/* A nominal coder over frozen dictionaries d (BORROWED) and the table text
** tsv[0..n) named `name` in evidence and messages (tsv NULL: the built-in
** table). OWNED: nominal_free. On a malformed table returns NULL with
** "name:line: message" in err; NULL with err "" on no memory. */
nominal_coder *nominal_new(const dyad_dicts *d, const char *tsv, size_t n, const char *name,
                           char *err, size_t nerr);
void nominal_free(nominal_coder *n);
/* Number of noun and light-verb rows (for tests and messages). */
int nominal_rows(const nominal_coder *n);

/* Code the event nouns of s, whose UD tree is complete (heads, deprels,
** lemmas), dated `date` (YYYYMMDD). c is the coder that has just coded s
** (its actor resolution is used; its events stay valid). Events whose two
** sides are the same or `---` are not made. Sentences longer than
** NOMINAL_MAX_TOKENS are not searched (the tree walks are quadratic). The events (*ev, *nev) are BORROWED until the
** next call on n or c. DYAD_NOMEM, DYAD_EINVAL on NULL arguments. */
dyad_status nominal_code(nominal_coder *n, dyad_coder *c, dyad_sentence *s, const char *date,
                         const dyad_event **ev, int *nev);
#endif
