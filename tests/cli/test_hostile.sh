#!/usr/bin/env bash
# test_hostile.sh: hostile input for every command that reads files (segment,
# dict, validate, code --parsed, code on articles, parse): invalid UTF-8, NUL bytes, a 30 MB line, a
# 200,000-token sentence, random bytes, truncated and mixed JSONL, deep and
# malformed XML, entity expansion, CoNLL-U cycles, a truncated model or gzip
# file, empty files, a directory, an unreadable file, impossible dates, and
# the limits of `dyad code` (--max-tokens skip, --article-seconds cap). Each run must end
# (timeout) within bounded memory (ulimit -v, not under ASan), without a crash
# or sanitizer report, with the documented exit status and a clear message,
# and the good inputs of the same run must still come out.
. tests/cli/lib.sh
P=$SHARED/data/petrarch

# ASan reserves terabytes of address space: no ulimit -v for such builds.
VLIMIT=4000000
grep -q __asan_init "$DYAD" 2>/dev/null && VLIMIT=unlimited

# run NAME CMD...: run bounded; stdout in $TMP/out, stderr in $TMP/err, status
# in RC. One check: it ended by itself, with no signal and no sanitizer report.
run() {
  local name=$1; shift
  ( ulimit -v "$VLIMIT"; exec timeout 300 "$@" ) >"$TMP/out" 2>"$TMP/err"
  RC=$?
  if [ "$RC" -eq 124 ]; then bad "$name: timed out"
  elif [ "$RC" -ge 128 ]; then bad "$name: killed by signal $((RC - 128))"; tail -5 "$TMP/err" >&2
  elif grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$TMP/err"; then
    bad "$name: sanitizer report"; grep -m3 -E 'Sanitizer|runtime error' "$TMP/err" >&2
  else ok; fi
}
# status NAME N: the last run exited with N
status() { if [ "$RC" -eq "$2" ]; then ok; else bad "$1: exit $RC, wanted $2"; sed 's/^/    /' "$TMP/err" | head -5 >&2; fi; }
out_has() { expect_grep "$1" "$2" "$TMP/out"; }
err_has() { expect_grep "$1" "$2" "$TMP/err"; }
out_lacks() { if grep -qE -- "$2" "$TMP/out"; then bad "$1: /$2/ in the output"; else ok; fi; }

# ---- inputs, made here (the big ones never live in the repo)
H=$TMP/h; mkdir -p "$H/adir"
good=$H/good.txt
printf 'date 2021-12-26\nRebels attacked the town.\n' >"$good"
printf 'date 2021-12-26\nThe army attacked \xff\xfe rebels.\n' >"$H/badutf8.txt"
printf 'date 2021-12-26\nThe army\000 attacked rebels.\n' >"$H/nul.txt"
: >"$H/empty"
# "random" bytes, the same every run: a deflate stream without its gzip header
seq 1 200000 | gzip -9 -n | tail -c +11 | head -c 200000 >"$H/random.bin"
bigline() { head -c 30000000 /dev/zero | tr '\0' "$1"; }
{ printf 'date 2021-12-26\n'; bigline a; printf '\n\f\n'; cat "$good"; } >"$H/longline.txt"
awk 'BEGIN { printf "date 2021-12-26\n"; for (i = 0; i < 200000; i++) printf "word "; printf "\n\f\n" }' >"$H/tokens.txt"
cat "$good" >>"$H/tokens.txt"
printf 'date 2099-99-99\nRebels attacked.\n\f\n' >"$H/baddate.txt"; cat "$good" >>"$H/baddate.txt"
{ printf '{"id":"a1","date":"2021-12-26","text":"Rebels attacked the town."}\n'
  printf '{"id":"a2","date":"2021-12-26","te\n'
  printf '{"id":"a3","date":"2099-99-99","text":"Police arrested protesters."}\n'
  printf 'not json at all\n\000\377\n'
  printf '{"id":"a4","date":"2021-12-26","text":"Israel met Egypt."}\n'; } >"$H/mixed.jsonl"
printf '{"id":"t1","date":"2021-12-26","text":"Rebels attacked' >"$H/trunc.jsonl"
cp "$good" "$H/unreadable.txt"; chmod 000 "$H/unreadable.txt"

