#!/usr/bin/env bash
# test_code_articles.sh: `dyad code` on articles, end to end (segment, parse,
# code, resolve, write): formats, counts, error records, -j determinism, and
# what is said when dictionaries or the model are missing.
. tests/cli/lib.sh
model=${DYAD_MODEL:-models/en_ewt.dyadm}
dicts=$SHARED/data/petrarch

# Missing resources: a clear message naming the remedy, exit status 1.
"$DYAD" code --dicts "$TMP/nowhere" --model "$model" examples/one-line.txt > /dev/null 2> "$TMP/err"
expect_grep "missing dictionaries named" "dictionaries.*make dicts" "$TMP/err"
if have_shared; then
  "$DYAD" code --dicts "$dicts" --model "$TMP/none.dyadm" examples/one-line.txt > /dev/null 2> "$TMP/err"
  expect_grep "missing model named" "model.*make model" "$TMP/err"
fi
expect_status 64 "bad --format is a usage error" "$DYAD" code --format xml examples/one-line.txt
expect_status 64 "bad -j is a usage error" "$DYAD" code -j 0 examples/one-line.txt
"$DYAD" code --help > "$TMP/help"; expect_grep "help lists --format" "--format" "$TMP/help"

if ! have_shared || [ ! -f "$model" ]; then skip "needs ../shared dictionaries and $model"; finish; exit; fi
run() { "$DYAD" code --dicts "$dicts" --model "$model" "$@"; }

# Our own examples: known events, JSONL fields, sentence/article counts.
run examples/articles.txt > "$TMP/ex.jsonl" 2> "$TMP/ex.err"; rc=$?
[ "$rc" -eq 0 ] && ok || bad "examples exit $rc"
expect_grep "summary counts" "^dyad code: 2 articles read, 2 coded, 0 failed; 4 sentences" "$TMP/ex.err"
for f in article_id sentence pub_date event_date source target code root quad_class goldstein plover text evidence; do
  expect_grep "JSONL field $f" "\"$f\":" "$TMP/ex.jsonl"
done
expect_grep "Russia accuses Germany (112)" '"source":\{"code":"RUS[^"]*".*"target":\{"code":"DEU[^"]*".*"code":"112"' "$TMP/ex.jsonl"
expect_grep "Israeli troops arrest Palestinian men (173)" '"source":\{"code":"ISRMIL".*"target":\{"code":"PSE[^"]*".*"code":"173"' "$TMP/ex.jsonl"
expect_grep "Germany criticizes Russia (111): the topic 'over the detention' picks no pattern" '"source":\{"code":"DEU".*"target":\{"code":"RUS".*"code":"111"' "$TMP/ex.jsonl"
expect_grep "Egypt offers talks to Israel (036): an intent towards the parties of the talks" '"source":\{"code":"EGY".*"target":\{"code":"ISR".*"code":"036"' "$TMP/ex.jsonl"
"$DYAD" code --coder p1 --dicts "$dicts" --model "$model" examples/articles.txt > "$TMP/ex1.jsonl" 2>/dev/null
expect_grep "--coder p1: Egypt offers talks to Israel (036), PETRARCH-1's reading" '"source":\{"code":"EGY".*"target":\{"code":"ISR".*"code":"036"' "$TMP/ex1.jsonl"
expect_status 64 "bad --coder is a usage error" "$DYAD" code --coder xyz examples/one-line.txt
expect_grep "Tuesday resolves to 2024-03-12" '"pub_date":"2024-03-14","event_date":"2024-03-12","source":\{"code":"DEU"' "$TMP/ex.jsonl"
expect_grep "evidence names dictionary lines" '"entry":"[^"]*actors[^"]*:[0-9]+' "$TMP/ex.jsonl"

