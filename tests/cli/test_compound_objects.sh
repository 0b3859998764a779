#!/usr/bin/env bash
# test_compound_objects.sh: compound actors give one event per conjunct with
# the production dictionaries (CAMEO.2.0 + Phoenix), multi-word names
# included ("Japan and South Korea": formats.md 8.3 and 13.1). Needs
# ../shared/data/petrarch (and the parser model for raw text): skipped without.
. tests/cli/lib.sh
model=${DYAD_MODEL:-models/en_ewt.dyadm}
dicts=$SHARED/data/petrarch
if ! have_shared; then skip "needs ../shared/data/petrarch (production dictionaries)"; finish; exit; fi

# events of a TSV file as "story source target code", sorted
events() { awk -F'\t' '{ split($6, s, "_"); print s[1], $2, $3, $4 }' "$1" | sort; }
# expect_events DESC FILE EXPECTED (lines "story source target code")
expect_events() {
  local want; want=$(printf '%s\n' "$3" | sort)
  if [ "$(events "$2")" = "$want" ]; then ok; else
    bad "$1"; echo "    got:" >&2; events "$2" | sed 's/^/      /' >&2; echo "    want:" >&2; printf '%s\n' "$want" | sed 's/^/      /' >&2
  fi
}

# 1. Penn trees as CoreNLP writes them: a flat NP "Japan and South Korea" has
# the members JAPAN and SOUTH KOREA (a multi-word name is one member), not
# JAPAN, SOUTH and KOREA; objects and subjects alike; coordinated capitalised
# modifiers share their noun ("Japanese and South Korean officials"), and so do
# names ("North and South Korea": NORTH is no actor alone, NORTH KOREA is).
cat > "$TMP/penn.xml" <<'EOF'
<Sentences>
<Sentence date="20240502" id="P1_1" source="T" sentence="True">
<Text>China condemned Japan and South Korea over the agreement.</Text>
<Parse>(ROOT (S (NP (NNP China)) (VP (VBD condemned) (NP (NNP Japan) (CC and) (NNP South) (NNP Korea)) (PP (IN over) (NP (DT the) (NN agreement)))) (. .)))</Parse>
</Sentence>
<Sentence date="20240502" id="P2_1" source="T" sentence="True">
<Text>Japan and South Korea condemned China.</Text>
<Parse>(ROOT (S (NP (NNP Japan) (CC and) (NNP South) (NNP Korea)) (VP (VBD condemned) (NP (NNP China))) (. .)))</Parse>
</Sentence>
<Sentence date="20240502" id="P3_1" source="T" sentence="True">
<Text>China condemned Japan, Vietnam and the United States.</Text>
<Parse>(ROOT (S (NP (NNP China)) (VP (VBD condemned) (NP (NNP Japan) (, ,) (NNP Vietnam) (CC and) (DT the) (NNP United) (NNPS States))) (. .)))</Parse>
</Sentence>
<Sentence date="20240502" id="P4_1" source="T" sentence="True">
<Text>China condemned Japanese and South Korean officials.</Text>
<Parse>(ROOT (S (NP (NNP China)) (VP (VBD condemned) (NP (JJ Japanese) (CC and) (JJ South) (JJ Korean) (NNS officials))) (. .)))</Parse>
</Sentence>
<Sentence date="20240502" id="P5_1" source="T" sentence="True">
<Text>North and South Korea condemned Japan.</Text>
<Parse>(ROOT (S (NP (NNP North) (CC and) (NNP South) (NNP Korea)) (VP (VBD condemned) (NP (NNP Japan))) (. .)))</Parse>
</Sentence>
</Sentences>
EOF
"$DYAD" code --parsed "$TMP/penn.xml" --dicts "$dicts" > "$TMP/penn.tsv" 2> "$TMP/err"
expect_events "Penn: one event per conjunct, multi-word names whole" "$TMP/penn.tsv" "P1 CHN JPN 111
P1 CHN KOR 111
P2 JPN CHN 111
P2 KOR CHN 111
P3 CHN JPN 111
P3 CHN VNM 111
P3 CHN USA 111
P4 CHN JPN 111
P4 CHN KOR 111
P5 PRK JPN 111
P5 KOR JPN 111"

