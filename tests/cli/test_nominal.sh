#!/usr/bin/env bash
# test_nominal.sh: the nominal coder's table: src/nominal_data.c is
# regenerated from data/nominal-events.tsv and compared, and (with ../shared)
# every VERB row's cited CAMEO.2.0.txt line is the line the verb dictionary
# gives for that verb.
. tests/cli/lib.sh
tools/gen-nominal data/nominal-events.tsv > "$TMP/nominal_data.c" && cmp -s "$TMP/nominal_data.c" src/nominal_data.c && ok \
  || bad "src/nominal_data.c is stale: run tools/gen-nominal > src/nominal_data.c"
tools/gen-nominal "$TMP/none.tsv" > /dev/null 2> "$TMP/err"; rc=$?
[ "$rc" -ne 0 ] && ok || bad "gen-nominal: a missing input fails"
expect_grep "gen-nominal names the missing file" "none.tsv missing" "$TMP/err"
if have_shared; then
  n=0
  while IFS=$'\t' read -r kind lemma code of to src; do
    [ "$kind" = noun ] || continue
    case $code in [0-9]*) continue ;; esac
    cited=$(printf '%s\n' "$src" | sed -n 's/^CAMEO.2.0.txt:\([0-9]*\) .*/\1/p')
    "$DYAD" dict lookup "$code" --dicts "$SHARED/data/petrarch" > "$TMP/look" 2>&1
    if grep -q "^verb.*CAMEO.2.0.txt:$cited " "$TMP/look"; then ok; else bad "row $lemma: $code is not at CAMEO.2.0.txt:$cited"; fi
    n=$((n + 1))
  done < data/nominal-events.tsv
  [ "$n" -ge 10 ] && ok || bad "only $n VERB rows checked"
else skip "needs ../shared for the verb dictionary"; fi
finish