# The shared sample: an Azerbaijani actor criticizing a French one (11x) and
# the French candidate's visit (04x) dated December 22.
sample=$SHARED/data/samples/azerbaijan-2021-12-26.txt
run "$sample" > "$TMP/az.jsonl" 2> "$TMP/az.err"
run --coder p1 "$sample" > "$TMP/az1.jsonl" 2>/dev/null
expect_grep "sample, --coder p1: AZE criticizes FRA (11x)" '"source":\{"code":"AZE[^"]*".*"target":\{"code":"FRA[^"]*".*"code":"11' "$TMP/az1.jsonl"
expect_grep "sample: visit (04x) dated 2021-12-22" '"event_date":"2021-12-22".*"source":\{"code":"FRA[^"]*".*"target":\{"code":"AZE[^"]*".*"code":"042"' "$TMP/az.jsonl"
# Nominal events (code_nominal.c): the protest note (AZE -> FRA, 114 Complain
# officially) and the candidate's visit in the last sentence (FRA... -> AZE 042);
# the visit's evidence names the table line and the verb dictionary's VISIT.
expect_grep "sample: protest note AZE -> FRA (114)" '"source":\{"code":"AZE[^"]*".*"target":\{"code":"FRA[^"]*".*"code":"114"' "$TMP/az.jsonl"
expect_grep "sample: visit evidence (the table line)" '"pattern":"nominal-events.tsv:[0-9]+"' "$TMP/az.jsonl"
[ "$(grep -c '"sentence":11,.*"code":"042"' "$TMP/az.jsonl")" -eq 1 ] && ok || bad "sample: the last sentence's visit (042)"
expect_grep "sample: Baku and Paris as capital metonyms" '"source":\{"text":"Baku".*"target":\{"text":"Paris"' "$TMP/az.jsonl"
! grep -qE '"(source|target)":\{"text":"[^"]*Trend' "$TMP/az.jsonl" && ok || bad "sample: the attribution tail (Trend has reported ...) gives no actor"
run --no-nominal "$sample" > "$TMP/az0.jsonl" 2>/dev/null
! grep -q '"code":"04\|"code":"114"' "$TMP/az0.jsonl" && ok || bad "--no-nominal: verbs only"
run --coder p1 --no-nominal "$sample" > "$TMP/az2.jsonl" 2>/dev/null
! grep -q '"code":"04\|"code":"114"' "$TMP/az2.jsonl" && grep -q '"code":"111"' "$TMP/az2.jsonl" && ok || bad "--coder p1 --no-nominal: verbs only"

# Formats: TSV has 10 columns, Phoenix 26; text is readable.
run --format tsv examples/articles.txt > "$TMP/ex.tsv" 2>/dev/null
[ -s "$TMP/ex.tsv" ] && awk -F'\t' 'NF != 10 {exit 1}' "$TMP/ex.tsv" && ok || bad "tsv: 10 columns per line"
run --format phoenix examples/articles.txt > "$TMP/ex.phx" 2>/dev/null
[ -s "$TMP/ex.phx" ] && awk -F'\t' 'NF != 26 {exit 1}' "$TMP/ex.phx" && ok || bad "phoenix: 26 columns per line"
[ "$(wc -l < "$TMP/ex.tsv")" -eq "$(wc -l < "$TMP/ex.jsonl")" ] && ok || bad "tsv and jsonl give the same number of events"

