#!/usr/bin/env bash
# A JSONL file whose last record is cut short (an interrupted download), with a
# good record before it, beside a good file: one error naming FILE:LINE, exit 1,
# both good documents in the output.
. "$(dirname "$0")/common.bash"

printf '{"id":"rec1","source":"Wire","text":"Record headline\\n\\nThe first record is whole."}\n' > feed.jsonl
printf '{"id":"rec2","source":"Wire","text":"Record two is cut sh' >> feed.jsonl
analyze_beside "truncated last record" feed.jsonl
expect_status 1
expect_stderr 'parallax: feed\.jsonl:2: malformed JSON at column [0-9]+: premature end of input.*'
expect_docs 2
expect_doc good
expect_doc rec1
expect_no_doc rec2

# Cut inside a key, and in the middle of the file: the records after it are still read.
printf '{"id":"a","text":"A."}\n{"id":"b","te\n{"id":"c","text":"C."}\n' > mid.jsonl
analyze_beside "truncated record in the middle" mid.jsonl
expect_status 1
expect_stderr 'parallax: mid\.jsonl:2: malformed JSON at column [0-9]+: .+'
expect_docs 3
expect_doc a
expect_doc c

# A lone "{" as the last line.
printf '{"id":"a","text":"A."}\n{' > brace.jsonl
analyze_beside "a lone brace" brace.jsonl
expect_status 1
expect_stderr 'parallax: brace\.jsonl:2: malformed JSON at column [0-9]+: .+'
expect_docs 2
pass
