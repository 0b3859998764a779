#!/usr/bin/env bash
# test_eval.sh: `dyad eval GOLD.jsonl` (docs/eval.md). Malformed gold files
# (file:line: message, exit 2); exact figures on tests/data/eval/small.gold.jsonl
# (made-up sentences, production dictionaries, PETRARCH-1 coder so that the
# figures do not move with the news coder); the same figures as
# `dyad code ... | score-news` on that file and, with ../shared, on the dev set.
. tests/cli/lib.sh
G=tests/data/eval/small.gold.jsonl
MODEL=${DYAD_MODEL:-models/en_ewt.dyadm}
D=dicts; [ -f "$D/CAMEO.2.0.txt" ] || D=$SHARED/data/petrarch

expect "eval --help" "$DYAD" eval --help
"$DYAD" eval --help >"$TMP/help"; expect_grep "help names the figures line" 'triples P/R/F1' "$TMP/help"
"$DYAD" --help >"$TMP/help"; expect_grep "eval in dyad --help" '^  eval ' "$TMP/help"
expect_status 64 "eval without file" "$DYAD" eval
expect_status 64 "eval bad option" "$DYAD" eval --bogus "$G"
expect_status 64 "eval two files" "$DYAD" eval "$G" "$G"
expect_status 64 "eval bad --coder" "$DYAD" eval --coder p2 "$G"
expect_status 1 "eval missing file" "$DYAD" eval "$TMP/none.jsonl"
"$DYAD" eval "$TMP/none.jsonl" 2>"$TMP/err"; expect_grep "missing file named" 'none.jsonl: cannot open' "$TMP/err"

# malformed gold lines: the first is reported as file:line: message, exit 2,
# before any dictionary or model is loaded
ok_line='{"id": "a", "date": "2015-01-01", "text": "Germany invaded France.", "events": []}'
bad_gold() {   # bad_gold DESC LINE2 PATTERN
    printf '%s\n%s\n' "$ok_line" "$2" >"$TMP/bad.jsonl"
    "$DYAD" eval "$TMP/bad.jsonl" --dicts "$TMP/nowhere" >/dev/null 2>"$TMP/err"; local rc=$?
    [ "$rc" -eq 2 ] && ok || bad "$1: exit $rc, wanted 2"
    expect_grep "$1" "^dyad: $TMP/bad.jsonl:2: $3" "$TMP/err"
}
bad_gold "bad JSON" '{"id": "b", "date": ' 'bad JSON: '
bad_gold "not an object" '["b", "2015-01-01"]' 'a gold line is a JSON object'
bad_gold "no id" '{"date": "2015-01-01", "text": "x"}' 'no "id" string'
bad_gold "integer id" '{"id": 2, "date": "2015-01-01", "text": "x"}' 'no "id" string'
bad_gold "no text" '{"id": "b", "date": "2015-01-01", "events": []}' 'no "text" string'
bad_gold "empty text" '{"id": "b", "date": "2015-01-01", "text": ""}' 'empty "text"'
bad_gold "no date" '{"id": "b", "text": "x"}' 'no "date" \(YYYY-MM-DD\)'
bad_gold "bad date" '{"id": "b", "date": "2015-02-30", "text": "x"}' "bad date '2015-02-30'"
bad_gold "events not a list" '{"id": "b", "date": "2015-01-01", "text": "x", "events": {}}' '"events" is not a list'
bad_gold "event not an object" '{"id": "b", "date": "2015-01-01", "text": "x", "events": ["DEU"]}' 'event 1 is not an object'
bad_gold "code not a string" '{"id": "b", "date": "2015-01-01", "text": "x", "events": [{"source": "A", "target": "B", "code": {}}]}' 'event 1: "code" is not a string'
bad_gold "duplicate id" '{"id": "a", "date": "2015-01-01", "text": "x"}' 'duplicate id "a" \(first on line 1\)'
printf '\n  \n' >"$TMP/empty.jsonl"
expect_status 2 "no gold sentences" "$DYAD" eval "$TMP/empty.jsonl"

if [ ! -f "$D/CAMEO.2.0.txt" ] || [ ! -f "$MODEL" ]; then
    skip "needs the production dictionaries (make dicts) and $MODEL"; finish; exit
fi
# exact figures on our own file (worked out in docs/eval.md)
"$DYAD" eval "$G" --dicts "$D" --model "$MODEL" --coder p1 >"$TMP/out" 2>"$TMP/err"; rc=$?
[ "$rc" -eq 0 ] && ok || bad "eval small file: exit $rc"
[ "$(head -1 "$TMP/out")" = "triples P/R/F1 0.571/0.571/0.571 roots P/R/F1 0.667/0.667/0.667 quiet 2/2 (7 gold events, 7 reported)" ] &&
    ok || bad "eval small file: figures line: $(head -1 "$TMP/out")"
