/*
** cmd_code.c: `dyad code`, events out of sentences. For now the parsed-input
** path: PETRARCH2 batch XML (<Sentence date id source><Text><Parse>, Penn or
** CoNLL-U parses) in; events out as TSV in PETRARCH2's event-file columns
** (formats.md §10.3) or JSONL with evidence.
*/
#include "cli.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f) {
    fputs("usage: dyad code --parsed FILE.xml [--dicts DIR] [--set production|validate]\n"
          "                 [--format tsv|jsonl] [--require-dyad 0|1]\n\n"
          "Codes every <Sentence> of a PETRARCH2 batch XML file whose <Parse> holds a\n"
          "Penn Treebank tree or CoNLL-U lines. Output on stdout:\n"
          "  tsv    DATE SOURCE TARGET CAMEO ISSUES IDS STORYSOURCE (PETRARCH2's event\n"
          "         file; one line per distinct date/source/target/code per story)\n"
          "  jsonl  one object per event with token spans and the dictionary lines used\n"
          "  --dicts DIR   dictionary folder (default $DYAD_DICTS, else ./dicts)\n"
          "  --set NAME    production (CAMEO.2.0 + Phoenix, default) or validate\n", f);
}

static void json_str(FILE *f, const char *s) {
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
        else if (*p == '\n') fputs("\\n", f);
        else if (*p < 0x20) fprintf(f, "\\u%04x", *p);
        else fputc(*p, f);
    }
    fputc('"', f);
}

/* The story id of "STORY_SENT" (text before the last `_`). */
static void story_of(const char *id, char *out, size_t n) {
    const char *u = strrchr(id, '_');
    snprintf(out, n, "%.*s", (int)(u ? (size_t)(u - id) : strlen(id)), id);
}

typedef struct seen { char key[256]; } seen;

/* The parsed-input path: code every record of a batch file. */
static int code_parsed_file(const char *path, dyad_dicts *d, int jsonl, const dyad_code_opts *o) {
    char err[1024];
    dyad_valfile *v = NULL;
    dyad_status st = dyad_valfile_read(path, &v, err, sizeof err);
    if (st) { cli_error("%s", err); dyad_valfile_free(v); return cli_exit_status(st); }
    dyad_coder *c = dyad_coder_new(d);
    dyad_sentence *s = dyad_sentence_new();
    dyad_phrases *ps = dyad_phrases_new();
    seen *dup = NULL;
    FILE *sf = NULL;          /* the current story's output, held until it ends */
    char *sbuf = NULL;
    size_t slen = 0;
    int discarded = 0;
    int ndup = 0, cdup = 0, rc = EXIT_OK_;
    char story[256] = "";
    if (!c || !s || !ps) { cli_error("out of memory"); rc = EXIT_FAIL; goto out; }
    for (int i = 0; i < dyad_valfile_count(v); i++) {
        const dyad_valrecord *r = dyad_valfile_record(v, i);
        if (!r->date_ok) {  /* an event dated 2099-99-99 is worse than none */
            fprintf(stderr, "dyad: %s:%d: %s: bad date '%s' (want YYYYMMDD or YYYY-MM-DD)\n", path, r->line, r->id, r->date);
            rc = EXIT_FAIL;
            continue;
        }
        const char *p = r->parse;
        while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') p++;
        int penn = *p == '(';
        char perr[512] = "";
        if (penn) st = dyad_penn_read(p, strlen(p), s, ps, perr, sizeof perr);
        else {
            dyad_conllu *cr = NULL;
            int got = 0;
            st = dyad_conllu_open_mem(p, strlen(p), r->id, DYAD_CONLLU_CONLLU, &cr);
            if (!st) st = dyad_conllu_next(cr, s, &got);
            if (!st && !got) st = DYAD_EPARSE;
            if (st) snprintf(perr, sizeof perr, "%s", cr ? dyad_conllu_errmsg(cr) : "");
            dyad_conllu_close(cr);
        }
        if (st) {
            fprintf(stderr, "dyad: %s:%d: %s: unreadable parse: %s\n", path, r->line, r->id, perr);
            rc = EXIT_FAIL;
            continue;
        }
        const dyad_event *ev;
        int nev;
        const char *note;
        st = dyad_code_sentence(c, s, penn ? ps : NULL, r->date, r->text, o, &ev, &nev, &note);
        if (st) { fprintf(stderr, "dyad: %s:%d: %s: %s\n", path, r->line, r->id, dyad_strerror(st)); rc = EXIT_FAIL; continue; }
        const char *issues = nev ? dyad_code_issues(c, r->text) : "";
        char sid[256];
        story_of(r->id, sid, sizeof sid);
        if (strcmp(sid, story)) {   /* a new story: write the previous one */
            if (sf) { fclose(sf); sf = NULL; }   /* updates sbuf/slen */
            if (sbuf && !discarded) fwrite(sbuf, 1, slen, stdout);
            free(sbuf); sbuf = NULL; slen = 0;   /* open_memstream memory is libc's */
            sf = open_memstream(&sbuf, &slen);
            if (!sf) { cli_error("out of memory"); rc = EXIT_FAIL; goto out; }
            snprintf(story, sizeof story, "%s", sid);
            ndup = 0;
            discarded = 0;
        }
        if (note && !strcmp(note, "storydiscard")) discarded = 1;   /* drops the whole story */
        FILE *so = sf;
        for (int k = 0; k < nev; k++) {
            if (jsonl) {
                fprintf(so, "{\"id\": "); json_str(so, r->id);
                fprintf(so, ", \"date\": "); json_str(so, r->date);
                fprintf(so, ", \"source\": "); json_str(so, ev[k].source);
                fprintf(so, ", \"target\": "); json_str(so, ev[k].target);
                fprintf(so, ", \"code\": "); json_str(so, ev[k].code);
                fprintf(so, ", \"source_tokens\": [%d, %d], \"target_tokens\": [%d, %d], \"verb_tokens\": [%d, %d]",
                       ev[k].src_start, ev[k].src_end, ev[k].tgt_start, ev[k].tgt_end, ev[k].verb_start, ev[k].verb_end);
                fprintf(so, ", \"source_entry\": "); json_str(so, ev[k].src_entry);
                fprintf(so, ", \"target_entry\": "); json_str(so, ev[k].tgt_entry);
                fprintf(so, ", \"pattern\": "); json_str(so, ev[k].pattern);
                fprintf(so, ", \"issues\": "); json_str(so, issues);
                fprintf(so, "}\n");
                continue;
            }
            char key[256];
            snprintf(key, sizeof key, "%s\t%s\t%s\t%s", r->date, ev[k].source, ev[k].target, ev[k].code);
            int isdup = 0;
            for (int q = 0; q < ndup; q++) if (!strcmp(dup[q].key, key)) isdup = 1;
            if (isdup) continue;
            if (ndup == cdup) {
                cdup = cdup ? cdup * 2 : 64;
                seen *nd = dyad_realloc(dup, (size_t)cdup * sizeof *nd);
                if (!nd) { rc = EXIT_FAIL; goto out; }
                dup = nd;
            }
            snprintf(dup[ndup++].key, sizeof dup[0].key, "%s", key);
            fprintf(so, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r->date, ev[k].source, ev[k].target, ev[k].code, issues, r->id,
                   *r->category ? r->category : "NULL");
        }
    }
    if (sf) { fclose(sf); sf = NULL; }
    if (sbuf && !discarded) fwrite(sbuf, 1, slen, stdout);
out:
    if (sf) fclose(sf);
    free(sbuf);
    dyad_free(dup);
    dyad_coder_free(c);
    dyad_sentence_free(s);
    dyad_phrases_free(ps);
    dyad_valfile_free(v);
    return rc;
}

