# story.sh - analyze compares its inputs: the story in JSON, Markdown and HTML.
source "$(dirname "$0")/lib.bash"

mkdir -p story
printf 'Army retakes Norvik district\n\nGovernment troops took control of 30%% of eastern Norvik on Monday, the Defence Ministry said.\n\nThe ministry said 200 people were detained in the district on Monday.\n\nResidents said the shelling had stopped by the evening.\n' > story/a.txt
printf '{"source": "Daily Ledger", "published": "2031-03-04"}\n' > story/a.meta.json
printf 'Norvik fighting goes on\n\nGovernment troops controlled 60%% of eastern Norvik by Wednesday, according to the Defence Ministry.\n\nA monitoring group said 900 people were detained in the district on Monday.\n\nRebels said they would fight on in the old town.\n' > story/b.txt
printf '{"source": "Free Voice", "published": "2031-03-06"}\n' > story/b.meta.json
printf 'Norvik: the regime advances\n\nThe ministry said 200 people were detained in the district on Monday.\n\nTerrorists shelled a school in the old town, officials claimed.\n' > story/c.txt
printf '{"source": "State Wire", "published": "2031-03-04"}\n' > story/c.meta.json

run "json" analyze --format json story
expect_status 0
for key in '"story":{"entities":' '"labels":' '"claim_groups":' '"corroboration":' '"exclusive":' \
  '"timeline":' '"framing":' '"summary":{"agreed":'; do
  grep -qF "$key" out || fail "no $key in the story"
done
grep -q '"measure":"[^"]*","kind":"progression"' out || fail "the shares over three days are no progression"
grep -q '"measure":"[^"]*detained[^"]*","kind":"conflict"' out || fail "200 against 900 detained on one day is no conflict"
grep -q '"supported_by":\[{"doc":"[ac]"' out || fail "the sentence two sources share is not corroborated"

run "markdown" analyze --format md story
expect_status 0
grep -q '^# The story across 3 sources' out || fail "no story heading in Markdown"
grep -q 'progression' out || fail "no progression in Markdown"

run "html" analyze -o story.html story
expect_status 0
grep -q '<section id="summary"' story.html || grep -q 'id="summary"' story.html || fail "no summary section in the HTML"
