/*
** cmd_segment.c: `dyad segment`, the front end on its own: read articles,
** normalize, split into sentences (one a line) or tokens (CoNLL-U-like),
** and close with counts on stderr. Exit 1 if any article failed.
*/
#include "cli.h"
#include <stdlib.h>
#include <string.h>

static void help(FILE *f) {
    fputs("usage: dyad segment [--input articles|jsonl|text] [--date YYYY-MM-DD] [--tokens]\n"
          "                    [--max-article BYTES] [FILE...]\n\n"
          "Reads articles (FILE... or stdin; gzip is detected) and prints one sentence a\n"
          "line, prefixed by the article id and the sentence number, tab-separated.\n"
          "  --input articles  `date YYYY-MM-DD` then the text; articles separated by a\n"
          "                    line holding only a form feed (default)\n"
          "  --input jsonl     one JSON object a line: id, date, title, text, source\n"
          "  --input text      plain text, each FILE one article (use --date)\n"
          "  --date D          publication date for undated articles / plain text\n"
          "  --tokens          CoNLL-U-like output: # comments, then ID FORM START END\n"
          "                    MISC per token, a blank line after each sentence\n"
          "  --max-article N   longest article in bytes (default 8 MiB; longer ones fail)\n"
          "Headlines (lines without final punctuation) and datelines are marked with\n"
          "[headline] / [dateline] after the sentence number. The run ends with counts on\n"
          "stderr: articles read, sentences, failed articles with reasons, repairs.\n", f);
}

typedef struct totals {
    long articles, failed, sentences, tokens;
    size_t invalid_utf8, nul;
} totals;

static void print_article(dyad_segmenter *sg, dyad_sentence *snt, const dyad_article *a, int tokens,
                          totals *t) {
    size_t base = (size_t)t->sentences;
    int has_title = a->title[0] != '\0';
    /* the title first (JSONL), as sentence 0 of the article */
    for (int part = has_title ? 0 : 1; part < 2; part++) {
        const char *z = part ? a->text : a->title;
        size_t n = part ? a->text_len : strlen(a->title);
        if (dyad_segment(sg, z, n) != DYAD_OK) { cli_error("out of memory"); return; }
        size_t ns = dyad_segment_count(sg);
        const dyad_seg_sentence *ss = dyad_segment_sentences(sg);
        for (size_t i = 0; i < ns; i++) {
            long k = t->sentences - (long)base + 1;
            const char *mark = ss[i].flags & DYAD_SENT_DATELINE ? " [dateline]"
                             : (ss[i].flags & DYAD_SENT_HEADLINE) || !part ? " [headline]" : "";
            t->sentences++;
            t->tokens += ss[i].ntok;
            if (!tokens) {
                printf("%s\t%ld%s\t", a->id, k, mark);
                for (uint32_t q = ss[i].start; q < ss[i].end; q++) {
                    char c = z[q];
                    putchar(c == '\n' || c == '\t' || c == '\r' ? ' ' : c);
                }
                putchar('\n');
                continue;
            }
            if (dyad_segment_fill(sg, z, i, snt) != DYAD_OK) { cli_error("out of memory"); return; }
            printf("# sent_id = %s-%ld%s\n# text = ", a->id, k, mark);
            const char *txt = dyad_sentence_text(snt);
            for (; *txt; txt++) putchar(*txt == '\n' || *txt == '\t' ? ' ' : *txt);
            putchar('\n');
            dyad_token *tk = dyad_sentence_tokens(snt);
            for (int q = 0; q < dyad_sentence_len(snt); q++)
                printf("%d\t%s\t%u\t%u\t%s\n", q + 1, tk[q].form, tk[q].start, tk[q].end, tk[q].misc);
            putchar('\n');
        }
    }
}

int cmd_segment(int argc, char **argv) {
    dyad_reader_opts opts;
    memset(&opts, 0, sizeof opts);
    int tokens = 0, nfiles = 0;
    const char *v;
    char **files = argv;  /* reuse argv slots for the file list */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { help(stdout); return 0; }
        if (!strcmp(a, "--tokens")) tokens = 1;
        else if (cli_opt_value(argc, argv, &i, "--input", &v)) {
            if (!strcmp(v, "articles") || !strcmp(v, "article")) opts.format = DYAD_INPUT_ARTICLES;
            else if (!strcmp(v, "jsonl")) opts.format = DYAD_INPUT_JSONL;
            else if (!strcmp(v, "text")) opts.format = DYAD_INPUT_TEXT;
            else { cli_error("segment: unknown --input '%s' (articles, jsonl or text)", v); return EXIT_USAGE; }
        } else if (cli_opt_value(argc, argv, &i, "--date", &v)) opts.date = v;
        else if (cli_opt_value(argc, argv, &i, "--max-article", &v)) {
            char *end;
            unsigned long long m = strtoull(v, &end, 10);
            if (*end || !m) { cli_error("segment: bad --max-article '%s'", v); return EXIT_USAGE; }
            opts.max_article = (size_t)m;
        } else if (a[0] == '-' && a[1]) { cli_error("segment: unknown option '%s' (try --help)", a); return EXIT_USAGE; }
        else files[nfiles++] = argv[i];
    }
    if (!nfiles) files[nfiles++] = (char *)"-";
    dyad_segmenter *sg = dyad_segmenter_new();
    dyad_sentence *snt = dyad_sentence_new();
    if (!sg || !snt) { cli_error("out of memory"); return EXIT_FAIL; }
    totals t;
    memset(&t, 0, sizeof t);
    int status = EXIT_OK_, files_failed = 0;
    for (int f = 0; f < nfiles; f++) {
        dyad_reader *r;
        dyad_status st = dyad_reader_open(files[f], &opts, &r);
        if (st != DYAD_OK) {
            cli_error("%s", dyad_reader_errmsg(r));
            dyad_reader_close(r);
            if (st == DYAD_EINVAL) { status = EXIT_USAGE; break; }
            files_failed++;
            status = EXIT_FAIL;
            continue;
        }
        dyad_article a;
        while ((st = dyad_reader_next(r, &a)) == DYAD_OK) {
            t.articles++;
            t.invalid_utf8 += a.norm.invalid_utf8;
            t.nul += a.norm.nul;
            if (a.error) {
                t.failed++;
                cli_error("%s", a.error);
                status = EXIT_FAIL;
                continue;
            }
            print_article(sg, snt, &a, tokens, &t);
        }
        if (st != DYAD_ENOTFOUND) {
            cli_error("%s: %s", files[f], dyad_strerror(st));
            status = EXIT_FAIL;
        }
        dyad_reader_close(r);
    }
    fflush(stdout);
    fprintf(stderr, "dyad segment: %ld articles read, %ld sentences, %ld tokens, %ld failed, "
                    "%zu invalid UTF-8 replaced, %zu NUL bytes removed",
            t.articles, t.sentences, t.tokens, t.failed, t.invalid_utf8, t.nul);
    if (files_failed) fprintf(stderr, ", %d input(s) unreadable", files_failed);
    fputc('\n', stderr);
    dyad_segmenter_free(sg);
    dyad_sentence_free(snt);
    return status;
}
