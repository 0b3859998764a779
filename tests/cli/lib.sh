# tests/cli/lib.sh: sourced by CLI test scripts. ok/bad count checks; finish
# prints "NAME: N passed, N failed, N skipped" and sets the exit status.
T_PASS=0 T_FAIL=0 T_SKIP=0
DYAD=${DYAD:-build/dyad}
SHARED=${SHARED:-../shared}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
ok()   { T_PASS=$((T_PASS + 1)); }
bad()  { T_FAIL=$((T_FAIL + 1)); echo "FAIL: $*" >&2; }
skip() { T_SKIP=$((T_SKIP + 1)); echo "SKIP: $*" >&2; }
# expect DESC CMD...: the command must succeed
expect() { local d=$1; shift; if "$@" >/dev/null 2>&1; then ok; else bad "$d"; fi; }
# expect_status N DESC CMD...: the command must exit with status N
expect_status() { local n=$1 d=$2; shift 2; "$@" >/dev/null 2>&1; local rc=$?
  if [ "$rc" -eq "$n" ]; then ok; else bad "$d (exit $rc, wanted $n)"; fi; }
# expect_grep DESC PATTERN FILE
expect_grep() { if grep -qE -- "$2" "$3"; then ok; else bad "$1: /$2/ not in $3"; sed 's/^/    /' "$3" | head -20 >&2; fi; }
have_shared() { [ -d "$SHARED/data/petrarch" ]; }
finish() { echo "$(basename "$0"): $T_PASS passed, $T_FAIL failed, $T_SKIP skipped"; [ "$T_FAIL" -eq 0 ]; }
