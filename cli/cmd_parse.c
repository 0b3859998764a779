/* cmd_parse.c: `dyad parse`: CoNLL-U or tokenized text in, CoNLL-U out;
** `--eval GOLD` parses the gold tokens and prints UPOS/XPOS/UAS/LAS
** (CoNLL 2018 definitions: universal relation part, punctuation included). */
#include "cli.h"
#include "penn.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_MODEL "models/en_ewt.dyadm"

static void usage(FILE *f) {
    fprintf(f,
        "usage: dyad parse [--model M] [--format auto|conllu|text] [FILE]\n"
        "       dyad parse [--model M] --eval GOLD.conllu [--details] [--doc-prefix P]\n"
        "       dyad parse --repaired [--repairs-off LIST] [--given] [FILE]\n"
        "       dyad parse --list-repairs\n\n"
        "Tag (UPOS, Penn XPOS, lemma, FEATS) and parse (UD head and relation) the\n"
        "sentences of FILE (default stdin): CoNLL-U, or tokenized text with one\n"
        "sentence a line. Writes CoNLL-U to stdout.\n\n"
        "options:\n"
        "  --model M     model file (default $DYAD_MODEL, else " DEFAULT_MODEL ")\n"
        "  --format F    input format: auto (default), conllu or text\n"
        "  --eval GOLD   parse GOLD's tokens; print UPOS, XPOS, UAS, LAS (%%) and tokens/s\n"
        "                (tagging + parsing per CPU-second of this thread, model loaded)\n"
        "  --details     with --eval: also LEMMA, and per relation precision/recall/F1 (LAS)\n"
        "  --doc-prefix P  with --eval: only the documents whose \"# newdoc id\" starts\n"
        "                with P (GUM_news: GUM's news articles)\n\n"
        "developer switches (the tree repairs of the PETRARCH-1 coder, docs/penn-to-ud.md):\n"
        "  --repaired    write each tree as the coder's phrase rebuild sees it, after the\n"
        "                tree repairs (heads, relations and tags they change)\n"
        "  --repairs-off LIST  leave out the repairs named in LIST (comma-separated, or\n"
        "                `all`); implies --repaired. DYAD_REPAIRS_OFF=LIST does the same\n"
        "                for any dyad command\n"
        "  --given       with --repaired: repair the trees of a CoNLL-U FILE as given,\n"
        "                without parsing them (no model needed)\n"
        "  --list-repairs  print the repairs in the order they run: name, rule, example\n"
        "                (tab-separated, one a line)\n");
}

static int uni_eq(const char *a, const char *b) {
    size_t i = 0;
    for (; a[i] && a[i] != ':' && b[i] && b[i] != ':'; i++) if (a[i] != b[i]) return 0;
    return (a[i] == 0 || a[i] == ':') && (b[i] == 0 || b[i] == ':');
}

static size_t uni_len(const char *a) { size_t i = 0; while (a[i] && a[i] != ':') i++; return i; }

#define MAXREL 64
typedef struct relstat { char name[24]; long gold, pred, right; } relstat;

static relstat *rel_get(relstat *r, int *n, const char *z) {
    size_t l = uni_len(z);
    if (l >= sizeof r->name) l = sizeof r->name - 1;
    for (int i = 0; i < *n; i++) if (strlen(r[i].name) == l && !strncmp(r[i].name, z, l)) return &r[i];
    if (*n >= MAXREL) return NULL;
    memset(&r[*n], 0, sizeof *r);
    memcpy(r[*n].name, z, l);
    return &r[(*n)++];
}

/* CPU time of this thread: the figure stays meaningful on a loaded machine
** (wall-clock time would count other processes' turns on the core). */
static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int eval(const dyad_model *m, const char *gold, int details, const char *doc_prefix) {
    dyad_conllu *r;
    dyad_status st = dyad_conllu_open(gold, DYAD_CONLLU_CONLLU, &r);
    if (st) { cli_error("parse: %s: %s", gold, dyad_strerror(st)); return cli_exit_status(st); }
    dyad_sentence *g = dyad_sentence_new(), *p = dyad_sentence_new();
    if (!g || !p) { cli_error("parse: out of memory"); return EXIT_FAIL; }
    long tot = 0, cu = 0, cx = 0, ch = 0, cl = 0, clem = 0;
    relstat rel[MAXREL]; int nrel = 0;
    double secs = 0;
    int got, rc = 0;
    for (;;) {
        st = dyad_conllu_next(r, g, &got);
        if (st == DYAD_EPARSE || st == DYAD_ELIMIT) { cli_error("parse: %s", dyad_conllu_errmsg(r)); rc = EXIT_DATA; continue; }
        if (st || !got) break;
        if (doc_prefix && strncmp(dyad_conllu_doc(r), doc_prefix, strlen(doc_prefix))) continue;
        int n = dyad_sentence_len(g);
        dyad_token *gt = dyad_sentence_tokens(g);
        dyad_sentence_clear(p);
        for (int i = 0; i < n && !st; i++) {
            dyad_token t = {0};
            t.form = gt[i].form; t.head = -1;
            st = dyad_sentence_add(p, &t);
        }
        double t0 = now();
        if (!st) st = dyad_parse_sentence(m, p);
        secs += now() - t0;
        if (st) break;
        dyad_token *pt = dyad_sentence_tokens(p);
        for (int i = 0; i < n; i++) {
            tot++;
            cu += !strcmp(pt[i].upos, gt[i].upos);
            cx += !strcmp(pt[i].xpos, gt[i].xpos);
            clem += !strcmp(pt[i].lemma, gt[i].lemma);
            int hok = pt[i].head == gt[i].head, lok = hok && uni_eq(pt[i].deprel, gt[i].deprel);
            ch += hok; cl += lok;
            relstat *a = rel_get(rel, &nrel, gt[i].deprel), *b = rel_get(rel, &nrel, pt[i].deprel);
            if (a) { a->gold++; a->right += lok; }
            if (b) b->pred++;
        }
    }
    if (st) { cli_error("parse: %s", dyad_strerror(st)); rc = cli_exit_status(st); }
    else if (doc_prefix && !tot) {
        cli_error("parse: %s: no document whose id starts with '%s'", gold, doc_prefix);
        if (!rc) rc = EXIT_DATA;
    }
    double d = tot ? 100.0 / tot : 0;
    printf("UPOS: %.2f\nXPOS: %.2f\nUAS: %.2f\nLAS: %.2f\ntokens/s: %.0f\n", cu * d, cx * d, ch * d, cl * d,
           secs > 0 ? tot / secs : 0);
    if (details) {
        printf("LEMMA: %.2f\ntokens: %ld\n", clem * d, tot);
        for (int i = 0; i < nrel; i++) {
            relstat *x = &rel[i];
            double pr = x->pred ? 100.0 * x->right / x->pred : 0, re = x->gold ? 100.0 * x->right / x->gold : 0;
            printf("rel %-12s gold %6ld  P %6.2f  R %6.2f  F1 %6.2f\n", x->name, x->gold, pr, re,
                   pr + re > 0 ? 2 * pr * re / (pr + re) : 0);
        }
    }
    dyad_sentence_free(g); dyad_sentence_free(p);
    dyad_conllu_close(r);
    return rc;
}

