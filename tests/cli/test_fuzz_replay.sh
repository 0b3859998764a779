#!/usr/bin/env bash
# test_fuzz_replay.sh: replay every committed fuzz corpus file (hand-made cases
# and regressions from fuzzing) through its target's standalone build.
# One check per target: the whole corpus runs without a crash or sanitizer report.
. tests/cli/lib.sh
n=0
for bin in "$BUILD"/fuzz-replay/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin"); name=${name#fuzz_}
  dir=tests/fuzz/corpus/$name
  if [ ! -d "$dir" ]; then bad "$name: no corpus folder $dir"; continue; fi
  if "$bin" "$dir" >"$TMP/out" 2>&1; then ok; else bad "$name: replay failed"; tail -20 "$TMP/out" >&2; fi
  n=$((n + 1))
done
[ "$n" -gt 0 ] || skip "no fuzz targets built"
finish
