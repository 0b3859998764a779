#!/usr/bin/env bash
# test_parse.sh: `dyad parse` and `dyad train` from the command line: formats,
# errors (missing/corrupt model, malformed input), --eval output, and
# training determinism on a slice of EWT (skipped without ../shared).
. tests/cli/lib.sh
MODEL=${DYAD_MODEL:-models/en_ewt.dyadm}
D=tests/data/parse
expect "parse --help" "$DYAD" parse --help
expect "train --help" "$DYAD" train --help
expect_status 64 "parse bad option" "$DYAD" parse --bogus
expect_status 64 "train without -o" "$DYAD" train --train x

# tokenized text in, CoNLL-U out: 10 columns, one root per sentence
printf 'Rebels attacked the town , the army said .\n\nPolice arrested 12 people .\n' >"$TMP/in.txt"
"$DYAD" parse --model "$MODEL" "$TMP/in.txt" >"$TMP/out.conllu" 2>"$TMP/err"
awk -F'\t' 'NF && NF != 10 {bad=1} END {exit bad}' "$TMP/out.conllu" && ok || bad "text input: not 10 columns"
[ "$(awk -F'\t' '$7 == "0"' "$TMP/out.conllu" | wc -l)" -eq 2 ] && ok || bad "text input: one root per sentence"
expect_grep "said is a parataxis of attacked" $'^8\tsaid\tsay\tVERB\tVBD\t[^\t]*\t2\tparataxis' "$TMP/out.conllu"
# stdin, CoNLL-U in: sent_id and text kept, gold columns replaced
"$DYAD" parse --model "$MODEL" <"$D/gold.conllu" >"$TMP/out2.conllu" 2>"$TMP/err"
expect_grep "sent_id kept" '^# sent_id = attrib-2$' "$TMP/out2.conllu"
expect_grep "text kept" '^# text = The minister said that the talks had failed\.$' "$TMP/out2.conllu"
[ "$(grep -c $'\t' "$TMP/out2.conllu")" -eq 18 ] && ok || bad "18 words out"
# round trip of our own output
"$DYAD" parse --model "$MODEL" --format conllu "$TMP/out2.conllu" | cmp -s - "$TMP/out2.conllu" && ok || bad "parse of own output not stable"

# lemma rules never cut a UTF-8 character ("\u00b4m" once got the lemma of "'m", half a byte pair + "be")
printf 'I \xc2\xb4m here .\n' | "$DYAD" parse --model "$MODEL" --format text >"$TMP/utf8.conllu" 2>/dev/null
iconv -f UTF-8 -t UTF-8 "$TMP/utf8.conllu" >/dev/null 2>&1 && ok || bad "parse output is not valid UTF-8"
if [ -f "$SHARED/data/ud/en_ewt/en_ewt-ud-test.conllu" ]; then
  "$DYAD" parse --model "$MODEL" "$SHARED/data/ud/en_ewt/en_ewt-ud-test.conllu" 2>/dev/null | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 \
    && ok || bad "parse output of EWT test is not valid UTF-8"
fi

# --eval: the five lines, two decimals
"$DYAD" parse --model "$MODEL" --eval "$D/gold.conllu" >"$TMP/eval" 2>&1
for k in UPOS XPOS UAS LAS; do expect_grep "eval $k" "^$k: [0-9]+\.[0-9]{2}$" "$TMP/eval"; done
expect_grep "eval tokens/s" '^tokens/s: [0-9]+$' "$TMP/eval"
[ "$(wc -l <"$TMP/eval")" -eq 5 ] && ok || bad "eval prints 5 lines"

# --eval --doc-prefix: only the sentences of documents whose "# newdoc id" starts with the prefix
{ echo "# newdoc id = GUM_news_one"; awk 'BEGIN {RS = ""; ORS = "\n\n"} NR == 1' "$D/gold.conllu"
  echo "# newdoc id = GUM_bio_two"; awk 'BEGIN {RS = ""; ORS = "\n\n"} NR > 1' "$D/gold.conllu"; } >"$TMP/docs.conllu"