# ---- dyad segment (ingest): bad articles are reported and skipped, the rest come out
run "segment invalid UTF-8" "$DYAD" segment "$H/badutf8.txt"; status "segment invalid UTF-8" 0
err_has "segment invalid UTF-8 counted" '2 invalid UTF-8 replaced' ; out_has "segment invalid UTF-8 text" 'attacked'
run "segment NUL" "$DYAD" segment "$H/nul.txt"; status "segment NUL" 0
err_has "segment NUL counted" '1 NUL bytes removed'; out_has "segment NUL text" 'The army attacked rebels'
run "segment empty" "$DYAD" segment "$H/empty"; status "segment empty" 0
err_has "segment empty counts" '0 articles read'
run "segment 30 MB line" "$DYAD" segment "$H/longline.txt"; status "segment 30 MB line" 1
err_has "segment 30 MB line message" 'longline.txt:[0-9]+: .*over [0-9]+ bytes'
out_has "segment 30 MB line, next article" 'Rebels attacked the town\.'
run "segment 200k tokens" "$DYAD" segment "$H/tokens.txt"; status "segment 200k tokens" 0
out_has "segment 200k tokens, next article" 'Rebels attacked the town\.'
run "segment random bytes" "$DYAD" segment "$H/random.bin" "$good"
[ "$RC" -le 1 ] && ok || bad "segment random bytes: exit $RC"
out_has "segment random bytes, next file" 'Rebels attacked the town\.'
run "segment mixed JSONL" "$DYAD" segment --input jsonl "$H/mixed.jsonl"; status "segment mixed JSONL" 1
err_has "segment JSONL cut line" 'mixed.jsonl:2: bad JSON'
err_has "segment JSONL bad date" "mixed.jsonl:3: bad date '2099-99-99'"
err_has "segment JSONL not JSON" 'mixed.jsonl:4: bad JSON'
out_has "segment JSONL first" '^a1	'; out_has "segment JSONL last" '^a4	'
run "segment truncated JSONL" "$DYAD" segment --input jsonl "$H/trunc.jsonl" ; status "segment truncated JSONL" 1
err_has "segment truncated JSONL message" 'trunc.jsonl:1: bad JSON'
run "segment directory" "$DYAD" segment "$H/adir" "$good"; status "segment directory" 1
err_has "segment directory message" 'adir: is a directory'; out_has "segment directory, next file" 'Rebels attacked'
if [ "$(id -u)" -eq 0 ]; then skip "unreadable file: running as root, chmod 000 does not stop reads"
else
  run "segment unreadable" "$DYAD" segment "$H/unreadable.txt" "$good"; status "segment unreadable" 1
  err_has "segment unreadable message" 'unreadable.txt: .*(ermission|cannot)'; out_has "segment unreadable, next" 'Rebels'
fi
run "segment impossible date" "$DYAD" segment "$H/baddate.txt"; status "segment impossible date" 1
err_has "segment impossible date message" "baddate.txt:1: bad date '2099-99-99'"
out_has "segment impossible date, next article" 'Rebels attacked the town\.'
awk 'BEGIN { for (i = 1; i <= 3000; i++) printf "date 2021-12-26\nArticle %d says %d rebels attacked %x.\n\f\n", i, i * 7919 % 1000, i * 104729 }' |
  gzip >"$H/full.gz"
head -c $(($(wc -c <"$H/full.gz") / 2)) "$H/full.gz" >"$H/cut.gz"
run "segment truncated gzip" "$DYAD" segment "$H/cut.gz"; status "segment truncated gzip" 1
err_has "segment truncated gzip message" 'cut.gz:[0-9]+: .*(unexpected end|truncated)'; out_has "segment truncated gzip, articles before" 'Article 100 says'
run "segment --date 2099-99-99" "$DYAD" segment --input text --date 2099-99-99 "$good"; status "segment --date 2099-99-99" 64
err_has "segment --date message" "bad date '2099-99-99'"

