/*
** cmd_dict.c: `dyad dict stats|lookup|check|compile`: load the dictionaries
** and show what was loaded, what a phrase resolves to, or what is wrong.
*/
#include "cli.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage_dict(FILE *f) {
    fputs("usage: dyad dict stats   [--dicts DIR] [--set NAME] [--lenient] [--kind KIND] [FILE...]\n"
          "       dyad dict lookup  PHRASE [--date YYYY-MM-DD] [--dicts DIR] [--set NAME] [FILE...]\n"
          "       dyad dict check   [--kind KIND] FILE...   (or --dicts DIR)\n"
          "       dyad dict compile [--dicts DIR] [--set NAME] [FILE...] -o CACHE\n"
          "stats and lookup also take --cache CACHE: use that compiled cache when it is\n"
          "fresh (made by this build from unchanged files), else load the files.\n\n"
          "Dictionaries come from FILE arguments, else from the folder --dicts DIR\n"
          "(default $DYAD_DICTS, else ./dicts; `make dicts` fills it). A folder gives a\n"
          "named set: production (default: CAMEO.2.0.txt, Phoenix.*.actors.txt,\n"
          "Phoenix.agents.txt, Phoenix.discards.txt, Phoenix.IssueCoding.txt),\n"
          "validate (PETR.Validate.*.txt) or validate2 (the same with\n"
          "PETR.Validate.verbs.2.0.txt). The kind of a FILE is guessed from its name;\n"
          "--kind verbs|verbs2|verbs1|actors|agents|discards|issues forces it.\n"
          "A malformed line is reported as file:line: message and gives exit status 2;\n"
          "--lenient skips such lines and counts them. `check` also lists duplicate\n"
          "entries, conflicting codes and undefined synsets (exit 1 if any).\n", f);
}

typedef struct opts {
    const char *dicts, *set, *date, *out, *kind, *cache;
    int lenient;
    const char *pos[256];
    int npos;
} opts;

/* Parse options after the subcommand; returns -1 on a usage error, 1 for --help. */
static int parse_opts(int argc, char **argv, opts *o) {
    memset(o, 0, sizeof *o);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) return 1;
        if (cli_opt_value(argc, argv, &i, "--dicts", &o->dicts)) continue;
        if (cli_opt_value(argc, argv, &i, "--set", &o->set)) continue;
        if (cli_opt_value(argc, argv, &i, "--date", &o->date)) continue;
        if (cli_opt_value(argc, argv, &i, "--kind", &o->kind)) continue;
        if (cli_opt_value(argc, argv, &i, "-o", &o->out)) continue;
        if (cli_opt_value(argc, argv, &i, "--cache", &o->cache)) continue;
        if (!strcmp(a, "--lenient")) { o->lenient = 1; continue; }
        if (a[0] == '-' && a[1]) { cli_error("dict: unknown option '%s'", a); return -1; }
        if (o->npos == 256) { cli_error("dict: too many arguments"); return -1; }
        o->pos[o->npos++] = a;
    }
    return 0;
}

static int kind_of(const char *k, dyad_dict_kind *out) {
    static const struct { const char *name; dyad_dict_kind kind; } t[] = {
        {"verbs", DYAD_DK_VERBS}, {"verbs2", DYAD_DK_VERBS_CAMEO2}, {"verbs1", DYAD_DK_VERBS_LEGACY},
        {"actors", DYAD_DK_ACTORS}, {"agents", DYAD_DK_AGENTS}, {"discards", DYAD_DK_DISCARDS},
        {"issues", DYAD_DK_ISSUES}};
    if (!k) { *out = DYAD_DK_AUTO; return 0; }
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (!strcmp(k, t[i].name)) { *out = t[i].kind; return 0; }
    cli_error("dict: unknown --kind '%s' (verbs, verbs2, verbs1, actors, agents, discards, issues)", k);
    return -1;
}

/* Load files[0..n) or, with none, the folder. Prints errors. Returns the
** exit status (0 ok) and the set in *out (NULL on failure). */
static int load(const opts *o, const char *const *files, int n, unsigned flags, dyad_dicts **out) {
    dyad_dict_kind kind;
    *out = NULL;
    if (kind_of(o->kind, &kind)) return EXIT_USAGE;
    if (o->cache) {                   /* a fresh compiled cache replaces the sources */
        dyad_dicts *c;
        dyad_status cs = dyad_dicts_open_compiled(o->cache, &c);
        if (cs == DYAD_OK) { *out = c; return 0; }
        fprintf(stderr, "dyad: note: %s; loading the dictionary files\n", dyad_dicts_errmsg(c));
        dyad_dicts_free(c);
    }
    dyad_dicts *d = dyad_dicts_new(flags);
    if (!d) { cli_error("dict: out of memory"); return EXIT_FAIL; }
    dyad_status st = DYAD_OK;
    if (n > 0) {
        for (int i = 0; i < n && !st; i++) st = dyad_dicts_add_file(d, files[i], kind);
    } else {
        const char *dir = cli_dicts_dir(o->dicts);
        st = dyad_dicts_add_dir(d, dir, o->set);
        if (st == DYAD_EIO)
            fprintf(stderr, "dyad: %s\ndyad: no dictionaries in '%s': run `make dicts`, or give "
                    "--dicts DIR (e.g. ../shared/data/petrarch) or set $DYAD_DICTS\n",
                    dyad_dicts_errmsg(d), dir);
    }
    if (!st) st = dyad_dicts_freeze(d);
    for (size_t i = 0; i < dyad_dicts_ndiag(d); i++) fprintf(stderr, "%s\n", dyad_dicts_diag(d, i));
    if (st) {
        if (st != DYAD_EIO || n > 0) fprintf(stderr, "%s\n", dyad_dicts_errmsg(d));
        dyad_dicts_free(d);
        return cli_exit_status(st);
    }
    *out = d;
    return 0;
}

