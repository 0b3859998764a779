#!/usr/bin/env bash
# test_segment.sh: `dyad segment` on good and hostile input: formats, gzip,
# stdin, NUL bytes, invalid UTF-8, a 30 MB line, empty file, a directory,
# truncated gzip, mixed valid/invalid JSONL; counts and exit statuses.
. tests/cli/lib.sh

expect "segment --help" "$DYAD" segment --help
expect_status 64 "unknown option" "$DYAD" segment --bogus
expect_status 64 "bad --input" "$DYAD" segment --input xml /dev/null
expect_status 64 "bad --date" "$DYAD" segment --input text --date 2021-02-30 /dev/null

# articles format: date on its own line, date glued to text, form feeds
printf ' date 2021-12-26 First article. It has two sentences.\n\f\ndate 2021-12-27\nBAKU, Dec 27 (Trend) - Second one.\n' >"$TMP/a.txt"
"$DYAD" segment "$TMP/a.txt" >"$TMP/out" 2>"$TMP/err"; rc=$?
[ $rc -eq 0 ] && ok || bad "articles: exit $rc"
expect_grep "articles: first sentence" '^a.txt:1	1	First article\.$' "$TMP/out"
expect_grep "articles: second sentence" '^a.txt:1	2	It has two sentences\.$' "$TMP/out"
expect_grep "articles: dateline marked" '^a.txt:2	1 \[dateline\]	BAKU, Dec 27 \(Trend\) -$' "$TMP/out"
expect_grep "articles: summary" '2 articles read, 4 sentences, .* 0 failed' "$TMP/err"

# tokens output
"$DYAD" segment --tokens "$TMP/a.txt" >"$TMP/out" 2>/dev/null
expect_grep "tokens: comment" '^# text = First article\.$' "$TMP/out"
expect_grep "tokens: span + SpaceAfter" '^2	article	6	13	SpaceAfter=No$' "$TMP/out"

# stdin and gzip give the same output as the file
"$DYAD" segment "$TMP/a.txt" 2>/dev/null | sed 's/^a.txt/X/' >"$TMP/o1"
"$DYAD" segment <"$TMP/a.txt" 2>/dev/null | sed 's/^stdin/X/' >"$TMP/o2"
gzip -c "$TMP/a.txt" >"$TMP/a.txt.gz"
"$DYAD" segment "$TMP/a.txt.gz" 2>/dev/null | sed 's/^a.txt.gz/X/' >"$TMP/o3"
cmp -s "$TMP/o1" "$TMP/o2" && ok || bad "stdin differs from file"
cmp -s "$TMP/o1" "$TMP/o3" && ok || bad "gzip differs from plain"

# plain text with --date, JSONL with a title (printed as a headline)
printf 'Talks Resume\n\nThe talks resumed on Monday.\n' >"$TMP/t.txt"
"$DYAD" segment --input text --date 2021-01-05 "$TMP/t.txt" >"$TMP/out" 2>/dev/null
expect_grep "text: headline" '^t.txt:1	1 \[headline\]	Talks Resume$' "$TMP/out"
printf '%s\n' '{"id":"x1","date":"2021-01-05","title":"Peace Talks","text":"They met. They agreed."}' \
  'not json' '{"id":"x2","date":"2021-13-01","text":"Bad date."}' '{"id":"x3","text":"No date is fine."}' >"$TMP/j.jsonl"
"$DYAD" segment --input jsonl "$TMP/j.jsonl" >"$TMP/out" 2>"$TMP/err"; rc=$?
[ $rc -eq 1 ] && ok || bad "jsonl mixed: exit $rc, wanted 1"
expect_grep "jsonl: title first" '^x1	1 \[headline\]	Peace Talks$' "$TMP/out"
expect_grep "jsonl: text" '^x1	3	They agreed\.$' "$TMP/out"
expect_grep "jsonl: good line after bad ones" '^x3	1	No date is fine\.$' "$TMP/out"
expect_grep "jsonl: bad JSON reported with line" 'j.jsonl:2: bad JSON' "$TMP/err"
expect_grep "jsonl: bad date reported" 'j.jsonl:3: bad date' "$TMP/err"
expect_grep "jsonl: counts add up" '4 articles read, 4 sentences, .* 2 failed' "$TMP/err"

