/* test_repairs.c: the tree repairs of penn.c by name (docs/penn-to-ud.md,
** "Repairs"). Every pass of the table has an entry here: its example
** sentence as a parser-slip tree, and the arcs the pass repairs. Run alone,
** the pass must change exactly those (heads, relations, Penn tags); run with
** every other pass, switching it off must leave them as the parser gave
** them and change the result. A pass added to the table without an entry
** here fails the test. Also the name-list switch (pt_repairs_mask). */
#include "dyad.h"
#include "penn.h"
#include "harness.h"

static dyad_sentence *S;
#include "tree_rows.h"

/* One test per pass: NAME, the changes it makes, and the parser's tree of
** its example sentence (rows "FORM XPOS UPOS HEAD DEPREL" separated by ';').
** A change is ID[>HEAD][:DEPREL][=XPOS] (1-based token ID); a leading '~'
** marks one that another pass also makes, in the full run (so it is not
** checked with the pass off). */
typedef struct repair_test {
    const char *zName;
    const char *zChanges;
    const char *zRows;
} repair_test;

static const repair_test aTest[] = {
    {"mistagged_subject", "1=NNP",
     "Gollum VB VERB 3 nsubj;did VBD AUX 3 aux;allow VB VERB 0 root;talks NNS NOUN 3 obj"},
    {"comma_heads_nothing", "4:punct 5>3",
     "Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;Gondor NNP PROPN 2 obj;, , PUNCT 3 flat;"
     "Arnor NNP PROPN 4 conj;. . PUNCT 2 punct"},
    {"tagging_slips", "1>4:nsubj=NNP 4>0:root 8>4",
     "Pyongyang VBG VERB 0 root;on IN ADP 3 case;Monday NNP PROPN 1 obl;fired VBD VERB 1 parataxis;"
     "shells NNS NOUN 4 obj;at IN ADP 7 case;Seoul NNP PROPN 4 obl;. . PUNCT 1 punct"},
    {"nominal_root_verb", "1>2:nsubj 2>0:root=VBD 3>2 6>2",
     "Turkey NNP PROPN 0 root;condemned VBN VERB 3 amod;attacks NNS NOUN 1 obj;by IN ADP 5 case;"
     "Syria NNP PROPN 3 nmod;. . PUNCT 1 punct"},
    {"compound_subject_verb", "2>3:nsubj 3>0:root=VBD 4>3:obj 6>3:obl 7>3",
     "Russian JJ ADJ 2 amod;police NN NOUN 4 compound;arrested VBN VERB 4 amod;"
     "students NNS NOUN 0 root;in IN ADP 6 case;Moscow NNP PROPN 4 nmod;. . PUNCT 4 punct"},
    {"list_clause", "1>4:nmod:poss 3>4:compound 4>5:nsubj 5>0:root 8>5",
     "Gondor NNP PROPN 0 root;'s POS PART 1 case;minister NN NOUN 1 list;Telemar NNP PROPN 1 list;"
     "left VBD VERB 1 list;for IN ADP 7 case;Rohan NNP PROPN 5 obl;. . PUNCT 1 punct"},
    {"of_object", "6>3:nmod",
     "Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;leaders NNS NOUN 2 obj;of IN ADP 5 case;"
     "Gondor NNP PROPN 6 compound;Army NNP PROPN 2 obj;. . PUNCT 2 punct"},
    {"adjective_list_object", "6>10:amod 7>6 10>5:obj",
     "Arnor NNP PROPN 3 nsubj;is VBZ AUX 3 cop;about JJ ADJ 0 root;to TO PART 5 mark;"
     "restore VB VERB 3 xcomp;complete JJ ADJ 5 xcomp;, , PUNCT 10 punct;full JJ ADJ 10 amod;"
     "diplomatic JJ ADJ 10 amod;ties NNS NOUN 3 conj;with IN ADP 12 case;Gondor NNP PROPN 10 nmod;"
     ". . PUNCT 3 punct"},
    {"adjective_conjunct_subject", "3>6 4>5 5>3:conj 7>8:nsubj",
     "Ithilen NNP PROPN 8 nmod:poss;'s POS PART 1 case;awful JJ ADJ 8 amod;and CC CCONJ 7 cc;"
     "cool JJ ADJ 6 amod;minister NN NOUN 7 nmod;Calimehtar NNP PROPN 3 conj;warned VBD VERB 0 root;"
     "Gondor NNP PROPN 8 obj"},
    {"possessor_of_verb", "1>4",
     "Ithilen NNP PROPN 5 nmod:poss;'s POS PART 1 case;evil JJ ADJ 4 amod;minister NN NOUN 5 nsubj;"
     "warned VBD VERB 0 root;Gondor NNP PROPN 5 obj"},
    {"merge_split_subjects", "1>7:nmod:poss 6>7:compound",
     "Rohan NNP PROPN 8 nsubj;'s POS PART 1 case;brave JJ ADJ 6 amod;and CC CCONJ 5 cc;"
     "wise JJ ADJ 3 conj;minister NN NOUN 8 obj;Eomer NNP PROPN 8 nsubj;warned VBD VERB 0 root;"
     "Gondor NNP PROPN 8 obj"},
    {"subject_coordination", "1>7:nsubj 4>6 5>6 6>1:conj 7>0:root 9>7",
     "Lions NNS NOUN 0 root;, , PUNCT 3 punct;tigers NNS NOUN 1 conj;, , PUNCT 7 punct;"
     "and CC CCONJ 7 cc;Rohan NNP PROPN 7 nsubj;welcomed VBD VERB 1 conj;talks NNS NOUN 7 obj;"
     ". . PUNCT 1 punct"},
    {"invert_verb_subject", "3>0:root 10>3:conj 11>3",
     "Rohan NNP PROPN 3 nsubj;has VBZ AUX 3 aux;celebrated VBN VERB 10 nsubj:pass;with IN ADP 5 case;"
     "Gondor NNP PROPN 3 obl;after IN ADP 8 case;a DT DET 8 det;raid NN NOUN 3 obl;"
     "was VBD AUX 10 aux:pass;reported VBN VERB 0 root;. . PUNCT 10 punct"},
    {"uncross_pp", "9>7:obl",
     "Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;Gondor NNP PROPN 2 obj;, , PUNCT 7 punct;"
     "an DT DET 6 det;official NN NOUN 7 nsubj;said VBD VERB 2 parataxis;on IN ADP 9 case;"
     "Saturday NNP PROPN 3 nmod;. . PUNCT 2 punct"},
    {"pp_off_date", "7>2:obl",
     "Rohan NNP PROPN 2 nsubj;flew VBD VERB 0 root;on IN ADP 5 case;"
     "December NNP PROPN 5 nmod:unmarked;22 CD NUM 2 obl;to IN ADP 7 case;Gondor NNP PROPN 5 nmod"},
    {"parenthetical_clause", "9>3",
     "Rohan NNP PROPN 3 nsubj;will MD AUX 3 aux;restore VB VERB 0 root;, , PUNCT 6 punct;"
     "it PRP PRON 6 nsubj;seems VBZ VERB 3 parataxis;, , PUNCT 6 punct;full JJ ADJ 9 amod;"
     "ties NNS NOUN 6 obj;. . PUNCT 3 punct"},
    {"participle_clause", "6>9:nsubj 9>3:conj=VBD",
     "Rohan NNP PROPN 3 nsubj;will MD AUX 3 aux;restore VB VERB 0 root;ties NNS NOUN 3 obj;"
     "two CD NUM 6 nummod;years NNS NOUN 14 nsubj;after IN ADP 8 case;crowds NNS NOUN 6 nmod;"
     "burned VBN VERB 8 acl;it PRP PRON 9 obj;, , PUNCT 13 punct;an DT DET 13 det;"
     "official NN NOUN 14 nsubj;said VBD VERB 3 parataxis;. . PUNCT 3 punct"},
    {"rejoin_clause", "4>8:mark 6>8:nsubj:pass 8:advcl",
     "Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;Gondor NNP PROPN 2 obj;after IN ADP 6 case;"
     "a DT DET 6 det;raid NN NOUN 2 obl;was VBD AUX 8 aux:pass;reported VBN VERB 2 conj;"
     ". . PUNCT 2 punct"},
    {"rejoin_measure", "5:obl:npmod 6>8:mark 7>8:nsubj 8:advcl",
     "Rohan NNP PROPN 2 nsubj;left VBD VERB 0 root;Gondor NNP PROPN 2 obj;two CD NUM 5 nummod;"
     "years NNS NOUN 8 nsubj;after IN ADP 7 case;crowds NNS NOUN 5 nmod;burned VBD VERB 2 conj;"
     "it PRP PRON 8 obj"},
    {"raise_report", "2>7:ccomp ~4>7 7>0:root 9>7",
     "Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;Gondor NNP PROPN 2 obj;, , PUNCT 3 punct;"
     "an DT DET 6 det;official NN NOUN 7 nsubj;said VBD VERB 3 parataxis;today NN NOUN 7 obl:tmod;"
     ". . PUNCT 2 punct"},
    {"split_verb_modifier", "6>2:conj=VBD ~7>6:obj",
     "Rohan NNP PROPN 2 nsubj;condemned VBD VERB 0 root;the DT DET 4 det;raid NN NOUN 2 obj;"
     "and CC CCONJ 6 cc;promised VBN VERB 7 amod;aid NN NOUN 4 appos;to IN ADP 9 case;"
     "Gondor NNP PROPN 7 nmod"},
    {"two_word_verb", "1>5 2>5 3>5 4>5:aux 5>0:root=VB 7>5 8>5",
     "Soldiers NNS NOUN 4 nsubj;will MD AUX 4 aux;not RB PART 4 advmod;wire VB VERB 0 root;"
     "tap NN NOUN 4 obj;the DT DET 7 det;links NNS NOUN 4 obj;. . PUNCT 4 punct"},
    {"object_clause", "3>4:nsubj 4>2:ccomp=VBD",
     "he PRP PRON 2 nsubj;said VBD VERB 0 root;government NN NOUN 2 obj;proposed VBN VERB 3 acl;"
     "to TO PART 6 mark;take VB VERB 4 xcomp;it PRP PRON 6 obj;. . PUNCT 2 punct"},
    {"fronted_comma", "5>7",
     "On IN ADP 2 case;health NN NOUN 7 obl;of IN ADP 4 case;Rohan NNP PROPN 2 nmod;, , PUNCT 2 punct;"
     "he PRP PRON 7 nsubj;said VBD VERB 0 root;. . PUNCT 7 punct"},
    {"split_name_before_adjective", "4>5 5>2:obl 7:obl:tmod",
     "Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;Gondor NNP PROPN 2 obj;with IN ADP 7 case;"
     "Arnor NNP PROPN 7 compound;next JJ ADJ 7 amod;week NN NOUN 2 obl;. . PUNCT 2 punct"},
    {"lift_name_pp", "6>2:obl",
     "Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;at IN ADP 4 case;Paris NNP PROPN 2 obl;"
     "with IN ADP 6 case;Gondor NNP PROPN 4 nmod;. . PUNCT 2 punct"},
    {"nest_after_of", "8>6",
     "Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;the DT DET 4 det;parliament NN NOUN 2 obj;"
     "of IN ADP 6 case;Gondor NNP PROPN 4 nmod;in IN ADP 8 case;Arnor NNP PROPN 4 nmod;"
     ". . PUNCT 2 punct"},
    {"second_place", "11>9:nmod",
     "Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;at IN ADP 4 case;Paris NNP PROPN 2 obl;"
     "with IN ADP 7 case;the DT DET 7 det;parliament NN NOUN 2 obl;of IN ADP 9 case;"
     "Arnor NNP PROPN 7 nmod;in IN ADP 11 case;Zorbia NNP PROPN 2 obl;. . PUNCT 2 punct"},
    {"name_content_clause", "8>2:ccomp",
     "Rohan NNP PROPN 2 nsubj;agrees VBZ VERB 0 root;with IN ADP 4 case;Gondor NNP PROPN 2 obl;"
     "that IN SCONJ 8 mark;talks NNS NOUN 8 nsubj;should MD AUX 8 aux;resume VB VERB 4 acl:relcl;"
     ". . PUNCT 2 punct"},
    {"split_possessed_coordination", "1>3 3>8:nsubj 4>6 5>6:compound 6>3:conj",
     "Rohan NNP PROPN 6 nmod:poss;'s POS PART 1 case;death NN NOUN 6 compound;and CC CCONJ 5 cc;"
     "injury NN NOUN 3 conj;toll NN NOUN 8 nsubj;has VBZ AUX 8 aux;risen VBN VERB 0 root;"
     ". . PUNCT 8 punct"},
    {"coordinated_modifier", "6>8 8:conj",
     "China NNP PROPN 2 nsubj;condemned VBD VERB 0 root;Japan NNP PROPN 2 obj;, , PUNCT 5 punct;"
     "Vietnam NNP PROPN 3 conj;and CC CCONJ 7 cc;South NNP PROPN 8 compound;Korea NNP PROPN 3 nmod;"
     ". . PUNCT 2 punct"},
    {"coordinated_compound", "3>2:obj 4>6 6>3:conj",
     "China NNP PROPN 2 nsubj;condemned VBD VERB 0 root;Japan NNP PROPN 6 compound;and CC CCONJ 5 cc;"
     "South NNP PROPN 6 compound;Korea NNP PROPN 2 obj;. . PUNCT 2 punct"},
    {"cc_to_conjunct", "6>8",
     "China NNP PROPN 2 nsubj;condemned VBD VERB 0 root;Japan NNP PROPN 2 obj;, , PUNCT 5 punct;"
     "Vietnam NNP PROPN 3 conj;and CC CCONJ 7 cc;South NNP PROPN 8 compound;Korea NNP PROPN 3 conj"},
    {"case_to_head", "6>8",
     "Rohan NNP PROPN 2 nsubj;warned VBD VERB 0 root;of IN ADP 5 case;the DT DET 5 det;"
     "Prince NNP PROPN 2 obl;of IN ADP 7 case;Dol NNP PROPN 8 compound;Amroth NNP PROPN 5 conj;"
     ". . PUNCT 2 punct"},
    {"bare_conjunct", "4:appos",
     "Rohan NNP PROPN 5 nsubj;Prime NNP PROPN 4 compound;Minister NNP PROPN 4 compound;"
     "Eomer NNP PROPN 1 conj;met VBD VERB 0 root;Gondor NNP PROPN 5 obj;. . PUNCT 5 punct"},
    {"appositive_list", "3:conj 5:conj",
     "Mordor NNP PROPN 8 nsubj;, , PUNCT 3 punct;Rohan NNP PROPN 1 appos;, , PUNCT 5 punct;"
     "Fornost NNP PROPN 3 appos;and CC CCONJ 7 cc;Bree NNP PROPN 5 conj;welcomed VBD VERB 0 root;"
     "Gondor NNP PROPN 8 obj"},
    {"flatten_conjuncts", "7>1",
     "Rohan NNP PROPN 8 nsubj;, , PUNCT 3 punct;Zorbia NNP PROPN 1 conj;and CC CCONJ 7 cc;"
     "the DT DET 7 det;evil JJ ADJ 7 amod;Gondor NNP PROPN 3 conj;welcomed VBD VERB 0 root;"
     "talks NNS NOUN 8 obj;. . PUNCT 8 punct"},
    {"nested_coordination", "11>4",
     "spur VB VERB 0 root;reconciliation NN NOUN 1 obj;between IN ADP 4 case;Arnor NNP PROPN 2 nmod;"
     "and CC CCONJ 6 cc;Gondor NNP PROPN 4 conj;, , PUNCT 9 punct;and CC CCONJ 9 cc;"
     "Rohan NNP PROPN 4 conj;and CC CCONJ 11 cc;Bree NNP PROPN 9 conj"},
    {"verb_conjunct_of_noun", "8>2",
     "Rohan NNP PROPN 2 nsubj;condemned VBD VERB 0 root;the DT DET 4 det;raid NN NOUN 2 obj;"
     "on IN ADP 6 case;Thursday NNP PROPN 2 obl;and CC CCONJ 8 cc;promised VBN VERB 6 conj;"
     "aid NN NOUN 8 obj;. . PUNCT 2 punct"},
    {"preconjunct_determiner", "1=DT",
     "Both CC CCONJ 2 cc:preconj;Rohan NNP PROPN 5 nsubj;and CC CCONJ 4 cc;Gondor NNP PROPN 2 conj;"
     "met VBD VERB 0 root;Zorbia NNP PROPN 5 obj"},
};
#define NTEST ((int)(sizeof aTest / sizeof aTest[0]))

