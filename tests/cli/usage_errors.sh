# usage_errors.sh - bad command lines: exit 2, nothing on stdout, one message line and the hint.
source "$(dirname "$0")/lib.bash"
article a.txt "Harbour budget approved"

run "no arguments"
expect_usage_error 'no command'
run "unknown command" frobnicate a.txt
expect_usage_error "unknown command 'frobnicate'"
run "unknown long option" analyze --frobnicate a.txt
expect_usage_error "unrecognized option '--frobnicate'"
run "unknown option before the command" --frobnicate analyze a.txt
expect_usage_error "--frobnicate"
run "unknown short option" analyze -x a.txt
expect_usage_error "'x'"
run "missing option value" analyze a.txt -o
expect_usage_error "requires an argument"
run "value for a flag" analyze --pretty=yes a.txt
expect_usage_error "--pretty"
run "analyze without input" analyze
expect_usage_error 'analyze: no INPUT'
run "analyze without input but options" analyze --pretty -f json
expect_usage_error 'analyze: no INPUT'
run "bad --format" analyze --format xml a.txt
expect_usage_error "unknown output format 'xml'"
run "bad --input-format" analyze --input-format pdf a.txt
expect_usage_error "unknown input format 'pdf'"
run "bad --max-bytes" analyze --max-bytes 0 a.txt
expect_usage_error "--max-bytes"
run "negative --max-bytes" analyze --max-bytes -5 a.txt
expect_usage_error "--max-bytes"
run "sentences with two files" sentences a.txt a.txt
expect_usage_error 'sentences: one FILE'

# --published must be a real date
for bad in 2016-02-30 2016-13-01 yesterday "" 14/12/2016 2016-12-14x; do
  run "--published '$bad'" analyze --published "$bad" a.txt
  expect_usage_error "--published"
done
run "--published=bad" analyze --published=2016-02-30 a.txt
expect_usage_error "--published: '2016-02-30'"

# an output that cannot be written is a usage-class failure too (status 2)
run "unwritable output" analyze -o "$T/no/such/dir/out.json" a.txt
expect_status 2
expect_err "no/such/dir/out.json"