awk 'BEGIN {RS = ""; ORS = "\n\n"} NR == 1' "$D/gold.conllu" >"$TMP/doc1.conllu"
"$DYAD" parse --model "$MODEL" --eval "$TMP/docs.conllu" --doc-prefix GUM_news | grep -v tokens/s >"$TMP/evd1"
"$DYAD" parse --model "$MODEL" --eval "$TMP/doc1.conllu" | grep -v tokens/s >"$TMP/evd2"
[ -s "$TMP/evd1" ] && cmp -s "$TMP/evd1" "$TMP/evd2" && ok || bad "--doc-prefix: the figures of the news document alone"
"$DYAD" parse --model "$MODEL" --eval "$TMP/docs.conllu" --doc-prefix GUM | grep -v tokens/s >"$TMP/evd3"
"$DYAD" parse --model "$MODEL" --eval "$D/gold.conllu" | grep -v tokens/s | cmp -s - "$TMP/evd3" && ok || bad "--doc-prefix GUM: every document"
expect_status 2 "--doc-prefix matching nothing" "$DYAD" parse --model "$MODEL" --eval "$TMP/docs.conllu" --doc-prefix GUM_voyage
expect_status 64 "--doc-prefix without --eval" "$DYAD" parse --model "$MODEL" --doc-prefix GUM "$TMP/in.txt"

# errors: missing model, corrupt model, malformed input
expect_status 1 "missing model" "$DYAD" parse --model "$TMP/nope" "$TMP/in.txt"
"$DYAD" parse --model "$TMP/nope" "$TMP/in.txt" 2>"$TMP/err" >/dev/null
expect_grep "missing model message" "nope: cannot open" "$TMP/err"
head -c 1000 "$MODEL" >"$TMP/trunc"
expect_status 2 "truncated model" "$DYAD" parse --model "$TMP/trunc" "$TMP/in.txt"
"$DYAD" parse --model "$TMP/trunc" "$TMP/in.txt" 2>"$TMP/err" >/dev/null
expect_grep "truncated model message" "trunc: model truncated" "$TMP/err"
cp "$MODEL" "$TMP/flip"; printf '\x00\x01' | dd of="$TMP/flip" bs=1 seek=5000 conv=notrunc 2>/dev/null
"$DYAD" parse --model "$TMP/flip" "$TMP/in.txt" 2>"$TMP/err" >/dev/null; rc=$?
[ $rc -eq 2 ] && ok || bad "flipped model exit $rc"
expect_grep "flipped model message" "checksum" "$TMP/err"
printf '1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\n\n1\tGood\t_\t_\t_\t_\t_\t_\t_\t_\n\n' >"$TMP/bad.conllu"
"$DYAD" parse --model "$MODEL" "$TMP/bad.conllu" >"$TMP/out3" 2>"$TMP/err"; rc=$?
[ $rc -eq 2 ] && ok || bad "malformed input exit $rc"
expect_grep "malformed input message" 'bad.conllu:2: expected 10 tab-separated columns' "$TMP/err"
expect_grep "next sentence still parsed" $'^1\tGood\t' "$TMP/out3"
printf 'ok \xff\xfe bad\n' | "$DYAD" parse --model "$MODEL" >/dev/null 2>"$TMP/err"
expect_grep "bad UTF-8 message" '<stdin>:1: invalid UTF-8' "$TMP/err"