/* Load rows into S as a CoNLL-U sentence. */

#define MAXTOK 32
typedef struct change {
    int id, head, shared;     /* head -1: not changed */
    char rel[32], xpos[16];   /* "": not changed */
} change;

/* Parse a change list; returns the number of changes, -1 on a typo. */
static int parse_changes(const char *z, change *a, int max) {
    int n = 0;
    while (*z) {
        while (*z == ' ') z++;
        if (!*z) break;
        if (n == max) return -1;
        change *c = &a[n++];
        memset(c, 0, sizeof *c);
        c->head = -1;
        if (*z == '~') { c->shared = 1; z++; }
        char *end;
        c->id = (int)strtol(z, &end, 10);
        if (end == z || c->id < 1) return -1;
        z = end;
        if (*z == '>') { c->head = (int)strtol(z + 1, &end, 10); if (end == z + 1) return -1; z = end; }
        if (*z == ':') {
            size_t k = strcspn(z + 1, "= ");
            if (k == 0 || k >= sizeof c->rel) return -1;
            memcpy(c->rel, z + 1, k);
            z += 1 + k;
        }
        if (*z == '=') {
            size_t k = strcspn(z + 1, " ");
            if (k == 0 || k >= sizeof c->xpos) return -1;
            memcpy(c->xpos, z + 1, k);
            z += 1 + k;
        }
        if (*z && *z != ' ') return -1;
    }
    return n;
}

