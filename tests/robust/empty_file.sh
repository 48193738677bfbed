#!/usr/bin/env bash
# An empty file beside a good one: one error naming it, exit 1.
. "$(dirname "$0")/common.bash"

: > empty.txt
analyze_beside "empty text file" empty.txt
expect_status 1
expect_stderr 'parallax: empty\.txt: empty file'
expect_docs 1
expect_doc good

: > empty.jsonl
analyze_beside "empty JSONL file" empty.jsonl
expect_status 1
expect_stderr 'parallax: empty\.jsonl: empty file'
expect_docs 1
expect_doc good

STEP="empty standard input"
timeout -k 5 "$PX_LIMIT" "$PX" analyze --format json good.txt - < /dev/null > out 2> err
RC=$?
[ "$RC" -lt 128 ] || fail "crashed with status $RC"
expect_status 1
expect_stderr 'parallax: <stdin>: empty file'
expect_docs 1
expect_doc good

# A file name with a newline and a Latin-1 byte in it: still one line, the bytes escaped.
weird=$(printf 'bad\nname-caf\351.txt')
: > "$weird"
analyze_beside "empty file with a newline in its name" "$weird"
expect_status 1
expect_stderr 'parallax: bad\\nname-caf\\xe9\.txt: empty file'
expect_docs 1
expect_doc good

px "sentences on an empty file" sentences empty.txt
expect_status 1
expect_stderr 'parallax: empty\.txt: empty file'
[ ! -s out ] || fail "sentences printed something for an empty file"
pass
