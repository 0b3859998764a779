#!/usr/bin/env bash
# test_validate.sh: `dyad validate` and `dyad code --parsed`. Quirky XML
# (self-closed <Sentence/>, `#` lines, spaces around `=`, 6-digit dates),
# --json output, exit codes; then the PETRARCH suite as a CI floor (skipped
# without ../shared): the pass counts must not fall below the figures reached.
. tests/cli/lib.sh
FLOOR_GIVEN=275      # of 278 (the other 3 cannot pass: docs/validation.md)
FLOOR_OWN=267        # --parse own-words (271 reached with the feature-set-5 model): depends on the parser model, so a little slack
FLOOR_TEXT=255       # --parse own, from <Text> with our tokenizer (259 reached); issue 5 asks >= 240
FLOOR_UD=239         # --parses-from the UDPipe CoNLL-U file (bound 240: docs/validation.md)
FLOOR_NEWS=45        # tests/data/news.validate.xml, --parse own --coder news, of 58 (45 with the news coder; 27 before it)
                     # coder existed (NEWS then ran code.c with dyad code's options); raise it as the news coder passes more
P=$SHARED/data/petrarch

expect "validate --help" "$DYAD" validate --help
expect "code --help" "$DYAD" code --help
expect_status 64 "validate without file" "$DYAD" validate
expect_status 64 "validate bad option" "$DYAD" validate --bogus x.xml
expect_status 64 "validate bad --parse" "$DYAD" validate --parse maybe x.xml
expect_status 1 "validate missing file" "$DYAD" validate "$TMP/none.xml"
printf '' >"$TMP/empty.xml"
expect_status 2 "validate empty file" "$DYAD" validate "$TMP/empty.xml"

# a small suite with its own dictionaries, written here
D=$TMP/d; mkdir -p "$D"
printf -- '--- INVADE [192] ---\nINVADE\n\n--- ARREST [173] ---\nARREST\n' >"$D/v.txt"
printf 'GERMANY [DEU]\nFRANCE [FRA]\nGOLLUM\n\t[HOB <950601]\n\t[HOBGOV 19950601-19990815]\nZZZ [ZZZ]\n' >"$D/a.txt"
printf 'POLICE {} [~COP]\n' >"$D/g.txt"
printf 'BASEBALL\n' >"$D/x.txt"
cat >"$TMP/s.xml" <<'EOF'
<Validation>
<Environment>
  <Verbfile>v.txt</Verbfile>
  <Actorfile>a.txt</Actorfile>
  <Agentfile>g.txt</Agentfile>
  <Discardfile>x.txt</Discardfile>
  <Include>T</Include>