/* The tokens of S repaired with the passes of OFF left out, into out[]. */
static int repaired(uint64_t off, dyad_token *out) {
    int n = dyad_sentence_len(S);
    memcpy(out, dyad_sentence_tokens(S), (size_t)n * sizeof *out);
    return pt_repair(out, n, off) == DYAD_OK ? n : -1;
}

static int same_tok(const dyad_token *a, const dyad_token *b) {
    return a->head == b->head && !strcmp(a->deprel, b->deprel) && !strcmp(a->xpos, b->xpos) && !strcmp(a->upos, b->upos);
}

/* Run the test of pass i (aTest[t]); 1 when every check holds. */
static int run_test(int i, const repair_test *rt) {
    const pt_repair_info *info = pt_repair_get(i);
    uint64_t all = pt_repair_count() == 64 ? ~(uint64_t)0 : ((uint64_t)1 << pt_repair_count()) - 1, bit = (uint64_t)1 << i;
    change ch[MAXTOK];
    dyad_token in[MAXTOK], alone[MAXTOK], on[MAXTOK], off[MAXTOK];
    int nch = parse_changes(rt->zChanges, ch, MAXTOK), ok = 1;
    if (nch <= 0) { fprintf(stderr, "  %s: bad change list '%s'\n", rt->zName, rt->zChanges); return 0; }
    if (load(rt->zRows) || dyad_sentence_len(S) > MAXTOK) { fprintf(stderr, "  %s: bad rows\n", rt->zName); return 0; }
    int n = dyad_sentence_len(S);
    memcpy(in, dyad_sentence_tokens(S), (size_t)n * sizeof *in);

    /* the tree is the table's example sentence */
    char words[1024] = "";
    size_t at = 0;
    for (int k = 0; k < n; k++) at += (size_t)snprintf(words + at, sizeof words - at, "%s%s", k ? " " : "", in[k].form);
    if (strcmp(words, info->zExample)) {
        fprintf(stderr, "  %s: the tree's words are not the example\n    tree    %s\n    example %s\n", rt->zName, words,
                info->zExample);
        ok = 0;
    }
    /* alone: exactly the listed changes */
    if (repaired(all & ~bit, alone) != n) return 0;
    for (int k = 0; k < n; k++) {
        const change *c = NULL;
        for (int j = 0; j < nch; j++) if (ch[j].id == k + 1) c = &ch[j];
        int hd = c && c->head >= 0 ? c->head : in[k].head;
        const char *rel = c && c->rel[0] ? c->rel : in[k].deprel, *xp = c && c->xpos[0] ? c->xpos : in[k].xpos;
        if (alone[k].head != hd || strcmp(alone[k].deprel, rel) || strcmp(alone[k].xpos, xp)) {
            fprintf(stderr, "  %s alone: token %d %s is %s %d:%s, want %s %d:%s\n", rt->zName, k + 1, in[k].form,
                    alone[k].xpos, alone[k].head, alone[k].deprel, xp, hd, rel);
            ok = 0;
        }
        if (c && c->head == in[k].head && !strcmp(rel, in[k].deprel) && !strcmp(xp, in[k].xpos)) {
            fprintf(stderr, "  %s: change of token %d is no change\n", rt->zName, k + 1);
            ok = 0;
        }
    }
    /* with every other pass: switching this one off leaves its arcs as the
    ** parser gave them, and changes the result */
    if (repaired(0, on) != n || repaired(bit, off) != n) return 0;
    int differ = 0;
    for (int k = 0; k < n; k++) differ |= !same_tok(&on[k], &off[k]);
    if (!differ) { fprintf(stderr, "  %s: switching it off changes nothing in the full run\n", rt->zName); ok = 0; }
    for (int j = 0; j < nch; j++) {
        const change *c = &ch[j];
        int k = c->id - 1;
        if (c->shared || k >= n) continue;
        if ((c->head >= 0 && off[k].head != in[k].head) || (c->rel[0] && strcmp(off[k].deprel, in[k].deprel)) ||
            (c->xpos[0] && strcmp(off[k].xpos, in[k].xpos))) {
            fprintf(stderr, "  %s off: token %d %s was repaired anyway (%s %d:%s)\n", rt->zName, k + 1, in[k].form,
                    off[k].xpos, off[k].head, off[k].deprel);
            ok = 0;
        }
    }
    return ok;
}

