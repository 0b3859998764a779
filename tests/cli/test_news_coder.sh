#!/usr/bin/env bash
# test_news_coder.sh: the news coder (src/code_news.c, docs/coder.md "The news
# coder") on sentences we wrote, one per error class of real news: passive
# voice, actor composition, places, adjuncts, reporting verbs, complement
# clauses, hyphenated names, non-political verbs, negation, conditionals,
# coordination, and each switchable rule. Needs the production dictionaries
# (../shared/data/petrarch) and the parser model: skipped without.
. tests/cli/lib.sh
model=${DYAD_MODEL:-models/en_ewt.dyadm}
dicts=$SHARED/data/petrarch
if ! have_shared || [ ! -f "$model" ]; then skip "needs ../shared dictionaries and $model"; finish; exit; fi

# code each line of $1 as its own article s1, s2, ...; events as "sN source target code"
code_lines() {
  local n=0
  while IFS= read -r line; do
    n=$((n + 1))
    printf 'date 2020-06-01\n%s\n\f\n' "$line"
  done > "$TMP/in.txt"
  "$DYAD" code --format tsv --dicts "$dicts" --model "$model" --quiet "$TMP/in.txt" 2> "$TMP/err" |
    awk -F'\t' '{ split($6, s, "_"); sub(/^in.txt:/, "s", s[1]); print s[1], $2, $3, $4 }' | sort
}
# expect_sentence DESC SENTENCE EXPECTED-EVENTS ("" for none; lines "source target code")
expect_sentence() {
  local got; got=$(printf '%s\n' "$2" | code_lines | sed 's/^s1 //')
  local want; want=$(printf '%s' "$3" | sort)
  if [ "$got" = "$want" ]; then ok; else
    bad "$1"; echo "    sentence: $2" >&2; echo "    got:  $(echo $got)" >&2; echo "    want: $(echo $want)" >&2
  fi
}

# 1. Passive voice: no agent, no event; the by-agent is the source.
expect_sentence "passive without agent: no source" "The Australian government was accused of hypocrisy today." ""
expect_sentence "passive with agent" "Thailand was accused by Cambodia of violating the border." "KHM THA 112"
# 2. Actor codes: country plus the head's role, never glued from every word.
expect_sentence "nationality + head role" "Chinese President Xi Jinping praised Pakistan." "CHNGOV PAK 051"
expect_sentence "government acting on its people gives them its country" \
  "The Indian government arrested protesters." "INDGOV INDOPP 175
INDOPP INDGOV 140"
out=$(printf '%s\n' "Pakistan's Deputy Information Minister Tariq Khan criticized India." | code_lines)
echo "$out" | awk '{ if (length($2) > 6) exit 1 }' && ok || bad "one role per actor, not every agent word glued ($out)"
# 3. Places are not actors.
expect_sentence "the streets of a city are no target" "Soldiers staged exercises on the streets of Suva." ""
expect_sentence "locations across a country are no target" "People rallied in 300 locations across Australia." ""
# 4. Adjuncts: a prepositional phrase is no target unless the action's kind or a pattern names it.
out=$(printf '%s\n' "President Moreno and opposition leader Castillo signed the accord before foreign envoys." | code_lines)
! echo "$out" | grep -q . && ok || bad "envoys before whom an accord is signed are no target ($out)"
# 5. Reporting verbs: the medium is never a participant; the content is coded by its own verb.
expect_sentence "reported speech: its own actors" "The BBC reported that a fisherman was killed by police." "---COP ---AGR 190"
expect_sentence "told reporters: no target" "The police chief told reporters that the militants attacked the convoy." ""
# 6. Complement clauses: the main verb's event.
expect_sentence "a denial is not the denied act" "Iran denied attacking Israel." ""
expect_sentence "urge X to do Z: an appeal to X" "The United States urged Georgia to release the detainees." "USA GEO 020"
# 7. Hyphenated names.
expect_sentence "Al-Qaeda is one name" "Al-Qaeda attacked Kenya." "IMGMUSALQ KEN 190"
# 8./9. Ordinary verbs between non-actors, nouns that are no verbs.
expect_sentence "children attending school is no event" "My children attended school." ""
expect_sentence "a takeover bid is no event between countries" "Britain accepted a takeover bid by a German company." ""
# Negation and conditionals.
expect_sentence "negated" "Russia did not attack Ukraine." ""
expect_sentence "conditional" "If Russia attacks Ukraine, NATO will respond." ""
expect_sentence "questions report nothing" "Did Russia attack Ukraine?" ""
# Coordination and symmetric actions.
expect_sentence "conjoined modifiers share the head" "Japanese and South Korean officials condemned China." "JPNGOV CHN 111
KORGOV CHN 111"
expect_sentence "meetings both ways" "The French president met the German chancellor." "DEUGOV FRAGOV 040
FRAGOV DEUGOV 040"
expect_sentence "accuse X of Y" "Kenya accused Somalia of sheltering militants." "KEN SOM 112"
expect_sentence "a pronoun stands for the subject before it" \
  "President Bush held a press conference where he praised Japan." "USAELI JPN 051"
