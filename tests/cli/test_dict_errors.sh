#!/usr/bin/env bash
# test_dict_errors.sh: bad dictionary input. Each hand-written fixture in
# tests/data/dict/bad_* holds one kind of malformed line; strict loading must
# print "file:line: message" and exit 2, --lenient must skip and count it.
# Also: invalid UTF-8, NUL bytes, CRLF, no final newline, empty file, a 1 MB
# line (made here), a missing file, and the lint checks of `dict check`.
. "$(dirname "$0")/lib.sh"
D=tests/data/dict

# bad FILE LINE PATTERN: strict exit 2 + message; lenient exit 0 + 1 skipped
bad_case() {
  local f=$D/$1 line=$2 pat=$3
  "$DYAD" dict stats "$f" >"$TMP/o" 2>"$TMP/e"; local rc=$?
  if [ $rc -eq 2 ]; then ok; else bad "$1: exit $rc, wanted 2"; fi
  expect_grep "$1 message" "^$f:$line: .*$pat" "$TMP/e"
  "$DYAD" dict stats --lenient "$f" >"$TMP/o" 2>"$TMP/e"; rc=$?
  if [ $rc -eq 0 ]; then ok; else bad "$1 --lenient: exit $rc"; fi
  expect_grep "$1 lenient count" '^errors: 1$' "$TMP/o"
  expect_grep "$1 lenient message" "^$f:$line: " "$TMP/e"
}
bad_case bad_header.verbs.txt 3 'block header'
bad_case bad_nostar.verbs.txt 3 "without '\*'"
bad_case bad_nocode.verbs.txt 3 'without a \[CODE\]'
bad_case bad_bracket.verbs.txt 3 "without a closing"
bad_case bad_noblock.verbs.txt 3 'before any --- block'
bad_case bad_compound.verbs.txt 3 "needs one '\+'"
bad_case bad_brace.verbs.txt 3 'unbalanced'
bad_case bad_aftercode.verbs.txt 3 'text after'
bad_case bad_member.verbs.txt 3 'empty synset member'
bad_case bad_transform.verbs.txt 3 "without '='"
bad_case bad_orphan.actors.txt 3 'before any actor'
bad_case bad_bracket.actors.txt 3 "without a closing"
bad_case bad_empty.actors.txt 3 'empty actor code'
bad_case bad_date.actors.txt 3 "bad date '991301'"
bad_case bad_range.actors.txt 3 "date range with '<'"
bad_case bad_digits.actors.txt 3 'bad date'
bad_case bad_empty.agents.txt 3 'empty agent code'
bad_case bad_subst.agents.txt 3 'undefined substitution set !PERSON!'
bad_case bad_brace.agents.txt 3 "'\{' without"
bad_case bad_blank.agents.txt 3 'holds a blank'
bad_case bad_plus.discards.txt 3 'without a phrase'
bad_case bad_bracket.issues.txt 3 'without a closing'
bad_case bad_phrase.issues.txt 3 'without a phrase'
bad_case bad_tag.issues.txt 3 'unknown tag'
bad_case bad_utf8.actors.txt 2 'invalid UTF-8'
bad_case bad_utf8b.actors.txt 3 'invalid UTF-8'
bad_case bad_nul.actors.txt 2 'NUL byte'

# a lenient load keeps the good lines around the bad one
"$DYAD" dict stats --lenient $D/bad_nul.actors.txt >"$TMP/o" 2>/dev/null
expect_grep "NUL: other lines kept" 'actors 2,' "$TMP/o"

# CRLF line ends: same result as LF (the code line's date parsed)
"$DYAD" dict stats $D/crlf.actors.txt >"$TMP/o" 2>"$TMP/e"; rc=$?
if [ $rc -eq 0 ]; then ok; else bad "crlf exit $rc"; fi
expect_grep "crlf counts" 'actors 3, synonyms 1, codes 4, dated codes 1$' "$TMP/o"
"$DYAD" dict lookup "minas tirith" --date 2000-01-01 $D/crlf.actors.txt >"$TMP/o" 2>&1
expect_grep "crlf lookup" '^actor +MINAS TIRITH +GON +tests/data/dict/crlf.actors.txt:1 ' "$TMP/o"