int main(void) {
    S = dyad_sentence_new();
    CHECK(S != NULL);
    int np = pt_repair_count();
    CHECKF(np > 0 && np <= 64, "%d passes", np);
    CHECK(pt_repair_get(-1) == NULL && pt_repair_get(np) == NULL);

    /* every pass: a name of its own, a rule, an example, a test here */
    for (int i = 0; i < np; i++) {
        const pt_repair_info *r = pt_repair_get(i);
        CHECKF(r && r->zName[0] && r->zRule[0] && r->zExample[0], "pass %d", i);
        CHECKF(pt_repair_find(r->zName, strlen(r->zName)) == i, "%s: its name is not its own", r->zName);
        int t = -1;
        for (int j = 0; j < NTEST; j++) if (!strcmp(aTest[j].zName, r->zName)) t = j;
        CHECKF(t >= 0, "pass %s has no test: add its example tree and changes to aTest", r->zName);
        if (t >= 0) CHECKF(run_test(i, &aTest[t]), "pass %s", r->zName);
    }
    /* and every test a pass */
    for (int j = 0; j < NTEST; j++)
        CHECKF(pt_repair_find(aTest[j].zName, strlen(aTest[j].zName)) >= 0, "test of no pass: %s", aTest[j].zName);

    /* the name-list switch */
    {
        uint64_t m = 1;
        const char *bad = NULL;
        size_t nbad = 0;
        int a = pt_repair_find("of_object", 9), b = pt_repair_find("uncross_pp", 10);
        CHECK(a >= 0 && b >= 0);
        CHECK(pt_repairs_mask("", &m, NULL, NULL) == 0 && m == 0);
        CHECK(pt_repairs_mask(NULL, &m, NULL, NULL) == 0 && m == 0);
        CHECK(pt_repairs_mask("of_object,uncross_pp", &m, NULL, NULL) == 0 && m == ((uint64_t)1 << a | (uint64_t)1 << b));
        CHECK(pt_repairs_mask(" uncross_pp , of_object,", &m, NULL, NULL) == 0 && m == ((uint64_t)1 << a | (uint64_t)1 << b));
        CHECK(pt_repairs_mask("all", &m, NULL, NULL) == 0 && m == (np == 64 ? ~(uint64_t)0 : ((uint64_t)1 << np) - 1));
        CHECK(pt_repairs_mask("of_object,of_objects", &m, &bad, &nbad) == -1 && bad && nbad == 10 &&
              !strncmp(bad, "of_objects", nbad) && m == 0);
        CHECK(pt_repairs_mask("of_obj", &m, NULL, NULL) == -1);   /* no prefixes */
        CHECK(pt_repair_find("of_object", 8) < 0);
    }

    /* pt_from_ud runs the passes the switch leaves on: the mistagged "Gollum/VB" */
    {
        dyad_phrases *P = dyad_phrases_new();
        int k = pt_repair_find("mistagged_subject", 17);
        CHECK(P && k >= 0 && load(aTest[0].zRows) == 0);
        const char *tag[2] = {"", ""};
        for (int pass = 0; pass < 2 && P; pass++) {
            pt_repairs_set_off(pass ? (uint64_t)1 << k : 0);
            CHECK(pt_repairs_off() == (pass ? (uint64_t)1 << k : 0));
            CHECK(pt_from_ud(P, S) == DYAD_OK);
            for (int i = 0; i < P->nn; i++) if (P->n[i].tok == 0 && P->n[i].child < 0) tag[pass] = P->n[i].label;
            CHECKF(!strcmp(tag[pass], pass ? "VB" : "NNP"), "Gollum tagged %s with the pass %s", tag[pass], pass ? "off" : "on");
        }
        pt_repairs_set_off(0);
        dyad_phrases_free(P);
    }

    /* allocation failures: an error status, never a crash or leak */
    {
        int failed = 0, ok = 0;
        dyad_token t[MAXTOK];
        CHECK(load(aTest[NTEST - 1].zRows) == 0);
        for (long k = 1; k < 8; k++) {
            memcpy(t, dyad_sentence_tokens(S), (size_t)dyad_sentence_len(S) * sizeof *t);
            dyad_alloc_fail_after(k);
            dyad_status st = pt_repair(t, dyad_sentence_len(S), 0);
            dyad_alloc_fail_after(0);
            if (st == DYAD_NOMEM) failed++;
            else if (st == DYAD_OK) ok++;
        }
        CHECKF(failed > 0 && ok > 0, "failed=%d ok=%d", failed, ok);
    }
    dyad_sentence_free(S);
    return TEST_END();
}
