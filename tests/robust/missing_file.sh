#!/usr/bin/env bash
# A file that does not exist, beside a good one: one error naming it, exit 1,
# the good document still in the output. Also as the only input, and last.
. "$(dirname "$0")/common.bash"

analyze_beside "missing beside good" no-such-file.txt
expect_status 1
expect_stderr 'parallax: no-such-file\.txt: cannot open: No such file or directory'
expect_docs 1
expect_doc good

px "missing first" analyze --format json no-such-file.txt good.txt
expect_status 1
expect_stderr 'parallax: no-such-file\.txt: cannot open: No such file or directory'
expect_docs 1
expect_doc good

px "missing alone" analyze --format json no/such/dir/a.txt
expect_status 1
expect_stderr 'parallax: no/such/dir/a\.txt: cannot open: No such file or directory'
expect_docs 0

px "sentences on a missing file" sentences no-such-file.txt
expect_status 1
expect_stderr 'parallax: no-such-file\.txt: cannot open: No such file or directory'
[ ! -s "$T/out" ] || fail "sentences printed something for a missing file"
pass
