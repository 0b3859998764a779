/*
** out.c: writers for coded events: JSON Lines with evidence (jansson),
** PETRARCH2's event-file TSV (formats.md §10.3), and the Phoenix data set's
** columns. One event per line; docs/output.md lists every field.
*/
#include "dyad.h"
#include <jansson.h>
#include <string.h>

static json_t *span_json(dyad_span sp) {
    if (sp.end <= sp.start) return json_null();
    return json_pack("[I,I]", (json_int_t)sp.start, (json_int_t)sp.end);
}

static json_t *actor_json(const char *code, const dyad_actor_parts *p) {
    json_t *o = json_object();
    json_object_set_new(o, "code", json_string(code));
    json_object_set_new(o, "entity", json_string(p->entity));
    json_object_set_new(o, "role", json_string(p->role));
    json_object_set_new(o, "attributes", json_string(p->attributes));
    if (p->entity_name) json_object_set_new(o, "entity_name", json_string(p->entity_name));
    return o;
}

static json_t *evidence_json(const char *text, dyad_span sp, const char *entry) {
    json_t *o = json_object();
    json_object_set_new(o, "text", json_string(text));
    json_object_set_new(o, "span", span_json(sp));
    if (entry) json_object_set_new(o, "entry", json_string(entry));
    return o;
}

/* json_string refuses invalid UTF-8; the article text is normalized, but a
** defensive fallback keeps a record from silently losing a field. */
static void set_str(json_t *o, const char *k, const char *v) {
    json_t *s = json_string(v ? v : "");
    json_object_set_new(o, k, s ? s : json_string("\xEF\xBF\xBD"));
}

static int phoenix_penta(const char *root) {
    /* Phoenix's 5-class scheme (phoenix_pipeline; facts in data/SOURCES.md):
    ** 0: 01-02, 1: 03-05, 2: 06-08, 3: 09-13 and 16, 4: 14-15 and 17-20. */
    int r = (root[0] - '0') * 10 + (root[1] - '0');
    if (r <= 2) return 0;
    if (r <= 5) return 1;
    if (r <= 8) return 2;
    if (r <= 13 || r == 16) return 3;
    return 4;
}

static dyad_status write_jsonl(FILE *f, const dyad_coded *e) {
    json_t *o = json_object();
    set_str(o, "article_id", e->article_id);
    json_object_set_new(o, "sentence", json_integer(e->sentence));
    set_str(o, "pub_date", e->pub_date);
    set_str(o, "event_date", e->event_date);
    json_object_set_new(o, "source", actor_json(e->source, &e->source_parts));
    json_object_set_new(o, "target", actor_json(e->target, &e->target_parts));
    set_str(o, "code", e->code);
    if (e->cameo) {
        set_str(o, "root", e->cameo->root);
        set_str(o, "event_name", e->cameo->name);
        json_object_set_new(o, "quad_class", json_integer(e->cameo->quad_class));
        json_object_set_new(o, "goldstein", json_real(e->cameo->goldstein));
        json_object_set_new(o, "plover", e->cameo->plover[0] ? json_string(e->cameo->plover) : json_null());
    } else {
        json_object_set_new(o, "root", json_null());
        json_object_set_new(o, "quad_class", json_null());
        json_object_set_new(o, "goldstein", json_null());
        json_object_set_new(o, "plover", json_null());
    }
    set_str(o, "issues", e->issues);
    set_str(o, "text", e->text);
    json_t *ev = json_object();
    json_object_set_new(ev, "sentence_span", span_json(e->sent_span));
    json_object_set_new(ev, "source", evidence_json(e->source_text, e->source_span, e->source_entry));
    json_object_set_new(ev, "target", evidence_json(e->target_text, e->target_span, e->target_entry));
    json_object_set_new(ev, "verb", evidence_json(e->verb_text, e->verb_span, NULL));
    set_str(ev, "pattern", e->pattern);
    json_t *w = json_object();
    json_object_set_new(w, "from_text", json_boolean(e->when.from_text));
    json_object_set_new(w, "span", span_json((dyad_span){e->when.start, e->when.end}));
    json_object_set_new(ev, "event_date", w);
    json_object_set_new(o, "evidence", ev);
    int rc = json_dumpf(o, f, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3));
    json_decref(o);
    if (rc != 0 || fputc('\n', f) == EOF) return DYAD_EIO;
    return DYAD_OK;
}

