# metadata.sh - --source and --published on documents; sidecars; standard input.
source "$(dirname "$0")/lib.bash"
article a.txt "Harbour budget approved"
article b.txt "Budget passes after long debate"

run "no metadata" analyze a.txt
expect_status 0
expect_values source null
expect_values published null
expect_values url null
expect_values path '"a.txt"'

run "--source --published" analyze --source "Bay Herald" --published 2016-12-14 a.txt b.txt
expect_status 0
expect_err_empty
expect_values id '"a"' '"b"'
expect_values source '"Bay Herald"' '"Bay Herald"'
expect_values published '"2016-12-14"' '"2016-12-14"'

# =VALUE forms; a timestamp keeps its date; year-month and year alone are dates too
run "--published=timestamp" analyze --source=Quay\ Times --published=2016-12-14T10:30:00Z a.txt
expect_status 0
expect_values source '"Quay Times"'
expect_values published '"2016-12-14"'
run "--published month" analyze --published 2016-12 a.txt
expect_status 0
expect_values published '"2016-12"'
run "--published year" analyze --published 2016 a.txt
expect_status 0
expect_values published '"2016"'

# options may come before the command
run "options first" --source Early --published 2015-01-31 analyze a.txt
expect_status 0
expect_values source '"Early"'
expect_values published '"2015-01-31"'

# a sidecar gives metadata; the options only fill in what it lacks (docs/schema.md)
printf '{"source": "Sidecar Weekly", "published": "2016-12-13", "url": "https://example.org/b", "title": "Budget passes after long debate"}\n' > b.meta.json
run "sidecar" analyze b.txt
expect_status 0
expect_err_empty
expect_values source '"Sidecar Weekly"'
expect_values published '"2016-12-13"'
expect_values url '"https://example.org/b"'
expect_out '"kind":"headline"'
run "sidecar and options" analyze --source "Bay Herald" --published 2016-12-14 b.txt
expect_status 0
expect_values source '"Sidecar Weekly"'
expect_values published '"2016-12-13"'
expect_values url '"https://example.org/b"'

# a bad date in a sidecar is a warning (status 0), silenced by --quiet
printf '{"published": "2016-02-30"}\n' > a.meta.json
run "sidecar bad date" analyze a.txt
expect_status 0
expect_err '^parallax: a\.txt: warning: .*2016-02-30'
expect_values published null
run "sidecar bad date, quiet" analyze -q a.txt
expect_status 0
expect_err_empty
rm a.meta.json

# "-" reads standard input: id "stdin", path "-"
run_in "stdin" "$(cat a.txt)" analyze --source Piped -
expect_status 0
expect_err_empty
expect_values id '"stdin"'
expect_values path '"-"'
expect_values source '"Piped"'
expect_values title '"Harbour budget approved"'

# standard input and a file together, in the order given
run_in "stdin and file" "$(cat a.txt)" analyze b.txt -
expect_status 0
expect_values id '"b"' '"stdin"'

# JSONL records carry their own metadata; --input-format reads any name as JSONL
printf '{"id": "r1", "source": "Record Post", "published": "2016-12-12", "text": "Record headline\\n\\nRecord body."}\n{"text": "No id\\n\\nBody."}\n' > recs.data
run "jsonl" analyze --input-format jsonl recs.data
expect_status 0
expect_values id '"r1"' '"recs:2"'
expect_values source '"Record Post"' null
expect_values path '"recs.data:1"' '"recs.data:2"'
expect_values format '"jsonl"' '"jsonl"'
