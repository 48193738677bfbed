# render.sh - the HTML report in a real browser: `analyze --format html` on
# three invented articles, one with markup injected in its text, then
# Chromium (headless) loads the page and dumps the DOM after any script would
# have run. Every section must be there, the injected markup must be text (no
# element made from it, no script run: the title stays ours) and the page
# must hold no <script> or <img> at all. Skipped (77) without Chromium.
source "$(dirname "$0")/../cli/lib.bash"

# Without a browser: the format is chosen by --format html or by -o NAME.html, and only analyze has it.
article x.txt "Harbour board meets"
run "-o NAME.html" analyze -o auto.html x.txt
expect_status 0
head -1 auto.html | grep -qx '<!DOCTYPE html>' || fail "-o auto.html did not write HTML"
run "--format html to stdout" analyze --format html x.txt
expect_status 0
expect_out '^<!DOCTYPE html>$'
expect_out '</html>'
run "extract --format html" extract --format html x.txt
expect_usage_error "extract: --format is text or json"

# PX_CHROMIUM names the browser (set but empty: behave as if there were none).
CHROMIUM=${PX_CHROMIUM-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$CHROMIUM" ]; then
  echo "chromium not installed: skipped (apt-get install chromium, or make test)"
  exit 77
fi

printf '%s\n\n%s\n\n%s\n' "Police clear the Port Merrow docks" \
  "Police cleared the Port Merrow docks on Sunday, ending a two-week strike." \
  "About 200 people were detained, the interior ministry said. Strikers called it a brutal raid." > a.txt
printf '{"source": "Merrow Courier", "published": "2026-05-04"}\n' > a.meta.json
printf '%s\n\n%s\n\n%s\n' "Riot police storm Merrow harbour" \
  "Riot police stormed the harbour at dawn on Sunday. Officials said 212 people were detained." \
  "The dockworkers' union said the raid was unprecedented and vowed to strike again." > b.txt
printf '{"source": "Ostland Post", "published": "2026-05-04"}\n' > b.meta.json
# The hostile one: markup in the text and in the outlet's name.
cat > c.txt <<'ARTICLE'
Harbour strike over <script>document.title='pwned'</script>

A reader sent <img src=x onerror="document.title='pwned'"> to the desk on Monday.

Click javascript:document.title='pwned' for more. Police said 180 protesters were detained on Sunday.

</style><style>body{display:none}</style> The union will meet on Friday.
ARTICLE
printf '{"source": "Evil <b>Outlet</b> \\"quoted\\"", "published": "2026-05-05"}\n' > c.meta.json

run "analyze --format html" analyze --format html -o report.html a.txt b.txt c.txt
expect_status 0
[ -s report.html ] || fail "report.html was not written"
expect_fixed report.html "Content-Security-Policy"

STEP="chromium --dump-dom"
mkdir -p profile
# --enable-logging: console messages, Content-Security-Policy violations among them, go to stderr.
HOME=$T timeout -k 5 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
  --enable-logging=stderr --v=0 --user-data-dir="$T/profile" --dump-dom "file://$T/report.html" > dom.html 2> chromium.err
rc=$?
[ "$rc" -eq 0 ] || fail "chromium exited with $rc: $(tail -3 chromium.err)"
[ -s dom.html ] || fail "chromium dumped no DOM"

STEP="content security policy"
! grep -q 'Content Security Policy' chromium.err ||
  fail "the page breaks its own policy: $(grep -m1 'Content Security Policy' chromium.err)"

STEP="sections"
for id in summary sources claims labels timeline framing; do
  grep -q "<section id=\"$id\">" dom.html || fail "no section id=\"$id\" in the DOM"
done
grep -q 'id="d2-s0"' dom.html || fail "no sentence d2-s0 in the DOM"

STEP="injected markup"
title=$(grep -o '<title>[^<]*</title>' dom.html | head -1)
[ -n "$title" ] || fail "no <title> in the DOM"
case $title in *pwned*) fail "a script from the article ran: $title" ;; esac
expect_fixed dom.html "&lt;script&gt;document.title='pwned'&lt;/script&gt;"
expect_fixed dom.html "&lt;img src=x onerror=\"document.title='pwned'\"&gt;"
expect_fixed dom.html "&lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt;"
expect_fixed dom.html "Evil &lt;b&gt;Outlet&lt;/b&gt;"
scripts=$(grep -oi '<script' dom.html | wc -l)
[ "$scripts" -eq 0 ] || fail "$scripts <script> elements in the DOM (the report has none of its own)"
! grep -qi '<img' dom.html || fail "an <img> element in the DOM"
! grep -qi 'href="javascript:' dom.html || fail "a javascript: link in the DOM"
styles=$(grep -oi '<style' dom.html | wc -l)
[ "$styles" -eq 1 ] || fail "$styles <style> elements in the DOM, want only ours"
! grep -q '<b>' dom.html || fail "a <b> element made from the outlet's name"
exit 0
