/*
** main.c: the dyad command-line tool, a thin shell over libdyad.
** Dispatches `dyad COMMAND ...` to cli/cmd_COMMAND.c; holds no linguistics.
*/
#include "cli.h"
#include "penn.h"
#include "code_news.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {   /* in pipeline order, the main job first */
    {"code", cmd_code, "code news articles into events (JSONL, TSV, Phoenix, text); --parsed for batch XML"},
    {"segment", cmd_segment, "read articles, print sentences or tokens (ingest front end)"},
    {"parse", cmd_parse, "tag, lemmatize and parse: CoNLL-U or tokenized text in, CoNLL-U out"},
    {"validate", cmd_validate, "run a PETRARCH validation file (unit-test records)"},
    {"eval", cmd_eval, "score the coder on hand-coded sentences (gold JSONL), as score-news"},
    {"dict", cmd_dict, "dictionaries: stats, lookup, check, compile"},
    {"train", cmd_train, "train the tagger/parser model from a CoNLL-U treebank"},
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *f) {
    fprintf(f,
        "dyad %s: news text to political event data (CAMEO, PLOVER)\n\n"
        "usage: dyad COMMAND [OPTIONS] [ARGS]\n\n"
        "commands:\n", dyad_version());
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f,
        "  %-10s %s\n  %-10s %s\n\n"
        "Run `dyad COMMAND --help` for a command's options. Example:\n"
        "  dyad code --format text article.txt      (article.txt: `date YYYY-MM-DD` + text)\n"
        "Dictionaries: --dicts DIR, else $DYAD_DICTS, else ./dicts (`make dicts`).\n",
        "version", "print the version", "help", "this text");
}

int cli_exit_status(dyad_status st) {
    switch (st) {
    case DYAD_OK: return EXIT_OK_;
    case DYAD_EPARSE: case DYAD_ECORRUPT: return EXIT_DATA;
    case DYAD_EINVAL: return EXIT_USAGE;
    default: return EXIT_FAIL;
    }
}

const char *cli_dicts_dir(const char *opt) {
    if (opt && *opt) return opt;
    const char *env = getenv("DYAD_DICTS");
    return env && *env ? env : "dicts";
}

void cli_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("dyad: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_opt_value(int argc, char **argv, int *i, const char *name, const char **out) {
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0) return 0;
    if (a[n] == '=') { *out = a + n + 1; return 1; }
    if (a[n] != '\0') return 0;
    if (*i + 1 >= argc) { cli_error("option %s needs a value", name); exit(EXIT_USAGE); }
    *out = argv[++*i];
    return 1;
}

int cli_repairs_off(const char *list, const char *where) {
    uint64_t mask;
    const char *bad = NULL;
    size_t nbad = 0;
    if (pt_repairs_mask(list, &mask, &bad, &nbad)) {
        cli_error("%s: no tree repair named '%.*s' (`dyad parse --list-repairs` lists them)", where, (int)nbad, bad);
        return EXIT_USAGE;
    }
    pt_repairs_set_off(mask);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) { usage(stderr); return EXIT_USAGE; }
    const char *name = argv[1];
    if (!strcmp(name, "help") || !strcmp(name, "--help") || !strcmp(name, "-h")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(name, "version") || !strcmp(name, "--version")) {
        printf("dyad %s\n", dyad_version());
        return 0;
    }
    const char *off = getenv("DYAD_REPAIRS_OFF");   /* developer switch (src/penn.h) */
    if (off && cli_repairs_off(off, "DYAD_REPAIRS_OFF")) return EXIT_USAGE;
    const char *noff = getenv("DYAD_NEWS_OFF");     /* developer switch (src/code_news.h) */
    if (noff) {
        unsigned mask = 0;
        const char *bad = NULL;
        if (news_rule_mask(noff, &mask, &bad)) {
            cli_error("DYAD_NEWS_OFF: unknown rule at '%s' (relcl, inherit, symmetric, generic, oblique, names, all)", bad);
            return EXIT_USAGE;
        }
        news_set_default_off(mask);
    }
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!strcmp(name, commands[i].name)) return commands[i].run(argc - 1, argv + 1);
    cli_error("unknown command '%s' (try `dyad --help`)", name);
    return EXIT_USAGE;
}
