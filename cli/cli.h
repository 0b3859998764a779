/*
** cli.h: shared pieces of the dyad command-line tool. Each subcommand lives
** in its own cli/cmd_NAME.c, exports `int cmd_NAME(int argc, char **argv)`
** (argv[0] is the subcommand name) and is listed in main.c's table.
** The CLI uses only the public header, include/dyad.h, but for two developer
** switches (not API): the tree repairs (src/penn.h: DYAD_REPAIRS_OFF,
** --repairs-off, `dyad parse --list-repairs / --repaired`) and the news
** coder's rules (src/code_news.h: DYAD_NEWS_OFF).
*/
#ifndef DYAD_CLI_H
#define DYAD_CLI_H
#include "dyad.h"

/* Exit statuses, one table for the whole tool. */
enum {
    EXIT_OK_ = 0,     /* success */
    EXIT_FAIL = 1,    /* the job ran but something failed (articles, records) */
    EXIT_DATA = 2,    /* malformed input data (dictionary, model, ...) */
    EXIT_USAGE = 64   /* bad command line */
};

/* Map a library status to an exit status. */
int cli_exit_status(dyad_status st);

/* The dictionary folder to use: --dicts value, else $DYAD_DICTS, else "dicts". */
const char *cli_dicts_dir(const char *opt);

/* Print "dyad: " + message to stderr (printf-style). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* True if argv[*i] is option NAME taking a value; stores it and advances *i.
** Accepts "--name value" and "--name=value". Missing value: usage error. */
int cli_opt_value(int argc, char **argv, int *i, const char *name, const char **out);

/* Turn off the tree repairs named in LIST ("name,name", "all"; "" turns
** none off), for every coding in this process. 0, or a usage error printed
** (WHERE names the option or variable) and EXIT_USAGE. */
int cli_repairs_off(const char *list, const char *where);

int cmd_dict(int argc, char **argv);
int cmd_code_articles(int argc, char **argv); /* code_articles.c: `dyad code` on articles */
int cmd_parse(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_code(int argc, char **argv);
int cmd_segment(int argc, char **argv);
#endif
