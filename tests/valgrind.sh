#!/usr/bin/env bash
# tests/valgrind.sh: valgrind memcheck of representative dyad runs (BUILD,
# default build/, must be a build without sanitizers). A run passes when
# valgrind finds no error and no leak (definite, indirect or possible).
# With ../shared: the PETRARCH validation suite, `dyad code --parsed` on it,
# `dyad code` on articles (validation dictionaries, a tiny model trained here),
# `dyad validate` from our parser and `dyad eval` (production dictionaries);
# always: segment, dict stats, train + parse on files made here. Prints
# "N passed, N failed" and exits 1 if any run failed.
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
DYAD=${DYAD:-$BUILD/dyad}
SHARED=${SHARED:-../shared}
P=$SHARED/data/petrarch
pass=0 fail=0
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind not installed (apt-get install valgrind)"; exit 1; }
[ -x "$DYAD" ] || { echo "valgrind.sh: no $DYAD (run make first)"; exit 1; }

# vg NAME CMD...: memcheck CMD; the command's own exit status is not judged
# (error cases are part of the runs), only valgrind's verdict.
vg() {
  local name=$1; shift
  valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
    --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
    --log-file="$TMP/vg.log" "$@" >"$TMP/out" 2>"$TMP/err"
  if [ $? -eq 99 ] || [ -s "$TMP/vg.log" ]; then
    fail=$((fail + 1)); echo "FAIL: $name"; head -40 "$TMP/vg.log"
  else
    pass=$((pass + 1)); echo "ok: $name"
  fi
}

if [ -f "$P/PETR.UnitTest.records.xml" ]; then
  vg "validate PETR.UnitTest.records.xml --parse given" "$DYAD" validate "$P/PETR.UnitTest.records.xml" --parse given --quiet
  vg "code --parsed PETR.UnitTest.records.xml (validate set, jsonl)" \
    "$DYAD" code --parsed "$P/PETR.UnitTest.records.xml" --dicts "$P" --set validate --format jsonl
  vg "dict stats (validate set)" "$DYAD" dict stats --dicts "$P" --set validate
else
  echo "skip: no $P: validation suite runs skipped"
fi
printf 'date 2021-12-26\nBAKU, Dec 26 (Trend) - Azerbaijan and Turkey signed a deal on Friday.\n\nBad \377 bytes\000 here. "Is it?" he asked.\n\f\ndate 2099-99-99\nbad date\n' >"$TMP/a.txt"
vg "segment (articles, bad bytes, bad date)" "$DYAD" segment --tokens "$TMP/a.txt"
printf '{"id":"1","date":"2021-12-26","text":"Rebels attacked."}\n{"id":"2",\n' >"$TMP/a.jsonl"
vg "segment (JSONL, one line cut)" "$DYAD" segment --input jsonl "$TMP/a.jsonl"
printf 'GONDOR [GON]\n+MINAS_TIRITH\nMORDOR [MOR >20000101] [XXX]\n[[[ broken\n' >"$TMP/x.actors.txt"
printf '!minister! = MINISTER MINISTRY\nPOLICE {POLICEMEN} [~COP]\n' >"$TMP/x.agents.txt"
vg "dict stats --lenient (actors, agents)" "$DYAD" dict stats --lenient "$TMP/x.actors.txt" "$TMP/x.agents.txt"
vg "dict lookup" "$DYAD" dict lookup "Minas Tirith" --date 2010-01-01 "$TMP/x.actors.txt"
vg "train tiny model" "$DYAD" train --train tests/fuzz/tiny.conllu -o "$TMP/m.dyadm" --tag-epochs 1 --parse-epochs 2 --folds 2 -q
CM=$TMP/m.dyadm; [ -f models/en_ewt.dyadm ] && CM=models/en_ewt.dyadm  # the real model when built
if [ -f "$P/PETR.Validate.actors.txt" ]; then
  { printf 'date 2021-12-26\nGondor attacked Mordor on Monday, officials said. Mordor accused Gondor.\n\f\n'
    printf 'date 2099-99-99\nbad date\n\f\ndate 2021-12-26\n%s\n' "$(printf 'Gondor %.0s' $(seq 300))"; } >"$TMP/arts.txt"
  for f in "$SHARED/data/samples/"*.txt; do [ -f "$f" ] && { printf '\f\n'; cat "$f"; } >>"$TMP/arts.txt"; done
  vg "code (articles, 2 threads, jsonl)" "$DYAD" code -j 2 --model "$CM" --dicts "$P" --set validate "$TMP/arts.txt"
  vg "code (articles, tsv)" "$DYAD" code --format tsv --model "$CM" --dicts "$P" --set validate "$TMP/arts.txt"
  vg "validate --parse own-words (UniversalPetrarch dialect, --json)" \
    "$DYAD" validate tests/data/validate/up.validate.xml --parse own-words --model "$CM" --json
  vg "eval (small gold file, -v)" "$DYAD" eval tests/data/eval/small.gold.jsonl --model "$CM" --dicts "$P" -v
  vg "eval (--json -v, PETRARCH-1 coder)" "$DYAD" eval tests/data/eval/small.gold.jsonl --model "$CM" --dicts "$P" \
    --json -v --coder p1
fi
if [ -f "$P/CAMEO.2.0.txt" ]; then   # the news coder's paths, production dictionaries
  printf 'date 2020-06-01\nFijian Prime Minister Laisenia Qarase criticized the army. Later, Qarase met the Australian ambassador.\nJapanese and South Korean officials condemned China. "I condemn the killing," said President Bush.\nThe Indian government arrested protesters. Al-Qaeda attacked Kenya. Iran denied attacking Israel.\nThe foreign ministers of Japan and South Korea met. Germany said Italy attacked France.\n' >"$TMP/news.txt"
  vg "code (news coder, production dictionaries)" "$DYAD" code --model "$CM" --dicts "$P" "$TMP/news.txt"
fi
printf 'The army attacked the town .\nIsrael will meet Egypt .\n' >"$TMP/t.txt"
vg "parse (text)" "$DYAD" parse --model "$TMP/m.dyadm" --format text "$TMP/t.txt"
vg "parse --eval" "$DYAD" parse --model "$TMP/m.dyadm" --eval tests/fuzz/tiny.conllu
echo "valgrind.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
