/*
** cmd_validate.c: `dyad validate FILE.xml`, the PETRARCH validation suite
** runner. Codes each evaluable record (sentence="true" or evaluate="true",
** category in <Include>) as a one-sentence article through the driver of
** `dyad code` (dyad_engine + dyad_doc: parse, code, resolve), compares the
** set of (source, target, code) triples with the expected set, prints each
** failure with its evidence, ends "N passed, N failed".
*/
#include "cli.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void usage(FILE *f) {
    fputs("usage: dyad validate FILE.xml [--parse given|own|own-words] [--parses-from OTHER.xml]\n"
          "                     [--coder p1|news] [--dicts DIR] [--model FILE] [--json]\n"
          "                     [--strict] [--quiet] [--repairs-off LIST]\n\n"
          "Runs a PETRARCH validation file (e.g. PETR.UnitTest.records.xml, or one in\n"
          "UniversalPetrarch's dialect): codes every record with sentence=\"true\" (or\n"
          "evaluate=\"true\") whose category is in <Include>, as a one-sentence article\n"
          "through the driver of `dyad code`, and compares its set of (source, target,\n"
          "code) triples with the <EventCoding> records (noevents and error records\n"
          "expect none). Prints each failure (id, text, expected, got, evidence) and\n"
          "ends with the line `N passed, N failed`.\n\n"
          "  --parse given     code the <Parse> of each record (Penn or CoNLL-U; default)\n"
          "  --parse own       code each record from its <Text>: our tokenizer, tagger and\n"
          "                    parser (--model), as `dyad code` does with raw text (the\n"
          "                    record is one sentence even if the segmenter would split it)\n"
          "  --parse own-words re-parse the words of each record's <Parse> with our parser\n"
          "  --parses-from F   take each record's parse from file F (ids matched with\n"
          "                    `-` and `_` equal, case ignored); expectations stay FILE's\n"
          "  --coder p1        PETRARCH-1's semantics, with each record's <Config> options\n"
          "                    (default: the suite was written for PETRARCH-1)\n"
          "  --coder news      the news coder with the options of `dyad code`\n"
          "  --dicts DIR       where to find the <Environment> dictionaries when they are\n"
          "                    not beside FILE (default: $DYAD_DICTS, else ./dicts); an\n"
          "                    entry may list several files separated by commas\n"
          "  --model FILE      parser model for --parse own (default: $DYAD_MODEL, else\n"
          "                    models/en_ewt.dyadm, made by `make model`)\n"
          "  --json            also write one JSON object per evaluated record\n"
          "  --strict          exit 1 if any record fails\n"
          "  --quiet           do not print failures\n"
          "  --repairs-off L   with own parses: leave out the tree repairs named in L\n"
          "                    (comma-separated, `all`; `dyad parse --list-repairs`),\n"
          "                    to measure what they are worth (developer switch)\n", f);
}

static int exists(const char *p) { struct stat st; return stat(p, &st) == 0 && S_ISREG(st.st_mode); }

/* dictionary `name` beside the XML file, else in dir */
static int find_dict(const char *xml, const char *dir, const char *name, char *out, size_t n) {
    const char *sl = strrchr(xml, '/');
    if (name[0] == '/') { snprintf(out, n, "%s", name); return exists(out); }
    if (sl) snprintf(out, n, "%.*s/%s", (int)(sl - xml), xml, name);
    else snprintf(out, n, "%s", name);
    if (exists(out)) return 1;
    snprintf(out, n, "%s/%s", dir, name);
    return exists(out);
}

static void json_str(FILE *f, const char *s) {
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
        else if (*p == '\n') fputs("\\n", f);
        else if (*p == '\t') fputs("\\t", f);
        else if (*p < 0x20) fprintf(f, "\\u%04x", *p);
        else fputc(*p, f);
    }
    fputc('"', f);
}

typedef struct trip { const char *s, *t, *c; } trip;

static int trip_cmp(const void *a, const void *b) {
    const trip *x = a, *y = b;
    int r = strcmp(x->s, y->s);
    if (!r) r = strcmp(x->t, y->t);
    if (!r) r = strcmp(x->c, y->c);
    return r;
}

static int uniq(trip *t, int n) {
    if (n == 0) return 0;
    qsort(t, (size_t)n, sizeof *t, trip_cmp);
    int m = 1;
    for (int i = 1; i < n; i++) if (trip_cmp(&t[i], &t[m - 1])) t[m++] = t[i];
    return m;
}

