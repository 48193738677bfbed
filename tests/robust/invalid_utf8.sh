#!/usr/bin/env bash
# Invalid UTF-8 beside a good file: one warning naming the file and the byte
# offset, exit 0, the document kept with U+FFFD in place of each bad sequence.
# With --strict: one error naming the byte offset, exit 1, the document dropped.
. "$(dirname "$0")/common.bash"

# The lone 0xFF is byte 22 (after "Latin-1 headline\n\nBad "), then a Latin-1 é and a truncated sequence.
printf 'Latin-1 headline\n\nBad \377 byte and caf\351 truncated \342\202 end.\n' > bad.txt
REPL=$(printf '\357\277\275')

analyze_beside "invalid UTF-8 beside good" bad.txt
expect_status 0
expect_stderr 'parallax: bad\.txt: warning: invalid UTF-8 at byte offset 22 \(3 sequences replaced by U\+FFFD\)'
expect_docs 2
expect_doc good
expect_doc bad
grep -Fq "\"text\":\"Latin-1 headline\\n\\nBad $REPL byte and caf$REPL truncated $REPL end.\"" out ||
  fail "document text without U+FFFD in place of the bad bytes"

px "--strict beside good" analyze --format json --strict good.txt bad.txt
expect_status 1
expect_stderr 'parallax: bad\.txt: invalid UTF-8 at byte offset 22'
expect_docs 1
expect_doc good
expect_no_doc bad

px "--quiet hides the warning" analyze --format json --quiet good.txt bad.txt
expect_status 0
expect_no_stderr
expect_docs 2

# The offset counts from the start of the file, a BOM included.
printf '\357\273\277Head\n\nx\300y\n' > bom.txt
px "--strict offset after a BOM" analyze --format json --strict good.txt bom.txt
expect_status 1
expect_stderr 'parallax: bom\.txt: invalid UTF-8 at byte offset 10'
expect_docs 1

# Invalid UTF-8 in a JSONL file is malformed JSON: one error for that record.
printf '{"id":"ok","text":"Fine."}\n{"id":"latin1","text":"caf\351."}\n' > feed.jsonl
analyze_beside "invalid UTF-8 in JSONL" feed.jsonl
expect_status 1
expect_stderr 'parallax: feed\.jsonl:2: malformed JSON at column [0-9]+: .*'
expect_docs 2
expect_doc good
expect_doc ok

px "sentences with invalid UTF-8" sentences bad.txt
expect_status 0
expect_stderr 'parallax: bad\.txt: warning: invalid UTF-8 at byte offset 22 \(3 sequences replaced by U\+FFFD\)'
grep -Fxq "Bad $REPL byte and caf$REPL truncated $REPL end." out || fail "sentence with U+FFFD missing"
pass