# JSONL input, gzip input, stdin, plain text with --date.
printf '{"id":"j1","date":"2024-03-15","title":"t","text":"Egypt accused Israel of violating the truce.","source":"ex"}\n' > "$TMP/a.jsonl"
run --input jsonl "$TMP/a.jsonl" > "$TMP/j.out" 2>/dev/null
expect_grep "jsonl input coded" '"article_id":"j1"' "$TMP/j.out"
run "$TMP/a.jsonl" > "$TMP/j2.out" 2>/dev/null  # *.jsonl is JSONL without --input
cmp -s "$TMP/j.out" "$TMP/j2.out" && ok || bad "a .jsonl file is read as JSONL by default"
gzip -c "$TMP/a.jsonl" > "$TMP/a.jsonl.gz"; run "$TMP/a.jsonl.gz" > "$TMP/j3.out" 2>/dev/null
cmp -s "$TMP/j.out" "$TMP/j3.out" && ok || bad "a .jsonl.gz file is read as JSONL by default"
{ cat "$TMP/a.jsonl"; printf '{"id":"j2","date":"2024-03-15","text":"cut\n'; } > "$TMP/cut.jsonl"
run "$TMP/cut.jsonl" > /dev/null 2> "$TMP/cut.err"
expect_grep "a bad JSON line: file:line once" "^dyad: [^ ]*cut.jsonl:2: bad JSON" "$TMP/cut.err"
gzip -c examples/articles.txt > "$TMP/ex.txt.gz"
run "$TMP/ex.txt.gz" > "$TMP/gz.jsonl" 2>/dev/null
noid() { sed 's/"article_id":"[^"]*"//' "$1"; }
[ -s "$TMP/gz.jsonl" ] && [ "$(noid "$TMP/gz.jsonl")" = "$(noid "$TMP/ex.jsonl")" ] && ok || bad "gzip input gives the same events"
run < examples/articles.txt > "$TMP/stdin.jsonl" 2>/dev/null
[ "$(wc -l < "$TMP/stdin.jsonl")" -eq "$(wc -l < "$TMP/ex.jsonl")" ] && ok || bad "stdin gives the same events"
echo "Egypt accused Israel of violating the truce." | run --input text --date 2024-01-02 > "$TMP/t.out" 2>/dev/null
expect_grep "plain text with --date" '"pub_date":"2024-01-02"' "$TMP/t.out"

# A bad article yields an error record; the others are still coded; exit 1.
{ printf 'date 2024-13-45\nBroken date.\n\f\n'; cat examples/articles.txt; printf '\f\nno date line at all\n'; } > "$TMP/mixed.txt"
run "$TMP/mixed.txt" > "$TMP/mixed.jsonl" 2> "$TMP/mixed.err"; rc=$?
[ "$rc" -eq 1 ] && ok || bad "a failed article makes exit status 1 (got $rc)"
expect_grep "error record in the output" '"error":' "$TMP/mixed.jsonl"
expect_grep "summary: 4 read, 2 coded, 2 failed" "4 articles read, 2 coded, 2 failed" "$TMP/mixed.err"
n_ok=$(grep -vc '"error":' "$TMP/mixed.jsonl")
[ "$n_ok" -eq "$(wc -l < "$TMP/ex.jsonl")" ] && ok || bad "good articles still coded in a mixed file"
# Several inputs, one missing: the others are coded.
run "$TMP/missing.txt" examples/articles.txt > "$TMP/two.jsonl" 2> "$TMP/two.err"; rc=$?
[ "$rc" -eq 1 ] && ok || bad "missing input: exit 1"
expect_grep "missing input counted" "1 inputs unreadable" "$TMP/two.err"
cmp -s "$TMP/two.jsonl" "$TMP/ex.jsonl" && ok || bad "other input still coded"

# -j 2 writes the same bytes in the same order.
cat examples/articles.txt "$sample" > "$TMP/many.txt"
for i in 1 2 3 4 5 6 7 8; do printf '\f\n'; cat "$TMP/many.txt"; done > "$TMP/many2.txt"
run -j 1 "$TMP/many2.txt" > "$TMP/j1" 2>/dev/null
run -j 2 "$TMP/many2.txt" > "$TMP/j2" 2>/dev/null
[ -s "$TMP/j1" ] && cmp -s "$TMP/j1" "$TMP/j2" && ok || bad "-j 2 output identical to -j 1"
# The duplicate filter: the repeated file is one article per repeat, so
# --no-filter can only add events.
run --no-filter examples/articles.txt > "$TMP/nf.jsonl" 2>/dev/null
[ "$(wc -l < "$TMP/nf.jsonl")" -ge "$(wc -l < "$TMP/ex.jsonl")" ] && ok || bad "--no-filter keeps at least as many events"
# Over-long sentences are skipped and counted.
run --max-tokens 5 examples/articles.txt > /dev/null 2> "$TMP/long.err"
expect_grep "long sentences counted" "4 sentences \(4 too long" "$TMP/long.err"
finish