</Environment>
# a comment line outside an XML comment
<Sentences>
<Sentence date = "20150813" id ="T-1" category="T" sentence="true"/>
<EventCoding sourcecode="DEU" targetcode="FRA" eventcode="192"></EventCoding>
<Text>Germany invaded France.</Text>
<Parse>(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France))) (. .)))</Parse>
</Sentence>
<Sentence date="960101" id="T-2" category="T" sentence="true">
<EventCoding sourcecode="FRACOP" targetcode="HOBGOV" eventcode="173"></EventCoding>
<Text>French police arrested Gollum.</Text>
<Parse>(ROOT (S (NP (NNP France) (NN police)) (VP (VBD arrested) (NP (NNP Gollum))) (. .)))</Parse>
</Sentence>
<Sentence date="19960101" id="T-3" category="T" sentence="true">
<EventCoding sourcecode="DEU" targetcode="FRA" eventcode="999"></EventCoding>
<Text>Germany arrested France.</Text>
<Parse>(ROOT (S (NP (NNP Germany)) (VP (VBD arrested) (NP (NNP France))) (. .)))</Parse>
</Sentence>
<Sentence date="19960101" id="T-4" category="T" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Broken.</Text>
<Parse>(ROOT (S (NP (NNP Germany)) (VP (VBD arrested) (NP (NNP France)))))) )</Parse>
</Sentence>
<Sentence date="19960101" id="T-5" category="T" sentence="true">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Germany invaded the baseball team.</Text>
<Parse>(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France))) (. .)))</Parse>
</Sentence>
<Sentence date="19960101" id="T-6" category="OTHER" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Not in Include: skipped.</Text>
<Parse>(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France))) (. .)))</Parse>
</Sentence>
<Sentence date="19960101" id="T-7" category="T" sentence="false">
<EventCoding noevents="True"></EventCoding>
<Text>sentence=false: skipped.</Text>
<Parse>(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France))) (. .)))</Parse>
</Sentence>
</Sentences>
</Validation>
EOF
"$DYAD" validate "$TMP/s.xml" --dicts "$D" >"$TMP/out" 2>"$TMP/err"
expect_grep "4 of 5 pass" '^4 passed, 1 failed$' "$TMP/out"
expect_grep "failure names the record" '^FAIL T-3 ' "$TMP/out"
expect_grep "failure shows expected" 'expected: DEU\|FRA\|999' "$TMP/out"
expect_grep "failure shows got" 'got: DEU\|FRA\|173' "$TMP/out"
expect_grep "failure shows evidence" 'evidence DEU\|FRA\|173: source "Germany" \[a.txt:1\], target "France" \[a.txt:2\], verb "arrested", pattern v.txt:5' "$TMP/out"
expect_status 64 "validate bad --coder" "$DYAD" validate --coder p2 "$TMP/s.xml"
"$DYAD" validate "$TMP/s.xml" --dicts "$D" --coder news >"$TMP/out" 2>"$TMP/err"
expect_grep "--coder news runs the records" '^[0-9]+ passed, [0-9]+ failed$' "$TMP/out"
expect_status 1 "--parse own without a model" "$DYAD" validate "$TMP/s.xml" --dicts "$D" --parse own --model "$TMP/none.dyadm"
"$DYAD" validate "$TMP/s.xml" --dicts "$D" --parse own --model "$TMP/none.dyadm" >/dev/null 2>"$TMP/err"
expect_grep "the missing model named" 'parse own needs a parser model: model: .*none.dyadm' "$TMP/err"
expect_status 0 "exit 0 without --strict" "$DYAD" validate "$TMP/s.xml" --dicts "$D"
expect_status 1 "exit 1 with --strict" "$DYAD" validate "$TMP/s.xml" --dicts "$D" --strict
"$DYAD" validate "$TMP/s.xml" --dicts "$D" --json >"$TMP/json" 2>/dev/null
[ "$(grep -c '^{"id"' "$TMP/json")" -eq 5 ] && ok || bad "--json: one object per evaluated record"
expect_grep "--json object" '^\{"id": "T-2", "expected": \[\["FRACOP", "HOBGOV", "173"\]\], "got": \[\["FRACOP", "HOBGOV", "173"\]\], "pass": true\}$' "$TMP/json"
expect_grep "--json closing line" '^4 passed, 1 failed$' "$TMP/json"
if command -v python3 >/dev/null; then
    grep '^{' "$TMP/json" | python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]' && ok || bad "--json lines are JSON"
