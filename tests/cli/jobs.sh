# jobs.sh - --jobs: documents analysed in parallel give the same output as one at a time.
source "$(dirname "$0")/lib.bash"

mkdir -p story
for i in 1 2 3 4 5 6 7; do
  printf 'Report %s\n\nAbout %s00 people marched through Port Calder on Monday, the police said.\n"We will be back," one organiser told reporters.\n' "$i" "$i" > "story/r$i.txt"
done

run "one job" analyze --format json -j 1 story
expect_status 0
cp out one.json
for j in 2 3 8; do
  run "$j jobs" analyze --format json --jobs "$j" story
  expect_status 0
  cmp -s out one.json || fail "--jobs $j output differs from --jobs 1"
done

run "annotate with jobs" annotate -j 4 story
expect_status 0

run "jobs zero" analyze -j 0 story
expect_usage_error "--jobs: '0' is not a number from 1 to 64"
run "jobs word" analyze --jobs many story
expect_usage_error "--jobs: 'many'"
