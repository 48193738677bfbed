# annotate.sh - parallax annotate: the fact layers as JSON Lines.
source "$(dirname "$0")/lib.bash"

story='Harbour strike ends

About 1,200 workers left the terminal on Monday, the Interior Ministry said.
"We have won nothing," a union official told reporters.'

run_in "all layers" "$story" annotate --published 2025-11-19
expect_status 0
expect_err_empty
# every line is one record with doc, layer, start, end and text
bad=$(grep -cv '^{"doc":"stdin","layer":"[a-z]*","start":[0-9]*,"end":[0-9]*,"text":' out)
[ "$bad" -eq 0 ] || fail "$bad lines are not annotation records"
expect_out '"layer":"quantities","start":[0-9]+,"end":[0-9]+,"text":"About 1,200","value":1200,"value_max":null,"approx":"about","unit":"worker","category":"people"'
expect_out '"layer":"times","start":[0-9]+,"end":[0-9]+,"text":"Monday","type":"DATE","value":"2025-11-17"'
expect_out '"layer":"quotes","start":[0-9]+,"end":[0-9]+,"text":"We have won nothing,"'
expect_out '"layer":"entities".*"text":"Interior Ministry"'

run_in "one layer" "$story" annotate --layers times --published 2025-11-19
expect_status 0
expect_no_out '"layer":"(quantities|entities|quotes)"'
expect_out '"layer":"times"'

run_in "two layers" "$story" annotate --layers quantities,quotes
expect_status 0
expect_no_out '"layer":"(times|entities)"'
expect_out '"layer":"quantities"'
expect_out '"layer":"quotes"'

run_in "no date: relative dates stay unresolved" "$story" annotate --layers times
expect_status 0
expect_no_out '"value":"2025'

run "bad layer" annotate --layers quantities,colours story.txt
expect_usage_error "--layers: 'quantities,colours'"

run "missing file" annotate nothere.txt
expect_status 1
expect_err "nothere.txt"
