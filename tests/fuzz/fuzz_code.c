/*
** fuzz_code.c: the end-to-end pipeline (segment, tag+parse, code, resolve
** dates, write) on one article of arbitrary bytes, with the PETRARCH
** validation dictionaries ($SHARED/data/petrarch, default ../shared; without
** them nothing runs) and the model of fuzz_model.h. The first byte picks the
** publication date (valid, leap day, impossible) and the output format.
*/
#include "fuzz_model.h"
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static dyad_engine *engine(void) {
    static int tried;
    static dyad_engine *e;
    if (tried) return e;
    tried = 1;
    const char *sh = getenv("SHARED");
    char dir[1024], err[1024];
    snprintf(dir, sizeof dir, "%s/data/petrarch", sh && *sh ? sh : "../shared");
    dyad_engine_opts o;
    dyad_engine_opts_default(&o);
    o.dicts_dir = dir;
    o.dict_set = "validate";
    o.model_path = fuzz_model_path();
    o.max_sentence_tokens = 120;
    if (!o.model_path || dyad_engine_open(&o, &e, err, sizeof err) != DYAD_OK) {
        dyad_engine_free(e);
        e = NULL;
    }
    return e;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static FILE *devnull;
    static const char *dates[] = {"2021-12-26", "2020-02-29", "2099-99-99", ""};
    if (size == 0) return 0;
    dyad_engine *e = engine();
    if (!e) return 0;
    if (!devnull) devnull = fopen("/dev/null", "w");
    char *text = NULL;
    size_t n = 0;
    if (dyad_normalize((const char *)data + 1, size - 1, DYAD_NORM_DEFAULT, &text, &n, NULL) != DYAD_OK) return 0;
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = "fuzz";
    a.date = dates[data[0] & 3];
    a.title = "";
    a.text = text;
    a.text_len = n;
    a.source = "";
    a.file = "fuzz";
    a.line = 1;
    a.index = 1;
    dyad_doc *d = dyad_doc_new(e);
    if (d && dyad_doc_code(d, &a) == DYAD_OK) {
        dyad_out_format f = (dyad_out_format)((data[0] >> 2) & 3);
        for (size_t i = 0; i < dyad_doc_nevents(d); i++) {
            const dyad_coded *ev = dyad_doc_event(d, i);
            if (!ev || !ev->source || !ev->target || !ev->code || ev->sent_span.end > n) abort();
            if (devnull) (void)dyad_write_event(devnull, f, ev);
        }
        (void)dyad_doc_get_stats(d);
        if (dyad_doc_error(d) && devnull) (void)dyad_write_error(devnull, f, &a, dyad_doc_error(d));
    }
    dyad_doc_free(d);
    dyad_free(text);
    return 0;
}
