/*
** pipeline.h: internal pieces of the end-to-end pipeline (pipeline.c) that
** the output writers (out.c) share.
*/
#ifndef DYAD_PIPELINE_H
#define DYAD_PIPELINE_H
#include "dyad.h"

/* Text of token span [a, b) of sentence tokens tok, copied into buf. */
size_t pipe_span_text(const char *text, const dyad_token *tok, int ntok, int a, int b,
                      char *buf, size_t cap);
#endif
