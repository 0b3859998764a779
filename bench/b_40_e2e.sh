#!/usr/bin/env bash
# bench/b_40_e2e.sh: end to end, ../shared/data/news/news.txt (5,550 articles)
# through `dyad code` with the production dictionaries and the committed model.
# Prints e2e_sents_per_s, e2e_articles_per_s (CPU time of the one-thread
# run, so a loaded machine does not skew it; wall time too), e2e_peak_rss_mb (median of RUNS), and e2e_j2_speedup (-j 2 vs -j 1 in the same run) after
# checking that -j 2 writes byte-identical output.
set -u
. bench/lib.sh
DYAD=$BUILD/dyad
news=$SHARED/data/news/news.txt
dicts=$SHARED/data/petrarch
model=${DYAD_MODEL:-models/en_ewt.dyadm}
RUNS=${RUNS:-3}
if [ ! -f "$news" ] || [ ! -d "$dicts" ]; then echo "# b_40_e2e: skipped: needs $news and $dicts"; exit 0; fi
if [ ! -f "$model" ]; then echo "# b_40_e2e: skipped: no model $model (make model)"; exit 0; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
run() { # run J OUT: appends "wall cpu" seconds to $tmp/t$J; summary in $tmp/sum
  /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$DYAD" code -j "$1" --quiet --dicts "$dicts" --model "$model" "$news" > "$2" 2> "$tmp/sum"
  awk '{print $1, $2 + $3}' "$tmp/time" >> "$tmp/t$1"
}
for i in $(seq "$RUNS"); do run 1 "$tmp/out1"; done
for i in $(seq "$RUNS"); do run 2 "$tmp/out2"; done
t1=$(cut -d' ' -f1 "$tmp/t1" | median); t2=$(cut -d' ' -f1 "$tmp/t2" | median)
c1=$(cut -d' ' -f2 "$tmp/t1" | median)
sum=$(tail -n 1 "$tmp/sum")
arts=$(sed -E 's/.*: ([0-9]+) articles read.*/\1/' <<<"$sum")
sents=$(sed -E 's/.*; ([0-9]+) sentences.*/\1/' <<<"$sum")
events=$(sed -E 's/.*\), ([0-9]+) events.*/\1/' <<<"$sum")
echo "e2e_articles: $arts"
echo "e2e_sentences: $sents"
echo "e2e_events: $events"
echo "e2e_seconds_j1: $t1"
echo "e2e_cpu_seconds_j1: $c1"
echo "e2e_sents_per_s: $(echo "$sents / $c1" | bc -l | xargs printf '%.0f')   # CPU time of the one-thread run"
echo "e2e_sents_per_s_wall: $(echo "$sents / $t1" | bc -l | xargs printf '%.0f')"
echo "e2e_articles_per_s: $(echo "$arts / $c1" | bc -l | xargs printf '%.0f')"
echo "e2e_peak_rss_mb: $(peak_rss_mb "$DYAD" code --quiet --dicts "$dicts" --model "$model" "$news")"
if cmp -s "$tmp/out1" "$tmp/out2"; then echo "e2e_j2_identical: yes"; else echo "e2e_j2_identical: NO"; fi
echo "e2e_j2_speedup: $(echo "$t1 / $t2" | bc -l | xargs printf '%.2f')"
