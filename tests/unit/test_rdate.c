/* test_rdate.c: event-date resolution, one case per line: sentence,
** publication date, expected date, expected justifying text ("" when the
** publication date is used). */
#include "dyad.h"
#include "harness.h"
#include "rdate.h"

typedef struct rcase { const char *text, *pub, *want, *span; } rcase;

static const rcase cases[] = {
    /* absolute dates */
    {"The visit was made on December 22 to Khankandi.", "2021-12-26", "2021-12-22", "on December 22"},
    {"They met on Dec. 22 in Baku.", "2021-12-26", "2021-12-22", "on Dec. 22"},
    {"They met on Dec 22nd in Baku.", "2021-12-26", "2021-12-22", "on Dec 22nd"},
    {"The treaty was signed on 22 December 2021.", "2022-03-01", "2021-12-22", "on 22 December 2021"},
    {"Talks opened December 22, 2020, in Vienna.", "2021-12-26", "2020-12-22", "December 22, 2020"},
    {"The deal of 2021-12-20 was void.", "2021-12-26", "2021-12-20", "2021-12-20"},
    {"He arrived on the 3rd of January.", "2022-01-10", "2022-01-03", "3rd of January"},
    /* no year: the year that puts the date nearest to publication */
    {"The attack on December 30 killed two.", "2022-01-03", "2021-12-30", "on December 30"},
    {"The vote on January 5 is planned.", "2022-01-03", "2022-01-05", "on January 5"},
    {"An election will be held on September 11.", "2005-08-12", "2005-09-11", "on September 11"},
    {"Talks began on July 1.", "2005-08-12", "2005-07-01", "on July 1"},
    {"Polls open on January 2.", "2021-12-20", "2022-01-02", "on January 2"},
    {"He was born on February 29.", "2021-03-01", "2020-02-29", "on February 29"},
    /* impossible dates are ignored */
    {"The report of 2099-99-99 was fake.", "2021-12-26", "2021-12-26", ""},
    {"It happened on February 30 they said.", "2021-12-26", "2021-12-26", ""},
    {"It happened on February 29, 2021.", "2021-12-26", "2021-12-26", ""},
    {"It happened on February 29, 2020.", "2021-12-26", "2020-02-29", "on February 29, 2020"},
    /* weekdays: 2021-12-26 is a Sunday */
    {"Protesters gathered on Saturday in Paris.", "2021-12-26", "2021-12-25", "on Saturday"},
    {"Officials said Monday that talks failed.", "2021-12-26", "2021-12-20", "Monday"},
    {"The minister spoke on Sunday.", "2021-12-26", "2021-12-26", "on Sunday"},  /* same day */
    {"The minister spoke last Sunday.", "2021-12-26", "2021-12-19", "last Sunday"},
    {"They will meet next Monday.", "2021-12-26", "2021-12-27", "next Monday"},
    {"Troops moved in last Friday.", "2021-12-26", "2021-12-24", "last Friday"},
    /* relative days */
    {"Rebels attacked the town yesterday.", "2021-12-26", "2021-12-25", "yesterday"},
    {"The president resigned today.", "2021-12-26", "2021-12-26", "today"},
    {"Police clashed with fans last night.", "2021-03-01", "2021-02-28", "last night"},
    {"The summit opens tomorrow.", "2020-02-28", "2020-02-29", "tomorrow"},
    {"Two soldiers died two days ago.", "2021-01-01", "2020-12-30", "two days ago"},
    {"He left 3 days ago.", "2021-03-02", "2021-02-27", "3 days ago"},
    {"The ceasefire ended a week ago.", "2021-12-26", "2021-12-19", "a week ago"},
    {"Israel struck Gaza last week.", "2021-12-26", "2021-12-19", "last week"},
    {"Sanctions were imposed last month.", "2021-01-15", "2020-12-01", "last month"},
    {"Elections were held last year.", "2021-06-01", "2020-01-01", "last year"},
    {"The law passed six months ago.", "2021-03-15", "2020-09-01", "six months ago"},
    {"North Korea walked out a year ago.", "2006-10-14", "2005-10-14", "a year ago"},
    {"It began 4 years ago.", "2024-02-29", "2020-02-29", "4 years ago"},
    {"It began 3 years ago.", "2024-02-29", "2021-02-28", "3 years ago"},
    {"Parliament voted earlier this week.", "2021-12-26", "2021-12-26", "earlier this week"},
    {"Prices rose this month.", "2021-12-26", "2021-12-01", "this month"},
    {"Growth slowed this year.", "2021-12-26", "2021-01-01", "this year"},
    {"The talks resumed on the 22nd.", "2021-12-26", "2021-12-22", "on the 22nd"},
    {"The talks resumed on the 28th.", "2021-12-26", "2021-11-28", "on the 28th"},
    {"The talks resumed on the 3rd of January.", "2022-01-10", "2022-01-03", "3rd of January"},
    {"Report dated 2021/12/20 leaked.", "2021-12-26", "2021-12-20", "2021/12/20"},
    /* months */
    {"Fighting broke out in March.", "2021-12-26", "2021-03-01", "in March"},
    {"Fighting broke out in December.", "2021-06-26", "2020-12-01", "in December"},
    {"Fighting broke out in May 2019.", "2021-06-26", "2019-05-01", "in May 2019"},
    /* verbs and other words that look like dates are not dates */
    {"Protesters may march on the capital.", "2021-12-26", "2021-12-26", ""},
    {"The sunday school was closed.", "2021-12-26", "2021-12-26", ""},
    {"He said 22 people died.", "2021-12-26", "2021-12-26", ""},
    /* day-precise absolute dates beat relative ones; then the first one */
    {"Yesterday he recalled the attack on December 22.", "2021-12-26", "2021-12-22", "on December 22"},
    {"On Saturday and on Friday they met.", "2021-12-26", "2021-12-25", "On Saturday"},
    /* nothing said: the publication date */
    {"The Association condemned the visit.", "2021-12-26", "2021-12-26", ""},
};