# training: deterministic, and clear about missing data
expect_status 1 "train on a missing file" "$DYAD" train -q --train "$TMP/none.conllu" -o "$TMP/m"
TRAIN=$SHARED/data/ud/en_ewt/en_ewt-ud-train.conllu
if [ -f "$TRAIN" ]; then
  awk 'BEGIN {RS = ""; ORS = "\n\n"} NR <= 300' "$TRAIN" >"$TMP/small.conllu"
  awk 'BEGIN {RS = ""; ORS = "\n\n"} NR > 300 && NR <= 400' "$TRAIN" >"$TMP/smalldev.conllu"
  "$DYAD" train -q --train "$TMP/small.conllu" --dev "$TMP/smalldev.conllu" -o "$TMP/m1" --tag-epochs 2 --parse-epochs 2 --folds 2 && ok || bad "train small"
  "$DYAD" train -q --train "$TMP/small.conllu" --dev "$TMP/smalldev.conllu" -o "$TMP/m2" --tag-epochs 2 --parse-epochs 2 --folds 2 && ok || bad "train small again"
  cmp -s "$TMP/m1" "$TMP/m2" && ok || bad "training is not deterministic"
  "$DYAD" parse --model "$TMP/m1" --eval "$TMP/smalldev.conllu" >"$TMP/eval2" && ok || bad "small model evaluates"
  expect_grep "small model learned something" '^UAS: ([4-9][0-9]|100)\.' "$TMP/eval2"
  # feature set 2 (ambiguity classes, suffixes): a version-2 file, same determinism
  "$DYAD" train -q --train "$TMP/small.conllu" -o "$TMP/f2a" --tag-epochs 2 --parse-epochs 2 --folds 2 --features 2 && ok || bad "train --features 2"
  "$DYAD" train -q --train "$TMP/small.conllu" -o "$TMP/f2b" --tag-epochs 2 --parse-epochs 2 --folds 2 --features 2 && ok || bad "train --features 2 again"
  cmp -s "$TMP/f2a" "$TMP/f2b" && ok || bad "--features 2 training is not deterministic"
  [ "$(od -An -tu4 -j8 -N4 "$TMP/f2a" | tr -d ' ')" = 2 ] && ok || bad "--features 2 writes version 2"
  "$DYAD" parse --model "$TMP/f2a" --eval "$TMP/smalldev.conllu" >"$TMP/eval3" && ok || bad "feature set 2 model evaluates"
  expect_grep "feature set 2 learned something" '^UAS: ([4-9][0-9]|100)\.' "$TMP/eval3"
  # feature set 4 (ambiguity classes and runner-up tags in the parser) with projectivized training trees
  "$DYAD" train -q --train "$TMP/small.conllu" -o "$TMP/f4a" --tag-epochs 2 --parse-epochs 2 --folds 2 --features 4 --projectivize && ok || bad "train --features 4 --projectivize"
  "$DYAD" train -q --train "$TMP/small.conllu" -o "$TMP/f4b" --tag-epochs 2 --parse-epochs 2 --folds 2 --features 4 --projectivize && ok || bad "train --features 4 --projectivize again"
  cmp -s "$TMP/f4a" "$TMP/f4b" && ok || bad "--features 4 --projectivize training is not deterministic"
  [ "$(od -An -tu4 -j8 -N4 "$TMP/f4a" | tr -d ' ')" = 4 ] && ok || bad "--features 4 writes version 4"
  "$DYAD" parse --model "$TMP/f4a" --eval "$TMP/smalldev.conllu" >"$TMP/eval4" && ok || bad "feature set 4 model evaluates"
  expect_grep "feature set 4 learned something" '^UAS: ([4-9][0-9]|100)\.' "$TMP/eval4"
  # feature set 5 (word classes from the training words and unlabeled text)
  printf 'The army attacked the town on Monday .\nPolice said the talks had failed .\n' >"$TMP/unlab.txt"
  "$DYAD" train -q --train "$TMP/small.conllu" -o "$TMP/f5a" --tag-epochs 2 --parse-epochs 2 --folds 2 --features 5 --unlabeled "$TMP/unlab.txt" && ok || bad "train --features 5"
  "$DYAD" train -q --train "$TMP/small.conllu" -o "$TMP/f5b" --tag-epochs 2 --parse-epochs 2 --folds 2 --features 5 --unlabeled "$TMP/unlab.txt" && ok || bad "train --features 5 again"
  cmp -s "$TMP/f5a" "$TMP/f5b" && ok || bad "--features 5 training is not deterministic"
  [ "$(od -An -tu4 -j8 -N4 "$TMP/f5a" | tr -d ' ')" = 5 ] && ok || bad "--features 5 writes version 5"
  "$DYAD" parse --model "$TMP/f5a" --eval "$TMP/smalldev.conllu" >"$TMP/eval5" && ok || bad "feature set 5 model evaluates"
  expect_grep "feature set 5 learned something" '^UAS: ([4-9][0-9]|100)\.' "$TMP/eval5"
  head -c 40000 "$TMP/f5a" >"$TMP/f5t"
  expect_status 2 "truncated feature set 5 model" "$DYAD" parse --model "$TMP/f5t" "$TMP/in.txt"
  expect_status 1 "--unlabeled missing file" "$DYAD" train -q --train "$TMP/small.conllu" -o "$TMP/f5c" --features 5 --unlabeled "$TMP/none.txt"
  "$DYAD" train -q --train "$TMP/small.conllu" -o "$TMP/f5c" --features 5 --unlabeled "$TMP" 2>"$TMP/err5"
  expect_grep "--unlabeled directory: a clear error" "cannot read the unlabeled text" "$TMP/err5"
  head -c 100000 /dev/urandom >"$TMP/rand.bin"   # random bytes are text like any other: no crash
  "$DYAD" train -q --train "$TMP/small.conllu" -o "$TMP/f5r" --tag-epochs 1 --parse-epochs 1 --folds 2 --features 5 --unlabeled "$TMP/rand.bin" && ok || bad "--unlabeled random bytes"
  expect_status 64 "unknown feature set" "$DYAD" train -q --train "$TMP/small.conllu" -o "$TMP/f9" --features 9
  # several --train and --dev files: read in order, as if concatenated (make model: EWT + GUM)
  awk 'BEGIN {RS = ""; ORS = "\n\n"} NR <= 120' "$TMP/small.conllu" >"$TMP/part1.conllu"
  awk 'BEGIN {RS = ""; ORS = "\n\n"} NR > 120' "$TMP/small.conllu" >"$TMP/part2.conllu"
  awk 'BEGIN {RS = ""; ORS = "\n\n"} NR <= 50' "$TMP/smalldev.conllu" >"$TMP/dev1.conllu"
  awk 'BEGIN {RS = ""; ORS = "\n\n"} NR > 50' "$TMP/smalldev.conllu" >"$TMP/dev2.conllu"
  "$DYAD" train -q --train "$TMP/part1.conllu" --train "$TMP/part2.conllu" --dev "$TMP/dev1.conllu" --dev "$TMP/dev2.conllu" \
    -o "$TMP/m3" --tag-epochs 2 --parse-epochs 2 --folds 2 && ok || bad "train on two --train and two --dev files"
  cmp -s "$TMP/m1" "$TMP/m3" && ok || bad "two --train/--dev files do not train as their concatenation"
  "$DYAD" train --train "$TMP/part1.conllu" --train "$TMP/part1.conllu" -o "$TMP/m4" --tag-epochs 1 --parse-epochs 1 --folds 2 2>"$TMP/err6" && ok || bad "a --train file given twice"
  expect_grep "a file given twice is read twice" "read 240 training sentences" "$TMP/err6"
  expect_status 1 "a missing second --train file" "$DYAD" train -q --train "$TMP/part1.conllu" --train "$TMP/none.conllu" -o "$TMP/m5"
  # --parser-weight: 1 changes nothing; below 1 the parser skips some of that file's sentences, deterministically
  "$DYAD" train -q --train "$TMP/part1.conllu" --parser-weight 1 --train "$TMP/part2.conllu" --parser-weight 1.0 --dev "$TMP/smalldev.conllu" \
    -o "$TMP/w1" --tag-epochs 2 --parse-epochs 2 --folds 2 && cmp -s "$TMP/m1" "$TMP/w1" && ok || bad "--parser-weight 1 changes the model"
  for k in a b; do
    "$DYAD" train -q --train "$TMP/part1.conllu" --train "$TMP/part2.conllu" --parser-weight 0.5 --dev "$TMP/smalldev.conllu" \
      -o "$TMP/wh$k" --tag-epochs 2 --parse-epochs 2 --folds 2 || bad "train --parser-weight 0.5"
  done
  cmp -s "$TMP/wha" "$TMP/whb" && ok || bad "--parser-weight 0.5 is not deterministic"
  cmp -s "$TMP/m1" "$TMP/wha" && bad "--parser-weight 0.5 made no difference" || ok
  "$DYAD" train -q --train "$TMP/part1.conllu" --train "$TMP/part2.conllu" --parser-weight 0 -o "$TMP/w0" --tag-epochs 2 --parse-epochs 2 --folds 2 && ok || bad "train --parser-weight 0"
  "$DYAD" parse --model "$TMP/w0" --eval "$TMP/smalldev.conllu" >"$TMP/evalw0" && ok || bad "--parser-weight 0 model evaluates"
  expect_grep "--parser-weight 0: the parser learned from the first file" '^UAS: ([4-9][0-9]|100)\.' "$TMP/evalw0"
  expect_status 64 "--parser-weight above 1" "$DYAD" train -q --train "$TMP/part1.conllu" --parser-weight 1.5 -o "$TMP/w9"
  expect_status 64 "--parser-weight before any --train" "$DYAD" train -q --parser-weight 0.5 --train "$TMP/part1.conllu" -o "$TMP/w9"
  expect_status 64 "--parser-weight not a number" "$DYAD" train -q --train "$TMP/part1.conllu" --parser-weight half -o "$TMP/w9"
else
  skip "$TRAIN absent: training determinism not tested"
fi
finish