int cmd_code(int argc, char **argv) {
    int has_parsed = 0;
    for (int i = 1; i < argc; i++)
        if (!strncmp(argv[i], "--parsed", 8)) has_parsed = 1;
    if (!has_parsed) return cmd_code_articles(argc, argv);  /* the main job: cli/code_articles.c */
    const char *parsed = NULL, *dicts = NULL, *set = "production", *fmt = "tsv", *rd = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return 0; }
        if (cli_opt_value(argc, argv, &i, "--parsed", &parsed)) continue;
        if (cli_opt_value(argc, argv, &i, "--dicts", &dicts)) continue;
        if (cli_opt_value(argc, argv, &i, "--set", &set)) continue;
        if (cli_opt_value(argc, argv, &i, "--format", &fmt)) continue;
        if (cli_opt_value(argc, argv, &i, "--require-dyad", &rd)) continue;
        cli_error("code: unknown argument %s", a);
        usage(stderr);
        return EXIT_USAGE;
    }
    if (!parsed) { cli_error("code: --parsed FILE.xml is required (raw text input is not implemented yet)"); return EXIT_USAGE; }
    if (strcmp(fmt, "tsv") && strcmp(fmt, "jsonl")) { cli_error("code: --format must be tsv or jsonl"); return EXIT_USAGE; }
    dyad_dicts *d = NULL;
    dyad_status st = dyad_dicts_open(cli_dicts_dir(dicts), set, 0, &d);
    if (st) {
        cli_error("%s (dictionaries: --dicts DIR, or `make dicts`)", d ? dyad_dicts_errmsg(d) : dyad_strerror(st));
        dyad_dicts_free(d);
        return cli_exit_status(st);
    }
    dyad_code_opts o;
    dyad_code_opts_default(&o);
    if (rd) o.require_dyad = atoi(rd) != 0;
    o.pronouns = 1;
    o.negation = 1;
    int rc = code_parsed_file(parsed, d, !strcmp(fmt, "jsonl"), &o);
    dyad_dicts_free(d);
    return rc;
}
