/* test_segment.c: sentence segmentation and tokenization. Each case gives a
** text and the expected output, sentences separated by " | " and tokens by
** single spaces; then flags, spans, hostile input, and a floor on UD EWT
** (skipped without ../shared). */
#include "dyad.h"
#include "harness.h"
#define SEG_EVAL_LIB
#include "../../bench/seg_eval.c"

static dyad_segmenter *sg;

/* Render the segmentation of z as "tok tok | tok tok". */
static const char *render(const char *z) {
    static char buf[4096];
    size_t n = 0;
    buf[0] = '\0';
    if (dyad_segment(sg, z, strlen(z)) != DYAD_OK) return "<error>";
    const dyad_seg_sentence *ss = dyad_segment_sentences(sg);
    const dyad_span *tk = dyad_segment_tokens(sg);
    for (size_t i = 0; i < dyad_segment_count(sg); i++) {
        if (i) n += (size_t)snprintf(buf + n, sizeof buf - n, " | ");
        for (uint32_t k = 0; k < ss[i].ntok && n < sizeof buf; k++) {
            const dyad_span *t = &tk[ss[i].tok + k];
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%.*s", k ? " " : "", (int)(t->end - t->start), z + t->start);
        }
    }
    return buf;
}

#define SEG(text, want) do { const char *got_ = render(text); \
    CHECKF(!strcmp(got_, want), "\n  text: %s\n  want: %s\n  got:  %s", text, want, got_); } while (0)

static void test_tokens(void) {
    SEG("I don't know.", "I do n't know .");
    SEG("We can't, won't and cannot go.", "We ca n't , wo n't and can not go .");
    SEG("Azerbaijan's territory and the students' books.", "Azerbaijan 's territory and the students ' books .");
    SEG("They're here; we've gone, I'll stay, he'd left, I'm done.",
        "They 're here ; we 've gone , I 'll stay , he 'd left , I 'm done .");
    SEG("It cost $1,000.50, up 20% from 1.5 million.", "It cost $ 1,000.50 , up 20 % from 1.5 million .");
    SEG("See https://example.com/a?b=c. Mail me at jo@example.org!",
        "See https://example.com/a?b=c . | Mail me at jo@example.org !");
    SEG("He said \"no\" (twice) [really].", "He said \" no \" ( twice ) [ really ] .");
    SEG("The so-called e-mail and pre-war co-operation.", "The so - called e-mail and pre-war co-operation .");
    SEG("Call 713-853-3989 between 1957-1975 or 5-3.", "Call 713-853-3989 between 1957 - 1975 or 5 - 3 .");
    SEG("Wait... what?! Really?", "Wait ... what ?! | Really ?");
    SEG("and/or the 9/11 attacks", "and / or the 9/11 attacks");
    SEG("Nice :) see you", "Nice :) see you");
    SEG("I'm gonna go", "I 'm gon na go");
    SEG("The U.S.-led force, ::Mario: yes", "The U.S. - led force , : : Mario : yes");
    SEG("==Related news==", "== Related news ==");
    SEG("Iran\xe2\x80\x99s talks didn\xe2\x80\x99t start", "Iran \xe2\x80\x99s talks did n\xe2\x80\x99t start");
    SEG("file.pdf)(See attached) on 01-Feb-02", "file.pdf ) ( See attached ) on 01-Feb-02");
    SEG("Peace talks -- finally -- began.", "Peace talks -- finally -- began .");
    SEG("The U.N. envoy met Gen. Smith and Mr. J. R. R. Tolkien on Dec. 22 in Washington, D.C., Ltd.",
        "The U.N. envoy met Gen. Smith and Mr. J. R. R. Tolkien on Dec. 22 in Washington , D.C. , Ltd .");
}

