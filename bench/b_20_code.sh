#!/usr/bin/env bash
# b_20_code.sh: event coding with parses given (PETRARCH suite 1, Penn trees
# read once, PETR.Validate dictionaries loaded), the suite's sentences repeated
# to 200,000 codings: sentences per CPU-second of the coding thread (one core;
# median of 3), and instructions per sentence
# from a fixed callgrind run (2,760 codings, coding only), stable across
# noisy machines. Also the suite figures, for the record.
set -u -o pipefail
. bench/lib.sh
P=$SHARED/data/petrarch
if [ ! -f "$P/PETR.UnitTest.records.xml" ]; then
  echo "# b_20_code: skipped, $P absent (PETRARCH suite; see ../shared/data/petrarch)"
  exit 0
fi
bin=$BUILD/bench/code_bench
[ -x "$bin" ] || make -s "$bin" BUILD="$BUILD" >/dev/null || exit 1
for i in 1 2 3; do "$bin" "$P/PETR.UnitTest.records.xml" "$P" 200000 | sed -n 's/^coding_given_sents_per_s: //p' || exit 1; done |
  median | sed 's/^/coding_given_sents_per_s: /' || exit 1
# the same sentences with the production dictionaries (CAMEO.2.0 + Phoenix)
for i in 1 2 3; do "$bin" "$P/PETR.UnitTest.records.xml" "$P" 100000 production | sed -n 's/^coding_given_sents_per_s: //p' || exit 1; done |
  median | sed 's/^/coding_given_production_sents_per_s: /' || exit 1
if command -v valgrind >/dev/null; then
  n=2760
  valgrind --tool=callgrind --toggle-collect=dyad_code_sentence --callgrind-out-file=/tmp/b20.cg.$$ \
    "$bin" "$P/PETR.UnitTest.records.xml" "$P" $n >/dev/null 2>&1
  ir=$(callgrind_annotate /tmp/b20.cg.$$ 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1; exit}')
  rm -f /tmp/b20.cg.$$
  [ -n "$ir" ] && awk -v ir="$ir" -v n=$n 'BEGIN {printf "coding_instructions_per_sent: %.0f\n", ir / n}'
else
  echo "# coding_instructions_per_sent: valgrind absent"
fi
"$BUILD/dyad" validate "$P/PETR.UnitTest.records.xml" --parse given --quiet | sed -n 's/^\([0-9]*\) passed, .*/suite1_given_passed: \1/p'
"$BUILD/dyad" validate "$P/PETR.UnitTest.records.xml" --quiet \
  --parses-from "$P/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml" | sed -n 's/^\([0-9]*\) passed, .*/suite1_conllu_passed: \1/p'
model=${DYAD_MODEL:-models/en_ewt.dyadm}
[ -f "$model" ] && "$BUILD/dyad" validate "$P/PETR.UnitTest.records.xml" --parse own-words --model "$model" --quiet |
  sed -n 's/^\([0-9]*\) passed, .*/suite1_own_parser_passed: \1/p'
[ -f "$model" ] && "$BUILD/dyad" validate "$P/PETR.UnitTest.records.xml" --parse own --model "$model" --quiet |
  sed -n 's/^\([0-9]*\) passed, .*/suite1_own_text_passed: \1/p'