# hostile bytes: NUL and invalid UTF-8 are repaired and counted
printf 'date 2020-01-01\nNUL\000byte and bad \377 byte here.\n' >"$TMP/h.txt"
"$DYAD" segment "$TMP/h.txt" >"$TMP/out" 2>"$TMP/err"; rc=$?
[ $rc -eq 0 ] && ok || bad "hostile bytes: exit $rc"
expect_grep "hostile: text kept" 'NULbyte and bad' "$TMP/out"
expect_grep "hostile: counted" '1 invalid UTF-8 replaced, 1 NUL bytes removed' "$TMP/err"

# empty file: nothing, success
: >"$TMP/empty.txt"
"$DYAD" segment "$TMP/empty.txt" >"$TMP/out" 2>"$TMP/err"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$TMP/out" ] && ok || bad "empty file: exit $rc"
expect_grep "empty: zero counts" '0 articles read, 0 sentences' "$TMP/err"

# a directory and a missing file: reported, the other inputs still run
"$DYAD" segment "$TMP" "$TMP/nope.txt" "$TMP/a.txt" >"$TMP/out" 2>"$TMP/err"; rc=$?
[ $rc -eq 1 ] && ok || bad "directory input: exit $rc, wanted 1"
expect_grep "directory: message" 'is a directory' "$TMP/err"
expect_grep "missing: message" 'nope.txt: No such file' "$TMP/err"
expect_grep "directory: other file processed" '^a.txt:2' "$TMP/out"

# truncated gzip: the cut article fails, earlier ones are printed
for i in $(seq 1 300); do printf 'date 2020-01-01\nArticle %d says something.\n\f\n' "$i"; done | gzip -c >"$TMP/big.gz"
head -c $(( $(stat -c %s "$TMP/big.gz") / 2 )) "$TMP/big.gz" >"$TMP/cut.gz"
"$DYAD" segment "$TMP/cut.gz" >"$TMP/out" 2>"$TMP/err"; rc=$?
[ $rc -eq 1 ] && ok || bad "truncated gzip: exit $rc, wanted 1"
expect_grep "truncated: error said" 'cut.gz:[0-9]+: .*(cut short|unexpected end)' "$TMP/err"
expect_grep "truncated: first article printed" '^cut.gz:1	1	Article 1 says something\.$' "$TMP/out"
expect_grep "truncated: 1 failed" ' 1 failed' "$TMP/err"

# a 30 MB line: one failed article, memory stays bounded, next article fine
{ printf 'date 2020-01-01\n'; head -c 31457280 /dev/zero | tr '\0' 'x'; printf '\n\f\ndate 2020-01-02\nAfter the big one.\n'; } >"$TMP/huge.txt"
/usr/bin/time -f '%M' -o "$TMP/rss" "$DYAD" segment "$TMP/huge.txt" >"$TMP/out" 2>"$TMP/err"; rc=$?
[ $rc -eq 1 ] && ok || bad "huge line: exit $rc, wanted 1"
expect_grep "huge: reported" 'huge.txt:1: .*over 8388608 bytes' "$TMP/err"
expect_grep "huge: next article" '^huge.txt:2	1	After the big one\.$' "$TMP/out"
rss=$(tail -n 1 "$TMP/rss")
[ "${rss:-999999}" -lt 65536 ] && ok || bad "huge line: peak RSS ${rss} KB (want < 64 MB)"
"$DYAD" segment --input jsonl "$TMP/huge.txt" >/dev/null 2>"$TMP/err"
expect_grep "huge jsonl line: reported, not fatal" 'line over 8388608 bytes' "$TMP/err"

# the sample article (needs ../shared)
if [ -f "$SHARED/data/samples/azerbaijan-2021-12-26.txt" ]; then
  "$DYAD" segment "$SHARED/data/samples/azerbaijan-2021-12-26.txt" >"$TMP/out" 2>"$TMP/err"
  expect_grep "sample: 11 sentences" '1 articles read, 11 sentences' "$TMP/err"
  expect_grep "sample: curly apostrophe normalized" "	The Association of Azerbaijan's Friends" "$TMP/out"
  expect_grep "sample: last sentence" "	11	Earlier, Baku has sent a protest note" "$TMP/out"
else
  skip "sample article: $SHARED absent"
fi
finish