static void test_sentences(void) {
    SEG("He left. She stayed.", "He left . | She stayed .");
    SEG("He works for Acme Inc. The firm is big.", "He works for Acme Inc . | The firm is big .");
    SEG("Acme Inc. said so.", "Acme Inc. said so .");
    SEG("It was in the U.S. The talks failed.", "It was in the U.S . | The talks failed .");
    SEG("\"We will fight.\" He said it twice.", "\" We will fight . \" | He said it twice .");
    SEG("He asked (why?) and left.", "He asked ( why ? ) and left .");
    SEG("\"Why?\" he asked. \"Now!\" She left.", "\" Why ? \" he asked . | \" Now ! \" | She left .");
    SEG("Units: 650k people, 3bn dollars, at 10am.", "Units : 650 k people , 3 bn dollars , at 10 am .");
    SEG("See No. 5 here. No. It was no.", "See No. 5 here . | No . | It was no .");
    SEG("Paragraph one has no stop\n\nParagraph two.", "Paragraph one has no stop | Paragraph two .");
    SEG("Short headline\nThe body starts here.", "Short headline | The body starts here .");
    SEG("A long line of wrapped prose that goes on for quite a few words here\nand continues on the next line.",
        "A long line of wrapped prose that goes on for quite a few words here and continues on the next line .");
    SEG("BAKU, Dec 26 (Trend) - Azerbaijan condemned the visit.",
        "BAKU , Dec 26 ( Trend ) - | Azerbaijan condemned the visit .");
    SEG("WASHINGTON (Reuters) -- The talks ended.", "WASHINGTON ( Reuters ) -- | The talks ended .");
    SEG("Paris - the capital - was calm.", "Paris - the capital - was calm .");
    SEG("He said: WASHINGTON (Reuters) - Talks ended.", "He said : | WASHINGTON ( Reuters ) - | Talks ended .");
    SEG("They met. NATO - the alliance - agreed.", "They met . | NATO - the alliance - agreed .");
    SEG("ALMERIA, Spain. - A bomb was found.", "ALMERIA , Spain . - | A bomb was found .");
    SEG("em ... no ... the plan failed.", "em ... no ... the plan failed .");
    SEG("Falluja (pop. 256,000) was calm.", "Falluja ( pop. 256,000 ) was calm .");
    SEG("Hi David: Thought you might like it.", "Hi David : | Thought you might like it .");
    SEG("Debra Perlingiere 03/27/2001 01:58 PM Revised text", "Debra Perlingiere | 03/27/2001 01:58 PM | Revised text");
    SEG("", "");
    SEG("   \n\n  ", "");
}

static void test_flags_spans(void) {
    const char *z = "BAKU, Dec 26 (Trend) - Talks began.\n\nHeadline Here\nText follows.";
    CHECK(dyad_segment(sg, z, strlen(z)) == DYAD_OK);
    CHECK(dyad_segment_count(sg) == 4);
    const dyad_seg_sentence *ss = dyad_segment_sentences(sg);
    CHECK(ss[0].flags == DYAD_SENT_DATELINE);
    CHECK(ss[1].flags == 0 && !strncmp(z + ss[1].start, "Talks began.", ss[1].end - ss[1].start));
    CHECK(ss[2].flags == DYAD_SENT_HEADLINE);
    CHECK(ss[3].flags == 0);
    /* spans are in order, inside the text, and never overlap */
    const dyad_span *tk = dyad_segment_tokens(sg);
    uint32_t last = 0;
    int ok = 1;
    for (size_t i = 0; i < dyad_segment_ntokens(sg); i++) {
        if (tk[i].start < last || tk[i].end <= tk[i].start || tk[i].end > strlen(z)) ok = 0;
        last = tk[i].end;
    }
    CHECK(ok);
    /* fill a dyad_sentence */
    dyad_sentence *s = dyad_sentence_new();
    CHECK(dyad_segment_fill(sg, z, 1, s) == DYAD_OK);
    CHECK(dyad_sentence_len(s) == 3 && !strcmp(dyad_sentence_text(s), "Talks began."));
    dyad_token *t = dyad_sentence_tokens(s);
    CHECK(!strcmp(t[1].form, "began") && !strcmp(t[1].misc, "SpaceAfter=No") && t[1].head == -1);
    CHECK(!strcmp(t[2].form, ".") && t[2].start == t[1].end);
    CHECK(dyad_segment_fill(sg, z, 9, s) == DYAD_EINVAL);
    dyad_sentence_free(s);
}

