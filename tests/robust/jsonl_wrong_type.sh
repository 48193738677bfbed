#!/usr/bin/env bash
# JSONL records with fields of the wrong type ("text": 5, ...), each beside a
# good record in the same file and a good file: one error naming FILE:LINE and
# the field, exit 1, the good documents in the output.
. "$(dirname "$0")/common.bash"

check() { # check STEP FIELD-JSON MESSAGE-REGEX
  printf '{"id":"fine","text":"A fine record."}\n{"id":"bad",%s}\n' "$2" > feed.jsonl
  analyze_beside "$1" feed.jsonl
  expect_status 1
  expect_stderr "parallax: feed\\.jsonl:2: $3"
  expect_docs 2
  expect_doc good
  expect_doc fine
  expect_no_doc bad
}

check '"text": 5' '"text":5' 'field "text" must be a string'
check '"text": an array' '"text":["a","b"]' 'field "text" must be a string'
check '"text": an object' '"text":{"body":"x"}' 'field "text" must be a string'
check '"text": true' '"text":true' 'field "text" must be a string'
check '"text": null' '"text":null' 'record has no "text"'
check 'no "text"' '"title":"Only a title"' 'record has no "text"'
check '"title": 7' '"title":7,"text":"x."' 'field "title" must be a string'
check '"published": 2016' '"published":2016,"text":"x."' 'field "published" must be a string'
check '"source": []' '"source":[],"text":"x."' 'field "source" must be a string'

# A wrong "id" type: the record cannot be named by its id, so look for none.
printf '{"id":"fine","text":"A fine record."}\n{"id":{"n":1},"text":"Object id."}\n' > ids.jsonl
analyze_beside '"id": an object' ids.jsonl
expect_status 1
expect_stderr 'parallax: ids\.jsonl:2: field "id" must be a string or an integer'
expect_docs 2
expect_doc fine

# A date that is a string but not a date: a warning, the record kept.
printf '{"id":"fine","text":"A fine record."}\n{"id":"dated","published":"14/12/2016","text":"Kept."}\n' > dates.jsonl
analyze_beside "a bad date" dates.jsonl
expect_status 0
expect_stderr 'parallax: dates\.jsonl:2: warning: published date "14/12/2016" is not YYYY-MM-DD; ignored'
expect_docs 3
expect_doc dated

# A newline inside the bad date must not split the warning over two lines.
printf '{"id":"fine","text":"A fine record."}\n{"id":"nl","published":"2016\\n12","text":"Kept."}\n' > nl.jsonl
analyze_beside "a date with a newline" nl.jsonl
expect_status 0
expect_stderr 'parallax: nl\.jsonl:2: warning: published date "2016\\n12" is not YYYY-MM-DD; ignored'
expect_docs 3
pass
