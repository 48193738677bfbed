# common.bash - helpers for the robustness tests (tests/robust/*.sh), sourced by each.
# Not a test itself: ctest picks up *.sh only.
#
# A test runs `parallax analyze GOOD BAD` (or `sentences BAD`) in a temporary
# directory and checks: the exit status, that nothing crashed or hung, the
# exact lines on standard error, and that the good document is in the output.
# Only bash, coreutils, grep, awk and sed: CI runs on a bare Debian.

set -u

PX=${1:?usage: $0 PATH/TO/parallax}
case $PX in /*) ;; *) PX=$PWD/$PX ;; esac
[ -x "$PX" ] || { echo "FAIL: $PX is not an executable" >&2; exit 1; }

# Seconds any one run may take (generous: the suite also runs under ASan).
PX_LIMIT=${PX_LIMIT:-60}

T=$(mktemp -d "${TMPDIR:-/tmp}/px-robust.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
export LC_ALL=C

TEST_NAME=$(basename "$0" .sh)
RC=0
STEP=""

fail() {
  echo "FAIL [$TEST_NAME${STEP:+: $STEP}]: $*" >&2
  if [ -f "$T/err" ]; then
    echo "--- stderr of the last run:" >&2
    head -c 2000 "$T/err" >&2
  fi
  exit 1
}

# A good plain-text article beside every bad input: id "good".
printf 'Good headline\n\nThe good article has a body. It has two sentences.\n' > good.txt

# px STEP ARGS...: runs parallax with a time limit; stdout in $T/out, stderr in $T/err, status in $RC.
px() {
  STEP=$1
  shift
  timeout -k 5 "$PX_LIMIT" "$PX" "$@" > "$T/out" 2> "$T/err"
  RC=$?
  [ "$RC" -ne 124 ] && [ "$RC" -ne 137 ] || fail "timed out after ${PX_LIMIT}s: parallax $*"
  [ "$RC" -lt 128 ] || fail "crashed with status $RC (signal $((RC - 128))): parallax $*"
  if grep -q -e 'AddressSanitizer' -e 'runtime error:' -e 'LeakSanitizer' "$T/err"; then
    fail "sanitizer report: parallax $*"
  fi
  return 0
}

expect_status() {
  [ "$RC" -eq "$1" ] || fail "exit status $RC, expected $1"
}

# expect_stderr LINE-REGEX...: stderr has exactly these lines, in this order (extended regexes, whole line).
expect_stderr() {
  local n
  n=$(wc -l < "$T/err")
  [ "$n" -eq $# ] || fail "$n lines on stderr, expected $#"
  local i=1 line
  for re in "$@"; do
    line=$(sed -n "${i}p" "$T/err")
    printf '%s\n' "$line" | grep -Eq -- "^($re)\$" || fail "stderr line $i is \"$line\", expected /$re/"
    i=$((i + 1))
  done
}

expect_no_stderr() {
  [ ! -s "$T/err" ] || fail "unexpected output on stderr"
}

# expect_doc ID: the JSON output holds a document with this id.
expect_doc() {
  grep -Fq "{\"id\":\"$1\"," "$T/out" || fail "document \"$1\" missing from the JSON output"
}

# expect_no_doc ID
expect_no_doc() {
  ! grep -Fq "{\"id\":\"$1\"," "$T/out" || fail "document \"$1\" should not be in the output"
}

# expect_docs N: the JSON output is complete and holds N documents.
expect_docs() {
  grep -q '^{"schema":"parallax/1",' "$T/out" || fail "output does not start as parallax/1 JSON"
  # the output ends with the story object, then the top-level object's brace
  grep -q '"story":{"entities":' "$T/out" || fail "JSON output has no story"
  [ "$(tail -c 3 "$T/out")" = "}}" ] || fail "JSON output is truncated"
  local n
  n=$(grep -o '"format":"[a-z]*",' "$T/out" | wc -l)
  [ "$n" -eq "$1" ] || fail "$n documents in the output, expected $1"
}

# analyze_beside BAD-STEP BAD-FILE: the usual run of the good file beside a bad one.
analyze_beside() {
  px "$1" analyze --format json good.txt "$2"
}

pass() {
  echo "PASS [$TEST_NAME]"
  exit 0
}