/* Read a record's parse (Penn if it starts with "(", else CoNLL-U). */
static dyad_status load_parse(const char *parse, const char *name, dyad_sentence *s, dyad_phrases *ps,
                              char *err, size_t nerr) {
    const char *p = parse;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    if (*p == '(') return dyad_penn_read(p, strlen(p), s, ps, err, nerr);
    dyad_conllu *r = NULL;
    dyad_status st = dyad_conllu_open_mem(p, strlen(p), name, DYAD_CONLLU_CONLLU, &r);
    if (st == DYAD_OK) {
        int got = 0;
        st = dyad_conllu_next(r, s, &got);
        if (st == DYAD_OK && !got) st = DYAD_EPARSE;
        if (st) snprintf(err, nerr, "%s", dyad_conllu_errmsg(r));
    } else {
        snprintf(err, nerr, "%s", r ? dyad_conllu_errmsg(r) : dyad_strerror(st));
    }
    dyad_conllu_close(r);
    return st;
}

/* A record as a one-sentence article: id, its date as YYYY-MM-DD, and its
** <Text> normalized as the article reader does (text OWNED by *buf). */
static dyad_status record_article(const dyad_valrecord *r, const char *file, long index,
                                  char date[11], char **buf, dyad_article *a) {
    memset(a, 0, sizeof *a);
    snprintf(date, 11, "%.4s-%.2s-%.2s", r->date, r->date + 4, r->date + 6);
    size_t n = 0;
    dyad_status st = dyad_normalize(r->text, strlen(r->text), DYAD_NORM_DEFAULT, buf, &n, NULL);
    if (st) return st;
    a->id = r->id;
    a->date = date;
    a->title = a->source = "";
    a->text = *buf;
    a->text_len = n;
    a->file = file;
    a->line = r->line;
    a->index = index;
    return DYAD_OK;
}