# Patterns: a word in a PP the pattern does not name picks no pattern.
expect_sentence "criticism over a detention stays criticism" \
  "Germany criticized Russia over the detention of a journalist." "DEU RUS 111"
expect_sentence "an institution known under one country takes its modifier's" \
  "The Brazilian Senate criticized Argentina." "BRAGOVLEG ARG 111"
expect_sentence "an object pronoun is not its clause's own subject" "Prosecutors accuse him of fraud." ""
expect_sentence "'it' as a subject stands for the country named before" \
  "Romania announced that it will send troops to Afghanistan." "ROU AFG 062"
expect_sentence "'it' as an object is a thing, not the actor before" \
  "The government criticized the attack, calling it a despicable act." ""
expect_sentence "a clause parsed as a noun phrase (compound subject)" "Georgian police arrested 40 protesters." "GEOCOP GEOOPP 175
GEOOPP GEOCOP 140"
expect_sentence "failing to do is not doing" "Russia failed to invade Ukraine." ""
expect_sentence "prevented from doing is not doing" "The constitution prevents the army from overthrowing the government." ""
expect_sentence "British spelling" "Britain criticised Russia." "GBR RUS 111"
# Event nouns (data/nominal-events.tsv) with light verbs.
expect_sentence "a complaint lodged against X" "Russia lodged a complaint against Ukraine." "RUS UKR 114"
expect_sentence "a crackdown on X" "The Chinese government began a crackdown on Uighur activists." "CHNGOV ---OPP 170"
# The developer switch DYAD_NEWS_OFF turns named rules off (src/code_news.h).
out=$(printf '%s\n' "The Indian government arrested protesters." | DYAD_NEWS_OFF=inherit code_lines | sed 's/^s1 //' | sort | tr '\n' ' ')
[ "$out" = "---OPP INDGOV 140 INDGOV ---OPP 175 " ] && ok || bad "DYAD_NEWS_OFF=inherit: protesters keep no country ($out)"
expect_status 64 "DYAD_NEWS_OFF with an unknown rule is a usage error" env DYAD_NEWS_OFF=inherit,bogus "$DYAD" code --help
# Names seen earlier in the article: "Qarase" after "Fijian Prime Minister Laisenia Qarase".
printf 'date 2006-12-01\nFijian Prime Minister Laisenia Qarase criticized the army.\nLater, Qarase met the Australian ambassador.\n' > "$TMP/names.txt"
"$DYAD" code --format tsv --dicts "$dicts" --model "$model" --quiet "$TMP/names.txt" 2>/dev/null | cut -f2-4 | sort > "$TMP/names.out"
grep -q $'^FJIGOV\tAUSGOV\t04' "$TMP/names.out" && ok || bad "a surname seen with its title keeps its code ($(tr '\n' ' ' < "$TMP/names.out"))"
{ cat "$TMP/names.txt"; printf '\f\ndate 2006-12-02\nLater, Qarase met the Australian ambassador.\n'; } > "$TMP/names2.txt"
"$DYAD" code --format tsv --dicts "$dicts" --model "$model" --quiet "$TMP/names2.txt" 2>/dev/null > "$TMP/names2.out"
grep -q $'\tFJIGOV\tAUSGOV\t04' "$TMP/names2.out" && ! grep -q $'^20061202\tFJI' "$TMP/names2.out" && ok ||
  bad "names are remembered within an article, forgotten between articles"
finish