# no final newline: the last line is read (and is the unflushed last record)
"$DYAD" dict stats $D/nofinal.actors.txt >"$TMP/o" 2>&1
expect_grep "no final newline: 3 lines" '3 lines$' "$TMP/o"
expect_grep "no final newline: 3 actors" 'actors 3,' "$TMP/o"
"$DYAD" dict lookup ROHAN $D/nofinal.actors.txt >"$TMP/o" 2>&1
expect_grep "last record flagged" 'ROH' "$TMP/o"

# empty file: loads, all counts zero
"$DYAD" dict stats $D/empty.actors.txt >"$TMP/o" 2>&1; rc=$?
if [ $rc -eq 0 ]; then ok; else bad "empty file exit $rc"; fi
expect_grep "empty file" '0 lines$' "$TMP/o"
expect_grep "empty file counts" 'actors 0, synonyms 0, codes 0, dated codes 0' "$TMP/o"

# valid UTF-8 is fine
expect_status 0 "valid UTF-8" "$DYAD" dict stats $D/utf8ok.actors.txt

# a 1 MB line (made here): malformed (over the 64 KiB line limit)
{ echo "GONDOR [GON]"; head -c 1048576 /dev/zero | tr '\0' 'A'; echo; echo "ARNOR [ARN]"; } > "$TMP/huge.actors.txt"
"$DYAD" dict stats "$TMP/huge.actors.txt" >/dev/null 2>"$TMP/e"; rc=$?
if [ $rc -eq 2 ]; then ok; else bad "1 MB line: exit $rc"; fi
expect_grep "1 MB line message" "huge.actors.txt:2: line longer than 65536 bytes" "$TMP/e"
"$DYAD" dict stats --lenient "$TMP/huge.actors.txt" >"$TMP/o" 2>/dev/null
expect_grep "1 MB line lenient" 'actors 2,' "$TMP/o"

# missing file / missing folder: a clear message, exit 1, no crash
"$DYAD" dict stats $D/no-such.actors.txt >/dev/null 2>"$TMP/e"; rc=$?
if [ $rc -eq 1 ]; then ok; else bad "missing file exit $rc"; fi
expect_grep "missing file message" 'no-such.actors.txt: cannot open: No such file' "$TMP/e"
"$DYAD" dict stats --dicts "$TMP/nowhere" >/dev/null 2>"$TMP/e"; rc=$?
if [ $rc -eq 1 ]; then ok; else bad "missing folder exit $rc"; fi
expect_grep "missing folder hint" 'make dicts' "$TMP/e"
expect_status 1 "a directory is not a file" "$DYAD" dict stats "$D"

# dict check: lint (duplicates, conflicting codes, undefined synsets)
"$DYAD" dict check $D/lint.verbs.txt $D/lint.agents.txt $D/good.actors.txt >"$TMP/o" 2>/dev/null; rc=$?
if [ $rc -eq 1 ]; then ok; else bad "check warnings exit $rc"; fi
expect_grep "undefined synset" "^$D/lint.verbs.txt:4: undefined synset &NOPE" "$TMP/o"
expect_grep "conflicting verb codes" "^$D/lint.verbs.txt:6: verb form MEET # coded \[011\] here but \[040\] at $D/lint.verbs.txt:3" "$TMP/o"
expect_grep "conflicting agent codes" "^$D/lint.agents.txt:3: agent 'POLICE' redefined with code ~GOV" "$TMP/o"
expect_grep "duplicate actor" "^$D/good.actors.txt:10: duplicate actor phrase 'GONDOR'" "$TMP/o"
"$DYAD" dict check $D/bad_nostar.verbs.txt >"$TMP/o" 2>/dev/null; rc=$?
if [ $rc -eq 2 ]; then ok; else bad "check malformed exit $rc"; fi
expect_grep "check lists malformed" "bad_nostar.verbs.txt:3: pattern without" "$TMP/o"
"$DYAD" dict check $D/good.verbs.txt $D/good.agents.txt $D/good.discards.txt $D/good.issues.txt >"$TMP/o" 2>&1; rc=$?
if [ $rc -eq 0 ]; then ok; else bad "check on clean files exit $rc: $(head -3 "$TMP/o")"; fi

# usage errors and --help
expect_status 64 "unknown subcommand" "$DYAD" dict frobnicate
expect_status 64 "lookup without a phrase" "$DYAD" dict lookup
expect_status 64 "bad date" "$DYAD" dict lookup GONDOR --date 2015-13-01 $D/good.actors.txt
for s in stats lookup check compile; do expect "dict $s --help" "$DYAD" dict $s --help; done
finish
