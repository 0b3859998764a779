#!/usr/bin/env bash
# b_30_parse.sh: tagger + parser speed (one core, model loaded), model load
# time and peak RSS, on UD English EWT test (gold tokenization).
#   parse_tokens_per_s   median of 3 `dyad parse --eval` runs (timer around tag+parse only)
#   parse_model_load_ms  median of 5 runs of `dyad parse` on empty input (process start included)
#   parse_peak_rss_mb    peak RSS of `dyad parse` over EWT test
set -o pipefail
. bench/lib.sh
BUILD=${BUILD:-build} SHARED=${SHARED:-../shared}
DYAD=$BUILD/dyad MODEL=${DYAD_MODEL:-models/en_ewt.dyadm}
TEST=$SHARED/data/ud/en_ewt/en_ewt-ud-test.conllu
if [ ! -f "$MODEL" ]; then echo "# b_30_parse: no model $MODEL (make model)"; exit 0; fi
PIN=; command -v taskset >/dev/null && PIN="taskset -c 0"
for i in 1 2 3 4 5; do
  s=$(date +%s%N); $PIN "$DYAD" parse --model "$MODEL" /dev/null >/dev/null || exit 1; e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
done | median | sed 's/^/parse_model_load_ms: /' || exit 1
if [ ! -f "$TEST" ]; then echo "# b_30_parse: $TEST absent, speed not measured"; exit 0; fi
for i in 1 2 3; do
  $PIN "$DYAD" parse --model "$MODEL" --eval "$TEST" | sed -n 's/^tokens\/s: //p' || exit 1
done | median | sed 's/^/parse_tokens_per_s: /' || exit 1
v=$(peak_rss_mb "$DYAD" parse --model "$MODEL" "$TEST") || exit 1; echo "parse_peak_rss_mb: $v"
