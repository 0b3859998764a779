#!/usr/bin/env bash
# b_10_dict.sh: dictionary loading. dict_load_ms = median of 7 loads (open +
# freeze) of the production set (CAMEO.2.0 + the three Phoenix actor files +
# agents + discards + issues); dict_peak_rss_mb = peak RSS of a process that
# loads it once. Needs the dictionaries: dicts/, $DYAD_DICTS or ../shared.
set -o pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
BUILD=${BUILD:-build}; SHARED=${SHARED:-../shared}
dir=${DYAD_DICTS:-}
[ -z "$dir" ] && { if [ -f dicts/CAMEO.2.0.txt ]; then dir=dicts; else dir=$SHARED/data/petrarch; fi; }
if [ ! -f "$dir/CAMEO.2.0.txt" ]; then echo "# b_10_dict: skipped: no dictionaries (make dicts)"; exit 0; fi
B=$BUILD/bench/dict_bench
[ -x "$B" ] || make -s "$B" BUILD="$BUILD" >/dev/null || { echo "# b_10_dict: cannot build $B"; exit 1; }
"$B" "$dir" 1 >/dev/null || exit 1                      # warm the page cache
v=$("$B" "$dir" 7 | awk '{print $2}' | median) || exit 1; echo "dict_load_ms: $v"
v=$(peak_rss_mb "$B" "$dir" 1) || exit 1; echo "dict_peak_rss_mb: $v"
# the compiled cache (dyad dict compile): load = map + checks + relocation
C=$(mktemp /tmp/dyad-bench-XXXXXX.cache)
"$B" "$dir" 1 "$C" >/dev/null || { rm -f "$C"; exit 1; }
v=$("$B" "$dir" 7 "$C" | awk '{print $2}' | median) || { rm -f "$C"; exit 1; }; echo "dict_cache_load_ms: $v"
echo "dict_cache_mb: $(du -m "$C" | cut -f1)"
rm -f "$C"
