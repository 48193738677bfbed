#!/usr/bin/env bash
# A 50 MiB file that is one single line, beside a good file: read, segmented
# and written within the time limit, exit 0, no diagnostics. Also through
# `parallax sentences`, as one giant sentence, and over --max-bytes.
. "$(dirname "$0")/common.bash"

SIZE=52428800 # 50 MiB
S='Lorem ipsum dolor sit amet, consectetur. ' # 41 bytes, one sentence
yes "$S" | tr -d '\n' | head -c "$SIZE" > big.txt
[ "$(wc -c < big.txt)" -eq "$SIZE" ] || fail "could not generate big.txt"
[ "$(wc -l < big.txt)" -eq 0 ] || fail "big.txt is not one line"

analyze_beside "50 MiB line beside good" big.txt
expect_status 0
expect_no_stderr
expect_docs 2
expect_doc good
expect_doc big
{ grep -Fq '"path":"big.txt","format":"text",' out && grep -Fq "\"length\":$SIZE," out; } ||
  fail "big document without its full length"

px "sentences on the 50 MiB line" sentences big.txt
expect_status 0
expect_no_stderr
n=$(wc -l < out)
[ "$n" -eq $(((SIZE + 40) / 41)) ] || fail "$n sentences, expected $(((SIZE + 40) / 41))"
[ "$(head -n 1 out)" = "Lorem ipsum dolor sit amet, consectetur." ] || fail "first sentence wrong"
rm -f out

# One 50 MiB sentence: words and spaces, no full stop anywhere.
yes 'word' | tr '\n' ' ' | head -c "$SIZE" > one.txt
px "sentences on one 50 MiB sentence" sentences one.txt
expect_status 0
expect_no_stderr
[ "$(wc -l < out)" -eq 1 ] || fail "$(wc -l < out) lines, expected one sentence"
[ "$(wc -c < out)" -eq "$SIZE" ] || fail "$(wc -c < out) bytes of output, expected $SIZE (the sentence, trimmed, and a newline)"
rm -f out

# Over the limit: one error naming the file and the sizes, the good file still read.
px "over --max-bytes" analyze --format json --max-bytes 1000000 good.txt big.txt
expect_status 1
expect_stderr "parallax: big\\.txt: input too large: $SIZE bytes \\(limit 1000000, see --max-bytes\\)"
expect_docs 1
expect_doc good

STEP="over --max-bytes on standard input"
timeout -k 5 "$PX_LIMIT" "$PX" analyze --format json --max-bytes 1000000 good.txt - < big.txt > out 2> err
RC=$?
[ "$RC" -lt 128 ] && [ "$RC" -ne 124 ] || fail "crashed or timed out: status $RC"
expect_status 1
expect_stderr 'parallax: <stdin>: input too large: over 1000000 bytes \(see --max-bytes\)'
expect_docs 1
expect_doc good
pass
