# formats.sh - --format json|md, --pretty, --tokens.
source "$(dirname "$0")/lib.bash"
article a.txt "Harbour budget approved"

# stdout is a file here, not a terminal: JSON unless told otherwise
run "default" analyze a.txt
expect_status 0
expect_err_empty
[ "$(wc -l < out)" -eq 1 ] || fail "compact JSON should be one line"
expect_out '^\{"schema":"parallax/1","generator":"parallax [0-9.]+","documents":\[\{'
expect_values id '"a"'
expect_values title '"Harbour budget approved"'
expect_values format '"text"'
expect_values reason '"share"'
expect_out '"paragraphs":\[\{"start":0,"end":23,"kind":"headline"\}'
expect_no_out '"tokens"'

run "--format json" analyze --format json a.txt
expect_status 0
expect_out '^\{"schema":"parallax/1",'

run "-f json" analyze -f json a.txt
expect_status 0
expect_out '^\{"schema":"parallax/1",'

for f in md markdown; do
  run "--format $f" analyze --format "$f" a.txt
  expect_status 0
  expect_err_empty
  expect_out '^# 1 document$'
  expect_out '^## 1\. Harbour budget approved$'
  expect_out '^- id: a$'
  expect_out 'The harbour board met on Monday\.'
  expect_out 'boilerplate lines? removed'
  expect_no_out '"schema"'
done

run "--pretty" analyze --pretty a.txt
expect_status 0
[ "$(wc -l < out)" -gt 5 ] || fail "--pretty output should span several lines"
expect_out '^\{$'
expect_out '^  "schema": "parallax/1",$'
expect_out '^  "documents": \[$'
expect_out '^\}$'

run "--tokens" analyze --tokens a.txt
expect_status 0
expect_out '"tokens":\[\{"start":0,"end":7,"kind":"word","sentence":0'
expect_out '"kind":"punct"'

# Markdown escapes what would be markup
printf 'Prices *rose* by 5_000 [sic] #1\n\nA body line with <b> and `ticks`.\n' > md.txt
run "md escaping" analyze -f md md.txt
expect_status 0
expect_fixed out '## 1. Prices \*rose\* by 5\_000 \[sic\] \#1'
expect_fixed out 'A body line with \<b\> and \`ticks\`.'
