#!/usr/bin/env bash
# test_dict_cache.sh: `dyad dict compile` and `--cache`: the same answers as
# from the files; a stale or damaged cache is reported and the files are used.
. "$(dirname "$0")/lib.sh"
D=tests/data/dict
cp $D/good.actors.txt $D/good.agents.txt $D/good.verbs.txt "$TMP/"
F="$TMP/good.actors.txt $TMP/good.agents.txt $TMP/good.verbs.txt"
expect_status 64 "compile needs -o" "$DYAD" dict compile $F
"$DYAD" dict compile $F -o "$TMP/c.cache" >"$TMP/o" 2>&1; rc=$?
if [ $rc -eq 0 ] && [ -s "$TMP/c.cache" ]; then ok; else bad "compile exit $rc: $(cat "$TMP/o")"; fi
"$DYAD" dict stats $F >"$TMP/a" 2>&1
"$DYAD" dict stats --cache "$TMP/c.cache" >"$TMP/b" 2>"$TMP/e"
if cmp -s "$TMP/a" "$TMP/b"; then ok; else bad "stats from the cache differ"; diff "$TMP/a" "$TMP/b" | head >&2; fi
if [ ! -s "$TMP/e" ]; then ok; else bad "fresh cache gave a note: $(cat "$TMP/e")"; fi
"$DYAD" dict lookup "hamfast gamgee" --date 1999-08-15 $F >"$TMP/a" 2>&1
"$DYAD" dict lookup "hamfast gamgee" --date 1999-08-15 --cache "$TMP/c.cache" >"$TMP/b" 2>&1
if cmp -s "$TMP/a" "$TMP/b"; then ok; else bad "lookup from the cache differs"; fi
# stale: a source changes -> note on stderr, answers from the files
sleep 0.01; echo "ROHAN [ROH]" >> "$TMP/good.actors.txt"
"$DYAD" dict lookup ROHAN --cache "$TMP/c.cache" $F >"$TMP/b" 2>"$TMP/e"; rc=$?
expect_grep "stale cache noted" 'stale cache: .*good.actors.txt changed' "$TMP/e"
if [ $rc -eq 0 ]; then ok; else bad "stale cache: lookup exit $rc"; fi
# damaged: not a cache at all
"$DYAD" dict stats --cache "$TMP/good.verbs.txt" $F >/dev/null 2>"$TMP/e"; rc=$?
expect_grep "damaged cache noted" 'not a dyad dictionary cache' "$TMP/e"
if [ $rc -eq 0 ]; then ok; else bad "bad cache: stats exit $rc"; fi
finish