# 2. UD trees with the slips our parser makes on such coordinations: "Japan/
# compound and/cc(South) South/compound Korea" (a compound chain) and "Korea/nmod"
# of Japan after "Vietnam/conj" (a coordinator starting a modifier).
cat > "$TMP/ud.xml" <<'EOF'
<Sentences>
<Sentence date="20240502" id="U1_1" source="T" sentence="True">
<Text>China condemned Japan and South Korea over the agreement.</Text>
<Parse>1	China	China	PROPN	NNP	_	2	nsubj	_	_
2	condemned	condemn	VERB	VBD	_	0	root	_	_
3	Japan	Japan	PROPN	NNP	_	6	compound	_	_
4	and	and	CCONJ	CC	_	5	cc	_	_
5	South	South	PROPN	NNP	_	6	compound	_	_
6	Korea	Korea	PROPN	NNP	_	2	obj	_	_
7	over	over	ADP	IN	_	9	case	_	_
8	the	the	DET	DT	_	9	det	_	_
9	agreement	agreement	NOUN	NN	_	2	obl	_	_
10	.	.	PUNCT	.	_	2	punct	_	_
</Parse>
</Sentence>
<Sentence date="20240502" id="U2_1" source="T" sentence="True">
<Text>China condemned Japan, Vietnam and South Korea over the agreement.</Text>
<Parse>1	China	China	PROPN	NNP	_	2	nsubj	_	_
2	condemned	condemn	VERB	VBD	_	0	root	_	_
3	Japan	Japan	PROPN	NNP	_	2	obj	_	_
4	,	,	PUNCT	,	_	5	punct	_	_
5	Vietnam	Vietnam	PROPN	NNP	_	3	conj	_	_
6	and	and	CCONJ	CC	_	7	cc	_	_
7	South	South	PROPN	NNP	_	8	compound	_	_
8	Korea	Korea	PROPN	NNP	_	3	nmod	_	_
9	over	over	ADP	IN	_	11	case	_	_
10	the	the	DET	DT	_	11	det	_	_
11	agreement	agreement	NOUN	NN	_	2	obl	_	_
12	.	.	PUNCT	.	_	2	punct	_	_
</Parse>
</Sentence>
</Sentences>
EOF
"$DYAD" code --parsed "$TMP/ud.xml" --dicts "$dicts" > "$TMP/ud.tsv" 2> "$TMP/err"
expect_events "CoNLL-U: the parser's slips repaired, one event per conjunct" "$TMP/ud.tsv" "U1 CHN JPN 111
U1 CHN KOR 111
U2 CHN JPN 111
U2 CHN VNM 111
U2 CHN KOR 111"

# 3. Raw text, our tokenizer and parser (dyad code): the example article.
if [ ! -f "$model" ]; then skip "no parser model $model: raw-text cases not run"; finish; exit; fi
"$DYAD" code --format tsv --dicts "$dicts" --model "$model" --quiet examples/one-line.txt > "$TMP/one.tsv" 2> "$TMP/err"
grep -q $'\tCHN\tJPN\t111\t' "$TMP/one.tsv" && grep -q $'\tCHN\tKOR\t111\t' "$TMP/one.tsv" && ok ||
  bad "examples/one-line.txt: China condemned Japan and South Korea gives CHN JPN 111 and CHN KOR 111"
printf 'date 2024-05-02\nChina condemned Japan, Vietnam and South Korea over the agreement.\n\f\ndate 2024-05-02\nJapan and South Korea condemned China.\n\f\ndate 2024-05-02\nChina condemned the United States and South Korea.\n\f\ndate 2024-05-02\nChina condemned Japanese and South Korean officials.\n' > "$TMP/a.txt"
"$DYAD" code --format tsv --dicts "$dicts" --model "$model" --quiet "$TMP/a.txt" > "$TMP/a.tsv" 2> "$TMP/err"
expect_events "raw text: three conjuncts, a compound subject, 'the United States and South Korea', shared noun" "$TMP/a.tsv" \
"a.txt:1 CHN JPN 111
a.txt:1 CHN VNM 111
a.txt:1 CHN KOR 111
a.txt:2 JPN CHN 111
a.txt:2 KOR CHN 111
a.txt:3 CHN USA 111
a.txt:3 CHN KOR 111
a.txt:4 CHN JPNGOV 111
a.txt:4 CHN KORGOV 111"
finish