/* The dictionaries named in the Environment, found beside FILE or in DIR,
** into d (frozen). Returns an exit status. */
static int load_dicts(const dyad_valfile *v, const char *file, const char *dir, dyad_dicts *d) {
    static const struct { const char *env; dyad_dict_kind kind; } df[] = {
        {"Verbfile", DYAD_DK_VERBS}, {"Actorfile", DYAD_DK_ACTORS}, {"Agentfile", DYAD_DK_AGENTS},
        {"Discardfile", DYAD_DK_DISCARDS}, {"Issuefile", DYAD_DK_ISSUES}};
    dyad_status st;
    for (size_t k = 0; k < sizeof df / sizeof df[0]; k++) {
        const char *list = dyad_valfile_env(v, df[k].env);
        /* "A.txt, B.txt": several files (UniversalPetrarch's Actorfile) */
        for (const char *p = list; p && *p;) {
            while (*p == ',' || *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
            const char *e = p;
            while (*e && *e != ',') e++;
            size_t n = (size_t)(e - p);
            while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\n' || p[n - 1] == '\r')) n--;
            char name[1024], path[2048];
            snprintf(name, sizeof name, "%.*s", (int)n, p);
            p = e;
            if (!*name) continue;
            if (!find_dict(file, dir, name, path, sizeof path)) {
                cli_error("validate: %s %s not found beside %s nor in %s (use --dicts DIR)", df[k].env, name, file, dir);
                return EXIT_DATA;
            }
            st = dyad_dicts_add_file(d, path, df[k].kind);
            if (st) { cli_error("%s", dyad_dicts_errmsg(d)); return cli_exit_status(st); }
        }
    }
    st = dyad_dicts_freeze(d);
    if (st) { cli_error("%s", dyad_dicts_errmsg(d)); return cli_exit_status(st); }
    /* malformed dictionary lines are skipped, never silently */
    for (size_t k = 0; k < dyad_dicts_ndiag(d); k++) cli_error("%s (line skipped)", dyad_dicts_diag(d, k));
    return EXIT_OK_;
}

static void json_trips(const char *key, const trip *t, int n) {
    printf(", \"%s\": [", key);
    for (int k = 0; k < n; k++) {
        printf("%s[", k ? ", " : "");
        json_str(stdout, t[k].s); printf(", "); json_str(stdout, t[k].t); printf(", "); json_str(stdout, t[k].c);
        printf("]");
    }
    printf("]");
}

int cmd_validate(int argc, char **argv) {
    const char *file = NULL, *parse = "given", *from = NULL, *dicts = NULL, *model = NULL, *coder = "p1",
               *off = NULL;
    int json = 0, strict = 0, quiet = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return 0; }
        if (cli_opt_value(argc, argv, &i, "--parse", &parse)) continue;
        if (cli_opt_value(argc, argv, &i, "--parses-from", &from)) continue;
        if (cli_opt_value(argc, argv, &i, "--dicts", &dicts)) continue;
        if (cli_opt_value(argc, argv, &i, "--model", &model)) continue;
        if (cli_opt_value(argc, argv, &i, "--coder", &coder)) continue;
        if (cli_opt_value(argc, argv, &i, "--repairs-off", &off)) continue;
        if (!strcmp(a, "--json")) { json = 1; continue; }
        if (!strcmp(a, "--strict")) { strict = 1; continue; }
        if (!strcmp(a, "--quiet")) { quiet = 1; continue; }
        if (a[0] == '-' && a[1]) { cli_error("validate: unknown option %s", a); usage(stderr); return EXIT_USAGE; }
        if (file) { cli_error("validate: only one FILE"); return EXIT_USAGE; }
        file = a;
    }
    if (!file) { usage(stderr); return EXIT_USAGE; }
    if (off && cli_repairs_off(off, "validate: --repairs-off")) return EXIT_USAGE;
    int from_text = !strcmp(parse, "own"), own_words = !strcmp(parse, "own-words");
    if (strcmp(parse, "given") && !from_text && !own_words) {
        cli_error("validate: --parse must be `given`, `own` or `own-words`");
        return EXIT_USAGE;
    }
    int p1 = !strcmp(coder, "p1");
    if (!p1 && strcmp(coder, "news")) { cli_error("validate: --coder must be `news` or `p1`"); return EXIT_USAGE; }
    char err[1024];
    dyad_valfile *v = NULL, *pv = NULL;
    dyad_status st = dyad_valfile_read(file, &v, err, sizeof err);
    if (st) {
        cli_error("%s%s", err, st == DYAD_EIO ? " (the PETRARCH suite is in ../shared/data/petrarch/)" : "");
        dyad_valfile_free(v);
        return cli_exit_status(st);
    }
    if (from) {
        st = dyad_valfile_read(from, &pv, err, sizeof err);
        if (st) { cli_error("%s", err); dyad_valfile_free(v); dyad_valfile_free(pv); return cli_exit_status(st); }
    }
    dyad_dicts *d = dyad_dicts_new(DYAD_DICT_LENIENT);
    dyad_engine *eng = NULL;
    dyad_doc *doc = NULL;
    dyad_sentence *s = NULL;
    dyad_phrases *ps = NULL;
    int rc = d ? load_dicts(v, file, cli_dicts_dir(dicts), d) : EXIT_FAIL;
    if (!d) cli_error("out of memory");
    if (rc) goto done;
    /* the driver of `dyad code` (segment, parse, code, resolve), over these dictionaries */
    dyad_engine_opts eo;
    dyad_engine_opts_default(&eo);
    eo.dicts = d;
    eo.coder = p1 ? DYAD_CODER_P1 : DYAD_CODER_NEWS;
    eo.filter = 0;                /* every event coded, as the record expects them */
    eo.no_model = !from_text && !own_words;
    eo.model_path = model ? model : getenv("DYAD_MODEL");
    st = dyad_engine_open(&eo, &eng, err, sizeof err);
    if (st) {
        cli_error("validate: --parse %s needs a parser model: %s", parse, err);
        rc = cli_exit_status(st);
        goto done;
    }
    doc = dyad_doc_new(eng);
    s = dyad_sentence_new();
    ps = dyad_phrases_new();
    if (!doc || !s || !ps) { cli_error("out of memory"); rc = EXIT_FAIL; goto done; }
    int pass = 0, fail = 0;
    for (int i = 0; i < dyad_valfile_count(v); i++) {
        const dyad_valrecord *r = dyad_valfile_record(v, i);
        if (!r->sentence || !r->included) continue;
        const char *ptext = r->parse;
        if (pv) {
            const dyad_valrecord *q = dyad_valfile_find(pv, r->id);
            ptext = q ? q->parse : "";
        }
        /* a record is one sentence; PETRARCH-1 honours its <Config> options,
        ** the news coder codes as `dyad code` does */
        dyad_doc_opts dopts = {p1 ? &r->opts : NULL, 1};
        dyad_doc_set_opts(doc, &dopts);
        const char *note = NULL;
        char perr[512] = "", date[11], *text = NULL;
        dyad_article a;
        st = DYAD_OK;
        if (!r->date_ok) {  /* no date-restricted actor code can be chosen: not coded */
            fprintf(stderr, "dyad: %s:%d: %s: bad date '%s' (want YYYYMMDD or YYYY-MM-DD)\n", file, r->line, r->id, r->date);
            note = "bad_date";
            snprintf(perr, sizeof perr, "bad date '%s'", r->date);
        } else if ((st = record_article(r, file, i + 1, date, &text, &a)) != DYAD_OK) {
            /* no memory */
        } else if (from_text) {
            st = dyad_doc_code(doc, &a);
        } else {
            const char *q = ptext;
            while (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r') q++;
            int penn = *q == '(';
            st = load_parse(ptext, r->id, s, ps, perr, sizeof perr);
            if (st && st != DYAD_NOMEM) { note = "bad_input_parse"; st = DYAD_OK; }
            else if (!st)   /* own-words: our parser on the words, the phrases rebuilt from UD */
                st = dyad_doc_code_parsed(doc, &a, s, penn && !own_words ? ps : NULL, own_words ? DYAD_DOC_PARSE : 0);
        }
        dyad_free(text);
        if (st == DYAD_NOMEM) { cli_error("out of memory"); rc = EXIT_FAIL; break; }
        int ng = 0;
        if (!note) {
            const dyad_doc_stats *ds = dyad_doc_get_stats(doc);
            const char *de = dyad_doc_error(doc);
            if (de) { note = "error"; snprintf(perr, sizeof perr, "%s", de); }
            else if (ds->story_discarded) note = "storydiscard";
            else if (ds->failed) note = "bad_input_parse";
            ng = (int)dyad_doc_nevents(doc);
        }
        int ne = r->nexpected;
        trip *exp = dyad_malloc(sizeof(trip) * (size_t)(ne + 1)), *got = dyad_malloc(sizeof(trip) * (size_t)(ng + 1));
        trip *eu = dyad_malloc(sizeof(trip) * (size_t)(ne + 1)), *gu = dyad_malloc(sizeof(trip) * (size_t)(ng + 1));
        if (!exp || !got || !eu || !gu) {
            dyad_free(exp); dyad_free(got); dyad_free(eu); dyad_free(gu);
            cli_error("out of memory"); rc = EXIT_FAIL; break;
        }
        for (int k = 0; k < ne; k++) exp[k] = (trip){r->expected[k].source, r->expected[k].target, r->expected[k].code};
        for (int k = 0; k < ng; k++) {
            const dyad_coded *c = dyad_doc_event(doc, (size_t)k);
            got[k] = (trip){c->source, c->target, c->code};
        }
        memcpy(eu, exp, sizeof(trip) * (size_t)ne);
        memcpy(gu, got, sizeof(trip) * (size_t)ng);
        int neu = uniq(eu, ne), ngu = uniq(gu, ng);
        int ok = neu == ngu;
        for (int k = 0; ok && k < neu; k++) if (trip_cmp(&eu[k], &gu[k])) ok = 0;
        if (!r->date_ok) ok = 0;  /* a record dated 2099-99-99 never passes */
        dyad_free(eu); dyad_free(gu);
        if (ok) pass++; else fail++;
        if (json) {
            printf("{\"id\": ");
            json_str(stdout, r->id);
            json_trips("expected", exp, ne);
            json_trips("got", got, ng);
            printf(", \"pass\": %s}\n", ok ? "true" : "false");
        }
        if (!ok && !quiet) {
            FILE *o = json ? stderr : stdout;
            fprintf(o, "FAIL %s (%s:%d)\n  text: ", r->id, file, r->line);
            for (const char *q = r->text; *q; q++) fputc(*q == '\n' ? ' ' : *q, o);
            fputs("\n  expected:", o);
            if (r->noevents) fputs(" noevents", o);
            if (r->error) fprintf(o, " error=%s", r->error);
            for (int k = 0; k < ne; k++) fprintf(o, " %s|%s|%s", exp[k].s, exp[k].t, exp[k].c);
            fputs("\n  got:", o);
            if (note) fprintf(o, " (%s%s%s)", note, *perr ? ": " : "", perr);
            for (int k = 0; k < ng; k++) fprintf(o, " %s|%s|%s", got[k].s, got[k].t, got[k].c);
            fputc('\n', o);
            for (int k = 0; k < ng; k++) {
                const dyad_coded *c = dyad_doc_event(doc, (size_t)k);
                fprintf(o, "  evidence %s|%s|%s: source \"%s\" [%s], target \"%s\" [%s], verb \"%s\", pattern %s\n",
                        c->source, c->target, c->code, c->source_text, c->source_entry, c->target_text,
                        c->target_entry, c->verb_text, c->pattern);
            }
        }
        dyad_free(exp);
        dyad_free(got);
    }
    printf("%d passed, %d failed\n", pass, fail);
    if (strict && fail && !rc) rc = EXIT_FAIL;
done:
    dyad_doc_free(doc);
    dyad_sentence_free(s);
    dyad_phrases_free(ps);
    dyad_engine_free(eng);
    dyad_dicts_free(d);
    dyad_valfile_free(v);
    dyad_valfile_free(pv);
    return rc;
}
