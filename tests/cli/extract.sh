# extract.sh - parallax extract on HTML pages: text and JSON, standard input,
# forced formats; HTML through analyze and in JSONL records.
source "$(dirname "$0")/lib.bash"

cat > page.html <<'EOF'
<!doctype html>
<html lang="en"><head><title>Quay wall repaired | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta name="author" content="Ann Smith">
<meta property="article:published_time" content="2024-03-14T09:00:00+00:00">
<link rel="canonical" href="https://example.org/2024/03/14/quay"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Quay wall repaired</h1>
<p>Workers finished repairs to the quay wall on Tuesday, three weeks early, the council said.</p>
<p>The wall, damaged in a storm in January, had closed the eastern quay to boats for a month.</p>
<div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a></div></article>
<footer>Copyright 2024 Harbour Times</footer></body></html>
EOF
BODY1='Workers finished repairs to the quay wall on Tuesday, three weeks early, the council said.'
BODY2='The wall, damaged in a storm in January, had closed the eastern quay to boats for a month.'

run "extract text" extract page.html
expect_status 0
expect_err_empty
[ "$(cat out)" = "$BODY1

$BODY2" ] || fail "unexpected text"

run "extract json" extract --format json page.html
expect_status 0
expect_err_empty
expect_fixed out '"title": "Quay wall repaired", "title_from": "h1"'
expect_fixed out '"authors": ["Ann Smith"], "authors_from": "meta"'
expect_fixed out '"published": "2024-03-14", "published_from": "article:published_time"'
expect_fixed out '"site": "Harbour Times", "site_from": "og:site_name"'
expect_fixed out '"url": "https://example.org/2024/03/14/quay", "url_from": "link-canonical"'
expect_fixed out '"lang": "en", "lang_from": "html-lang"'
[ "$(wc -l < out)" -eq 1 ] || fail "json is not one line"

run "extract json --pretty" extract -f json --pretty page.html
expect_status 0
expect_out '^  "text": "Workers finished'

run_in "extract from standard input" "$(cat page.html)" extract -
expect_status 0
expect_out "^$BODY1\$"

run_in "analyze --input-format html from standard input" "$(cat page.html)" analyze --format json --input-format html -
expect_status 0
expect_fixed out '"format":"html"'
expect_fixed out '"source":"Harbour Times"'

cp page.html named.txt
run "extract reads HTML whatever the name" extract named.txt
expect_status 0
expect_out "^$BODY1\$"
run "analyze reads .txt as text" analyze --format json named.txt
expect_status 0
expect_fixed out '"format":"text"'

run "analyze an .html file" analyze --format json page.html
expect_status 0
expect_fixed out '"id":"page"'
expect_fixed out '"authors":["Ann Smith"]'
expect_fixed out '"reason":"share"'

printf '{"id": "r1", "source": "Record Source", "html": "<p>The record holds a page, and the page holds this paragraph of text.</p>"}\n' > feed.jsonl
run "a JSONL record with html" analyze --format json feed.jsonl
expect_status 0
expect_fixed out '"id":"r1"'
expect_fixed out '"source":"Record Source"'
expect_fixed out '"text":"The record holds a page, and the page holds this paragraph of text."'

printf '<html><head><title>Nothing here</title></head><body><script>x()</script></body></html>' > empty.html
run "a page without text" extract empty.html
expect_status 1
expect_out_empty
expect_err '^parallax: empty\.html: no article text found in the page$'

run "extract --format md" extract --format md page.html
expect_usage_error 'extract: --format is text or json'
run "extract two files" extract page.html page.html
expect_usage_error 'extract: one FILE at most'
echo "PASS [$TEST_NAME]"
