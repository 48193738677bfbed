#!/usr/bin/env bash
# A file of nothing but white space beside a good one: one error naming it, exit 1.
. "$(dirname "$0")/common.bash"

printf '   \n\n\t\t\n \r\n\f\v\n   ' > blank.txt
analyze_beside "ASCII white space" blank.txt
expect_status 1
expect_stderr 'parallax: blank\.txt: no text: only white space'
expect_docs 1
expect_doc good

# Lines of no-break spaces only are blank too, once cleaned: nothing is left.
printf '\302\240\n\302\240\n\n' > nbsp.txt
analyze_beside "no-break spaces" nbsp.txt
expect_status 1
expect_stderr 'parallax: nbsp\.txt: .+'
expect_docs 1
expect_doc good

printf '\n\n   \n\n' > blank.jsonl
analyze_beside "blank JSONL file" blank.jsonl
expect_status 1
expect_stderr 'parallax: blank\.jsonl: no text: only white space'
expect_docs 1
expect_doc good

# A JSONL record whose text is only white space: an error for that record.
printf '{"id":"ws","text":" \\n\\t "}\n{"id":"fine","text":"Fine."}\n' > ws.jsonl
analyze_beside "white-space text in a record" ws.jsonl
expect_status 1
expect_stderr 'parallax: ws\.jsonl:1: no text: only white space'
expect_docs 2
expect_doc fine

px "sentences on white space" sentences blank.txt
expect_status 1
expect_stderr 'parallax: blank\.txt: no text: only white space'
[ ! -s out ] || fail "sentences printed something for a blank file"
pass
