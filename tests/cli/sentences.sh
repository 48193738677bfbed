# sentences.sh - one sentence per line, from standard input or a file.
source "$(dirname "$0")/lib.bash"

input='The council met on Monday. It voted
to build a bridge across the river!
Was the vote close?

A new paragraph starts here'
want='The council met on Monday.
It voted to build a bridge across the river!
Was the vote close?
A new paragraph starts here'

run_in "stdin" "$input" sentences
expect_status 0
expect_err_empty
[ "$(cat out)" = "$want" ] || fail "got: $(cat out)"

run_in "stdin with -" "$input" sentences -
expect_status 0
[ "$(cat out)" = "$want" ] || fail "got: $(cat out)"

printf '%s\n' "$input" > in.txt
run "file" sentences in.txt
expect_status 0
expect_err_empty
[ "$(cat out)" = "$want" ] || fail "got: $(cat out)"

# newlines (and other white space runs) inside a sentence become one space
# (hard-wrapped lines of ordinary length: very short lines may end a sentence)
printf 'A sentence that was wrapped by the mail\nprogram   at about forty columns\r\nof\ttext ends here. Next.\n' > wrapped.txt
run "wrapped" sentences wrapped.txt
expect_status 0
[ "$(cat out)" = "$(printf 'A sentence that was wrapped by the mail program at about forty columns of text ends here.\nNext.')" ] ||
  fail "got: $(cat out)"

# the text is taken as it is: no headline, no boilerplate removal
printf 'Headline without a period\nShare on Facebook Twitter Email\n' > raw.txt
run "raw" sentences raw.txt
expect_status 0
expect_fixed out 'Share on Facebook Twitter Email'

# every output line is one sentence: no blank lines
[ "$(grep -c '^$' out)" -eq 0 ] || fail "blank line in the output"

# errors: a missing file (status 1, named), an empty input
run "missing" sentences nope.txt
expect_status 1
expect_err '^parallax: nope\.txt: '
run_in "empty stdin" "" sentences
expect_status 1
expect_err '^parallax: <stdin>: '
