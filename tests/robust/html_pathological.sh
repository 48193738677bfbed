#!/usr/bin/env bash
# Pathological HTML, each within the time limit and without a crash:
#   100,000 nested <div>s, 200,000 attributes on one tag, tags left unclosed
#   everywhere (100,000 times over), 200,000 short paragraphs beside the
#   article (each a candidate sibling), a 50 MB page: exit 0, the text extracted;
#   binary bytes named .html, a page without any text, a page with markup but
#   no article text, an empty page, and formatting elements left open with new
#   attributes in 100,000 paragraphs (past the parser's memory limit): one
#   clear error line, exit 1 (beside a good input, which is still read).
. "$(dirname "$0")/common.bash"
PX_LIMIT=${PX_PATHOLOGICAL_LIMIT:-60}

{
  printf '<html><body>'
  head -c 100000 /dev/zero | tr '\0' 'x' | sed 's/x/<div>/g'
  printf 'Deep text at the bottom of many divs.'
} > deep.html
awk 'BEGIN { printf "<html><body><p"; for (i = 0; i < 200000; i++) printf " a%d=\"v\"", i
             printf ">Text with many attributes.</p></body></html>" }' > attrs.html
awk 'BEGIN { printf "<html><body>"
             for (i = 0; i < 100000; i++) printf "<p>Unclosed <b>bold <i>italic <table><tr><td>cell <span>span %d ", i }' \
  > unclosed.html
awk 'BEGIN { printf "<html><head><title>Big</title></head><body><article>"
             s = "<p>This is a long paragraph of an enormous page, with commas, words and a period at its end.</p>\n"
             n = int(50 * 1048576 / length(s)); for (i = 0; i < n; i++) printf "%s", s
             printf "</article></body></html>" }' > big.html
awk 'BEGIN { printf "<html><body><div id=\"wrap\"><div class=\"main\"><p>A first paragraph, with commas, many commas, "
             printf "and more words, and a period.</p><p>Another paragraph, with commas, and more, and a period.</p></div>"
             for (i = 0; i < 200000; i++) printf "<p>Short line %d</p>", i; printf "</div></body></html>" }' > siblings.html
for f in deep attrs unclosed big siblings; do [ -s "$f.html" ] || fail "could not generate $f.html"; done
[ "$(wc -c < big.html)" -ge 52000000 ] || fail "big.html is smaller than 50 MB"

px "100,000 nested divs" extract deep.html
expect_status 0
expect_no_stderr
[ "$(cat out)" = "Deep text at the bottom of many divs." ] || fail "deep text not extracted: $(head -c 200 out)"

px "100,000 nested divs beside good (analyze)" analyze --format json good.txt deep.html
expect_status 0
expect_no_stderr
expect_docs 2
expect_doc good
expect_doc deep

px "200,000 attributes" extract attrs.html
expect_status 0
expect_no_stderr
[ "$(cat out)" = "Text with many attributes." ] || fail "text of the tag not extracted: $(head -c 200 out)"

px "unclosed tags everywhere" extract unclosed.html
expect_status 0
expect_no_stderr
grep -q 'span 99999' out || fail "the last unclosed paragraph is missing"

px "200,000 short sibling paragraphs" extract siblings.html
expect_status 0
expect_no_stderr
grep -q 'Another paragraph' out || fail "the main paragraphs are missing"

px "a 50 MB page" extract big.html
expect_status 0
expect_no_stderr
n=$(grep -c 'This is a long paragraph' out)
[ "$n" -ge 500000 ] || fail "only $n paragraphs of the 50 MB page extracted"

# Binary bytes with an .html name: an ELF header (NUL at offset 7), or a stand-in.
if [ -r /bin/ls ]; then head -c 4096 /bin/ls > bin.html; else printf '\177ELF\002\001\001\000\000\000' > bin.html; fi
px "binary named .html" analyze --format json good.txt bin.html
expect_status 1
expect_stderr 'parallax: bin\.html: binary data, not text \(NUL byte at offset [0-9]+\)'
expect_docs 1
expect_doc good

printf '<!doctype html>\n<html><head><title></title></head>\n<body>\n  \n</body></html>\n' > notext.html
px "a page without text" analyze --format json good.txt notext.html
expect_status 1
expect_stderr 'parallax: notext\.html: no article text found in the page'
expect_docs 1
expect_doc good

printf '<html><body><script>var a = "<p>not text</p>";</script><img src="a.png"><nav><a href="/"></a></nav></body></html>' \
  > markup.html
px "markup without words" extract markup.html
expect_status 1
expect_stderr 'parallax: markup\.html: no article text found in the page'
[ ! -s out ] || fail "extract printed something for a page without text"

# A formatting element left open with new attributes in each of 100,000 paragraphs: the parser
# reopens them all in every paragraph; past its memory limit the page is refused.
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 100000; i++) printf "<p><b class=\"c%d\">Text %d</p>", i, i }' \
  > formatting.html
px "formatting elements reopened everywhere" analyze --format json good.txt formatting.html
expect_status 1
expect_stderr 'parallax: formatting\.html: page too complex to parse \(parser memory limit reached\)'
expect_docs 1
expect_doc good

printf '' > empty.html
px "an empty page" extract empty.html
expect_status 1
expect_stderr 'parallax: empty\.html: empty file'
pass