# ---- dyad dict: strict mode stops at the first malformed line (exit 2, file:line)
run "dict invalid UTF-8" "$DYAD" dict stats --kind actors "$H/badutf8.txt"; status "dict invalid UTF-8" 2
err_has "dict invalid UTF-8 message" 'badutf8.txt:2: invalid UTF-8'
run "dict NUL" "$DYAD" dict stats --kind actors "$H/nul.txt"; status "dict NUL" 2
err_has "dict NUL message" 'nul.txt:2: NUL'
{ bigline A; echo ' [AAA]'; } >"$H/long.actors.txt"
run "dict 30 MB line" "$DYAD" dict stats --kind actors "$H/long.actors.txt"; status "dict 30 MB line" 2
err_has "dict 30 MB line message" 'long.actors.txt:1: line longer than'
run "dict random bytes" "$DYAD" dict stats --kind verbs "$H/random.bin"; status "dict random bytes" 2
err_has "dict random bytes message" 'random.bin:[0-9]+: '
run "dict empty" "$DYAD" dict stats --kind agents "$H/empty"; status "dict empty" 0
run "dict directory" "$DYAD" dict stats --kind actors "$H/adir"; status "dict directory" 1
err_has "dict directory message" 'adir: is a directory'
printf 'GONDOR [GON]\n[[[ broken line\nMORDOR [MOR]\n' >"$H/lenient.actors.txt"
printf 'POLICE [~COP]\n' >"$H/ok.agents.txt"
run "dict lenient" "$DYAD" dict stats --lenient "$H/lenient.actors.txt" "$H/ok.agents.txt"; status "dict lenient" 0
out_has "dict lenient counts the skip" 'skipped \(malformed\) 1'; out_has "dict lenient, next file" 'ok.agents.txt: agents'
run "dict lookup impossible date" "$DYAD" dict lookup POLICE --date 2099-99-99 "$H/ok.agents.txt"
status "dict lookup impossible date" 64; err_has "dict lookup date message" "bad --date '2099-99-99'"

# ---- dyad validate / dyad code: XML
lol() {  # "billion laughs": 10^9 "lol" if entities were expanded; plus an external entity
  printf '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
  local i prev=lol
  for i in 1 2 3 4 5 6 7 8 9; do
    printf ' <!ENTITY lol%d "' "$i"; for _ in 1 2 3 4 5 6 7 8 9 10; do printf '&%s;' "$prev"; done; printf '">\n'
    prev=lol$i
  done
  printf ' <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<Sentences>\n'
  printf '<Sentence date="20100615" id="LOL-1" category="X" sentence="True">\n'
  printf '<EventCoding sourcecode="AAA" targetcode="BBB" eventcode="010"></EventCoding>\n'
  printf '<Text>&lol9; &xxe;</Text>\n<Parse>(ROOT (S (NP (NNP &lol9;)) (VP (VBD met) (NP (NNP &xxe;))) (. .)))</Parse>\n'
  printf '</Sentence>\n</Sentences>\n'
}
lol >"$H/lol.xml"
run "validate billion laughs" "$DYAD" validate "$H/lol.xml"
[ "$RC" -le 1 ] && ok || bad "validate billion laughs: exit $RC"
out_lacks "validate billion laughs: not expanded" 'lollollol'; out_lacks "validate: no external entity" 'root:'
awk 'BEGIN { printf "<Sentences>"; for (i = 0; i < 100000; i++) printf "<x>"; for (i = 0; i < 100000; i++) printf "</x>"; print "</Sentences>" }' >"$H/deep.xml"
run "validate deep XML" "$DYAD" validate "$H/deep.xml"; status "validate deep XML" 2
err_has "validate deep XML message" 'deep.xml:[0-9]+: '
run "validate empty" "$DYAD" validate "$H/empty"; status "validate empty" 2; err_has "validate empty message" 'empty:1: empty file'
run "validate random bytes" "$DYAD" validate "$H/random.bin"; status "validate random bytes" 2
err_has "validate random bytes message" 'random.bin:[0-9]+: '
run "validate directory" "$DYAD" validate "$H/adir"; status "validate directory" 1; err_has "validate directory message" 'adir'

