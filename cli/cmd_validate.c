/*
** cmd_validate.c: `dyad validate FILE.xml`, the PETRARCH validation suite
** runner. Codes each evaluable record (sentence="true", category in
** <Include>), compares the set of (source, target, code) triples with the
** expected set, prints each failure with its evidence, ends "N passed, N failed".
*/
#include "cli.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void usage(FILE *f) {
    fputs("usage: dyad validate FILE.xml [--parse given|own|own-words] [--parses-from OTHER.xml]\n"
          "                     [--dicts DIR] [--model FILE] [--json] [--strict] [--quiet]\n"
          "                     [--repairs-off LIST]\n\n"
          "Runs a PETRARCH validation file (e.g. PETR.UnitTest.records.xml): codes every\n"
          "record with sentence=\"true\" whose category is in <Include>, and compares its\n"
          "set of (source, target, code) triples with the <EventCoding> records\n"
          "(noevents and error records expect none). Prints each failure (id, text,\n"
          "expected, got, evidence) and ends with the line `N passed, N failed`.\n\n"
          "  --parse given     code the <Parse> of each record (Penn or CoNLL-U; default)\n"
          "  --parse own       code each record from its <Text>: our tokenizer, tagger and\n"
          "                    parser (--model), as `dyad code` does with raw text\n"
          "  --parse own-words re-parse the words of each record's <Parse> with our parser\n"
          "  --parses-from F   take each record's parse from file F (ids matched with\n"
          "                    `-` and `_` equal, case ignored); expectations stay FILE's\n"
          "  --dicts DIR       where to find the <Environment> dictionaries when they are\n"
          "                    not beside FILE (default: $DYAD_DICTS, else ./dicts)\n"
          "  --model FILE      parser model for --parse own (default: $DYAD_MODEL, else\n"
          "                    models/en_ewt.dyadm, made by `make model`)\n"
          "  --json            also write one JSON object per evaluated record\n"
          "  --strict          exit 1 if any record fails\n"
          "  --quiet           do not print failures\n"
          "  --repairs-off L   with own parses: leave out the tree repairs named in L\n"
          "                    (comma-separated, `all`; `dyad parse --list-repairs`),\n"
          "                    to measure what they are worth (developer switch)\n", f);
}