fi
# dictionaries not found: a clear message
expect_status 2 "dictionaries missing" "$DYAD" validate "$TMP/s.xml" --dicts "$TMP/nowhere"
"$DYAD" validate "$TMP/s.xml" --dicts "$TMP/nowhere" 2>"$TMP/err" >/dev/null
expect_grep "names the missing file" 'v.txt not found' "$TMP/err"
# UniversalPetrarch's dialect (tests/data/validate/up.validate.xml): evaluate="true" runs a
# record, and decides over sentence=; <Actorfile> lists three files separated by commas
U=tests/data/validate/up.validate.xml
"$DYAD" validate "$U" --json >"$TMP/up" 2>"$TMP/err"
expect_grep "dialect: the three records to run pass" '^3 passed, 0 failed$' "$TMP/up"
[ "$(grep -o '^{"id": "UP-[0-9]"' "$TMP/up" | tr -d '{"' | tr '\n' ' ')" = 'id: UP-1 id: UP-2 id: UP-4 ' ] && ok ||
    bad "dialect: evaluate=\"true\" (UP-1, UP-2), sentence=\"true\" alone (UP-4) run; evaluate=\"false\" (UP-3) and neither (UP-5) not"
expect_grep "dialect: actors from the first and second file" '"id": "UP-1".*"got": \[\["DEU", "FRA", "192"\]\]' "$TMP/up"
expect_grep "dialect: actors from the third file" '"id": "UP-2".*"got": \[\["ESP", "DEU", "051"\]\]' "$TMP/up"
sed 's/up.actors-c.txt/up.actors-z.txt/' "$U" >"$TMP/up2.xml"
expect_status 2 "dialect: a missing file of the list" "$DYAD" validate "$TMP/up2.xml" --dicts tests/data/validate
"$DYAD" validate "$TMP/up2.xml" --dicts tests/data/validate >/dev/null 2>"$TMP/err"
expect_grep "dialect: the missing file named alone" 'Actorfile up.actors-z.txt not found' "$TMP/err"
# --parses-from: parses of another file by normalised id (T_1 == T-1)
printf '<Sentences><Sentence date="19990101" id="t_1" source="T" sentence="true"><Text>x</Text>\n<Parse>%s</Parse></Sentence></Sentences>\n' \
    '(ROOT (S (NP (NNP France)) (VP (VBD invaded) (NP (NNP Germany)))))' >"$TMP/other.xml"
"$DYAD" validate "$TMP/s.xml" --dicts "$D" --parses-from "$TMP/other.xml" >"$TMP/out2" 2>&1
expect_grep "--parses-from uses the other parses" 'got: FRA\|DEU\|192' "$TMP/out2"
expect_grep "--parses-from: a record without a parse there fails" '^FAIL T-2 ' "$TMP/out2"
# dyad code --parsed: TSV and JSONL
"$DYAD" code --parsed "$TMP/s.xml" --dicts "$D" --set none >"$TMP/code.out" 2>"$TMP/code.err"
[ -s "$TMP/code.err" ] && ok || bad "code: unknown set reported"

# our own records for real news (tests/data/news.validate.xml: UniversalPetrarch's dialect,
# production dictionaries in dicts/, `make dicts`), with the news coder from <Text>
MODEL=${DYAD_MODEL:-models/en_ewt.dyadm}
ND=dicts; [ -f "$ND/CAMEO.2.0.txt" ] || ND=$SHARED/data/petrarch   # a clean clone has no dicts/ yet
if [ -f "$ND/CAMEO.2.0.txt" ] && [ -f "$MODEL" ]; then
    "$DYAD" validate tests/data/news.validate.xml --dicts "$ND" --parse own --coder news --model "$MODEL" \
        >"$TMP/news" 2>"$TMP/err"
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$TMP/news")
    n=${line%% passed*}; t=${line##*, }; t=${t%% failed}
    echo "news.validate.xml (--coder news): ${n:-?} of $((n + t)) records pass (floor $FLOOR_NEWS)"
    [ -n "$line" ] && [ "$n" -ge "$FLOOR_NEWS" ] && ok || bad "news.validate.xml: ${n:-?} passed, floor $FLOOR_NEWS"
    [ -n "$line" ] && [ $((n + t)) -eq 58 ] && ok || bad "news.validate.xml: 58 records evaluated, got $((n + t))"
    [ -s "$TMP/err" ] && { bad "news.validate.xml: messages on stderr"; head -5 "$TMP/err" >&2; } || ok
else
    skip "no production dictionaries (make dicts, or ../shared) or no $MODEL: news.validate.xml not run"
fi

if have_shared && [ -f "$P/PETR.UnitTest.records.xml" ]; then
    "$DYAD" validate "$P/PETR.UnitTest.records.xml" --parse given >"$TMP/suite" 2>&1
    n=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$TMP/suite")
    [ -n "$n" ] && [ "$n" -ge "$FLOOR_GIVEN" ] && ok || bad "suite 1 --parse given: ${n:-?} passed, floor $FLOOR_GIVEN"
    t=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$TMP/suite")
    [ $((n + t)) -eq 278 ] && ok || bad "suite 1: 278 evaluable records, got $((n + t))"
    "$DYAD" validate "$P/PETR.UnitTest.records.xml" --parses-from "$P/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml" >"$TMP/suite2" 2>&1
    n=$(sed -n 's/^\([0-9]*\) passed, [0-9]* failed$/\1/p' "$TMP/suite2")
    [ -n "$n" ] && [ "$n" -ge "$FLOOR_UD" ] && ok || bad "suite 1 with CoNLL-U parses: ${n:-?} passed, floor $FLOOR_UD"
    # our own parser on the suite's words, then from <Text> (needs the model: `make model`)
    MODEL=${DYAD_MODEL:-models/en_ewt.dyadm}
    if [ -f "$MODEL" ]; then
        "$DYAD" validate "$P/PETR.UnitTest.records.xml" --parse own-words --model "$MODEL" >"$TMP/suite3" 2>&1
        n=$(sed -n 's/^\([0-9]*\) passed, [0-9]* failed$/\1/p' "$TMP/suite3")
        [ -n "$n" ] && [ "$n" -ge "$FLOOR_OWN" ] && ok || bad "suite 1 with our parser on its words: ${n:-?} passed, floor $FLOOR_OWN"
        # from raw <Text>: our tokenizer, tagger, parser (as dyad code)
        "$DYAD" validate "$P/PETR.UnitTest.records.xml" --parse own --model "$MODEL" >"$TMP/suite4" 2>&1
        n=$(sed -n 's/^\([0-9]*\) passed, [0-9]* failed$/\1/p' "$TMP/suite4")
        [ -n "$n" ] && [ "$n" -ge "$FLOOR_TEXT" ] && ok || bad "suite 1 from <Text> with our parser: ${n:-?} passed, floor $FLOOR_TEXT"
    else
        skip "no parser model $MODEL (make model): --parse own floor not checked"
    fi
    # production dictionaries through dyad code --parsed
    cat >"$TMP/b.xml" <<'EOF'
<Sentences>
<Sentence date="20150813" id="S1_1" source="AFP" sentence="True">
<Text>Germany invaded France.</Text>
<Parse>(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France))) (. .)))</Parse>
</Sentence>
<Sentence date="20150813" id="S1_2" source="AFP" sentence="True">
<Text>Germany invaded France again.</Text>
<Parse>1	Germany	Germany	PROPN	NNP	_	2	nsubj	_	_
2	invaded	invade	VERB	VBD	_	0	root	_	_
3	France	France	PROPN	NNP	_	2	obj	_	_
4	again	again	ADV	RB	_	2	advmod	_	_
5	.	.	PUNCT	.	_	2	punct	_	_
</Parse>
</Sentence>
</Sentences>
EOF
    "$DYAD" code --parsed "$TMP/b.xml" --dicts "$P" >"$TMP/tsv" 2>"$TMP/err"
    [ "$(wc -l <"$TMP/tsv")" -eq 1 ] && ok || bad "code tsv: one line per distinct event per story"
    expect_grep "code tsv columns" $'^20150813\tDEU\tFRA\t192\t\tS1_1\tAFP$' "$TMP/tsv"
    sed 's#<Text>Germany invaded France.</Text>#<Text>Germany invaded France near two schools .</Text>#' "$TMP/b.xml" >"$TMP/b2.xml"
    "$DYAD" code --parsed "$TMP/b2.xml" --dicts "$P" >"$TMP/tsv2" 2>"$TMP/err"
    expect_grep "code tsv issues column" $'^20150813\tDEU\tFRA\t192\tSCHOOLS,1\tS1_1\tAFP$' "$TMP/tsv2"
    # a story discard drops the whole story, events already coded included
    cat >"$TMP/b3.xml" <<'EOF2'
