/* cmd_train.c: `dyad train`, the tagger/lemmatizer/parser model from a
** CoNLL-U treebank (UD English EWT in `make model`). */
#include "cli.h"
#include <stdlib.h>
#include <string.h>

#define MAX_FILES 16   /* --train and --dev files each */

static void progress(const char *msg, void *ctx) {
    (void)ctx;
    fprintf(stderr, "train: %s\n", msg);
}

static void usage(FILE *f) {
    fprintf(f,
        "usage: dyad train --train TRAIN.conllu [--dev DEV.conllu] -o MODEL [options]\n\n"
        "Train the tagger, lemmatizer and dependency parser from CoNLL-U treebanks.\n"
        "DEV picks the best parser epoch (by LAS). Same input, same model bytes.\n\n"
        "options:\n"
        "  --train FILE        training treebank (CoNLL-U); repeat to train on several,\n"
        "                      read in the order given (a file given twice counts twice)\n"
        "  --parser-weight W   the parser's weight of the --train file given just before\n"
        "                      (0 to 1, default 1): each epoch it learns from each of\n"
        "                      that file's sentences with probability W; the tagger and\n"
        "                      lexicon learn from all of them\n"
        "  --dev FILE          development treebank for model selection; repeat to\n"
        "                      select on several together\n"
        "  -o, --output FILE   model file to write\n"
        "  --tag-epochs N      tagger epochs (default 8)\n"
        "  --parse-epochs N    parser epochs (default 15)\n"
        "  --folds N           jackknife folds for the parser's training tags (default 5)\n"
        "  --prune X           drop parser weights of magnitude below X (default 0)\n"
        "  --features N        1 (default): base features; 2: also ambiguity classes in the\n"
        "                      tagger and word suffixes in the parser; 3: also ambiguity\n"
        "                      classes in the parser; 4: also the tagger's runner-up\n"
        "                      tags in the parser; 5: also word classes in both, learned\n"
        "                      from the training words and --unlabeled (docs/parser.md)\n"
        "  --unlabeled FILE    raw text (one paragraph or article a line) for the word\n"
        "                      classes of feature set 5\n"
        "  --projectivize      lift the arcs of non-projective training trees instead of\n"
        "                      skipping those trees (docs/parser.md)\n"
        "  -q, --quiet         no progress on stderr\n");
}

int cmd_train(int argc, char **argv) {
    const char *train[MAX_FILES + 1] = {0}, *dev[MAX_FILES + 1] = {0}, *out = NULL, *v;
    int features = 1, ntrain = 0, ndev = 0;
    double weight[MAX_FILES];
    dyad_train_opts o;
    memset(&o, 0, sizeof o);
    o.progress = progress;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return 0; }
        else if (cli_opt_value(argc, argv, &i, "--train", &v)) {
            if (ntrain == MAX_FILES) { cli_error("train: at most %d --train files", MAX_FILES); return EXIT_USAGE; }
            weight[ntrain] = 1.0;
            train[ntrain++] = v;
        }
        else if (cli_opt_value(argc, argv, &i, "--parser-weight", &v)) {
            char *end;
            double w = strtod(v, &end);
            if (!ntrain || *end || end == v || !(w >= 0.0 && w <= 1.0)) {
                cli_error("train: --parser-weight needs a number from 0 to 1, after a --train file");
                return EXIT_USAGE;
            }
            weight[ntrain - 1] = w;
        }
        else if (cli_opt_value(argc, argv, &i, "--dev", &v)) {
            if (ndev == MAX_FILES) { cli_error("train: at most %d --dev files", MAX_FILES); return EXIT_USAGE; }
            dev[ndev++] = v;
        }
        else if (cli_opt_value(argc, argv, &i, "--output", &out)) {}
        else if (cli_opt_value(argc, argv, &i, "-o", &out)) {}
        else if (cli_opt_value(argc, argv, &i, "--tag-epochs", &v)) o.tag_epochs = atoi(v);
        else if (cli_opt_value(argc, argv, &i, "--parse-epochs", &v)) o.parse_epochs = atoi(v);
        else if (cli_opt_value(argc, argv, &i, "--folds", &v)) o.folds = atoi(v);
        else if (cli_opt_value(argc, argv, &i, "--prune", &v)) o.prune = (float)atof(v);
        else if (cli_opt_value(argc, argv, &i, "--features", &v)) features = atoi(v);
        else if (!strcmp(a, "--projectivize")) o.projectivize = 1;
        else if (cli_opt_value(argc, argv, &i, "--unlabeled", &v)) o.unlabeled = v;
        else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) o.progress = NULL;
        else { cli_error("train: unknown argument '%s'", a); usage(stderr); return EXIT_USAGE; }
    }
    if (!ntrain || !out) { cli_error("train: --train and -o are required"); usage(stderr); return EXIT_USAGE; }
    if (o.tag_epochs < 0 || o.parse_epochs < 0 || o.folds < 0 || o.folds == 1) {
        cli_error("train: epochs must be positive, folds 0 or at least 2");
        return EXIT_USAGE;
    }
    char err[512] = "";
    o.train_more = train + 1;   /* NULL-terminated: the arrays have MAX_FILES + 1 slots */
    o.dev_more = ndev ? dev + 1 : NULL;
    o.train_weight = weight;
    dyad_status st = dyad_train_features(train[0], dev[0], out, &o, features, err, sizeof err);
    if (st) {
        cli_error("train: %s", err[0] ? err : dyad_strerror(st));
        if (st == DYAD_EIO && o.unlabeled && strstr(err, "unlabeled text"))
            cli_error("train: the news corpus for the word classes is ../shared/data/news/news.txt (see docs/parser.md)");
        else if (st == DYAD_EIO) cli_error("train: the UD English EWT treebank is in ../shared/data/ud/en_ewt (see docs/parser.md)");
        return cli_exit_status(st);
    }
    return 0;
}