/* Tokenize a record's <Text> with our segmenter into one sentence (a
** record is one sentence; should the segmenter split it, the pieces are
** joined). Heads are left for the parser. */
static dyad_status text_to_sentence(dyad_segmenter *sg, dyad_sentence *tmp, const char *text,
                                    dyad_sentence *s) {
    dyad_sentence_clear(s);
    dyad_status st = dyad_segment(sg, text, strlen(text));
    if (st) return st;
    size_t n = dyad_segment_count(sg);
    for (size_t i = 0; i < n && !st; i++) {
        st = dyad_segment_fill(sg, text, i, tmp);
        dyad_token *t = dyad_sentence_tokens(tmp);
        for (int k = 0; !st && k < dyad_sentence_len(tmp); k++) st = dyad_sentence_add(s, &t[k]);
    }
    if (!st && dyad_sentence_len(s) == 0) st = DYAD_EPARSE;
    return st;
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

int cmd_validate(int argc, char **argv) {
    const char *file = NULL, *parse = "given", *from = NULL, *dicts = NULL, *model = NULL, *off = NULL;
    int json = 0, strict = 0, quiet = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return 0; }
        if (cli_opt_value(argc, argv, &i, "--parse", &parse)) continue;
        if (cli_opt_value(argc, argv, &i, "--parses-from", &from)) continue;
        if (cli_opt_value(argc, argv, &i, "--dicts", &dicts)) continue;
        if (cli_opt_value(argc, argv, &i, "--model", &model)) continue;
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
    int from_text = !strcmp(parse, "own");
    if (strcmp(parse, "given") && strcmp(parse, "own") && strcmp(parse, "own-words")) {
        cli_error("validate: --parse must be `given`, `own` or `own-words`");
        return EXIT_USAGE;
    }
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
    dyad_model *m = NULL;
    dyad_segmenter *sg = NULL;   /* --parse own: tokenizing <Text> */
    dyad_sentence *tmp = NULL;
    if (strncmp(parse, "own", 3) == 0) {
        const char *mp = model ? model : getenv("DYAD_MODEL");
        if (!mp || !*mp) mp = "models/en_ewt.dyadm";
        st = dyad_model_load(mp, &m, err, sizeof err);
        if (st) {
            cli_error("validate: --parse own needs a parser model: %s", err);
            dyad_valfile_free(v); dyad_valfile_free(pv);
            return cli_exit_status(st);
        }
    }
    /* dictionaries named in the Environment */
    const char *dir = cli_dicts_dir(dicts);
    static const struct { const char *env; dyad_dict_kind kind; } df[] = {
        {"Verbfile", DYAD_DK_VERBS}, {"Actorfile", DYAD_DK_ACTORS}, {"Agentfile", DYAD_DK_AGENTS},
        {"Discardfile", DYAD_DK_DISCARDS}, {"Issuefile", DYAD_DK_ISSUES}};
    dyad_dicts *d = dyad_dicts_new(DYAD_DICT_LENIENT);
    int rc = EXIT_OK_;
    if (!d) { cli_error("out of memory"); rc = EXIT_FAIL; goto done; }
    for (size_t k = 0; k < sizeof df / sizeof df[0]; k++) {
        const char *name = dyad_valfile_env(v, df[k].env);
        if (!name || !*name) continue;
        char path[2048];
        if (!find_dict(file, dir, name, path, sizeof path)) {
            cli_error("validate: %s %s not found beside %s nor in %s (use --dicts DIR)", df[k].env, name, file, dir);
            rc = EXIT_DATA; goto done;
        }
        st = dyad_dicts_add_file(d, path, df[k].kind);
        if (st) { cli_error("%s", dyad_dicts_errmsg(d)); rc = cli_exit_status(st); goto done; }
    }
    st = dyad_dicts_freeze(d);
    if (st) { cli_error("%s", dyad_dicts_errmsg(d)); rc = cli_exit_status(st); goto done; }
    /* malformed dictionary lines are skipped, never silently */
    for (size_t k = 0; k < dyad_dicts_ndiag(d); k++) cli_error("%s (line skipped)", dyad_dicts_diag(d, k));
    dyad_coder *c = dyad_coder_new(d);
    dyad_sentence *s = dyad_sentence_new();
    dyad_phrases *ps = dyad_phrases_new();
    sg = from_text ? dyad_segmenter_new() : NULL;
    tmp = from_text ? dyad_sentence_new() : NULL;
    if (!c || !s || !ps || (from_text && (!sg || !tmp))) { cli_error("out of memory"); dyad_coder_free(c); dyad_sentence_free(s); dyad_phrases_free(ps); rc = EXIT_FAIL; goto done; }
    int pass = 0, fail = 0;
    for (int i = 0; i < dyad_valfile_count(v); i++) {
        const dyad_valrecord *r = dyad_valfile_record(v, i);
        if (!r->sentence || !r->included) continue;
        const char *ptext = r->parse;
        if (pv) {
            const dyad_valrecord *q = dyad_valfile_find(pv, r->id);
            ptext = q ? q->parse : "";
        }
        const dyad_event *ev = NULL;
        int nev = 0;
        const char *note = NULL;
        char perr[512] = "";
        if (!r->date_ok) {  /* no date-restricted actor code can be chosen: not coded */
            fprintf(stderr, "dyad: %s:%d: %s: bad date '%s' (want YYYYMMDD or YYYY-MM-DD)\n", file, r->line, r->id, r->date);
            st = DYAD_EINVAL;
            snprintf(perr, sizeof perr, "bad date '%s'", r->date);
        } else if (from_text) {
            st = text_to_sentence(sg, tmp, r->text, s);
            if (st && st != DYAD_NOMEM) snprintf(perr, sizeof perr, "text: %s", dyad_strerror(st));
        } else
            st = load_parse(ptext, r->id, s, ps, perr, sizeof perr);
        int has_phrases;
        {
            const char *q = ptext;
            while (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r') q++;
            has_phrases = st == DYAD_OK && *q == '(';
        }
        if (st == DYAD_OK && m) {
            /* our own parse of the same words: the tree is rebuilt from UD */
            st = dyad_parse_sentence(m, s);
            has_phrases = 0;
        }
        if (st == DYAD_NOMEM) { cli_error("out of memory"); rc = EXIT_FAIL; break; }
        if (st) {
            note = r->date_ok ? "bad_input_parse" : "bad_date";
        } else {
            st = dyad_code_sentence(c, s, has_phrases ? ps : NULL, r->date, r->text, &r->opts, &ev, &nev, &note);
            if (st) { note = "bad_input_parse"; snprintf(perr, sizeof perr, "%s", dyad_strerror(st)); nev = 0; }
        }
        int ne = r->nexpected, ng = nev;
        trip *exp = dyad_malloc(sizeof(trip) * (size_t)(ne + 1)), *got = dyad_malloc(sizeof(trip) * (size_t)(ng + 1));
        trip *eu = dyad_malloc(sizeof(trip) * (size_t)(ne + 1)), *gu = dyad_malloc(sizeof(trip) * (size_t)(ng + 1));
        if (!exp || !got || !eu || !gu) {
            dyad_free(exp); dyad_free(got); dyad_free(eu); dyad_free(gu);
            cli_error("out of memory"); rc = EXIT_FAIL; break;
        }
        for (int k = 0; k < ne; k++) exp[k] = (trip){r->expected[k].source, r->expected[k].target, r->expected[k].code};
        for (int k = 0; k < ng; k++) got[k] = (trip){ev[k].source, ev[k].target, ev[k].code};
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
            printf(", \"expected\": [");
            for (int k = 0; k < ne; k++) {
                printf("%s[", k ? ", " : "");
                json_str(stdout, exp[k].s); printf(", "); json_str(stdout, exp[k].t); printf(", "); json_str(stdout, exp[k].c);
                printf("]");
            }
            printf("], \"got\": [");
            for (int k = 0; k < ng; k++) {
                printf("%s[", k ? ", " : "");
                json_str(stdout, got[k].s); printf(", "); json_str(stdout, got[k].t); printf(", "); json_str(stdout, got[k].c);
                printf("]");
            }
            printf("], \"pass\": %s}\n", ok ? "true" : "false");
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
            for (int k = 0; k < nev; k++) fprintf(o, " %s|%s|%s", ev[k].source, ev[k].target, ev[k].code);
            fputc('\n', o);
            for (int k = 0; k < nev; k++)
                fprintf(o, "  evidence %s|%s|%s: source tokens %d-%d [%s], target tokens %d-%d [%s], verb tokens %d-%d, pattern %s\n",
                        ev[k].source, ev[k].target, ev[k].code, ev[k].src_start, ev[k].src_end, ev[k].src_entry,
                        ev[k].tgt_start, ev[k].tgt_end, ev[k].tgt_entry, ev[k].verb_start, ev[k].verb_end, ev[k].pattern);
        }
        dyad_free(exp);
        dyad_free(got);
    }
    printf("%d passed, %d failed\n", pass, fail);
    if (strict && fail) rc = EXIT_FAIL;
    dyad_coder_free(c);
    dyad_sentence_free(s);
    dyad_phrases_free(ps);
done:
    dyad_segmenter_free(sg);
    dyad_sentence_free(tmp);
    dyad_dicts_free(d);
    dyad_model_free(m);
    dyad_valfile_free(v);
    dyad_valfile_free(pv);
    return rc;
}
