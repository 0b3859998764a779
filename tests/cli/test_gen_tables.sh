#!/usr/bin/env bash
# test_gen_tables.sh: generated C tables are up to date with their data files
# (regenerate, compare), and the data files with ../shared when present.
. tests/cli/lib.sh
tools/gen-actor-codes data/actor-codes.tsv > "$TMP/actor_tables.c" && cmp -s "$TMP/actor_tables.c" src/actor_tables.c && ok || bad "src/actor_tables.c is stale: run tools/gen-actor-codes > src/actor_tables.c"
if [ -d "$SHARED/data/cameo" ]; then
  tools/import-actor-codes "$SHARED" > "$TMP/actor-codes.tsv" && cmp -s "$TMP/actor-codes.tsv" data/actor-codes.tsv && ok || bad "data/actor-codes.tsv differs from tools/import-actor-codes output"
else skip "no ../shared/data/cameo"; fi
printf 'code\tkind\tname\nab\tcountry\tX\n' > "$TMP/bad.tsv"
tools/gen-actor-codes "$TMP/bad.tsv" > /dev/null 2> "$TMP/err"; expect_grep "bad row reported with file:line" "bad.tsv:2: bad row" "$TMP/err"
finish
