#!/usr/bin/env bash
# test_dict_stats.sh: golden statistics for every dictionary file in
# ../shared/data/petrarch. Each count is checked twice: against the golden
# figure written here, and against an independent count made at test time by
# the awk programs below (which read the raw file, not our loader). The awk
# method for each count is written next to it.
. "$(dirname "$0")/lib.sh"
P=$SHARED/data/petrarch
if ! have_shared; then skip "no $P (../shared absent)"; finish; exit; fi

# stat FILE KEY [--lenient]: the number after KEY in `dyad dict stats FILE`
stat() { "$DYAD" dict stats ${3:-} "$1" 2>/dev/null | tr ',' '\n' | sed -nE "s/^ *$2 ([0-9]+)\$/\1/p" | head -1; }
# check DESC GOT GOLDEN INDEPENDENT
check() { if [ "$2" = "$3" ] && [ "$2" = "$4" ]; then ok; else bad "$1: dyad=$2 golden=$3 awk=$4"; fi; }
crlf() { tr -d '\r' < "$1"; }   # PETR.Validate.verbs.2.0.txt has CRLF ends

# --- verb files, CAMEO 2.0 format --------------------------------------------
# blocks: lines starting "---"; patterns: lines starting "-" but not "---";
# synsets: lines starting "&"; members: lines starting "+" before the
# "####### VERB PATTERNS" marker; transforms: lines starting "~";
# verbs: after the marker, lines not blank/#/-/&/~ whose text before the first
# " #" (or "]#") is not blank; forms: per verb line, with the [CODE] and the
# comment removed: with {...}: the number of words (braces removed);
# otherwise 1 word gives 4 (stem + 3 regular forms), n words give n.
awk_cameo2() { crlf "$1" | awk '
  /^####### VERB PATTERNS/ { m = 1; next }
  /^---/ { blocks++; next }
  /^-/ { pats++; next }
  /^&/ { syn++; next }
  /^~/ { tr++; next }
  /^\+/ && !m { mem++; next }
  /^[ \t]*$/ || /^#/ { next }
  m { s = $0; gsub(/\]#/, "] #", s); sub(/(^|[ \t])#.*/, "", s); gsub(/\[[^]]*\]/, "", s)
      if (s ~ /^[ \t]*$/) next; verbs++
      br = (s ~ /[{}]/); gsub(/[{}]/, " ", s); n = split(s, w, /[ \t]+/); k = 0
      for (i = 1; i <= n; i++) if (w[i] != "") k++
      forms += (br ? k : (k == 1 ? 4 : k)) }
  END { printf "%d %d %d %d %d %d %d\n", blocks, verbs, forms, pats, syn, mem, tr }'; }

# --- verb files, legacy format -----------------------------------------------
# Same counts; synset members are "+" lines that follow an "&" line (blank and
# comment lines in between allowed), every other "+" line is a verb; "<!"
# lines are comments; forms as above.
awk_legacy() { crlf "$1" | awk '
  /^<!/ { next }
  /^[ \t]*$/ || /^#/ { next }
  /^&/ { syn++; ins = 1; next }
  /^\+/ && ins { mem++; next }
  { ins = 0 }
  /^---/ { blocks++; next }
  /^-/ { pats++; next }
  /^~/ { tr++; next }
  { s = $0; gsub(/\]#/, "] #", s); sub(/(^|[ \t])#.*/, "", s); gsub(/\[[^]]*\]/, "", s)
    if (s ~ /^[ \t]*$/) next; verbs++
    br = (s ~ /[{}]/); gsub(/[{}]/, " ", s); n = split(s, w, /[ \t]+/); k = 0
    for (i = 1; i <= n; i++) if (w[i] != "") k++
    forms += (br ? k : (k == 1 ? 4 : k)) }
  END { printf "%d %d %d %d %d %d %d\n", blocks, verbs, forms, pats, syn, mem, tr }'; }

verbs_case() { # FILE AWKFN GOLDEN(blocks verbs forms patterns synsets members transforms) [--lenient]
  local f=$P/$1 fn=$2 gold=$3 len=${4:-}
  [ -f "$f" ] || { skip "$f missing"; return; }
  read -r a_b a_v a_f a_p a_s a_m a_t <<<"$($fn "$f")"
  read -r g_b g_v g_f g_p g_s g_m g_t <<<"$gold"
  check "$1 blocks" "$(stat "$f" blocks $len)" "$g_b" "$a_b"
  check "$1 verbs" "$(stat "$f" verbs $len)" "$g_v" "$a_v"
  check "$1 patterns" "$(stat "$f" patterns $len)" "$g_p" "$a_p"
  check "$1 synsets" "$(stat "$f" synsets $len)" "$g_s" "$a_s"
  check "$1 members" "$(stat "$f" members $len)" "$g_m" "$a_m"
  check "$1 transforms" "$(stat "$f" transforms $len)" "$g_t" "$a_t"
  # forms: awk counts every listed word; the loader also skips the malformed
  # ones, so the two agree only on files without malformed verb lines
  if [ -z "$len" ]; then check "$1 forms" "$(stat "$f" forms)" "$g_f" "$a_f"
  else local got; got=$(stat "$f" forms $len)
       if [ "$got" = "$g_f" ]; then ok; else bad "$1 forms: dyad=$got golden=$g_f"; fi; fi
}
verbs_case CAMEO.2.0.txt awk_cameo2 "397 1817 7285 4668 40 558 8"
verbs_case PETR.Validate.verbs.2.0.txt awk_cameo2 "69 126 503 452 31 266 0"
verbs_case PETR.Validate.verbs.txt awk_legacy "261 269 1067 474 17 56 0"
# CAMEO.verbpatterns.150430.txt has 7 malformed lines (2 patterns without a
# [CODE], 1 without '*', 2 with two '*', a verb with text after its code and a
# form 'BLOWING_UP+'): strict loading fails, --lenient skips and counts them.
# awk counts the 5 bad pattern lines and the bad verb line as entries, hence
# the -5 / -1 below (verbs: the BLOWING_UP+ line is skipped too, -2).
f=$P/CAMEO.verbpatterns.150430.txt
if [ -f "$f" ]; then
  read -r a_b a_v a_f a_p a_s a_m a_t <<<"$(awk_legacy "$f")"
  check "150430 blocks" "$(stat "$f" blocks --lenient)" 396 "$a_b"
  check "150430 verbs" "$(stat "$f" verbs --lenient)" 1858 "$((a_v - 2))"
  check "150430 patterns" "$(stat "$f" patterns --lenient)" 11006 "$((a_p - 5))"
  check "150430 synsets" "$(stat "$f" synsets --lenient)" 38 "$a_s"
  check "150430 members" "$(stat "$f" members --lenient)" 544 "$a_m"
  check "150430 skipped" "$("$DYAD" dict stats --lenient "$f" 2>/dev/null | sed -nE 's/^errors: ([0-9]+)$/\1/p')" 7 \
    "$("$DYAD" dict stats --lenient "$f" 2>&1 >/dev/null | grep -c 'CAMEO.verbpatterns.150430.txt:[0-9]*: ')"
  expect_status 2 "150430 strict load fails" "$DYAD" dict stats "$f"
  "$DYAD" dict stats "$f" 2>"$TMP/e" >/dev/null
  expect_grep "150430 first error" 'CAMEO.verbpatterns.150430.txt:2568: ' "$TMP/e"
fi

# --- actor files -------------------------------------------------------------
# awk: drop "#..." comments and blank/"<!" lines (formats.md §1.2); lines
# starting "+" are synonyms; others starting "[" are code lines; the rest are
# actor records. codes: the number of "[" groups on record and code lines;
# dated: groups holding a blank-separated second field ([CODE dates]).
awk_actors() { crlf "$1" | awk '
  /^[ \t]*<!/ { next }
  { s = $0; sub(/#.*/, "", s); gsub(/^[ \t]+|[ \t]+$/, "", s) }
  s == "" { next }
  s ~ /^\+/ { syn++; next }
  s !~ /^\[/ { act++ }
  { t = s; while (match(t, /\[[^]]*\]/)) { g = substr(t, RSTART + 1, RLENGTH - 2); codes++
      if (g ~ /^[ \t]*[^ \t]+[ \t]+[^ \t]/) dated++; t = substr(t, RSTART + RLENGTH) } }
  END { printf "%d %d %d %d\n", act, syn, codes, dated }'; }
actors_case() { # FILE GOLDEN(actors synonyms codes dated)
  local f=$P/$1
  [ -f "$f" ] || { skip "$f missing"; return; }
  read -r a1 a2 a3 a4 <<<"$(awk_actors "$f")"; read -r g1 g2 g3 g4 <<<"$2"
  check "$1 actors" "$(stat "$f" actors)" "$g1" "$a1"
  check "$1 synonyms" "$(stat "$f" synonyms)" "$g2" "$a2"
  check "$1 codes" "$(stat "$f" codes)" "$g3" "$a3"
  check "$1 dated" "$(stat "$f" 'dated codes')" "$g4" "$a4"
}
actors_case Phoenix.Countries.actors.txt "18390 7527 28389 26110"
actors_case Phoenix.International.actors.txt "7841 66 7896 452"
actors_case Phoenix.MilNonState.actors.txt "1021 772 1021 1"
actors_case PETR.Validate.actors.txt "128 33 138 13"
actors_case variants/UniversalPetrarch/PETR.Validate.actors.txt "130 33 140 13"

# --- agents ------------------------------------------------------------------
# awk: comment-stripped lines; "!X! = a, b" lines are substitution sets (their
# item counts remembered); other lines with "[" are agents. Phrases stored:
# a !X! line gives one per item; "{}" gives 1; "{P}" gives 2; otherwise 2
# (the phrase and its generated plural).
awk_agents() { crlf "$1" | awk '
  /^[ \t]*<!/ { next }
  { s = $0; sub(/#.*/, "", s); gsub(/^[ \t]+|[ \t]+$/, "", s) }
  s == "" { next }
  s ~ /!/ && s ~ /=/ { sets++; split(s, a, "!"); items[a[2]] = split(substr(s, index(s, "=") + 1), x, ","); next }
  s !~ /\[/ { next }
  { ag++; p = substr(s, 1, index(s, "[") - 1)
    if (p ~ /!/) { split(p, a, "!"); ph += items[a[2]] }
    else if (p ~ /\{[ \t]*\}/) ph += 1
    else ph += 2 }
  END { printf "%d %d %d\n", ag, ph, sets }'; }
agents_case() {
  local f=$P/$1
  [ -f "$f" ] || { skip "$f missing"; return; }
  read -r a1 a2 a3 <<<"$(awk_agents "$f")"; read -r g1 g2 g3 <<<"$2"
  check "$1 agents" "$(stat "$f" agents)" "$g1" "$a1"
  check "$1 agent phrases" "$(stat "$f" 'agent phrases')" "$g2" "$a2"
  check "$1 substitution sets" "$(stat "$f" 'substitution sets')" "$g3" "$a3"
}
agents_case Phoenix.agents.txt "2244 5154 2"
agents_case PETR.Validate.agents.txt "88 165 2"

# --- discards and issues -----------------------------------------------------
# discards: comment-stripped non-blank lines. issues: such lines holding "["
# (phrase [CODE]); ignore phrases: such lines starting "~".
awk_clean() { crlf "$1" | awk '/^[ \t]*<!/ { next } { s = $0; sub(/#.*/, "", s); gsub(/^[ \t]+|[ \t]+$/, "", s) } s != "" { print s }'; }
for fg in "Phoenix.discards.txt 506" "PETR.Validate.discards.txt 9"; do
  set -- $fg; f=$P/$1
  [ -f "$f" ] || { skip "$f missing"; continue; }
  check "$1 discards" "$(stat "$f" discards)" "$2" "$(awk_clean "$f" | wc -l | tr -d ' ')"
done
f=$P/Phoenix.IssueCoding.txt
if [ -f "$f" ]; then
  check "issues" "$(stat "$f" issues)" 2976 "$(awk_clean "$f" | grep -v '^~' | grep -c '\[')"
  check "issue ignores" "$(stat "$f" 'ignore phrases')" 181 "$(awk_clean "$f" | grep -c '^~')"
fi

# --- physical line counts (wc -l, +1 when the last line has no newline) -----
for f in "$P"/*.txt; do
  case $f in *Ontology*) continue ;; esac
  n=$(wc -l < "$f"); [ -n "$(tail -c 1 "$f")" ] && n=$((n + 1))
  got=$("$DYAD" dict stats --lenient "$f" 2>/dev/null | sed -nE 's/.*, ([0-9]+) lines$/\1/p')
  if [ "$got" = "$n" ]; then ok; else bad "$(basename "$f") lines: dyad=$got wc=$n"; fi
done

# --- the production set: exit 0, no errors (acceptance) ---------------------
"$DYAD" dict stats --dicts "$P" >"$TMP/out" 2>"$TMP/err"; rc=$?
if [ $rc -eq 0 ]; then ok; else bad "dict stats --dicts exit $rc"; fi
expect_grep "no errors reported" '^errors: 0$' "$TMP/out"
if [ ! -s "$TMP/err" ]; then ok; else bad "stderr not empty: $(head -3 "$TMP/err")"; fi
finish
