#!/usr/bin/env bash
# test_repairs.sh: the developer switches of the tree repairs (src/penn.h):
# `dyad parse --list-repairs`, `--repaired [--given]`, `--repairs-off LIST`,
# DYAD_REPAIRS_OFF, and `dyad validate --repairs-off`; each pass of the table
# is documented in docs/penn-to-ud.md. The passes themselves: tests/unit/test_repairs.c.
. tests/cli/lib.sh
MODEL=${DYAD_MODEL:-models/en_ewt.dyadm}

# the table: name, rule, example, tab-separated; names unique and documented
"$DYAD" parse --list-repairs >"$TMP/list" 2>"$TMP/err" && ok || bad "parse --list-repairs"
[ -s "$TMP/list" ] && ok || bad "--list-repairs printed nothing"
awk -F'\t' 'NF != 3 || $1 == "" || $2 == "" || $3 == "" {bad=1} END {exit bad}' "$TMP/list" && ok || bad "--list-repairs: not name<TAB>rule<TAB>example"
[ "$(cut -f1 "$TMP/list" | sort | uniq -d | wc -l)" -eq 0 ] && ok || bad "--list-repairs: a name twice"
while IFS=$'\t' read -r name rule example; do
  grep -qF "| \`$name\` |" docs/penn-to-ud.md && ok || bad "pass $name is not in docs/penn-to-ud.md's table"
done <"$TMP/list"

# unknown names are usage errors, wherever they come from
expect_status 64 "--repairs-off unknown" "$DYAD" parse --repairs-off no_such_pass --given /dev/null
expect_status 64 "DYAD_REPAIRS_OFF unknown" env DYAD_REPAIRS_OFF=of_object,no_such_pass "$DYAD" parse --list-repairs
expect_status 64 "validate --repairs-off unknown" "$DYAD" validate x.xml --repairs-off no_such_pass
expect_status 64 "--given without --repaired" "$DYAD" parse --given /dev/null
"$DYAD" parse --repairs-off no_such_pass --given /dev/null 2>"$TMP/err"
expect_grep "the unknown name is named" "no tree repair named 'no_such_pass'" "$TMP/err"

# --repaired --given: a hand-written slip ("Army/obj" led by "of") repaired or not
printf '1\tRohan\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tmet\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tleaders\t_\tNOUN\tNNS\t_\t2\tobj\t_\t_\n4\tof\t_\tADP\tIN\t_\t6\tcase\t_\t_\n5\tGondor\t_\tPROPN\tNNP\t_\t6\tcompound\t_\t_\n6\tArmy\t_\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\n' >"$TMP/slip.conllu"
"$DYAD" parse --repaired --given "$TMP/slip.conllu" >"$TMP/on" 2>"$TMP/err" && ok || bad "--repaired --given"
expect_grep "of_object on: Army is the nmod of leaders" $'^6\tArmy\t.*\t3\tnmod\t' "$TMP/on"
"$DYAD" parse --repairs-off of_object --given "$TMP/slip.conllu" >"$TMP/off" 2>"$TMP/err" && ok || bad "--repairs-off --given"
expect_grep "of_object off: Army stays the object" $'^6\tArmy\t.*\t2\tobj\t' "$TMP/off"
DYAD_REPAIRS_OFF=uncross_pp,of_object "$DYAD" parse --repaired --given "$TMP/slip.conllu" >"$TMP/env" 2>"$TMP/err" && ok || bad "DYAD_REPAIRS_OFF"
cmp -s "$TMP/off" "$TMP/env" && ok || bad "DYAD_REPAIRS_OFF does not switch of_object off"
"$DYAD" parse --repairs-off all --given "$TMP/slip.conllu" | cmp -s - "$TMP/slip.conllu" && ok || bad "--repairs-off all: the tree as given"

# the suite from <Text>: the repairs are worth records
if have_shared && [ -f "$MODEL" ]; then
  X=$SHARED/data/petrarch/PETR.UnitTest.records.xml
  on=$("$DYAD" validate "$X" --parse own --model "$MODEL" --quiet | sed -n 's/^\([0-9]*\) passed.*/\1/p')
  off=$("$DYAD" validate "$X" --parse own --model "$MODEL" --quiet --repairs-off all | sed -n 's/^\([0-9]*\) passed.*/\1/p')
  [ -n "$on" ] && [ -n "$off" ] && [ "$off" -lt "$on" ] && ok || bad "validate --repairs-off all: $off passed, not fewer than $on"
else
  skip "validate --repairs-off: needs $SHARED/data/petrarch and $MODEL"
fi
finish
