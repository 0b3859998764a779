/*
** code_news.h: the news coder (code_news.c). Codes a sentence's UD tree
** directly, for real news: each predicate whose verb the CAMEO dictionary
** codes gives events between the actors of its subject and of its object
** (or of a prepositional phrase its patterns or its kind of action name).
** Actors are a country (or IGO/NGO) plus the role of the phrase's head; places,
** reporting channels, negated, hypothetical and reported-but-not-done actions
** give no events. The rules, each with its example, are in docs/coder.md
** ("The news coder").
*/
#ifndef DYAD_CODE_NEWS_H
#define DYAD_CODE_NEWS_H
#include "dyad.h"

typedef struct news_coder news_coder;

/* Rules that can be switched off one by one, for measuring what each is worth
** (a developer switch, as SQLite's optimization bits: DYAD_NEWS_OFF=LIST for
** any dyad command, names as in news_rule_mask). */
enum {
    NEWS_RELCL    = 1 << 0,  /* relative clauses are background: not coded */
    NEWS_INHERIT  = 1 << 1,  /* a target without a country takes the source's
                                (a government acting on its own people) */
    NEWS_SYMMETRIC= 1 << 2,  /* meetings, talks, agreements: coded both ways,
                                and between conjoined subjects */
    NEWS_GENERIC  = 1 << 3,  /* two role-only sides of non-political kinds
                                give no event ("children attended school") */
    NEWS_OBLIQUE  = 1 << 4,  /* prepositional targets by kind of action */
    NEWS_NAMES_OFF= 1 << 5   /* names seen earlier in the article */
};

/* A news coder over frozen dictionaries d (BORROWED). OWNED: news_free.
** NULL on no memory. */
news_coder *news_new(const dyad_dicts *d);
void news_free(news_coder *n);
/* The rules in mask are off in every news coder made from now on (0: all on,
** the default). Process-wide: set it before coding starts. */
void news_set_default_off(unsigned mask);
/* "relcl,inherit,symmetric,generic,oblique,names" (any of them) or "all" ->
** *mask; -1 with *bad pointing at the first unknown name. */
int news_rule_mask(const char *list, unsigned *mask, const char **bad);
/* A new article: forget the names of the last one. */
void news_begin_article(news_coder *n);

/* Code sentence s (a complete UD tree: heads, relations, lemmas), dated
** `date` (YYYYMMDD). The events (*ev, *nev) are BORROWED until the next call.
** DYAD_NOMEM, DYAD_EINVAL on NULL arguments. */
dyad_status news_code(news_coder *n, dyad_sentence *s, const char *date,
                      const dyad_event **ev, int *nev);
#endif
