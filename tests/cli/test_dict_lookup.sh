#!/usr/bin/env bash
# test_dict_lookup.sh: the acceptance commands of issue 2 (lookup of VLADIMIR
# PUTIN on two dates, with file:line), lookups of agents, verbs, synsets,
# discards and issues on the hand-written fixtures, the $DYAD_DICTS default,
# and scripts/fetch-dicts (copy mode, idempotence, the failure message).
. "$(dirname "$0")/lib.sh"
D=tests/data/dict

# fixtures (no ../shared needed)
"$DYAD" dict lookup "attorneys general" $D/good.agents.txt >"$TMP/o" 2>&1
expect_grep "agent plural" '^agent +ATTORNEYS GENERAL +~GOVATG +tests/data/dict/good.agents.txt:3 ' "$TMP/o"
"$DYAD" dict lookup "beefing up" $D/good.verbs.txt >"$TMP/o" 2>&1
expect_grep "particle verb" '^verb +BEEFING UP +041 +tests/data/dict/good.verbs.txt:15 .*block MEET.*generated' "$TMP/o"
"$DYAD" dict lookup "&arms_" $D/good.verbs.txt >"$TMP/o" 2>&1
expect_grep "nested synset" '^synset +&ARMS_ .*2 members \(5 with nested sets\)' "$TMP/o"
"$DYAD" dict lookup "months later" $D/good.discards.txt >"$TMP/o" 2>&1
expect_grep "discard" '^discard +MONTHS LATER +sentence +tests/data/dict/good.discards.txt:2' "$TMP/o"
"$DYAD" dict lookup "pre-k" $D/good.issues.txt >"$TMP/o" 2>&1
expect_grep "issue expansion" '^issue +PRE-K +EARLY +tests/data/dict/good.issues.txt:3' "$TMP/o"
"$DYAD" dict lookup "hamfast gamgee" --date 1999-08-15 $D/good.actors.txt >"$TMP/o" 2>&1
expect_grep "P2 range end is exclusive, P1 inclusive" 'HOBELI .*P1 rule gives HOBGOV' "$TMP/o"
expect_status 1 "not found" "$DYAD" dict lookup "NOBODY AT ALL" $D/good.actors.txt

# $DYAD_DICTS is the default folder
if have_shared; then
  DYAD_DICTS=$SHARED/data/petrarch "$DYAD" dict lookup "VLADIMIR PUTIN" --date 2015-01-01 >"$TMP/o" 2>&1
  expect_grep "DYAD_DICTS default" 'RUSGOV' "$TMP/o"
else skip "no ../shared"; fi

# acceptance
if have_shared; then
  P=$SHARED/data/petrarch
  "$DYAD" dict lookup "VLADIMIR PUTIN" --date 2015-01-01 --dicts "$P" >"$TMP/o" 2>&1; rc=$?
  if [ $rc -eq 0 ]; then ok; else bad "lookup 2015 exit $rc"; fi
  expect_grep "2015: RUSGOV with file:line" '^actor +VLADIMIR PUTIN +RUSGOV +.*/Phoenix.Countries.actors.txt:39574 ' "$TMP/o"
  "$DYAD" dict lookup "VLADIMIR PUTIN" --date 1995-01-01 --dicts "$P" >"$TMP/o" 2>&1
  expect_grep "1995: RUSELI (range 700101-990809)" '^actor +VLADIMIR PUTIN +RUSELI +.*/Phoenix.Countries.actors.txt:39571 ' "$TMP/o"
  # the line named really holds that code (checked on the file itself)
  expect_grep "line 39574 holds RUSGOV >080508" 'RUSGOV >080508' <(sed -n 39574p "$P/Phoenix.Countries.actors.txt")
  expect_grep "line 39571 holds RUSELI 700101-990809" 'RUSELI 700101-990809' <(sed -n 39571p "$P/Phoenix.Countries.actors.txt")
  # validate set: GOLLUM's dates (formats.md §4.1)
  "$DYAD" dict lookup GOLLUM --date 1997-01-01 --dicts "$P" --set validate >"$TMP/o" 2>&1
  expect_grep "validate set" '^actor +GOLLUM +HOBGOV ' "$TMP/o"
  # fetch-dicts: copy mode, idempotent, verified
  SHARED=$SHARED scripts/fetch-dicts "$TMP/d" >"$TMP/o" 2>&1; rc=$?
  if [ $rc -eq 0 ]; then ok; else bad "fetch-dicts exit $rc"; fi
  expect_grep "fetch-dicts copies 13 files" '13 copied' "$TMP/o"
  if cmp -s "$P/CAMEO.2.0.txt" "$TMP/d/CAMEO.2.0.txt"; then ok; else bad "copy differs"; fi
  SHARED=$SHARED scripts/fetch-dicts "$TMP/d" >"$TMP/o" 2>&1
  expect_grep "fetch-dicts is idempotent" '13 already present' "$TMP/o"
  expect "stats on the fetched folder" "$DYAD" dict stats --dicts "$TMP/d"
  echo corrupted >> "$TMP/d/Phoenix.agents.txt"
  SHARED=$SHARED scripts/fetch-dicts "$TMP/d" >"$TMP/o" 2>&1
  expect_grep "a file with a wrong hash is replaced" '1 copied' "$TMP/o"
else skip "no ../shared"; fi
SHARED=$TMP/none FETCH_DICTS_NO_DOWNLOAD=1 scripts/fetch-dicts "$TMP/e" >"$TMP/o" 2>&1; rc=$?
if [ $rc -eq 1 ]; then ok; else bad "fetch-dicts without a source: exit $rc"; fi
expect_grep "fetch-dicts says why" 'neither a local copy nor the pinned download worked' "$TMP/o"
finish