rec() {  # rec ID DATE PARSE [TEXT]: a record expecting nothing
  printf '<Sentence date="%s" id="%s" source="X" sentence="True">\n<Text>%s</Text>\n<Parse>%s</Parse>\n</Sentence>\n' \
    "$2" "$1" "${4:-x}" "$3"
}
gm='(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))'
mg='(ROOT (S (NP (NNP Mordor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))'
{ echo '<Sentences>'; rec GOOD-1 20100615 "$gm"
  rec BAD-2 20100615 '(ROOT (S (NP (NNP Gondor)'
  rec BIG-3 20100615 "(ROOT (S (NP $(awk 'BEGIN { for (i = 0; i < 200000; i++) printf "(NNP W%d) ", i }')) (VP (VBD met))))"
  rec HUGE-4 20100615 "$gm" "$(head -c 30000000 /dev/zero | tr '\0' a)"
  rec DATE-5 2099-99-99 "$gm"; rec DATE-6 20100230 "$gm"
  rec GOOD-7 20100615 "$mg"; echo '</Sentences>'; } >"$H/mixed.xml"
{ echo '<Sentences>'; rec GOOD-1 20100615 "$gm"; printf '<Sentence id="CUT-2" date="2010'; } >"$H/cut.xml"
if [ -f "$P/PETR.Validate.actors.txt" ]; then
  run "code mixed records" "$DYAD" code --parsed "$H/mixed.xml" --dicts "$P" --set validate
  status "code mixed records" 1
  out_has "code: first record" 'GON	MOR	223.*GOOD-1'; out_has "code: last record" 'MOR	GON	223.*GOOD-7'
  err_has "code: impossible date reported" "mixed.xml:[0-9]+: DATE-5: bad date '20999999'"
  err_has "code: Feb 30 reported" "mixed.xml:[0-9]+: DATE-6: bad date"; out_lacks "code: no impossible date out" 'DATE-[56]'
  out_has "code: 30 MB text record" 'HUGE-4'
  err_has "code: bad parse reported" 'mixed.xml:[0-9]+: BAD-2: unreadable parse'
  err_has "code: 200k tokens reported" 'mixed.xml:[0-9]+: BIG-3: .*tokens'
  run "validate mixed records" "$DYAD" validate "$H/mixed.xml" --dicts "$P"
  status "validate mixed records" 0; out_has "validate: all records counted" '^5 passed, 2 failed$'
  err_has "validate: impossible date reported" "mixed.xml:[0-9]+: DATE-5: bad date '20999999'"
  out_has "validate: impossible date record fails" 'FAIL DATE-5'; out_has "validate: Feb 30 record fails" 'FAIL DATE-6'
  out_has "validate: impossible date noted" '\(bad_date: bad date'
  run "code truncated XML" "$DYAD" code --parsed "$H/cut.xml" --dicts "$P" --set validate
  [ "$RC" -le 2 ] && ok || bad "code truncated XML: exit $RC"
  out_has "code truncated XML: record before the cut" 'GOOD-1'
  run "code billion laughs" "$DYAD" code --parsed "$H/lol.xml" --dicts "$P" --set validate
  [ "$RC" -le 2 ] && ok || bad "code billion laughs: exit $RC"
  out_lacks "code billion laughs: not expanded" 'lollollol'
else
  skip "dyad code hostile XML: no $P (PETRARCH validation dictionaries)"
fi

