#!/usr/bin/env bash
# A text file with NUL bytes in it (UTF-16 text, a file padded with zeros),
# beside a good one: one error naming the file and the offset of the first NUL, exit 1.
. "$(dirname "$0")/common.bash"

printf 'A headline\n\nText with a NUL\000 in the middle.\n' > nul.txt
analyze_beside "NUL in the middle" nul.txt
expect_status 1
expect_stderr 'parallax: nul\.txt: binary data, not text \(NUL byte at offset 27\)'
expect_docs 1
expect_doc good
expect_no_doc nul

# "Hi." in UTF-16LE with a BOM: a NUL at offset 3.
printf '\377\376H\000i\000.\000\n\000' > utf16.txt
analyze_beside "UTF-16 text" utf16.txt
expect_status 1
expect_stderr 'parallax: utf16\.txt: binary data, not text \(NUL byte at offset 3\)'
expect_docs 1
expect_doc good

# A good article followed by 1000 NUL bytes of padding.
{ printf 'Padded headline\n\nThe text ends here.\n'; head -c 1000 /dev/zero; } > padded.txt
analyze_beside "NUL padding at the end" padded.txt
expect_status 1
expect_stderr 'parallax: padded\.txt: binary data, not text \(NUL byte at offset 37\)'
expect_docs 1
expect_doc good

# A JSON string may not smuggle a NUL in either: one error for that record.
printf '{"id":"esc","text":"NUL \\u0000 here."}\n{"id":"fine","text":"Fine."}\n' > nul.jsonl
analyze_beside "\\u0000 in JSONL" nul.jsonl
expect_status 1
expect_stderr 'parallax: nul\.jsonl:1: malformed JSON at column [0-9]+: .*'
expect_docs 2
expect_doc good
expect_doc fine
pass
