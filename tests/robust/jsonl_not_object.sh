#!/usr/bin/env bash
# JSONL lines that are JSON but not objects (an array, a string, a number,
# null), and a line of plain text, each beside a good record and a good file:
# one error naming FILE:LINE, exit 1, the good documents in the output.
. "$(dirname "$0")/common.bash"

for line in '[1, 2, 3]' '"just a string"' '42' 'null' 'true'; do
  printf '{"id":"fine","text":"A fine record."}\n%s\n' "$line" > feed.jsonl
  analyze_beside "line $line" feed.jsonl
  expect_status 1
  expect_stderr 'parallax: feed\.jsonl:2: record is not a JSON object'
  expect_docs 2
  expect_doc good
  expect_doc fine
done

printf '{"id":"fine","text":"A fine record."}\nThis line is plain text, not JSON.\n' > text.jsonl
analyze_beside "plain text line" text.jsonl
expect_status 1
expect_stderr 'parallax: text\.jsonl:2: malformed JSON at column [0-9]+: .+'
expect_docs 2
expect_doc fine

# Two bad lines in one file: one line each, the good record between them kept.
printf '[1]\n{"id":"fine","text":"A fine record."}\n"x"\n' > two.jsonl
analyze_beside "two bad lines" two.jsonl
expect_status 1
expect_stderr 'parallax: two\.jsonl:1: record is not a JSON object' \
  'parallax: two\.jsonl:3: record is not a JSON object'
expect_docs 2
expect_doc fine

# Blank lines are skipped, not errors; line numbers still count them.
printf '\n{"id":"fine","text":"A fine record."}\n\n   \n[]\n' > blank.jsonl
analyze_beside "blank lines around" blank.jsonl
expect_status 1
expect_stderr 'parallax: blank\.jsonl:5: record is not a JSON object'
expect_docs 2

# Every line bad: one error per line, the good file still read.
printf '1\n2\n' > allbad.jsonl
analyze_beside "only bad lines" allbad.jsonl
expect_status 1
expect_stderr 'parallax: allbad\.jsonl:1: record is not a JSON object' \
  'parallax: allbad\.jsonl:2: record is not a JSON object'
expect_docs 1
expect_doc good
pass
