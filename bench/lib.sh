# bench/lib.sh: helpers for bench parts. median N values (one per line on stdin).
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "nan"} else if (NR%2) {print a[(NR+1)/2]} else {printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}}'; }
# peak_rss_mb CMD...: run CMD, print its peak resident set in MB (GNU time or /proc fallback)
peak_rss_mb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.1f\n", $1/1024}'; }