int main(void) {
    /* calendar words, shared with the coder's UD repairs */
    CHECK(rdate_calendar_word("December", 8) == 12 && rdate_calendar_word("Dec.", 4) == 12);
    CHECK(rdate_calendar_word("Sept", 4) == 9 && rdate_calendar_word("Monday", 6) == 13);
    CHECK(rdate_calendar_word("Sunday", 6) == 19 && rdate_calendar_word("may", 3) == 0);
    CHECK(rdate_calendar_word("Decembers", 9) == 0 && rdate_calendar_word(".", 1) == 0 && rdate_calendar_word("", 0) == 0);
    size_t n = sizeof cases / sizeof cases[0];
    for (size_t i = 0; i < n; i++) {
        const rcase *c = &cases[i];
        dyad_when w;
        CHECK(dyad_event_date(c->text, strlen(c->text), c->pub, &w) == DYAD_OK);
        char span[128];
        snprintf(span, sizeof span, "%.*s", (int)(w.end - w.start), c->text + w.start);
        CHECKF(!strcmp(w.date, c->want) && !strcmp(span, c->span) && w.from_text == (c->span[0] != '\0'),
               "\"%s\" pub %s: got %s [%s] from_text=%d, want %s [%s]", c->text, c->pub, w.date, span,
               w.from_text, c->want, c->span);
    }
    /* no publication date: absolute dates with a year still resolve */
    dyad_when w;
    const char *z = "It was signed on 22 December 2021 and again yesterday.";
    CHECK(dyad_event_date(z, strlen(z), NULL, &w) == DYAD_OK && !strcmp(w.date, "2021-12-22") && w.from_text);
    z = "It happened yesterday.";
    CHECK(dyad_event_date(z, strlen(z), "", &w) == DYAD_OK && w.date[0] == '\0' && !w.from_text && !w.precision);
    CHECK(dyad_event_date(z, strlen(z), "2021-02-30", &w) == DYAD_OK && w.date[0] == '\0');
    /* precision */
    z = "Troops left last week.";
    CHECK(dyad_event_date(z, strlen(z), "2021-12-26", &w) == DYAD_OK && w.precision == DYAD_WHEN_WEEK);
    z = "Troops left in March.";
    CHECK(dyad_event_date(z, strlen(z), "2021-12-26", &w) == DYAD_OK && w.precision == DYAD_WHEN_MONTH);
    /* year boundaries far apart, and hostile input */
    z = "It happened 1200 years ago.";  /* before year 1: the publication date */
    CHECK(dyad_event_date(z, strlen(z), "1005-01-01", &w) == DYAD_OK && !strcmp(w.date, "1005-01-01") && !w.from_text);
    z = "Ten years ago.";
    CHECK(dyad_event_date(z, strlen(z), "0005-06-01", &w) == DYAD_OK && !strcmp(w.date, "0005-06-01") && !w.from_text);
    CHECK(dyad_event_date(NULL, 0, "2021-12-26", &w) == DYAD_OK && !strcmp(w.date, "2021-12-26"));
    CHECK(dyad_event_date("x", 1, "2021-12-26", NULL) == DYAD_EINVAL);
    char big[3000];
    for (size_t k = 0; k < sizeof big; k++) big[k] = "December 31 Monday ago 2021-"[k % 28];
    CHECK(dyad_event_date(big, sizeof big, "2021-12-26", &w) == DYAD_OK && w.date[0]);
    return TEST_END();
}
