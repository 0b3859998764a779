#!/usr/bin/env bash
# bench/b_40_e2e.sh: end to end, ../shared/data/news/news.txt (5,550 articles)
# through `dyad code` with the production dictionaries and the committed model,
# RUNS times (default 3) with -j 1 and with -j 2. Prints e2e_sents_per_s and
# e2e_articles_per_s (CPU time of the one-thread run, so a loaded machine does
# not skew it; wall time too), e2e_peak_rss_mb, and e2e_j2_speedup (-j 2 vs -j 1,
# wall) after checking that -j 2 writes byte-identical output; medians of RUNS.
# Runs alone from any directory: `RUNS=5 bench/b_40_e2e.sh`.
#
# dyad exits 1 when some articles failed, which news.txt's 39 undated articles
# do: that status is accepted only with a summary line that counts failed
# articles and no unreadable input; any other status, or a summary or a time
# that cannot be read, stops the bench with a message (exit 1), never a figure.
set -u -o pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
BUILD=${BUILD:-build} SHARED=${SHARED:-../shared}
DYAD=$BUILD/dyad
news=$SHARED/data/news/news.txt
dicts=$SHARED/data/petrarch
model=${DYAD_MODEL:-models/en_ewt.dyadm}
RUNS=${RUNS:-3}
if [ ! -f "$news" ] || [ ! -d "$dicts" ]; then echo "# b_40_e2e: skipped: needs $news and $dicts"; exit 0; fi
if [ ! -f "$model" ]; then echo "# b_40_e2e: skipped: no model $model (make model)"; exit 0; fi
[ -x "$DYAD" ] || { echo "b_40_e2e: no $DYAD (make)" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
die() { echo "b_40_e2e: $*" >&2; exit 1; }

# run J OUT: one coding run; appends "wall cpu peak_kb" to $tmp/t$J, checks the
# summary line and keeps its counts in $tmp/counts$J
run() {
  local sum re='^dyad code: ([0-9]+) articles read, ([0-9]+) coded, ([0-9]+) failed; ([0-9]+) sentences .*, ([0-9]+) events .*; ([0-9]+) inputs unreadable'
  timed "$tmp/t$1" "0 1" "$DYAD" code -j "$1" --quiet --dicts "$dicts" --model "$model" "$news" >"$2" 2>"$tmp/err" ||
    { tail -n 3 "$tmp/err" >&2; die "dyad code -j $1 failed"; }
  sum=$(tail -n 1 "$tmp/err")
  [[ $sum =~ $re ]] || die "cannot read the summary line: $sum"
  local nread=${BASH_REMATCH[1]} coded=${BASH_REMATCH[2]} failed=${BASH_REMATCH[3]} sents=${BASH_REMATCH[4]}
  local events=${BASH_REMATCH[5]} unreadable=${BASH_REMATCH[6]}
  [ "$unreadable" -eq 0 ] || die "$unreadable inputs unreadable: $sum"
  [ $((coded + failed)) -eq "$nread" ] || die "articles do not add up: $sum"
  # exit 1 means failed articles, and only that
  if [ "$TIMED_RC" -eq 1 ] && [ "$failed" -eq 0 ]; then die "exit 1 without failed articles: $sum"; fi
  if [ "$TIMED_RC" -eq 0 ] && [ "$failed" -ne 0 ]; then die "exit 0 with $failed failed articles: $sum"; fi
  echo "$nread $coded $failed $sents $events" >"$tmp/counts$1"
}
for i in $(seq "$RUNS"); do run 1 "$tmp/out1"; done
for i in $(seq "$RUNS"); do run 2 "$tmp/out2"; done
cmp -s "$tmp/counts1" "$tmp/counts2" || die "-j 1 and -j 2 count differently: $(cat "$tmp/counts1") / $(cat "$tmp/counts2")"
read -r arts coded failed sents events <"$tmp/counts1"
t1=$(cut -d' ' -f1 "$tmp/t1" | median) || die "no wall time (-j 1)"
t2=$(cut -d' ' -f1 "$tmp/t2" | median) || die "no wall time (-j 2)"
c1=$(cut -d' ' -f2 "$tmp/t1" | median) || die "no CPU time (-j 1)"
rss=$(cut -d' ' -f3 "$tmp/t1" | median) || die "no peak RSS (-j 1)"
# rate A B FORMAT: A / B, printed with FORMAT; fails when B is not positive
rate() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { if (b <= 0) exit 1; printf f "\n", a / b }' ||
  { echo "b_40_e2e: cannot divide $1 by $2" >&2; return 1; }; }
sps=$(rate "$sents" "$c1" %.0f) && spsw=$(rate "$sents" "$t1" %.0f) && aps=$(rate "$arts" "$c1" %.0f) &&
  rss_mb=$(rate "$rss" 1024 %.1f) && speedup=$(rate "$t1" "$t2" %.2f) || exit 1
echo "e2e_command: $DYAD code -j 1 --quiet --dicts $dicts --model $model $news"
echo "e2e_articles: $arts ($coded coded, $failed failed)"
echo "e2e_sentences: $sents"
echo "e2e_events: $events"
echo "e2e_seconds_j1: $t1   # wall, median of $RUNS: $(cut -d' ' -f1 "$tmp/t1" | tr '\n' ' ')"
echo "e2e_cpu_seconds_j1: $c1   # user + sys, median of $RUNS: $(cut -d' ' -f2 "$tmp/t1" | tr '\n' ' ')"
echo "e2e_sents_per_s: $sps   # CPU time of the one-thread run"
echo "e2e_sents_per_s_wall: $spsw"
echo "e2e_articles_per_s: $aps"
echo "e2e_peak_rss_mb: $rss_mb"
if cmp -s "$tmp/out1" "$tmp/out2"; then echo "e2e_j2_identical: yes"; else echo "e2e_j2_identical: NO"; fi
echo "e2e_j2_speedup: $speedup   # wall, -j 2 median $t2 s"
