#!/usr/bin/env bash
# Pathological but valid text, each through `parallax sentences` and
# `parallax analyze --tokens` within 30 s: 5 MB of "." characters, 5 MB of one
# word, 1M nested brackets, 100,000 lines of "Mr.", 100,000 quote characters,
# and 100,000 short lines above a donation appeal (the boilerplate rules).
# Each must exit 0 without diagnostics and give one complete document.
# Then JSONL: a record of 1M nested brackets beside a good one (one error).
. "$(dirname "$0")/common.bash"
PX_LIMIT=${PX_PATHOLOGICAL_LIMIT:-30}

MB5=5242880
head -c "$MB5" /dev/zero | tr '\0' '.' > dots.txt
head -c "$MB5" /dev/zero | tr '\0' 'a' > word.txt
head -c 1048576 /dev/zero | tr '\0' '(' > brackets.txt
yes 'Mr.' | head -n 100000 > mr.txt
head -c 100000 /dev/zero | tr '\0' '"' > quotes.txt
{
  echo 'Headline of a long list'
  yes 'Short line' | head -n 100000
  echo 'Please donate to support our journalism.'
} > appeal.txt
for f in dots word brackets mr quotes appeal; do
  [ -s "$f.txt" ] || fail "could not generate $f.txt"
done

# sentences_of FILE: the number of sentences printed, after the usual checks.
check_sentences() {
  px "sentences on $1" sentences "$1.txt"
  expect_status 0
  expect_no_stderr
  [ -s out ] || fail "no sentences at all"
}

check_analyze() {
  px "analyze --tokens on $1" analyze --format json --tokens "$1.txt"
  expect_status 0
  expect_no_stderr
  expect_docs 1
  expect_doc "$1"
}

for f in dots word brackets mr quotes appeal; do
  check_sentences "$f"
  case $f in
  word)
    [ "$(wc -l < out)" -eq 1 ] || fail "one word gave $(wc -l < out) sentences"
    [ "$(wc -c < out)" -eq $((MB5 + 1)) ] || fail "the word was not printed whole"
    ;;
  brackets)
    [ "$(wc -l < out)" -eq 1 ] || fail "brackets gave $(wc -l < out) sentences"
    ;;
  mr)
    # "Mr." alone on each line: whatever the abbreviation rules, every "Mr." is printed once.
    [ "$(grep -o 'Mr\.' out | wc -l)" -eq 100000 ] || fail "lost some of the 100,000 \"Mr.\""
    ;;
  esac
  check_analyze "$f"
done

{
  printf '{"id":"fine","text":"A fine record."}\n'
  head -c 1048576 /dev/zero | tr '\0' '['
  printf '\n'
} > deep.jsonl
px "analyze on 1M nested JSON arrays" analyze --format json deep.jsonl
expect_status 1
expect_stderr 'parallax: deep\.jsonl:2: malformed JSON at column [0-9]+: maximum parsing depth reached.*'
expect_docs 1
expect_doc fine
pass
