/* test_ud_phrases.c: the phrase structure rebuilt from UD trees for the coder
** (docs/penn-to-ud.md, "UD -> phrases" and "Repairs"): hand-written parser
** slips and the Penn shapes they must come out as, plus allocation failures. */
#include "dyad.h"
#include "penn.h"
#include "harness.h"

static dyad_sentence *S;
#include "tree_rows.h"
static dyad_phrases *P;

/* Bracket string of the phrase tree (words only under their tags). */
static void render(const dyad_phrases *p, int nd, char *out, size_t n, size_t *at) {
    const pt_node *x = &p->n[nd];
    dyad_token *t = dyad_sentence_tokens(S);
    int k;
    if (x->tok >= 0 && x->child < 0)
        k = snprintf(out + *at, n - *at, "(%s %s)", x->label, t[x->tok].form);
    else
        k = snprintf(out + *at, n - *at, "(%s", x->label[0] ? x->label : "ROOT");
    if (k < 0 || (size_t)k >= n - *at) return;
    *at += (size_t)k;
    if (x->tok >= 0 && x->child < 0) return;
    for (int c = x->child; c >= 0; c = p->n[c].next) {
        if (*at + 1 < n) out[(*at)++] = ' ';
        render(p, c, out, n, at);
    }
    if (*at + 1 < n) out[(*at)++] = ')';
    out[*at] = 0;
}

/* rows: "FORM XPOS UPOS HEAD DEPREL" separated by ';' */

static int same(const char *rows, const char *want) {
    char out[4096] = "";
    size_t at = 0;
    if (load(rows) || pt_from_ud(P, S)) { fprintf(stderr, "  cannot load/rebuild: %s\n", rows); return 0; }
    render(P, P->root, out, sizeof out, &at);
    if (strcmp(out, want)) fprintf(stderr, "  got  %s\n  want %s\n", out, want);
    return !strcmp(out, want);
}

