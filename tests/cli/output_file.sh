# output_file.sh - -o/--output FILE writes the output there, and nothing to stdout.
source "$(dirname "$0")/lib.bash"
article a.txt "Harbour budget approved"

run "-o json" analyze -o result.json a.txt
expect_status 0
expect_out_empty
expect_err_empty
[ -s result.json ] || fail "result.json was not written"
# a file is not a terminal: JSON by default
grep -q '^{"schema":"parallax/1",' result.json || fail "result.json is not the JSON output"
[ "$(tail -c 1 result.json | od -An -c | tr -d ' ')" = '\n' ] || fail "result.json does not end with a newline"

run "--output= md" analyze --output=result.md --format md a.txt
expect_status 0
expect_out_empty
grep -q '^# 1 document$' result.md || fail "result.md is not the Markdown output"

# the output file is replaced, not appended to
printf 'old content that must go\n' > old.json
run "-o replaces" analyze -o old.json a.txt
expect_status 0
! grep -q 'old content' old.json || fail "old.json was appended to, not replaced"

# "-o -" is standard output
run "-o -" analyze -o - a.txt
expect_status 0
expect_out '^\{"schema":"parallax/1",'

# sentences -o
printf 'One sentence here. Another one there.\n' > s.txt
run "sentences -o" sentences -o s.out s.txt
expect_status 0
expect_out_empty
[ "$(cat s.out)" = "$(printf 'One sentence here.\nAnother one there.')" ] || fail "s.out: $(cat s.out)"

# with an input error the output is still written, and the status is 1
run "-o with a missing input" analyze -o partial.json a.txt missing.txt
expect_status 1
expect_err '^parallax: missing\.txt: '
grep -q '"id":"a"' partial.json || fail "partial.json lacks the good document"
