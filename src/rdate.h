/*
** rdate.h: what the event-date resolver (rdate.c) shares inside the library.
*/
#ifndef DYAD_RDATE_H
#define DYAD_RDATE_H
#include <stddef.h>

/* 1-12 for a capitalized month name or abbreviation ("December", "Dec",
** "Dec."), 13-19 for a capitalized weekday name (Monday first), else 0. */
int rdate_calendar_word(const char *w, size_t n);
#endif