int main(void) {
    S = dyad_sentence_new();
    P = dyad_phrases_new();
    CHECK(S && P);
    /* an adjective heading a subject, coordinated with a name: a noun, so a flat compound */
    CHECK(same("Zorbia JJ ADJ 4 nsubj;and CC CCONJ 3 cc;Gondor NNP PROPN 1 conj;welcomed VBD VERB 0 root;Rohan NNP PROPN 4 obj;. . PUNCT 4 punct",
               "(ROOT (S (NP (NNP Zorbia) (CC and) (NNP Gondor)) (VP (VBD welcomed) (NP (NNP Rohan))) (. .)))"));
    /* a capitalised adverb before a subjectless finite verb is its subject */
    CHECK(same("Zorbia RB ADV 2 advmod;welcomed VBD VERB 0 root;Rohan NNP PROPN 2 obj;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Zorbia)) (VP (VBD welcomed) (NP (NNP Rohan))) (. .)))"));
    /* a verb-tagged first word with a subjectless parataxis verb: the subject */
    CHECK(same("Pyongyang VBG VERB 0 root;on IN ADP 3 case;Monday NNP PROPN 1 obl;fired VBD VERB 1 parataxis;shells NNS NOUN 4 obj;at IN ADP 7 case;Seoul NNP PROPN 4 obl;. . PUNCT 1 punct",
               "(ROOT (S (NP (NP (NNP Pyongyang)) (PP (IN on) (NP (NNP Monday)))) (VP (VBD fired) (NP (NNS shells)) (PP (IN at) (NP (NNP Seoul)))) (. .)))"));
    /* three arguments before the verb: one subject headed by the last */
    CHECK(same("Rohan NNP PROPN 8 nsubj;'s POS PART 1 case;brave JJ ADJ 6 amod;and CC CCONJ 5 cc;wise JJ ADJ 3 conj;minister NN NOUN 8 obj;Eomer NNP PROPN 8 nsubj;warned VBD VERB 0 root;Gondor NNP PROPN 8 obj",
               "(ROOT (S (NP (NP (NNP Rohan) (POS 's)) (ADJP (JJ brave) (CC and) (JJ wise)) (NN minister) (NNP Eomer)) (VP (VBD warned) (NP (NNP Gondor)))))"));
    /* a bare subject after a coordination ending in a conjunct: it heads that conjunct */
    CHECK(same("Zorbia NNP PROPN 7 nsubj;and CC CCONJ 4 cc;the DT DET 4 det;evil NN NOUN 1 conj;awful JJ ADJ 4 amod;Gondor NNP PROPN 7 nsubj;welcomed VBD VERB 0 root;talks NNS NOUN 7 obj",
               "(ROOT (S (NP (NP (NNP Zorbia)) (CC and) (NP (DT the) (NN evil) (JJ awful) (NNP Gondor))) (VP (VBD welcomed) (NP (NNS talks)))))"));
    /* 'after a raid | was reported/conj': a subordinate clause of 'met' */
    CHECK(same("Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;Gondor NNP PROPN 2 obj;after IN ADP 6 case;a DT DET 6 det;raid NN NOUN 2 obl;was VBD AUX 8 aux:pass;reported VBN VERB 2 conj;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD met) (NP (NNP Gondor)) (S (IN after) (NP (DT a) (NN raid)) (VP (VBD was) (VP (VBN reported))))) (. .)))"));
    /* 'two years/nsubj after crowds burned': crowds is the subject, the clause modifies 'left' */
    CHECK(same("Rohan NNP PROPN 2 nsubj;left VBD VERB 0 root;Gondor NNP PROPN 2 obj;two CD NUM 5 nummod;years NNS NOUN 8 nsubj;after IN ADP 7 case;crowds NNS NOUN 5 nmod;burned VBD VERB 2 conj;it PRP PRON 8 obj",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD left) (NP (NNP Gondor)) (S (NP (CD two) (NNS years)) (IN after) (NP (NNS crowds)) (VP (VBD burned) (NP (PRP it)))))))"));
    /* ', an official said today' hung on the object: the top clause, as in Penn */
    CHECK(same("Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;Gondor NNP PROPN 2 obj;, , PUNCT 3 punct;an DT DET 6 det;official NN NOUN 7 nsubj;said VBD VERB 3 parataxis;today NN NOUN 7 obl:tmod;. . PUNCT 2 punct",
               "(ROOT (S (S (NP (NNP Rohan)) (VP (VBD met) (NP (NNP Gondor)))) (, ,) (NP (DT an) (NN official)) (VP (VBD said) (NP-TMP (NN today))) (. .)))"));
    /* 'and promised/amod aid': a coordinated verb with its object */
    CHECK(same("Rohan NNP PROPN 2 nsubj;condemned VBD VERB 0 root;the DT DET 4 det;raid NN NOUN 2 obj;and CC CCONJ 6 cc;promised VBN VERB 7 amod;aid NN NOUN 4 appos;to IN ADP 9 case;Gondor NNP PROPN 7 nmod",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD condemned) (NP (DT the) (NN raid))) (S (CC and) (VP (VBD promised) (NP (NP (NN aid)) (PP (IN to) (NP (NNP Gondor))))))))"));
    /* a comma-enclosed PP between subject and verb is inside the subject NP */
    CHECK(same("The DT DET 2 det;minister NN NOUN 9 nsubj;, , PUNCT 2 punct;in IN ADP 5 case;remarks NNS NOUN 9 obl;on IN ADP 7 case;Monday NNP PROPN 5 nmod;, , PUNCT 5 punct;urged VBD VERB 0 root;Gondor NNP PROPN 9 obj",
               "(ROOT (S (NP (NP (DT The) (NN minister) (, ,)) (PP (IN in) (NP (NP (NNS remarks)) (PP (IN on) (NP (NNP Monday))) (, ,)))) (VP (VBD urged) (NP (NNP Gondor)))))"));
    /* 'on December 22 to/nmod(22) Gondor': a date takes no PP but of; the PP is the verb's */
    CHECK(same("Rohan NNP PROPN 2 nsubj;flew VBD VERB 0 root;on IN ADP 5 case;December NNP PROPN 5 nmod:unmarked;22 CD NUM 2 obl;to IN ADP 7 case;Gondor NNP PROPN 5 nmod",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD flew) (PP (IN on) (QP (NP (NNP December)) (CD 22))) (PP (IN to) (NP (NNP Gondor))))))"));
    /* ... but 'December 22 of/nmod(22) last year' stays */
    CHECK(same("Rohan NNP PROPN 2 nsubj;flew VBD VERB 0 root;on IN ADP 5 case;December NNP PROPN 5 nmod:unmarked;22 CD NUM 2 obl;of IN ADP 8 case;last JJ ADJ 8 amod;year NN NOUN 5 nmod",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD flew) (PP (IN on) (QP (NP (NNP December)) (CD 22) (PP (IN of) (NP (JJ last) (NN year))))))))"));
    /* a PP after the last bare conjunct modifies the coordination */
    CHECK(same("Lawmakers NNS NOUN 6 nsubj;and CC CCONJ 3 cc;officials NNS NOUN 1 conj;in IN ADP 5 case;Rohan NNP PROPN 3 nmod;welcomed VBD VERB 0 root;talks NNS NOUN 6 obj",
               "(ROOT (S (NP (NP (NNS Lawmakers) (CC and) (NNS officials)) (PP (IN in) (NP (NNP Rohan)))) (VP (VBD welcomed) (NP (NNS talks)))))"));
    /* a verb with its own subject as another's subject: the main clause again */
    CHECK(same("Rohan NNP PROPN 3 nsubj;has VBZ AUX 3 aux;celebrated VBN VERB 10 nsubj:pass;with IN ADP 5 case;Gondor NNP PROPN 3 obl;after IN ADP 8 case;a DT DET 8 det;raid NN NOUN 3 obl;was VBD AUX 10 aux:pass;reported VBN VERB 0 root;. . PUNCT 10 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBZ has) (VP (VBN celebrated) (PP (IN with) (NP (NNP Gondor))) (S (IN after) (NP (DT a) (NN raid)) (VP (VBD was) (VP (VBN reported)))))) (. .)))"));
    /* the same slip with the later verb as an xcomp (a finite verb cannot be one) */
    CHECK(same("Pyongyang VBG VERB 0 root;on IN ADP 3 case;Monday NNP PROPN 1 obl;fired VBD VERB 1 xcomp;shells NNS NOUN 4 obj;. . PUNCT 1 punct",
               "(ROOT (S (NP (NP (NNP Pyongyang)) (PP (IN on) (NP (NNP Monday)))) (VP (VBD fired) (NP (NNS shells))) (. .)))"));
    /* 'of/case(Dol) Dol Amroth/conj(Prince)': the preposition leads the name, a
    ** conjunct without coordinator or comma is the head's PP */
    CHECK(same("Rohan NNP PROPN 2 nsubj;warned VBD VERB 0 root;of IN ADP 5 case;the DT DET 5 det;Prince NNP PROPN 2 obl;of IN ADP 7 case;Dol NNP PROPN 8 compound;Amroth NNP PROPN 5 conj;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD warned) (PP (IN of) (NP (NP (DT the) (NNP Prince)) (PP (IN of) (NP (NNP Dol) (NNP Amroth)))))) (. .)))"));
    /* 'Rohan | Prime Minister Eomer/conj(Rohan)': no coordinator, one name */
    CHECK(same("Rohan NNP PROPN 5 nsubj;Prime NNP PROPN 4 compound;Minister NNP PROPN 4 compound;Eomer NNP PROPN 1 conj;met VBD VERB 0 root;Gondor NNP PROPN 5 obj;. . PUNCT 5 punct",
               "(ROOT (S (NP (NNP Rohan) (NNP Prime) (NNP Minister) (NNP Eomer)) (VP (VBD met) (NP (NNP Gondor))) (. .)))"));
    /* 'Rohan , Zorbia and the evil Gondor/conj(Zorbia)': one list of three */
    CHECK(same("Rohan NNP PROPN 8 nsubj;, , PUNCT 3 punct;Zorbia NNP PROPN 1 conj;and CC CCONJ 7 cc;the DT DET 7 det;evil JJ ADJ 7 amod;Gondor NNP PROPN 3 conj;welcomed VBD VERB 0 root;talks NNS NOUN 8 obj;. . PUNCT 8 punct",
               "(ROOT (S (NP (NP (NNP Rohan)) (, ,) (NP (NNP Zorbia)) (CC and) (NP (DT the) (JJ evil) (NNP Gondor))) (VP (VBD welcomed) (NP (NNS talks))) (. .)))"));
    /* 'on Thursday and promised/conj(Thursday) aid': coordinated with the verb */
    CHECK(same("Rohan NNP PROPN 2 nsubj;condemned VBD VERB 0 root;the DT DET 4 det;raid NN NOUN 2 obj;on IN ADP 6 case;Thursday NNP PROPN 2 obl;and CC CCONJ 8 cc;promised VBN VERB 6 conj;aid NN NOUN 8 obj;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD condemned) (NP (DT the) (NN raid)) (PP (IN on) (NP (NNP Thursday)))) (S (CC and) (VP (VBN promised) (NP (NN aid)))) (. .)))"));
    /* 'Eid at Zorbia with/nmod(Zorbia) Gondor': a name's PP modifies the verb */
    CHECK(same("Rohan NNP PROPN 2 nsubj;celebrated VBD VERB 0 root;Eid NN NOUN 2 obj;at IN ADP 5 case;Zorbia NNP PROPN 3 nmod;with IN ADP 7 case;Gondor NNP PROPN 5 nmod;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD celebrated) (NP (NP (NN Eid)) (PP (IN at) (NP (NNP Zorbia)))) (PP (IN with) (NP (NNP Gondor)))) (. .)))"));
    /* preconjuncts: "neither" outside the coordination, NP( NP(DT Neither) NP(A nor B) ),
    ** "both" a determiner in it (one CC: a compound) */
    CHECK(same("Neither CC CCONJ 2 cc:preconj;Rohan NNP PROPN 5 nsubj;nor CC CCONJ 4 cc;Gondor NNP PROPN 2 conj;met VBD VERB 0 root;Zorbia NNP PROPN 5 obj",
               "(ROOT (S (NP (NP (DT Neither)) (NP (NNP Rohan) (CC nor) (NNP Gondor))) (VP (VBD met) (NP (NNP Zorbia)))))"));
    CHECK(same("Both CC CCONJ 2 cc:preconj;Rohan NNP PROPN 5 nsubj;and CC CCONJ 4 cc;Gondor NNP PROPN 2 conj;met VBD VERB 0 root;Zorbia NNP PROPN 5 obj",
               "(ROOT (S (NP (DT Both) (NNP Rohan) (CC and) (NNP Gondor)) (VP (VBD met) (NP (NNP Zorbia)))))"));
    /* 'issue/root condemned/acl the raid .': a sentence's only predicate is a clause;
    ** a headline (no full stop) keeps its reduced relative */
    CHECK(same("The DT DET 3 det;Rohan NNP PROPN 3 compound;issue NN NOUN 0 root;condemned VBN VERB 3 acl;the DT DET 6 det;raid NN NOUN 4 obj;. . PUNCT 3 punct",
               "(ROOT (S (NP (DT The) (NNP Rohan) (NN issue)) (VP (VBD condemned) (NP (DT the) (NN raid))) (. .)))"));
    CHECK(same("The DT DET 3 det;Rohan NNP PROPN 3 compound;issue NN NOUN 0 root;condemned VBN VERB 3 acl;the DT DET 6 det;raid NN NOUN 4 obj",
               "(ROOT (NP (NP (DT The) (NNP Rohan) (NN issue)) (VP (VBN condemned) (NP (DT the) (NN raid)))))"));
    /* 'two years after crowds burned/acl(crowds) it , an official said': the participle
    ** with an object is the after-clause of 'restore'; the report clause, its comma
    ** given to the subject, is the top clause */
    CHECK(same("Rohan NNP PROPN 3 nsubj;will MD AUX 3 aux;restore VB VERB 0 root;ties NNS NOUN 3 obj;two CD NUM 6 nummod;years NNS NOUN 14 nsubj;after IN ADP 8 case;crowds NNS NOUN 6 nmod;burned VBN VERB 8 acl;it PRP PRON 9 obj;, , PUNCT 13 punct;an DT DET 13 det;official NN NOUN 14 nsubj;said VBD VERB 3 parataxis;. . PUNCT 3 punct",
               "(ROOT (S (S (NP (NNP Rohan)) (VP (MD will) (VP (VB restore) (NP (NNS ties)) (S (NP (CD two) (NNS years)) (IN after) (NP (NNS crowds)) (VP (VBD burned) (NP (PRP it))))))) (, ,) (NP (DT an) (NN official)) (VP (VBD said)) (. .)))"));
    /* the same with ', two years/obl:unmarked(said)': the comma before the measure opens the clause */
    CHECK(same("Rohan NNP PROPN 3 nsubj;will MD AUX 3 aux;restore VB VERB 0 root;ties NNS NOUN 3 obj;, , PUNCT 15 punct;two CD NUM 7 nummod;years NNS NOUN 15 obl:unmarked;after IN ADP 9 case;crowds NNS NOUN 7 nmod;burned VBN VERB 9 acl;it PRP PRON 10 obj;, , PUNCT 15 punct;an DT DET 14 det;official NN NOUN 15 nsubj;said VBD VERB 3 parataxis;. . PUNCT 3 punct",
               "(ROOT (S (S (NP (NNP Rohan)) (VP (MD will) (VP (VB restore) (NP (NNS ties)) (S (, ,) (NP (CD two) (NNS years)) (IN after) (NP (NNS crowds)) (VP (VBD burned) (NP (PRP it))))))) (, ,) (NP (DT an) (NN official)) (VP (VBD said)) (. .)))"));
    /* a well-formed tree is left alone */
    CHECK(same("Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;Gondor NNP PROPN 2 obj;and CC CCONJ 5 cc;visited VBD VERB 2 conj;Zorbia NNP PROPN 5 obj;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD met) (NP (NNP Gondor))) (S (CC and) (VP (VBD visited) (NP (NNP Zorbia)))) (. .)))"));

    /* 'wire/VB tap/NN(obj) the links(obj)': a two-word verb, Penn's (VP wire (VP tap NP)) */
    CHECK(same("Soldiers NNS NOUN 4 nsubj;will MD AUX 4 aux;not RB PART 4 advmod;wire VB VERB 0 root;tap NN NOUN 4 obj;the DT DET 7 det;links NNS NOUN 4 obj;. . PUNCT 4 punct",
               "(ROOT (S (NP (NNS Soldiers)) (VP (MD will) (RB not) (VP (VB wire) (VP (VB tap) (NP (DT the) (NNS links))))) (. .)))"));
    /* 'Rohan 's death and injury toll': (Rohan 's death) and (injury toll), as CoreNLP reads it */
    CHECK(same("Rohan NNP PROPN 6 nmod:poss;'s POS PART 1 case;death NN NOUN 6 compound;and CC CCONJ 5 cc;injury NN NOUN 3 conj;toll NN NOUN 8 nsubj;has VBZ AUX 8 aux;risen VBN VERB 0 root;. . PUNCT 8 punct",
               "(ROOT (S (NP (NP (NP (NNP Rohan) (POS 's)) (NN death)) (CC and) (NP (NN injury) (NN toll))) (VP (VBZ has) (VP (VBN risen))) (. .)))"));
    /* ', it seems ,' given the object: the object is the verb's before, the clause a parenthetical */
    CHECK(same("Rohan NNP PROPN 3 nsubj;will MD AUX 3 aux;restore VB VERB 0 root;, , PUNCT 6 punct;it PRP PRON 6 nsubj;seems VBZ VERB 3 parataxis;, , PUNCT 6 punct;full JJ ADJ 9 amod;ties NNS NOUN 6 obj;. . PUNCT 3 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (MD will) (VP (VB restore) (S (, ,) (NP (PRP it)) (VP (VBZ seems)) (, ,)) (NP (JJ full) (NNS ties)))) (. .)))"));
    /* a repair that would make the tree cross is undone ("after" cannot leave
    ** "two ... talks" for the clause): the parser's arcs stand, "ended" stays a
    ** coordinated verb */
    CHECK(same("Rohan NNP PROPN 2 nsubj;left VBD VERB 0 root;two CD NUM 5 nummod;after IN ADP 5 case;talks NNS NOUN 2 obl;"
               "ended VBD VERB 2 conj;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD left) (PP (IN after) (NP (CD two) (NNS talks)))) (VBD ended) (. .)))"));

    /* 'Lions/root , tigers , and Rohan/nsubj welcomed/conj': the coordination is the verb's subject */
    CHECK(same("Lions NNS NOUN 0 root;, , PUNCT 3 punct;tigers NNS NOUN 1 conj;, , PUNCT 7 punct;and CC CCONJ 7 cc;Rohan NNP PROPN 7 nsubj;welcomed VBD VERB 1 conj;talks NNS NOUN 7 obj;. . PUNCT 1 punct",
               "(ROOT (S (NP (NNS Lions) (, ,) (NNS tigers) (, ,) (CC and) (NNP Rohan)) (VP (VBD welcomed) (NP (NNS talks))) (. .)))"));
    /* 'said government/obj proposed/acl to take it': a complement clause with its subject */
    CHECK(same("he PRP PRON 2 nsubj;said VBD VERB 0 root;government NN NOUN 2 obj;proposed VBN VERB 3 acl;to TO PART 6 mark;take VB VERB 4 xcomp;it PRP PRON 6 obj;. . PUNCT 2 punct",
               "(ROOT (S (NP (PRP he)) (VP (VBD said) (S (NP (NN government)) (VP (VBD proposed) (S (VP (TO to) (VP (VB take) (NP (PRP it)))))))) (. .)))"));
    /* the comma closing a fronted PP belongs to the clause, before its subject */
    CHECK(same("On IN ADP 2 case;health NN NOUN 7 obl;of IN ADP 4 case;Rohan NNP PROPN 2 nmod;, , PUNCT 2 punct;he PRP PRON 7 nsubj;said VBD VERB 0 root;. . PUNCT 7 punct",
               "(ROOT (S (PP (IN On) (NP (NP (NN health)) (PP (IN of) (NP (NNP Rohan))))) (, ,) (NP (PRP he)) (VP (VBD said)) (. .)))"));
    /* 'Rohan and Gondor , and Arnor and Zorbia' inside a PP: two flat coordinations */
    CHECK(same("talks NNS NOUN 0 root;between IN ADP 3 case;Rohan NNP PROPN 1 nmod;and CC CCONJ 5 cc;Gondor NNP PROPN 3 conj;, , PUNCT 8 punct;and CC CCONJ 8 cc;Arnor NNP PROPN 3 conj;and CC CCONJ 10 cc;Zorbia NNP PROPN 3 conj",
               "(ROOT (NP (NP (NNS talks)) (PP (IN between) (NP (NP (NNP Rohan) (CC and) (NNP Gondor)) (, ,) (CC and) (NP (NNP Arnor) (CC and) (NNP Zorbia))))))"));
    /* UD 2.14's obl:unmarked ('said today') is a temporal NP */
    CHECK(same("Rohan NNP PROPN 2 nsubj;said VBD VERB 0 root;today NN NOUN 2 obl:unmarked;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD said) (NP-TMP (NN today))) (. .)))"));

    /* 'with Arnor/compound next week': the name ends before the temporal adjective */
    CHECK(same("Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;Gondor NNP PROPN 2 obj;with IN ADP 7 case;Arnor NNP PROPN 7 compound;next JJ ADJ 7 amod;week NN NOUN 2 obl;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD met) (NP (NNP Gondor)) (PP (IN with) (NP (NNP Arnor))) (NP-TMP (JJ next) (NN week))) (. .)))"));
    /* a PP on a proper-noun oblique modifies the verb */
    CHECK(same("Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;at IN ADP 4 case;Paris NNP PROPN 2 obl;with IN ADP 6 case;Gondor NNP PROPN 4 nmod;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD met) (PP (IN at) (NP (NNP Paris))) (PP (IN with) (NP (NNP Gondor)))) (. .)))"));
    /* a PP right after an of-phrase nests in its noun */
    CHECK(same("Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;the DT DET 4 det;parliament NN NOUN 2 obj;of IN ADP 6 case;Gondor NNP PROPN 4 nmod;in IN ADP 8 case;Arnor NNP PROPN 4 nmod;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD met) (NP (NP (DT the) (NN parliament)) (PP (IN of) (NP (NP (NNP Gondor)) (PP (IN in) (NP (NNP Arnor))))))) (. .)))"));
    /* a that-clause with its own subject on a name: the verb's complement */
    CHECK(same("Rohan NNP PROPN 2 nsubj;agrees VBZ VERB 0 root;with IN ADP 4 case;Gondor NNP PROPN 2 obl;that IN SCONJ 8 mark;talks NNS NOUN 8 nsubj;should MD AUX 8 aux;resume VB VERB 4 acl:relcl;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBZ agrees) (PP (IN with) (NP (NNP Gondor))) (S (IN that) (NP (NNS talks)) (VP (MD should) (VP (VB resume))))) (. .)))"));
    /* 'said on Saturday' hung across the report clause on the object: the
    ** clause's PP (then the clause is raised, as in Penn) */
    CHECK(same("Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;Gondor NNP PROPN 2 obj;, , PUNCT 7 punct;an DT DET 6 det;official NN NOUN 7 nsubj;said VBD VERB 2 parataxis;on IN ADP 9 case;Saturday NNP PROPN 3 nmod;. . PUNCT 2 punct",
               "(ROOT (S (S (NP (NNP Rohan)) (VP (VBD met) (NP (NNP Gondor)))) (, ,) (NP (DT an) (NN official)) (VP (VBD said) (PP (IN on) (NP (NNP Saturday)))) (. .)))"));
    /* ', it seems , ties ... after crowds burned/conj(seems)': the object goes
    ** back to 'restore', the clause stays at the parenthetical's level */
    CHECK(same("Rohan NNP PROPN 3 nsubj;is VBZ AUX 3 cop;about JJ ADJ 0 root;to TO PART 5 mark;restore VB VERB 3 ccomp;, , PUNCT 3 punct;it PRP PRON 8 nsubj;seems VBZ VERB 3 parataxis;, , PUNCT 8 punct;"
               "ties NNS NOUN 15 nsubj;with IN ADP 12 case;Gondor NNP PROPN 10 nmod;after IN ADP 14 case;crowds NNS NOUN 10 nmod;burned VBD VERB 8 conj;it PRP PRON 15 obj;. . PUNCT 3 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBZ is) (ADJP (JJ about) (S (VP (TO to) (VP (VB restore) (S (, ,) (NP (PRP it)) (VP (VBZ seems)) (, ,)) (NP (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor))))))) (S (IN after) (NP (NNS crowds)) (VP (VBD burned) (NP (PRP it)))))) (. .)))"));
    /* without the parenthetical the clause is the nearest verb's, as CoreNLP attaches it */
    CHECK(same("Rohan NNP PROPN 3 nsubj;is VBZ AUX 3 cop;about JJ ADJ 0 root;to TO PART 5 mark;restore VB VERB 3 ccomp;"
               "ties NNS NOUN 11 nsubj;with IN ADP 8 case;Gondor NNP PROPN 6 nmod;after IN ADP 10 case;crowds NNS NOUN 6 nmod;burned VBD VERB 3 conj;it PRP PRON 11 obj;. . PUNCT 3 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBZ is) (ADJP (JJ about) (S (VP (TO to) (VP (VB restore) (NP (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (S (IN after) (NP (NNS crowds)) (VP (VBD burned) (NP (PRP it))))))))) (. .)))"));
    /* 'at Paris with the parliament of Arnor in/obl Zorbia': the verb has its
    ** place already, the second one is the of-phrase noun's */
    CHECK(same("Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;at IN ADP 4 case;Paris NNP PROPN 2 obl;with IN ADP 7 case;the DT DET 7 det;parliament NN NOUN 2 obl;of IN ADP 9 case;Arnor NNP PROPN 7 nmod;in IN ADP 11 case;Zorbia NNP PROPN 2 obl;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD met) (PP (IN at) (NP (NNP Paris))) (PP (IN with) (NP (NP (DT the) (NN parliament)) (PP (IN of) (NP (NP (NNP Arnor)) (PP (IN in) (NP (NNP Zorbia)))))))) (. .)))"));
    /* without an earlier place, the place is the verb's */
    CHECK(same("Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;with IN ADP 5 case;the DT DET 5 det;parliament NN NOUN 2 obl;of IN ADP 7 case;Arnor NNP PROPN 5 nmod;in IN ADP 9 case;Zorbia NNP PROPN 2 obl;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD met) (PP (IN with) (NP (NP (DT the) (NN parliament)) (PP (IN of) (NP (NNP Arnor))))) (PP (IN in) (NP (NNP Zorbia)))) (. .)))"));
    /* 'Japan/compound and/cc(South) South/compound Korea': (Japan) and (South Korea) */
    CHECK(same("China NNP PROPN 2 nsubj;condemned VBD VERB 0 root;Japan NNP PROPN 6 compound;and CC CCONJ 5 cc;South NNP PROPN 6 compound;Korea NNP PROPN 2 obj;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP China)) (VP (VBD condemned) (NP (NP (NNP Japan)) (CC and) (NP (NNP South) (NNP Korea)))) (. .)))"));
    /* 'Japan , Vietnam/conj and South Korea/nmod(Japan)': a modifier opened by a
    ** coordinator is a third conjunct; a dependent after a conjunct stays after it */
    CHECK(same("China NNP PROPN 2 nsubj;condemned VBD VERB 0 root;Japan NNP PROPN 2 obj;, , PUNCT 5 punct;Vietnam NNP PROPN 3 conj;and CC CCONJ 7 cc;South NNP PROPN 8 compound;Korea NNP PROPN 3 nmod;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP China)) (VP (VBD condemned) (NP (NP (NNP Japan)) (, ,) (NP (NNP Vietnam)) (CC and) (NP (NNP South) (NNP Korea)))) (. .)))"));
    /* (a PP on the first conjunct after the last one is shared by the coordination: after it, outside it) */
    CHECK(same("Rohan NNP PROPN 2 nsubj;accused VBD VERB 0 root;Gondor NNP PROPN 2 obj;and CC CCONJ 5 cc;Arnor NNP PROPN 3 conj;of IN ADP 7 case;aggression NN NOUN 3 nmod;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD accused) (NP (NP (NNP Gondor) (CC and) (NNP Arnor)) (PP (IN of) (NP (NN aggression))))) (. .)))"));
    /* 'Turkey/root condemned/amod attacks/obj(Turkey)': a noun takes no object, the verb heads the clause */
    CHECK(same("Turkey NNP PROPN 0 root;condemned VBN VERB 3 amod;attacks NNS NOUN 1 obj;by IN ADP 5 case;Syria NNP PROPN 3 nmod;. . PUNCT 1 punct",
               "(ROOT (S (NP (NNP Turkey)) (VP (VBD condemned) (NP (NP (NNS attacks)) (PP (IN by) (NP (NNP Syria))))) (. .)))"));
    /* words in order around a preposition: ", according/case to/fixed X" keeps its
    ** comma outside the PP and "to" inside; "somewhat like" leads the PP */
    CHECK(same("Rohan NNP PROPN 2 nsubj;left VBD VERB 0 root;, , PUNCT 6 punct;according VBG VERB 6 case;to IN ADP 4 fixed;officials NNS NOUN 2 obl;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD left) (, ,) (PP (VBG according) (IN to) (NP (NNS officials)))) (. .)))"));
    CHECK(same("Rohan NNP PROPN 2 nsubj;shot VBD VERB 0 root;while IN SCONJ 5 mark;in IN ADP 5 case;detention NN NOUN 2 advcl",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD shot) (PP (IN while) (IN in) (NP (NN detention))))))"));
    CHECK(same("ties NNS NOUN 0 root;somewhat RB ADV 4 advmod;like IN ADP 4 case;those DT PRON 1 nmod",
               "(ROOT (NP (NP (NNS ties)) (PP (RB somewhat) (IN like) (NP (DT those)))))"));

    /* a list of names read as a chain of appositions ending in a conjunct: one coordination */
    CHECK(same("Mordor NNP PROPN 8 nsubj;, , PUNCT 3 punct;Rohan NNP PROPN 1 appos;, , PUNCT 5 punct;Fornost NNP PROPN 3 appos;"
               "and CC CCONJ 7 cc;Bree NNP PROPN 5 conj;welcomed VBD VERB 0 root;Gondor NNP PROPN 8 obj",
               "(ROOT (S (NP (NNP Mordor) (, ,) (NNP Rohan) (, ,) (NNP Fornost) (CC and) (NNP Bree)) (VP (VBD welcomed) (NP (NNP Gondor)))))"));
    /* a possessor and an adjective hung on a subjectless verb, the adjective "coordinated" with the subject */
    CHECK(same("Ithilen NNP PROPN 8 nmod:poss;'s POS PART 1 case;awful JJ ADJ 8 amod;and CC CCONJ 7 cc;cool JJ ADJ 6 amod;"
               "minister NN NOUN 7 nmod;Calimehtar NNP PROPN 3 conj;warned VBD VERB 0 root;Gondor NNP PROPN 8 obj",
               "(ROOT (S (NP (NP (NNP Ithilen) (POS 's)) (ADJP (JJ awful) (CC and) (JJ cool)) (NN minister) (NNP Calimehtar)) "
               "(VP (VBD warned) (NP (NNP Gondor)))))"));
    /* a possessor hung on the verb: the subject's */
    CHECK(same("Ithilen NNP PROPN 5 nmod:poss;'s POS PART 1 case;evil JJ ADJ 4 amod;minister NN NOUN 5 nsubj;"
               "warned VBD VERB 0 root;Gondor NNP PROPN 5 obj",
               "(ROOT (S (NP (NP (NNP Ithilen) (POS 's)) (JJ evil) (NN minister)) (VP (VBD warned) (NP (NNP Gondor)))))"));
    /* a coordinator hung on the first word of a conjunct's name goes before the name */
    CHECK(same("China NNP PROPN 2 nsubj;condemned VBD VERB 0 root;Japan NNP PROPN 2 obj;, , PUNCT 5 punct;Vietnam NNP PROPN 3 conj;"
               "and CC CCONJ 7 cc;South NNP PROPN 8 compound;Korea NNP PROPN 3 conj",
               "(ROOT (S (NP (NNP China)) (VP (VBD condemned) (NP (NP (NNP Japan)) (, ,) (NP (NNP Vietnam)) (CC and) "
               "(NP (NNP South) (NNP Korea))))))"));
    /* an apposition holding a coordination and followed by more of the head's phrase keeps it */
    CHECK(same("Queen NNP PROPN 8 nsubj;, , PUNCT 4 punct;the DT DET 4 det;UK NNP PROPN 1 appos;and CC CCONJ 6 cc;"
               "Realms NNP PROPN 4 conj;head NN NOUN 1 appos;arrived VBD VERB 0 root",
               "(ROOT (S (NP (NP (NNP Queen)) (NP (NP (, ,) (DT the) (NNP UK)) (CC and) (NP (NNP Realms))) (NP (NN head))) "
               "(VP (VBD arrived))))"));
    /* a PP on the first conjunct after the last one is shared (UD's convention): outside the coordination */
    CHECK(same("Lawmakers NNS NOUN 8 nsubj;and CC CCONJ 3 cc;officials NNS NOUN 1 conj;in IN ADP 5 case;Fornost NNP PROPN 1 nmod;"
               "and CC CCONJ 7 cc;Gondor NNP PROPN 5 conj;welcomed VBD VERB 0 root;Eriador NNP PROPN 8 obj",
               "(ROOT (S (NP (NP (NNS Lawmakers) (CC and) (NNS officials)) (PP (IN in) (NP (NNP Fornost) (CC and) (NNP Gondor)))) "
               "(VP (VBD welcomed) (NP (NNP Eriador)))))"));
    CHECK(same("Pizzas NNS NOUN 0 root;and CC CCONJ 3 cc;Calzones NNS NOUN 1 conj;in IN ADP 6 case;the DT DET 6 det;"
               "City NN NOUN 1 nmod;! . PUNCT 1 punct",
               "(ROOT (NP (NP (NNS Pizzas) (CC and) (NNS Calzones)) (PP (IN in) (NP (DT the) (NN City))) (. !)))"));
    /* a parenthetical apposition holding a coordination, closed by a comma, keeps it */
    CHECK(same("Council NNP PROPN 7 nsubj;, , PUNCT 3 punct;Elrond NNP PROPN 1 appos;and CC CCONJ 5 cc;Gandalf NNP PROPN 3 conj;"
               ", , PUNCT 3 punct;met VBD VERB 0 root",
               "(ROOT (S (NP (NP (NNP Council)) (NP (, ,) (NNP Elrond) (CC and) (NNP Gandalf) (, ,))) (VP (VBD met))))"));
    /* "A and B , and C and D/conj(C)": two coordinations */
    CHECK(same("spur VB VERB 0 root;reconciliation NN NOUN 1 obj;between IN ADP 4 case;Arnor NNP PROPN 2 nmod;and CC CCONJ 6 cc;"
               "Gondor NNP PROPN 4 conj;, , PUNCT 9 punct;and CC CCONJ 9 cc;Rohan NNP PROPN 4 conj;and CC CCONJ 11 cc;"
               "Bree NNP PROPN 9 conj",
               "(ROOT (S (VP (VB spur) (NP (NP (NN reconciliation)) (PP (IN between) (NP (NP (NNP Arnor) (CC and) (NNP Gondor)) "
               "(, ,) (CC and) (NP (NNP Rohan) (CC and) (NNP Bree))))))))"));

    /* the repairs work on a private copy: the sentence keeps the parser's tags */
    CHECK(load("Zorbia JJ ADJ 2 nsubj;welcomed VBD VERB 0 root;Rohan NNP PROPN 2 obj") == 0);
    CHECK(pt_from_ud(P, S) == DYAD_OK);
    CHECK(!strcmp(dyad_sentence_tokens(S)[0].xpos, "JJ") && !strcmp(dyad_sentence_tokens(S)[0].deprel, "nsubj"));

    /* a cycle through the repaired relations ends, every token emitted once */
    CHECK(load("Zorbia RB ADV 2 advmod;welcomed VBD VERB 0 root;Rohan VBG VERB 2 parataxis;fired VBD VERB 3 parataxis") == 0);
    dyad_sentence_tokens(S)[1].head = 3;   /* welcomed <-> Rohan: no root left */
    dyad_sentence_tokens(S)[1].deprel = "conj";
    CHECK(pt_from_ud(P, S) == DYAD_OK);
    {
        int leaves = 0;
        for (int i = 0; i < P->nn; i++) if (P->n[i].tok >= 0 && P->n[i].child < 0) leaves++;
        CHECKF(leaves == 4, "leaves=%d", leaves);
    }

    /* a comma heads nothing: its conjunct is its head's ("Gondor ,/flat Arnor/conj(,)") */
    CHECK(same("Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;Gondor NNP PROPN 2 obj;, , PUNCT 3 flat;Arnor NNP PROPN 4 conj;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD met) (NP (NNP Gondor) (, ,) (NNP Arnor))) (. .)))"));
    /* an "object" led by of is the of-phrase of the noun before it */
    CHECK(same("Rohan NNP PROPN 2 nsubj;met VBD VERB 0 root;leaders NNS NOUN 2 obj;of IN ADP 5 case;Gondor NNP PROPN 6 compound;Army NNP PROPN 2 obj;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Rohan)) (VP (VBD met) (NP (NP (NNS leaders)) (PP (IN of) (NP (NNP Gondor) (NNP Army))))) (. .)))"));
    /* a full-stop sentence whose only verb is an -ed modifier after a compound: the predicate */
    CHECK(same("Russian JJ ADJ 2 amod;police NN NOUN 4 compound;arrested VBN VERB 4 amod;students NNS NOUN 0 root;in IN ADP 6 case;Moscow NNP PROPN 4 nmod;. . PUNCT 4 punct",
               "(ROOT (S (NP (JJ Russian) (NN police)) (VP (VBD arrested) (NP (NNS students)) (PP (IN in) (NP (NNP Moscow)))) (. .)))"));
    /* a finite verb among a nominal root's list items: the predicate, the items before it its subject */
    CHECK(same("Gondor NNP PROPN 0 root;'s POS PART 1 case;minister NN NOUN 1 list;Telemar NNP PROPN 1 list;left VBD VERB 1 list;for IN ADP 7 case;Rohan NNP PROPN 5 obl;. . PUNCT 1 punct",
               "(ROOT (S (NP (NP (NNP Gondor) (POS 's)) (NN minister) (NNP Telemar)) (VP (VBD left) (PP (IN for) (NP (NNP Rohan)))) (. .)))"));
    /* "restore complete/xcomp , full ties/conj": coordinated adjectives of the verb's object */
    CHECK(same("Arnor NNP PROPN 3 nsubj;is VBZ AUX 3 cop;about JJ ADJ 0 root;to TO PART 5 mark;restore VB VERB 3 xcomp;complete JJ ADJ 5 xcomp;, , PUNCT 10 punct;full JJ ADJ 10 amod;diplomatic JJ ADJ 10 amod;ties NNS NOUN 3 conj;with IN ADP 12 case;Gondor NNP PROPN 10 nmod;. . PUNCT 3 punct",
               "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (ADJP (JJ about) (S (VP (TO to) (VP (VB restore) (NP (NP (JJ complete) (, ,) (JJ full) (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor))))))))) (. .)))"));
    /* a subjectless finite advcl right after "after NP": that nominal's clause */
    CHECK(same("Gondor NNP PROPN 2 nsubj;delayed VBD VERB 0 root;meetings NNS NOUN 2 obj;after IN ADP 6 case;a DT DET 6 det;hafling NN NOUN 3 nmod;was VBD AUX 8 aux:pass;reported VBN VERB 2 advcl;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Gondor)) (VP (VBD delayed) (NP (NNS meetings)) (S (IN after) (NP (DT a) (NN hafling)) (VP (VBD was) (VP (VBN reported))))) (. .)))"));
    /* ... but a participle clause without auxiliary keeps its analysis */
    CHECK(same("Gondor NNP PROPN 2 nsubj;delayed VBD VERB 0 root;meetings NNS NOUN 2 obj;after IN ADP 6 case;a DT DET 6 det;raid NN NOUN 3 nmod;angered VBN VERB 2 advcl;by IN ADP 9 case;it PRP PRON 7 obl;. . PUNCT 2 punct",
               "(ROOT (S (NP (NNP Gondor)) (VP (VBD delayed) (NP (NP (NNS meetings)) (PP (IN after) (NP (DT a) (NN raid)))) (S (VP (VBN angered) (PP (IN by) (NP (PRP it)))))) (. .)))"));
    /* "wire tap/compound the links": a compound before its head's determiner is the two-word verb's second word */
    CHECK(same("Soldiers NNS NOUN 4 nsubj;will MD AUX 4 aux;not RB PART 4 advmod;wire VB VERB 0 root;tap NN NOUN 8 compound;the DT DET 8 det;communication NN NOUN 8 compound;links NNS NOUN 4 obj;. . PUNCT 4 punct",
               "(ROOT (S (NP (NNS Soldiers)) (VP (MD will) (RB not) (VP (VB wire) (VP (VB tap) (NP (DT the) (NN communication) (NNS links))))) (. .)))"));

    /* "X is said/advcl(seems) to restore , it seems/root , ties": the clause before the parenthetical is the main one */
    CHECK(same("Arnor NNP PROPN 3 nsubj:pass;is VBZ AUX 3 aux:pass;said VBN VERB 8 advcl;to TO PART 5 mark;restore VB VERB 3 xcomp;, , PUNCT 3 punct;it PRP PRON 8 expl;seems VBZ VERB 0 root;, , PUNCT 8 punct;ties NNS NOUN 8 obj;with IN ADP 12 case;Gondor NNP PROPN 10 nmod;. . PUNCT 8 punct",
               "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (VP (VBN said) (S (VP (TO to) (VP (VB restore) (S (, ,) (NP (PRP it)) (VP (VBZ seems)) (, ,)) (NP (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor))))))))) (. .)))"));
    /* a measure clause the parser hung under a noun modifies the verb above it */
    CHECK(same("Arnor NNP PROPN 3 nsubj;is VBZ AUX 3 cop;about JJ ADJ 0 root;to TO PART 5 mark;restore VB VERB 3 xcomp;ties NNS NOUN 5 obj;with IN ADP 8 case;Gondor NNP PROPN 6 nmod;almost RB ADV 10 advmod;five CD NUM 11 nummod;years NNS NOUN 6 nmod;after IN ADP 13 case;crowds NNS NOUN 11 nmod;burned VBN VERB 13 acl;its PRP$ PRON 16 nmod:poss;embassy NN NOUN 14 obj;. . PUNCT 3 punct",
               "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (ADJP (JJ about) (S (VP (TO to) (VP (VB restore) (NP (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (S (NP (RB almost) (CD five) (NNS years)) (IN after) (NP (NNS crowds)) (VP (VBD burned) (NP (PRP$ its) (NN embassy))))))))) (. .)))"));

    /* allocation failures: an error status, never a crash or leak */
    {
        int failed = 0, ok = 0;
        CHECK(load("Rohan NNP PROPN 3 nsubj;has VBZ AUX 3 aux;celebrated VBN VERB 10 nsubj:pass;with IN ADP 5 case;"
                   "Gondor NNP PROPN 3 obl;after IN ADP 8 case;a DT DET 8 det;raid NN NOUN 3 obl;"
                   "was VBD AUX 10 aux:pass;reported VBN VERB 0 root;. . PUNCT 10 punct") == 0);
        for (long k = 1; k < 40; k++) {
            dyad_phrases *p2 = dyad_phrases_new();
            if (p2) {
                dyad_alloc_fail_after(k);
                dyad_status st = pt_from_ud(p2, S);
                dyad_alloc_fail_after(0);
                if (st == DYAD_NOMEM) failed++;
                else if (st == DYAD_OK) ok++;
            }
            dyad_phrases_free(p2);
        }
        CHECKF(failed > 0 && ok > 0, "failed=%d ok=%d", failed, ok);
    }
    dyad_sentence_free(S);
    dyad_phrases_free(P);
    return TEST_END();
}