static void list_repairs(void) {
    for (int i = 0; i < pt_repair_count(); i++) {
        const pt_repair_info *r = pt_repair_get(i);
        printf("%s\t%s\t%s\n", r->zName, r->zRule, r->zExample);
    }
}

int cmd_parse(int argc, char **argv) {
    const char *model = NULL, *gold = NULL, *file = NULL, *fmt = "auto", *off = NULL, *doc_prefix = NULL;
    int details = 0, repaired = 0, given = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return 0; }
        else if (cli_opt_value(argc, argv, &i, "--model", &model)) {}
        else if (cli_opt_value(argc, argv, &i, "--eval", &gold)) {}
        else if (cli_opt_value(argc, argv, &i, "--format", &fmt)) {}
        else if (cli_opt_value(argc, argv, &i, "--repairs-off", &off)) repaired = 1;
        else if (cli_opt_value(argc, argv, &i, "--doc-prefix", &doc_prefix)) {}
        else if (!strcmp(a, "--details")) details = 1;
        else if (!strcmp(a, "--repaired")) repaired = 1;
        else if (!strcmp(a, "--given")) given = 1;
        else if (!strcmp(a, "--list-repairs")) { list_repairs(); return 0; }
        else if (a[0] == '-' && a[1]) { cli_error("parse: unknown option '%s'", a); usage(stderr); return EXIT_USAGE; }
        else if (file) { cli_error("parse: one input file at most"); return EXIT_USAGE; }
        else file = a;
    }
    int mode = !strcmp(fmt, "auto") ? DYAD_CONLLU_AUTO : !strcmp(fmt, "conllu") ? DYAD_CONLLU_CONLLU
             : !strcmp(fmt, "text") ? DYAD_CONLLU_TEXT : -1;
    if (mode < 0) { cli_error("parse: --format must be auto, conllu or text"); return EXIT_USAGE; }
    if (given && (!repaired || gold || mode == DYAD_CONLLU_TEXT)) {
        cli_error("parse: --given repairs the trees of CoNLL-U input: it goes with --repaired, not --eval");
        return EXIT_USAGE;
    }
    if (off && cli_repairs_off(off, "parse: --repairs-off")) return EXIT_USAGE;
    if (given) mode = DYAD_CONLLU_CONLLU;
    if (doc_prefix && !gold) { cli_error("parse: --doc-prefix needs --eval"); return EXIT_USAGE; }
    if (!model) model = getenv("DYAD_MODEL");
    if (!model || !*model) model = DEFAULT_MODEL;
    dyad_model *m = NULL;
    char err[512] = "";
    dyad_status st = given ? DYAD_OK : dyad_model_load(model, &m, err, sizeof err);
    if (st) { cli_error("parse: %s", err); return cli_exit_status(st); }
    if (gold) { int rc = eval(m, gold, details, doc_prefix); dyad_model_free(m); return rc; }
    dyad_conllu *r;
    st = dyad_conllu_open(file, mode, &r);
    if (st) {
        cli_error("parse: %s: %s", file ? file : "<stdin>", dyad_strerror(st));
        dyad_model_free(m);
        return cli_exit_status(st);
    }
    dyad_sentence *s = dyad_sentence_new();
    int rc = 0, got;
    if (!s) { cli_error("parse: out of memory"); rc = EXIT_FAIL; }
    while (s) {
        st = dyad_conllu_next(r, s, &got);
        if (st == DYAD_EPARSE || st == DYAD_ELIMIT) { cli_error("parse: %s", dyad_conllu_errmsg(r)); rc = EXIT_DATA; continue; }
        if (st) { cli_error("parse: %s", dyad_strerror(st)); rc = EXIT_FAIL; break; }
        if (!got) break;
        if (!given) st = dyad_parse_sentence(m, s);
        if (!st && repaired) st = pt_repair(dyad_sentence_tokens(s), dyad_sentence_len(s), pt_repairs_off());
        if (st || (st = dyad_conllu_write(stdout, s))) {
            cli_error("parse: %s", dyad_strerror(st)); rc = EXIT_FAIL; break;
        }
    }
    dyad_sentence_free(s);
    dyad_conllu_close(r);
    dyad_model_free(m);
    return rc;
}
