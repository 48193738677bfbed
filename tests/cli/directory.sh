# directory.sh - a directory input: recursive, name order, sidecars and hidden files skipped.
source "$(dirname "$0")/lib.bash"

mkdir -p story/sub story/.git
article story/b.txt "Second by name"
article story/a.txt "First by name"
printf '{"source": "North Star"}\n' > story/a.meta.json
article story/.draft.txt "A hidden draft"
article story/.git/c.txt "Inside a hidden directory"
article story/sub/c.txt "In a subdirectory"
printf '{"id": "feed-1", "text": "From a feed\\n\\nA JSONL record."}\n' > story/z.jsonl

run "directory" analyze story
expect_status 0
expect_err_empty
expect_values id '"a"' '"b"' '"c"' '"feed-1"'
expect_values path '"story/a.txt"' '"story/b.txt"' '"story/sub/c.txt"' '"story/z.jsonl:1"'
expect_values source '"North Star"' null null null

run "directory with a slash" analyze story/
expect_status 0
expect_values id '"a"' '"b"' '"c"' '"feed-1"'

# a directory and a file: in the order given
article single.txt "A single file"
run "file then directory" analyze single.txt story/sub
expect_status 0
expect_values id '"single"' '"c"'

# a bad file inside: named on stderr, status 1, the others still there
printf 'GIF89a\000\000\001' > story/sub/d.txt
run "bad file inside" analyze story
expect_status 1
expect_err '^parallax: story/sub/d\.txt: '
[ "$(grep -c '^parallax:' err)" -eq 1 ] || fail "one diagnostic expected"
expect_values id '"a"' '"b"' '"c"' '"feed-1"'

# an empty directory (only hidden files and sidecars) is an input error
mkdir empty
printf '{}' > empty/x.meta.json
run "empty directory" analyze empty
expect_status 1
expect_err '^parallax: empty: '
expect_values id
