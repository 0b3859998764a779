# bench/lib.sh: helpers for bench parts. A bench must fail loudly on anything it
# cannot read, never turn it into a figure: these helpers print a message on
# stderr and return 1 instead of guessing.
exec {BENCH_ERR}>&2   # the bench's stderr, for messages of helpers whose command's stderr is redirected

# median: the median of N numbers, one per line on stdin; fails on an empty
# list or on a line that is not a number.
median() {
  sort -g | awk '
    $0 !~ /^[0-9]+(\.[0-9]+)?$/ { printf "median: not a number: \"%s\"\n", $0 > "/dev/stderr"; bad = 1; exit 1 }
    { a[NR] = $1 }
    END { if (bad) exit 1
          if (NR == 0) { print "median: no values" > "/dev/stderr"; exit 1 }
          if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# timed OUT_TIME OK_CODES CMD...: run CMD under GNU time, its stdout and stderr
# as the caller redirects them; append "wall cpu peak_rss_kb" to OUT_TIME and
# set TIMED_RC to CMD's exit status. OK_CODES lists the statuses that are
# expected ("0", "0 1"); any other fails. The time figures are read from a line of our own tag, not from the
# first line of time's output: GNU time writes "Command exited with non-zero
# status N" before its format when CMD fails.
timed() {
  local out=$1 ok=$2 tf rc
  shift 2
  tf=$(mktemp) || return 1
  /usr/bin/time -o "$tf" -f 'dyad-bench-time %e %U %S %M' "$@"
  rc=$?
  TIMED_RC=$rc
  if [[ " $ok " != *" $rc "* ]]; then
    echo "timed: exit status $rc (expected: $ok): $*" >&"$BENCH_ERR"
    rm -f "$tf"; return 1
  fi
  if ! awk '$1 == "dyad-bench-time" && NF == 5 && $2 ~ /^[0-9.]+$/ && $3 ~ /^[0-9.]+$/ && $4 ~ /^[0-9.]+$/ && $5 ~ /^[0-9]+$/ {
              printf "%s %.2f %s\n", $2, $3 + $4, $5; n++ } END { exit n != 1 }' "$tf" >>"$out"; then
    echo "timed: cannot read the time of: $*" >&"$BENCH_ERR"
    sed 's/^/  /' "$tf" >&"$BENCH_ERR"
    rm -f "$tf"; return 1
  fi
  rm -f "$tf"
}

# peak_rss_mb CMD...: run CMD (it must exit 0; PEAK_RSS_OK="0 1" to accept
# more), print its peak resident set in MB.
peak_rss_mb() {
  local tf kb
  tf=$(mktemp) || return 1
  timed "$tf" "${PEAK_RSS_OK:-0}" "$@" >/dev/null 2>&1 || { rm -f "$tf"; return 1; }
  kb=$(awk '{print $3}' "$tf"); rm -f "$tf"
  awk -v kb="$kb" 'BEGIN {printf "%.1f\n", kb / 1024}'
}