<Sentences>
<Sentence date="20150813" id="S2_1" source="AFP" sentence="True">
<Text>Germany invaded France.</Text>
<Parse>(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France))) (. .)))</Parse>
</Sentence>
<Sentence date="20150813" id="S2_2" source="AFP" sentence="True">
<Text>Fans of Manchester United cheered.</Text>
<Parse>(ROOT (S (NP (NNS Fans)) (VP (VBD cheered)) (. .)))</Parse>
</Sentence>
<Sentence date="20150813" id="S3_1" source="AFP" sentence="True">
<Text>Germany arrested France.</Text>
<Parse>(ROOT (S (NP (NNP Germany)) (VP (VBD arrested) (NP (NNP France))) (. .)))</Parse>
</Sentence>
</Sentences>
EOF2
    "$DYAD" code --parsed "$TMP/b3.xml" --dicts "$P" >"$TMP/tsv3" 2>"$TMP/err"
    [ "$(wc -l <"$TMP/tsv3")" -eq 1 ] && ok || bad "story discard: only the other story's event"
    expect_grep "story discard keeps the next story" $'^20150813\tDEU\tFRA\t173\t\tS3_1\tAFP$' "$TMP/tsv3"
    sed -e 's/Fans of Manchester United cheered./Fans cheered./' "$TMP/b3.xml" >"$TMP/b4.xml"
    "$DYAD" code --parsed "$TMP/b4.xml" --dicts "$P" >"$TMP/tsv4" 2>"$TMP/err"
    [ "$(wc -l <"$TMP/tsv4")" -eq 2 ] && ok || bad "two stories: both written"
    expect_grep "first story written" $'^20150813\tDEU\tFRA\t192\t\tS2_1\tAFP$' "$TMP/tsv4"
    "$DYAD" code --parsed "$TMP/b.xml" --dicts "$P" --format jsonl >"$TMP/jsonl" 2>"$TMP/err"
    [ "$(wc -l <"$TMP/jsonl")" -eq 2 ] && ok || bad "code jsonl: one object per event"
    expect_grep "code jsonl evidence" '"id": "S1_2".*"source": "DEU", "target": "FRA", "code": "192".*"pattern": "CAMEO.2.0.txt:[0-9]+"' "$TMP/jsonl"
else
    skip "../shared/data/petrarch absent: suite floors not checked (get ../shared to run them)"
fi
finish