static void test_hostile(void) {
    /* every byte value, long runs, a huge chunk: no crash, spans consistent */
    char *z = malloc(300000);
    for (unsigned i = 0; i < 300000; i++) z[i] = (char)((i * 7919u) % 256u);
    CHECK(dyad_segment(sg, z, 300000) == DYAD_OK);
    size_t nt = dyad_segment_ntokens(sg);
    const dyad_span *tk = dyad_segment_tokens(sg);
    int ok = 1;
    for (size_t i = 1; i < nt; i++)
        if (tk[i].start < tk[i - 1].end || tk[i].end > 300000) ok = 0;
    CHECK(ok);
    memset(z, 'a', 300000);
    CHECK(dyad_segment(sg, z, 300000) == DYAD_OK && dyad_segment_ntokens(sg) == 5);
    memset(z, '.', 300000);
    CHECK(dyad_segment(sg, z, 300000) == DYAD_OK && dyad_segment_count(sg) >= 1);
    memset(z, '\'', 300000);
    CHECK(dyad_segment(sg, z, 300000) == DYAD_OK);
    for (unsigned i = 0; i < 65000; i++) z[i] = "a<"[i % 2];  /* one chunk, 32,500 cuts */
    CHECK(dyad_segment(sg, z, 65000) == DYAD_OK && dyad_segment_ntokens(sg) >= 32500);
    for (unsigned i = 0; i < 300000; i++) z[i] = "x@y.z/"[i % 6];  /* one huge URL-like chunk */
    CHECK(dyad_segment(sg, z, 300000) == DYAD_OK);
    free(z);
    CHECK(dyad_segment(sg, NULL, 0) == DYAD_OK && dyad_segment_count(sg) == 0);
    CHECK(dyad_segment(NULL, "x", 1) == DYAD_EINVAL);
    /* allocation failures: reported, and the segmenter stays usable */
    for (long k = 1; k <= 4; k++) {
        dyad_segmenter *g = dyad_segmenter_new();
        if (!g) continue;
        dyad_alloc_fail_after(k);
        dyad_status st = dyad_segment(g, "One. Two three. Four five six.", 30);
        dyad_alloc_fail_after(0);
        CHECK(st == DYAD_OK || (st == DYAD_NOMEM && dyad_segment_count(g) == 0));
        CHECK(dyad_segment(g, "One. Two.", 9) == DYAD_OK && dyad_segment_count(g) == 2);
        dyad_segmenter_free(g);
    }
}

static void test_ewt(void) {
    const char *a = shared_path("data/ud/en_ewt/en_ewt-ud-test.conllu");
    const char *b = shared_path("data/ud/en_ewt/en_ewt-ud-dev.conllu");
    if (!a || !b) { SKIP("../shared absent: UD English EWT"); return; }
    char *files[2] = {(char *)a, (char *)b};
    seg_eval_files(2, files, sg);
    double fs = f1(gold_s, pred_s, match_s), ft = f1(gold_t, pred_t, match_t);
    printf("EWT test+dev: sentence F1 %.4f, token F1 %.4f\n", fs, ft);
    CHECKF(fs >= 0.865, "sentence F1 %.4f", fs);   /* reached 0.875 */
    CHECKF(ft >= 0.990, "token F1 %.4f", ft);     /* reached 0.992 */
    seg_eval_free();
}

int main(void) {
    sg = dyad_segmenter_new();
    test_tokens();
    test_sentences();
    test_flags_spans();
    test_hostile();
    test_ewt();
    dyad_segmenter_free(sg);
    return TEST_END();
}