static int dict_stats(const opts *o) {
    dyad_dicts *d;
    int rc = load(o, o->pos, o->npos, o->lenient ? DYAD_DICT_LENIENT : 0, &d);
    if (rc) return rc;
    size_t skipped = 0;
    for (size_t i = 0; i < dyad_dicts_nfiles(d); i++) {
        const dyad_dict_stats *s = dyad_dicts_file_stats(d, i);
        printf("%s: %s, %u lines\n", s->file, s->kind, (unsigned)s->lines);
        if (!strncmp(s->kind, "verbs", 5))
            printf("  blocks %u, verbs %u, forms %u, patterns %u, synsets %u, members %u, transforms %u\n",
                   s->blocks, s->verbs, s->forms, s->patterns, s->synsets, s->members, s->transforms);
        else if (!strcmp(s->kind, "actors"))
            printf("  actors %u, synonyms %u, codes %u, dated codes %u\n",
                   s->actors, s->synonyms, s->codes, s->dated);
        else if (!strcmp(s->kind, "agents"))
            printf("  agents %u, agent phrases %u, substitution sets %u\n",
                   s->agents, s->agent_forms, s->subst_sets);
        else if (!strcmp(s->kind, "discards"))
            printf("  discards %u\n", s->discards);
        else
            printf("  issues %u, ignore phrases %u\n", s->issues, s->issue_ignores);
        if (s->skipped) printf("  skipped (malformed) %u\n", s->skipped);
        skipped += s->skipped;
    }
    printf("errors: %zu\n", skipped);
    dyad_dicts_free(d);
    return 0;
}

static void print_hit(void *ctx, const dyad_dict_hit *h) {
    (void)ctx;
    printf("%-7s %-30s %-12s %s:%u", h->what, h->phrase, h->code && *h->code ? h->code : "-",
           h->file, (unsigned)h->line);
    if (h->detail && *h->detail) printf("  (%s)", h->detail);
    putchar('\n');
}

static int dict_lookup(const opts *o) {
    if (o->npos < 1) { cli_error("dict lookup: give a PHRASE"); usage_dict(stderr); return EXIT_USAGE; }
    dyad_dicts *d;
    int rc = load(o, o->pos + 1, o->npos - 1, o->lenient ? DYAD_DICT_LENIENT : 0, &d);
    if (rc) return rc;
    dyad_status st = dyad_dicts_lookup(d, o->pos[0], o->date, print_hit, NULL);
    if (st == DYAD_EINVAL) { cli_error("dict lookup: bad --date '%s' (want YYYY-MM-DD)", o->date); rc = EXIT_USAGE; }
    else if (st == DYAD_ENOTFOUND) { printf("%s: not found\n", o->pos[0]); rc = EXIT_FAIL; }
    else if (st) { cli_error("dict lookup: %s", dyad_strerror(st)); rc = EXIT_FAIL; }
    dyad_dicts_free(d);
    return rc;
}

static int dict_check(const opts *o) {
    dyad_dicts *d = dyad_dicts_new(DYAD_DICT_LENIENT | DYAD_DICT_LINT);
    dyad_dict_kind kind;
    if (!d) return EXIT_FAIL;
    if (kind_of(o->kind, &kind)) { dyad_dicts_free(d); return EXIT_USAGE; }
    dyad_status st = DYAD_OK;
    if (o->npos > 0) {
        for (int i = 0; i < o->npos && !st; i++) st = dyad_dicts_add_file(d, o->pos[i], kind);
    } else {
        st = dyad_dicts_add_dir(d, cli_dicts_dir(o->dicts), o->set);
    }
    if (!st) st = dyad_dicts_freeze(d);
    size_t nd = dyad_dicts_ndiag(d), bad = dyad_dicts_nskipped(d);
    for (size_t i = 0; i < nd; i++) printf("%s\n", dyad_dicts_diag(d, i));
    int rc = 0;
    if (st) { fprintf(stderr, "%s\n", dyad_dicts_errmsg(d)); rc = cli_exit_status(st); }
    else if (bad) rc = EXIT_DATA;
    else if (nd) rc = EXIT_FAIL;
    fprintf(stderr, "dict check: %zu malformed lines, %zu warnings\n", bad, nd - bad);
    dyad_dicts_free(d);
    return rc;
}

static int dict_compile(const opts *o) {
    if (!o->out) { cli_error("dict compile: give -o FILE"); return EXIT_USAGE; }
    dyad_dicts *d;
    int rc = load(o, o->pos, o->npos, 0, &d);
    if (rc) return rc;
    dyad_status st = dyad_dicts_compile(d, o->out);
    if (st) { cli_error("%s", dyad_dicts_errmsg(d)); rc = cli_exit_status(st); }
    dyad_dicts_free(d);
    return rc;
}

int cmd_dict(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage_dict(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : 0;
    }
    const char *sub = argv[1];
    opts o;
    int p = parse_opts(argc - 1, argv + 1, &o);
    if (p == 1) { usage_dict(stdout); return 0; }
    if (p < 0) return EXIT_USAGE;
    if (!strcmp(sub, "stats")) return dict_stats(&o);
    if (!strcmp(sub, "lookup")) return dict_lookup(&o);
    if (!strcmp(sub, "check")) return dict_check(&o);
    if (!strcmp(sub, "compile")) return dict_compile(&o);
    cli_error("dict: unknown subcommand '%s' (stats, lookup, check, compile)", sub);
    return EXIT_USAGE;
}