expect_grep "root table: 05" '^05 +ENGAGE IN DIPLOMATIC COOPERATION +3 +1 +1 +1.000 +0.333$' "$TMP/out"
expect_grep "root table: 03 reported, never gold" '^03 +EXPRESS INTENT TO COOPERATE +0 +2 +0 +0.000 +0.000$' "$TMP/out"
expect_grep "root table: totals" '^all +7 +7 +4 +0.571 +0.571$' "$TMP/out"
if grep -q '^t-' "$TMP/out"; then bad "no sentences without -v"; else ok; fi
"$DYAD" eval "$G" --dicts "$D" --model "$MODEL" --coder p1 -v >"$TMP/v" 2>&1
[ "$(grep -c '^t-[0-9] ' "$TMP/v")" -eq 2 ] && ok || bad "-v: the two differing sentences (t-5, t-8)"
expect_grep "-v: id and place" "^t-5 \($G:5\)$" "$TMP/v"
expect_grep "-v: text" '^  text: Canada and Mexico signed a trade agreement\.$' "$TMP/v"
expect_grep "-v: gold triples" '^  gold: CAN\|MEX\|05 MEX\|CAN\|05$' "$TMP/v"
expect_grep "-v: reported triples" '^  reported: DEU\|FRA\|17$' "$TMP/v"
expect_grep "-v: evidence" '^  event DEU\|FRA\|173: source "Germany" \[Phoenix.Countries.actors.txt:[0-9]+\], verb "arrested", target "France" \[Phoenix.Countries.actors.txt:[0-9]+\], pattern CAMEO.2.0.txt:[0-9]+$' "$TMP/v"
"$DYAD" eval "$G" --dicts "$D" --model "$MODEL" --coder p1 --json -v >"$TMP/json" 2>&1
expect_grep "--json summary" '"summary": "triples P/R/F1 0.571/0.571/0.571 roots' "$TMP/json"
if command -v python3 >/dev/null; then
    python3 - "$TMP/json" <<'EOF' && ok || bad "--json: figures and differing sentences"
import json, sys
o = json.load(open(sys.argv[1]))
t, r, q = o["triples"], o["roots"], o["quiet"]
assert (t["correct"], t["gold"], t["reported"]) == (4, 7, 7), t
assert abs(t["p"] - 4 / 7) < 1e-12 and abs(t["f1"] - 4 / 7) < 1e-12, t
assert (r["correct"], r["gold"], r["reported"]) == (4, 6, 6), r
assert (q["quiet"], q["no_event_sentences"]) == (2, 2) and o["sentences"] == 8, q
assert [x["root"] for x in o["by_root"]] == ["03", "05", "11", "17", "19"], o["by_root"]
assert [d["id"] for d in o["differing"]] == ["t-5", "t-8"], o["differing"]
assert o["differing"][1]["events"][0]["verb_text"] == "arrested", o["differing"][1]
EOF
fi
# blank lines are skipped (score-news would refuse them)
sed 's/$/\n/' "$G" >"$TMP/blank.jsonl"
"$DYAD" eval "$TMP/blank.jsonl" --dicts "$D" --model "$MODEL" --coder p1 | head -1 >"$TMP/b1"
head -1 "$TMP/out" | cmp -s - "$TMP/b1" && ok || bad "blank lines change the figures"

# the figures of `dyad code --input jsonl --no-filter | score-news` (README of the gold data)
same_as_score_news() {   # GOLD DESC
    python3 -c 'import json,sys
for l in open(sys.argv[1]): r=json.loads(l); print(json.dumps({"id":r["id"],"date":r["date"],"text":r["text"]}))' "$1" >"$TMP/in.jsonl"
    "$DYAD" code --input jsonl --no-filter --dicts "$D" --model "$MODEL" "$TMP/in.jsonl" 2>/dev/null |
        "$SHARED/tools/score-news" "$1" >"$TMP/sn"
    "$DYAD" eval "$1" --dicts "$D" --model "$MODEL" | head -1 >"$TMP/ev"
    if cmp -s "$TMP/sn" "$TMP/ev"; then ok; else bad "$2: eval [$(cat "$TMP/ev")] score-news [$(cat "$TMP/sn")]"; fi
}
if [ -x "$SHARED/tools/score-news" ] && command -v python3 >/dev/null; then
    same_as_score_news "$G" "small file: same line as score-news"
    if [ -f "$SHARED/data/gold/news-dev.jsonl" ]; then
        same_as_score_news "$SHARED/data/gold/news-dev.jsonl" "dev set: same line as score-news"
        echo "dev set: $(cat "$TMP/ev")"
    else
        skip "no $SHARED/data/gold/news-dev.jsonl"
    fi
else
    skip "no $SHARED/tools/score-news (or python3): figures not compared with the reference scorer"
fi

# CI floor on the dev set, the default (news) coder, at the level reached
# (docs/accuracy.md): triple precision and F1, root F1, in thousandths.
FLOOR_P=550 FLOOR_F1=116 FLOOR_ROOT_F1=138
if [ -f "$SHARED/data/gold/news-dev.jsonl" ]; then
    "$DYAD" eval "$SHARED/data/gold/news-dev.jsonl" --dicts "$D" --model "$MODEL" | head -1 >"$TMP/dev"
    read -r tp tf rf <<<"$(sed -E 's|^triples P/R/F1 ([0-9.]+)/[0-9.]+/([0-9.]+) roots P/R/F1 [0-9.]+/[0-9.]+/([0-9.]+) .*|\1 \2 \3|' "$TMP/dev" | tr -d .)"
    echo "dev set floors (thousandths): triple P $tp >= $FLOOR_P, F1 $tf >= $FLOOR_F1, root F1 $rf >= $FLOOR_ROOT_F1"
    [ "$((10#${tp:-0}))" -ge "$FLOOR_P" ] && [ "$((10#${tf:-0}))" -ge "$FLOOR_F1" ] && [ "$((10#${rf:-0}))" -ge "$FLOOR_ROOT_F1" ] &&
        ok || bad "dev set below its floor: $(cat "$TMP/dev")"
else
    skip "no $SHARED/data/gold/news-dev.jsonl: dev floor not checked"
fi
finish
