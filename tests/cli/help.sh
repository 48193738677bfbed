# help.sh - --help and -h: exit 0, the commands, the options and the exit statuses.
source "$(dirname "$0")/lib.bash"

for opt in --help -h; do
  run "$opt" "$opt"
  expect_status 0
  expect_err_empty
  expect_out '^parallax - '
  expect_out 'analyze'
  expect_out 'sentences'
  expect_out '^EXIT STATUS'
  expect_out '^OPTIONS'
  for o in --format --output --source --published --input-format --strict --max-bytes --pretty --tokens --quiet --help --version; do
    expect_fixed out "$o"
  done
  # every exit status is explained
  for code in 0 1 2; do expect_out "^ +$code\$"; done
done

# --help wins wherever it stands, even after a command and other options.
run "after a command" analyze --pretty --help
expect_status 0
expect_out '^EXIT STATUS'
run "after sentences" sentences --help
expect_status 0
expect_out 'analyze'