# ---- dyad parse, dyad code (articles): model files, CoNLL-U / text input, whole articles
M=$TMP/tiny.dyadm
if "$DYAD" train --train tests/fuzz/tiny.conllu -o "$M" --tag-epochs 1 --parse-epochs 1 --folds 2 -q >/dev/null 2>&1; then
  ok
  if [ -f "$P/PETR.Validate.actors.txt" ]; then
    code=("$DYAD" code --model "$M" --dicts "$P" --set validate --quiet)
    run "code 30 MB line" "${code[@]}" "$H/longline.txt"; status "code 30 MB line" 1
    err_has "code 30 MB line message" 'longline.txt:[0-9]+: .*over [0-9]+ bytes'; err_has "code 30 MB line, next article" ' 1 coded, 1 failed'
    run "code 200k tokens" "${code[@]}" "$H/tokens.txt"; status "code 200k tokens" 0
    err_has "code 200k tokens: counted skip" '2 articles read, 2 coded, 0 failed; 2 sentences \(1 too long'
    awk 'BEGIN { printf "date 2021-12-26\n"; for (i = 0; i < 3000; i++) printf "Gondor attacked Mordor. "; printf "\n\f\n" }' >"$H/many.txt"
    cat "$good" >>"$H/many.txt"
    run "code time cap" "${code[@]}" --article-seconds 0.000001 "$H/many.txt"; status "code time cap" 1
    err_has "code time cap message" 'many.txt:[0-9]+.*time cap'; err_has "code time cap counted" '[1-9][0-9]* not reached in time'
    err_has "code time cap: next article coded" '2 articles read, 1 coded, 1 failed'
    run "code mixed JSONL" "${code[@]}" --input jsonl "$H/mixed.jsonl"; status "code mixed JSONL" 1
    err_has "code mixed JSONL counts" '6 articles read, 2 coded, 4 failed'
    out_has "code mixed JSONL error record" '"error":.*mixed.jsonl:3: bad date'
    run "code bad bytes" "${code[@]}" "$H/random.bin" "$H/nul.txt" "$H/badutf8.txt" "$H/empty" "$good"
    [ "$RC" -le 1 ] && ok || bad "code bad bytes: exit $RC"; err_has "code bad bytes: good files coded" ' [1-9][0-9]* coded'
    run "code directory" "${code[@]}" "$H/adir" "$good"; status "code directory" 1
    err_has "code directory message" 'adir: is a directory'; err_has "code directory counted" '1 coded, 0 failed.*1 inputs? unreadable'
    run "code truncated gzip" "${code[@]}" --format tsv "$H/cut.gz"; status "code truncated gzip" 1
    err_has "code truncated gzip message" 'cut.gz:[0-9]+: .*(unexpected end|truncated)'
    run "code impossible date" "${code[@]}" "$H/baddate.txt"; status "code impossible date" 1
    out_has "code impossible date error record" "\"error\":.*bad date '2099-99-99'"; err_has "code impossible date, next" '1 coded, 1 failed'
  else
    skip "dyad code hostile articles: no $P"
  fi
  head -c 1000 "$M" >"$H/trunc.dyadm"
  run "code truncated model" "$DYAD" code --model "$H/trunc.dyadm" --dicts "$H/adir" "$good"
  [ "$RC" -eq 1 ] || [ "$RC" -eq 2 ] && ok || bad "code truncated model: exit $RC"
  err_has "code truncated model message" 'code: (model|dictionaries): '
  run "parse truncated model" "$DYAD" parse --model "$H/trunc.dyadm" "$good"; status "parse truncated model" 2
  err_has "parse truncated model message" 'trunc.dyadm: model truncated'
  run "parse empty model" "$DYAD" parse --model "$H/empty" "$good"; status "parse empty model" 2
  err_has "parse empty model message" 'empty: not a dyad parser model'
  run "parse random model" "$DYAD" parse --model "$H/random.bin" "$good"; status "parse random model" 2
  run "parse directory model" "$DYAD" parse --model "$H/adir" "$good"; status "parse directory model" 1
  err_has "parse directory model message" 'adir: not a regular file'
  { printf '1\tA\t_\t_\t_\t_\t2\tx\t_\t_\n2\tB\t_\t_\t_\t_\t1\tx\t_\t_\n\n'
    printf '1\tC\t_\t_\t_\t_\t9\tx\t_\t_\n\n1\tC\t_\t_\t_\t_\t-3\tx\t_\t_\n\n'
    printf '1\tSurvivor\t_\t_\t_\t_\t0\troot\t_\t_\n\n'; } >"$H/cycle.conllu"
  run "parse CoNLL-U cycles" "$DYAD" parse --model "$M" --format conllu "$H/cycle.conllu"; status "parse CoNLL-U cycles" 2
  err_has "parse cycle message" 'cycle.conllu:1: .*cycle'; err_has "parse head range message" 'cycle.conllu:4: .*out of range'
  out_has "parse CoNLL-U: the good sentence" 'Survivor'
  { printf 'The army attacked \377 rebels .\nThe \000 army .\n'; bigline b; printf '\n'
    awk 'BEGIN { for (i = 0; i < 200000; i++) printf "w "; printf "\n" }'; printf 'Rebels attacked the town .\n'; } >"$H/text.txt"
  run "parse hostile text" "$DYAD" parse --model "$M" --format text "$H/text.txt"; status "parse hostile text" 2
  err_has "parse invalid UTF-8 message" 'text.txt:1: invalid UTF-8'; err_has "parse NUL message" 'text.txt:2: NUL'
  err_has "parse long line message" 'text.txt:3: line longer than'; err_has "parse 200k tokens message" 'text.txt:4: more than'
  out_has "parse hostile text: the good sentence" '	town	'
  run "parse random bytes" "$DYAD" parse --model "$M" "$H/random.bin"; status "parse random bytes" 2
  run "parse empty" "$DYAD" parse --model "$M" "$H/empty"; status "parse empty" 0
  run "parse directory" "$DYAD" parse --model "$M" "$H/adir"; status "parse directory" 1; err_has "parse directory message" 'adir'
else
  bad "dyad train on tests/fuzz/tiny.conllu failed"
fi
chmod 644 "$H/unreadable.txt"
finish
