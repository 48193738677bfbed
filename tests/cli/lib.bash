# lib.bash - helpers for the CLI tests (tests/cli/*.sh), sourced by each.
# Not a test itself: ctest registers *.sh only. Only bash, coreutils, grep, sed
# and awk: CI runs on a bare Debian without python or jq.
#
# Each test gets the binary's path as $1 (and PX_SOURCE_DIR in the
# environment), works in a fresh temporary directory and stops at the first
# failed check with a message naming it.

set -u

PX=${1:?usage: $0 PATH/TO/parallax}
case $PX in /*) ;; *) PX=$PWD/$PX ;; esac
[ -x "$PX" ] || { echo "FAIL: $PX is not an executable" >&2; exit 1; }
PX_DIR=$(dirname "$PX")

T=$(mktemp -d "${TMPDIR:-/tmp}/px-cli.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
export LC_ALL=C

TEST_NAME=$(basename "$0" .sh)
RC=0
STEP=""

fail() {
  echo "FAIL [$TEST_NAME${STEP:+: $STEP}]: $*" >&2
  for f in out err; do
    if [ -s "$T/$f" ]; then
      echo "--- std$f of the last run:" >&2
      head -c 2000 "$T/$f" >&2
      echo >&2
    fi
  done
  exit 1
}

# run STEP ARGS...: runs parallax (stdin from /dev/null); stdout in out, stderr in err, status in RC.
run() {
  STEP=$1
  shift
  timeout -k 5 60 "$PX" "$@" < /dev/null > "$T/out" 2> "$T/err"
  RC=$?
  check_run "$@"
}

# run_in STEP INPUT ARGS...: the same with INPUT (a string) on standard input.
run_in() {
  STEP=$1
  local input=$2
  shift 2
  printf '%s' "$input" | timeout -k 5 60 "$PX" "$@" > "$T/out" 2> "$T/err"
  RC=$?
  check_run "$@"
}

check_run() {
  [ "$RC" -ne 124 ] && [ "$RC" -ne 137 ] || fail "timed out: parallax $*"
  [ "$RC" -lt 128 ] || fail "crashed with status $RC: parallax $*"
  if grep -q -e 'AddressSanitizer' -e 'runtime error:' -e 'LeakSanitizer' "$T/err"; then
    fail "sanitizer report: parallax $*"
  fi
  return 0
}

expect_status() { [ "$RC" -eq "$1" ] || fail "exit status $RC, expected $1"; }
expect_out_empty() { [ ! -s "$T/out" ] || fail "standard output should be empty"; }
expect_err_empty() { [ ! -s "$T/err" ] || fail "standard error should be empty"; }

# expect_out REGEX / expect_err REGEX: some line matches (extended regex).
expect_out() { grep -Eq -e "$1" "$T/out" || fail "no line of standard output matches /$1/"; }
expect_err() { grep -Eq -e "$1" "$T/err" || fail "no line of standard error matches /$1/"; }
expect_no_out() { ! grep -Eq -e "$1" "$T/out" || fail "standard output should not match /$1/"; }
# expect_fixed FILE STRING: FILE contains STRING (no regex).
expect_fixed() { grep -Fq -e "$2" "$1" || fail "$1 does not contain: $2"; }

# A usage error: status 2, nothing on stdout, on stderr exactly one
# "parallax: ..." line matching REGEX and the hint.
expect_usage_error() {
  expect_status 2
  expect_out_empty
  [ "$(wc -l < "$T/err")" -eq 2 ] || fail "stderr should be 2 lines (message, hint)"
  sed -n 1p "$T/err" | grep -Eq -e "^parallax: .*$1" || fail "first stderr line does not match /^parallax: .*$1/"
  sed -n 2p "$T/err" | grep -Fxq "Try 'parallax --help' for more information." || fail "second stderr line is not the hint"
}

# json_values KEY: the values of "KEY":"..." (or null) in compact JSON on stdout, one a line.
json_values() {
  grep -Eo "\"$1\":(\"([^\"\\\\]|\\\\.)*\"|null)" "$T/out" | sed "s/^\"$1\"://"
}

# expect_values KEY V1 V2...: exactly these values of KEY, in this order (strings with their quotes).
expect_values() {
  local key=$1
  shift
  local got want
  got=$(json_values "$key")
  want=$(printf '%s\n' "$@")
  [ "$got" = "$want" ] || fail "values of \"$key\": got [$(echo $got)], want [$(echo $want)]"
}

# Inputs used by several tests (invented texts).
article() { # article FILE HEADLINE: a short plain-text article
  printf '%s\n\nThe harbour board met on Monday. It approved the budget.\n\nShare on Facebook Twitter Email\n' "$2" > "$1"
}
