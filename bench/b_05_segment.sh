#!/usr/bin/env bash
# b_05_segment.sh: sentence segmentation and tokenization on UD English EWT
# (test + dev, raw text rebuilt from "# text", "# newdoc", "# newpar" and
# SpaceAfter=No): sentence F1, token F1 (exact spans), throughput.
set -u -o pipefail
. bench/lib.sh
ewt=$SHARED/data/ud/en_ewt
if [ ! -f "$ewt/en_ewt-ud-test.conllu" ]; then
  echo "# b_05_segment: skipped, $ewt absent (UD English EWT; see ../shared/data/ud)"
  exit 0
fi
bin=$BUILD/bench/seg_eval
[ -x "$bin" ] || make -s "$bin" BUILD="$BUILD" >/dev/null || exit 1
out=$("$bin" "$ewt/en_ewt-ud-test.conllu" "$ewt/en_ewt-ud-dev.conllu") || exit 1
grep -E '^seg_(sentence_f1|token_f1):' <<<"$out"
# throughput: median of 3 runs
for i in 1 2 3; do "$bin" "$ewt/en_ewt-ud-test.conllu" "$ewt/en_ewt-ud-dev.conllu" | sed -n 's/^seg_mb_per_s: //p' || exit 1; done |
  median | sed 's/^/seg_mb_per_s: /' || exit 1