/* TSV fields may not hold tabs or newlines: they become spaces. */
static void put_field(FILE *f, const char *s) {
    for (; s && *s; s++) fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

static void compact(const char *iso, char out[9]) {
    size_t k = 0;
    for (; *iso && k < 8; iso++) if (*iso >= '0' && *iso <= '9') out[k++] = *iso;
    out[k] = '\0';
}

static dyad_status write_tsv(FILE *f, const dyad_coded *e) {
    /* DATE SOURCE TARGET CAMEO ISSUES IDS STORYSOURCE SRCTEXT TGTTEXT EVENTTEXT */
    char d8[9];
    compact(e->event_date, d8);
    fprintf(f, "%s\t", d8);
    put_field(f, e->source); fputc('\t', f);
    put_field(f, e->target); fputc('\t', f);
    put_field(f, e->code); fputc('\t', f);
    put_field(f, e->issues); fputc('\t', f);
    put_field(f, e->article_id); fprintf(f, "_%d\t", e->sentence);
    put_field(f, e->news_source && *e->news_source ? e->news_source : "NULL"); fputc('\t', f);
    put_field(f, *e->source_text ? e->source_text : "---"); fputc('\t', f);
    put_field(f, *e->target_text ? e->target_text : "---"); fputc('\t', f);
    put_field(f, *e->verb_text ? e->verb_text : "---");
    return fputc('\n', f) == EOF ? DYAD_EIO : DYAD_OK;
}

static dyad_status write_phoenix(FILE *f, const dyad_coded *e) {
    /* EventID Date Year Month Day SourceActorFull SourceActorEntity
    ** SourceActorRole SourceActorAttribute TargetActorFull TargetActorEntity
    ** TargetActorRole TargetActorAttribute EventCode EventRootCode PentaClass
    ** GoldsteinScore Issues Lat Lon LocationName StateName CountryCode
    ** SentenceID URLs NewsSources */
    char d8[9];
    compact(e->event_date, d8);
    put_field(f, e->article_id);
    fprintf(f, "_%d_%s_%s_%s\t%s\t%.4s\t%.2s\t%.2s\t", e->sentence, e->source, e->target, e->code,
            d8, d8, d8 + 4, d8 + 6);
    const dyad_actor_parts *p[2] = {&e->source_parts, &e->target_parts};
    const char *full[2] = {e->source, e->target};
    for (int k = 0; k < 2; k++) {
        put_field(f, full[k]);
        fprintf(f, "\t%s\t%s\t%s\t", p[k]->entity, p[k]->role, p[k]->attributes);
    }
    put_field(f, e->code);
    if (e->cameo)
        fprintf(f, "\t%s\t%d\t%.1f\t", e->cameo->root, phoenix_penta(e->cameo->root), e->cameo->goldstein);
    else
        fputs("\t\t\t\t", f);
    put_field(f, e->issues);
    fputs("\t\t\t\t\t", f);  /* Lat Lon LocationName StateName: places are not resolved (yet) */
    fprintf(f, "%s\t", p[0]->entity[0] ? p[0]->entity : "");
    put_field(f, e->article_id);
    fprintf(f, "_%d\t\t", e->sentence);
    put_field(f, e->news_source);
    return fputc('\n', f) == EOF ? DYAD_EIO : DYAD_OK;
}

static const char *quad_name(int q) {
    static const char *names[] = {"?", "verbal cooperation", "material cooperation",
                                  "verbal conflict", "material conflict"};
    return q >= 1 && q <= 4 ? names[q] : "?";
}

static void actor_text(FILE *f, const char *code, const dyad_actor_parts *p) {
    fputs(code, f);
    if (p->entity_name || p->role_name)
        fprintf(f, " (%s%s%s)", p->entity_name ? p->entity_name : "", p->entity_name && p->role_name ? " " : "",
                p->role_name ? p->role_name : "");
}

static dyad_status write_text(FILE *f, const dyad_coded *e) {
    fprintf(f, "%s  ", e->event_date);
    actor_text(f, e->source, &e->source_parts);
    fputs(" -> ", f);
    actor_text(f, e->target, &e->target_parts);
    fprintf(f, "  %s", e->code);
    if (e->cameo)
        fprintf(f, " %s [%s, Goldstein %.1f%s%s]", e->cameo->name, quad_name(e->cameo->quad_class),
                e->cameo->goldstein, e->cameo->plover[0] ? ", PLOVER " : "", e->cameo->plover);
    fprintf(f, "\n    %s #%d: \"%s\" / \"%s\" / \"%s\"  (verb pattern %s)\n    %s\n", e->article_id,
            e->sentence, e->source_text, e->verb_text, e->target_text, e->pattern, e->text);
    return ferror(f) ? DYAD_EIO : DYAD_OK;
}

dyad_status dyad_write_event(FILE *f, dyad_out_format format, const dyad_coded *e) {
    switch (format) {
    case DYAD_OUT_JSONL: return write_jsonl(f, e);
    case DYAD_OUT_TSV: return write_tsv(f, e);
    case DYAD_OUT_PHOENIX: return write_phoenix(f, e);
    case DYAD_OUT_TEXT: return write_text(f, e);
    }
    return DYAD_EINVAL;
}

dyad_status dyad_write_error(FILE *f, dyad_out_format format, const dyad_article *a, const char *error) {
    if (format != DYAD_OUT_JSONL) return DYAD_OK;
    json_t *o = json_object();
    set_str(o, "article_id", a->id);
    set_str(o, "pub_date", a->date);
    set_str(o, "error", error);
    set_str(o, "file", a->file);
    json_object_set_new(o, "line", json_integer(a->line));
    int rc = json_dumpf(o, f, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    return rc != 0 || fputc('\n', f) == EOF ? DYAD_EIO : DYAD_OK;
}
